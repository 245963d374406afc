//! The machines every diagram test draws: the test fixtures and every example machine, each
//! with the source file it is declared in, so the CLI can read the very same declaration.
#![allow(dead_code)]

// Each fixture file holds a module named like the file, as the examples do.
#[allow(clippy::module_inception)]
#[path = "../fixtures/call.rs"]
mod call;
#[path = "../fixtures/gate.rs"]
mod gate;
#[allow(clippy::module_inception)]
#[path = "../fixtures/mqtt.rs"]
mod mqtt;
#[allow(clippy::module_inception)]
#[path = "../fixtures/order.rs"]
mod order;
#[allow(clippy::module_inception)]
#[path = "../fixtures/ticket.rs"]
mod ticket;
#[allow(clippy::module_inception)]
#[path = "../fixtures/tls_flat.rs"]
mod tls_flat;

use automat::{
    Description, GroupInfo, InputInfo, StateInfo, Target, TransitionInfo, TransitionKind,
};
use automat_viz::{Direction, Format, Graph, Options};
use std::path::{Path, PathBuf};

/// A machine, compiled and as source.
pub struct Machine {
    /// The machine's name (its module's name).
    pub name: &'static str,
    /// The macro's `DESCRIPTION`.
    pub description: &'static Description,
    /// The file that declares it.
    pub file: PathBuf,
}

/// This crate's folder.
pub fn crate_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The folder of the example machines.
pub fn examples_dir() -> PathBuf {
    crate_dir().join("../examples/src/machines")
}

/// The folder of the test fixtures.
pub fn fixtures_dir() -> PathBuf {
    crate_dir().join("tests/fixtures")
}

/// Every machine: fixtures first, then the examples, each group by name.
pub fn machines() -> Vec<Machine> {
    let fixture = |name, description, file: &str| Machine {
        name,
        description,
        file: fixtures_dir().join(file),
    };
    let example = |name, description| Machine {
        name,
        description,
        file: examples_dir().join(format!("{name}.rs")),
    };
    vec![
        fixture("call", &call::call::DESCRIPTION, "call.rs"),
        fixture("gate", &gate::outer::gate::DESCRIPTION, "gate.rs"),
        fixture("mqtt", &mqtt::mqtt::DESCRIPTION, "mqtt.rs"),
        fixture("order", &order::order::DESCRIPTION, "order.rs"),
        fixture("ticket", &ticket::ticket::DESCRIPTION, "ticket.rs"),
        fixture("tls_flat", &tls_flat::tls_flat::DESCRIPTION, "tls_flat.rs"),
        example("door_lock", &automat_examples::door_lock::DESCRIPTION),
        example("garage_door", &automat_examples::garage_door::DESCRIPTION),
        example("kv", &automat_examples::kv::DESCRIPTION),
        example("lines", &automat_examples::lines::DESCRIPTION),
        example("tcp", &automat_examples::tcp::DESCRIPTION),
        example("tls", &automat_examples::tls::DESCRIPTION),
        example("turnstile", &automat_examples::turnstile::DESCRIPTION),
    ]
}

/// The machine named `name`.
pub fn machine(name: &str) -> Machine {
    machines()
        .into_iter()
        .find(|machine| machine.name == name)
        .expect("a machine of the test corpus")
}

/// Runs the CLI with `args` (program name excluded): (exit status, stdout, stderr).
#[cfg(feature = "cli")]
pub fn run(args: &[&str]) -> (u8, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = automat_viz::cli::run(
        std::iter::once("automat-viz").chain(args.iter().copied()),
        &mut out,
        &mut err,
    );
    (
        status,
        String::from_utf8(out).expect("stdout is UTF-8"),
        String::from_utf8(err).expect("stderr is UTF-8"),
    )
}

/// The option sets drawn besides the default one, each with a name.
pub fn variants() -> Vec<(&'static str, Options)> {
    vec![
        (
            "lr_docs",
            Options {
                direction: Direction::LeftToRight,
                docs: true,
                ..Options::default()
            },
        ),
        (
            "compact_no_outputs",
            Options {
                compact: true,
                outputs: false,
                ..Options::default()
            },
        ),
        (
            "fold",
            Options {
                fold: true,
                ..Options::default()
            },
        ),
    ]
}

