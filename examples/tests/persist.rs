//! Saving and restoring: every example machine, in every state it can reach, goes through
//! `serde_json` and comes back equal; unknown states and malformed data are clear errors.

use automat::Description;
use automat_examples::{door_lock, garage_door, tcp, turnstile};
use std::collections::BTreeSet;
use std::fmt::Debug;

/// A small deterministic generator (xorshift64), so a failing walk replays exactly.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        usize::try_from(self.0 % n as u64).expect("fits")
    }
}

/// Walks `machine` at random among the inputs its state accepts, saving and restoring it after
/// every step, and checks that it comes back equal and that every reachable state was seen.
fn walk<M, I>(
    description: &Description,
    mut machine: M,
    inputs: &[I],
    step: impl Fn(&mut M, I),
    name: impl Fn(&I) -> &'static str,
    state: impl Fn(&M) -> &'static str,
    accepts: impl Fn(&M) -> &'static [&'static str],
) where
    M: serde::Serialize + serde::de::DeserializeOwned + PartialEq + Debug,
    I: Clone,
{
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let mut seen = BTreeSet::new();
    for _ in 0..5_000 {
        seen.insert(state(&machine));
        let json = serde_json::to_string(&machine).expect("a live machine serializes");
        let restored: M =
            serde_json::from_str(&json).unwrap_or_else(|error| panic!("{json}: {error}"));
        assert_eq!(restored, machine, "round trip through {json}");
        machine = restored;
        let accepted: Vec<&I> = inputs
            .iter()
            .filter(|input| accepts(&machine).contains(&name(input)))
            .collect();
        assert!(
            !accepted.is_empty(),
            "{} accepts none of the inputs tried",
            state(&machine)
        );
        step(&mut machine, accepted[rng.below(accepted.len())].clone());
    }
    let all: BTreeSet<&str> = description
        .states
        .iter()
        .filter(|info| !info.unreachable)
        .map(|info| info.name)
        .collect();
    assert_eq!(
        seen, all,
        "the walk should visit every reachable state of `{}`",
        description.name
    );
}

#[test]
fn turnstile_round_trips_in_every_state() {
    use turnstile::{Core, Dynamic, Input, Locked};
    walk(
        &turnstile::DESCRIPTION,
        Dynamic::new(Core::default(), Locked),
        &[
            Input::Coin { cents: 25 },
            Input::Coin { cents: 5 },
            Input::Push,
        ],
        |machine, input| {
            machine
                .handle(input)
                .expect("only accepted inputs are sent");
        },
        Input::name,
        Dynamic::state_name,
        Dynamic::accepts,
    );
}

#[test]
fn garage_door_round_trips_in_every_state() {
    use garage_door::{Closed, Core, Dynamic, Input};
    walk(
        &garage_door::DESCRIPTION,
        Dynamic::new(Core::default(), Closed),
        &[Input::PushButton, Input::OpenSensor, Input::CloseSensor],
        |machine, input| {
            machine
                .handle(input)
                .expect("only accepted inputs are sent");
        },
        Input::name,
        Dynamic::state_name,
        Dynamic::accepts,
    );
}

#[test]
fn door_lock_round_trips_in_every_state() {
    use door_lock::{Dynamic, Input, Locked};
    walk(
        &door_lock::DESCRIPTION,
        Dynamic::new(Locked {
            code: 1234,
            failures: 0,
        }),
        &[
            Input::Unlock { code: 1234 },
            Input::Unlock { code: 1111 },
            Input::Unlock { code: 2222 },
            Input::Lock,
            Input::ChangeCode { code: 1234 },
            Input::Reset,
        ],
        |machine, input| {
            machine
                .handle(input)
                .expect("only accepted inputs are sent");
        },
        Input::name,
        Dynamic::state_name,
        Dynamic::accepts,
    );
}

#[test]
fn tcp_round_trips_in_every_state() {
    use tcp::{Closed, Core, Dynamic, Input};
    walk(
        &tcp::DESCRIPTION,
        Dynamic::new(Core::new(100), Closed),
        &[
            Input::PassiveOpen,
            Input::ActiveOpen,
            Input::Send { len: 10 },
            Input::Close,
            Input::Syn { seq: 300 },
            Input::SynAck { seq: 300, ack: 101 },
            Input::Ack { ack: 101 },
            Input::Data { seq: 301, len: 5 },
            Input::Fin { seq: 301 },
            Input::Rst,
            Input::Timeout,
        ],
        |machine, input| {
            machine
                .handle(input)
                .expect("only accepted inputs are sent");
        },
        Input::name,
        Dynamic::state_name,
        Dynamic::accepts,
    );
}

