//! Async handlers (SPEC §7.5): every handler kind may be `async fn`; the generated methods of
//! async inputs are `async` in both APIs, `Dynamic::handle` too, and the input trait's
//! futures are `Send`. Dropping a future half-way poisons `Dynamic` when the handler held the
//! state, as a panic does, and leaves the state where it was when a state's own loop borrowed it.

use automat_tests::{YieldOnce, block_on, poll_once_and_drop};
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

/// A gate whose every handler awaits once; the core logs what completed.
#[automat::machine(derive(Debug))]
pub mod gate {
    use super::YieldOnce;

    /// What the gate understands: every input async but `count`.
    pub trait Gate {
        /// Open with a code; the output is the code doubled.
        async fn open(&mut self, code: u32) -> u32;
        /// One tick while open; the output counts them.
        async fn tick(&mut self) -> u32;
        /// Knock: a hard knock opens.
        async fn knock(&mut self, hard: bool);
        /// Raise the alarm, closed or open.
        async fn alarm(&mut self);
        /// Ping, closed or open: 1 when closed, 100 plus the ticks when open.
        async fn ping(&mut self) -> u64;
        /// Check while open: the ticks, or `Denied`.
        async fn check(&mut self, ok: bool) -> Result<u32, Denied>;
        /// Unlock the alarm with a pin: back to closed, or `Denied` and stay.
        async fn unlock(&mut self, pin: u32) -> Result<(), Denied>;
        /// Reset the alarm: a synchronous handler of an async input.
        async fn reset(&mut self);
        /// How many events completed: a synchronous input.
        fn count(&mut self) -> usize;
    }

    /// A refusal of `check` or `unlock`.
    #[derive(Debug, PartialEq, Eq)]
    pub struct Denied;

    /// What completed, in order.
    #[core]
    #[derive(Default, Debug)]
    pub struct Log {
        /// The handlers that ran to their end.
        pub events: Vec<&'static str>,
    }

    /// Closed.
    #[state(initial)]
    #[derive(Debug, PartialEq, Eq)]
    pub struct Closed;

    /// Open, counting ticks.
    #[state]
    #[derive(Debug, PartialEq, Eq)]
    pub struct Open {
        /// Ticks so far, each counted before the tick's `.await`.
        pub ticks: u32,
    }

    /// Alarmed, counting unlock attempts.
    #[state]
    #[derive(Debug, PartialEq, Eq)]
    pub struct Alarmed {
        /// Attempts so far, each counted before the attempt's `.await`.
        pub tries: u32,
    }

    /// Where a knock leads.
    #[branch]
    pub enum Knocked {
        /// A hard knock.
        Opened(Open),
        /// A soft one.
        Ignored(Closed),
    }

    /// Closed or open.
    #[group]
    pub enum Up {
        /// Closed.
        Closed(Closed),
        /// Open.
        Open(Open),
    }

    #[transitions]
    impl Closed {
        async fn open(self, log: &mut Log, code: u32) -> (Open, u32) {
            YieldOnce::default().await;
            log.events.push("open");
            (Open { ticks: 0 }, code * 2)
        }

        async fn knock(self, log: &mut Log, hard: bool) -> Knocked {
            YieldOnce::default().await;
            log.events.push("knock");
            if hard {
                Knocked::Opened(Open { ticks: 0 })
            } else {
                Knocked::Ignored(self)
            }
        }
    }

    #[transitions]
    impl Open {
        async fn tick(&mut self, log: &mut Log) -> u32 {
            self.ticks += 1;
            YieldOnce::default().await;
            log.events.push("tick");
            self.ticks
        }

        async fn check(&mut self, log: &mut Log, ok: bool) -> Result<u32, Denied> {
            YieldOnce::default().await;
            log.events.push("check");
            if ok { Ok(self.ticks) } else { Err(Denied) }
        }
    }

