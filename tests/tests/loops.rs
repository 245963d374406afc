//! Loops (`&mut self` handlers): the machine stays in its state, the handler may change the
//! state's data and the core, and returns the output or nothing. Contrasted with `Self` as a
//! transition target, which also stays in the state but builds a new value of it.

use automat::TransitionKind;
use automat_tests::{door, fragile, guest, vending};

mod vending_machine {
    use super::vending::{Dynamic, Machine, Paying, Service, State, Stock};

    fn service() -> Service {
        Service { pin: 1, changes: 0 }
    }

    #[test]
    fn restock_is_a_loop_without_an_output() {
        let mut machine = Machine::restore(Stock::default(), service());
        for round in 1..=3_u32 {
            machine.restock(2, 100);
            assert_eq!(machine.state().changes, round);
        }
        assert_eq!(machine.core().items, [0, 0, 255, 0]);
        // A slot that does not exist changes nothing, not even the count.
        machine.restock(4, 1);
        assert_eq!(machine.state(), &Service { pin: 1, changes: 3 });
        assert_eq!(machine.core().items, [0, 0, 255, 0]);
    }

    #[test]
    fn audit_is_a_loop_with_a_tuple_output() {
        let core = Stock {
            items: [0; 4],
            cash: 1234,
            sold: 56,
        };
        let mut machine = Machine::restore(core.clone(), service());
        assert_eq!(machine.audit(), (1234, 56));
        assert_eq!(machine.audit(), (1234, 56));
        assert_eq!(machine.state(), &service());
        assert_eq!(machine.core(), &core);
    }

    #[test]
    fn dynamic_loops_stay_in_the_state() {
        let mut machine = Dynamic::restore(Stock::default(), State::Service(service()));
        let accepts = machine.accepts();
        for _ in 0..10 {
            assert_eq!(machine.restock(0, 1), Ok(()));
            assert_eq!(machine.audit(), Ok((0, 0)));
            assert_eq!(machine.state_name(), "Service");
            assert_eq!(machine.accepts(), accepts);
        }
        assert_eq!(
            machine.state(),
            &State::Service(Service {
                pin: 1,
                changes: 10
            })
        );
        assert_eq!(machine.core().items, [10, 0, 0, 0]);
    }

    #[test]
    fn self_as_target_is_a_transition_into_a_new_value() {
        let mut credit = 0_u32;
        let mut machine = Machine::restore(Stock::default(), Paying(0));
        for coin in [5, 10, 25, 50] {
            let (next, output) = machine.insert(coin);
            credit += coin;
            assert_eq!((next.state(), output), (&Paying(credit), credit));
            machine = next;
        }
        let (machine, output) = machine.insert(u32::MAX);
        assert_eq!((machine.state(), output), (&Paying(u32::MAX), u32::MAX));

        let insert = super::vending::DESCRIPTION
            .transitions
            .iter()
            .find(|transition| transition.source == "Paying" && transition.input == "insert")
            .unwrap();
        assert_eq!(insert.kind, super::TransitionKind::Transition);
        assert_eq!(insert.targets[0].state, "Paying");
    }
}

mod door_machine {
    use super::door::{Dynamic, Jammed, Machine, State};

    #[test]
    fn knock_counts_in_a_terminal_state() {
        let mut jammed = Machine::restore(Jammed(0));
        for knocks in 1..=100 {
            assert_eq!(jammed.knock(), knocks);
        }
        let mut door = Dynamic::restore(State::Jammed(jammed.into_state()));
        assert_eq!(door.knock(), Ok(101));
        assert_eq!(door.state(), &State::Jammed(Jammed(101)));
        assert_eq!(door.accepts(), ["knock"]);
    }
}

mod fragile_machine {
    use super::fragile::{Calls, Dynamic, First, Machine, State};

    #[test]
    fn poke_changes_the_state_data_and_the_core() {
        let mut machine = Machine::new(Calls::default(), First { value: 10 });
        assert_eq!(machine.poke(false), 11);
        assert_eq!(machine.poke(false), 12);
        assert_eq!(machine.state(), &First { value: 12 });
        assert_eq!(machine.core(), &Calls { calls: 2 });

        let mut machine = Dynamic::from(machine);
        assert_eq!(machine.poke(false), Ok(13));
        assert_eq!(machine.state(), &State::First(First { value: 13 }));
        assert_eq!(machine.core(), &Calls { calls: 3 });
    }
}

mod guest_machine {
    use super::guest::{Dynamic, Ringing, State};

    #[test]
    fn ring_is_a_loop_once_ringing() {
        let mut bell = Dynamic::restore(State::Ringing(Ringing(250)));
        assert_eq!(bell.ring(5), Ok(255));
        assert_eq!(bell.ring(1), Ok(0));
        assert_eq!(bell.state_name(), "Ringing");
    }
}
