//! Watching a machine: every handled input reaches an [`Observer`], and, with the `tracing`
//! feature, the `tracing` crate.

use crate::NoTransition;

/// One handled input, as an [`Observer`] and `tracing` see it.
///
/// A loop is reported too, with `target` equal to `source`, so an observer sees every input a
/// machine accepts.
///
/// ```
/// let moved = automat::Transition { machine: "turnstile", source: "Locked", input: "coin", target: "Unlocked" };
/// assert_eq!(moved.to_string(), "turnstile: Locked --coin--> Unlocked");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Transition {
    /// The machine's name: its module's name.
    pub machine: &'static str,
    /// The state the machine was in.
    pub source: &'static str,
    /// The input's name.
    pub input: &'static str,
    /// The state the machine is in now.
    pub target: &'static str,
}

impl core::fmt::Display for Transition {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(
            f,
            "{}: {} --{}--> {}",
            self.machine, self.source, self.input, self.target
        )
    }
}

/// Sees what a machine does. Declare the machine `#[automat::machine(observe)]` and implement
/// this trait for its core: after every handler returns, in both `Machine<S>` and `Dynamic`,
/// the core hears of it. Machines declared without `observe` contain no call at all.
///
/// `Dynamic` reports a transition before it stores the new state, so an observer that panics
/// leaves the machine poisoned, as a panicking handler does.
///
/// ```
/// #[automat::machine(observe)]
/// mod light {
///     /// A switch.
///     pub trait Switch {
///         /// Flip it.
///         fn flip(&mut self);
///     }
///
///     /// Remembers what happened.
///     #[core]
///     #[derive(Default)]
///     pub struct Log {
///         /// Every transition, as text.
///         pub lines: Vec<String>,
///         /// Every refused input.
///         pub refused: usize,
///     }
///
///     impl automat::Observer for Log {
///         fn on_transition(&mut self, transition: &automat::Transition) {
///             self.lines.push(transition.to_string());
///         }
///         fn on_refused(&mut self, _refused: &automat::NoTransition) {
///             self.refused += 1;
///         }
///     }
///
///     /// Dark.
///     #[state(initial)]
///     pub struct Off;
///
///     /// Bright.
///     #[state]
///     pub struct On;
///
///     #[transitions]
///     impl Off {
///         fn flip(self, _log: &mut Log) -> On {
///             On
///         }
///     }
///
///     #[transitions]
///     impl On {
///         fn flip(self, _log: &mut Log) -> Off {
///             Off
///         }
///     }
/// }
///
/// let on = light::Machine::new(light::Log::default(), light::Off).flip();
/// let mut light = light::Dynamic::from(on);
/// light.flip().unwrap();
/// assert_eq!(light.core().lines, ["light: Off --flip--> On", "light: On --flip--> Off"]);
/// ```
pub trait Observer {
    /// A handler returned: the machine moved from `source` to `target` (the same state for a
    /// loop).
    fn on_transition(&mut self, transition: &Transition) {
        let _ = transition;
    }

    /// `Dynamic` refused an input; nothing changed.
    fn on_refused(&mut self, refused: &NoTransition) {
        let _ = refused;
    }
}

/// Reports a transition to `observer` and to `tracing`.
#[inline]
pub fn observed<O: Observer + ?Sized>(observer: &mut O, transition: &Transition) {
    observer.on_transition(transition);
    traced(
        transition.machine,
        transition.source,
        transition.input,
        transition.target,
    );
}

/// Reports a transition of `machine` from `source` to `target` on `input` to `tracing`, at
/// `trace` level; nothing without the feature.
///
/// What is inlined into every transition is only the level check, one load and compare; the
/// event itself is built out of line. With no subscriber at `trace` level a transition costs
/// that check and a branch (measured in `docs/benchmarks.md`). The names come as four
/// arguments rather than one `&Transition`: every transition of every machine calls this, and
/// rustc compiles four string literals in less time than a struct literal behind a reference
/// (measured with `bench/rustc_cost.py`).
#[inline]
pub fn traced(
    machine: &'static str,
    source: &'static str,
    input: &'static str,
    target: &'static str,
) {
    // The `Transition` is built inside the branch: built before the level check and passed to
    // a shared helper, it cost every transition its stores (tcp with `tracing` and no
    // subscriber: 24.9 → 37.5 instructions per event).
    #[cfg(feature = "tracing")]
    if enabled(tracing::Level::TRACE) {
        trace_transition(&Transition {
            machine,
            source,
            input,
            target,
        });
    }
    let _ = (machine, source, input, target);
}

/// Reports a refused input to `observer` and to `tracing`.
#[inline]
pub fn refused_observed<O: Observer + ?Sized>(
    observer: &mut O,
    machine: &'static str,
    refused: &NoTransition,
) {
    observer.on_refused(refused);
    refused_traced(machine, refused);
}

/// Reports a refused input to `tracing`, at `debug` level; nothing without the feature.
#[inline]
pub fn refused_traced(machine: &'static str, refused: &NoTransition) {
    #[cfg(feature = "tracing")]
    if enabled(tracing::Level::DEBUG) {
        trace_refusal(machine, refused);
    }
    let _ = (machine, refused);
}

/// Whether any subscriber may want events at `level`: the check `tracing`'s own macros start
/// with.
#[cfg(feature = "tracing")]
#[inline]
fn enabled(level: tracing::Level) -> bool {
    level <= tracing::level_filters::STATIC_MAX_LEVEL
        && level <= tracing::level_filters::LevelFilter::current()
}

/// The `trace` event of a transition, out of line so that no transition carries its code.
#[cfg(feature = "tracing")]
#[cold]
#[inline(never)]
fn trace_transition(transition: &Transition) {
    tracing::trace!(
        machine = transition.machine,
        source = transition.source,
        input = transition.input,
        target = transition.target,
        "transition"
    );
}

/// The `debug` event of a refused input, out of line like [`trace_transition`].
#[cfg(feature = "tracing")]
#[cold]
#[inline(never)]
fn trace_refusal(machine: &'static str, refused: &NoTransition) {
    tracing::debug!(
        machine,
        state = refused.state(),
        input = refused.input(),
        poisoned = refused.is_poisoned(),
        "input refused"
    );
}
