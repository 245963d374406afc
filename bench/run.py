#!/usr/bin/env python3
"""Runs every benchmark of issue 5 and writes docs/benchmarks.md.

    bench/run.sh                       # everything (about an hour on 2 cores)
    bench/run.sh --stages warm,report  # only re-time the warm rebuilds, then rewrite the report

Stages, in order (all by default):

* `runtime`: builds every machine crate (and the experiments: `hand-2`, `automat-2`,
  `replica-handle-*`, and the observation hook's `automat-*observe`, `automat-*tracing`, see
  docs/benchmarks.md), replays the event sequence natively through every
  implementation (checksum, final state, heap allocations, `size_of`), then under callgrind
  counting only the replay function (`--toggle-collect`), for instructions per event. Fails if
  any implementation's checksum, final state or event fingerprint differs from another's.
* `warm`: incremental rebuild of each machine crate with its dependencies built: touch its
  sources, `cargo build --release -p CRATE --lib`, median of `--runs`; the runs of one
  machine's crates interleave, so automat's and the baseline's are timed close together.
* `cold`: one clean build of the tcp crate of each implementation, with all its dependencies,
  in a fresh target folder.
* `expand`: `automat_codegen::expand` itself, timed on each machine's tokens, built optimised
  and built as cargo builds proc macros by default (opt-level 0: profile `macro-default`).
* `tokens`: the tokens `automat_codegen::expand` generates for each machine, with both APIs and
  with `dynamic` or `typestate` alone, per handler.
* `project`: what a real project pays for one machine: the clean build of a library that uses
  serde's derive and tokio's macros, without and with the tcp machine (runs alternating).
* `report`: writes docs/benchmarks.md from everything measured so far.

Results are kept in bench/target/results.json, so stages can be re-run alone and the report
rewritten from what is there.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TARGET = os.environ.get("CARGO_TARGET_DIR") or os.path.join(HERE, "target")
RESULTS = os.path.join(TARGET, "results.json")
REPORT = os.path.join(ROOT, "docs", "benchmarks.md")

sys.path.insert(0, HERE)
import gen  # noqa: E402

MACHINES = [m.name for m in gen.MACHINES]
IMPLS = list(gen.IMPLEMENTATIONS)
# The rows of the runtime table: (crate implementation, replay path, label, baseline row).
ROWS = [
    ("hand", "match", "hand-written `match`, `#[inline]` (baseline)", None),
    ("automat", "methods", "**automat `Dynamic`, inherent methods**", "hand/match"),
    ("automat-handle", "handle", "**automat `Dynamic::handle(Input)`**", "hand/match"),
    ("automat-dyn", "methods", "automat `#[machine(dynamic)]`, inherent methods", "hand/match"),
    ("automat-dyn-handle", "handle", "automat `#[machine(dynamic)]`, `handle(Input)`", "hand/match"),
    ("hand-decl", "methods", "automat's declaration with a hand-written dispatch, no macro", "hand/match"),
    ("smlang", "smlang", "smlang 0.8", "hand/match"),
    ("rust-fsm", "rust-fsm", "rust-fsm 0.8", "hand/match"),
    ("statig", "statig", "statig 0.4", "hand/match"),
    ("hand-ts", "typestate", "hand-written typestate functions + dispatch `match` (baseline)", None),
    ("automat-ts", "typestate", "**automat `Machine<S>`** + dispatch `match`", "hand-ts/typestate"),
    ("automat-ts-only", "typestate", "automat `#[machine(typestate)]` + dispatch `match`", "hand-ts/typestate"),
    ("typestate", "typestate", "typestate 0.8 + dispatch `match`", "hand-ts/typestate"),
    ("sm", "typestate", "sm 0.9 + dispatch `match`", "hand-ts/typestate"),
    ("statum", "typestate", "statum 0.9 + dispatch `match`", "hand-ts/typestate"),
]
# The experiment rows: the API called from two places in the crate (see "Inlining").
EXPERIMENT_ROWS = [
    ("hand-2", "match", "hand-written `match`, called from two places", None),
    ("hand-2-big", "match", "hand-written `match`, called from two places, with a 40-byte error", "hand-2/match"),
    ("automat-2", "methods", "automat `Dynamic` methods, called from two places", "hand-2/match"),
    ("automat-2", "handle", "automat `Dynamic::handle`, called from two places", "hand-2/match"),
    ("replica-handle-now", "handle", "replica of `handle` delegating to the input methods (automat's shape above 64 handlers: must equal `Dynamic::handle` on ring-100 and ring-1000)", "hand/match"),
    ("replica-handle-direct", "handle", "`handle` reshaped: one `match (slot, input)`, state stored once", "hand/match"),
    ("replica-handle-nested", "handle", "replica of `handle` as `match slot { S => match input {..} }`, state stored once (automat's shape up to 64 handlers: must equal `Dynamic::handle` on tcp and ring-10)", "hand/match"),
    ("replica-handle-now-2", "handle", "replica of the delegating `handle`, called from two places", "hand-2/match"),
    ("replica-handle-outline", "handle", "replica of the delegating `handle` kept out of line (`#[inline(never)]`), so each input method has one caller", "hand/match"),
    ("replica-handle-outline-2", "handle", "the same, called from two places", "hand-2/match"),
    ("replica-handle-now-16", "handle", "replica of the delegating `handle` refusing with a 16-byte error (a pointer and two indices) instead of `NoTransition` (40 bytes)", "hand/match"),
    ("replica-handle-now-16-2", "handle", "the same, called from two places", "hand-2/match"),
]
# The observation hook of issue 6: its cost when declared and unused, and the `tracing`
# feature's with no subscriber, against the same machine without either.
HOOK_ROWS = [
    ("automat", "methods", "automat `Dynamic`, inherent methods: no hook (as above)", None),
    ("automat-observe", "methods", "`#[automat::machine(observe)]`, an `Observer` that overrides nothing", "automat/methods"),
    ("automat-tracing", "methods", "`tracing` feature, no subscriber", "automat/methods"),
    ("automat-ts", "typestate", "automat `Machine<S>` + dispatch `match`: no hook (as above)", None),
    ("automat-ts-observe", "typestate", "`#[automat::machine(observe)]`, an `Observer` that overrides nothing", "automat-ts/typestate"),
    ("automat-ts-tracing", "typestate", "`tracing` feature, no subscriber", "automat-ts/typestate"),
]
# A generic machine (issue 10): the same machine with its core generic over the accumulator's
# type, instantiated with `u64`, against its non-generic twin.
GENERIC_ROWS = [
    ("automat", "methods", "automat `Dynamic`, inherent methods (as above)", None),
    ("automat-generic", "methods", "the same, core generic (`Core<A>`, `A = u64`)", "automat/methods"),
    ("automat-handle", "handle", "automat `Dynamic::handle(Input)` (as above)", None),
    ("automat-generic-handle", "handle", "the same, core generic", "automat-handle/handle"),
    ("automat-ts", "typestate", "automat `Machine<S>` + dispatch `match` (as above)", None),
    ("automat-ts-generic", "typestate", "the same, core generic", "automat-ts/typestate"),
]
# The rows of the build table: (crate implementation, label, baseline implementation).
BUILD_ROWS = [
    ("hand", "hand-written `match` (baseline)", None),
    ("automat", "**automat**, used through `Dynamic`", "hand"),
    ("automat-dyn", "**automat `#[machine(dynamic)]`**, used through `Dynamic`", "hand"),
    ("hand-decl", "automat's declaration with a hand-written dispatch, no macro (the floor)", "hand"),
    ("smlang", "smlang 0.8", "hand"),
    ("rust-fsm", "rust-fsm 0.8", "hand"),
    ("statig", "statig 0.4", "hand"),
    ("hand-ts", "hand-written typestate + dispatch (baseline)", None),
    ("automat-ts", "**automat**, used through `Machine<S>` + dispatch", "hand-ts"),
    ("automat-ts-only", "**automat `#[machine(typestate)]`** + dispatch", "hand-ts"),
    ("typestate", "typestate 0.8 + dispatch", "hand-ts"),
    ("sm", "sm 0.9 + dispatch", "hand-ts"),
    ("statum", "statum 0.9 + dispatch", "hand-ts"),
]
VERSIONS = {
    "smlang": "=0.8.0",
    "rust-fsm": "=0.8.0",
    "statig": "=0.4.1",
    "typestate": "=0.8.0",
    "sm": "=0.9.0",
    "statum": "=0.9.0",
}


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def cargo_env() -> dict:
    env = dict(os.environ)
    env["CARGO_TARGET_DIR"] = TARGET
    return env


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, check=True, text=True, capture_output=True, **kwargs)


def load() -> dict:
    if os.path.exists(RESULTS):
        with open(RESULTS) as f:
            return json.load(f)
    return {}


def save(results: dict) -> None:
    os.makedirs(TARGET, exist_ok=True)
    with open(RESULTS + ".tmp", "w") as f:
        json.dump(results, f, indent=1, sort_keys=True)
    os.replace(RESULTS + ".tmp", RESULTS)


def loadavg() -> float:
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def crates(machines: list[str], impls: list[str]) -> list[str]:
    return [f"{m}-{i}" for m in machines for i in impls]


# --------------------------------------------------------------------------------------------
# Runtime


def build_all(names: list[str], timeout: int) -> dict[str, str]:
    """Builds the benchmark binaries; returns the crates that failed, with why."""
    failed = {}
    for name in names:
        log(f"build {name}")
        try:
            subprocess.run(
                ["cargo", "build", "--release", "-p", name],
                cwd=HERE, env=cargo_env(), check=True, capture_output=True, text=True,
                timeout=timeout,
            )
        except subprocess.TimeoutExpired:
            failed[name] = f"build took more than {timeout} s"
        except subprocess.CalledProcessError as error:
            failed[name] = "build failed: " + error.stderr.strip().splitlines()[-1]
    return failed


def callgrind(binary: str, path: str, events: int) -> int:
    """Instructions executed inside `replay_<path>` (and what it calls), nothing else."""
    out = os.path.join(TARGET, "callgrind", f"{os.path.basename(binary)}.{path}.out")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    function = "replay_" + path.replace("-", "_")
    run([
        "valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
        f"--toggle-collect=*::{function}", binary, "run", path, str(events),
    ])
    with open(out) as f:
        for line in f:
            if line.startswith("summary:"):
                return int(line.split()[1])
    raise RuntimeError(f"no summary in {out}")


def stage_runtime(results: dict, machines: list[str], impls: list[str], events: int, jobs: int) -> None:
    names = crates(machines, impls)
    failed = build_all(names, timeout=3600)
    runtime = results.setdefault("runtime", {})
    for name, why in failed.items():
        runtime[name] = {"error": why}
        log(f"{name}: {why}")
    jobs_list = []
    for name in names:
        if name in failed:
            continue
        binary = os.path.join(TARGET, "release", name)
        listing = json.loads(run([binary, "list"]).stdout)
        entry = {"sizes": listing["sizes"], "paths": {}}
        runtime[name] = entry
        for path in listing["paths"]:
            native = json.loads(run([binary, "run", path, str(events)]).stdout)
            entry["paths"][path] = native
            jobs_list.append((name, binary, path))
    save(results)
    # Every implementation of a machine must have replayed the same events to the same end.
    for machine in machines:
        seen = {}
        for name in crates([machine], impls):
            for path, native in runtime.get(name, {}).get("paths", {}).items():
                key = (native["fingerprint"], native["checksum"], native["state"])
                seen.setdefault(key, []).append(f"{name}/{path}")
        if len(seen) > 1:
            raise SystemExit(f"{machine}: the implementations disagree: {seen}")
        if seen:
            (fingerprint, checksum, state), _ = next(iter(seen.items()))
            results.setdefault("checksums", {})[machine] = {
                "fingerprint": fingerprint, "checksum": checksum, "state": state,
            }
            log(f"{machine}: every implementation agrees: checksum {checksum}, final state {state}")

    def count(job):
        name, binary, path = job
        return job, callgrind(binary, path, events)

    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        for (name, _, path), instructions in pool.map(count, jobs_list):
            runtime[name]["paths"][path]["instructions"] = instructions
            log(f"{name}/{path}: {instructions / events:.2f} instructions per event")
            save(results)
    results["events"] = events


# --------------------------------------------------------------------------------------------
# Build times


def sources(name: str) -> list[str]:
    src = os.path.join(HERE, "gen", name, "src")
    return [os.path.join(src, f) for f in os.listdir(src) if f != "main.rs"]


def timed_build(args: list[str], cwd: str, env: dict, timeout: int) -> float:
    start = time.monotonic()
    subprocess.run(args, cwd=cwd, env=env, check=True, capture_output=True, timeout=timeout)
    return time.monotonic() - start


def stage_warm(results: dict, machines: list[str], impls: list[str], runs: int, timeout: int) -> None:
    """The runs of one machine's crates interleave (run 1 of every crate, then run 2, ...), so
    the ratio of automat's build to the baseline's is taken from builds minutes apart at most,
    under about the same load."""
    warm = results.setdefault("warm", {})
    for machine in machines:
        names = crates([machine], impls)
        timed = {}
        for name in names:
            args = ["cargo", "build", "--release", "-p", name, "--lib"]
            try:
                # Dependencies built, and the crate itself, so each timed run rebuilds only it.
                subprocess.run(args, cwd=HERE, env=cargo_env(), check=True, capture_output=True, timeout=timeout)
                timed[name] = {"times": [], "load": []}
            except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
                warm[name] = {"error": f"{type(error).__name__}"}
                log(f"warm {name}: {type(error).__name__}")
                save(results)
        for k in range(runs):
            for name, entry in timed.items():
                if entry.get("done"):
                    continue
                args = ["cargo", "build", "--release", "-p", name, "--lib"]
                for path in sources(name):
                    os.utime(path)
                entry["load"].append(loadavg())
                try:
                    entry["times"].append(timed_build(args, HERE, cargo_env(), timeout))
                except subprocess.TimeoutExpired:
                    entry["error"] = f"more than {timeout} s"
                    entry["done"] = True
                    continue
                except subprocess.CalledProcessError as error:
                    entry["error"] = f"{type(error).__name__}"
                    entry["done"] = True
                    continue
                # A build of minutes is timed once: its noise is small beside it.
                if entry["times"][-1] > 120:
                    entry["done"] = True
        for name, entry in timed.items():
            times, loads = entry["times"], entry["load"]
            if "error" in entry:
                warm[name] = {"error": entry["error"], "times": times}
            else:
                warm[name] = {"times": times, "median": statistics.median(times), "load": loads, "interleaved": True}
                log(f"warm {name}: median {warm[name]['median']:.2f} s of {len(times)} (load {max(loads):.1f})")
        save(results)


def write_manifest(folder: str, name: str, dependencies: list[str]) -> None:
    """Writes the Cargo.toml of a crate built alone (its own workspace), with the dependency
    lines given and the release profile of every benchmark crate."""
    newline = "\n"
    with open(os.path.join(folder, "Cargo.toml"), "w") as f:
        f.write(
            f"""[package]
