//! A Redis-like key-value server and its client, on tokio over TCP on the loopback address:
//! each connection is a `kv` session whose handlers await the credential store, the shared
//! store and a rate limiter. Then a server whose stores are slow, to show what a timeout does
//! to a session: a `GET` that times out leaves it where it was, an `AUTH` that times out
//! leaves it poisoned.
//!
//! Run it with `cargo run --example kv`.

use automat_examples::kv_server::{Ended, Shared, run};
use std::io;
use std::time::Duration;

#[tokio::main(flavor = "current_thread")]
async fn main() -> io::Result<()> {
    println!("== a session ==");
    let backend = Shared::new([("admin", "s3cret")]);
    let script = [
        "PING",
        "GET motd",
        "AUTH admin guess",
        "AUTH admin s3cret",
        "SET motd hello",
        "GET motd",
        "GET nothing",
        "SET a 1",
        "SET b 2",
        "SET c 3",
        "AUTH admin s3cret",
        "QUIT",
    ];
    let (transcript, ended) = run(backend, Duration::from_secs(1), &script).await?;
    print(&transcript, &ended);

    println!("\n== slow stores, a 200 ms timeout ==");
    let slow = Duration::from_secs(5);
    let timeout = Duration::from_millis(200);
    let backend = Shared::new([("admin", "s3cret")]).with_latency(Duration::ZERO, slow);
    let script = ["AUTH admin s3cret", "GET motd", "PING", "QUIT"];
    let (transcript, ended) = run(backend, timeout, &script).await?;
    print(&transcript, &ended);
    let backend = Shared::new([("admin", "s3cret")]).with_latency(slow, Duration::ZERO);
    let (transcript, ended) = run(backend, timeout, &["AUTH admin s3cret"]).await?;
    print(&transcript, &ended);
    Ok(())
}

/// Prints what the client sent and heard, then how the server saw the session end.
fn print(transcript: &[(String, String)], ended: &[Ended]) {
    for (sent, heard) in transcript {
        let sent = if sent.is_empty() { "(connect)" } else { sent };
        println!("  {sent:<20} {heard}");
    }
    for session in ended {
        let poisoned = if session.poisoned { " (poisoned)" } else { "" };
        println!(
            "  the server: the session ended in {}{poisoned}; lines read: {}",
            session.state, session.lines
        );
    }
}
