//! The code `#[automat::machine]` generates, formatted as Rust: to read it, and to
//! snapshot-test it one region at a time.

use crate::discover::{self, Found, Problem};
use proc_macro2::TokenStream;
use quote::ToTokens;
use std::fmt;
use std::path::Path;
use syn::{Item, Type};

/// Expands the one machine in `source`, the text of a Rust file or of a single item, as the
/// macro would, without compiling anything.
///
/// The declaration is checked first: mistakes come back as an [`ExpandError`] that locates
/// each one, not as `compile_error!` calls in the output.
///
/// A snapshot test of a generated region, with [insta](https://insta.rs):
///
/// ```
/// use automat_viz::Region;
///
/// let source = r#"
///     #[automat::machine]
///     pub mod light {
///         /// A switch.
///         pub trait Switch {
///             /// Flip it.
///             fn flip(&mut self);
///         }
///
///         /// Dark.
///         #[state(initial)]
///         pub struct Off;
///
///         /// Bright.
///         #[state]
///         pub struct On;
///
///         #[transitions]
///         impl Off {
///             fn flip(self) -> On {
///                 On
///             }
///         }
///
///         #[transitions]
///         impl On {
///             fn flip(self) -> Off {
///                 Off
///             }
///         }
///     }
/// "#;
/// let expansion = automat_viz::expand(source)?;
/// assert_eq!(expansion.name(), "light");
/// insta::assert_snapshot!(expansion.select(Region::Item("Input"))?, @r"
/// /// An input of a `light` machine as a value, for `Dynamic::handle`.
/// #[allow(dead_code)]
/// pub enum Input {
///     /// Flip it.
///     Flip,
/// }
/// ");
/// # Ok::<(), automat_viz::ExpandError>(())
/// ```
///
/// `insta::assert_snapshot!(expansion.to_string())` snapshots the whole module instead; a
/// snapshot kept in a file, as `automat-viz/tests/expand.rs` does, names it
/// `insta::assert_snapshot!("light_dynamic", expansion.select(Region::Impls("Dynamic"))?)`.
///
/// # Errors
///
/// When `source` is not valid Rust, holds no machine or more than one (then use
/// [`expand_machine`]), or the machine has mistakes.
pub fn expand(source: &str) -> Result<Expansion, ExpandError> {
    one(discover::machines(Path::new(SOURCE), source)?, None)
}

/// Expands the machine named `name` in `source`, which may declare several.
///
/// # Errors
///
/// As [`expand`], and when `source` declares no machine named `name`.
pub fn expand_machine(source: &str, name: &str) -> Result<Expansion, ExpandError> {
    one(discover::machines(Path::new(SOURCE), source)?, Some(name))
}

/// Expands the one machine in `tokens`: an item or items, as `quote!` makes them.
///
/// # Errors
///
/// As [`expand`].
pub fn expand_tokens(tokens: TokenStream) -> Result<Expansion, ExpandError> {
    let path = Path::new(TOKENS);
    let file: syn::File =
        syn::parse2(tokens).map_err(|error| ExpandError::from(Problem::from_syn(path, error)))?;
    one(discover::machines_in(path, &file)?, None)
}

/// What errors name as the file, for source text and for tokens.
const SOURCE: &str = "<source>";
const TOKENS: &str = "<tokens>";

/// The machine among `found` that the caller asked for.
fn one(found: Vec<Found>, name: Option<&str>) -> Result<Expansion, ExpandError> {
    let names: Vec<String> = found
        .iter()
        .map(|machine| format!("`{}`", machine.name))
        .collect();
    let mut chosen = found
        .into_iter()
        .filter(|machine| name.is_none_or(|name| machine.name == name));
    let (Some(machine), None) = (chosen.next(), chosen.next()) else {
        let message = match (name, names.len()) {
            (_, 0) => "no `#[automat::machine]` module".to_owned(),
            (None, count) => format!(
                "{count} machines ({}); expand one with `expand_machine(source, name)`",
                names.join(", ")
            ),
            (Some(name), _) => format!(
                "no single machine named `{name}`; the machines are {}",
                names.join(", ")
            ),
        };
        return Err(ExpandError::from(vec![Problem::file(
            Path::new(SOURCE),
            message,
        )]));
    };
    Ok(Expansion {
        name: machine.name.clone(),
        file: expand_found(&machine)?,
    })
}

/// Checks and expands one machine found in a file: the module with everything the macro adds.
///
/// # Errors
///
/// The machine's mistakes, located.
pub(crate) fn expand_found(machine: &Found) -> Result<syn::File, Vec<Problem>> {
    // Check first, so mistakes come out located rather than as `compile_error!` calls.
    machine.parse()?;
    let expanded = automat_codegen::expand(machine.args.clone(), machine.module.to_token_stream());
    syn::parse2(expanded).map_err(|error| {
        vec![Problem::file(
            &machine.file,
            format_args!(
                "bug in automat: the expansion is not valid Rust ({error}); please report it"
            ),
        )]
    })
}

/// The code generated for one machine: its module, holding the user's items and everything
/// `#[automat::machine]` adds to them. [`Display`](fmt::Display) formats it all (with
/// prettyplease); [`select`](Expansion::select) formats one region of it.
pub struct Expansion {
    name: String,
    file: syn::File,
}

