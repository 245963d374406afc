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
            let mac = if event % 3 == 0 {
                GOOD
            } else {
                u32::from(event)
            };
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
            let mac = if event % 3 == 0 {
                GOOD
            } else {
                u32::from(event)
            };
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

/// Declares the async ring as module `$name`: three states in a ring, a transition (`step`) and
/// a loop (`add`) in each, every handler an `async fn` that awaits a helper.
macro_rules! async_ring {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[automat::machine]
        pub mod $name {
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
    };
}

/// Declares the async ring written synchronously as module `$name`: the same handlers, without
/// `async` and `.await`.
macro_rules! sync_ring {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[automat::machine]
        pub mod $name {
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
    };
}

/// Declares the async ring by hand as module `$name`: an enum, a `match`, and the same `async fn`s
/// awaited, as a user writes an async machine without automat. It tells the cost of rustc's
/// async lowering apart from the cost of what automat generates around it.
macro_rules! hand_async {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        pub mod $name {
            /// The refusal, as automat's carries the state and input names.
            #[derive(Debug, Clone, Copy, PartialEq, Eq)]
            pub struct Refused(pub &'static str, pub &'static str);

            /// The states, each counting its `add`s.
            pub enum State {
                /// The first state.
                S0(u32),
                /// The second state.
                S1(u32),
                /// The third state.
                S2(u32),
            }

            /// The machine: the totals and the state.
            pub struct Ring {
                /// Steps taken.
                pub steps: u32,
                /// The sum of everything added.
                pub sum: u32,
                /// Where the ring is.
                pub state: State,
            }

            async fn step(ring: &mut Ring) -> u32 {
                ring.steps = ring.steps.wrapping_add(1);
                ring.steps
            }

            async fn add(ring: &mut Ring, n: u32) -> u32 {
                ring.sum = ring.sum.wrapping_add(n);
                ring.sum
            }

            /// An input as a value, for [`Ring::handle`].
            pub enum Input {
                /// To the next state.
                Step,
                /// Adds `n`.
                Add {
                    /// What to add.
                    n: u32,
                },
            }

            /// The output of an input.
            pub enum Output {
                /// The steps so far.
                Step(u32),
                /// The total.
                Add(u32),
            }

            impl Ring {
                /// Runs `input`, as its method would.
                ///
                /// # Errors
                ///
                /// Never: every state accepts every input.
                #[inline]
                pub async fn handle(&mut self, input: Input) -> Result<Output, Refused> {
                    match input {
                        Input::Step => self.step().await.map(Output::Step),
                        Input::Add { n } => self.add(n).await.map(Output::Add),
                    }
                }

                /// To the next state; the output is the steps so far.
                ///
                /// # Errors
                ///
                /// Never: every state accepts `step`.
                #[inline]
                pub async fn step(&mut self) -> Result<u32, Refused> {
                    self.state = match self.state {
                        State::S0(_) => State::S1(0),
                        State::S1(_) => State::S2(0),
                        State::S2(_) => State::S0(0),
                    };
                    Ok(step(self).await)
                }

                /// Adds `n` to the total; the output is the total.
                ///
                /// # Errors
                ///
                /// Never: every state accepts `add`.
                #[inline]
                pub async fn add(&mut self, n: u32) -> Result<u32, Refused> {
                    match &mut self.state {
                        State::S0(adds) | State::S1(adds) | State::S2(adds) => *adds += 1,
                    }
                    Ok(add(self, n).await)
                }
            }
        }
    };
}

async_ring!(
    /// The async ring, driven through its input methods only.
    async_ring
);
async_ring!(
    /// The async ring, driven through `handle` only.
    async_ring_handle
);
async_ring!(
    /// The async ring, driven through its input methods and through `handle`: two callers.
    async_ring_twice
);
sync_ring!(
    /// The sync ring, driven through its input methods only.
    sync_ring
);
sync_ring!(
    /// The sync ring, driven through `handle` only.
    sync_ring_handle
);
sync_ring!(
    /// The sync ring, driven through its input methods and through `handle`: two callers.
    sync_ring_twice
);
hand_async!(
    /// The hand-written async ring, driven through its methods only.
    hand_async
);
hand_async!(
    /// The hand-written async ring, driven through its methods and through `handle`.
    hand_async_twice
);

/// A synchronous output, as [`block_on`] gives an async one.
#[inline]
fn ready<T>(output: T) -> T {
    output
}

