//! `automat::NoTransition`: its accessors, its `Display` text (SPEC §3), the `Error` trait, and
//! `Clone`/`Eq`; and the errors `Dynamic` actually returns.

use automat::NoTransition;
use automat_tests::{door, vending};
use std::error::Error;

#[test]
fn accessors() {
    let refused = NoTransition::new("Locked", "push");
    assert_eq!(refused.state(), "Locked");
    assert_eq!(refused.input(), "push");
    assert!(!refused.is_poisoned());

    let poisoned = NoTransition::poisoned("Unlocked", "coin");
    assert_eq!(poisoned.state(), "Unlocked");
    assert_eq!(poisoned.input(), "coin");
    assert!(poisoned.is_poisoned());
}

#[test]
fn display_reads_as_specified() {
    assert_eq!(
        NoTransition::new("Locked", "push").to_string(),
        "input `push` is not accepted in state `Locked`"
    );
    // The wording of the poisoned case is the one documented on `NoTransition::poisoned`.
    assert_eq!(
        NoTransition::poisoned("Locked", "push").to_string(),
        "input `push` is not accepted: the machine is poisoned (a handler in state `Locked` panicked or was cancelled)"
    );
}

#[test]
fn is_an_error() {
    fn boxed(error: NoTransition) -> Box<dyn Error + Send + Sync + 'static> {
        Box::new(error)
    }
    let error = boxed(NoTransition::new("Idle", "cancel"));
    assert!(error.source().is_none());
    assert_eq!(
        error.to_string(),
        "input `cancel` is not accepted in state `Idle`"
    );
    let back = error
        .downcast::<NoTransition>()
        .expect("the same type comes back");
    assert_eq!(*back, NoTransition::new("Idle", "cancel"));

    // `?` converts it like any error.
    assert_eq!(
        leave_idle().unwrap_err().to_string(),
        "input `leave` is not accepted in state `Idle`"
    );
}

fn leave_idle() -> Result<(), Box<dyn Error>> {
    let mut machine = vending::Dynamic::new(vending::Stock::default(), vending::Idle);
    machine.leave()?;
    Ok(())
}

#[test]
fn clone_debug_and_equality() {
    let error = NoTransition::new("Open", "open");
    #[allow(clippy::clone_on_copy)] // `Clone` is what SPEC promises; `Copy` comes on top
    let copy = error.clone();
    assert_eq!(copy, error);
    assert_ne!(error, NoTransition::new("Open", "close"));
    assert_ne!(error, NoTransition::new("Closed", "open"));
    assert_ne!(error, NoTransition::poisoned("Open", "open"));
    let debug = format!("{error:?}");
    assert!(debug.contains("NoTransition"), "{debug}");
    assert!(debug.contains("\"Open\""), "{debug}");
    assert!(debug.contains("\"open\""), "{debug}");
}

#[test]
fn dynamic_names_the_state_struct_and_the_input_method() {
    let mut door = door::Dynamic::restore(door::State::Open(door::Open { code: 1 }));
    let error = door.enter(1).unwrap_err();
    assert_eq!(error, NoTransition::new("Open", "enter"));
    assert_eq!(
        error.to_string(),
        "input `enter` is not accepted in state `Open`"
    );
    let error = door.handle(door::Input::Lock { code: 2 }).unwrap_err();
    assert_eq!(
        error.to_string(),
        "input `lock` is not accepted in state `Open`"
    );
    let mut machine = vending::Dynamic::restore(
        vending::Stock::default(),
        vending::State::Broken(vending::Broken { error: 1 }),
    );
    assert_eq!(
        machine.choose(1, 2).unwrap_err().to_string(),
        "input `choose` is not accepted in state `Broken`"
    );
}
