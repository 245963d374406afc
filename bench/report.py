"""Writes docs/benchmarks.md from bench/target/results.json (see run.py)."""

from __future__ import annotations

import json
import os
import statistics

import gen
from notes import NOTES, INLINING

MACHINES = [m.name for m in gen.MACHINES]
LABEL = {"tcp": "tcp", "ring10": "ring-10", "ring100": "ring-100", "ring1000": "ring-1000"}


def per_event(results: dict, crate: str, path: str) -> float | None:
    entry = results.get("runtime", {}).get(crate, {})
    p = entry.get("paths", {}).get(path, {})
    if "instructions" not in p:
        return None
    return p["instructions"] / p["events"]


def ratio(value, base) -> float | None:
    if value is None or base in (None, 0):
        return None
    return value / base


def cell(value, base=None, unit="", digits=1) -> str:
    if value is None:
        return "—"
    text = f"{value:.{digits}f}{unit}"
    r = ratio(value, base)
    if r is not None:
        text += f" ({r:.2f}×)"
    return text


def runtime_error(results: dict, crate: str) -> str | None:
    return results.get("runtime", {}).get(crate, {}).get("error")


def warm(results: dict, crate: str) -> float | None:
    return results.get("warm", {}).get(crate, {}).get("median")


def cold(results: dict, impl: str) -> float | None:
    return results.get("cold", {}).get(impl, {}).get("seconds")


def runtime_row(results: dict, crate_impl: str, replay: str, label: str, base: str | None) -> str:
    """One row of instructions per event, each cell with its ratio to `base` ("impl/replay")."""
    cells = []
    for m in MACHINES:
        err = runtime_error(results, f"{m}-{crate_impl}")
        if err:
            cells.append(f"not run: {err}")
            continue
        value = per_event(results, f"{m}-{crate_impl}", replay)
        b = None
        if base:
            bi, bp = base.split("/")
            b = per_event(results, f"{m}-{bi}", bp)
        cells.append(cell(value, b, digits=2))
    return f"| {label} | " + " | ".join(cells) + " |"


