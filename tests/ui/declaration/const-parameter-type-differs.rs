#[automat::machine]
mod window {
    pub trait Window {
        fn slide(&mut self);
    }

    #[core]
    pub struct Core<const N: usize> {
        seen: [u8; N],
    }

    #[state(initial)]
    pub struct Sliding<const N: u8>;

    #[transitions]
    impl<const N: u8> Sliding<N> {
        fn slide(&mut self, _core: &mut Core<4>) {}
    }
}

fn main() {}
