//! librsvg, the SVG renderer of GNOME and of many converters, reads every SVG output of the
//! test corpus without an error or a warning and draws it to a PNG.
//!
//! CI installs it (`apt-get install librsvg2-bin`); without `rsvg-convert` this test fails
//! rather than passing silently.

mod common;

use automat_viz::Format;
use std::io::Write;
use std::process::{Command, Stdio};

#[test]
fn librsvg_renders_every_svg_output_cleanly() {
    let version = Command::new("rsvg-convert").arg("--version").output();
    assert!(
        version.as_ref().is_ok_and(|output| output.status.success()),
        "this test needs librsvg's `rsvg-convert` on PATH (install it with `apt-get install librsvg2-bin`): {version:?}"
    );
    let corpus = common::corpus(Format::Svg);
    for diagram in &corpus {
        let mut child = Command::new("rsvg-convert")
            .args(["--format", "png"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("`rsvg-convert` runs");
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
            "rsvg-convert on {} said {}:\n{stderr}\n{}",
            diagram.name,
            output.status,
            diagram.text,
        );
        assert!(
            output.stdout.starts_with(b"\x89PNG"),
            "rsvg-convert drew no PNG for {}",
            diagram.name
        );
    }
    println!("librsvg rendered {} SVG diagrams cleanly", corpus.len());
}
