//! The machine as the parser understood it: the one model every backend reads.
//!
//! References between parts are indexes into the machine's lists, so every backend walks the
//! same declaration order and nothing has to be looked up by name twice.

use proc_macro2::Ident;
use syn::{Attribute, GenericParam, Path, Type, Visibility, WherePredicate};

/// A machine: one `#[automat::machine]` module.
pub struct Machine {
    /// The module's name, which is the machine's name.
    pub ident: Ident,
    /// The module's doc comment.
    pub doc: String,
    /// The visibility of the input trait, which every generated public item takes.
    pub vis: Visibility,
    /// The input trait.
    pub input_trait: InputTrait,
    /// The inputs: the trait's methods, in order.
    pub inputs: Vec<Input>,
    /// The machine's generic parameters: the union of the core's and the states'.
    pub generics: Generics,
    /// The `#[core]` struct, if there is one.
    pub core: Option<Core>,
    /// The `#[state]` structs, in declaration order.
    pub states: Vec<State>,
    /// The `#[branch]` enums, in declaration order.
    pub branches: Vec<Branch>,
    /// The `#[group]` enums, in declaration order.
    pub groups: Vec<Group>,
    /// The handlers of every `#[transitions]` block, grouped by state in declaration order, each
    /// state's in source order.
    pub handlers: Vec<Handler>,
    /// The traits named in `#[automat::machine(derive(...))]`.
    pub derives: Vec<Path>,
    /// `#[automat::machine(serde)]`: generate `Serialize` and `Deserialize` for `State` and
    /// `Dynamic`.
    pub serde: bool,
    /// `#[automat::machine(observe)]`: report every handled and refused input to the core,
    /// which implements `automat::Observer`.
    pub observe: bool,
    /// The path of the runtime crate that generated code names: `::automat`, or the path of
    /// `#[automat::machine(crate = path)]`.
    pub krate: Path,
    /// Which machines to generate: both, or the one `#[automat::machine(dynamic)]` or
    /// `#[automat::machine(typestate)]` asks for.
    pub api: Api,
    /// Whether the futures of the re-emitted input trait's async methods are `Send`: true
    /// unless `#[automat::machine(?Send)]` lifts the bound, for machines whose data is not
    /// `Send`.
    pub send: bool,
}

/// The machines a declaration generates. `DESCRIPTION` and the input trait come with each.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum Api {
    /// `Machine<S>` and `Dynamic`, with the conversions between them: the default.
    #[default]
    Both,
    /// `#[automat::machine(dynamic)]`: `Dynamic` with `State`, `Input`, `Output`, `handle` and
    /// the trait's implementation; no `Machine<S>`.
    Dynamic,
    /// `#[automat::machine(typestate)]`: `Machine<S>` with its branch enums; no `Dynamic`,
    /// and none of the enums only `Dynamic` uses.
    Typestate,
}

/// The trait whose methods are the inputs.
pub struct InputTrait {
    /// Its name.
    pub ident: Ident,
    /// Its attributes, doc comments included, re-emitted on the generated trait.
    pub attrs: Vec<Attribute>,
    /// Its generic parameters as declared, each one a parameter of the machine.
    pub generics: syn::Generics,
}

/// The generic parameters of a machine: those of its core and states, merged by name.
#[derive(Clone, Default)]
pub struct Generics {
    /// Lifetimes, then types, then consts, each in order of first declaration, with the bounds
    /// declared on them (defaults dropped).
    pub params: Vec<GenericParam>,
    /// The `where` predicates of every declaration, each once, in order of first declaration.
    pub predicates: Vec<WherePredicate>,
}

/// The `#[core]` struct.
pub struct Core {
    /// Its name.
    pub ident: Ident,
    /// Its type as the machine names it: `Core<T>` for `struct Core<T: Write>`.
    pub ty: Type,
}

/// One input: a method of the input trait.
pub struct Input {
    /// The method's name.
    pub ident: Ident,
    /// The method's name in `UpperCamelCase`: its variant in `Input` and `Output`.
    pub variant: Ident,
    /// The method's attributes, doc comments included.
    pub attrs: Vec<Attribute>,
    /// The method's doc comment.
    pub doc: String,
    /// The parameters after `&mut self`.
    pub params: Vec<Param>,
    /// The output type, or `None` for `()`: for an input declared `-> Result<T, E>`, `T`.
    pub output: Option<Type>,
    /// For an input declared `-> Result<T, E>` (a fallible input), `E`.
    pub error: Option<Type>,
    /// Whether the trait declares it `async fn`: then every generated method of it is `async`,
    /// and its handlers may be.
    pub is_async: bool,
}

/// A parameter of an input.
pub struct Param {
    /// Its name in the trait.
    pub ident: Ident,
    /// Its type.
    pub ty: Type,
    /// Its type as the `Input` enum stores it: elided lifetimes named
    /// [`INPUT_LIFETIME`](crate::generics::INPUT_LIFETIME).
    pub stored: Type,
}

