//! Reads a `#[automat::machine]` module into the [model](crate::model).
//!
//! The parser strips automat's marker attributes (`#[state]`, `#[core]`, `#[transitions]`,
//! `#[branch]`) from the module in place, so the module can be emitted again whether or not
//! the machine is valid, and resolves every name a handler or branch uses into an index.
//! Each mistake is recorded and the offending item skipped, so one pass reports them all.

use crate::model::{
    Branch, Handler, HandlerKind, Input, InputTrait, Machine, Param, State, Variant,
};
use crate::report::Errors;
use crate::text;
use proc_macro2::{Ident, TokenStream};
use syn::meta::ParseNestedMeta;
use syn::parse::Parser;
use syn::spanned::Spanned;
use syn::{
    Attribute, FnArg, ImplItem, ImplItemFn, Item, ItemEnum, ItemImpl, ItemMod, ItemTrait, Pat,
    Path, ReceiverKind, ReturnType, Signature, TraitItem, Type,
};

/// The markers automat reads on the items of a machine module.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Marker {
    State { initial: bool, unreachable: bool },
    Core,
    Transitions,
    Branch,
}

impl Marker {
    fn name(self) -> &'static str {
        match self {
            Marker::State { .. } => "#[state]",
            Marker::Core => "#[core]",
            Marker::Transitions => "#[transitions]",
            Marker::Branch => "#[branch]",
        }
    }
}

/// Parses the arguments of `#[automat::machine(...)]`: `derive(Trait, ...)`.
pub fn args(args: TokenStream, errors: &mut Errors) -> Vec<Path> {
    let mut derives = Vec::new();
    let parser = syn::meta::parser(|meta: ParseNestedMeta| {
        if meta.path.is_ident("derive") {
            meta.parse_nested_meta(|derive| {
                derives.push(derive.path);
                Ok(())
            })
        } else {
            Err(meta.error("unknown argument; `#[automat::machine]` takes `derive(Trait, ...)`"))
        }
    });
    if let Err(error) = parser.parse2(args) {
        errors.push(error);
    }
    derives
}

