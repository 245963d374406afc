// A fallible input's error is stored in `Output` like its output: it may not borrow from the
// machine, and the lifetimes it names must be declared by the machine.
#[automat::machine]
mod door {
    pub trait Door {
        fn open(&mut self, code: u16) -> Result<(), &str>;
        fn close(&mut self) -> Result<(), &'why str>;
    }

    #[state(initial)]
    pub struct Shut;

    #[state]
    pub struct Open;

    #[transitions]
    impl Shut {
        fn open(&mut self, code: u16) -> Result<Open, &str> {
            if code == 0 { Err("no code") } else { Ok(Open) }
        }
    }

    #[transitions]
    impl Open {
        fn close(&mut self) -> Result<Shut, &'why str> {
            Ok(Shut)
        }
    }
}

fn main() {}
