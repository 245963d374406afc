//! Mermaid `stateDiagram-v2`.
//!
//! Text goes through [`Escaped`], the one escaper of this format: Mermaid has no quoting for
//! transition labels, so everything but letters, digits and a few harmless punctuation marks
//! is written as an entity code (`#60;` for `<`), which Mermaid decodes when it renders.
//! Ids never collide with Mermaid's grammar or with each other: a state's id is its name behind
//! `s_` (`s_Locked`), or `s` and its index when the name is not a plain ASCII identifier, and
//! the name itself is the state's label. Bare names cannot serve: Mermaid 11 reads `note`,
//! `state`, `class`, `style`, `click`, `default`, `scale`, `href` and more as keywords, in any
//! case (`Note`, `State`), and fails on names that are properties of every JavaScript object
//! (`constructor`, `toString`) or its own ids (`root`); a prefix no keyword starts with
//! rules the whole class out, and the browser test renders such names to keep it so.
//!
//! A group is a composite state holding its members, and each of its handlers one transition
//! from the composite state; mermaid 11 renders this in the browser test. A state that
//! carries data reads `Name {…}` and a fallible edge's input `input?`, as in every format.

use crate::cluster::Cluster;
use crate::graph::{Graph, State};
use crate::options::Options;
use std::fmt::{self, Display, Write};

/// Writes `graph` as a Mermaid `stateDiagram-v2` to `out`.
///
/// # Errors
///
/// Only those of `out`.
pub fn write(graph: &Graph, options: &Options, out: &mut impl Write) -> fmt::Result {
    let ids = ids(graph);
    writeln!(out, "stateDiagram-v2")?;
    writeln!(out, "    direction {}", options.direction.code())?;
    let clusters = graph.clusters();
    let cluster_ids = group_ids(graph, &clusters);
    for (index, (state, id)) in graph.states.iter().zip(&ids).enumerate() {
        if clusters.iter().all(|cluster| !cluster.contains(index)) {
            writeln!(out, "    state \"{}\" as {id}", Escaped(&state.label()))?;
        }
    }
    // Each transition as a line, and the cluster it stays inside, if any: mermaid draws a
    // transition between two members inside their composite state only when it is written
    // inside the composite's block (written outside, it pulls states out of the box).
    let bundles = graph.bundles(options, &clusters);
    let lines: Vec<(Option<usize>, String)> = bundles
        .iter()
        .map(|bundle| {
            let source = bundle
                .cluster
                .map_or(&ids[bundle.source], |cluster| &cluster_ids[cluster]);
            let mut line = format!("{source} --> {} : ", ids[bundle.target]);
            for (index, edge) in bundle.edges.iter().enumerate() {
                if index > 0 {
                    line.push_str(", ");
                }
                line.push_str(&Escaped(&edge.label(options)).to_string());
            }
            let inside = clusters.iter().position(|cluster| {
                bundle.cluster.is_none()
                    && cluster.contains(bundle.source)
                    && cluster.contains(bundle.target)
            });
            (inside, line)
        })
        .collect();
    // A group is a composite state declaring its members and the transitions among them.
    for (index, (cluster, cluster_id)) in clusters.iter().zip(&cluster_ids).enumerate() {
        let group = &graph.groups[cluster.group];
        writeln!(
            out,
            "    state \"{}\" as {cluster_id} {{",
            Escaped(&group.name)
        )?;
        for &member in &cluster.members {
            let state = &graph.states[member];
            writeln!(
                out,
                "        state \"{}\" as {}",
                Escaped(&state.label()),
                ids[member]
            )?;
        }
        for (_, line) in lines.iter().filter(|(inside, _)| *inside == Some(index)) {
            writeln!(out, "        {line}")?;
        }
        writeln!(out, "    }}")?;
    }
    if options.docs {
        for (state, id) in graph.states.iter().zip(&ids) {
            if !state.doc_line().is_empty() {
                writeln!(out, "    {id} : {}", Escaped(state.doc_line()))?;
            }
        }
    }
    if let Some(initial) = graph.initial() {
        writeln!(out, "    [*] --> {}", ids[initial])?;
    }
    for (_, line) in lines.iter().filter(|(inside, _)| inside.is_none()) {
        writeln!(out, "    {line}")?;
    }
    for (state, id) in graph.states.iter().zip(&ids) {
        if state.terminal {
            writeln!(out, "    {id} --> [*]")?;
        }
    }
    if graph.states.iter().any(State::is_marker) {
        writeln!(
            out,
            "    classDef marker fill:none,stroke:none,font-style:italic"
        )?;
        for (state, id) in graph.states.iter().zip(&ids) {
            if state.is_marker() {
                writeln!(out, "    class {id} marker")?;
            }
        }
    }
    if graph.states.iter().any(|state| state.unreachable) {
        writeln!(out, "    classDef unreachable stroke-dasharray: 5 5")?;
        for (state, id) in graph.states.iter().zip(&ids) {
            if state.unreachable {
                writeln!(out, "    class {id} unreachable")?;
            }
        }
    }
    Ok(())
}

/// The id of every state: `s_` and its name when that is a plain ASCII identifier, `s` and its
/// index otherwise (a digit after `s` tells the two kinds apart, so no two ids are equal).
fn ids(graph: &Graph) -> Vec<String> {
    graph
        .states
        .iter()
        .enumerate()
        .map(|(index, state)| {
            if plain(&state.name) {
                format!("s_{}", state.name)
            } else {
                format!("s{index}")
            }
        })
        .collect()
}

/// The id of every cluster's composite state: `g_` and its group's name, or `g` and its
/// index, as for states.
fn group_ids(graph: &Graph, clusters: &[Cluster]) -> Vec<String> {
    clusters
        .iter()
        .map(|cluster| {
            let name = &graph.groups[cluster.group].name;
            if plain(name) {
                format!("g_{name}")
            } else {
                format!("g{}", cluster.group)
            }
        })
        .collect()
}

/// Whether `name` is a plain ASCII identifier, which can follow a prefix in an id.
fn plain(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || ch == '_')
}

/// Text for a Mermaid label: letters, digits, spaces and `_ . , ( ) ' / * + ! ? = [ ] - →` as
/// they are, everything else (`<`, `>`, `:`, `;`, `#`, `"`, `&`, line breaks, …) as `#code;`.
///
/// `#` and `;` end a label in Mermaid's grammar and `<`, `>`, `&` would be read as HTML.
pub(crate) struct Escaped<'a>(pub &'a str);

impl Display for Escaped<'_> {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        for ch in self.0.chars() {
            if ch.is_alphanumeric() || " _.,()'/*+!?=[]-→".contains(ch) {
                out.write_char(ch)?;
            } else {
                write!(out, "#{};", u32::from(ch))?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::Escaped;

    #[test]
    fn escapes_everything_mermaid_could_read_as_syntax() {
        assert_eq!(
            Escaped("Option<u8> --> x: #a; \"b\" & c\nd").to_string(),
            "Option#60;u8#62; --#62; x#58; #35;a#59; #34;b#34; #38; c#10;d"
        );
        assert_eq!(
            Escaped("coin [Paid] → (u32), état").to_string(),
            "coin [Paid] → (u32), état"
        );
    }
}