def write_report(results: dict, path: str) -> None:
    from run import ROWS, BUILD_ROWS, EXPERIMENT_ROWS, HOOK_ROWS, GENERIC_ROWS

    out: list[str] = []
    w = out.append
    info = results.get("info", {})
    events = results.get("events", 0)

    w("# Benchmarks: automat against hand-written code and the peer crates")
    w("")
    w("Written by `bench/run.sh` (issue 5); do not edit by hand, re-run it. Every number below comes "
      "from one run of that command on the machine described, so the ratios compare like with like.")
    w("")
    w("## Reproduce")
    w("")
    w("```sh")
    w("bench/run.sh                          # everything: about an hour on 2 cores")
    w("bench/run.sh --stages warm,report     # re-time the warm rebuilds only, rewrite this file")
    w("bench/run.sh --help                   # stages, machines, implementations, events, runs")
    w("```")
    w("")
    w("`bench/` is its own Cargo workspace (the peer crates stay out of the main build, CI and "
      "`cargo test --workspace`), with its own target folder `bench/target`. `bench/gen.py` writes "
      "one crate per machine and implementation into `bench/gen/` from one description of each "
      "machine; the command regenerates that folder every time and it is not committed (ring-1000 "
      "alone is several megabytes of Rust). Raw results are kept in `bench/target/results.json`. "
      "Nothing here is a test: no timing is asserted anywhere in `cargo test`.")
    w("")

    w("## The machine")
    w("")
    stages = sorted(info, key=lambda key: info[key]["uptime"].split()[0])
    if stages:
        first = info[stages[-1]]
        w(f"* {first['nproc']} cores, {first['cpu']}; {first['os']}")
        w(f"* {first['rustc']}; {first['valgrind']}; cargo's release profile "
          "(`opt-level = 3`, 16 codegen units, no LTO, not incremental)")
        w("* a stage can be run alone, and for some implementations only (`--stages`, `--impls`); each "
          "cell below is the latest measurement of its crate. Instruction counts do not depend on the "
          "load; wall-clock times do, so a build ratio is only as good as the two builds were timed "
          "close together (see the note on the machine below). For the start and end of each stage's "
          "last run: the automat commit measured and `uptime`:")
        w("")
        for key in stages:
            w(f"  * {key} — {info[key]['date']}, automat at {info[key].get('automat', '?')}: `{info[key]['uptime']}`")
        w("")
        w(NOTES["machine"])
    w("")

    # ---------------------------------------------------------------- headline
    w("## Summary")
    w("")
    w("Instructions per event (callgrind, only the replay loop; ratio to the hand-written baseline of "
      "the same kind) and build times (wall clock, median; ratio to the same baseline).")
    w("")
    w("| | instr/event tcp | instr/event ring-1000 | warm rebuild ring-1000 | ring-1000 / ring-100 rebuild | clean build tcp |")
    w("| --- | --- | --- | --- | --- | --- |")
    build_of = {impl: base for impl, _, base in BUILD_ROWS}
    for crate_impl, replay, label, base in ROWS:
        base_impl, base_path = base.split("/") if base else (crate_impl, replay)
        tcp = per_event(results, f"tcp-{crate_impl}", replay)
        tcp_base = per_event(results, f"tcp-{base_impl}", base_path) if base else None
        big = per_event(results, f"ring1000-{crate_impl}", replay)
        big_base = per_event(results, f"ring1000-{base_impl}", base_path) if base else None
        build_impl = crate_impl if crate_impl in build_of else None
        if build_impl:
            bbase = build_of[build_impl]
            wb = warm(results, f"ring1000-{build_impl}")
            wbb = warm(results, f"ring1000-{bbase}") if bbase else None
            growth = ratio(wb, warm(results, f"ring100-{build_impl}"))
            c = cold(results, build_impl)
            warm_cell = cell(wb, wbb, " s")
            if wb is None and results.get("warm", {}).get(f"ring1000-{build_impl}", {}).get("error"):
                warm_cell = "> timeout"
            builds = f"{warm_cell} | {cell(growth, unit='×')} | {cell(c, unit=' s')}"
        else:
            builds = "(as above) | | "
        err = runtime_error(results, f"ring1000-{crate_impl}")
        big_cell = cell(big, big_base) if not err else f"not run: {err}"
        w(f"| {label} | {cell(tcp, tcp_base)} | {big_cell} | {builds} |")
    w("")

    # ---------------------------------------------------------------- targets
    w("## The targets of issue 5")
    w("")
    w("| target | measured | |")
    w("| --- | --- | --- |")
    verdicts = targets(results)
    for key, text, measured, met in verdicts:
        w(f"| {text} | {measured} | {'met' if met else '**missed** (see below)' if met is not None else 'not measured'} |")
    w("")
    missed = [key for key, _, _, met in verdicts if met is False]
    if missed:
        w("### Why a target is missed, and what would close it")
        w("")
        for key in missed:
            w(NOTES.get(key, f"({key}: no note written)"))
            w("")

    # ---------------------------------------------------------------- issue 15
    w("## Paying only for the API used (issue 15)")
    w("")
    w("`#[automat::machine(dynamic)]` generates `Dynamic` alone, `#[automat::machine(typestate)]` "
      "`Machine<S>` alone; without either, both and the conversions between them. **Generated "
      "tokens** are those `automat_codegen::expand` returns for each machine (`bench/run.sh --stages "
      "tokens`: identifiers, punctuation and literals, at every depth), per handler. The warm "
      "rebuilds are those of *Build time*, whose runs of one machine's crates interleave.")
    w("")
    tokens = results.get("tokens", {})
    token_rows = [("automat", "both APIs (default)"), ("automat-dyn", "`dynamic`"), ("automat-ts-only", "`typestate`")]
    shown = [m for m in MACHINES if any(f"{m}-{impl}" in tokens for impl, _ in token_rows)]
    if shown:
        w("| generated tokens per handler | " + " | ".join(LABEL[m] for m in shown) + " |")
        w("| --- |" + " --- |" * len(shown))
        for impl, label in token_rows:
            cells = []
            for m in shown:
                entry = tokens.get(f"{m}-{impl}")
                cells.append(f"{entry['output_tokens'] / entry['handlers']:.0f}" if entry else "—")
            w(f"| {label} | " + " | ".join(cells) + " |")
        w("")
    w("**`handle` on large machines** (instructions per event, ratio to the hand-written `match` "
      "called from as many places; the run-time stage's replays):")
    w("")
    big = ["ring100", "ring1000"]
    w("| instructions/event | " + " | ".join(LABEL[m] for m in big) + " |")
    w("| --- |" + " --- |" * len(big))
    for crate_impl, replay, label, base in [
        ("automat-handle", "handle", "`Dynamic::handle(Input)`, one call site", ("hand", "match")),
        ("automat", "methods", "`Dynamic`'s inherent methods, one call site", ("hand", "match")),
        ("automat-dyn-handle", "handle", "`dynamic` alone: `handle(Input)`, one call site", ("hand", "match")),
        ("automat-2", "handle", "`Dynamic::handle(Input)`, called from two places", ("hand-2", "match")),
        ("automat-2", "methods", "`Dynamic`'s inherent methods, called from two places", ("hand-2", "match")),
    ]:
        cells = [cell(per_event(results, f"{m}-{crate_impl}", replay),
                      per_event(results, f"{m}-{base[0]}", base[1]), digits=2) for m in big]
        w(f"| {label} | " + " | ".join(cells) + " |")
    w("")
    project = results.get("project", {})
    if "with" in project:
        w("**What a real project pays**: the clean build (`cargo build --release --lib`, fresh target "
          "folder, offline) of a library that uses serde's derive and tokio's macros, without and with "
          "automat and the tcp machine (`bench/run.sh --stages project`; the runs alternate, the "
          f"median shown; syn built: {', '.join(project.get('syn', [])) or '?'}).")
        w("")
        w("| clean build | seconds | runs |")
        w("| --- | --- | --- |")
        w(f"| serde (derive) + tokio (macros) | {project['without']:.1f} | "
          + ", ".join(f"{t:.1f}" for t in project["times"]["without"]) + " |")
        w(f"| the same + automat and the tcp machine | {project['with']:.1f} ({project['with'] / project['without']:.2f}×) | "
          + ", ".join(f"{t:.1f}" for t in project["times"]["with"]) + " |")
        w("")
    w("| target of issue 15 | measured | |")
    w("| --- | --- | --- |")
    for key, text, measured, met in targets_15(results):
        w(f"| {text} | {measured} | {'met' if met else '**missed**' if met is not None else 'not measured'} |")
    w("")
    w(NOTES["issue15"])
    w("")

    # ---------------------------------------------------------------- runtime
    w("## Run time")
    w("")
    w(f"Each implementation replays the same {events:,} pre-generated valid events "
      "(see *The event sequences*). **instructions/event** is callgrind's instruction count "
      "(`valgrind --tool=callgrind --toggle-collect=*::replay_*`), so only the replay function and what "
      "it calls are counted — not the event generation, not process start — divided by the number "
      "of events. It includes decoding the event byte into the implementation's input, the dispatch, "
      "the transition's action and the check that the input was accepted. Instruction counts repeat "
      "exactly from run to run and do not depend on the load of the machine; they are not cycles "
      "(no cache or branch-prediction effects). The ratio is to the hand-written baseline of the same "
      "kind: the `match` for dynamic machines, the typestate functions for typestate machines.")
    w("")
    w("| instructions/event | " + " | ".join(LABEL[m] for m in MACHINES) + " |")
    w("| --- |" + " --- |" * len(MACHINES))
    for row in ROWS + [None] + EXPERIMENT_ROWS:
        if row is None:
            w("| *experiments* |" + " |" * len(MACHINES))
            continue
        w(runtime_row(results, *row))
    w("")
    w("The rows below the line of implementations are experiments, not implementations: the rows "
      "*called from two places* are explained in *Inlining* below; the `handle` rows are hand-written "
      "copies of the code automat generates for `handle`, in the two shapes the macro chooses between "
      "by the number of handlers and in one it does not use, to test a change before anyone makes it "
      "in the macro (see *`handle(Input)`* below).")
    w("")
    w("**The observation hook (issue 6).** Every transition of every machine reports itself to "
      "`automat::__private::traced`, an `#[inline]` function that is empty unless `automat`'s "
      "`tracing` feature is on; a machine declared `#[automat::machine(observe)]` also calls its "
      "core's `Observer::on_transition`. The rows below replay the same events through the same "
      "machine declared with `observe` and an `impl automat::Observer for Core {}` that overrides "
      "nothing (the hook declared, unused), and through the plain machine in a crate that turns on "
      "the `tracing` feature and installs no subscriber (with `tracing`'s `std` feature, as a program "
      "that uses `tracing` has it). The ratio is to the same machine without either: the top row of "
      "each half. The rows for the plain machine are those of the table above, whose ratio to the "
      "hand-written code shows what the hook costs when nothing is attached.")
    w("")
    w("| instructions/event | " + " | ".join(LABEL[m] for m in MACHINES) + " |")
    w("| --- |" + " --- |" * len(MACHINES))
    for row in HOOK_ROWS:
        w(runtime_row(results, *row))
    w("")
    w(NOTES["hook"])
    w("")
    w("**A generic machine (issue 10).** The same machine with its core generic over the "
      "accumulator's type — `pub struct Core<A: BorrowMut<u64>> { pub acc: A }`, each handler in a "
      "block `impl<A: BorrowMut<u64>> State` calling `core.acc.borrow_mut()` — instantiated with "
      "`u64` by the program, against its non-generic twin (the rows of the table above). Each path "
      "is its own crate, as above, so that each calls the machine from one place (see *Inlining*: "
      "one crate calling both `Dynamic`'s methods and `handle` is a different program). The ratio "
      "is to the twin.")
    w("")
    w("| instructions/event | " + " | ".join(LABEL[m] for m in MACHINES) + " |")
    w("| --- |" + " --- |" * len(MACHINES))
    for row in GENERIC_ROWS:
        w(runtime_row(results, *row))
    w("")
    sizes = []
    for generic, twin in (("automat-generic", "automat"), ("automat-ts-generic", "automat-ts")):
        for m in MACHINES:
            a = results.get("runtime", {}).get(f"{m}-{generic}", {}).get("sizes")
            b = results.get("runtime", {}).get(f"{m}-{twin}", {}).get("sizes")
            if a and b:
                sizes.append(f"{LABEL[m]} {generic}: " + ", ".join(f"`{k}` {v} (twin {b.get(k)})" for k, v in a.items()))
    w("size_of: " + ("; ".join(sizes) if sizes else "not measured") + ".")
    w("")
    w(NOTES["generic"])
    w("")
    w("**size_of** (bytes) of what the program holds; every machine here has an 8-byte core (the "
      "accumulator) and dataless states, so the hand-written equivalent is core + tag, padded: 16. "
      "Where a crate has no place for the core, it is held beside the machine and counted in. "
      "**Heap allocations** are counted by a counting global allocator (`stats_alloc`) around the "
      "replay alone.")
    w("")
    w("| size_of, allocations | " + " | ".join(LABEL[m] for m in MACHINES) + " |")
    w("| --- |" + " --- |" * len(MACHINES))
    seen = set()
    for crate_impl, replay, label, base in ROWS:
        if crate_impl in seen:
            continue
        seen.add(crate_impl)
        cells = []
        for m in MACHINES:
            entry = results.get("runtime", {}).get(f"{m}-{crate_impl}", {})
            if "sizes" not in entry:
                cells.append("—")
                continue
            sizes = ", ".join(f"`{k}` {v}" for k, v in entry["sizes"].items())
            allocs = sum(p.get("allocs", 0) for p in entry["paths"].values())
            cells.append(f"{sizes}; {allocs} allocations")
        w(f"| {label} | " + " | ".join(cells) + " |")
    w("")

    features_section(w)

    # ---------------------------------------------------------------- builds
    w("## Build time")
    w("")
    w("**Warm rebuild**: with every dependency built, the machine crate's sources are touched and "
      "`cargo build --release -p CRATE --lib` is timed (wall clock, including cargo's own start, about "
      "0.1 s); the median of the runs shown. A machine crate holds the machine and the replay "
      "function that uses it, as a crate of a real program would; the `#[inline]` API is compiled "
      "there. Builds of more than two minutes were timed once. Wall-clock times depend on the load: "
      "see *The machine*.")
    w("")
    w("| warm rebuild, s (ratio to baseline) | " + " | ".join(LABEL[m] for m in MACHINES) + " | ring-1000 / ring-100 | ring-1000 / ring-10 |")
    w("| --- |" + " --- |" * (len(MACHINES) + 2))
    for impl, label, base in BUILD_ROWS:
        cells = []
        for m in MACHINES:
            entry = results.get("warm", {}).get(f"{m}-{impl}", {})
            if "median" in entry:
                b = warm(results, f"{m}-{base}") if base else None
                runs = len(entry["times"])
                cells.append(cell(entry["median"], b, " s", digits=2) + ("" if runs >= 3 else f" ({runs} run)"))
            elif "error" in entry:
                cells.append(f"not built: {entry['error']}")
            else:
                cells.append("—")
        g100 = ratio(warm(results, f"ring1000-{impl}"), warm(results, f"ring100-{impl}"))
        g10 = ratio(warm(results, f"ring1000-{impl}"), warm(results, f"ring10-{impl}"))
        w(f"| {label} | " + " | ".join(cells) + f" | {cell(g100, unit='×')} | {cell(g10, unit='×')} |")
    w("")
    w("**Clean build**: the tcp crate of each implementation alone in a fresh workspace and target "
      "folder, `cargo build --release --lib --offline`, dependencies included (sources already "
      "downloaded); one run each, one after the other.")
    w("")
    w("| clean build of tcp with its dependencies | seconds | crates compiled | load before |")
    w("| --- | --- | --- | --- |")
    for impl, label, base in BUILD_ROWS:
        entry = results.get("cold", {}).get(impl, {})
        if "seconds" in entry:
            w(f"| {label} | {entry['seconds']:.1f} | {entry['crates']} | {entry['load']:.1f} |")
        elif "error" in entry:
            w(f"| {label} | failed: {entry['error']} | | |")
    w("")
    expand = results.get("expand", {})
    if expand:
        w("**The macro's own time**: `automat_codegen::expand` (parse, check, generate) called directly "
          "on each machine's tokens by `bench/expand-time`; the median of several runs. Built in "
          "release, and built as cargo builds a proc macro and its dependencies in *every* profile "
          "unless the user overrides it (`build-override`: opt-level 0) — the second is what a user's "
          "build actually pays, inside rustc. The rest of a rebuild is rustc compiling what the macro "
          "generated (output size below: the token stream's text).")
        w("")
        w("| | " + " | ".join(LABEL[m] for m in MACHINES if m in expand) + " |")
        w("| --- |" + " --- |" * len([m for m in MACHINES if m in expand]))
        w("| expansion, optimised (`release`), ms | " + " | ".join(f"{expand[m]['median_s'] * 1000:.2f}" for m in MACHINES if m in expand) + " |")
        slow = results.get("expand_unoptimized", {})
        if slow:
            w("| expansion as cargo builds a proc macro by default (opt-level 0), ms | "
              + " | ".join(f"{slow[m]['median_s'] * 1000:.2f}" if m in slow else "—" for m in MACHINES if m in expand) + " |")
        w("| input, KB | " + " | ".join(f"{expand[m]['input_bytes'] / 1000:.0f}" for m in MACHINES if m in expand) + " |")
        w("| output, KB | " + " | ".join(f"{expand[m]['output_bytes'] / 1000:.0f}" for m in MACHINES if m in expand) + " |")
        w("")

    # ---------------------------------------------------------------- notes
    w(INLINING)
    w("")
    w("## The machines, the implementations, the event sequences")
    w("")
    for m in gen.MACHINES:
        w(f"* **{LABEL[m.name]}**: {m.notes}.")
    w("")
    w("Every transition runs the same action: one FNV-1a step of a per-transition constant into an "
      "8-byte accumulator in the core, so the accumulator at the end is a hash of the whole path. "
      "States carry no data. Inputs carry no data (sm and rust-fsm cannot pass any), and have no output.")
    w("")
    w("| implementation | how the machine is written | how the replay drives it |")
    w("| --- | --- | --- |")
    for row in IMPL_TABLE:
        w(row)
    w("")
    w("The events are input numbers (`u8`), drawn by `bench_support::events` (splitmix64, seed "
      "`0x5eed0005`) as a random walk over the machine's table, so all are valid. Each binary draws "
      "the sequence itself before the replay; its FNV fingerprint, the final accumulator and the "
      "final state must be the same for every implementation of a machine, or the run stops:")
    w("")
    w("| machine | events fingerprint | checksum (final accumulator) | final state |")
    w("| --- | --- | --- | --- |")
    for m in MACHINES:
        c = results.get("checksums", {}).get(m)
        if c:
            w(f"| {LABEL[m]} | `{c['fingerprint']}` | `{c['checksum']}` | {gen.MACHINES[MACHINES.index(m)].states[c['state']]} |")
    w("")
    with open(path, "w") as f:
        f.write("\n".join(out).rstrip() + "\n")


