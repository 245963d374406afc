//! Machines shared by the integration tests.
//!
//! Together they use every part of the declaration language: a core and no core, an initial
//! state with data, unit, tuple and named-field states, loops and transitions with and without
//! outputs, outputs of several types, `#[branch]` enums with and without an output, a
//! `#[state(unreachable)]` state, handler doc comments, inputs with several parameters, `Self`
//! as a transition target, a state with two `#[transitions]` blocks, and a module that shadows
//! the prelude.
//!
//! The crate is `#![no_std]` and denies every warning and undocumented item, so building it
//! proves the expansion compiles without `std`, is warning-free and is fully documented;
//! `cargo clippy -p automat-tests -- -D warnings` does the same for the workspace's clippy lints
//! (`clippy::pedantic` included).
//!
//! Each module's documentation states its rules in plain words. The reference models of
//! `tests/model.rs` are written from those words, not from the handlers.
#![no_std]
#![deny(warnings, missing_docs)]

extern crate alloc;

pub mod meter;
mod poll;

pub use poll::{YieldOnce, block_on, poll_once_and_drop};

/// A vending machine that sells items at `PRICE` cents each from four slots.
///
/// Rules:
///
/// * `Idle`: `insert(cents)` goes to `Paying(cents)` and outputs `cents`; `service(pin)` goes to
///   `Service { pin, changes: 0 }` when `pin` is `PIN`, and stays `Idle`
///   otherwise.
/// * `Paying(credit)`: `insert(cents)` goes to `Paying(credit + cents)` (saturating) and outputs
///   the new credit. `choose(slot, count)`: a slot past the fourth keeps the credit and outputs
///   `NoSuchSlot`; a slot with fewer than `count` items keeps the credit and outputs `SoldOut`; a
///   credit below `count × PRICE` keeps the credit and outputs `NotEnough { missing }`; otherwise
///   the items leave the slot, the price goes to the cash box, `count` is added to the sold
///   items, and the machine goes to `Idle`, outputting `Dispensed { change }` with what is left
///   of the credit. `cancel` goes to `Idle` and outputs the credit.
/// * `Service { pin, changes }`: `restock(slot, count)` adds `count` items to the slot
///   (saturating at 255) and one to `changes`, and ignores a slot past the fourth; `audit`
///   outputs `(cash, sold)`; `leave` goes to `Idle`.
/// * `Broken { error }` is entered only by restoring a saved machine; `repair(technician)` goes
///   to `Idle`.
#[automat::machine(derive(Debug, Clone, PartialEq, Eq))]
pub mod vending {
    /// What customers and operators can do.
    pub trait Vend {
        /// A coin is inserted; the output is the credit after it.
        fn insert(&mut self, cents: u32) -> u32;
        /// `count` items are chosen from `slot`.
        fn choose(&mut self, slot: u8, count: u8) -> Choice;
        /// The customer gives up; the output is the refund.
        fn cancel(&mut self) -> u32;
        /// An operator types a PIN.
        fn service(&mut self, pin: u16);
        /// The operator puts `count` items in `slot`.
        fn restock(&mut self, slot: u8, count: u8);
        /// The operator reads the counters: cash in the box and items sold.
        fn audit(&mut self) -> (u32, u32);
        /// The operator leaves.
        fn leave(&mut self);
        /// A technician repairs a broken machine.
        fn repair(&mut self, technician: u16);
    }

    /// The price of one item, in cents.
    pub const PRICE: u32 = 50;

    /// The operators' PIN.
    pub const PIN: u16 = 1234;

    /// The stock and the counters, shared by every state.
    #[core]
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct Stock {
        /// Items in each slot.
        pub items: [u8; 4],
        /// Cents in the cash box.
        pub cash: u32,
        /// Items sold.
        pub sold: u32,
    }

