//! The `automat-viz` command, through `automat_viz::cli::run`.

mod common;

use std::fs;
use std::path::Path;

/// A folder with two machines (one nested in a subfolder), files without machines, and
/// entries the search skips.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("src/machines")).unwrap();
    fs::create_dir_all(root.join("target/debug")).unwrap();
    fs::create_dir_all(root.join(".git")).unwrap();
    fs::copy(
        common::fixtures_dir().join("gate.rs"),
        root.join("src/gate.rs"),
    )
    .unwrap();
    fs::copy(
        common::fixtures_dir().join("ticket.rs"),
        root.join("src/machines/ticket.rs"),
    )
    .unwrap();
    fs::write(
        root.join("src/lib.rs"),
        "//! No machine here.\npub mod machine {}\nfn main() {}\n",
    )
    .unwrap();
    fs::write(
        root.join("README.md"),
        "#[automat::machine] mod not_rust {}",
    )
    .unwrap();
    // Skipped: Cargo's output and hidden folders (these would be duplicates, or broken).
    fs::copy(
        common::fixtures_dir().join("ticket.rs"),
        root.join("target/debug/ticket.rs"),
    )
    .unwrap();
    fs::write(
        root.join(".git/broken.rs"),
        "#[automat::machine] mod broken {",
    )
    .unwrap();
    dir
}

fn description(name: &str) -> &'static automat::Description {
    common::machines()
        .into_iter()
        .find(|machine| machine.name == name)
        .unwrap()
        .description
}

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn help_documents_every_option_and_the_subcommand() {
    let (status, out, err) = common::run(&["--help"]);
    assert_eq!((status, err.as_str()), (0, ""));
    for text in [
        "Usage: automat-viz [OPTIONS] <PATH>...",
        "--format <FORMAT>",
        "dot",
        "mermaid",
        "svg",
        "--output <DIR>",
        "--direction <DIRECTION>",
        "--no-outputs",
        "--docs",
        "--compact",
        "expand",
        "file:line:col",
    ] {
        assert!(out.contains(text), "`{text}` missing from --help:\n{out}");
    }
    let (status, out, _) = common::run(&["expand", "--help"]);
    assert_eq!(status, 0);
    assert!(out.contains("--machine <NAME>"), "{out}");
}

#[test]
fn one_machine_goes_to_stdout_in_each_format() {
    let file = common::fixtures_dir().join("ticket.rs");
    let ticket = description("ticket");
    let cases = [
        (vec![], automat_viz::dot(ticket)),
        (vec!["--format", "dot"], automat_viz::dot(ticket)),
        (vec!["-f", "mermaid"], automat_viz::mermaid(ticket)),
        (vec!["--format", "svg"], automat_viz::svg(ticket)),
    ];
    for (mut args, expected) in cases {
        args.push(arg(&file));
        let (status, out, err) = common::run(&args);
        assert_eq!((status, err.as_str()), (0, ""), "{args:?}");
        assert_eq!(out, expected, "{args:?}");
    }
}

#[test]
fn style_options_reach_the_renderer() {
    // TCP: `rst` leads from many states to `Closed`, so folding changes the drawing.
    let file = common::examples_dir().join("tcp.rs");
    let options = automat_viz::Options {
        direction: automat_viz::Direction::LeftToRight,
        outputs: false,
        docs: true,
        compact: true,
        fold: true,
    };
    let (status, out, _) = common::run(&[
        "--direction",
        "lr",
        "--no-outputs",
        "--docs",
        "--compact",
        "--fold",
        arg(&file),
    ]);
    assert_eq!(status, 0);
    assert_eq!(out, automat_viz::dot_with(description("tcp"), &options));
    assert!(out.contains("from 8 states"), "{out}");
}

#[test]
fn a_folder_is_searched_and_each_machine_written_to_its_file() {
    let project = project();
    let out_dir = project.path().join("diagrams");
    for format in automat_viz::Format::ALL {
        let (status, out, err) = common::run(&[
            "--format",
            format.name(),
            "--output",
            arg(&out_dir),
            arg(project.path()),
        ]);
        assert_eq!(status, 0, "{err}");
        assert_eq!(out, "");
        let mut written: Vec<String> = fs::read_dir(&out_dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().into_string().unwrap())
            .filter(|name| name.ends_with(format.extension()))
            .collect();
        written.sort();
        let extension = format.extension();
        assert_eq!(
            written,
            [format!("gate.{extension}"), format!("ticket.{extension}")]
        );
        for name in ["gate", "ticket"] {
            let graph = automat_viz::Graph::from(description(name));
            assert_eq!(
                fs::read_to_string(out_dir.join(format!("{name}.{extension}"))).unwrap(),
                format.render(&graph, &automat_viz::Options::default()),
            );
            assert!(err.contains(&format!("{name}.{extension}")), "{err}");
        }
    }
}

