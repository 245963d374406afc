//! A generic machine (SPEC §7.1): `link` is generic over a type (its core's sink `T`), a
//! lifetime (the frame `Held<'buf>` borrows) and a const (`Window<N>`), and its `data` input
//! borrows its bytes for the call. Every generated item is used here with concrete arguments;
//! the type annotations are part of the test, each saying what the item's parameters are.

use automat::NoTransition;
use automat_tests::link::{
    self, Core, Dynamic, Held, Idle, Input, Link, Machine, NextMachine, Output, State, Typed,
    Window,
};

type Sink = Vec<u8>;

fn core() -> Core<Sink> {
    Core {
        sink: Vec::new(),
        frames: 0,
    }
}

#[test]
fn typestate_machine_carries_lifetime_then_state_then_type_and_const() {
    let frame = [7, 8, 9];
    let idle: Machine<'_, Idle, Sink, 2> = Machine::new(core(), Idle);
    let held: Machine<'_, Held<'_>, Sink, 2> = idle.hold(&frame);
    assert_eq!(held.state(), &Held { frame: &frame });
    let (idle, frames): (Machine<'_, Idle, Sink, 2>, u32) = held.flush();
    assert_eq!(frames, 1);
    assert_eq!(idle.core().sink, [7, 8, 9]);

    let bytes = vec![1, 2, 3];
    let (mut window, len): (Machine<'_, Window<2>, Sink, 2>, usize) = idle.data(&bytes);
    drop(bytes); // borrowed for the call only
    assert_eq!(len, 3);
    assert_eq!(window.state(), &Window { seen: [1, 2] });
    assert_eq!(window.data(&[5]), 1);
    assert_eq!(window.state(), &Window { seen: [5, 0] });
    let (core, state): (Core<Sink>, Window<2>) = window.into_parts();
    assert_eq!((core.sink, core.frames), (vec![7, 8, 9, 1, 2, 3, 5], 3));
    assert_eq!(state.seen, [5, 0]);
}

#[test]
fn typestate_branch_enum_carries_every_parameter() {
    let frame = [1];
    let held: Machine<'_, Held<'_>, Sink, 3> = Machine::restore(core(), Held { frame: &frame });
    let (next, len): (NextMachine<'_, Sink, 3>, usize) = held.data(&[4, 5]);
    assert_eq!(len, 2);
    let NextMachine::Full(window) = next else {
        panic!("data after a held frame fills a window")
    };
    assert_eq!(window.state(), &Window { seen: [4, 5, 0] });

    let held: Machine<'_, Held<'_>, Sink, 3> = Machine::restore(core(), Held { frame: &frame });
    let (next, _) = held.data(&[]);
    assert!(matches!(next, NextMachine::Empty(machine) if machine.core().frames == 1));
}

#[test]
fn a_loop_of_a_generic_state_changes_the_generic_core() {
    let frame = [1];
    let mut held: Machine<'_, Held<'_>, Sink, 1> = Machine::new(core(), Idle).hold(&frame);
    let old: Sink = held.swap(vec![9]);
    assert!(old.is_empty());
    assert_eq!(held.into_state().frame, [1]);
}

#[test]
fn dynamic_runs_inputs_that_borrow_and_refuses_the_rest() {
    let frame = [3, 3];
    let mut machine: Dynamic<'_, Sink, 2> = Dynamic::new(core(), Idle);
    assert_eq!(machine.accepts(), ["data", "hold"]);
    assert_eq!(machine.flush(), Err(NoTransition::new("Idle", "flush")));
    assert_eq!(machine.hold(&frame), Ok(()));
    assert_eq!(machine.state(), &State::Held(Held { frame: &frame }));
    assert_eq!(machine.state_name(), "Held");
    {
        let bytes = String::from("ab").into_bytes();
        assert_eq!(machine.data(&bytes), Ok(2));
    }
    assert_eq!(machine.state(), &State::Window(Window { seen: *b"ab" }));
    assert_eq!(machine.core().sink, [3, 3, b'a', b'b']);
    assert_eq!(machine.flush(), Ok(2));
    assert!(!machine.is_poisoned());
}

#[test]
fn handle_takes_an_input_that_borrows_for_the_call() {
    let frame = [1, 2];
    let mut machine: Dynamic<'_, Sink, 2> = Dynamic::new(core(), Idle);
    let hold: Input<'_, '_, Sink> = Input::Hold { frame: &frame };
    assert_eq!(hold.name(), "hold");
    assert_eq!(machine.handle(hold), Ok(Output::Hold(())));
    let output: Output<Sink> = machine.handle(Input::Swap { sink: vec![0] }).unwrap();
    assert_eq!(output, Output::Swap(vec![]));
    for chunk in [vec![4], vec![5, 6]] {
        assert!(machine.handle(Input::Data { bytes: &chunk }).is_ok());
    }
    assert_eq!(machine.core().sink, [0, 1, 2, 4, 5, 6]);
    assert_eq!(
        machine.handle(Input::Hold { frame: &frame }),
        Err(NoTransition::new("Window", "hold"))
    );
}

#[test]
fn the_input_trait_keeps_its_parameters_and_dynamic_implements_it() {
    fn drive<'buf, L: Link<'buf, Sink>>(link: &mut L, frame: &'buf [u8]) -> u32 {
        link.hold(frame).unwrap();
        link.flush().unwrap()
    }
    let frame = [1];
    let mut machine: Dynamic<'_, Sink, 4> = Dynamic::new(core(), Idle);
    assert_eq!(drive(&mut machine, &frame), 1);
}

#[test]
fn conversions_and_typed_carry_the_parameters() {
    let frame = [2];
    let held: Machine<'_, Held<'_>, Sink, 1> = Machine::new(core(), Idle).hold(&frame);
    let machine: Dynamic<'_, Sink, 1> = Dynamic::from(held);
    let back: Result<Machine<'_, Window<1>, Sink, 1>, Dynamic<'_, Sink, 1>> =
        Machine::try_from(machine);
    let machine = back.unwrap_err();
    let held: Machine<'_, Held<'_>, Sink, 1> = Machine::try_from(machine).unwrap();
    let machine = Dynamic::from(held);
    let typed: Typed<'_, Sink, 1> = machine.into_typed().unwrap();
    let Typed::Held(held) = typed else {
        panic!("the machine is in `Held`")
    };
    assert_eq!(held.state().frame, [2]);
    let machine: Dynamic<'_, Sink, 1> = Dynamic::from(Typed::Held(held));
    assert_eq!(machine.state_name(), "Held");
}

#[test]
fn state_converts_from_each_generic_state_and_names_it() {
    let frame = [0];
    let states: [State<'_, 3>; 3] = [
        State::from(Idle),
        State::from(Held { frame: &frame }),
        State::from(Window { seen: [1, 2, 3] }),
    ];
    let names: Vec<&str> = states.iter().map(State::name).collect();
    assert_eq!(names, ["Idle", "Held", "Window"]);
    let machine: Dynamic<'_, Sink, 3> =
        Dynamic::restore(core(), states.into_iter().last().unwrap());
    assert_eq!(machine.accepts(), ["data", "flush"]);
}

#[test]
fn debug_prints_a_generic_machine() {
    let machine: Dynamic<'_, Sink, 1> = Dynamic::new(core(), Idle);
    assert_eq!(
        format!("{machine:?}"),
        "Dynamic { state: Idle(Idle), core: Core { sink: [], frames: 0 } }"
    );
    let typed: Machine<'_, Idle, Sink, 1> = Machine::new(core(), Idle);
    assert!(
        format!("{typed:?}")
            .starts_with("Machine { core: Core { sink: [], frames: 0 }, state: Idle")
    );
}

#[test]
fn a_generic_machine_costs_no_more_room_than_its_parts() {
    use core::mem::size_of;
    assert_eq!(
        size_of::<Machine<'_, Window<8>, Sink, 8>>(),
        size_of::<(Core<Sink>, Window<8>)>()
    );
    assert_eq!(
        size_of::<Dynamic<'_, Sink, 8>>(),
        size_of::<(Core<Sink>, State<'_, 8>)>()
    );
}

#[test]
fn the_description_records_parameter_types_as_written() {
    let data = &link::DESCRIPTION.inputs[0];
    assert_eq!((data.name, data.params[0].ty), ("data", "&[u8]"));
    let hold = &link::DESCRIPTION.inputs[1];
    assert_eq!(hold.params[0].ty, "&'buf [u8]");
    let swap = &link::DESCRIPTION.inputs[3];
    assert_eq!((swap.params[0].ty, swap.output), ("T", Some("T")));
    let states: Vec<&str> = link::DESCRIPTION
        .states
        .iter()
        .map(|state| state.name)
        .collect();
    assert_eq!(states, ["Idle", "Held", "Window"]);
}

/// A generic machine that observes itself: the observer is its generic core.
#[automat::machine(observe)]
mod watched {
    use automat::{NoTransition, Observer, Transition};

    /// What a switch understands.
    pub trait Switch<'a> {
        /// Flip it, with a note borrowed for the call.
        fn flip(&mut self, note: &str);
        /// Tag it, with a tag it keeps.
        fn tag(&mut self, tag: &'a str);
    }

    /// Records the states entered into any `T`.
    #[core]
    pub struct Log<T: Extend<&'static str>> {
        /// The states entered, by name.
        pub entered: T,
        /// Inputs refused.
        pub refused: u32,
    }

    impl<T: Extend<&'static str>> Observer for Log<T> {
        fn on_transition(&mut self, transition: &Transition) {
            self.entered.extend([transition.target]);
        }

        fn on_refused(&mut self, _refused: &NoTransition) {
            self.refused += 1;
        }
    }

    /// Off.
    #[state(initial)]
    pub struct Off;

    /// On, tagged.
    #[state]
    pub struct On<'a> {
        /// The tag.
        pub tag: &'a str,
    }

    #[transitions]
    impl<'a, T: Extend<&'static str>> Off {
        fn flip(self, _log: &mut Log<T>, note: &str) -> On<'a> {
            On {
                tag: if note.is_empty() { "" } else { "noted" },
            }
        }
    }

    #[transitions]
    impl<'a, T: Extend<&'static str>> On<'a> {
        fn flip(self, _log: &mut Log<T>, _note: &str) -> Off {
            Off
        }

        fn tag(&mut self, _log: &mut Log<T>, tag: &'a str) {
            self.tag = tag;
        }
    }
}