name = "{name}"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
{newline.join(dependencies)}

[workspace]

[profile.release]
opt-level = 3
debug = false
lto = false
codegen-units = 16
incremental = false
"""
        )


def stage_cold(results: dict, impls: list[str], timeout: int) -> None:
    """A clean build of the tcp crate of each implementation with every dependency, alone in
    its own workspace and target folder, offline (the sources are already downloaded)."""
    cold = results.setdefault("cold", {})
    base = os.path.join(TARGET, "cold")
    for impl in impls:
        name = f"tcp-{impl}"
        folder = os.path.join(base, name)
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(os.path.join(folder, "src"))
        for path in sources(name):
            shutil.copy(path, os.path.join(folder, "src"))
        _, deps, *_ = gen.IMPLEMENTATIONS[impl][0](next(m for m in gen.MACHINES if m.name == "tcp"))
        lines = []
        for dep in deps:
            if dep == "automat":
                lines.append(f'automat = {{ package = "automat-fsm", path = "{os.path.join(ROOT, "automat")}" }}')
            else:
                lines.append(f'{dep} = "{VERSIONS[dep]}"')
        write_manifest(folder, name, lines)
        shutil.copy(os.path.join(HERE, "Cargo.lock"), os.path.join(folder, "Cargo.lock"))
        env = dict(os.environ)
        env["CARGO_TARGET_DIR"] = os.path.join(folder, "target")
        # Download what the copied lock names before the clock starts; the timed build is offline.
        subprocess.run(["cargo", "fetch"], cwd=folder, env=env, check=True, capture_output=True)
        load_before = loadavg()
        try:
            seconds = timed_build(["cargo", "build", "--release", "--lib", "--offline"], folder, env, timeout)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
            cold[impl] = {"error": type(error).__name__}
            continue
        units = sum(
            1 for f in os.listdir(os.path.join(folder, "target", "release", "deps")) if f.endswith((".rlib", ".so"))
        )
        cold[impl] = {"seconds": seconds, "load": load_before, "crates": units}
        log(f"cold {name}: {seconds:.1f} s, {units} crates (load {load_before:.1f})")
        shutil.rmtree(os.path.join(folder, "target"), ignore_errors=True)
        save(results)


# The project a real program is: serde with its derive and tokio with its macros, whose proc
# macros build the same syn as automat's.
PROJECT_LIB = """//! A program's library that already uses serde's derive and tokio's macros.