    #[transitions]
    impl Up {
        async fn alarm(self, log: &mut Log) -> Alarmed {
            YieldOnce::default().await;
            log.events.push("alarm");
            Alarmed { tries: 0 }
        }

        async fn ping(&mut self, log: &mut Log) -> u64 {
            YieldOnce::default().await;
            log.events.push("ping");
            match self {
                Up::Closed(_) => 1,
                Up::Open(open) => 100 + u64::from(open.ticks),
            }
        }

        fn count(&mut self, log: &mut Log) -> usize {
            log.events.len()
        }
    }

    #[transitions]
    impl Alarmed {
        async fn unlock(&mut self, log: &mut Log, pin: u32) -> Result<Closed, Denied> {
            self.tries += 1;
            YieldOnce::default().await;
            log.events.push("unlock");
            if pin == 1234 { Ok(Closed) } else { Err(Denied) }
        }

        fn reset(self, log: &mut Log) -> Closed {
            log.events.push("reset");
            Closed
        }

        fn count(&mut self, log: &mut Log) -> usize {
            log.events.len()
        }
    }
}

use gate::{
    Alarmed, Closed, Denied, Dynamic, Gate, Input, KnockedMachine, Log, Machine, Open, Output,
    State,
};

#[test]
fn typestate_methods_of_async_inputs_are_async() {
    let ((), _) = block_on(async {
        let machine = Machine::new(Log::default(), Closed);
        let (machine, ping) = machine.ping().await;
        assert_eq!(ping, 1);
        let (mut machine, doubled) = machine.open(21).await;
        assert_eq!(doubled, 42);
        assert_eq!(machine.tick().await, 1);
        assert_eq!(machine.tick().await, 2);
        assert_eq!(machine.check(true).await, Ok(2));
        assert_eq!(machine.check(false).await, Err(Denied));
        let (machine, ping) = machine.ping().await;
        assert_eq!(ping, 102);
        // A synchronous input of an async machine is a plain method.
        let (machine, count) = machine.count();
        assert_eq!(count, 7);
        let machine = machine.alarm().await;
        let (machine, denied) = machine.unlock(1).await.expect_err("a wrong pin");
        assert_eq!((machine.state(), denied), (&Alarmed { tries: 1 }, Denied));
        let machine = machine.unlock(1234).await.expect("the right pin");
        let KnockedMachine::Ignored(machine) = machine.knock(false).await else {
            panic!("a soft knock is ignored")
        };
        let KnockedMachine::Opened(machine) = machine.knock(true).await else {
            panic!("a hard knock opens")
        };
        let machine = machine.alarm().await;
        let machine = machine.reset().await;
        let (log, state) = machine.into_parts();
        assert_eq!(state, Closed);
        assert_eq!(
            log.events,
            [
                "ping", "open", "tick", "tick", "check", "check", "ping", "alarm", "unlock",
                "unlock", "knock", "knock", "alarm", "reset"
            ]
        );
    });
}

/// The state `Dynamic` is in, for comparing.
fn state_of(machine: &Dynamic) -> &State {
    machine.state()
}

