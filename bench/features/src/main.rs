//! `bench-features <replay> <events>`: runs one replay of `bench_features` over a fixed
//! pseudo-random event sequence and prints its checksum and the heap allocations it made.

use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};
use std::alloc::System;

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// A replay: the events in, the checksum out.
type Replay = fn(&[u8]) -> u64;

/// Every replay, by the name the command line gives it.
const REPLAYS: &[(&str, Replay)] = &[
    ("grouped", bench_features::replay_grouped),
    ("per_state", bench_features::replay_per_state),
    ("fallible", bench_features::replay_fallible),
    ("hand_fallible", bench_features::replay_hand_fallible),
    ("async", bench_features::replay_async),
    ("sync", bench_features::replay_sync),
    ("hand_async", bench_features::replay_hand_async),
    ("async_handle", bench_features::replay_async_handle),
    ("sync_handle", bench_features::replay_sync_handle),
    ("async_twice", bench_features::replay_async_twice),
    ("sync_twice", bench_features::replay_sync_twice),
    ("hand_async_twice", bench_features::replay_hand_async_twice),
    (
        "async_twice_handle",
        bench_features::replay_async_twice_handle,
    ),
    (
        "sync_twice_handle",
        bench_features::replay_sync_twice_handle,
    ),
    (
        "hand_async_twice_handle",
        bench_features::replay_hand_async_twice_handle,
    ),
];

fn main() {
    let mut args = std::env::args().skip(1);
    let replay = args.next().unwrap_or_default();
    let count: usize = args
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000);
    // xorshift: the same events every run.
    let mut x = 0x2545_f491_u32;
    let events: Vec<u8> = (0..count)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x.to_le_bytes()[0]
        })
        .collect();
    let events = std::hint::black_box(events);
    let Some(&(_, replay_fn)) = REPLAYS.iter().find(|(name, _)| *name == replay) else {
        let names: Vec<&str> = REPLAYS.iter().map(|(name, _)| *name).collect();
        eprintln!("unknown replay `{replay}`: {}", names.join(", "));
        std::process::exit(2);
    };
    let region = Region::new(GLOBAL);
    let sum = replay_fn(&events);
    let allocations = region.change().allocations;
    println!("{replay} {count} {sum} allocations={allocations}");
}
