//! Property tests: `Dynamic` next to a small reference model, driven by random input sequences.
//!
//! Each model is written from the rules in its machine's module documentation (`src/lib.rs`),
//! with plain enums and a `match`, not from the handlers. After every step the machine and the
//! model must agree on: accepted or refused, the output, the state's name and data, the core,
//! and `accepts()`; a refused input must leave the machine exactly as it was.
//!
//! The parking meter is declared three ways (`src/meter.rs`), and its three `Dynamic`s, one
//! with async handlers, are compared with one model.

use automat::NoTransition;

/// Sends `input` either through `handle` or through its own method, as `by_method` says, so
/// both paths are compared with the model.
macro_rules! send {
    (
        $machine:expr, $input:expr, $by_method:expr, $Input:ident, $Output:ident,
        { $($Variant:ident $({ $($field:ident),* })? => $method:ident),* $(,)? }
    ) => {{
        let input = $input;
        if $by_method {
            match input {
                $(
                    $Input::$Variant $({ $($field),* })? => {
                        $machine.$method($($($field),*)?).map($Output::$Variant)
                    }
                )*
            }
        } else {
            $machine.handle(input)
        }
    }};
}

mod vending_model {
    use super::NoTransition;
    use automat_tests::vending::{
        Broken, Choice, Dynamic, Idle, Input, Output, PIN, Paying, Service, State, Stock,
    };
    use proptest::prelude::*;

    /// The reference: where the machine is.
    #[derive(Clone, Debug, PartialEq)]
    enum Where {
        Idle,
        Paying { credit: u32 },
        Service { pin: u16, changes: u32 },
        Broken { error: u16 },
    }

    /// The reference: the shared counters.
    #[derive(Clone, Debug, PartialEq)]
    struct Counters {
        items: [u8; 4],
        cash: u32,
        sold: u32,
    }

    const PRICE: u32 = 50;

    impl Where {
        fn name(&self) -> &'static str {
            match self {
                Where::Idle => "Idle",
                Where::Paying { .. } => "Paying",
                Where::Service { .. } => "Service",
                Where::Broken { .. } => "Broken",
            }
        }

