//! Generates the code of a checked machine, one file per generated concern.

mod description;
mod dynamic;
mod enums;
mod input_trait;
mod persist;
mod typed;
mod typestate;

use crate::model::{Generics, Handler, Input, Machine};
use crate::text;
use proc_macro2::{Ident, Span, TokenStream};
use quote::{ToTokens, quote};
use syn::{GenericParam, Item, ItemMod};

/// The module with the input trait re-emitted and every generated item appended: those of
/// the machines the declaration asks for (`Machine<S>`, `Dynamic`, or both with the
/// conversions between them), and `DESCRIPTION`.
pub fn module(mut module: ItemMod, machine: &Machine) -> TokenStream {
    let (typestate, dynamic) = (machine.typestate(), machine.dynamic());
    let generated = [
        dynamic.then(|| enums::state(machine)),
        dynamic.then(|| enums::input_and_output(machine)),
        typestate.then(|| typestate::machine(machine)),
        dynamic.then(|| dynamic::machine(machine)),
        (typestate && dynamic).then(|| typed::typed(machine)),
        dynamic.then(|| persist::impls(machine)),
        dynamic.then(|| input_trait::implementation(machine)),
        Some(description::constant(machine)),
    ];
    if let Some((_, items)) = &mut module.content {
        for item in items.iter_mut() {
            if let Item::Trait(input_trait) = item
                && input_trait.ident == machine.input_trait.ident
            {
                *item = Item::Verbatim(input_trait::declaration(machine));
            }
        }
        items.push(Item::Verbatim(generated.into_iter().flatten().collect()));
    }
    module.into_token_stream()
}

