//! Resolves what handlers and branches name — inputs, states, the core, other branches — into
//! the model's indexes, checking each handler's signature against its input.
//!
//! A handler that cannot be read is reported and skipped; the graph it would have added is
//! then partial, and the graph checks are told so rather than report its gaps as mistakes of
//! their own. A handler whose kind is clear but whose parameters or output are wrong is kept,
//! so the graph stays whole, and the machine is marked not to be expanded.

use crate::generics::param_name;
use crate::model::{Branch, Group, Handler, HandlerKind, Input, State, Variant};
use crate::parse::{plain_signature, result_parts, type_ident};
use crate::report::Errors;
use crate::text;
use proc_macro2::{Ident, Span};
use quote::quote;
use syn::spanned::Spanned;
use syn::{
    FnArg, ImplItem, ImplItemFn, ItemEnum, ItemImpl, ItemType, ReceiverKind, ReturnType, Signature,
    Type,
};

/// The handlers and branches of a machine, and how far they could be read.
pub struct Resolved {
    /// The branches whose every variant wraps a state.
    pub branches: Vec<Branch>,
    /// The groups whose every variant wraps a state.
    pub groups: Vec<Group>,
    /// The handlers that could be read.
    pub handlers: Vec<Handler>,
    /// Whether every handler could be read, so the graph is the one the user declared.
    pub graph_complete: bool,
    /// Whether generated code would compile: false when a handler was kept despite a wrong
    /// signature, where the generated call would only repeat the error in rustc's words.
    pub expandable: bool,
    /// Handlers that are not part of the machine but whose edges the graph checks need.
    pub skipped: Skipped,
}

/// Handlers left out of the machine, which the graph checks still consider, so that one
/// mistake is reported once and not again as a gap in the graph.
#[derive(Default)]
pub struct Skipped {
    /// Second handlers for a state and input, reported as duplicates: the state a duplicate
    /// leads to is still reached.
    pub duplicates: Vec<Handler>,
    /// Where the duplicates are written: the index of their `#[transitions]` block, in source
    /// order, and of the method in it. They are left out of the emitted module, so that rustc
    /// does not report the two methods of one name again.
    pub duplicate_items: Vec<(usize, usize)>,
    /// Methods named after inputs in plain `impl` blocks of states: left alone as helpers,
    /// unless the graph shows they were meant as handlers and `#[transitions]` is missing.
    pub unmarked: Vec<Unmarked>,
}

/// A method of a plain `impl` block of a state that reads as a handler.
pub struct Unmarked {
    /// The handler it would be.
    pub handler: Handler,
    /// Which plain `impl` block of the module it is in, counted in source order.
    pub block: usize,
    /// The block's `impl State` tokens, where the missing attribute goes.
    pub span: Span,
}

/// What names resolve against.
pub struct Scope<'a> {
    /// The input trait's name.
    pub trait_ident: &'a Ident,
    /// The inputs that could be read.
    pub inputs: &'a [Input],
    /// Inputs, states and branches that were declared but could not be read: a handler that
    /// names one is skipped quietly, its mistake already reported.
    pub broken: &'a [Ident],
    /// The states.
    pub states: &'a [State],
    /// The core, if any.
    pub core: Option<&'a Ident>,
    /// The module's type aliases, named when one is used where a state is expected.
    pub aliases: &'a [ItemType],
}

/// Resolves every `#[branch]` and `#[group]` enum, then every `#[transitions]` block.
pub fn resolve(
    scope: &Scope,
    branches: &[ItemEnum],
    groups: &[ItemEnum],
    blocks: &[ItemImpl],
    plain_impls: &[ItemImpl],
    errors: &mut Errors,
) -> Resolved {
    let mut broken = scope.broken.to_vec();
    let mut resolved_branches = Vec::new();
    for item in branches {
        match variants(item, "branch", scope, errors) {
            Some(variants) => resolved_branches.push(Branch {
                ident: item.ident.clone(),
                variants,
            }),
            None => broken.push(item.ident.clone()),
        }
    }
    let mut resolved_groups = Vec::new();
    for item in groups {
        match variants(item, "group", scope, errors) {
            Some(variants) => resolved_groups.push(Group {
                ident: item.ident.clone(),
                doc: text::doc(&item.attrs),
                variants,
            }),
            None => broken.push(item.ident.clone()),
        }
    }
    let mut resolver = Resolver::new(
        Scope {
            broken: &broken,
            ..*scope
        },
        &resolved_branches,
        &resolved_groups,
        errors,
    );
    for (index, block) in blocks.iter().enumerate() {
        resolver.block(index, block);
    }
    let Resolver {
        mut handlers,
        duplicates,
        duplicate_items,
        graph_complete,
        expandable,
        scope,
        ..
    } = resolver;
    let unmarked = unmarked(&scope, &resolved_branches, plain_impls);
    // Grouped by state in declaration order, each state's in source order, as
    // `automat::Description::transitions` promises even when a state's `#[transitions]` blocks
    // are split or written out of order. The sort is stable, so source order stays within a state.
    handlers.sort_by_key(|handler| handler.state);
    Resolved {
        branches: resolved_branches,
        groups: resolved_groups,
        handlers,
        graph_complete,
        expandable,
        skipped: Skipped {
            duplicates,
            duplicate_items,
            unmarked,
        },
    }
}

