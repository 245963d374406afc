#[automat::machine]
mod link {
    pub trait Link {
        fn send(&mut self);
    }

    #[core]
    pub struct Core<S> {
        sink: S,
    }

    #[state(initial)]
    pub struct Open;

    #[transitions]
    impl<S> Open {
        fn send(&mut self, _core: &mut Core<S>) {}
    }
}

fn main() {}
