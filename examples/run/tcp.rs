//! Two TCP endpoints, step by step: a three-way handshake through the typestate API, then a
//! whole connection — handshake, data both ways, an active close through `TIME-WAIT` — through
//! `Dynamic`, with every segment printed as RFC 793 writes it, an `RST` that branches, and a
//! connection whose core is generic over its segment sink, here a capture.
//!
//! Run it with `cargo run --example tcp`.

use automat::NoTransition;
use automat_examples::Sink;
use automat_examples::tcp::{Closed, Core, Dynamic, Machine, ResetMachine, Segment};

fn main() {
    handshake();
    connection();
    reset();
    capture();
}

/// A sink that keeps every segment sent. The connection is generic over its sink, so
/// `Dynamic<Capture>` calls `Capture::send` directly: no trait object, no copy of the machine.
#[derive(Debug, Default)]
struct Capture(Vec<Segment>);

impl Sink for Capture {
    fn send(&mut self, segment: &Segment) {
        self.0.push(*segment);
    }
}

/// A client whose segments go to its own sink as they are sent.
fn capture() {
    println!("== a connection generic over its sink: Dynamic<Capture> ==");
    let mut client: Dynamic<Capture> =
        Dynamic::new(Core::with_sink(100, Capture::default()), Closed);
    client.active_open().expect("Closed accepts active_open");
    client.syn_ack(300, 101).expect("SynSent accepts syn_ack");
    client.send(5).expect("Established accepts send");
    client.close().expect("Established accepts close");
    for segment in &client.core().sink.0 {
        println!("  captured {segment}");
    }
}

/// The three-way handshake with the states in the types: each call exists only on the
/// machine whose state accepts it, so the order of the handshake is checked by the compiler.
fn handshake() {
    println!("== three-way handshake: Machine<S> ==");
    let server = Machine::new(Core::new(300), Closed).passive_open();
    step("server", "passive_open", "Closed -> Listen", None);

    let (client, syn) = Machine::new(Core::new(100), Closed).active_open();
    step("client", "active_open", "Closed -> SynSent", Some(syn));

    let Segment::Syn { seq } = syn else {
        unreachable!("an active open sends SYN")
    };
    let (server, syn_ack) = server.syn(seq);
    step(
        "server",
        &format!("syn({seq})"),
        "Listen -> SynReceived",
        Some(syn_ack),
    );

    let Segment::SynAck { seq, ack } = syn_ack else {
        unreachable!("Listen answers SYN with SYN,ACK")
    };
    let (client, ack_segment) = client.syn_ack(seq, ack);
    step(
        "client",
        &format!("syn_ack({seq}, {ack})"),
        "SynSent -> Established",
        Some(ack_segment),
    );

    let Segment::Ack { ack, .. } = ack_segment else {
        unreachable!("SynSent answers SYN,ACK with ACK")
    };
    let server = server.ack(ack);
    step(
        "server",
        &format!("ack({ack})"),
        "SynReceived -> Established",
        None,
    );

    println!("client {:?}", client.core());
    println!("server {:?}", server.core());
    // `Machine<Established>` has no `passive_open`, `syn` or `timeout`: calling them on
    // `client` or `server` here would not compile.
    println!();
}

/// Prints one step of a typestate run.
fn step(who: &str, call: &str, moves: &str, sent: Option<Segment>) {
    let sent = sent.map_or_else(String::new, |segment| format!("  sends {segment}"));
    say(&format!("{who}: {call:<18} {moves:<27}{sent}"));
}

/// One end of the connection, with a name for the log.
struct Endpoint {
    name: &'static str,
    connection: Dynamic,
}

