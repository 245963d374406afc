// Bounds written in a `where` clause are the parameter's bounds too: `T` cannot be `Write` on
// the core and `Read` on a state.
#[automat::machine]
mod pipe {
    pub trait Pipe {
        fn pump(&mut self);
    }

    #[core]
    pub struct Core<T: std::io::Write> {
        sink: T,
    }

    #[state(initial)]
    pub struct Reading<T>
    where
        T: std::io::Read,
    {
        source: T,
    }

    #[transitions]
    impl<T: std::io::Read + std::io::Write> Reading<T> {
        fn pump(&mut self, _core: &mut Core<T>) {}
    }
}

fn main() {}
