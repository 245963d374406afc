//! The static description of a machine's graph, for diagrams and introspection.

/// A machine's graph: its states, inputs and transitions, in declaration order.
///
/// `#[automat::machine]` emits one as `DESCRIPTION` in the machine's module. It is built at
/// compile time and allocates nothing; `automat-viz` renders it as DOT, Mermaid or SVG.
///
/// Every list keeps the order of the declaration, so everything rendered from a description is
/// deterministic.
///
/// ```
/// #[automat::machine]
/// mod lamp {
///     /// A lamp with a dimmer.
///     pub trait Lamp {
///         /// Flip the switch.
///         fn flip(&mut self);
///         /// Turn the dimmer to `percent`; the output is the brightness now.
///         fn dim(&mut self, percent: u8) -> u8;
///         /// A power surge, of `volts`.
///         fn surge(&mut self, volts: u16);
///     }
///
///     /// Dark.
///     #[state(initial)]
///     pub struct Off;
///
///     /// Lit, at some brightness.
///     #[state]
///     pub struct On {
///         level: u8,
///     }
///
///     /// Burnt out: nothing leaves this state.
///     #[state]
///     pub struct Burnt;
///
///     /// Where a surge leaves the bulb.
///     #[branch]
///     pub enum Surge {
///         /// The bulb survived.
///         Survived(On),
///         /// The bulb burnt out.
///         BurntOut(Burnt),
///     }
///
///     #[transitions]
///     impl Off {
///         /// Light up, at full brightness.
///         fn flip(self) -> On {
///             On { level: 100 }
///         }
///     }
///
///     #[transitions]
///     impl On {
///         fn flip(self) -> Off {
///             Off
///         }
///
///         /// Stay lit, at another brightness.
///         fn dim(&mut self, percent: u8) -> u8 {
///             self.level = percent.min(100);
///             self.level
///         }
///
///         fn surge(self, volts: u16) -> Surge {
///             if volts > 400 { Surge::BurntOut(Burnt) } else { Surge::Survived(self) }
///         }
///     }
/// }
///
/// let graph = &lamp::DESCRIPTION;
/// assert_eq!(graph.name, "lamp");
/// assert_eq!(graph.doc, "");
/// assert_eq!(graph.trait_name, "Lamp");
/// let states: Vec<&str> = graph.states.iter().map(|state| state.name).collect();
/// assert_eq!(states, ["Off", "On", "Burnt"]);
/// let inputs: Vec<&str> = graph.inputs.iter().map(|input| input.name).collect();
/// assert_eq!(inputs, ["flip", "dim", "surge"]);
/// let handlers: Vec<(&str, &str)> =
///     graph.transitions.iter().map(|handler| (handler.source, handler.input)).collect();
/// assert_eq!(handlers, [("Off", "flip"), ("On", "flip"), ("On", "dim"), ("On", "surge")]);
/// ```
///
/// The examples of [`StateInfo`], [`InputInfo`], [`Param`], [`TransitionInfo`],
/// [`TransitionKind`] and [`Target`] read this `lamp` machine's description.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Description {
    /// The machine's name: the name of its module.
    pub name: &'static str,
    /// The module's doc comment, lines joined with `\n` (empty when there is none).
    pub doc: &'static str,
    /// The name of the input trait.
    pub trait_name: &'static str,
    /// The states, in declaration order.
    pub states: &'static [StateInfo],
    /// The inputs, in the order of the trait's methods.
    pub inputs: &'static [InputInfo],
    /// The handlers, grouped by state in declaration order, each state's in source order. A
    /// `#[group]`'s handler is listed once per member state, in that state's place, with
    /// [`TransitionInfo::group`] naming the group.
    pub transitions: &'static [TransitionInfo],
    /// The `#[group]` enums, in declaration order (empty when the machine declares none).
    pub groups: &'static [GroupInfo],
}

