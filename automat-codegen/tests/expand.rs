//! Expansion snapshots: every change to generated code shows up as a reviewable diff.

use proc_macro2::TokenStream;
use quote::quote;

/// Expands a machine, checks the output is valid Rust, and pretty-prints it.
fn expand(args: TokenStream, module: TokenStream) -> String {
    let expanded = automat_codegen::expand(args, module);
    let file: syn::File = syn::parse2(expanded.clone())
        .unwrap_or_else(|error| panic!("invalid Rust: {error}\n{expanded}"));
    prettyplease::unparse(&file)
}

#[test]
fn turnstile() {
    insta::assert_snapshot!(expand(
        quote!(),
        quote! {
            /// A coin-operated turnstile.
            pub mod turnstile {
                /// What a turnstile can be asked to do.
                pub trait Turnstile {
                    /// A coin is inserted; the output is the credit.
                    fn coin(&mut self, cents: u32) -> u32;
                    /// Someone pushes the arm.
                    fn push(&mut self);
                }

                /// Counts the people who went through.
                #[core]
                #[derive(Default)]
                pub struct Core {
                    /// People who went through.
                    pub passes: u64,
                }

                /// The arm does not turn.
                #[state(initial)]
                pub struct Locked;

                /// The arm turns once.
                #[state]
                pub struct Unlocked {
                    credit: u32,
                }

                #[transitions]
                impl Locked {
                    /// Paid: the arm unlocks.
                    fn coin(self, _core: &mut Core, cents: u32) -> (Unlocked, u32) {
                        (Unlocked { credit: cents }, cents)
                    }
                }

                #[transitions]
                impl Unlocked {
                    fn coin(&mut self, _core: &mut Core, cents: u32) -> u32 {
                        self.credit += cents;
                        self.credit
                    }
                    fn push(self, core: &mut Core) -> Locked {
                        core.passes += 1;
                        Locked
                    }
                }
            }
        }
    ));
}

#[test]
fn door_lock_with_branch_and_no_core() {
    insta::assert_snapshot!(expand(
        quote!(derive(Debug, Clone, PartialEq)),
        quote! {
            pub mod door_lock {
                /// A keypad lock.
                pub trait Lock {
                    /// A code is entered.
                    fn unlock(&mut self, code: u16) -> bool;
                    /// The door is locked again.
                    fn lock(&mut self);
                }

                #[state(initial)]
                pub struct Locked {
                    code: u16,
                }

                #[state]
                pub struct Open(u16);

                /// Where a code leads.
                #[branch]
                pub enum Unlock {
                    /// The code was right.
                    Opened(Open),
                    /// The code was wrong.
                    Refused(Locked),
                }

                #[transitions]
                impl Locked {
                    fn unlock(self, code: u16) -> (Unlock, bool) {
                        if code == self.code { (Unlock::Opened(Open(code)), true) } else { (Unlock::Refused(self), false) }
                    }
                }

                #[transitions]
                impl Open {
                    fn lock(self) -> Locked {
                        Locked { code: self.0 }
                    }
                }
            }
        }
    ));
}