/// `name: Type, ...`: an input's parameters as declared in a signature.
fn params(input: &Input) -> TokenStream {
    let params = input.params.iter().map(|param| {
        let (ident, ty) = (&param.ident, &param.ty);
        quote!(#ident: #ty)
    });
    quote!(#(#params),*)
}

/// `name, ...`: an input's parameters passed on.
fn args(input: &Input) -> TokenStream {
    let args = input.params.iter().map(|param| &param.ident);
    quote!(#(#args),*)
}

/// An input's output type, `()` when it has none.
fn output(input: &Input) -> TokenStream {
    input
        .output
        .as_ref()
        .map_or_else(|| quote!(()), ToTokens::to_token_stream)
}

/// What a fallible input's handlers return, or the output: `Result<T, E>` for a fallible
/// input, `T` for another. The `Output` variant of the input holds it.
fn output_value(input: &Input) -> TokenStream {
    let output = output(input);
    match &input.error {
        Some(error) => quote!(::core::result::Result<#output, #error>),
        None => output,
    }
}

/// The call of a handler: `Locked::coin(receiver, core, cents)`, without the core argument
/// when the machine has no core; a group's handler is called through the group,
/// `Handshake::alert(receiver, ...)`, its receiver the state wrapped in the group (see
/// [`member`]). An `async` handler's call is awaited, so every caller is an `async fn`: the
/// method of an async input.
fn call(
    machine: &Machine,
    handler: &Handler,
    receiver: &TokenStream,
    core: &TokenStream,
) -> TokenStream {
    let owner = match handler.group {
        Some(group) => &machine.groups[group].ident,
        None => &machine.states[handler.state].ident,
    };
    let method = &handler.ident;
    let input = &machine.inputs[handler.input];
    let core = machine.core.as_ref().map(|_| quote!(#core,));
    let args = args(input);
    let awaited = handler.is_async.then(|| quote!(.await));
    quote!(#owner::#method(#receiver, #core #args) #awaited)
}

/// `async` for the methods of an async input, else nothing.
fn asyncness(input: &Input) -> Option<TokenStream> {
    input.is_async.then(|| quote!(async))
}

/// For a group's handler, `Group::Variant`: the variant of the group enum that holds the
/// handler's state.
fn member(machine: &Machine, handler: &Handler) -> Option<TokenStream> {
    let group = &machine.groups[handler.group?];
    let variant = group
        .variants
        .iter()
        .find(|variant| variant.state == handler.state)?;
    let (group, variant) = (&group.ident, &variant.ident);
    Some(quote!(#group::#variant))
}

/// The statement that takes a group's handler's state back out of the group enum `wrapped`
/// into `state`, after a group loop or a failed group transition: it must still be the member
/// it was, since a handler that stays cannot move the machine to another state.
fn unwrap_member(
    machine: &Machine,
    handler: &Handler,
    wrapped: &Ident,
    state: &Ident,
) -> TokenStream {
    let Some(member) = member(machine, handler) else {
        return quote!();
    };
    let message = format!(
        "`{}::{}` changed the variant of its `&mut self` from `{}`: a handler that stays leaves its state's variant as it is",
        machine.groups[handler.group.unwrap_or_default()].ident,
        handler.ident,
        machine.states[handler.state].ident,
    );
    quote! {
        #[allow(irrefutable_let_patterns)]
        let #member(#state) = #wrapped else {
            ::core::panic!(#message)
        };
    }
}

/// For a handler that takes `&mut self` and stays when it fails: the statement that makes the
/// state `state` something to lend (wrapped in its group enum as `wrapped`, for a group's
/// handler), the receiver to pass, and the statement that takes the state back afterwards.
fn lend(
    machine: &Machine,
    handler: &Handler,
    wrapped: &Ident,
    state: &Ident,
) -> (TokenStream, TokenStream, TokenStream) {
    match member(machine, handler) {
        Some(member) => (
            quote!(let mut #wrapped = #member(#state);),
            quote!(&mut #wrapped),
            unwrap_member(machine, handler, wrapped, state),
        ),
        None => (
            quote!(let mut #state = #state;),
            quote!(&mut #state),
            quote!(),
        ),
    }
}

/// What `Dynamic`'s method of `input` returns: `Result<T, NoTransition>`, or for a fallible
/// input `Result<T, automat::Error<E>>`.
fn returns(machine: &Machine, input: &Input) -> TokenStream {
    let (krate, output) = (&machine.krate, output(input));
    input.error.as_ref().map_or_else(
        || quote!(::core::result::Result<#output, #krate::NoTransition>),
        |error| quote!(::core::result::Result<#output, #krate::Error<#error>>),
    )
}

/// `#[doc = "..."]` for generated items, each line led by a space as `///` would write it.
fn doc(text: &str) -> TokenStream {
    let text: Vec<String> = text
        .lines()
        .map(|line| {
            if line.is_empty() {
                String::new()
            } else {
                format!(" {line}")
            }
        })
        .collect();
    let text = text.join("\n");
    quote!(#[doc = #text])
}

/// `#[derive(...)]` with the traits named in `#[automat::machine(derive(...))]`, or nothing.
fn derives<'a>(paths: impl IntoIterator<Item = &'a syn::Path>) -> TokenStream {
    let paths: Vec<&syn::Path> = paths.into_iter().collect();
    if paths.is_empty() {
        quote!()
    } else {
        quote!(#[derive(#(#paths),*)])
    }
}

/// The documentation of an input's method: the handler's doc comment, else the input's.
fn method_doc(machine: &Machine, handler: Option<&Handler>, input: &Input) -> TokenStream {
    let text = handler
        .map(|handler| handler.doc.as_str())
        .filter(|doc| !doc.is_empty())
        .unwrap_or(&input.doc);
    if text.is_empty() {
        doc(&format!(
            "The `{}` input of `{}`.",
            input.ident, machine.ident
        ))
    } else {
        doc(text)
    }
}

/// The doc lines of the `# Errors` section of `input`'s method on `Dynamic` and in the trait.
fn errors_doc(machine: &Machine, input: &Input) -> TokenStream {
    if input.error.is_some() {
        failed_doc(machine)
    } else {
        refused_doc(machine)
    }
}

/// The doc lines of a method that returns `NoTransition` when the state does not accept its
/// input, the link through the crate path.
fn refused_doc(machine: &Machine) -> TokenStream {
    let first = format!(
        " [`NoTransition`]({}::NoTransition) when the current state does not accept",
        text::type_text(&machine.krate)
    );
    quote! {
        #[doc = #first]
        /// the input; nothing changes then.
    }
}

/// The doc lines of a fallible input's method, whose error is `automat::Error`.
fn failed_doc(machine: &Machine) -> TokenStream {
    let krate = text::type_text(&machine.krate);
    let first = format!(
        " [`Error::Refused`]({krate}::Error::Refused) when the current state does not accept the"
    );
    let second =
        format!(" input, [`Error::Failed`]({krate}::Error::Failed) when its handler fails; the");
    quote! {
        #[doc = #first]
        #[doc = #second]
        /// state is kept either way.
    }
}

/// A local variable of generated code, named so it cannot capture or shadow the user's items.
fn local(name: &str) -> Ident {
    Ident::new(name, Span::mixed_site())
}

/// The statement that reports a handled input, leading from `handler`'s state to `target`:
/// to the core when the machine observes (`core` is how to reach it), and to `tracing`.
fn announce(
    machine: &Machine,
    handler: &Handler,
    target: usize,
    core: &TokenStream,
) -> TokenStream {
    let krate = &machine.krate;
    let name = text::name(&machine.ident);
    let source = text::name(&machine.states[handler.state].ident);
    let input = text::name(&machine.inputs[handler.input].ident);
    let target = text::name(&machine.states[target].ident);
    if machine.observe {
        quote! {
            #krate::__private::observed(#core, &#krate::Transition { machine: #name, source: #source, input: #input, target: #target });
        }
    } else {
        quote!(#krate::__private::traced(#name, #source, #input, #target);)
    }
}

/// The statement that reports an input `Dynamic` refused, held in `refused`.
fn report_refusal(machine: &Machine, refused: &Ident) -> TokenStream {
    let krate = &machine.krate;
    let name = text::name(&machine.ident);
    if machine.observe {
        quote!(#krate::__private::refused_observed(&mut self.core, #name, &#refused);)
    } else {
        quote!(#krate::__private::refused_traced(#name, &#refused);)
    }
}

/// `<'a, T: Bound, const N: usize>`: `generics` declared, for an `impl` header.
fn generic_decl(generics: &Generics) -> TokenStream {
    list(generics, None, None, Mode::Impl)
}

/// `<'a, T: Bound = Default>`: `generics` declared, for a type's declaration, with the defaults
/// the user wrote (so `Dynamic` alone names `Dynamic<Default>`).
fn type_decl(generics: &Generics) -> TokenStream {
    list(generics, None, None, Mode::Type)
}

/// `<'a, T, N>`: `generics` named, for a type.
fn generic_args(generics: &Generics) -> TokenStream {
    list(generics, None, None, Mode::Names)
}

/// `where ...`: the predicates of `generics`, or nothing.
fn where_clause(generics: &Generics) -> TokenStream {
    let predicates = &generics.predicates;
    if predicates.is_empty() {
        quote!()
    } else {
        quote!(where #(#predicates),*)
    }
}

/// `<'a, S, T: Bound, N>` for `Machine`: the machine's parameters with the state's after the
/// lifetimes.
fn machine_list(machine: &Machine, state: &TokenStream, mode: Mode) -> TokenStream {
    list(&machine.generics, None, Some(state), mode)
}

/// `<'input, ...>` for `Input`: `'input` leads when an input borrows for the call.
fn input_list(machine: &Machine, input_lifetime: &TokenStream, mode: Mode) -> TokenStream {
    let lead = machine.input_borrows().then_some(input_lifetime);
    list(&machine.input_generics(), lead, None, mode)
}

/// How a list of generic parameters is written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Named, for a type: `<'a, T>`.
    Names,
    /// Declared with bounds, for an `impl` header.
    Impl,
    /// Declared with bounds and defaults, for a type's declaration. Defaults are kept only when
    /// they trail, as Rust requires; generated items put consts after types, so a default on
    /// a type parameter followed by a const without one is dropped.
    Type,
}

fn list(
    generics: &Generics,
    lead: Option<&TokenStream>,
    state: Option<&TokenStream>,
    mode: Mode,
) -> TokenStream {
    let mut items: Vec<TokenStream> = lead.into_iter().cloned().collect();
    let has_default = |param: &GenericParam| match param {
        GenericParam::Type(param) => param.default.is_some(),
        GenericParam::Const(param) => param.default.is_some(),
        GenericParam::Lifetime(_) => false,
    };
    let others: Vec<&GenericParam> = generics
        .params
        .iter()
        .filter(|param| !matches!(param, GenericParam::Lifetime(_)))
        .collect();
    let trailing = others
        .iter()
        .skip_while(|param| !has_default(param))
        .all(|param| has_default(param));
    let item = |param: &GenericParam| {
        match mode {
            Mode::Type if trailing => return quote!(#param),
            Mode::Type | Mode::Impl => {
                let param = crate::generics::without_default_value(param);
                return quote!(#param);
            }
            Mode::Names => {}
        }
        match param {
            GenericParam::Lifetime(param) => param.lifetime.to_token_stream(),
            GenericParam::Type(param) => param.ident.to_token_stream(),
            GenericParam::Const(param) => param.ident.to_token_stream(),
        }
    };
    let lifetimes = generics
        .params
        .iter()
        .filter(|param| matches!(param, GenericParam::Lifetime(_)));
    items.extend(lifetimes.map(item));
    items.extend(state.cloned());
    items.extend(others.into_iter().map(item));
    if items.is_empty() {
        quote!()
    } else {
        quote!(<#(#items),*>)
    }
}

/// The marker field of `Machine` for the parameters its core does not hold (those only states
/// use): the states that use them, behind `fn() ->` so that they own nothing, and with the
/// value that fills it. `None` when the core holds every parameter.
fn machine_marker(machine: &Machine) -> Option<(TokenStream, TokenStream)> {
    let core = machine.core_generics();
    let free: Vec<String> = machine
        .generics
        .params
        .iter()
        .map(crate::generics::param_name)
        .filter(|name| !core.declares(name))
        .collect();
    if free.is_empty() {
        return None;
    }
    let states = machine.states.iter().map(|state| &state.ty).filter(|ty| {
        crate::generics::names(ty)
            .iter()
            .any(|name| free.contains(name))
    });
    Some((
        quote!(__states: ::core::marker::PhantomData<fn() -> (#(#states,)*)>,),
        quote!(__states: ::core::marker::PhantomData,),
    ))
}

/// `__states: PhantomData,` where `Machine` has the marker field, to build one.
fn marker_init(machine: &Machine) -> TokenStream {
    machine_marker(machine)
        .map(|(_, init)| init)
        .unwrap_or_default()
}

/// `where ...`: the predicates of `generics` and `extra`, or nothing.
fn where_with(generics: &Generics, extra: &[TokenStream]) -> TokenStream {
    let predicates = generics.predicates.iter().map(ToTokens::to_token_stream);
    let predicates: Vec<TokenStream> = predicates.chain(extra.iter().cloned()).collect();
    if predicates.is_empty() {
        quote!()
    } else {
        quote!(where #(#predicates),*)
    }
}
