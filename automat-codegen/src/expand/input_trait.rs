//! The input trait, re-emitted with fallible outputs, and its implementation by `Dynamic`.
//!
//! An async input's method is re-emitted as a method returning `impl Future<Output = R> +
//! Send` rather than as an `async fn`: rustc's `async_fn_in_trait` lint warns that users of an
//! `async fn` in a public trait cannot require its future to be `Send`, which generic code
//! that spawns it must. `#[automat::machine(?Send)]` drops the bound, for machines whose data
//! is not `Send`.

use super::{args, generic_args, generic_decl, params, where_with};
use crate::model::{Input, Machine};
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::GenericParam;

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
        let returns = future(machine, input, super::returns(machine, input));
        let errors_doc = super::errors_doc(machine, input);
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
    let (decl, args_of) = (
        generic_decl(&machine.generics),
        generic_args(&machine.generics),
    );
    // The futures the trait promises `Send` are so for every instance of a generic machine
    // whose type parameters are `Send`; a bound they need beyond that (`T: Sync` for a state
    // holding `&T` across an `.await`) goes on the declaration of the core or the state.
    let send: Vec<TokenStream> = if machine.send && machine.is_async() {
        machine
            .generics
            .params
            .iter()
            .filter_map(|param| match param {
                GenericParam::Type(param) => {
                    let ident = &param.ident;
                    Some(quote!(#ident: ::core::marker::Send))
                }
                _ => None,
            })
            .collect()
    } else {
        Vec::new()
    };
    let bounds = where_with(&machine.generics, &send);
    let methods = machine.inputs.iter().map(|input| {
        let (method, params, args) = (&input.ident, params(input), args(input));
        let returns = future(machine, input, super::returns(machine, input));
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

/// What the trait's method of `input` returns: `returns`, or for an async input a future of
/// it, `Send` unless the machine says `?Send`.
fn future(machine: &Machine, input: &Input, returns: TokenStream) -> TokenStream {
    if !input.is_async {
        return returns;
    }
    // Spanned at the input, so that rustc's error when the future is not `Send` points at
    // the trait's `async fn`.
    let span = input.ident.span();
    let send = machine
        .send
        .then(|| quote_spanned!(span=> + ::core::marker::Send));
    quote_spanned!(span=> impl ::core::future::Future<Output = #returns> #send)
}
