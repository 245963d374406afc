//! `Dynamic`, the machine whose state is known only at run time: constructors, one method per
//! input, `handle`, the accessors, the re-emitted trait, and the `Input` and `State` enums.

use automat::NoTransition;
use automat_tests::{door, guest, vending};

mod vending_machine {
    use super::NoTransition;
    use super::vending::{
        Broken, Choice, Dynamic, Idle, Input, Output, PIN, PRICE, Paying, Service, State, Stock,
        Vend,
    };

    fn stocked() -> Stock {
        Stock {
            items: [3, 0, 1, 255],
            cash: 500,
            sold: 10,
        }
    }

    #[test]
    fn new_starts_in_the_initial_state() {
        let machine = Dynamic::new(stocked(), Idle);
        assert_eq!(machine.state(), &State::Idle(Idle));
        assert_eq!(machine.state_name(), "Idle");
        assert_eq!(machine.core(), &stocked());
        assert!(!machine.is_poisoned());
    }

    #[test]
    fn restore_resumes_in_any_state() {
        let states = [
            State::Idle(Idle),
            State::Paying(Paying(70)),
            State::Service(Service { pin: 1, changes: 5 }),
            State::Broken(Broken { error: 7 }),
        ];
        for state in states {
            let machine = Dynamic::restore(stocked(), state.clone());
            assert_eq!(machine.state(), &state);
            assert_eq!(machine.state_name(), state.name());
            assert_eq!(machine.core(), &stocked());
        }
    }

    #[test]
    fn accepts_lists_the_inputs_of_the_current_state_in_the_traits_order() {
        // `Paying`'s handlers are written `choose`, `cancel`, `insert`; the trait declares
        // `insert`, `choose`, `cancel`.
        let cases: [(State, &[&str]); 4] = [
            (State::Idle(Idle), &["insert", "service"]),
            (State::Paying(Paying(1)), &["insert", "choose", "cancel"]),
            (
                State::Service(Service { pin: 1, changes: 0 }),
                &["restock", "audit", "leave"],
            ),
            (State::Broken(Broken { error: 1 }), &["repair"]),
        ];
        for (state, expected) in cases {
            let name = state.name();
            assert_eq!(
                Dynamic::restore(stocked(), state).accepts(),
                expected,
                "in {name}"
            );
        }
    }

    #[test]
    fn every_input_method_in_a_session() {
        let mut machine = Dynamic::new(stocked(), Idle);
        assert_eq!(machine.insert(30), Ok(30));
        assert_eq!(machine.state(), &State::Paying(Paying(30)));
        assert_eq!(machine.insert(30), Ok(60));
        assert_eq!(machine.choose(2, 2), Ok(Choice::SoldOut));
        assert_eq!(machine.state(), &State::Paying(Paying(60)));
        assert_eq!(machine.choose(0, 1), Ok(Choice::Dispensed { change: 10 }));
        assert_eq!(machine.state_name(), "Idle");
        assert_eq!(machine.insert(5), Ok(5));
        assert_eq!(machine.cancel(), Ok(5));
        assert_eq!(machine.service(PIN), Ok(()));
        assert_eq!(
            machine.state(),
            &State::Service(Service {
                pin: PIN,
                changes: 0
            })
        );
        assert_eq!(machine.restock(1, 9), Ok(()));
        assert_eq!(machine.audit(), Ok((500 + PRICE, 11)));
        assert_eq!(machine.leave(), Ok(()));
        assert_eq!(
            machine.core(),
            &Stock {
                items: [2, 9, 1, 255],
                cash: 500 + PRICE,
                sold: 11,
            }
        );

        let mut broken = Dynamic::restore(stocked(), State::Broken(Broken { error: 2 }));
        assert_eq!(broken.repair(1), Ok(()));
        assert_eq!(broken.state(), &State::Idle(Idle));
    }

    #[test]
    fn handle_runs_each_input_as_its_method_would() {
        let mut machine = Dynamic::new(stocked(), Idle);
        let steps = [
            (Input::Insert { cents: 80 }, Output::Insert(80), "Paying"),
            (
                Input::Choose { slot: 7, count: 1 },
                Output::Choose(Choice::NoSuchSlot),
                "Paying",
            ),
            (
                Input::Choose { slot: 0, count: 2 },
                Output::Choose(Choice::NotEnough { missing: 20 }),
                "Paying",
            ),
            (
                Input::Choose { slot: 0, count: 1 },
                Output::Choose(Choice::Dispensed { change: 30 }),
                "Idle",
            ),
            (Input::Insert { cents: 10 }, Output::Insert(10), "Paying"),
            (Input::Cancel, Output::Cancel(10), "Idle"),
            (Input::Service { pin: PIN }, Output::Service(()), "Service"),
            (
                Input::Restock { slot: 1, count: 3 },
                Output::Restock(()),
                "Service",
            ),
            (Input::Audit, Output::Audit((550, 11)), "Service"),
            (Input::Leave, Output::Leave(()), "Idle"),
        ];
        for (input, output, state) in steps {
            let name = input.name();
            assert_eq!(machine.handle(input), Ok(output), "{name}");
            assert_eq!(machine.state_name(), state, "after {name}");
        }
        let mut broken = Dynamic::restore(stocked(), State::Broken(Broken { error: 2 }));
        assert_eq!(
            broken.handle(Input::Repair { technician: 3 }),
            Ok(Output::Repair(()))
        );
        assert_eq!(broken.state_name(), "Idle");
    }