impl Description {
    /// The state every machine starts in.
    ///
    /// ```
    /// # #[automat::machine] mod lamp {
    /// #     #[doc = " A lamp with a dimmer."] pub trait Lamp {
    /// #         #[doc = " Flip the switch."] fn flip(&mut self);
    /// #         #[doc = " Turn the dimmer to `percent`; the output is the brightness now."] fn dim(&mut self, percent: u8) -> u8;
    /// #         #[doc = " A power surge, of `volts`."] fn surge(&mut self, volts: u16);
    /// #     }
    /// #     #[doc = " Dark."] #[state(initial)] pub struct Off;
    /// #     #[doc = " Lit, at some brightness."] #[state] pub struct On {
    /// #         level: u8,
    /// #     }
    /// #     #[doc = " Burnt out: nothing leaves this state."] #[state] pub struct Burnt;
    /// #     #[doc = " Where a surge leaves the bulb."] #[branch] pub enum Surge {
    /// #         #[doc = " The bulb survived."] Survived(On),
    /// #         #[doc = " The bulb burnt out."] BurntOut(Burnt),
    /// #     }
    /// #     #[transitions] impl Off {
    /// #         #[doc = " Light up, at full brightness."] fn flip(self) -> On { On { level: 100 } }
    /// #     }
    /// #     #[transitions] impl On {
    /// #         fn flip(self) -> Off { Off }
    /// #         #[doc = " Stay lit, at another brightness."] fn dim(&mut self, percent: u8) -> u8 { self.level = percent.min(100); self.level }
    /// #         fn surge(self, volts: u16) -> Surge { if volts > 400 { Surge::BurntOut(Burnt) } else { Surge::Survived(self) } }
    /// #     }
    /// # }
    /// assert_eq!(lamp::DESCRIPTION.initial().name, "Off");
    /// ```
    ///
    /// # Panics
    ///
    /// Only for a hand-made description with no initial state; the macro always marks one.
    #[must_use]
    pub fn initial(&self) -> &StateInfo {
        self.states
            .iter()
            .find(|state| state.initial)
            .expect("a machine description has an initial state")
    }

    /// The state named `name`, if there is one.
    ///
    /// ```
    /// # #[automat::machine] mod lamp {
    /// #     #[doc = " A lamp with a dimmer."] pub trait Lamp {
    /// #         #[doc = " Flip the switch."] fn flip(&mut self);
    /// #         #[doc = " Turn the dimmer to `percent`; the output is the brightness now."] fn dim(&mut self, percent: u8) -> u8;
    /// #         #[doc = " A power surge, of `volts`."] fn surge(&mut self, volts: u16);
    /// #     }
    /// #     #[doc = " Dark."] #[state(initial)] pub struct Off;
    /// #     #[doc = " Lit, at some brightness."] #[state] pub struct On {
    /// #         level: u8,
    /// #     }
    /// #     #[doc = " Burnt out: nothing leaves this state."] #[state] pub struct Burnt;
    /// #     #[doc = " Where a surge leaves the bulb."] #[branch] pub enum Surge {
    /// #         #[doc = " The bulb survived."] Survived(On),
    /// #         #[doc = " The bulb burnt out."] BurntOut(Burnt),
    /// #     }
    /// #     #[transitions] impl Off {
    /// #         #[doc = " Light up, at full brightness."] fn flip(self) -> On { On { level: 100 } }
    /// #     }
    /// #     #[transitions] impl On {
    /// #         fn flip(self) -> Off { Off }
    /// #         #[doc = " Stay lit, at another brightness."] fn dim(&mut self, percent: u8) -> u8 { self.level = percent.min(100); self.level }
    /// #         fn surge(self, volts: u16) -> Surge { if volts > 400 { Surge::BurntOut(Burnt) } else { Surge::Survived(self) } }
    /// #     }
    /// # }
    /// let on = lamp::DESCRIPTION.state("On").unwrap();
    /// assert_eq!(on.doc, "Lit, at some brightness.");
    /// assert_eq!(lamp::DESCRIPTION.state("Dim"), None);
    /// ```
    #[must_use]
    pub fn state(&self, name: &str) -> Option<&StateInfo> {
        self.states.iter().find(|state| state.name == name)
    }