    /// What choosing a product did.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Choice {
        /// The items came out, with this change.
        Dispensed {
            /// The credit left over, in cents.
            change: u32,
        },
        /// The credit is short by `missing` cents.
        NotEnough {
            /// Cents still to insert.
            missing: u32,
        },
        /// The slot holds fewer items than asked for.
        SoldOut,
        /// There is no such slot.
        NoSuchSlot,
    }

    /// Waiting for a customer.
    #[state(initial)]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Idle;

    /// A customer is paying; the credit in cents.
    #[state]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Paying(pub u32);

    /// An operator is at work.
    #[state]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Service {
        /// The PIN the operator typed.
        pub pin: u16,
        /// Restocks done in this visit.
        pub changes: u32,
    }

    /// Out of order, as loaded from storage.
    #[state(unreachable)]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Broken {
        /// The error code.
        pub error: u16,
    }

    /// Where choosing a product leads.
    #[branch]
    pub enum Sale {
        /// The items came out.
        Sold(Idle),
        /// The customer is still paying.
        Kept(Paying),
    }

    /// Where typing a PIN leads.
    #[branch]
    pub enum Access {
        /// The PIN was right.
        Granted(Service),
        /// The PIN was wrong.
        Denied(Idle),
    }

    #[transitions]
    impl Idle {
        /// The first coin starts a sale.
        fn insert(self, _stock: &mut Stock, cents: u32) -> (Paying, u32) {
            (Paying(cents), cents)
        }

        /// The right PIN opens the service mode.
        fn service(self, _stock: &mut Stock, pin: u16) -> Access {
            if pin == PIN {
                Access::Granted(Service { pin, changes: 0 })
            } else {
                Access::Denied(self)
            }
        }
    }

    // Not in the trait's order, on purpose: `accepts()` still follows the trait.
    #[transitions]
    impl Paying {
        /// Sells when the slot exists, holds enough items and the credit covers them.
        fn choose(self, stock: &mut Stock, slot: u8, count: u8) -> (Sale, Choice) {
            let Some(items) = stock.items.get_mut(usize::from(slot)) else {
                return (Sale::Kept(self), Choice::NoSuchSlot);
            };
            if *items < count {
                return (Sale::Kept(self), Choice::SoldOut);
            }
            let price = PRICE * u32::from(count);
            if self.0 < price {
                let missing = price - self.0;
                return (Sale::Kept(self), Choice::NotEnough { missing });
            }
            *items -= count;
            stock.cash += price;
            stock.sold += u32::from(count);
            (
                Sale::Sold(Idle),
                Choice::Dispensed {
                    change: self.0 - price,
                },
            )
        }

        fn cancel(self, _: &mut Stock) -> (Idle, u32) {
            (Idle, self.0)
        }

        /// Another coin: the same state, with more credit.
        fn insert(self, _stock: &mut Stock, cents: u32) -> (Self, u32) {
            let credit = self.0.saturating_add(cents);
            (Paying(credit), credit)
        }
    }

    #[transitions]
    impl Service {
        /// Fills a slot; counts the change.
        fn restock(&mut self, stock: &mut Stock, slot: u8, count: u8) {
            if let Some(items) = stock.items.get_mut(usize::from(slot)) {
                *items = items.saturating_add(count);
                self.changes += 1;
            }
        }

        fn audit(&mut self, stock: &mut Stock) -> (u32, u32) {
            (stock.cash, stock.sold)
        }

        fn leave(self, _stock: &mut Stock) -> Idle {
            Idle
        }
    }

    #[transitions]
    impl Broken {
        /// Back in order.
        fn repair(self, _stock: &mut Stock, _who: u16) -> Idle {
            Idle
        }
    }
}

/// A door with a keypad, without a core: every machine starts `Locked` with its code.
///
/// Rules:
///
/// * `Locked { code, attempts }`: `enter(code)` with the right code goes to `Closed(code)` and
///   outputs `Some("welcome after N failed attempts")`, N being `attempts`. A wrong code, or
///   `force_open`, is a failed attempt: the third one jams the door (`Jammed(0)`), before that
///   the door stays `Locked` with one more attempt; `enter` outputs `None` then.
/// * `Closed(code)`: `open` goes to `Open { code }`; `lock(code)` goes to `Locked` with the new
///   code and no attempts.
/// * `Open { code }`: `close` goes to `Closed(code)`.
/// * `Jammed(knocks)`: `knock` adds one knock and outputs the number of knocks. Nothing leaves
///   it.
#[automat::machine(derive(Debug, Clone, PartialEq, Eq))]
pub mod door {
    use alloc::format;
    use alloc::string::String;

    /// What people do to a door.
    pub trait Door {
        /// Someone types a code; the output greets them when it is right.
        fn enter(&mut self, code: u16) -> Option<String>;
        /// Someone tries to force the locked door open.
        fn force_open(&mut self);
        /// Someone opens the unlocked door.
        fn open(&mut self);
        /// Someone closes the open door.
        fn close(&mut self);
        /// Someone locks the closed door with a new code.
        fn lock(&mut self, code: u16);
        /// Someone knocks on a jammed door; the output counts the knocks.
        fn knock(&mut self) -> u32;
    }

