// The marker is reported, and the trait still read as the inputs: no second error saying the
// machine has no input trait.
#[automat::machine]
mod breaker {
    /// The inputs.
    #[state]
    pub trait Breaker {
        fn failure(&mut self);
        fn reset(&mut self);
    }

    #[state(initial)]
    pub struct Closed;

    #[state]
    pub struct Open;

    #[transitions]
    impl Closed {
        fn failure(self) -> Open {
            Open
        }
    }

    #[transitions]
    impl Open {
        fn reset(self) -> Closed {
            Closed
        }
    }
}

fn main() {}
