//! The expansion snapshots of `automat-codegen` (`automat-codegen/tests/snapshots/expand__*.snap`)
//! show the code rustc receives from the macro. Their test only checks that the code parses;
//! here each snapshot, as accepted, is compiled as a crate of its own against this workspace's
//! `automat`, so a snapshot that reads well but does not build fails.

use std::fs;
use std::path::{Path, PathBuf};

/// The Rust code of an insta snapshot: what follows its `---` header.
fn code(snapshot: &str) -> &str {
    let body = snapshot
        .strip_prefix("---\n")
        .expect("a snapshot starts with its header");
    let (_, code) = body
        .split_once("\n---\n")
        .expect("a snapshot's header ends with `---`");
    code
}

#[rustversion::attr(
    not(stable(1.95)),
    ignore = "the generated code is checked with the compiler its snapshots were accepted with"
)]
#[test]
fn expansion_snapshots_compile() {
    let snapshots =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../automat-codegen/tests/snapshots");
    let crates = Path::new(env!("CARGO_TARGET_TMPDIR")).join("expansions");
    fs::create_dir_all(&crates).expect("a folder for the crates");
    let mut written: Vec<PathBuf> = Vec::new();
    for entry in fs::read_dir(&snapshots).expect("the snapshots folder") {
        let path = entry.expect("a snapshot").path();
        let Some(name) = path
            .file_name()
            .and_then(|name| name.to_str())
            .and_then(|name| name.strip_prefix("expand__"))
            .and_then(|name| name.strip_suffix(".snap"))
        else {
            continue;
        };
        let snapshot = fs::read_to_string(&path).expect("a readable snapshot");
        let crate_path = crates.join(format!("{name}.rs"));
        // One snapshot names the runtime `fsm` (`crate = fsm`), as a crate renaming it would.
        let source = format!(
            "extern crate automat as fsm;\n\n{}\nfn main() {{}}\n",
            code(&snapshot)
        );
        fs::write(&crate_path, source).expect("the crate written");
        written.push(crate_path);
    }
    assert!(
        written.len() >= 7,
        "expected every expansion snapshot, found {}",
        written.len()
    );
    let cases = trybuild::TestCases::new();
    for path in &written {
        cases.pass(path);
    }
}
