//! A key-value session whose handlers await: one connection of a small Redis-like line protocol,
//! generic over the server it runs in, so the session itself needs no runtime and no allocator.

use core::future::Future;

/// What a session needs from the server it runs in: the credential store, the shared key-value
/// store and a clock. Every method that may wait returns a future, which the session's async
/// handlers await; the session is generic over it (`kv::Server<B: Backend>`), so it runs on
/// tokio in `cargo run --example kv`, and on a test's fake backend with no runtime at all.
///
/// The futures are `Send`, and so is the backend, so a session is `Send` and runs inside
/// `tokio::spawn`.
pub trait Backend: Send + Sync {
    /// Whether `password` is `user`'s (a look-up in the credential store).
    fn check(&self, user: &str, password: &str) -> impl Future<Output = bool> + Send;
    /// The value stored under `key`, if any.
    fn get(&self, key: &str) -> impl Future<Output = Option<Text>> + Send;
    /// Stores `value` under `key`, replacing what was there.
    fn set(&self, key: &str, value: Text) -> impl Future<Output = ()> + Send;
    /// Waits `millis` milliseconds.
    fn sleep(&self, millis: u64) -> impl Future<Output = ()> + Send;
    /// Milliseconds since some fixed instant, never going back.
    fn now(&self) -> u64;
}

/// A short string kept inline, at most [`Text::CAPACITY`] bytes: a user name or a stored value.
/// The session allocates nothing, so its replies carry values in this form.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Text {
    len: u8,
    bytes: [u8; Text::CAPACITY],
}

impl Text {
    /// The longest text, in bytes.
    pub const CAPACITY: usize = 64;

    /// `text` kept inline, or `None` when it is longer than [`Text::CAPACITY`] bytes.
    #[must_use]
    pub fn new(text: &str) -> Option<Text> {
        let len = u8::try_from(text.len()).ok()?;
        let mut bytes = [0; Text::CAPACITY];
        bytes
            .get_mut(..text.len())?
            .copy_from_slice(text.as_bytes());
        Some(Text { len, bytes })
    }

    /// The text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        // The bytes are a copy of a `&str`'s, so they are UTF-8.
        core::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

impl core::fmt::Debug for Text {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        core::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl core::fmt::Display for Text {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One connection to a key-value server, from the greeting to `QUIT`: the client must `AUTH`
/// before it may `GET` and `SET`; `PING` and `QUIT` work before and after.
///
/// Three handlers await the [`Backend`]: `auth` checks the credential store (and makes a wrong
/// password cost a growing wait), `get` reads the shared store, `set` waits for the write rate
/// limiter and writes. The others are plain `fn`s, and their methods stay synchronous.
///
/// The session reads no socket and writes none: the server's loop parses each line into an
/// input and writes the output back (see `automat_examples::kv_server`).
#[automat::machine(derive(Debug, PartialEq))]
pub mod kv {
    use super::{Backend, Text};

    /// What a client can say, once its line is parsed.
    pub trait Session {
        /// The client connected; the output is the server's greeting.
        fn connect(&mut self) -> Reply;
        /// `AUTH user password`: checked against the credential store.
        async fn auth(&mut self, user: &str, password: &str) -> Reply;
        /// `PING`.
        fn ping(&mut self) -> Reply;
        /// `GET key`.
        async fn get(&mut self, key: &str) -> Reply;
        /// `SET key value`.
        async fn set(&mut self, key: &str, value: &str) -> Reply;
        /// `QUIT`.
        fn quit(&mut self) -> Reply;
    }

    /// The answer to a command, before it is written as a line.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Reply {
        /// The greeting: the server is ready.
        Hello,
        /// Authenticated, as this user.
        Welcome(Text),
        /// Wrong user or password; this many tries are left.
        Denied(u8),
        /// Wrong once too often: the session is closed.
        TooManyTries,
        /// The answer to `PING`.
        Pong,
        /// The value stored under the key.
        Value(Text),
        /// Nothing is stored under the key.
        Nil,
        /// The value is stored.
        Stored,
        /// The command was understood but cannot be done.
        Error(&'static str),
        /// The answer to `QUIT`.
        Bye,
    }

    /// Wrong passwords a session may send before it is closed.
    pub const TRIES: u8 = 3;

    /// The wait after the first wrong password, doubled after each further one.
    pub const PENALTY_MS: u64 = 100;

    /// Writes a session may make at once, before the limiter makes it wait.
    pub const BURST: u32 = 3;

    /// How often the limiter gives back one write.
    pub const REFILL_MS: u64 = 50;

    /// What every state of the session reaches: the server it runs in.
    #[core]
    #[derive(Debug, PartialEq)]
    pub struct Server<B: Backend> {
        /// The stores and the clock.
        pub backend: B,
    }

