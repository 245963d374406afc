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
