//! Reads a `#[automat::machine]` module into the [model](crate::model).
//!
//! The parser strips automat's marker attributes (`#[state]`, `#[core]`, `#[transitions]`,
//! `#[branch]`) from the module in place, so the module can be emitted again whether or not
//! the machine is valid, then hands branches and handlers to [`resolve`].
//! Each mistake is recorded and the offending item skipped, so one pass reports them all.

use crate::generics::{self, Merger};
use crate::model::{Api, Core, Input, InputTrait, Machine, Param, State};
use crate::report::Errors;
use crate::resolve;
use crate::text;
use proc_macro2::{Ident, TokenStream};
use syn::meta::ParseNestedMeta;
use syn::parse::Parser;
use syn::spanned::Spanned;
use syn::{
    Attribute, FnArg, GenericParam, ImplItem, Item, ItemImpl, ItemMod, ItemStruct, ItemTrait, Pat,
    Path, ReceiverKind, ReturnType, Signature, TraitItem, Type,
};

/// The markers automat reads on the items of a machine module.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Marker {
    State { initial: bool, unreachable: bool },
    Core,
    Transitions,
    Branch,
    Group,
}

impl Marker {
    fn name(self) -> &'static str {
        match self {
            Marker::State { .. } => "#[state]",
            Marker::Core => "#[core]",
            Marker::Transitions => "#[transitions]",
            Marker::Branch => "#[branch]",
            Marker::Group => "#[group]",
        }
    }
}

/// Parses the arguments of `#[automat::machine(...)]`: `derive(Trait, ...)`, `serde`,
/// `observe`, `crate = path`, `dynamic` or `typestate`, and `?Send`.
pub fn args(args: TokenStream, errors: &mut Errors) -> Args {
    let (args, unsend) = take_unsend(args, errors);
    let mut read = Args {
        derives: Vec::new(),
        serde: false,
        observe: None,
        krate: None,
        api: None,
        unsend,
    };
    let mut contradictions = Vec::new();
    let parser = syn::meta::parser(|meta: ParseNestedMeta| {
        if meta.path.is_ident("derive") {
            if !meta.input.peek(syn::token::Paren) {
                return Err(
                    meta.error("`derive` takes a list of traits, as in `derive(Debug, Clone)`")
                );
            }
            meta.parse_nested_meta(|derive| {
                read.derives.push(derive.path);
                Ok(())
            })
        } else if meta.path.is_ident("serde") {
            read.serde = true;
            Ok(())
        } else if meta.path.is_ident("observe") {
            read.observe = Some(meta.path.span());
            Ok(())
        } else if meta.path.is_ident("crate") {
            let value = meta
                .value()
                .ok()
                .filter(|value| !value.is_empty() && !value.peek(syn::Token![,]))
                .ok_or_else(|| {
                    meta.error(
                        "`crate` takes the path of the runtime crate, as in `crate = automat`",
                    )
                })?;
            // `crate = fsm`, or serde's spelling, `crate = "fsm"`.
            read.krate = Some(if value.peek(syn::LitStr) {
                value.parse::<syn::LitStr>()?.parse::<Path>()?
            } else {
                value.parse::<Path>()?
            });
            Ok(())
        } else if meta.path.is_ident("dynamic") || meta.path.is_ident("typestate") {
            let api = if meta.path.is_ident("dynamic") {
                Api::Dynamic
            } else {
                Api::Typestate
            };
            match read.api {
                Some((first, _)) => contradictions.push(two_apis(first, api, meta.path.span())),
                None => read.api = Some((api, meta.path.span())),
            }
            Ok(())
        } else {
            Err(meta.error(
                "unknown argument; `#[automat::machine]` takes `derive(Trait, ...)`, `serde`, `observe`, `crate = path`, `dynamic` or `typestate`, and `?Send`",
            ))
        }
    });
    if let Err(error) = parser.parse2(end_with_comma(args)) {
        errors.push(error);
    }
    for error in contradictions {
        errors.push(error);
    }
    // `serde` saves and loads `Dynamic`, which `typestate` leaves out.
    if let (Some((Api::Typestate, span)), true) = (read.api, read.serde) {
        errors.error(
            span,
            "`serde` saves and loads `Dynamic`, which `typestate` leaves out; remove `typestate` to generate both machines, or write `dynamic`",
        );
    }
    read
}

// `syn` spans an error at the end of the input (`crate` without `= path`) at the call site,
// which is the whole attribute: a comma spanned like the last token, which the list may end
// with, moves it onto that token.
fn end_with_comma(args: TokenStream) -> TokenStream {
    use proc_macro2::{Punct, Spacing, TokenTree};
    let mut args: Vec<TokenTree> = args.into_iter().collect();
    match args.last() {
        Some(TokenTree::Punct(comma)) if comma.as_char() == ',' => {}
        Some(last) => {
            let mut comma = Punct::new(',', Spacing::Alone);
            comma.set_span(last.span());
            args.push(TokenTree::Punct(comma));
        }
        None => {}
    }
    args.into_iter().collect()
}