/// A setting read from a file.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Config {
    /// Where to listen.
    pub address: String,
    /// How many connections at once.
    pub limit: u32,
}

/// Runs the program's work on a runtime of its own.
#[tokio::main(flavor = "current_thread")]
pub async fn run(config: Config) -> u32 {
    tokio::task::yield_now().await;
    config.limit
}
"""


def stage_project(results: dict, runs: int, timeout: int) -> None:
    """What a real project pays for one machine: the clean build of a library that depends on
    serde (derive) and tokio (macros), without and with automat and the tcp machine, each alone
    in a fresh target folder, offline; the runs alternate, without then with."""
    project = results.setdefault("project", {})
    base = os.path.join(TARGET, "project")
    deps = [
        'serde = { version = "1.0.229", features = ["derive"] }',
        'tokio = { version = "1.54.1", default-features = false, features = ["rt", "macros"] }',
    ]
    for variant in ["without", "with"]:
        folder = os.path.join(base, variant)
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(os.path.join(folder, "src"))
        lines = list(deps)
        lib = PROJECT_LIB
        if variant == "with":
            lines.append(f'automat = {{ package = "automat-fsm", path = "{os.path.join(ROOT, "automat")}" }}')
            # The machine's handlers call `crate::step`, the benchmarks' action.
            lib += "\n/// The TCP machine of the benchmarks.\npub mod fsm;\npub use fsm::step;\n"
            os.makedirs(os.path.join(folder, "src", "fsm"))
            generated = os.path.join(HERE, "gen", "tcp-automat", "src")
            shutil.copy(os.path.join(generated, "lib.rs"), os.path.join(folder, "src", "fsm", "mod.rs"))
            shutil.copy(os.path.join(generated, "machine.rs"), os.path.join(folder, "src", "fsm", "machine.rs"))
        with open(os.path.join(folder, "src", "lib.rs"), "w") as f:
            f.write(lib)
        write_manifest(folder, f"project-{variant}", lines)
        # The root workspace's lock holds serde, tokio and automat's dependencies.
        shutil.copy(os.path.join(ROOT, "Cargo.lock"), os.path.join(folder, "Cargo.lock"))
        env = dict(os.environ, CARGO_TARGET_DIR=os.path.join(folder, "target"))
        # On a fresh machine serde and tokio are not downloaded yet; the timed build is offline.
        subprocess.run(["cargo", "fetch"], cwd=folder, env=env, check=True, capture_output=True)
    times = {"without": [], "with": []}
    loads = []
    for _ in range(runs):
        for variant in ["without", "with"]:
            folder = os.path.join(base, variant)
            env = dict(os.environ, CARGO_TARGET_DIR=os.path.join(folder, "target"))
            shutil.rmtree(os.path.join(folder, "target"), ignore_errors=True)
            loads.append(loadavg())
            times[variant].append(
                timed_build(["cargo", "build", "--release", "--lib", "--offline"], folder, env, timeout)
            )
            log(f"project {variant}: {times[variant][-1]:.1f} s (load {loads[-1]:.1f})")
    syn = run(["cargo", "tree", "--offline", "-e", "normal,build", "-i", "syn", "--prefix", "none"],
              cwd=os.path.join(base, "with"), env=dict(os.environ, CARGO_TARGET_DIR=os.path.join(base, "with", "target")))
    project.update({
        "without": statistics.median(times["without"]),
        "with": statistics.median(times["with"]),
        "times": times,
        "load": loads,
        "syn": sorted({line.split()[1] for line in syn.stdout.splitlines() if line.startswith("syn ")}),
    })
    log(f"project: {project['with'] / project['without']:.2f}x with the machine")
    for variant in ["without", "with"]:
        shutil.rmtree(os.path.join(base, variant, "target"), ignore_errors=True)
    save(results)


def stage_expand(results: dict, machines: list[str]) -> None:
    """The macro's own time, optimised (`release`) and as cargo builds a proc macro unless told
    otherwise (`macro-default`: opt-level 0, cargo's `build-override` default)."""
    for profile, key, folder in [("release", "expand", "release"), ("macro-default", "expand_unoptimized", "macro-default")]:
        run(["cargo", "build", "--profile", profile, "-p", "expand-time"], cwd=HERE, env=cargo_env())
        expand = results.setdefault(key, {})
        binary = os.path.join(TARGET, folder, "expand-time")
        for machine in machines:
            source = os.path.join(HERE, "gen", f"{machine}-automat", "src", "machine.rs")
            runs = "5" if machine == "ring1000" else "21"
            expand[machine] = json.loads(run([binary, source, runs]).stdout)
            log(f"{key} {machine}: median {expand[machine]['median_s'] * 1000:.1f} ms")
            save(results)


# The generated code of each automat crate: tokens, and tokens per handler.
TOKEN_IMPLS = ["automat", "automat-dyn", "automat-ts-only"]


def stage_tokens(results: dict, machines: list[str]) -> None:
    """What the macro generates for each machine in each mode: `expand-time FILE 1` on the
    crate's `machine.rs`, counting the output's tokens (identifiers, punctuation, literals)."""
    run(["cargo", "build", "--release", "-p", "expand-time"], cwd=HERE, env=cargo_env())
    binary = os.path.join(TARGET, "release", "expand-time")
    tokens = results.setdefault("tokens", {})
    handlers = {m.name: len(m.transitions) for m in gen.MACHINES}
    for machine in machines:
        for impl in TOKEN_IMPLS:
            source = os.path.join(HERE, "gen", f"{machine}-{impl}", "src", "machine.rs")
            entry = json.loads(run([binary, source, "1"]).stdout)
            entry["handlers"] = handlers[machine]
            tokens[f"{machine}-{impl}"] = entry
            log(f"tokens {machine}-{impl}: {entry['output_tokens'] / entry['handlers']:.0f} per handler")
        save(results)


# --------------------------------------------------------------------------------------------
# The report


def machine_info() -> dict:
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {
        "nproc": run(["nproc"]).stdout.strip(),
        "cpu": cpu,
        "rustc": run(["rustc", "--version"]).stdout.strip(),
        "valgrind": run(["valgrind", "--version"]).stdout.strip(),
        "os": platform.platform(),
        "uptime": run(["uptime"]).stdout.strip(),
        "automat": automat_revision(),
    }


def automat_revision() -> str:
    """The commit automat was measured at, and whether its crates had uncommitted changes."""
    head = run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT).stdout.strip()
    dirty = run(
        ["git", "status", "--porcelain", "--", "automat", "automat-macros", "automat-codegen"], cwd=ROOT
    ).stdout.strip()
    return head + (" with uncommitted changes to automat's crates" if dirty else "")


