//! `#[automat::machine(observe)]`: the core hears of every handled input, in both APIs, in
//! order, and of every input `Dynamic` refuses.

use automat::{NoTransition, Transition};

/// A door that records what it does.
#[automat::machine(observe)]
mod door {
    use automat::{NoTransition, Observer, Transition};

    /// What the door understands.
    pub trait Door {
        /// Open it; the output counts the openings.
        fn open(&mut self) -> u32;
        /// Close it.
        fn close(&mut self);
        /// Knock; nothing moves.
        fn knock(&mut self);
        /// Try a key: it either unlocks or does not.
        fn key(&mut self, right: bool);
        /// Lock it.
        fn lock(&mut self);
    }

    /// Everything the door's observer saw.
    #[core]
    #[derive(Default)]
    pub struct Journal {
        /// The transitions, in order.
        pub moves: Vec<Transition>,
        /// The refused inputs, in order.
        pub refused: Vec<NoTransition>,
        /// Openings so far.
        pub openings: u32,
    }

    impl Observer for Journal {
        fn on_transition(&mut self, transition: &Transition) {
            self.moves.push(*transition);
        }
        fn on_refused(&mut self, refused: &NoTransition) {
            self.refused.push(*refused);
        }
    }

    /// Shut and locked.
    #[state(initial)]
    pub struct Locked;

    /// Shut, not locked.
    #[state]
    pub struct Shut;

    /// Open.
    #[state]
    pub struct Open;

    /// Where a key leads.
    #[branch]
    pub enum Keyed {
        /// The right key.
        Unlocked(Shut),
        /// A wrong one.
        Stuck(Locked),
    }

    #[transitions]
    impl Locked {
        fn key(self, _journal: &mut Journal, right: bool) -> Keyed {
            if right {
                Keyed::Unlocked(Shut)
            } else {
                Keyed::Stuck(self)
            }
        }
        fn knock(&mut self, _journal: &mut Journal) {}
    }

    #[transitions]
    impl Shut {
        fn open(self, journal: &mut Journal) -> (Open, u32) {
            journal.openings += 1;
            (Open, journal.openings)
        }
        fn lock(self, _journal: &mut Journal) -> Locked {
            Locked
        }
    }

    #[transitions]
    impl Open {
        fn close(self, _journal: &mut Journal) -> Shut {
            Shut
        }
    }
}

fn moved(source: &'static str, input: &'static str, target: &'static str) -> Transition {
    Transition {
        machine: "door",
        source,
        input,
        target,
    }
}

/// The run both tests script, as the observer must see it.
fn expected() -> Vec<Transition> {
    vec![
        moved("Locked", "knock", "Locked"),
        moved("Locked", "key", "Locked"),
        moved("Locked", "key", "Shut"),
        moved("Shut", "open", "Open"),
        moved("Open", "close", "Shut"),
        moved("Shut", "lock", "Locked"),
    ]
}

#[test]
fn typestate_runs_are_observed_in_order() {
    let mut locked = door::Machine::new(door::Journal::default(), door::Locked);
    locked.knock();
    let door::KeyedMachine::Stuck(locked) = locked.key(false) else {
        panic!("a wrong key does not unlock")
    };
    let door::KeyedMachine::Unlocked(shut) = locked.key(true) else {
        panic!("the right key unlocks")
    };
    let (open, openings) = shut.open();
    assert_eq!(openings, 1);
    let locked = open.close().lock();
    assert_eq!(locked.core().moves, expected());
    assert!(locked.core().refused.is_empty());
}

#[test]
fn dynamic_runs_and_refusals_are_observed_in_order() {
    let mut door = door::Dynamic::new(door::Journal::default(), door::Locked);
    door.knock().unwrap();
    door.key(false).unwrap();
    assert!(door.open().is_err());
    door.key(true).unwrap();
    door.open().unwrap();
    assert!(door.lock().is_err());
    door.close().unwrap();
    door.handle(door::Input::Lock).unwrap();
    assert_eq!(door.core().moves, expected());
    assert_eq!(
        door.core().refused,
        [
            NoTransition::new("Locked", "open"),
            NoTransition::new("Open", "lock")
        ]
    );
}

