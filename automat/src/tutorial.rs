//! A tutorial: the garage door of [Automat's own
//! tutorial](https://automat.readthedocs.io/en/latest/tutorial.html), built step by step.
//!
//! The chapters are files in `automat/src/tutorial/`, readable on their own (start at its
//! `README.md`); here they are one page. Every example is a doctest of this crate: a runnable
//! one starts with `include!` of the machine the chapters have built so far, kept whole beside
//! the chapters, and a part of a machine shown on its own is checked against that file by
//! `automat/tests/tutorial.rs`.
//!
//! 1. [Inputs: a trait](#inputs-a-trait)
//! 2. [States: structs](#states-structs)
//! 3. [The core: data every state shares](#the-core-data-every-state-shares)
//! 4. [Handlers: transitions](#handlers-transitions)
//! 5. [The typestate machine, `Machine<S>`](#the-typestate-machine-machines)
//! 6. [The dynamic machine, `Dynamic`](#the-dynamic-machine-dynamic)
//! 7. [Refused inputs: `NoTransition`](#refused-inputs-notransition)
//! 8. [State data, loops and outputs](#state-data-loops-and-outputs)
//! 9. [A branch: the handler chooses](#a-branch-the-handler-chooses)
//! 10. [Poisoning: a handler that panics](#poisoning-a-handler-that-panics)
//! 11. [Between the two worlds: `Typed`, `TryFrom`, `restore`](#between-the-two-worlds-typed-tryfrom-restore)
//! 12. [Saving and restoring: `serde`](#saving-and-restoring-serde)
//! 13. [Watching a machine: `observe` and `tracing`](#watching-a-machine-observe-and-tracing)
//! 14. [The graph: `DESCRIPTION`](#the-graph-description)
//! 15. [Diagrams with `automat-viz`](#diagrams-with-automat-viz)
//! 16. [Protocols: groups, fallible inputs and the core](#protocols-groups-fallible-inputs-and-the-core)
//! 17. [Generic machines and borrowed inputs](#generic-machines-and-borrowed-inputs)
//! 18. [Async handlers, and when not to use them](#async-handlers-and-when-not-to-use-them)
//! 19. [Exercises](#exercises)
//!
//! To add a chapter, write it as a file in `tutorial/` that starts with a `# Title` line, and
//! list it here, below, and in `tutorial/README.md`.
#![doc = include_str!("tutorial/inputs.md")]
#![doc = include_str!("tutorial/states.md")]
#![doc = include_str!("tutorial/core.md")]
#![doc = include_str!("tutorial/handlers.md")]
#![doc = include_str!("tutorial/typestate.md")]
#![doc = include_str!("tutorial/dynamic.md")]
#![doc = include_str!("tutorial/refused.md")]
#![doc = include_str!("tutorial/state-data.md")]
#![doc = include_str!("tutorial/branch.md")]
#![doc = include_str!("tutorial/poisoning.md")]
#![doc = include_str!("tutorial/conversions.md")]
#![doc = include_str!("tutorial/saving.md")]
#![doc = include_str!("tutorial/observing.md")]
#![doc = include_str!("tutorial/description.md")]
#![doc = include_str!("tutorial/diagrams.md")]
#![doc = include_str!("tutorial/protocols.md")]
#![doc = include_str!("tutorial/generics.md")]
#![doc = include_str!("tutorial/async.md")]
#![doc = include_str!("tutorial/exercises.md")]
