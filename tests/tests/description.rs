//! `DESCRIPTION`: every field exactly as the machines in `src/lib.rs` declare it — names, docs,
//! flags, parameter and output types as written, transitions with their kinds, targets and
//! branch labels — in declaration order.
//!
//! The expected values are read off the declarations, not printed from the macro.

use automat::{Description, InputInfo, Param, StateInfo, Target, TransitionInfo, TransitionKind};
use automat_tests::{door, fragile, guest, vending};

/// Compares element by element, so a failure names the first entry that differs.
fn assert_same<T: PartialEq + std::fmt::Debug>(actual: &[T], expected: &[T]) {
    for (index, (actual, expected)) in actual.iter().zip(expected).enumerate() {
        assert_eq!(actual, expected, "entry {index}");
    }
    assert_eq!(actual.len(), expected.len(), "{actual:#?}");
}

const fn state(name: &'static str, doc: &'static str) -> StateInfo {
    StateInfo {
        name,
        doc,
        initial: false,
        unreachable: false,
        terminal: false,
        // Most states of these machines carry data; the fieldless ones say so.
        data: true,
    }
}

const fn input(
    name: &'static str,
    doc: &'static str,
    params: &'static [Param],
    output: Option<&'static str>,
) -> InputInfo {
    InputInfo {
        name,
        doc,
        params,
        output,
        error: None,
    }
}

const fn param(name: &'static str, ty: &'static str) -> Param {
    Param { name, ty }
}

const fn to(state: &'static str) -> Target {
    Target { state, label: None }
}

const fn labelled(state: &'static str, label: &'static str) -> Target {
    Target {
        state,
        label: Some(label),
    }
}

const fn transition(
    source: &'static str,
    input: &'static str,
    kind: TransitionKind,
    targets: &'static [Target],
    doc: &'static str,
) -> TransitionInfo {
    TransitionInfo {
        source,
        input,
        kind,
        targets,
        doc,
        group: None,
        fallible: false,
    }
}

use TransitionKind::{Branch, Loop, Transition};

mod vending_graph {
    use super::{
        Branch, Description, InputInfo, Loop, StateInfo, Transition, TransitionInfo, assert_same,
        input, labelled, param, state, to, transition, vending,
    };

    const STATES: &[StateInfo] = &[
        StateInfo {
            initial: true,
            data: false,
            ..state("Idle", "Waiting for a customer.")
        },
        state("Paying", "A customer is paying; the credit in cents."),
        state("Service", "An operator is at work."),
        StateInfo {
            unreachable: true,
            ..state("Broken", "Out of order, as loaded from storage.")
        },
    ];

    const INPUTS: &[InputInfo] = &[
        input(
            "insert",
            "A coin is inserted; the output is the credit after it.",
            &[param("cents", "u32")],
            Some("u32"),
        ),
        input(
            "choose",
            "`count` items are chosen from `slot`.",
            &[param("slot", "u8"), param("count", "u8")],
            Some("Choice"),
        ),
        input(
            "cancel",
            "The customer gives up; the output is the refund.",
            &[],
            Some("u32"),
        ),
        input(
            "service",
            "An operator types a PIN.",
            &[param("pin", "u16")],
            None,
        ),
        input(
            "restock",
            "The operator puts `count` items in `slot`.",
            &[param("slot", "u8"), param("count", "u8")],
            None,
        ),
        input(
            "audit",
            "The operator reads the counters: cash in the box and items sold.",
            &[],
            Some("(u32, u32)"),
        ),
        input("leave", "The operator leaves.", &[], None),
        // The trait's parameter name, not the handler's (`_who`).
        input(
            "repair",
            "A technician repairs a broken machine.",
            &[param("technician", "u16")],
            None,
        ),
    ];

    const TRANSITIONS: &[TransitionInfo] = &[
        transition(
            "Idle",
            "insert",
            Transition,
            &[to("Paying")],
            "The first coin starts a sale.",
        ),
        transition(
            "Idle",
            "service",
            Branch,
            &[labelled("Service", "Granted"), labelled("Idle", "Denied")],
            "The right PIN opens the service mode.",
        ),
        // `Paying`'s handlers in source order, which is not the trait's.
        transition(
            "Paying",
            "choose",
            Branch,
            &[labelled("Idle", "Sold"), labelled("Paying", "Kept")],
            "Sells when the slot exists, holds enough items and the credit covers them.",
        ),
        transition("Paying", "cancel", Transition, &[to("Idle")], ""),
        // `Self` names the source state.
        transition(
            "Paying",
            "insert",
            Transition,
            &[to("Paying")],
            "Another coin: the same state, with more credit.",
        ),
        transition(
            "Service",
            "restock",
            Loop,
            &[to("Service")],
            "Fills a slot; counts the change.",
        ),
        transition("Service", "audit", Loop, &[to("Service")], ""),
        transition("Service", "leave", Transition, &[to("Idle")], ""),
        transition(
            "Broken",
            "repair",
            Transition,
            &[to("Idle")],
            "Back in order.",
        ),
    ];

