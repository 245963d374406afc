//! The machines of the examples, and machines written to provoke the macro, compiled in the
//! least forgiving setting a user can choose: a `#![no_std]` library, `#![no_implicit_prelude]`
//! modules, user items that shadow every name generated code could reach for, and every lint
//! below denied. The crate has no tests: that it builds, and passes clippy in CI, is the test.
#![no_std]
#![forbid(unsafe_code)]
#![deny(warnings, missing_docs, unused, clippy::pedantic)]

// The example machines, compiled from their own source files.
#[path = "../../../examples/src/machines/door_lock.rs"]
pub mod door_lock_file;
#[path = "../../../examples/src/machines/garage_door.rs"]
pub mod garage_door_file;
#[path = "../../../examples/src/machines/kv.rs"]
pub mod kv_file;
#[path = "../../../examples/src/machines/lines.rs"]
pub mod lines_file;
#[path = "../../../examples/src/machines/tcp.rs"]
pub mod tcp_file;
#[path = "../../../examples/src/machines/tls.rs"]
pub mod tls_file;
#[path = "../../../examples/src/machines/turnstile.rs"]
pub mod turnstile_file;

/// Helpers a user might name like generated items, in a module of their own.
pub mod helpers {
    /// Not the generated `Machine`.
    pub struct Machine;
    /// Not the generated `State`.
    pub struct State;
    /// Not the generated `Dynamic`.
    pub struct Dynamic;
    /// Not the generated `DESCRIPTION`.
    pub const DESCRIPTION: &str = "not a machine";
}

/// Types named like the prelude's, which generated code must never pick up.
pub mod shadows {
    /// Shadows `core::result::Result`.
    pub struct Result;
    /// Shadows `core::option::Option`.
    pub struct Option;
    /// Shadows `Some`.
    pub struct Some;
    /// Shadows `None`.
    pub struct None;
    /// Shadows `Ok`.
    pub struct Ok;
    /// Shadows `Err`.
    pub struct Err;
    /// Shadows `Box`.
    pub struct Box;
    /// Shadows `Vec`.
    pub struct Vec;
    /// Shadows `String`.
    pub struct String;
    /// Shadows the `core` crate's name.
    pub mod core {}
    /// Shadows the `std` crate's name.
    pub mod std {}
    /// Shadows the `automat` crate's name.
    pub mod automat {}
}

/// A machine inside a module without the prelude, beside every shadowing name.
#[no_implicit_prelude]
pub mod without_prelude {
    /// A keypad door, declared with nothing but absolute paths.
    #[::automat::machine(derive(Debug, Clone, PartialEq))]
    pub mod door {
        #[allow(unused_imports)]
        use super::super::helpers::*;
        #[allow(unused_imports)]
        use super::super::shadows::{
            Box, Err, None, Ok, Option, Result, Some, String, Vec, automat, core, std,
        };

        /// What a keypad door understands.
        pub trait Keypad {
            /// A code is typed; the output says how many tries are left.
            fn enter(&mut self, code: u16) -> ::core::option::Option<u8>;
            /// The door is shut.
            fn shut(&mut self);
            /// The keypad beeps; nothing changes.
            fn beep(&mut self) -> u32;
        }

        /// Counts the beeps.
        #[core]
        #[derive(Debug, Clone, PartialEq)]
        pub struct Counter {
            /// Beeps so far.
            pub beeps: u32,
        }

        /// Shut, with its code and the tries left.
        #[state(initial)]
        #[derive(Debug, Clone, PartialEq)]
        pub struct Locked(pub u16, pub u8);

        /// Open.
        #[state]
        #[derive(Debug, Clone, PartialEq)]
        pub struct Open {
            /// The code that opened it.
            pub code: u16,
        }

        /// No tries left; entered only from storage, by a service engineer's tool.
        #[state(unreachable)]
        #[derive(Debug, Clone, PartialEq)]
        pub struct Blocked;

        /// Where a typed code leads.
        #[branch]
        pub enum Entered {
            /// The right code.
            Opened(Open),
            /// A wrong one.
            Refused(Locked),
        }

        #[transitions]
        impl Locked {
            /// Checks the code.
            fn enter(
                self,
                _counter: &mut Counter,
                code: u16,
            ) -> (Entered, ::core::option::Option<u8>) {
                if code == self.0 {
                    (Entered::Opened(Open { code }), ::core::option::Option::None)
                } else {
                    let left = self.1.saturating_sub(1);
                    (
                        Entered::Refused(Locked(self.0, left)),
                        ::core::option::Option::Some(left),
                    )
                }
            }

