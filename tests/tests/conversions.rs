//! `From<Machine<S>> for Dynamic` for every state, and `TryFrom<Dynamic> for Machine<S>`, which
//! succeeds in state `S` and otherwise hands the very same machine back (`Error = Dynamic`); and
//! `Dynamic::into_typed`, which gives the typed machine of whatever state it is in.

use automat_tests::{door, guest, vending};

mod vending_machine {
    use super::vending::{Broken, Dynamic, Idle, Machine, Paying, Service, State, Stock, Typed};

    fn core() -> Stock {
        Stock {
            items: [1, 2, 3, 4],
            cash: 99,
            sold: 7,
        }
    }

    fn every_state() -> [State; 4] {
        [
            State::Idle(Idle),
            State::Paying(Paying(30)),
            State::Service(Service { pin: 5, changes: 6 }),
            State::Broken(Broken { error: 8 }),
        ]
    }

    #[test]
    fn from_every_typed_machine() {
        let dynamics = [
            Dynamic::from(Machine::new(core(), Idle)),
            Dynamic::from(Machine::restore(core(), Paying(30))),
            Dynamic::from(Machine::restore(core(), Service { pin: 5, changes: 6 })),
            Dynamic::from(Machine::restore(core(), Broken { error: 8 })),
        ];
        for (dynamic, state) in dynamics.into_iter().zip(every_state()) {
            assert_eq!(dynamic.core(), &core());
            assert_eq!(dynamic.state(), &state);
            assert_eq!(dynamic, Dynamic::restore(core(), state));
        }
        let dynamic: Dynamic = Machine::new(core(), Idle).into();
        assert_eq!(dynamic.state_name(), "Idle");
    }

    /// Tries every typed machine on `dynamic`: exactly the one of its state succeeds, with the
    /// state and core intact; every other hands back a machine equal to the one given.
    fn try_each(dynamic: &Dynamic) {
        let name = dynamic.state_name();
        let expected_core = dynamic.core().clone();
        let expected_state = dynamic.state().clone();
        let mut successes = 0;
        macro_rules! attempt {
            ($state:ident) => {
                match Machine::<$state>::try_from(dynamic.clone()) {
                    Ok(machine) => {
                        successes += 1;
                        assert_eq!(name, stringify!($state));
                        let (core, state) = machine.into_parts();
                        assert_eq!(core, expected_core);
                        assert_eq!(State::from(state), expected_state);
                    }
                    Err(back) => {
                        assert_ne!(name, stringify!($state));
                        assert_eq!(&back, dynamic, "handed back intact");
                        assert_eq!(back.state(), &expected_state);
                        assert_eq!(back.core(), &expected_core);
                    }
                }
            };
        }
        attempt!(Idle);
        attempt!(Paying);
        attempt!(Service);
        attempt!(Broken);
        assert_eq!(successes, 1, "in {name}");
    }

    #[test]
    fn try_from_succeeds_only_in_its_own_state() {
        for state in every_state() {
            try_each(&Dynamic::restore(core(), state));
        }
    }

    #[test]
    fn a_round_trip_after_driving() {
        let mut dynamic = Dynamic::new(core(), Idle);
        dynamic.insert(20).unwrap();
        let paying = Machine::<Paying>::try_from(dynamic).unwrap();
        let (paying, credit) = paying.insert(5);
        assert_eq!(credit, 25);
        let dynamic = Dynamic::from(paying);
        assert_eq!(dynamic.state(), &State::Paying(Paying(25)));
        let dynamic = Machine::<Idle>::try_from(dynamic).unwrap_err();
        assert_eq!(dynamic.state(), &State::Paying(Paying(25)));
        assert_eq!(dynamic.core(), &core());
    }

    #[test]
    fn into_typed_gives_the_typed_machine_of_the_current_state() {
        for state in every_state() {
            let dynamic = Dynamic::restore(core(), state.clone());
            let typed = dynamic
                .clone()
                .into_typed()
                .expect("a live machine has a state");
            // One exhaustive match over the states.
            let (name, held_core, data) = match &typed {
                Typed::Idle(machine) => {
                    ("Idle", machine.core(), State::from(machine.state().clone()))
                }
                Typed::Paying(machine) => (
                    "Paying",
                    machine.core(),
                    State::from(machine.state().clone()),
                ),
                Typed::Service(machine) => (
                    "Service",
                    machine.core(),
                    State::from(machine.state().clone()),
                ),
                Typed::Broken(machine) => (
                    "Broken",
                    machine.core(),
                    State::from(machine.state().clone()),
                ),
            };
            assert_eq!(name, state.name());
            assert_eq!((held_core, &data), (&core(), &state));
            assert_eq!(Dynamic::from(typed), dynamic);
        }
    }
}

mod door_machine {
    use super::door::{Closed, Dynamic, Jammed, Locked, Machine, Open, State};

    #[test]
    fn from_and_try_from_without_a_core() {
        let locked = Locked {
            code: 3,
            attempts: 2,
        };
        let cases = [
            Dynamic::from(Machine::new(locked.clone())),
            Dynamic::from(Machine::restore(Closed(4))),
            Dynamic::from(Machine::restore(Open { code: 5 })),
            Dynamic::from(Machine::restore(Jammed(6))),
        ];
        let states = [
            State::Locked(locked.clone()),
            State::Closed(Closed(4)),
            State::Open(Open { code: 5 }),
            State::Jammed(Jammed(6)),
        ];
        for (dynamic, state) in cases.into_iter().zip(states) {
            assert_eq!(dynamic.state(), &state);
            let outcomes = [
                Machine::<Locked>::try_from(dynamic.clone()).map(|m| State::from(m.into_state())),
                Machine::<Closed>::try_from(dynamic.clone()).map(|m| State::from(m.into_state())),
                Machine::<Open>::try_from(dynamic.clone()).map(|m| State::from(m.into_state())),
                Machine::<Jammed>::try_from(dynamic.clone()).map(|m| State::from(m.into_state())),
            ];
            let mut successes = 0;
            for outcome in outcomes {
                match outcome {
                    Ok(got) => {
                        successes += 1;
                        assert_eq!(got, state);
                    }
                    Err(back) => assert_eq!(back, dynamic),
                }
            }
            assert_eq!(successes, 1, "{state:?}");
        }
    }
}

mod guest_machine {
    use super::guest::{Dynamic, Machine, Ringing, Silent};

    #[test]
    fn without_derives_the_machine_comes_back_by_value() {
        let dynamic = Dynamic::from(Machine::restore(Ringing(9)));
        let Err(dynamic) = Machine::<Silent>::try_from(dynamic) else {
            panic!("a ringing bell is not `Machine<Silent>`");
        };
        assert_eq!(dynamic.state_name(), "Ringing");
        let Ok(ringing) = Machine::<Ringing>::try_from(dynamic) else {
            panic!("a ringing bell converts to `Machine<Ringing>`");
        };
        assert_eq!(ringing.state().0, 9);
    }
}
