//! `Typed`: one variant per state, each holding that state's typed machine, so a program can
//! leave the dynamic world with one exhaustive `match`.

use super::{
    Mode, derives, doc, generic_args, generic_decl, local, machine_list, marker_init, type_decl,
    where_clause,
};
use crate::model::Machine;
use proc_macro2::TokenStream;
use quote::quote;

/// `enum Typed`, `Dynamic::into_typed`, and `From<Typed> for Dynamic`.
pub fn typed(machine: &Machine) -> TokenStream {
    let vis = &machine.vis;
    let derive_attr = derives(&machine.derives);
    let enum_doc = doc(&format!(
        "A `{}` machine as the typestate machine of its current state: `match` it to continue \
         with the typed API.",
        machine.ident
    ));
    let (decl, args, bounds) = (
        generic_decl(&machine.generics),
        generic_args(&machine.generics),
        where_clause(&machine.generics),
    );
    let marker = marker_init(machine);
    let type_params = type_decl(&machine.generics);
    let states: Vec<_> = machine.states.iter().map(|state| &state.ident).collect();
    let variants = machine.states.iter().map(|state| {
        let (ident, ty) = (&state.ident, &state.ty);
        let state_args = machine_list(machine, &quote!(#ty), Mode::Names);
        let text = doc(&format!("The machine is in `{ident}`."));
        quote!(#text #ident(Machine #state_args),)
    });
    let (value, core, slot, state, typed) = (
        local("__value"),
        local("__core"),
        local("__slot"),
        local("__state"),
        local("__typed"),
    );
    let (core_bind, core_init) = match &machine.core {
        Some(_) => (quote!(core: #core,), quote!(core: #core,)),
        None => (quote!(), quote!()),
    };
    quote! {
        #enum_doc
        #derive_attr
        #[allow(dead_code)]
        #vis enum Typed #type_params #bounds {
            #(#variants)*
        }

        #[allow(dead_code)]
        impl #decl Dynamic #args #bounds {
            /// The machine as the typed machine of its current state.
            ///
            /// # Errors
            ///
            /// The machine itself when it is poisoned and so has no state.
            #[inline]
            pub fn into_typed(self) -> ::core::result::Result<Typed #args, Dynamic #args> {
                let Dynamic { #core_bind slot: #slot } = self;
                match #slot {
                    #(__Slot::__Live(State::#states(#state)) => {
                        ::core::result::Result::Ok(Typed::#states(Machine { #core_init state: #state, #marker }))
                    })*
                    #slot => ::core::result::Result::Err(Dynamic { #core_init slot: #slot }),
                }
            }
        }

        #[automatically_derived]
        impl #decl ::core::convert::From<Typed #args> for Dynamic #args #bounds {
            #[inline]
            fn from(#value: Typed #args) -> Self {
                match #value {
                    #(Typed::#states(#typed) => Dynamic::from(#typed),)*
                }
            }
        }
    }
}
