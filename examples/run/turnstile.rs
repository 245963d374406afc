//! The turnstile, step by step: driven once through the typestate `Machine<S>` and once
//! through `Dynamic`, then its graph.
//!
//! Run it with `cargo run --example turnstile`.

use automat_examples::turnstile::{Core, DESCRIPTION, Dynamic, Input, Locked, Machine, Unlocked};

fn main() {
    typestate();
    dynamic();
    graph();
}

/// The inputs as method calls on `Machine<S>`: the compiler knows the state at every line.
fn typestate() {
    println!("== typestate: Machine<S> ==");
    let gate = Machine::new(Core::default(), Locked);
    println!("start in Locked");

    let (mut gate, credit) = gate.coin(25);
    println!(
        "coin(25)  -> credit {credit:>3}, now Unlocked {:?}",
        gate.state()
    );

    // A loop: `coin` on `Machine<Unlocked>` takes `&mut self` and stays put.
    let credit = gate.coin(25);
    println!(
        "coin(25)  -> credit {credit:>3}, still Unlocked {:?}",
        gate.state()
    );

    let gate = gate.push();
    println!("push()    -> now Locked; core {:?}", gate.core());

    // `Machine<Locked>` has no `push`, so this line would not compile:
    //     gate.push();
    //     error[E0599]: no method named `push` found for struct `Machine<Locked>` [...]
    //       = note: the method was found for
    //               - `Machine<Unlocked>`
    let (_gate, credit) = gate.coin(10);
    println!("coin(10)  -> credit {credit:>3}, now Unlocked");
    println!();
}

/// The same machine with its state known only at run time, as inputs from outside would
/// drive it: refused inputs are errors, and change nothing.
fn dynamic() {
    println!("== dynamic: Dynamic ==");
    let mut gate = Dynamic::new(Core::default(), Locked);
    report(&gate, "start", None);

    match gate.push() {
        Ok(()) => report(&gate, "push()", Some("()".to_owned())),
        Err(refused) => println!("{:<19} refused: {refused}", "push()"),
    }
    report(&gate, "(refused)", None);

    let credit = gate.coin(10).expect("Locked accepts coin");
    report(&gate, "coin(10)", Some(credit.to_string()));

    // Inputs as values, for queues and wires: `handle` takes an `Input`, returns an `Output`.
    for input in [
        Input::Coin { cents: 15 },
        Input::Push,
        Input::Push,
        Input::Coin { cents: 50 },
    ] {
        let step = format!("{input:?}");
        match gate.handle(input) {
            Ok(output) => report(&gate, &step, Some(format!("{output:?}"))),
            Err(refused) => println!("{step:<19} refused: {refused}"),
        }
    }

    // Back to the typestate machine when the state is the one expected.
    match Machine::<Unlocked>::try_from(gate) {
        Ok(gate) => println!(
            "as Machine<Unlocked>: credit {}, {} passes so far",
            gate.state().credit,
            gate.core().passes,
        ),
        Err(gate) => println!("not Unlocked but {}", gate.state_name()),
    }
    println!();
}

/// One line per step: the input, its output, then the state, its data and what it accepts.
fn report(gate: &Dynamic, step: &str, output: Option<String>) {
    let output = output.map_or_else(|| "-".to_owned(), |output| format!("-> {output}"));
    println!(
        "{step:<19} {output:<12} state {:<9} {:<34} accepts {:?}, passes {}",
        gate.state_name(),
        format!("{:?}", gate.state()),
        gate.accepts(),
        gate.core().passes,
    );
}

/// The machine's graph, from the `DESCRIPTION` the macro generated.
fn graph() {
    println!("== graph: DESCRIPTION ==");
    println!(
        "machine `{}` (inputs: trait `{}`)",
        DESCRIPTION.name, DESCRIPTION.trait_name
    );
    println!("states:");
    for state in DESCRIPTION.states {
        let initial = if state.initial { " (initial)" } else { "" };
        println!("  {}{initial}: {}", state.name, state.doc);
    }
    println!("inputs:");
    for input in DESCRIPTION.inputs {
        let params: Vec<String> = input
            .params
            .iter()
            .map(|param| format!("{}: {}", param.name, param.ty))
            .collect();
        let output = input
            .output
            .map_or_else(String::new, |ty| format!(" -> {ty}"));
        println!(
            "  {}({}){output}: {}",
            input.name,
            params.join(", "),
            input.doc
        );
    }
    println!("transitions:");
    for transition in DESCRIPTION.transitions {
        for target in transition.targets {
            let label = target
                .label
                .map_or_else(String::new, |label| format!(" [{label}]"));
            println!(
                "  {} --{}--> {}{label} ({:?}): {}",
                transition.source, transition.input, target.state, transition.kind, transition.doc,
            );
        }
    }

    // The same description, drawn: DOT for Graphviz, Mermaid for Markdown, and SVG with no
    // Graphviz needed.
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/diagrams");
    std::fs::create_dir_all(&folder).expect("the target folder is writable");
    for (extension, text) in [
        ("dot", automat_viz::dot(&DESCRIPTION)),
        ("mmd", automat_viz::mermaid(&DESCRIPTION)),
        ("svg", automat_viz::svg(&DESCRIPTION)),
    ] {
        let path = folder.join(format!("turnstile.{extension}"));
        std::fs::write(&path, text).expect("the diagram is written");
        println!("diagram: {}", path.canonicalize().unwrap_or(path).display());
    }
}
