//! The `automat-viz` command line: [`run`] does all the work, so tests call it directly and
//! `main` only hands it the process's arguments and streams.

use crate::discover::{self, Found, Problem};
use crate::{Direction, Format, Graph, Options};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The exit status of a run that did all it was asked.
pub const SUCCESS: u8 = 0;
/// The exit status when a source file has mistakes, or a file cannot be read or written.
pub const FAILURE: u8 = 1;
/// The exit status when the command line itself is wrong.
pub const USAGE: u8 = 2;

const EXAMPLES: &str = "\
Examples:
  automat-viz src/machine.rs > machine.dot       one machine, DOT on stdout
  automat-viz --format svg --output docs src/    every machine under src/, one SVG each
  automat-viz -f mermaid --direction lr src/tcp.rs
  automat-viz expand src/tcp.rs > tcp.expanded.rs

Errors are printed as `file:line:col: message`, sorted, and the exit status is 1 (2 for a
wrong command line). Nothing is written when there is any error.";

/// Draws automat machines from their source, without compiling it.
///
/// Reads `.rs` files (and folders, recursively), finds every module annotated
/// `#[automat::machine]` or `#[machine]`, reads it with the macro's own parser and checks, and
/// draws its states and transitions as Graphviz DOT, a Mermaid state diagram, or SVG laid out
/// without Graphviz.
#[derive(Parser)]
#[command(
    name = "automat-viz",
    version,
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true,
    after_help = EXAMPLES,
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    draw: Draw,
}

#[derive(Subcommand)]
enum Command {
    /// Print the code `#[automat::machine]` generates for a machine, pretty-printed.
    ///
    /// For reading, and for snapshot tests of generated code in CI (no nightly toolchain or
    /// cargo-expand needed). The machine is checked first, so mistakes are reported as
    /// `file:line:col: message` rather than expanded into `compile_error!`s.
    Expand(Expand),
}

#[derive(Args)]
#[allow(clippy::struct_excessive_bools)] // Command-line flags.
struct Draw {
    /// Rust source files, or folders searched recursively for `.rs` files (hidden entries and
    /// `target` folders are skipped).
    #[arg(value_name = "PATH", required = true)]
    paths: Vec<PathBuf>,
    /// The output format.
    #[arg(short, long, value_enum, default_value_t = FormatArg::Dot)]
    format: FormatArg,
    /// Write one file per machine into DIR (created if missing), named after the machine's
    /// module: `MODULE.dot`, `MODULE.mmd` or `MODULE.svg`. Without it, the drawing goes to
    /// stdout, which needs exactly one machine.
    #[arg(short, long, value_name = "DIR")]
    output: Option<PathBuf>,
    /// Which way the edges flow: top to bottom, or left to right.
    #[arg(long, value_enum, default_value_t = DirectionArg::Tb)]
    direction: DirectionArg,
    /// Leave output types off the edge labels (`coin` instead of `coin → u32`).
    #[arg(long)]
    no_outputs: bool,
    /// Show the first line of each state's and handler's doc comment in the drawing.
    #[arg(long)]
    docs: bool,
    /// A smaller drawing: one line per pair of states, with the labels of all its edges, and
    /// tighter spacing.
    #[arg(long)]
    compact: bool,
    /// Draw the edges of one input from three or more states to one state as one edge from
    /// a `from every other state` (or `from N states`) marker.
    #[arg(long)]
    fold: bool,
}

#[derive(Args)]
struct Expand {
    /// The Rust source file that declares the machine.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// The machine's module name; needed when the file declares more than one.
    #[arg(short, long, value_name = "NAME")]
    machine: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    /// Graphviz DOT (render with `dot -Tsvg`)
    Dot,
    /// Mermaid stateDiagram-v2
    Mermaid,
    /// SVG, laid out without Graphviz
    Svg,
}

#[derive(Clone, Copy, ValueEnum)]
enum DirectionArg {
    /// Top to bottom
    Tb,
    /// Left to right
    Lr,
}

/// Runs `automat-viz` with `args` (the program name first, as in [`std::env::args_os`]),
/// writing results to `out` and messages to `err`, and returns the exit status: [`SUCCESS`],
/// [`FAILURE`] or [`USAGE`].
pub fn run<I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            let text = error.render().to_string();
            return if error.use_stderr() {
                let _ = write!(err, "{text}");
                USAGE
            } else {
                // `--help` and `--version`.
                let _ = write!(out, "{text}");
                SUCCESS
            };
        }
    };
    let result = match cli.command {
        Some(Command::Expand(expand)) => run_expand(&expand, out),
        None => run_draw(&cli.draw, out, err),
    };
    match result {
        Ok(()) => SUCCESS,
        Err(Failure::Problems(mut problems)) => {
            problems.sort();
            problems.dedup();
            for problem in problems {
                let _ = writeln!(err, "{problem}");
            }
            FAILURE
        }
        Err(Failure::Usage(message)) => {
            let _ = writeln!(err, "error: {message}");
            USAGE
        }
    }
}

/// Why a run failed.
enum Failure {
    /// Mistakes in the input, or files that could not be read or written.
    Problems(Vec<Problem>),
    /// A request that cannot be carried out as asked.
    Usage(String),
}