/// One `#[state]` struct.
pub struct State {
    /// The struct's name.
    pub ident: Ident,
    /// Its type as the machine names it: `Reading<'buf>` for `struct Reading<'buf>`.
    pub ty: Type,
    /// The struct's doc comment.
    pub doc: String,
    /// `#[state(initial)]`: machines start here.
    pub initial: bool,
    /// `#[state(unreachable)]`: entered only by restoring a saved machine.
    pub unreachable: bool,
    /// Whether the struct has fields.
    pub data: bool,
}

/// One `#[branch]` enum: a choice of next states.
pub struct Branch {
    /// The enum's name.
    pub ident: Ident,
    /// Its variants, each wrapping one state.
    pub variants: Vec<Variant>,
}

/// A variant of a `#[branch]` enum.
pub struct Variant {
    /// The variant's name, which labels its edge in diagrams.
    pub ident: Ident,
    /// The state it wraps: an index into [`Machine::states`].
    pub state: usize,
}

/// One `#[group]` enum: a set of states that share handlers.
pub struct Group {
    /// The enum's name.
    pub ident: Ident,
    /// The enum's doc comment.
    pub doc: String,
    /// Its variants, each wrapping one member state.
    pub variants: Vec<Variant>,
}

/// One handler: what an input does in one state. A `#[group]`'s handler is one `Handler` per
/// member state, each with `group` set.
#[derive(Clone)]
pub struct Handler {
    /// The method's name, as written (it names the input).
    pub ident: Ident,
    /// The state it handles the input in: an index into [`Machine::states`]. For a group's
    /// handler, one member.
    pub state: usize,
    /// The group whose `#[transitions]` block holds it, an index into [`Machine::groups`], or
    /// `None` when the block is the state's own.
    pub group: Option<usize>,
    /// Whether it can fail and stay: it takes `&mut self` and handles a fallible input.
    pub fallible: bool,
    /// Whether it is an `async fn`, whose call the generated code awaits (only a handler of an
    /// async input may be).
    pub is_async: bool,
    /// The input it handles: an index into [`Machine::inputs`].
    pub input: usize,
    /// How it moves the machine.
    pub kind: HandlerKind,
    /// Its doc comment.
    pub doc: String,
}

impl Handler {
    /// Whether it borrows its state where it lies: a state's own loop. Every other handler
    /// (a transition, a branch, a group's handler) takes the state, so a panic in it, or its
    /// future dropped half-way, poisons `Dynamic`.
    #[must_use]
    pub fn borrows_state(&self) -> bool {
        self.kind == HandlerKind::Loop && self.group.is_none()
    }
}

/// How a handler moves the machine.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum HandlerKind {
    /// `self` returning a state: an index into [`Machine::states`].
    Transition(usize),
    /// `&mut self`: the machine stays.
    Loop,
    /// `self` returning a `#[branch]` enum: an index into [`Machine::branches`].
    Branch(usize),
}

impl Machine {
    /// Whether `Machine<S>` is generated.
    #[must_use]
    pub fn typestate(&self) -> bool {
        self.api != Api::Dynamic
    }

    /// Whether `Dynamic` (and `State`, `Input`, `Output`) is generated.
    #[must_use]
    pub fn dynamic(&self) -> bool {
        self.api != Api::Typestate
    }

    /// The index of the initial state: the first one marked, or the first state when a
    /// mistaken declaration marks none (the error is reported, and code is still generated).
    #[must_use]
    pub fn initial(&self) -> usize {
        self.states
            .iter()
            .position(|state| state.initial)
            .unwrap_or(0)
    }

    /// The handlers of state `state`, in source order.
    pub fn handlers_of(&self, state: usize) -> impl Iterator<Item = &Handler> {
        self.handlers
            .iter()
            .filter(move |handler| handler.state == state)
    }

    /// The states a handler may lead to, with the branch variant that leads to each.
    #[must_use]
    pub fn targets(&self, handler: &Handler) -> Vec<(usize, Option<&Ident>)> {
        match handler.kind {
            HandlerKind::Loop => vec![(handler.state, None)],
            HandlerKind::Transition(target) => vec![(target, None)],
            HandlerKind::Branch(branch) => self.branches[branch]
                .variants
                .iter()
                .map(|variant| (variant.state, Some(&variant.ident)))
                .collect(),
        }
    }

    /// Whether any input is async, so that `Dynamic::handle` is too.
    #[must_use]
    pub fn is_async(&self) -> bool {
        self.inputs.iter().any(|input| input.is_async)
    }

    /// Whether no transition leaves `state`: it has loops at most.
    #[must_use]
    pub fn is_terminal(&self, state: usize) -> bool {
        self.handlers_of(state)
            .all(|handler| handler.kind == HandlerKind::Loop)
    }
}
