#[automat::machine(dynamic, crate =)]
mod turnstile {
    pub trait Turnstile {
        fn coin(&mut self, cents: u32) -> u32;
        fn push(&mut self);
    }

    #[core]
    pub struct Core {
        passes: u64,
    }

    #[state(initial)]
    pub struct Locked;

    #[state]
    pub struct Unlocked {
        credit: u32,
    }

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

fn main() {}
