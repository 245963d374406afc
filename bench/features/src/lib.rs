//! Machines in pairs with the same behaviour, for `features.sh`'s callgrind counts (see
//! `bench/README.md`, "Groups, fallible inputs and async handlers"):
//!
//! * `grouped`: four states in a ring (`step`), and a `reset` to the first from every state,
//!   written once as a `#[group]` handler;
//! * `per_state`: the same, `reset` written in each state;
//! * `fallible`: a `check(mac)` that moves `Wait` to `Open` on a good MAC and stays, counting,
//!   on a bad one (a fallible transition), and `close` back;
//! * `hand_fallible`: the same as a hand-written enum and `match`;
//! * `async_ring`: three states in a ring, a transition and a loop in each, every handler an
//!   `async fn` awaiting a helper, its futures polled with a no-op waker;
//! * `sync_ring`: the same machine written without `async`.
//!
//! Each `replay_*` function drives its machine through `Dynamic`'s input methods (or, for the
//! rings, also through `handle`) over the event bytes and returns a checksum, so nothing is
//! optimised away.
#![forbid(unsafe_code)]

/// The ring, with `reset` in a group.
#[automat::machine]
pub mod grouped {
    /// The inputs.
    pub trait Ring {
        /// To the next state.
        fn step(&mut self);
        /// Back to the first state; the output counts resets.
        fn reset(&mut self) -> u32;
    }
    /// Counts resets.
    #[core]
    pub struct Resets(pub u32);
    /// The first state.
    #[state(initial)]
    pub struct S0;
    /// The second state.
    #[state]
    pub struct S1;
    /// The third state.
    #[state]
    pub struct S2;
    /// The fourth state.
    #[state]
    pub struct S3;
    /// Every state.
    #[group]
    pub enum Any {
        /// The first state.
        S0(S0),
        /// The second state.
        S1(S1),
        /// The third state.
        S2(S2),
        /// The fourth state.
        S3(S3),
    }
    #[transitions]
    impl S0 {
        fn step(self, _core: &mut Resets) -> S1 {
            S1
        }
    }
    #[transitions]
    impl S1 {
        fn step(self, _core: &mut Resets) -> S2 {
            S2
        }
    }
    #[transitions]
    impl S2 {
        fn step(self, _core: &mut Resets) -> S3 {
            S3
        }
    }
    #[transitions]
    impl S3 {
        fn step(self, _core: &mut Resets) -> S0 {
            S0
        }
    }
    #[transitions]
    impl Any {
        fn reset(self, core: &mut Resets) -> (S0, u32) {
            core.0 += 1;
            (S0, core.0)
        }
    }
}

/// The ring, with `reset` written in every state.
#[automat::machine]
pub mod per_state {
    /// The inputs.
    pub trait Ring {
        /// To the next state.
        fn step(&mut self);
        /// Back to the first state; the output counts resets.
        fn reset(&mut self) -> u32;
    }
    /// Counts resets.
    #[core]
    pub struct Resets(pub u32);
    /// The first state.
    #[state(initial)]
    pub struct S0;
    /// The second state.
    #[state]
    pub struct S1;
    /// The third state.
    #[state]
    pub struct S2;
    /// The fourth state.
    #[state]
    pub struct S3;
    fn reset(core: &mut Resets) -> (S0, u32) {
        core.0 += 1;
        (S0, core.0)
    }
    #[transitions]
    impl S0 {
        fn step(self, _core: &mut Resets) -> S1 {
            S1
        }
        fn reset(self, core: &mut Resets) -> (S0, u32) {
            reset(core)
        }
    }
    #[transitions]
    impl S1 {
        fn step(self, _core: &mut Resets) -> S2 {
            S2
        }
        fn reset(self, core: &mut Resets) -> (S0, u32) {
            reset(core)
        }
    }
    #[transitions]
    impl S2 {
        fn step(self, _core: &mut Resets) -> S3 {
            S3
        }
        fn reset(self, core: &mut Resets) -> (S0, u32) {
            reset(core)
        }
    }
    #[transitions]
    impl S3 {
        fn step(self, _core: &mut Resets) -> S0 {
            S0
        }
        fn reset(self, core: &mut Resets) -> (S0, u32) {
            reset(core)
        }
    }
}

/// A MAC that does not check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadMac;

/// The MAC `check` accepts.
pub const GOOD: u32 = 7;

