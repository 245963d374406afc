//! The machine compiler behind `#[automat::machine]` and `automat-viz`: one parser, one model,
//! one set of checks and one code generator, shared so that the macro and the CLI can never
//! disagree about a machine.
//!
//! Not a public API: depend on `automat` and `automat-viz` instead.
#![forbid(unsafe_code)]

mod check;
mod expand;
pub mod generics;
pub mod model;
mod parse;
mod report;
mod resolve;
pub mod text;

use proc_macro2::{Ident, TokenStream};
use quote::quote;
use report::Errors;
use syn::{Item, ItemMod};

/// Expands `#[automat::machine(args)]` on `item`.
///
/// Never panics on user input. When the declaration has mistakes, the result is the module as
/// written (automat's markers removed) followed by one `compile_error!` per mistake, each at
/// the offending tokens.
#[must_use]
#[allow(clippy::needless_pass_by_value)] // The proc-macro entry hands over owned streams.
pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let Ok(mut module) = syn::parse2::<ItemMod>(item.clone()) else {
        let error = syn::Error::new_spanned(
            &item,
            "`#[automat::machine]` goes on a module that declares a machine: `pub mod name { ... }`",
        )
        .into_compile_error();
        return quote!(#item #error);
    };
    let mut errors = Errors::default();
    let (machine, expandable) = read(args, &mut module, &mut errors);
    let generated = match machine {
        Some(machine) if expandable => expand::module(module, &machine),
        _ => quote!(#module),
    };
    let errors = errors.finish().err().map(syn::Error::into_compile_error);
    quote!(#generated #errors)
}

/// Reads and checks the machine that `module` declares, as the macro would with `args`.
///
/// `automat-viz` calls this on modules it finds in source files. Automat's markers are removed
/// from `module` as a side effect.
///
/// # Errors
///
/// Every mistake in the declaration, combined, each spanned at the offending tokens.
pub fn parse_module(args: TokenStream, module: &mut ItemMod) -> syn::Result<model::Machine> {
    let mut errors = Errors::default();
    let (machine, _) = read(args, module, &mut errors);
    errors.finish()?;
    // `read` returns no machine only after recording why.
    machine.ok_or_else(|| syn::Error::new_spanned(&module.ident, "not a machine"))
}

/// Parses and checks; returns the machine, if one could be read, and whether code can be
/// generated for it despite the errors recorded.
fn read(
    args: TokenStream,
    module: &mut ItemMod,
    errors: &mut Errors,
) -> (Option<model::Machine>, bool) {
    let args = parse::args(args, errors);
    let Some(parsed) = parse::machine(module, args, errors) else {
        return (None, false);
    };
    let collisions = check::machine(
        &parsed.machine,
        parsed.graph_complete,
        &parsed.skipped,
        &declared_names(module),
        errors,
    );
    let expandable = parsed.expandable && !collisions && !parsed.machine.states.is_empty();
    (Some(parsed.machine), expandable)
}

/// The names the module declares at its top level, `use` imports included.
fn declared_names(module: &ItemMod) -> Vec<Ident> {
    let mut names = Vec::new();
    for item in module.content.iter().flat_map(|(_, items)| items) {
        match item {
            Item::Const(item) => names.push(item.ident.clone()),
            Item::Enum(item) => names.push(item.ident.clone()),
            Item::Fn(item) => names.push(item.sig.ident.clone()),
            Item::Mod(item) => names.push(item.ident.clone()),
            Item::Static(item) => names.push(item.ident.clone()),
            Item::Struct(item) => names.push(item.ident.clone()),
            Item::Trait(item) => names.push(item.ident.clone()),
            Item::Type(item) => names.push(item.ident.clone()),
            Item::Union(item) => names.push(item.ident.clone()),
            Item::Use(item) => use_names(&item.tree, &mut names),
            _ => {}
        }
    }
    names
}

fn use_names(tree: &syn::UseTree, names: &mut Vec<Ident>) {
    match tree {
        syn::UseTree::Path(path) => use_names(&path.tree, names),
        syn::UseTree::Name(name) if name.ident != "self" => names.push(name.ident.clone()),
        syn::UseTree::Rename(rename) => names.push(rename.rename.clone()),
        syn::UseTree::Group(group) => group.items.iter().for_each(|tree| use_names(tree, names)),
        _ => {}
    }
}
