// The second handler is reported as a duplicate, and `Tripped`, which only it leads to, is not
// reported as unreachable on top of it.
#[automat::machine]
mod breaker {
    pub trait Breaker {
        fn failure(&mut self);
        fn reset(&mut self);
    }

    #[state(initial)]
    pub struct Closed;

    #[state]
    pub struct Open;

    #[state]
    pub struct Tripped;

    #[transitions]
    impl Closed {
        fn failure(self) -> Open {
            Open
        }

        fn failure(self) -> Tripped {
            Tripped
        }
    }

    #[transitions]
    impl Open {
        fn reset(self) -> Closed {
            Closed
        }
    }

    #[transitions]
    impl Tripped {
        fn reset(self) -> Closed {
            Closed
        }
    }
}

fn main() {}
