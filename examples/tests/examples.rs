//! The scripted scenarios of the runnable examples, through both APIs, asserted rather than
//! printed: `cargo test -p automat-examples` checks the examples' logic.

use automat::NoTransition;

mod turnstile {
    use super::NoTransition;
    use automat_examples::turnstile::{
        Core, DESCRIPTION, Dynamic, Input, Locked, Machine, Output, State, Unlocked,
    };

    #[test]
    fn typestate_pays_and_passes() {
        let gate = Machine::new(Core::default(), Locked);
        let (mut gate, credit) = gate.coin(25);
        assert_eq!(credit, 25);
        assert_eq!(gate.coin(25), 50);
        assert_eq!(gate.state(), &Unlocked { credit: 50 });
        let gate = gate.push();
        assert_eq!(
            gate.into_parts(),
            (
                Core {
                    passes: 1,
                    takings: 50
                },
                Locked
            )
        );
    }

    #[test]
    fn dynamic_refuses_push_when_locked_and_changes_nothing() {
        let mut gate = Dynamic::new(Core::default(), Locked);
        let before = gate.clone();
        let refused = gate.push().unwrap_err();
        assert_eq!(refused, NoTransition::new("Locked", "push"));
        assert_eq!(
            refused.to_string(),
            "input `push` is not accepted in state `Locked`"
        );
        assert_eq!(gate, before);
    }

    #[test]
    fn dynamic_runs_the_script() {
        let mut gate = Dynamic::new(Core::default(), Locked);
        assert_eq!(gate.coin(10), Ok(10));
        let results: Vec<_> = [
            Input::Coin { cents: 15 },
            Input::Push,
            Input::Push,
            Input::Coin { cents: 50 },
        ]
        .into_iter()
        .map(|input| gate.handle(input))
        .collect();
        assert_eq!(
            results,
            [
                Ok(Output::Coin(25)),
                Ok(Output::Push(())),
                Err(NoTransition::new("Locked", "push")),
                Ok(Output::Coin(50)),
            ]
        );
        assert_eq!(gate.state(), &State::Unlocked(Unlocked { credit: 50 }));
        assert_eq!(gate.accepts(), ["coin", "push"]);
        assert_eq!(
            gate.core(),
            &Core {
                passes: 1,
                takings: 25
            }
        );

        let gate = Machine::<Locked>::try_from(gate).expect_err("the gate is unlocked");
        let gate = Machine::<Unlocked>::try_from(gate).expect("the gate is unlocked");
        assert_eq!(gate.state().credit, 50);
    }

    #[test]
    fn description_names_the_graph() {
        assert_eq!(DESCRIPTION.name, "turnstile");
        assert_eq!(DESCRIPTION.initial().name, "Locked");
        let edges: Vec<_> = DESCRIPTION
            .transitions
            .iter()
            .map(|transition| {
                (
                    transition.source,
                    transition.input,
                    transition.targets[0].state,
                )
            })
            .collect();
        assert_eq!(
            edges,
            [
                ("Locked", "coin", "Unlocked"),
                ("Unlocked", "coin", "Unlocked"),
                ("Unlocked", "push", "Locked"),
            ]
        );
    }
}

mod garage_door {
    use super::NoTransition;
    use automat_examples::garage_door::{Closed, Core, Dynamic, Input, Machine, Motor, State};

    fn core(motor: Motor, beeps: u32) -> Core {
        Core { motor, beeps }
    }

    #[test]
    fn typestate_opens_reverses_and_closes() {
        let door = Machine::new(Core::default(), Closed).push_button();
        assert_eq!(door.core(), &core(Motor::Up, 1));
        let door = door.open_sensor();
        assert_eq!(door.core(), &core(Motor::Stopped, 1));
        let door = door.push_button();
        assert_eq!(door.core(), &core(Motor::Down, 2));
        let door = door.push_button();
        assert_eq!(
            door.core(),
            &core(Motor::Up, 3),
            "a push while closing reverses"
        );
        let door = door.open_sensor().push_button().close_sensor();
        assert_eq!(door.into_parts(), (core(Motor::Stopped, 4), Closed));
    }

    #[test]
    fn dynamic_refuses_a_push_while_opening() {
        let mut door = Dynamic::new(Core::default(), Closed);
        let results: Vec<_> = [
            Input::PushButton,
            Input::PushButton,
            Input::CloseSensor,
            Input::OpenSensor,
            Input::PushButton,
            Input::CloseSensor,
        ]
        .into_iter()
        .map(|input| door.handle(input).map(drop))
        .collect();
        assert_eq!(
            results,
            [
                Ok(()),
                Err(NoTransition::new("Opening", "push_button")),
                Err(NoTransition::new("Opening", "close_sensor")),
                Ok(()),
                Ok(()),
                Ok(()),
            ]
        );
        assert_eq!(door.state(), &State::Closed(Closed));
        assert_eq!(door.core(), &core(Motor::Stopped, 2));
    }

