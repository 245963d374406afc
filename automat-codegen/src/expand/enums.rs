//! `State`, `Input` and `Output`: the machine's states, inputs and outputs as values.

use super::{
    Mode, derives, doc, generic_args, generic_decl, input_list, output_value, type_decl,
    where_clause,
};
use crate::model::Machine;
use crate::text;
use proc_macro2::TokenStream;
use quote::quote;

/// `enum State`, one variant per state, with `From` each state and `name()`.
pub fn state(machine: &Machine) -> TokenStream {
    let (vis, derive_attr) = (&machine.vis, derives(&machine.derives));
    let name = text::name(&machine.ident);
    let generics = machine.state_generics();
    let type_params = type_decl(&generics);
    let (decl, args, bounds) = (
        generic_decl(&generics),
        generic_args(&generics),
        where_clause(&generics),
    );
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
        let ty = &state.ty;
        quote!(#text_doc #ident(#ty),)
    });
    let names = machine.states.iter().map(|state| {
        let (ident, text) = (&state.ident, text::name(&state.ident));
        quote!(State::#ident(_) => #text,)
    });
    let froms = machine.states.iter().map(|state| {
        let (ident, ty) = (&state.ident, &state.ty);
        quote! {
            #[automatically_derived]
            impl #decl ::core::convert::From<#ty> for State #args #bounds {
                #[inline]
                fn from(state: #ty) -> Self {
                    State::#ident(state)
                }
            }
        }
    });
    quote! {
        #enum_doc
        #derive_attr
        #[allow(dead_code)]
        #vis enum State #type_params #bounds {
            #(#variants)*
        }

        #[allow(dead_code)]
        impl #decl State #args #bounds {
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
    let lifetime = crate::generics::lifetime(crate::generics::INPUT_LIFETIME);
    let lifetime = quote!(#lifetime);
    let (input_decl, input_args) = (
        input_list(machine, &lifetime, Mode::Impl),
        input_list(machine, &lifetime, Mode::Names),
    );
    let input_type = input_list(machine, &lifetime, Mode::Type);
    let input_bounds = where_clause(&machine.input_generics());
    let output_generics = machine.output_generics();
    let (output_decl, output_bounds) =
        (type_decl(&output_generics), where_clause(&output_generics));
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
            let (ident, ty) = (&param.ident, &param.stored);
            let text = format!("The `{ident}` parameter of `{}`.", input.ident);
            let text_doc = doc(&text);
            quote!(#text_doc #ident: #ty,)
        });
        quote!(#text_doc #variant { #(#fields)* },)
    });
    let outputs = machine.inputs.iter().map(|input| {
        let (variant, output) = (&input.variant, output_value(input));
        let text = if input.error.is_some() {
            format!("The output of `{}`, or how it failed.", input.ident)
        } else {
            format!("The output of `{}`.", input.ident)
        };
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
        #vis enum Input #input_type #input_bounds {
            #(#inputs)*
        }

        #[allow(dead_code)]
        impl #input_decl Input #input_args #input_bounds {
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
        #vis enum Output #output_decl #output_bounds {
            #(#outputs)*
        }
    }
}
