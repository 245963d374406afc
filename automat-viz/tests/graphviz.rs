//! Real Graphviz reads every DOT output of the test corpus without an error or a warning.
//!
//! CI installs Graphviz (`apt-get install graphviz`); without a `dot` binary this test fails
//! rather than passing silently.

mod common;

use automat_viz::Format;
use std::io::Write;
use std::process::{Command, Stdio};

#[test]
fn graphviz_renders_every_dot_output_cleanly() {
    let version = Command::new("dot").arg("-V").output();
    assert!(
        version.as_ref().is_ok_and(|output| output.status.success()),
        "this test needs Graphviz's `dot` on PATH (install it with `apt-get install graphviz`): {version:?}"
    );
    let corpus = common::corpus(Format::Dot);
    for diagram in &corpus {
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
            .write_all(diagram.text.as_bytes())
            .unwrap();
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            output.status.success() && stderr.is_empty(),
            "Graphviz on {} said {}:\n{stderr}\n{}",
            diagram.name,
            output.status,
            diagram.text,
        );
        assert!(String::from_utf8_lossy(&output.stdout).contains("<svg"));
    }
    println!("Graphviz rendered {} DOT diagrams cleanly", corpus.len());
}
