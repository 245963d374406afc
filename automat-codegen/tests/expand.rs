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

/// The turnstile of the README, expanded in each mode below.
fn turnstile_module() -> TokenStream {
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
}

#[test]
fn turnstile() {
    insta::assert_snapshot!(expand(quote!(), turnstile_module()));
}

#[test]
fn turnstile_dynamic_alone() {
    insta::assert_snapshot!(expand(quote!(dynamic), turnstile_module()));
}

#[test]
fn turnstile_typestate_alone() {
    insta::assert_snapshot!(expand(quote!(typestate), turnstile_module()));
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

                // The generated enums derive what the states derive.
                #[state(initial)]
                #[derive(Debug, Clone, PartialEq)]
                pub struct Locked {
                    code: u16,
                }

                #[state]
                #[derive(Debug, Clone, PartialEq)]
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

#[test]
fn generic_reader() {
    // A type with a bound and a `where` clause (the core's), a lifetime and a const (a state's),
    // an input borrowed for the call, an input naming the machine's lifetime, and a handler
    // block whose parameter only the core uses, which moves onto its handler.
    insta::assert_snapshot!(expand(
        quote!(),
        quote! {
            /// Reads frames into a sink.
            pub mod reader {
                /// What a reader reads.
                pub trait Reader<'buf> {
                    /// Bytes, borrowed for the call; the output is how many were taken.
                    fn bytes(&mut self, bytes: &[u8]) -> usize;
                    /// A frame to keep.
                    fn keep(&mut self, frame: &'buf [u8]);
                }

                /// Where bytes go.
                #[core]
                pub struct Core<T>
                where
                    T: Extend<u8>,
                {
                    sink: T,
                }

                /// Nothing kept.
                #[state(initial)]
                pub struct Empty;

                /// A frame kept, and the last `N` bytes.
                #[state]
                pub struct Kept<'buf, const N: usize> {
                    frame: &'buf [u8],
                    last: [u8; N],
                }

                #[transitions]
                impl<'buf, T: Extend<u8>, const N: usize> Empty {
                    fn keep(self, _core: &mut Core<T>, frame: &'buf [u8]) -> Kept<'buf, N> {
                        Kept { frame, last: [0; N] }
                    }
                }

                #[transitions]
                impl<T: Extend<u8>, const N: usize> Kept<'_, N> {
                    fn bytes(self, core: &mut Core<T>, bytes: &[u8]) -> (Empty, usize) {
                        core.sink.extend(self.frame.iter().chain(bytes).copied());
                        (Empty, bytes.len())
                    }
                }
            }
        },
    ));
}

#[test]
fn handshake_with_a_group_and_a_fallible_input() {
    insta::assert_snapshot!(expand(
        quote!(crate = ::fsm),
        quote! {
            /// A handshake: a group's alert, a group loop, and a fallible check.
            pub mod handshake {
                /// What happens to the client.
                pub trait Client {
                    /// `ServerHello` arrives.
                    fn hello(&mut self);
                    /// The server's `Finished`, with its MAC.
                    fn finished(&mut self, mac: u32) -> Result<u8, Alert>;
                    /// A heartbeat.
                    fn ping(&mut self) -> u32;
                    /// A fatal alert.
                    fn alert(&mut self, alert: Alert);
                }

                /// Why the handshake fails.
                pub struct Alert;

                /// Counts pings.
                #[core]
                pub struct Core {
                    pings: u32,
                }

                /// Before `ServerHello`.
                #[state(initial)]
                pub struct Start;

                /// Waiting for `Finished`.
                #[state]
                pub struct Wait {
                    bad: u8,
                }

                /// Up.
                #[state]
                pub struct Open;

                /// Closed.
                #[state]
                pub struct Closed;

                /// The handshake's states.
                #[group]
                pub enum Handshake {
                    /// Before `ServerHello`.
                    Start(Start),
                    /// Waiting for `Finished`.
                    Wait(Wait),
                }

                #[transitions]
                impl Start {
                    fn hello(self, _core: &mut Core) -> Wait {
                        Wait { bad: 0 }
                    }
                }

                #[transitions]
                impl Wait {
                    fn finished(&mut self, _core: &mut Core, mac: u32) -> Result<(Open, u8), Alert> {
                        if mac == 7 { Ok((Open, self.bad)) } else { self.bad += 1; Err(Alert) }
                    }
                }

                #[transitions]
                impl Handshake {
                    fn ping(&mut self, core: &mut Core) -> u32 {
                        core.pings += 1;
                        core.pings
                    }

                    fn alert(self, _core: &mut Core, _alert: Alert) -> Closed {
                        Closed
                    }
                }
            }
        },
    ));
}

#[test]
fn async_fetch_with_a_group_loop_and_a_fallible_input() {
    insta::assert_snapshot!(expand(
        quote!(),
        quote! {
            /// Fetches a key, awaiting a store.
            pub mod fetch {
                /// What a fetcher understands.
                pub trait Fetch {
                    /// Ask for a key; the output is its length.
                    async fn ask(&mut self, key: u32) -> usize;
                    /// Wait for the answer; it may not come.
                    async fn answer(&mut self) -> Result<(), Lost>;
                    /// How long the machine has waited.
                    async fn waited(&mut self) -> u32;
                    /// Forget the key: a synchronous handler of an async input.
                    async fn forget(&mut self);
                    /// The number of keys asked: a synchronous input.
                    fn asked(&mut self) -> u32;
                }

                /// The answer was lost.
                pub struct Lost;

                /// The store.
                #[core]
                pub struct Store {
                    asked: u32,
                }

                /// Nothing asked.
                #[state(initial)]
                pub struct Idle;

                /// A key asked.
                #[state]
                pub struct Asking {
                    key: u32,
                    waited: u32,
                }

                /// Idle or asking.
                #[group]
                pub enum Any {
                    Idle(Idle),
                    Asking(Asking),
                }

                #[transitions]
                impl Idle {
                    async fn ask(self, store: &mut Store, key: u32) -> (Asking, usize) {
                        store.asked += 1;
                        (Asking { key, waited: 0 }, 4)
                    }
                }

                #[transitions]
                impl Asking {
                    async fn answer(&mut self, _store: &mut Store) -> Result<Idle, Lost> {
                        Err(Lost)
                    }

                    fn forget(self, _store: &mut Store) -> Idle {
                        Idle
                    }
                }

                #[transitions]
                impl Any {
                    async fn waited(&mut self, _store: &mut Store) -> u32 {
                        0
                    }

                    fn asked(&mut self, store: &mut Store) -> u32 {
                        store.asked
                    }
                }
            }
        },
    ));
}