    /// The input named `name` (the trait method's name), if there is one.
    ///
    /// ```
    /// # #[automat::machine] mod lamp {
    /// #     #[doc = " A lamp with a dimmer."] pub trait Lamp {
    /// #         #[doc = " Flip the switch."] fn flip(&mut self);
    /// #         #[doc = " Turn the dimmer to `percent`; the output is the brightness now."] fn dim(&mut self, percent: u8) -> u8;
    /// #         #[doc = " A power surge, of `volts`."] fn surge(&mut self, volts: u16);
    /// #     }
    /// #     #[doc = " Dark."] #[state(initial)] pub struct Off;
    /// #     #[doc = " Lit, at some brightness."] #[state] pub struct On {
    /// #         level: u8,
    /// #     }
    /// #     #[doc = " Burnt out: nothing leaves this state."] #[state] pub struct Burnt;
    /// #     #[doc = " Where a surge leaves the bulb."] #[branch] pub enum Surge {
    /// #         #[doc = " The bulb survived."] Survived(On),
    /// #         #[doc = " The bulb burnt out."] BurntOut(Burnt),
    /// #     }
    /// #     #[transitions] impl Off {
    /// #         #[doc = " Light up, at full brightness."] fn flip(self) -> On { On { level: 100 } }
    /// #     }
    /// #     #[transitions] impl On {
    /// #         fn flip(self) -> Off { Off }
    /// #         #[doc = " Stay lit, at another brightness."] fn dim(&mut self, percent: u8) -> u8 { self.level = percent.min(100); self.level }
    /// #         fn surge(self, volts: u16) -> Surge { if volts > 400 { Surge::BurntOut(Burnt) } else { Surge::Survived(self) } }
    /// #     }
    /// # }
    /// let dim = lamp::DESCRIPTION.input("dim").unwrap();
    /// assert_eq!(dim.output, Some("u8"));
    /// assert_eq!(lamp::DESCRIPTION.input("Dim"), None, "the method's name, not the variant's");
    /// ```
    #[must_use]
    pub fn input(&self, name: &str) -> Option<&InputInfo> {
        self.inputs.iter().find(|input| input.name == name)
    }
}

/// One state of a [`Description`]: a `#[state]` struct.
///
/// With the `lamp` machine of [`Description`]'s example:
///
/// ```
/// # #[automat::machine] mod lamp {
/// #     #[doc = " A lamp with a dimmer."] pub trait Lamp {
/// #         #[doc = " Flip the switch."] fn flip(&mut self);
/// #         #[doc = " Turn the dimmer to `percent`; the output is the brightness now."] fn dim(&mut self, percent: u8) -> u8;
/// #         #[doc = " A power surge, of `volts`."] fn surge(&mut self, volts: u16);
/// #     }
/// #     #[doc = " Dark."] #[state(initial)] pub struct Off;
/// #     #[doc = " Lit, at some brightness."] #[state] pub struct On {
/// #         level: u8,
/// #     }
/// #     #[doc = " Burnt out: nothing leaves this state."] #[state] pub struct Burnt;
/// #     #[doc = " Where a surge leaves the bulb."] #[branch] pub enum Surge {
/// #         #[doc = " The bulb survived."] Survived(On),
/// #         #[doc = " The bulb burnt out."] BurntOut(Burnt),
/// #     }
/// #     #[transitions] impl Off {
/// #         #[doc = " Light up, at full brightness."] fn flip(self) -> On { On { level: 100 } }
/// #     }
/// #     #[transitions] impl On {
/// #         fn flip(self) -> Off { Off }
/// #         #[doc = " Stay lit, at another brightness."] fn dim(&mut self, percent: u8) -> u8 { self.level = percent.min(100); self.level }
/// #         fn surge(self, volts: u16) -> Surge { if volts > 400 { Surge::BurntOut(Burnt) } else { Surge::Survived(self) } }
/// #     }
/// # }
/// let [off, on, burnt] = lamp::DESCRIPTION.states else { unreachable!() };
/// assert_eq!((off.name, off.doc), ("Off", "Dark."));
/// assert!(off.initial && !on.initial && !burnt.initial);
/// assert!(!on.unreachable, "no state of the lamp is `#[state(unreachable)]`");
/// assert!(!on.terminal);
/// assert!(burnt.terminal, "no transition leaves `Burnt`");
/// assert!(on.data && !off.data && !burnt.data, "only `On` has fields");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(clippy::struct_excessive_bools)] // Independent facts a renderer reads one by one.
pub struct StateInfo {
    /// The state struct's name.
    pub name: &'static str,
    /// The state struct's doc comment, lines joined with `\n` (empty when there is none).
    pub doc: &'static str,
    /// Whether this is the initial state (`#[state(initial)]`).
    pub initial: bool,
    /// Whether the state is entered only by restoring a saved machine (`#[state(unreachable)]`).
    pub unreachable: bool,
    /// Whether no transition leaves this state: it has loops at most, and a machine that
    /// enters it stays.
    pub terminal: bool,
    /// Whether the state struct carries data: it has at least one field. `Off` in
    /// `struct Off;` carries none, `On` in `struct On { level: u8 }` does.
    pub data: bool,
}

