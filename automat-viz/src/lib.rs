//! Diagrams of [`automat`] machines: Graphviz DOT, Mermaid `stateDiagram-v2` and SVG,
//! from the `DESCRIPTION` a machine's module holds, or (in the `automat-viz` CLI) from the
//! source files themselves, parsed by the same parser as the macro.
//!
//! ```
//! #[automat::machine]
//! mod light {
//!     /// A switch.
//!     pub trait Switch {
//!         /// Flip it.
//!         fn flip(&mut self) -> bool;
//!     }
//!
//!     #[state(initial)]
//!     pub struct Off;
//!
//!     #[state]
//!     pub struct On;
//!
//!     #[transitions]
//!     impl Off {
//!         fn flip(self) -> (On, bool) {
//!             (On, true)
//!         }
//!     }
//!
//!     #[transitions]
//!     impl On {
//!         fn flip(self) -> (Off, bool) {
//!             (Off, false)
//!         }
//!     }
//! }
//!
//! let dot = automat_viz::dot(&light::DESCRIPTION);
//! assert!(dot.contains(r#""Off" -> "On" [label="flip → bool""#));
//!
//! let mermaid = automat_viz::mermaid(&light::DESCRIPTION);
//! assert!(mermaid.contains("[*] --> s_Off"));
//!
//! // Pure Rust: no Graphviz needed.
//! let svg = automat_viz::svg_with(
//!     &light::DESCRIPTION,
//!     &automat_viz::Options { direction: automat_viz::Direction::LeftToRight, ..Default::default() },
//! );
//! assert!(svg.starts_with("<svg"));
//! ```
//!
//! Every output is deterministic: states and edges in declaration order, ids from state
//! names, and the same bytes on every run, so diagrams can be snapshot-tested and committed.
#![forbid(unsafe_code)]
// `Options` is small and `Copy` today, but the API takes it by reference, so that it can gain
// fields that are not `Copy` (fonts, colors) without breaking callers.
#![allow(clippy::trivially_copy_pass_by_ref)]

#[cfg(feature = "cli")]
pub mod cli;
mod cluster;
mod discover;
mod dot;
mod expand;
mod fold;
mod graph;
mod mermaid;
mod options;
mod svg;

pub use expand::{ExpandError, Expansion, Region, expand, expand_machine, expand_tokens};
pub use graph::{Edge, Graph, Group, State};
pub use options::{Direction, Options};

use automat::Description;
use std::fmt;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Graphviz DOT: render with `dot -Tsvg`.
    Dot,
    /// A Mermaid `stateDiagram-v2`, which GitHub, GitLab and many doc tools render.
    Mermaid,
    /// A standalone SVG document, laid out in pure Rust.
    Svg,
}

impl Format {
    /// Every format, in the order of this enum.
    pub const ALL: [Format; 3] = [Format::Dot, Format::Mermaid, Format::Svg];

    /// The format's name on the command line: `dot`, `mermaid` or `svg`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Format::Dot => "dot",
            Format::Mermaid => "mermaid",
            Format::Svg => "svg",
        }
    }

    /// The extension of files in this format: `dot`, `mmd` (Mermaid's own) or `svg`.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Format::Dot => "dot",
            Format::Mermaid => "mmd",
            Format::Svg => "svg",
        }
    }

    /// Writes `graph` in this format to `out`.
    ///
    /// # Errors
    ///
    /// Only those of `out`.
    pub fn write(self, graph: &Graph, options: &Options, out: &mut impl fmt::Write) -> fmt::Result {
        let graph = &*fold::apply(graph, options);
        match self {
            Format::Dot => dot::write(graph, options, out),
            Format::Mermaid => mermaid::write(graph, options, out),
            Format::Svg => svg::write(graph, options, out),
        }
    }

    /// `graph` in this format.
    ///
    /// # Panics
    ///
    /// Never: writing to a `String` cannot fail.
    #[must_use]
    pub fn render(self, graph: &Graph, options: &Options) -> String {
        let mut out = String::new();
        self.write(graph, options, &mut out)
            .expect("writing to a String cannot fail");
        out
    }
}

/// The machine as Graphviz DOT, with the default [`Options`].
#[must_use]
pub fn dot(description: &Description) -> String {
    dot_with(description, &Options::default())
}

/// The machine as Graphviz DOT.
#[must_use]
pub fn dot_with(description: &Description, options: &Options) -> String {
    Format::Dot.render(&Graph::from(description), options)
}

/// The machine as a Mermaid `stateDiagram-v2`, with the default [`Options`].
#[must_use]
pub fn mermaid(description: &Description) -> String {
    mermaid_with(description, &Options::default())
}

/// The machine as a Mermaid `stateDiagram-v2`.
#[must_use]
pub fn mermaid_with(description: &Description, options: &Options) -> String {
    Format::Mermaid.render(&Graph::from(description), options)
}

/// The machine as a standalone SVG document, with the default [`Options`].
#[must_use]
pub fn svg(description: &Description) -> String {
    svg_with(description, &Options::default())
}

/// The machine as a standalone SVG document, laid out in pure Rust (no Graphviz needed).
#[must_use]
pub fn svg_with(description: &Description, options: &Options) -> String {
    Format::Svg.render(&Graph::from(description), options)
}
