//! `Machine<S>`: the typestate machine, whose type says which inputs it accepts.

use super::{
    announce, call, derives, doc, generic_args, generic_decl, local, machine_list, machine_marker,
    marker_init, method_doc, output, params, where_clause,
};
use crate::model::{Handler, HandlerKind, Machine};
use crate::text;
use proc_macro2::TokenStream;
use quote::{ToTokens, format_ident, quote};

/// `struct Machine<S>`, its constructors and accessors, one method per handler, and one enum
/// of typed machines per branch.
pub fn machine(machine: &Machine) -> TokenStream {
    let (vis, derive_attr) = (&machine.vis, derives(&machine.derives));
    let name = text::name(&machine.ident);
    let initial = &machine.states[machine.initial()].ty;
    let (decl, bounds) = (
        generic_decl(&machine.generics),
        where_clause(&machine.generics),
    );
    let s = quote!(S);
    let (machine_decl, machine_args) = (
        machine_list(machine, &s, true),
        machine_list(machine, &s, false),
    );
    let (marker_field, marker) = machine_marker(machine).unwrap_or_default();
    let of = |state: &syn::Type| machine_list(machine, &quote!(#state), false);
    let initial_args = of(initial);
    let struct_doc = doc(&format!(
        "A `{name}` machine in state `S`: it has a method for each input that `S` accepts, so an input \
         that `S` does not accept does not compile."
    ));
    let (core_local, state_local) = (local("core"), local("state"));
    // `self::` so that a core named `S` is not taken for the type parameter of `Machine<S>`.
    let (field, core_param, field_init, core_accessors) =
        match machine.core.as_ref().map(|core| &core.ty) {
            Some(core) => (
                quote!(core: self::#core,),
                quote!(#core_local: self::#core,),
                quote!(#core_local, #marker),
                quote! {
                    /// The data shared by every state.
                    #[inline]
                    #[must_use]
                    pub fn core(&self) -> &self::#core {
                        &self.core
                    }

                    /// The data shared by every state, to change: drain a buffer, reset a counter.
                    /// The state stays what it is.
                    #[inline]
                    #[must_use]
                    pub fn core_mut(&mut self) -> &mut self::#core {
                        &mut self.core
                    }

                    /// The core and the state, taking the machine apart.
                    #[inline]
                    #[must_use]
                    pub fn into_parts(self) -> (self::#core, S) {
                        (self.core, self.state)
                    }
                },
            ),
            None => (quote!(), quote!(), marker.clone(), quote!()),
        };
    let handlers = machine.states.iter().enumerate().map(|(index, state)| {
        let methods: Vec<TokenStream> = machine
            .handlers_of(index)
            .map(|handler| method(machine, handler))
            .collect();
        if methods.is_empty() {
            return quote!();
        }
        let state_args = of(&state.ty);
        quote! {
            #[allow(dead_code)]
            impl #decl Machine #state_args #bounds {
                #(#methods)*
            }
        }
    });
    let branch_machines = machine.branches.iter().map(|branch| {
        let ident = format_ident!("{}Machine", branch.ident);
        let text_doc = doc(&format!(
            "`{}` with each target as its typed machine: what a branching input of `Machine` returns.",
            branch.ident
        ));
        let variants = branch.variants.iter().map(|variant| {
            let state = &machine.states[variant.state];
            let (label, name, state_args) = (&variant.ident, &state.ident, of(&state.ty));
            let text_doc = doc(&format!("The machine went to `{name}` by `{label}`."));
            quote!(#text_doc #label(Machine #state_args),)
        });
        quote! {
            #text_doc
            #derive_attr
            #[allow(dead_code)]
            #vis enum #ident #decl #bounds {
                #(#variants)*
            }
        }
    });
    quote! {
        #struct_doc
        #derive_attr
        #[must_use]
        #[allow(dead_code)]
        #vis struct Machine #machine_decl #bounds {
            #field
            state: S,
            #marker_field
        }

        #[allow(dead_code)]
        impl #decl Machine #initial_args #bounds {
            /// A new machine, in the initial state.
            #[inline]
            pub fn new(#core_param #state_local: #initial) -> Self {
                Machine { #field_init #state_local }
            }
        }

        #[allow(dead_code)]
        impl #machine_decl Machine #machine_args #bounds {
            /// A machine that resumes in `state` without running any handler: for machines
            /// saved and loaded, and for states entered only that way.
            #[inline]
            pub fn restore(#core_param #state_local: S) -> Self {
                Machine { #field_init #state_local }
            }

            /// The current state's data.
            #[inline]
            #[must_use]
            pub fn state(&self) -> &S {
                &self.state
            }

            /// The current state's data, taking the machine apart.
            #[inline]
            #[must_use]
            pub fn into_state(self) -> S {
                self.state
            }

            #core_accessors
        }

        #(#handlers)*
        #(#branch_machines)*
    }
}

/// The method of `Machine<S>` that runs one handler.
fn method(machine: &Machine, handler: &Handler) -> TokenStream {
    let input = &machine.inputs[handler.input];
    let (ident, params, output) = (&input.ident, params(input), output(input));
    let docs = method_doc(machine, Some(handler), input);
    let (core, state, next, out) = (
        local("__core"),
        local("__state"),
        local("__next"),
        local("__output"),
    );
    let core_binding = machine.core.as_ref().map(|_| quote!(core: mut #core,));
    let marker = marker_init(machine);
    let rest = machine_marker(machine).map(|_| quote!(..));
    let core_field = machine.core.as_ref().map(|_| quote!(core: #core,));
    let core_field = quote!(#core_field #marker);
    let of =
        |state: usize| machine_list(machine, &machine.states[state].ty.to_token_stream(), false);
    let all_args = generic_args(&machine.generics);
    let has_output = input.output.is_some();
    if handler.kind == HandlerKind::Loop {
        let call = call(
            machine,
            handler,
            &quote!(&mut self.state),
            &quote!(&mut self.core),
        );
        let announce = announce(machine, handler, handler.state, &quote!(&mut self.core));
        return quote! {
            #docs
            #[inline]
            pub fn #ident(&mut self, #params) -> #output {
                let #out = #call;
                #announce
                #out
            }
        };
    }
    let (returns, body) = match handler.kind {
        HandlerKind::Transition(target) => {
            let announce = announce(machine, handler, target, &quote!(&mut #core));
            let target = of(target);
            let call = call(machine, handler, &quote!(#state), &quote!(&mut #core));
            let (returns, body) = if has_output {
                (
                    quote!((Machine #target, #output)),
                    quote! {
                        let (#next, #out) = #call;
                        #announce
                        (Machine { #core_field state: #next }, #out)
                    },
                )
            } else {
                (
                    quote!(Machine #target),
                    quote! {
                        let #next = #call;
                        #announce
                        Machine { #core_field state: #next }
                    },
                )
            };
            (returns, body)
        }
        HandlerKind::Branch(branch) => {
            let branch = &machine.branches[branch];
            let (ident_enum, typed) = (&branch.ident, format_ident!("{}Machine", branch.ident));
            let call = call(machine, handler, &quote!(#state), &quote!(&mut #core));
            let arms = branch.variants.iter().map(|variant| {
                let label = &variant.ident;
                let announce = announce(machine, handler, variant.state, &quote!(&mut #core));
                quote! {
                    #ident_enum::#label(#next) => {
                        #announce
                        #typed::#label(Machine { #core_field state: #next })
                    }
                }
            });
            let (returns, body) = if has_output {
                (
                    quote!((#typed #all_args, #output)),
                    quote! {
                        let (#next, #out) = #call;
                        let #next = match #next { #(#arms)* };
                        (#next, #out)
                    },
                )
            } else {
                (quote!(#typed #all_args), quote!(match #call { #(#arms)* }))
            };
            (returns, body)
        }
        HandlerKind::Loop => unreachable!("loops returned above"),
    };
    quote! {
        #docs
        #[inline]
        pub fn #ident(self, #params) -> #returns {
            let Machine { #core_binding state: #state, #rest } = self;
            #body
        }
    }
}
