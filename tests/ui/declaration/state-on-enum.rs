// One error, at the enum; the handlers and branches that name it are not reported again.
#[automat::machine]
mod breaker {
    pub trait Breaker {
        fn failure(&mut self);
        fn reset(&mut self);
    }

    #[state(initial)]
    pub struct Closed;

    #[state]
    pub enum Open {
        Tripped,
        Cooling,
    }

    #[branch]
    pub enum Failure {
        Tripped(Open),
        Counted(Closed),
    }

    #[transitions]
    impl Closed {
        fn failure(self) -> Failure {
            Failure::Tripped(Open::Tripped)
        }
    }

    #[transitions]
    impl Open {
        fn failure(&mut self) {}

        fn reset(self) -> Closed {
            Closed
        }
    }
}

fn main() {}