IMPL_TABLE = [
    "| hand-written `match` | `enum State`, `enum Input`, one `#[inline] fn handle(&mut self, Input) -> Result<(), Rejected>` matching `(state, input)` | event → `Input`, `handle`, check |",
    "| automat `Dynamic` | `#[automat::machine]`, one `#[transitions]` handler per transition | event → `dynamic.next()` etc., check the `Result` |",
    "| automat `Dynamic::handle` | the same machine, its own crate | event → `Input`, `dynamic.handle(input)`, check |",
    "| smlang 0.8 | `statemachine!`, one action per transition in `StateMachineContext` | event → `Events`, `process_event`, check |",
    "| rust-fsm 0.8 | `state_machine!`, each transition outputs its number (rust-fsm has no actions nor context) | event → `Input`, `consume`, run the action on the output |",
    "| statig 0.4 | `#[state_machine]`, one `#[state]` fn per state matching the event | event → `Event`, `handle(&event)` (statig ignores an unhandled event: the checksum catches it) |",
    "| hand-written typestate | `Machine<S>` and one `#[inline]` fn per transition | dispatch `match (Any, event)` with one arm per transition, `Any` an enum of one typed machine per state |",
    "| automat `Machine<S>` | the automat machine above, its own crate | the same dispatch `match` |",
    "| typestate 0.8 | `#[typestate]`, one trait per state implemented for `Automaton<State>` (it needs an initial and a final function: `start`, `end`) | the same dispatch `match` |",
    "| sm 0.9 | `sm!` (states and events only; the machine type names the last event) | a `match` over sm's own `Variant` enum (one variant per state and arriving event) into one generic fn per state; the action runs there |",
    "| statum 0.9 | `#[state]`, `#[machine]`, `#[transition]` impls (`self.transition()`) | the same dispatch `match` |",
    "| automat with the hook (issue 6) | the automat machine declared `#[automat::machine(observe)]` with `impl automat::Observer for Core {}`; or as declared above, in a crate that turns on automat's `tracing` feature and installs no subscriber | as automat `Dynamic` (methods) and `Machine<S>` above |",
]


