//! The key-value server of `cargo run --example kv`, on tokio: one [`kv`](crate::kv) session per
//! TCP connection, and a client that runs a script of commands against it.
//!
//! The session is sans-IO: [`serve`]'s loop reads a line, [`parse`]s it into an [`Input`],
//! awaits [`Dynamic::handle`] with a timeout, and writes the [`Reply`] back as a line
//! ([`show`]). The session's async handlers await only the [`Backend`], here [`Shared`]: the
//! credential store and the key-value store behind `tokio::sync::RwLock`s, and tokio's clock.
//!
//! The protocol, one command per line:
//!
//! | command | reply |
//! | --- | --- |
//! | (on connect) | `+OK automat-kv ready` |
//! | `PING` | `+PONG` |
//! | `AUTH user password` | `+OK welcome, user`, or `-DENIED …` (each wrong password waits longer; the third closes) |
//! | `GET key` | `$value`, or `_` when nothing is stored |
//! | `SET key value` | `+OK` (at most three writes at once, then one every 50 ms) |
//! | `QUIT` | `+BYE`, and the server closes the connection |
//!
//! `GET` and `SET` before `AUTH` answer `-NOAUTH …`; a command the session refuses otherwise
//! answers `-ERR …`, and so does a command that takes longer than the server's timeout.

use crate::kv::{Dynamic, Greeting, Input, Output, Reply, Server};
use crate::{Backend, Text};
use std::collections::HashMap;
use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{RwLock, oneshot};
use tokio::task::JoinSet;
use tokio::time::Instant;

/// The server's side of every session: the stores, shared by all connections, and the clock.
#[derive(Clone, Debug)]
pub struct Shared {
    /// Passwords by user name: the credential store.
    users: Arc<RwLock<HashMap<String, String>>>,
    /// The key-value store.
    store: Arc<RwLock<HashMap<String, Text>>>,
    /// When the server started: the clock's zero.
    started: Instant,
    /// How long a credential check takes before it reads the store (a remote store's latency).
    check_latency: Duration,
    /// How long a `GET` or `SET` takes before it reaches the store.
    store_latency: Duration,
}

impl Shared {
    /// Stores with these users and their passwords, and nothing stored under any key.
    pub fn new<'a>(users: impl IntoIterator<Item = (&'a str, &'a str)>) -> Shared {
        let users = users
            .into_iter()
            .map(|(user, password)| (user.to_owned(), password.to_owned()))
            .collect();
        Shared {
            users: Arc::new(RwLock::new(users)),
            store: Arc::default(),
            started: Instant::now(),
            check_latency: Duration::ZERO,
            store_latency: Duration::ZERO,
        }
    }

    /// The same stores, slowed down: each credential check waits `check` first, each `GET`
    /// and `SET` waits `store` (to show what a timeout does to a session).
    #[must_use]
    pub fn with_latency(self, check: Duration, store: Duration) -> Shared {
        Shared {
            check_latency: check,
            store_latency: store,
            ..self
        }
    }
}

/// Waits `latency`, unless it is zero.
async fn delay(latency: Duration) {
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
}

impl Backend for Shared {
    async fn check(&self, user: &str, password: &str) -> bool {
        delay(self.check_latency).await;
        let users = self.users.read().await;
        users.get(user).is_some_and(|known| known == password)
    }

    async fn get(&self, key: &str) -> Option<Text> {
        delay(self.store_latency).await;
        self.store.read().await.get(key).copied()
    }

    async fn set(&self, key: &str, value: Text) {
        delay(self.store_latency).await;
        self.store.write().await.insert(key.to_owned(), value);
    }

    async fn sleep(&self, millis: u64) {
        tokio::time::sleep(Duration::from_millis(millis)).await;
    }

    fn now(&self) -> u64 {
        u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX)
    }
}

/// A command line as the session's input, or what is wrong with it.
///
/// # Errors
///
/// The line is empty, names no command, or has the wrong number of words for its command:
/// the error says what to write instead.
pub fn parse(line: &str) -> Result<Input<'_>, &'static str> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let Some((command, args)) = words.split_first() else {
        return Err("empty line");
    };
    match (command.to_ascii_uppercase().as_str(), args) {
        ("PING", []) => Ok(Input::Ping),
        ("AUTH", [user, password]) => Ok(Input::Auth { user, password }),
        ("GET", [key]) => Ok(Input::Get { key }),
        ("SET", [key, value]) => Ok(Input::Set { key, value }),
        ("QUIT", []) => Ok(Input::Quit),
        ("PING", _) => Err("usage: PING"),
        ("AUTH", _) => Err("usage: AUTH user password"),
        ("GET", _) => Err("usage: GET key"),
        ("SET", _) => Err("usage: SET key value (one word)"),
        ("QUIT", _) => Err("usage: QUIT"),
        _ => Err("unknown command: PING, AUTH, GET, SET or QUIT"),
    }
}

/// The reply line of a reply, without its line end.
#[must_use]
pub fn show(reply: Reply) -> String {
    match reply {
        Reply::Hello => "+OK automat-kv ready".to_owned(),
        Reply::Welcome(user) => format!("+OK welcome, {user}"),
        Reply::Denied(left) => format!("-DENIED wrong user or password, {left} tries left"),
        Reply::TooManyTries => "-DENIED wrong user or password, no tries left: bye".to_owned(),
        Reply::Pong => "+PONG".to_owned(),
        Reply::Value(value) => format!("${value}"),
        Reply::Nil => "_".to_owned(),
        Reply::Stored => "+OK".to_owned(),
        Reply::Error(why) => format!("-ERR {why}"),
        Reply::Bye => "+BYE".to_owned(),
    }
}

