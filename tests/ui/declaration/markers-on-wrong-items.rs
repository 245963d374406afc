// Each marker on an item it cannot mark: one error each, at the item's name, never on its doc
// comment.
#[automat::machine]
mod breaker {
    pub trait Breaker {
        fn failure(&mut self);
        fn reset(&mut self);
    }

    /// The counts.
    #[core]
    pub enum Counts {
        None,
    }

    #[state(initial)]
    pub struct Closed;

    #[state]
    pub struct Open;

    /// Not a branch.
    #[branch]
    pub struct Failure(Open);

    /// Not handlers.
    #[transitions]
    fn failure() {}

    /// A constant.
    #[state]
    const LIMIT: u32 = 3;

    #[transitions]
    impl Closed {
        fn failure(self) -> Open {
            Open
        }
    }

    #[transitions]
    impl Open {
        fn reset(self) -> Closed {
            Closed
        }
    }
}

fn main() {}
