//! The harness every benchmark binary shares: the pre-generated event sequence, the
//! allocation count around the replay, and the one-line report the runner reads.
//!
//! A benchmark binary is `gen/<machine>-<implementation>/src/main.rs`; it hands [`main`] its
//! replay functions (each `#[inline(never)]`, so callgrind can count exactly the loop) and the
//! sizes of its machine types.

use std::alloc::System;
use std::hint::black_box;

use stats_alloc::{Region, StatsAlloc};

/// A replay: runs every event through one implementation, returns the checksum (the core's
/// accumulator, a hash of every transition taken) and the index of the final state.
pub type Replay = fn(&[u8]) -> (u64, u32);

/// The walk the events are drawn from: for each state, `(input, target state, weight)` of
/// every input it accepts. The same table, generated from the one machine description, is in
/// every binary of a machine.
pub type Table = &'static [&'static [(u8, u16, u32)]];

/// The seed of every event sequence.
pub const SEED: u64 = 0x5eed_0005;

/// `n` valid events: a random walk from the initial state, each step drawn among the inputs
/// the current state accepts, in proportion to their weights. splitmix64, so the sequence is
/// the same on every machine and in every binary.
#[must_use]
pub fn events(table: Table, initial: u16, n: usize, seed: u64) -> Vec<u8> {
    let mut rng = seed;
    let mut next = move || {
        rng = rng.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = rng;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    let mut state = usize::from(initial);
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let row = table[state];
        let total: u64 = row.iter().map(|&(_, _, weight)| u64::from(weight)).sum();
        let mut pick = next() % total;
        for &(input, target, weight) in row {
            if pick < u64::from(weight) {
                out.push(input);
                state = usize::from(target);
                break;
            }
            pick -= u64::from(weight);
        }
    }
    out
}

/// FNV-1a of the event bytes: shows that every binary replayed the same sequence.
#[must_use]
pub fn fingerprint(events: &[u8]) -> u64 {
    events.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The benchmark binary's `main`.
///
/// * `list`: one JSON line with the replay paths and the sizes of the machine types;
/// * `run PATH N`: replays `N` events through `PATH`, one JSON line with the checksum, the
///   final state, the events' fingerprint and the heap allocations made during the replay.
///
/// # Panics
///
/// On bad arguments.
pub fn main(
    alloc: &'static StatsAlloc<System>,
    table: Table,
    initial: u16,
    replays: &[(&str, Replay)],
    sizes: &[(&str, usize)],
) {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("list") => {
            let paths: Vec<String> = replays
                .iter()
                .map(|(name, _)| format!("\"{name}\""))
                .collect();
            let sizes: Vec<String> = sizes
                .iter()
                .map(|(name, size)| format!("\"{name}\": {size}"))
                .collect();
            println!(
                "{{\"paths\": [{}], \"sizes\": {{{}}}}}",
                paths.join(", "),
                sizes.join(", ")
            );
        }
        Some("run") => {
            let path = args.get(1).expect("run PATH N");
            let n: usize = args.get(2).expect("run PATH N").parse().expect("N");
            let replay = replays
                .iter()
                .find(|(name, _)| name == path)
                .unwrap_or_else(|| panic!("no replay `{path}`"))
                .1;
            let events = events(table, initial, n, SEED);
            let fingerprint = fingerprint(&events);
            let region = Region::new(alloc);
            let (checksum, state) = black_box(replay)(black_box(&events));
            let stats = region.change();
            println!(
                "{{\"path\": \"{path}\", \"events\": {n}, \"fingerprint\": \"{fingerprint:016x}\", \
                 \"checksum\": \"{checksum:016x}\", \"state\": {state}, \"allocs\": {}, \
                 \"alloc_bytes\": {}}}",
                stats.allocations + stats.reallocations,
                stats.bytes_allocated
            );
        }
        _ => panic!("usage: list | run PATH N"),
    }
}
