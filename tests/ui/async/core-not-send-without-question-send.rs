// A machine whose data is not `Send` cannot promise `Send` futures: rustc says where the
// promise is broken, and `#[automat::machine(?Send)]` is what lifts it.
#[automat::machine]
mod counter {
    use std::rc::Rc;

    pub trait Counter {
        async fn bump(&mut self) -> usize;
    }

    #[core]
    pub struct Shared {
        count: Rc<()>,
    }

    #[state(initial)]
    pub struct Counting;

    #[transitions]
    impl Counting {
        async fn bump(&mut self, shared: &mut Shared) -> usize {
            Rc::strong_count(&shared.count)
        }
    }
}

fn main() {}