def targets(results: dict):
    """(key, target, measured, met) for each target of issue 5."""
    rows = []

    def worst(crate_impl, path, base_impl, base_path):
        ratios = {}
        for m in MACHINES:
            r = ratio(per_event(results, f"{m}-{crate_impl}", path), per_event(results, f"{m}-{base_impl}", base_path))
            if r is not None:
                ratios[m] = r
        return ratios

    for key, impl, path, text in [
        ("methods", "automat", "methods", "`Dynamic` instr/event ≤ hand-written `match`, inherent methods, tcp and every ring"),
        ("handle", "automat-handle", "handle", "`Dynamic` instr/event ≤ hand-written `match`, `handle(Input)`, tcp and every ring"),
    ]:
        r = worst(impl, path, "hand", "match")
        measured = ", ".join(f"{LABEL[m]} {v:.2f}×" for m, v in r.items())
        rows.append((key, text, measured or "—", (all(v <= 1.0 for v in r.values()) and len(r) == len(MACHINES)) if r else None))
    r = worst("automat-ts", "typestate", "hand-ts", "typestate")
    rows.append(("typestate", "typestate path = 1.00× hand-written functions", ", ".join(f"{LABEL[m]} {v:.2f}×" for m, v in r.items()) or "—",
                 (all(abs(v - 1.0) < 0.005 for v in r.values()) and len(r) == len(MACHINES)) if r else None))
    sizes = []
    ok = True
    for m in MACHINES:
        a = results.get("runtime", {}).get(f"{m}-automat", {}).get("sizes", {}).get("Dynamic")
        h = results.get("runtime", {}).get(f"{m}-hand", {}).get("sizes", {}).get("Machine")
        if a is None or h is None:
            ok = None
            continue
        sizes.append(f"{LABEL[m]} {a} vs {h}")
        ok = ok and a == h
    rows.append(("size", "`size_of::<Dynamic>()` = hand-written (core + largest state + tag)", "; ".join(sizes) or "—", ok if sizes else None))
    allocs = 0
    any_runtime = False
    for crate, entry in results.get("runtime", {}).items():
        if crate.split("-", 1)[1] in ("automat", "automat-handle", "automat-ts"):
            for p in entry.get("paths", {}).values():
                any_runtime = True
                allocs += p.get("allocs", 0)
    rows.append(("allocs", "zero allocations per event", f"{allocs} allocations in every automat replay together", allocs == 0 if any_runtime else None))
    a, h = warm(results, "ring1000-automat"), warm(results, "ring1000-hand")
    r = ratio(a, h)
    rows.append(("warm", "warm rebuild of ring-1000 ≤ 1.4× hand-written", f"{a:.2f} s vs {h:.2f} s: {r:.2f}×" if r else "—", (r <= 1.4) if r else None))
    g = ratio(a, warm(results, "ring100-automat"))
    rows.append(("growth", "warm rebuild ring-1000 / ring-100 ≤ 8×", f"{g:.2f}×" if g else "—", (g <= 8) if g else None))
    c, f = cold(results, "automat"), cold(results, "rust-fsm")
    rows.append(("cold", "clean build of a one-machine crate ≤ rust-fsm's", f"{c:.1f} s vs {f:.1f} s" if c and f else "—", (c <= f) if c and f else None))
    at, ht = warm(results, "ring1000-automat-ts"), warm(results, "ring1000-hand-ts")
    r2 = ratio(at, ht)
    rows.append(("warm-ts", "(also) warm rebuild of ring-1000 through `Machine<S>` ≤ 1.4× hand-written typestate", f"{at:.2f} s vs {ht:.2f} s: {r2:.2f}×" if r2 else "—", (r2 <= 1.4) if r2 else None))
    return rows


