// The handler of a synchronous input is a plain `fn`, which cannot await; the error is
// rustc's, at the `.await`.
#[automat::machine]
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
            core::future::ready(()).await;
            Open
        }
    }
}

fn main() {}
