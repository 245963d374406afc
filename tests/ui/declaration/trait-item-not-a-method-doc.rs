#[automat::machine]
mod breaker {
    pub trait Breaker {
        fn failure(&mut self);
        fn reset(&mut self);
        /// How many failures trip the breaker.
        const LIMIT: u32;
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
        /// Not a handler.
        const COOL_DOWN: u32 = 30;

        fn reset(self) -> Closed {
            Closed
        }
    }
}

fn main() {}
