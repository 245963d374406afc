//! Mermaid `stateDiagram-v2`.
//!
//! Text goes through [`Escaped`], the one escaper of this format: Mermaid has no quoting for
//! transition labels, so everything but letters, digits and a few harmless punctuation marks
//! is written as an entity code (`#60;` for `<`), which Mermaid decodes when it renders.
//! Ids are the state names when they are plain ASCII identifiers Mermaid does not treat as
//! keywords, and `s0`, `s1`, … by declaration order otherwise.

use crate::graph::Graph;
use crate::options::Options;
use std::fmt::{self, Display, Write};

/// Words that mean something to Mermaid's state diagram grammar, so cannot be ids.
const KEYWORDS: &[&str] = &[
    "state",
    "note",
    "direction",
    "class",
    "classDef",
    "style",
    "click",
    "end",
    "as",
    "left",
    "right",
    "of",
    "over",
    "fork",
    "join",
    "choice",
    "default",
];

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

/// The id of every state: its name, or its index when any name cannot serve as an id, so ids
/// never collide.
fn ids(graph: &Graph) -> Vec<String> {
    let plain = |name: &str| {
        name.starts_with(|ch: char| ch.is_ascii_alphabetic() || ch == '_')
            && name
                .chars()
                .all(|ch| ch.is_ascii_alphanumeric() || ch == '_')
            && !KEYWORDS.contains(&name)
    };
    if graph.states.iter().all(|state| plain(&state.name)) {
        graph
            .states
            .iter()
            .map(|state| state.name.clone())
            .collect()
    } else {
        (0..graph.states.len())
            .map(|index| format!("s{index}"))
            .collect()
    }
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