// A plain `impl` block of a state is the user's own business, even when a method in it is
// named after an input; but when the graph checks fail for want of exactly such a method, the
// missing `#[transitions]` is the mistake to report. These methods are read here, quietly.
fn unmarked(scope: &Scope, branches: &[Branch], plain_impls: &[ItemImpl]) -> Vec<Unmarked> {
    let mut quiet = Errors::default();
    let mut resolver = Resolver::new(Scope { ..*scope }, branches, &[], &mut quiet);
    let mut unmarked = Vec::new();
    for (index, block) in plain_impls.iter().enumerate() {
        let Some(state) =
            type_ident(&block.self_ty).and_then(|ident| state_index(scope.states, ident))
        else {
            continue;
        };
        let (impl_token, self_ty) = (&block.impl_token, &block.self_ty);
        let span = syn::Error::new_spanned(quote!(#impl_token #self_ty), "").span();
        for item in &block.items {
            if let ImplItem::Fn(method) = item {
                if scope
                    .inputs
                    .iter()
                    .any(|input| input.ident == method.sig.ident)
                {
                    if let Some(handler) = resolver.handler(method, Owner::State(state)) {
                        unmarked.push(Unmarked {
                            handler,
                            block: index,
                            span,
                        });
                    }
                }
            }
        }
    }
    unmarked
}

/// The variants of a `#[branch]` or `#[group]` enum (`what` says which), each wrapping one
/// state; `None` when one does not.
fn variants(
    item: &ItemEnum,
    what: &str,
    scope: &Scope,
    errors: &mut Errors,
) -> Option<Vec<Variant>> {
    let mut variants = Vec::new();
    for variant in &item.variants {
        let (ident, fields) = (&variant.ident, &variant.fields);
        let wrapped = match fields {
            syn::Fields::Unnamed(fields) if fields.unnamed.len() == 1 => &fields.unnamed[0].ty,
            _ => {
                // Spanned on the variant without its attributes, so not on a doc comment.
                errors.error_at(
                    quote!(#ident #fields),
                    format_args!(
                        "{what} variant `{ident}` must wrap exactly one state, like `{ident}(State)`; the states are {}",
                        state_list(scope.states),
                    ),
                );
                continue;
            }
        };
        let name = type_ident(wrapped);
        if let Some(state) = name.and_then(|name| state_index(scope.states, name)) {
            variants.push(Variant {
                ident: ident.clone(),
                state,
            });
        } else if name.is_some_and(|name| scope.broken.contains(name)) {
            // Its mistake is reported already; the branch is left out quietly.
        } else {
            errors.error_at(
                wrapped,
                format_args!(
                    "{what} variant `{ident}` wraps `{}`, which is not a state{}",
                    text::type_text(wrapped),
                    not_a_state_help(scope, name),
                ),
            );
        }
    }
    if item.variants.is_empty() {
        errors.error(
            item.ident.span(),
            format_args!("{what} `{}` needs at least one variant", item.ident),
        );
    }
    if what == "group" {
        for (index, variant) in variants.iter().enumerate() {
            if let Some(first) = variants[..index]
                .iter()
                .find(|other| other.state == variant.state)
            {
                errors.error(
                    variant.ident.span(),
                    format_args!(
                        "group `{}` holds state `{}` twice, as `{}` and as `{}`; a state is a member once",
                        item.ident, scope.states[variant.state].ident, first.ident, variant.ident,
                    ),
                );
                return None;
            }
        }
    }
    (variants.len() == item.variants.len() && !variants.is_empty()).then_some(variants)
}

fn state_index(states: &[State], ident: &Ident) -> Option<usize> {
    states.iter().position(|state| state.ident == *ident)
}

/// The states, for a message: `` `Locked`, `Unlocked` ``.
fn state_list(states: &[State]) -> String {
    if states.is_empty() {
        return "none yet: mark a struct `#[state]`".to_owned();
    }
    let names: Vec<String> = states
        .iter()
        .map(|state| format!("`{}`", state.ident))
        .collect();
    names.join(", ")
}

/// What to say after "`X` is not a state": that `X` is a type alias, and of what; or the state
/// whose name is closest; or the states there are. Automat matches states by name, as written,
/// because a macro sees tokens and not types: an alias is a second name it cannot follow.
fn not_a_state_help(scope: &Scope, name: Option<&Ident>) -> String {
    let Some(name) = name else {
        return format!("; the states are {}", state_list(scope.states));
    };
    if let Some(alias) = scope.aliases.iter().find(|alias| alias.ident == *name) {
        let aliased = text::type_text(&alias.ty);
        return match type_ident(&alias.ty)
            .filter(|ident| state_index(scope.states, ident).is_some())
        {
            Some(state) => format!(
                "; `{name}` is a type alias of `{aliased}`, and automat reads states by their own names, not through aliases: write `{state}`"
            ),
            None => format!(
                "; `{name}` is a type alias of `{aliased}`, and automat reads states by their own names, not through aliases; the states are {}",
                state_list(scope.states)
            ),
        };
    }
    let names: Vec<String> = scope
        .states
        .iter()
        .map(|state| state.ident.to_string())
        .collect();
    match text::closest(&name.to_string(), names.iter().map(String::as_str)) {
        Some(closest) => format!("; did you mean `{closest}`?"),
        None => format!("; the states are {}", state_list(scope.states)),
    }
}

/// Whose `#[transitions]` block a handler is in.
#[derive(Clone, Copy)]
enum Owner {
    /// A state's: an index into the states.
    State(usize),
    /// A group's: an index into the groups.
    Group(usize),
}

struct Resolver<'a> {
    scope: Scope<'a>,
    branches: &'a [Branch],
    groups: &'a [Group],
    handlers: Vec<Handler>,
    duplicates: Vec<Handler>,
    duplicate_items: Vec<(usize, usize)>,
    graph_complete: bool,
    expandable: bool,
    errors: &'a mut Errors,
}

impl<'a> Resolver<'a> {
    /// A resolver with nothing read yet.
    fn new(
        scope: Scope<'a>,
        branches: &'a [Branch],
        groups: &'a [Group],
        errors: &'a mut Errors,
    ) -> Self {
        Resolver {
            scope,
            branches,
            groups,
            handlers: Vec::new(),
            duplicates: Vec::new(),
            duplicate_items: Vec::new(),
            graph_complete: true,
            expandable: true,
            errors,
        }
    }

    fn block(&mut self, index: usize, block: &ItemImpl) {
        if let Some((path, _)) = &block.trait_ {
            self.errors.error_at(
                path,
                "`#[transitions]` goes on an inherent `impl` of a state, not on a trait impl",
            );
            self.graph_complete = false;
            return;
        }
        let name = type_ident(&block.self_ty);
        let owner =
            if let Some(state) = name.and_then(|ident| state_index(self.scope.states, ident)) {
                Owner::State(state)
            } else if let Some(group) =
                name.and_then(|ident| self.groups.iter().position(|group| group.ident == *ident))
            {
                Owner::Group(group)
            } else {
                if !name.is_some_and(|ident| self.scope.broken.contains(ident)) {
                    self.not_a_state(&block.self_ty);
                }
                self.graph_complete = false;
                return;
            };
        if let Owner::State(state) = owner
            && !self.for_every_instance(block, state)
        {
            self.graph_complete = false;
            self.expandable = false;
            return;
        }
        for (item_index, item) in block.items.iter().enumerate() {
            let ImplItem::Fn(method) = item else {
                self.errors.error(impl_item_span(item), "a `#[transitions]` block holds only handlers; move this to a plain `impl` block");
                continue;
            };
            let Some(handler) = self.handler(method, owner) else {
                self.graph_complete = false;
                continue;
            };
            match owner {
                Owner::State(_) => self.add(handler, Some((index, item_index))),
                Owner::Group(group) => {
                    for variant in &self.groups[group].variants {
                        self.add(
                            Handler {
                                state: variant.state,
                                ..handler.clone()
                            },
                            None,
                        );
                    }
                }
            }
        }
    }

    // The handlers of a generic state are the handlers of every instance of it: the machine
    // calls them for whatever `Reading<'buf>` it holds. So each argument of the implemented
    // type is a parameter the block declares (or `'_`), never a concrete type.
    fn for_every_instance(&mut self, block: &ItemImpl, state: usize) -> bool {
        let Type::Path(path) = &*block.self_ty else {
            return true;
        };
        let syn::PathArguments::AngleBracketed(args) = &path.path.segments[0].arguments else {
            return true;
        };
        let declared: Vec<String> = block.generics.params.iter().map(param_name).collect();
        let mut general = true;
        for arg in &args.args {
            let fine = match arg {
                syn::GenericArgument::Lifetime(lifetime) => {
                    lifetime.ident == "_" || declared.contains(&lifetime.to_string())
                }
                syn::GenericArgument::Type(ty) => {
                    type_ident(ty).is_some_and(|ident| declared.contains(&ident.to_string()))
                }
                _ => false,
            };
            if !fine {
                let state = &self.scope.states[state];
                self.errors.error_at(
                    arg,
                    format_args!(
                        "`#[transitions]` on an instance of `{}`, but a machine runs the same handlers for every instance: write `impl{} {}`",
                        state.ident,
                        text::type_text(&generics_of(&state.ty)),
                        text::type_text(&state.ty),
                    ),
                );
                general = false;
            }
        }
        general
    }

    /// Adds a handler, or reports it as a second one for its state and input. `at` is where a
    /// state's own handler is written (its block and method), so that a duplicate can be left
    /// out of the emitted module.
    fn add(&mut self, handler: Handler, at: Option<(usize, usize)>) {
        // One input in one state does one thing; a second handler would be a second method
        // of the same name on `Machine<S>`, and a group's would silently win or lose.
        let Some(other) = self
            .handlers
            .iter()
            .find(|other| other.state == handler.state && other.input == handler.input)
        else {
            self.handlers.push(handler);
            return;
        };
        let state = &self.scope.states[handler.state].ident;
        let message = match (other.group, handler.group) {
            (None, None) => format!(
                "two handlers for input `{}` in state `{state}`; keep one (to choose between next states at run time, return a `#[branch]` enum)",
                handler.ident
            ),
            (first, second) => {
                let whose = |group: Option<usize>| match group {
                    Some(group) => format!("group `{}`'s", self.groups[group].ident),
                    None => format!("`{state}`'s own"),
                };
                format!(
                    "two handlers for input `{}` in state `{state}`: {} and {}; a state has one handler per input, with no precedence, so remove one{}",
                    handler.ident,
                    whose(first),
                    whose(second),
                    match (first, second) {
                        (Some(_), Some(_)) => format!(" or take `{state}` out of one group"),
                        (Some(group), None) | (None, Some(group)) =>
                            format!(" or take `{state}` out of `{}`", self.groups[group].ident),
                        (None, None) => String::new(),
                    },
                )
            }
        };
        self.errors.error(handler.ident.span(), message);
        // Two methods of one name on one state would be rustc's error too; a group's handler
        // stays, since it serves its other states.
        if let (None, None, Some(at)) = (other.group, handler.group, at) {
            self.duplicate_items.push(at);
        }
        self.duplicates.push(handler);
    }

    fn not_a_state(&mut self, self_ty: &Type) {
        self.errors.error_at(
            self_ty,
            format_args!(
                "`#[transitions]` on `{}`, which is not a state{}",
                text::type_text(self_ty),
                not_a_state_help(&self.scope, type_ident(self_ty)),
            ),
        );
    }

    /// Reads one handler, or reports why it cannot be read.
    fn handler(&mut self, method: &ImplItemFn, owner: Owner) -> Option<Handler> {
        let sig = &method.sig;
        let Some(input) = self
            .scope
            .inputs
            .iter()
            .position(|input| input.ident == sig.ident)
        else {
            if !self.scope.broken.contains(&sig.ident) {
                self.unknown_input(&sig.ident);
            }
            return None;
        };
        // A mistake in the signature that does not hide the handler's place in the graph
        // keeps it there, but the generated call would only repeat it in rustc's words.
        let before = self.errors.len();
        plain_signature(
            sig,
            "a handler",
            "parameters and bounds go on its `#[transitions]` block: `impl<T: Write> State`",
            self.errors,
        );
        let input_trait = self.scope.trait_ident;
        let declared = &self.scope.inputs[input];
        if let (Some(token), false) = (&sig.asyncness, declared.is_async) {
            // The trait says which inputs are async: their generated methods are `async`, and
            // a synchronous one's cannot await.
            self.errors.error(
                token.span,
                format_args!(
                    "input `{}` is synchronous, so its handlers cannot be `async`: declare it `async fn {}(&mut self, ...)` in `{input_trait}` to make its methods `async`, or write this handler as a plain `fn`",
                    declared.ident, declared.ident,
                ),
            );
        }
        let by_value = self.receiver(sig)?;
        let params = self.params(sig, &self.scope.inputs[input])?;
        self.check_params(sig, &self.scope.inputs[input], &params);
        let (kind, fallible) = self.kind(sig, owner, by_value, &self.scope.inputs[input])?;
        if self.errors.len() != before {
            self.expandable = false;
        }
        let (state, group) = match owner {
            Owner::State(state) => (state, None),
            // Copied to each member by the caller.
            Owner::Group(group) => (self.groups[group].variants[0].state, Some(group)),
        };
        Some(Handler {
            ident: sig.ident.clone(),
            state,
            group,
            fallible,
            is_async: sig.asyncness.is_some(),
            input,
            kind,
            doc: text::doc(&method.attrs),
        })
    }

    fn unknown_input(&mut self, ident: &Ident) {
        let names: Vec<String> = self
            .scope
            .inputs
            .iter()
            .map(|input| input.ident.to_string())
            .collect();
        let help = match text::closest(&ident.to_string(), names.iter().map(String::as_str)) {
            Some(name) => format!("; did you mean `{name}`?"),
            None => "; a `#[transitions]` block holds only handlers, so helpers go in a plain `impl` block".to_owned(),
        };
        self.errors.error(
            ident.span(),
            format_args!("no input named `{ident}` in the input trait{help}"),
        );
    }

    /// Whether the handler takes `self` (a transition), not `&mut self` (a loop).
    fn receiver(&mut self, sig: &Signature) -> Option<bool> {
        let Some(FnArg::Receiver(receiver)) = sig.inputs.first() else {
            self.errors.error(
                sig.ident.span(),
                format_args!("handler `{}` needs a receiver: `self` for a transition, `&mut self` for a loop", sig.ident),
            );
            return None;
        };
        match receiver.kind {
            ReceiverKind::Value => Some(true),
            ReceiverKind::Reference(_, _, Some(_)) => Some(false),
            _ => {
                self.errors.error_at(
                    receiver,
                    "a handler takes `self` (a transition) or `&mut self` (a loop)",
                );
                None
            }
        }
    }

    /// The parameters after the receiver and the core.
    fn params<'s>(&mut self, sig: &'s Signature, input: &Input) -> Option<Vec<&'s syn::PatType>> {
        let rest: Vec<&syn::PatType> = sig
            .inputs
            .iter()
            .filter_map(|arg| match arg {
                FnArg::Typed(arg) => Some(arg),
                FnArg::Receiver(_) => None,
            })
            .collect();
        let Some(core) = self.scope.core else {
            return Some(rest);
        };
        match rest.split_first() {
            Some((first, params)) if is_core_ref(&first.ty, core) => Some(params.to_vec()),
            Some((first, _)) if rest.len() > input.params.len() => {
                self.errors.error_at(
                    &first.ty,
                    format_args!("expected the core, `&mut {core}`, as the first parameter after the receiver"),
                );
                None
            }
            _ => {
                self.errors.error(
                    sig.paren_token.span.join(),
                    format_args!("handler `{}` takes the core first: add `core: &mut {core}` after the receiver", sig.ident),
                );
                None
            }
        }
    }

    fn check_params(&mut self, sig: &Signature, input: &Input, params: &[&syn::PatType]) {
        if params.len() != input.params.len() {
            let expected: Vec<String> = input
                .params
                .iter()
                .map(|param| format!("{}: {}", param.ident, text::type_text(&param.ty)))
                .collect();
            self.errors.error(
                sig.paren_token.span.join(),
                format_args!(
                    "handler `{}` takes {} parameter{}{}, but input `{}` takes {}{}",
                    sig.ident,
                    params.len(),
                    if params.len() == 1 { "" } else { "s" },
                    if self.scope.core.is_some() {
                        " after the core"
                    } else {
                        " after the receiver"
                    },
                    input.ident,
                    input.params.len(),
                    if expected.is_empty() {
                        String::new()
                    } else {
                        format!(": `{}`", expected.join(", "))
                    },
                ),
            );
            return;
        }
        for (param, expected) in params.iter().zip(&input.params) {
            let (found, wanted) = (text::type_text(&param.ty), text::type_text(&expected.ty));
            if found != wanted {
                self.errors.error_at(
                    &param.ty,
                    format_args!(
                        "expected `{wanted}`, found `{found}`: parameter `{}` of input `{}` has type `{wanted}`",
                        expected.ident, input.ident,
                    ),
                );
            }
        }
    }

    /// Reads what a handler returns into its kind and whether it can fail, checking the output
    /// against the input's. A wrong output is reported, and the kind still returned when the
    /// target is clear.
    fn kind(
        &mut self,
        sig: &Signature,
        owner: Owner,
        by_value: bool,
        input: &Input,
    ) -> Option<(HandlerKind, bool)> {
        let returned = match &sig.output {
            ReturnType::Type(_, ty) if !is_unit(ty) => Some(&**ty),
            _ => None,
        };
        let output = input.output.as_ref().map(text::type_text);
        if let (false, Some(error)) = (by_value, &input.error) {
            return self.fallible_kind(sig, owner, returned, output.as_ref(), error, input);
        }
        if !by_value {
            let found = returned.map(text::type_text);
            if found != output {
                let span = returned.map_or_else(|| sig.paren_token.span.close(), Spanned::span);
                self.errors.error(
                    span,
                    format_args!(
                        "loop `{}` must return the input's output, `{}`, but returns `{}`",
                        sig.ident,
                        output.as_deref().unwrap_or("()"),
                        found.as_deref().unwrap_or("()"),
                    ),
                );
            }
            return Some((HandlerKind::Loop, false));
        }
        self.target(sig, owner, returned, output.as_ref(), input)
            .map(|kind| (kind, false))
    }

    /// The kind of a `&mut self` handler of a fallible input: a loop returning
    /// `Result<T, E>`, or a transition returning `Result<Next, E>` (`Result<(Next, T), E>`)
    /// that moves on `Ok` and stays on `Err`.
    fn fallible_kind(
        &mut self,
        sig: &Signature,
        owner: Owner,
        returned: Option<&Type>,
        output: Option<&String>,
        error: &Type,
        input: &Input,
    ) -> Option<(HandlerKind, bool)> {
        let error = text::type_text(error);
        let Some((ok, found_error)) = returned.and_then(result_parts) else {
            let span = returned.map_or_else(|| sig.paren_token.span.close(), Spanned::span);
            let (stay, moved) = output.map_or_else(
                || ("()".to_owned(), "NextState".to_owned()),
                |output| (output.clone(), format!("(NextState, {output})")),
            );
            self.errors.error(
                span,
                format_args!(
                    "input `{}` is fallible, so its `&mut self` handler returns a `Result`: `Result<{stay}, {error}>` to stay (a loop), or `Result<{moved}, {error}>` to move on `Ok` and stay on `Err`; a `self` handler returns the next state and cannot fail",
                    input.ident,
                ),
            );
            return None;
        };
        let found = text::type_text(found_error);
        if found != error {
            self.errors.error_at(
                found_error,
                format_args!(
                    "expected `{error}`, found `{found}`: input `{}` fails with `{error}`",
                    input.ident
                ),
            );
        }
        let ok_text = (!is_unit(ok)).then(|| text::type_text(ok));
        if ok_text.as_ref() == output {
            return Some((HandlerKind::Loop, true));
        }
        self.target(sig, owner, Some(ok), output, input)
            .map(|kind| (kind, true))
    }

    /// The kind of a handler that moves the machine, from what it returns on success: the next
    /// state or a branch, paired with the output when the input has one.
    fn target(
        &mut self,
        sig: &Signature,
        owner: Owner,
        returned: Option<&Type>,
        output: Option<&String>,
        input: &Input,
    ) -> Option<HandlerKind> {
        let Some(returned) = returned else {
            self.errors.error(
                sig.paren_token.span.close(),
                format_args!(
                    "transition `{}` must return the next state{}; a handler that stays in its state takes `&mut self`",
                    sig.ident,
                    output.as_ref().map(|output| format!(" and the output, `(NextState, {output})`")).unwrap_or_default(),
                ),
            );
            return None;
        };
        let target = match (output, returned) {
            (Some(output), Type::Tuple(tuple)) if tuple.elems.len() == 2 => {
                let found = text::type_text(&tuple.elems[1]);
                if found != *output {
                    self.errors.error_at(
                        &tuple.elems[1],
                        format_args!(
                            "expected `{output}`, found `{found}`: input `{}` outputs `{output}`{}",
                            input.ident,
                            fallible_help(input),
                        ),
                    );
                }
                &tuple.elems[0]
            }
            (Some(output), returned) => {
                self.errors.error_at(
                    returned,
                    format_args!(
                        "input `{}` outputs `{output}`, so transition `{}` returns `(NextState, {output})`",
                        input.ident, sig.ident,
                    ),
                );
                returned
            }
            (None, returned) => returned,
        };
        let ident = type_ident(target);
        if ident.is_some_and(|ident| ident == "Self") {
            return match owner {
                Owner::State(state) => Some(HandlerKind::Transition(state)),
                Owner::Group(group) => {
                    self.errors.error_at(
                        target,
                        format_args!(
                            "a handler of group `{}` cannot return `Self`, the group enum, as its next state: return a state or a `#[branch]` enum, or take `&mut self` to stay",
                            self.groups[group].ident,
                        ),
                    );
                    None
                }
            };
        }
        if let Some(target) = ident.and_then(|ident| state_index(self.scope.states, ident)) {
            return Some(HandlerKind::Transition(target));
        }
        if let Some(branch) = ident.and_then(|ident| {
            self.branches
                .iter()
                .position(|branch| branch.ident == *ident)
        }) {
            return Some(HandlerKind::Branch(branch));
        }
        if !ident.is_some_and(|ident| self.scope.broken.contains(ident)) {
            let is_alias = ident
                .is_some_and(|ident| self.scope.aliases.iter().any(|alias| alias.ident == *ident));
            self.errors.error_at(
                target,
                format_args!(
                    "expected a state or a `#[branch]` enum, found `{}`{}",
                    text::type_text(target),
                    if is_alias {
                        not_a_state_help(&self.scope, ident)
                    } else if output.is_some() {
                        String::new()
                    } else {
                        "; a handler that stays in its state takes `&mut self`".to_owned()
                    },
                ),
            );
        }
        None
    }
}