            /// Beeps.
            fn beep(&mut self, counter: &mut Counter) -> u32 {
                counter.beeps += 1;
                counter.beeps
            }
        }

        #[transitions]
        impl Open {
            /// Shuts and locks with the same code.
            fn shut(self, _counter: &mut Counter) -> Locked {
                Locked(self.code, 3)
            }
        }

        #[transitions]
        impl Blocked {
            /// Beeps, and stays blocked.
            fn beep(&mut self, counter: &mut Counter) -> u32 {
                counter.beeps += 1;
                counter.beeps
            }
        }
    }
}

/// A generic machine inside a module without the prelude: a type with a bound and a `where`
/// clause, a lifetime, a const, an input borrowed for the call and a state holding a borrow.
#[no_implicit_prelude]
pub mod generic_without_prelude {
    /// Where a meter reports; generic, so the machine is.
    pub trait Report {
        /// Takes one reading.
        fn report(&mut self, value: u32);
    }

    /// A meter that averages windows of `N` readings, reporting to `T`.
    #[::automat::machine(derive(Debug, PartialEq))]
    pub mod meter {
        #[allow(unused_imports)]
        use super::super::shadows::{
            Box, Err, None, Ok, Option, Result, Some, String, Vec, automat, core, std,
        };
        use super::Report;

        /// What a meter reads.
        pub trait Meter<'tag, T>
        where
            T: Report,
        {
            /// Raw samples, borrowed for the call; the output is the readings taken.
            fn samples(&mut self, samples: &[u32]) -> u32;
            /// Labels the meter; the label is kept, borrowed.
            fn label(&mut self, tag: &'tag str);
            /// Stops the meter, handing back the sink.
            fn stop(&mut self) -> ::core::option::Option<u32>;
        }

        /// The sink.
        #[core]
        #[derive(Debug, PartialEq)]
        pub struct Sink<T>
        where
            T: Report,
        {
            /// Where readings go.
            pub to: T,
        }

        /// Not yet labelled.
        #[state(initial)]
        #[derive(Debug, PartialEq)]
        pub struct Unlabelled;

        /// Labelled, averaging windows of `N`.
        #[state]
        #[derive(Debug, PartialEq)]
        pub struct Measuring<'tag, const N: usize> {
            /// The label.
            pub tag: &'tag str,
            /// The last window.
            pub window: [u32; N],
        }

        /// Stopped.
        #[state]
        #[derive(Debug, PartialEq)]
        pub struct Stopped;

        #[transitions]
        impl<'tag, T: Report, const N: usize> Unlabelled {
            fn label(self, _sink: &mut Sink<T>, tag: &'tag str) -> Measuring<'tag, N> {
                Measuring {
                    tag,
                    window: [0; N],
                }
            }
        }

        #[transitions]
        impl<T: Report, const N: usize> Measuring<'_, N> {
            fn samples(&mut self, sink: &mut Sink<T>, samples: &[u32]) -> u32 {
                let mut count = 0;
                for chunk in samples.chunks(N) {
                    let mut sum = 0_u32;
                    for sample in chunk {
                        sum = sum.saturating_add(*sample);
                    }
                    self.window[..chunk.len()].copy_from_slice(chunk);
                    let len: u32 = ::core::convert::TryFrom::try_from(chunk.len()).unwrap_or(1);
                    sink.to.report(sum / len);
                    count += 1;
                }
                count
            }

            fn stop(self, _sink: &mut Sink<T>) -> (Stopped, ::core::option::Option<u32>) {
                (Stopped, self.window.first().copied())
            }
        }
    }
}

/// A machine using every protocol-grade feature at once inside a module without the prelude:
/// a group with a transition and a loop, fallible loops and transitions, a branch, the crate
/// path written out, `observe` and `serde`.
#[no_implicit_prelude]
pub mod protocol_without_prelude {
    /// A session that logs in, may be refused, and answers a reset in every state but the last.
    #[::automat::machine(crate = ::automat, observe, serde, derive(Debug, PartialEq))]
    pub mod session {
        #[allow(unused_imports)]
        use super::super::helpers::*;
        #[allow(unused_imports)]
        use super::super::shadows::{
            Box, Err, None, Ok, Option, Result, Some, String, Vec, automat, core, std,
        };