/// A rendering the real-client tests hand to Graphviz, Mermaid or librsvg.
pub struct Diagram {
    /// Which machine, in which variant: `tcp.lr_docs`.
    pub name: String,
    /// The output.
    pub text: String,
}

/// Every output in `format` of the test corpus: every machine in the default options and
/// each variant, and the hand-made graphs whose names are keywords of some format.
pub fn corpus(format: Format) -> Vec<Diagram> {
    let mut graphs: Vec<(&str, Graph)> = machines()
        .iter()
        .map(|machine| (machine.name, Graph::from(machine.description)))
        .collect();
    graphs.push(("keywords", Graph::from(&KEYWORDS)));
    graphs.push(("grouped", Graph::from(&GROUPED)));
    let mut options = vec![("default", Options::default())];
    options.extend(variants());
    let mut diagrams = Vec::new();
    for (name, graph) in &graphs {
        for (variant, options) in &options {
            diagrams.push(Diagram {
                name: format!("{name}.{variant}"),
                text: format.render(graph, options),
            });
        }
    }
    diagrams
}

/// Declares a state named `$name` that `$input` leaves for `$next`.
macro_rules! chain {
    ($($name:literal -> $input:literal -> $next:literal),* $(,)?) => {
        &[$(TransitionInfo {
            source: $name,
            input: $input,
            kind: TransitionKind::Transition,
            targets: &[Target { state: $next, label: None }],
            doc: "",
            group: None,
            fallible: false,
        }),*]
    };
}

/// A state of [`KEYWORDS`].
const fn state(name: &'static str, initial: bool) -> StateInfo {
    StateInfo {
        name,
        doc: "",
        initial,
        unreachable: false,
        terminal: false,
        data: false,
    }
}

/// A hand-made machine whose states are named like Mermaid's keywords (in both cases), the
/// properties of every JavaScript object, and DOT's keywords, and a name outside ASCII:
/// names a Rust program can give its states (`#[allow(non_camel_case_types)]`).
pub static KEYWORDS: Description = Description {
    name: "keywords",
    doc: "",
    trait_name: "Keywords",
    states: &[
        state("note", true),
        state("state", false),
        state("class", false),
        state("classDef", false),
        state("style", false),
        state("click", false),
        state("default", false),
        state("scale", false),
        state("href", false),
        state("accTitle", false),
        state("accDescr", false),
        state("direction", false),
        state("end", false),
        state("Note", false),
        state("State", false),
        state("constructor", false),
        state("__proto__", false),
        state("toString", false),
        state("root", false),
        state("digraph", false),
        state("node", false),
        state("edge", false),
        state("subgraph", false),
        state("\u{c9}tat", false),
        state("s_note", false),
    ],
    inputs: &[],
    transitions: chain![
        "note" -> "note" -> "state",
        "state" -> "end" -> "class",
        "class" -> "class" -> "classDef",
        "classDef" -> "style" -> "style",
        "style" -> "click" -> "click",
        "click" -> "default" -> "default",
        "default" -> "scale" -> "scale",
        "scale" -> "href" -> "href",
        "href" -> "accTitle" -> "accTitle",
        "accTitle" -> "accDescr" -> "accDescr",
        "accDescr" -> "direction" -> "direction",
        "direction" -> "state" -> "end",
        "end" -> "Note" -> "Note",
        "Note" -> "State" -> "State",
        "State" -> "constructor" -> "constructor",
        "constructor" -> "toString" -> "__proto__",
        "__proto__" -> "toString" -> "toString",
        "toString" -> "root" -> "root",
        "root" -> "digraph" -> "digraph",
        "digraph" -> "node" -> "node",
        "node" -> "edge" -> "edge",
        "edge" -> "subgraph" -> "subgraph",
        "subgraph" -> "go" -> "\u{c9}tat",
        "\u{c9}tat" -> "go" -> "s_note",
        "s_note" -> "note" -> "note",
    ],
    groups: &[],
};

/// A handler of [`GROUPED`].
const fn handler(
    source: &'static str,
    input: &'static str,
    kind: TransitionKind,
    targets: &'static [Target],
    group: Option<&'static str>,
    fallible: bool,
) -> TransitionInfo {
    TransitionInfo {
        source,
        input,
        kind,
        targets,
        doc: "",
        group,
        fallible,
    }
}

/// A target of [`GROUPED`].
const fn to(state: &'static str) -> Target {
    Target { state, label: None }
}

