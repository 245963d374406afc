#[automat::machine]
mod handshake {
    pub trait Handshake {
        fn hello(&mut self);
        fn retry(&mut self);
    }

    #[state(initial)]
    pub struct Start;

    #[state]
    pub struct Wait;

    #[group]
    pub enum Early {
        Start(Start),
        Wait(Wait),
    }

    #[transitions]
    impl Start {
        fn hello(self) -> Wait {
            Wait
        }
    }

    #[transitions]
    impl Early {
        fn retry(self) -> Self {
            self
        }
    }
}

fn main() {}