    /// Failed attempts that jam the door.
    pub const JAM_AFTER: u8 = 3;

    /// Locked, with the code that opens it.
    #[state(initial)]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Locked {
        /// The code that unlocks the door.
        pub code: u16,
        /// Failed attempts so far.
        pub attempts: u8,
    }

    /// Unlocked but closed; the code it was locked with.
    #[state]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Closed(pub u16);

    /// Open.
    #[state]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Open {
        /// The code it was locked with.
        pub code: u16,
    }

    /// Jammed for good; the knocks so far.
    #[state]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Jammed(pub u32);

    /// Where an attempt on the locked door leads.
    #[branch]
    pub enum Attempt {
        /// The code was right.
        Opened(Closed),
        /// The attempt failed.
        Refused(Locked),
        /// The attempt failed once too often.
        Jam(Jammed),
    }

    impl Locked {
        /// One more failed attempt.
        fn fail(self) -> Attempt {
            let attempts = self.attempts + 1;
            if attempts >= JAM_AFTER {
                Attempt::Jam(Jammed(0))
            } else {
                Attempt::Refused(Locked {
                    code: self.code,
                    attempts,
                })
            }
        }
    }

    #[transitions]
    impl Locked {
        /// The right code unlocks; a wrong one counts as a failed attempt.
        fn enter(self, code: u16) -> (Attempt, Option<String>) {
            if code == self.code {
                let greeting = format!("welcome after {} failed attempts", self.attempts);
                (Attempt::Opened(Closed(self.code)), Some(greeting))
            } else {
                (self.fail(), None)
            }
        }

        /// Counts as a failed attempt.
        fn force_open(self) -> Attempt {
            self.fail()
        }
    }

    // `Open` before `Closed`, `Closed` in two blocks, and its handlers not in the trait's order:
    // `accepts()` follows the trait, and the description lists the handlers by state, in the
    // order the states are declared, each state's in source order.
    #[transitions]
    impl Open {
        fn close(self) -> Closed {
            Closed(self.code)
        }
    }

    #[transitions]
    impl Closed {
        /// Locks with a new code.
        fn lock(self, new_code: u16) -> Locked {
            Locked {
                code: new_code,
                attempts: 0,
            }
        }
    }

    #[transitions]
    impl Jammed {
        fn knock(&mut self) -> u32 {
            self.0 += 1;
            self.0
        }
    }

    #[transitions]
    impl Closed {
        fn open(self) -> Open {
            Open { code: self.0 }
        }
    }
}

/// A machine whose handlers panic on request, for the poisoning rules.
///
/// `First { value }`: `step(explode)` goes to `Second(value + 1)` and outputs `value + 1`;
/// `poke(explode)` adds one to `value` and outputs it. `Second(n)`: `fork(explode)` goes to
/// `First { value: n }` when `n` is even and to `Third` when it is odd. `Third`: `reset` goes
/// to `First { value: 0 }`. Every handler but `reset` first adds one to the core's `calls`,
/// then panics when `explode` is true (a loop after changing its state).
#[automat::machine(derive(Debug, Clone, PartialEq, Eq))]
pub mod fragile {
    /// Inputs that may blow up.
    pub trait Fragile {
        /// A transition.
        fn step(&mut self, explode: bool) -> u32;
        /// A loop.
        fn poke(&mut self, explode: bool) -> u32;
        /// A branch.
        fn fork(&mut self, explode: bool);
        /// Back to the start.
        fn reset(&mut self);
    }

    /// Counts handler calls.
    #[core]
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct Calls {
        /// Handlers that started.
        pub calls: u32,
    }

    /// The start.
    #[state(initial)]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct First {
        /// A number.
        pub value: u32,
    }

    /// After a step.
    #[state]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Second(pub u32);

    /// After an odd fork.
    #[state]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Third;

    /// Where a fork leads.
    #[branch]
    pub enum Fork {
        /// Even.
        Left(First),
        /// Odd.
        Right(Third),
    }

    #[transitions]
    impl First {
        fn step(self, core: &mut Calls, explode: bool) -> (Second, u32) {
            core.calls += 1;
            assert!(!explode, "step exploded");
            (Second(self.value + 1), self.value + 1)
        }

        fn poke(&mut self, core: &mut Calls, explode: bool) -> u32 {
            core.calls += 1;
            self.value += 1;
            assert!(!explode, "poke exploded");
            self.value
        }
    }

    #[transitions]
    impl Second {
        fn fork(self, core: &mut Calls, explode: bool) -> Fork {
            core.calls += 1;
            assert!(!explode, "fork exploded");
            if self.0 % 2 == 1 {
                Fork::Right(Third)
            } else {
                Fork::Left(First { value: self.0 })
            }
        }
    }

    #[transitions]
    impl Third {
        fn reset(self, _core: &mut Calls) -> First {
            First { value: 0 }
        }
    }
}