/// One input of a [`Description`]: a method of the input trait.
///
/// With the `lamp` machine of [`Description`]'s example:
///
/// ```
/// # #[automat::machine] mod lamp {
/// #     #[doc = " A lamp with a dimmer."] pub trait Lamp {
/// #         #[doc = " Flip the switch."] fn flip(&mut self);
/// #         #[doc = " Turn the dimmer to `percent`; the output is the brightness now."] fn dim(&mut self, percent: u8) -> u8;
/// #         #[doc = " A power surge, of `volts`."] fn surge(&mut self, volts: u16);
/// #     }
/// #     #[doc = " Dark."] #[state(initial)] pub struct Off;
/// #     #[doc = " Lit, at some brightness."] #[state] pub struct On {
/// #         level: u8,
/// #     }
/// #     #[doc = " Burnt out: nothing leaves this state."] #[state] pub struct Burnt;
/// #     #[doc = " Where a surge leaves the bulb."] #[branch] pub enum Surge {
/// #         #[doc = " The bulb survived."] Survived(On),
/// #         #[doc = " The bulb burnt out."] BurntOut(Burnt),
/// #     }
/// #     #[transitions] impl Off {
/// #         #[doc = " Light up, at full brightness."] fn flip(self) -> On { On { level: 100 } }
/// #     }
/// #     #[transitions] impl On {
/// #         fn flip(self) -> Off { Off }
/// #         #[doc = " Stay lit, at another brightness."] fn dim(&mut self, percent: u8) -> u8 { self.level = percent.min(100); self.level }
/// #         fn surge(self, volts: u16) -> Surge { if volts > 400 { Surge::BurntOut(Burnt) } else { Surge::Survived(self) } }
/// #     }
/// # }
/// let [flip, dim, _surge] = lamp::DESCRIPTION.inputs else { unreachable!() };
/// assert_eq!((flip.name, flip.doc), ("flip", "Flip the switch."));
/// assert!(flip.params.is_empty());
/// assert_eq!(flip.output, None);
/// assert_eq!(dim.params[0].name, "percent");
/// assert_eq!(dim.output, Some("u8"));
/// assert_eq!(dim.error, None, "`dim` cannot fail");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct InputInfo {
    /// The method's name.
    pub name: &'static str,
    /// The method's doc comment, lines joined with `\n` (empty when there is none).
    pub doc: &'static str,
    /// The parameters after `&mut self`, in order.
    pub params: &'static [Param],
    /// The output type as written, or `None` when the method returns `()`. For an input
    /// declared `-> Result<T, E>`, the output is `T` (`None` for `Result<(), E>`).
    pub output: Option<&'static str>,
    /// For an input declared `-> Result<T, E>`, the error type `E` as written; `None` for an
    /// input that cannot fail.
    pub error: Option<&'static str>,
}

/// A parameter of an input.
///
/// With the `lamp` machine of [`Description`]'s example:
///
/// ```
/// # #[automat::machine] mod lamp {
/// #     #[doc = " A lamp with a dimmer."] pub trait Lamp {
/// #         #[doc = " Flip the switch."] fn flip(&mut self);
/// #         #[doc = " Turn the dimmer to `percent`; the output is the brightness now."] fn dim(&mut self, percent: u8) -> u8;
/// #         #[doc = " A power surge, of `volts`."] fn surge(&mut self, volts: u16);
/// #     }
/// #     #[doc = " Dark."] #[state(initial)] pub struct Off;
/// #     #[doc = " Lit, at some brightness."] #[state] pub struct On {
/// #         level: u8,
/// #     }
/// #     #[doc = " Burnt out: nothing leaves this state."] #[state] pub struct Burnt;
/// #     #[doc = " Where a surge leaves the bulb."] #[branch] pub enum Surge {
/// #         #[doc = " The bulb survived."] Survived(On),
/// #         #[doc = " The bulb burnt out."] BurntOut(Burnt),
/// #     }
/// #     #[transitions] impl Off {
/// #         #[doc = " Light up, at full brightness."] fn flip(self) -> On { On { level: 100 } }
/// #     }
/// #     #[transitions] impl On {
/// #         fn flip(self) -> Off { Off }
/// #         #[doc = " Stay lit, at another brightness."] fn dim(&mut self, percent: u8) -> u8 { self.level = percent.min(100); self.level }
/// #         fn surge(self, volts: u16) -> Surge { if volts > 400 { Surge::BurntOut(Burnt) } else { Surge::Survived(self) } }
/// #     }
/// # }
/// let surge = lamp::DESCRIPTION.input("surge").unwrap();
/// assert_eq!(surge.params, [automat::Param { name: "volts", ty: "u16" }]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Param {
    /// The parameter's name in the trait.
    pub name: &'static str,
    /// Its type as written (white space normalized).
    pub ty: &'static str,
}

