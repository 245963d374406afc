//! `#[automat::machine(dynamic, serde)]`: a machine generated without `Machine<S>` saves and
//! loads as the same machine with both APIs does.

/// Declares the counter as module `$name` with the machine arguments `$args`: once with
/// `dynamic`, once with both APIs, to compare what they save.
macro_rules! counter {
    ($name:ident, $($args:tt)*) => {
        /// A counter that counts up while running and keeps its count when paused.
        #[automat::machine($($args)*)]
        mod $name {
            use serde::{Deserialize, Serialize};

            /// What the counter understands.
            pub trait Counter {
                /// Count one; the output is the count.
                fn tick(&mut self) -> u32;
                /// Stop counting.
                fn pause(&mut self);
                /// Count again.
                fn resume(&mut self);
            }

            /// The ticks counted while running, in every state.
            #[core]
            #[derive(Debug, PartialEq, Serialize, Deserialize)]
            pub struct Core {
                /// Pauses so far.
                pub pauses: u32,
            }

            /// Counting.
            #[state(initial)]
            #[derive(Debug, PartialEq, Serialize, Deserialize)]
            pub struct Running {
                /// The count.
                pub count: u32,
            }

            /// Not counting.
            #[state]
            #[derive(Debug, PartialEq, Serialize, Deserialize)]
            pub struct Paused {
                /// The count when paused.
                pub count: u32,
            }

            #[transitions]
            impl Running {
                fn tick(&mut self, _core: &mut Core) -> u32 {
                    self.count += 1;
                    self.count
                }
                fn pause(self, core: &mut Core) -> Paused {
                    core.pauses += 1;
                    Paused { count: self.count }
                }
            }

            #[transitions]
            impl Paused {
                fn resume(self, _core: &mut Core) -> Running {
                    Running { count: self.count }
                }
            }
        }
    };
}

counter!(counter, dynamic, serde, derive(Debug, PartialEq));
counter!(both, serde, derive(Debug, PartialEq));

#[test]
fn a_dynamic_only_machine_is_saved_and_restored_in_its_state() {
    use counter::{Core, Dynamic, Paused, Running, State};
    let mut machine = Dynamic::new(Core { pauses: 0 }, Running { count: 0 });
    assert_eq!(machine.tick(), Ok(1));
    assert_eq!(machine.tick(), Ok(2));
    assert_eq!(machine.pause(), Ok(()));
    let saved = serde_json::to_string(&machine).unwrap();
    assert_eq!(
        saved,
        r#"{"state":{"Paused":{"count":2}},"core":{"pauses":1}}"#
    );
    let mut loaded: Dynamic = serde_json::from_str(&saved).unwrap();
    assert_eq!(loaded.state(), &State::Paused(Paused { count: 2 }));
    assert!(loaded.tick().is_err(), "a paused counter does not count");
    assert_eq!(loaded.resume(), Ok(()));
    assert_eq!(loaded.tick(), Ok(3));
    assert_eq!(loaded.core(), &Core { pauses: 1 });
}

#[test]
fn a_dynamic_only_machine_saves_what_the_machine_with_both_apis_saves() {
    let mut alone =
        counter::Dynamic::new(counter::Core { pauses: 0 }, counter::Running { count: 0 });
    let mut both = both::Dynamic::new(both::Core { pauses: 0 }, both::Running { count: 0 });
    assert_eq!(alone.tick(), both.tick());
    assert_eq!(alone.pause(), both.pause());
    let (saved_alone, saved_both) = (
        serde_json::to_string(&alone).unwrap(),
        serde_json::to_string(&both).unwrap(),
    );
    assert_eq!(saved_alone, saved_both);
    // Each loads what the other saved.
    let loaded: both::Dynamic = serde_json::from_str(&saved_alone).unwrap();
    assert_eq!(
        loaded.state(),
        &both::State::Paused(both::Paused { count: 1 })
    );
    let loaded: counter::Dynamic = serde_json::from_str(&saved_both).unwrap();
    assert_eq!(
        loaded.state(),
        &counter::State::Paused(counter::Paused { count: 1 })
    );
}
