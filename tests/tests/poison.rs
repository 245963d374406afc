//! Poisoning (SPEC §3, `Dynamic`): a transition or branch handler that panics took the state
//! with it, so the machine is poisoned, as `std::sync::Mutex` is; a loop handler that panics
//! leaves the state where it was; a refused input runs no handler and changes nothing.

use automat_tests::fragile::{Calls, Dynamic, First, Input, Machine, Second, State, Third};
use std::panic::{AssertUnwindSafe, catch_unwind};

const INPUTS: [&str; 4] = ["step", "poke", "fork", "reset"];

/// The panic message of `run`, which must panic.
fn panic_message(run: impl FnOnce()) -> String {
    let payload = catch_unwind(AssertUnwindSafe(run)).expect_err("expected a panic");
    if let Some(message) = payload.downcast_ref::<&str>() {
        (*message).to_owned()
    } else if let Some(message) = payload.downcast_ref::<String>() {
        message.clone()
    } else {
        panic!("a panic without a message")
    }
}

/// Checks everything SPEC §3 says of a machine poisoned in `state`.
fn assert_poisoned(machine: &mut Dynamic, state: &str) {
    assert!(machine.is_poisoned());
    assert_eq!(machine.state_name(), state);
    assert_eq!(machine.accepts(), [] as [&str; 0]);

    // Every input is refused, whether or not `state` accepted it, and nothing panics again.
    let refusals = [
        machine.step(false).map(|_| ()),
        machine.poke(false).map(|_| ()),
        machine.fork(false),
        machine.reset(),
    ];
    for (refusal, input) in refusals.into_iter().zip(INPUTS) {
        let error = refusal.expect_err("a poisoned machine refuses every input");
        assert!(error.is_poisoned(), "{input}");
        assert_eq!((error.state(), error.input()), (state, input));
        assert!(error.to_string().contains("poisoned"), "{error}");
    }
    let inputs = [
        Input::Step { explode: true },
        Input::Poke { explode: true },
        Input::Fork { explode: true },
        Input::Reset,
    ];
    for input in inputs {
        let name = input.name();
        let error = machine
            .handle(input)
            .expect_err("refused through `handle` too");
        assert!(error.is_poisoned(), "{name}");
        assert_eq!(error.input(), name);
    }
    assert!(machine.is_poisoned());
    assert_eq!(machine.state_name(), state);

    // `state()` panics, saying why.
    let message = panic_message(|| {
        let _ = machine.state();
    });
    assert!(message.contains("poisoned"), "{message}");
    assert!(message.contains(state), "{message}");
}

/// `TryFrom` hands a poisoned machine back, still poisoned, for every target state; so does
/// `into_typed`.
fn assert_handed_back(machine: Dynamic, state: &str) -> Dynamic {
    let machine = Machine::<First>::try_from(machine).expect_err("not a live `First`");
    let machine = Machine::<Second>::try_from(machine).expect_err("not a live `Second`");
    let machine = Machine::<Third>::try_from(machine).expect_err("not a live `Third`");
    assert!(machine.is_poisoned());
    assert_eq!(machine.state_name(), state);
    let machine = machine
        .into_typed()
        .expect_err("no typed machine without a state");
    assert!(machine.is_poisoned());
    assert_eq!(machine.state_name(), state);
    machine
}

#[test]
fn a_panicking_transition_poisons_the_machine() {
    let mut machine = Dynamic::new(Calls::default(), First { value: 1 });
    let message = panic_message(|| {
        let _ = machine.step(true);
    });
    assert!(message.contains("step exploded"), "{message}");
    assert_poisoned(&mut machine, "First");
    // The core is not part of the state: what the handler did to it before panicking stays.
    assert_eq!(machine.core(), &Calls { calls: 1 });
    assert_handed_back(machine, "First");
}

#[test]
fn a_panicking_branch_poisons_the_machine() {
    let mut machine = Dynamic::restore(Calls { calls: 10 }, State::Second(Second(4)));
    let message = panic_message(|| {
        let _ = machine.handle(Input::Fork { explode: true });
    });
    assert!(message.contains("fork exploded"), "{message}");
    assert_poisoned(&mut machine, "Second");
    assert_eq!(machine.core(), &Calls { calls: 11 });
    let machine = assert_handed_back(machine, "Second");
    assert_eq!(
        machine.clone(),
        machine,
        "a poisoned machine still compares"
    );
}

#[test]
fn a_panicking_loop_leaves_the_state_where_it_was() {
    let mut machine = Dynamic::new(Calls::default(), First { value: 1 });
    let message = panic_message(|| {
        let _ = machine.poke(true);
    });
    assert!(message.contains("poke exploded"), "{message}");
    assert!(!machine.is_poisoned());
    assert_eq!(machine.state_name(), "First");
    assert_eq!(machine.accepts(), ["step", "poke"]);
    // Like any `&mut self` method that panics: what it changed before the panic stays.
    assert_eq!(machine.state(), &State::First(First { value: 2 }));
    assert_eq!(machine.core(), &Calls { calls: 1 });
    // And the machine goes on.
    assert_eq!(machine.poke(false), Ok(3));
    assert_eq!(machine.step(false), Ok(4));
    assert_eq!(machine.state(), &State::Second(Second(4)));
    let machine = Machine::<Second>::try_from(machine).expect("a live machine converts");
    assert_eq!(machine.core(), &Calls { calls: 3 });
}

#[test]
fn a_refused_input_runs_no_handler_and_changes_nothing() {
    // `explode: true` everywhere: had any handler run, it would have panicked.
    let cases = [
        (
            State::First(First { value: 7 }),
            [Input::Fork { explode: true }, Input::Reset],
        ),
        (
            State::Second(Second(7)),
            [Input::Step { explode: true }, Input::Poke { explode: true }],
        ),
        (
            State::Third(Third),
            [Input::Step { explode: true }, Input::Fork { explode: true }],
        ),
    ];
    for (state, refused) in cases {
        let name = state.name();
        let mut machine = Dynamic::restore(Calls { calls: 5 }, state.clone());
        let before = machine.clone();
        for input in refused {
            let input_name = input.name();
            let error = machine.handle(input).expect_err("refused");
            assert!(!error.is_poisoned());
            assert_eq!((error.state(), error.input()), (name, input_name));
            assert_eq!(machine, before);
            assert_eq!(machine.state(), &state);
            assert_eq!(machine.core(), &Calls { calls: 5 });
            assert!(!machine.is_poisoned());
        }
    }
    // The methods refuse the same way as `handle`.
    let mut machine = Dynamic::restore(Calls::default(), State::Third(Third));
    let error = machine.poke(true).expect_err("`Third` has no `poke`");
    assert_eq!(
        error.to_string(),
        "input `poke` is not accepted in state `Third`"
    );
    assert_eq!(machine.state(), &State::Third(Third));
    assert_eq!(machine.core(), &Calls::default());
}