def targets_15(results: dict):
    """The build targets of issue 15, from the interleaved warm rebuilds."""
    rows = []
    h = warm(results, "ring1000-hand")
    for impl, text, limit in [
        ("automat-dyn", "warm rebuild of ring-1000 with `dynamic` alone ≤ 1.4× hand-written", 1.4),
        ("automat", "warm rebuild of ring-1000 with both APIs ≤ 2× hand-written", 2.0),
    ]:
        a = warm(results, f"ring1000-{impl}")
        r = ratio(a, h)
        rows.append((impl, text, f"{a:.2f} s vs {h:.2f} s: {r:.2f}×" if r else "—", (r <= limit) if r else None))
    for impl, what in [("automat", "both APIs"), ("automat-dyn", "`dynamic`")]:
        g = ratio(warm(results, f"ring1000-{impl}"), warm(results, f"ring100-{impl}"))
        rows.append((f"growth-{impl}", f"warm rebuild ring-1000 / ring-100 ≤ 12×, {what}", f"{g:.2f}×" if g else "—", (g <= 12) if g else None))
    return rows


# The pairs `bench/features.sh` compares: (replay, baseline, what the row measures).
FEATURE_ROWS = [
    ("grouped", "per_state", "a `#[group]` handler / the same handler in every state"),
    ("fallible", "hand_fallible", "a fallible transition / the hand-written `match`"),
    ("async", "sync", "async handlers, polled with a no-op waker / the same machine written sync"),
    ("async", "hand_async", "async handlers / the same async machine written by hand"),
    ("async_handle", "sync_handle", "the async `handle` / the sync `handle`"),
    ("async_twice", "sync_twice", "async, its methods called from two places / sync, the same"),
    ("async_twice", "hand_async_twice", "async, called from two places / by hand, the same"),
]


