//! The machines every diagram test draws: the test fixtures and every example machine, each
//! with the source file it is declared in, so the CLI can read the very same declaration.
#![allow(dead_code)]

// Each fixture file holds a module named like the file, as the examples do.
#[path = "../fixtures/gate.rs"]
mod gate;
#[allow(clippy::module_inception)]
#[path = "../fixtures/ticket.rs"]
mod ticket;

use automat::Description;
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
        fixture("gate", &gate::outer::gate::DESCRIPTION, "gate.rs"),
        fixture("ticket", &ticket::ticket::DESCRIPTION, "ticket.rs"),
        example("door_lock", &automat_examples::door_lock::DESCRIPTION),
        example("garage_door", &automat_examples::garage_door::DESCRIPTION),
        example("tcp", &automat_examples::tcp::DESCRIPTION),
        example("turnstile", &automat_examples::turnstile::DESCRIPTION),
    ]
}

/// Runs the CLI with `args` (program name excluded): (exit status, stdout, stderr).
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