    #[test]
    fn dynamic_accepts_what_each_state_handles() {
        let mut door = Dynamic::new(Core::default(), Closed);
        let mut accepted = vec![door.accepts()];
        door.push_button().unwrap();
        accepted.push(door.accepts());
        door.open_sensor().unwrap();
        accepted.push(door.accepts());
        door.push_button().unwrap();
        accepted.push(door.accepts());
        assert_eq!(
            accepted,
            [
                &["push_button"][..],
                &["open_sensor"],
                &["push_button"],
                &["push_button", "close_sensor"],
            ]
        );
    }
}

mod tcp {
    use super::NoTransition;
    use automat_examples::tcp::{
        Closed, Core, DESCRIPTION, Dynamic, Established, Listen, Machine, Opened, ResetMachine,
        Segment, State, SynReceived,
    };

    /// Carries `segment` to `to`, and each reply back, until nobody replies; returns every
    /// segment that went over the wire.
    fn exchange<T: automat_examples::Sink>(
        segment: Segment,
        from: &mut Dynamic<T>,
        to: &mut Dynamic<T>,
    ) -> Vec<Segment> {
        let (mut from, mut to) = (from, to);
        let mut wire = Vec::new();
        let mut in_flight = Some(segment);
        while let Some(segment) = in_flight {
            wire.push(segment);
            in_flight = to.handle(segment.arrival()).unwrap().segment();
            std::mem::swap(&mut from, &mut to);
        }
        wire
    }

    /// A sink that keeps what it is sent.
    #[derive(Debug, Default, Clone, PartialEq, Eq)]
    struct Capture(Vec<Segment>);

    impl automat_examples::Sink for Capture {
        fn send(&mut self, segment: &Segment) {
            self.0.push(*segment);
        }
    }

    #[test]
    fn the_sink_receives_every_segment_the_outputs_carry() {
        let mut client: Dynamic<Capture> =
            Dynamic::new(Core::with_sink(100, Capture::default()), Closed);
        let mut server = Dynamic::new(Core::with_sink(300, Capture::default()), Closed);
        server.passive_open().unwrap();
        let syn = client.active_open().unwrap();
        let wire = exchange(syn, &mut client, &mut server);
        let (data, fin) = (client.send(7).unwrap(), client.close().unwrap().unwrap());
        let sent: Vec<Segment> = wire.iter().step_by(2).copied().chain([data, fin]).collect();
        assert_eq!(client.core().sink.0, sent);
        let received: Vec<Segment> = wire.iter().skip(1).step_by(2).copied().collect();
        assert_eq!(server.core().sink.0, received);
        assert_eq!(client.state_name(), "FinWait1");
    }

    #[test]
    fn typestate_three_way_handshake() {
        let server = Machine::new(Core::new(300), Closed).passive_open();
        let (client, syn) = Machine::new(Core::new(100), Closed).active_open();
        assert_eq!(syn, Segment::Syn { seq: 100 });
        let (server, syn_ack) = server.syn(100);
        assert_eq!(syn_ack, Segment::SynAck { seq: 300, ack: 101 });
        assert_eq!(server.state(), &SynReceived(Opened::Passive));
        let (client, ack) = client.syn_ack(300, 101);
        assert_eq!(ack, Segment::Ack { seq: 101, ack: 301 });
        let server = server.ack(301);

        let (client_core, Established) = client.into_parts();
        let (server_core, Established) = server.into_parts();
        assert_eq!(
            (client_core.snd_nxt, client_core.rcv_nxt),
            (server_core.rcv_nxt, server_core.snd_nxt)
        );
        // Each end's `SYN` is acknowledged: `SND.UNA` has caught up with `SND.NXT`.
        assert_eq!((client_core.snd_una, client_core.snd_nxt), (101, 101));
        assert_eq!((server_core.snd_una, server_core.snd_nxt), (301, 301));
    }