#[test]
fn a_generic_core_observes_both_machines() {
    use watched::{Dynamic, Log, Machine, Off};
    let tag = String::from("kitchen");
    let mut switch: Dynamic<'_, Vec<&'static str>> = Dynamic::new(
        Log {
            entered: Vec::new(),
            refused: 0,
        },
        Off,
    );
    assert!(switch.tag(&tag).is_err());
    switch.flip(&String::from("first")).unwrap();
    switch.tag(&tag).unwrap();
    switch.flip("").unwrap();
    assert_eq!(switch.core().entered, ["On", "On", "Off"]);
    assert_eq!(switch.core().refused, 1);

    let typed: Machine<'_, Off, Vec<&'static str>> = Machine::new(
        Log {
            entered: Vec::new(),
            refused: 0,
        },
        Off,
    );
    let mut on = typed.flip("x");
    on.tag(&tag);
    assert_eq!(on.state().tag, "kitchen");
    assert_eq!(on.flip("").core().entered, ["On", "On", "Off"]);
}

/// A group whose members are generic over a lifetime: the group enum declares it.
#[automat::machine]
mod grouped {
    /// What a lamp understands.
    pub trait Lamp<'a> {
        /// Light it, with a label kept borrowed.
        fn light(&mut self, label: &'a str);
        /// Switch it off, whatever it is doing.
        fn off(&mut self) -> bool;
    }