        /// The inputs accepted here, in the trait's order.
        fn accepts(&self) -> &'static [&'static str] {
            match self {
                Where::Idle => &["insert", "service"],
                Where::Paying { .. } => &["insert", "choose", "cancel"],
                Where::Service { .. } => &["restock", "audit", "leave"],
                Where::Broken { .. } => &["repair"],
            }
        }

        /// One step of the rules; `None` when the input is not accepted here.
        fn step(&mut self, counters: &mut Counters, input: &Input) -> Option<Output> {
            let (next, output) = match (self.clone(), input) {
                (Where::Idle, &Input::Insert { cents }) => {
                    (Where::Paying { credit: cents }, Output::Insert(cents))
                }
                (Where::Idle, &Input::Service { pin }) if pin == PIN => {
                    (Where::Service { pin, changes: 0 }, Output::Service(()))
                }
                (Where::Idle, Input::Service { .. }) => (Where::Idle, Output::Service(())),
                (Where::Paying { credit }, &Input::Insert { cents }) => {
                    let credit = credit.saturating_add(cents);
                    (Where::Paying { credit }, Output::Insert(credit))
                }
                (Where::Paying { credit }, &Input::Choose { slot, count }) => {
                    let stay = Where::Paying { credit };
                    let price = u32::from(count) * PRICE;
                    if slot >= 4 {
                        (stay, Output::Choose(Choice::NoSuchSlot))
                    } else if counters.items[usize::from(slot)] < count {
                        (stay, Output::Choose(Choice::SoldOut))
                    } else if credit < price {
                        let missing = price - credit;
                        (stay, Output::Choose(Choice::NotEnough { missing }))
                    } else {
                        counters.items[usize::from(slot)] -= count;
                        counters.cash += price;
                        counters.sold += u32::from(count);
                        let change = credit - price;
                        (Where::Idle, Output::Choose(Choice::Dispensed { change }))
                    }
                }
                (Where::Paying { credit }, Input::Cancel) => (Where::Idle, Output::Cancel(credit)),
                (Where::Service { pin, changes }, &Input::Restock { slot, count }) => {
                    let mut changes = changes;
                    if slot < 4 {
                        let items = &mut counters.items[usize::from(slot)];
                        *items = u8::try_from(u16::from(*items) + u16::from(count)).unwrap_or(255);
                        changes += 1;
                    }
                    (Where::Service { pin, changes }, Output::Restock(()))
                }
                (here @ Where::Service { .. }, Input::Audit) => {
                    (here, Output::Audit((counters.cash, counters.sold)))
                }
                (Where::Service { .. }, Input::Leave) => (Where::Idle, Output::Leave(())),
                (Where::Broken { .. }, Input::Repair { .. }) => (Where::Idle, Output::Repair(())),
                _ => return None,
            };
            *self = next;
            Some(output)
        }

        /// The machine's `State` that this reference state stands for.
        fn to_state(&self) -> State {
            match *self {
                Where::Idle => State::Idle(Idle),
                Where::Paying { credit } => State::Paying(Paying(credit)),
                Where::Service { pin, changes } => State::Service(Service { pin, changes }),
                Where::Broken { error } => State::Broken(Broken { error }),
            }
        }
    }

    impl Counters {
        fn to_stock(&self) -> Stock {
            Stock {
                items: self.items,
                cash: self.cash,
                sold: self.sold,
            }
        }
    }

    fn start() -> impl Strategy<Value = Where> {
        prop_oneof![
            4 => Just(Where::Idle),
            1 => (0..500_u32).prop_map(|credit| Where::Paying { credit }),
            1 => (any::<u16>(), 0..5_u32)
                .prop_map(|(pin, changes)| Where::Service { pin, changes }),
            1 => any::<u16>().prop_map(|error| Where::Broken { error }),
        ]
    }

    fn counters() -> impl Strategy<Value = Counters> {
        (any::<[u8; 4]>(), 0..100_000_u32, 0..1_000_u32).prop_map(|(items, cash, sold)| Counters {
            items,
            cash,
            sold,
        })
    }

    fn input() -> impl Strategy<Value = Input> {
        let cents = prop_oneof![8 => 0..120_u32, 1 => any::<u32>()];
        let slot = 0..6_u8;
        let count = prop_oneof![8 => 0..4_u8, 1 => any::<u8>()];
        let pin = prop_oneof![Just(PIN), any::<u16>()];
        prop_oneof![
            3 => cents.prop_map(|cents| Input::Insert { cents }),
            3 => (slot.clone(), count.clone())
                .prop_map(|(slot, count)| Input::Choose { slot, count }),
            1 => Just(Input::Cancel),
            2 => pin.prop_map(|pin| Input::Service { pin }),
            2 => (slot, count).prop_map(|(slot, count)| Input::Restock { slot, count }),
            1 => Just(Input::Audit),
            1 => Just(Input::Leave),
            1 => any::<u16>().prop_map(|technician| Input::Repair { technician }),
        ]
    }

    proptest! {
        #[test]
        fn dynamic_matches_the_model(
            start in start(),
            counters in counters(),
            steps in proptest::collection::vec((input(), any::<bool>()), 1..200),
        ) {
            let (mut model, mut counters) = (start, counters);
            let mut machine = Dynamic::restore(counters.to_stock(), model.to_state());
            if model == Where::Idle {
                // The initial state also through `new`: the same machine.
                prop_assert_eq!(&Dynamic::new(counters.to_stock(), Idle), &machine);
            }
            for (input, by_method) in steps {
                let before = machine.clone();
                let name = input.name();
                let expected = model.step(&mut counters, &input);
                let got = send!(machine, input, by_method, Input, Output, {
                    Insert { cents } => insert,
                    Choose { slot, count } => choose,
                    Cancel => cancel,
                    Service { pin } => service,
                    Restock { slot, count } => restock,
                    Audit => audit,
                    Leave => leave,
                    Repair { technician } => repair,
                });
                if let Some(output) = expected {
                    prop_assert_eq!(got, Ok(output));
                } else {
                    prop_assert_eq!(got, Err(NoTransition::new(model.name(), name)));
                    prop_assert_eq!(&machine, &before, "a refused input changed the machine");
                }
                prop_assert_eq!(machine.state_name(), model.name());
                prop_assert_eq!(machine.state(), &model.to_state());
                prop_assert_eq!(machine.core(), &counters.to_stock());
                prop_assert_eq!(machine.accepts(), model.accepts());
                prop_assert!(!machine.is_poisoned());
            }
        }
    }
}

mod door_model {
    use super::NoTransition;
    use automat_tests::door::{Closed, Dynamic, Input, Jammed, Locked, Open, Output, State};
    use proptest::prelude::*;

    /// The reference: where the door is, and what it remembers.
    #[derive(Clone, Debug, PartialEq)]
    enum Door {
        Locked { code: u16, failures: u8 },
        Closed { code: u16 },
        Open { code: u16 },
        Jammed { knocks: u32 },
    }

