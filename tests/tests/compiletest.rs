//! What users see when they get a machine wrong: every compile error automat reports, with
//! its message and span, one case per file under `tests/ui/`.
//!
//! The `.stderr` files hold rustc's own wording too, which changes between releases, so they
//! are checked only with the compiler they were recorded with. To record them again after a
//! toolchain update: `TRYBUILD=overwrite cargo test -p automat-tests --test compiletest`, then
//! review every diff as you would review code.

#[rustversion::attr(
    not(stable(1.95)),
    ignore = "the .stderr files are recorded with rustc 1.95"
)]
#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/**/*.rs");
}
