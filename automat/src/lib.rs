//! Typed finite-state machines, declared as plain Rust, in the spirit of Python's
//! [Automat](https://automat.readthedocs.io/).
//!
//! A machine is a module: a trait whose methods are the **inputs**, one struct per **state**, an
//! optional shared **core**, and **handlers** written as methods on the state structs.
//! [`#[automat::machine]`](macro@machine) turns that module into
//!
//! * `Machine<S>`, a *typestate* machine: an input that state `S` does not accept is a compile
//!   error;
//! * `Dynamic`, a machine whose state is known only at run time, for inputs that come from the
//!   network, a UI or a queue: an input the current state does not accept is an
//!   `Err(`[`NoTransition`]`)`, and nothing changes;
//! * `DESCRIPTION`, a [`Description`] of the graph, which the companion crate `automat-viz` draws
//!   as Graphviz DOT, Mermaid or SVG, so the diagram cannot drift from the code.
//!
//! Both machines run the very same handler code.
//!
//! ```toml
//! [dependencies]
//! automat = { package = "automat-fsm", version = "0.1" }
//! ```
//!
//! The package is called `automat-fsm` on crates.io (the name `automat` belongs to an unrelated
//! crate), but its library is `automat`, and the code the macro generates refers to
//! `::automat::…`. So keep the dependency's key `automat`, as above; under another key, say so
//! with `#[fsm::machine(crate = fsm)]` (see the [`machine`](macro@machine) attribute).
//!
//! The [`tutorial`] builds the garage door of [Automat's own
//! tutorial](https://automat.readthedocs.io/en/latest/tutorial.html) step by step, from the first
//! trait to serde, observers and diagrams. The reference of the declaration language, of
//! everything the macro generates and of every check it makes is the documentation of the
//! [`machine`](macro@machine) attribute.
#![no_std]
#![forbid(unsafe_code)]

mod description;
mod error;
mod no_transition;
mod observe;
#[cfg(feature = "serde")]
mod persist;
// Documentation only: compiled by rustdoc, for the rendered page and its doctests.
#[cfg(any(doc, doctest))]
pub mod tutorial;