    impl Door {
        fn name(&self) -> &'static str {
            match self {
                Door::Locked { .. } => "Locked",
                Door::Closed { .. } => "Closed",
                Door::Open { .. } => "Open",
                Door::Jammed { .. } => "Jammed",
            }
        }

        fn accepts(&self) -> &'static [&'static str] {
            match self {
                Door::Locked { .. } => &["enter", "force_open"],
                Door::Closed { .. } => &["open", "lock"],
                Door::Open { .. } => &["close"],
                Door::Jammed { .. } => &["knock"],
            }
        }

        /// A failed attempt: the third jams the door.
        fn failed(code: u16, failures: u8) -> Door {
            if failures + 1 == 3 {
                Door::Jammed { knocks: 0 }
            } else {
                Door::Locked {
                    code,
                    failures: failures + 1,
                }
            }
        }

        fn step(&mut self, input: &Input) -> Option<Output> {
            let (next, output) = match (self.clone(), input) {
                (Door::Locked { code, failures }, &Input::Enter { code: typed }) => {
                    if typed == code {
                        let greeting = format!("welcome after {failures} failed attempts");
                        (Door::Closed { code }, Output::Enter(Some(greeting)))
                    } else {
                        (Door::failed(code, failures), Output::Enter(None))
                    }
                }
                (Door::Locked { code, failures }, Input::ForceOpen) => {
                    (Door::failed(code, failures), Output::ForceOpen(()))
                }
                (Door::Closed { code }, Input::Open) => (Door::Open { code }, Output::Open(())),
                (Door::Closed { .. }, &Input::Lock { code }) => {
                    (Door::Locked { code, failures: 0 }, Output::Lock(()))
                }
                (Door::Open { code }, Input::Close) => (Door::Closed { code }, Output::Close(())),
                (Door::Jammed { knocks }, Input::Knock) => (
                    Door::Jammed { knocks: knocks + 1 },
                    Output::Knock(knocks + 1),
                ),
                _ => return None,
            };
            *self = next;
            Some(output)
        }

        fn to_state(&self) -> State {
            match *self {
                Door::Locked { code, failures } => State::Locked(Locked {
                    code,
                    attempts: failures,
                }),
                Door::Closed { code } => State::Closed(Closed(code)),
                Door::Open { code } => State::Open(Open { code }),
                Door::Jammed { knocks } => State::Jammed(Jammed(knocks)),
            }
        }
    }

    /// Codes from a small set, so that right codes are common.
    fn code() -> impl Strategy<Value = u16> {
        0..4_u16
    }

    fn start() -> impl Strategy<Value = Door> {
        prop_oneof![
            4 => (code(), 0..3_u8).prop_map(|(code, failures)| Door::Locked { code, failures }),
            1 => code().prop_map(|code| Door::Closed { code }),
            1 => code().prop_map(|code| Door::Open { code }),
            1 => (0..1_000_u32).prop_map(|knocks| Door::Jammed { knocks }),
        ]
    }

    fn input() -> impl Strategy<Value = Input> {
        prop_oneof![
            4 => code().prop_map(|code| Input::Enter { code }),
            1 => Just(Input::ForceOpen),
            2 => Just(Input::Open),
            2 => Just(Input::Close),
            2 => code().prop_map(|code| Input::Lock { code }),
            1 => Just(Input::Knock),
        ]
    }

    proptest! {
        #[test]
        fn dynamic_matches_the_model(
            start in start(),
            steps in proptest::collection::vec((input(), any::<bool>()), 1..200),
        ) {
            let mut model = start;
            let mut machine = match model.to_state() {
                State::Locked(locked) => Dynamic::new(locked),
                state => Dynamic::restore(state),
            };
            for (input, by_method) in steps {
                let before = machine.clone();
                let name = input.name();
                let expected = model.step(&input);
                let got = send!(machine, input, by_method, Input, Output, {
                    Enter { code } => enter,
                    ForceOpen => force_open,
                    Open => open,
                    Close => close,
                    Lock { code } => lock,
                    Knock => knock,
                });
                if let Some(output) = expected {
                    prop_assert_eq!(got, Ok(output));
                } else {
                    prop_assert_eq!(got, Err(NoTransition::new(model.name(), name)));
                    prop_assert_eq!(&machine, &before, "a refused input changed the machine");
                }
                prop_assert_eq!(machine.state_name(), model.name());
                prop_assert_eq!(machine.state(), &model.to_state());
                prop_assert_eq!(machine.accepts(), model.accepts());
            }
        }
    }
}