    #[test]
    fn dynamic_connection_from_open_to_time_wait() {
        let mut client = Dynamic::new(Core::new(100), Closed);
        let mut server = Dynamic::new(Core::new(300), Closed);

        server.passive_open().unwrap();
        let syn = client.active_open().unwrap();
        assert_eq!(
            exchange(syn, &mut client, &mut server),
            [
                Segment::Syn { seq: 100 },
                Segment::SynAck { seq: 300, ack: 101 },
                Segment::Ack { seq: 101, ack: 301 },
            ]
        );
        assert_eq!(client.state_name(), "Established");
        assert_eq!(server.state_name(), "Established");

        let data = client.send(500).unwrap();
        assert_eq!(
            exchange(data, &mut client, &mut server),
            [
                Segment::Data {
                    seq: 101,
                    ack: 301,
                    len: 500
                },
                Segment::Ack { seq: 301, ack: 601 },
            ]
        );
        let data = server.send(1200).unwrap();
        assert_eq!(exchange(data, &mut server, &mut client).len(), 2);

        assert_eq!(
            client.passive_open(),
            Err(NoTransition::new("Established", "passive_open"))
        );
        assert_eq!(
            server.timeout(),
            Err(NoTransition::new("Established", "timeout"))
        );

        // Active close by the client; the server sends once more, then closes too.
        let fin = client.close().unwrap().unwrap();
        assert_eq!(
            exchange(fin, &mut client, &mut server),
            [
                Segment::Fin {
                    seq: 601,
                    ack: 1501
                },
                Segment::Ack {
                    seq: 1501,
                    ack: 602
                },
            ]
        );
        assert_eq!(
            (client.state_name(), server.state_name()),
            ("FinWait2", "CloseWait")
        );
        let data = server.send(100).unwrap();
        exchange(data, &mut server, &mut client);
        let fin = server.close().unwrap().unwrap();
        assert_eq!(
            exchange(fin, &mut server, &mut client),
            [
                Segment::Fin {
                    seq: 1601,
                    ack: 602
                },
                Segment::Ack {
                    seq: 602,
                    ack: 1602
                },
            ]
        );
        assert_eq!(
            client.state(),
            &State::TimeWait(automat_examples::tcp::TimeWait)
        );
        assert_eq!(server.state(), &State::Closed(Closed));

        client.timeout().unwrap();
        assert_eq!(client.state(), &State::Closed(Closed));
        assert_eq!(
            (client.core().bytes_sent, client.core().bytes_received),
            (500, 1300)
        );
        assert_eq!(
            (server.core().bytes_sent, server.core().bytes_received),
            (1300, 500)
        );
    }

    #[test]
    fn simultaneous_open_and_close() {
        let mut left = Dynamic::new(Core::new(100), Closed);
        let mut right = Dynamic::new(Core::new(300), Closed);
        let left_syn = left.active_open().unwrap();
        let right_syn = right.active_open().unwrap();
        let left_syn_ack = right.handle(left_syn.arrival()).unwrap().segment().unwrap();
        let right_syn_ack = left.handle(right_syn.arrival()).unwrap().segment().unwrap();
        assert_eq!(
            left.state(),
            &State::SynReceived(SynReceived(Opened::Active))
        );
        assert_eq!(
            right.state(),
            &State::SynReceived(SynReceived(Opened::Active))
        );
        left.handle(left_syn_ack.arrival()).unwrap();
        right.handle(right_syn_ack.arrival()).unwrap();
        assert_eq!(left.state(), &State::Established(Established));
        assert_eq!(right.state(), &State::Established(Established));

        let left_fin = left.close().unwrap().unwrap();
        let right_fin = right.close().unwrap().unwrap();
        let left_ack = right.handle(left_fin.arrival()).unwrap().segment().unwrap();
        let right_ack = left.handle(right_fin.arrival()).unwrap().segment().unwrap();
        assert_eq!(
            (left.state_name(), right.state_name()),
            ("Closing", "Closing")
        );
        left.handle(left_ack.arrival()).unwrap();
        right.handle(right_ack.arrival()).unwrap();
        assert_eq!(
            (left.state_name(), right.state_name()),
            ("TimeWait", "TimeWait")
        );
    }

    #[test]
    fn data_sent_while_listening_goes_with_the_handshake() {
        let listening = Machine::new(Core::new(100), Closed).passive_open();
        let (client, syn) = listening.send(40);
        assert_eq!(syn, Segment::Syn { seq: 100 });
        let (client, first) = client.syn_ack(300, 101);
        assert_eq!(
            first,
            Segment::Data {
                seq: 101,
                ack: 301,
                len: 40
            }
        );
        assert_eq!(client.core().queued, 0);
    }