/// Declares a machine: turns a module into a typestate machine, a dynamic machine and the
/// description of their graph.
///
/// This is the reference; the [`tutorial`] builds a machine
/// step by step.
///
/// # The declaration
///
/// The module holds:
///
/// * **one trait**, the inputs: each method takes `&mut self` and named parameters, with no
///   generic parameters of its own and no default body; its return type (default `()`) is the
///   input's *output*;
/// * **states**: structs (unit, tuple or named fields) marked `#[state]`; exactly one is
///   `#[state(initial)]`, where every machine starts; a state that is entered only by
///   restoring a saved machine is `#[state(unreachable)]`;
/// * **at most one core**, a struct marked `#[core]`: data shared by every state;
/// * **handlers**, the methods of `#[transitions] impl State { ... }` blocks, each named after
///   the input it handles. Parameters: the receiver, then `&mut Core` (only when there is a
///   core; any name, like `_core`), then exactly the input's parameters with the same types;
/// * **branches**: enums marked `#[branch]`, each variant wrapping one state, for handlers that
///   choose the next state at run time.
///
/// The receiver and the return type say what a handler is:
///
/// | handler | returns | the machine |
/// | --- | --- | --- |
/// | `fn input(self, ...)` | `Next`, or `(Next, Output)` | moves to state `Next` (`Self` re-enters this state) |
/// | `fn input(&mut self, ...)` | `Output`, or nothing | stays in this state (a loop) |
/// | `fn input(self, ...)` | `Branch`, or `(Branch, Output)` | moves to the state in the variant the handler returns |
///
/// An input with no handler in a state is not accepted there. Everything else in the module
/// (helpers, `use` items, plain `impl` blocks, other types) is kept as written.
///
/// # Groups
///
/// A `#[group]` enum names a set of states, each variant wrapping one member, as a branch's
/// do: `#[group] pub enum Handshake { Start(Start), WaitHello(WaitHello) }`. The handlers of
/// `#[transitions] impl Handshake { ... }` run in every member state, with `self` the group
/// enum holding the current state, so a handler can still `match` on it. Each member's
/// `Machine<S>` has the method, `Dynamic` accepts the input in each member, and
/// [`Description`] lists the handler once per member with [`TransitionInfo::group`] set. A
/// state's own handler and a group's for the same input, or two groups' for one state, are a
/// compile error naming both: there is no precedence.
///
/// Transitions and branches of a group take `self` as a state's do. A group's **loop**
/// (`&mut self`) is given the group enum, so the state moves into the enum for the call:
///
/// * on `Machine<S>` its method takes `self` and hands the machine back, as `Machine<S>` or
///   `(Machine<S>, T)` with the output;
/// * the loop must leave the variant it was given (it may change the state's data); a loop
///   that assigns another variant to `*self` panics after it returns, since a loop stays in its
///   state (make it a transition or a branch instead);
/// * a group loop that panics poisons `Dynamic`, as a transition does: the state was out of
///   the machine, in the group enum, when it panicked.
///
/// # Generic machines and borrowed inputs
///
/// The core and the states may declare generic parameters — lifetimes, types with bounds and
/// `where` clauses, consts — in plain Rust: `#[core] pub struct Core<T: Write>`, `#[state] pub
/// struct Reading<'buf> { rest: &'buf [u8] }`, `#[state] pub struct Window<const N: usize>`.
///
/// * Parameters with one name are one parameter of the machine. The machine's parameters are
///   those of the core and the states: lifetimes, then types, then consts, each in the order
///   first declared. Where two declarations both write bounds they must be the same (one
///   without bounds takes the other's); a const has one type. The input trait may name them
///   (`pub trait Session<'buf, T: Write>`) when its methods use them, and declares none of its
///   own.
/// * `Machine<'buf, S, T, N>` (lifetimes, then the state, then types and consts), `Dynamic<'buf,
///   T, N>`, `Typed<…>` and the branch enums carry every parameter; `State<…>` those of the
///   states; `Input<…>` and `Output<…>` those their fields use. Defaults written on the core or
///   a state stay on the generated types. `Machine` holds the parameters only its states use in
///   a zero-sized marker field.
/// * The handlers of a generic state are written for every instance, `impl<'buf> Reading<'buf>`
///   (or `Reading<'_>`). A `#[transitions]` block may declare parameters its state does not use
///   (`impl<T: Write> Open` with `core: &mut Core<T>`): they move onto the handlers that name
///   them. A handler declares no parameters or `where` clause of its own.
/// * An input's parameter with an elided lifetime (`&[u8]`, `&str`, `&mut Buf`, `Frame<'_>`)
///   borrows for the call: the methods take it as written, and `Input` gains the lifetime
///   `'input` for it, first (`Input<'input, …>`; `handle` takes `Input<'_, …>`). A named lifetime
///   in an input is one of the machine's. An output that would borrow from the machine (an
///   elided lifetime in it, tied to `&mut self`) is an error; an output may hold the machine's
///   own lifetimes; a fallible input's error is held like an output. `S`, `'input`, `'__de` and
///   the generated types' names (`State`, `Input`, `Output`, `Dynamic`, `Typed`, `Machine`) are
///   names the generated code uses, so a machine's parameters cannot be.
/// * `DESCRIPTION` stays one non-generic `static`, with the types as written. With `serde`,
///   the impls are bounded by what each part needs (`Core<T>: Serialize`).
///
/// ```
/// #[automat::machine]
/// pub mod lines {
///     /// The trait names the machine's lifetime, which `line` uses.
///     pub trait Lines<'buf> {
///         /// A line, kept borrowed from its buffer.
///         fn line(&mut self, line: &'buf str);
///         /// Bytes borrowed for this call only; the output is the total so far.
///         fn bytes(&mut self, bytes: &[u8]) -> usize;
///     }
///
///     /// Generic over where the bytes go, with a bound.
///     #[core]
///     pub struct Sink<T: Extend<u8>> {
///         pub to: T,
///         pub total: usize,
///     }
///
///     /// Nothing read.
///     #[state(initial)]
///     pub struct Empty;
///
///     /// Holds the last line: a slice of the caller's buffer.
///     #[state]
///     pub struct Last<'buf> {
///         pub line: &'buf str,
///     }
///
///     #[transitions]
///     impl<'buf, T: Extend<u8>> Empty {
///         fn line(self, _sink: &mut Sink<T>, line: &'buf str) -> Last<'buf> {
///             Last { line }
///         }
///     }
///
///     #[transitions]
///     impl<'buf, T: Extend<u8>> Last<'buf> {
///         fn line(&mut self, _sink: &mut Sink<T>, line: &'buf str) {
///             self.line = line;
///         }
///
///         fn bytes(&mut self, sink: &mut Sink<T>, bytes: &[u8]) -> usize {
///             sink.to.extend(bytes.iter().copied());
///             sink.total += bytes.len();
///             sink.total
///         }
///     }
/// }
///
/// use lines::{Dynamic, Empty, Input, Output, Sink};
///
/// let text = String::from("one\ntwo");
/// let mut reader: Dynamic<'_, Vec<u8>> = Dynamic::new(Sink { to: Vec::new(), total: 0 }, Empty);
/// for line in text.lines() {
///     reader.line(line).unwrap();
/// }
/// let chunk = vec![0; 3];
/// assert_eq!(reader.bytes(&chunk), Ok(3));
/// drop(chunk);
/// let input: Input<'_, '_> = Input::Bytes { bytes: &[1] };
/// assert!(matches!(reader.handle(input), Ok(Output::Bytes(4))));
/// assert!(matches!(reader.state(), lines::State::Last(last) if last.line == "two"));
/// assert_eq!(reader.core().to, [0, 0, 0, 1]);
/// ```
///
/// # Fallible inputs
///
/// An input declared `-> Result<T, E>` is *fallible*: its output is `T`, and it may fail with
/// `E`. Its handlers are:
///
/// | handler | returns | the machine |
/// | --- | --- | --- |
/// | `fn input(&mut self, ...)` | `Result<T, E>` | stays (a loop that may fail) |
/// | `fn input(&mut self, ...)` | `Result<Next, E>`, or `Result<(Next, T), E>` | moves to `Next` on `Ok`, stays on `Err`, its state as the handler left it |
/// | `fn input(&mut self, ...)` | `Result<Branch, E>`, or `Result<(Branch, T), E>` | moves to the variant's state on `Ok`, stays on `Err` |
/// | `fn input(self, ...)` | `Next` or `(Next, T)`, or a branch | moves; cannot fail |
///
/// `?` works inside. A fallible transition's method on `Machine<S>` returns
/// `Result<Machine<Next>, (Machine<S>, E)>` (with the output, `Result<(Machine<Next>, T),
/// (Machine<S>, E)>`): the machine comes back with the error. `Dynamic`'s method returns
/// `Result<T, automat::Error<E>>`, [`Error::Refused`] when the state does not accept the input
/// and [`Error::Failed`] when the handler failed; the state is kept in both cases and an `Err`
/// never poisons. A fallible transition that *panics* poisons `Dynamic`, as any transition
/// does: it may have moved data out of its state meaning to move on. `handle` returns
/// `Result<Output, NoTransition>`, the input's `Output` variant holding the `Result<T, E>`.
///
/// # Async inputs
///
/// The trait says which inputs are async: `async fn fetch(&mut self, key: u32) -> Vec<u8>;`.
/// Every generated method of an async input is an `async fn` — on `Machine<S>` (every handler
/// kind, with the same arguments and results as a synchronous one's) and on `Dynamic` — and
/// `Dynamic::handle` is `async` when any input is; synchronous inputs keep plain methods, and a
/// machine without async inputs is generated exactly as before. A handler of an async input
/// may be an `async fn`, whose call is awaited, or a plain `fn`; an `async fn` handler of a
/// synchronous input is an error that says to declare the input `async fn`. Nothing is boxed
/// and nothing allocates: each method's future holds the machine's borrow, the arguments and
/// the handler's own future, and the runtime needs no executor (it stays `no_std`).
///
/// **Cancellation.** Dropping a future half-way (a `select!` timeout, an aborted task) stops
/// the handler at the `.await` it was waiting at, and leaves the machine as a panic there
/// would:
///
/// * a transition, a branch, a fallible transition or a group's loop held the state (it moved
///   out of `Dynamic` for the call), so `Dynamic` is *poisoned*: [`NoTransition::is_poisoned`]
///   for every later input, `into_parts()` still returns the core;
/// * a state's own loop (`&mut self`) borrowed the state in place, so the machine stays in its
///   state, with whatever the handler changed before that `.await`;
/// * on `Machine<S>`, a method that takes `self` drops the machine with its future; a loop's
///   `&mut self` keeps it.
///
/// An observer and `tracing` hear of an input when its handler returns, as for synchronous
/// handlers, so a dropped future is not reported. A future dropped before its first poll has
/// run nothing.
///
/// **`Send`.** The generated futures are `Send` whenever what they hold is, so a machine runs
/// inside `tokio::spawn`. The re-emitted input trait declares each async input as
/// `fn fetch(&mut self, key: u32) -> impl Future<Output = Result<Vec<u8>, NoTransition>> + Send`,
/// so generic code can require `Send` futures (`async fn drive<M: Fetcher + Send>`); for a
/// generic machine, `Dynamic` implements it where the machine's type parameters are `Send`
/// (a further bound the futures need, like `T: Sync` for a state holding `&T` across an
/// `.await`, goes on the core's or the state's declaration). A machine whose data is not
/// `Send` (an `Rc` in the core) cannot keep that promise: `#[automat::machine(?Send)]` drops
/// the bound from the trait.
///
/// ```
/// use core::future::Future;
/// use core::task::{Context, Poll, Waker};
///
/// #[automat::machine]
/// pub mod fetcher {
///     /// The inputs.
///     pub trait Fetcher {
///         /// Fetch a key; the output is the value.
///         async fn fetch(&mut self, key: u32) -> u32;
///     }
///
///     /// The store, which answers after an `.await`.
///     #[core]
///     pub struct Store;
///
///     impl Store {
///         async fn get(&mut self, key: u32) -> u32 {
///             key * 2
///         }
///     }
///
///     #[state(initial)]
///     pub struct Idle;
///
///     #[state]
///     pub struct Done;
///
///     #[transitions]
///     impl Idle {
///         async fn fetch(self, store: &mut Store, key: u32) -> (Done, u32) {
///             (Done, store.get(key).await)
///         }
///     }
/// }
///
/// // Any executor runs it; this one polls with a waker that does nothing.
/// let mut machine = fetcher::Dynamic::new(fetcher::Store, fetcher::Idle);
/// let value = {
///     let mut future = core::pin::pin!(machine.fetch(21));
///     match future.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
///         Poll::Ready(value) => value,
///         Poll::Pending => unreachable!("nothing in `fetch` waits"),
///     }
/// };
/// assert_eq!(value, Ok(42));
/// assert_eq!(machine.state_name(), "Done");
/// ```
///
/// # Arguments
///
/// `#[automat::machine(derive(Debug, Clone, PartialEq))]` derives the listed traits on the
/// generated `State`, `Input`, `Output`, `Machine<S>` and branch enums, and on `Dynamic`
/// (which prints its state and core for `Debug`). The states and the core must implement them
/// too.
///
/// `#[automat::machine(serde)]`, with this crate's `serde` feature, implements serde's
/// `Serialize` and `Deserialize` for `State` (externally tagged: `{"Unlocked": {"credit": 25}}`)
/// and for `Dynamic` (`{"state": ..., "core": ...}`), so a saved machine can be restored in any
/// state, `#[state(unreachable)]` ones included. The states and the core implement serde's
/// traits themselves; the generated impls reach serde through this crate, whatever the user's
/// crate calls its own serde dependency. A poisoned machine refuses to serialize. Without the
/// feature, `serde` is one compile error that says to turn it on.
///
/// `#[automat::machine(crate = path)]` makes the generated code name `path` instead of
/// `::automat`, for a crate that depends on this one under another name
/// (`fsm = { package = "automat-fsm", version = "0.1" }` and `#[fsm::machine(crate = fsm)]`);
/// serde's spelling, `crate = "fsm"`, works too.
///
/// `#[automat::machine(dynamic)]` and `#[automat::machine(typestate)]` generate one machine
/// instead of both, for a crate that uses only one: less code for rustc to build.
///
/// * `dynamic`: `Dynamic` with `State`, `Input`, `Output`, `handle` and the input trait's
///   implementation, as without the argument; no `Machine<S>`, `Typed`, branch
///   `<Branch>Machine` enums or conversions between the two machines.
/// * `typestate`: `Machine<S>` and its branch enums, as without the argument; no `Dynamic`,
///   `State`, `Input`, `Output`, `Typed` or conversions, and nothing implements the input
///   trait (it is still emitted, as it is in the default mode).
///
/// `DESCRIPTION` is generated in every mode, and `observe` and `derive(...)` work in each.
/// `serde` saves `Dynamic`, so it goes with `dynamic` or with both, not with `typestate`;
/// writing both `dynamic` and `typestate` is an error (write neither to get both). The names
/// of the items a mode leaves out stay reserved, so switching modes never breaks a module.
///
/// `#[automat::machine(?Send)]` drops the `Send` bound from the futures of the input trait's
/// async methods, for a machine whose data is not `Send` (see [Async inputs](#async-inputs));
/// on a machine without async inputs it is an error.
///
/// `#[automat::machine(observe)]` reports every handled input (loops included) and every input
/// `Dynamic` refuses to the core, which implements [`Observer`]; without it, the core is never
/// called. With this crate's `tracing` feature, every machine also emits a `trace`-level
/// `tracing` event per handled input and a `debug`-level one per refused input. Neither costs
/// anything unused: an observer's empty default methods compile to nothing, and without the
/// feature the `tracing` call is not compiled in; with the feature and no subscriber, each
/// transition checks `tracing`'s global level (the repository's `docs/benchmarks.md` measures
/// both).
///
/// # What is generated
///
/// Beside the user's items, in the same module, with the input trait's visibility:
///
/// * `Machine<S>`: the **typestate** machine in state `S`. `Machine::new(core, initial)` starts
///   one (only in the initial state); `Machine::restore(core, state)` resumes in any state.
///   Each handler of `S` is a method of `Machine<S>`: a transition consumes the machine and
///   returns `Machine<Next>` (with the output, as a tuple, when there is one), a loop takes
///   `&mut self`, a branch returns the generated enum `<Branch>Machine` with one typed machine
///   per variant. `state()`, `into_state()`, `core()` and `into_parts()` give the data back;
///   `core_mut()` changes the core, never the state.
///   An input that `S` does not accept is not a method of `Machine<S>`, so it does not
///   compile.
/// * `Dynamic`: the machine whose state is known at run time. `Dynamic::new(core, initial)`,
///   `Dynamic::restore(core, State)`; one method per input returning
///   `Result<T, NoTransition>`, `T` the input's output; `handle(Input)`; `state()`,
///   `state_name()`, `core()`, `core_mut()`, `accepts()`, `is_poisoned()`;
///   `into_parts()`, which returns the core and `Option<State>`, `None` when the machine is
///   poisoned, so a poisoned machine's core can be recovered; `From<Machine<S>>` and
///   `TryFrom<Dynamic> for Machine<S>` (which hands the machine back on a mismatch). A refused
///   input changes nothing. A transition handler that panics *poisons* the machine, as a
///   panic poisons a `std::sync::Mutex`: every later input is refused with
///   [`NoTransition::is_poisoned`].
/// * `Typed`: one variant per state, holding that state's `Machine<S>`.
///   `Dynamic::into_typed()` returns it (or hands a poisoned machine back), for one exhaustive
///   `match` that leaves the dynamic world; `From<Typed> for Dynamic` comes back.
/// * `State`, `Input`, `Output`: one variant per state and per input (`syn_ack` becomes
///   `SynAck`), for storing states and for `Dynamic::handle`.
/// * The input trait again, each output `T` now `Result<T, NoTransition>` (an async input's
///   method returning `impl Future<Output = Result<T, NoTransition>> + Send`), implemented by
///   `Dynamic`.
/// * For an async input, every method above is an `async fn`, and `handle` is too (see
///   [Async inputs](#async-inputs)).
/// * `DESCRIPTION`: the graph, a [`Description`].
///
/// # Errors at compile time
///
/// Each mistake is reported at the tokens that make it, all of them in one pass: a missing or
/// second trait, initial state or core; a handler named after no input (with a suggestion), a
/// second handler for one state and input, a handler whose parameters or output do not match
/// its input's; a return type that is not a state or branch; a state no transition reaches; an
/// input no state accepts; a declared name that collides with a generated one; a generic
/// parameter declared with other bounds (or a const with another type) than elsewhere, a
/// lifetime an input names that nothing declares, an output that borrows from the machine,
/// an `impl Trait` input, a handler with parameters of its own, and handlers written for one
/// instance of a generic state.
///
/// States are named as declared: the macro reads tokens, not types, so a type alias of a state
/// is not one (the error names the state to write), and a misspelt state gets the closest
/// name as a suggestion. A plain `impl` block of a state is left alone, for helpers, unless
/// the graph needs its methods: then the error is the missing `#[transitions]`, at the block.
/// A marker on the wrong kind of item (`#[state]` on an enum or a type alias, say) is one
/// error at the item's name, and what names that item is not reported again.
///
/// ```
/// #[automat::machine(derive(Debug, PartialEq))]
/// pub mod door {
///     /// What a keypad door understands.
///     pub trait Keypad {
///         /// A code is typed; the output says whether it opened.
///         fn enter(&mut self, code: u16) -> bool;
///         /// The door is shut.
///         fn shut(&mut self);
///     }
///
///     /// Shut and locked, with its code.
///     #[state(initial)]
///     #[derive(Debug, PartialEq)]
///     pub struct Locked(pub u16);
///
///     /// Open.
///     #[state]
///     #[derive(Debug, PartialEq)]
///     pub struct Open(pub u16);
///
///     /// Where a typed code leads.
///     #[branch]
///     pub enum Entered {
///         /// The right code.
///         Opened(Open),
///         /// A wrong one.
///         Refused(Locked),
///     }
///
///     #[transitions]
///     impl Locked {
///         fn enter(self, code: u16) -> (Entered, bool) {
///             if code == self.0 { (Entered::Opened(Open(self.0)), true) } else { (Entered::Refused(self), false) }
///         }
///     }
///
///     #[transitions]
///     impl Open {
///         fn shut(self) -> Locked {
///             Locked(self.0)
///         }
///     }
/// }
///
/// use door::{EnteredMachine, Locked, Machine};
///
/// match Machine::new(Locked(1234)).enter(1111) {
///     (EnteredMachine::Refused(locked), opened) => {
///         assert!(!opened);
///         assert_eq!(locked.state(), &Locked(1234));
///     }
///     (EnteredMachine::Opened(_), _) => unreachable!("a wrong code does not open"),
/// }
///
/// let mut door = door::Dynamic::new(Locked(1234));
/// assert_eq!(door.enter(1234), Ok(true));
/// assert_eq!(door.state(), &door::State::Open(door::Open(1234)));
/// assert!(door.enter(1234).is_err(), "an open door takes no code");
/// ```
pub use automat_macros::machine;
pub use description::{
    Description, GroupInfo, InputInfo, Param, StateInfo, Target, TransitionInfo, TransitionKind,
};
pub use error::Error;
pub use no_transition::NoTransition;
pub use observe::{Observer, Transition};

