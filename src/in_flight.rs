//! At most a few Sell requests of one sidebar on the wire at once. Every agent of an account shares one
//! token's 10 requests per second, so a sidebar must never fire a burst (a requester whose email many
//! records share, say): requests beyond the limit wait for a free slot, in no particular order.

use std::future::poll_fn;
use std::sync::{Arc, Mutex};
use std::task::{Poll, Waker};

/// Sell requests one sidebar may have in flight.
pub const MAX_IN_FLIGHT: usize = 4;

#[derive(Clone, Default)]
pub struct Slots(Arc<Mutex<State>>);

#[derive(Default)]
struct State {
    used: usize,
    waiting: Vec<Waker>,
}

/// A taken slot; dropping it frees the slot.
pub struct Slot(Slots);

impl Slots {
    /// Waits for a free slot.
    pub async fn take(&self) -> Slot {
        poll_fn(|cx| {
            let mut state = self.0.lock().unwrap_or_else(|p| p.into_inner());
            if state.used < MAX_IN_FLIGHT {
                state.used += 1;
                Poll::Ready(())
            } else {
                state.waiting.push(cx.waker().clone());
                Poll::Pending
            }
        })
        .await;
        Slot(self.clone())
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let waiting = {
            let mut state = (self.0).0.lock().unwrap_or_else(|p| p.into_inner());
            state.used = state.used.saturating_sub(1);
            std::mem::take(&mut state.waiting)
        };
        // All of them: a waiter whose request was dropped meanwhile would otherwise swallow the wake-up.
        for waker in waiting {
            waker.wake();
        }
    }
}
