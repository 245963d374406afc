//! The `automat-viz` command: see `automat-viz --help`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let status = automat_viz::cli::run(
        std::env::args_os(),
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    ExitCode::from(status)
}