/// The fallible transition.
#[automat::machine]
pub mod fallible {
    use super::{BadMac, GOOD};
    /// The inputs.
    pub trait Link {
        /// A MAC arrives.
        fn check(&mut self, mac: u32) -> Result<(), BadMac>;
        /// Back to waiting.
        fn close(&mut self);
    }
    /// Waiting for a MAC; counts the bad ones.
    #[state(initial)]
    pub struct Wait {
        /// Bad MACs so far.
        pub bad: u32,
    }
    /// Up.
    #[state]
    pub struct Open;
    #[transitions]
    impl Wait {
        fn check(&mut self, mac: u32) -> Result<Open, BadMac> {
            if mac == GOOD {
                Ok(Open)
            } else {
                self.bad += 1;
                Err(BadMac)
            }
        }
    }
    #[transitions]
    impl Open {
        fn close(self) -> Wait {
            Wait { bad: 0 }
        }
    }
}

/// The fallible transition, by hand: what a user writes without automat.
pub mod hand_fallible {
    use super::{BadMac, GOOD};

    /// The refusal, as automat's carries the state and input names.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct Refused(pub &'static str, pub &'static str);

    /// Why an input did not succeed.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Error {
        /// Not accepted in this state.
        Refused(Refused),
        /// The check failed.
        Failed(BadMac),
    }

    /// The states.
    pub enum State {
        /// Waiting, counting bad MACs.
        Wait {
            /// Bad MACs so far.
            bad: u32,
        },
        /// Up.
        Open,
    }

    impl State {
        /// A MAC arrives.
        ///
        /// # Errors
        ///
        /// When refused or the MAC is bad.
        #[inline]
        pub fn check(&mut self, mac: u32) -> Result<(), Error> {
            match self {
                State::Wait { bad } => {
                    if mac == GOOD {
                        *self = State::Open;
                        Ok(())
                    } else {
                        *bad += 1;
                        Err(Error::Failed(BadMac))
                    }
                }
                State::Open => Err(Error::Refused(Refused("Open", "check"))),
            }
        }

        /// Back to waiting.
        ///
        /// # Errors
        ///
        /// When refused.
        #[inline]
        pub fn close(&mut self) -> Result<(), Error> {
            match self {
                State::Open => {
                    *self = State::Wait { bad: 0 };
                    Ok(())
                }
                State::Wait { .. } => Err(Error::Refused(Refused("Wait", "close"))),
            }
        }
    }
}

/// Replays the ring with a grouped `reset`: byte `b % 5 == 0` resets, any other steps.
#[inline(never)]
#[must_use]
pub fn replay_grouped(events: &[u8]) -> u64 {
    let mut machine = grouped::Dynamic::new(grouped::Resets(0), grouped::S0);
    let mut sum = 0_u64;
    for &event in events {
        if event % 5 == 0 {
            sum += u64::from(machine.reset().unwrap_or(0));
        } else {
            sum += u64::from(machine.step().is_ok());
        }
    }
    sum
}

/// Replays the ring with `reset` in every state, the same events as [`replay_grouped`].
#[inline(never)]
#[must_use]
pub fn replay_per_state(events: &[u8]) -> u64 {
    let mut machine = per_state::Dynamic::new(per_state::Resets(0), per_state::S0);
    let mut sum = 0_u64;
    for &event in events {
        if event % 5 == 0 {
            sum += u64::from(machine.reset().unwrap_or(0));
        } else {
            sum += u64::from(machine.step().is_ok());
        }
    }
    sum
}

/// Replays the fallible link: byte `b % 4 == 0` closes, any other is a MAC (`b % 3 == 0` good).
#[inline(never)]
#[must_use]
pub fn replay_fallible(events: &[u8]) -> u64 {
    let mut machine = fallible::Dynamic::new(fallible::Wait { bad: 0 });
    let mut sum = 0_u64;
    for &event in events {
        let ok = if event % 4 == 0 {
            machine.close().is_ok()
        } else {
            let mac = if event % 3 == 0 { GOOD } else { u32::from(event) };
            machine.check(mac).is_ok()
        };
        sum += u64::from(ok);
    }
    if let fallible::State::Wait(wait) = machine.state() {
        sum += u64::from(wait.bad);
    }
    sum
}

/// Replays the hand-written link, the same events as [`replay_fallible`].
#[inline(never)]
#[must_use]
pub fn replay_hand_fallible(events: &[u8]) -> u64 {
    let mut machine = hand_fallible::State::Wait { bad: 0 };
    let mut sum = 0_u64;
    for &event in events {
        let ok = if event % 4 == 0 {
            machine.close().is_ok()
        } else {
            let mac = if event % 3 == 0 { GOOD } else { u32::from(event) };
            machine.check(mac).is_ok()
        };
        sum += u64::from(ok);
    }
    if let hand_fallible::State::Wait { bad } = machine {
        sum += u64::from(bad);
    }
    sum
}

