//! The diagrams committed for the READMEs (TCP and TLS) are what the CLI draws today.

mod common;

use std::fs;

#[test]
fn the_committed_tcp_diagram_is_current() {
    committed_diagram_is_current("tcp");
}

#[test]
fn the_committed_tls_diagram_is_current() {
    committed_diagram_is_current("tls");
}

/// Checks `diagrams/{name}.svg` against the CLI's drawing of the example `{name}.rs`.
fn committed_diagram_is_current(name: &str) {
    let source = common::examples_dir().join(format!("{name}.rs"));
    let (status, fresh, err) = common::run(&["--format", "svg", source.to_str().unwrap()]);
    assert_eq!((status, err.as_str()), (0, ""));
    let diagram = format!("diagrams/{name}.svg");
    let path = common::crate_dir().join(&diagram);
    if std::env::var_os("AUTOMAT_VIZ_BLESS").is_some() {
        fs::write(&path, &fresh).unwrap();
        return;
    }
    let committed = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "automat-viz/{diagram} is stale; regenerate it with\n    \
         cargo run -p automat-viz -- --format svg --output automat-viz/diagrams examples/src/machines/{name}.rs\n\
         (or run this test with AUTOMAT_VIZ_BLESS=1)"
    );
}
