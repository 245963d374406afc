//! Style choices shared by every format.

/// The color of what frames or stands for states rather than being one: group boxes and their
/// names, fold markers. DOT and SVG draw them in it; Mermaid keeps its theme's colors.
pub(crate) const MUTED: &str = "#7f8c8d";

/// How a diagram is drawn. [`Options::default`] is what [`dot`](crate::dot()),
/// [`mermaid`](crate::mermaid()) and [`svg`](crate::svg()) use.
///
/// ```
/// use automat_viz::{Direction, Options};
///
/// let options = Options {
///     direction: Direction::LeftToRight,
///     docs: true,
///     ..Options::default()
/// };
/// assert!(options.outputs);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(clippy::struct_excessive_bools)] // Independent switches, each a flag of the command.
pub struct Options {
    /// Which way the edges flow.
    pub direction: Direction,
    /// Whether an edge's label shows the input's output type: `coin → u32` (default `true`).
    pub outputs: bool,
    /// Whether states and edges show the first line of their doc comment under their name
    /// (default `false`). Tooltips show whole doc comments either way, where the format has
    /// tooltips (DOT, SVG).
    pub docs: bool,
    /// A smaller drawing: edges between the same two states share one line, their labels
    /// stacked (or comma-separated in Mermaid), and spacing is tighter (default `false`).
    pub compact: bool,
    /// Fold the edges of one input from many states into one state (default `false`): when
    /// three or more states have a handler for the same input to the same state, and not as
    /// a group's, a marker reading `from every other state` (or `from N states`) stands for them, with
    /// one edge from it. For machines without `#[group]`s, whose per-state handlers for an
    /// `alert` or a `reset` otherwise fill the drawing with parallel lines.
    pub fold: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            direction: Direction::TopToBottom,
            outputs: true,
            docs: false,
            compact: false,
            fold: false,
        }
    }
}

/// Which way the edges of a diagram flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Direction {
    /// From the top down (Graphviz `rankdir=TB`, Mermaid `direction TB`); the default, as
    /// the state diagrams of RFCs and textbooks are drawn.
    #[default]
    TopToBottom,
    /// From left to right (`rankdir=LR`, `direction LR`), for small machines in wide pages.
    LeftToRight,
}

impl Direction {
    /// The direction's name in DOT and Mermaid: `TB` or `LR`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Direction::TopToBottom => "TB",
            Direction::LeftToRight => "LR",
        }
    }
}
