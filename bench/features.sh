#!/usr/bin/env bash
# Groups, fallible inputs and async handlers at run time (issues 11 and 12): callgrind
# instructions per event of
#   grouped       a `#[group]` handler      vs  per_state      the same handler in every state
#   fallible      a fallible transition     vs  hand_fallible  the hand-written `match`
#   async         async handlers, polled    vs  sync           the same machine written sync
#   async_handle  the same, via `handle`    vs  sync_handle
# as ratios, and the heap allocations of each replay (outside callgrind).
# Usage: bench/features.sh [events]   (default 1000000; needs valgrind)
set -euo pipefail
cd "$(dirname "$0")"
events="${1:-1000000}"
[ -d gen ] || python3 gen.py >/dev/null   # the workspace lists gen/*
cargo build --release -q -p bench-features
bin=target/release/bench-features
replays=(grouped per_state fallible hand_fallible async sync async_handle sync_handle)
declare -A ir sum allocations
for replay in "${replays[@]}"; do
    out="target/features.$replay.callgrind"
    valgrind --tool=callgrind --callgrind-out-file="$out" --toggle-collect="*replay_$replay" \
        "$bin" "$replay" "$events" >/dev/null 2>&1
    ir[$replay]=$(grep -m1 '^summary:' "$out" | awk '{print $2}')
    read -r _ _ sum[$replay] allocations[$replay] < <("$bin" "$replay" "$events")
done
# Identical functions are folded into one symbol, which callgrind then counts under one name.
address() { nm "$bin" | grep " T .*replay_$1\$" | awk '{print $1}'; }
compare() {
    local a=$1 b=$2
    if [ "${sum[$a]}" != "${sum[$b]}" ]; then
        echo "$a / $b: different checksums (${sum[$a]} / ${sum[$b]}): not the same behaviour" >&2
        exit 1
    fi
    if [ "$(address "$a")" = "$(address "$b")" ]; then
        echo "$a / $b: the same machine code (one function at $(address "$a")): ratio 1.00"
    else
        awk -v a="${ir[$a]}" -v b="${ir[$b]}" -v n="$events" -v x="$a" -v y="$b" \
            'BEGIN { printf "%s %.2f / %s %.2f instructions per event: ratio %.3f\n", x, a/n, y, b/n, a/b }'
    fi
}
compare grouped per_state
compare fallible hand_fallible
compare async sync
compare async_handle sync_handle
for replay in "${replays[@]}"; do
    echo "$replay: ${allocations[$replay]/allocations=/} heap allocations in $events events"
done