mod link_model {
    use super::NoTransition;
    use automat_tests::link::{Core, Dynamic, Held, Idle, Input, Output, State, Window};
    use proptest::prelude::*;

    /// The generic machine at `N = 2`, with a `Vec<u8>` for its sink.
    const N: usize = 2;
    type Link<'buf> = Dynamic<'buf, Vec<u8>, N>;

    /// The reference: where the link is. A held frame is an index into the frames that
    /// outlive the machine.
    #[derive(Clone, Debug, PartialEq)]
    enum Where {
        Idle,
        Held { frame: usize },
        Window { seen: [u8; N] },
    }

    /// One input, with owned data; the test lends it to the machine.
    #[derive(Clone, Debug)]
    enum Step {
        Data(Vec<u8>),
        Hold(usize),
        Flush,
        Swap(Vec<u8>),
    }

    /// The first `N` bytes, zero-padded.
    fn window(bytes: &[u8]) -> [u8; N] {
        let mut seen = [0; N];
        for (slot, byte) in seen.iter_mut().zip(bytes) {
            *slot = *byte;
        }
        seen
    }

    impl Where {
        fn name(&self) -> &'static str {
            match self {
                Where::Idle => "Idle",
                Where::Held { .. } => "Held",
                Where::Window { .. } => "Window",
            }
        }

        fn accepts(&self) -> &'static [&'static str] {
            match self {
                Where::Idle => &["data", "hold"],
                Where::Held { .. } => &["data", "flush", "swap"],
                Where::Window { .. } => &["data", "flush"],
            }
        }

        /// The rules of `link`, from its documentation.
        fn step(
            &mut self,
            core: &mut Core<Vec<u8>>,
            frames: &[Vec<u8>],
            step: &Step,
        ) -> Option<Output<Vec<u8>>> {
            let put = |core: &mut Core<Vec<u8>>, bytes: &[u8]| {
                core.sink.extend_from_slice(bytes);
                core.frames += 1;
            };
            let (next, output) = match (self.clone(), step) {
                (Where::Idle | Where::Window { .. }, Step::Data(bytes)) => {
                    put(core, bytes);
                    (
                        Where::Window {
                            seen: window(bytes),
                        },
                        Output::Data(bytes.len()),
                    )
                }
                (Where::Idle, &Step::Hold(frame)) => (Where::Held { frame }, Output::Hold(())),
                (Where::Window { .. }, Step::Flush) => (Where::Idle, Output::Flush(core.frames)),
                (Where::Held { frame }, Step::Data(bytes)) => {
                    put(core, &frames[frame]);
                    if bytes.is_empty() {
                        (Where::Idle, Output::Data(0))
                    } else {
                        put(core, bytes);
                        (
                            Where::Window {
                                seen: window(bytes),
                            },
                            Output::Data(bytes.len()),
                        )
                    }
                }
                (Where::Held { frame }, Step::Flush) => {
                    put(core, &frames[frame]);
                    (Where::Idle, Output::Flush(core.frames))
                }
                (Where::Held { frame }, Step::Swap(sink)) => {
                    let old = std::mem::replace(&mut core.sink, sink.clone());
                    (Where::Held { frame }, Output::Swap(old))
                }
                _ => return None,
            };
            *self = next;
            Some(output)
        }

        fn to_state<'buf>(&self, frames: &'buf [Vec<u8>]) -> State<'buf, N> {
            match *self {
                Where::Idle => State::Idle(Idle),
                Where::Held { frame } => State::Held(Held {
                    frame: &frames[frame],
                }),
                Where::Window { seen } => State::Window(Window { seen }),
            }
        }
    }

    fn bytes() -> impl Strategy<Value = Vec<u8>> {
        proptest::collection::vec(any::<u8>(), 0..4)
    }

    fn step(frames: usize) -> impl Strategy<Value = Step> {
        prop_oneof![
            4 => bytes().prop_map(Step::Data),
            2 => (0..frames).prop_map(Step::Hold),
            2 => Just(Step::Flush),
            1 => bytes().prop_map(Step::Swap),
        ]
    }

    fn input<'input, 'buf>(
        step: &'input Step,
        frames: &'buf [Vec<u8>],
    ) -> Input<'input, 'buf, Vec<u8>> {
        match step {
            Step::Data(bytes) => Input::Data { bytes },
            &Step::Hold(frame) => Input::Hold {
                frame: &frames[frame],
            },
            Step::Flush => Input::Flush,
            Step::Swap(sink) => Input::Swap { sink: sink.clone() },
        }
    }

    proptest! {
        #[test]
        fn the_generic_machine_matches_the_model(
            frames in proptest::collection::vec(bytes(), 1..4),
            steps in proptest::collection::vec((step(3), any::<bool>()), 1..200),
        ) {
            let (mut model, mut counters) = (Where::Idle, Core { sink: Vec::new(), frames: 0 });
            let mut machine: Link<'_> = Dynamic::new(Core { sink: Vec::new(), frames: 0 }, Idle);
            for (step, by_method) in steps {
                let step = match step {
                    Step::Hold(frame) => Step::Hold(frame % frames.len()),
                    step => step,
                };
                let input = input(&step, &frames);
                let name = input.name();
                let expected = model.step(&mut counters, &frames, &step);
                let got = send!(machine, input, by_method, Input, Output, {
                    Data { bytes } => data,
                    Hold { frame } => hold,
                    Flush => flush,
                    Swap { sink } => swap,
                });
                if let Some(output) = expected {
                    prop_assert_eq!(got, Ok(output));
                } else {
                    prop_assert_eq!(got, Err(NoTransition::new(model.name(), name)));
                }
                prop_assert_eq!(machine.state_name(), model.name());
                prop_assert_eq!(machine.state(), &model.to_state(&frames));
                prop_assert_eq!(machine.core(), &counters);
                prop_assert_eq!(machine.accepts(), model.accepts());
            }
        }
    }
}

