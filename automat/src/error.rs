//! The error of a fallible input: refused before any handler ran, or failed in its handler.

use crate::NoTransition;
use core::fmt;

/// Why a fallible input (one declared `-> Result<T, E>`) did not succeed on `Dynamic`: the
/// current state does not accept it, or its handler failed with `E`. The machine keeps its
/// state either way.
///
/// ```
/// #[automat::machine]
/// mod lock {
///     /// A lock that checks a code.
///     pub trait Lock {
///         /// Someone types a code.
///         fn enter(&mut self, code: u16) -> Result<(), WrongCode>;
///         /// Someone locks it again.
///         fn lock(&mut self);
///     }
///
///     /// A code that does not open the lock.
///     #[derive(Debug, PartialEq)]
///     pub struct WrongCode;
///
///     impl core::fmt::Display for WrongCode {
///         fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
///             f.write_str("wrong code")
///         }
///     }
///
///     /// Locked, with its code.
///     #[state(initial)]
///     pub struct Locked(pub u16);
///
///     /// Open.
///     #[state]
///     pub struct Open(pub u16);
///
///     #[transitions]
///     impl Locked {
///         /// Opens on the right code; stays locked on a wrong one.
///         fn enter(&mut self, code: u16) -> Result<Open, WrongCode> {
///             if code == self.0 { Ok(Open(code)) } else { Err(WrongCode) }
///         }
///     }
///
///     #[transitions]
///     impl Open {
///         fn lock(self) -> Locked {
///             Locked(self.0)
///         }
///     }
/// }
///
/// use automat::Error;
///
/// let mut door = lock::Dynamic::new(lock::Locked(1234));
/// assert_eq!(door.enter(1), Err(Error::Failed(lock::WrongCode)));
/// assert_eq!(door.state_name(), "Locked", "a failed input stays");
/// assert_eq!(door.enter(1).unwrap_err().to_string(), "wrong code");
/// assert_eq!(door.enter(1234), Ok(()));
/// let refused = door.enter(1234).unwrap_err();
/// assert_eq!(refused.to_string(), "input `enter` is not accepted in state `Open`");
/// assert!(matches!(refused, Error::Refused(_)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Error<E> {
    /// The current state does not accept the input, or the machine is poisoned: no handler
    /// ran and nothing changed.
    Refused(NoTransition),
    /// The handler ran and failed: the machine stays in its state, as the handler left it.
    Failed(E),
}

impl<E> Error<E> {
    /// The refusal, if the input was refused.
    ///
    /// ```
    /// let refused = automat::Error::<()>::Refused(automat::NoTransition::new("Open", "enter"));
    /// assert_eq!(refused.refused().map(|refusal| refusal.state()), Some("Open"));
    /// assert_eq!(automat::Error::Failed(()).refused(), None);
    /// ```
    #[must_use]
    pub fn refused(&self) -> Option<&NoTransition> {
        match self {
            Error::Refused(refusal) => Some(refusal),
            Error::Failed(_) => None,
        }
    }

    /// The handler's error, if the handler failed.
    ///
    /// ```
    /// assert_eq!(automat::Error::Failed("bad MAC").failed(), Some(&"bad MAC"));
    /// let refused = automat::Error::<&str>::Refused(automat::NoTransition::new("Open", "enter"));
    /// assert_eq!(refused.failed(), None);
    /// ```
    #[must_use]
    pub fn failed(&self) -> Option<&E> {
        match self {
            Error::Failed(error) => Some(error),
            Error::Refused(_) => None,
        }
    }

    /// The handler's error, if the handler failed, taking the error apart.
    ///
    /// ```
    /// let error = automat::Error::Failed(String::from("bad MAC"));
    /// assert_eq!(error.into_failed().as_deref(), Some("bad MAC"));
    /// ```
    #[must_use]
    pub fn into_failed(self) -> Option<E> {
        match self {
            Error::Failed(error) => Some(error),
            Error::Refused(_) => None,
        }
    }
}

impl<E> From<NoTransition> for Error<E> {
    /// The refusal, as the error of a fallible input.
    fn from(refusal: NoTransition) -> Self {
        Error::Refused(refusal)
    }
}

impl<E: fmt::Display> fmt::Display for Error<E> {
    /// The refusal's message, or the handler's error's.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Refused(refusal) => refusal.fmt(f),
            Error::Failed(error) => error.fmt(f),
        }
    }
}

impl<E: core::error::Error + 'static> core::error::Error for Error<E> {
    /// The handler's error's source, if it failed; a refusal has none.
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        match self {
            Error::Refused(_) => None,
            Error::Failed(error) => error.source(),
        }
    }
}
