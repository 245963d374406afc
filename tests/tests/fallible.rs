//! Fallible inputs (SPEC §7.3): an input declared `-> Result<T, E>` outputs `T` and fails with
//! `E`; its `&mut self` transition moves on `Ok` and stays on `Err`, state as the handler left
//! it; the typestate machine comes back with the error; `Dynamic` returns `automat::Error`;
//! `handle` puts the `Result` in `Output`; an `Err` never poisons, a panic still does.

use automat::Error;
use automat_tests::session::{
    BadMac, Counters, DESCRIPTION, Dynamic, GOOD_MAC, Input, Machine, Open, Output, Session, State,
    Wait, Zero,
};
use std::panic::{AssertUnwindSafe, catch_unwind};

fn waiting() -> Dynamic {
    Dynamic::restore(Counters::default(), State::Wait(Wait { attempts: 0 }))
}

#[test]
fn a_fallible_transition_stays_on_err_as_the_handler_left_it_and_moves_on_ok() {
    let mut machine = waiting();
    assert_eq!(machine.finished(1), Err(Error::Failed(BadMac(1))));
    assert_eq!(machine.finished(2), Err(Error::Failed(BadMac(2))));
    assert!(!machine.is_poisoned(), "an `Err` never poisons");
    assert_eq!(machine.state(), &State::Wait(Wait { attempts: 2 }));
    assert_eq!(
        machine.accepts(),
        ["finished", "alert", "ping", "shuffle", "route"]
    );
    assert_eq!(machine.finished(GOOD_MAC), Ok(2));
    assert_eq!(machine.state(), &State::Open(Open { records: 0 }));
}

#[test]
fn a_refused_fallible_input_is_error_refused() {
    let mut machine = Dynamic::new(Counters::default(), automat_tests::session::Start);
    let Err(Error::Refused(refusal)) = machine.finished(GOOD_MAC) else {
        panic!("`Start` does not accept `finished`")
    };
    assert_eq!((refusal.state(), refusal.input()), ("Start", "finished"));
    assert_eq!(Error::<BadMac>::from(refusal), Error::Refused(refusal));
}

#[test]
fn the_typestate_machine_comes_back_with_the_error() {
    let machine = Machine::restore(Counters::default(), Wait { attempts: 0 });
    let Err((machine, BadMac(7))) = machine.finished(7) else {
        panic!("a bad MAC fails")
    };
    assert_eq!(
        machine.state(),
        &Wait { attempts: 1 },
        "as the handler left it"
    );
    let Ok((open, attempts)) = machine.finished(GOOD_MAC) else {
        panic!("the good MAC moves")
    };
    assert_eq!((open.state(), attempts), (&Open { records: 0 }, 1));
}

#[test]
fn a_fallible_loop_returns_its_result_on_both_machines() {
    let mut typed = Machine::restore(Counters::default(), Open { records: 0 });
    assert_eq!(typed.record(0), Err(Zero));
    assert_eq!(typed.record(5), Ok(()));
    assert_eq!(typed.state(), &Open { records: 1 });

    let mut machine = Dynamic::from(typed);
    assert_eq!(machine.record(0), Err(Error::Failed(Zero)));
    assert_eq!(machine.record(1), Ok(()));
    assert_eq!(machine.state(), &State::Open(Open { records: 2 }));
}

#[test]
fn handle_puts_the_result_in_output_and_refuses_with_no_transition() {
    let mut machine = waiting();
    assert_eq!(
        machine.handle(Input::Finished { mac: 3 }),
        Ok(Output::Finished(Err(BadMac(3))))
    );
    assert_eq!(
        machine.handle(Input::Finished { mac: GOOD_MAC }),
        Ok(Output::Finished(Ok(1)))
    );
    let refused = machine
        .handle(Input::Finished { mac: GOOD_MAC })
        .unwrap_err();
    assert_eq!(refused.input(), "finished");
    assert_eq!(
        machine.handle(Input::Record { value: 0 }),
        Ok(Output::Record(Err(Zero)))
    );
}

#[test]
fn the_trait_returns_automat_error() {
    fn check(session: &mut impl Session, mac: u32) -> Result<u32, Error<BadMac>> {
        session.finished(mac)
    }
    let mut machine = waiting();
    assert_eq!(check(&mut machine, 9), Err(Error::Failed(BadMac(9))));
}

#[test]
fn a_panic_in_a_fallible_transition_poisons() {
    let mut machine = waiting();
    let panicked = catch_unwind(AssertUnwindSafe(|| {
        let _ = machine.finished(0);
    }));
    assert!(panicked.is_err());
    assert!(machine.is_poisoned());
    assert_eq!(machine.state_name(), "Wait");
    assert!(
        matches!(machine.finished(GOOD_MAC), Err(Error::Refused(refusal)) if refusal.is_poisoned())
    );
}

#[test]
fn a_panic_in_a_fallible_loop_leaves_the_state_where_it_was() {
    let mut machine = Dynamic::restore(Counters::default(), State::Open(Open { records: 0 }));
    let panicked = catch_unwind(AssertUnwindSafe(|| {
        let _ = machine.record(13);
    }));
    assert!(panicked.is_err());
    assert!(!machine.is_poisoned());
    assert_eq!(machine.state(), &State::Open(Open { records: 1 }));
}

#[test]
fn the_description_marks_fallible_handlers_and_splits_the_declared_result() {
    let finished = DESCRIPTION.input("finished").unwrap();
    assert_eq!(
        (finished.output, finished.error),
        (Some("u32"), Some("BadMac"))
    );
    let record = DESCRIPTION.input("record").unwrap();
    assert_eq!((record.output, record.error), (None, Some("Zero")));
    let fallible: Vec<(&str, &str)> = DESCRIPTION
        .transitions
        .iter()
        .filter(|transition| transition.fallible)
        .map(|transition| (transition.source, transition.input))
        .collect();
    assert_eq!(
        fallible,
        [
            ("Start", "route"),
            ("Wait", "finished"),
            ("Wait", "route"),
            ("Open", "record")
        ]
    );
}
