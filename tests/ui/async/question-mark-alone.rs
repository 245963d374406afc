#[automat::machine(?)]
mod breaker {
    pub trait Breaker {
        async fn failure(&mut self);
    }

    #[state(initial)]
    pub struct Closed;

    #[state]
    pub struct Open;

    #[transitions]
    impl Closed {
        async fn failure(self) -> Open {
            Open
        }
    }
}

fn main() {}