/// A bell declared as a guest in a hostile module: no prelude, and user items named like the
/// prelude's and `core`. Generated code must reach everything by absolute paths. No derives,
/// so nothing generated relies on them either.
#[automat::machine]
#[no_implicit_prelude]
pub mod guest {
    /// Not `core::result::Result`.
    pub struct Result;
    /// Not `core::option::Option`.
    pub struct Option;
    /// Not `Result::Ok`.
    pub struct Ok;
    /// Not `Option::Some`.
    pub struct Some;
    /// Not `alloc::boxed::Box`.
    pub struct Box;
    /// Not the `core` crate.
    pub mod core {}

    /// A bell.
    pub trait Bell {
        /// Rings `times` more times; the output is the rings so far.
        fn ring(&mut self, times: u8) -> u8;
        /// Stops ringing.
        fn stop(&mut self);
    }

    /// Quiet.
    #[state(initial)]
    pub struct Silent;

    /// Ringing; the rings so far.
    #[state]
    pub struct Ringing(pub u8);

    #[transitions]
    impl Silent {
        fn ring(self, times: u8) -> (Ringing, u8) {
            (Ringing(times), times)
        }
    }

    #[transitions]
    impl Ringing {
        fn ring(&mut self, times: u8) -> u8 {
            self.0 = self.0.wrapping_add(times);
            self.0
        }

        fn stop(self) -> Silent {
            Silent
        }
    }
}

/// Flips a crate-private lamp `times` times from dark; whether it ends lit.
///
/// The `lamp` machine is crate-private, as machines in binaries are, and nothing names its input
/// trait: under `#![deny(warnings)]` this compiles only if the expansion allows the trait to
/// go unused (rustc once reported it as never used).
#[must_use]
pub fn flip_lamp(times: u32) -> bool {
    let mut lamp = lamp::Dynamic::new(lamp::Dark);
    for _ in 0..times {
        // Both states accept `flip`, so it is never refused.
        let _lit = lamp.flip();
    }
    lamp.state_name() == "Lit"
}

#[automat::machine]
mod lamp {
    /// A lamp's switch.
    pub(crate) trait Lamp {
        /// Flips the switch; the output is whether the lamp is lit.
        fn flip(&mut self) -> bool;
    }

    /// Off.
    #[state(initial)]
    pub struct Dark;

    /// On.
    #[state]
    pub struct Lit;

    #[transitions]
    impl Dark {
        fn flip(self) -> (Lit, bool) {
            (Lit, true)
        }
    }

    #[transitions]
    impl Lit {
        fn flip(self) -> (Dark, bool) {
            (Dark, false)
        }
    }
}

/// Where the frames of [`link`] go: a sink of bytes, generic so the machine is too.
pub trait Sink {
    /// Takes one frame.
    fn put(&mut self, frame: &[u8]);
}

impl Sink for alloc::vec::Vec<u8> {
    fn put(&mut self, frame: &[u8]) {
        self.extend_from_slice(frame);
    }
}

/// A link that forwards frames to a sink `T`: generic over a type (the sink), a lifetime (a
/// frame it holds) and a const (the bytes of a window it remembers).
///
/// Rules:
///
/// * `Idle`: `data(bytes)` puts `bytes` into the sink, counts a frame, goes to `Window<N>`
///   remembering the first `N` bytes (zero-padded), and outputs the length; `hold(frame)` goes
///   to `Held { frame }`.
/// * `Window<N>`: `data(bytes)` puts `bytes` into the sink, counts a frame, remembers their first
///   `N` bytes and outputs the length; `flush` goes to `Idle` and outputs the frames counted.
/// * `Held { frame }`: `data(bytes)` puts the held frame, then `bytes`, into the sink, counting
///   two frames, and goes to `Window<N>` remembering `bytes` (branch `Full`), or, when `bytes`
///   is empty, puts the held frame alone, counting one, and goes to `Idle` (branch `Empty`);
///   `flush` puts the held frame, counts it, goes to `Idle` and outputs the frames counted;
///   `swap(sink)` replaces the sink and outputs the old one.
#[automat::machine(derive(Debug, PartialEq))]
pub mod link {
    use super::Sink;