/// Reads the machine declared by `module`, removing automat's markers from its items.
///
/// Returns `None` when the module is too broken to describe a machine; every reason is in
/// `errors` either way.
pub fn machine(module: &mut ItemMod, derives: Vec<Path>, errors: &mut Errors) -> Option<Machine> {
    let Some((_, items)) = &mut module.content else {
        errors.error(
            module.ident.span(),
            "`#[automat::machine]` needs the module's items inline: `mod name { ... }`",
        );
        return None;
    };

    let mut input_trait: Option<(InputTrait, Vec<Input>, Vec<Ident>)> = None;
    let mut core: Option<Ident> = None;
    let mut states = Vec::new();
    let mut branches = Vec::new();
    let mut transitions = Vec::new();
    for item in items.iter_mut() {
        let Some(attrs) = attrs_mut(item) else {
            continue;
        };
        let marker = take_marker(attrs, errors);
        match (item, marker) {
            (Item::Trait(item), None) => {
                if let Some((first, ..)) = &input_trait {
                    errors.error(
                        item.ident.span(),
                        format_args!(
                            "a machine has one input trait, and `{}` is already it; move `{}` out of the module",
                            first.ident, item.ident,
                        ),
                    );
                } else {
                    input_trait = Some(parse_trait(item, errors));
                }
            }
            (
                Item::Struct(item),
                Some(Marker::State {
                    initial,
                    unreachable,
                }),
            ) => {
                no_generics(&item.generics, "a state", errors);
                states.push(State {
                    ident: item.ident.clone(),
                    doc: text::doc(&item.attrs),
                    initial,
                    unreachable,
                });
            }
            (Item::Struct(item), Some(Marker::Core)) => {
                no_generics(&item.generics, "the core", errors);
                if let Some(first) = &core {
                    errors.error(
                        item.ident.span(),
                        format_args!(
                            "a machine has at most one `#[core]`, and `{first}` is already it"
                        ),
                    );
                } else {
                    core = Some(item.ident.clone());
                }
            }
            (Item::Enum(item), Some(Marker::Branch)) => branches.push(item.clone()),
            (Item::Impl(item), Some(Marker::Transitions)) => {
                // Handler shapes are dictated by the trait, so the lints that judge a
                // signature by its body would push users into warnings they cannot fix.
                item.attrs.push(syn::parse_quote!(#[allow(clippy::unused_self, clippy::needless_pass_by_value)]));
                transitions.push(item.clone());
            }
            (item, Some(marker)) => misplaced(item, marker, errors),
            (_, None) => {}
        }
    }

    let Some((input_trait, inputs, broken_inputs)) = input_trait else {
        errors.error(
            module.ident.span(),
            "a machine needs an input trait: declare `pub trait Name { fn input(&mut self); }` in the module",
        );
        return None;
    };
    let branches: Vec<Branch> = branches
        .iter()
        .filter_map(|item| resolve_branch(item, &states, errors))
        .collect();
    let mut handlers = Vec::new();
    for block in &transitions {
        resolve_block(
            block,
            &Scope {
                inputs: &inputs,
                broken_inputs: &broken_inputs,
                states: &states,
                branches: &branches,
                core: core.as_ref(),
            },
            &mut handlers,
            errors,
        );
    }

    Some(Machine {
        ident: module.ident.clone(),
        doc: text::doc(&module.attrs),
        vis: trait_vis(module),
        input_trait,
        inputs,
        core,
        states,
        branches,
        handlers,
        derives,
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
            parse_state_marker(attr, errors)
        } else if attr.path().is_ident("core") {
            bare(attr, Marker::Core, errors)
        } else if attr.path().is_ident("transitions") {
            bare(attr, Marker::Transitions, errors)
        } else if attr.path().is_ident("branch") {
            bare(attr, Marker::Branch, errors)
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

fn parse_state_marker(attr: &Attribute, errors: &mut Errors) -> Option<Marker> {
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
            return None;
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
        return None;
    }
    Some(Marker::State {
        initial,
        unreachable,
    })
}

fn misplaced(item: &Item, marker: Marker, errors: &mut Errors) {
    let wants = match marker {
        Marker::State { .. } | Marker::Core => "a struct",
        Marker::Transitions => "an `impl` block of a state",
        Marker::Branch => "an enum",
    };
    let span = match item {
        Item::Struct(item) => item.ident.span(),
        Item::Enum(item) => item.ident.span(),
        Item::Trait(item) => item.ident.span(),
        Item::Fn(item) => item.sig.ident.span(),
        Item::Impl(item) => item.self_ty.span(),
        item => item.span(),
    };
    errors.error(span, format_args!("`{}` goes on {wants}", marker.name()));
}

fn no_generics(generics: &syn::Generics, what: &str, errors: &mut Errors) {
    if !generics.params.is_empty() || generics.where_clause.is_some() {
        errors.error_at(
            generics,
            format_args!("{what} of a machine cannot be generic"),
        );
    }
}

/// Reads the input trait: one input per method, and the names of the methods that are not
/// valid inputs (already reported, so their handlers are skipped quietly).
fn parse_trait(item: &ItemTrait, errors: &mut Errors) -> (InputTrait, Vec<Input>, Vec<Ident>) {
    no_generics(&item.generics, "the input trait", errors);
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
    let mut broken = Vec::new();
    for trait_item in &item.items {
        let TraitItem::Fn(method) = trait_item else {
            errors.error_at(
                trait_item,
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
        },
        inputs,
        broken,
    )
}

fn parse_input(sig: &Signature, attrs: &[Attribute], errors: &mut Errors) -> Option<Input> {
    let before = errors.len();
    plain_signature(sig, "an input", errors);
    let mut args = sig.inputs.iter();
    match args.next() {
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
    for arg in args {
        let FnArg::Typed(arg) = arg else { continue };
        match &*arg.pat {
            Pat::Ident(pat) if pat.by_ref.is_none() && pat.subpat.is_none() => {
                params.push(Param {
                    ident: pat.ident.clone(),
                    ty: (*arg.ty).clone(),
                });
            }
            pat => errors.error_at(
                pat,
                "an input's parameters need plain names: they become the fields of `Input`",
            ),
        }
    }
    let output = match &sig.output {
        ReturnType::Type(_, ty) if !is_unit(ty) => Some((**ty).clone()),
        _ => None,
    };
    (errors.len() == before).then(|| Input {
        ident: sig.ident.clone(),
        variant: text::upper_camel(&sig.ident),
        attrs: attrs.to_vec(),
        doc: text::doc(attrs),
        params,
        output,
    })
}

/// Rejects what a plain method signature does not have: generics, `async`, `unsafe`, an ABI,
/// variadics.
fn plain_signature(sig: &Signature, what: &str, errors: &mut Errors) {
    no_generics(&sig.generics, what, errors);
    if let Some(token) = &sig.asyncness {
        errors.error(token.span, format_args!("{what} cannot be `async`"));
    }
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

/// The single identifier a type path consists of, like `Locked` or `Self`.
fn single_ident(ty: &Type) -> Option<&Ident> {
    match ty {
        Type::Path(path) if path.qself.is_none() => path.path.get_ident(),
        Type::Paren(paren) => single_ident(&paren.elem),
        Type::Group(group) => single_ident(&group.elem),
        _ => None,
    }
}

fn state_index(states: &[State], ident: &Ident) -> Option<usize> {
    states.iter().position(|state| state.ident == *ident)
}

fn resolve_branch(item: &ItemEnum, states: &[State], errors: &mut Errors) -> Option<Branch> {
    no_generics(&item.generics, "a branch enum", errors);
    let mut variants = Vec::new();
    for variant in &item.variants {
        let wrapped = match &variant.fields {
            syn::Fields::Unnamed(fields) if fields.unnamed.len() == 1 => {
                Some(&fields.unnamed[0].ty)
            }
            _ => None,
        };
        let state = wrapped
            .and_then(single_ident)
            .and_then(|ident| state_index(states, ident));
        match state {
            Some(state) => variants.push(Variant {
                ident: variant.ident.clone(),
                state,
            }),
            None => errors.error_at(
                variant,
                format_args!(
                    "branch variant `{}` must wrap exactly one state, like `{}(Locked)`",
                    variant.ident, variant.ident,
                ),
            ),
        }
    }
    if item.variants.is_empty() {
        errors.error(
            item.ident.span(),
            format_args!("branch `{}` needs at least one variant", item.ident),
        );
    }
    (variants.len() == item.variants.len() && !variants.is_empty()).then(|| Branch {
        ident: item.ident.clone(),
        variants,
    })
}

/// What a handler's signature is checked against.
struct Scope<'a> {
    inputs: &'a [Input],
    broken_inputs: &'a [Ident],
    states: &'a [State],
    branches: &'a [Branch],
    core: Option<&'a Ident>,
}

fn resolve_block(
    block: &ItemImpl,
    scope: &Scope,
    handlers: &mut Vec<Handler>,
    errors: &mut Errors,
) {
    if let Some((path, _)) = &block.trait_ {
        errors.error_at(
            path,
            "`#[transitions]` goes on an inherent `impl` of a state, not on a trait impl",
        );
        return;
    }
    no_generics(&block.generics, "a `#[transitions]` block", errors);
    let state = single_ident(&block.self_ty).and_then(|ident| state_index(scope.states, ident));
    let Some(state) = state else {
        let states: Vec<String> = scope
            .states
            .iter()
            .map(|state| format!("`{}`", state.ident))
            .collect();
        errors.error_at(
            &block.self_ty,
            format_args!(
                "`#[transitions]` on `{}`, which is not a state; the states are {}",
                text::type_text(&block.self_ty),
                if states.is_empty() {
                    "none yet: mark a struct `#[state]`".to_owned()
                } else {
                    states.join(", ")
                },
            ),
        );
        return;
    };
    for item in &block.items {
        match item {
            ImplItem::Fn(method) => {
                let Some(handler) = resolve_handler(method, state, scope, errors) else {
                    continue;
                };
                // One input in one state does one thing; a second handler would be a second
                // method of the same name on `Machine<S>`.
                if handlers
                    .iter()
                    .any(|other: &Handler| other.state == state && other.input == handler.input)
                {
                    errors.error(
                        handler.ident.span(),
                        format_args!(
                            "two handlers for input `{}` in state `{}`",
                            handler.ident, scope.states[state].ident,
                        ),
                    );
                    continue;
                }
                handlers.push(handler);
            }
            item => errors.error_at(
                item,
                "a `#[transitions]` block holds only handlers; move this to a plain `impl` block",
            ),
        }
    }
}

fn resolve_handler(
    method: &ImplItemFn,
    state: usize,
    scope: &Scope,
    errors: &mut Errors,
) -> Option<Handler> {
    let sig = &method.sig;
    let Some(input_index) = scope
        .inputs
        .iter()
        .position(|input| input.ident == sig.ident)
    else {
        if scope.broken_inputs.contains(&sig.ident) {
            return None;
        }
        let names = scope
            .inputs
            .iter()
            .map(|input| input.ident.to_string())
            .collect::<Vec<_>>();
        let help = match text::closest(&sig.ident.to_string(), names.iter().map(String::as_str)) {
            Some(name) => format!("; did you mean `{name}`?"),
            None => "; a `#[transitions]` block holds only handlers, so helpers go in a plain `impl` block".to_owned(),
        };
        errors.error(
            sig.ident.span(),
            format_args!("no input named `{}` in the input trait{help}", sig.ident),
        );
        return None;
    };
    let before = errors.len();
    plain_signature(sig, "a handler", errors);
    let input = &scope.inputs[input_index];
    let mut args = sig.inputs.iter();
    let by_value = match args.next() {
        Some(FnArg::Receiver(receiver)) => match receiver.kind {
            ReceiverKind::Value => true,
            ReceiverKind::Reference(_, _, Some(_)) => false,
            _ => {
                errors.error_at(
                    receiver,
                    "a handler takes `self` (a transition) or `&mut self` (a loop)",
                );
                return None;
            }
        },
        _ => {
            errors.error(
                sig.ident.span(),
                format_args!("handler `{}` needs a receiver: `self` for a transition, `&mut self` for a loop", sig.ident),
            );
            return None;
        }
    };
    let rest: Vec<&syn::PatType> = args
        .filter_map(|arg| match arg {
            FnArg::Typed(arg) => Some(arg),
            FnArg::Receiver(_) => None,
        })
        .collect();
    let params = match scope.core {
        Some(core) => match rest.split_first() {
            Some((first, params)) if is_core_ref(&first.ty, core) => params,
            Some((first, _)) if rest.len() > input.params.len() => {
                errors.error_at(&first.ty, format_args!("expected the core, `&mut {core}`, as the first parameter after the receiver"));
                return None;
            }
            _ => {
                errors.error(
                    sig.paren_token.span.join(),
                    format_args!("handler `{}` takes the core first: add `core: &mut {core}` after the receiver", sig.ident),
                );
                return None;
            }
        },
        None => &rest[..],
    };
    check_params(sig, input, params, errors);
    let kind = handler_kind(sig, state, by_value, input, scope, errors);
    if errors.len() != before {
        return None;
    }
    Some(Handler {
        ident: sig.ident.clone(),
        state,
        input: input_index,
        kind: kind?,
        doc: text::doc(&method.attrs),
    })
}

fn is_core_ref(ty: &Type, core: &Ident) -> bool {
    matches!(ty, Type::Reference(reference) if reference.mutability.is_some() && single_ident(&reference.elem) == Some(core))
}

fn check_params(sig: &Signature, input: &Input, params: &[&syn::PatType], errors: &mut Errors) {
    if params.len() != input.params.len() {
        let expected: Vec<String> = input
            .params
            .iter()
            .map(|param| format!("{}: {}", param.ident, text::type_text(&param.ty)))
            .collect();
        errors.error(
            sig.paren_token.span.join(),
            format_args!(
                "handler `{}` takes {} parameter{} after the receiver{}, but input `{}` takes {}{}",
                sig.ident,
                params.len(),
                if params.len() == 1 { "" } else { "s" },
                if input.params.is_empty() && params.is_empty() {
                    ""
                } else {
                    " and the core"
                }
                .trim_end(),
                input.ident,
                input.params.len(),
                if expected.is_empty() {
                    String::new()
                } else {
                    format!(" (`{}`)", expected.join(", "))
                },
            ),
        );
        return;
    }
    for (param, expected) in params.iter().zip(&input.params) {
        let (found, wanted) = (text::type_text(&param.ty), text::type_text(&expected.ty));
        if found != wanted {
            errors.error_at(
                &param.ty,
                format_args!(
                    "expected `{wanted}`, found `{found}`: parameter `{}` of input `{}` has type `{wanted}`",
                    expected.ident, input.ident,
                ),
            );
        }
    }
}

/// Reads what a handler returns into its kind, checking the output against the input's.
fn handler_kind(
    sig: &Signature,
    state: usize,
    by_value: bool,
    input: &Input,
    scope: &Scope,
    errors: &mut Errors,
) -> Option<HandlerKind> {
    let returned = match &sig.output {
        ReturnType::Type(_, ty) if !is_unit(ty) => Some(&**ty),
        _ => None,
    };
    let expected_output = input.output.as_ref().map(text::type_text);
    if !by_value {
        let found = returned.map(text::type_text);
        if found != expected_output {
            let span = returned.map_or_else(|| sig.paren_token.span.close(), Spanned::span);
            errors.error(
                span,
                format_args!(
                    "loop `{}` must return the input's output, `{}`, but returns `{}`",
                    sig.ident,
                    expected_output.as_deref().unwrap_or("()"),
                    found.as_deref().unwrap_or("()"),
                ),
            );
            return None;
        }
        return Some(HandlerKind::Loop);
    }
    let Some(returned) = returned else {
        errors.error(
            sig.paren_token.span.close(),
            format_args!(
                "transition `{}` must return the next state{}; or take `&mut self` to stay in this state",
                sig.ident,
                expected_output.as_ref().map(|output| format!(" and the output, `(State, {output})`")).unwrap_or_default(),
            ),
        );
        return None;
    };
    let target = match (&expected_output, returned) {
        (Some(output), Type::Tuple(tuple)) if tuple.elems.len() == 2 => {
            let found = text::type_text(&tuple.elems[1]);
            if &found != output {
                errors.error_at(
                    &tuple.elems[1],
                    format_args!(
                        "expected `{output}`, found `{found}`: input `{}` outputs `{output}`",
                        input.ident
                    ),
                );
            }
            &tuple.elems[0]
        }
        (Some(output), returned) => {
            errors.error_at(
                returned,
                format_args!(
                    "input `{}` outputs `{output}`, so transition `{}` returns `(NextState, {output})`",
                    input.ident, sig.ident,
                ),
            );
            return None;
        }
        (None, returned) => returned,
    };
    let ident = single_ident(target);
    if ident.is_some_and(|ident| ident == "Self") {
        return Some(HandlerKind::Transition(state));
    }
    if let Some(target) = ident.and_then(|ident| state_index(scope.states, ident)) {
        return Some(HandlerKind::Transition(target));
    }
    if let Some(branch) = ident.and_then(|ident| {
        scope
            .branches
            .iter()
            .position(|branch| branch.ident == *ident)
    }) {
        return Some(HandlerKind::Branch(branch));
    }
    errors.error_at(
        target,
        format_args!(
            "expected a state or a `#[branch]` enum, found `{}`{}",
            text::type_text(target),
            if expected_output.is_some() {
                ""
            } else {
                "; a handler that stays in its state takes `&mut self`"
            },
        ),
    );
    None
}
