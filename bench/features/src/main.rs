//! `bench-features <replay> <events>`: runs one replay of `bench_features` over a fixed
//! pseudo-random event sequence and prints its checksum.

fn main() {
    let mut args = std::env::args().skip(1);
    let replay = args.next().unwrap_or_default();
    let count: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1_000_000);
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
    let sum = match replay.as_str() {
        "grouped" => bench_features::replay_grouped(&events),
        "per_state" => bench_features::replay_per_state(&events),
        "fallible" => bench_features::replay_fallible(&events),
        "hand_fallible" => bench_features::replay_hand_fallible(&events),
        other => {
            eprintln!("unknown replay `{other}`: grouped, per_state, fallible, hand_fallible");
            std::process::exit(2);
        }
    };
    println!("{replay} {count} {sum}");
}
