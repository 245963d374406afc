//! The client side of a TLS 1.3 handshake (RFC 8446, appendix A.1), with the cryptography
//! faked: a group for the fatal alert every handshake state answers, fallible inputs for the
//! checks that can fail (signature, MAC), and a branch for PSK against certificates.

/// A TLS 1.3 client, from `ClientHello` to application data, as RFC 8446 draws it in
/// appendix A.1.
///
/// Messages arrive already parsed; the cryptography is faked by [`tls::seal`], a keyed
/// checksum standing in for signatures and MACs, so the example runs anywhere. The core keeps
/// the handshake's transcript (a running checksum of every message) and an outbox of what the
/// client sends, which the caller drains through `core_mut()`.
#[automat::machine(derive(Debug, Clone, PartialEq, Eq))]
pub mod tls {
    use core::fmt;

    /// What happens to a TLS client: the user starts it, messages arrive, the peer alerts.
    pub trait Client {
        /// The user connects: send `ClientHello`, offering a PSK when one is given.
        fn connect(&mut self, psk: Option<u32>);
        /// `HelloRetryRequest` arrives: send a second `ClientHello`; a second retry fails with
        /// `unexpected_message`.
        fn hello_retry_request(&mut self) -> Result<(), Alert>;
        /// `ServerHello` arrives, accepting our PSK or not; a version other than TLS 1.3 fails
        /// with `protocol_version`.
        fn server_hello(&mut self, version: u16, psk_accepted: bool) -> Result<(), Alert>;
        /// `EncryptedExtensions` arrives.
        fn encrypted_extensions(&mut self);
        /// `CertificateRequest` arrives: the server wants our certificate too.
        fn certificate_request(&mut self);
        /// `Certificate` arrives; an empty chain fails with `bad_certificate`.
        fn certificate(&mut self, chain_len: u8) -> Result<(), Alert>;
        /// `CertificateVerify` arrives; a signature that does not check fails with
        /// `decrypt_error`.
        fn certificate_verify(&mut self, signature: u32) -> Result<(), Alert>;
        /// The server's `Finished` arrives: send ours; a MAC that does not check fails with
        /// `decrypt_error`.
        fn finished(&mut self, mac: u32) -> Result<(), Alert>;
        /// Application data arrives; the output is how much the connection has received.
        fn application_data(&mut self, len: u32) -> u64;
        /// `close_notify` arrives.
        fn close_notify(&mut self);
        /// A fatal alert: received from the server, or raised here after a failed check.
        fn alert(&mut self, alert: Alert);
    }

