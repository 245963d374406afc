#!/usr/bin/env bash
# Groups, fallible inputs and async handlers at run time (issues 11 and 12): callgrind
# instructions per event of
#   grouped       a `#[group]` handler      vs  per_state      the same handler in every state
#   fallible      a fallible transition     vs  hand_fallible  the hand-written `match`
#   async         async handlers, polled    vs  sync           the same machine written sync
#                                           and hand_async     the same async machine by hand
#   async_handle  the same, via `handle`    vs  sync_handle
#   async_twice   as async, its methods also called from a second place (`handle`), and the
#                 same for sync_twice and hand_async_twice
# as ratios, and the heap allocations of each replay (outside callgrind). The figures are also
# written to target/features.json, which `bench/run.sh --stages report` puts in
# docs/benchmarks.md.
# Usage: bench/features.sh [events]   (default 1000000; needs valgrind)
set -euo pipefail
cd "$(dirname "$0")"
events="${1:-1000000}"
[ -d gen ] || python3 gen.py >/dev/null   # the workspace lists gen/*
cargo build --release -q -p bench-features
bin=target/release/bench-features
replays=(grouped per_state fallible hand_fallible async sync hand_async async_handle sync_handle
    async_twice sync_twice hand_async_twice)
declare -A ir sum allocations
for replay in "${replays[@]}"; do
    out="target/features.$replay.callgrind"
    valgrind --tool=callgrind --callgrind-out-file="$out" --toggle-collect="*replay_$replay" \
        "$bin" "$replay" "$events" >/dev/null 2>&1
    ir[$replay]=$(grep -m1 '^summary:' "$out" | awk '{print $2}')
    read -r _ _ sum[$replay] allocations[$replay] < <("$bin" "$replay" "$events")
done
# Identical functions are folded into one symbol, which callgrind then counts under one of its
# names: a replay counted as 0 takes the count of the replay it shares its address with.
address() { nm "$bin" | grep " T .*[0-9]replay_${1}17h" | awk '{print $1}'; }
for replay in "${replays[@]}"; do
    if [ "${ir[$replay]}" = 0 ]; then
        for other in "${replays[@]}"; do
            if [ "${ir[$other]}" != 0 ] && [ "$(address "$other")" = "$(address "$replay")" ]; then
                ir[$replay]=${ir[$other]}
            fi
        done
    fi
done
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
    for replay in "$a" "$b"; do
        for other in "${replays[@]}"; do
            if [ "$other" != "$replay" ] && [ "$(address "$other")" = "$(address "$replay")" ]; then
                echo "    ($replay is the same machine code as $other)"
            fi
        done
    done
}
compare grouped per_state
compare fallible hand_fallible
compare async sync
compare async hand_async
compare async_handle sync_handle
compare async_twice sync_twice
compare async_twice hand_async_twice
compare hand_async_twice sync_twice
for replay in "${replays[@]}"; do
    echo "$replay: ${allocations[$replay]/allocations=/} heap allocations in $events events"
done
# The figures, for report.py.
{
    echo "{"
    echo "  \"date\": \"$(date -u '+%Y-%m-%d %H:%M UTC')\","
    echo "  \"automat\": \"$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- .. || echo ' with uncommitted changes')\","
    echo "  \"rustc\": \"$(rustc --version)\","
    echo "  \"events\": $events,"
    echo "  \"replays\": {"
    last=${replays[${#replays[@]}-1]}
    for replay in "${replays[@]}"; do
        same=""
        for other in "${replays[@]}"; do
            if [ "$other" != "$replay" ] && [ "$(address "$other")" = "$(address "$replay")" ]; then
                same="$other"
            fi
        done
        comma=","; [ "$replay" = "$last" ] && comma=""
        echo "    \"$replay\": {\"instructions\": ${ir[$replay]}, \"allocations\": ${allocations[$replay]/allocations=/}, \"checksum\": ${sum[$replay]}, \"same_code_as\": \"$same\"}$comma"
    done
    echo "  }"
    echo "}"
} > target/features.json
