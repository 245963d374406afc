//! `Machine<S>`: the typestate machine, whose type says which inputs it accepts.

use super::{
    Mode, announce, call, derives, doc, generic_args, generic_decl, lend, local, machine_list,
    machine_marker, marker_init, member, method_doc, output, params, type_decl, unwrap_member,
    where_clause,
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
        machine_list(machine, &s, Mode::Impl),
        machine_list(machine, &s, Mode::Names),
    );
    let machine_type = machine_list(machine, &s, Mode::Type);
    let (marker_field, marker) = machine_marker(machine).unwrap_or_default();
    let of = |state: &syn::Type| machine_list(machine, &quote!(#state), Mode::Names);
    let initial_args = of(initial);
    let type_params = type_decl(&machine.generics);
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
            #vis enum #ident #type_params #bounds {
                #(#variants)*
            }
        }
    });
    quote! {
        #struct_doc
        #derive_attr
        #[must_use]
        #[allow(dead_code)]
        #vis struct Machine #machine_type #bounds {
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
    let (ident, params) = (&input.ident, params(input));
    let docs = method_doc(machine, Some(handler), input);
    let asyncness = super::asyncness(input);
    let cancel_doc: &[&str] = match (input.is_async, handler.borrows_state()) {
        (false, _) => &[],
        (true, true) => &[
            "",
            " Dropping the future while the handler waits at an `.await` (a timeout, an aborted task)",
            " leaves the machine in its state, with whatever the handler changed before that `.await`.",
        ],
        (true, false) => &[
            "",
            " Dropping the future before it completes (a timeout, an aborted task) drops the machine,",
            " which the future holds.",
        ],
    };
    let docs = quote!(#docs #(#[doc = #cancel_doc])*);
    let (core, state, wrapped, result, error) = (
        local("__core"),
        local("__state"),
        local("__group"),
        local("__result"),
        local("__error"),
    );
    let core_binding = machine.core.as_ref().map(|_| quote!(core: mut #core,));
    let marker = marker_init(machine);
    let rest = machine_marker(machine).map(|_| quote!(..));
    let core_field = machine.core.as_ref().map(|_| quote!(core: #core,));
    let core_field = quote!(#core_field #marker);
    let member = member(machine, handler);
    let source = machine_list(
        machine,
        &machine.states[handler.state].ty.to_token_stream(),
        Mode::Names,
    );
    if handler.kind == HandlerKind::Loop {
        let output = super::output_value(input);
        let announce = announce(machine, handler, handler.state, &quote!(&mut #core));
        let announce = if handler.fallible {
            quote!(if ::core::result::Result::is_ok(&#result) { #announce })
        } else {
            announce
        };
        let Some(member) = member else {
            // A state's own loop works on the state in place.
            let call = call(
                machine,
                handler,
                &quote!(&mut self.state),
                &quote!(&mut self.core),
            );
            let announce =
                super::announce(machine, handler, handler.state, &quote!(&mut self.core));
            let announce = if handler.fallible {
                quote!(if ::core::result::Result::is_ok(&#result) { #announce })
            } else {
                announce
            };
            return quote! {
                #docs
                #[inline]
                pub #asyncness fn #ident(&mut self, #params) -> #output {
                    let #result = #call;
                    #announce
                    #result
                }
            };
        };
        // A group's loop takes the group enum, so the state moves into it for the call and
        // the machine is handed back with the result.
        let call = call(
            machine,
            handler,
            &quote!(&mut #wrapped),
            &quote!(&mut #core),
        );
        let unwrap = unwrap_member(machine, handler, &wrapped, &state);
        let (returns, value) = if input.output.is_none() && !handler.fallible {
            (
                quote!(Machine #source),
                quote!(Machine { #core_field state: #state }),
            )
        } else {
            (
                quote!((Machine #source, #output)),
                quote!((Machine { #core_field state: #state }, #result)),
            )
        };
        return quote! {
            #docs
            #[inline]
            pub #asyncness fn #ident(self, #params) -> #returns {
                let Machine { #core_binding state: #state, #rest } = self;
                let mut #wrapped = #member(#state);
                let #result = #call;
                #unwrap
                #announce
                #value
            }
        };
    }
    if !handler.fallible {
        let receiver = member.map_or_else(|| quote!(#state), |member| quote!(#member(#state)));
        let call = call(machine, handler, &receiver, &quote!(&mut #core));
        let (returns, build) = moved(machine, handler, &core_field, &call);
        return quote! {
            #docs
            #[inline]
            pub #asyncness fn #ident(self, #params) -> #returns {
                let Machine { #core_binding state: #state, #rest } = self;
                #build
            }
        };
    }
    let (returns, build) = moved(machine, handler, &core_field, &quote!(#result));
    // A fallible transition: it moves on `Ok`, and on `Err` the machine comes back with the
    // error, its state as the handler left it.
    let error_type = &input.error;
    let (wrap, receiver, unwrap) = lend(machine, handler, &wrapped, &state);
    let call = call(machine, handler, &receiver, &quote!(&mut #core));
    quote! {
        #docs
        ///
        /// # Errors
        ///
        /// The handler's error, when it fails, paired with the machine, which stays in its
        /// state as the handler left it.
        #[inline]
        pub #asyncness fn #ident(self, #params) -> ::core::result::Result<#returns, (Machine #source, #error_type)> {
            let Machine { #core_binding state: #state, #rest } = self;
            #wrap
            match #call {
                ::core::result::Result::Ok(#result) => ::core::result::Result::Ok({ #build }),
                ::core::result::Result::Err(#error) => {
                    #unwrap
                    ::core::result::Result::Err((Machine { #core_field state: #state }, #error))
                }
            }
        }
    }
}

/// What a handler that moves the machine returns on `Machine<S>`, and the statements that
/// build it from the handler's result, `result`: the next typed machine, or the branch's enum
/// of typed machines, paired with the output when the input has one.
fn moved(
    machine: &Machine,
    handler: &Handler,
    core_field: &TokenStream,
    result: &TokenStream,
) -> (TokenStream, TokenStream) {
    let input = &machine.inputs[handler.input];
    let output = output(input);
    let (next, out, core) = (local("__next"), local("__output"), local("__core"));
    let has_output = input.output.is_some();
    let of = |state: usize| {
        machine_list(
            machine,
            &machine.states[state].ty.to_token_stream(),
            Mode::Names,
        )
    };
    let all_args = generic_args(&machine.generics);
    match handler.kind {
        HandlerKind::Transition(target) => {
            let announce = announce(machine, handler, target, &quote!(&mut #core));
            let target = of(target);
            if has_output {
                (
                    quote!((Machine #target, #output)),
                    quote! {
                        let (#next, #out) = #result;
                        #announce
                        (Machine { #core_field state: #next }, #out)
                    },
                )
            } else {
                (
                    quote!(Machine #target),
                    quote! {
                        let #next = #result;
                        #announce
                        Machine { #core_field state: #next }
                    },
                )
            }
        }
        HandlerKind::Branch(branch) => {
            let branch = &machine.branches[branch];
            let (ident_enum, typed) = (&branch.ident, format_ident!("{}Machine", branch.ident));
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
            if has_output {
                (
                    quote!((#typed #all_args, #output)),
                    quote! {
                        let (#next, #out) = #result;
                        let #next = match #next { #(#arms)* };
                        (#next, #out)
                    },
                )
            } else {
                (
                    quote!(#typed #all_args),
                    quote!(match #result { #(#arms)* }),
                )
            }
        }
        HandlerKind::Loop => unreachable!("a loop does not move the machine"),
    }
}