#[test]
fn the_layout_is_the_state_enum_and_the_core() {
    use turnstile::{Core, Dynamic, Locked, State, Unlocked};
    let mut gate = Dynamic::new(
        Core {
            passes: 3,
            takings: 75,
        },
        Locked,
    );
    gate.coin(25).expect("Locked accepts coin");
    assert_eq!(
        serde_json::to_value(&gate).expect("serializes"),
        serde_json::json!({"state": {"Unlocked": {"credit": 25}}, "core": {"passes": 3, "takings": 75}}),
    );
    assert_eq!(
        serde_json::to_value(State::Unlocked(Unlocked { credit: 5 })).expect("serializes"),
        serde_json::json!({"Unlocked": {"credit": 5}}),
    );
    assert_eq!(
        serde_json::to_value(State::Locked(Locked)).expect("serializes"),
        serde_json::json!({"Locked": null})
    );
}

#[test]
fn fields_may_come_in_any_order() {
    use turnstile::{Core, Dynamic, Unlocked};
    // `serde_json::Value` sorts its keys, so `core` comes first here.
    let json = serde_json::json!({"state": {"Unlocked": {"credit": 5}}, "core": {"passes": 1, "takings": 2}});
    let gate: Dynamic = serde_json::from_value(json).expect("deserializes");
    assert_eq!(
        gate,
        Dynamic::restore(
            Core {
                passes: 1,
                takings: 2
            },
            Unlocked { credit: 5 }.into()
        )
    );
}

