#[automat::machine]
mod reader {
    pub trait Reader {
        fn data(&mut self, bytes: &'a [u8]) -> usize;
    }

    #[state(initial)]
    pub struct Reading;

    #[transitions]
    impl Reading {
        fn data(&mut self, bytes: &'a [u8]) -> usize {
            bytes.len()
        }
    }
}

fn main() {}