#[test]
fn dynamic_methods_of_async_inputs_are_async() {
    let ((), polls) = block_on(async {
        let mut machine = Dynamic::new(Log::default(), Closed);
        assert_eq!(machine.ping().await, Ok(1));
        let refused = machine.tick().await.expect_err("closed does not tick");
        assert_eq!((refused.state(), refused.input()), ("Closed", "tick"));
        assert!(!refused.is_poisoned());
        assert_eq!(machine.open(5).await, Ok(10));
        assert_eq!(machine.tick().await, Ok(1));
        assert_eq!(machine.check(true).await, Ok(1));
        let failed = machine.check(false).await.expect_err("denied");
        assert_eq!(failed.failed(), Some(&Denied));
        assert_eq!(machine.ping().await, Ok(101));
        assert_eq!(machine.count(), Ok(6));
        assert_eq!(machine.alarm().await, Ok(()));
        assert_eq!(
            machine.unlock(9).await.expect_err("a wrong pin").failed(),
            Some(&Denied)
        );
        assert!(matches!(
            state_of(&machine),
            State::Alarmed(Alarmed { tries: 1 })
        ));
        assert_eq!(machine.unlock(1234).await, Ok(()));
        assert_eq!(machine.knock(false).await, Ok(()));
        assert_eq!(machine.state_name(), "Closed");
        assert_eq!(machine.knock(true).await, Ok(()));
        assert_eq!(machine.state_name(), "Open");
        assert_eq!(machine.alarm().await, Ok(()));
        assert_eq!(machine.reset().await, Ok(()));
        assert_eq!(machine.state_name(), "Closed");
        let (log, state) = machine.into_parts();
        assert!(matches!(state, Some(State::Closed(Closed))));
        assert_eq!(
            log.events,
            [
                "ping", "open", "tick", "check", "check", "ping", "alarm", "unlock", "unlock",
                "knock", "knock", "alarm", "reset"
            ]
        );
    });
    // Every async handler awaited once, and nothing else did: one poll each, plus the last.
    assert_eq!(polls, 13);
}

#[test]
fn handle_is_async_and_awaits_the_async_inputs() {
    let ((), _) = block_on(async {
        let mut machine = Dynamic::new(Log::default(), Closed);
        let inputs = [
            (Input::Open { code: 4 }, Output::Open(8)),
            (Input::Tick, Output::Tick(1)),
            (Input::Check { ok: false }, Output::Check(Err(Denied))),
            (Input::Ping, Output::Ping(101)),
            (Input::Count, Output::Count(4)),
            (Input::Alarm, Output::Alarm(())),
            (Input::Unlock { pin: 1234 }, Output::Unlock(Ok(()))),
        ];
        for (input, expected) in inputs {
            let name = input.name();
            let output = machine.handle(input).await.expect(name);
            assert_eq!(format!("{output:?}"), format!("{expected:?}"), "{name}");
        }
        let refused = machine
            .handle(Input::Tick)
            .await
            .expect_err("closed does not tick");
        assert_eq!((refused.state(), refused.input()), ("Closed", "tick"));
    });
}

/// Drives any machine with the trait's methods, as generic code would; the futures it awaits
/// are `Send`, so this one is.
async fn drive<M: Gate + Send>(machine: &mut M) -> Vec<u32> {
    let mut outputs = vec![machine.open(1).await.unwrap_or(0)];
    outputs.push(machine.tick().await.unwrap_or(0));
    outputs.push(machine.check(true).await.unwrap_or(0));
    outputs.push(machine.open(1).await.unwrap_or(0));
    outputs
}

#[test]
fn the_trait_drives_the_machine_from_generic_code() {
    let mut machine = Dynamic::new(Log::default(), Closed);
    let (outputs, _) = block_on(drive(&mut machine));
    // The last `open` is refused in `Open`.
    assert_eq!(outputs, [2, 1, 1, 0]);
    assert_eq!(machine.core().events, ["open", "tick", "check"]);
}

/// A machine in `Open { ticks }` with `events` logged, through `open` and `tick`.
fn opened(ticks: u32) -> Dynamic {
    let mut machine = Dynamic::new(Log::default(), Closed);
    block_on(machine.open(1)).0.expect("closed opens");
    for _ in 0..ticks {
        block_on(machine.tick()).0.expect("open ticks");
    }
    machine
}

/// Checks what SPEC §3 says of a machine poisoned in `state`, through the async methods too.
fn assert_poisoned(machine: &mut Dynamic, state: &str) {
    assert!(machine.is_poisoned());
    assert_eq!(machine.state_name(), state);
    assert_eq!(machine.accepts(), [] as [&str; 0]);
    let refused = block_on(machine.ping())
        .0
        .expect_err("a poisoned machine refuses");
    assert!(refused.is_poisoned());
    assert_eq!((refused.state(), refused.input()), (state, "ping"));
    let refused = block_on(machine.handle(Input::Alarm))
        .0
        .expect_err("a poisoned machine refuses");
    assert!(refused.is_poisoned());
    let refused = machine.count().expect_err("a poisoned machine refuses");
    assert!(refused.is_poisoned());
}

