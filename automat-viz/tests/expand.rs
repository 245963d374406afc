//! `automat_viz::expand`: the generated code as a value, whole or one region at a time, and
//! the recipe for snapshot tests of it.

use automat_viz::{Region, expand, expand_machine, expand_tokens};
use quote::quote;

const TURNSTILE: &str = include_str!("../../examples/src/machines/turnstile.rs");

#[test]
fn a_region_snapshot() {
    let expansion = expand(TURNSTILE).unwrap();
    insta::assert_snapshot!(
        "turnstile_input",
        expansion.select(Region::Item("Input")).unwrap()
    );
}

/// The self types of the `impl` blocks in formatted Rust.
fn impl_types(code: &str) -> Vec<String> {
    let file = syn::parse_file(code).expect("a region is valid Rust");
    file.items
        .iter()
        .map(|item| match item {
            syn::Item::Impl(block) => {
                let ty = &block.self_ty;
                quote!(#ty).to_string()
            }
            other => panic!("not an impl block: {}", quote!(#other)),
        })
        .collect()
}

#[test]
fn a_region_holds_exactly_what_it_names() {
    let expansion = expand(TURNSTILE).unwrap();
    let whole = expansion.to_string();
    syn::parse_file(&whole).expect("the whole expansion is valid Rust");

    let dynamic = expansion.select(Region::Impls("Dynamic")).unwrap();
    let types = impl_types(&dynamic);
    assert!(types.len() > 1, "{types:?}");
    assert!(types.iter().all(|ty| ty == "Dynamic"), "{types:?}");
    assert!(dynamic.contains("fn accepts"));

    let machines = expansion.select(Region::Impls("Machine")).unwrap();
    assert!(
        impl_types(&machines)
            .iter()
            .all(|ty| ty.starts_with("Machine <"))
    );

    let from = expansion.select(Region::TraitImpls("From")).unwrap();
    assert!(
        from.lines()
            .filter(|line| line.contains("impl"))
            .all(|line| line.contains("From"))
    );

    let state = expansion.select(Region::Item("State")).unwrap();
    assert!(state.contains("pub enum State"));
    assert!(
        !state.contains("impl"),
        "an item region holds the item alone:\n{state}"
    );
    assert!(whole.contains("pub enum State"));
}

#[test]
fn tokens_expand_like_text() {
    let tokens = quote! {
        #[automat::machine]
        pub mod light {
            pub trait Switch {
                fn flip(&mut self);
            }
            #[state(initial)]
            pub struct Off;
            #[state]
            pub struct On;
            #[transitions]
            impl Off {
                fn flip(self) -> On {
                    On
                }
            }
            #[transitions]
            impl On {
                fn flip(self) -> Off {
                    Off
                }
            }
        }
    };
    let from_tokens = expand_tokens(tokens.clone()).unwrap();
    let from_text = expand(&tokens.to_string()).unwrap();
    assert_eq!(from_tokens.name(), "light");
    assert_eq!(from_tokens.to_string(), from_text.to_string());
}

#[test]
fn mistakes_are_errors_located_in_the_source() {
    let broken = TURNSTILE.replace("fn push(self", "fn pusj(self");
    let line = broken
        .lines()
        .position(|line| line.contains("fn pusj"))
        .unwrap()
        + 1;
    let error = expand(&broken).unwrap_err();
    let messages = error.messages();
    assert!(
        messages
            .iter()
            .any(|message| message.starts_with(&format!("<source>:{line}:"))
                && message.contains("no input named `pusj`")),
        "{messages:?}"
    );
}

#[test]
fn an_unknown_region_lists_what_there_is() {
    let expansion = expand(TURNSTILE).unwrap();
    let error = expansion
        .select(Region::Impls("Dynamc"))
        .unwrap_err()
        .to_string();
    assert!(error.contains("no `impl` block for `Dynamc`"), "{error}");
    assert!(
        error.contains("`Dynamic`") || error.contains("Dynamic"),
        "{error}"
    );
}

#[test]
fn several_machines_are_expanded_one_by_one() {
    // The second copy without the file's inner doc comment, which only a file's start may hold.
    let second = TURNSTILE
        .lines()
        .filter(|line| !line.starts_with("//!"))
        .collect::<Vec<_>>()
        .join("\n")
        .replace("pub mod turnstile", "pub mod second");
    let two = format!("{TURNSTILE}\n{second}");
    let error = expand(&two).unwrap_err().to_string();
    assert!(
        error.contains("2 machines (`turnstile`, `second`)"),
        "{error}"
    );
    assert_eq!(expand_machine(&two, "second").unwrap().name(), "second");
    let error = expand_machine(&two, "third").unwrap_err().to_string();
    assert!(error.contains("no single machine named `third`"), "{error}");
    assert!(
        expand("fn main() {}")
            .unwrap_err()
            .to_string()
            .contains("no `#[automat::machine]` module")
    );
}
