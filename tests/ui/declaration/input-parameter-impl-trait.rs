#[automat::machine]
mod port {
    pub trait Port {
        fn open(&mut self, number: impl Into<u16>);
    }

    #[state(initial)]
    pub struct Closed;

    #[state]
    pub struct Open;

    #[transitions]
    impl Closed {
        fn open(self, number: impl Into<u16>) -> Open {
            let _ = number.into();
            Open
        }
    }
}

fn main() {}
