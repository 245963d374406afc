//! `#[automat::machine(serde)]`: `Serialize` and `Deserialize` for `State` and `Dynamic`,
//! through `::automat::__private` (or the `crate = path` given), so they work whatever the user's crate calls serde.
//!
//! The generated code is a table of the states; reading and writing them is shared code in
//! `automat`'s `persist` module, which also says why the layout is what it is.

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
    let names: Vec<String> = states.iter().copied().map(text::name).collect();
    let indexes: Vec<usize> = (0..states.len()).collect();
    let variant_indexes = (0..states.len()).map(|index| u32::try_from(index).unwrap_or(u32::MAX));
    let (core_type, core_ref, with_core, restore) = match &machine.core {
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
    // Through `serde_impls!`, which without automat's `serde` feature replaces them all with
    // one error that says to turn the feature on, rather than one error per missing path.
    quote! {
        #private::serde_impls! {
        #[automatically_derived]
        impl #private::States for State {
            const NAMES: &'static [&'static str] = &[#(#names),*];

            fn deserialize_data<'de, __D: #serde::Deserializer<'de>>(
                __index: usize,
                __data: __D,
            ) -> ::core::result::Result<Self, __D::Error> {
                match __index {
                    #(#indexes => ::core::result::Result::map(
                        <#states as #serde::Deserialize>::deserialize(__data),
                        State::#states,
                    ),)*
                    _ => ::core::result::Result::Err(<__D::Error as #serde::de::Error>::custom("no such state")),
                }
            }
        }

        #[automatically_derived]
        impl #serde::Serialize for State {
            fn serialize<__S: #serde::Serializer>(&self, __serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error> {
                match self {
                    #(State::#states(__data) => #private::serialize_state(__serializer, #variant_indexes, #names, __data),)*
                }
            }
        }

        #[automatically_derived]
        impl<'de> #serde::Deserialize<'de> for State {
            fn deserialize<__D: #serde::Deserializer<'de>>(__deserializer: __D) -> ::core::result::Result<Self, __D::Error> {
                #private::deserialize_state::<__D, State>(__deserializer)
            }
        }

        #[automatically_derived]
        impl #serde::Serialize for Dynamic {
            fn serialize<__S: #serde::Serializer>(&self, __serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error> {
                match &self.slot {
                    __Slot::__Live(__state) => #private::serialize_machine(__serializer, __state, #core_ref),
                    _ => ::core::result::Result::Err(<__S::Error as #serde::ser::Error>::custom(#poisoned)),
                }
            }
        }

        #[automatically_derived]
        impl<'de> #serde::Deserialize<'de> for Dynamic {
            fn deserialize<__D: #serde::Deserializer<'de>>(__deserializer: __D) -> ::core::result::Result<Self, __D::Error> {
                let (__state, __core) = #private::deserialize_machine::<__D, State, #core_type>(__deserializer, #with_core)?;
                #restore
            }
        }
        }
    }
}
