//! Snapshots of every format for every machine: any change to a diagram is a reviewable diff.

mod common;

use automat_viz::{Format, Graph, Options};

/// The option sets drawn besides the default one, with a name for each.
fn variants() -> Vec<(&'static str, Options)> {
    common::variants()
}

#[test]
fn dot() {
    for machine in common::machines() {
        insta::assert_snapshot!(
            format!("{}.dot", machine.name),
            automat_viz::dot(machine.description)
        );
    }
}

#[test]
fn mermaid() {
    for machine in common::machines() {
        insta::assert_snapshot!(
            format!("{}.mmd", machine.name),
            automat_viz::mermaid(machine.description)
        );
    }
}

#[test]
fn svg() {
    for machine in common::machines() {
        insta::assert_snapshot!(
            format!("{}.svg", machine.name),
            automat_viz::svg(machine.description)
        );
    }
}

#[test]
fn options() {
    for machine in common::machines()
        .into_iter()
        .filter(|machine| ["ticket", "tcp"].contains(&machine.name))
    {
        let graph = Graph::from(machine.description);
        for (variant, options) in variants() {
            for format in Format::ALL {
                insta::assert_snapshot!(
                    format!("{}.{variant}.{}", machine.name, format.extension()),
                    format.render(&graph, &options)
                );
            }
        }
    }
}

#[test]
fn every_run_gives_the_same_bytes() {
    for machine in common::machines() {
        let graph = Graph::from(machine.description);
        for format in Format::ALL {
            for (_, options) in variants() {
                assert_eq!(
                    format.render(&graph, &options),
                    format.render(&graph.clone(), &options),
                    "{} as {}",
                    machine.name,
                    format.name()
                );
            }
        }
    }
}

#[test]
fn the_shortcuts_use_the_default_options() {
    let machine = &common::machine("ticket");
    let graph = Graph::from(machine.description);
    let options = Options::default();
    assert_eq!(
        automat_viz::dot(machine.description),
        Format::Dot.render(&graph, &options)
    );
    assert_eq!(
        automat_viz::mermaid_with(machine.description, &options),
        automat_viz::mermaid(machine.description)
    );
    assert_eq!(
        automat_viz::svg_with(machine.description, &options),
        automat_viz::svg(machine.description)
    );
}

#[test]
fn dot_marks_start_terminal_unreachable_loops_and_branches() {
    let dot = automat_viz::dot(common::machine("ticket").description);
    for expected in [
        r#""(start)" [shape=point"#,
        r#""(start)" -> "Idle";"#,
        r#""Done" [label="Done", peripheries=2"#,
        r#""Broken" [label="Broken", style="rounded,filled,dashed""#,
        r#""Done" -> "Done" [label="print → Option<[u8; 4]>""#,
        r#""Idle" -> "Paying" [label="pay [Short] → (u32, Option<&'static str>)""#,
        r#""Idle" -> "Done" [label="pay [Paid] → (u32, Option<&'static str>)""#,
        r#"tooltip="Paid in part \\ still due.""#,
        r#"tooltip="The first coin: <paid> or \"short\".""#,
    ] {
        assert!(dot.contains(expected), "missing {expected} in\n{dot}");
    }
}

#[test]
fn mermaid_escapes_what_its_grammar_would_read() {
    let mermaid = automat_viz::mermaid(common::machine("ticket").description);
    assert!(
        mermaid
            .contains("s_Idle --> s_Paying : pay [Short] → (u32, Option#60;#38;'static str#62;)")
    );
    assert!(mermaid.contains("s_Done --> [*]"));
    assert!(mermaid.contains("class s_Broken unreachable"));
}

#[test]
fn svg_is_well_formed_and_escaped() {
    let svg = automat_viz::svg(common::machine("ticket").description);
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.ends_with("</svg>\n"));
    assert!(svg.contains("(u32, Option&lt;&amp;&#39;static str&gt;)"));
    assert!(!svg.contains("NaN") && !svg.contains("inf"));
    // Open and close tags balance.
    for tag in ["g", "text", "title"] {
        assert_eq!(
            svg.matches(&format!("<{tag}>")).count() + svg.matches(&format!("<{tag} ")).count(),
            svg.matches(&format!("</{tag}>")).count(),
            "<{tag}>"
        );
    }
}

#[test]
fn hand_made_descriptions_do_not_break_the_renderers() {
    use automat::{Description, StateInfo, Target, TransitionInfo, TransitionKind};
    static EMPTY: Description = Description {
        name: "empty",
        doc: "",
        trait_name: "Nothing",
        states: &[],
        inputs: &[],
        transitions: &[],
        groups: &[],
    };
    // No initial state, and an edge to a state that does not exist (it is not drawn).
    static DANGLING: Description = Description {
        name: "dangling",
        doc: "",
        trait_name: "Inputs",
        states: &[StateInfo {
            name: "Alone",
            doc: "",
            initial: false,
            unreachable: false,
            terminal: false,
            data: false,
        }],
        inputs: &[],
        transitions: &[TransitionInfo {
            source: "Alone",
            input: "go",
            kind: TransitionKind::Transition,
            targets: &[Target {
                state: "Elsewhere",
                label: None,
            }],
            doc: "",
            group: None,
            fallible: false,
        }],
        groups: &[],
    };
    for description in [&EMPTY, &DANGLING] {
        for (_, options) in variants() {
            for format in Format::ALL {
                let text = format.render(&Graph::from(description), &options);
                assert!(
                    !text.contains("Elsewhere") && !text.contains("NaN"),
                    "{text}"
                );
            }
        }
    }
    assert!(automat_viz::dot(&DANGLING).contains(r#""Alone" [label="Alone"];"#));
}

#[test]
fn groups_data_and_fallible_edges() {
    let graph = Graph::from(&common::GROUPED);
    for format in Format::ALL {
        insta::assert_snapshot!(
            format!("grouped.{}", format.extension()),
            format.render(&graph, &Options::default())
        );
    }
}