/// The session: a group (`alert`, `ping` and `route` in `Start` and `Wait`) and fallible inputs
/// (`finished`, `route`, `record`), with the inputs that panic left out.
mod session_model {
    use super::NoTransition;
    use automat::Error;
    use automat_tests::session::{
        BadMac, Closed, Counters, Dynamic, GOOD_MAC, Input, Open, Output, Refused, Start, State,
        Wait, Zero,
    };
    use proptest::prelude::*;

    /// The reference: the state and the core's counters.
    #[derive(Clone, Debug, PartialEq)]
    enum Session {
        Start,
        Wait { attempts: u32 },
        Open { records: u32 },
        Closed(u8),
    }

    #[derive(Clone, Debug, PartialEq)]
    struct Model {
        session: Session,
        alerts: u32,
        pings: u32,
    }

    impl Model {
        fn name(&self) -> &'static str {
            match self.session {
                Session::Start => "Start",
                Session::Wait { .. } => "Wait",
                Session::Open { .. } => "Open",
                Session::Closed(_) => "Closed",
            }
        }

        fn accepts(&self) -> &'static [&'static str] {
            match self.session {
                Session::Start => &["hello", "alert", "ping", "shuffle", "route"],
                Session::Wait { .. } => &["finished", "alert", "ping", "shuffle", "route"],
                Session::Open { .. } => &["record", "close"],
                Session::Closed(_) => &[],
            }
        }

        /// The output of `input`, or `None` when it is refused.
        fn step(&mut self, input: &Input) -> Option<Output> {
            let handshake = matches!(self.session, Session::Start | Session::Wait { .. });
            let (next, output) = match (self.session.clone(), input) {
                (Session::Start, Input::Hello) => {
                    (Session::Wait { attempts: 0 }, Output::Hello(()))
                }
                (Session::Wait { attempts }, &Input::Finished { mac }) => {
                    if mac == GOOD_MAC {
                        (Session::Open { records: 0 }, Output::Finished(Ok(attempts)))
                    } else {
                        (
                            Session::Wait {
                                attempts: attempts + 1,
                            },
                            Output::Finished(Err(BadMac(mac))),
                        )
                    }
                }
                (_, &Input::Alert { code }) if handshake => {
                    self.alerts += 1;
                    (Session::Closed(code), Output::Alert(()))
                }
                (session, Input::Ping { .. }) if handshake => {
                    self.pings += 1;
                    (session, Output::Ping(self.pings))
                }
                (Session::Start, Input::Shuffle) => (Session::Start, Output::Shuffle(())),
                (Session::Start, Input::Route { .. }) => {
                    (Session::Start, Output::Route(Err(Refused)))
                }
                (Session::Wait { attempts }, &Input::Route { open }) => (
                    if open {
                        Session::Open { records: attempts }
                    } else {
                        Session::Closed(0)
                    },
                    Output::Route(Ok(())),
                ),
                (Session::Open { records }, &Input::Record { value }) => {
                    if value == 0 {
                        (Session::Open { records }, Output::Record(Err(Zero)))
                    } else {
                        (
                            Session::Open {
                                records: records + 1,
                            },
                            Output::Record(Ok(())),
                        )
                    }
                }
                (Session::Open { .. }, Input::Close) => (Session::Closed(0), Output::Close(())),
                _ => return None,
            };
            self.session = next;
            Some(output)
        }

        fn to_state(&self) -> State {
            match self.session {
                Session::Start => State::Start(Start),
                Session::Wait { attempts } => State::Wait(Wait { attempts }),
                Session::Open { records } => State::Open(Open { records }),
                Session::Closed(code) => State::Closed(Closed(code)),
            }
        }
    }

    /// A fallible method's result as `handle` reports it: a failure is the input's output.
    fn as_handled<T, E>(
        result: Result<T, Error<E>>,
        output: impl FnOnce(Result<T, E>) -> Output,
    ) -> Result<Output, NoTransition> {
        match result {
            Ok(value) => Ok(output(Ok(value))),
            Err(Error::Failed(error)) => Ok(output(Err(error))),
            Err(Error::Refused(refusal)) => Err(refusal),
        }
    }

    fn send(machine: &mut Dynamic, input: Input, by_method: bool) -> Result<Output, NoTransition> {
        if !by_method {
            return machine.handle(input);
        }
        match input {
            Input::Hello => machine.hello().map(Output::Hello),
            Input::Finished { mac } => as_handled(machine.finished(mac), Output::Finished),
            Input::Alert { code } => machine.alert(code).map(Output::Alert),
            Input::Ping { explode } => machine.ping(explode).map(Output::Ping),
            Input::Shuffle => machine.shuffle().map(Output::Shuffle),
            Input::Route { open } => as_handled(machine.route(open), Output::Route),
            Input::Record { value } => as_handled(machine.record(value), Output::Record),
            Input::Close => machine.close().map(Output::Close),
        }
    }

    fn start() -> impl Strategy<Value = Session> {
        prop_oneof![
            2 => Just(Session::Start),
            2 => (0..5_u32).prop_map(|attempts| Session::Wait { attempts }),
            1 => (0..5_u32).prop_map(|records| Session::Open { records }),
            1 => (0..5_u8).prop_map(Session::Closed),
        ]
    }

    /// Every input but the ones that panic: `finished(0)`, `alert(255)`, `ping(true)`,
    /// `record(13)`, and `shuffle`, which panics in `Wait`.
    fn input() -> impl Strategy<Value = Input> {
        prop_oneof![
            2 => Just(Input::Hello),
            3 => prop_oneof![Just(1_u32), Just(2), Just(GOOD_MAC)].prop_map(|mac| Input::Finished { mac }),
            1 => (0..5_u8).prop_map(|code| Input::Alert { code }),
            2 => Just(Input::Ping { explode: false }),
            2 => any::<bool>().prop_map(|open| Input::Route { open }),
            3 => (0..3_u32).prop_map(|value| Input::Record { value }),
            1 => Just(Input::Close),
        ]
    }

    proptest! {
        #[test]
        fn dynamic_matches_the_model(
            start in start(),
            steps in proptest::collection::vec((input(), any::<bool>()), 1..200),
        ) {
            let mut model = Model { session: start, alerts: 0, pings: 0 };
            let mut machine = Dynamic::restore(Counters::default(), model.to_state());
            for (input, by_method) in steps {
                let before = machine.clone();
                let name = input.name();
                let expected = model.step(&input);
                let got = send(&mut machine, input, by_method);
                if let Some(output) = expected {
                    prop_assert_eq!(got, Ok(output));
                } else {
                    prop_assert_eq!(got, Err(NoTransition::new(model.name(), name)));
                    prop_assert_eq!(&machine, &before, "a refused input changed the machine");
                }
                prop_assert!(!machine.is_poisoned(), "an `Err` never poisons");
                prop_assert_eq!(machine.state(), &model.to_state());
                prop_assert_eq!(machine.accepts(), model.accepts());
                prop_assert_eq!(
                    machine.core(),
                    &Counters { alerts: model.alerts, pings: model.pings }
                );
            }
        }
    }
}

