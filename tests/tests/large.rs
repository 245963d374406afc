//! A machine large enough that `Dynamic::handle` delegates to the input methods instead of
//! nesting a `match` on the input in a `match` on the state (more than 64 handlers): `handle`,
//! the methods and a model written with plain integers must agree on every step.

/// Declares `dial`, a ring of states: `turn` moves to the next state, `home` back to the first,
/// `peek` reports the position without moving, and `lift` is accepted only in the first state.
macro_rules! dial {
    ($first:ident => $second:ident, $($state:ident => $next:ident),+ $(,)?) => {
        /// A dial of many positions.
        #[automat::machine]
        pub mod dial {
            /// What a dial can be asked to do.
            pub trait Dial {
                /// One step around.
                fn turn(&mut self);
                /// Back to the first position.
                fn home(&mut self);
                /// Where the dial is, counted in turns taken.
                fn peek(&mut self) -> u32;
                /// Lifts the dial off; only at the first position.
                fn lift(&mut self, force: u8) -> u8;
            }

            /// Turns taken so far.
            #[core]
            pub struct Turns(pub u32);

            /// The first position.
            #[state(initial)]
            pub struct $first;

            #[transitions]
            impl $first {
                fn turn(self, turns: &mut Turns) -> $second {
                    turns.0 += 1;
                    $second
                }
                fn home(self, _turns: &mut Turns) -> $first {
                    $first
                }
                fn peek(&mut self, turns: &mut Turns) -> u32 {
                    turns.0
                }
                fn lift(&mut self, _turns: &mut Turns, force: u8) -> u8 {
                    force / 2
                }
            }

            $(
                /// A position.
                #[state]
                pub struct $state;

                #[transitions]
                impl $state {
                    fn turn(self, turns: &mut Turns) -> $next {
                        turns.0 += 1;
                        $next
                    }
                    fn home(self, _turns: &mut Turns) -> $first {
                        $first
                    }
                    fn peek(&mut self, turns: &mut Turns) -> u32 {
                        turns.0
                    }
                }
            )+
        }
    };
}

dial! {
    P0 => P1, P1 => P2, P2 => P3, P3 => P4, P4 => P5, P5 => P6, P6 => P7, P7 => P8,
    P8 => P9, P9 => P10, P10 => P11, P11 => P12, P12 => P13, P13 => P14, P14 => P15,
    P15 => P16, P16 => P17, P17 => P18, P18 => P19, P19 => P20, P20 => P21, P21 => P0,
}

use dial::{Dynamic, Input, Output, P0, Turns};

const POSITIONS: usize = 22;

/// The model: the position, and the turns taken.
#[derive(Debug, Default)]
struct Model {
    position: usize,
    turns: u32,
}

impl Model {
    /// What the machine must answer, or `None` for a refusal.
    fn step(&mut self, input: &Input) -> Option<u32> {
        match *input {
            Input::Turn => {
                self.position = (self.position + 1) % POSITIONS;
                self.turns += 1;
                Some(0)
            }
            Input::Home => {
                self.position = 0;
                Some(0)
            }
            Input::Peek => Some(self.turns),
            Input::Lift { force } => (self.position == 0).then_some(u32::from(force / 2)),
        }
    }
}

/// The answer of the machine, in the model's terms.
fn answer(output: Result<Output, automat::NoTransition>) -> Option<u32> {
    match output.ok()? {
        Output::Turn(()) | Output::Home(()) => Some(0),
        Output::Peek(turns) => Some(turns),
        Output::Lift(force) => Some(u32::from(force)),
    }
}

/// A fixed, varied script: a linear congruential sequence picks each input.
fn script(length: usize) -> Vec<Input> {
    let mut seed: u32 = 0x2545_f491;
    (0..length)
        .map(|_| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            match (seed >> 16) % 16 {
                0 => Input::Home,
                1..=2 => Input::Peek,
                3..=4 => Input::Lift {
                    force: u8::try_from(seed % 256).unwrap(),
                },
                _ => Input::Turn,
            }
        })
        .collect()
}

fn copy(input: &Input) -> Input {
    match *input {
        Input::Turn => Input::Turn,
        Input::Home => Input::Home,
        Input::Peek => Input::Peek,
        Input::Lift { force } => Input::Lift { force },
    }
}

#[test]
fn the_dial_has_more_handlers_than_the_nested_handle_takes() {
    // 22 states × 3 inputs, and `lift` in the first: above `NESTED_HANDLE_MAX` (64, in
    // automat-codegen's `expand/dynamic.rs`, whose unit tests pin where the shapes switch), so
    // this file exercises the delegating shape of `handle`.
    assert_eq!(dial::DESCRIPTION.transitions.len(), POSITIONS * 3 + 1);
    assert!(dial::DESCRIPTION.transitions.len() > 64);
}

#[test]
fn handle_and_the_methods_agree_with_the_model() {
    let mut model = Model::default();
    let mut by_handle = Dynamic::new(Turns(0), P0);
    let mut by_method = Dynamic::new(Turns(0), P0);
    let mut refused = 0;
    for (step, input) in script(5_000).iter().enumerate() {
        let expected = model.step(input);
        let method = match *input {
            Input::Turn => by_method.turn().map(Output::Turn),
            Input::Home => by_method.home().map(Output::Home),
            Input::Peek => by_method.peek().map(Output::Peek),
            Input::Lift { force } => by_method.lift(force).map(Output::Lift),
        };
        let handled = by_handle.handle(copy(input));
        if let Err(error) = &handled {
            assert_eq!(error.input(), "lift", "step {step}");
            assert_eq!(error.state(), format!("P{}", model.position), "step {step}");
            refused += 1;
        }
        assert_eq!(answer(handled), expected, "handle, step {step}");
        assert_eq!(answer(method), expected, "method, step {step}");
        let position = format!("P{}", model.position);
        assert_eq!(by_handle.state_name(), position, "step {step}");
        assert_eq!(by_method.state_name(), position, "step {step}");
        assert_eq!(by_handle.core().0, model.turns, "step {step}");
    }
    // The script reaches every position and is refused somewhere.
    assert!(model.turns > 1_000, "{model:?}");
    assert!(refused > 100, "{refused} refusals");
}