        /// Why an input failed; the machine stays where it was.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Fault {
            /// The password was wrong.
            Denied,
            /// The payload was empty.
            Empty,
        }

        /// What a session understands.
        pub trait Session {
            /// A password; a wrong one fails and stays.
            fn login(&mut self, password: u32) -> ::core::result::Result<(), Fault>;
            /// A payload; an empty one fails; the output is its length.
            fn send(&mut self, len: u32) -> ::core::result::Result<u32, Fault>;
            /// A keep-alive: answered in every state of the group.
            fn ping(&mut self) -> u32;
            /// A reset from the peer: back to the start from every state of the group.
            fn reset(&mut self);
            /// The end of the session, which may or may not be kept for later.
            fn close(&mut self, keep: bool);
        }

        /// What the session has seen.
        #[core]
        #[derive(Debug, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
        pub struct Log {
            /// Transitions heard by the observer.
            pub heard: u32,
            /// Inputs refused.
            pub refused: u32,
        }

        impl ::automat::Observer for Log {
            fn on_transition(&mut self, _transition: &::automat::Transition) {
                self.heard += 1;
            }

            fn on_refused(&mut self, _refused: &::automat::NoTransition) {
                self.refused += 1;
            }
        }

        /// Waiting for a password.
        #[state(initial)]
        #[derive(Debug, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
        pub struct Greeting {
            /// Wrong passwords so far.
            pub tries: u8,
        }

        /// Logged in.
        #[state]
        #[derive(Debug, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
        pub struct Ready {
            /// Bytes sent.
            pub sent: u32,
        }

        /// Closed and kept for later.
        #[state]
        #[derive(Debug, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
        pub struct Parked;

        /// Closed for good.
        #[state]
        #[derive(Debug, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
        pub struct Closed;

        /// The states a reset and a ping reach.
        #[group]
        pub enum Open {
            /// Before the login.
            Greeting(Greeting),
            /// After it.
            Ready(Ready),
        }

        /// Where closing leaves the session.
        #[branch]
        pub enum Close {
            /// Kept for later.
            Parked(Parked),
            /// Gone.
            Closed(Closed),
        }

        #[transitions]
        impl Open {
            fn ping(&mut self, _log: &mut Log) -> u32 {
                match self {
                    Open::Greeting(greeting) => ::core::convert::From::from(greeting.tries),
                    Open::Ready(ready) => ready.sent,
                }
            }

            fn reset(self, _log: &mut Log) -> Greeting {
                Greeting { tries: 0 }
            }
        }

        #[transitions]
        impl Greeting {
            fn login(
                &mut self,
                _log: &mut Log,
                password: u32,
            ) -> ::core::result::Result<Ready, Fault> {
                if password == 42 {
                    ::core::result::Result::Ok(Ready { sent: 0 })
                } else {
                    self.tries = self.tries.saturating_add(1);
                    ::core::result::Result::Err(Fault::Denied)
                }
            }
        }

        #[transitions]
        impl Ready {
            fn send(&mut self, _log: &mut Log, len: u32) -> ::core::result::Result<u32, Fault> {
                if len == 0 {
                    return ::core::result::Result::Err(Fault::Empty);
                }
                self.sent = self.sent.saturating_add(len);
                ::core::result::Result::Ok(len)
            }

            fn close(self, _log: &mut Log, keep: bool) -> Close {
                if keep {
                    Close::Parked(Parked)
                } else {
                    Close::Closed(Closed)
                }
            }
        }
    }
}

/// The same session with `dynamic` alone: no `Machine<S>`, and `serde` and `observe` still work.
#[no_implicit_prelude]
pub mod dynamic_without_prelude {
    /// A session that logs in, may be refused, and answers a reset in every state but the last.
    #[::automat::machine(dynamic, crate = ::automat, observe, serde, derive(Debug, PartialEq))]
    pub mod session {
        #[allow(unused_imports)]
        use super::super::helpers::*;
        #[allow(unused_imports)]
        use super::super::shadows::{
            Box, Err, None, Ok, Option, Result, Some, String, Vec, automat, core, std,
        };

        /// Why an input failed; the machine stays where it was.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Fault {
            /// The password was wrong.
            Denied,
            /// The payload was empty.
            Empty,
        }