/// Polls `future` with a waker that does nothing until it is ready: an executor of one future
/// whose awaits are all ready at once, as the handlers of [`async_ring`] are.
#[inline]
pub fn block_on<F: core::future::Future>(future: F) -> F::Output {
    let mut future = core::pin::pin!(future);
    let mut context = core::task::Context::from_waker(core::task::Waker::noop());
    loop {
        if let core::task::Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
    }
}

/// A ring of three states with a transition (`step`) and a loop (`add`) in each, whose handlers
/// are `async fn`s that await a helper.
#[automat::machine]
pub mod async_ring {
    /// The inputs, both async.
    pub trait Ring {
        /// To the next state; the output is the steps so far.
        async fn step(&mut self) -> u32;
        /// Adds `n` to the total; the output is the total.
        async fn add(&mut self, n: u32) -> u32;
    }
    /// The totals.
    #[core]
    pub struct Totals {
        /// Steps taken.
        pub steps: u32,
        /// The sum of everything added.
        pub sum: u32,
    }
    /// The first state.
    #[state(initial)]
    pub struct S0 {
        /// `add`s in this state.
        pub adds: u32,
    }
    /// The second state.
    #[state]
    pub struct S1 {
        /// `add`s in this state.
        pub adds: u32,
    }
    /// The third state.
    #[state]
    pub struct S2 {
        /// `add`s in this state.
        pub adds: u32,
    }
    async fn step(core: &mut Totals) -> u32 {
        core.steps = core.steps.wrapping_add(1);
        core.steps
    }
    async fn add(core: &mut Totals, n: u32) -> u32 {
        core.sum = core.sum.wrapping_add(n);
        core.sum
    }
    #[transitions]
    impl S0 {
        async fn step(self, core: &mut Totals) -> (S1, u32) {
            (S1 { adds: 0 }, step(core).await)
        }
        async fn add(&mut self, core: &mut Totals, n: u32) -> u32 {
            self.adds += 1;
            add(core, n).await
        }
    }
    #[transitions]
    impl S1 {
        async fn step(self, core: &mut Totals) -> (S2, u32) {
            (S2 { adds: 0 }, step(core).await)
        }
        async fn add(&mut self, core: &mut Totals, n: u32) -> u32 {
            self.adds += 1;
            add(core, n).await
        }
    }
    #[transitions]
    impl S2 {
        async fn step(self, core: &mut Totals) -> (S0, u32) {
            (S0 { adds: 0 }, step(core).await)
        }
        async fn add(&mut self, core: &mut Totals, n: u32) -> u32 {
            self.adds += 1;
            add(core, n).await
        }
    }
}

/// [`async_ring`] written synchronously: the same handlers without `async` and `.await`.
#[automat::machine]
pub mod sync_ring {
    /// The inputs.
    pub trait Ring {
        /// To the next state; the output is the steps so far.
        fn step(&mut self) -> u32;
        /// Adds `n` to the total; the output is the total.
        fn add(&mut self, n: u32) -> u32;
    }
    /// The totals.
    #[core]
    pub struct Totals {
        /// Steps taken.
        pub steps: u32,
        /// The sum of everything added.
        pub sum: u32,
    }
    /// The first state.
    #[state(initial)]
    pub struct S0 {
        /// `add`s in this state.
        pub adds: u32,
    }
    /// The second state.
    #[state]
    pub struct S1 {
        /// `add`s in this state.
        pub adds: u32,
    }
    /// The third state.
    #[state]
    pub struct S2 {
        /// `add`s in this state.
        pub adds: u32,
    }
    fn step(core: &mut Totals) -> u32 {
        core.steps = core.steps.wrapping_add(1);
        core.steps
    }
    fn add(core: &mut Totals, n: u32) -> u32 {
        core.sum = core.sum.wrapping_add(n);
        core.sum
    }
    #[transitions]
    impl S0 {
        fn step(self, core: &mut Totals) -> (S1, u32) {
            (S1 { adds: 0 }, step(core))
        }
        fn add(&mut self, core: &mut Totals, n: u32) -> u32 {
            self.adds += 1;
            add(core, n)
        }
    }
    #[transitions]
    impl S1 {
        fn step(self, core: &mut Totals) -> (S2, u32) {
            (S2 { adds: 0 }, step(core))
        }
        fn add(&mut self, core: &mut Totals, n: u32) -> u32 {
            self.adds += 1;
            add(core, n)
        }
    }
    #[transitions]
    impl S2 {
        fn step(self, core: &mut Totals) -> (S0, u32) {
            (S0 { adds: 0 }, step(core))
        }
        fn add(&mut self, core: &mut Totals, n: u32) -> u32 {
            self.adds += 1;
            add(core, n)
        }
    }
}