    /// What a link understands.
    pub trait Link<'buf, T: Sink> {
        /// Bytes borrowed for the call; the output is their length.
        fn data(&mut self, bytes: &[u8]) -> usize;
        /// A frame the link keeps until it is flushed.
        fn hold(&mut self, frame: &'buf [u8]);
        /// Sends what is kept; the output is the frames counted.
        fn flush(&mut self) -> u32;
        /// Replaces the sink, outputting the old one.
        fn swap(&mut self, sink: T) -> T;
    }

    /// The sink and the frames put into it.
    #[core]
    #[derive(Debug, PartialEq)]
    pub struct Core<T: Sink> {
        /// Where frames go.
        pub sink: T,
        /// How many frames went.
        pub frames: u32,
    }

    impl<T: Sink> Core<T> {
        fn put(&mut self, bytes: &[u8]) {
            self.sink.put(bytes);
            self.frames += 1;
        }
    }

    /// Nothing kept.
    #[state(initial)]
    #[derive(Debug, PartialEq)]
    pub struct Idle;

    /// A frame kept, borrowed.
    #[state]
    #[derive(Debug, PartialEq)]
    pub struct Held<'buf> {
        /// The frame.
        pub frame: &'buf [u8],
    }

    /// The first bytes of the last frame.
    #[state]
    #[derive(Debug, PartialEq)]
    pub struct Window<const N: usize> {
        /// Those bytes, zero-padded.
        pub seen: [u8; N],
    }

    impl<const N: usize> Window<N> {
        fn of(bytes: &[u8]) -> Self {
            let mut seen = [0; N];
            let len = bytes.len().min(N);
            seen[..len].copy_from_slice(&bytes[..len]);
            Window { seen }
        }
    }

    /// Where data leads a held frame.
    #[branch]
    pub enum Next<const N: usize> {
        /// More data.
        Full(Window<N>),
        /// No data.
        Empty(Idle),
    }

    #[transitions]
    impl<'buf, T: Sink, const N: usize> Idle {
        fn data(self, core: &mut Core<T>, bytes: &[u8]) -> (Window<N>, usize) {
            core.put(bytes);
            (Window::of(bytes), bytes.len())
        }

        fn hold(self, _core: &mut Core<T>, frame: &'buf [u8]) -> Held<'buf> {
            Held { frame }
        }
    }

    #[transitions]
    impl<T: Sink, const N: usize> Window<N> {
        fn data(&mut self, core: &mut Core<T>, bytes: &[u8]) -> usize {
            core.put(bytes);
            *self = Window::of(bytes);
            bytes.len()
        }

        fn flush(self, core: &mut Core<T>) -> (Idle, u32) {
            (Idle, core.frames)
        }
    }

    #[transitions]
    impl<T: Sink, const N: usize> Held<'_> {
        /// Sends the held frame, then the data.
        fn data(self, core: &mut Core<T>, bytes: &[u8]) -> (Next<N>, usize) {
            core.put(self.frame);
            if bytes.is_empty() {
                return (Next::Empty(Idle), 0);
            }
            core.put(bytes);
            (Next::Full(Window::of(bytes)), bytes.len())
        }

        fn flush(self, core: &mut Core<T>) -> (Idle, u32) {
            core.put(self.frame);
            (Idle, core.frames)
        }

        fn swap(&mut self, core: &mut Core<T>, sink: T) -> T {
            core::mem::replace(&mut core.sink, sink)
        }
    }
}

/// A session handshake, for groups (SPEC §7.2) and fallible inputs (SPEC §7.3).
///
/// Rules:
///
/// * The states are `Start`, `Wait { attempts }`, `Open { records }` and `Closed(code)`;
///   `Start` and `Wait` form the group `Handshake`.
/// * `Start`: `hello` goes to `Wait { attempts: 0 }`.
/// * `Wait { attempts }`: `finished(mac)` goes to `Open { records: 0 }` and outputs `attempts`
///   when `mac` is `GOOD_MAC`; any other `mac` adds one to `attempts`, stays, and fails with
///   `BadMac(mac)`; `mac` 0 panics after adding one.
/// * Every `Handshake` state: `alert(code)` goes to `Closed(code)` and adds one to the core's
///   `alerts` (code 255 panics after counting); `ping(explode)` adds one to the core's `pings`
///   and outputs it, staying (panics after counting when `explode`); `shuffle` turns a `Wait`
///   back into `Start`, which a loop may not do, and panics then, and leaves a `Start` as it is;
///   `route(open)` fails with `Refused` when the state is `Start`, and otherwise goes to
///   `Open { records: attempts }` when `open`, or to `Closed(0)`.
/// * `Open { records }`: `record(value)` adds one to `records` and outputs nothing, failing with
///   `Zero` (and no change) for 0, panicking for 13 after adding one; `close` goes to
///   `Closed(0)`.
/// * `Closed` accepts nothing.
#[automat::machine(derive(Debug, Clone, PartialEq, Eq))]
pub mod session {
    /// The MAC `finished` accepts.
    pub const GOOD_MAC: u32 = 42;