#[test]
fn a_dropped_transition_poisons_the_machine() {
    let mut machine = Dynamic::new(Log::default(), Closed);
    assert!(
        poll_once_and_drop(machine.open(1)),
        "parked at the handler's await"
    );
    assert_poisoned(&mut machine, "Closed");
    let (log, state) = machine.into_parts();
    assert!(state.is_none());
    // The handler stopped before it logged.
    assert!(log.events.is_empty());
}

#[test]
fn a_dropped_branch_and_group_transition_poison_the_machine() {
    let mut machine = Dynamic::new(Log::default(), Closed);
    assert!(poll_once_and_drop(machine.knock(true)));
    assert_poisoned(&mut machine, "Closed");

    let mut machine = opened(2);
    assert!(poll_once_and_drop(machine.alarm()));
    assert_poisoned(&mut machine, "Open");
    assert_eq!(machine.into_parts().0.events, ["open", "tick", "tick"]);
}

#[test]
fn a_dropped_handle_poisons_as_the_method_does() {
    let mut machine = Dynamic::new(Log::default(), Closed);
    assert!(poll_once_and_drop(machine.handle(Input::Open { code: 1 })));
    assert_poisoned(&mut machine, "Closed");
}

#[test]
fn a_dropped_fallible_transition_poisons_the_machine() {
    let mut machine = opened(0);
    block_on(machine.alarm()).0.expect("open alarms");
    assert!(poll_once_and_drop(machine.unlock(1234)));
    assert_poisoned(&mut machine, "Alarmed");
    assert_eq!(machine.into_parts().0.events, ["open", "alarm"]);
}

#[test]
fn a_dropped_group_loop_poisons_the_machine() {
    // A group's loop takes the group enum, which holds the state: the state is out of the slot
    // during the call, as on a panic (SPEC §7.2).
    let mut machine = opened(3);
    assert!(poll_once_and_drop(machine.ping()));
    assert_poisoned(&mut machine, "Open");
}

#[test]
fn a_dropped_loop_keeps_the_state_as_the_handler_left_it() {
    let mut machine = opened(1);
    // `tick` counts before its `.await`: the count stays, the log entry after it never comes.
    assert!(poll_once_and_drop(machine.tick()));
    assert!(!machine.is_poisoned());
    assert!(matches!(state_of(&machine), State::Open(Open { ticks: 2 })));
    assert_eq!(machine.core().events, ["open", "tick"]);
    assert_eq!(
        machine.accepts(),
        ["tick", "alarm", "ping", "check", "count"]
    );
    // And the machine works on.
    assert_eq!(block_on(machine.tick()).0, Ok(3));
    assert_eq!(block_on(machine.check(true)).0, Ok(3));

    // A fallible loop borrows its state too.
    assert!(poll_once_and_drop(machine.check(false)));
    assert!(!machine.is_poisoned());
    assert_eq!(block_on(machine.check(true)).0, Ok(3));
}

#[test]
fn a_future_dropped_before_its_first_poll_changes_nothing() {
    let mut machine = Dynamic::new(Log::default(), Closed);
    drop(machine.open(1));
    drop(machine.handle(Input::Knock { hard: true }));
    assert!(!machine.is_poisoned());
    assert_eq!(block_on(machine.open(1)).0, Ok(2));
}

#[test]
fn a_dropped_typestate_loop_keeps_the_state() {
    let ((mut machine, _), _) = block_on(Machine::new(Log::default(), Closed).open(1));
    assert!(poll_once_and_drop(machine.tick()));
    assert_eq!(machine.state(), &Open { ticks: 1 });
    assert_eq!(block_on(machine.tick()).0, 2);
}