impl From<Vec<Problem>> for Failure {
    fn from(problems: Vec<Problem>) -> Self {
        Failure::Problems(problems)
    }
}

fn run_draw(draw: &Draw, out: &mut dyn Write, err: &mut dyn Write) -> Result<(), Failure> {
    let format = match draw.format {
        FormatArg::Dot => Format::Dot,
        FormatArg::Mermaid => Format::Mermaid,
        FormatArg::Svg => Format::Svg,
    };
    let options = Options {
        direction: match draw.direction {
            DirectionArg::Tb => Direction::TopToBottom,
            DirectionArg::Lr => Direction::LeftToRight,
        },
        outputs: !draw.no_outputs,
        docs: draw.docs,
        compact: draw.compact,
        fold: draw.fold,
    };

    let mut problems = Vec::new();
    let mut found = Vec::new();
    for file in discover::files(&draw.paths, &mut problems) {
        match read_machines(&file) {
            Ok(machines) => found.extend(machines),
            Err(mut more) => problems.append(&mut more),
        }
    }
    let mut graphs = Vec::new();
    for machine in &found {
        match machine.parse() {
            Ok(parsed) => graphs.push((machine, Graph::from_machine(&parsed))),
            Err(mut more) => problems.append(&mut more),
        }
    }
    if !problems.is_empty() {
        return Err(problems.into());
    }
    if found.is_empty() {
        let paths: Vec<String> = draw
            .paths
            .iter()
            .map(|path| path.display().to_string())
            .collect();
        return Err(Failure::Usage(format!(
            "no `#[automat::machine]` module in {}",
            paths.join(", ")
        )));
    }

    let Some(folder) = &draw.output else {
        if let [(_, graph)] = graphs.as_slice() {
            return write_or_fail(out, &format.render(graph, &options), Path::new("<stdout>"));
        }
        let list: Vec<String> = found
            .iter()
            .map(|machine| format!("  {} ({})", machine.name, machine.location()))
            .collect();
        return Err(Failure::Usage(format!(
            "found {} machines; stdout takes one, so pass `--output DIR` to write a file for each:\n{}",
            found.len(),
            list.join("\n")
        )));
    };

    // Two machines with one name would write the same file.
    for (index, machine) in found.iter().enumerate() {
        if let Some(first) = found[..index]
            .iter()
            .find(|other| other.name == machine.name)
        {
            problems.push(Problem::at(
                &machine.file,
                machine.span,
                format_args!(
                    "another machine named `{}` is at {}, and both would be written to `{}.{}`",
                    machine.name,
                    first.location(),
                    machine.name,
                    format.extension(),
                ),
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems.into());
    }
    if let Err(error) = fs::create_dir_all(folder) {
        return Err(vec![Problem::file(folder, error)].into());
    }
    for (machine, graph) in &graphs {
        let path = folder.join(format!("{}.{}", machine.name, format.extension()));
        if let Err(error) = fs::write(&path, format.render(graph, &options)) {
            problems.push(Problem::file(&path, error));
        } else {
            let _ = writeln!(err, "wrote {}", path.display());
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.into())
    }
}

fn run_expand(expand: &Expand, out: &mut dyn Write) -> Result<(), Failure> {
    let machines = read_machines(&expand.file)?;
    let names = || {
        machines
            .iter()
            .map(|machine| format!("`{}`", machine.name))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let chosen: Vec<&Found> = match &expand.machine {
        Some(name) => machines
            .iter()
            .filter(|machine| &machine.name == name)
            .collect(),
        None => machines.iter().collect(),
    };
    let machine = match (chosen.as_slice(), &expand.machine) {
        ([machine], _) => *machine,
        ([], None) => {
            return Err(Failure::Usage(format!(
                "no `#[automat::machine]` module in {}",
                expand.file.display()
            )));
        }
        ([], Some(name)) => {
            return Err(Failure::Usage(format!(
                "no machine named `{name}` in {}; it has {}",
                expand.file.display(),
                if machines.is_empty() {
                    "none".to_owned()
                } else {
                    names()
                },
            )));
        }
        (_, None) => {
            return Err(Failure::Usage(format!(
                "{} declares {} machines ({}); choose one with `--machine NAME`",
                expand.file.display(),
                machines.len(),
                names()
            )));
        }
        ([first, ..], Some(name)) => {
            return Err(Failure::Usage(format!(
                "{} declares more than one machine named `{name}`; the first is at {}",
                expand.file.display(),
                first.location()
            )));
        }
    };
    let file = crate::expand::expand_found(machine)?;
    write_or_fail(out, &prettyplease::unparse(&file), Path::new("<stdout>"))
}

/// The machines in `file`, after reading and parsing it.
fn read_machines(file: &Path) -> Result<Vec<Found>, Vec<Problem>> {
    let source = fs::read_to_string(file).map_err(|error| vec![Problem::file(file, error)])?;
    discover::machines(file, &source)
}

/// Writes `text` to `out`. A reader that stopped reading (`automat-viz … | head`) is no error.
fn write_or_fail(out: &mut dyn Write, text: &str, name: &Path) -> Result<(), Failure> {
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure::Problems(vec![Problem::file(name, error)]))
        }
        _ => Ok(()),
    }
}