// The README's quick start runs as a doctest, so it cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;

/// Not public API: emits the serde impls of `#[automat::machine(serde)]` as they are.
#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __automat_serde_impls {
    ($($impls:tt)*) => { $($impls)* };
}

/// Not public API: without the `serde` feature, one error in place of the serde impls of
/// `#[automat::machine(serde)]`, which would otherwise fail once per path they use.
#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __automat_serde_impls {
    ($($impls:tt)*) => {
        ::core::compile_error! {
            "`#[automat::machine(serde)]` needs the `serde` feature of automat: in Cargo.toml, write `automat = { package = \"automat-fsm\", version = \"0.1\", features = [\"serde\"] }`"
        }
    };
}

/// Not public API: what generated code reaches for. May change in any release.
#[doc(hidden)]
pub mod __private {
    pub use ::core;

    pub use crate::observe::{observed, refused_observed, refused_traced, traced};
    #[cfg(feature = "serde")]
    pub use ::serde;

    pub use crate::__automat_serde_impls as serde_impls;

    /// A state of a machine whose `State` enum is `E`: it goes into `E` by `From` and comes
    /// back out by [`Member::unwrap`]. A machine implements it for each of its states, so
    /// that `From<Machine<S>> for Dynamic` and `TryFrom<Dynamic> for Machine<S>` are one
    /// generic impl each rather than one per state.
    pub trait Member<E>: Sized + Into<E> {
        /// The state in `state`, or `state` itself when it holds another one.
        ///
        /// # Errors
        ///
        /// `state` itself when it is another state.
        fn unwrap(state: E) -> Result<Self, E>;
    }

    #[cfg(feature = "serde")]
    pub use crate::persist::{
        States, deserialize_machine, deserialize_state, serialize_machine, serialize_state,
    };
}
