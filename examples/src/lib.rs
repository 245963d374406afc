//! Example machines, shared by the runnable examples, the tests and automat-viz.
//!
//! Each machine lives in its own file under `src/machines/`, as one `#[automat::machine]`
//! module, and is re-exported here under its own name:
//!
//! * [`turnstile`]: the machine of the specification — a core, a loop, an output;
//! * [`garage_door`]: a door driven by a button and two sensors, with a motor and an alarm;
//! * [`tcp`]: the connection state machine of RFC 793, all eleven states, generic over the
//!   [`Sink`] its segments go to;
//! * [`door_lock`]: a keypad lock with no core, whose `unlock` is a branch;
//! * [`lines`]: a line protocol read from borrowed bytes, whose state holds a slice of a line
//!   (a machine generic over a lifetime, with an input borrowed for the call);
//! * [`tls`]: the client side of a TLS 1.3 handshake (RFC 8446), with a group for the fatal
//!   alert of every handshake state, fallible inputs for the checks, and a branch for PSK
//!   against certificates;
//! * [`kv`]: one connection of a Redis-like key-value protocol, whose handlers await a
//!   [`Backend`] (a credential check, the shared store, a rate limiter), generic over it so it
//!   needs no runtime; [`kv_server`] runs it over TCP with tokio (`cargo run --example kv`).
//!
//! ```
//! use automat_examples::turnstile::{Core, Dynamic, Locked};
//!
//! let mut gate = Dynamic::new(Core::default(), Locked);
//! assert_eq!(gate.coin(25), Ok(25));
//! assert_eq!(gate.push(), Ok(()));
//! assert_eq!(gate.core().passes, 1);
//! ```
#![forbid(unsafe_code)]

// Each file holds one module named after the machine, so the path repeats the name
// (`machines::tcp::tcp`); the re-exports below give users the short one.
#[allow(clippy::module_inception)]
mod machines {
    pub mod door_lock;
    pub mod garage_door;
    pub mod kv;
    pub mod lines;
    pub mod tcp;
    pub mod tls;
    pub mod turnstile;
}

pub use machines::door_lock::door_lock;
pub use machines::garage_door::garage_door;
pub use machines::kv::{Backend, Text, kv};
pub use machines::lines::lines;
pub use machines::tcp::{Sink, tcp};
pub use machines::tls::tls;
pub use machines::turnstile::turnstile;

pub mod kv_server;
