"""The prose of docs/benchmarks.md: why a target is missed and what would close it, and the
notes on inlining.

Written from the analysis of the run recorded in docs/benchmarks.md (rustc 1.95, the
automat-codegen of that day); a note on a target is printed only while that target is missed.
The figures quoted here are that run's; the tables above them are always the current run's.
"""

NOTES = {
    "handle": """\
**`handle(Input)` on tcp and the small rings (1.05–1.08×, under 2 instructions per event).**
There is no call, no copy and no check that the hand-written code does not have: with one
caller, LLVM inlines `handle` and every input method into the replay loop and turns the
`match`es into lookup tables, as it does the hand-written `match` (on a ring, the whole
transition function becomes two table loads in both). The difference is the shape LLVM is
given. The hand-written code is one `match (state, input)` whose result is stored once
(`self.state = match ... {}`), lowered to one table indexed by state and input, without a
branch. automat's `handle` is a `match input` that calls one method per input
(`Result::map(self.coin(..), Output::Coin)`), each a `match self.slot` whose arms store the
new slot themselves: LLVM keeps an indirect jump on the input and a table per input, and on
tcp materialises the `Result<Output, NoTransition>` tag before the caller tests it. The
inherent methods, called directly, already beat the hand-written `match` everywhere.
*What would close it*: generate `handle` as the hand-written code is written — one `match`
over the live state and the input, the new state stored once after it (`let (next, output) =
match ... { ... }; self.slot = __Slot::__Live(next); Ok(output)`; the poisoning `mem::replace`
stays in the transition arms) — instead of delegating to the input methods; then
`bench/run.sh --machines tcp,ring10,ring100 --impls hand,automat-handle --stages runtime,report`
says whether LLVM now picks the same tables. Not tried here: `automat-codegen` is being edited by
others, and a hand-written copy of the change would be a guess at what the macro would emit.""",
    "methods": """\
**`Dynamic` inherent methods.** See *Inlining* below for where they stop being inlined.""",
    "typestate": """\
**Typestate path.** `Machine<S>` should compile to exactly the hand-written functions; a
difference means the generated transition does more than move the core and call the handler.""",
    "size": """\
**`size_of::<Dynamic>()`.** The poisoned variants of `__Slot` should fit in the niche of
`State`'s tag; a larger `Dynamic` means they do not.""",
    "allocs": """\
**Allocations.** Nothing in automat's run-time path should allocate.""",
    "warm": """\
**Warm rebuild of ring-1000: about 4× the hand-written `match` (target 1.4×; the best peers,
rust-fsm and statig, are at 2×).** One `rustc -Z time-passes` of the ring-1000 crate
(`touch bench/gen/ring1000-automat/src/lib.rs; RUSTC_BOOTSTRAP=1 cargo rustc --release -p
ring1000-automat --lib -- -Z time-passes`; the instrumented total is 17.1 s against 3.4 s for
the hand-written crate) shows where it goes:

| pass | automat ring-1000 | hand-written `match` ring-1000 | hand-written typestate ring-1000 |
| --- | --- | --- | --- |
| macro expansion | 3.6 s | — | — |
| MIR building and borrow checking | 4.4 s | 0.6 s | 0.8 s |
| type checking | 2.8 s | 0.1 s | 4.5 s |
| crate metadata | 1.5 s | 0.4 s | 3.4 s |
| name resolution, coherence, privacy | 2.0 s | 0.1 s | 0.5 s |
| LLVM (optimisation and code generation) | 2.1 s | 4.1 s | 8.6 s |

Two causes, then. **(1) The macro runs unoptimised.** cargo builds proc macros and their
dependencies at opt-level 0 in every profile (its `build-override` default), so in a user's
build `automat_codegen::expand` takes seconds on ring-1000 where its optimised build takes a
tenth of that (*The macro's own time*). **(2) The volume of generated code**: 6.4 MB of tokens
for 0.56 MB of declaration, and rustc's front end (MIR, borrow check, type check, metadata)
works through all of it although a `Dynamic` user compiles little of it to machine code (LLVM
time is *lower* than the hand-written crate's). Its shares (ring-1000, formatted): `Dynamic`'s
methods 32 % (per arm: the `mem::replace` and a `let ... else { unreachable!() }` re-match, the
handler call, and a `traced(&Transition { machine, source, input, target })` literal), the
1,001 `impl Machine<S>` blocks 25 % (each transition again, with the same `traced` literal and a
doc attribute), `DESCRIPTION` 16 %, one `TryFrom<Dynamic> for Machine<S>` per state 9.5 %, one
`From<Machine<S>> for Dynamic` and one `From<S> for State` per state 6 %.
*What would close it*, each to be measured by re-running `bench/run.sh --machines
ring100,ring1000 --impls hand,automat,automat-ts --stages warm,report`:
(a) recommend, in the crate docs, `[profile.release.build-override] opt-level = 3` (or
`[profile.*.package.automat-codegen]`/`syn` overrides, as this repository's own root
`Cargo.toml` does for `dev`): the macro's seconds become tenths; (b) say each transition once:
the `traced` literals could point into `DESCRIPTION`'s transitions (`&DESCRIPTION.transitions[i]`)
instead of building a struct per arm and per typed method, and the take-the-state pattern could
be one `#[inline] fn __take_S(&mut self) -> S` per state instead of a `let ... else` in every arm;
(c) replace the per-state conversion impls by generic ones over a sealed per-state trait
(`impl<S: __Member> TryFrom<Dynamic> for Machine<S>`), 3,000 impls fewer at ring-1000; (d) let
a machine opt out of the API it does not use (`#[automat::machine(dynamic)]` /
`(typestate)`).""",
    "warm-ts": """\
**Warm rebuild through `Machine<S>` (not a target of the issue, shown for completeness).** The
automat crate compiles both APIs while the hand-written typestate crate has only the typed
functions: the same causes and remedies as the row above.""",
    "growth": """\
**Growth from ring-100 to ring-1000.** Linear would be 10× the transitions → about 10× the
time; above 8× means something in the generated code grows faster than the machine.""",
    "cold": """\
**Clean build of a one-machine crate: slower than rust-fsm's.** Almost all of it is building
the macro, not using it (the machine crate itself takes a fraction of a second):
`cargo build --timings` of the tcp crate shows `syn` 3 with the `full` feature (the macro parses
whole items: a trait, structs, impl blocks) taking most of the time, then `automat-codegen`.
rust-fsm's macro parses its own small DSL with `syn` 2's default features, without `full`, which
compiles in a fraction of the time; sm's uses `syn` 0.15. Nothing in the generated code can
close this. What can: (a) depend on the `syn` that a program's other dependencies already build
— most programs build `syn` 2 with `full` anyway (serde_derive, thiserror, tokio-macros), so a
`syn` 2 dependency would cost a real program almost nothing, where `syn` 3 is a second copy; the
bench's clean build, with nothing else in the program, cannot show that; (b) trim `syn`'s
features to what the parser uses; (c) the parse of the few item kinds the macro accepts could
use a smaller parser, keeping `syn` for types and expressions only.""",
}

