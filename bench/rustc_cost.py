#!/usr/bin/env python3
"""Where rustc's work on a machine crate goes: the instructions rustc executes to compile it,
counted by callgrind, so the figures repeat exactly whatever else the machine is doing.

    bench/rustc_cost.py [MACHINE]    # ring100 by default; ring1000 takes about ten times longer

Compiles, once each, under `valgrind --tool=callgrind`:

* the hand-written `match` (`hand`, the baseline) and automat's declaration with a hand-written
  dispatch and no macro (`hand-decl`, the floor: see gen.py);
* the machine declared `#[automat::machine(dynamic)]`, as a user builds it (the macro runs
  inside rustc);
* the same crate with the macro's expansion pasted in as source (what rustc does with the
  generated code, without running the macro), and copies of it with one part of the generated
  code taken out, so that the difference to the pasted crate is what that part costs.

Prints one Markdown table; nothing is saved. Needs valgrind and rustfmt.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TARGET = os.environ.get("CARGO_TARGET_DIR") or os.path.join(HERE, "target")
GEN = os.path.join(HERE, "gen")
OUT = os.path.join(TARGET, "rustc-cost")


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, check=True, text=True, capture_output=True, cwd=HERE, **kwargs)


def without_transition_list(source: str) -> str:
    """`DESCRIPTION.transitions` left empty."""
    start = source.index("[", source.index("transitions: &[", source.index("pub static DESCRIPTION")))
    depth = 0
    for end in range(start, len(source)):
        depth += {"[": 1, "]": -1}.get(source[end], 0)
        if depth == 0:
            return source[:start] + "[]" + source[end + 1 :]
    raise ValueError("unbalanced DESCRIPTION")


def without_reports(source: str) -> str:
    """Every `traced(machine, source, input, target)` statement taken out (they do nothing
    without the `tracing` feature)."""
    return re.sub(r"::automat::__private::traced\([^;]*\);", "", source)


def without_state_conversions(source: str) -> str:
    """The `From<S> for State` impls taken out (the replay does not use them)."""
    return re.sub(
        r"    #\[automatically_derived\]\n    impl ::core::convert::From<\w+> for State \{\n.*?\n    \}\n",
        "",
        source,
        flags=re.S,
    )


VARIANTS = [
    ("the transition list of `DESCRIPTION`", without_transition_list),
    ("the `tracing` report in each transition", without_reports),
    ("`From<S> for State`, one impl per state", without_state_conversions),
]


def crate_copy(source_crate: str, name: str, machine_rs: str) -> str:
    """A copy of the generated crate `source_crate` named `name`, its machine module replaced."""
    path = os.path.join(GEN, name)
    shutil.rmtree(path, ignore_errors=True)
    shutil.copytree(os.path.join(GEN, source_crate), path)
    manifest = os.path.join(path, "Cargo.toml")
    with open(manifest) as f:
        text = f.read()
    with open(manifest, "w") as f:
        f.write(re.sub(r'name = "[^"]*"', f'name = "{name}"', text, count=1))
    with open(os.path.join(path, "src", "machine.rs"), "w") as f:
        f.write(machine_rs)
    return name


def rustc_command(crate: str) -> list[str]:
    """The rustc command cargo runs for `crate`'s library, as `cargo build -v` prints it, with
    its outputs sent to OUT."""
    lib = os.path.join(GEN, crate, "src", "lib.rs")
    os.utime(lib)
    lines = run(["cargo", "build", "--release", "-p", crate, "--lib", "-v"]).stderr.splitlines()
    command = next(line for line in lines if "Running `" in line and f"--crate-name {crate.replace('-', '_')} " in line)
    args = shlex.split(command.split("Running `", 1)[1].rstrip("`"))
    out = args.index("--out-dir")
    args[out + 1] = os.path.join(OUT, crate)
    keep = [arg for arg in args if not arg.startswith("--error-format") and not arg.startswith("--json")]
    return keep


def instructions(crate: str) -> int:
    """What rustc executes to compile `crate`'s library, in instructions."""
    os.makedirs(os.path.join(OUT, crate), exist_ok=True)
    profile = os.path.join(OUT, f"{crate}.callgrind")
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={profile}", *rustc_command(crate)],
        cwd=HERE, text=True, capture_output=True, check=True,
    )
    total = re.search(r"I\s+refs:\s+([\d,]+)", result.stderr)
    if not total:
        raise RuntimeError(result.stderr[-2000:])
    return int(total.group(1).replace(",", ""))


def main() -> None:
    machine = sys.argv[1] if len(sys.argv) > 1 else "ring100"
    run([sys.executable, os.path.join(HERE, "gen.py"), f"{machine}-hand", f"{machine}-hand-decl", f"{machine}-automat-dyn"])
    run(["cargo", "build", "--release", "-p", "expand-time"])
    dynamic = f"{machine}-automat-dyn"
    expansion = run(
        [os.path.join(TARGET, "release", "expand-time"), os.path.join(GEN, dynamic, "src", "machine.rs"), "--print"]
    ).stdout
    expansion = run(["rustfmt", "--edition", "2024"], input=expansion).stdout
    pasted = crate_copy(dynamic, f"{machine}-cost-pasted", expansion)
    variants = [(label, crate_copy(dynamic, f"{machine}-cost-{k}", cut(expansion))) for k, (label, cut) in enumerate(VARIANTS)]
    crates = [f"{machine}-hand", f"{machine}-hand-decl", dynamic, pasted] + [crate for _, crate in variants]
    run(["cargo", "build", "--release", *[arg for crate in crates for arg in ("-p", crate)], "--lib"])
    counts = {crate: instructions(crate) for crate in crates}
    hand = counts[f"{machine}-hand"]
    whole = counts[dynamic]

    def row(label: str, value: int, part: bool = True) -> str:
        share = f"{100 * value / whole:.0f} %" if part else "—"
        return f"| {label} | {value / 1e6:,.0f} | {value / hand:.2f}× | {share} |"

    print(f"rustc compiling the `{machine}` crate (callgrind, instructions; `bench/rustc_cost.py {machine}`)\n")
    print("| crate, or part of automat's | million instructions | to hand-written | share of automat's |")
    print("| --- | ---: | ---: | ---: |")
    print(row("hand-written `match` (baseline)", hand, part=False))
    print(row("automat's declaration, hand-written dispatch, no macro (the floor)", counts[f"{machine}-hand-decl"], part=False))
    print(row("**automat `#[machine(dynamic)]`**, as built", whole))
    print(row("… of which running the macro and receiving its tokens", whole - counts[pasted]))
    print(row("… of which the generated code, pasted in as source", counts[pasted]))
    for label, crate in variants:
        print(row(f"… … of which {label}", counts[pasted] - counts[crate]))
    for crate in [pasted] + [crate for _, crate in variants]:
        shutil.rmtree(os.path.join(GEN, crate), ignore_errors=True)
    # The copies were members of the workspace for a moment: take them out of Cargo.lock again.
    run(["cargo", "metadata", "--format-version", "1"])


if __name__ == "__main__":
    main()