/// Compiles only for a `Send` value.
fn assert_send<T: Send>(_: &T) {}

#[test]
fn the_futures_are_send() {
    let mut machine = Dynamic::new(Log::default(), Closed);
    assert_send(&machine.open(1));
    assert_send(&machine.ping());
    assert_send(&machine.check(true));
    assert_send(&machine.handle(Input::Tick));
    assert_send(&Gate::unlock(&mut machine, 1));
    assert_send(&drive(&mut machine));
    assert_send(&Machine::new(Log::default(), Closed).open(1));
    assert_send(&Machine::new(Log::default(), Closed).ping());
    let mut open = Machine::restore(Log::default(), Open { ticks: 0 });
    assert_send(&open.tick());
    let alarmed = Machine::restore(Log::default(), Alarmed { tries: 0 });
    assert_send(&alarmed.unlock(1));
}

#[tokio::test]
async fn a_machine_runs_inside_tokio_spawn() {
    let task = tokio::spawn(async {
        let mut machine = Dynamic::new(Log::default(), Closed);
        let outputs = drive(&mut machine).await;
        (outputs, machine.into_parts().0.events)
    });
    let (outputs, events) = task.await.expect("the task ran");
    assert_eq!(outputs, [2, 1, 1, 0]);
    assert_eq!(events, ["open", "tick", "check"]);

    let typed = tokio::spawn(async {
        let (machine, doubled) = Machine::new(Log::default(), Closed).open(3).await;
        let machine = machine.alarm().await;
        (doubled, machine.into_state())
    });
    assert_eq!(
        typed.await.expect("the task ran"),
        (6, Alarmed { tries: 0 })
    );
}

/// A generic machine whose handlers sleep on tokio's clock: a buffer of `T`s.
#[automat::machine]
pub mod relay {
    use std::time::Duration;

    /// What the relay understands.
    pub trait Relay<T> {
        /// Buffer an item after `delay`; the output is how many are buffered.
        async fn send(&mut self, item: T, delay: Duration) -> usize;
        /// Close after `delay`, handing out the items.
        async fn close(&mut self, delay: Duration) -> Vec<T>;
    }

    /// The items.
    #[core]
    pub struct Buffer<T> {
        /// The items sent, in order.
        pub items: Vec<T>,
    }

    /// Taking items.
    #[state(initial)]
    pub struct Taking;

    /// Closed.
    #[state]
    pub struct Closed;

    #[transitions]
    impl<T> Taking {
        async fn send(&mut self, buffer: &mut Buffer<T>, item: T, delay: Duration) -> usize {
            tokio::time::sleep(delay).await;
            buffer.items.push(item);
            buffer.items.len()
        }

        async fn close(self, buffer: &mut Buffer<T>, delay: Duration) -> (Closed, Vec<T>) {
            tokio::time::sleep(delay).await;
            (Closed, core::mem::take(&mut buffer.items))
        }
    }
}

/// Sends `items` through any relay, as generic code would.
async fn relay_all<T, M: relay::Relay<T> + Send>(machine: &mut M, items: Vec<T>) -> Option<Vec<T>>
where
    T: Send,
{
    for item in items {
        machine.send(item, Duration::from_millis(1)).await.ok()?;
    }
    machine.close(Duration::from_millis(1)).await.ok()
}