    #[test]
    fn header() {
        let graph: &Description = &vending::DESCRIPTION;
        assert_eq!(graph.name, "vending");
        assert_eq!(graph.trait_name, "Vend");
        // Lines joined with `\n`, the one space after `///` removed, the rest of the indent kept.
        assert!(
            graph.doc.starts_with(
                "A vending machine that sells items at `PRICE` cents each from four slots.\n\
                 \n\
                 Rules:\n\
                 \n\
                 * `Idle`: `insert(cents)` goes to `Paying(cents)` and outputs `cents`; `service(pin)` goes to\n  \
                 `Service { pin, changes: 0 }` when `pin` is `PIN`, and stays `Idle`\n  \
                 otherwise.\n"
            ),
            "{}",
            graph.doc
        );
        assert!(
            graph
                .doc
                .ends_with("`repair(technician)` goes\n  to `Idle`."),
            "{}",
            graph.doc
        );
    }

    #[test]
    fn states() {
        assert_same(vending::DESCRIPTION.states, STATES);
    }

    #[test]
    fn inputs() {
        assert_same(vending::DESCRIPTION.inputs, INPUTS);
    }

    #[test]
    fn transitions() {
        assert_same(vending::DESCRIPTION.transitions, TRANSITIONS);
    }
}

mod door_graph {
    use super::{
        Branch, InputInfo, Loop, StateInfo, Target, Transition, TransitionInfo, assert_same, door,
        input, labelled, param, state, to, transition,
    };

    const STATES: &[StateInfo] = &[
        StateInfo {
            initial: true,
            ..state("Locked", "Locked, with the code that opens it.")
        },
        state(
            "Closed",
            "Unlocked but closed; the code it was locked with.",
        ),
        state("Open", "Open."),
        // Only a loop leaves it.
        StateInfo {
            terminal: true,
            ..state("Jammed", "Jammed for good; the knocks so far.")
        },
    ];

    const INPUTS: &[InputInfo] = &[
        input(
            "enter",
            "Someone types a code; the output greets them when it is right.",
            &[param("code", "u16")],
            Some("Option<String>"),
        ),
        input(
            "force_open",
            "Someone tries to force the locked door open.",
            &[],
            None,
        ),
        input("open", "Someone opens the unlocked door.", &[], None),
        input("close", "Someone closes the open door.", &[], None),
        input(
            "lock",
            "Someone locks the closed door with a new code.",
            &[param("code", "u16")],
            None,
        ),
        input(
            "knock",
            "Someone knocks on a jammed door; the output counts the knocks.",
            &[],
            Some("u32"),
        ),
    ];

    // The blocks are written `Locked`, `Open`, `Closed` (`lock`), `Jammed`, `Closed` (`open`);
    // the description groups the handlers by state in declaration order, each state's in
    // source order (`automat::Description::transitions`).
    const ATTEMPT: &[Target] = &[
        labelled("Closed", "Opened"),
        labelled("Locked", "Refused"),
        labelled("Jammed", "Jam"),
    ];

    const TRANSITIONS: &[TransitionInfo] = &[
        transition(
            "Locked",
            "enter",
            Branch,
            ATTEMPT,
            "The right code unlocks; a wrong one counts as a failed attempt.",
        ),
        transition(
            "Locked",
            "force_open",
            Branch,
            ATTEMPT,
            "Counts as a failed attempt.",
        ),
        transition(
            "Closed",
            "lock",
            Transition,
            &[to("Locked")],
            "Locks with a new code.",
        ),
        transition("Closed", "open", Transition, &[to("Open")], ""),
        transition("Open", "close", Transition, &[to("Closed")], ""),
        transition("Jammed", "knock", Loop, &[to("Jammed")], ""),
    ];

    #[test]
    fn header() {
        let graph = &door::DESCRIPTION;
        assert_eq!(graph.name, "door");
        assert_eq!(graph.trait_name, "Door");
        assert!(graph.doc.starts_with(
            "A door with a keypad, without a core: every machine starts `Locked` with its code.\n\nRules:\n"
        ));
    }

    #[test]
    fn states() {
        assert_same(door::DESCRIPTION.states, STATES);
    }

    #[test]
    fn inputs() {
        assert_same(door::DESCRIPTION.inputs, INPUTS);
    }

    #[test]
    fn transitions() {
        assert_same(door::DESCRIPTION.transitions, TRANSITIONS);
    }
}

mod fragile_graph {
    use super::{
        Branch, InputInfo, Loop, Param, StateInfo, Transition, TransitionInfo, assert_same,
        fragile, input, labelled, param, state, to, transition,
    };

