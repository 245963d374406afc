//! The async key-value session: its server started on a port of its own on the loopback address
//! and stopped by each test, a client's session against it asserted line by line; and the
//! session's waits (the password penalty, the write limiter) on tokio's paused clock.

use automat_examples::kv::{Dynamic, Greeting, Reply, Server};
use automat_examples::kv_server::{Ended, Shared, parse, run};
use automat_examples::{Backend, Text};
use std::time::Duration;
use tokio::time::Instant;

/// The exchange a client expects: the greeting (sent as the empty line), then each line sent
/// with its reply.
fn exchange(lines: &[(&str, &str)]) -> Vec<(String, String)> {
    lines
        .iter()
        .map(|&(sent, heard)| (sent.to_owned(), heard.to_owned()))
        .collect()
}

fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

#[tokio::test]
async fn a_client_session_over_tcp() {
    let backend = Shared::new([("admin", "s3cret")]);
    let script = [
        "PING",
        "GET motd",
        "AUTH admin guess",
        "AUTH admin s3cret",
        "SET motd hello",
        "GET motd",
        "get nothing",
        "SET motd",
        "FLY away",
        "AUTH admin s3cret",
        "QUIT",
    ];
    let (transcript, ended) = run(backend, Duration::from_secs(5), &script).await.unwrap();
    assert_eq!(
        transcript,
        exchange(&[
            ("", "+OK automat-kv ready"),
            ("PING", "+PONG"),
            ("GET motd", "-NOAUTH authenticate first: AUTH user password"),
            (
                "AUTH admin guess",
                "-DENIED wrong user or password, 2 tries left"
            ),
            ("AUTH admin s3cret", "+OK welcome, admin"),
            ("SET motd hello", "+OK"),
            ("GET motd", "$hello"),
            ("get nothing", "_"),
            ("SET motd", "-ERR usage: SET key value (one word)"),
            (
                "FLY away",
                "-ERR unknown command: PING, AUTH, GET, SET or QUIT"
            ),
            (
                "AUTH admin s3cret",
                "-ERR input `auth` is not accepted in state `Ready`"
            ),
            ("QUIT", "+BYE"),
        ])
    );
    assert_eq!(
        ended,
        [Ended {
            state: "Closed",
            poisoned: false,
            lines: 11
        }]
    );
}

#[tokio::test]
async fn sessions_share_the_store_and_the_third_wrong_password_closes() {
    let backend = Shared::new([("admin", "s3cret"), ("reader", "r3ad")]);
    let writer = run(
        backend.clone(),
        Duration::from_secs(5),
        &["AUTH reader r3ad", "SET lang rust", "QUIT"],
    );
    let (_, ended) = writer.await.unwrap();
    assert_eq!(ended[0].state, "Closed");
    let script = ["AUTH admin s3cret", "GET lang"];
    let (transcript, _) = run(backend.clone(), Duration::from_secs(5), &script)
        .await
        .unwrap();
    assert_eq!(transcript[2], ("GET lang".to_owned(), "$rust".to_owned()));

    let script = ["AUTH admin 1", "AUTH admin 2", "AUTH admin 3"];
    let (transcript, ended) = run(backend, Duration::from_secs(5), &script).await.unwrap();
    assert_eq!(
        transcript,
        exchange(&[
            ("", "+OK automat-kv ready"),
            (
                "AUTH admin 1",
                "-DENIED wrong user or password, 2 tries left"
            ),
            (
                "AUTH admin 2",
                "-DENIED wrong user or password, 1 tries left"
            ),
            (
                "AUTH admin 3",
                "-DENIED wrong user or password, no tries left: bye"
            ),
        ])
    );
    assert_eq!(
        ended,
        [Ended {
            state: "Closed",
            poisoned: false,
            lines: 3
        }]
    );
}

#[tokio::test]
async fn a_loop_that_times_out_leaves_the_session_where_it_was() {
    // Every `GET` and `SET` takes a minute; the server gives a command 100 ms.
    let backend = Shared::new([("admin", "s3cret")]).with_latency(Duration::ZERO, ms(60_000));
    let script = [
        "AUTH admin s3cret",
        "GET motd",
        "SET motd hi",
        "PING",
        "QUIT",
    ];
    let (transcript, ended) = run(backend, ms(100), &script).await.unwrap();
    assert_eq!(
        transcript,
        exchange(&[
            ("", "+OK automat-kv ready"),
            ("AUTH admin s3cret", "+OK welcome, admin"),
            ("GET motd", "-ERR timed out"),
            ("SET motd hi", "-ERR timed out"),
            ("PING", "+PONG"),
            ("QUIT", "+BYE"),
        ])
    );
    assert_eq!(
        ended,
        [Ended {
            state: "Closed",
            poisoned: false,
            lines: 5
        }]
    );
}