        /// What a session understands.
        pub trait Session {
            /// A password; a wrong one fails and stays.
            fn login(&mut self, password: u32) -> ::core::result::Result<(), Fault>;
            /// A payload; an empty one fails; the output is its length.
            fn send(&mut self, len: u32) -> ::core::result::Result<u32, Fault>;
            /// A keep-alive: answered in every state of the group.
            fn ping(&mut self) -> u32;
            /// A reset from the peer: back to the start from every state of the group.
            fn reset(&mut self);
            /// The end of the session, which may or may not be kept for later.
            fn close(&mut self, keep: bool);
        }

        /// What the session has seen.
        #[core]
        #[derive(Debug, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
        pub struct Log {
            /// Transitions heard by the observer.
            pub heard: u32,
            /// Inputs refused.
            pub refused: u32,
        }

        impl ::automat::Observer for Log {
            fn on_transition(&mut self, _transition: &::automat::Transition) {
                self.heard += 1;
            }

            fn on_refused(&mut self, _refused: &::automat::NoTransition) {
                self.refused += 1;
            }
        }

        /// Waiting for a password.
        #[state(initial)]
        #[derive(Debug, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
        pub struct Greeting {
            /// Wrong passwords so far.
            pub tries: u8,
        }

        /// Logged in.
        #[state]
        #[derive(Debug, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
        pub struct Ready {
            /// Bytes sent.
            pub sent: u32,
        }

        /// Closed and kept for later.
        #[state]
        #[derive(Debug, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
        pub struct Parked;

        /// Closed for good.
        #[state]
        #[derive(Debug, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
        pub struct Closed;

        /// The states a reset and a ping reach.
        #[group]
        pub enum Open {
            /// Before the login.
            Greeting(Greeting),
            /// After it.
            Ready(Ready),
        }

        /// Where closing leaves the session.
        #[branch]
        pub enum Close {
            /// Kept for later.
            Parked(Parked),
            /// Gone.
            Closed(Closed),
        }

        #[transitions]
        impl Open {
            fn ping(&mut self, _log: &mut Log) -> u32 {
                match self {
                    Open::Greeting(greeting) => ::core::convert::From::from(greeting.tries),
                    Open::Ready(ready) => ready.sent,
                }
            }

            fn reset(self, _log: &mut Log) -> Greeting {
                Greeting { tries: 0 }
            }
        }

        #[transitions]
        impl Greeting {
            fn login(
                &mut self,
                _log: &mut Log,
                password: u32,
            ) -> ::core::result::Result<Ready, Fault> {
                if password == 42 {
                    ::core::result::Result::Ok(Ready { sent: 0 })
                } else {
                    self.tries = self.tries.saturating_add(1);
                    ::core::result::Result::Err(Fault::Denied)
                }
            }
        }

        #[transitions]
        impl Ready {
            fn send(&mut self, _log: &mut Log, len: u32) -> ::core::result::Result<u32, Fault> {
                if len == 0 {
                    return ::core::result::Result::Err(Fault::Empty);
                }
                self.sent = self.sent.saturating_add(len);
                ::core::result::Result::Ok(len)
            }

            fn close(self, _log: &mut Log, keep: bool) -> Close {
                if keep {
                    Close::Parked(Parked)
                } else {
                    Close::Closed(Closed)
                }
            }
        }
    }
}

/// The same session with `typestate` alone: no `Dynamic`, `State`, `Input` or `Output`, and
/// no `serde`, which saves `Dynamic`.
#[no_implicit_prelude]
pub mod typestate_without_prelude {
    /// A session that logs in, may be refused, and answers a reset in every state but the last.
    #[::automat::machine(typestate, crate = ::automat, observe, derive(Debug, PartialEq))]
    pub mod session {
        #[allow(unused_imports)]
        use super::super::helpers::*;
        #[allow(unused_imports)]
        use super::super::shadows::{
            Box, Err, None, Ok, Option, Result, Some, String, Vec, automat, core, std,
        };

        /// Why an input failed; the machine stays where it was.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Fault {
            /// The password was wrong.
            Denied,
            /// The payload was empty.
            Empty,
        }

        /// What a session understands.
        pub trait Session {
            /// A password; a wrong one fails and stays.
            fn login(&mut self, password: u32) -> ::core::result::Result<(), Fault>;
            /// A payload; an empty one fails; the output is its length.
            fn send(&mut self, len: u32) -> ::core::result::Result<u32, Fault>;
            /// A keep-alive: answered in every state of the group.
            fn ping(&mut self) -> u32;
            /// A reset from the peer: back to the start from every state of the group.
            fn reset(&mut self);
            /// The end of the session, which may or may not be kept for later.
            fn close(&mut self, keep: bool);
        }

