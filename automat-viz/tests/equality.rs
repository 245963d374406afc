//! The graph from `DESCRIPTION` and the graph the CLI parses from the same file are the same,
//! so every format renders them to the same bytes, for every machine.

mod common;

use automat_viz::{Format, Graph, Options};
use proc_macro2::TokenStream;
use syn::{Item, ItemMod};

/// The module named `name`, at any depth of `items`, with its machine attribute taken off and
/// that attribute's arguments.
fn find(items: &[Item], name: &str) -> Option<(ItemMod, TokenStream)> {
    for item in items {
        let Item::Mod(module) = item else { continue };
        if module.ident == name {
            let mut module = module.clone();
            let attr = module.attrs.iter().position(|attr| {
                attr.path()
                    .segments
                    .last()
                    .is_some_and(|segment| segment.ident == "machine")
            })?;
            let args = match module.attrs.remove(attr).meta {
                syn::Meta::List(list) => list.tokens,
                _ => TokenStream::new(),
            };
            return Some((module, args));
        }
        if let Some((_, items)) = &module.content
            && let Some(found) = find(items, name)
        {
            return Some(found);
        }
    }
    None
}

#[test]
fn description_and_parsed_source_give_the_same_graph() {
    for machine in common::machines() {
        same_graph(&machine);
    }
}

// The TLS example: groups (one handler listed per member), fallible handlers and a branch.
// Its module shares the name `tls` with a diagram fixture, so it is checked here rather than
// in the corpus, whose snapshots are named after the machines.
#[test]
fn the_tls_example_gives_the_same_graph_with_its_groups() {
    let machine = common::Machine {
        name: "tls",
        description: &automat_examples::tls::DESCRIPTION,
        file: common::examples_dir().join("tls.rs"),
    };
    same_graph(&machine);
    let graph = Graph::from(machine.description);
    assert_eq!(graph.groups.len(), 2);
    assert!(graph.edges.iter().any(|edge| edge.fallible));
    assert!(
        graph
            .edges
            .iter()
            .any(|edge| edge.group.as_deref() == Some("Handshake"))
    );
}

/// The graph of `machine`'s `DESCRIPTION` equals the one parsed from its file.
fn same_graph(machine: &common::Machine) {
    let source = std::fs::read_to_string(&machine.file).unwrap();
    let file = syn::parse_file(&source).unwrap();
    let (mut module, args) = find(&file.items, machine.name)
        .unwrap_or_else(|| panic!("no module `{}` in {}", machine.name, machine.file.display()));
    let parsed = automat_codegen::parse_module(args, &mut module)
        .unwrap_or_else(|error| panic!("{}: {error}", machine.name));
    assert_eq!(
        Graph::from_machine(&parsed),
        Graph::from(machine.description),
        "{}",
        machine.name
    );
}

#[test]
fn the_cli_draws_what_the_library_draws() {
    for machine in common::machines() {
        let graph = Graph::from(machine.description);
        for format in Format::ALL {
            let (status, out, err) =
                common::run(&["--format", format.name(), machine.file.to_str().unwrap()]);
            assert_eq!(
                (status, err.as_str()),
                (0, ""),
                "{} as {}",
                machine.name,
                format.name()
            );
            assert_eq!(
                out,
                format.render(&graph, &Options::default()),
                "{} as {}",
                machine.name,
                format.name()
            );
        }
    }
}

#[test]
fn every_example_file_is_tested() {
    let names: Vec<&str> = common::machines()
        .iter()
        .map(|machine| machine.name)
        .collect();
    for entry in std::fs::read_dir(common::examples_dir()).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_str().unwrap().to_owned();
        assert!(
            names.contains(&stem.as_str()),
            "{} is not in tests/common/mod.rs: add it, so its diagrams are snapshot and checked",
            path.display()
        );
    }
}
