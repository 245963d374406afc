//! `#[automat::machine(dynamic)]` and `#[automat::machine(typestate)]`: each generates one
//! machine, which behaves as the same machine does when both are generated; `observe` works
//! in each. (That the other machine is absent is shown by `tests/ui/api/`.)
//!
//! Both machines below are the same door, declared once per mode; its rules:
//!
//! * `Closed`: `open` goes to `Open` and outputs the openings so far, this one included;
//!   `lock(code)` goes to `Locked(code)`.
//! * `Open`: `close` goes to `Closed`; `knock` stays and outputs the knocks so far, this one
//!   included (counted in the state).
//! * `Locked(code)`: `unlock(guess)` goes to `Closed` when `guess == code` (`Unlocked`) and
//!   stays `Locked(code)` otherwise (`Refused`).

use automat::{NoTransition, Transition};

macro_rules! door {
    ($name:ident, $($mode:ident)?) => {
        /// A door that records what it does.
        #[automat::machine($($mode,)? observe, derive(Debug, PartialEq))]
        pub mod $name {
            use automat::{NoTransition, Observer, Transition};

            /// What the door understands.
            pub trait Door {
                /// Open it; the output counts the openings.
                fn open(&mut self) -> u32;
                /// Close it.
                fn close(&mut self);
                /// Knock; the output counts the knocks.
                fn knock(&mut self) -> u32;
                /// Lock it with a code.
                fn lock(&mut self, code: u16);
                /// Try a code.
                fn unlock(&mut self, guess: u16);
            }

            /// Everything the observer saw, and the openings.
            #[core]
            #[derive(Debug, Default, PartialEq)]
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

            /// Shut.
            #[state(initial)]
            #[derive(Debug, PartialEq)]
            pub struct Closed;

            /// Open, counting knocks.
            #[state]
            #[derive(Debug, PartialEq)]
            pub struct Open {
                /// Knocks so far.
                pub knocks: u32,
            }

            /// Locked with a code.
            #[state]
            #[derive(Debug, PartialEq)]
            pub struct Locked(pub u16);

            /// What a guess does.
            #[branch]
            pub enum Guess {
                /// The right code.
                Unlocked(Closed),
                /// A wrong one.
                Refused(Locked),
            }

            #[transitions]
            impl Closed {
                fn open(self, journal: &mut Journal) -> (Open, u32) {
                    journal.openings += 1;
                    (Open { knocks: 0 }, journal.openings)
                }
                fn lock(self, _journal: &mut Journal, code: u16) -> Locked {
                    Locked(code)
                }
            }

            #[transitions]
            impl Open {
                fn close(self, _journal: &mut Journal) -> Closed {
                    Closed
                }
                fn knock(&mut self, _journal: &mut Journal) -> u32 {
                    self.knocks += 1;
                    self.knocks
                }
            }

            #[transitions]
            impl Locked {
                fn unlock(self, _journal: &mut Journal, guess: u16) -> Guess {
                    if guess == self.0 {
                        Guess::Unlocked(Closed)
                    } else {
                        Guess::Refused(self)
                    }
                }
            }
        }
    };
}

door!(dynamic_door, dynamic);
door!(typestate_door, typestate);

/// The transitions the door makes, in order, for the inputs both tests give it.
fn journey(machine: &'static str) -> Vec<Transition> {
    let moved = |source, input, target| Transition {
        machine,
        source,
        input,
        target,
    };
    vec![
        moved("Closed", "open", "Open"),
        moved("Open", "knock", "Open"),
        moved("Open", "knock", "Open"),
        moved("Open", "close", "Closed"),
        moved("Closed", "lock", "Locked"),
        moved("Locked", "unlock", "Locked"),
        moved("Locked", "unlock", "Closed"),
        moved("Closed", "open", "Open"),
    ]
}

#[test]
fn dynamic_alone_runs_the_door_by_method_by_handle_and_by_trait() {
    use dynamic_door::{Closed, Door, Dynamic, Input, Journal, Locked, Open, Output, State};
    let mut door = Dynamic::new(Journal::default(), Closed);
    assert_eq!(door.state_name(), "Closed");
    assert_eq!(door.accepts(), ["open", "lock"]);
    assert_eq!(door.open(), Ok(1));
    assert_eq!(door.handle(Input::Knock), Ok(Output::Knock(1)));
    assert_eq!(Door::knock(&mut door), Ok(2));
    assert_eq!(door.state(), &State::Open(Open { knocks: 2 }));
    let refused = door.lock(7).unwrap_err();
    assert_eq!(refused, NoTransition::new("Open", "lock"));
    assert_eq!(door.state_name(), "Open", "a refused input changes nothing");
    assert_eq!(door.handle(Input::Close), Ok(Output::Close(())));
    assert_eq!(door.lock(7), Ok(()));
    assert_eq!(door.unlock(3), Ok(()));
    assert_eq!(door.state(), &State::Locked(Locked(7)));
    assert_eq!(
        door.handle(Input::Unlock { guess: 7 }),
        Ok(Output::Unlock(()))
    );
    assert_eq!(door.state(), &State::Closed(Closed));
    assert_eq!(door.open(), Ok(2));
    let journal = door.core();
    assert_eq!(journal.openings, 2);
    assert_eq!(journal.moves, journey("dynamic_door"));
    assert_eq!(journal.refused, [NoTransition::new("Open", "lock")]);
}

#[test]
fn dynamic_alone_restores_and_takes_apart() {
    use dynamic_door::{Dynamic, Journal, Locked, State};
    let door = Dynamic::restore(Journal::default(), State::Locked(Locked(9)));
    assert_eq!(door.accepts(), ["unlock"]);
    let (journal, state) = door.into_parts();
    assert_eq!(journal, Journal::default());
    assert_eq!(state, Some(State::Locked(Locked(9))));
}

#[test]
fn typestate_alone_runs_the_door_with_its_branch() {
    use typestate_door::{Closed, GuessMachine, Journal, Machine};
    let door = Machine::new(Journal::default(), Closed);
    let (mut door, openings) = door.open();
    assert_eq!(openings, 1);
    assert_eq!(door.knock(), 1);
    assert_eq!(door.knock(), 2);
    assert_eq!(door.state().knocks, 2);
    let door = door.close().lock(7);
    assert_eq!(door.state().0, 7);
    let GuessMachine::Refused(door) = door.unlock(3) else {
        panic!("a wrong guess stays locked");
    };
    let GuessMachine::Unlocked(door) = door.unlock(7) else {
        panic!("the right guess unlocks");
    };
    let (door, openings) = door.open();
    assert_eq!(openings, 2);
    let (journal, state) = door.into_parts();
    assert_eq!(state.knocks, 0);
    assert_eq!(journal.moves, journey("typestate_door"));
    assert!(journal.refused.is_empty());
}

#[test]
fn every_mode_describes_the_same_graph() {
    // `DESCRIPTION` is generated in every mode, from the same declaration.
    for (description, name) in [
        (&dynamic_door::DESCRIPTION, "dynamic_door"),
        (&typestate_door::DESCRIPTION, "typestate_door"),
    ] {
        assert_eq!(description.name, name);
        let edges: Vec<(&str, &str)> = description
            .transitions
            .iter()
            .map(|transition| (transition.source, transition.input))
            .collect();
        assert_eq!(
            edges,
            [
                ("Closed", "open"),
                ("Closed", "lock"),
                ("Open", "close"),
                ("Open", "knock"),
                ("Locked", "unlock"),
            ]
        );
    }
}
