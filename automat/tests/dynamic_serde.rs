//! `#[automat::machine(dynamic, serde)]`: a machine generated without `Machine<S>` saves and
//! loads as the same machine with both APIs does.

/// A counter that counts up while running and keeps its count when paused.
#[automat::machine(dynamic, serde, derive(Debug, PartialEq))]
mod counter {
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
