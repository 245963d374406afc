//! `State`, `Input` and `Output`: the machine's states, inputs and outputs as values.

use super::{derives, doc, output};
use crate::model::Machine;
use crate::text;
use proc_macro2::TokenStream;
use quote::quote;

/// `enum State`, one variant per state, with `From` each state and `name()`.
pub fn state(machine: &Machine) -> TokenStream {
    let (vis, derive_attr) = (&machine.vis, derives(&machine.derives));
    let name = text::name(&machine.ident);
    let enum_doc = doc(&format!(
        "The state of a `{name}` machine as a value: one variant per state."
    ));
    let variants = machine.states.iter().map(|state| {
        let ident = &state.ident;
        let text = if state.doc.is_empty() {
            format!("The `{ident}` state.")
        } else {
            state.doc.clone()
        };
        let text_doc = doc(&text);
        quote!(#text_doc #ident(#ident),)
    });
    let names = machine.states.iter().map(|state| {
        let (ident, text) = (&state.ident, text::name(&state.ident));
        quote!(State::#ident(_) => #text,)
    });
    let froms = machine.states.iter().map(|state| {
        let ident = &state.ident;
        quote! {
            #[automatically_derived]
            impl ::core::convert::From<#ident> for State {
                #[inline]
                fn from(state: #ident) -> Self {
                    State::#ident(state)
                }
            }
        }
    });
    quote! {
        #enum_doc
        #derive_attr
        #[allow(dead_code)]
        #vis enum State {
            #(#variants)*
        }

        #[allow(dead_code)]
        impl State {
            /// The name of this state's struct.
            #[inline]
            #[must_use]
            pub fn name(&self) -> &'static str {
                match self {
                    #(#names)*
                }
            }
        }

        #(#froms)*
    }
}

/// `enum Input` and `enum Output`, one variant per input.
pub fn input_and_output(machine: &Machine) -> TokenStream {
    let (vis, derive_attr) = (&machine.vis, derives(&machine.derives));
    let name = text::name(&machine.ident);
    let input_doc = doc(&format!(
        "An input of a `{name}` machine as a value, for `Dynamic::handle`."
    ));
    let output_doc = doc(&format!(
        "The output of an input of a `{name}` machine, from `Dynamic::handle`."
    ));
    let inputs = machine.inputs.iter().map(|input| {
        let variant = &input.variant;
        let text = if input.doc.is_empty() {
            format!("The `{}` input.", input.ident)
        } else {
            input.doc.clone()
        };
        let text_doc = doc(&text);
        if input.params.is_empty() {
            return quote!(#text_doc #variant,);
        }
        let fields = input.params.iter().map(|param| {
            let (ident, ty) = (&param.ident, &param.ty);
            let text = format!("The `{ident}` parameter of `{}`.", input.ident);
            let text_doc = doc(&text);
            quote!(#text_doc #ident: #ty,)
        });
        quote!(#text_doc #variant { #(#fields)* },)
    });
    let outputs = machine.inputs.iter().map(|input| {
        let (variant, output) = (&input.variant, output(input));
        let text = format!("The output of `{}`.", input.ident);
        let text_doc = doc(&text);
        quote!(#text_doc #variant(#output),)
    });
    let names = machine.inputs.iter().map(|input| {
        let (variant, text) = (&input.variant, text::name(&input.ident));
        if input.params.is_empty() {
            quote!(Input::#variant => #text,)
        } else {
            quote!(Input::#variant { .. } => #text,)
        }
    });
    quote! {
        #input_doc
        #derive_attr
        #[allow(dead_code)]
        #vis enum Input {
            #(#inputs)*
        }

        #[allow(dead_code)]
        impl Input {
            /// The name of this input: the method's name in the input trait.
            #[inline]
            #[must_use]
            pub fn name(&self) -> &'static str {
                match self {
                    #(#names)*
                }
            }
        }

        #output_doc
        #derive_attr
        #[allow(dead_code)]
        #vis enum Output {
            #(#outputs)*
        }
    }
}
