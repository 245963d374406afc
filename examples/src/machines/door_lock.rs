//! A keypad door lock: a machine with no core, whose `unlock` is a branch.

/// A keypad lock: the right code opens the door; too many wrong codes in a row lock the keypad
/// out until an administrator resets it.
///
/// The lock has no core: everything it knows — the code, the wrong attempts so far — travels
/// in the state values.
#[automat::machine(derive(Debug, Clone, PartialEq, Eq), serde)]
pub mod door_lock {
    /// Wrong codes in a row that lock the keypad out.
    pub const MAX_FAILURES: u8 = 3;

    /// What can be done at the door.
    pub trait DoorLock {
        /// A code is typed on the keypad; the output says whether the door opened.
        fn unlock(&mut self, code: u16) -> bool;
        /// The door is shut and locked again.
        fn lock(&mut self);
        /// While the door is open, a new code is set.
        fn change_code(&mut self, code: u16);
        /// An administrator clears a lockout.
        fn reset(&mut self);
    }

    /// The door is locked, waiting for the right code.
    #[state(initial)]
    #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
    pub struct Locked {
        /// The code that opens the door.
        pub code: u16,
        /// Wrong codes typed in a row since the door was last opened or reset.
        pub failures: u8,
    }

    impl Locked {
        /// A lock that opens with `code`, with no wrong attempts yet.
        #[must_use]
        pub fn new(code: u16) -> Self {
            Locked { code, failures: 0 }
        }
    }

    /// The door is open; it holds the code it will lock with.
    #[state]
    #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
    pub struct Open(pub u16);

    /// Too many wrong codes: the keypad ignores codes until an administrator resets it.
    #[state]
    #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
    pub struct LockedOut {
        /// The code that will open the door once the lockout is cleared.
        pub code: u16,
    }

    /// Where a typed code leads.
    #[branch]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum Unlock {
        /// The code was right: the door opens.
        Opened(Open),
        /// The code was wrong: the door stays locked, one more failure counted.
        Refused(Locked),
        /// The code was wrong once too often: the keypad locks out.
        Blocked(LockedOut),
    }

    #[transitions]
    impl Locked {
        /// The right code opens the door; a wrong one counts, and the last allowed one blocks.
        fn unlock(self, code: u16) -> (Unlock, bool) {
            if code == self.code {
                (Unlock::Opened(Open(self.code)), true)
            } else if self.failures + 1 >= MAX_FAILURES {
                (Unlock::Blocked(LockedOut { code: self.code }), false)
            } else {
                let failures = self.failures + 1;
                (Unlock::Refused(Locked { failures, ..self }), false)
            }
        }
    }

    #[transitions]
    impl Open {
        /// Shut the door: it locks with the current code, the failures forgotten.
        fn lock(self) -> Locked {
            Locked::new(self.0)
        }

        /// Set a new code; the door stays open.
        fn change_code(&mut self, code: u16) {
            self.0 = code;
        }
    }

    #[transitions]
    impl LockedOut {
        /// The administrator clears the lockout: the keypad takes codes again.
        fn reset(self) -> Locked {
            Locked::new(self.code)
        }
    }
}
