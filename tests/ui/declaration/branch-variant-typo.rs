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

    /// Where a failure leads.
    #[branch]
    pub enum Failure {
        /// Too many failures: the breaker opens.
        Tripped(Opne),
        /// Still below the threshold.
        Counted(Closed),
    }

    #[transitions]
    impl Closed {
        fn failure(self) -> Failure {
            Failure::Counted(self)
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