/// Replays the async ring through `Dynamic`'s input methods, each future polled to completion
/// with a no-op waker: byte `b % 3 == 0` steps, any other adds `b`.
#[inline(never)]
#[must_use]
pub fn replay_async(events: &[u8]) -> u64 {
    let totals = async_ring::Totals { steps: 0, sum: 0 };
    let mut machine = async_ring::Dynamic::new(totals, async_ring::S0 { adds: 0 });
    let mut sum = 0_u64;
    for &event in events {
        let output = if event % 3 == 0 {
            block_on(machine.step())
        } else {
            block_on(machine.add(u32::from(event)))
        };
        sum = sum.wrapping_add(u64::from(output.unwrap_or(0)));
    }
    let adds = match machine.state() {
        async_ring::State::S0(state) => state.adds,
        async_ring::State::S1(state) => state.adds,
        async_ring::State::S2(state) => state.adds,
    };
    sum.wrapping_add(u64::from(adds))
}

/// Replays the sync ring, the same events as [`replay_async`].
#[inline(never)]
#[must_use]
pub fn replay_sync(events: &[u8]) -> u64 {
    let totals = sync_ring::Totals { steps: 0, sum: 0 };
    let mut machine = sync_ring::Dynamic::new(totals, sync_ring::S0 { adds: 0 });
    let mut sum = 0_u64;
    for &event in events {
        let output = if event % 3 == 0 {
            machine.step()
        } else {
            machine.add(u32::from(event))
        };
        sum = sum.wrapping_add(u64::from(output.unwrap_or(0)));
    }
    let adds = match machine.state() {
        sync_ring::State::S0(state) => state.adds,
        sync_ring::State::S1(state) => state.adds,
        sync_ring::State::S2(state) => state.adds,
    };
    sum.wrapping_add(u64::from(adds))
}

/// Replays the async ring through the async `Dynamic::handle`, polled as in [`replay_async`].
#[inline(never)]
#[must_use]
pub fn replay_async_handle(events: &[u8]) -> u64 {
    use async_ring::{Input, Output};
    let totals = async_ring::Totals { steps: 0, sum: 0 };
    let mut machine = async_ring::Dynamic::new(totals, async_ring::S0 { adds: 0 });
    let mut sum = 0_u64;
    for &event in events {
        let input = if event % 3 == 0 {
            Input::Step
        } else {
            Input::Add {
                n: u32::from(event),
            }
        };
        let output = match block_on(machine.handle(input)) {
            Ok(Output::Step(output) | Output::Add(output)) => output,
            Err(_) => 0,
        };
        sum = sum.wrapping_add(u64::from(output));
    }
    let adds = match machine.state() {
        async_ring::State::S0(state) => state.adds,
        async_ring::State::S1(state) => state.adds,
        async_ring::State::S2(state) => state.adds,
    };
    sum.wrapping_add(u64::from(adds))
}

/// Replays the sync ring through `Dynamic::handle`, the same events as [`replay_async`].
#[inline(never)]
#[must_use]
pub fn replay_sync_handle(events: &[u8]) -> u64 {
    use sync_ring::{Input, Output};
    let totals = sync_ring::Totals { steps: 0, sum: 0 };
    let mut machine = sync_ring::Dynamic::new(totals, sync_ring::S0 { adds: 0 });
    let mut sum = 0_u64;
    for &event in events {
        let input = if event % 3 == 0 {
            Input::Step
        } else {
            Input::Add {
                n: u32::from(event),
            }
        };
        let output = match machine.handle(input) {
            Ok(Output::Step(output) | Output::Add(output)) => output,
            Err(_) => 0,
        };
        sum = sum.wrapping_add(u64::from(output));
    }
    let adds = match machine.state() {
        sync_ring::State::S0(state) => state.adds,
        sync_ring::State::S1(state) => state.adds,
        sync_ring::State::S2(state) => state.adds,
    };
    sum.wrapping_add(u64::from(adds))
}
