#[automat::machine]
mod link {
    pub trait Link {
        fn send(&mut self);
    }

    #[core]
    pub struct Core<T> {
        sink: T,
    }

    #[state(initial)]
    pub struct Open;

    #[transitions]
    impl Open {
        fn send<T>(&mut self, _core: &mut Core<T>) {}
    }
}

fn main() {}