#[test]
fn a_machine_without_a_core_has_no_core_field() {
    use door_lock::{Dynamic, Open};
    let json = serde_json::json!({"state": {"Open": 4321}});
    let door: Dynamic = serde_json::from_value(json.clone()).expect("deserializes");
    assert_eq!(door.state(), &door_lock::State::Open(Open(4321)));
    assert_eq!(serde_json::to_value(&door).expect("serializes"), json);
    let error = serde_json::from_str::<Dynamic>(r#"{"state": {"Open": 1}, "core": {}}"#)
        .expect_err("no core to read");
    assert!(
        error
            .to_string()
            .starts_with("unknown field `core`, expected `state`"),
        "{error}"
    );
}

#[test]
fn restoring_may_land_in_any_state() {
    use tcp::{Core, Dynamic, TimeWait};
    let saved = Dynamic::restore(Core::new(7), TimeWait.into());
    let json = serde_json::to_string(&saved).expect("serializes");
    let connection: Dynamic = serde_json::from_str(&json).expect("deserializes");
    assert_eq!(connection, saved);
    assert_eq!(connection.state_name(), "TimeWait");
    // What `TimeWait` accepts, in the trait's order, as the description declares it.
    let declared: Vec<&str> = tcp::DESCRIPTION
        .inputs
        .iter()
        .map(|input| input.name)
        .filter(|&input| {
            tcp::DESCRIPTION
                .transitions
                .iter()
                .any(|transition| transition.source == "TimeWait" && transition.input == input)
        })
        .collect();
    assert_eq!(connection.accepts(), declared);
}

#[test]
fn unknown_states_and_bad_data_are_errors() {
    use turnstile::Dynamic;
    let core = r#""core": {"passes": 0, "takings": 0}"#;
    let cases = [
        (
            format!(r#"{{"state": {{"Jammed": null}}, {core}}}"#),
            "unknown variant `Jammed`, expected `Locked` or `Unlocked`",
        ),
        (
            format!(r#"{{"state": {{"Unlocked": {{"credit": "lots"}}}}, {core}}}"#),
            "invalid type: string \"lots\", expected u32",
        ),
        (
            format!(r#"{{"state": {{"Unlocked": {{}}}}, {core}}}"#),
            "missing field `credit`",
        ),
        (
            r#"{"state": {"Locked": null}}"#.to_owned(),
            "missing field `core`",
        ),
        (format!("{{{core}}}"), "missing field `state`"),
        (
            format!(r#"{{"state": {{"Locked": null}}, "state": {{"Locked": null}}, {core}}}"#),
            "duplicate field `state`",
        ),
        (
            format!(r#"{{"state": {{"Locked": null}}, "mood": 1, {core}}}"#),
            "unknown field `mood`, expected `state` or `core`",
        ),
        (
            "[]".to_owned(),
            "invalid length 0, expected a machine: its state and core",
        ),
        (
            "42".to_owned(),
            "invalid type: integer `42`, expected a machine: its state and core",
        ),
    ];
    for (json, expected) in cases {
        let error = serde_json::from_str::<Dynamic>(&json)
            .expect_err(&json)
            .to_string();
        // serde_json appends where it stopped reading: " at line 1 column N".
        let message = error.split(" at line ").next().unwrap_or_default();
        assert_eq!(message, expected, "for {json}");
    }
}

#[test]
fn the_sequence_form_round_trips_too() {
    use turnstile::{Core, Dynamic, Locked};
    let gate = Dynamic::new(
        Core {
            passes: 1,
            takings: 25,
        },
        Locked,
    );
    let json = r#"[{"Locked": null}, {"passes": 1, "takings": 25}]"#;
    assert_eq!(
        serde_json::from_str::<Dynamic>(json).expect("deserializes"),
        gate
    );
}

/// A machine whose only transition panics, to poison it.
#[automat::machine(serde)]
mod fragile {
    /// The one input.
    pub trait Fragile {
        /// Breaks the machine.
        fn shatter(&mut self);
    }

    /// Whole.
    #[state(initial)]
    #[derive(serde::Serialize, serde::Deserialize)]
    pub struct Whole;

    /// Never reached.
    #[state]
    #[derive(serde::Serialize, serde::Deserialize)]
    pub struct Shattered;

    #[transitions]
    impl Whole {
        fn shatter(self) -> Shattered {
            panic!("shattered")
        }
    }
}

#[test]
fn a_poisoned_machine_does_not_serialize() {
    let mut glass = fragile::Dynamic::new(fragile::Whole);
    assert_eq!(
        serde_json::to_string(&glass).expect("a whole machine serializes"),
        r#"{"state":{"Whole":null}}"#
    );
    let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| glass.shatter()));
    assert!(panicked.is_err());
    let error = serde_json::to_string(&glass).expect_err("a poisoned machine has no state to save");
    assert_eq!(
        error.to_string(),
        "the `fragile` machine is poisoned: a handler panicked, and it has no state to save"
    );
}

/// A generic machine whose state borrows: serde's impls are bounded by what each part needs,
/// so it is saved, and read back borrowing from the text it is read from.
#[automat::machine(serde)]
mod named {
    /// What a name tag understands.
    pub trait Tag<'a> {
        /// Write a name on it, kept borrowed.
        fn write(&mut self, name: &'a str);
    }

    /// Counts the names written, in any counter.
    #[core]
    #[derive(serde::Serialize, serde::Deserialize)]
    pub struct Count<N: core::ops::AddAssign + From<u8>> {
        /// Names written.
        pub written: N,
    }

    /// Nothing written.
    #[state(initial)]
    #[derive(serde::Serialize, serde::Deserialize)]
    pub struct Blank;

    /// A name, borrowed.
    #[state]
    #[derive(serde::Serialize, serde::Deserialize)]
    pub struct Written<'a> {
        /// The name.
        #[serde(borrow)]
        pub name: &'a str,
    }

    #[transitions]
    impl<'a, N: core::ops::AddAssign + From<u8>> Blank {
        fn write(self, count: &mut Count<N>, name: &'a str) -> Written<'a> {
            count.written += N::from(1);
            Written { name }
        }
    }
}

#[test]
fn a_generic_machine_with_a_borrowing_state_round_trips() {
    let mut tag: named::Dynamic<'_, u32> =
        named::Dynamic::new(named::Count { written: 0 }, named::Blank);
    let name = String::from("admin");
    tag.write(&name).unwrap();
    let json = serde_json::to_string(&tag).unwrap();
    assert_eq!(
        json,
        r#"{"state":{"Written":{"name":"admin"}},"core":{"written":1}}"#
    );
    let back: named::Dynamic<'_, u32> = serde_json::from_str(&json).unwrap();
    let named::State::Written(written) = back.state() else {
        panic!("saved in `Written`")
    };
    assert_eq!(written.name, "admin");
    let at = json.find("admin").unwrap();
    assert!(
        std::ptr::eq(written.name.as_ptr(), json[at..].as_ptr()),
        "borrowed from the JSON"
    );
    assert_eq!(back.core().written, 1);
}

/// A link with a group and a fallible input, saved and restored between inputs.
#[automat::machine(serde, derive(Debug, PartialEq))]
mod link {
    /// The inputs.
    pub trait Link {
        /// Bring it up.
        fn up(&mut self);
        /// A frame; a bad one fails and stays.
        fn frame(&mut self, good: bool) -> Result<u32, BadFrame>;
        /// Tear it down from any live state.
        fn reset(&mut self);
    }

    /// A bad frame.
    #[derive(Debug, PartialEq)]
    pub struct BadFrame;

    /// Frames seen, good and bad.
    #[core]
    #[derive(Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
    pub struct Frames {
        /// Bad frames.
        pub bad: u32,
    }

    /// Down.
    #[state(initial)]
    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    pub struct Down;

    /// Up, waiting for a good frame.
    #[state]
    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    pub struct Up {
        /// Bad frames in a row.
        pub strikes: u32,
    }

    /// Receiving.
    #[state]
    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    pub struct Receiving;

    /// The live states.
    #[group]
    pub enum Live {
        /// Up.
        Up(Up),
        /// Receiving.
        Receiving(Receiving),
    }

    #[transitions]
    impl Down {
        fn up(self, _frames: &mut Frames) -> Up {
            Up { strikes: 0 }
        }
    }

    #[transitions]
    impl Up {
        fn frame(&mut self, frames: &mut Frames, good: bool) -> Result<(Receiving, u32), BadFrame> {
            if good {
                return Ok((Receiving, self.strikes));
            }
            self.strikes += 1;
            frames.bad += 1;
            Err(BadFrame)
        }
    }

    #[transitions]
    impl Live {
        fn reset(self, _frames: &mut Frames) -> Down {
            Down
        }
    }
}

#[test]
fn groups_and_fallible_inputs_survive_a_round_trip() {
    fn round_trip(machine: &link::Dynamic) -> link::Dynamic {
        let json = serde_json::to_string(machine).expect("serializes");
        serde_json::from_str(&json).expect("deserializes")
    }
    let mut machine = link::Dynamic::new(link::Frames::default(), link::Down);
    machine.up().unwrap();
    assert_eq!(
        machine.frame(false),
        Err(automat::Error::Failed(link::BadFrame))
    );
    let mut machine = round_trip(&machine);
    assert_eq!(
        serde_json::to_string(&machine).unwrap(),
        r#"{"state":{"Up":{"strikes":1}},"core":{"bad":1}}"#,
        "the failed frame's changes are saved"
    );
    assert_eq!(machine.frame(true), Ok(1));
    let mut machine = round_trip(&machine);
    assert_eq!(
        machine.reset(),
        Ok(()),
        "the group's handler runs in the restored state"
    );
    assert_eq!(machine.state_name(), "Down");
}

/// A serde machine whose own lifetime is named `'de`, as serde's derive names its own: the
/// generated impls name theirs so that the two cannot clash. (serde's derive refuses a `'de`
/// parameter, so `Said` reads itself by hand.)
#[automat::machine(serde)]
mod quoted {
    /// What a quote understands.
    pub trait Quote<'de> {
        /// Say a line, kept borrowed.
        fn say(&mut self, line: &'de str);
    }

    /// Nothing said.
    #[state(initial)]
    #[derive(serde::Serialize, serde::Deserialize)]
    pub struct Silent;

    /// A line, borrowed.
    #[state]
    #[derive(serde::Serialize)]
    pub struct Said<'de> {
        /// The line.
        pub line: &'de str,
    }

    impl<'a, 'b: 'a> serde::Deserialize<'b> for Said<'a> {
        fn deserialize<D: serde::Deserializer<'b>>(data: D) -> Result<Self, D::Error> {
            /// `Said`, as serde's derive reads it.
            #[derive(serde::Deserialize)]
            struct Line<'r> {
                line: &'r str,
            }
            Line::deserialize(data).map(|Line { line }| Said { line })
        }
    }

    #[transitions]
    impl<'de> Silent {
        fn say(self, line: &'de str) -> Said<'de> {
            Said { line }
        }
    }
}

#[test]
fn a_machine_whose_lifetime_is_named_de_round_trips() {
    let mut quote: quoted::Dynamic<'_> = quoted::Dynamic::new(quoted::Silent);
    quote.say("to be").unwrap();
    let json = serde_json::to_string(&quote).unwrap();
    assert_eq!(json, r#"{"state":{"Said":{"line":"to be"}}}"#);
    let back: quoted::Dynamic<'_> = serde_json::from_str(&json).unwrap();
    let quoted::State::Said(said) = back.state() else {
        panic!("saved in `Said`")
    };
    assert_eq!(said.line, "to be");
}
