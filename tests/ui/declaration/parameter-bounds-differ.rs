#[automat::machine]
mod link {
    pub trait Link {
        fn send(&mut self);
    }

    #[core]
    pub struct Core<T: core::fmt::Debug> {
        sink: T,
    }

    #[state(initial)]
    pub struct Open<T: Clone> {
        last: T,
    }

    #[transitions]
    impl<T: Clone + core::fmt::Debug> Open<T> {
        fn send(&mut self, _core: &mut Core<T>) {}
    }
}

fn main() {}