    /// Connected, not yet greeted.
    #[state(initial)]
    #[derive(Debug, PartialEq)]
    pub struct Greeting;

    /// Greeted; waiting for `AUTH`.
    #[state]
    #[derive(Debug, PartialEq)]
    pub struct Unauthenticated {
        /// Wrong passwords so far.
        pub failures: u8,
    }

    /// Authenticated: `GET` and `SET` work.
    #[state]
    #[derive(Debug, PartialEq)]
    pub struct Ready {
        /// Who authenticated.
        pub user: Text,
        /// The write rate limiter.
        pub writes: Limiter,
    }

    /// After `QUIT`, or too many wrong passwords.
    #[state]
    #[derive(Debug, PartialEq)]
    pub struct Closed;

    /// The states in which `PING` and `QUIT` work.
    #[group]
    pub enum Open {
        /// Before `AUTH`.
        Unauthenticated(Unauthenticated),
        /// After it.
        Ready(Ready),
    }

    /// Where `AUTH` leads.
    #[branch]
    pub enum Login {
        /// The password is right.
        Accepted(Ready),
        /// Wrong, with tries left.
        Denied(Unauthenticated),
        /// Wrong, with no tries left.
        Closed(Closed),
    }

    /// A token bucket: [`BURST`] writes at once, then one every [`REFILL_MS`].
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct Limiter {
        /// Writes that may be made now.
        pub tokens: u32,
        /// When the last token was given back, by the backend's clock.
        pub since: u64,
    }

    impl Limiter {
        /// A full bucket at `now`.
        #[must_use]
        pub fn new(now: u64) -> Limiter {
            Limiter {
                tokens: BURST,
                since: now,
            }
        }

        /// Takes one write, first waiting for one to be given back when there is none.
        async fn take<B: Backend>(&mut self, backend: &B) {
            self.refill(backend.now());
            if self.tokens == 0 {
                let due = self.since + REFILL_MS;
                backend.sleep(due.saturating_sub(backend.now())).await;
                self.refill(backend.now().max(due));
            }
            self.tokens = self.tokens.saturating_sub(1);
        }

        /// Gives back the tokens earned since the last one, up to [`BURST`].
        fn refill(&mut self, now: u64) {
            let earned = now.saturating_sub(self.since) / REFILL_MS;
            if earned == 0 {
                return;
            }
            let earned = u32::try_from(earned).unwrap_or(u32::MAX);
            self.tokens = self.tokens.saturating_add(earned).min(BURST);
            self.since = if self.tokens == BURST {
                now
            } else {
                self.since + u64::from(earned) * REFILL_MS
            };
        }
    }

    #[transitions]
    impl<B: Backend> Greeting {
        fn connect(self, _server: &mut Server<B>) -> (Unauthenticated, Reply) {
            (Unauthenticated { failures: 0 }, Reply::Hello)
        }
    }

    #[transitions]
    impl<B: Backend> Unauthenticated {
        /// Asks the credential store; a wrong password waits [`PENALTY_MS`], doubled for each
        /// earlier failure, before it answers, so guessing is slow.
        async fn auth(self, server: &mut Server<B>, user: &str, password: &str) -> (Login, Reply) {
            if let Some(name) = Text::new(user)
                && server.backend.check(user, password).await
            {
                let writes = Limiter::new(server.backend.now());
                let ready = Ready { user: name, writes };
                return (Login::Accepted(ready), Reply::Welcome(name));
            }
            server
                .backend
                .sleep(PENALTY_MS << self.failures.min(8))
                .await;
            let failures = self.failures + 1;
            if failures >= TRIES {
                return (Login::Closed(Closed), Reply::TooManyTries);
            }
            (
                Login::Denied(Unauthenticated { failures }),
                Reply::Denied(TRIES - failures),
            )
        }
    }

    #[transitions]
    impl<B: Backend> Ready {
        async fn get(&mut self, server: &mut Server<B>, key: &str) -> Reply {
            match server.backend.get(key).await {
                Some(value) => Reply::Value(value),
                None => Reply::Nil,
            }
        }

        /// Waits for the rate limiter, then writes.
        async fn set(&mut self, server: &mut Server<B>, key: &str, value: &str) -> Reply {
            let Some(value) = Text::new(value) else {
                return Reply::Error("the value is longer than 64 bytes");
            };
            self.writes.take(&server.backend).await;
            server.backend.set(key, value).await;
            Reply::Stored
        }
    }

    #[transitions]
    impl<B: Backend> Open {
        fn ping(&mut self, _server: &mut Server<B>) -> Reply {
            Reply::Pong
        }

        fn quit(self, _server: &mut Server<B>) -> (Closed, Reply) {
            (Closed, Reply::Bye)
        }
    }
}
