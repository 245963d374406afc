//! The turnstile of the specification: the smallest machine with a core, a loop and an output.

/// A coin-operated turnstile: pay, then push through.
#[automat::machine(derive(Debug, Clone, PartialEq, Eq), serde)]
pub mod turnstile {
    /// What a turnstile can be asked to do.
    pub trait Turnstile {
        /// A coin is inserted; the output is the credit, in cents, paid so far.
        fn coin(&mut self, cents: u32) -> u32;
        /// Someone pushes the arm.
        fn push(&mut self);
    }

    /// What the turnstile remembers whatever its state: how many people went through, and
    /// what they paid.
    #[core]
    #[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
    pub struct Core {
        /// People who went through.
        pub passes: u64,
        /// Cents taken, over every pass.
        pub takings: u64,
    }

    /// The arm does not turn: waiting for a coin.
    #[state(initial)]
    #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
    pub struct Locked;

    /// Paid: the arm turns once.
    #[state]
    #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
    pub struct Unlocked {
        /// Cents paid since the arm unlocked.
        pub credit: u32,
    }

    #[transitions]
    impl Locked {
        /// The first coin unlocks the arm.
        fn coin(self, _core: &mut Core, cents: u32) -> (Unlocked, u32) {
            (Unlocked { credit: cents }, cents)
        }
    }

    #[transitions]
    impl Unlocked {
        /// More coins add to the credit; the arm stays unlocked.
        fn coin(&mut self, _core: &mut Core, cents: u32) -> u32 {
            self.credit += cents;
            self.credit
        }

        /// One person goes through, and the arm locks behind them.
        fn push(self, core: &mut Core) -> Locked {
            core.passes += 1;
            core.takings += u64::from(self.credit);
            Locked
        }
    }
}
