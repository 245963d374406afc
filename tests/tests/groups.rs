//! Groups (SPEC §7.2): a `#[group]`'s handler runs in every member state, in both APIs, and is
//! described once per member; a group loop stays, and may not change the variant; a panic in a
//! group handler poisons `Dynamic`, loops included, since the state moved into the group enum.

use automat_tests::session::{
    Closed, Counters, DESCRIPTION, Dynamic, Input, Machine, Open, Output, Refused, RouteMachine,
    Start, State, Wait,
};
use std::panic::{AssertUnwindSafe, catch_unwind};

fn waiting(attempts: u32) -> Dynamic {
    Dynamic::restore(Counters::default(), State::Wait(Wait { attempts }))
}

#[test]
fn a_group_transition_works_in_every_member_on_both_machines() {
    let closed = Machine::new(Counters::default(), Start).alert(7);
    assert_eq!(closed.state(), &Closed(7));
    let closed = Machine::restore(Counters::default(), Wait { attempts: 2 }).alert(9);
    assert_eq!((closed.state(), closed.core().alerts), (&Closed(9), 1));

    for start in [State::Start(Start), State::Wait(Wait { attempts: 1 })] {
        let mut machine = Dynamic::restore(Counters::default(), start);
        assert!(machine.accepts().contains(&"alert"));
        assert_eq!(machine.alert(3), Ok(()));
        assert_eq!(machine.state(), &State::Closed(Closed(3)));
        assert_eq!(machine.core().alerts, 1);
    }
}

#[test]
fn a_non_member_refuses_the_group_input() {
    let mut machine = Dynamic::restore(Counters::default(), State::Open(Open { records: 0 }));
    let refused = machine.alert(3).unwrap_err();
    assert_eq!((refused.state(), refused.input()), ("Open", "alert"));
    assert_eq!(machine.state(), &State::Open(Open { records: 0 }));
    assert_eq!(machine.accepts(), ["record", "close"]);
    assert_eq!(machine.core(), &Counters::default(), "no handler ran");
}

#[test]
fn a_group_loop_stays_and_hands_the_typestate_machine_back() {
    let (machine, pings) = Machine::restore(Counters::default(), Wait { attempts: 4 }).ping(false);
    assert_eq!((machine.state(), pings), (&Wait { attempts: 4 }, 1));
    let machine = Machine::new(Counters::default(), Start).shuffle();
    assert_eq!(machine.state(), &Start, "a loop that keeps the variant");

    let mut machine = waiting(4);
    assert_eq!(machine.ping(false), Ok(1));
    assert_eq!(machine.ping(false), Ok(2));
    assert_eq!(machine.state(), &State::Wait(Wait { attempts: 4 }));
    assert_eq!(
        machine.handle(Input::Ping { explode: false }),
        Ok(Output::Ping(3))
    );
}

#[test]
fn a_group_branch_and_a_fallible_group_transition() {
    // `route` is a fallible branch of the group: `Start` fails and stays.
    let mut machine = Dynamic::new(Counters::default(), Start);
    assert_eq!(machine.route(true), Err(automat::Error::Failed(Refused)));
    assert_eq!(machine.state(), &State::Start(Start));
    assert_eq!(
        machine.handle(Input::Route { open: true }),
        Ok(Output::Route(Err(Refused)))
    );
    let mut machine = waiting(5);
    assert_eq!(machine.route(true), Ok(()));
    assert_eq!(machine.state(), &State::Open(Open { records: 5 }));
    let mut machine = waiting(5);
    assert_eq!(machine.route(false), Ok(()));
    assert_eq!(machine.state(), &State::Closed(Closed(0)));

    let Err((machine, Refused)) = Machine::new(Counters::default(), Start).route(true) else {
        panic!("`Start` refuses to route")
    };
    assert_eq!(machine.state(), &Start);
    let Ok(RouteMachine::Opened(open)) =
        Machine::restore(Counters::default(), Wait { attempts: 2 }).route(true)
    else {
        panic!("`Wait` routes to `Open` when asked")
    };
    assert_eq!(open.state(), &Open { records: 2 });
}

fn panics(run: impl FnOnce()) -> String {
    let payload = catch_unwind(AssertUnwindSafe(run)).expect_err("expected a panic");
    payload
        .downcast_ref::<&str>()
        .map(|message| (*message).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

#[test]
fn a_panicking_group_transition_poisons() {
    let mut machine = waiting(1);
    assert_eq!(
        panics(|| {
            let _ = machine.alert(255);
        }),
        "alert exploded"
    );
    assert!(machine.is_poisoned());
    assert_eq!(machine.state_name(), "Wait");
    assert_eq!(
        machine.core().alerts,
        1,
        "the handler ran until it panicked"
    );
    assert!(machine.alert(1).unwrap_err().is_poisoned());
}

#[test]
fn a_panicking_group_loop_poisons_because_the_state_moved_into_the_group() {
    let mut machine = waiting(1);
    assert_eq!(
        panics(|| {
            let _ = machine.ping(true);
        }),
        "ping exploded"
    );
    assert!(machine.is_poisoned());
    assert_eq!(machine.state_name(), "Wait");
    assert_eq!(
        machine.into_parts(),
        (
            Counters {
                alerts: 0,
                pings: 1
            },
            None
        )
    );
}

#[test]
fn a_group_loop_that_changes_the_variant_panics_and_poisons() {
    let mut machine = waiting(1);
    let message = panics(|| {
        let _ = machine.shuffle();
    });
    assert!(
        message.contains("`Handshake::shuffle` changed the variant"),
        "{message}"
    );
    assert!(machine.is_poisoned());
    let message = panics(|| {
        let _ = Machine::restore(Counters::default(), Wait { attempts: 0 }).shuffle();
    });
    assert!(message.contains("changed the variant"), "{message}");
}

#[test]
fn the_description_lists_a_group_handler_once_per_member() {
    let [group] = DESCRIPTION.groups else {
        panic!("one group")
    };
    assert_eq!(
        (group.name, group.doc, group.members),
        (
            "Handshake",
            "Every state before the session is up.",
            &["Start", "Wait"][..]
        )
    );
    let alerts: Vec<(&str, Option<&str>)> = DESCRIPTION
        .transitions
        .iter()
        .filter(|transition| transition.input == "alert")
        .map(|transition| (transition.source, transition.group))
        .collect();
    assert_eq!(
        alerts,
        [("Start", Some("Handshake")), ("Wait", Some("Handshake"))]
    );
    // Grouped by state: each member's own handlers, then the group's, in source order.
    let order: Vec<(&str, &str)> = DESCRIPTION
        .transitions
        .iter()
        .map(|transition| (transition.source, transition.input))
        .collect();
    assert_eq!(
        order,
        [
            ("Start", "hello"),
            ("Start", "alert"),
            ("Start", "ping"),
            ("Start", "shuffle"),
            ("Start", "route"),
            ("Wait", "finished"),
            ("Wait", "alert"),
            ("Wait", "ping"),
            ("Wait", "shuffle"),
            ("Wait", "route"),
            ("Open", "record"),
            ("Open", "close"),
        ]
    );
}