    #[test]
    fn rst_in_syn_received_branches_on_how_it_opened() {
        let server = Machine::new(Core::new(300), Closed).passive_open();
        let (server, _) = server.syn(100);
        let ResetMachine::Relisten(server) = server.rst() else {
            panic!("a passive open goes back to Listen");
        };
        assert_eq!(server.state(), &Listen);

        let (client, _) = Machine::new(Core::new(100), Closed).active_open();
        let (client, _) = client.syn(300);
        assert!(matches!(client.rst(), ResetMachine::Refused(_)));

        let mut client = Dynamic::new(Core::new(100), Closed);
        client.active_open().unwrap();
        client.syn(300).unwrap();
        client.rst().unwrap();
        assert_eq!(client.state(), &State::Closed(Closed));
    }

    #[test]
    fn description_has_all_eleven_states_of_rfc_793() {
        let states: Vec<_> = DESCRIPTION.states.iter().map(|state| state.name).collect();
        assert_eq!(
            states,
            [
                "Closed",
                "Listen",
                "SynSent",
                "SynReceived",
                "Established",
                "FinWait1",
                "FinWait2",
                "CloseWait",
                "Closing",
                "LastAck",
                "TimeWait",
            ]
        );
        assert_eq!(DESCRIPTION.initial().name, "Closed");
        assert_eq!(
            DESCRIPTION.input("close").and_then(|input| input.output),
            Some("Option<Segment>")
        );
    }
}

mod door_lock {
    use super::NoTransition;
    use automat_examples::door_lock::{
        Dynamic, Input, Locked, LockedOut, MAX_FAILURES, Machine, Open, Output, State,
        UnlockMachine,
    };

    #[test]
    fn typestate_refuses_opens_and_relocks_with_a_new_code() {
        let door = Machine::new(Locked::new(1234));
        let (UnlockMachine::Refused(door), false) = door.unlock(1111) else {
            panic!("a wrong code is refused");
        };
        assert_eq!(door.state().failures, 1);
        let (UnlockMachine::Opened(mut door), true) = door.unlock(1234) else {
            panic!("the right code opens");
        };
        door.change_code(4321);
        assert_eq!(door.state(), &Open(4321));
        assert_eq!(door.lock().into_state(), Locked::new(4321));
    }

    #[test]
    fn typestate_blocks_after_too_many_failures() {
        let mut door = Machine::new(Locked::new(1234));
        for _ in 1..MAX_FAILURES {
            let (UnlockMachine::Refused(locked), false) = door.unlock(0) else {
                panic!("still refused");
            };
            door = locked;
        }
        let (UnlockMachine::Blocked(door), false) = door.unlock(0) else {
            panic!("blocked at the last allowed failure");
        };
        assert_eq!(door.reset().into_state(), Locked::new(1234));
    }

    #[test]
    fn dynamic_locks_out_and_refuses_codes_until_reset() {
        let mut door = Dynamic::new(Locked::new(4321));
        for code in [1, 2, 3] {
            assert_eq!(door.unlock(code), Ok(false));
        }
        assert_eq!(door.state(), &State::LockedOut(LockedOut { code: 4321 }));
        let before = door.clone();
        let refused = door.unlock(4321).unwrap_err();
        assert_eq!(refused, NoTransition::new("LockedOut", "unlock"));
        assert_eq!(door, before, "a refused input changes nothing");

        let outputs: Vec<_> = [Input::Reset, Input::Unlock { code: 4321 }, Input::Lock]
            .into_iter()
            .map(|input| door.handle(input))
            .collect();
        assert_eq!(
            outputs,
            [
                Ok(Output::Reset(())),
                Ok(Output::Unlock(true)),
                Ok(Output::Lock(())),
            ]
        );
        assert_eq!(door.state(), &State::Locked(Locked::new(4321)));
    }
}

mod lines {
    use super::NoTransition;
    use automat_examples::lines::{
        Closed, CommandMachine, Core, Dynamic, Greeting, HelloMachine, Input, Machine, Output,
        Ready, Reply, State,
    };

    #[test]
    fn the_ready_state_holds_a_slice_of_the_hello_line() {
        let buffer = b"HELLO admin\nQUIT".to_vec();
        let mut lines = buffer.split(|&byte| byte == b'\n');
        let hello = lines.next().unwrap();
        let mut session: Dynamic<'_> = Dynamic::new(Core::default(), Greeting);
        assert_eq!(session.line(hello), Ok(Reply::Welcome(b"admin")));
        let State::Ready(Ready { name }) = session.state() else {
            panic!("a greeted session is ready")
        };
        assert!(
            std::ptr::eq(name.as_ptr(), hello[6..].as_ptr()),
            "a slice, not a copy"
        );
        assert_eq!(session.line(lines.next().unwrap()), Ok(Reply::Bye(0)));
        assert_eq!(session.state(), &State::Closed(Closed));
    }