#[tokio::test]
async fn a_transition_that_times_out_poisons_the_session() {
    // The credential check takes a minute; the server gives a command 100 ms.
    let backend = Shared::new([("admin", "s3cret")]).with_latency(ms(60_000), Duration::ZERO);
    let (transcript, ended) = run(backend, ms(100), &["AUTH admin s3cret"]).await.unwrap();
    assert_eq!(
        transcript,
        exchange(&[
            ("", "+OK automat-kv ready"),
            ("AUTH admin s3cret", "-ERR timed out"),
        ])
    );
    assert_eq!(
        ended,
        [Ended {
            state: "Unauthenticated",
            poisoned: true,
            lines: 1
        }]
    );
}

/// A session in `Ready`, driven without a socket.
async fn ready() -> Dynamic<Shared> {
    let backend = Shared::new([("admin", "s3cret")]);
    let mut session = Dynamic::new(Server { backend }, Greeting);
    assert_eq!(session.connect(), Ok(Reply::Hello));
    let welcome = session.auth("admin", "s3cret").await;
    assert_eq!(welcome, Ok(Reply::Welcome(Text::new("admin").unwrap())));
    session
}

#[tokio::test(start_paused = true)]
async fn each_wrong_password_waits_twice_as_long_as_the_last() {
    let backend = Shared::new([("admin", "s3cret")]);
    let mut session = Dynamic::new(Server { backend }, Greeting);
    session.connect().unwrap();
    let start = Instant::now();
    assert_eq!(session.auth("admin", "x").await, Ok(Reply::Denied(2)));
    assert_eq!(start.elapsed(), ms(100));
    assert_eq!(session.auth("guest", "s3cret").await, Ok(Reply::Denied(1)));
    assert_eq!(start.elapsed(), ms(300));
    assert_eq!(session.state_name(), "Unauthenticated");
    assert_eq!(session.auth("admin", "y").await, Ok(Reply::TooManyTries));
    assert_eq!(start.elapsed(), ms(700));
    assert_eq!(session.state_name(), "Closed");
}

#[tokio::test(start_paused = true)]
async fn writes_beyond_the_burst_wait_for_the_limiter() {
    let mut session = ready().await;
    let start = Instant::now();
    for key in ["a", "b", "c"] {
        assert_eq!(session.set(key, "1").await, Ok(Reply::Stored));
    }
    assert_eq!(start.elapsed(), Duration::ZERO, "three writes at once");
    assert_eq!(session.set("d", "1").await, Ok(Reply::Stored));
    assert_eq!(start.elapsed(), ms(50), "then one every 50 ms");
    assert_eq!(session.set("e", "1").await, Ok(Reply::Stored));
    assert_eq!(start.elapsed(), ms(100));
    // Reads are not limited.
    assert_eq!(
        session.get("e").await,
        Ok(Reply::Value(Text::new("1").unwrap()))
    );
    assert_eq!(start.elapsed(), ms(100));
    // Idle for long enough, the bucket fills up again, to three writes and no more.
    tokio::time::sleep(ms(1000)).await;
    for key in ["f", "g", "h"] {
        assert_eq!(session.set(key, "1").await, Ok(Reply::Stored));
    }
    assert_eq!(start.elapsed(), ms(1100));
    assert_eq!(session.set("i", "1").await, Ok(Reply::Stored));
    assert_eq!(start.elapsed(), ms(1150));
}

#[tokio::test(start_paused = true)]
async fn a_value_too_long_is_refused_without_taking_a_write() {
    let mut session = ready().await;
    let long = "x".repeat(Text::CAPACITY + 1);
    for _ in 0..5 {
        assert_eq!(
            session.set("k", &long).await,
            Ok(Reply::Error("the value is longer than 64 bytes"))
        );
    }
    let start = Instant::now();
    let longest = "x".repeat(Text::CAPACITY);
    for _ in 0..3 {
        assert_eq!(session.set("k", &longest).await, Ok(Reply::Stored));
    }
    assert_eq!(start.elapsed(), Duration::ZERO);
    let stored = session.get("k").await.unwrap();
    assert_eq!(stored, Reply::Value(Text::new(&longest).unwrap()));
}

