//! TLS 1.3 client handshakes (RFC 8446, appendix A.1), with the cryptography faked: a full
//! handshake with certificates through the typestate API, then through `Dynamic` a handshake
//! whose checks fail — a bad `Finished` MAC stays in `WaitFinished`, and the client answers it
//! with a fatal alert, which the `Handshake` group accepts in every state — and a PSK
//! handshake that skips certificates.
//!
//! Run it with `cargo run --example tls`.

use automat::Error;
use automat_examples::tls::{
    Alert, AuthenticationMachine, DESCRIPTION, Dynamic, Machine, SERVER_KEY, Session, Start, TLS13,
    seal,
};

fn main() {
    certificates();
    bad_mac();
    psk();
    println!("== the graph ==");
    for group in DESCRIPTION.groups {
        println!("group {}: {}", group.name, group.members.join(", "));
    }
    let fallible: Vec<_> = DESCRIPTION
        .transitions
        .iter()
        .filter(|transition| transition.fallible)
        .map(|transition| format!("{}.{}", transition.source, transition.input))
        .collect();
    println!("fallible: {}", fallible.join(", "));
}

/// A handshake with certificates and client authentication, every step checked by the types.
fn certificates() {
    println!("== certificates: Machine<S> ==");
    let client = Machine::new(Session::default(), Start).connect(None);
    let Ok(client) = client.server_hello(TLS13, false) else {
        unreachable!("the server speaks TLS 1.3")
    };
    let AuthenticationMachine::Certificates(client) = client.encrypted_extensions() else {
        unreachable!("no PSK was offered")
    };
    let client = client.certificate_request();
    let Ok(client) = client.certificate(2) else {
        unreachable!("a chain of two certificates")
    };
    let signature = seal(SERVER_KEY, client.core().transcript);
    let Ok(client) = client.certificate_verify(signature) else {
        unreachable!("the server signed the transcript")
    };
    let mac = seal(SERVER_KEY, client.core().transcript);
    let Ok(mut client) = client.finished(mac) else {
        unreachable!("the server's MAC checks")
    };
    let received = client.application_data(1200);
    print_sent("client", &mut Dynamic::from(client));
    println!("connected, {received} bytes received\n");
}

/// A handshake whose server sends a bad MAC: the failed check keeps the machine where it was,
/// and the client closes with the alert the check returned.
fn bad_mac() {
    println!("== a bad Finished MAC: Dynamic ==");
    let mut client = Dynamic::new(Session::default(), Start);
    client.connect(None).expect("Start accepts connect");
    assert_eq!(client.hello_retry_request(), Ok(()));
    assert_eq!(
        client.hello_retry_request(),
        Err(Error::Failed(Alert::UnexpectedMessage)),
        "one retry only"
    );
    client.server_hello(TLS13, false).expect("TLS 1.3");
    client.encrypted_extensions().expect("WaitEe accepts it");
    client.certificate(1).expect("a chain of one");
    let signature = seal(SERVER_KEY, client.core().transcript);
    client
        .certificate_verify(signature)
        .expect("a good signature");
    let error = client.finished(0xbad).unwrap_err();
    println!("finished(0xbad): {error}; still in {}", client.state_name());
    assert_eq!(client.state_name(), "WaitFinished");
    let Error::Failed(alert) = error else {
        unreachable!("WaitFinished accepts finished")
    };
    client
        .alert(alert)
        .expect("every handshake state accepts alert");
    println!(
        "alert({alert}, code {}) -> {}",
        alert.code(),
        client.state_name()
    );
    assert_eq!(client.core().closed_by, Some(Alert::DecryptError));
    print_sent("client", &mut client);
    let refused = client.finished(0).unwrap_err();
    println!("then finished(0): {refused}\n");
}

/// A PSK handshake: `EncryptedExtensions` branches straight to `WaitFinished`.
fn psk() {
    println!("== PSK: Dynamic ==");
    let key = 0x0070_5e11;
    let mut client = Dynamic::new(Session::default(), Start);
    client.connect(Some(key)).expect("Start accepts connect");
    client.server_hello(TLS13, true).expect("TLS 1.3");
    client.encrypted_extensions().expect("WaitEe accepts it");
    println!("encrypted_extensions -> {}", client.state_name());
    assert_eq!(client.state_name(), "WaitFinished");
    let mac = seal(key, client.core().transcript);
    client.finished(mac).expect("the MAC checks");
    assert_eq!(client.application_data(512), Ok(512));
    print_sent("client", &mut client);
    println!("{} accepts {:?}", client.state_name(), client.accepts());
}

/// Prints and drains what `client` has to send, through `core_mut()`.
fn print_sent(who: &str, client: &mut Dynamic) {
    for message in client.core_mut().drain() {
        println!("{who} sends {message:?}");
    }
}