def features_section(w) -> None:
    """The figures of `bench/features.sh`, from `bench/target/features.json` when it exists."""
    w("## Groups, fallible inputs and async handlers")
    w("")
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "target", "features.json")
    if not os.path.exists(path):
        w("Not measured in this run: `bench/features.sh` writes `bench/target/features.json`, which "
          "this section is made from (see `bench/README.md`).")
        w("")
        return
    with open(path, encoding="utf-8") as file:
        features = json.load(file)
    replays, events = features["replays"], features["events"]
    w(f"Written from `bench/features.sh` ({features['date']}, automat at {features['automat']}, "
      f"{features['rustc']}): callgrind instructions per event of one replay of {events:,} events "
      "each, and the heap allocations the replay made (counted outside callgrind). Identical "
      "functions are folded into one by the linker; such a pair is one function, ratio 1.")
    w("")
    w("| replay / baseline | instructions per event | ratio | allocations |")
    w("| --- | --- | --- | --- |")
    for replay, base, label in FEATURE_ROWS:
        if replay not in replays or base not in replays:
            continue
        a, b = replays[replay], replays[base]
        if a["same_code_as"] == base:
            figures, ratio_cell = "one function", "1.00"
        else:
            figures = f"{a['instructions'] / events:.2f} / {b['instructions'] / events:.2f}"
            ratio_cell = f"{a['instructions'] / b['instructions']:.3f}"
        w(f"| `{replay}` / `{base}`: {label} | {figures} | {ratio_cell} | "
          f"{a['allocations']} / {b['allocations']} |")
    w("")
    w(NOTES["features"])
    w("")