// Each of `dynamic` and `typestate` leaves the other's machine out, so writing both (or one
// twice) asks for nothing coherent: the error is on the second, and says how to get both.
fn two_apis(first: Api, second: Api, span: proc_macro2::Span) -> syn::Error {
    let message = if first == second {
        format!("`{}` is already given", api_name(second))
    } else {
        format!(
            "`{}` and `{}` each generate one machine and leave out the other; write neither to generate both",
            api_name(first),
            api_name(second),
        )
    };
    syn::Error::new(span, message)
}

fn api_name(api: Api) -> &'static str {
    match api {
        Api::Dynamic => "dynamic",
        Api::Typestate => "typestate",
        Api::Both => "",
    }
}

/// The arguments of `#[automat::machine(...)]`.
pub struct Args {
    /// `derive(Trait, ...)`.
    pub derives: Vec<Path>,
    /// `serde`.
    pub serde: bool,
    /// `observe`, where it was written.
    pub observe: Option<proc_macro2::Span>,
    /// `crate = path`: the path of the runtime crate.
    pub krate: Option<Path>,
    /// `dynamic` or `typestate` (the first written), and where.
    pub api: Option<(Api, proc_macro2::Span)>,
    /// `?Send`, as written: the input trait's futures are not bound by `Send`.
    pub unsend: Option<TokenStream>,
}

/// Takes `?Send` out of the arguments, which are otherwise `syn` metas (which `?` cannot
/// start), and returns the rest. `?` before anything but `Send`, `?Send` twice, and `?Send`
/// without a comma between it and its neighbours, are reported.
fn take_unsend(args: TokenStream, errors: &mut Errors) -> (TokenStream, Option<TokenStream>) {
    use proc_macro2::TokenTree;
    let is_comma =
        |token: &TokenTree| matches!(token, TokenTree::Punct(comma) if comma.as_char() == ',');
    let mut rest = Vec::new();
    let mut unsend = None;
    let mut tokens = args.into_iter().peekable();
    while let Some(token) = tokens.next() {
        let TokenTree::Punct(question) = &token else {
            rest.push(token);
            continue;
        };
        if question.as_char() != '?' {
            rest.push(token);
            continue;
        }
        let span = question.span();
        // Taken out, `dynamic ?Send` would read as `dynamic`: a comma must come before it, as
        // between metas, where `syn` says the same.
        if rest.last().is_some_and(|last| !is_comma(last)) {
            errors.error(span, "expected `,`");
        }
        // Punctuation after `?` (`?, dynamic`, `??Send`) is not what `?` stands for: it stays,
        // and the `?` is bare.
        let bound = match tokens.peek() {
            Some(TokenTree::Punct(_)) | None => None,
            Some(_) => tokens.next(),
        };
        // The comma after it, if any, goes with it; anything else must be after a comma.
        match tokens.peek() {
            Some(comma) if is_comma(comma) => {
                tokens.next();
            }
            Some(next) if bound.is_some() => errors.error(next.span(), "expected `,`"),
            _ => {}
        }
        match &bound {
            Some(TokenTree::Ident(ident)) if ident == "Send" => {
                let written: TokenStream = [token.clone(), TokenTree::Ident(ident.clone())]
                    .into_iter()
                    .collect();
                if unsend.is_some() {
                    errors.error_at(&written, "`?Send` is given twice; write it once");
                } else {
                    unsend = Some(written);
                }
            }
            Some(other) => errors.error(
                other.span(),
                format_args!(
                    "`?{other}` is no argument of `#[automat::machine]`; `?Send` is the only `?` argument: it lifts the `Send` bound from the futures of the input trait's async methods"
                ),
            ),
            None => errors.error(
                span,
                "expected `?Send`, which lifts the `Send` bound from the futures of the input trait's async methods",
            ),
        }
    }
    (rest.into_iter().collect(), unsend)
}

/// A machine as read, with what the reading could vouch for.
pub struct Parsed {
    /// The machine.
    pub machine: Machine,
    /// Whether every handler could be read, so the graph checks see the declared graph.
    pub graph_complete: bool,
    /// Handlers the graph checks consider without generating them.
    pub skipped: resolve::Skipped,
    /// Whether generated code would compile, mistakes aside that the checks report.
    pub expandable: bool,
}

