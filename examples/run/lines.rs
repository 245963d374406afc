//! A line protocol read from one borrowed buffer: the session keeps the client's name as a
//! slice of the buffer, bulk data is borrowed for one call at a time, and nothing is copied.
//!
//! Run it with `cargo run --example lines`.

use automat_examples::lines::{Core, Dynamic, Greeting, Input, Reply};

fn main() {
    // What arrived from the network, all at once; the session borrows from it.
    let received: &[u8] = b"HI\nHELLO you\nSEND one\nNOOP\nSEND two\nQUIT\n";
    let mut session = Dynamic::new(Core::default(), Greeting);
    for line in received
        .split(|&byte| byte == b'\n')
        .filter(|line| !line.is_empty())
    {
        let reply = session
            .line(line)
            .expect("every state but Closed reads lines");
        println!(
            "{:<10} -> {:<40} now {}",
            String::from_utf8_lossy(line),
            show(reply),
            session.state_name()
        );
        if session.state_name() == "Ready" {
            // Bulk data in a buffer of its own, dropped right after the call.
            let chunk = vec![0_u8; 512];
            let total = session.data(&chunk).expect("Ready takes data");
            println!("{:<10} -> {total} bytes so far", "(data)");
        }
    }
    // The same, as values: `Input<'input, 'buf>` holds the borrowed arguments.
    let mut again = Dynamic::new(Core::default(), Greeting);
    let hello = Input::Line {
        line: b"HELLO guest",
    };
    println!("handle(Line) -> {:?}", again.handle(hello));
    let refused = again.handle(Input::Line { line: b"QUIT" }).map(|_| ());
    println!("handle(Line) -> {refused:?}, now {}", again.state_name());
    println!("{:?}", again.handle(Input::Data { bytes: &[1, 2, 3] }));
}

/// A reply as the protocol would print it.
fn show(reply: Reply<'_>) -> String {
    match reply {
        Reply::Welcome(name) => format!("welcome, {}", String::from_utf8_lossy(name)),
        Reply::Sent(count) => format!("sent ({count} so far)"),
        Reply::Error(why) => format!("error: {why}"),
        Reply::Bye(bytes) => format!("bye ({bytes} bytes of data)"),
    }
}