INLINING = """\
## Inlining: where zero cost depends on the caller

Each benchmark crate calls its machine from one place, as the baseline does. rustc compiles an
`#[inline]` function into each crate that calls it with internal linkage, so LLVM sees a
function with a single caller and inlines it almost whatever its size (the bonus for the last
call to a local function is 15,000 against a threshold of 325). A program that calls the same
input from two places loses that bonus, and then size decides. The `called from two places`
rows measure exactly that: the same crates with a second replay function.

* LLVM's inline cost of one automat input method is 235 at ring-10 and 2,555 at ring-100
  (`cargo rustc --release -p ring100-automat-2 --lib -- -C remark=inline`); the hand-written
  `handle` costs about 4,000 at ring-100 and 40,000 at ring-1000. So from a few dozen states
  on, both are calls when called from two places; and at ring-1000 the hand-written `match`
  is a call even with one caller (26 instructions per event), while automat's per-input
  methods, each a quarter of the `match`, are still inlined (14.7). On tcp, automat's methods
  are small enough to be inlined from any number of places (20.1), while the hand-written
  `match` is not (37.3 with two callers).
* Out of line, automat's method costs more than the hand-written function (ring-100 and
  ring-1000: about 31 against 26 instructions per event). The called method writes
  `Result<(), NoTransition>` — 40 bytes, as `NoTransition` holds two `&'static str` and a
  `bool` — through a return pointer, the caller reads its tag back from memory, and each arm
  stores the accumulator and the slot through `self`. The hand-written function returns
  `Result<(), Rejected>`, 3 bytes, in a register, and LLVM made its `match` two lookup tables.
  The `hand-written match … with a 40-byte error` row, where only the error type grows to
  `NoTransition`'s size, shows how much of the gap the error's size alone explains.
* *Suggested change to the generated code* (not made here: automat-codegen is being edited by
  others): make `NoTransition` fit in two registers with a niche, for instance
  `{ machine: &'static Description, state: u16, input: u16, poisoned: bool }` (16 bytes),
  with `state()` and `input()` reading the names from the description; its public methods
  stay as they are. An out-of-line input method then returns in registers as the hand-written
  function does.
* Forcing `#[inline(always)]` on the generated input methods made `Dynamic` as cheap as the
  inlined hand-written code in every case measured while preparing this (ring-100 with two
  callers: 14.7 instructions per event for the methods, 15.7 for `handle`), but copies each
  input's whole `match` into every caller: a trade for the user to make (e.g. an attribute
  argument), not a default.
"""
