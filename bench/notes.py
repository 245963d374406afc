"""The prose of docs/benchmarks.md: why a target is missed and what would close it, and the
notes on inlining.

Written from the analysis of the run recorded in docs/benchmarks.md (rustc 1.95, the
automat-codegen of that day); a note on a target is printed only while that target is missed.
The figures quoted here are that run's; the tables above them are always the current run's.
"""

NOTES = {
    "generic": (
        "A generic machine instantiated with concrete types is monomorphised into the code of the machine written for them: the same instructions per event on every machine measured, and the same `size_of` — `Dynamic<u64>` 16 bytes and `Machine<S, u64>` 8, as their twins. A machine whose only generic parameters are its states' holds them in `Machine<S, …>` through a zero-sized `PhantomData<fn() -> (…)>` field, which adds no bytes either."
    ),
    "issue15": """\
**What each mode generates.** With both APIs (the default): `State`, `Input`, `Output`,
`Machine<S>` with its branch enums, `Dynamic` with `handle` and the input trait's impl,
`Typed`, the conversions between the two machines, and `DESCRIPTION`. `dynamic` keeps
`State`, `Input`, `Output`, `Dynamic`, `handle`, the trait's impl, `serde` and `DESCRIPTION`;
`typestate` keeps `Machine<S>`, its branch enums and `DESCRIPTION`. The input trait is emitted
in every mode.

**Three interleaved runs on 2026-12-02** (ring-1000 warm rebuild, median of three; the table
above is the last, the quietest): four engineers were compiling on the 2 cores, so the seconds
move by half between runs, and only the ratios within one run compare.

| run (UTC, load) | hand-written | `dynamic` | both APIs | hand-written typestate | `typestate` | both, through `Machine<S>` |
| --- | --- | --- | --- | --- | --- | --- |
| 03:13–03:21, 4.4–6.7 | 3.60 s | 16.35 s (4.54×) | 23.80 s (6.61×) | 18.66 s | 20.28 s (1.09×) | 37.43 s (2.01×) |
| 04:09–04:15, 3.0–5.2 | 2.39 s | 10.48 s (4.38×) | 13.09 s (5.47×) | 12.60 s | 12.76 s (1.01×) | 20.69 s (1.64×) |
| 04:16–04:20, 1.2–2.7 | 2.49 s | 9.33 s (3.74×) | 13.33 s (5.35×) | 10.85 s | 14.01 s (1.29×) | 20.60 s (1.90×) |

**The full run of 05:59–06:31 UTC**, load 1.5–4: `dynamic` 3.77×, both APIs 5.26×, `typestate`
alone 1.17× the hand-written typestate functions, the floor (`hand-decl`, below) 1.45×;
ring-1000 / ring-100 `dynamic` 12.4×, both 13.3×. **The warm stage again at 06:51–06:55**, after
the `tracing` report change (below), on a quiet machine (load 1.1; the tables above): `dynamic`
3.57×, both APIs 4.88×, `typestate` alone 1.19×, the floor 1.49×; ring-1000 / ring-100 `dynamic`
11.6×, both 12.1×, the floor 10.3×, the hand-written `match` 7.7×. The ≤ 12× target is met
there by `dynamic` and in two of the three earlier runs by both, and missed by a little with
both APIs here and in the full run: the ratio of two noisy rebuilds moves that much between
runs.

ring-1000 / ring-100 in the three runs: both APIs 11.6×, 8.4×, 12.6×; `dynamic` 9.8×, 10.4×,
11.3×; the hand-written `match` 5.9×, 6.3×, 8.8×. `typestate` alone comes within 1.0–1.3× of the
hand-written typestate functions; `dynamic` alone saves a fifth to a third of the default
build and stays 3.7–4.5× the hand-written `match`, far from 1.4×; with both APIs the rebuild is
5.4–6.6×, far from 2×.

**What a real project paid in an earlier run** (2026-12-02, 03:53–03:58 UTC, load 4.3 to 5.7,
five alternating runs; the table above is the latest run, 1.20×; one before it gave 1.23×): a library using serde's derive and tokio's macros builds clean in 28.3 s (median), and
32.4 s with automat and the tcp machine added: 1.14×, the runs' own pairs between 0.98× and
1.20×. serde_derive, tokio-macros and automat's macro build one syn (3.0.10), so what automat
adds is `automat-codegen`, `automat-macros`, the runtime and the machine itself.

**Generic conversions** (one `From<Machine<S>> for Dynamic` and one `TryFrom<Dynamic> for
Machine<S>` over a hidden `Member<State>` trait, instead of both per state): 392 → 368 tokens
per handler at ring-1000, 397 → 374 at ring-100 (`--stages tokens`, before and after the
change); the warm rebuild of ring-1000 with both APIs went from 26.87 s to 23.80 s, two runs ten
minutes apart under the same load (5.6 and 5.9), which is within the noise of this machine.
Kept: fewer items, the same API.

**Where the `dynamic` rebuild goes, counted rather than timed.** Timed rebuilds on this shared
machine move by half between runs, so the parts were measured with `bench/rustc_cost.py`,
which counts the instructions rustc executes (callgrind) to compile the ring-100 crate: as
built, with the macro's expansion pasted in as source, and with one part taken out of the
pasted expansion at a time. The counts repeat to 0.01 %. On 2026-12-02, after the change
kept below:

| crate, or part of automat's | million instructions | to hand-written | share of automat's |
| --- | ---: | ---: | ---: |
| hand-written `match` (baseline) | 754 | 1.00× | — |
| automat's declaration, hand-written dispatch, no macro (the floor) | 891 | 1.18× | — |
| **automat `#[machine(dynamic)]`**, as built | 2,453 | 3.26× | 100 % |
| … of which running the macro and receiving its tokens | 403 | 0.54× | 16 % |
| … of which the generated code, pasted in as source | 2,050 | 2.72× | 84 % |
| … … of which the transition list of `DESCRIPTION` | 290 | 0.38× | 12 % |
| … … of which the `tracing` report in each transition | 63 | 0.08× | 3 % |
| … … of which `From<S> for State`, one impl per state | 51 | 0.07× | 2 % |

(The pasted source is lexed, which the macro's tokens are not, so the macro's share is, if
anything, larger.) **The floor** is the `hand-decl` implementation: the declaration a user
writes, attributes off, with the least `Dynamic` written by hand over it (an `Option<State>`
taken and put back, a `match` per input). It has no refusal error, no poisoning, no tracing, no
`DESCRIPTION`, no `handle`, yet costs 1.18× the hand-written `match` at ring-100 and, in timed
warm rebuilds of ring-1000 1.45–1.49× (the runs above; 1.35–1.43× in CPU time): the user's handler
methods are 4,000 functions the hand-written `match` does not have. The target of 1.4× for
`dynamic` alone is where any macro that keeps this declaration starts, before it generates
anything; it is not reachable by shrinking what automat generates, only by generating nothing.
The target of 2× with both APIs is below a floor too: the 4,000 typestate methods cost what
they cost written by hand, and the hand-written typestate crate of ring-1000 alone rebuilds in
4.3–4.4× the hand-written `match`'s time (5.48 s against 1.28 s in the table above, 5.67 s
against 1.29 s in the full run); `Machine<S>`
cannot be had for less than that, and automat's `typestate` alone is within 1.0–1.3× of it.

**Kept**: the `tracing` report with the four names as `&str` arguments
(`traced("ring", "S0", "next", "S1")`) instead of a `&Transition` literal behind a reference:
the crate as built went from 2,554 to 2,453 million instructions (−4.0 %), the report's own
share from 153 to 63 million. Run time without the `tracing` feature is the same instruction
for instruction; with it and no subscriber, tcp, ring-10 and ring-100 moved by −2.0 to +0.25
instructions per event, and typestate ring-1000 from 23.79 to 27.62 (the tables above are
after the change). A `&[&str; 4]` literal instead saved 1 %: what costs is the promoted
constant, not the struct.

**Tried on the pasted ring-100 expansion, counted the same way** (against 2,141 million, before
the change above): the arms' `::core::unreachable!()` as a call of one `#[cold]` function,
−1.1 %; `DESCRIPTION`'s transitions built by a `const fn` from a shared static of targets, +1.7 %, and
the struct literals kept with their targets taken from that static, +5.8 % (both worse); a
four-argument `const fn` per transition with no targets at all, −7.3 %, which is not a
description any more. Reporting the transition once per input method (the source's name read
before the `match`, the target's after) instead of in each arm made the timed ring-1000 rebuild
slower (1.29× the current expansion's CPU time) and was not kept. Each element of
`DESCRIPTION` and each arm costs rustc per expression (type checking with coercions, borrow
checking the one body, const validation); spelling the same data differently moves that work
around without removing it. None of these was kept: the largest saving does not change the
verdict, and each would make the expansion harder to read. An earlier note here
measured `DESCRIPTION` by wall time, found it within the noise and called it not worth making
compact; counted, its transition list is 12 % of the crate, and what would remove that cost is
not emitting it, which would take `automat-viz` and every user of `DESCRIPTION` with it.

**Why `dynamic` alone is still 3.6–4.5× the hand-written `match`.** The hand-written crate is one
`match` of 4,000 arms and nothing else; the `dynamic` crate has, per state, a `State` variant, a
`From<State>` impl, a poisoned `__Slot` variant, an arm in `state_name` and in `accepts`, and per
handler an arm in its input's method (the state moved out of the slot with `mem::replace`, the
`let … else { unreachable!() }` re-match, the handler call, the `traced` report) and an entry in
`DESCRIPTION`: 235 tokens per handler at ring-1000. The parts rustc spends the most on are counted in the table above.

**`handle` on ring-1000: 0.60× here, 1.83× in an independent harness.** The difference is the
number of places that call the machine, not the profile. With the replay the only caller (the
rows above), LLVM inlines `handle` and the per-input methods it delegates to into the replay:
15.70 instructions per event against 26.00 for the hand-written `match`, which is not inlined at
this size. Called from two places (`automat-2`), the methods are no longer inlined: 34.00 per
event (the harness's 36.5), against 26.00 for the hand-written `match` called from two places
(1.31×). callgrind per function (1,000,000 events, `callgrind_annotate`): the replay with
`handle` inlined into it 17.0 instructions per event, then the input methods `next` 7.65, `stay`
5.07 and `prev` 4.26 — the methods' own work is the hand-written `handle`'s 17.0; the rest, 17.0
against the hand-written replay's 9.0, is building the `Input`, calling a method that returns
`Result<(), NoTransition>` (40 bytes, through memory) and rewrapping it as `Output`. Fat LTO
with one codegen unit changes nothing: the same 26.00, 14.70, 15.70, 26.00, 31.75 and 34.00
(`CARGO_PROFILE_RELEASE_LTO=fat CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 cargo build --release -p
ring1000-automat-2`, then the runner's callgrind command). A refusal small enough to come back in registers is not what would close the two-caller
gap: the delegating replica refusing with a 16-byte error, called from two places
(`replica-handle-now-16-2`), counts 36.10 instructions per event at ring-100 and 33.00 at
ring-1000 (1,000,000 events), against 35.10 and 34.00 for the same replica with `NoTransition`
(`replica-handle-now-2`): one instruction either way. What the two-caller replay pays for is
the `Input` built and matched again, the call and the `Output` rewrapping that a single `match`
does not have. *Tried*: `handle` kept out of line
(`#[inline(never)]`), so that each input method has one caller, `handle`, and is inlined into it
whoever calls `handle`: 36.10 instructions per event at ring-100 and 48.75 at ring-1000, from one
call site or two (the replica rows `replica-handle-outline`, `-outline-2`), against 15.70 and
34.00 for the shape generated today (`replica-handle-now`, `-now-2`; the latter equals
`automat-2`'s `handle` at ring-1000). Not adopted: the methods inlined into one function make it
the nested shape's one big function again.""",
    "machine": """\
On 2026-12-02 every stage ran in one `bench/run.sh` from 05:59 to 06:31 UTC on a clean clone of
automat at the commit named above, while other work shared the 2 cores (test builds and
callgrind counting rustc's instructions; load 1.5 to 4.0); the `replica-handle-now-16-2`
experiment ran alone at 07:00, and the warm, run-time and token stages of automat's
crates again after the change to the `tracing` report (06:52–06:59, load 1.0–1.7; the
issue-15 note says what moved). Instruction counts do not depend on that; the build times do,
and the warm rebuilds of one machine interleave so that each ratio is taken close together.
This is a virtual machine with neighbours: the same build's time has moved by up to half
between runs an hour apart.""",
    "handle": """\
**`handle(Input)` on ring-100 (1.05×: 0.7 instructions per event).** automat generates
`handle` in one of two shapes, by the number of handlers. Up to 64 (tcp has 37, ring-10 40): a
`match` on the slot with a `match` on the input inside, the new state stored once after it;
with one caller LLVM inlines it and lowers it to fewer instructions than the hand-written
`match` (tcp 0.90×, ring-10 1.00×). Above 64 (ring-100 has 400, ring-1000 4,000): a `match
input` delegating to the per-input methods (`Result::map(self.coin(..), Output::Coin)`), each
a `match self.slot` whose arms store the new slot themselves. The nested shape is one function
holding every transition, and from a few hundred handlers on it is too big for LLVM to inline
(the replica rows: 1.47× at ring-100, 1.79× at ring-1000), while the per-input methods stay
inlinable (ring-1000: 0.60×, where the hand-written `match` is no longer inlined). Where the
shapes cross was measured once, with the same generator on rings outside the table (1,000,000
events, callgrind): the nested replica matches the hand-written 15.0 instructions per event at
48, 64 and 80 handlers and costs 24.1 at 96 and 22.0 at 120 and 200, where the delegating shape
costs 15.7; hence the limit of 64, below the crossing. What is left
at ring-100: the hand-written `self.state = match (state, input) {..}` becomes one table indexed
by state and input, with no branch; the delegating `handle` keeps an indirect jump on the input
and a table per input. *Tried* (the experiment rows, hand-written copies of the generated
code): one `match (slot, input)` with the state stored once (1.11×), and the delegating shape
refusing with a 16-byte error instead of `NoTransition`'s 40 bytes (1.32×: worse, LLVM stops
inlining the methods). *Not tried*: `#[inline(always)]` on a nested `handle` at this size,
which would make every call site a copy of the whole machine. automat's slot must also record
the state a panicking handler started from (`mem::replace` with a poisoned variant, SPEC §3),
which the hand-written code does not do; tcp and ring-10 show that this costs nothing when
the nested shape is inlined.""",
    "hook": """\
An observer that overrides nothing costs nothing: `on_transition` is an empty default method
and `observed` is `#[inline]`, so nothing is left of the call. The `tracing` feature with no
subscriber costs the check `tracing`'s own macros start with — one load of the global maximum
level and a compare per transition, the event itself built out of line in a `#[cold]` function
— but that check is a branch with a call in every arm, which keeps LLVM from turning the
machine's `match`es into lookup tables as it does without it: 1.0× to 1.7× the plain machine on
tcp, ring-10 and ring-100, and 2.9× for the `Dynamic` methods at ring-1000 (building the event
inline in every arm, as `tracing::trace!` in `traced` did before, cost up to 3.6× there).
*What would lower it*: report the
transition once after the `match` (each arm yielding a pointer to its `Transition`) instead of
in every arm, so that the check is made once per input. That changes when an observer hears of
a transition (after the new state is stored, not before), a change of semantics to be decided
with the `observe` API, not for the benchmark.""",
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
**Warm rebuild of ring-1000: 3.6× to 6.6× the hand-written `match` (target 1.4×; the best
peers, rust-fsm and statig, are at 1.0 to 2×).** Three runs on 2026-11-27 of the same generated
code gave 3.57× (automat 11.7 s, hand-written 3.3 s), 5.73× (12.4 s, 2.2 s) and 6.63× (13.7 s,
2.1 s, the table above): the hand-written crate's time moves most, and any ratio to it moves
with it. Whatever the run, the target is far off. One `rustc -Z
time-passes` of the ring-1000 crate, on 2026-11-26 (the code generated for ring-1000 is the same
since: its `handle` keeps the delegating shape) (`touch bench/gen/ring1000-automat/src/lib.rs; RUSTC_BOOTSTRAP=1 cargo rustc --release -p
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

Two causes, then. **(1) Expansion, 3.6 s**: the macro's own work is a third of it (1.2 s as
cargo builds proc macros by default — opt-level 0 in every profile, its `build-override`
default — and half that optimised: *The macro's own time*); the rest is rustc receiving and
parsing what the macro returns. **(2) The volume of generated code**: 6.4 MB of tokens for
0.56 MB of declaration, and rustc's front end (expansion, MIR, borrow check, type check,
metadata) works through all of it although a `Dynamic` user compiles little of it to machine
code (LLVM time is *lower* than the hand-written crate's). Its shares (ring-1000, formatted): `Dynamic`'s
methods 32 % (per arm: the `mem::replace` and a `let ... else { unreachable!() }` re-match, the
handler call, and a `traced(&Transition { machine, source, input, target })` literal), the
1,001 `impl Machine<S>` blocks 25 % (each transition again, with the same `traced` literal and a
doc attribute), `DESCRIPTION` 16 %, one `TryFrom<Dynamic> for Machine<S>` per state 9.5 %, one
`From<Machine<S>> for Dynamic` and one `From<S> for State` per state 6 %.
*What would close it*, each to be measured by re-running `bench/run.sh --machines
ring100,ring1000 --impls hand,automat,automat-ts --stages warm,report`:
(a) say each transition once. *Tried*: every report pointing into one
`static __TRANSITIONS: [automat::Transition; N]` instead of spelling a `Transition` out in each
typed method and each `Dynamic` arm. The expanded ring-1000 machine shrank only 3.5 % (the
table holds each transition once, the literals held it twice), and rustc took no less time on
it (the expanded code compiled alone, four alternating builds: best 9.9 s without the table,
10.3 s with it); with the `tracing` feature tcp cost 27.9 instead of 24.9 instructions per
event. Not adopted: the bytes a transition costs are not where the time goes; the number of
items and bodies is. (b) replace the per-state conversion impls by generic ones over a sealed
per-state trait (`impl<S: __Member> TryFrom<Dynamic> for Machine<S>`), 3,000 impls fewer at
ring-1000; (c) let a machine opt out of the API it does not use
(`#[automat::machine(dynamic)]` / `(typestate)`), which removes a quarter to a half of the
generated code; (d) build the macro optimised — the README shows the per-package overrides
(`[profile.release.package.automat-codegen] opt-level = 3`, and for `syn`, `proc-macro2`,
`quote`), as this repository's root `Cargo.toml` does for `dev` — which takes the macro's own
time at ring-1000 from about 1.1 s to 0.3–0.5 s (*The macro's own time*).""",
    "warm-ts": """\
**Warm rebuild through `Machine<S>` (not a target of the issue, shown for completeness).** The
automat crate compiles both APIs while the hand-written typestate crate has only the typed
functions: the same causes and remedies as the row above.""",
    "growth": """\
**Growth of the warm rebuild from ring-100 to ring-1000.** The target is below linear:
ring-1000 has ten times the states and transitions of ring-100, so a build linear in the
machine, with no fixed cost, grows 10×; a ratio under 8× comes only from the fixed part of a
rebuild (cargo's start, rustc's start, the replay function), which shrinks in relative terms as
the machine grows. The hand-written `match` itself grew between 9.5× and 15.2× in the runs made on 2026-11-26
and 2026-11-27, and automat between 7.2× and 15.2×: the ratio
of two wall-clock medians moves this much between runs, so this target sits within the noise of
the measurement. Where automat grows faster than that,
something grows faster than the machine: compare `-Z time-passes` of the ring-100 and ring-1000
crates (the command in the note above) to find the pass; otherwise, lower the per-transition
cost (the note above). Wall-clock ratios of two builds measured minutes apart
also carry the load of the machine at each moment (see *The machine*).""",
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
    "features": """**Async handlers (issue 12): within 1.2× when the machine is called from one place, 4.5× when
called from two.** The rings are three states with a transition and a loop in each, every
handler an `async fn` awaiting a helper that is ready at once, so each future completes in one
poll; the figures are the cost of the async machinery, not of waiting. No replay allocates.
Called from one place, as every other benchmark here is, the async methods cost 1.07× the same
machine written synchronously and `handle` 0.90× (rustc folds the handler futures into the
method's and LLVM inlines the one poll function into the loop). When the same input methods
are also called from `handle` (the `_twice` rows), the poll function of `Dynamic::add` is no
longer inlined (`-C remark=inline`: cost 870 against a threshold of 525) and every event pays a
call and the future's state written to memory and read back: 66.8 instructions per event
against 14.8. The same machine written by hand as an enum, a `match` and the same `async fn`s
stays inlined from two places (13.0): its poll function is smaller. The gap is the inlining
decision described in "Inlining: where zero cost depends on the caller" below, larger for a
future than for a plain method. It comes from the layers of futures, not from automat's refusal
or tracing code: the expansion of `async_ring` pasted as source costs the same 66.8 from two
places, and 66.5 with the refusal reduced to a bare `Err`; a hand-written replica of the
generated code (the slot enum, `mem::replace` for a transition, a loop awaiting the state's
handler method, which awaits the helper) costs 49.1 from two places, and 12.8 once the loop's
handler body is written inside the method, one future fewer. A generated method always awaits
the user's handler, so it adds one future above the handler's own; what would close the gap is
a poll function small enough to inline with that layer, measured with one caller and with two;
not found yet.""",
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
  In the `hand-written match … with a 40-byte error` row only the hand-written error type
  grows to `NoTransition`'s size, and the hand-written function then costs what automat's does
  (26 → 31 instructions per event at ring-100 and ring-1000): the error's size is the whole gap.
* *Tried*: a 16-byte error, `{ machine: pointer, state: u32, input: u32 }`, in the replica of
  the delegating `handle` (the `refusing with a 16-byte error` row). With one caller it is worse
  on ring-100 and ring-1000 (19.9 and 33.0 instructions per event against 15.7): the methods
  that build it are no longer inlined. With two callers (`replica-handle-now-16-2`, measured on
  2026-12-02, 1,000,000 events) it counts 36.1 and 33.0 against 35.1 and 34.0 for the same
  replica with `NoTransition`: no gain either. Shrinking `NoTransition` is not a win for
  `handle`; for the methods called out of line it would be the 5 instructions above.
* Forcing `#[inline(always)]` on the generated input methods made `Dynamic` as cheap as the
  inlined hand-written code in every case measured while preparing this (ring-100 with two
  callers: 14.7 instructions per event for the methods, 15.7 for `handle`), but copies each
  input's whole `match` into every caller: a trade for the user to make (e.g. an attribute
  argument), not a default.
"""
