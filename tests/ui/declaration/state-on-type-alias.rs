#[automat::machine]
mod breaker {
    pub trait Breaker {
        fn failure(&mut self);
        fn reset(&mut self);
    }

    #[state(initial)]
    pub struct Closed;

    pub struct Open;

    /// The breaker after too many failures.
    #[state]
    pub type Tripped = Open;

    #[transitions]
    impl Closed {
        fn failure(self) -> Tripped {
            Open
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
