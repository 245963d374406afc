//! `#[automat::machine(serde)]`: `Serialize` and `Deserialize` for `State` and `Dynamic`,
//! through `::automat::__private` (or the `crate = path` given), so they work whatever the user's crate calls serde.
//!
//! The generated code is a table of the states; reading and writing them is shared code in
//! `automat`'s `persist` module, which also says why the layout is what it is.

use super::{Mode, generic_args, generic_decl, list, where_with};
use crate::model::Machine;
use crate::text;
use proc_macro2::TokenStream;
use quote::quote;

/// The serde impls, or nothing when the machine did not ask for them.
pub fn impls(machine: &Machine) -> TokenStream {
    if !machine.serde {
        return quote!();
    }
    let krate = &machine.krate;
    let serde = quote!(#krate::__private::serde);
    let private = quote!(#krate::__private);
    let states: Vec<_> = machine.states.iter().map(|state| &state.ident).collect();
    let types = machine.states.iter().map(|state| &state.ty);
    let names: Vec<String> = states.iter().copied().map(text::name).collect();
    let indexes: Vec<usize> = (0..states.len()).collect();
    let variant_indexes = (0..states.len()).map(|index| u32::try_from(index).unwrap_or(u32::MAX));
    let (core_type, core_ref, with_core, restore) = match machine.core.as_ref().map(|core| &core.ty)
    {
        Some(core) => (
            quote!(#core),
            quote!(::core::option::Option::Some(&self.core)),
            quote!(true),
            quote! {
                match __core {
                    ::core::option::Option::Some(__core) => ::core::result::Result::Ok(Dynamic::restore(__core, __state)),
                    ::core::option::Option::None => ::core::result::Result::Err(
                        <__D::Error as #serde::de::Error>::missing_field("core"),
                    ),
                }
            },
        ),
        None => (
            quote!(()),
            quote!(::core::option::Option::None::<&()>),
            quote!(false),
            quote! {
                let _: ::core::option::Option<()> = __core;
                ::core::result::Result::Ok(Dynamic::restore(__state))
            },
        ),
    };
    let poisoned = format!(
        "the `{}` machine is poisoned: a handler panicked, and it has no state to save",
        machine.ident
    );
    // A generic machine's parts are (de)serializable when their parameters make them so: each
    // part that names a parameter is bounded, as `#[derive(Serialize)]` bounds fields.
    let generic_parts = |core: bool| -> Vec<&syn::Type> {
        let core = machine.core.as_ref().filter(|_| core).map(|core| &core.ty);
        let states = machine.states.iter().map(|state| &state.ty);
        states
            .chain(core)
            .filter(|ty| !machine.generics.used_by(ty).is_empty())
            .collect()
    };
    let bounded =
        |parts: Vec<&syn::Type>, generics: &crate::model::Generics, bound: &TokenStream| {
            let extra: Vec<TokenStream> = parts.iter().map(|ty| quote!(#ty: #bound)).collect();
            where_with(generics, &extra)
        };
    // Named so that no machine parameter can clash with it (`'de` may be the user's).
    let de = crate::generics::lifetime(crate::generics::DE_LIFETIME);
    let de = quote!(#de);
    let (ser, deser) = (quote!(#serde::Serialize), quote!(#serde::Deserialize<#de>));
    let state_generics = machine.state_generics();
    let (state_decl, state_args) = (generic_decl(&state_generics), generic_args(&state_generics));
    let state_de_decl = list(&state_generics, Some(&de), None, Mode::Impl);
    let state_ser_bounds = bounded(generic_parts(false), &state_generics, &ser);
    let state_de_bounds = bounded(generic_parts(false), &state_generics, &deser);
    let (decl, args) = (
        generic_decl(&machine.generics),
        generic_args(&machine.generics),
    );
    let de_decl = list(&machine.generics, Some(&de), None, Mode::Impl);
    let ser_bounds = bounded(generic_parts(true), &machine.generics, &ser);
    let de_bounds = bounded(generic_parts(true), &machine.generics, &deser);
    // Through `serde_impls!`, which without automat's `serde` feature replaces them all with
    // one error that says to turn the feature on, rather than one error per missing path.
    quote! {
        #private::serde_impls! {
        #[automatically_derived]
        impl #state_de_decl #private::States<#de> for State #state_args #state_de_bounds {
            const NAMES: &'static [&'static str] = &[#(#names),*];

            fn deserialize_data<__D: #serde::Deserializer<#de>>(
                __index: usize,
                __data: __D,
            ) -> ::core::result::Result<Self, __D::Error> {
                match __index {
                    #(#indexes => ::core::result::Result::map(
                        <#types as #serde::Deserialize<#de>>::deserialize(__data),
                        State::#states,
                    ),)*
                    _ => ::core::result::Result::Err(<__D::Error as #serde::de::Error>::custom("no such state")),
                }
            }
        }

        #[automatically_derived]
        impl #state_decl #serde::Serialize for State #state_args #state_ser_bounds {
            fn serialize<__S: #serde::Serializer>(&self, __serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error> {
                match self {
                    #(State::#states(__data) => #private::serialize_state(__serializer, #variant_indexes, #names, __data),)*
                }
            }
        }

        #[automatically_derived]
        impl #state_de_decl #serde::Deserialize<#de> for State #state_args #state_de_bounds {
            fn deserialize<__D: #serde::Deserializer<#de>>(__deserializer: __D) -> ::core::result::Result<Self, __D::Error> {
                #private::deserialize_state::<__D, Self>(__deserializer)
            }
        }

        #[automatically_derived]
        impl #decl #serde::Serialize for Dynamic #args #ser_bounds {
            fn serialize<__S: #serde::Serializer>(&self, __serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error> {
                match &self.slot {
                    __Slot::__Live(__state) => #private::serialize_machine(__serializer, __state, #core_ref),
                    _ => ::core::result::Result::Err(<__S::Error as #serde::ser::Error>::custom(#poisoned)),
                }
            }
        }

        #[automatically_derived]
        impl #de_decl #serde::Deserialize<#de> for Dynamic #args #de_bounds {
            fn deserialize<__D: #serde::Deserializer<#de>>(__deserializer: __D) -> ::core::result::Result<Self, __D::Error> {
                let (__state, __core) = #private::deserialize_machine::<__D, State #state_args, #core_type>(__deserializer, #with_core)?;
                #restore
            }
        }
        }
    }
}