/// The parking meter of `src/meter.rs`, declared three ways (synchronous with both APIs,
/// `dynamic` alone, async): the three `Dynamic`s take the same steps next to one model, each
/// sending every step through `handle` or its method at random.
mod meter_model {
    use super::NoTransition;
    use automat_tests::block_on;
    use automat_tests::meter::{PRICE, async_handlers, both_apis, dynamic_alone};
    use core::fmt::Debug;
    use proptest::prelude::*;
    use proptest::test_runner::TestCaseError;

    /// The reference: where the meter is.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    enum Where {
        Idle,
        Paying { credit: u32 },
        Closed { reason: u8 },
    }

    /// The reference: where the meter is, and its counters.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    struct Model {
        at: Where,
        coins: u32,
        tickets: u32,
    }

    /// One input.
    #[derive(Clone, Copy, Debug)]
    enum Step {
        Coin(u32),
        Print,
        Refund,
        Close(u8),
        Open,
    }

    /// An output, whichever declaration gave it.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    enum Out {
        Coin(u32),
        Print(Option<u32>),
        Refund(u32),
        Close,
        Open,
    }

    /// All a test can see of a machine between steps.
    #[derive(Debug, PartialEq, Eq)]
    struct Seen {
        name: &'static str,
        model: Model,
        accepts: &'static [&'static str],
        poisoned: bool,
    }

    impl Step {
        fn name(self) -> &'static str {
            match self {
                Step::Coin(_) => "coin",
                Step::Print => "print",
                Step::Refund => "refund",
                Step::Close(_) => "close",
                Step::Open => "open",
            }
        }
    }

    impl Model {
        fn name(&self) -> &'static str {
            match self.at {
                Where::Idle => "Idle",
                Where::Paying { .. } => "Paying",
                Where::Closed { .. } => "Closed",
            }
        }

        /// What a machine in this model's place shows.
        fn seen(&self) -> Seen {
            let accepts: &[&str] = match self.at {
                Where::Idle => &["coin", "close"],
                Where::Paying { .. } => &["coin", "print", "refund"],
                Where::Closed { .. } => &["open"],
            };
            Seen {
                name: self.name(),
                model: *self,
                accepts,
                poisoned: false,
            }
        }

        /// The rules of the meter, from its documentation; `None` when `step` is refused.
        fn step(&mut self, step: Step) -> Option<Out> {
            let (next, output) = match (self.at, step) {
                (Where::Idle, Step::Coin(cents)) => {
                    self.coins += 1;
                    (Where::Paying { credit: cents }, Out::Coin(cents))
                }
                (Where::Idle, Step::Close(reason)) => (Where::Closed { reason }, Out::Close),
                (Where::Paying { credit }, Step::Coin(cents)) => {
                    self.coins += 1;
                    let credit = credit.saturating_add(cents);
                    (Where::Paying { credit }, Out::Coin(credit))
                }
                (Where::Paying { credit }, Step::Print) if credit >= PRICE => {
                    self.tickets += 1;
                    (Where::Idle, Out::Print(Some(credit - PRICE)))
                }
                (Where::Paying { credit }, Step::Print) => {
                    (Where::Paying { credit }, Out::Print(None))
                }
                (Where::Paying { credit }, Step::Refund) => (Where::Idle, Out::Refund(credit)),
                (Where::Closed { .. }, Step::Open) => (Where::Idle, Out::Open),
                _ => return None,
            };
            self.at = next;
            Some(output)
        }
    }

    /// One declaration's `Dynamic`, in the model's terms.
    trait Meter: Clone + PartialEq + Debug {
        /// How the machine was declared, for failure messages.
        const DECLARED: &'static str;

        /// A machine in the model's place: through `new` in `Idle`, `restore` elsewhere.
        fn start(model: &Model) -> Self;

        /// Sends `step` through its own method or through `handle`; the output.
        fn send(&mut self, step: Step, by_method: bool) -> Result<Out, NoTransition>;

        /// The state's name and data, the core, `accepts()` and `is_poisoned()`.
        fn seen(&self) -> Seen;
    }

    /// A synchronous call's result, as is.
    fn now<T>(result: T) -> T {
        result
    }

    /// An async call's result, polled to completion.
    fn polled<F: Future>(future: F) -> F::Output {
        block_on(future).0
    }

    /// Implements [`Meter`] for the `Dynamic` of `$module`, finishing each call with `$finish`
    /// ([`now`] or [`polled`]).
    macro_rules! meter {
        ($module:ident, $finish:ident) => {
            impl Meter for $module::Dynamic {
                const DECLARED: &'static str = stringify!($module);

                fn start(model: &Model) -> Self {
                    use $module::{Closed, Dynamic, Idle, Paying, State, Till};
                    let till = Till {
                        coins: model.coins,
                        tickets: model.tickets,
                    };
                    match model.at {
                        Where::Idle => Dynamic::new(till, Idle),
                        Where::Paying { credit } => {
                            Dynamic::restore(till, State::Paying(Paying(credit)))
                        }
                        Where::Closed { reason } => {
                            Dynamic::restore(till, State::Closed(Closed { reason }))
                        }
                    }
                }

                fn send(&mut self, step: Step, by_method: bool) -> Result<Out, NoTransition> {
                    use $module::{Input, Output};
                    let output = if by_method {
                        match step {
                            Step::Coin(cents) => $finish(self.coin(cents)).map(Output::Coin),
                            Step::Print => $finish(self.print()).map(Output::Print),
                            Step::Refund => $finish(self.refund()).map(Output::Refund),
                            Step::Close(reason) => $finish(self.close(reason)).map(Output::Close),
                            Step::Open => $finish(self.open()).map(Output::Open),
                        }
                    } else {
                        $finish(self.handle(match step {
                            Step::Coin(cents) => Input::Coin { cents },
                            Step::Print => Input::Print,
                            Step::Refund => Input::Refund,
                            Step::Close(reason) => Input::Close { reason },
                            Step::Open => Input::Open,
                        }))
                    };
                    Ok(match output? {
                        Output::Coin(credit) => Out::Coin(credit),
                        Output::Print(change) => Out::Print(change),
                        Output::Refund(credit) => Out::Refund(credit),
                        Output::Close(()) => Out::Close,
                        Output::Open(()) => Out::Open,
                    })
                }

                fn seen(&self) -> Seen {
                    use $module::{Closed, Paying, State};
                    let at = match *self.state() {
                        State::Idle(_) => Where::Idle,
                        State::Paying(Paying(credit)) => Where::Paying { credit },
                        State::Closed(Closed { reason }) => Where::Closed { reason },
                    };
                    let till = self.core();
                    Seen {
                        name: self.state_name(),
                        model: Model {
                            at,
                            coins: till.coins,
                            tickets: till.tickets,
                        },
                        accepts: self.accepts(),
                        poisoned: self.is_poisoned(),
                    }
                }
            }
        };
    }

    meter!(both_apis, now);
    meter!(dynamic_alone, now);
    meter!(async_handlers, polled);

    /// Sends `step` to `machine` and compares it with the model: `before` the step, and
    /// `expected` and `after` from it.
    fn check<M: Meter>(
        machine: &mut M,
        step: Step,
        by_method: bool,
        before: &Model,
        (expected, after): (Option<Out>, &Model),
    ) -> Result<(), TestCaseError> {
        let unchanged = machine.clone();
        let got = machine.send(step, by_method);
        if let Some(output) = expected {
            prop_assert_eq!(got, Ok(output), "{}", M::DECLARED);
        } else {
            let refused = NoTransition::new(before.name(), step.name());
            prop_assert_eq!(got, Err(refused), "{}", M::DECLARED);
            prop_assert_eq!(
                &*machine,
                &unchanged,
                "{}: a refused input changed the machine",
                M::DECLARED
            );
        }
        prop_assert_eq!(machine.seen(), after.seen(), "{}", M::DECLARED);
        Ok(())
    }

    fn start() -> impl Strategy<Value = Model> {
        let at = prop_oneof![
            2 => Just(Where::Idle),
            2 => (0..400_u32).prop_map(|credit| Where::Paying { credit }),
            1 => any::<u8>().prop_map(|reason| Where::Closed { reason }),
        ];
        (at, 0..100_u32, 0..100_u32).prop_map(|(at, coins, tickets)| Model { at, coins, tickets })
    }

    /// Coins of the usual values, and now and then one that saturates the credit.
    fn step() -> impl Strategy<Value = Step> {
        let cents = prop_oneof![
            8 => prop_oneof![Just(0_u32), Just(10), Just(50), Just(100), Just(200)],
            1 => Just(u32::MAX),
        ];
        prop_oneof![
            4 => cents.prop_map(Step::Coin),
            3 => Just(Step::Print),
            1 => Just(Step::Refund),
            1 => any::<u8>().prop_map(Step::Close),
            1 => Just(Step::Open),
        ]
    }

    proptest! {
        #[test]
        fn three_declarations_match_one_model(
            start in start(),
            steps in proptest::collection::vec((step(), any::<[bool; 3]>()), 1..200),
        ) {
            let mut model = start;
            let mut both = both_apis::Dynamic::start(&model);
            let mut dynamic = dynamic_alone::Dynamic::start(&model);
            let mut awaited = async_handlers::Dynamic::start(&model);
            for (step, [by_method_0, by_method_1, by_method_2]) in steps {
                let before = model;
                let expected = (model.step(step), &model);
                check(&mut both, step, by_method_0, &before, expected)?;
                check(&mut dynamic, step, by_method_1, &before, expected)?;
                check(&mut awaited, step, by_method_2, &before, expected)?;
            }
        }
    }
}