#[test]
fn text_keeps_at_most_its_capacity() {
    assert_eq!(Text::new("").unwrap().as_str(), "");
    assert_eq!(Text::new("héllo").unwrap().as_str(), "héllo");
    let longest = "é".repeat(Text::CAPACITY / 2);
    assert_eq!(Text::new(&longest).unwrap().as_str(), longest);
    assert_eq!(Text::new(&format!("{longest}x")), None);
}

#[test]
fn parse_reads_commands_in_any_case_and_refuses_the_rest() {
    use automat_examples::kv::Input;
    assert_eq!(parse("ping"), Ok(Input::Ping));
    assert_eq!(
        parse("  Auth admin  s3cret "),
        Ok(Input::Auth {
            user: "admin",
            password: "s3cret"
        })
    );
    assert_eq!(
        parse("SET k v"),
        Ok(Input::Set {
            key: "k",
            value: "v"
        })
    );
    assert_eq!(parse(""), Err("empty line"));
    assert_eq!(parse("QUIT now"), Err("usage: QUIT"));
    assert_eq!(parse("GET"), Err("usage: GET key"));
}

/// A backend without a runtime: one user, a store of one key, and a clock that only `sleep`
/// moves. Every future it returns is ready at once.
#[derive(Default)]
struct Fake {
    clock: std::sync::atomic::AtomicU64,
    stored: std::sync::Mutex<Option<(String, Text)>>,
}

impl Backend for Fake {
    async fn check(&self, user: &str, password: &str) -> bool {
        (user, password) == ("admin", "s3cret")
    }

    async fn get(&self, key: &str) -> Option<Text> {
        let stored = self.stored.lock().unwrap();
        stored.as_ref().filter(|(k, _)| k == key).map(|(_, v)| *v)
    }

    async fn set(&self, key: &str, value: Text) {
        *self.stored.lock().unwrap() = Some((key.to_owned(), value));
    }

    async fn sleep(&self, millis: u64) {
        self.clock
            .fetch_add(millis, std::sync::atomic::Ordering::Relaxed);
    }

    fn now(&self) -> u64 {
        self.clock.load(std::sync::atomic::Ordering::Relaxed)
    }
}

/// Polls `future` once with a waker that does nothing: the fake's futures are ready at once.
fn now<F: std::future::Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    match future.as_mut().poll(&mut context) {
        std::task::Poll::Ready(output) => output,
        std::task::Poll::Pending => panic!("the fake backend never waits"),
    }
}

#[test]
fn the_session_runs_without_a_runtime() {
    let mut session = Dynamic::new(
        Server {
            backend: Fake::default(),
        },
        Greeting,
    );
    assert_eq!(session.connect(), Ok(Reply::Hello));
    assert_eq!(session.ping(), Ok(Reply::Pong));
    let refused = now(session.get("k")).unwrap_err();
    assert_eq!(
        (refused.state(), refused.input()),
        ("Unauthenticated", "get")
    );
    assert_eq!(now(session.auth("admin", "guess")), Ok(Reply::Denied(2)));
    assert_eq!(session.core().backend.now(), 100, "the penalty was slept");
    let welcome = now(session.auth("admin", "s3cret"));
    assert_eq!(welcome, Ok(Reply::Welcome(Text::new("admin").unwrap())));
    for value in ["1", "2", "3", "4"] {
        assert_eq!(now(session.set("k", value)), Ok(Reply::Stored));
    }
    assert_eq!(
        session.core().backend.now(),
        150,
        "the fourth write waited 50 ms"
    );
    let four = Reply::Value(Text::new("4").unwrap());
    assert_eq!(now(session.get("k")), Ok(four));
    assert_eq!(now(session.get("other")), Ok(Reply::Nil));
    assert_eq!(session.quit(), Ok(Reply::Bye));
    assert_eq!(session.accepts(), [] as [&str; 0]);
}

#[test]
fn a_command_dropped_before_its_first_poll_changes_nothing() {
    let mut session = Dynamic::new(
        Server {
            backend: Fake::default(),
        },
        Greeting,
    );
    session.connect().unwrap();
    // An `AUTH` whose future is never polled: the handler has not started.
    drop(session.auth("admin", "s3cret"));
    assert!(!session.is_poisoned());
    assert_eq!(session.state_name(), "Unauthenticated");
    assert_eq!(now(session.auth("admin", "s3cret")).map(|_| ()), Ok(()));
    assert_eq!(session.state_name(), "Ready");
}
