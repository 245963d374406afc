//! The TCP diagram committed for the READMEs is what the CLI draws today.

mod common;

use std::fs;

/// Where the diagram is committed.
const DIAGRAM: &str = "diagrams/tcp.svg";

#[test]
fn the_committed_tcp_diagram_is_current() {
    let tcp = common::examples_dir().join("tcp.rs");
    let (status, fresh, err) = common::run(&["--format", "svg", tcp.to_str().unwrap()]);
    assert_eq!((status, err.as_str()), (0, ""));
    let path = common::crate_dir().join(DIAGRAM);
    if std::env::var_os("AUTOMAT_VIZ_BLESS").is_some() {
        fs::write(&path, &fresh).unwrap();
        return;
    }
    let committed = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "automat-viz/{DIAGRAM} is stale; regenerate it with\n    \
         cargo run -p automat-viz -- --format svg --output automat-viz/diagrams examples/src/machines/tcp.rs\n\
         (or run this test with AUTOMAT_VIZ_BLESS=1)"
    );
}
