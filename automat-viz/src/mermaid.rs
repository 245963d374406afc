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

use crate::graph::Graph;
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
    for (state, id) in graph.states.iter().zip(&ids) {
        writeln!(out, "    state \"{}\" as {id}", Escaped(&state.name))?;
        if options.docs && !state.doc_line().is_empty() {
            writeln!(out, "    {id} : {}", Escaped(state.doc_line()))?;
        }
    }
    if let Some(initial) = graph.initial() {
        writeln!(out, "    [*] --> {}", ids[initial])?;
    }
    for bundle in graph.bundles(options) {
        write!(
            out,
            "    {} --> {} : ",
            ids[bundle.source], ids[bundle.target]
        )?;
        for (index, edge) in bundle.edges.iter().enumerate() {
            if index > 0 {
                write!(out, ", ")?;
            }
            write!(out, "{}", Escaped(&edge.label(options)))?;
        }
        writeln!(out)?;
    }
    for (state, id) in graph.states.iter().zip(&ids) {
        if state.terminal {
            writeln!(out, "    {id} --> [*]")?;
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
    let plain = |name: &str| {
        !name.is_empty()
            && name
                .chars()
                .all(|ch| ch.is_ascii_alphanumeric() || ch == '_')
    };
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