    #[test]
    fn data_is_borrowed_for_the_call_only() {
        let mut session = Dynamic::new(Core::default(), Greeting);
        session.line(b"HELLO guest").unwrap();
        for size in [3, 5] {
            let chunk = vec![0; size];
            session.data(&chunk).unwrap();
        }
        assert_eq!(session.core().bytes, 8);
        let input: Input<'_, '_> = Input::Data { bytes: &[1, 2] };
        assert_eq!(session.handle(input), Ok(Output::Data(10)));
        assert_eq!(
            Dynamic::new(Core::default(), Greeting).data(&[1]),
            Err(NoTransition::new("Greeting", "data"))
        );
    }

    #[test]
    fn typestate_session_branches_on_each_line() {
        let machine: Machine<'_, Greeting> = Machine::new(Core::default(), Greeting);
        let (hello, reply) = machine.line(b"HI");
        assert_eq!(reply, Reply::Error("say `HELLO name` first"));
        let HelloMachine::Refused(machine) = hello else {
            panic!("`HI` is not a greeting")
        };
        let (HelloMachine::Welcomed(ready), _) = machine.line(b"HELLO visitor") else {
            panic!("`HELLO visitor` is")
        };
        let ready: Machine<'_, Ready<'_>> = ready;
        let (CommandMachine::Stay(ready), reply) = ready.line(b"SEND x") else {
            panic!("`SEND` stays")
        };
        assert_eq!(reply, Reply::Sent(1));
        let (CommandMachine::Quit(closed), _) = ready.line(b"QUIT") else {
            panic!("`QUIT` quits")
        };
        assert_eq!(closed.core().sent, 1);
    }
}

mod tls {
    use automat::Error;
    use automat_examples::tls::{
        Alert, DESCRIPTION, Dynamic, SERVER_KEY, Sent, Session, Start, State, TLS13, seal,
    };

    /// A client in `WaitFinished` after a certificate handshake.
    fn waiting_for_finished() -> Dynamic {
        let mut client = Dynamic::new(Session::default(), Start);
        client.connect(None).unwrap();
        client.server_hello(TLS13, false).unwrap();
        client.encrypted_extensions().unwrap();
        client.certificate(1).unwrap();
        let signature = seal(SERVER_KEY, client.core().transcript);
        client.certificate_verify(signature).unwrap();
        client
    }

    #[test]
    fn failed_checks_stay_and_the_good_ones_move() {
        let mut client = waiting_for_finished();
        assert_eq!(client.finished(1), Err(Error::Failed(Alert::DecryptError)));
        assert_eq!(client.state_name(), "WaitFinished");
        let mac = seal(SERVER_KEY, client.core().transcript);
        assert_eq!(client.finished(mac), Ok(()));
        assert_eq!(
            client.state(),
            &State::Connected(automat_examples::tls::Connected)
        );
        let sent: Vec<Sent> = client.core_mut().drain().collect();
        assert!(matches!(
            sent.as_slice(),
            [Sent::ClientHello { psk: false }, Sent::Finished { .. }]
        ));
        assert_eq!(client.core_mut().drain().count(), 0, "drained");
    }

    #[test]
    fn every_handshake_state_closes_on_an_alert() {
        let group = DESCRIPTION
            .groups
            .iter()
            .find(|group| group.name == "Handshake")
            .unwrap();
        assert_eq!(group.members.len(), 7);
        let mut client = waiting_for_finished();
        assert!(group.contains(client.state_name()));
        assert_eq!(client.alert(Alert::BadCertificate), Ok(()));
        assert_eq!(client.state_name(), "Closed");
        assert_eq!(client.core().closed_by, Some(Alert::BadCertificate));
        let mut fresh = Dynamic::new(Session::default(), Start);
        assert_eq!(fresh.alert(Alert::UnexpectedMessage), Ok(()));
        assert_eq!(fresh.state_name(), "Closed");
    }

    #[test]
    fn a_psk_skips_the_certificates() {
        let mut client = Dynamic::new(Session::default(), Start);
        client.connect(Some(7)).unwrap();
        client.server_hello(TLS13, true).unwrap();
        client.encrypted_extensions().unwrap();
        assert_eq!(client.state_name(), "WaitFinished");
        assert_eq!(
            client.server_hello(TLS13, true),
            Err(Error::Refused(automat::NoTransition::new(
                "WaitFinished",
                "server_hello"
            )))
        );
    }
}
