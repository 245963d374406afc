//! `Machine<S>`: the typestate machine, whose type says which inputs it accepts.

use super::{announce, call, derives, doc, local, method_doc, output, params};
use crate::model::{Handler, HandlerKind, Machine};
use crate::text;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// `struct Machine<S>`, its constructors and accessors, one method per handler, and one enum
/// of typed machines per branch.
pub fn machine(machine: &Machine) -> TokenStream {
    let (vis, derive_attr) = (&machine.vis, derives(&machine.derives));
    let name = text::name(&machine.ident);
    let initial = &machine.states[machine.initial()].ident;
    let struct_doc = doc(&format!(
        "A `{name}` machine in state `S`: it has a method for each input that `S` accepts, so an input \
         that `S` does not accept does not compile."
    ));
    let (core_local, state_local) = (local("core"), local("state"));
    // `self::` so that a core named `S` is not taken for the type parameter of `Machine<S>`.
    let (field, core_param, field_init, core_accessors) = match &machine.core {
        Some(core) => (
            quote!(core: self::#core,),
            quote!(#core_local: self::#core,),
            quote!(#core_local,),
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
        None => (quote!(), quote!(), quote!(), quote!()),
    };
    let handlers = machine.states.iter().enumerate().map(|(index, state)| {
        let methods: Vec<TokenStream> = machine
            .handlers_of(index)
            .map(|handler| method(machine, handler))
            .collect();
        if methods.is_empty() {
            return quote!();
        }
        let ident = &state.ident;
        quote! {
            #[allow(dead_code)]
            impl Machine<#ident> {
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
            let (label, state) = (&variant.ident, &machine.states[variant.state].ident);
            let text_doc = doc(&format!("The machine went to `{state}` by `{label}`."));
            quote!(#text_doc #label(Machine<#state>),)
        });
        quote! {
            #text_doc
            #derive_attr
            #[allow(dead_code)]
            #vis enum #ident {
                #(#variants)*
            }
        }
    });
    quote! {
        #struct_doc
        #derive_attr
        #[must_use]
        #[allow(dead_code)]
        #vis struct Machine<S> {
            #field
            state: S,
        }

        #[allow(dead_code)]
        impl Machine<#initial> {
            /// A new machine, in the initial state.
            #[inline]
            pub fn new(#core_param #state_local: #initial) -> Self {
                Machine { #field_init #state_local }
            }
        }

        #[allow(dead_code)]
        impl<S> Machine<S> {
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
    let core_field = machine.core.as_ref().map(|_| quote!(core: #core,));
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
            let target = &machine.states[target].ident;
            let call = call(machine, handler, &quote!(#state), &quote!(&mut #core));
            let (returns, body) = if has_output {
                (
                    quote!((Machine<#target>, #output)),
                    quote! {
                        let (#next, #out) = #call;
                        #announce
                        (Machine { #core_field state: #next }, #out)
                    },
                )
            } else {
                (
                    quote!(Machine<#target>),
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
                    quote!((#typed, #output)),
                    quote! {
                        let (#next, #out) = #call;
                        let #next = match #next { #(#arms)* };
                        (#next, #out)
                    },
                )
            } else {
                (quote!(#typed), quote!(match #call { #(#arms)* }))
            };
            (returns, body)
        }
        HandlerKind::Loop => unreachable!("loops returned above"),
    };
    quote! {
        #docs
        #[inline]
        pub fn #ident(self, #params) -> #returns {
            let Machine { #core_binding state: #state } = self;
            #body
        }
    }
}
