//! Polling async machines without an executor: every future here wakes its task at once, so a
//! waker that does nothing is enough.

use core::future::Future;
use core::pin::{Pin, pin};
use core::task::{Context, Poll, Waker};

/// A future that is pending once, waking its task at once, then ready: an `.await` inside a
/// handler at which a dropped future stops it.
#[derive(Debug, Default)]
pub struct YieldOnce(bool);

impl Future for YieldOnce {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            Poll::Ready(())
        } else {
            self.0 = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

/// Runs `future` to completion with a waker that does nothing, counting the polls.
///
/// # Panics
///
/// When `future` is not ready after 100 polls: it waits for something that wakes a real
/// executor, which this is not.
pub fn block_on<F: Future>(future: F) -> (F::Output, usize) {
    let mut future = pin!(future);
    let mut context = Context::from_waker(Waker::noop());
    for polls in 1..=100 {
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return (output, polls);
        }
    }
    panic!("not ready after 100 polls")
}

/// Polls `future` once with a waker that does nothing, then drops it; whether it was still
/// pending then.
pub fn poll_once_and_drop<F: Future>(future: F) -> bool {
    let mut future = pin!(future);
    future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
        .is_pending()
}
