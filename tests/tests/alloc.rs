//! Zero cost (SPEC §6): driving a machine whose data needs no heap allocates nothing, through
//! the typestate machine and through `Dynamic` alike, refused inputs included.
//!
//! The counting global allocator comes from the `allocation-counter` crate. The workspace
//! forbids `unsafe_code` (and `forbid` cannot be lifted by `allow`), while implementing
//! `GlobalAlloc` takes an `unsafe impl`; the crate holds that impl. It was chosen over
//! `stats_alloc` because it counts per thread: the test harness runs tests, and allocates, on
//! other threads at the same time, which would make a process-wide count flaky.

use allocation_counter::measure;
use automat_tests::{guest, vending};
use std::hint::black_box;
use vending::{Choice, Dynamic, Idle, Input, Machine, Output, PIN, Paying, Service, Stock};

const ROUNDS: u32 = 1_000;

/// A zero count proves nothing unless the counter is the global allocator: check it sees one.
#[test]
fn the_counter_is_installed() {
    let info = measure(|| {
        black_box(Box::new(black_box(7_u64)));
    });
    assert_eq!(info.count_total, 1);
}

#[test]
fn typestate_machines_do_not_allocate() {
    let mut sold = 0;
    let info = measure(|| {
        let mut idle = Machine::new(Stock::default(), Idle);
        for _ in 0..ROUNDS {
            let vending::AccessMachine::Granted(mut service) = black_box(idle).service(PIN) else {
                unreachable!("the right PIN")
            };
            service.restock(0, 2);
            black_box(service.audit());
            let (paying, _) = service.leave().insert(30);
            let (paying, _) = paying.insert(black_box(20));
            let (sale, _) = paying.choose(0, 1);
            let vending::SaleMachine::Sold(next) = sale else {
                unreachable!("covered and stocked")
            };
            let (paying, _) = next.insert(10);
            let (next, _) = paying.cancel();
            idle = Machine::<Idle>::try_from(Dynamic::from(next)).expect("idle");
        }
        sold = idle.core().sold;

        let (mut ringing, _) = guest::Machine::new(guest::Silent).ring(1);
        for _ in 0..ROUNDS {
            black_box(ringing.ring(black_box(3)));
        }
        let _silent = black_box(ringing.stop());
    });
    assert_eq!(sold, ROUNDS);
    assert_eq!(info.count_total, 0, "{info:?}");
}

#[test]
fn dynamic_machines_do_not_allocate() {
    let mut outputs = 0_u32;
    let mut refusals = 0_u32;
    let info = measure(|| {
        let mut machine = Dynamic::new(Stock::default(), Idle);
        for _ in 0..ROUNDS {
            // Refused inputs build their error without the heap.
            refusals += u32::from(machine.leave().is_err());
            refusals += u32::from(machine.handle(Input::Audit).is_err());
            black_box(machine.accepts());
            black_box(machine.state_name());

            machine
                .service(black_box(PIN))
                .expect("idle accepts service");
            machine.restock(0, 2).expect("service accepts restock");
            machine
                .handle(Input::Restock { slot: 1, count: 1 })
                .expect("restock");
            if let Ok(Output::Audit((cash, _))) = machine.handle(Input::Audit) {
                black_box(cash);
            }
            machine.leave().expect("service accepts leave");
            machine.insert(black_box(40)).expect("idle accepts insert");
            machine.handle(Input::Insert { cents: 10 }).expect("insert");
            if machine.choose(0, 1) == Ok(Choice::Dispensed { change: 0 }) {
                outputs += 1;
            }
            machine.insert(5).expect("insert");
            let paying = Machine::<Paying>::try_from(machine).expect("paying");
            machine = Dynamic::from(paying);
            // A refused conversion hands the machine back without allocating either.
            machine = Machine::<Service>::try_from(machine).expect_err("not in service");
            machine.cancel().expect("paying accepts cancel");
        }

        let mut bell = guest::Dynamic::new(guest::Silent);
        for _ in 0..ROUNDS {
            black_box(bell.ring(black_box(2)).is_ok());
            black_box(bell.handle(guest::Input::Stop).is_ok());
            black_box(bell.stop().is_err());
        }
    });
    assert_eq!((outputs, refusals), (ROUNDS, 2 * ROUNDS));
    assert_eq!(info.count_total, 0, "{info:?}");
}