    #[test]
    fn an_input_the_state_does_not_accept_is_refused_and_changes_nothing() {
        let mut machine = Dynamic::restore(stocked(), State::Paying(Paying(40)));
        let before = machine.clone();
        for input in [
            Input::Service { pin: PIN },
            Input::Restock { slot: 0, count: 1 },
            Input::Audit,
            Input::Leave,
            Input::Repair { technician: 1 },
        ] {
            let name = input.name();
            assert_eq!(
                machine.handle(input),
                Err(NoTransition::new("Paying", name))
            );
            assert_eq!(machine, before);
        }
        assert_eq!(machine.audit(), Err(NoTransition::new("Paying", "audit")));
        assert_eq!(machine.state(), &State::Paying(Paying(40)));
        assert_eq!(machine.core(), &stocked());
        assert!(!machine.is_poisoned());
    }

    #[test]
    fn input_and_state_names() {
        let inputs = [
            (Input::Insert { cents: 1 }, "insert"),
            (Input::Choose { slot: 1, count: 2 }, "choose"),
            (Input::Cancel, "cancel"),
            (Input::Service { pin: 1 }, "service"),
            (Input::Restock { slot: 1, count: 2 }, "restock"),
            (Input::Audit, "audit"),
            (Input::Leave, "leave"),
            (Input::Repair { technician: 1 }, "repair"),
        ];
        for (input, name) in inputs {
            assert_eq!(input.name(), name);
        }
        let states = [
            (State::from(Idle), "Idle"),
            (State::from(Paying(1)), "Paying"),
            (State::from(Service { pin: 1, changes: 1 }), "Service"),
            (State::from(Broken { error: 1 }), "Broken"),
        ];
        for (state, name) in states {
            assert_eq!(state.name(), name);
        }
        assert_eq!(State::from(Paying(3)), State::Paying(Paying(3)));
    }

    /// Drives any implementation of the input trait: the trait is re-emitted with fallible
    /// outputs, so this compiles only if `Dynamic` implements it as SPEC §3 says.
    fn sell_one<T: Vend>(machine: &mut T) -> Result<Choice, NoTransition> {
        let credit: Result<u32, NoTransition> = machine.insert(PRICE);
        assert_eq!(credit?, PRICE);
        let refused: Result<(u32, u32), NoTransition> = machine.audit();
        assert!(refused.is_err());
        machine.choose(0, 1)
    }

    #[test]
    fn the_trait_is_implemented_by_dynamic() {
        let mut machine = Dynamic::new(stocked(), Idle);
        assert_eq!(sell_one(&mut machine), Ok(Choice::Dispensed { change: 0 }));
        assert_eq!(machine.core().sold, 11);
        // Through a trait object too, and refused where the state says so.
        let as_trait: &mut dyn Vend = &mut machine;
        assert_eq!(as_trait.cancel(), Err(NoTransition::new("Idle", "cancel")));
        assert_eq!(as_trait.leave(), Err(NoTransition::new("Idle", "leave")));
        assert_eq!(as_trait.service(PIN + 1), Ok(()));
        assert_eq!(
            as_trait.restock(0, 1),
            Err(NoTransition::new("Idle", "restock"))
        );
        assert_eq!(as_trait.repair(1), Err(NoTransition::new("Idle", "repair")));
        let mut service =
            Dynamic::restore(stocked(), State::Service(Service { pin: 0, changes: 0 }));
        let as_trait: &mut dyn Vend = &mut service;
        assert_eq!(as_trait.restock(0, 1), Ok(()));
        assert_eq!(as_trait.audit(), Ok((500, 10)));
        assert_eq!(as_trait.leave(), Ok(()));
    }
}

mod door_machine {
    use super::NoTransition;
    use super::door::{Closed, Door, Dynamic, Input, Jammed, Locked, Open, Output, State};

    fn locked() -> Locked {
        Locked {
            code: 42,
            attempts: 0,
        }
    }

    #[test]
    fn without_a_core() {
        let machine = Dynamic::new(locked());
        assert_eq!(machine.state(), &State::Locked(locked()));
        let machine = Dynamic::restore(State::Open(Open { code: 3 }));
        assert_eq!(machine.state_name(), "Open");
    }