        /// What the session has seen.
        #[core]
        #[derive(Debug, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
        pub struct Log {
            /// Transitions heard by the observer.
            pub heard: u32,
            /// Inputs refused.
            pub refused: u32,
        }

        impl ::automat::Observer for Log {
            fn on_transition(&mut self, _transition: &::automat::Transition) {
                self.heard += 1;
            }

            fn on_refused(&mut self, _refused: &::automat::NoTransition) {
                self.refused += 1;
            }
        }

        /// Waiting for a password.
        #[state(initial)]
        #[derive(Debug, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
        pub struct Greeting {
            /// Wrong passwords so far.
            pub tries: u8,
        }

        /// Logged in.
        #[state]
        #[derive(Debug, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
        pub struct Ready {
            /// Bytes sent.
            pub sent: u32,
        }

        /// Closed and kept for later.
        #[state]
        #[derive(Debug, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
        pub struct Parked;

        /// Closed for good.
        #[state]
        #[derive(Debug, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
        pub struct Closed;

        /// The states a reset and a ping reach.
        #[group]
        pub enum Open {
            /// Before the login.
            Greeting(Greeting),
            /// After it.
            Ready(Ready),
        }

        /// Where closing leaves the session.
        #[branch]
        pub enum Close {
            /// Kept for later.
            Parked(Parked),
            /// Gone.
            Closed(Closed),
        }

        #[transitions]
        impl Open {
            fn ping(&mut self, _log: &mut Log) -> u32 {
                match self {
                    Open::Greeting(greeting) => ::core::convert::From::from(greeting.tries),
                    Open::Ready(ready) => ready.sent,
                }
            }

            fn reset(self, _log: &mut Log) -> Greeting {
                Greeting { tries: 0 }
            }
        }

        #[transitions]
        impl Greeting {
            fn login(
                &mut self,
                _log: &mut Log,
                password: u32,
            ) -> ::core::result::Result<Ready, Fault> {
                if password == 42 {
                    ::core::result::Result::Ok(Ready { sent: 0 })
                } else {
                    self.tries = self.tries.saturating_add(1);
                    ::core::result::Result::Err(Fault::Denied)
                }
            }
        }

        #[transitions]
        impl Ready {
            fn send(&mut self, _log: &mut Log, len: u32) -> ::core::result::Result<u32, Fault> {
                if len == 0 {
                    return ::core::result::Result::Err(Fault::Empty);
                }
                self.sent = self.sent.saturating_add(len);
                ::core::result::Result::Ok(len)
            }

            fn close(self, _log: &mut Log, keep: bool) -> Close {
                if keep {
                    Close::Parked(Parked)
                } else {
                    Close::Closed(Closed)
                }
            }
        }
    }
}

/// A machine without a core, whose every state is a unit struct, next to the helpers.
pub mod unit_machine {
    #[allow(unused_imports)]
    use crate::helpers::*;

    /// A light switch.
    #[automat::machine]
    pub mod switch {
        /// The one input.
        pub trait Switch {
            /// Flip the switch.
            fn flip(&mut self);
        }

        /// Dark.
        #[state(initial)]
        pub struct Off;

        /// Bright.
        #[state]
        pub struct On;

        #[transitions]
        impl Off {
            fn flip(self) -> On {
                On
            }
        }

        #[transitions]
        impl On {
            fn flip(self) -> Off {
                Off
            }
        }
    }
}

/// An async machine inside a module without the prelude: every handler kind `async`, a
/// generic core, a borrowed input, a synchronous input beside the async ones.
#[no_implicit_prelude]
pub mod async_without_prelude {
    /// Where a link sends; generic, so the machine is.
    pub trait Sink {
        /// Sends one byte, in its own time.
        fn put(
            &mut self,
            byte: u8,
        ) -> impl ::core::future::Future<Output = ()> + ::core::marker::Send;
    }

    /// A link that dials, sends, and hangs up, awaiting its sink.
    #[::automat::machine(derive(Debug))]
    pub mod link {
        #[allow(unused_imports)]
        use super::super::helpers::*;
        #[allow(unused_imports)]
        use super::super::shadows::{
            Box, Err, None, Ok, Option, Result, Some, String, Vec, automat, core, std,
        };
        use super::Sink;