/// A state of [`GROUPED`] that carries data.
const fn with_data(name: &'static str) -> StateInfo {
    StateInfo {
        data: true,
        ..state(name, false)
    }
}

/// An input of [`GROUPED`] that may fail with `Alert`.
const fn fallible_input(name: &'static str, output: Option<&'static str>) -> InputInfo {
    InputInfo {
        name,
        doc: "",
        params: &[],
        output,
        error: Some("Alert"),
    }
}

/// A hand-made TLS-like handshake until the macro parses `#[group]`: a group whose handlers
/// leave it (`alert`, one edge from the cluster), come back into it (`restart`, one edge per
/// member) and loop (`tick`); a second group that shares a member with the first (drawn from
/// each member); states that carry data; fallible edges.
pub static GROUPED: Description = Description {
    name: "grouped",
    doc: "",
    trait_name: "Client",
    states: &[
        state("Start", true),
        with_data("WaitSh"),
        state("WaitEe", false),
        with_data("WaitFinished"),
        with_data("Connected"),
        state("Closed", false),
    ],
    inputs: &[
        fallible_input("finished", None),
        fallible_input("data", Some("usize")),
    ],
    transitions: &[
        handler(
            "Start",
            "connect",
            TransitionKind::Transition,
            &[to("WaitSh")],
            None,
            false,
        ),
        handler(
            "Start",
            "alert",
            TransitionKind::Transition,
            &[to("Closed")],
            Some("Handshake"),
            false,
        ),
        handler(
            "Start",
            "tick",
            TransitionKind::Loop,
            &[to("Start")],
            Some("Handshake"),
            false,
        ),
        handler(
            "WaitSh",
            "server_hello",
            TransitionKind::Transition,
            &[to("WaitEe")],
            None,
            false,
        ),
        handler(
            "WaitSh",
            "alert",
            TransitionKind::Transition,
            &[to("Closed")],
            Some("Handshake"),
            false,
        ),
        handler(
            "WaitSh",
            "restart",
            TransitionKind::Transition,
            &[to("Start")],
            Some("Handshake"),
            false,
        ),
        handler(
            "WaitSh",
            "tick",
            TransitionKind::Loop,
            &[to("WaitSh")],
            Some("Handshake"),
            false,
        ),
        handler(
            "WaitEe",
            "extensions",
            TransitionKind::Transition,
            &[to("WaitFinished")],
            None,
            false,
        ),
        handler(
            "WaitEe",
            "alert",
            TransitionKind::Transition,
            &[to("Closed")],
            Some("Handshake"),
            false,
        ),
        handler(
            "WaitEe",
            "restart",
            TransitionKind::Transition,
            &[to("Start")],
            Some("Handshake"),
            false,
        ),
        handler(
            "WaitEe",
            "tick",
            TransitionKind::Loop,
            &[to("WaitEe")],
            Some("Handshake"),
            false,
        ),
        handler(
            "WaitFinished",
            "finished",
            TransitionKind::Transition,
            &[to("Connected")],
            None,
            true,
        ),
        handler(
            "WaitFinished",
            "alert",
            TransitionKind::Transition,
            &[to("Closed")],
            Some("Handshake"),
            false,
        ),
        handler(
            "WaitFinished",
            "restart",
            TransitionKind::Transition,
            &[to("Start")],
            Some("Handshake"),
            false,
        ),
        handler(
            "WaitFinished",
            "tick",
            TransitionKind::Loop,
            &[to("WaitFinished")],
            Some("Handshake"),
            false,
        ),
        handler(
            "WaitFinished",
            "close",
            TransitionKind::Transition,
            &[to("Closed")],
            Some("Open"),
            false,
        ),
        handler(
            "Connected",
            "data",
            TransitionKind::Loop,
            &[to("Connected")],
            None,
            true,
        ),
        handler(
            "Connected",
            "close",
            TransitionKind::Transition,
            &[to("Closed")],
            Some("Open"),
            false,
        ),
    ],
    groups: &[
        GroupInfo {
            name: "Handshake",
            doc: "Until the keys are agreed.",
            members: &["Start", "WaitSh", "WaitEe", "WaitFinished"],
        },
        GroupInfo {
            name: "Open",
            doc: "Where `close` is heard.",
            members: &["WaitFinished", "Connected"],
        },
    ],
};
