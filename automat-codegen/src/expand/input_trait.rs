//! The input trait, re-emitted with fallible outputs, and its implementation by `Dynamic`.

use super::{args, generic_args, generic_decl, params, where_clause};
use crate::model::Machine;
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

/// The user's trait with every output `T` turned into `Result<T, automat::NoTransition>`.
pub fn declaration(machine: &Machine) -> TokenStream {
    let (vis, ident, attrs, generics) = (
        &machine.vis,
        &machine.input_trait.ident,
        &machine.input_trait.attrs,
        &machine.input_trait.generics,
    );
    let bounds = &generics.where_clause;
    let methods = machine.inputs.iter().map(|input| {
        let (attrs, ident, params) = (&input.attrs, &input.ident, params(input));
        let returns = super::returns(machine, input);
        let errors_doc = super::dynamic::errors_doc(machine, input);
        quote! {
            #(#attrs)*
            ///
            /// # Errors
            ///
            #errors_doc
            fn #ident(&mut self, #params) -> #returns;
        }
    });
    // Spanned at the user's trait, so rustc's notes about it point at the declaration.
    // `dead_code` is allowed because every machine must declare the trait, which `Dynamic`
    // implements: in a crate-private machine nothing else has to name it, and rustc would
    // report it as never used.
    quote_spanned! {ident.span()=>
        #(#attrs)*
        #[allow(dead_code)]
        #vis trait #ident #generics #bounds {
            #(#methods)*
        }
    }
}

/// `impl Trait for Dynamic`, each method delegating to the inherent one.
pub fn implementation(machine: &Machine) -> TokenStream {
    let ident = &machine.input_trait.ident;
    let (_, trait_args, _) = machine.input_trait.generics.split_for_impl();
    let (decl, args_of, bounds) = (
        generic_decl(&machine.generics),
        generic_args(&machine.generics),
        where_clause(&machine.generics),
    );
    let methods = machine.inputs.iter().map(|input| {
        let (method, params, args) = (&input.ident, params(input), args(input));
        let returns = super::returns(machine, input);
        quote! {
            #[inline]
            fn #method(&mut self, #params) -> #returns {
                Dynamic::#method(self, #args)
            }
        }
    });
    quote! {
        #[automatically_derived]
        impl #decl #ident #trait_args for Dynamic #args_of #bounds {
            #(#methods)*
        }
    }
}
