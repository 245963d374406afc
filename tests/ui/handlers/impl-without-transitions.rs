// The block is written, but without `#[transitions]` it holds helpers: the error says so, once,
// at the block, and neither the input nor the state it leads to is reported.
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