/// A whole connection with the state known only at run time, as a network stack has it:
/// user calls and arriving segments are inputs, and each reply segment goes to the peer.
fn connection() {
    println!("== a whole connection: Dynamic ==");
    let mut client = Endpoint {
        name: "client",
        connection: Dynamic::new(Core::new(100), Closed),
    };
    let mut server = Endpoint {
        name: "server",
        connection: Dynamic::new(Core::new(300), Closed),
    };

    println!("-- open");
    let listen = server.connection.passive_open();
    user_call(&server, "passive_open", listen.map(|()| None));
    let syn = client.connection.active_open();
    user_call(&client, "active_open", syn.map(Some));
    exchange(syn.ok(), &mut client, &mut server);

    println!("-- data");
    let data = client.connection.send(500);
    user_call(&client, "send(500)", data.map(Some));
    exchange(data.ok(), &mut client, &mut server);
    let data = server.connection.send(1200);
    user_call(&server, "send(1200)", data.map(Some));
    exchange(data.ok(), &mut server, &mut client);

    println!("-- inputs the states refuse");
    let refused = client.connection.passive_open().map(|()| None);
    user_call(&client, "passive_open", refused);
    let refused = server.connection.timeout().map(|()| None);
    user_call(&server, "timeout", refused);

    println!("-- active close by the client");
    let fin = client.connection.close();
    user_call(&client, "close", fin);
    exchange(fin.ok().flatten(), &mut client, &mut server);
    // The server's user learns the peer closed, sends what is left, and closes too.
    let data = server.connection.send(100);
    user_call(&server, "send(100)", data.map(Some));
    exchange(data.ok(), &mut server, &mut client);
    let fin = server.connection.close();
    user_call(&server, "close", fin);
    exchange(fin.ok().flatten(), &mut server, &mut client);

    println!("-- 2 MSL later");
    let expired = client.connection.timeout().map(|()| None);
    user_call(&client, "timeout", expired);

    for endpoint in [&client, &server] {
        let core = endpoint.connection.core();
        println!(
            "{}: {}, sent {} bytes, received {} bytes",
            endpoint.name,
            endpoint.connection.state_name(),
            core.bytes_sent,
            core.bytes_received,
        );
    }
    println!();
}

/// Prints a user call on `endpoint`: its segment, or why it was refused.
fn user_call(endpoint: &Endpoint, call: &str, result: Result<Option<Segment>, NoTransition>) {
    let name = endpoint.name;
    match result {
        Ok(segment) => {
            let sent = segment.map_or_else(String::new, |segment| format!("  sends {segment}"));
            let state = endpoint.connection.state_name();
            say(&format!("{name}: {call:<14} now {state:<12}{sent}"));
        }
        Err(refused) => println!("{name}: {call:<14} refused: {refused}"),
    }
}

/// Carries `segment` from `from` to `to`, and each reply back, until nobody replies.
fn exchange<'a>(segment: Option<Segment>, mut from: &'a mut Endpoint, mut to: &'a mut Endpoint) {
    let mut in_flight = segment;
    while let Some(segment) = in_flight {
        let before = to.connection.state_name();
        let reply = to
            .connection
            .handle(segment.arrival())
            .expect("every segment of this script is accepted where it arrives")
            .segment();
        let sent = reply.map_or_else(String::new, |reply| format!("  sends {reply}"));
        let moves = format!("{before} -> {}", to.connection.state_name());
        say(&format!(
            "  {} -> {}: {:<42} {moves:<26}{sent}",
            from.name,
            to.name,
            segment.to_string(),
        ));
        in_flight = reply;
        std::mem::swap(&mut from, &mut to);
    }
}

/// Prints a line whose last column may be empty, without the padding before it.
fn say(line: &str) {
    println!("{}", line.trim_end());
}

/// An `RST` in `SYN-RECEIVED` is a branch: where it leads depends on how the connection was
/// opened, and the typestate API hands back a `ResetMachine` to match on.
fn reset() {
    println!("== RST in SynReceived: a branch ==");
    let server = Machine::new(Core::new(300), Closed).passive_open();
    let (server, syn_ack) = server.syn(100);
    step("server", "syn(100)", "Listen -> SynReceived", Some(syn_ack));
    match server.rst() {
        ResetMachine::Relisten(server) => {
            step("server", "rst", "SynReceived -> Listen", None);
            println!("        (branch `Relisten`: back to {:?})", server.state());
        }
        ResetMachine::Refused(server) => {
            step("server", "rst", "SynReceived -> Closed", None);
            println!("        (branch `Refused`: {:?})", server.state());
        }
    }

    // Both ends opened at once: an RST now means the connection was refused.
    let mut client = Dynamic::new(Core::new(100), Closed);
    let syn = client.active_open().expect("Closed accepts active_open");
    let state = client.state_name();
    println!("client: {:<14} now {state:<12}  sends {syn}", "active_open");
    let syn_ack = client.syn(300).expect("SynSent accepts syn");
    let state = client.state_name();
    println!(
        "client: {:<14} now {state:<12}  sends {syn_ack}",
        "syn(300)"
    );
    client.rst().expect("SynReceived accepts rst");
    println!(
        "client: {:<14} now {:<12}  (branch `Refused`: {:?})",
        "rst",
        client.state_name(),
        client.state()
    );
}
