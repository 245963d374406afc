//! The connection state machine of RFC 793 (TCP), all eleven states, generic over where its
//! segments go.

/// Where a connection's segments go: a network interface, a capture, a test's log. The
/// connection is generic over it (`tcp::Core<T: Sink>`), so each use compiles to direct calls.
pub trait Sink {
    /// Takes a segment this end sends.
    fn send(&mut self, segment: &tcp::Segment);
}

/// Sends nothing: the sink of a connection whose segments are read from its outputs alone.
impl Sink for () {
    fn send(&mut self, _segment: &tcp::Segment) {}
}

/// One end of a TCP connection, as RFC 793 draws it (section 3.2, figure 6), with the sequence
/// numbers that make the handshakes work.
///
/// The inputs are the user's calls (`OPEN`, `SEND`, `CLOSE`) and the segments that arrive
/// (`SYN`, `SYN,ACK`, `ACK`, `FIN`, data, `RST`) plus the `TIME-WAIT` timeout; the output
/// of each is the segment this end sends in reply, if any. Every segment is assumed to
/// arrive in order and acceptable: retransmission, windows and the checks of section 3.9 are
/// left out, so the graph stays the RFC's.
#[automat::machine(derive(Debug, Clone, PartialEq, Eq), serde)]
pub mod tcp {
    use super::Sink;
    use core::fmt;

    /// What happens to a connection: a user call, an arriving segment, or a timeout.
    pub trait Connection {
        /// The user's passive `OPEN`: wait for a peer to connect.
        fn passive_open(&mut self);
        /// The user's active `OPEN`: connect to a peer; sends `SYN`.
        fn active_open(&mut self) -> Segment;
        /// The user's `SEND` of `len` bytes.
        fn send(&mut self, len: u32) -> Segment;
        /// The user's `CLOSE`: no more data from this end.
        fn close(&mut self) -> Option<Segment>;
        /// A `SYN` arrives: the peer opens, starting at sequence number `seq`.
        fn syn(&mut self, seq: u32) -> Segment;
        /// A `SYN,ACK` arrives: the peer opens and acknowledges our `SYN`.
        fn syn_ack(&mut self, seq: u32, ack: u32) -> Segment;
        /// An `ACK` arrives, acknowledging everything before `ack`.
        fn ack(&mut self, ack: u32);
        /// A segment with `len` bytes of data arrives, starting at `seq`.
        fn data(&mut self, seq: u32, len: u32) -> Segment;
        /// A `FIN` arrives at `seq`: the peer has no more data.
        fn fin(&mut self, seq: u32) -> Segment;
        /// An `RST` arrives: the peer aborts the connection.
        fn rst(&mut self);
        /// The `TIME-WAIT` timer (2 MSL) runs out.
        fn timeout(&mut self);
    }