/// One handler of a [`Description`]: what an input does in one state.
///
/// With the `lamp` machine of [`Description`]'s example:
///
/// ```
/// # #[automat::machine] mod lamp {
/// #     #[doc = " A lamp with a dimmer."] pub trait Lamp {
/// #         #[doc = " Flip the switch."] fn flip(&mut self);
/// #         #[doc = " Turn the dimmer to `percent`; the output is the brightness now."] fn dim(&mut self, percent: u8) -> u8;
/// #         #[doc = " A power surge, of `volts`."] fn surge(&mut self, volts: u16);
/// #     }
/// #     #[doc = " Dark."] #[state(initial)] pub struct Off;
/// #     #[doc = " Lit, at some brightness."] #[state] pub struct On {
/// #         level: u8,
/// #     }
/// #     #[doc = " Burnt out: nothing leaves this state."] #[state] pub struct Burnt;
/// #     #[doc = " Where a surge leaves the bulb."] #[branch] pub enum Surge {
/// #         #[doc = " The bulb survived."] Survived(On),
/// #         #[doc = " The bulb burnt out."] BurntOut(Burnt),
/// #     }
/// #     #[transitions] impl Off {
/// #         #[doc = " Light up, at full brightness."] fn flip(self) -> On { On { level: 100 } }
/// #     }
/// #     #[transitions] impl On {
/// #         fn flip(self) -> Off { Off }
/// #         #[doc = " Stay lit, at another brightness."] fn dim(&mut self, percent: u8) -> u8 { self.level = percent.min(100); self.level }
/// #         fn surge(self, volts: u16) -> Surge { if volts > 400 { Surge::BurntOut(Burnt) } else { Surge::Survived(self) } }
/// #     }
/// # }
/// use automat::{Target, TransitionKind};
///
/// let light_up = &lamp::DESCRIPTION.transitions[0];
/// assert_eq!((light_up.source, light_up.input), ("Off", "flip"));
/// assert_eq!(light_up.kind, TransitionKind::Transition);
/// assert_eq!(light_up.targets, [Target { state: "On", label: None }]);
/// assert_eq!(light_up.doc, "Light up, at full brightness.");
/// assert_eq!(light_up.group, None, "written in `Off`'s own `#[transitions]` block");
/// assert!(!light_up.fallible, "`flip` is not declared `-> Result<T, E>`");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TransitionInfo {
    /// The name of the state whose `#[transitions]` block holds the handler.
    pub source: &'static str,
    /// The input's name.
    pub input: &'static str,
    /// What kind of handler it is.
    pub kind: TransitionKind,
    /// Where the machine goes: the source itself for a loop, one state for a transition, one
    /// state per variant for a branch.
    pub targets: &'static [Target],
    /// The handler's doc comment, lines joined with `\n` (empty when there is none).
    pub doc: &'static str,
    /// The `#[group]` whose `#[transitions]` block holds the handler, or `None` for a handler
    /// of the source state's own. A group's handler is listed once per member, each entry with
    /// that member as its `source`, so renderers can draw the entries as one edge from the
    /// group.
    pub group: Option<&'static str>,
    /// Whether the handler can fail and leave the machine where it was: a handler of an input
    /// declared `-> Result<T, E>` that takes `&mut self` (a loop, or a transition that moves
    /// only on `Ok`). A `self` handler of such an input cannot fail.
    pub fallible: bool,
}

