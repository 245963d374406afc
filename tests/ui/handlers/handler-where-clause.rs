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
    impl<T> Open {
        fn send(&mut self, _core: &mut Core<T>)
        where
            T: Clone,
        {
        }
    }
}

fn main() {}
