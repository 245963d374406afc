//! `DESCRIPTION`: the machine's graph as an `automat::Description` constant.

use crate::model::{HandlerKind, Machine};
use crate::text;
use proc_macro2::TokenStream;
use quote::quote;

/// `static DESCRIPTION: automat::Description`, built from literals only.
pub fn constant(machine: &Machine) -> TokenStream {
    let krate = &machine.krate;
    let vis = &machine.vis;
    let name = text::name(&machine.ident);
    let (doc, trait_name) = (&machine.doc, text::name(&machine.input_trait.ident));
    let item_doc =
        format!("The graph of the `{name}` machine, for `automat-viz` and introspection.");
    let states = machine.states.iter().enumerate().map(|(index, state)| {
        let (name, doc, initial, unreachable) = (text::name(&state.ident), &state.doc, state.initial, state.unreachable);
        let (terminal, data) = (machine.is_terminal(index), state.data);
        quote! {
            #krate::StateInfo { name: #name, doc: #doc, initial: #initial, unreachable: #unreachable, terminal: #terminal, data: #data },
        }
    });
    let inputs = machine.inputs.iter().map(|input| {
        let (name, doc) = (text::name(&input.ident), &input.doc);
        let params = input.params.iter().map(|param| {
            let (name, ty) = (text::name(&param.ident), text::type_text(&param.ty));
            quote!(#krate::Param { name: #name, ty: #ty },)
        });
        let output = optional_str(input.output.as_ref().map(text::type_text));
        let error = optional_str(input.error.as_ref().map(text::type_text));
        quote! {
            #krate::InputInfo { name: #name, doc: #doc, params: &[#(#params)*], output: #output, error: #error },
        }
    });
    let transitions = machine.handlers.iter().map(|handler| {
        let source = text::name(&machine.states[handler.state].ident);
        let input = text::name(&machine.inputs[handler.input].ident);
        let kind = match handler.kind {
            HandlerKind::Transition(_) => quote!(Transition),
            HandlerKind::Loop => quote!(Loop),
            HandlerKind::Branch(_) => quote!(Branch),
        };
        let targets = machine.targets(handler).into_iter().map(|(state, label)| {
            let state = text::name(&machine.states[state].ident);
            let label = optional_str(label.map(text::name));
            quote!(#krate::Target { state: #state, label: #label },)
        });
        let doc = &handler.doc;
        let group = optional_str(
            handler
                .group
                .map(|group| text::name(&machine.groups[group].ident)),
        );
        let fallible = handler.fallible;
        quote! {
            #krate::TransitionInfo {
                source: #source,
                input: #input,
                kind: #krate::TransitionKind::#kind,
                targets: &[#(#targets)*],
                doc: #doc,
                group: #group,
                fallible: #fallible,
            },
        }
    });
    let groups = machine.groups.iter().map(|group| {
        let (name, doc) = (text::name(&group.ident), &group.doc);
        let members = group
            .variants
            .iter()
            .map(|variant| text::name(&machine.states[variant.state].ident));
        quote!(#krate::GroupInfo { name: #name, doc: #doc, members: &[#(#members),*] },)
    });
    quote! {
        #[doc = #item_doc]
        #[allow(dead_code)]
        #vis static DESCRIPTION: #krate::Description = #krate::Description {
            name: #name,
            doc: #doc,
            trait_name: #trait_name,
            states: &[#(#states)*],
            inputs: &[#(#inputs)*],
            transitions: &[#(#transitions)*],
            groups: &[#(#groups)*],
        };
    }
}

/// `Some("text")` or `None`, as tokens.
fn optional_str(text: Option<String>) -> TokenStream {
    text.map_or_else(
        || quote!(::core::option::Option::None),
        |text| quote!(::core::option::Option::Some(#text)),
    )
}
