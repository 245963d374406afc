//! `Machine<S>`, the typestate machine: its constructors, accessors and one method per handler.
//!
//! The type annotations are part of the test: each says what SPEC §3 promises the method
//! returns, so a wrong signature fails to compile here.

use automat_tests::{door, fragile, guest, vending};

mod vending_machine {
    use super::vending::{
        AccessMachine, Broken, Choice, Idle, Machine, PIN, PRICE, Paying, SaleMachine, Service,
        Stock,
    };

    fn stocked() -> Stock {
        Stock {
            items: [3, 0, 1, 255],
            cash: 500,
            sold: 10,
        }
    }

    #[test]
    fn new_starts_in_the_initial_state_with_the_given_core() {
        let machine: Machine<Idle> = Machine::new(stocked(), Idle);
        assert_eq!(machine.state(), &Idle);
        assert_eq!(machine.core(), &stocked());
    }

    #[test]
    fn restore_resumes_in_any_state_without_running_a_handler() {
        let paying: Machine<Paying> = Machine::restore(stocked(), Paying(70));
        assert_eq!(paying.state(), &Paying(70));
        assert_eq!(paying.core(), &stocked());

        // A PIN that `service` would refuse: no handler ran to check it.
        let service = Machine::restore(stocked(), Service { pin: 1, changes: 5 });
        assert_eq!(service.state(), &Service { pin: 1, changes: 5 });
        assert_eq!(service.core(), &stocked());

        // The unreachable state is entered this way only.
        let broken = Machine::restore(Stock::default(), Broken { error: 7 });
        assert_eq!(broken.state(), &Broken { error: 7 });
        assert_eq!(broken.core(), &Stock::default());

        // The initial state too.
        let idle = Machine::restore(stocked(), Idle);
        assert_eq!(idle, Machine::new(stocked(), Idle));
    }

    #[test]
    fn into_state_and_into_parts_take_the_machine_apart() {
        let state: Paying = Machine::restore(stocked(), Paying(70)).into_state();
        assert_eq!(state, Paying(70));
        let (core, state): (Stock, Service) =
            Machine::restore(stocked(), Service { pin: 9, changes: 2 }).into_parts();
        assert_eq!(core, stocked());
        assert_eq!(state, Service { pin: 9, changes: 2 });
    }

    #[test]
    fn a_sale_from_the_first_coin_to_the_change() {
        let idle = Machine::new(stocked(), Idle);
        let (paying, credit): (Machine<Paying>, u32) = idle.insert(30);
        assert_eq!((paying.state(), credit), (&Paying(30), 30));

        // `Self` as the target: the same state with new data.
        let (paying, credit): (Machine<Paying>, u32) = paying.insert(40);
        assert_eq!((paying.state(), credit), (&Paying(70), 70));

        let (sale, choice): (SaleMachine, Choice) = paying.choose(0, 1);
        assert_eq!(choice, Choice::Dispensed { change: 70 - PRICE });
        let SaleMachine::Sold(idle) = sale else {
            panic!("a covered sale goes to `Idle`, got {sale:?}");
        };
        let idle: Machine<Idle> = idle;
        assert_eq!(
            idle.core(),
            &Stock {
                items: [2, 0, 1, 255],
                cash: 500 + PRICE,
                sold: 11,
            }
        );
    }

    #[test]
    fn cancel_refunds_the_credit_and_leaves_the_core_alone() {
        let (paying, _) = Machine::new(stocked(), Idle).insert(25);
        let (idle, refund): (Machine<Idle>, u32) = paying.cancel();
        assert_eq!(refund, 25);
        assert_eq!(idle.state(), &Idle);
        assert_eq!(idle.core(), &stocked());
    }

    #[test]
    fn an_operator_restocks_audits_and_leaves() {
        let access: AccessMachine = Machine::new(stocked(), Idle).service(PIN);
        let AccessMachine::Granted(mut service) = access else {
            panic!("the right PIN grants access, got {access:?}");
        };
        assert_eq!(
            service.state(),
            &Service {
                pin: PIN,
                changes: 0
            }
        );

        // A loop without an output: `&mut self`, returns `()`, the type stays.
        let (): () = service.restock(1, 4);
        let (): () = service.restock(9, 4); // no such slot: ignored
        let (): () = service.restock(3, 4); // saturates at 255
        assert_eq!(
            service.state(),
            &Service {
                pin: PIN,
                changes: 2
            }
        );
        assert_eq!(service.core().items, [3, 4, 1, 255]);

        // A loop with an output.
        let counters: (u32, u32) = service.audit();
        assert_eq!(counters, (500, 10));

        let idle: Machine<Idle> = service.leave();
        assert_eq!(idle.state(), &Idle);
        assert_eq!(idle.core().items, [3, 4, 1, 255]);
    }

    #[test]
    fn a_restored_broken_machine_is_repaired() {
        let broken = Machine::restore(stocked(), Broken { error: 3 });
        let idle: Machine<Idle> = broken.repair(42);
        assert_eq!(idle.state(), &Idle);
        assert_eq!(idle.core(), &stocked());
    }

