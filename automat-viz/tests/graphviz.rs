//! Real Graphviz reads every DOT output without an error or a warning.
//!
//! CI installs Graphviz (`apt-get install graphviz`); without a `dot` binary this test fails
//! rather than passing silently.

mod common;

use automat_viz::{Direction, Format, Graph, Options};
use std::io::Write;
use std::process::{Command, Stdio};

#[test]
fn graphviz_renders_every_dot_output_cleanly() {
    let version = Command::new("dot").arg("-V").output();
    assert!(
        version.as_ref().is_ok_and(|output| output.status.success()),
        "this test needs Graphviz's `dot` on PATH (install it with `apt-get install graphviz`): {version:?}"
    );
    let variants = [
        Options::default(),
        Options {
            direction: Direction::LeftToRight,
            docs: true,
            ..Options::default()
        },
        Options {
            compact: true,
            outputs: false,
            ..Options::default()
        },
    ];
    for machine in common::machines() {
        for options in &variants {
            let dot = Format::Dot.render(&Graph::from(machine.description), options);
            let mut child = Command::new("dot")
                .arg("-Tsvg")
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("`dot` runs");
            child
                .stdin
                .take()
                .unwrap()
                .write_all(dot.as_bytes())
                .unwrap();
            let output = child.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(
                output.status.success() && stderr.is_empty(),
                "Graphviz on {} with {options:?} said {}:\n{stderr}\n{dot}",
                machine.name,
                output.status,
            );
            assert!(String::from_utf8_lossy(&output.stdout).contains("<svg"));
        }
    }
}
