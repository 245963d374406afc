//! Generates the code of a checked machine, one file per generated concern.

mod description;
mod dynamic;
mod enums;
mod input_trait;
mod persist;
mod typed;
mod typestate;

use crate::model::{Handler, Input, Machine};
use crate::text;
use proc_macro2::{Ident, Span, TokenStream};
use quote::{ToTokens, quote};
use syn::{Item, ItemMod};

/// The module with the input trait re-emitted and every generated item appended.
pub fn module(mut module: ItemMod, machine: &Machine) -> TokenStream {
    let generated = [
        enums::state(machine),
        enums::input_and_output(machine),
        typestate::machine(machine),
        dynamic::machine(machine),
        typed::typed(machine),
        persist::impls(machine),
        input_trait::implementation(machine),
        description::constant(machine),
    ];
    if let Some((_, items)) = &mut module.content {
        for item in items.iter_mut() {
            if let Item::Trait(input_trait) = item
                && input_trait.ident == machine.input_trait.ident
            {
                *item = Item::Verbatim(input_trait::declaration(machine));
            }
        }
        items.push(Item::Verbatim(generated.into_iter().collect()));
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

/// The call of a handler: `Locked::coin(receiver, core, cents)`, without the core argument
/// when the machine has no core.
fn call(
    machine: &Machine,
    handler: &Handler,
    receiver: &TokenStream,
    core: &TokenStream,
) -> TokenStream {
    let state = &machine.states[handler.state].ident;
    let method = &handler.ident;
    let input = &machine.inputs[handler.input];
    let core = machine.core.as_ref().map(|_| quote!(#core,));
    let args = args(input);
    quote!(#state::#method(#receiver, #core #args))
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
    let transition = quote! {
        &#krate::Transition { machine: #name, source: #source, input: #input, target: #target }
    };
    if machine.observe {
        quote!(#krate::__private::observed(#core, #transition);)
    } else {
        quote!(#krate::__private::traced(#transition);)
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
