// The tests crate depends on automat without its `serde` feature.
#[automat::machine(serde)]
mod switch {
    pub trait Switch {
        fn flip(&mut self);
    }

    #[state(initial)]
    pub struct Off;

    #[state]
    pub struct On;

    #[transitions]
    impl Off {
        fn flip(self) -> On {
            On
        }
    }

    #[transitions]
    impl On {
        fn flip(self) -> Off {
            Off
        }
    }
}

fn main() {}