    /// A segment this end sends: the control bits set, with its sequence and acknowledgment
    /// numbers.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Segment {
        /// `SYN`: open, starting at `seq`.
        Syn {
            /// The initial send sequence number.
            seq: u32,
        },
        /// `SYN,ACK`: open, and acknowledge the peer's `SYN`.
        SynAck {
            /// The initial send sequence number.
            seq: u32,
            /// The next sequence number expected from the peer.
            ack: u32,
        },
        /// `ACK` with no data.
        Ack {
            /// The sequence number of the next byte to send.
            seq: u32,
            /// The next sequence number expected from the peer.
            ack: u32,
        },
        /// `ACK` carrying `len` bytes of data.
        Data {
            /// The sequence number of the first byte.
            seq: u32,
            /// The next sequence number expected from the peer.
            ack: u32,
            /// How many bytes the segment carries.
            len: u32,
        },
        /// `FIN,ACK`: no more data from this end.
        Fin {
            /// The sequence number of the `FIN`.
            seq: u32,
            /// The next sequence number expected from the peer.
            ack: u32,
        },
    }

    impl Segment {
        /// The input this segment is to the connection at the other end.
        #[must_use]
        pub fn arrival(self) -> Input {
            match self {
                Segment::Syn { seq } => Input::Syn { seq },
                Segment::SynAck { seq, ack } => Input::SynAck { seq, ack },
                Segment::Ack { ack, .. } => Input::Ack { ack },
                Segment::Data { seq, len, .. } => Input::Data { seq, len },
                Segment::Fin { seq, .. } => Input::Fin { seq },
            }
        }
    }

    /// As RFC 793 writes segments: `<SEQ=100><ACK=301><CTL=SYN,ACK>`, and `<DATA=n>` for the
    /// length of the data.
    impl fmt::Display for Segment {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match *self {
                Segment::Syn { seq } => write!(f, "<SEQ={seq}><CTL=SYN>"),
                Segment::SynAck { seq, ack } => write!(f, "<SEQ={seq}><ACK={ack}><CTL=SYN,ACK>"),
                Segment::Ack { seq, ack } => write!(f, "<SEQ={seq}><ACK={ack}><CTL=ACK>"),
                Segment::Data { seq, ack, len } => {
                    write!(f, "<SEQ={seq}><ACK={ack}><CTL=ACK><DATA={len}>")
                }
                Segment::Fin { seq, ack } => write!(f, "<SEQ={seq}><ACK={ack}><CTL=FIN,ACK>"),
            }
        }
    }

    impl Output {
        /// The segment sent in reply to an input, if any.
        #[must_use]
        pub fn segment(self) -> Option<Segment> {
            match self {
                Output::ActiveOpen(segment)
                | Output::Send(segment)
                | Output::Syn(segment)
                | Output::SynAck(segment)
                | Output::Data(segment)
                | Output::Fin(segment) => Some(segment),
                Output::Close(segment) => segment,
                Output::PassiveOpen(())
                | Output::Ack(())
                | Output::Rst(())
                | Output::Timeout(()) => None,
            }
        }
    }

    /// The transmission control block: the sequence-number variables of RFC 793 section 3.2,
    /// what went through, and the sink `T` every segment sent goes to (none by default).
    #[core]
    #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
    #[serde(bound(serialize = "", deserialize = "T: Default"))]
    pub struct Core<T: Sink = ()> {
        /// `ISS`: the initial send sequence number.
        pub iss: u32,
        /// `SND.UNA`: the oldest sequence number sent and not yet acknowledged.
        pub snd_una: u32,
        /// `SND.NXT`: the next sequence number to send.
        pub snd_nxt: u32,
        /// `RCV.NXT`: the next sequence number expected from the peer.
        pub rcv_nxt: u32,
        /// Bytes the user sent before the connection was established, waiting to go out.
        pub queued: u32,
        /// Bytes of data sent.
        pub bytes_sent: u64,
        /// Bytes of data received.
        pub bytes_received: u64,
        /// Where segments go. Not saved: a restored connection is given a new one.
        #[serde(skip)]
        pub sink: T,
    }

    impl Core {
        /// A control block whose first sequence number will be `iss`, sending to no sink.
        #[must_use]
        pub fn new(iss: u32) -> Self {
            Core::with_sink(iss, ())
        }
    }

    impl<T: Sink> Core<T> {
        /// A control block whose first sequence number will be `iss`, sending to `sink`.
        #[must_use]
        pub fn with_sink(iss: u32, sink: T) -> Self {
            Core {
                iss,
                snd_una: iss,
                snd_nxt: iss,
                rcv_nxt: 0,
                queued: 0,
                bytes_sent: 0,
                bytes_received: 0,
                sink,
            }
        }

        /// Hands `segment` to the sink, and back as the input's output.
        fn sent(&mut self, segment: Segment) -> Segment {
            self.sink.send(&segment);
            segment
        }

        /// Our `SYN`, which takes one sequence number.
        fn syn(&mut self) -> Segment {
            self.snd_nxt = self.iss.wrapping_add(1);
            self.sent(Segment::Syn { seq: self.iss })
        }

        /// Takes in the peer's `SYN` at `seq` and answers with our own `SYN,ACK`.
        fn syn_ack(&mut self, seq: u32) -> Segment {
            self.rcv_nxt = seq.wrapping_add(1);
            self.snd_nxt = self.iss.wrapping_add(1);
            self.sent(Segment::SynAck {
                seq: self.iss,
                ack: self.rcv_nxt,
            })
        }

        /// An `ACK` of everything received so far.
        fn ack(&mut self) -> Segment {
            self.sent(Segment::Ack {
                seq: self.snd_nxt,
                ack: self.rcv_nxt,
            })
        }

        /// `len` bytes of data, sent now.
        fn data(&mut self, len: u32) -> Segment {
            let segment = Segment::Data {
                seq: self.snd_nxt,
                ack: self.rcv_nxt,
                len,
            };
            self.snd_nxt = self.snd_nxt.wrapping_add(len);
            self.bytes_sent += u64::from(len);
            self.sent(segment)
        }

        /// Takes in `len` bytes at `seq` and acknowledges them.
        fn receive(&mut self, seq: u32, len: u32) -> Segment {
            self.rcv_nxt = seq.wrapping_add(len);
            self.bytes_received += u64::from(len);
            self.ack()
        }

        /// Our `FIN`, which takes one sequence number.
        fn fin(&mut self) -> Segment {
            let segment = Segment::Fin {
                seq: self.snd_nxt,
                ack: self.rcv_nxt,
            };
            self.snd_nxt = self.snd_nxt.wrapping_add(1);
            self.sent(segment)
        }

        /// Takes in the peer's `FIN` at `seq`, which takes one sequence number, and
        /// acknowledges it.
        fn receive_fin(&mut self, seq: u32) -> Segment {
            self.rcv_nxt = seq.wrapping_add(1);
            self.ack()
        }

        /// Takes in an acknowledgment number.
        fn acknowledged(&mut self, ack: u32) {
            self.snd_una = ack;
        }
    }

    /// How a connection in `SYN-RECEIVED` was opened, which decides where an `RST` sends it.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
    pub enum Opened {
        /// From `LISTEN`: a passive `OPEN` that a `SYN` arrived at.
        Passive,
        /// From `SYN-SENT`: both ends sent `SYN` at once (simultaneous open).
        Active,
    }

    /// `CLOSED`: no connection.
    #[state(initial)]
    #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
    pub struct Closed;

    /// `LISTEN`: waiting for a `SYN` from any peer.
    #[state]
    #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
    pub struct Listen;

    /// `SYN-SENT`: our `SYN` is out, waiting for the peer's.
    #[state]
    #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
    pub struct SynSent;

    /// `SYN-RECEIVED`: both `SYN`s seen, waiting for the `ACK` of ours.
    #[state]
    #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
    pub struct SynReceived(pub Opened);

    /// `ESTABLISHED`: the connection is open; data flows both ways.
    #[state]
    #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
    pub struct Established;

    /// `FIN-WAIT-1`: we closed; waiting for the `ACK` of our `FIN`, or the peer's `FIN`.
    #[state]
    #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
    pub struct FinWait1;

    /// `FIN-WAIT-2`: our `FIN` is acknowledged; waiting for the peer's.
    #[state]
    #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
    pub struct FinWait2;

    /// `CLOSE-WAIT`: the peer closed; waiting for our user to close.
    #[state]
    #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
    pub struct CloseWait;

    /// `CLOSING`: both ends closed at once; waiting for the `ACK` of our `FIN`.
    #[state]
    #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
    pub struct Closing;

    /// `LAST-ACK`: the peer closed first and so did we; waiting for the `ACK` of our `FIN`.
    #[state]
    #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
    pub struct LastAck;

    /// `TIME-WAIT`: both `FIN`s acknowledged; waiting 2 MSL so the peer surely has our last
    /// `ACK`.
    #[state]
    #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
    pub struct TimeWait;

    /// Where an `RST` in `SYN-RECEIVED` leads (RFC 793, section 3.4).
    #[branch]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum Reset {
        /// Opened passively: back to listening.
        Relisten(Listen),
        /// Opened actively: the connection was refused.
        Refused(Closed),
    }

    #[transitions]
    impl<T: Sink> Closed {
        /// Create the control block and listen.
        fn passive_open(self, _core: &mut Core<T>) -> Listen {
            Listen
        }

        /// Send `SYN`.
        fn active_open(self, core: &mut Core<T>) -> (SynSent, Segment) {
            (SynSent, core.syn())
        }
    }

    #[transitions]
    impl<T: Sink> Listen {
        /// Send `SYN,ACK`.
        fn syn(self, core: &mut Core<T>, seq: u32) -> (SynReceived, Segment) {
            (SynReceived(Opened::Passive), core.syn_ack(seq))
        }

        /// Turn active: queue the data and send `SYN`.
        fn send(self, core: &mut Core<T>, len: u32) -> (SynSent, Segment) {
            core.queued += len;
            (SynSent, core.syn())
        }

        /// Delete the control block.
        fn close(self, _core: &mut Core<T>) -> (Closed, Option<Segment>) {
            (Closed, None)
        }
    }

    #[transitions]
    impl<T: Sink> SynSent {
        /// Simultaneous open: send `SYN,ACK`.
        fn syn(self, core: &mut Core<T>, seq: u32) -> (SynReceived, Segment) {
            (SynReceived(Opened::Active), core.syn_ack(seq))
        }

        /// Send `ACK`, with the queued data if there is any.
        fn syn_ack(self, core: &mut Core<T>, seq: u32, ack: u32) -> (Established, Segment) {
            core.rcv_nxt = seq.wrapping_add(1);
            core.acknowledged(ack);
            let segment = if core.queued > 0 {
                let queued = core.queued;
                core.queued = 0;
                core.data(queued)
            } else {
                core.ack()
            };
            (Established, segment)
        }

        /// Delete the control block.
        fn close(self, _core: &mut Core<T>) -> (Closed, Option<Segment>) {
            (Closed, None)
        }

        /// The peer refused the connection.
        fn rst(self, _core: &mut Core<T>) -> Closed {
            Closed
        }
    }

    #[transitions]
    impl<T: Sink> SynReceived {
        /// Our `SYN` is acknowledged.
        fn ack(self, core: &mut Core<T>, ack: u32) -> Established {
            core.acknowledged(ack);
            Established
        }

        /// Simultaneous open: the peer's `SYN,ACK` acknowledges our `SYN`; send `ACK`.
        fn syn_ack(self, core: &mut Core<T>, _seq: u32, ack: u32) -> (Established, Segment) {
            core.acknowledged(ack);
            (Established, core.ack())
        }

        /// Send `FIN`.
        fn close(self, core: &mut Core<T>) -> (FinWait1, Option<Segment>) {
            (FinWait1, Some(core.fin()))
        }

        /// Back to `LISTEN` if opened passively, else refused.
        fn rst(self, _core: &mut Core<T>) -> Reset {
            match self.0 {
                Opened::Passive => Reset::Relisten(Listen),
                Opened::Active => Reset::Refused(Closed),
            }
        }
    }

    #[transitions]
    impl<T: Sink> Established {
        /// Send the data.
        fn send(&mut self, core: &mut Core<T>, len: u32) -> Segment {
            core.data(len)
        }

        /// Take the data in; send `ACK`.
        fn data(&mut self, core: &mut Core<T>, seq: u32, len: u32) -> Segment {
            core.receive(seq, len)
        }

        /// Sent data is acknowledged.
        fn ack(&mut self, core: &mut Core<T>, ack: u32) {
            core.acknowledged(ack);
        }

        /// Active close: send `FIN`.
        fn close(self, core: &mut Core<T>) -> (FinWait1, Option<Segment>) {
            (FinWait1, Some(core.fin()))
        }

        /// Passive close: send `ACK`.
        fn fin(self, core: &mut Core<T>, seq: u32) -> (CloseWait, Segment) {
            (CloseWait, core.receive_fin(seq))
        }

        /// Connection reset.
        fn rst(self, _core: &mut Core<T>) -> Closed {
            Closed
        }
    }

    #[transitions]
    impl<T: Sink> FinWait1 {
        /// Our `FIN` is acknowledged.
        fn ack(self, core: &mut Core<T>, ack: u32) -> FinWait2 {
            core.acknowledged(ack);
            FinWait2
        }

        /// Simultaneous close: send `ACK`.
        fn fin(self, core: &mut Core<T>, seq: u32) -> (Closing, Segment) {
            (Closing, core.receive_fin(seq))
        }

        /// The peer may still send: take the data in; send `ACK`.
        fn data(&mut self, core: &mut Core<T>, seq: u32, len: u32) -> Segment {
            core.receive(seq, len)
        }

        /// Connection reset.
        fn rst(self, _core: &mut Core<T>) -> Closed {
            Closed
        }
    }

    #[transitions]
    impl<T: Sink> FinWait2 {
        /// Send `ACK`.
        fn fin(self, core: &mut Core<T>, seq: u32) -> (TimeWait, Segment) {
            (TimeWait, core.receive_fin(seq))
        }

        /// The peer may still send: take the data in; send `ACK`.
        fn data(&mut self, core: &mut Core<T>, seq: u32, len: u32) -> Segment {
            core.receive(seq, len)
        }

        /// Connection reset.
        fn rst(self, _core: &mut Core<T>) -> Closed {
            Closed
        }
    }

    #[transitions]
    impl<T: Sink> CloseWait {
        /// This end may still send.
        fn send(&mut self, core: &mut Core<T>, len: u32) -> Segment {
            core.data(len)
        }

        /// Sent data is acknowledged.
        fn ack(&mut self, core: &mut Core<T>, ack: u32) {
            core.acknowledged(ack);
        }

        /// Send `FIN`.
        fn close(self, core: &mut Core<T>) -> (LastAck, Option<Segment>) {
            (LastAck, Some(core.fin()))
        }

        /// Connection reset.
        fn rst(self, _core: &mut Core<T>) -> Closed {
            Closed
        }
    }

    #[transitions]
    impl<T: Sink> Closing {
        /// Our `FIN` is acknowledged.
        fn ack(self, core: &mut Core<T>, ack: u32) -> TimeWait {
            core.acknowledged(ack);
            TimeWait
        }

        /// Connection reset.
        fn rst(self, _core: &mut Core<T>) -> Closed {
            Closed
        }
    }

    #[transitions]
    impl<T: Sink> LastAck {
        /// Our `FIN` is acknowledged: delete the control block.
        fn ack(self, core: &mut Core<T>, ack: u32) -> Closed {
            core.acknowledged(ack);
            Closed
        }

        /// Connection reset.
        fn rst(self, _core: &mut Core<T>) -> Closed {
            Closed
        }
    }

    #[transitions]
    impl<T: Sink> TimeWait {
        /// The peer sent its `FIN` again (our `ACK` was lost): send `ACK` again.
        fn fin(&mut self, core: &mut Core<T>, seq: u32) -> Segment {
            core.receive_fin(seq)
        }

        /// 2 MSL passed: delete the control block.
        fn timeout(self, _core: &mut Core<T>) -> Closed {
            Closed
        }

        /// Connection reset.
        fn rst(self, _core: &mut Core<T>) -> Closed {
            Closed
        }
    }
}
