//! The static description of a machine's graph, for diagrams and introspection.

/// A machine's graph: its states, inputs and transitions, in declaration order.
///
/// `#[automat::machine]` emits one as `DESCRIPTION` in the machine's module. It is built at
/// compile time and allocates nothing; `automat-viz` renders it as DOT, Mermaid or SVG.
///
/// Every list keeps the order of the declaration, so everything rendered from a description is
/// deterministic.
///
/// ```
/// #[automat::machine]
/// mod light {
///     /// A switch.
///     pub trait Switch {
///         /// Flip it.
///         fn flip(&mut self);
///     }
///
///     /// Dark.
///     #[state(initial)]
///     pub struct Off;
///
///     /// Bright.
///     #[state]
///     pub struct On;
///
///     #[transitions]
///     impl Off {
///         fn flip(self) -> On {
///             On
///         }
///     }
///
///     #[transitions]
///     impl On {
///         fn flip(self) -> Off {
///             Off
///         }
///     }
/// }
///
/// let graph = &light::DESCRIPTION;
/// assert_eq!(graph.name, "light");
/// assert_eq!(graph.trait_name, "Switch");
/// assert_eq!(graph.initial().name, "Off");
/// assert_eq!(graph.states[1].doc, "Bright.");
/// assert_eq!(graph.transitions[0].targets[0].state, "On");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Description {
    /// The machine's name: the name of its module.
    pub name: &'static str,
    /// The module's doc comment, lines joined with `\n` (empty when there is none).
    pub doc: &'static str,
    /// The name of the input trait.
    pub trait_name: &'static str,
    /// The states, in declaration order.
    pub states: &'static [StateInfo],
    /// The inputs, in the order of the trait's methods.
    pub inputs: &'static [InputInfo],
    /// The handlers, grouped by state in declaration order, each state's in source order.
    pub transitions: &'static [TransitionInfo],
}

impl Description {
    /// The state every machine starts in.
    ///
    /// # Panics
    ///
    /// Only for a hand-made description with no initial state; the macro always marks one.
    #[must_use]
    pub fn initial(&self) -> &StateInfo {
        self.states
            .iter()
            .find(|state| state.initial)
            .expect("a machine description has an initial state")
    }

    /// The state named `name`, if there is one.
    #[must_use]
    pub fn state(&self, name: &str) -> Option<&StateInfo> {
        self.states.iter().find(|state| state.name == name)
    }

    /// The input named `name` (the trait method's name), if there is one.
    #[must_use]
    pub fn input(&self, name: &str) -> Option<&InputInfo> {
        self.inputs.iter().find(|input| input.name == name)
    }
}

/// One state of a [`Description`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct StateInfo {
    /// The state struct's name.
    pub name: &'static str,
    /// The state struct's doc comment, lines joined with `\n` (empty when there is none).
    pub doc: &'static str,
    /// Whether this is the initial state (`#[state(initial)]`).
    pub initial: bool,
    /// Whether the state is entered only by restoring a saved machine (`#[state(unreachable)]`).
    pub unreachable: bool,
    /// Whether no transition leaves this state: it has loops at most, and a machine that
    /// enters it stays.
    pub terminal: bool,
}

/// One input of a [`Description`]: a method of the input trait.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct InputInfo {
    /// The method's name.
    pub name: &'static str,
    /// The method's doc comment, lines joined with `\n` (empty when there is none).
    pub doc: &'static str,
    /// The parameters after `&mut self`, in order.
    pub params: &'static [Param],
    /// The output type as written, or `None` when the method returns `()`.
    pub output: Option<&'static str>,
}

/// A parameter of an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Param {
    /// The parameter's name in the trait.
    pub name: &'static str,
    /// Its type as written (white space normalized).
    pub ty: &'static str,
}

/// One handler of a [`Description`]: what an input does in one state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TransitionInfo {
    /// The name of the state whose `#[transitions]` block holds the handler.
    pub source: &'static str,
    /// The input's name.
    pub input: &'static str,
    /// What kind of handler it is.
    pub kind: TransitionKind,
    /// Where the machine goes: the source itself for a loop, one state for a transition, one
    /// state per variant for a branch.
    pub targets: &'static [Target],
    /// The handler's doc comment, lines joined with `\n` (empty when there is none).
    pub doc: &'static str,
}

/// How a handler moves the machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TransitionKind {
    /// `self` by value, returning the next state.
    Transition,
    /// `&mut self`: the machine stays where it is.
    Loop,
    /// `self` by value, returning a `#[branch]` enum: the handler picks the next state.
    Branch,
}

/// A state a handler may lead to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Target {
    /// The target state's name.
    pub state: &'static str,
    /// For a branch, the variant of the branch enum that leads there.
    pub label: Option<&'static str>,
}
