//! One parking meter declared three ways: synchronous with both APIs ([`both_apis`]),
//! synchronous with `dynamic` alone ([`dynamic_alone`]), and async with both APIs
//! ([`async_handlers`]), so that `tests/model.rs` drives the three against one model.
//!
//! The declaration is written once, in the `meter!` macro below; only the attribute's
//! arguments and the handlers' `async` differ.

/// The price of a ticket, in cents.
pub const PRICE: u32 = 150;

/// Declares the parking meter as module `$name` under `#[automat::machine($args)]`. With
/// `async` every handler is an `async fn` that awaits a [`YieldOnce`](crate::YieldOnce) before
/// it does anything else, so each of its calls is pending once.
macro_rules! meter {
    ($(#[$doc:meta])* $name:ident ($($args:tt)*)) => {
        meter!(@ $(#[$doc])* $name ($($args)*) [] []);
    };
    ($(#[$doc:meta])* $name:ident ($($args:tt)*) async) => {
        meter!(@ $(#[$doc])* $name ($($args)*) [async] [$crate::YieldOnce::default().await;]);
    };
    (@ $(#[$doc:meta])* $name:ident ($($args:tt)*) [$($async:tt)?] [$($pause:tt)*]) => {
        $(#[$doc])*
        ///
        /// Rules:
        ///
        /// * `Idle`: `coin(cents)` counts a coin, goes to `Paying(cents)` and outputs `cents`;
        ///   `close(reason)` goes to `Closed { reason }`.
        /// * `Paying(credit)`: `coin(cents)` counts a coin, adds `cents` to the credit
        ///   (saturating) and outputs the new credit. `print` with a credit of at least
        ///   `PRICE` counts a ticket, goes to `Idle` and outputs `Some(credit - PRICE)`, the
        ///   change; with less it keeps the credit and outputs `None`. `refund` goes to `Idle`
        ///   and outputs the credit.
        /// * `Closed { reason }`: `open` goes to `Idle`.
        #[automat::machine($($args)*)]
        pub mod $name {
            use super::PRICE;

            /// What drivers and wardens do.
            pub trait Meter {
                /// A coin goes in; the output is the credit after it.
                $($async)? fn coin(&mut self, cents: u32) -> u32;
                /// A ticket is asked for; the output is the change, if one was printed.
                $($async)? fn print(&mut self) -> Option<u32>;
                /// The driver gives up; the output is the refund.
                $($async)? fn refund(&mut self) -> u32;
                /// A warden closes the meter.
                $($async)? fn close(&mut self, reason: u8);
                /// A warden opens it again.
                $($async)? fn open(&mut self);
            }

            /// The counters, shared by every state.
            #[core]
            #[derive(Debug, Clone, Default, PartialEq, Eq)]
            pub struct Till {
                /// Coins inserted.
                pub coins: u32,
                /// Tickets printed.
                pub tickets: u32,
            }

            /// Waiting for a driver.
            #[state(initial)]
            #[derive(Debug, Clone, PartialEq, Eq)]
            pub struct Idle;

            /// A driver is paying; the credit in cents.
            #[state]
            #[derive(Debug, Clone, PartialEq, Eq)]
            pub struct Paying(pub u32);

            /// Out of service.
            #[state]
            #[derive(Debug, Clone, PartialEq, Eq)]
            pub struct Closed {
                /// Why, as a warden's code.
                pub reason: u8,
            }

            /// Where asking for a ticket leads.
            #[branch]
            pub enum Ticket {
                /// Printed.
                Printed(Idle),
                /// The credit is short.
                Short(Paying),
            }

            #[transitions]
            impl Idle {
                $($async)? fn coin(self, till: &mut Till, cents: u32) -> (Paying, u32) {
                    $($pause)*
                    till.coins += 1;
                    (Paying(cents), cents)
                }

                $($async)? fn close(self, _till: &mut Till, reason: u8) -> Closed {
                    $($pause)*
                    Closed { reason }
                }
            }

            #[transitions]
            impl Paying {
                $($async)? fn coin(&mut self, till: &mut Till, cents: u32) -> u32 {
                    $($pause)*
                    till.coins += 1;
                    self.0 = self.0.saturating_add(cents);
                    self.0
                }

                $($async)? fn print(self, till: &mut Till) -> (Ticket, Option<u32>) {
                    $($pause)*
                    if self.0 < PRICE {
                        return (Ticket::Short(self), None);
                    }
                    till.tickets += 1;
                    (Ticket::Printed(Idle), Some(self.0 - PRICE))
                }

                $($async)? fn refund(self, _till: &mut Till) -> (Idle, u32) {
                    $($pause)*
                    (Idle, self.0)
                }
            }

            #[transitions]
            impl Closed {
                $($async)? fn open(self, _till: &mut Till) -> Idle {
                    $($pause)*
                    Idle
                }
            }
        }
    };
}

meter! {
    /// The parking meter, synchronous, with both APIs.
    both_apis(derive(Debug, Clone, PartialEq, Eq))
}

meter! {
    /// The parking meter, synchronous, with `Dynamic` alone.
    dynamic_alone(dynamic, derive(Debug, Clone, PartialEq, Eq))
}

meter! {
    /// The parking meter with async handlers, with both APIs.
    async_handlers(derive(Debug, Clone, PartialEq, Eq)) async
}