#[tokio::test(start_paused = true)]
async fn a_generic_machine_runs_inside_tokio_spawn() {
    let buffer = relay::Buffer { items: Vec::new() };
    let mut machine = relay::Dynamic::new(buffer, relay::Taking);
    assert_send(&machine.send(String::new(), Duration::ZERO));
    assert_send(&relay_all(&mut machine, Vec::new()));
    let task = tokio::spawn(async move {
        let items = relay_all(&mut machine, vec![String::from("a"), String::from("b")]).await;
        (items, machine.state_name())
    });
    let (items, state) = task.await.expect("the task ran");
    assert_eq!(items, Some(vec![String::from("a"), String::from("b")]));
    assert_eq!(state, "Closed");

    let typed = tokio::spawn(async {
        let mut machine = relay::Machine::new(relay::Buffer { items: Vec::new() }, relay::Taking);
        machine.send(1_u8, Duration::from_millis(5)).await;
        machine.close(Duration::from_millis(5)).await.1
    });
    assert_eq!(typed.await.expect("the task ran"), [1]);
}

#[tokio::test(start_paused = true)]
async fn a_timeout_in_select_cancels_a_transition_and_poisons() {
    let mut machine = relay::Dynamic::new(relay::Buffer { items: vec![7_u32] }, relay::Taking);
    let start = tokio::time::Instant::now();
    tokio::select! {
        _ = machine.close(Duration::from_secs(30)) => panic!("the timeout is first"),
        () = tokio::time::sleep(Duration::from_secs(1)) => {}
    }
    // The paused clock jumped to the timeout; nothing waited for real.
    assert_eq!(start.elapsed(), Duration::from_secs(1));
    assert!(machine.is_poisoned());
    assert_eq!(machine.state_name(), "Taking");
    let refused = machine.send(8, Duration::ZERO).await.expect_err("poisoned");
    assert!(refused.is_poisoned());
    // The core is still there, as the handler left it.
    let (buffer, state) = machine.into_parts();
    assert!(state.is_none());
    assert_eq!(buffer.items, [7]);
}

#[tokio::test(start_paused = true)]
async fn a_tokio_timeout_cancels_a_loop_and_keeps_the_state() {
    let mut machine = relay::Dynamic::new(relay::Buffer { items: vec![7_u32] }, relay::Taking);
    let timed_out = tokio::time::timeout(
        Duration::from_secs(1),
        machine.send(8, Duration::from_secs(30)),
    )
    .await;
    assert!(timed_out.is_err());
    assert!(!machine.is_poisoned());
    assert_eq!(machine.send(9, Duration::ZERO).await, Ok(2));
    assert_eq!(machine.core().items, [7, 9]);
}

/// A counter whose core is not `Send`, declared as `$name` under `#[automat::machine($args)]`:
/// under `?Send` the trait's futures are not bound by `Send`.
macro_rules! shared {
    ($name:ident, $($args:tt)*) => {
        /// A machine whose core is not `Send`.
        #[automat::machine($($args)*)]
        pub mod $name {
            use std::cell::Cell;
            use std::rc::Rc;

            /// What the counter understands.
            pub trait Count {
                /// Add one; the output is the new count.
                async fn bump(&mut self) -> u32;
            }

            /// A count shared with whoever holds the other `Rc`.
            #[core]
            pub struct Shared {
                /// The count.
                pub count: Rc<Cell<u32>>,
            }

            /// Counting.
            #[state(initial)]
            pub struct Counting;

            #[transitions]
            impl Counting {
                async fn bump(&mut self, shared: &mut Shared) -> u32 {
                    super::YieldOnce::default().await;
                    shared.count.set(shared.count.get() + 1);
                    shared.count.get()
                }
            }
        }
    };
}

shared!(shared, ?Send);
shared!(dynamic_shared, dynamic, ?Send);
shared!(typestate_shared, typestate, ?Send);

/// Bumps any counter twice, as generic code that does not need `Send` would.
async fn bump_twice<M: shared::Count>(machine: &mut M) -> Option<u32> {
    machine.bump().await.ok()?;
    machine.bump().await.ok()
}

