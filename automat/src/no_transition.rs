//! The error of an input that the machine's current state does not accept.

use core::fmt;

/// An input was refused: the machine's current state does not accept it, or the machine is
/// poisoned because a handler panicked, or its future (an async handler's) was dropped before it
/// finished.
///
/// A refused input changes nothing: the state, its data and the core are as they were before
/// the call. `Dynamic`'s input methods and `Dynamic::handle` return it:
///
/// ```
/// #[automat::machine]
/// mod turnstile {
///     /// What a turnstile can be asked to do.
///     pub trait Turnstile {
///         /// A coin is inserted.
///         fn coin(&mut self);
///         /// Someone pushes the arm.
///         fn push(&mut self);
///     }
///
///     /// The arm does not turn.
///     #[state(initial)]
///     pub struct Locked;
///
///     /// The arm turns once.
///     #[state]
///     pub struct Unlocked;
///
///     #[transitions]
///     impl Locked {
///         fn coin(self) -> Unlocked {
///             Unlocked
///         }
///     }
///
///     #[transitions]
///     impl Unlocked {
///         fn push(self) -> Locked {
///             Locked
///         }
///     }
/// }
///
/// let mut gate = turnstile::Dynamic::new(turnstile::Locked);
/// let refused: automat::NoTransition = gate.push().unwrap_err();
/// assert_eq!(refused.to_string(), "input `push` is not accepted in state `Locked`");
/// assert_eq!(gate.state_name(), "Locked", "nothing changed");
///
/// // It is an error type like any other: `?` converts it, `Box<dyn Error>` holds it.
/// fn pass(gate: &mut turnstile::Dynamic) -> Result<(), Box<dyn std::error::Error>> {
///     gate.coin()?;
///     gate.push()?;
///     Ok(())
/// }
/// assert!(pass(&mut gate).is_ok());
/// ```
///
/// Tests and hand-written machines can make one:
///
/// ```
/// let refused = automat::NoTransition::new("Locked", "push");
/// assert_eq!(refused.state(), "Locked");
/// assert_eq!(refused.input(), "push");
/// assert!(!refused.is_poisoned());
/// assert_eq!(refused.to_string(), "input `push` is not accepted in state `Locked`");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NoTransition {
    state: &'static str,
    input: &'static str,
    poisoned: bool,
}

impl NoTransition {
    /// The error for `input` refused in `state` (the state struct's name).
    ///
    /// ```
    /// let refused = automat::NoTransition::new("Opening", "push_button");
    /// assert_eq!(refused.to_string(), "input `push_button` is not accepted in state `Opening`");
    /// ```
    #[must_use]
    pub const fn new(state: &'static str, input: &'static str) -> Self {
        NoTransition {
            state,
            input,
            poisoned: false,
        }
    }

    /// The error for `input` refused because a handler panicked, or its future was dropped, while
    /// leaving `state`.
    ///
    /// ```
    /// let refused = automat::NoTransition::poisoned("Locked", "push");
    /// assert!(refused.is_poisoned());
    /// assert_eq!(
    ///     refused.to_string(),
    ///     "input `push` is not accepted: the machine is poisoned (a handler in state `Locked` panicked or was cancelled)",
    /// );
    /// ```
    #[must_use]
    pub const fn poisoned(state: &'static str, input: &'static str) -> Self {
        NoTransition {
            state,
            input,
            poisoned: true,
        }
    }

    /// The name of the state struct the machine was in; for a poisoned machine, the state the
    /// panicking handler started from.
    ///
    /// ```
    /// assert_eq!(automat::NoTransition::new("Locked", "push").state(), "Locked");
    /// ```
    #[must_use]
    pub const fn state(&self) -> &'static str {
        self.state
    }

    /// The name of the refused input: the trait method's name.
    ///
    /// ```
    /// assert_eq!(automat::NoTransition::new("Locked", "push").input(), "push");
    /// ```
    #[must_use]
    pub const fn input(&self) -> &'static str {
        self.input
    }

    /// Whether the input was refused because the machine is poisoned.
    ///
    /// ```
    /// assert!(!automat::NoTransition::new("Locked", "push").is_poisoned());
    /// assert!(automat::NoTransition::poisoned("Locked", "push").is_poisoned());
    /// ```
    #[must_use]
    pub const fn is_poisoned(&self) -> bool {
        self.poisoned
    }
}

impl fmt::Display for NoTransition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.poisoned {
            write!(
                f,
                "input `{}` is not accepted: the machine is poisoned (a handler in state `{}` panicked or was cancelled)",
                self.input, self.state
            )
        } else {
            write!(
                f,
                "input `{}` is not accepted in state `{}`",
                self.input, self.state
            )
        }
    }
}

impl core::error::Error for NoTransition {}