/// For a fallible input, what to say after a `self` handler's wrong output: such a handler
/// cannot fail, and the one that can takes `&mut self` (inputs declared `-> Result<T, E>`
/// were plain outputs before SPEC §7.3).
fn fallible_help(input: &Input) -> String {
    let Some(error) = &input.error else {
        return String::new();
    };
    let error = text::type_text(error);
    let output = input
        .output
        .as_ref()
        .map_or_else(|| "()".to_owned(), text::type_text);
    format!(
        "; `-> Result<{output}, {error}>` makes `{}` fallible: a `self` handler cannot fail, so it outputs `{output}`; to fail and stay in the state, take `&mut self` and return `Result<(NextState, {output}), {error}>`",
        input.ident,
    )
}

/// Where an item of an `impl` block starts after its attributes.
fn impl_item_span(item: &ImplItem) -> Span {
    match item {
        ImplItem::Const(item) => item.const_token.span,
        ImplItem::Type(item) => item.type_token.span,
        ImplItem::Macro(item) => item.mac.path.span(),
        item => item.span(),
    }
}

/// `<'buf, T>` of `Reading<'buf, T>`: the arguments of a state's type, which are its declared
/// parameters.
fn generics_of(ty: &Type) -> syn::PathArguments {
    match ty {
        Type::Path(path) => path.path.segments[0].arguments.clone(),
        _ => syn::PathArguments::None,
    }
}

fn is_core_ref(ty: &Type, core: &Ident) -> bool {
    matches!(ty, Type::Reference(reference) if reference.mutability.is_some() && type_ident(&reference.elem) == Some(core))
}

fn is_unit(ty: &Type) -> bool {
    matches!(ty, Type::Tuple(tuple) if tuple.elems.is_empty())
}
