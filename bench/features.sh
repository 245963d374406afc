#!/usr/bin/env bash
# Groups and fallible inputs at run time (issue 11): callgrind instructions per event of
#   grouped       a `#[group]` handler      vs  per_state      the same handler in every state
#   fallible      a fallible transition     vs  hand_fallible  the hand-written `match`
# as ratios. Usage: bench/features.sh [events]   (default 1000000; needs valgrind)
set -euo pipefail
cd "$(dirname "$0")"
events="${1:-1000000}"
[ -d gen ] || python3 gen.py >/dev/null   # the workspace lists gen/*
cargo build --release -q -p bench-features
bin=target/release/bench-features
declare -A ir
for replay in grouped per_state fallible hand_fallible; do
    out="target/features.$replay.callgrind"
    valgrind --tool=callgrind --callgrind-out-file="$out" --toggle-collect="*replay_$replay" \
        "$bin" "$replay" "$events" >/dev/null 2>&1
    ir[$replay]=$(grep -m1 '^summary:' "$out" | awk '{print $2}')
done
# Identical functions are folded into one symbol, which callgrind then counts under one name.
address() { nm "$bin" | grep " T .*replay_$1" | awk '{print $1}'; }
if [ "$(address grouped)" = "$(address per_state)" ]; then
    echo "grouped / per_state: the same machine code (one function at $(address grouped)): ratio 1.00"
else
    awk -v a="${ir[grouped]}" -v b="${ir[per_state]}" -v n="$events" \
        'BEGIN { printf "grouped %.2f / per_state %.2f instructions per event: ratio %.3f\n", a/n, b/n, a/b }'
fi
awk -v a="${ir[fallible]}" -v b="${ir[hand_fallible]}" -v n="$events" \
    'BEGIN { printf "fallible %.2f / hand_fallible %.2f instructions per event: ratio %.3f\n", a/n, b/n, a/b }'