#[test]
fn several_machines_need_an_output_folder() {
    let project = project();
    let (status, out, err) = common::run(&[arg(project.path())]);
    assert_eq!(status, 2);
    assert_eq!(out, "");
    assert!(err.contains("found 2 machines"), "{err}");
    assert!(err.contains("--output DIR"), "{err}");
    assert!(err.contains("gate (") && err.contains("ticket ("), "{err}");
}

#[test]
fn no_machine_is_an_error() {
    let project = project();
    let (status, _, err) = common::run(&[arg(&project.path().join("src/lib.rs"))]);
    assert_eq!(status, 2);
    assert!(err.contains("no `#[automat::machine]` module"), "{err}");
}

#[test]
fn mistakes_are_located_and_sorted() {
    let dir = tempfile::tempdir().unwrap();
    // Not Rust at all.
    fs::write(
        dir.path().join("b_syntax.rs"),
        "fn main() {\n    let x = ;\n}\n",
    )
    .unwrap();
    // A machine with two mistakes, reported in source order.
    fs::write(
        dir.path().join("a_machine.rs"),
        "\
#[automat::machine]
mod broken {
    pub trait Inputs {
        fn go(&mut self);
    }
    #[state(initial)]
    pub struct Idle;
    #[transitions]
    impl Idle {
        fn og(self) -> Idle { Idle }
        fn go(self) -> Nowhere { todo!() }
    }
}
",
    )
    .unwrap();
    let (status, out, err) =
        common::run(&["--output", arg(&dir.path().join("out")), arg(dir.path())]);
    assert_eq!(status, 1);
    assert_eq!(out, "");
    let a = dir.path().join("a_machine.rs").display().to_string();
    let b = dir.path().join("b_syntax.rs").display().to_string();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(
        lines[0].starts_with(&format!("{a}:10:12: no input named `og`")),
        "{err}"
    );
    assert!(lines[0].ends_with("did you mean `go`?"), "{err}");
    assert!(
        lines[1].starts_with(&format!(
            "{a}:11:24: expected a state or a `#[branch]` enum, found `Nowhere`"
        )),
        "{err}"
    );
    assert!(lines[2].starts_with(&format!("{b}:2:13: ")), "{err}");
    // Nothing is written when anything is wrong.
    assert!(!dir.path().join("out").exists());
}

#[test]
fn a_missing_file_is_reported() {
    let (status, _, err) = common::run(&["no/such/file.rs"]);
    assert_eq!(status, 1);
    assert!(err.starts_with("no/such/file.rs: "), "{err}");
}

#[test]
fn machines_of_one_name_cannot_share_a_file() {
    let dir = tempfile::tempdir().unwrap();
    for folder in ["one", "two"] {
        fs::create_dir_all(dir.path().join(folder)).unwrap();
        fs::copy(
            common::fixtures_dir().join("ticket.rs"),
            dir.path().join(folder).join("ticket.rs"),
        )
        .unwrap();
    }
    let (status, _, err) =
        common::run(&["--output", arg(&dir.path().join("out")), arg(dir.path())]);
    assert_eq!(status, 1);
    let first = dir.path().join("one/ticket.rs").display().to_string();
    let second = dir.path().join("two/ticket.rs").display().to_string();
    assert_eq!(
        err,
        format!(
            "{second}:7:9: another machine named `ticket` is at {first}:7:9, and both would be written to `ticket.dot`\n"
        )
    );
}

#[test]
fn a_wrong_command_line_is_a_usage_error() {
    let (status, out, err) = common::run(&["--format", "png", "x.rs"]);
    assert_eq!(status, 2);
    assert_eq!(out, "");
    assert!(err.contains("invalid value 'png'"), "{err}");
    let (status, _, err) = common::run(&[]);
    assert_eq!(status, 2);
    assert!(err.contains("<PATH>..."), "{err}");
}

