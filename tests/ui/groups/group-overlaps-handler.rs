// A state's own handler and its group's for the same input, and two groups' handlers for the
// same state and input: each an error naming both.
#[automat::machine]
mod handshake {
    pub trait Handshake {
        fn hello(&mut self);
        fn alert(&mut self, code: u8);
        fn ping(&mut self);
    }

    #[state(initial)]
    pub struct Start;

    #[state]
    pub struct Wait;

    #[state]
    pub struct Closed;

    #[group]
    pub enum Early {
        Start(Start),
        Wait(Wait),
    }

    #[group]
    pub enum Waiting {
        Wait(Wait),
    }

    #[transitions]
    impl Start {
        fn hello(self) -> Wait {
            Wait
        }

        fn alert(self, _code: u8) -> Closed {
            Closed
        }
    }

    #[transitions]
    impl Early {
        fn alert(self, _code: u8) -> Closed {
            Closed
        }

        fn ping(&mut self) {}
    }

    #[transitions]
    impl Waiting {
        fn ping(&mut self) {}
    }
}

fn main() {}
