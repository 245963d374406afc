#[automat::machine]
mod handshake {
    pub trait Handshake {
        fn hello(&mut self);
    }

    #[state(initial)]
    pub struct Start;

    #[state]
    pub struct Wait;

    pub struct Helper;

    #[group]
    pub enum Early {
        Start(Start),
        Helper(Helper),
        Twice(Start),
    }

    #[transitions]
    impl Start {
        fn hello(self) -> Wait {
            Wait
        }
    }
}

fn main() {}
