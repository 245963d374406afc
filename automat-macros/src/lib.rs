//! The `#[automat::machine]` attribute. Use it through the `automat` crate, which documents it.
#![forbid(unsafe_code)]

use proc_macro::TokenStream;

/// Turns a module that declares a machine into a typestate machine `Machine<S>`, a dynamic
/// machine `Dynamic`, the enums `State`, `Input` and `Output`, and the graph `DESCRIPTION`.
///
/// `#[automat::machine(dynamic)]` generates only `Dynamic` (with `State`, `Input`, `Output`),
/// `#[automat::machine(typestate)]` only `Machine<S>`; `DESCRIPTION` comes with each. The other
/// arguments are `derive(Trait, ...)`, `serde`, `observe` and `crate = path`.
///
/// See the `automat` crate's documentation for the declaration language and what is generated.
#[proc_macro_attribute]
pub fn machine(args: TokenStream, item: TokenStream) -> TokenStream {
    automat_codegen::expand(args.into(), item.into()).into()
}