/// Defines `$replay`, which drives `$machine` (made by `$new`) through its input methods over
/// the events: byte `b % 3 == 0` steps, any other adds `b`; `$wait` turns a method's result
/// into its output ([`block_on`] for an async ring), and `$adds` reads the final state's
/// `add`s into the checksum.
macro_rules! replay_methods {
    ($(#[$doc:meta])* $replay:ident, $new:expr, $wait:ident, $adds:expr) => {
        $(#[$doc])*
        #[inline(never)]
        #[must_use]
        pub fn $replay(events: &[u8]) -> u64 {
            let mut machine = $new;
            let mut sum = 0_u64;
            for &event in events {
                let output = if event % 3 == 0 {
                    $wait(machine.step())
                } else {
                    $wait(machine.add(u32::from(event)))
                };
                sum = sum.wrapping_add(u64::from(output.unwrap_or(0)));
            }
            sum.wrapping_add(u64::from($adds(&machine)))
        }
    };
}

/// Defines `$replay`, which drives `$machine` through `handle(Input)`, the same events as
/// [`replay_methods!`].
macro_rules! replay_handle {
    ($(#[$doc:meta])* $replay:ident, $ring:ident, $new:expr, $wait:ident, $adds:expr) => {
        $(#[$doc])*
        #[inline(never)]
        #[must_use]
        pub fn $replay(events: &[u8]) -> u64 {
            use $ring::{Input, Output};
            let mut machine = $new;
            let mut sum = 0_u64;
            for &event in events {
                let input = if event % 3 == 0 {
                    Input::Step
                } else {
                    Input::Add {
                        n: u32::from(event),
                    }
                };
                let output = match $wait(machine.handle(input)) {
                    Ok(Output::Step(output) | Output::Add(output)) => output,
                    Err(_) => 0,
                };
                sum = sum.wrapping_add(u64::from(output));
            }
            sum.wrapping_add(u64::from($adds(&machine)))
        }
    };
}

/// A new automat ring of module `$ring`, in `S0`.
macro_rules! new_ring {
    ($ring:ident) => {
        $ring::Dynamic::new($ring::Totals { steps: 0, sum: 0 }, $ring::S0 { adds: 0 })
    };
}

/// The `add`s of an automat ring's final state.
macro_rules! ring_adds {
    ($ring:ident) => {
        |machine: &$ring::Dynamic| match machine.state() {
            $ring::State::S0(state) => state.adds,
            $ring::State::S1(state) => state.adds,
            $ring::State::S2(state) => state.adds,
        }
    };
}

/// A new hand-written ring of module `$ring`, in `S0`.
macro_rules! new_hand {
    ($ring:ident) => {
        $ring::Ring {
            steps: 0,
            sum: 0,
            state: $ring::State::S0(0),
        }
    };
}

/// The `add`s of a hand-written ring's final state.
macro_rules! hand_adds {
    ($ring:ident) => {
        |machine: &$ring::Ring| match machine.state {
            $ring::State::S0(adds) | $ring::State::S1(adds) | $ring::State::S2(adds) => adds,
        }
    };
}

replay_methods!(
    /// The async ring through its methods, each future polled to completion with a no-op waker.
    replay_async,
    new_ring!(async_ring),
    block_on,
    ring_adds!(async_ring)
);
replay_methods!(
    /// The sync ring through its methods.
    replay_sync,
    new_ring!(sync_ring),
    ready,
    ring_adds!(sync_ring)
);
replay_methods!(
    /// The hand-written async ring through its methods, polled as [`replay_async`].
    replay_hand_async,
    new_hand!(hand_async),
    block_on,
    hand_adds!(hand_async)
);
replay_handle!(
    /// The async ring through the async `handle`, polled as [`replay_async`].
    replay_async_handle,
    async_ring_handle,
    new_ring!(async_ring_handle),
    block_on,
    ring_adds!(async_ring_handle)
);
replay_handle!(
    /// The sync ring through `handle`.
    replay_sync_handle,
    sync_ring_handle,
    new_ring!(sync_ring_handle),
    ready,
    ring_adds!(sync_ring_handle)
);
replay_methods!(
    /// The async ring through its methods, which [`replay_async_twice_handle`] also calls.
    replay_async_twice,
    new_ring!(async_ring_twice),
    block_on,
    ring_adds!(async_ring_twice)
);
replay_handle!(
    /// The second caller of [`replay_async_twice`]'s methods.
    replay_async_twice_handle,
    async_ring_twice,
    new_ring!(async_ring_twice),
    block_on,
    ring_adds!(async_ring_twice)
);
replay_methods!(
    /// The sync ring through its methods, which [`replay_sync_twice_handle`] also calls.
    replay_sync_twice,
    new_ring!(sync_ring_twice),
    ready,
    ring_adds!(sync_ring_twice)
);
replay_handle!(
    /// The second caller of [`replay_sync_twice`]'s methods.
    replay_sync_twice_handle,
    sync_ring_twice,
    new_ring!(sync_ring_twice),
    ready,
    ring_adds!(sync_ring_twice)
);
replay_methods!(
    /// The hand-written async ring through its methods, which
    /// [`replay_hand_async_twice_handle`] also calls.
    replay_hand_async_twice,
    new_hand!(hand_async_twice),
    block_on,
    hand_adds!(hand_async_twice)
);
replay_handle!(
    /// The second caller of [`replay_hand_async_twice`]'s methods.
    replay_hand_async_twice_handle,
    hand_async_twice,
    new_hand!(hand_async_twice),
    block_on,
    hand_adds!(hand_async_twice)
);