/// A region of an [`Expansion`], to read or to snapshot on its own: whole expansions run to
/// thousands of lines, and a change to one generated item should change one snapshot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Region<'a> {
    /// The items declared with this name: `State`, `Input`, `Output`, `Typed`, `Machine`,
    /// `Dynamic`, `DESCRIPTION`, the re-emitted input trait, or any item of the user's.
    Item(&'a str),
    /// Every `impl` block whose type is named this, inherent or of a trait:
    /// `Impls("Dynamic")` is `Dynamic`'s methods and trait impls, `Impls("Machine")` those of
    /// every `Machine<S>`.
    Impls(&'a str),
    /// Every `impl` of the trait named this, for any type: `TraitImpls("From")`.
    TraitImpls(&'a str),
}

impl Expansion {
    /// The machine's name: its module's.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The items of `region`, formatted, in the order the macro generates them. Items the macro
    /// hides in `const _: () = { ... }` blocks are found too, and shown without the block.
    ///
    /// # Errors
    ///
    /// When no item is in `region`; the error lists the names there are.
    pub fn select(&self, region: Region) -> Result<String, ExpandError> {
        let mut found = Vec::new();
        let mut names = Vec::new();
        for item in self.items() {
            collect(item, region, &mut found, &mut names);
        }
        if found.is_empty() {
            names.sort();
            names.dedup();
            let what = match region {
                Region::Item(name) => format!("no item named `{name}`"),
                Region::Impls(name) => format!("no `impl` block for `{name}`"),
                Region::TraitImpls(name) => format!("no `impl {name} for ...` block"),
            };
            return Err(ExpandError::from(vec![Problem::file(
                Path::new(SOURCE),
                format_args!(
                    "{what} in the expansion of `{}`; its items and types are {}",
                    self.name,
                    names.join(", ")
                ),
            )]));
        }
        let mut file = self.file.clone();
        file.items = found;
        Ok(prettyplease::unparse(&file))
    }

    /// The items of the expanded module.
    fn items(&self) -> &[Item] {
        self.file
            .items
            .iter()
            .find_map(|item| match item {
                Item::Mod(module) => module.content.as_ref().map(|(_, items)| items.as_slice()),
                _ => None,
            })
            .unwrap_or_default()
    }
}

impl fmt::Display for Expansion {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        out.write_str(&prettyplease::unparse(&self.file))
    }
}

impl fmt::Debug for Expansion {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        out.debug_struct("Expansion")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

/// Adds `item` to `found` when it is in `region`, looking inside `const _` blocks; records the
/// names it could have matched in `names`, for the error when nothing does.
fn collect(item: &Item, region: Region, found: &mut Vec<Item>, names: &mut Vec<String>) {
    if let Item::Const(constant) = item {
        if let syn::Expr::Block(block) = &*constant.expr {
            for statement in &block.block.stmts {
                if let syn::Stmt::Item(inner) = statement {
                    collect(inner, region, found, names);
                }
            }
        }
    }
    let (name, self_name, trait_name) = match item {
        Item::Impl(block) => (
            None,
            last_segment(&block.self_ty),
            block
                .trait_
                .as_ref()
                .and_then(|(path, _)| path.segments.last())
                .map(|segment| segment.ident.to_string()),
        ),
        item => (item_name(item), None, None),
    };
    names.extend(name.iter().chain(&self_name).cloned());
    let matches = match region {
        Region::Item(wanted) => name.as_deref() == Some(wanted),
        Region::Impls(wanted) => self_name.as_deref() == Some(wanted),
        Region::TraitImpls(wanted) => trait_name.as_deref() == Some(wanted),
    };
    if matches {
        found.push(item.clone());
    }
}

fn item_name(item: &Item) -> Option<String> {
    let ident = match item {
        Item::Const(item) if item.ident != "_" => &item.ident,
        Item::Enum(item) => &item.ident,
        Item::Fn(item) => &item.sig.ident,
        Item::Mod(item) => &item.ident,
        Item::Static(item) => &item.ident,
        Item::Struct(item) => &item.ident,
        Item::Trait(item) => &item.ident,
        Item::Type(item) => &item.ident,
        Item::Union(item) => &item.ident,
        _ => return None,
    };
    Some(ident.to_string())
}

fn last_segment(ty: &Type) -> Option<String> {
    match ty {
        Type::Path(path) => path
            .path
            .segments
            .last()
            .map(|segment| segment.ident.to_string()),
        Type::Group(group) => last_segment(&group.elem),
        Type::Paren(paren) => last_segment(&paren.elem),
        _ => None,
    }
}

/// Why a machine could not be expanded: every mistake, each located as `line:col` in the
/// source text (`<source>:3:9: ...`), or in the tokens (`<tokens>`, where there are no lines).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpandError {
    problems: Vec<Problem>,
}

impl ExpandError {
    /// Each mistake, as `<source>:line:col: message`, in source order.
    #[must_use]
    pub fn messages(&self) -> Vec<String> {
        self.problems.iter().map(ToString::to_string).collect()
    }
}

impl From<Vec<Problem>> for ExpandError {
    fn from(mut problems: Vec<Problem>) -> Self {
        problems.sort();
        ExpandError { problems }
    }
}

impl fmt::Display for ExpandError {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        out.write_str(&self.messages().join("\n"))
    }
}

impl std::error::Error for ExpandError {}
