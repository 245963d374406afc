//! Core access (SPEC §7.4): `core_mut()` changes the core and never the state, on both
//! machines; `Dynamic::into_parts()` gives the core and the state back, and the core alone
//! when the machine is poisoned.

use automat_tests::fragile::{Calls, Dynamic, First, Machine, Second, State};
use std::panic::{AssertUnwindSafe, catch_unwind};

#[test]
fn core_mut_changes_the_typestate_core_and_not_the_state() {
    let mut machine = Machine::new(Calls::default(), First { value: 7 });
    machine.core_mut().calls = 40;
    assert_eq!(machine.poke(false), 8, "the state kept its value");
    assert_eq!(machine.core().calls, 41, "the handler saw the changed core");
    let (machine, _) = machine.step(false);
    assert_eq!(machine.into_parts(), (Calls { calls: 42 }, Second(9)));
}

#[test]
fn core_mut_changes_the_dynamic_core_and_not_the_state() {
    let mut machine = Dynamic::new(Calls::default(), First { value: 7 });
    machine.core_mut().calls = 40;
    assert_eq!(machine.state(), &State::First(First { value: 7 }));
    assert_eq!(machine.step(false), Ok(8));
    assert_eq!(machine.core().calls, 41);
    assert_eq!(
        machine.into_parts(),
        (Calls { calls: 41 }, Some(State::Second(Second(8))))
    );
}

#[test]
fn a_poisoned_machine_gives_its_core_back() {
    let mut machine = Dynamic::new(Calls { calls: 3 }, First { value: 0 });
    let panicked = catch_unwind(AssertUnwindSafe(|| machine.step(true)));
    assert!(panicked.is_err());
    assert!(machine.is_poisoned());
    // The core can still be read and changed, and taken out.
    machine.core_mut().calls += 10;
    assert_eq!(machine.into_parts(), (Calls { calls: 14 }, None));
}