    #[test]
    fn accepts_follows_the_trait_not_the_source() {
        // `Closed`'s blocks are written `lock`, then `open`.
        let cases: [(State, &[&str]); 4] = [
            (State::Locked(locked()), &["enter", "force_open"]),
            (State::Closed(Closed(1)), &["open", "lock"]),
            (State::Open(Open { code: 1 }), &["close"]),
            (State::Jammed(Jammed(0)), &["knock"]),
        ];
        for (state, expected) in cases {
            assert_eq!(Dynamic::restore(state).accepts(), expected);
        }
    }

    #[test]
    fn every_input_method() {
        let mut door = Dynamic::new(locked());
        assert_eq!(door.enter(1), Ok(None));
        assert_eq!(
            door.state(),
            &State::Locked(Locked {
                code: 42,
                attempts: 1
            })
        );
        assert_eq!(
            door.enter(42),
            Ok(Some("welcome after 1 failed attempts".to_owned()))
        );
        assert_eq!(door.open(), Ok(()));
        assert_eq!(door.close(), Ok(()));
        assert_eq!(door.lock(9), Ok(()));
        assert_eq!(
            door.state(),
            &State::Locked(Locked {
                code: 9,
                attempts: 0
            })
        );
        assert_eq!(door.force_open(), Ok(()));
        assert_eq!(door.force_open(), Ok(()));
        assert_eq!(
            door.state(),
            &State::Locked(Locked {
                code: 9,
                attempts: 2
            })
        );
        assert_eq!(door.force_open(), Ok(()));
        assert_eq!(door.state(), &State::Jammed(Jammed(0)));
        assert_eq!(door.knock(), Ok(1));
        assert_eq!(door.knock(), Ok(2));
    }

    #[test]
    fn handle_and_names() {
        let mut door = Dynamic::restore(State::Closed(Closed(5)));
        let steps = [
            (Input::Open, Output::Open(()), "open"),
            (Input::Close, Output::Close(()), "close"),
            (Input::Lock { code: 6 }, Output::Lock(()), "lock"),
            (Input::Enter { code: 1 }, Output::Enter(None), "enter"),
            (
                Input::Enter { code: 6 },
                Output::Enter(Some("welcome after 1 failed attempts".to_owned())),
                "enter",
            ),
        ];
        for (input, output, name) in steps {
            assert_eq!(input.name(), name);
            assert_eq!(door.handle(input), Ok(output));
        }
        let mut jammed = Dynamic::restore(State::Jammed(Jammed(0)));
        // `force_open` is the variant `ForceOpen`, in UpperCamelCase.
        assert_eq!(Input::ForceOpen.name(), "force_open");
        assert_eq!(Input::Knock.name(), "knock");
        assert_eq!(jammed.handle(Input::Knock), Ok(Output::Knock(1)));
        assert_eq!(
            jammed.handle(Input::ForceOpen),
            Err(NoTransition::new("Jammed", "force_open"))
        );
        for (state, name) in [
            (State::from(locked()), "Locked"),
            (State::from(Closed(1)), "Closed"),
            (State::from(Open { code: 1 }), "Open"),
            (State::from(Jammed(1)), "Jammed"),
        ] {
            assert_eq!(state.name(), name);
        }
    }

    fn knock_twice<T: Door>(door: &mut T) -> Result<u32, NoTransition> {
        door.knock()?;
        door.knock()
    }

    #[test]
    fn the_trait_is_implemented_by_dynamic() {
        let mut jammed = Dynamic::restore(State::Jammed(Jammed(5)));
        assert_eq!(knock_twice(&mut jammed), Ok(7));
        let mut open = Dynamic::restore(State::Open(Open { code: 1 }));
        assert_eq!(
            knock_twice(&mut open),
            Err(NoTransition::new("Open", "knock"))
        );
        assert_eq!(open.state(), &State::Open(Open { code: 1 }));
    }
}

mod guest_machine {
    use super::guest::{Bell, Dynamic, Input, Output, Ringing, Silent, State};

    #[test]
    fn a_machine_without_derives() {
        let mut bell = Dynamic::new(Silent);
        assert_eq!(bell.accepts(), ["ring"]);
        assert_eq!(Bell::ring(&mut bell, 2), Ok(2));
        assert!(matches!(
            bell.handle(Input::Ring { times: 1 }),
            Ok(Output::Ring(3))
        ));
        assert!(matches!(bell.state(), State::Ringing(Ringing(3))));
        assert_eq!(bell.accepts(), ["ring", "stop"]);
        assert!(matches!(bell.handle(Input::Stop), Ok(Output::Stop(()))));
        assert_eq!(bell.state_name(), "Silent");
        assert_eq!(bell.stop().map_err(|error| error.input()), Err("stop"));
    }
}

/// A crate-private machine, used only through `Dynamic`, compiles under `deny(warnings)`
/// (`src/lib.rs`) and works.
#[test]
fn a_crate_private_machine() {
    assert!(!automat_tests::flip_lamp(0));
    assert!(automat_tests::flip_lamp(1));
    assert!(!automat_tests::flip_lamp(2));
    assert!(automat_tests::flip_lamp(7));
}