/// Reads the machine declared by `module`, removing automat's markers from its items.
///
/// Returns `None` when the module is too broken to describe a machine; every reason is in
/// `errors` either way.
pub fn machine(module: &mut ItemMod, args: Args, errors: &mut Errors) -> Option<Parsed> {
    let Some((_, items)) = &mut module.content else {
        errors.error(
            module.ident.span(),
            "`#[automat::machine]` needs the module's items inline: `mod name { ... }`",
        );
        return None;
    };

    let mut input_trait: Option<(InputTrait, Vec<Input>)> = None;
    let mut core: Option<Core> = None;
    let mut generics = Merger::default();
    let mut states = Vec::new();
    let mut branches = Vec::new();
    let mut groups = Vec::new();
    let mut blocks = Vec::new();
    // Plain `impl` blocks and type aliases: not part of the machine, but what a mistake about
    // one names, so that its error can say so.
    let mut plain_impls = Vec::new();
    let mut aliases = Vec::new();
    // Declared but unusable: a broken input. Handlers naming them are skipped quietly, and
    // no code is generated.
    let mut broken = Vec::new();
    let mut block_items = Vec::new();
    for (index, item) in items.iter_mut().enumerate() {
        let Some(attrs) = attrs_mut(item) else {
            continue;
        };
        let mut marker = take_marker(attrs, errors);
        // A marker on the trait is reported, and the trait still read as the inputs, so the
        // machine is not also said to have none.
        if let (Item::Trait(_), Some(wrong)) = (&*item, marker) {
            let _ = misplaced(item, wrong, errors);
            marker = None;
        }
        match (item, marker) {
            (Item::Trait(item), None) => {
                if let Some((first, _)) = &input_trait {
                    errors.error(
                        item.ident.span(),
                        format_args!(
                            "a machine has one input trait, and `{}` is already it; move `{}` out of the module",
                            first.ident, item.ident,
                        ),
                    );
                } else {
                    generics.add(&item.ident, &item.generics, false, errors);
                    input_trait = Some(parse_trait(item, &mut broken, errors));
                }
            }
            (
                Item::Struct(item),
                Some(Marker::State {
                    initial,
                    unreachable,
                }),
            ) => {
                generics.add(&item.ident, &item.generics, true, errors);
                states.push(State {
                    ident: item.ident.clone(),
                    ty: struct_type(item),
                    doc: text::doc(&item.attrs),
                    initial,
                    unreachable,
                    data: !item.fields.is_empty(),
                });
            }
            (Item::Struct(item), Some(Marker::Core)) => {
                if let Some(first) = &core {
                    errors.error(
                        item.ident.span(),
                        format_args!(
                            "a machine has at most one `#[core]`, and `{}` is already it",
                            first.ident,
                        ),
                    );
                } else {
                    generics.add(&item.ident, &item.generics, true, errors);
                    core = Some(Core {
                        ident: item.ident.clone(),
                        ty: struct_type(item),
                    });
                }
            }
            (Item::Enum(item), Some(Marker::Branch)) => branches.push(item.clone()),
            (Item::Enum(item), Some(Marker::Group)) => {
                // The generated code builds the group's variants around its states; a handler
                // that does not `match` on `self` never reads them, which is no mistake.
                item.attrs.push(syn::parse_quote!(#[allow(dead_code)]));
                groups.push(item.clone());
            }
            (Item::Impl(item), Some(Marker::Transitions)) => {
                // Handler shapes are dictated by the trait, so the lints that judge a
                // signature by its body would push users into warnings they cannot fix.
                item.attrs.push(syn::parse_quote!(#[allow(clippy::unused_self, clippy::needless_pass_by_value, clippy::unnecessary_wraps)]));
                blocks.push(item.clone());
                block_items.push(index);
                lift_unconstrained(item);
            }
            (Item::Impl(item), None) if item.trait_.is_none() => plain_impls.push(item.clone()),
            (Item::Type(item), None) => aliases.push(item.clone()),
            (item, Some(marker)) => {
                // Whatever names the item is about a mistake already reported.
                if let Some(ident) = misplaced(item, marker, errors) {
                    broken.push(ident);
                }
            }
            (_, None) => {}
        }
    }

    let Some((input_trait, inputs)) = input_trait else {
        errors.error(
            module.ident.span(),
            "a machine needs an input trait: declare `pub trait Name { fn input(&mut self); }` in the module",
        );
        return None;
    };
    if let (Some(span), None) = (args.observe, &core) {
        errors.error(
            span,
            "`observe` reports to the core: add a `#[core]` struct that implements `automat::Observer`",
        );
        broken.push(module.ident.clone());
    }
    if let Some(unsend) = &args.unsend
        && !inputs.iter().any(|input| input.is_async)
    {
        // Nothing would change: only async inputs' futures carry the bound.
        errors.error_at(
            unsend,
            "`?Send` lifts the `Send` bound from the futures of async inputs, and this machine has none: remove `?Send`, or declare an input `async fn`",
        );
    }
    let (generics, sound) = generics.finish(errors);
    if !sound {
        broken.push(module.ident.clone());
    }
    let mut undeclared = Vec::new();
    for input in &inputs {
        let before = undeclared.len();
        undeclared_borrows(input, &generics, &mut undeclared, errors);
        if undeclared.len() != before {
            broken.push(input.ident.clone());
        }
    }
    if !undeclared.is_empty() {
        declare_for_rustc(items, &block_items, &undeclared);
    }
    let scope = resolve::Scope {
        trait_ident: &input_trait.ident,
        inputs: &inputs,
        broken: &broken,
        states: &states,
        core: core.as_ref().map(|core| &core.ident),
        aliases: &aliases,
    };
    let api = args.api.map_or(Api::Both, |(api, _)| api);
    let resolved = resolve::resolve(&scope, &branches, &groups, &blocks, &plain_impls, errors);
    drop_duplicates(items, &block_items, &resolved.skipped.duplicate_items);
    Some(Parsed {
        machine: Machine {
            ident: module.ident.clone(),
            doc: text::doc(&module.attrs),
            vis: trait_vis(module),
            input_trait,
            inputs,
            generics,
            core,
            states,
            branches: resolved.branches,
            groups: resolved.groups,
            handlers: resolved.handlers,
            derives: args.derives,
            serde: args.serde && api != Api::Typestate,
            observe: args.observe.is_some(),
            krate: args.krate.unwrap_or_else(|| syn::parse_quote!(::automat)),
            api,
            send: args.unsend.is_none(),
        },
        graph_complete: resolved.graph_complete,
        skipped: resolved.skipped,
        expandable: resolved.expandable && broken.is_empty(),
    })
}

/// The visibility of the module's trait, found again after the items were walked.
fn trait_vis(module: &ItemMod) -> syn::Visibility {
    module
        .content
        .iter()
        .flat_map(|(_, items)| items)
        .find_map(|item| match item {
            Item::Trait(item) => Some(item.vis.clone()),
            _ => None,
        })
        .unwrap_or(syn::Visibility::Inherited)
}

fn attrs_mut(item: &mut Item) -> Option<&mut Vec<Attribute>> {
    Some(match item {
        Item::Const(item) => &mut item.attrs,
        Item::Enum(item) => &mut item.attrs,
        Item::Fn(item) => &mut item.attrs,
        Item::Impl(item) => &mut item.attrs,
        Item::Mod(item) => &mut item.attrs,
        Item::Static(item) => &mut item.attrs,
        Item::Struct(item) => &mut item.attrs,
        Item::Trait(item) => &mut item.attrs,
        Item::Type(item) => &mut item.attrs,
        Item::Union(item) => &mut item.attrs,
        Item::Use(item) => &mut item.attrs,
        Item::Macro(item) => &mut item.attrs,
        _ => return None,
    })
}

/// Removes automat's markers from `attrs` and returns the one found.
fn take_marker(attrs: &mut Vec<Attribute>, errors: &mut Errors) -> Option<Marker> {
    let mut found: Option<Marker> = None;
    attrs.retain(|attr| {
        let marker = if attr.path().is_ident("state") {
            Some(parse_state_marker(attr, errors))
        } else if attr.path().is_ident("core") {
            bare(attr, Marker::Core, errors)
        } else if attr.path().is_ident("transitions") {
            bare(attr, Marker::Transitions, errors)
        } else if attr.path().is_ident("branch") {
            bare(attr, Marker::Branch, errors)
        } else if attr.path().is_ident("group") {
            bare(attr, Marker::Group, errors)
        } else {
            return true;
        };
        match (found, marker) {
            (Some(first), Some(marker)) => errors.error_at(
                attr,
                format_args!(
                    "`{}` cannot be combined with `{}` on one item",
                    marker.name(),
                    first.name()
                ),
            ),
            (None, Some(marker)) => found = Some(marker),
            (_, None) => {}
        }
        false
    });
    found
}

fn bare(attr: &Attribute, marker: Marker, errors: &mut Errors) -> Option<Marker> {
    if let syn::Meta::Path(_) = attr.meta {
        Some(marker)
    } else {
        errors.error_at(
            &attr.meta,
            format_args!("`{}` takes no arguments", marker.name()),
        );
        None
    }
}

/// Reads `#[state]`, `#[state(initial)]` or `#[state(unreachable)]`. A mistaken option is
/// reported and the struct still taken as a state, so its handlers are not reported again.
fn parse_state_marker(attr: &Attribute, errors: &mut Errors) -> Marker {
    let (mut initial, mut unreachable) = (false, false);
    if let syn::Meta::List(_) = attr.meta {
        let parsed = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("initial") {
                initial = true;
            } else if meta.path.is_ident("unreachable") {
                unreachable = true;
            } else {
                return Err(meta.error("unknown state option; expected `initial` or `unreachable`"));
            }
            Ok(())
        });
        if let Err(error) = parsed {
            errors.push(error);
        }
        if initial && unreachable {
            errors.error_at(
                &attr.meta,
                "the initial state is always reachable; drop `unreachable`",
            );
        }
    } else if let syn::Meta::NameValue(_) = attr.meta {
        errors.error_at(
            &attr.meta,
            "expected `#[state]`, `#[state(initial)]` or `#[state(unreachable)]`",
        );
    }
    Marker::State {
        initial,
        unreachable,
    }
}

/// Reports a marker on an item of the wrong kind, at the item's name, and returns that name:
/// the item is not what the marker would make it, and what names it is skipped quietly.
fn misplaced(item: &Item, marker: Marker, errors: &mut Errors) -> Option<Ident> {
    let wants = match marker {
        Marker::State { .. } | Marker::Core => "a struct",
        Marker::Transitions => "an inherent `impl` block of a state",
        Marker::Branch | Marker::Group => "an enum",
    };
    let (span, ident, found) = match item {
        Item::Struct(item) => (item.ident.span(), Some(&item.ident), "a struct".to_owned()),
        Item::Enum(item) => (item.ident.span(), Some(&item.ident), "an enum".to_owned()),
        Item::Union(item) => (item.ident.span(), Some(&item.ident), "a union".to_owned()),
        Item::Trait(item) => (item.ident.span(), Some(&item.ident), "a trait".to_owned()),
        Item::Fn(item) => (
            item.sig.ident.span(),
            Some(&item.sig.ident),
            "a function".to_owned(),
        ),
        Item::Const(item) => (
            item.ident.span(),
            Some(&item.ident),
            "a constant".to_owned(),
        ),
        Item::Static(item) => (item.ident.span(), Some(&item.ident), "a static".to_owned()),
        Item::Mod(item) => (item.ident.span(), Some(&item.ident), "a module".to_owned()),
        Item::Type(alias) => {
            let found = match type_ident(&alias.ty) {
                Some(aliased) => format!("a type alias; put it on `{aliased}` itself"),
                None => "a type alias".to_owned(),
            };
            (alias.ident.span(), Some(&alias.ident), found)
        }
        Item::Impl(item) => (item.self_ty.span(), None, "an `impl` block".to_owned()),
        Item::Use(item) => (item.use_token.span, None, "a `use` item".to_owned()),
        Item::Macro(item) => (item.mac.path.span(), None, "a macro call".to_owned()),
        item => (item.span(), None, "this item".to_owned()),
    };
    let advice = match (marker, item) {
        (Marker::State { .. }, Item::Enum(_)) => {
            ": a state is one struct, and the states are its alternatives; make each variant a `#[state]` struct, or wrap the enum in one, like `pub struct Mode(Kind);`"
        }
        (Marker::Branch, Item::Struct(_)) => {
            ": a branch is an enum whose variants each wrap one state, like `pub enum Close { Closing(Closing), Blocked(Opened) }`"
        }
        (Marker::Group, Item::Struct(_)) => {
            ": a group is an enum whose variants each wrap one member state, like `pub enum Handshake { Start(Start), WaitHello(WaitHello) }`"
        }
        _ => "",
    };
    errors.error(
        span,
        format_args!(
            "`{}` goes on {wants}, not on {found}{advice}",
            marker.name()
        ),
    );
    ident.cloned()
}

/// Reports generics where a machine cannot have them, saying where they go instead
/// (`instead`); returns whether there were none.
pub(crate) fn no_generics(
    generics: &syn::Generics,
    what: &str,
    instead: &str,
    errors: &mut Errors,
) -> bool {
    if !generics.params.is_empty() {
        errors.error_at(
            &generics.params,
            format_args!("{what} has no generic parameters of its own; {instead}"),
        );
        return false;
    }
    if let Some(clause) = &generics.where_clause {
        errors.error_at(
            clause,
            format_args!("{what} has no `where` clause of its own; {instead}"),
        );
        return false;
    }
    true
}

/// The type a struct declares, with its parameters: `Reading<'buf>` for `struct Reading<'buf>`.
fn struct_type(item: &ItemStruct) -> Type {
    let (ident, (_, args, _)) = (&item.ident, item.generics.split_for_impl());
    syn::parse_quote!(#ident #args)
}

/// Moves the type and const parameters that a `#[transitions]` block declares but its state
/// does not use (`impl<T: Write> Open` where only the core is `Core<T>`) onto each handler whose
/// signature names them, with the `where` predicates that name them: Rust accepts a parameter of
/// an inherent `impl` only when the implemented type uses it, and the handler's arguments fix
/// it at each call.
fn lift_unconstrained(block: &mut ItemImpl) {
    let used = generics::names(&block.self_ty);
    let (kept, moved): (Vec<GenericParam>, Vec<GenericParam>) =
        block.generics.params.iter().cloned().partition(|param| {
            matches!(param, GenericParam::Lifetime(_))
                || used.contains(&generics::param_name(param))
        });
    if moved.is_empty() {
        return;
    }
    let moved_names: Vec<String> = moved.iter().map(generics::param_name).collect();
    let mut predicates = Vec::new();
    if let Some(clause) = &mut block.generics.where_clause {
        let (stay, go): (Vec<_>, Vec<_>) =
            clause.predicates.iter().cloned().partition(|predicate| {
                !generics::names(predicate)
                    .iter()
                    .any(|name| moved_names.contains(name))
            });
        clause.predicates = stay.into_iter().collect();
        predicates = go;
    }
    let (lt, gt) = (block.generics.lt_token, block.generics.gt_token);
    block.generics.params = kept.into_iter().collect();
    if block.generics.params.is_empty() {
        (block.generics.lt_token, block.generics.gt_token) = (None, None);
    }
    for item in &mut block.items {
        let ImplItem::Fn(method) = item else { continue };
        // The parameters the signature names, then those their bounds and predicates name
        // (`U: From<T>` takes `T` with `U`), until nothing is added.
        let mut named = generics::names(&method.sig);
        loop {
            let more: Vec<String> = moved
                .iter()
                .filter(|param| named.contains(&generics::param_name(param)))
                .flat_map(generics::names)
                .chain(
                    predicates
                        .iter()
                        .map(generics::names)
                        .filter(|names| {
                            names
                                .iter()
                                .any(|name| moved_names.contains(name) && named.contains(name))
                        })
                        .flatten(),
                )
                .filter(|name| moved_names.contains(name) && !named.contains(name))
                .collect();
            if more.is_empty() {
                break;
            }
            named.extend(more);
        }
        let taken: Vec<&GenericParam> = moved
            .iter()
            .filter(|param| named.contains(&generics::param_name(param)))
            .collect();
        if taken.is_empty() {
            continue;
        }
        let taken_names: Vec<String> = taken.iter().copied().map(generics::param_name).collect();
        // A handler's own parameters are a mistake reported elsewhere; they are kept, so the
        // module emitted beside the error still compiles.
        let generics = &mut method.sig.generics;
        generics.params.extend(taken.into_iter().cloned());
        if generics.lt_token.is_none() {
            (generics.lt_token, generics.gt_token) = (lt, gt);
        }
        let bounds: Vec<&syn::WherePredicate> = predicates
            .iter()
            .filter(|predicate| {
                generics::names(predicate)
                    .iter()
                    .all(|name| !moved_names.contains(name) || taken_names.contains(name))
            })
            .collect();
        if !bounds.is_empty() {
            generics
                .make_where_clause()
                .predicates
                .extend(bounds.into_iter().cloned());
        }
    }
}

/// Checks that every lifetime an input's parameters, output and error name is a machine parameter
/// (generated items have nowhere else to take it from); adds those that are not to `found`.
fn undeclared_borrows(
    input: &Input,
    generics: &crate::model::Generics,
    found: &mut Vec<syn::Lifetime>,
    errors: &mut Errors,
) {
    // A parameter may borrow for the call only; an output or error outlives the call.
    let arguments = input.params.iter().map(|param| (&param.ty, true));
    let results = input
        .output
        .iter()
        .chain(&input.error)
        .map(|ty| (ty, false));
    for (ty, argument) in arguments.chain(results) {
        let instead = if argument {
            "leave it out (`&[u8]`, `Frame<'_>`) to borrow for the call only"
        } else {
            "return an owned value (`Vec<u8>` for `&[u8]`)"
        };
        for lifetime in generics::undeclared_lifetimes(ty, generics) {
            errors.error_at(
                &lifetime,
                format_args!(
                    "lifetime `{lifetime}` of input `{}` is declared nowhere: declare it on the core or the state that holds the borrow (`struct Reading<{lifetime}>`), or {instead}",
                    input.ident,
                ),
            );
            if !found.iter().any(|seen| seen.ident == lifetime.ident) {
                found.push(lifetime);
            }
        }
    }
}

/// Removes second handlers for a state and input, reported already, from the `#[transitions]`
/// blocks (at `block_items`) of the emitted module: two methods of one name in one `impl` would
/// be rustc's error too, pointing at the same mistake.
fn drop_duplicates(items: &mut [Item], block_items: &[usize], duplicates: &[(usize, usize)]) {
    // From the last, so that removing a method leaves the indexes of the others valid.
    let mut duplicates = duplicates.to_vec();
    duplicates.sort_unstable();
    for &(block, method) in duplicates.iter().rev() {
        if let Some(Item::Impl(item)) = block_items.get(block).and_then(|&at| items.get_mut(at)) {
            if method < item.items.len() {
                item.items.remove(method);
            }
        }
    }
}

/// Declares `lifetimes` on the input trait and on the `#[transitions]` blocks (at
/// `block_items`) that name them, in the module emitted beside the error: the error says where
/// they belong, and rustc need not say again, with other advice, that they are undeclared.
fn declare_for_rustc(items: &mut [Item], block_items: &[usize], lifetimes: &[syn::Lifetime]) {
    for (index, item) in items.iter_mut().enumerate() {
        let generics = match item {
            Item::Trait(item) => &mut item.generics,
            Item::Impl(item) if block_items.contains(&index) => &mut item.generics,
            _ => continue,
        };
        for lifetime in lifetimes {
            let name = lifetime.to_string();
            if !generics
                .params
                .iter()
                .any(|param| generics::param_name(param) == name)
            {
                generics.params.insert(
                    0,
                    GenericParam::Lifetime(syn::LifetimeParam::new(lifetime.clone())),
                );
            }
        }
        (generics.lt_token, generics.gt_token) = (
            Some(syn::Token![<](proc_macro2::Span::call_site())),
            Some(syn::Token![>](proc_macro2::Span::call_site())),
        );
    }
}

/// Reads the input trait: one input per method. The names of methods that are not valid
/// inputs go to `broken`, so their handlers are skipped quietly.
fn parse_trait(
    item: &ItemTrait,
    broken: &mut Vec<Ident>,
    errors: &mut Errors,
) -> (InputTrait, Vec<Input>) {
    if let Some(unsafety) = &item.unsafety {
        errors.error(unsafety.span, "the input trait cannot be `unsafe`");
    }
    if !item.supertraits.is_empty() {
        errors.error_at(
            &item.supertraits,
            "the input trait cannot have supertraits: `Dynamic` implements it alone",
        );
    }
    let mut inputs: Vec<Input> = Vec::new();
    for trait_item in &item.items {
        let TraitItem::Fn(method) = trait_item else {
            errors.error(
                trait_item_span(trait_item),
                "the input trait holds only input methods: `fn name(&mut self, ...) -> Output;`",
            );
            continue;
        };
        if let Some(body) = &method.default {
            errors.error_at(
                body,
                "an input has no default body: handlers go in `#[transitions]` blocks",
            );
        }
        if let Some(first) = inputs.iter().find(|input| input.ident == method.sig.ident) {
            errors.error(
                method.sig.ident.span(),
                format_args!("input `{}` is declared twice", first.ident),
            );
            continue;
        }
        match parse_input(&method.sig, &method.attrs, errors) {
            Some(input) => inputs.push(input),
            None => broken.push(method.sig.ident.clone()),
        }
    }
    if item.items.is_empty() {
        errors.error(item.ident.span(), "the input trait declares no inputs: add a method per input, like `fn push(&mut self);`");
    }
    (
        InputTrait {
            ident: item.ident.clone(),
            attrs: item.attrs.clone(),
            generics: item.generics.clone(),
        },
        inputs,
    )
}

/// Where a trait item starts after its attributes, so an error is not shown on a doc comment.
fn trait_item_span(item: &TraitItem) -> proc_macro2::Span {
    match item {
        TraitItem::Const(item) => item.const_token.span,
        TraitItem::Type(item) => item.type_token.span,
        TraitItem::Macro(item) => item.mac.path.span(),
        item => item.span(),
    }
}

/// Reads one input. Mistakes in its shape are reported and the input kept, since the
/// generated code declares it afresh; only a parameter without a plain name, which `Input`
/// could not name, leaves it out.
fn parse_input(sig: &Signature, attrs: &[Attribute], errors: &mut Errors) -> Option<Input> {
    plain_signature(
        sig,
        "an input",
        "parameters and bounds go on the input trait and on the core or state that holds them",
        errors,
    );
    match sig.inputs.first() {
        Some(FnArg::Receiver(receiver))
            if is_mut_ref(&receiver.kind) && receiver.mutability.is_none() => {}
        Some(arg @ FnArg::Receiver(_)) => errors.error_at(arg, "an input takes `&mut self`"),
        _ => errors.error(
            sig.ident.span(),
            format_args!(
                "input `{}` needs `&mut self` as its first parameter",
                sig.ident
            ),
        ),
    }
    let mut params = Vec::new();
    let mut named = true;
    for arg in &sig.inputs {
        let FnArg::Typed(arg) = arg else { continue };
        match &*arg.pat {
            Pat::Ident(pat) if pat.by_ref.is_none() && pat.subpat.is_none() => {
                params.push(Param {
                    ident: pat.ident.clone(),
                    ty: (*arg.ty).clone(),
                    stored: generics::name_elided(&arg.ty).0,
                });
            }
            pat => {
                errors.error_at(
                    pat,
                    "an input's parameters need plain names: they become the fields of `Input`",
                );
                named = false;
            }
        }
    }
    // `-> Result<T, E>` declares a fallible input: its output is `T`, its error `E`.
    let (output, error) = match &sig.output {
        ReturnType::Type(_, ty) => match result_parts(ty) {
            Some((ok, error)) => ((!is_unit(ok)).then(|| ok.clone()), Some(error.clone())),
            None if is_unit(ty) => (None, None),
            None => (Some((**ty).clone()), None),
        },
        ReturnType::Default => (None, None),
    };
    // Arguments are stored in `Input` and outputs in `Output`, so each needs a type a field
    // can have: no `impl Trait`.
    for (what, ty) in params
        .iter()
        .map(|param| (format!("parameter `{}`", param.ident), &param.ty))
        .chain(output.iter().map(|ty| ("the output".to_owned(), ty)))
        .chain(error.iter().map(|ty| ("the error".to_owned(), ty)))
    {
        if generics::has_impl_trait(ty) {
            errors.error_at(
                ty,
                format_args!(
                    "{what} of input `{}` is an `impl Trait`, but inputs and outputs are stored in the `Input` and `Output` enums: name a type, or a type parameter declared on the core or a state (`struct Core<T: Into<u16>>`)",
                    sig.ident,
                ),
            );
            named = false;
        }
    }
    // An output that borrows with an elided lifetime borrows from `&mut self`: from the
    // machine, which the next input changes.
    for (what, ty) in output
        .iter()
        .map(|ty| ("output", ty))
        .chain(error.iter().map(|ty| ("error", ty)))
    {
        if generics::name_elided(ty).1 {
            errors.error_at(
                ty,
                format_args!(
                    "the {what} of input `{}` borrows from the machine, which the next input may change: return an owned value (`Vec<u8>` for `&[u8]`), or a borrow whose lifetime the machine declares (`&'buf [u8]`)",
                    sig.ident,
                ),
            );
            named = false;
        }
    }
    named.then(|| Input {
        ident: sig.ident.clone(),
        variant: text::upper_camel(&sig.ident),
        attrs: attrs.to_vec(),
        doc: text::doc(attrs),
        params,
        output,
        error,
        is_async: sig.asyncness.is_some(),
    })
}

/// Rejects what a plain method signature does not have: generics (which go where `instead`
/// says), `unsafe`, an ABI, variadics. `async` is read by the callers: an input and a handler
/// of an async input may be `async`.
pub(crate) fn plain_signature(sig: &Signature, what: &str, instead: &str, errors: &mut Errors) {
    let _ = no_generics(&sig.generics, what, instead, errors);
    if let syn::Safety::Unsafe(token) = &sig.safety {
        errors.error(token.span, format_args!("{what} cannot be `unsafe`"));
    }
    if let Some(abi) = &sig.abi {
        errors.error_at(abi, format_args!("{what} cannot declare an ABI"));
    }
    if let Some(variadic) = &sig.variadic {
        errors.error_at(variadic, format_args!("{what} cannot be variadic"));
    }
}

fn is_mut_ref(kind: &ReceiverKind) -> bool {
    matches!(kind, ReceiverKind::Reference(_, None, Some(_)))
}

fn is_unit(ty: &Type) -> bool {
    matches!(ty, Type::Tuple(tuple) if tuple.elems.is_empty())
}

/// `T` and `E` of a type written `Result<T, E>` (or with a path, like `core::result::Result<T, E>`).
pub(crate) fn result_parts(ty: &Type) -> Option<(&Type, &Type)> {
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?;
    if path.qself.is_some() || last.ident != "Result" {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.iter().collect::<Vec<_>>().as_slice() {
        [
            syn::GenericArgument::Type(ok),
            syn::GenericArgument::Type(error),
        ] => Some((ok, error)),
        _ => None,
    }
}

/// The name of a type written as one identifier, like `Locked`, `Self` or `Locked<u8>`
/// (generic arguments, a mistake of their own, do not hide the name).
pub(crate) fn type_ident(ty: &Type) -> Option<&Ident> {
    match ty {
        Type::Path(path)
            if path.qself.is_none()
                && path.path.leading_colon.is_none()
                && path.path.segments.len() == 1 =>
        {
            Some(&path.path.segments[0].ident)
        }
        Type::Paren(paren) => type_ident(&paren.elem),
        Type::Group(group) => type_ident(&group.elem),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::lift_unconstrained;
    use quote::ToTokens;

    fn lifted(block: &str) -> String {
        let mut block: syn::ItemImpl = syn::parse_str(block).unwrap();
        lift_unconstrained(&mut block);
        block.to_token_stream().to_string()
    }

    #[test]
    fn a_parameter_named_only_in_a_moved_bound_moves_with_it() {
        let block = "impl<T, U: From<T>, V> Open { fn h(self, core: &mut Core<U>) {} }";
        let expected =
            "impl Open { fn h < T , U : From < T > > (self , core : & mut Core < U >) { } }";
        assert_eq!(lifted(block), expected);
    }

    #[test]
    fn a_parameter_named_only_in_a_moved_predicate_moves_with_it() {
        let block =
            "impl<T, U> Open where U: From<T>, T: Copy { fn h(self, core: &mut Core<U>) {} }";
        let expected = "impl Open { fn h < T , U > (self , core : & mut Core < U >) where U : From < T > , T : Copy { } }";
        assert_eq!(lifted(block), expected);
    }
}