    /// The alerts of RFC 8446, section 6, that this client raises.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Alert {
        /// A message that does not belong here.
        UnexpectedMessage,
        /// A certificate chain that cannot be used.
        BadCertificate,
        /// A signature or MAC that does not check.
        DecryptError,
        /// A protocol version other than TLS 1.3.
        ProtocolVersion,
    }

    impl Alert {
        /// The alert's code on the wire.
        #[must_use]
        pub fn code(self) -> u8 {
            match self {
                Alert::UnexpectedMessage => 10,
                Alert::BadCertificate => 42,
                Alert::DecryptError => 51,
                Alert::ProtocolVersion => 70,
            }
        }
    }

    impl fmt::Display for Alert {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(match self {
                Alert::UnexpectedMessage => "unexpected_message",
                Alert::BadCertificate => "bad_certificate",
                Alert::DecryptError => "decrypt_error",
                Alert::ProtocolVersion => "protocol_version",
            })
        }
    }

    impl core::error::Error for Alert {}

    /// A message the client sends.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Sent {
        /// `ClientHello`, offering a PSK or not.
        ClientHello {
            /// Whether a PSK is offered.
            psk: bool,
        },
        /// Our `Certificate` and `CertificateVerify`, when the server asked.
        Certificate,
        /// Our `Finished`, with its MAC.
        Finished {
            /// The MAC of the transcript.
            mac: u32,
        },
        /// A fatal alert.
        Alert(Alert),
    }

    /// What the client sends, until the caller drains it.
    pub const OUTBOX: usize = 8;

    /// TLS 1.3's `legacy_version`-independent version number.
    pub const TLS13: u16 = 0x0304;

    /// The fake of every signature and MAC: a keyed checksum of the transcript.
    #[must_use]
    pub fn seal(key: u32, transcript: u32) -> u32 {
        (transcript ^ key).rotate_left(7).wrapping_mul(0x9e37_79b9)
    }

    /// The server's long-term key, which its certificate carries (faked).
    pub const SERVER_KEY: u32 = 0x5e7e_0001;

    /// What the handshake has seen and what the client has to send.
    #[core]
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct Session {
        /// A running checksum of every message of the handshake.
        pub transcript: u32,
        /// The PSK offered, if any.
        pub psk: Option<u32>,
        /// Messages to send, oldest first; `core_mut().drain()` takes them.
        outbox: [Option<Sent>; OUTBOX],
        /// Application data received.
        pub received: u64,
        /// The alert that closed the connection, if one did.
        pub closed_by: Option<Alert>,
    }

    impl Session {
        /// Adds a message to the transcript.
        fn hash(&mut self, message: &str) {
            for byte in message.bytes() {
                self.transcript = self.transcript.rotate_left(5) ^ u32::from(byte);
            }
        }

        /// Queues a message to send; an overfull outbox drops the oldest.
        fn send(&mut self, message: Sent) {
            if self.outbox[OUTBOX - 1].is_some() {
                self.outbox.rotate_left(1);
                self.outbox[OUTBOX - 1] = None;
            }
            if let Some(slot) = self.outbox.iter_mut().find(|slot| slot.is_none()) {
                *slot = Some(message);
            }
        }

        /// Takes the messages to send, oldest first.
        pub fn drain(&mut self) -> impl Iterator<Item = Sent> + use<> {
            core::mem::take(&mut self.outbox).into_iter().flatten()
        }

        /// The key the server's `Finished` is sealed with (faked from the PSK or the
        /// certificate's key).
        #[must_use]
        pub fn finished_key(&self) -> u32 {
            self.psk.unwrap_or(SERVER_KEY)
        }
    }

    /// Nothing sent yet.
    #[state(initial)]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Start;

    /// `ClientHello` sent; waiting for `ServerHello`.
    #[state]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct WaitSh {
        /// Whether a `HelloRetryRequest` came already.
        retried: bool,
    }

    /// Handshake keys installed; waiting for `EncryptedExtensions`.
    #[state]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct WaitEe {
        /// Whether the server accepted our PSK.
        psk: bool,
    }

    /// Certificates: waiting for the server's `Certificate` or a `CertificateRequest`.
    #[state]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct WaitCertCr;

    /// The server asked for our certificate; waiting for its own.
    #[state]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct WaitCert;

    /// Waiting for `CertificateVerify`, the proof the server holds its certificate's key.
    #[state]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct WaitCv {
        /// Whether the server asked for our certificate.
        client_auth: bool,
    }

    /// Waiting for the server's `Finished`.
    #[state]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct WaitFinished {
        /// Whether the server asked for our certificate.
        client_auth: bool,
    }

    /// Application keys installed: the connection is up.
    #[state]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Connected;

    /// The connection is over.
    #[state]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Closed;

    /// Every state of the handshake, before the connection is up: a fatal alert closes each.
    #[group]
    pub enum Handshake {
        /// Nothing sent yet.
        Start(Start),
        /// Waiting for `ServerHello`.
        WaitSh(WaitSh),
        /// Waiting for `EncryptedExtensions`.
        WaitEe(WaitEe),
        /// Waiting for a certificate or a request for ours.
        WaitCertCr(WaitCertCr),
        /// Waiting for the server's certificate.
        WaitCert(WaitCert),
        /// Waiting for the certificate's proof.
        WaitCv(WaitCv),
        /// Waiting for the server's `Finished`.
        WaitFinished(WaitFinished),
    }

    /// The states in which the server's `Certificate` is due.
    #[group]
    pub enum CertificateDue {
        /// The server may still ask for ours first.
        WaitCertCr(WaitCertCr),
        /// The server asked for ours.
        WaitCert(WaitCert),
    }

    /// How the server proves who it is.
    #[branch]
    pub enum Authentication {
        /// With its certificate.
        Certificates(WaitCertCr),
        /// With the pre-shared key: straight to `Finished`.
        Psk(WaitFinished),
    }

    #[transitions]
    impl Start {
        fn connect(self, core: &mut Session, psk: Option<u32>) -> WaitSh {
            core.psk = psk;
            core.hash("ClientHello");
            core.send(Sent::ClientHello { psk: psk.is_some() });
            WaitSh { retried: false }
        }
    }

    #[transitions]
    impl WaitSh {
        /// A second `ClientHello`, once.
        fn hello_retry_request(&mut self, core: &mut Session) -> Result<(), Alert> {
            if self.retried {
                return Err(Alert::UnexpectedMessage);
            }
            self.retried = true;
            core.hash("HelloRetryRequest");
            core.send(Sent::ClientHello {
                psk: core.psk.is_some(),
            });
            Ok(())
        }

        /// Handshake keys, if the server speaks TLS 1.3.
        fn server_hello(
            &mut self,
            core: &mut Session,
            version: u16,
            psk_accepted: bool,
        ) -> Result<WaitEe, Alert> {
            if version != TLS13 {
                return Err(Alert::ProtocolVersion);
            }
            core.hash("ServerHello");
            if !psk_accepted {
                core.psk = None;
            }
            Ok(WaitEe {
                psk: psk_accepted && core.psk.is_some(),
            })
        }
    }

    #[transitions]
    impl WaitEe {
        /// PSK or certificates, as `ServerHello` said.
        fn encrypted_extensions(self, core: &mut Session) -> Authentication {
            core.hash("EncryptedExtensions");
            if self.psk {
                Authentication::Psk(WaitFinished { client_auth: false })
            } else {
                Authentication::Certificates(WaitCertCr)
            }
        }
    }

    #[transitions]
    impl WaitCertCr {
        fn certificate_request(self, core: &mut Session) -> WaitCert {
            core.hash("CertificateRequest");
            WaitCert
        }
    }

    #[transitions]
    impl CertificateDue {
        /// The server's chain: any non-empty chain is trusted here.
        fn certificate(&mut self, core: &mut Session, chain_len: u8) -> Result<WaitCv, Alert> {
            if chain_len == 0 {
                return Err(Alert::BadCertificate);
            }
            core.hash("Certificate");
            Ok(WaitCv {
                client_auth: matches!(self, CertificateDue::WaitCert(_)),
            })
        }
    }

    #[transitions]
    impl WaitCv {
        /// The server's signature of the transcript, with its certificate's key.
        fn certificate_verify(
            &mut self,
            core: &mut Session,
            signature: u32,
        ) -> Result<WaitFinished, Alert> {
            if signature != seal(SERVER_KEY, core.transcript) {
                return Err(Alert::DecryptError);
            }
            core.hash("CertificateVerify");
            Ok(WaitFinished {
                client_auth: self.client_auth,
            })
        }
    }

    #[transitions]
    impl WaitFinished {
        /// The server's MAC of the transcript; then ours, after our certificate if asked.
        fn finished(&mut self, core: &mut Session, mac: u32) -> Result<Connected, Alert> {
            if mac != seal(core.finished_key(), core.transcript) {
                return Err(Alert::DecryptError);
            }
            core.hash("Finished");
            if self.client_auth {
                core.send(Sent::Certificate);
            }
            let mac = seal(core.finished_key() ^ 1, core.transcript);
            core.send(Sent::Finished { mac });
            Ok(Connected)
        }
    }

    #[transitions]
    impl Handshake {
        /// Any fatal alert ends the handshake.
        fn alert(self, core: &mut Session, alert: Alert) -> Closed {
            core.closed_by = Some(alert);
            core.send(Sent::Alert(alert));
            Closed
        }
    }

    #[transitions]
    impl Connected {
        fn application_data(&mut self, core: &mut Session, len: u32) -> u64 {
            core.received += u64::from(len);
            core.received
        }

        fn close_notify(self, _core: &mut Session) -> Closed {
            Closed
        }

        fn alert(self, core: &mut Session, alert: Alert) -> Closed {
            core.closed_by = Some(alert);
            Closed
        }
    }
}
