//! Typed finite-state machines, declared as plain Rust.
//!
//! A machine is a module: a trait whose methods are the **inputs**, one struct per **state**,
//! an optional shared **core**, and **handlers** written as methods on the state structs.
//! [`#[automat::machine]`](macro@machine) turns it into
//!
//! * `Machine<S>`, a *typestate* machine: an input that state `S` does not accept is a compile
//!   error;
//! * `Dynamic`, a machine whose state is known only at run time: an input the current state does
//!   not accept is an `Err(`[`NoTransition`]`)`, and nothing changes;
//! * `DESCRIPTION`, a [`Description`] of the graph, which `automat-viz` draws as Graphviz DOT,
//!   Mermaid or SVG, so the diagram cannot drift from the code.
//!
//! ```
//! #[automat::machine]
//! pub mod turnstile {
//!     /// What a turnstile can be asked to do.
//!     pub trait Turnstile {
//!         /// A coin is inserted; the output is the credit.
//!         fn coin(&mut self, cents: u32) -> u32;
//!         /// Someone pushes the arm.
//!         fn push(&mut self);
//!     }
//!
//!     /// Counts the people who went through.
//!     #[core]
//!     #[derive(Default)]
//!     pub struct Core {
//!         /// People who went through.
//!         pub passes: u64,
//!     }
//!
//!     /// The arm does not turn.
//!     #[state(initial)]
//!     pub struct Locked;
//!
//!     /// The arm turns once.
//!     #[state]
//!     pub struct Unlocked {
//!         credit: u32,
//!     }
//!
//!     #[transitions]
//!     impl Locked {
//!         fn coin(self, _core: &mut Core, cents: u32) -> (Unlocked, u32) {
//!             (Unlocked { credit: cents }, cents)
//!         }
//!     }
//!
//!     #[transitions]
//!     impl Unlocked {
//!         fn coin(&mut self, _core: &mut Core, cents: u32) -> u32 {
//!             self.credit += cents;
//!             self.credit
//!         }
//!         fn push(self, core: &mut Core) -> Locked {
//!             core.passes += 1;
//!             Locked
//!         }
//!     }
//! }
//!
//! use turnstile::{Core, Dynamic, Locked, Machine};
//!
//! // Typestate: `Machine::<Locked>::push` does not exist, so misuse does not compile.
//! let locked = Machine::new(Core::default(), Locked);
//! let (unlocked, credit) = locked.coin(25);
//! assert_eq!(credit, 25);
//! let locked = unlocked.push();
//! assert_eq!(locked.core().passes, 1);
//!
//! // Dynamic: inputs from the outside world, rejected without harm.
//! let mut gate = Dynamic::new(Core::default(), Locked);
//! let refused = gate.push().unwrap_err();
//! assert_eq!(refused.to_string(), "input `push` is not accepted in state `Locked`");
//! assert_eq!(gate.coin(10), Ok(10));
//! assert_eq!(gate.state_name(), "Unlocked");
//! assert_eq!(gate.accepts(), ["coin", "push"]);
//! ```
#![no_std]
#![forbid(unsafe_code)]

mod description;
mod no_transition;

pub use automat_macros::machine;
pub use description::{
    Description, InputInfo, Param, StateInfo, Target, TransitionInfo, TransitionKind,
};
pub use no_transition::NoTransition;

/// Not public API: what generated code reaches for. May change in any release.
#[doc(hidden)]
pub mod __private {
    pub use ::core;
}
