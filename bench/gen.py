#!/usr/bin/env python3
"""Generates every implementation of every benchmark machine from one description.

    python3 bench/gen.py            # writes bench/gen/<machine>-<implementation>/

Each machine (`tcp`, `ring10`, `ring100`, `ring1000`) is described once, as states, inputs
and transitions (`Machine` below). From that description this script writes one crate per
implementation: the same graph, the same action on every transition, the same replay loop.

The action of transition number `t` (in declaration order) is one FNV-1a step of a scrambled
constant `id(t)` into the core's accumulator, `acc = (acc ^ id(t)) * 0x100000001b3`, so the accumulator at the
end is a hash of the whole path taken, and every implementation must end with the same one.

Events are input indices (`u8`), drawn once by `bench_support::events` from the walk table
written into every binary, so every implementation replays the identical sequence.

The output folder is not committed: `bench/run.sh` regenerates it (ring1000 alone is
several megabytes of Rust).
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass, field

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "gen")


# --------------------------------------------------------------------------------------------
# The one description


@dataclass
class Machine:
    """A machine: states (CamelCase), inputs (snake_case), transitions in declaration order.

    A transition is `(source, input, target)` with indices; `target is None` is a loop (the
    machine stays, as automat's `&mut self` handlers). `weights[input]` is how often the event
    generator picks that input among those the current state accepts.
    """

    name: str
    module: str
    trait: str
    states: list[str]
    inputs: list[str]
    transitions: list[tuple[int, int, int | None]]
    weights: list[int]
    initial: int = 0
    notes: str = ""
    by_state: dict[int, list[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for index, (source, _, _) in enumerate(self.transitions):
            self.by_state.setdefault(source, []).append(index)

    def id(self, t: int) -> int:
        """The number the action of transition `t` hashes in: a scrambled 31-bit constant.

        Not `t + 1`: numbers affine in (state, input) let LLVM compute them instead of
        looking them up, which flatters whichever code shape it happens to spot that in.
        """
        z = (t + 1) * 0x9E3779B97F4A7C15 % 2**64
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9 % 2**64
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB % 2**64
        return (z ^ (z >> 31)) & 0x7FFF_FFFF

    def target(self, t: int) -> int:
        source, _, target = self.transitions[t]
        return source if target is None else target

    def is_loop(self, t: int) -> bool:
        return self.transitions[t][2] is None

    def variant(self, input_index: int) -> str:
        return camel(self.inputs[input_index])

    def handlers(self, state: int) -> list[tuple[int, int, int | None, int]]:
        """(transition index, input, target, id) of a state's transitions."""
        return [
            (t, self.transitions[t][1], self.transitions[t][2], self.id(t))
            for t in self.by_state.get(state, [])
        ]


def camel(snake: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in snake.split("_"))


def snake(camel_name: str) -> str:
    out = ""
    for i, ch in enumerate(camel_name):
        if ch.isupper() and i > 0:
            out += "_"
        out += ch.lower()
    return out


def tcp() -> Machine:
    """RFC 793's connection machine (figure 6), as `examples/src/machines/tcp.rs` has it.

    One simplification keeps every peer able to express it: an `RST` in SYN-RECEIVED always
    goes back to LISTEN (the example chooses LISTEN or CLOSED at run time, a branch that
    rust-fsm and sm cannot express).
    """
    states = [
        "Closed", "Listen", "SynSent", "SynReceived", "Established", "FinWait1",
        "FinWait2", "CloseWait", "Closing", "LastAck", "TimeWait",
    ]
    inputs = [
        "passive_open", "active_open", "send", "close", "syn", "syn_ack", "ack", "data",
        "fin", "rst", "timeout",
    ]
    s = {name: i for i, name in enumerate(states)}
    i = {name: k for k, name in enumerate(inputs)}
    table = [
        ("Closed", "passive_open", "Listen"),
        ("Closed", "active_open", "SynSent"),
        ("Listen", "syn", "SynReceived"),
        ("Listen", "send", "SynSent"),
        ("Listen", "close", "Closed"),
        ("SynSent", "syn", "SynReceived"),
        ("SynSent", "syn_ack", "Established"),
        ("SynSent", "close", "Closed"),
        ("SynSent", "rst", "Closed"),
        ("SynReceived", "ack", "Established"),
        ("SynReceived", "syn_ack", "Established"),
        ("SynReceived", "close", "FinWait1"),
        ("SynReceived", "rst", "Listen"),
        ("Established", "send", None),
        ("Established", "data", None),
        ("Established", "ack", None),
        ("Established", "close", "FinWait1"),
        ("Established", "fin", "CloseWait"),
        ("Established", "rst", "Closed"),
        ("FinWait1", "ack", "FinWait2"),
        ("FinWait1", "fin", "Closing"),
        ("FinWait1", "data", None),
        ("FinWait1", "rst", "Closed"),
        ("FinWait2", "fin", "TimeWait"),
        ("FinWait2", "data", None),
        ("FinWait2", "rst", "Closed"),
        ("CloseWait", "send", None),
        ("CloseWait", "ack", None),
        ("CloseWait", "close", "LastAck"),
        ("CloseWait", "rst", "Closed"),
        ("Closing", "ack", "TimeWait"),
        ("Closing", "rst", "Closed"),
        ("LastAck", "ack", "Closed"),
        ("LastAck", "rst", "Closed"),
        ("TimeWait", "fin", None),
        ("TimeWait", "timeout", "Closed"),
        ("TimeWait", "rst", "Closed"),
    ]
    transitions = [(s[a], i[b], None if c is None else s[c]) for a, b, c in table]
    return Machine(
        name="tcp",
        module="tcp",
        trait="Connection",
        states=states,
        inputs=inputs,
        transitions=transitions,
        weights=[1] * len(inputs),
        notes="11 states, 11 inputs, 37 transitions (7 of them loops); events uniform "
        "among the inputs the current state accepts",
    )


def ring(n: int) -> Machine:
    """`n` states in a ring; each accepts `next`, `prev`, `first` (back to S0) and `stay` (a
    loop). Events: next 45 %, prev 25 %, stay 29.9 %, first 0.1 %, so the walk drifts round
    the whole ring instead of staying near S0."""
    transitions = []
    for k in range(n):
        transitions.append((k, 0, (k + 1) % n))
        transitions.append((k, 1, (k - 1) % n))
        transitions.append((k, 2, 0))
        transitions.append((k, 3, None))
    return Machine(
        name=f"ring{n}",
        module="ring",
        trait="Ring",
        states=[f"S{k}" for k in range(n)],
        inputs=["next", "prev", "first", "stay"],
        transitions=transitions,
        weights=[450, 250, 1, 299],
        notes=f"{n} states, 4 inputs, {4 * n} transitions ({n} of them loops); events "
        "next 45 %, prev 25 %, stay 29.9 %, first 0.1 %",
    )


MACHINES = [tcp(), ring(10), ring(100), ring(1000)]


# --------------------------------------------------------------------------------------------
# Shared pieces of every crate

HEADER = """\
//! `{machine}` implemented with {what}.
//!
//! Generated by `bench/gen.py` from the one description of the machine: do not edit.
#![allow(dead_code, unused, non_camel_case_types, non_snake_case, missing_docs, clippy::all)]

/// The action of every transition: one FNV-1a step of the transition's (scrambled) number into the
/// accumulator, so the final accumulator is a hash of the whole path.
#[inline(always)]
pub fn step(acc: &mut u64, id: u64) {{
    *acc = (*acc ^ id).wrapping_mul(0x0100_0000_01b3);
}}

/// The accumulator's start value.
pub const ACC0: u64 = 0xcbf2_9ce4_8422_2325;

/// A replay met an event its machine refused: the event sequence is valid, so this is a bug.
#[cold]
#[inline(never)]
pub fn rejected(event: u8) -> ! {{
    panic!("event {{event}} rejected")
}}
"""


def event_match(m: Machine, arm) -> str:
    """`match e { 0 => <arm(0)>, ..., _ => rejected(e) }`."""
    arms = "".join(f"            {k} => {arm(k)},\n" for k in range(len(m.inputs)))
    return f"match e {{\n{arms}            _ => rejected(e),\n        }}"


def replay_fn(name: str, setup: str, body: str, finish: str) -> str:
    return f"""
/// Replays `events`; returns the accumulator and the final state's index.
#[inline(never)]
pub fn {name}(events: &[u8]) -> (u64, u32) {{
{setup}
    for &e in events {{
        {body}
    }}
{finish}
}}
"""


def typestate_dispatch(
    m: Machine, ty, init: str, acc_of, transition_call, loop_call, mutable_binding=True
) -> str:
    """The dispatch `match` every typestate implementation needs to replay events that arrive
    at run time: an enum with one typed machine per state, and one arm per transition.

    `ty(state)` is the typed machine's type; `transition_call(t, machine)` the call of a
    transition returning the next typed machine; `loop_call(t, machine)` the call of a loop.
    """
    variants = "".join(f"    {st}({ty(k)}),\n" for k, st in enumerate(m.states))
    arms = []
    for k, st in enumerate(m.states):
        for t, inp, target, _ in m.handlers(k):
            if target is None:
                arms.append(
                    f"            (Any::{st}(mut m), {inp}) => {{ {loop_call(t, 'm')}; Any::{st}(m) }}\n"
                )
            else:
                arms.append(
                    f"            (Any::{st}(m), {inp}) => Any::{m.states[target]}({transition_call(t, 'm')}),\n"
                )
    finish_arms = "".join(
        f"        Any::{st}(m) => ({acc_of('m')}, {k}),\n" for k, st in enumerate(m.states)
    )
    return f"""
/// One typed machine per state: what a typestate machine is held in when its inputs arrive
/// at run time.
pub enum Any {{
{variants}}}

/// Replays `events` through the typed machines and the dispatch `match`; returns the
/// accumulator and the final state's index.
#[inline(never)]
pub fn replay_typestate(events: &[u8]) -> (u64, u32) {{
    let mut any = Any::{m.states[m.initial]}({init});
    for &e in events {{
        any = match (any, e) {{
{''.join(arms)}            (_, e) => rejected(e),
        }};
    }}
    match any {{
{finish_arms}    }}
}}
"""


def state_index_match(m: Machine, scrutinee: str, pattern) -> str:
    arms = "".join(f"        {pattern(st)} => {k},\n" for k, st in enumerate(m.states))
    return f"match {scrutinee} {{\n{arms}    }}"


# --------------------------------------------------------------------------------------------
# The implementations: each returns (lib.rs, Cargo dependencies, replays, sizes)


def hand(m: Machine, sites: int = 1, big_error: bool = False):
    """The baseline: an enum of states and one `#[inline]` `match` on (state, input).

    `sites=2` adds a second, identical replay function, so `handle` has two callers.
    `big_error` makes the error as large as `automat::NoTransition` (two `&'static str` and a
    `bool`: 40 bytes), to isolate what returning it costs."""
    arms = []
    for t, (source, inp, target) in enumerate(m.transitions):
        nxt = m.states[source if target is None else target]
        arms.append(
            f"                (State::{m.states[source]}, Input::{m.variant(inp)}) => {{\n"
            f"                    step(&mut self.core.acc, {m.id(t)});\n"
            f"                    State::{nxt}\n"
            f"                }}\n"
        )
    states = "".join(f"        {st},\n" for st in m.states)
    inputs = "".join(f"        {camel(i)},\n" for i in m.inputs)
    lib = HEADER.format(machine=m.name, what="a hand-written `#[inline]` `match` over an enum")
    lib += f"""
pub mod {m.module} {{
    use super::step;

    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum State {{
{states}    }}

    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Input {{
{inputs}    }}

    pub struct Core {{
        pub acc: u64,
    }}

    pub struct Machine {{
        pub core: Core,
        pub state: State,
    }}

    /// What a refused input returns: like `automat::NoTransition`, it says which state
    /// refused which input.
    #[derive(Debug)]
    pub struct Rejected {{
        pub state: State,
        pub input: Input,
{{BIG}}    }}

    impl Machine {{
        #[inline]
        pub fn new(core: Core) -> Self {{
            Machine {{ core, state: State::{m.states[m.initial]} }}
        }}

        #[inline]
        pub fn handle(&mut self, input: Input) -> Result<(), Rejected> {{
            self.state = match (self.state, input) {{
{''.join(arms)}                (state, input) => return Err(Rejected {{ state, input{{BIGINIT}} }}),
            }};
            Ok(())
        }}
    }}
}}
"""
    lib = lib.replace("{BIG}", "        pub names: (&'static str, &'static str),\n        pub poisoned: bool,\n" if big_error else "")
    lib = lib.replace("{BIGINIT}", ", names: (\"state\", \"input\"), poisoned: false" if big_error else "")
    body = (
        "let input = "
        + event_match(m, lambda k: f"{m.module}::Input::{m.variant(k)}")
        + ";\n        if machine.handle(input).is_err() {\n            rejected(e);\n        }"
    )
    for name in ["replay_match", "replay_match_again"][:sites]:
        lib += replay_fn(
            name,
            f"    let mut machine = {m.module}::Machine::new({m.module}::Core {{ acc: ACC0 }});",
            body,
            "    (machine.core.acc, machine.state as u32)",
        )
    # Only the first is measured: LLVM merges the identical second one into it.
    return lib, {}, ["match"], [("Machine", f"{m.module}::Machine")]


def hand_typestate(m: Machine):
    """The typestate baseline: hand-written `Machine<S>` and one `#[inline]` function per
    transition, replayed through the same dispatch `match` as every typestate crate."""
    structs = "".join(f"    pub struct {st};\n" for st in m.states)
    impls = []
    for k, st in enumerate(m.states):
        fns = []
        for t, inp, target, ident in m.handlers(k):
            name = m.inputs[inp]
            if target is None:
                fns.append(
                    f"        #[inline]\n        pub fn {name}(&mut self) {{\n"
                    f"            step(&mut self.core.acc, {ident});\n        }}\n"
                )
            else:
                nxt = m.states[target]
                fns.append(
                    f"        #[inline]\n        pub fn {name}(mut self) -> Machine<{nxt}> {{\n"
                    f"            step(&mut self.core.acc, {ident});\n"
                    f"            Machine {{ core: self.core, state: {nxt} }}\n        }}\n"
                )
        impls.append(f"    impl Machine<{st}> {{\n{''.join(fns)}    }}\n")
    lib = HEADER.format(
        machine=m.name, what="hand-written typestate functions and a dispatch `match`"
    )
    lib += f"""
pub mod {m.module} {{
    use super::step;

    pub struct Core {{
        pub acc: u64,
    }}

{structs}
    pub struct Machine<S> {{
        pub core: Core,
        pub state: S,
    }}

{''.join(impls)}}}
use {m.module}::*;
"""
    lib += typestate_dispatch(
        m,
        ty=lambda k: f"Machine<{m.states[k]}>",
        init=f"Machine {{ core: Core {{ acc: ACC0 }}, state: {m.states[m.initial]} }}",
        acc_of=lambda v: f"{v}.core.acc",
        transition_call=lambda t, v: f"{v}.{m.inputs[m.transitions[t][1]]}()",
        loop_call=lambda t, v: f"{v}.{m.inputs[m.transitions[t][1]]}()",
    )
    sizes = [("Machine<S>", f"{m.module}::Machine<{m.module}::{m.states[m.initial]}>"), ("Any", "Any")]
    return lib, {}, ["typestate"], sizes


def automat_machine(m: Machine, hook: str = "none", mode: str | None = None) -> str:
    """The machine as automat declares it. `hook="observe"` declares it
    `#[automat::machine(observe)]` with an observer that overrides nothing: the hook is there,
    unused. `hook="generic"` declares the same machine with its core generic over the
    accumulator's type (`Core<A: BorrowMut<u64>>`), which the program instantiates with `u64`:
    the generic twin of the plain machine. `mode` ("dynamic" or "typestate") declares it
    `#[automat::machine(dynamic)]` or `#[automat::machine(typestate)]`: one API generated."""
    generic = hook == "generic"
    core_ty = "Core<A>" if generic else "Core"
    impl_params = "<A: BorrowMut<u64>>" if generic else ""
    acc = "core.acc.borrow_mut()" if generic else "&mut core.acc"
    inputs = "".join(f"        fn {i}(&mut self);\n" for i in m.inputs)
    states = "".join(
        f"    #[state{'(initial)' if k == m.initial else ''}]\n    pub struct {st};\n"
        for k, st in enumerate(m.states)
    )
    blocks = []
    for k, st in enumerate(m.states):
        fns = []
        for t, inp, target, ident in m.handlers(k):
            name = m.inputs[inp]
            if target is None:
                fns.append(
                    f"        fn {name}(&mut self, core: &mut {core_ty}) {{\n"
                    f"            crate::step({acc}, {ident});\n        }}\n"
                )
            else:
                nxt = m.states[target]
                fns.append(
                    f"        fn {name}(self, core: &mut {core_ty}) -> {nxt} {{\n"
                    f"            crate::step({acc}, {ident});\n            {nxt}\n        }}\n"
                )
        blocks.append(f"    #[transitions]\n    impl{impl_params} {st} {{\n{''.join(fns)}    }}\n")
    args, observer = "", ""
    if hook == "observe":
        args = "(observe)"
        observer = "\n    impl automat::Observer for Core {}\n"
    core = "pub struct Core {\n        pub acc: u64,\n    }"
    if generic:
        core = "pub struct Core<A: BorrowMut<u64>> {\n        pub acc: A,\n    }"
        observer = "\n    use core::borrow::BorrowMut;\n"
    if mode:
        args = f"({mode})" if not args else f"({mode}, {args[1:-1]})"
    return f"""#[automat::machine{args}]
pub mod {m.module} {{
    pub trait {m.trait} {{
{inputs}    }}

    #[core]
    {core}
{observer}
{states}
{''.join(blocks)}}}
"""


def automat_deps(hook: str) -> dict:
    """automat, with its `tracing` feature for `hook="tracing"` (and `tracing` itself with `std`,
    as a program that uses it has it; no subscriber is installed)."""
    if hook == "tracing":
        return {"automat": 'features = ["tracing"]', "tracing": None}
    return {"automat": None}


def automat_dynamic(m: Machine, paths: tuple[str, ...], hook: str = "none", mode: str | None = None):
    """automat's `Dynamic`, through its inherent methods or through `handle(Input)`: one
    crate each, so that each calls the machine from one place, as the baseline does. `hook`:
    see `automat_machine` and `automat_deps`."""
    lib = HEADER.format(machine=m.name, what="automat's `Dynamic`")
    lib += f"\nmod machine;\npub use machine::{m.module};\n"
    index = state_index_match(m, "machine.state()", lambda st: f"{m.module}::State::{st}(_)")
    setup = f"    let mut machine = {m.module}::Dynamic::new({m.module}::Core {{ acc: ACC0 }}, {m.module}::{m.states[m.initial]});"
    finish = f"    let state = {index};\n    (machine.core().acc, state)"
    methods = (
        "let result = "
        + event_match(m, lambda k: f"machine.{m.inputs[k]}()")
        + ";\n        if result.is_err() {\n            rejected(e);\n        }"
    )
    handle = (
        "let input = "
        + event_match(m, lambda k: f"{m.module}::Input::{m.variant(k)}")
        + ";\n        if machine.handle(input).is_err() {\n            rejected(e);\n        }"
    )
    if "methods" in paths:
        lib += replay_fn("replay_methods", setup, methods, finish)
    if "handle" in paths:
        lib += replay_fn("replay_handle", setup, handle, finish)
    files = {"src/machine.rs": automat_machine(m, hook, mode)}
    args = "<u64>" if hook == "generic" else ""
    return lib, automat_deps(hook), list(paths), [("Dynamic", f"{m.module}::Dynamic{args}")], files


def hand_declared(m: Machine):
    """The floor of automat's build cost: automat's declaration as a user writes it (the input
    trait, the core, one struct per state, the handlers as methods of the states) with its
    attributes taken off, and the least `Dynamic` written by hand over it: an `Option<State>`
    taken and put back, one `match` per input calling the handlers. No refusal error, no
    poisoning, no tracing, no `Description`, no `handle`: what any macro that keeps this
    declaration style must generate at least, and the user's handler methods, which the
    hand-written `match` does not have."""
    declaration = automat_machine(m)
    for attribute in ("#[automat::machine]\n", "#[core]\n", "#[state(initial)]\n", "#[state]\n", "#[transitions]\n"):
        declaration = declaration.replace(attribute, "")
    variants = "".join(f"        {st}({st}),\n" for st in m.states)
    methods = []
    for k, name in enumerate(m.inputs):
        arms = []
        for t, (source, inp, target) in enumerate(m.transitions):
            if inp != k:
                continue
            st = m.states[source]
            if target is None:
                arms.append(f"                Some(State::{st}(mut s)) => {{\n                    s.{name}(&mut self.core);\n                    State::{st}(s)\n                }}\n")
            else:
                arms.append(f"                Some(State::{st}(s)) => State::{m.states[target]}(s.{name}(&mut self.core)),\n")
        methods.append(
            f"        #[inline]\n        pub fn {name}(&mut self) -> Result<(), ()> {{\n"
            f"            let next = match self.state.take() {{\n{''.join(arms)}"
            f"                other => {{\n                    self.state = other;\n                    return Err(());\n                }}\n"
            f"            }};\n            self.state = Some(next);\n            Ok(())\n        }}\n"
        )
    dispatch = f"""
    pub enum State {{
{variants}    }}

    pub struct Dynamic {{
        core: Core,
        state: Option<State>,
    }}

    impl Dynamic {{
        #[inline]
        pub fn new(core: Core, state: {m.states[m.initial]}) -> Self {{
            Dynamic {{ core, state: Some(State::{m.states[m.initial]}(state)) }}
        }}

        #[inline]
        pub fn core(&self) -> &Core {{
            &self.core
        }}

        #[inline]
        pub fn state(&self) -> &State {{
            self.state.as_ref().expect("a state")
        }}

{"".join(methods)}    }}
}}
"""
    machine = declaration.rstrip().removesuffix("}") + dispatch
    lib, deps, paths, sizes, _ = automat_dynamic(m, ("methods",))
    lib = lib.replace("automat's `Dynamic`", "automat's declaration and a hand-written dispatch", 1)
    return lib, {}, paths, sizes, {"src/machine.rs": machine}


def automat_typestate(m: Machine, hook: str = "none", mode: str | None = None):
    """automat's typestate `Machine<S>`, through the same dispatch `match` as the others."""
    lib = HEADER.format(machine=m.name, what="automat's typestate `Machine<S>` and a dispatch `match`")
    lib += f"\nmod machine;\npub use machine::{m.module};\nuse {m.module}::*;\n"
    args = ", u64" if hook == "generic" else ""
    lib += typestate_dispatch(
        m,
        ty=lambda k: f"Machine<{m.states[k]}{args}>",
        init=f"Machine::new(Core {{ acc: ACC0 }}, {m.states[m.initial]})",
        acc_of=lambda v: f"{v}.core().acc",
        transition_call=lambda t, v: f"{v}.{m.inputs[m.transitions[t][1]]}()",
        loop_call=lambda t, v: f"{v}.{m.inputs[m.transitions[t][1]]}()",
    )
    files = {"src/machine.rs": automat_machine(m, hook, mode)}
    sizes = [("Machine<S>", f"{m.module}::Machine<{m.module}::{m.states[m.initial]}{args}>"), ("Any", "Any")]
    return lib, automat_deps(hook), ["typestate"], sizes, files


def smlang(m: Machine):
    lines = []
    for t, (source, inp, target) in enumerate(m.transitions):
        star = "*" if t == 0 else ""
        nxt = m.states[source if target is None else target]
        lines.append(f"            {star}{m.states[source]} + {m.variant(inp)} / t{t + 1} = {nxt},\n")
    actions = "".join(
        f"        #[inline]\n        fn t{t + 1}(&mut self) -> Result<(), ()> {{\n"
        f"            super::step(&mut self.acc, {m.id(t)});\n            Ok(())\n        }}\n"
        for t in range(len(m.transitions))
    )
    lib = HEADER.format(machine=m.name, what="smlang")
    lib += f"""
pub mod {m.module} {{
    use smlang::statemachine;

    statemachine! {{
        transitions: {{
{''.join(lines)}        }}
    }}

    pub struct Context {{
        pub acc: u64,
    }}

    impl StateMachineContext for Context {{
{actions}    }}
}}
"""
    body = (
        "let event = "
        + event_match(m, lambda k: f"{m.module}::Events::{m.variant(k)}")
        + ";\n        if machine.process_event(event).is_err() {\n            rejected(e);\n        }"
    )
    index = state_index_match(m, "machine.state()", lambda st: f"{m.module}::States::{st}")
    lib += replay_fn(
        "replay_smlang",
        f"    let mut machine = {m.module}::StateMachine::new({m.module}::Context {{ acc: ACC0 }});",
        body,
        f"    let state = {index};\n    (machine.context().acc, state)",
    )
    return lib, {"smlang": None}, ["smlang"], [("StateMachine", f"{m.module}::StateMachine<{m.module}::Context>")]


def rust_fsm(m: Machine):
    """rust-fsm has no actions and no context: each transition outputs its number (an enum
    with explicit discriminants) and the replay loop runs the action on it."""
    groups = []
    for k, st in enumerate(m.states):
        rows = []
        for t, inp, target, ident in m.handlers(k):
            nxt = m.states[k if target is None else target]
            rows.append(f"        {m.variant(inp)} => {nxt} [T{t + 1}],\n")
        groups.append(f"    {st} => {{\n{''.join(rows)}    }},\n")
    outs = "".join(f"    T{t + 1} = {m.id(t)},\n" for t in range(len(m.transitions)))
    lib = HEADER.format(machine=m.name, what="rust-fsm")
    lib += f"""
/// The transitions' numbers, as rust-fsm outputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub enum Out {{
{outs}}}

rust_fsm::state_machine! {{
    #[state_machine(output(crate::Out))]
    pub {m.module}({m.states[m.initial]})

{''.join(groups)}}}

pub struct Core {{
    pub acc: u64,
}}
"""
    body = (
        "let input = "
        + event_match(m, lambda k: f"{m.module}::Input::{m.variant(k)}")
        + ";\n        match machine.consume(&input) {\n"
        "            Ok(Some(out)) => step(&mut core.acc, out as u64),\n"
        "            _ => rejected(e),\n        }"
    )
    index = state_index_match(m, "machine.state()", lambda st: f"{m.module}::State::{st}")
    lib += replay_fn(
        "replay_rust_fsm",
        f"    let mut machine = {m.module}::StateMachine::new();\n    let mut core = Core {{ acc: ACC0 }};",
        body,
        f"    let state = {index};\n    (core.acc, state)",
    )
    return lib, {"rust-fsm": None}, ["rust-fsm"], [
        ("(StateMachine, Core)", f"({m.module}::StateMachine, Core)")
    ]


def statig(m: Machine):
    fns = []
    for k, st in enumerate(m.states):
        arms = []
        for t, inp, target, ident in m.handlers(k):
            outcome = "Handled" if target is None else f"Transition(State::{snake(m.states[target])}())"
            arms.append(
                f"                Event::{m.variant(inp)} => {{\n"
                f"                    super::step(&mut self.acc, {ident});\n"
                f"                    {outcome}\n                }}\n"
            )
        fns.append(
            f"        #[state]\n        fn {snake(st)}(&mut self, event: &Event) -> Outcome<State> {{\n"
            f"            match event {{\n{''.join(arms)}                _ => Super,\n            }}\n        }}\n\n"
        )
    events = "".join(f"        {camel(i)},\n" for i in m.inputs)
    lib = HEADER.format(machine=m.name, what="statig")
    lib += f"""
pub mod {m.module} {{
    use statig::prelude::*;

    pub enum Event {{
{events}    }}

    pub struct Machine {{
        pub acc: u64,
    }}

    #[state_machine(initial = "State::{snake(m.states[m.initial])}()")]
    impl Machine {{
{''.join(fns)}    }}
}}
"""
    body = (
        "let event = "
        + event_match(m, lambda k: f"{m.module}::Event::{m.variant(k)}")
        + ";\n        machine.handle(&event);"
    )
    index = state_index_match(m, "machine.state()", lambda st: f"{m.module}::State::{st} {{ .. }}")
    lib += replay_fn(
        "replay_statig",
        f"    use statig::prelude::*;\n    let mut machine = {m.module}::Machine {{ acc: ACC0 }}.state_machine();",
        body,
        f"    let state = {index};\n    (machine.inner().acc, state)",
    )
    return lib, {"statig": None}, ["statig"], [
        ("StateMachine", f"statig::blocking::StateMachine<{m.module}::Machine>")
    ]


def typestate_crate(m: Machine):
    """The `typestate` crate: one trait per state, implemented by hand for `Automaton<State>`;
    it wants an initial function (`start`) and a final one (`end`, on the initial state)."""
    auto = m.trait
    decls = []
    impls = []
    for k, st in enumerate(m.states):
        sigs = []
        bodies = []
        if k == m.initial:
            sigs.append(f"        fn start(acc: u64) -> {st};\n        fn end(self);\n")
            bodies.append(
                f"    #[inline]\n    fn start(acc: u64) -> {auto}<{st}> {{\n        {auto} {{ acc, state: {st} }}\n    }}\n"
                f"    #[inline]\n    fn end(self) {{}}\n"
            )
        for t, inp, target, ident in m.handlers(k):
            name = m.inputs[inp]
            if target is None:
                sigs.append(f"        fn {name}(&mut self);\n")
                bodies.append(
                    f"    #[inline]\n    fn {name}(&mut self) {{\n        step(&mut self.acc, {ident});\n    }}\n"
                )
            else:
                nxt = m.states[target]
                sigs.append(f"        fn {name}(self) -> {nxt};\n")
                bodies.append(
                    f"    #[inline]\n    fn {name}(mut self) -> {auto}<{nxt}> {{\n"
                    f"        step(&mut self.acc, {ident});\n        {auto} {{ acc: self.acc, state: {nxt} }}\n    }}\n"
                )
        decls.append(f"    #[state]\n    pub struct {st};\n    pub trait {st} {{\n{''.join(sigs)}    }}\n")
        impls.append(f"impl {st}State for {auto}<{st}> {{\n{''.join(bodies)}}}\n")
    lib = HEADER.format(machine=m.name, what="the typestate crate and a dispatch `match`")
    lib += f"""
#[typestate::typestate]
pub mod {m.module} {{
    #[automaton]
    pub struct {auto} {{
        pub acc: u64,
    }}

{''.join(decls)}}}
use {m.module}::*;

{''.join(impls)}"""
    lib += typestate_dispatch(
        m,
        ty=lambda k: f"{auto}<{m.states[k]}>",
        init=f"<{auto}<{m.states[m.initial]}> as {m.states[m.initial]}State>::start(ACC0)",
        acc_of=lambda v: f"{v}.acc",
        transition_call=lambda t, v: f"{v}.{m.inputs[m.transitions[t][1]]}()",
        loop_call=lambda t, v: f"{v}.{m.inputs[m.transitions[t][1]]}()",
    )
    sizes = [(f"{auto}<S>", f"{m.module}::{auto}<{m.module}::{m.states[m.initial]}>"), ("Any", "Any")]
    return lib, {"typestate": None}, ["typestate"], sizes


def sm_crate(m: Machine):
    """The `sm` crate: states and events only (no data, no actions). The machine's type names
    the last event too, so the dispatch `match` runs over sm's own `Variant` enum (one variant
    per state and arriving event), and the action runs in the dispatch."""
    auto = m.trait
    events = []
    for inp, name in enumerate(m.inputs):
        rows = []
        for t, (source, i, target) in enumerate(m.transitions):
            if i == inp:
                nxt = m.states[source if target is None else target]
                rows.append(f"            {m.states[source]} => {nxt}\n")
        events.append(f"        {camel(name)} {{\n{''.join(rows)}        }}\n")
    lib = HEADER.format(machine=m.name, what="the sm crate and a dispatch `match`")
    lib += f"""
// sm's generated module is private to where the macro runs: it goes at the crate root.
sm::sm! {{
    {auto} {{
        InitialStates {{ {m.states[m.initial]} }}

{''.join(events)}    }}
}}
// (sm! imports its traits `AsEnum`, `Initializer` and `Transition` itself.)
use {auto}::*;

/// sm's `Variant`, named from outside its private module.
pub type SmVariant = {auto}::Variant;
"""
    # Which (state, event) variants exist: the initial one, and one per arriving event.
    variants = [(m.initial, f"Initial{m.states[m.initial]}")]
    seen = set()
    for source, inp, target in m.transitions:
        tgt = source if target is None else target
        key = (tgt, inp)
        if key not in seen:
            seen.add(key)
            variants.append((tgt, f"{m.states[tgt]}By{m.variant(inp)}"))
    helpers = []
    for k, st in enumerate(m.states):
        arms = []
        for t, inp, target, ident in m.handlers(k):
            arms.append(
                f"        {inp} => {{\n            step(acc, {ident});\n"
                f"            machine.transition({m.variant(inp)}).as_enum()\n        }}\n"
            )
        helpers.append(
            f"#[inline]\nfn {snake(st)}<E: sm::Event>(machine: Machine<{st}, E>, e: u8, acc: &mut u64) -> Variant\n"
            f"where\n    Machine<{st}, E>: {' + '.join(f'Transition<{m.variant(inp)}, Machine = Machine<{m.states[m.target(t)]}, {m.variant(inp)}>>' for t, inp, _, _ in m.handlers(k))},\n"
            f"{{\n    match e {{\n{''.join(arms)}        _ => rejected(e),\n    }}\n}}\n"
        )
    arms = "".join(
        f"            Variant::{v}(machine) => {snake(m.states[k])}(machine, e, &mut acc),\n"
        for k, v in variants
    )
    finish = "".join(f"        Variant::{v}(_) => {k},\n" for k, v in variants)
    lib += "\n" + "\n".join(helpers)
    lib += f"""
/// Replays `events` through sm's typed machines and a dispatch `match` over its `Variant`;
/// returns the accumulator and the final state's index.
#[inline(never)]
pub fn replay_typestate(events: &[u8]) -> (u64, u32) {{
    let mut acc = ACC0;
    let mut variant = Machine::new({m.states[m.initial]}).as_enum();
    for &e in events {{
        variant = match variant {{
{arms}        }};
    }}
    let state = match variant {{
{finish}    }};
    (acc, state)
}}
"""
    sizes = [("(Variant, Core)", "(SmVariant, u64)")]
    return lib, {"sm": None}, ["typestate"], sizes


def statum_crate(m: Machine):
    auto = m.trait
    states = "".join(f"        {st},\n" for st in m.states)
    impls = []
    loops = []
    for k, st in enumerate(m.states):
        fns = []
        lfns = []
        for t, inp, target, ident in m.handlers(k):
            name = m.inputs[inp]
            if target is None:
                lfns.append(
                    f"        #[inline]\n        pub fn {name}(&mut self) {{\n"
                    f"            super::step(&mut self.acc, {ident});\n        }}\n"
                )
            else:
                nxt = m.states[target]
                fns.append(
                    f"        #[inline]\n        pub fn {name}(mut self) -> {auto}<{nxt}> {{\n"
                    f"            super::step(&mut self.acc, {ident});\n            self.transition()\n        }}\n"
                )
        if fns:
            impls.append(f"    #[transition]\n    impl {auto}<{st}> {{\n{''.join(fns)}    }}\n")
        if lfns:
            loops.append(f"    impl {auto}<{st}> {{\n{''.join(lfns)}    }}\n")
    lib = HEADER.format(machine=m.name, what="statum and a dispatch `match`")
    lib += f"""
pub mod {m.module} {{
    use statum::{{machine, state, transition}};

    #[state]
    pub enum {auto}State {{
{states}    }}

    #[machine]
    pub struct {auto}<{auto}State> {{
        pub acc: u64,
    }}

{''.join(impls)}
{''.join(loops)}}}
use {m.module}::*;
"""
    lib += typestate_dispatch(
        m,
        ty=lambda k: f"{auto}<{m.states[k]}>",
        init=f"{auto}::<{m.states[m.initial]}>::builder().acc(ACC0).build()",
        acc_of=lambda v: f"{v}.acc",
        transition_call=lambda t, v: f"{v}.{m.inputs[m.transitions[t][1]]}()",
        loop_call=lambda t, v: f"{v}.{m.inputs[m.transitions[t][1]]}()",
    )
    sizes = [(f"{auto}<S>", f"{m.module}::{auto}<{m.module}::{m.states[m.initial]}>"), ("Any", "Any")]
    return lib, {"statum": None}, ["typestate"], sizes


def replica_handle(m: Machine, shape: str, small_error: bool = False, handle_attr: str = "#[inline]", sites: int = 1):
    """Not an implementation: automat's generated `Dynamic::handle` written out by hand, in the
    shapes the macro generates (`now`: a `match input` delegating to the input methods through
    `Result::map`, above 64 handlers; `nested`: a `match` on the slot with a `match` on the
    input inside, the new state stored once after it, up to 64 handlers) and in one it does not
    (`direct`: one `match` over the slot and the input). Each generated shape must count the
    same instructions as `automat-handle` where the macro uses it; the others say what a change
    would buy. `handle_attr` replaces `handle`'s `#[inline]` (`#[inline(never)]`: the input
    methods then have one caller each, `handle`, whoever calls it); `sites=2` adds a second,
    identical replay function, so `handle` has two callers."""
    mod = m.module
    structs = "".join(f"    pub struct {st};\n" for st in m.states)
    blocks = []
    for k, st in enumerate(m.states):
        fns = []
        for t, inp, target, ident in m.handlers(k):
            name = m.inputs[inp]
            if target is None:
                fns.append(f"        fn {name}(&mut self, core: &mut Core) {{ crate::step(&mut core.acc, {ident}); }}\n")
            else:
                fns.append(f"        fn {name}(self, core: &mut Core) -> {m.states[target]} {{ crate::step(&mut core.acc, {ident}); {m.states[target]} }}\n")
        blocks.append(f"    impl {st} {{\n{''.join(fns)}    }}\n")
    variants = "".join(f"        {st}({st}),\n" for st in m.states)
    poisoned = "".join(f"        {st},\n" for st in m.states)
    names = "".join(f"            __Slot::__Live(State::{st}(_)) | __Slot::{st} => \"{st}\",\n" for st in m.states)
    take = lambda st: (f"let __Slot::__Live(State::{st}(__state)) = ::core::mem::replace(&mut self.slot, __Slot::{st}) "
                       f"else {{ ::core::unreachable!() }};")
    # With `small_error`, the replica refuses with a 16-byte error (a pointer to the machine and
    # two indices) instead of `NoTransition` (40 bytes: two `&str` and a `bool`).
    refuse_arg = (lambda inp, name: str(inp)) if small_error else (lambda inp, name: f'"{name}"')
    error = "Refused" if small_error else "::automat::NoTransition"
    methods = []
    for inp, name in enumerate(m.inputs):
        arms = []
        for t, (source, i, target) in enumerate(m.transitions):
            if i != inp:
                continue
            st = m.states[source]
            if target is None:
                arms.append(f"                __Slot::__Live(State::{st}(ref mut __state)) => ::core::result::Result::Ok({st}::{name}(__state, &mut self.core)),\n")
            else:
                arms.append(
                    f"                __Slot::__Live(State::{st}(_)) => {{\n                    {take(st)}\n"
                    f"                    let __next = {st}::{name}(__state, &mut self.core);\n"
                    f"                    self.slot = __Slot::__Live(State::{m.states[target]}(__next));\n"
                    f"                    ::core::result::Result::Ok(())\n                }}\n")
        methods.append(
            f"        #[inline]\n        pub fn {name}(&mut self) -> ::core::result::Result<(), {error}> {{\n"
            f"            match self.slot {{\n{''.join(arms)}"
            f"                _ => ::core::result::Result::Err(self.__refuse({refuse_arg(inp, name)})),\n            }}\n        }}\n")
    if shape == "now":
        arms = "".join(
            f"                Input::{m.variant(i)} => ::core::result::Result::map(self.{n}(), Output::{m.variant(i)}),\n"
            for i, n in enumerate(m.inputs))
        handle = f"            match input {{\n{arms}            }}\n"
    elif shape == "nested":
        outer = []
        for k, st in enumerate(m.states):
            inner = []
            for t, inp, target, _ in m.handlers(k):
                name, v = m.inputs[inp], m.variant(inp)
                if target is None:
                    inner.append(f"                    Input::{v} => return ::core::result::Result::Ok(Output::{v}({st}::{name}(__state, &mut self.core))),\n")
                else:
                    inner.append(
                        f"                    Input::{v} => {{\n                        {take(st).replace('(__state)', '(__owned)')}\n"
                        f"                        (State::{m.states[target]}({st}::{name}(__owned, &mut self.core)), Output::{v}(()))\n                    }}\n")
            outer.append(f"                __Slot::__Live(State::{st}(ref mut __state)) => match input {{\n{''.join(inner)}"
                         f"                    input => return ::core::result::Result::Err(self.__refuse(input.name())),\n                }},\n")
        handle = (f"            let (__next, __output) = match self.slot {{\n{''.join(outer)}"
                  f"                _ => return ::core::result::Result::Err(self.__refuse(input.name())),\n"
                  f"            }};\n            self.slot = __Slot::__Live(__next);\n            ::core::result::Result::Ok(__output)\n")
    else:
        arms = []
        for t, (source, i, target) in enumerate(m.transitions):
            st, name, v = m.states[source], m.inputs[i], m.variant(i)
            if target is None:
                arms.append(f"                (__Slot::__Live(State::{st}(__state)), Input::{v}) => "
                            f"return ::core::result::Result::Ok(Output::{v}({st}::{name}(__state, &mut self.core))),\n")
            else:
                arms.append(
                    f"                (__Slot::__Live(State::{st}(_)), Input::{v}) => {{\n                    {take(st)}\n"
                    f"                    (State::{m.states[target]}({st}::{name}(__state, &mut self.core)), Output::{v}(()))\n                }}\n")
        handle = (f"            let (__next, __output) = match (&mut self.slot, input) {{\n{''.join(arms)}"
                  f"                (_, input) => return ::core::result::Result::Err(self.__refuse(input.name())),\n"
                  f"            }};\n            self.slot = __Slot::__Live(__next);\n            ::core::result::Result::Ok(__output)\n")
    if small_error:
        state_indexes = "".join(f"                __Slot::__Live(State::{st}(_)) | __Slot::{st} => {k},\n" for k, st in enumerate(m.states))
        refuse = f"""
        #[cold]
        fn __refuse(&self, input: u32) -> Refused {{
            let state = match self.slot {{
{state_indexes}            }};
            Refused {{ machine: &MACHINE, state: state | (u32::from(self.is_poisoned()) << 31), input }}
        }}
"""
        error_type = """
    static MACHINE: u8 = 0;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct Refused {
        machine: &'static u8,
        state: u32,
        input: u32,
    }
"""
    else:
        error_type = ""
        refuse = """
        #[cold]
        fn __refuse(&self, input: &'static str) -> ::automat::NoTransition {
            if self.is_poisoned() {
                ::automat::NoTransition::poisoned(self.state_name(), input)
            } else {
                ::automat::NoTransition::new(self.state_name(), input)
            }
        }
"""
    input_names = "".join(f"                Input::{m.variant(i)} => \"{n}\",\n" for i, n in enumerate(m.inputs))
    inputs = "".join(f"        {m.variant(i)},\n" for i in range(len(m.inputs)))
    outputs = "".join(f"        {m.variant(i)}(()),\n" for i in range(len(m.inputs)))
    lib = HEADER.format(machine=m.name, what=f"a hand-written replica of automat's `Dynamic::handle` ({shape} shape)")
    lib += f"""
pub mod {mod} {{{error_type}
    pub struct Core {{
        pub acc: u64,
    }}

{structs}
{''.join(blocks)}
    pub enum State {{
{variants}    }}

    pub enum Input {{
{inputs}    }}

    impl Input {{
        #[inline]
        pub fn name(&self) -> &'static str {{
            match self {{
{input_names}            }}
        }}
    }}

    pub enum Output {{
{outputs}    }}

    enum __Slot {{
        __Live(State),
{poisoned}    }}

    pub struct Dynamic {{
        core: Core,
        slot: __Slot,
    }}

    impl Dynamic {{
        #[inline]
        pub fn new(core: Core, state: {m.states[m.initial]}) -> Self {{
            Dynamic {{ core, slot: __Slot::__Live(State::{m.states[m.initial]}(state)) }}
        }}

        #[inline]
        pub fn core(&self) -> &Core {{
            &self.core
        }}

        #[inline]
        pub fn state(&self) -> &State {{
            match &self.slot {{
                __Slot::__Live(state) => state,
                _ => panic!("poisoned"),
            }}
        }}

        #[inline]
        pub fn state_name(&self) -> &'static str {{
            match &self.slot {{
{names}            }}
        }}

        #[inline]
        pub fn is_poisoned(&self) -> bool {{
            !::core::matches!(self.slot, __Slot::__Live(_))
        }}

        {handle_attr}
        pub fn handle(&mut self, input: Input) -> ::core::result::Result<Output, {error}> {{
{handle}        }}

{''.join(methods)}
{refuse}    }}
}}
"""
    index = state_index_match(m, "machine.state()", lambda st: f"{mod}::State::{st}(_)")
    setup = f"    let mut machine = {mod}::Dynamic::new({mod}::Core {{ acc: ACC0 }}, {mod}::{m.states[m.initial]});"
    finish = f"    let state = {index};\n    (machine.core().acc, state)"
    body = ("let input = " + event_match(m, lambda k: f"{mod}::Input::{m.variant(k)}")
            + ";\n        if machine.handle(input).is_err() {\n            rejected(e);\n        }")
    # Only the first is measured: LLVM merges the identical second one into it.
    for name in ["replay_handle", "replay_handle_again"][:sites]:
        lib += replay_fn(name, setup, body, finish)
    return lib, {"automat": None}, ["handle"], [("Dynamic", f"{mod}::Dynamic")]


# name -> (generator, kind): kind says which baseline its ratios are taken against.
IMPLEMENTATIONS = {
    "hand": (hand, "dynamic"),
    "hand-ts": (hand_typestate, "typestate"),
    "automat": (lambda m: automat_dynamic(m, ("methods",)), "dynamic"),
    "automat-handle": (lambda m: automat_dynamic(m, ("handle",)), "dynamic"),
    "automat-ts": (automat_typestate, "typestate"),
    # One API generated (issue 15): `#[automat::machine(dynamic)]`, used through the inherent
    # methods, and `#[automat::machine(typestate)]`, through the dispatch `match`.
    "automat-dyn": (lambda m: automat_dynamic(m, ("methods",), mode="dynamic"), "dynamic"),
    "automat-dyn-handle": (lambda m: automat_dynamic(m, ("handle",), mode="dynamic"), "dynamic"),
    "automat-ts-only": (lambda m: automat_typestate(m, mode="typestate"), "typestate"),
    # The floor of automat's build cost (issue 15): automat's declaration with a hand-written
    # dispatch, no macro.
    "hand-decl": (hand_declared, "dynamic"),
    "smlang": (smlang, "dynamic"),
    "rust-fsm": (rust_fsm, "dynamic"),
    "statig": (statig, "dynamic"),
    "typestate": (typestate_crate, "typestate"),
    "sm": (sm_crate, "typestate"),
    "statum": (statum_crate, "typestate"),
    # Experiments: the same code, with the machine's API called from two places in the crate
    # instead of one (see "Inlining" in docs/benchmarks.md). Not in the build tables.
    "hand-2": (lambda m: hand(m, sites=2), "experiment"),
    "hand-2-big": (lambda m: hand(m, sites=2, big_error=True), "experiment"),
    "automat-2": (lambda m: automat_dynamic(m, ("methods", "handle")), "experiment"),
    # Experiments: automat's `handle` as generated today, and in the suggested shape.
    "replica-handle-now": (lambda m: replica_handle(m, "now"), "experiment"),
    "replica-handle-direct": (lambda m: replica_handle(m, "direct"), "experiment"),
    "replica-handle-nested": (lambda m: replica_handle(m, "nested"), "experiment"),
    "replica-handle-now-16": (lambda m: replica_handle(m, "now", small_error=True), "experiment"),
    "replica-handle-now-16-2": (lambda m: replica_handle(m, "now", small_error=True, sites=2), "experiment"),
    # Experiments of issue 15: the delegating `handle` called from two places, as automat
    # generates it and kept out of line (`#[inline(never)]`) so the input methods are inlined
    # into it, from one place and from two.
    "replica-handle-now-2": (lambda m: replica_handle(m, "now", sites=2), "experiment"),
    "replica-handle-outline": (lambda m: replica_handle(m, "now", handle_attr="#[inline(never)]"), "experiment"),
    "replica-handle-outline-2": (lambda m: replica_handle(m, "now", handle_attr="#[inline(never)]", sites=2), "experiment"),
    # The observation hook (issue 6): declared but unused, and the `tracing` feature with no
    # subscriber; to be compared with "automat" and "automat-ts".
    "automat-observe": (lambda m: automat_dynamic(m, ("methods",), "observe"), "hook"),
    "automat-tracing": (lambda m: automat_dynamic(m, ("methods",), "tracing"), "hook"),
    "automat-ts-observe": (lambda m: automat_typestate(m, "observe"), "hook"),
    "automat-ts-tracing": (lambda m: automat_typestate(m, "tracing"), "hook"),
    # A generic machine (issue 10): the core generic over its accumulator's type, instantiated
    # with `u64`; to be compared with "automat", "automat-handle" and "automat-ts", its
    # non-generic twins.
    "automat-generic": (lambda m: automat_dynamic(m, ("methods",), "generic"), "hook"),
    "automat-generic-handle": (lambda m: automat_dynamic(m, ("handle",), "generic"), "hook"),
    "automat-ts-generic": (lambda m: automat_typestate(m, "generic"), "hook"),
}


# --------------------------------------------------------------------------------------------
# Writing the crates


def main_rs(m: Machine, lib: str, replays: list[str], sizes: list[tuple[str, str]]) -> str:
    rows = []
    for k in range(len(m.states)):
        cells = ", ".join(
            f"({inp}, {m.target(t)}, {m.weights[inp]})" for t, inp, _, _ in m.handlers(k)
        )
        rows.append(f"    &[{cells}],\n")
    replay_list = "".join(
        f'            ("{r}", {lib}::replay_{r.replace("-", "_")} as bench_support::Replay),\n'
        for r in replays
    )
    size_list = "".join(
        f'            ("{label}", std::mem::size_of::<{ty}>()),\n' for label, ty in sizes
    )
    return f"""//! The benchmark binary of `{m.name}`: generated by `bench/gen.py`, do not edit.
use std::alloc::System;

use stats_alloc::{{INSTRUMENTED_SYSTEM, StatsAlloc}};
use {lib}::*;

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// For each state: (input, target state, weight) of every input it accepts.
const TABLE: bench_support::Table = &[
{''.join(rows)}];

fn main() {{
    bench_support::main(
        GLOBAL,
        TABLE,
        {m.initial},
        &[
{replay_list}        ],
        &[
{size_list}        ],
    );
}}
"""


def write(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    # Leave unchanged files alone so that cargo does not rebuild them.
    if os.path.exists(path):
        with open(path) as f:
            if f.read() == text:
                return
    with open(path, "w") as f:
        f.write(text)


def main() -> None:
    only = set(sys.argv[1:])
    wanted = set()
    for m in MACHINES:
        for name, (generate, kind) in IMPLEMENTATIONS.items():
            crate = f"{m.name}-{name}"
            if only and not (crate in only or m.name in only or name in only):
                continue
            wanted.add(crate)
            result = generate(m)
            lib, deps, replays, sizes = result[:4]
            files = result[4] if len(result) > 4 else {}
            lib_name = crate.replace("-", "_")
            dep_lines = "".join(
                f"{d} = {{ workspace = true, {extra} }}\n" if extra else f"{d}.workspace = true\n"
                for d, extra in deps.items()
            )
            cargo = f"""# Generated by bench/gen.py: do not edit.
[package]
name = "{crate}"
version.workspace = true
edition.workspace = true
rust-version.workspace = true
publish.workspace = true

[dependencies]
{dep_lines}bench-support.workspace = true
stats_alloc.workspace = true
"""
            base = os.path.join(OUT, crate)
            write(os.path.join(base, "Cargo.toml"), cargo)
            write(os.path.join(base, "src", "lib.rs"), lib)
            write(os.path.join(base, "src", "main.rs"), main_rs(m, lib_name, replays, sizes))
            for rel, text in files.items():
                write(os.path.join(base, rel), text)
    if not only and os.path.isdir(OUT):
        for entry in os.listdir(OUT):
            if entry not in wanted:
                shutil.rmtree(os.path.join(OUT, entry))
    print(f"generated {len(wanted)} crates in {OUT}")


if __name__ == "__main__":
    main()
