//! A line protocol read from borrowed bytes: a session that keeps part of a line it was given
//! (the client's name) without copying it, and takes bulk data borrowed for one call only.

/// A session of a small line protocol, in the manner of SMTP: the client says `HELLO name`,
/// then `SEND text` any number of times, with bulk data in between, then `QUIT`.
///
/// The lines are borrowed from the buffer they arrived in, for as long as the session lives
/// (`'buf`): `Ready` holds the name, and the `Welcome` reply hands it back, both slices of the
/// buffer. Bulk data is borrowed for the call only: `data(&[u8])` counts it and lets it go, so
/// `Input` has a lifetime of its own, `'input`, for it.
#[automat::machine(derive(Debug, PartialEq))]
pub mod lines {
    /// What a session reads.
    pub trait Session<'buf> {
        /// A command line, without its line end; the session may keep parts of it.
        fn line(&mut self, line: &'buf [u8]) -> Reply<'buf>;
        /// Bulk data, counted and let go; the output is the bytes received so far.
        fn data(&mut self, bytes: &[u8]) -> u64;
    }

    /// The answer to a line.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Reply<'buf> {
        /// Greeted, by the name given: a slice of the `HELLO` line, not a copy.
        Welcome(&'buf [u8]),
        /// Accepted: the lines sent so far.
        Sent(u32),
        /// Not understood, and why.
        Error(&'static str),
        /// Goodbye, with the bytes of data received.
        Bye(u64),
    }

    /// What went through the session.
    #[core]
    #[derive(Debug, Default, PartialEq, Eq)]
    pub struct Core {
        /// `SEND` lines accepted.
        pub sent: u32,
        /// Bytes of bulk data received.
        pub bytes: u64,
    }

    /// Waiting for `HELLO name`.
    #[state(initial)]
    #[derive(Debug, PartialEq, Eq)]
    pub struct Greeting;

    /// Greeted: holds the client's name, borrowed from the `HELLO` line.
    #[state]
    #[derive(Debug, PartialEq, Eq)]
    pub struct Ready<'buf> {
        /// The name, a slice of the line it came in.
        pub name: &'buf [u8],
    }

    /// After `QUIT`.
    #[state]
    #[derive(Debug, PartialEq, Eq)]
    pub struct Closed;

    /// Where a greeting line leads.
    #[branch]
    pub enum Hello<'buf> {
        /// `HELLO name`.
        Welcomed(Ready<'buf>),
        /// Anything else.
        Refused(Greeting),
    }

    /// Where a command leads.
    #[branch]
    pub enum Command<'buf> {
        /// `SEND`, or a line not understood.
        Stay(Ready<'buf>),
        /// `QUIT`.
        Quit(Closed),
    }

    #[transitions]
    impl<'buf> Greeting {
        fn line(self, _core: &mut Core, line: &'buf [u8]) -> (Hello<'buf>, Reply<'buf>) {
            match line.strip_prefix(b"HELLO ") {
                Some(name) if !name.is_empty() => {
                    (Hello::Welcomed(Ready { name }), Reply::Welcome(name))
                }
                _ => (Hello::Refused(self), Reply::Error("say `HELLO name` first")),
            }
        }
    }

    #[transitions]
    impl<'buf> Ready<'buf> {
        fn line(self, core: &mut Core, line: &'buf [u8]) -> (Command<'buf>, Reply<'buf>) {
            if line == b"QUIT" {
                return (Command::Quit(Closed), Reply::Bye(core.bytes));
            }
            if line.starts_with(b"SEND ") {
                core.sent += 1;
                return (Command::Stay(self), Reply::Sent(core.sent));
            }
            (
                Command::Stay(self),
                Reply::Error("expected `SEND text` or `QUIT`"),
            )
        }

        fn data(&mut self, core: &mut Core, bytes: &[u8]) -> u64 {
            core.bytes += bytes.len() as u64;
            core.bytes
        }
    }
}
