#[automat::machine]
mod link {
    pub trait Link<T> {
        fn send(&mut self, item: T);
    }

    #[state(initial)]
    pub struct Open;

    #[transitions]
    impl<T> Open {
        fn send(&mut self, _item: T) {}
    }
}

fn main() {}
