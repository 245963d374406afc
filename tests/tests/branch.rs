//! `#[branch]` handlers: the handler picks the next state at run time. The typestate machine
//! returns `<Branch>Machine`, an enum of typed machines to match exhaustively; `Dynamic` lands in
//! whichever state the handler chose. Branches with an output (`vending::Sale`, `door`'s `enter`)
//! and without one (`vending::Access`, `door`'s `force_open`, `fragile::Fork`).

use automat_tests::{door, fragile, vending};

mod vending_machine {
    use super::vending::{
        AccessMachine, Choice, Dynamic, Idle, Machine, PIN, Paying, SaleMachine, Service, State,
        Stock,
    };

    fn stocked() -> Stock {
        Stock {
            items: [3, 0, 1, 255],
            cash: 0,
            sold: 0,
        }
    }

    /// Every outcome of `choose`: which variant, with which typed machine, and which output.
    #[test]
    fn sale_with_an_output_reaches_both_variants() {
        let cases = [
            // (credit, slot, count, expected output, whether it sold)
            (100, 0, 2, Choice::Dispensed { change: 0 }, true),
            (120, 2, 1, Choice::Dispensed { change: 70 }, true),
            (10, 4, 1, Choice::NoSuchSlot, false),
            (500, 1, 1, Choice::SoldOut, false),
            (60, 0, 2, Choice::NotEnough { missing: 40 }, false),
            (0, 3, 0, Choice::Dispensed { change: 0 }, true),
        ];
        for (credit, slot, count, output, sold) in cases {
            let paying = Machine::restore(stocked(), Paying(credit));
            let (sale, choice) = paying.choose(slot, count);
            assert_eq!(choice, output, "choose({slot}, {count}) with {credit}");
            match sale {
                SaleMachine::Sold(idle) => {
                    assert!(sold, "choose({slot}, {count}) with {credit} sold");
                    let idle: Machine<Idle> = idle;
                    let mut items = stocked().items;
                    items[usize::from(slot)] -= count;
                    assert_eq!(idle.core().items, items);
                    assert_eq!(idle.core().sold, u32::from(count));
                }
                SaleMachine::Kept(paying) => {
                    assert!(!sold, "choose({slot}, {count}) with {credit} kept");
                    let paying: Machine<Paying> = paying;
                    assert_eq!(paying.state(), &Paying(credit));
                    assert_eq!(paying.core(), &stocked());
                }
            }
        }
    }

    #[test]
    fn access_without_an_output_reaches_both_variants() {
        match Machine::new(stocked(), Idle).service(PIN) {
            AccessMachine::Granted(service) => {
                let service: Machine<Service> = service;
                assert_eq!(
                    service.state(),
                    &Service {
                        pin: PIN,
                        changes: 0
                    }
                );
            }
            AccessMachine::Denied(idle) => panic!("the right PIN was denied: {idle:?}"),
        }
        match Machine::new(stocked(), Idle).service(PIN - 1) {
            AccessMachine::Granted(service) => panic!("a wrong PIN was granted: {service:?}"),
            AccessMachine::Denied(idle) => {
                let idle: Machine<Idle> = idle;
                assert_eq!(idle, Machine::new(stocked(), Idle));
            }
        }
    }

    #[test]
    fn dynamic_lands_where_the_handler_chose() {
        let mut machine = Dynamic::new(stocked(), Idle);
        assert_eq!(machine.service(1), Ok(()));
        assert_eq!(machine.state(), &State::Idle(Idle));
        assert_eq!(machine.service(PIN), Ok(()));
        assert_eq!(machine.state_name(), "Service");

        let mut machine = Dynamic::restore(stocked(), State::Paying(Paying(70)));
        assert_eq!(machine.choose(0, 2), Ok(Choice::NotEnough { missing: 30 }));
        assert_eq!(machine.state(), &State::Paying(Paying(70)));
        assert_eq!(machine.choose(0, 1), Ok(Choice::Dispensed { change: 20 }));
        assert_eq!(machine.state(), &State::Idle(Idle));
        assert_eq!(machine.core().items, [2, 0, 1, 255]);
    }
}

mod door_machine {
    use super::door::{AttemptMachine, Closed, Dynamic, Jammed, Locked, Machine, State};

    fn locked(attempts: u8) -> Locked {
        Locked { code: 42, attempts }
    }

    #[test]
    fn enter_with_an_output_reaches_every_variant() {
        let (attempt, greeting) = Machine::new(locked(2)).enter(42);
        assert_eq!(greeting.as_deref(), Some("welcome after 2 failed attempts"));
        let AttemptMachine::Opened(closed) = attempt else {
            panic!("the right code opens, got {attempt:?}");
        };
        assert_eq!(closed.into_state(), Closed(42));

        let (attempt, greeting) = Machine::new(locked(0)).enter(41);
        assert_eq!(greeting, None);
        let AttemptMachine::Refused(locked_again) = attempt else {
            panic!("a first wrong code is refused, got {attempt:?}");
        };
        assert_eq!(locked_again.into_state(), locked(1));

        let (attempt, greeting) = Machine::new(locked(2)).enter(41);
        assert_eq!(greeting, None);
        let AttemptMachine::Jam(jammed) = attempt else {
            panic!("a third wrong code jams, got {attempt:?}");
        };
        assert_eq!(jammed.into_state(), Jammed(0));
    }

    #[test]
    fn force_without_an_output_returns_the_same_branch_enum() {
        let first: AttemptMachine = Machine::new(locked(0)).force_open();
        assert_eq!(first, AttemptMachine::Refused(Machine::new(locked(1))));
        let AttemptMachine::Refused(second) = first else {
            unreachable!()
        };
        assert_eq!(
            second.force_open(),
            AttemptMachine::Refused(Machine::new(locked(2)))
        );
        assert_eq!(
            Machine::new(locked(2)).force_open(),
            AttemptMachine::Jam(Machine::restore(Jammed(0)))
        );
    }

    #[test]
    fn dynamic_follows_each_variant() {
        let mut door = Dynamic::new(locked(0));
        assert_eq!(door.force_open(), Ok(()));
        assert_eq!(door.enter(0), Ok(None));
        assert_eq!(door.state(), &State::Locked(locked(2)));
        assert_eq!(door.enter(0), Ok(None));
        assert_eq!(door.state(), &State::Jammed(Jammed(0)));

        let mut door = Dynamic::new(locked(1));
        assert_eq!(
            door.enter(42).unwrap().as_deref(),
            Some("welcome after 1 failed attempts")
        );
        assert_eq!(door.state(), &State::Closed(Closed(42)));
    }
}

mod fragile_machine {
    use super::fragile::{Calls, Dynamic, First, ForkMachine, Machine, Second, State, Third};

    #[test]
    fn fork_by_parity() {
        match Machine::restore(Calls::default(), Second(4)).fork(false) {
            ForkMachine::Left(first) => assert_eq!(first.state(), &First { value: 4 }),
            ForkMachine::Right(third) => panic!("4 is even: {third:?}"),
        }
        match Machine::restore(Calls::default(), Second(5)).fork(false) {
            ForkMachine::Left(first) => panic!("5 is odd: {first:?}"),
            ForkMachine::Right(third) => assert_eq!(third.state(), &Third),
        }
        let mut machine = Dynamic::restore(Calls::default(), State::Second(Second(8)));
        assert_eq!(machine.fork(false), Ok(()));
        assert_eq!(machine.state(), &State::First(First { value: 8 }));
        assert_eq!(machine.core(), &Calls { calls: 1 });
    }
}
