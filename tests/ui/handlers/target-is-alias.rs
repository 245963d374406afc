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