def stage_info(results: dict, when: str) -> None:
    results.setdefault("info", {})[when] = machine_info()
    results["info"][when]["date"] = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")



if __name__ == "__main__":
    from report import write_report  # noqa: E402  (kept apart: it is mostly prose)

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stages", default="runtime,warm,cold,expand,tokens,project,report")
    parser.add_argument("--machines", default=",".join(MACHINES))
    parser.add_argument("--impls", default=",".join(IMPLS))
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--runs", type=int, default=3, help="warm rebuilds timed per crate")
    parser.add_argument("--jobs", type=int, default=2, help="callgrind runs at once")
    parser.add_argument("--timeout", type=int, default=1800, help="seconds for one build")
    args = parser.parse_args()
    stages = args.stages.split(",")
    build_impls = [impl for impl, _, _ in BUILD_ROWS]
    machines = args.machines.split(",")
    impls = args.impls.split(",")
    results = load()
    if any(stage != "report" for stage in stages):
        run([sys.executable, os.path.join(HERE, "gen.py")])
        stage_info(results, "start:" + ",".join(s for s in stages if s != "report"))
    if "runtime" in stages:
        stage_runtime(results, machines, impls, args.events, args.jobs)
    if "warm" in stages:
        stage_warm(results, machines, [i for i in impls if i in build_impls], args.runs, args.timeout)
    if "cold" in stages:
        stage_cold(results, [i for i in impls if i in build_impls], args.timeout)
    if "expand" in stages:
        stage_expand(results, machines)
    if "tokens" in stages:
        stage_tokens(results, machines)
    if "project" in stages:
        stage_project(results, args.runs, args.timeout)
    if any(stage != "report" for stage in stages):
        stage_info(results, "end:" + ",".join(s for s in stages if s != "report"))
    save(results)
    if "report" in stages:
        write_report(results, REPORT)
        log(f"wrote {REPORT}")
