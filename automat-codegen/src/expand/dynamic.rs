//! `Dynamic`: the machine whose state is known only at run time.
//!
//! Its state lives in a private `__Slot`: either a live `State`, or — after a transition
//! handler panicked with the old state moved into it — a dataless "poisoned" variant named
//! after the state the handler started from. Dataless variants fit in the niche of `State`'s
//! tag, so `Dynamic` is no larger than the core plus `State`.

use super::{
    Mode, announce, args, call, derives, doc, errors_doc, generic_args, generic_decl, input_list,
    lend, local, machine_list, marker_init, member, method_doc, params, refused_doc,
    report_refusal, returns, type_decl, unwrap_member, where_clause, where_with,
};
use crate::model::{Handler, HandlerKind, Input, Machine};
use crate::text;
use proc_macro2::{Ident, TokenStream};
use quote::quote;

/// `struct Dynamic`, its methods, and its conversions to and from `Machine<S>` when both are
/// generated.
pub fn machine(machine: &Machine) -> TokenStream {
    let krate = &machine.krate;
    let vis = &machine.vis;
    let name = text::name(&machine.ident);
    let initial_state = &machine.states[machine.initial()];
    let (initial, initial_ty) = (&initial_state.ident, &initial_state.ty);
    let (decl, all_args, bounds) = (
        generic_decl(&machine.generics),
        generic_args(&machine.generics),
        where_clause(&machine.generics),
    );
    let state_generics = machine.state_generics();
    let (state_args, state_bounds) = (generic_args(&state_generics), where_clause(&state_generics));
    let (type_params, state_type) = (type_decl(&machine.generics), type_decl(&state_generics));
    let input_args = input_list(machine, &quote!('_), Mode::Names);
    let output_args = generic_args(&machine.output_generics());
    let states: Vec<&Ident> = machine.states.iter().map(|state| &state.ident).collect();
    let struct_doc = doc(&format!(
        "A `{name}` machine whose state is known only at run time: an input the current state does \
         not accept returns `Err(automat::NoTransition)` and changes nothing."
    ));
    let debug = machine.derives.iter().any(|path| path.is_ident("Debug"));
    // `Dynamic` prints itself by hand: its slot is an implementation detail.
    let derive_attr = derives(
        machine
            .derives
            .iter()
            .filter(|path| !path.is_ident("Debug")),
    );
    let slot_derive_attr = derives(
        machine
            .derives
            .iter()
            .filter(|path| !path.is_ident("Debug")),
    );
    let (core_local, state_local) = (local("core"), local("state"));
    // What poisons the machine, in each text that says so: a transition handler's panic, and in
    // an async machine also its future dropped half-way.
    let (poisoned_doc, poisoned_message, into_parts_doc, state_panics_doc) = if machine.is_async() {
        (
            quote! {
                /// Whether a transition handler panicked, or its future was dropped while it
                /// waited at an `.await`, leaving the machine without a state.
            },
            "the `{}` machine is poisoned: a handler panicked, or its future was dropped, in state `{}`",
            " the machine is poisoned, so the core of a machine whose handler panicked, or whose future was dropped, can",
            " If the machine is poisoned: a transition handler panicked, or its future was dropped, and took the state",
        )
    } else {
        (
            quote!(#[doc = " Whether a transition handler panicked, leaving the machine without a state."]),
            "the `{}` machine is poisoned: a handler panicked in state `{}`",
            " the machine is poisoned, so the core of a machine whose handler panicked can",
            " If the machine is poisoned: a transition handler panicked and took the state",
        )
    };
    let (field, param, init, core_accessor) = match machine.core.as_ref().map(|core| &core.ty) {
        Some(core) => (
            quote!(core: #core,),
            quote!(#core_local: #core,),
            quote!(#core_local,),
            quote! {
                /// The data shared by every state.
                #[inline]
                #[must_use]
                pub fn core(&self) -> &#core {
                    &self.core
                }

                /// The data shared by every state, to change: drain a buffer, reset a counter.
                /// The state stays what it is; this works on a poisoned machine too.
                #[inline]
                #[must_use]
                pub fn core_mut(&mut self) -> &mut #core {
                    &mut self.core
                }

                #[doc = " The core and the state, taking the machine apart. The state is `None` when"]
                #[doc = #into_parts_doc]
                #[doc = " still be recovered."]
                #[inline]
                #[must_use]
                pub fn into_parts(self) -> (#core, ::core::option::Option<State #state_args>) {
                    match self.slot {
                        __Slot::__Live(#state_local) => (self.core, ::core::option::Option::Some(#state_local)),
                        _ => (self.core, ::core::option::Option::None),
                    }
                }
            },
        ),
        None => (quote!(), quote!(), quote!(), quote!()),
    };
    let names = states.iter().map(|state| {
        let text = text::name(state);
        quote!(__Slot::__Live(State::#state(_)) | __Slot::#state => #text,)
    });
    let accepts = machine.states.iter().enumerate().map(|(index, state)| {
        let inputs = machine
            .inputs
            .iter()
            .enumerate()
            .filter(|&(input_index, _)| {
                machine
                    .handlers_of(index)
                    .any(|handler| handler.input == input_index)
            })
            .map(|(_, input)| text::name(&input.ident));
        let state = &state.ident;
        quote!(__Slot::__Live(State::#state(_)) => &[#(#inputs),*],)
    });
    let inputs = machine
        .inputs
        .iter()
        .enumerate()
        .map(|(index, input)| input_method(machine, index, input));
    let handle = handle_body(machine);
    let handle_async = machine.is_async().then(|| quote!(async));
    let handle_cancel_doc = machine.is_async().then(|| {
        quote! {
            ///
            /// Dropping the future before it completes does what dropping the future of the
            /// input's method does.
        }
    });
    let refused_doc = refused_doc(machine);
    // The conversions to and from `Machine<S>`, when there is one.
    let conversions = machine.typestate().then(|| conversions(machine));
    let debug_impl = debug.then(|| {
        let core = machine
            .core
            .as_ref()
            .map(|_| quote!(.field("core", &self.core)));
        // A generic machine prints what its parts print, whatever the parameters' bounds say.
        let mut printable = Vec::new();
        if !machine.generics.is_empty() {
            printable.push(quote!(State #state_args: ::core::fmt::Debug));
            if let Some(core) = &machine.core {
                let ty = &core.ty;
                printable.push(quote!(#ty: ::core::fmt::Debug));
            }
        }
        let debug_bounds = where_with(&machine.generics, &printable);
        quote! {
            #[automatically_derived]
            impl #decl ::core::fmt::Debug for Dynamic #all_args #debug_bounds {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    let mut f = f.debug_struct("Dynamic");
                    match &self.slot {
                        __Slot::__Live(#state_local) => f.field("state", #state_local),
                        _ => f.field("poisoned_in", &self.state_name()),
                    };
                    f #core .finish()
                }
            }
        }
    });
    quote! {
        #struct_doc
        #derive_attr
        #[allow(dead_code)]
        #vis struct Dynamic #type_params #bounds {
            #field
            slot: __Slot #state_args,
        }

        /// Where `Dynamic` keeps its state: a live `State`, or the state a panicking handler
        /// started from.
        #[doc(hidden)]
        #slot_derive_attr
        #[allow(non_camel_case_types)]
        #[allow(dead_code)]
        enum __Slot #state_type #state_bounds {
            __Live(State #state_args),
            #(#states,)*
        }

        #[allow(dead_code)]
        impl #decl Dynamic #all_args #bounds {
            /// A new machine, in the initial state.
            #[inline]
            #[must_use]
            pub fn new(#param #state_local: #initial_ty) -> Self {
                Dynamic { #init slot: __Slot::__Live(State::#initial(#state_local)) }
            }

            /// A machine that resumes in `state` without running any handler: for machines
            /// saved and loaded, and for states entered only that way.
            #[inline]
            #[must_use]
            pub fn restore(#param #state_local: State #state_args) -> Self {
                Dynamic { #init slot: __Slot::__Live(#state_local) }
            }

            /// The current state.
            ///
            /// # Panics
            ///
            #[doc = #state_panics_doc]
            /// with it. Check [`Dynamic::is_poisoned`] first where that can happen.
            #[inline]
            #[must_use]
            pub fn state(&self) -> &State #state_args {
                match &self.slot {
                    __Slot::__Live(#state_local) => #state_local,
                    _ => ::core::panic!(
                        #poisoned_message,
                        #name,
                        self.state_name(),
                    ),
                }
            }

            /// The name of the current state's struct; when poisoned, of the state the
            /// panicking handler started from.
            #[inline]
            #[must_use]
            pub fn state_name(&self) -> &'static str {
                match &self.slot {
                    #(#names)*
                }
            }

            #core_accessor

            /// The inputs the current state accepts, by method name, in the trait's order;
            /// none when the machine is poisoned.
            #[inline]
            #[must_use]
            pub fn accepts(&self) -> &'static [&'static str] {
                match &self.slot {
                    #(#accepts)*
                    _ => &[],
                }
            }

            #poisoned_doc
            /// A poisoned machine refuses every input.
            #[inline]
            #[must_use]
            pub fn is_poisoned(&self) -> bool {
                !::core::matches!(self.slot, __Slot::__Live(_))
            }

            /// Runs `input`, as its method would.
            #handle_cancel_doc
            ///
            /// # Errors
            ///
            #refused_doc
            #[inline]
            pub #handle_async fn handle(&mut self, input: Input #input_args) -> ::core::result::Result<Output #output_args, #krate::NoTransition> {
                #handle
            }

            #(#inputs)*

            #[cold]
            fn __refuse(&self, input: &'static str) -> #krate::NoTransition {
                if self.is_poisoned() {
                    #krate::NoTransition::poisoned(self.state_name(), input)
                } else {
                    #krate::NoTransition::new(self.state_name(), input)
                }
            }
        }

        #debug_impl
        #conversions
    }
}

/// The method of `Dynamic` for one input: dispatch on the state, run its handler.
fn input_method(machine: &Machine, index: usize, input: &Input) -> TokenStream {
    let krate = &machine.krate;
    let (ident, params) = (&input.ident, params(input));
    let returns = returns(machine, input);
    let handlers: Vec<&Handler> = machine
        .handlers
        .iter()
        .filter(|handler| handler.input == index)
        .collect();
    let docs = method_doc(machine, None, input);
    let name = text::name(&input.ident);
    let arms = handlers.iter().map(|handler| arm(machine, handler));
    let refused = local("__refused");
    let report = report_refusal(machine, &refused);
    let refused_doc = errors_doc(machine, input);
    let refused_error = if input.error.is_some() {
        quote!(#krate::Error::Refused(#refused))
    } else {
        quote!(#refused)
    };
    let asyncness = super::asyncness(input);
    let cancel_doc = cancel_doc(input, &handlers);
    quote! {
        #docs
        #cancel_doc
        ///
        /// # Errors
        ///
        #refused_doc
        #[inline]
        pub #asyncness fn #ident(&mut self, #params) -> #returns {
            match self.slot {
                #(#arms)*
                // Other states, and every poisoned slot.
                _ => {
                    let #refused = self.__refuse(#name);
                    #report
                    ::core::result::Result::Err(#refused_error)
                }
            }
        }
    }
}

/// For the method of an async input, the doc lines that say what dropping its future does:
/// a state the handler holds is gone, as on a panic; a state it borrows stays.
fn cancel_doc(input: &Input, handlers: &[&Handler]) -> TokenStream {
    if !input.is_async {
        return quote!();
    }
    let borrowed: Vec<bool> = handlers
        .iter()
        .map(|handler| handler.borrows_state())
        .collect();
    let lines: &[&str] = if borrowed.iter().all(|&borrowed| borrowed) {
        &[
            " Dropping the future while the handler waits at an `.await` (a timeout, an aborted task)",
            " leaves the machine in its state, with whatever the handler changed before that `.await`.",
        ]
    } else if borrowed.iter().any(|&borrowed| borrowed) {
        &[
            " Dropping the future while a handler waits at an `.await` (a timeout, an aborted task)",
            " poisons the machine, as a panicking handler does, unless the handler is a state's own",
            " loop: that leaves the machine in its state, with whatever the handler changed before",
            " that `.await`.",
        ]
    } else {
        &[
            " Dropping the future while the handler waits at an `.await` (a timeout, an aborted task)",
            " poisons the machine, as a panicking handler does: the handler held the state.",
        ]
    };
    quote! {
        ///
        #(#[doc = #lines])*
    }
}

/// One state's arm in an input method.
fn arm(machine: &Machine, handler: &Handler) -> TokenStream {
    let krate = &machine.krate;
    let source = &machine.states[handler.state].ident;
    let has_output = machine.inputs[handler.input].output.is_some();
    let (state, wrapped, result, error) = (
        local("__state"),
        local("__group"),
        local("__result"),
        local("__error"),
    );
    let member = member(machine, handler);
    let failed = quote!(::core::result::Result::Err(#krate::Error::Failed(#error)));
    if handler.kind == HandlerKind::Loop {
        let announce = announce(machine, handler, handler.state, &quote!(&mut self.core));
        let finish = if handler.fallible {
            quote! {
                match #result {
                    ::core::result::Result::Ok(#result) => {
                        #announce
                        ::core::result::Result::Ok(#result)
                    }
                    ::core::result::Result::Err(#error) => #failed,
                }
            }
        } else {
            quote! {
                #announce
                ::core::result::Result::Ok(#result)
            }
        };
        let Some(member) = member else {
            let call = call(machine, handler, &quote!(#state), &quote!(&mut self.core));
            return quote! {
                __Slot::__Live(State::#source(ref mut #state)) => {
                    let #result = #call;
                    #finish
                }
            };
        };
        // A group's loop takes the group enum: the state moves into it for the call, so the
        // slot says "poisoned" until it is back, as for a transition.
        let take = take_state(machine, handler);
        let call = call(
            machine,
            handler,
            &quote!(&mut #wrapped),
            &quote!(&mut self.core),
        );
        let unwrap = unwrap_member(machine, handler, &wrapped, &state);
        return quote! {
            __Slot::__Live(State::#source(_)) => {
                #take
                let mut #wrapped = #member(#state);
                let #result = #call;
                #unwrap
                self.slot = __Slot::__Live(State::#source(#state));
                #finish
            }
        };
    }
    let into_state = into_state(machine, handler);
    let (bind, value) = bind_output(has_output);
    if !handler.fallible {
        let receiver = member.map_or_else(|| quote!(#state), |member| quote!(#member(#state)));
        let call = call(machine, handler, &receiver, &quote!(&mut self.core));
        let take = take_state(machine, handler);
        return quote! {
            __Slot::__Live(State::#source(_)) => {
                #take
                let #bind = #call;
                self.slot = __Slot::__Live(#into_state);
                ::core::result::Result::Ok(#value)
            }
        };
    }
    // A fallible transition moves on `Ok` and stays on `Err`. Its state is out of the slot
    // during the call, as a transition's is, so a panic poisons the machine: the handler may
    // have moved data out of it (`core::mem::take`) meaning to move on.
    let take = take_state(machine, handler);
    let (wrap, receiver, unwrap) = lend(machine, handler, &wrapped, &state);
    let call = call(machine, handler, &receiver, &quote!(&mut self.core));
    quote! {
        __Slot::__Live(State::#source(_)) => {
            #take
            #wrap
            match #call {
                ::core::result::Result::Ok(#bind) => {
                    self.slot = __Slot::__Live(#into_state);
                    ::core::result::Result::Ok(#value)
                }
                ::core::result::Result::Err(#error) => {
                    #unwrap
                    self.slot = __Slot::__Live(State::#source(#state));
                    #failed
                }
            }
        }
    }
}

/// What a consuming handler's result is bound to (`__next`, with `__output` when the input has
/// an output), and the input's output then.
fn bind_output(has_output: bool) -> (TokenStream, TokenStream) {
    let (next, out) = (local("__next"), local("__output"));
    if has_output {
        (quote!((#next, #out)), quote!(#out))
    } else {
        (quote!(#next), quote!(()))
    }
}

/// Moves the state out of the slot into `__state` for a handler that consumes it.
fn take_state(machine: &Machine, handler: &Handler) -> TokenStream {
    let (source, state) = (&machine.states[handler.state].ident, local("__state"));
    quote! {
        // The state moves into the handler. Until the handler returns, the slot says
        // "poisoned in #source", which is what stays if the handler panics.
        let __Slot::__Live(State::#source(#state)) = ::core::mem::replace(&mut self.slot, __Slot::#source) else {
            ::core::unreachable!()
        };
    }
}

/// The `State` a consuming handler's result `__next` becomes, announced on the way.
fn into_state(machine: &Machine, handler: &Handler) -> TokenStream {
    let next = local("__next");
    match handler.kind {
        HandlerKind::Transition(target) => {
            let announce = announce(machine, handler, target, &quote!(&mut self.core));
            let target = &machine.states[target].ident;
            quote! {{
                #announce
                State::#target(#next)
            }}
        }
        HandlerKind::Branch(branch) => {
            let branch = &machine.branches[branch];
            let ident = &branch.ident;
            let arms = branch.variants.iter().map(|variant| {
                let (label, state) = (&variant.ident, &machine.states[variant.state].ident);
                let announce = announce(machine, handler, variant.state, &quote!(&mut self.core));
                quote! {
                    #ident::#label(#next) => {
                        #announce
                        State::#state(#next)
                    }
                }
            });
            quote!(match #next { #(#arms)* })
        }
        HandlerKind::Loop => unreachable!("a loop keeps its state"),
    }
}

/// Machines with at most this many handlers get `handle` as one `match` on the state with a
/// `match` on the input inside; larger ones delegate to the input methods. Measured in
/// `docs/benchmarks.md`: the nested shape lets LLVM lower a small machine's `handle` to fewer
/// instructions than the `match` its users would write by hand, but from about a hundred
/// handlers the one function holding every transition is too big to inline, while the input
/// methods, one per input, still are (rings of 80 handlers still gain, rings of 96 lose).
const NESTED_HANDLE_MAX: usize = 64;

/// The body of `Dynamic::handle`.
fn handle_body(machine: &Machine) -> TokenStream {
    // Where every handler is a loop, every arm of the nested shape returns: delegate then too.
    let consumes = machine
        .handlers
        .iter()
        .any(|handler| handler.kind != HandlerKind::Loop);
    // Groups and fallible handlers have one shape, in the input methods.
    let plain = machine
        .handlers
        .iter()
        .all(|handler| handler.group.is_none() && !handler.fallible);
    // An async machine's `handle` awaits its async inputs' methods, which hold the arms.
    if !consumes || !plain || machine.handlers.len() > NESTED_HANDLE_MAX || machine.is_async() {
        let krate = &machine.krate;
        let arms = machine.inputs.iter().map(|input| {
            let (ident, variant, args) = (&input.ident, &input.variant, args(input));
            let pattern = input_pattern(input);
            let awaited = input.is_async.then(|| quote!(.await));
            if input.error.is_none() {
                return quote!(#pattern => ::core::result::Result::map(self.#ident(#args) #awaited, Output::#variant),);
            }
            // A failure is the input's output; only a refusal is `handle`'s error.
            let (value, error) = (local("__value"), local("__error"));
            quote! {
                #pattern => match self.#ident(#args) #awaited {
                    ::core::result::Result::Ok(#value) => ::core::result::Result::Ok(Output::#variant(::core::result::Result::Ok(#value))),
                    ::core::result::Result::Err(#krate::Error::Failed(#error)) => ::core::result::Result::Ok(Output::#variant(::core::result::Result::Err(#error))),
                    ::core::result::Result::Err(#krate::Error::Refused(#error)) => ::core::result::Result::Err(#error),
                },
            }
        });
        return quote!(match input { #(#arms)* });
    }
    let refused = local("__refused");
    let report = report_refusal(machine, &refused);
    let refuse = |input: TokenStream| {
        quote! {{
            let #refused = self.__refuse(#input.name());
            #report
            return ::core::result::Result::Err(#refused);
        }}
    };
    let (state, next, out, other) = (
        local("__state"),
        local("__next"),
        local("__output"),
        local("__input"),
    );
    let states = machine
        .states
        .iter()
        .enumerate()
        .filter_map(|(index, source)| {
            let handlers: Vec<&Handler> = machine.handlers_of(index).collect();
            if handlers.is_empty() {
                return None;
            }
            let arms = handlers.iter().map(|handler| {
                let input = &machine.inputs[handler.input];
                let (pattern, variant) = (input_pattern(input), &input.variant);
                let call = call(machine, handler, &quote!(#state), &quote!(&mut self.core));
                if handler.kind == HandlerKind::Loop {
                    let announce =
                        announce(machine, handler, handler.state, &quote!(&mut self.core));
                    return quote! {
                        #pattern => {
                            let #out = #call;
                            #announce
                            return ::core::result::Result::Ok(Output::#variant(#out));
                        }
                    };
                }
                let take = take_state(machine, handler);
                let into_state = into_state(machine, handler);
                let (bind, result) = bind_output(input.output.is_some());
                quote! {
                    #pattern => {
                        #take
                        let #bind = #call;
                        (#into_state, Output::#variant(#result))
                    }
                }
            });
            let others = (handlers.len() < machine.inputs.len()).then(|| {
                let refuse = refuse(quote!(#other));
                quote!(#other => #refuse)
            });
            let source = &source.ident;
            let binding = if handlers
                .iter()
                .any(|handler| handler.kind == HandlerKind::Loop)
            {
                quote!(ref mut #state)
            } else {
                quote!(_)
            };
            Some(quote! {
                __Slot::__Live(State::#source(#binding)) => match input {
                    #(#arms)*
                    #others
                },
            })
        });
    let refuse = refuse(quote!(input));
    quote! {
        // One `match` on the state, one on the input inside it; the new state is stored once,
        // after the handler returns.
        let (#next, #out) = match self.slot {
            #(#states)*
            // Other states, and every poisoned slot.
            _ => #refuse
        };
        self.slot = __Slot::__Live(#next);
        ::core::result::Result::Ok(#out)
    }
}

/// `Input::Name` or `Input::Name { params }`.
fn input_pattern(input: &Input) -> TokenStream {
    let (variant, args) = (&input.variant, args(input));
    if input.params.is_empty() {
        quote!(Input::#variant)
    } else {
        quote!(Input::#variant { #args })
    }
}

/// `From<Machine<S>> for Dynamic` and `TryFrom<Dynamic> for Machine<S>`, each one generic impl
/// over the states, which implement `automat::__private::Member<State>` to be taken back out
/// of `State` (into it, they go by `From`). One impl of each for every state would say the
/// same thing once per state: three impls a state where this is one.
fn conversions(machine: &Machine) -> TokenStream {
    let krate = &machine.krate;
    let args = generic_args(&machine.generics);
    let state_generics = machine.state_generics();
    let (state_decl, state_args, state_bounds) = (
        generic_decl(&state_generics),
        generic_args(&state_generics),
        where_clause(&state_generics),
    );
    let s = quote!(S);
    let (typed_decl, typed) = (
        machine_list(machine, &s, Mode::Impl),
        machine_list(machine, &s, Mode::Names),
    );
    let member = quote!(#krate::__private::Member<State #state_args>);
    let member_bounds = where_with(&machine.generics, &[quote!(S: #member)]);
    let marker = marker_init(machine);
    let (value, core, data, slot) = (
        local("__value"),
        local("__core"),
        local("__state"),
        local("__slot"),
    );
    let (core_from, core_bind, core_init) = match &machine.core {
        Some(_) => (
            quote!(core: #value.core,),
            quote!(core: #core,),
            quote!(core: #core,),
        ),
        None => (quote!(), quote!(), quote!()),
    };
    let members = machine.states.iter().map(|state| {
        let (ident, ty) = (&state.ident, &state.ty);
        quote! {
            #[automatically_derived]
            impl #state_decl #member for #ty #state_bounds {
                #[inline]
                fn unwrap(#data: State #state_args) -> ::core::result::Result<Self, State #state_args> {
                    match #data {
                        State::#ident(#data) => ::core::result::Result::Ok(#data),
                        #data => ::core::result::Result::Err(#data),
                    }
                }
            }
        }
    });
    quote! {
        #(#members)*

        #[automatically_derived]
        impl #typed_decl ::core::convert::From<Machine #typed> for Dynamic #args #member_bounds {
            #[inline]
            fn from(#value: Machine #typed) -> Self {
                Dynamic { #core_from slot: __Slot::__Live(::core::convert::Into::into(#value.state)) }
            }
        }

        #[automatically_derived]
        impl #typed_decl ::core::convert::TryFrom<Dynamic #args> for Machine #typed #member_bounds {
            /// The machine itself, handed back when it is not in this state.
            type Error = Dynamic #args;

            #[inline]
            fn try_from(#value: Dynamic #args) -> ::core::result::Result<Self, Dynamic #args> {
                let Dynamic { #core_bind slot: #slot } = #value;
                let #slot = match #slot {
                    __Slot::__Live(#data) => match <S as #member>::unwrap(#data) {
                        ::core::result::Result::Ok(#data) => {
                            return ::core::result::Result::Ok(Machine { #core_init state: #data, #marker });
                        }
                        ::core::result::Result::Err(#data) => __Slot::__Live(#data),
                    },
                    #slot => #slot,
                };
                ::core::result::Result::Err(Dynamic { #core_init slot: #slot })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::NESTED_HANDLE_MAX;
    use proc_macro2::TokenStream;
    use std::fmt::Write;

    /// The expansion of a machine whose states `S0`..`S{states - 1}` each handle `turn`: a
    /// transition to the next state round a ring, or, with `loops`, a loop. One handler a state.
    fn expand_ring(states: usize, loops: bool) -> String {
        let mut module = String::from("mod ring { pub trait Ring { fn turn(&mut self); }");
        for state in 0..states {
            let initial = if state == 0 { "(initial)" } else { "" };
            let handler = if loops {
                "fn turn(&mut self) {}".to_owned()
            } else {
                let next = (state + 1) % states;
                format!("fn turn(self) -> S{next} {{ S{next} }}")
            };
            write!(
                module,
                "#[state{initial}] pub struct S{state}; #[transitions] impl S{state} {{ {handler} }}"
            )
            .unwrap();
        }
        module.push('}');
        let output = crate::expand(TokenStream::new(), module.parse().unwrap()).to_string();
        assert!(!output.contains("compile_error"), "{output}");
        output.replace(' ', "")
    }

    const DELEGATING: &str = "Input::Turn=>::core::result::Result::map(self.turn(),Output::Turn)";
    const NESTED: &str = "__Slot::__Live(State::S0(_))=>matchinput{";

    #[test]
    fn handle_nests_up_to_the_limit_and_delegates_above_it() {
        let at_limit = expand_ring(NESTED_HANDLE_MAX, false);
        assert!(at_limit.contains(NESTED) && !at_limit.contains(DELEGATING));
        let above = expand_ring(NESTED_HANDLE_MAX + 1, false);
        assert!(above.contains(DELEGATING) && !above.contains(NESTED));
    }

    #[test]
    fn handle_delegates_when_every_handler_is_a_loop() {
        // Every arm of the nested shape would return, leaving the store after it unreachable.
        let loops = expand_ring(1, true);
        assert!(loops.contains(DELEGATING), "{loops}");
    }
}