    #[test]
    fn the_derives_asked_for_apply_to_machine() {
        let machine = Machine::restore(stocked(), Paying(5));
        let copy = machine.clone();
        assert_eq!(copy, machine);
        assert_ne!(copy, Machine::restore(stocked(), Paying(6)));
        assert_eq!(
            format!("{machine:?}"),
            "Machine { core: Stock { items: [3, 0, 1, 255], cash: 500, sold: 10 }, state: Paying(5) }"
        );
    }
}

mod door_machine {
    use super::door::{AttemptMachine, Closed, Jammed, Locked, Machine, Open};

    #[test]
    fn without_a_core_the_constructors_take_only_the_state() {
        let machine: Machine<Locked> = Machine::new(Locked {
            code: 42,
            attempts: 1,
        });
        // The initial state carries data, and it is kept as given.
        assert_eq!(
            machine.state(),
            &Locked {
                code: 42,
                attempts: 1
            }
        );
        let open: Machine<Open> = Machine::restore(Open { code: 7 });
        assert_eq!(open.into_state(), Open { code: 7 });
    }

    #[test]
    fn a_full_cycle_through_every_transition() {
        let locked = Machine::new(Locked {
            code: 42,
            attempts: 0,
        });
        let (attempt, greeting): (AttemptMachine, Option<String>) = locked.enter(42);
        assert_eq!(greeting.as_deref(), Some("welcome after 0 failed attempts"));
        let AttemptMachine::Opened(closed) = attempt else {
            panic!("the right code opens, got {attempt:?}");
        };
        let closed: Machine<Closed> = closed;
        assert_eq!(closed.state(), &Closed(42));

        let open: Machine<Open> = closed.open();
        assert_eq!(open.state(), &Open { code: 42 });
        let closed: Machine<Closed> = open.close();
        assert_eq!(closed.state(), &Closed(42));
        let locked: Machine<Locked> = closed.lock(7);
        assert_eq!(
            locked.into_state(),
            Locked {
                code: 7,
                attempts: 0
            }
        );
    }

    #[test]
    fn knock_is_a_loop_with_an_output() {
        let mut jammed = Machine::restore(Jammed(2));
        let knocks: u32 = jammed.knock();
        assert_eq!(knocks, 3);
        assert_eq!(jammed.knock(), 4);
        assert_eq!(jammed.state(), &Jammed(4));
    }
}

mod fragile_machine {
    use super::fragile::{Calls, First, ForkMachine, Machine, Second, Third};

    #[test]
    fn every_handler_once() {
        let mut first = Machine::new(Calls::default(), First { value: 1 });
        assert_eq!(first.poke(false), 2);
        let (second, out): (Machine<Second>, u32) = first.step(false);
        assert_eq!((second.state(), out), (&Second(3), 3));
        let ForkMachine::Right(third) = second.fork(false) else {
            panic!("an odd number forks right");
        };
        let third: Machine<Third> = third;
        let first: Machine<First> = third.reset();
        assert_eq!(first.state(), &First { value: 0 });
        // `reset` does not count; the three others did.
        assert_eq!(first.core(), &Calls { calls: 3 });
    }
}

mod guest_machine {
    use super::guest::{Machine, Ringing, Silent};

    #[test]
    fn a_machine_declared_without_derives_and_without_the_prelude() {
        let silent: Machine<Silent> = Machine::new(Silent);
        let (mut ringing, rings): (Machine<Ringing>, u8) = silent.ring(2);
        assert_eq!(rings, 2);
        assert_eq!(ringing.ring(3), 5);
        assert_eq!(ringing.state().0, 5);
        let silent: Machine<Silent> = ringing.stop();
        let Silent = silent.into_state();
    }
}

/// A core named `S`, like the type parameter of `Machine<S>`: the generated code must not take
/// one for the other (it did, and failed to compile with "expected `Counting`, found `S`").
#[automat::machine(derive(Debug, PartialEq))]
mod core_named_s {
    /// Counts.
    pub trait Count {
        /// Adds `n`; the output is the total.
        fn add(&mut self, n: u32) -> u32;
        /// Stops counting.
        fn stop(&mut self);
    }

    /// The total.
    #[core]
    #[derive(Debug, PartialEq)]
    pub struct S {
        /// The sum so far.
        pub total: u32,
    }

    /// Counting.
    #[state(initial)]
    #[derive(Debug, PartialEq)]
    pub struct Counting;

    /// Done.
    #[state]
    #[derive(Debug, PartialEq)]
    pub struct Done;

    #[transitions]
    impl Counting {
        fn add(&mut self, sum: &mut S, n: u32) -> u32 {
            sum.total += n;
            sum.total
        }

        fn stop(self, _: &mut S) -> Done {
            Done
        }
    }
}

#[test]
fn a_core_named_like_the_type_parameter() {
    use core_named_s::{Counting, Done, Machine, S};
    let mut counting = Machine::new(S { total: 1 }, Counting);
    assert_eq!(counting.add(2), 3);
    assert_eq!(counting.core(), &S { total: 3 });
    let done: Machine<Done> = counting.stop();
    let (core, state): (S, Done) = done.into_parts();
    assert_eq!((core, state), (S { total: 3 }, Done));
    let restored = Machine::restore(S { total: 0 }, Done);
    assert_eq!(restored.into_state(), Done);
}
