#[automat::machine(crate = automat, ?Send)]
mod breaker {
    pub trait Breaker {
        fn failure(&mut self);
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
}

fn main() {}