        /// What a link understands.
        pub trait Link<T: Sink> {
            /// Dial; a branch: busy or connected.
            async fn dial(&mut self, busy: bool);
            /// Send the bytes; the output is how many went.
            async fn send(&mut self, bytes: &[u8]) -> usize;
            /// Check the line: fails when it is down.
            async fn check(&mut self, up: bool) -> ::core::result::Result<(), Down>;
            /// Hang up, from any state but idle.
            async fn hang_up(&mut self);
            /// Confirm the line: a fallible transition.
            async fn confirm(&mut self, up: bool) -> ::core::result::Result<(), Down>;
            /// Count the bytes sent: synchronous.
            fn sent(&mut self) -> usize;
        }

        /// The line is down.
        #[derive(Debug, PartialEq, Eq)]
        pub struct Down;

        /// The sink and what went through it.
        #[core]
        #[derive(Debug)]
        pub struct Line<T: Sink> {
            /// The sink.
            pub sink: T,
            /// Bytes sent.
            pub sent: usize,
        }

        /// Not dialled.
        #[state(initial)]
        #[derive(Debug)]
        pub struct Idle;

        /// Dialled, waiting for confirmation.
        #[state]
        #[derive(Debug)]
        pub struct Ringing;

        /// Connected.
        #[state]
        #[derive(Debug)]
        pub struct Connected;

        /// Where dialling leads.
        #[branch]
        pub enum Dialled {
            /// Busy: still idle.
            Busy(Idle),
            /// Ringing.
            Rang(Ringing),
        }

        /// Off the hook.
        #[group]
        pub enum OffHook {
            /// Ringing.
            Ringing(Ringing),
            /// Connected.
            Connected(Connected),
        }

        #[transitions]
        impl<T: Sink> Idle {
            async fn dial(self, line: &mut Line<T>, busy: bool) -> Dialled {
                line.sink.put(0).await;
                if busy {
                    Dialled::Busy(self)
                } else {
                    Dialled::Rang(Ringing)
                }
            }

            fn sent(&mut self, line: &mut Line<T>) -> usize {
                line.sent
            }
        }

        #[transitions]
        impl<T: Sink> Ringing {
            async fn confirm(
                &mut self,
                line: &mut Line<T>,
                up: bool,
            ) -> ::core::result::Result<Connected, Down> {
                line.sink.put(1).await;
                if up {
                    ::core::result::Result::Ok(Connected)
                } else {
                    ::core::result::Result::Err(Down)
                }
            }
        }

        #[transitions]
        impl<T: Sink> Connected {
            async fn send(&mut self, line: &mut Line<T>, bytes: &[u8]) -> usize {
                for &byte in bytes {
                    line.sink.put(byte).await;
                }
                line.sent += bytes.len();
                bytes.len()
            }
        }

        #[transitions]
        impl<T: Sink> OffHook {
            async fn hang_up(self, line: &mut Line<T>) -> Idle {
                line.sink.put(2).await;
                Idle
            }

            async fn check(
                &mut self,
                line: &mut Line<T>,
                up: bool,
            ) -> ::core::result::Result<(), Down> {
                line.sink.put(3).await;
                if up {
                    ::core::result::Result::Ok(())
                } else {
                    ::core::result::Result::Err(Down)
                }
            }

            fn sent(&mut self, line: &mut Line<T>) -> usize {
                line.sent
            }
        }
    }

    /// An async machine whose core is not `Send`, under `?Send`.
    #[::automat::machine(?Send)]
    pub mod local {
        #[allow(unused_imports)]
        use super::super::shadows::{
            Box, Err, None, Ok, Option, Result, Some, String, Vec, automat, core, std,
        };

        /// The one input.
        pub trait Local {
            /// Wait for the shared flag.
            async fn wait(&mut self);
        }

        /// A flag shared by reference, which is not `Send`.
        #[core]
        pub struct Flag<'a> {
            /// The flag.
            pub flag: &'a ::core::cell::Cell<bool>,
        }

        /// Waiting.
        #[state(initial)]
        pub struct Waiting;

        /// Done.
        #[state]
        pub struct Done;

        #[transitions]
        impl<'a> Waiting {
            async fn wait(self, flag: &mut Flag<'a>) -> Done {
                ::core::future::ready(()).await;
                flag.flag.set(true);
                Done
            }
        }
    }
}
