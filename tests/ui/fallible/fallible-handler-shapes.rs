// A fallible input's `&mut self` handler returns a `Result` with the input's error, and its
// `self` handler outputs `T`, not the declared `Result<T, E>`.
#[automat::machine]
mod lock {
    pub trait Lock {
        fn enter(&mut self, code: u16) -> Result<u8, WrongCode>;
        fn lock(&mut self) -> Result<(), Jammed>;
        fn kick(&mut self) -> Result<u8, Jammed>;
    }

    pub struct WrongCode;
    pub struct Jammed;

    #[state(initial)]
    pub struct Locked;

    #[state]
    pub struct Open;

    #[transitions]
    impl Locked {
        fn enter(&mut self, _code: u16) -> Open {
            Open
        }

        fn kick(self) -> (Open, Result<u8, Jammed>) {
            (Open, Ok(1))
        }
    }

    #[transitions]
    impl Open {
        fn lock(&mut self) -> Result<Locked, WrongCode> {
            Ok(Locked)
        }
    }
}

fn main() {}
