// A parameter named like an item the macro generates would shadow it in the generated code, and
// one named like the serde impls' lifetime would clash with it: each is reported.
#[automat::machine]
mod relay {
    pub trait Relay {
        fn send(&mut self);
    }

    #[core]
    pub struct Core<State, Input, Output, Dynamic, Typed, const Machine: usize, const DESCRIPTION: u8> {
        parts: (State, Input, Output, Dynamic, Typed),
    }

    #[state(initial)]
    pub struct Open<'__de> {
        note: &'__de str,
    }

    #[transitions]
    impl<'__de, State, Input, Output, Dynamic, Typed, const Machine: usize, const DESCRIPTION: u8>
        Open<'__de>
    {
        fn send(&mut self, _core: &mut Core<State, Input, Output, Dynamic, Typed, Machine, DESCRIPTION>) {}
    }
}

fn main() {}