    const STATES: &[StateInfo] = &[
        StateInfo {
            initial: true,
            ..state("First", "The start.")
        },
        state("Second", "After a step."),
        StateInfo {
            data: false,
            ..state("Third", "After an odd fork.")
        },
    ];

    const EXPLODE: &[Param] = &[param("explode", "bool")];

    const INPUTS: &[InputInfo] = &[
        input("step", "A transition.", EXPLODE, Some("u32")),
        input("poke", "A loop.", EXPLODE, Some("u32")),
        input("fork", "A branch.", EXPLODE, None),
        input("reset", "Back to the start.", &[], None),
    ];

    const TRANSITIONS: &[TransitionInfo] = &[
        transition("First", "step", Transition, &[to("Second")], ""),
        transition("First", "poke", Loop, &[to("First")], ""),
        transition(
            "Second",
            "fork",
            Branch,
            &[labelled("First", "Left"), labelled("Third", "Right")],
            "",
        ),
        transition("Third", "reset", Transition, &[to("First")], ""),
    ];

    #[test]
    fn header() {
        let graph = &fragile::DESCRIPTION;
        assert_eq!((graph.name, graph.trait_name), ("fragile", "Fragile"));
        assert!(graph.doc.starts_with(
            "A machine whose handlers panic on request, for the poisoning rules.\n\n`First { value }`:"
        ));
    }

    #[test]
    fn states() {
        assert_same(fragile::DESCRIPTION.states, STATES);
    }

    #[test]
    fn inputs() {
        assert_same(fragile::DESCRIPTION.inputs, INPUTS);
    }

    #[test]
    fn transitions() {
        assert_same(fragile::DESCRIPTION.transitions, TRANSITIONS);
    }
}

mod guest_graph {
    use super::{
        InputInfo, Loop, StateInfo, Transition, TransitionInfo, assert_same, guest, input, param,
        state, to, transition,
    };

    const STATES: &[StateInfo] = &[
        StateInfo {
            initial: true,
            data: false,
            ..state("Silent", "Quiet.")
        },
        state("Ringing", "Ringing; the rings so far."),
    ];

    const INPUTS: &[InputInfo] = &[
        input(
            "ring",
            "Rings `times` more times; the output is the rings so far.",
            &[param("times", "u8")],
            Some("u8"),
        ),
        input("stop", "Stops ringing.", &[], None),
    ];

    const TRANSITIONS: &[TransitionInfo] = &[
        transition("Silent", "ring", Transition, &[to("Ringing")], ""),
        transition("Ringing", "ring", Loop, &[to("Ringing")], ""),
        transition("Ringing", "stop", Transition, &[to("Silent")], ""),
    ];

    #[test]
    fn header() {
        let graph = &guest::DESCRIPTION;
        assert_eq!((graph.name, graph.trait_name), ("guest", "Bell"));
        assert_eq!(
            graph.doc,
            "A bell declared as a guest in a hostile module: no prelude, and user items named like the\n\
             prelude's and `core`. Generated code must reach everything by absolute paths. No derives,\n\
             so nothing generated relies on them either."
        );
    }

    #[test]
    fn states() {
        assert_same(guest::DESCRIPTION.states, STATES);
    }

    #[test]
    fn inputs() {
        assert_same(guest::DESCRIPTION.inputs, INPUTS);
    }

    #[test]
    fn transitions() {
        assert_same(guest::DESCRIPTION.transitions, TRANSITIONS);
    }
}

#[test]
fn look_ups() {
    let graph = &vending::DESCRIPTION;
    assert_eq!(graph.initial().name, "Idle");
    assert_eq!(door::DESCRIPTION.initial().name, "Locked");
    assert!(graph.state("Broken").is_some_and(|state| state.unreachable));
    assert!(graph.state("Nowhere").is_none());
    assert_eq!(
        graph.input("audit").and_then(|input| input.output),
        Some("(u32, u32)")
    );
    assert!(graph.input("Audit").is_none());
}

#[test]
fn agrees_with_the_dynamic_machine() {
    // Every state's accepted inputs, from the description, in the trait's order, are what
    // `Dynamic::accepts` says.
    let states = [
        vending::State::Idle(vending::Idle),
        vending::State::Paying(vending::Paying(0)),
        vending::State::Service(vending::Service { pin: 0, changes: 0 }),
        vending::State::Broken(vending::Broken { error: 0 }),
    ];
    for state in states {
        let name = state.name();
        let machine = vending::Dynamic::restore(vending::Stock::default(), state);
        let described: Vec<&str> = vending::DESCRIPTION
            .inputs
            .iter()
            .map(|input| input.name)
            .filter(|input| {
                vending::DESCRIPTION
                    .transitions
                    .iter()
                    .any(|transition| transition.source == name && transition.input == *input)
            })
            .collect();
        assert_eq!(machine.accepts(), described, "{name}");
    }
}