/// How a session ended, as the server saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ended {
    /// The state the session ended in; for a poisoned session, the state the cancelled
    /// handler started from.
    pub state: &'static str,
    /// Whether a command timed out inside a transition, which left the session poisoned.
    pub poisoned: bool,
    /// The lines the client sent.
    pub lines: u32,
}

/// Accepts connections on `listener` and runs one session for each, in its own task, until
/// `stop` fires (or its sender is dropped); then aborts the sessions still running and returns
/// how the others ended, in the order they ended. A command that takes longer than `timeout`
/// is answered `-ERR timed out`.
///
/// # Errors
///
/// Accepting a connection failed.
pub async fn serve(
    listener: TcpListener,
    backend: Shared,
    timeout: Duration,
    mut stop: oneshot::Receiver<()>,
) -> io::Result<Vec<Ended>> {
    let mut sessions = JoinSet::new();
    let mut ended = Vec::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let (stream, _peer) = accepted?;
                sessions.spawn(session(stream, backend.clone(), timeout));
            }
            Some(done) = sessions.join_next() => {
                // A session whose client went away mid-line ends with an I/O error: not the
                // server's.
                if let Ok(Ok(session)) = done {
                    ended.push(session);
                }
            }
            _ = &mut stop => break,
        }
    }
    sessions.abort_all();
    while let Some(done) = sessions.join_next().await {
        if let Ok(Ok(session)) = done {
            ended.push(session);
        }
    }
    Ok(ended)
}

/// One connection: greets, then answers line by line until the session is closed, poisoned,
/// or the client hangs up.
async fn session(stream: TcpStream, backend: Shared, timeout: Duration) -> io::Result<Ended> {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read).lines();
    let mut session = Dynamic::new(Server { backend }, Greeting);
    let mut count = 0;
    let hello = match session.connect() {
        Ok(reply) => show(reply),
        Err(refused) => format!("-ERR {refused}"),
    };
    send(&mut write, &hello).await?;
    while let Some(line) = lines.next_line().await? {
        count += 1;
        let answer = match parse(&line) {
            Err(usage) => format!("-ERR {usage}"),
            Ok(input) => match tokio::time::timeout(timeout, session.handle(input)).await {
                Ok(Ok(output)) => show(reply(&output)),
                Ok(Err(refused)) if refused.state() == "Unauthenticated" => {
                    "-NOAUTH authenticate first: AUTH user password".to_owned()
                }
                Ok(Err(refused)) => format!("-ERR {refused}"),
                // `timeout` dropped the command's future where it was waiting: a transition's
                // (`AUTH`) leaves the session poisoned, a loop's (`GET`, `SET`) leaves it in the
                // state it was in, and the session goes on.
                Err(_elapsed) => "-ERR timed out".to_owned(),
            },
        };
        send(&mut write, &answer).await?;
        if session.is_poisoned() || session.state_name() == "Closed" {
            break;
        }
    }
    let state = session.state_name();
    // The core (here, the backend) comes back even from a poisoned session; the state does not.
    let (_server, left) = session.into_parts();
    Ok(Ended {
        state,
        poisoned: left.is_none(),
        lines: count,
    })
}

/// The reply inside an output: every input of the session answers with a [`Reply`].
fn reply(output: &Output) -> Reply {
    match output {
        Output::Connect(reply)
        | Output::Auth(reply)
        | Output::Ping(reply)
        | Output::Get(reply)
        | Output::Set(reply)
        | Output::Quit(reply) => *reply,
    }
}

/// Writes `line` and a line end.
async fn send(write: &mut (impl AsyncWriteExt + Unpin), line: &str) -> io::Result<()> {
    write.write_all(format!("{line}\r\n").as_bytes()).await
}

/// Connects to `server`, reads the greeting, then sends each line of `script` and reads the
/// reply, until the script ends or the server closes the connection. Returns each line sent
/// with its reply, the greeting first (sent as the empty line).
///
/// # Errors
///
/// Connecting, reading or writing failed.
pub async fn client(server: SocketAddr, script: &[&str]) -> io::Result<Vec<(String, String)>> {
    let (read, mut write) = TcpStream::connect(server).await?.into_split();
    let mut lines = BufReader::new(read).lines();
    let mut transcript = Vec::new();
    let Some(greeting) = lines.next_line().await? else {
        return Ok(transcript);
    };
    transcript.push((String::new(), greeting));
    for &line in script {
        send(&mut write, line).await?;
        let Some(reply) = lines.next_line().await? else {
            break;
        };
        transcript.push((line.to_owned(), reply));
    }
    // Say so, and wait for the server to close the connection (it may have closed it first,
    // after `QUIT`), so the session has ended when this returns.
    write.shutdown().await.ok();
    while let Ok(Some(_)) = lines.next_line().await {}
    Ok(transcript)
}

/// Runs `script` against a server of its own on `127.0.0.1:0` (a port the system chooses),
/// then stops the server: the transcript and how the session ended.
///
/// # Errors
///
/// Binding the port, or the client's or the server's I/O, failed.
pub async fn run(
    backend: Shared,
    timeout: Duration,
    script: &[&str],
) -> io::Result<(Vec<(String, String)>, Vec<Ended>)> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let address = listener.local_addr()?;
    let (stop, stopped) = oneshot::channel();
    let server = tokio::spawn(serve(listener, backend, timeout, stopped));
    let transcript = client(address, script).await;
    // Stopping an already stopped server is no error: the receiver is gone with it.
    let _ = stop.send(());
    let ended = server.await.map_err(io::Error::other)??;
    Ok((transcript?, ended))
}