/// A link with a group and a fallible input, observed: a group's handler is reported from the
/// member it ran in, a failed input is not a transition, and `core_mut()` drains the journal.
#[automat::machine(observe)]
mod link {
    use automat::{NoTransition, Observer, Transition};

    /// What the link understands.
    pub trait Link {
        /// Bring the link up.
        fn up(&mut self);
        /// A frame, with its checksum; a wrong one fails.
        fn frame(&mut self, ok: bool) -> Result<(), BadFrame>;
        /// Tear the link down, from any live state.
        fn reset(&mut self);
    }

    /// A frame whose checksum is wrong.
    #[derive(Debug, PartialEq, Eq)]
    pub struct BadFrame;

    /// Everything the observer saw.
    #[core]
    #[derive(Default)]
    pub struct Journal {
        /// The transitions, in order.
        pub moves: Vec<Transition>,
        /// The refused inputs, in order.
        pub refused: Vec<NoTransition>,
    }

    impl Observer for Journal {
        fn on_transition(&mut self, transition: &Transition) {
            self.moves.push(*transition);
        }
        fn on_refused(&mut self, refused: &NoTransition) {
            self.refused.push(*refused);
        }
    }

    /// Down.
    #[state(initial)]
    pub struct Down;

    /// Up, waiting for the first frame.
    #[state]
    pub struct Up;

    /// Receiving.
    #[state]
    pub struct Receiving;

    /// The states a reset tears down.
    #[group]
    pub enum Live {
        /// Up.
        Up(Up),
        /// Receiving.
        Receiving(Receiving),
    }

    #[transitions]
    impl Down {
        fn up(self, _journal: &mut Journal) -> Up {
            Up
        }
    }

    #[transitions]
    impl Up {
        fn frame(&mut self, _journal: &mut Journal, ok: bool) -> Result<Receiving, BadFrame> {
            if ok { Ok(Receiving) } else { Err(BadFrame) }
        }
    }

    #[transitions]
    impl Live {
        fn reset(self, _journal: &mut Journal) -> Down {
            Down
        }
    }
}

#[test]
fn groups_and_fallible_inputs_are_observed() {
    let mut machine = link::Dynamic::new(link::Journal::default(), link::Down);
    machine.up().unwrap();
    assert_eq!(
        machine.frame(false),
        Err(automat::Error::Failed(link::BadFrame))
    );
    assert_eq!(machine.frame(true), Ok(()));
    assert!(matches!(
        machine.frame(true),
        Err(automat::Error::Refused(_))
    ));
    machine.reset().unwrap();
    let moves: Vec<(&str, &str, &str)> = machine
        .core()
        .moves
        .iter()
        .map(|transition| (transition.source, transition.input, transition.target))
        .collect();
    assert_eq!(
        moves,
        [
            ("Down", "up", "Up"),
            ("Up", "frame", "Receiving"),
            ("Receiving", "reset", "Down"),
        ],
        "the failed frame moved nothing; the group's reset ran in `Receiving`"
    );
    assert_eq!(
        machine.core().refused,
        [NoTransition::new("Receiving", "frame")]
    );
    // The journal drains through `core_mut()`, and the machine goes on.
    let drained = std::mem::take(&mut machine.core_mut().moves);
    assert_eq!(drained.len(), 3);
    assert!(machine.core().moves.is_empty());
    assert_eq!(machine.state_name(), "Down");

    // The typestate machine reports a group handler the same way.
    let typed = link::Machine::new(link::Journal::default(), link::Down).up();
    let Err((typed, link::BadFrame)) = typed.frame(false) else {
        panic!("a bad frame fails")
    };
    let (journal, _) = typed.reset().into_parts();
    assert_eq!(journal.moves.len(), 2);
    assert_eq!(journal.moves[1].source, "Up");
}
