//! A machine declared in a crate that calls automat `fsm`: `#[fsm::machine(crate = fsm)]`
//! makes the generated code name `::fsm` instead of `::automat`. That this crate builds is
//! most of the test; `tests/renamed.rs` runs the machine.
#![forbid(unsafe_code)]

/// A switch, with a count of flips in its core.
#[fsm::machine(crate = ::fsm, derive(Debug, PartialEq))]
pub mod switch {
    /// The inputs.
    pub trait Switch {
        /// Flip the switch; the output is the number of flips so far.
        fn flip(&mut self) -> u32;
    }

    /// Counts flips.
    #[core]
    #[derive(Debug, Default, PartialEq)]
    pub struct Flips(pub u32);

    /// Off.
    #[state(initial)]
    #[derive(Debug, PartialEq)]
    pub struct Off;

    /// On.
    #[state]
    #[derive(Debug, PartialEq)]
    pub struct On;

    #[transitions]
    impl Off {
        fn flip(self, core: &mut Flips) -> (On, u32) {
            core.0 += 1;
            (On, core.0)
        }
    }

    #[transitions]
    impl On {
        fn flip(self, core: &mut Flips) -> (Off, u32) {
            core.0 += 1;
            (Off, core.0)
        }
    }
}

/// The same switch, with the path written as serde writes its own: `crate = "fsm"`.
#[fsm::machine(crate = "fsm")]
pub mod quoted {
    /// The inputs.
    pub trait Switch {
        /// Flip the switch.
        fn flip(&mut self);
    }

    /// Off.
    #[state(initial)]
    pub struct Off;

    /// On.
    #[state]
    pub struct On;

    #[transitions]
    impl Off {
        fn flip(self) -> On {
            On
        }
    }

    #[transitions]
    impl On {
        fn flip(self) -> Off {
            Off
        }
    }
}
