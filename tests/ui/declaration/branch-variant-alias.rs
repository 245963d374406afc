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

    #[branch]
    pub enum Failure {
        Tripped(Tripped),
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
