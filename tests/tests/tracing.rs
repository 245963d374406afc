//! The `tracing` feature: one `trace` event per handled input and one `debug` event per
//! refused input, with the machine, states and input as fields.

use std::fmt::Debug;
use std::sync::{Arc, Mutex};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Level, Metadata, Subscriber};

/// Records every event as its level and its fields, `name=value` in order.
#[derive(Clone, Default)]
struct Recorder(Arc<Mutex<Vec<(Level, String)>>>);

struct Fields(Vec<String>);

impl Visit for Fields {
    fn record_debug(&mut self, field: &Field, value: &dyn Debug) {
        self.0.push(format!("{}={value:?}", field.name()));
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.push(format!("{}={value}", field.name()));
    }
}

impl Subscriber for Recorder {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, _: &Attributes<'_>) -> Id {
        Id::from_u64(1)
    }
    fn record(&self, _: &Id, _: &Record<'_>) {}
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, event: &Event<'_>) {
        let mut fields = Fields(Vec::new());
        event.record(&mut fields);
        self.0
            .lock()
            .expect("not poisoned")
            .push((*event.metadata().level(), fields.0.join(" ")));
    }
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}

#[test]
fn transitions_and_refusals_become_events() {
    use automat_tests::vending::{Dynamic, Idle, Input, Stock};
    let recorder = Recorder::default();
    tracing::subscriber::with_default(recorder.clone(), || {
        let mut machine = Dynamic::new(Stock::default(), Idle);
        machine.handle(Input::Cancel).expect_err("nothing paid yet");
        machine
            .handle(Input::Insert { cents: 50 })
            .expect("Idle takes coins");
        machine
            .handle(Input::Insert { cents: 20 })
            .expect("Paying takes more coins");
    });
    let events = recorder.0.lock().expect("not poisoned").clone();
    assert_eq!(
        events,
        [
            (
                Level::DEBUG,
                "message=input refused machine=vending state=Idle input=cancel poisoned=false"
                    .to_owned()
            ),
            (
                Level::TRACE,
                "message=transition machine=vending source=Idle input=insert target=Paying"
                    .to_owned()
            ),
            (
                Level::TRACE,
                "message=transition machine=vending source=Paying input=insert target=Paying"
                    .to_owned()
            ),
        ]
    );
}

#[test]
fn typestate_transitions_become_events_too() {
    use automat_tests::vending::{Idle, Machine, Stock};
    let recorder = Recorder::default();
    tracing::subscriber::with_default(recorder.clone(), || {
        let (paying, _) = Machine::new(Stock::default(), Idle).insert(10);
        let _ = paying.cancel();
    });
    let events = recorder.0.lock().expect("not poisoned").clone();
    assert_eq!(
        events,
        [
            (
                Level::TRACE,
                "message=transition machine=vending source=Idle input=insert target=Paying"
                    .to_owned()
            ),
            (
                Level::TRACE,
                "message=transition machine=vending source=Paying input=cancel target=Idle"
                    .to_owned()
            ),
        ]
    );
}

#[test]
fn group_handlers_and_fallible_inputs_become_events() {
    use automat_tests::session::{Counters, Dynamic, GOOD_MAC, Start};
    let recorder = Recorder::default();
    tracing::subscriber::with_default(recorder.clone(), || {
        let mut machine = Dynamic::new(Counters::default(), Start);
        machine.hello().expect("Start says hello");
        machine.ping(false).expect("the group's loop runs in Wait");
        machine
            .finished(1)
            .expect_err("a bad MAC fails, and moves nothing");
        machine.finished(GOOD_MAC).expect("the good MAC moves on");
        machine.finished(GOOD_MAC).expect_err("refused in Open");
    });
    let events = recorder.0.lock().expect("not poisoned").clone();
    let trace = |source: &str, input: &str, target: &str| {
        (
            Level::TRACE,
            format!(
                "message=transition machine=session source={source} input={input} target={target}"
            ),
        )
    };
    assert_eq!(
        events,
        [
            trace("Start", "hello", "Wait"),
            trace("Wait", "ping", "Wait"),
            trace("Wait", "finished", "Open"),
            (
                Level::DEBUG,
                "message=input refused machine=session state=Open input=finished poisoned=false"
                    .to_owned()
            ),
        ]
    );
}

/// A machine whose inputs are async, each handler waiting once.
#[automat::machine]
mod waiter {
    use core::future::Future;
    use core::pin::Pin;
    use core::task::{Context, Poll};

    /// Pending once, then ready.
    #[derive(Default)]
    struct Once(bool);

    impl Future for Once {
        type Output = ();
        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
            if self.0 {
                return Poll::Ready(());
            }
            self.0 = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }

    /// The inputs.
    pub trait Waiter {
        /// Wait, then move on.
        async fn go(&mut self);
    }

    /// Before.
    #[state(initial)]
    pub struct Before;

    /// After.
    #[state]
    pub struct After;

    #[transitions]
    impl Before {
        async fn go(self) -> After {
            Once::default().await;
            After
        }
    }
}

#[test]
fn async_handlers_become_events_when_they_return() {
    use core::future::Future;
    use core::task::{Context, Poll, Waker};
    use waiter::{Before, Dynamic};
    /// Polls `future` with a waker that does nothing, `polls` times at most; whether it ended.
    fn poll<F: Future>(future: F, polls: usize) -> bool {
        let mut future = core::pin::pin!(future);
        let mut context = Context::from_waker(Waker::noop());
        (0..polls).any(|_| matches!(future.as_mut().poll(&mut context), Poll::Ready(_)))
    }
    let recorder = Recorder::default();
    tracing::subscriber::with_default(recorder.clone(), || {
        let mut dropped = Dynamic::new(Before);
        assert!(!poll(dropped.go(), 1), "waiting at the handler's `.await`");
        let mut machine = Dynamic::new(Before);
        assert!(poll(machine.go(), 2));
        assert!(poll(machine.go(), 1), "refused at once");
    });
    let events = recorder.0.lock().expect("not poisoned").clone();
    // The dropped future told nothing; the completed one told its transition after it.
    assert_eq!(
        events,
        [
            (
                Level::TRACE,
                "message=transition machine=waiter source=Before input=go target=After".to_owned()
            ),
            (
                Level::DEBUG,
                "message=input refused machine=waiter state=After input=go poisoned=false"
                    .to_owned()
            ),
        ]
    );
}
