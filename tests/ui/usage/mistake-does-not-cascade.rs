#[automat::machine]
pub mod turnstile {
    pub trait Turnstile {
        fn coin(&mut self, cents: u32) -> u32;
        fn push(&mut self);
    }

    #[core]
    #[derive(Default)]
    pub struct Core {
        pub passes: u64,
    }

    #[state(initial)]
    pub struct Locked;

    #[state]
    pub struct Unlocked {
        pub credit: u32,
    }

    #[state]
    pub struct Jammed;

    #[transitions]
    impl Locked {
        fn coin(self, _core: &mut Core, cents: u32) -> (Unlocked, u32) {
            (Unlocked { credit: cents }, cents)
        }
    }

    #[transitions]
    impl Unlocked {
        fn coin(&mut self, _core: &mut Core, cents: u32) -> u32 {
            self.credit += cents;
            self.credit
        }

        fn push(self, core: &mut Core) -> Locked {
            core.passes += 1;
            Locked
        }
    }
}

use turnstile::{Core, Dynamic, Locked, Machine};

// The machine has a mistake, but its items are still generated: the code that uses it
// compiles, and the one error is the real one.
fn main() {
    let (unlocked, _) = Machine::new(Core::default(), Locked).coin(25);
    let mut dynamic = Dynamic::from(unlocked);
    assert_eq!(dynamic.push(), Ok(()));
}