#[test]
fn a_machine_whose_data_is_not_send_implements_the_trait_under_question_send() {
    let count = Rc::new(Cell::new(0));
    let mut machine = shared::Dynamic::new(
        shared::Shared {
            count: Rc::clone(&count),
        },
        shared::Counting,
    );
    assert_eq!(block_on(bump_twice(&mut machine)).0, Some(2));
    assert_eq!(block_on(machine.bump()).0, Ok(3));
    assert_eq!(count.get(), 3);
}

#[test]
fn question_send_with_dynamic_alone_lifts_the_bound_from_dynamic() {
    let count = Rc::new(Cell::new(0));
    let mut machine = dynamic_shared::Dynamic::new(
        dynamic_shared::Shared {
            count: Rc::clone(&count),
        },
        dynamic_shared::Counting,
    );
    // `Dynamic` implements the trait although its core is not `Send`.
    assert_eq!(block_on(dynamic_shared::Count::bump(&mut machine)).0, Ok(1));
    assert_eq!(block_on(machine.bump()).0, Ok(2));
    let bumped = block_on(machine.handle(dynamic_shared::Input::Bump)).0;
    assert!(matches!(bumped, Ok(dynamic_shared::Output::Bump(3))));
    assert_eq!(count.get(), 3);
    assert!(poll_once_and_drop(machine.bump()));
    assert!(!machine.is_poisoned(), "a dropped loop keeps the state");
}

/// A counter of its own behind the trait of the `typestate` declaration, which nothing
/// generated implements: its future holds an `Rc` across an `.await`, which only a trait
/// without the `Send` bound accepts.
struct Tally(Rc<Cell<u32>>);

impl typestate_shared::Count for Tally {
    async fn bump(&mut self) -> Result<u32, automat::NoTransition> {
        let count = Rc::clone(&self.0);
        YieldOnce::default().await;
        count.set(count.get() + 10);
        Ok(count.get())
    }
}

#[test]
fn question_send_with_typestate_alone_lifts_the_bound_from_the_trait() {
    let count = Rc::new(Cell::new(0));
    let mut machine = typestate_shared::Machine::new(
        typestate_shared::Shared {
            count: Rc::clone(&count),
        },
        typestate_shared::Counting,
    );
    let (bumped, polls) = block_on(machine.bump());
    assert_eq!((bumped, polls), (1, 2));
    let mut tally = Tally(Rc::clone(&count));
    let (bumped, polls) = block_on(typestate_shared::Count::bump(&mut tally));
    assert_eq!((bumped, polls), (Ok(11), 2));
    assert_eq!(block_on(machine.bump()).0, 12);
}

/// An async machine that reports to its core.
#[automat::machine(observe)]
pub mod watched {
    use automat::{NoTransition, Observer, Transition};

    /// The inputs.
    pub trait Watched {
        /// Go on, awaiting once.
        async fn go(&mut self);
        /// Stay, awaiting once.
        async fn stay(&mut self);
    }

    /// What the observer heard.
    #[core]
    #[derive(Default)]
    pub struct Heard {
        /// The transitions, in order.
        pub moves: Vec<Transition>,
        /// The refusals, in order.
        pub refused: Vec<NoTransition>,
    }

    impl Observer for Heard {
        fn on_transition(&mut self, transition: &Transition) {
            self.moves.push(*transition);
        }
        fn on_refused(&mut self, refused: &NoTransition) {
            self.refused.push(*refused);
        }
    }

    /// Before.
    #[state(initial)]
    pub struct Before;

    /// After.
    #[state]
    pub struct After;

    #[transitions]
    impl Before {
        async fn go(self, _heard: &mut Heard) -> After {
            super::YieldOnce::default().await;
            After
        }

        async fn stay(&mut self, _heard: &mut Heard) {
            super::YieldOnce::default().await;
        }
    }
}