#[test]
fn expand_prints_the_generated_code() {
    let file = common::fixtures_dir().join("ticket.rs");
    let (status, out, err) = common::run(&["expand", arg(&file)]);
    assert_eq!((status, err.as_str()), (0, ""));
    let parsed: syn::File = syn::parse_str(&out).expect("the expansion is valid Rust");
    assert_eq!(parsed.items.len(), 1);
    for item in [
        "pub mod ticket {",
        "pub enum State {",
        "pub struct Dynamic {",
        "pub static DESCRIPTION: ::automat::Description",
    ] {
        assert!(out.contains(item), "`{item}` missing from\n{out}");
    }
    // Pretty-printed and the same on every run, so users can snapshot it.
    assert_eq!(out, prettyplease::unparse(&parsed));
    assert_eq!(common::run(&["expand", arg(&file)]).1, out);
}

#[test]
fn expand_prints_a_generic_machine_with_its_parameters() {
    // `lines` is generic over a lifetime and has an input borrowed for the call; `tcp` over the
    // type of its sink, with a default.
    let lines = common::examples_dir().join("lines.rs");
    let (status, out, err) = common::run(&["expand", arg(&lines)]);
    assert_eq!((status, err.as_str()), (0, ""));
    syn::parse_str::<syn::File>(&out).expect("the expansion is valid Rust");
    for item in [
        "pub struct Dynamic<'buf> {",
        "pub struct Machine<'buf, S> {",
        "pub enum Input<'input, 'buf> {",
        "line: &'buf [u8],",
        "bytes: &'input [u8],",
        "input: Input<'_, 'buf>,",
        "::core::result::Result<Output<'buf>, ::automat::NoTransition>",
        "impl<'buf> Machine<'buf, Ready<'buf>> {",
    ] {
        assert!(out.contains(item), "`{item}` missing from\n{out}");
    }
    let tcp = common::examples_dir().join("tcp.rs");
    let (status, out, _) = common::run(&["expand", arg(&tcp)]);
    assert_eq!(status, 0);
    for item in [
        "pub struct Dynamic<T: Sink = ()> {",
        "impl<T: Sink> Dynamic<T> {",
        "impl<S, T: Sink> ::core::convert::From<Machine<S, T>> for Dynamic<T>\n    where\n        S: ::automat::__private::Member<State>,",
    ] {
        assert!(out.contains(item), "`{item}` missing from\n{out}");
    }
}

#[test]
fn expand_picks_a_machine_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let both = dir.path().join("both.rs");
    let gate = fs::read_to_string(common::fixtures_dir().join("gate.rs")).unwrap();
    let ticket = fs::read_to_string(common::fixtures_dir().join("ticket.rs")).unwrap();
    fs::write(&both, format!("{gate}\n{}", ticket.replace("//!", "//"))).unwrap();

    let (status, _, err) = common::run(&["expand", arg(&both)]);
    assert_eq!(status, 2);
    assert!(
        err.contains("declares 2 machines (`gate`, `ticket`); choose one with `--machine NAME`"),
        "{err}"
    );

    let (status, out, _) = common::run(&["expand", arg(&both), "--machine", "gate"]);
    assert_eq!(status, 0);
    assert!(
        out.starts_with("/// A coin-operated gate.\npub mod gate {"),
        "{out}"
    );

    let (status, _, err) = common::run(&["expand", arg(&both), "-m", "tcp"]);
    assert_eq!(status, 2);
    assert!(
        err.contains("no machine named `tcp`") && err.contains("`gate`, `ticket`"),
        "{err}"
    );
}

#[test]
fn expand_reports_mistakes_instead_of_expanding_them() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.rs");
    fs::write(
        &file,
        "#[automat::machine]\nmod bad {\n    pub trait T {}\n}\n",
    )
    .unwrap();
    let (status, out, err) = common::run(&["expand", arg(&file)]);
    assert_eq!(status, 1);
    assert_eq!(out, "");
    let file = file.display();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines[0].starts_with(&format!("{file}:2:5: machine `bad` has no initial state")),
        "{err}"
    );
    assert!(
        lines[1].starts_with(&format!("{file}:3:15: the input trait declares no inputs")),
        "{err}"
    );
}