/// How a handler moves the machine.
///
/// With the `lamp` machine of [`Description`]'s example:
///
/// ```
/// # #[automat::machine] mod lamp {
/// #     #[doc = " A lamp with a dimmer."] pub trait Lamp {
/// #         #[doc = " Flip the switch."] fn flip(&mut self);
/// #         #[doc = " Turn the dimmer to `percent`; the output is the brightness now."] fn dim(&mut self, percent: u8) -> u8;
/// #         #[doc = " A power surge, of `volts`."] fn surge(&mut self, volts: u16);
/// #     }
/// #     #[doc = " Dark."] #[state(initial)] pub struct Off;
/// #     #[doc = " Lit, at some brightness."] #[state] pub struct On {
/// #         level: u8,
/// #     }
/// #     #[doc = " Burnt out: nothing leaves this state."] #[state] pub struct Burnt;
/// #     #[doc = " Where a surge leaves the bulb."] #[branch] pub enum Surge {
/// #         #[doc = " The bulb survived."] Survived(On),
/// #         #[doc = " The bulb burnt out."] BurntOut(Burnt),
/// #     }
/// #     #[transitions] impl Off {
/// #         #[doc = " Light up, at full brightness."] fn flip(self) -> On { On { level: 100 } }
/// #     }
/// #     #[transitions] impl On {
/// #         fn flip(self) -> Off { Off }
/// #         #[doc = " Stay lit, at another brightness."] fn dim(&mut self, percent: u8) -> u8 { self.level = percent.min(100); self.level }
/// #         fn surge(self, volts: u16) -> Surge { if volts > 400 { Surge::BurntOut(Burnt) } else { Surge::Survived(self) } }
/// #     }
/// # }
/// use automat::TransitionKind;
///
/// let kinds: Vec<TransitionKind> =
///     lamp::DESCRIPTION.transitions.iter().map(|handler| handler.kind).collect();
/// assert_eq!(kinds, [
///     TransitionKind::Transition, // Off: flip
///     TransitionKind::Transition, // On: flip
///     TransitionKind::Loop,       // On: dim
///     TransitionKind::Branch,     // On: surge
/// ]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TransitionKind {
    /// `self` by value, returning the next state.
    Transition,
    /// `&mut self`: the machine stays where it is.
    Loop,
    /// `self` by value, returning a `#[branch]` enum: the handler picks the next state.
    Branch,
}

/// A state a handler may lead to.
///
/// With the `lamp` machine of [`Description`]'s example:
///
/// ```
/// # #[automat::machine] mod lamp {
/// #     #[doc = " A lamp with a dimmer."] pub trait Lamp {
/// #         #[doc = " Flip the switch."] fn flip(&mut self);
/// #         #[doc = " Turn the dimmer to `percent`; the output is the brightness now."] fn dim(&mut self, percent: u8) -> u8;
/// #         #[doc = " A power surge, of `volts`."] fn surge(&mut self, volts: u16);
/// #     }
/// #     #[doc = " Dark."] #[state(initial)] pub struct Off;
/// #     #[doc = " Lit, at some brightness."] #[state] pub struct On {
/// #         level: u8,
/// #     }
/// #     #[doc = " Burnt out: nothing leaves this state."] #[state] pub struct Burnt;
/// #     #[doc = " Where a surge leaves the bulb."] #[branch] pub enum Surge {
/// #         #[doc = " The bulb survived."] Survived(On),
/// #         #[doc = " The bulb burnt out."] BurntOut(Burnt),
/// #     }
/// #     #[transitions] impl Off {
/// #         #[doc = " Light up, at full brightness."] fn flip(self) -> On { On { level: 100 } }
/// #     }
/// #     #[transitions] impl On {
/// #         fn flip(self) -> Off { Off }
/// #         #[doc = " Stay lit, at another brightness."] fn dim(&mut self, percent: u8) -> u8 { self.level = percent.min(100); self.level }
/// #         fn surge(self, volts: u16) -> Surge { if volts > 400 { Surge::BurntOut(Burnt) } else { Surge::Survived(self) } }
/// #     }
/// # }
/// use automat::Target;
///
/// let dim = &lamp::DESCRIPTION.transitions[2];
/// assert_eq!(dim.targets, [Target { state: "On", label: None }], "a loop stays");
/// let surge = &lamp::DESCRIPTION.transitions[3];
/// assert_eq!(surge.targets, [
///     Target { state: "On", label: Some("Survived") },
///     Target { state: "Burnt", label: Some("BurntOut") },
/// ]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Target {
    /// The target state's name.
    pub state: &'static str,
    /// For a branch, the variant of the branch enum that leads there.
    pub label: Option<&'static str>,
}

/// A `#[group]` enum of a [`Description`]: a set of states that share handlers.
///
/// ```
/// let group = automat::GroupInfo {
///     name: "Handshake",
///     doc: "Every state before the connection is up.",
///     members: &["Start", "WaitServerHello"],
/// };
/// assert!(group.contains("Start"));
/// assert!(!group.contains("Connected"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct GroupInfo {
    /// The group enum's name.
    pub name: &'static str,
    /// The group enum's doc comment, lines joined with `\n` (empty when there is none).
    pub doc: &'static str,
    /// The names of its member states, in the order of its variants.
    pub members: &'static [&'static str],
}

impl GroupInfo {
    /// Whether the state named `state` is a member of the group.
    #[must_use]
    pub fn contains(&self, state: &str) -> bool {
        self.members.contains(&state)
    }
}