    /// A session's inputs.
    pub trait Session {
        /// The client says hello.
        fn hello(&mut self);
        /// The peer's MAC; the output is the failed attempts before it.
        fn finished(&mut self, mac: u32) -> Result<u32, BadMac>;
        /// A fatal alert.
        fn alert(&mut self, code: u8);
        /// A heartbeat; the output is the count of pings.
        fn ping(&mut self, explode: bool) -> u32;
        /// Misuse of a group loop.
        fn shuffle(&mut self);
        /// Ends the handshake early, one way or the other.
        fn route(&mut self, open: bool) -> Result<(), Refused>;
        /// Records a value.
        fn record(&mut self, value: u32) -> Result<(), Zero>;
        /// Closes the session.
        fn close(&mut self);
    }

    /// A MAC that did not check.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct BadMac(pub u32);

    /// `route` in `Start`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct Refused;

    /// `record(0)`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct Zero;

    /// Counters.
    #[core]
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct Counters {
        /// Alerts handled.
        pub alerts: u32,
        /// Pings handled.
        pub pings: u32,
    }

    /// Before hello.
    #[state(initial)]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Start;

    /// Waiting for the peer's MAC.
    #[state]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Wait {
        /// Bad MACs so far.
        pub attempts: u32,
    }

    /// The session is up.
    #[state]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Open {
        /// Values recorded.
        pub records: u32,
    }

    /// The session is over, with the alert's code.
    #[state]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Closed(pub u8);

    /// Every state before the session is up.
    #[group]
    #[derive(Debug)]
    pub enum Handshake {
        /// Before hello.
        Start(Start),
        /// Waiting for the MAC.
        Wait(Wait),
    }

    /// Where `route` goes.
    #[branch]
    pub enum Route {
        /// Up early.
        Opened(Open),
        /// Given up.
        Gone(Closed),
    }

    #[transitions]
    impl Start {
        fn hello(self, _core: &mut Counters) -> Wait {
            Wait { attempts: 0 }
        }
    }

    #[transitions]
    impl Wait {
        /// Checks the MAC.
        fn finished(&mut self, _core: &mut Counters, mac: u32) -> Result<(Open, u32), BadMac> {
            if mac == GOOD_MAC {
                return Ok((Open { records: 0 }, self.attempts));
            }
            self.attempts += 1;
            assert!(mac != 0, "finished exploded");
            Err(BadMac(mac))
        }
    }

    #[transitions]
    impl Handshake {
        /// Closes on any alert.
        fn alert(self, core: &mut Counters, reason: u8) -> Closed {
            core.alerts += 1;
            assert!(reason != 255, "alert exploded");
            Closed(reason)
        }

        fn ping(&mut self, core: &mut Counters, explode: bool) -> u32 {
            core.pings += 1;
            assert!(!explode, "ping exploded");
            core.pings
        }

        fn shuffle(&mut self, _core: &mut Counters) {
            if let Handshake::Wait(_) = self {
                *self = Handshake::Start(Start);
            }
        }

        fn route(&mut self, _core: &mut Counters, open: bool) -> Result<Route, Refused> {
            match self {
                Handshake::Start(_) => Err(Refused),
                Handshake::Wait(wait) if open => Ok(Route::Opened(Open {
                    records: wait.attempts,
                })),
                Handshake::Wait(_) => Ok(Route::Gone(Closed(0))),
            }
        }
    }

    #[transitions]
    impl Open {
        fn record(&mut self, _core: &mut Counters, value: u32) -> Result<(), Zero> {
            if value == 0 {
                return Err(Zero);
            }
            self.records += 1;
            assert!(value != 13, "record exploded");
            Ok(())
        }

        fn close(self, _core: &mut Counters) -> Closed {
            Closed(0)
        }
    }
}