    /// Dark.
    #[state(initial)]
    pub struct Dark;

    /// Lit, labelled.
    #[state]
    pub struct Lit<'a> {
        /// The label.
        pub label: &'a str,
    }

    /// Every state.
    #[group]
    pub enum Any<'a> {
        /// Dark.
        Dark(Dark),
        /// Lit.
        Lit(Lit<'a>),
    }

    #[transitions]
    impl<'a> Dark {
        fn light(self, label: &'a str) -> Lit<'a> {
            Lit { label }
        }
    }

    #[transitions]
    impl Any<'_> {
        fn off(self) -> (Dark, bool) {
            (Dark, matches!(self, Any::Lit(lit) if !lit.label.is_empty()))
        }
    }
}

#[test]
fn a_group_of_generic_states_handles_its_input_in_each() {
    use grouped::{Dark, Dynamic, Machine};
    let label = String::from("desk");
    let mut lamp: Dynamic<'_> = Dynamic::new(Dark);
    assert_eq!(lamp.off(), Ok(false));
    lamp.light(&label).unwrap();
    assert_eq!(lamp.off(), Ok(true));
    let lit: Machine<'_, grouped::Lit<'_>> = Machine::new(Dark).light(&label);
    let (dark, was_lit) = lit.off();
    assert!(was_lit);
    let _: Dark = dark.into_state();
}

