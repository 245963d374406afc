//! Graphviz DOT.
//!
//! Every id and attribute value is written as a quoted string through [`Escaped`], the one
//! escaper of this format, so no name, doc comment or type can break the syntax. States are
//! rounded boxes named after their struct; the initial state is entered from a small filled
//! point; a state that no transition leaves has a double border; loops are self-edges. A
//! group is a dashed `subgraph cluster_…` around its members, and each of its handlers one
//! edge from the cluster's border (`ltail`); a fallible edge is dashed.

use crate::graph::Graph;
use crate::options::{MUTED, Options};
use std::fmt::{self, Display, Write};

/// The id of the start point. It holds `(`, which no Rust identifier (no state name) does.
const START: &str = "(start)";

/// The fonts of every label: a list, so each system picks the first it has.
const FONT: &str = "Helvetica,Arial,sans-serif";

/// Writes `graph` as a DOT `digraph` to `out`.
///
/// # Errors
///
/// Only those of `out`.
pub fn write(graph: &Graph, options: &Options, out: &mut impl Write) -> fmt::Result {
    let clusters = graph.clusters();
    let (node_size, edge_size, spacing) = if options.compact {
        (11, 9, "nodesep=0.2, ranksep=0.3")
    } else {
        (14, 11, "nodesep=0.4, ranksep=0.5")
    };
    writeln!(out, "digraph {} {{", Escaped(&graph.name))?;
    write!(
        out,
        "    graph [label={}, labelloc=t, fontname={}, fontsize={}, rankdir={}, {spacing}",
        Escaped(&graph.name),
        Escaped(FONT),
        node_size + 2,
        options.direction.code(),
    )?;
    if !clusters.is_empty() {
        // Lets an edge start at a cluster's border (`ltail`).
        write!(out, ", compound=true")?;
    }
    tooltip(out, &graph.doc)?;
    writeln!(out, "];")?;
    writeln!(
        out,
        "    node [shape=box, style=\"rounded,filled\", fillcolor=\"#eef3fb\", color=\"#34495e\", fontname={}, fontsize={node_size}];",
        Escaped(FONT),
    )?;
    writeln!(
        out,
        "    edge [color=\"#34495e\", fontname={}, fontsize={edge_size}];",
        Escaped(FONT),
    )?;
    writeln!(out)?;

    if graph.initial().is_some() {
        writeln!(
            out,
            "    {} [shape=point, width=0.12, style=filled, fillcolor=\"#34495e\", label=\"\", tooltip=\"start\"];",
            Escaped(START),
        )?;
    }
    for state in &graph.states {
        let mut label = state.label();
        if options.docs && !state.doc_line().is_empty() {
            label.push('\n');
            label.push_str(state.doc_line());
        }
        write!(
            out,
            "    {} [label={}",
            Escaped(&state.name),
            Escaped(&label)
        )?;
        if state.is_marker() {
            write!(out, ", shape=plaintext, style=\"\", fontcolor=\"{MUTED}\"")?;
        }
        if state.terminal {
            write!(out, ", peripheries=2")?;
        }
        if state.unreachable {
            write!(out, ", style=\"rounded,filled,dashed\"")?;
        }
        tooltip(out, &state.doc)?;
        writeln!(out, "];")?;
    }
    for cluster in &clusters {
        let group = &graph.groups[cluster.group];
        writeln!(out, "    subgraph {} {{", Escaped(&cluster_id(&group.name)))?;
        write!(
            out,
            "        graph [label={}, labeljust=l, style=\"rounded,dashed\", color=\"{MUTED}\", fontsize={node_size}",
            Escaped(&group.name)
        )?;
        tooltip(out, &group.doc)?;
        writeln!(out, "];")?;
        for &member in &cluster.members {
            writeln!(out, "        {};", Escaped(&graph.states[member].name))?;
        }
        writeln!(out, "    }}")?;
    }
    writeln!(out)?;

    if let Some(initial) = graph.initial() {
        writeln!(
            out,
            "    {} -> {};",
            Escaped(START),
            Escaped(&graph.states[initial].name),
        )?;
    }
    for bundle in graph.bundles(options, &clusters) {
        write!(
            out,
            "    {} -> {} [label={}",
            Escaped(&graph.states[bundle.source].name),
            Escaped(&graph.states[bundle.target].name),
            Escaped(&bundle.lines(options).join("\n")),
        )?;
        if bundle.is_fallible() {
            write!(out, ", style=dashed")?;
        }
        if let Some(cluster) = bundle.cluster {
            let group = &graph.groups[clusters[cluster].group];
            write!(out, ", ltail={}", Escaped(&cluster_id(&group.name)))?;
        }
        tooltip(out, &bundle.tooltip(options))?;
        writeln!(out, "];")?;
    }
    writeln!(out, "}}")
}

/// The id of a group's cluster: Graphviz draws a subgraph as a box when its id starts with
/// `cluster`.
fn cluster_id(group: &str) -> String {
    format!("cluster_{group}")
}

/// `, tooltip="…"`, unless `doc` is empty (then Graphviz shows the label).
fn tooltip(out: &mut impl Write, doc: &str) -> fmt::Result {
    if doc.is_empty() {
        Ok(())
    } else {
        write!(out, ", tooltip={}", Escaped(doc))
    }
}

/// A string as a DOT quoted string: `"` and `\` escaped, line breaks as `\n` (a centered line
/// in labels), other control characters dropped.
///
/// Escaping `\` matters beyond syntax: in labels Graphviz reads `\N`, `\G`, `\l` and friends
/// as commands.
pub(crate) struct Escaped<'a>(pub &'a str);

impl Display for Escaped<'_> {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        out.write_char('"')?;
        for ch in self.0.chars() {
            match ch {
                '"' => out.write_str("\\\"")?,
                '\\' => out.write_str("\\\\")?,
                '\n' => out.write_str("\\n")?,
                ch if ch.is_control() => {}
                ch => out.write_char(ch)?,
            }
        }
        out.write_char('"')
    }
}

#[cfg(test)]
mod tests {
    use super::Escaped;

    #[test]
    fn escapes_quotes_backslashes_and_line_breaks() {
        assert_eq!(
            Escaped("say \"hi\"\\N\nnext\r\tline").to_string(),
            r#""say \"hi\"\\N\nnextline""#
        );
        assert_eq!(Escaped("Vec<&'a str>").to_string(), "\"Vec<&'a str>\"");
    }
}