#[test]
fn async_handlers_are_observed_when_they_return_and_not_when_dropped() {
    let mut machine = watched::Dynamic::new(watched::Heard::default(), watched::Before);
    assert!(poll_once_and_drop(machine.stay()));
    assert!(
        machine.core().moves.is_empty(),
        "a dropped loop is not announced"
    );
    block_on(machine.stay()).0.expect("before stays");
    assert_eq!(machine.core().moves.len(), 1);
    block_on(machine.go()).0.expect("before goes");
    block_on(machine.stay()).0.expect_err("after refuses");
    let (heard, _) = machine.into_parts();
    let moves: Vec<_> = heard
        .moves
        .iter()
        .map(|t| (t.source, t.input, t.target))
        .collect();
    assert_eq!(
        moves,
        [("Before", "stay", "Before"), ("Before", "go", "After")]
    );
    assert_eq!(heard.refused.len(), 1);
    assert_eq!(
        (heard.refused[0].state(), heard.refused[0].input()),
        ("After", "stay")
    );

    let mut machine = watched::Dynamic::new(watched::Heard::default(), watched::Before);
    assert!(poll_once_and_drop(machine.go()));
    assert!(machine.is_poisoned());
    assert!(
        machine.core().moves.is_empty(),
        "a dropped transition is not announced"
    );

    let typed = watched::Machine::new(watched::Heard::default(), watched::Before);
    let (after, _) = block_on(typed.go());
    assert_eq!(after.core().moves.len(), 1);
}

/// A small async machine, declared once per mode of `#[automat::machine(dynamic)]` and
/// `#[automat::machine(typestate)]`.
macro_rules! pinger {
    ($name:ident, $mode:ident) => {
        /// Pings once, then stops.
        #[automat::machine($mode)]
        pub mod $name {
            /// The inputs.
            pub trait Pinger {
                /// Ping, awaiting once; the output is the pings so far.
                async fn ping(&mut self) -> u32;
            }

            /// Ready.
            #[state(initial)]
            pub struct Ready;

            /// Done.
            #[state]
            pub struct Done;

            #[transitions]
            impl Ready {
                async fn ping(self) -> (Done, u32) {
                    super::YieldOnce::default().await;
                    (Done, 1)
                }
            }
        }
    };
}

pinger!(dynamic_pinger, dynamic);
pinger!(typestate_pinger, typestate);

#[test]
fn async_inputs_work_in_each_mode() {
    let mut machine = dynamic_pinger::Dynamic::new(dynamic_pinger::Ready);
    assert_eq!(
        block_on(machine.handle(dynamic_pinger::Input::Ping))
            .0
            .map(|_| ()),
        Ok(())
    );
    assert_eq!(machine.state_name(), "Done");
    assert!(
        block_on(dynamic_pinger::Pinger::ping(&mut machine))
            .0
            .is_err()
    );
    let mut machine = dynamic_pinger::Dynamic::new(dynamic_pinger::Ready);
    assert!(poll_once_and_drop(machine.ping()));
    assert!(machine.is_poisoned());

    let ((machine, pings), polls) =
        block_on(typestate_pinger::Machine::new(typestate_pinger::Ready).ping());
    assert_eq!((pings, polls), (1, 2));
    let _: &typestate_pinger::Done = machine.state();
}

#[tokio::test(start_paused = true)]
async fn a_generic_machine_of_data_that_is_not_send_still_has_its_methods() {
    // `Dynamic<Rc<u8>>` does not implement `Relay` (its futures could not be `Send`), but its
    // inherent methods, and the typestate machine's, are there.
    let mut machine = relay::Dynamic::new(relay::Buffer { items: Vec::new() }, relay::Taking);
    assert_eq!(machine.send(Rc::new(1_u8), Duration::ZERO).await, Ok(1));
    let items = machine.close(Duration::ZERO).await.expect("taking closes");
    assert_eq!(*items[0], 1);
    let typed = relay::Machine::new(
        relay::Buffer {
            items: vec![Rc::new(2_u8)],
        },
        relay::Taking,
    );
    let (_, items) = typed.close(Duration::ZERO).await;
    assert_eq!(*items[0], 2);
}