/// A generic machine whose fallible input fails with errors naming the core's parameter: one
/// generic over it (`Spilled<T>`), one its associated type (`T::Error`). `Output` holds the
/// whole `Result`, so it declares `T` although no output names it.
#[automat::machine]
mod drain {
    /// What a tank understands.
    pub trait Drain<T: Clone + TryFrom<u8>> {
        /// Fill it with a value.
        fn fill(&mut self, value: T);
        /// Drain it into the core, or spill the value when it is not accepted.
        fn drain(&mut self, accept: bool) -> Result<(), Spilled<T>>;
        /// Top it up with a byte converted to `T`, which may fail.
        fn top_up(&mut self, byte: u8) -> Result<(), T::Error>;
    }

    /// A value that was not accepted.
    #[derive(Debug, PartialEq)]
    pub struct Spilled<T>(pub T);

    /// Where drained values go.
    #[core]
    pub struct Tank<T: Clone + TryFrom<u8>> {
        /// The values drained, oldest first.
        pub drained: Vec<T>,
    }

    /// Empty.
    #[state(initial)]
    pub struct Dry;

    /// Holding a value.
    #[state]
    pub struct Wet<T: Clone + TryFrom<u8>> {
        /// The value.
        pub value: T,
    }

    #[transitions]
    impl<T: Clone + TryFrom<u8>> Dry {
        fn fill(self, _tank: &mut Tank<T>, value: T) -> Wet<T> {
            Wet { value }
        }
    }

    #[transitions]
    impl<T: Clone + TryFrom<u8>> Wet<T> {
        fn drain(&mut self, tank: &mut Tank<T>, accept: bool) -> Result<Dry, Spilled<T>> {
            if !accept {
                return Err(Spilled(self.value.clone()));
            }
            tank.drained.push(self.value.clone());
            Ok(Dry)
        }

        fn top_up(&mut self, _tank: &mut Tank<T>, byte: u8) -> Result<(), T::Error> {
            self.value = T::try_from(byte)?;
            Ok(())
        }
    }
}

#[test]
fn a_fallible_input_fails_with_errors_naming_the_core_parameter() {
    use automat::Error;
    use drain::{Dry, Dynamic, Input, Machine, Output, Spilled, Tank, Wet};
    let mut tank: Dynamic<i8> = Dynamic::new(
        Tank {
            drained: Vec::new(),
        },
        Dry,
    );
    tank.fill(3).unwrap();
    assert_eq!(
        tank.top_up(200),
        Err(Error::Failed(i8::try_from(200u8).unwrap_err()))
    );
    let spilled: Result<Output<i8>, _> = tank.handle(Input::Drain { accept: false });
    assert!(matches!(spilled, Ok(Output::Drain(Err(Spilled(3))))));
    assert!(matches!(
        tank.handle(Input::TopUp { byte: 5 }),
        Ok(Output::TopUp(Ok(())))
    ));
    assert_eq!(tank.drain(true), Ok(()));
    assert_eq!(tank.core().drained, [5]);

    let wet: Machine<Wet<u16>, u16> = Machine::new(
        Tank {
            drained: Vec::new(),
        },
        Dry,
    )
    .fill(7);
    let Err((wet, Spilled(7))) = wet.drain(false) else {
        panic!("a refused drain spills")
    };
    let Ok(dry) = wet.drain(true) else {
        panic!("an accepted drain drains")
    };
    assert_eq!(dry.core().drained, [7]);
}
