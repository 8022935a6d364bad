//! How many Sell requests the emulator is handling at once, so tests can check a client's
//! concurrency (issue 15: at most 4 in flight per sidebar). A request counts from the moment the
//! gate sees it until its answer is ready, injected latency and faults included.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

/// The shared counters; clones count the same requests.
#[derive(Debug, Clone, Default)]
pub struct InFlight {
    counters: Arc<Counters>,
}

#[derive(Debug, Default)]
struct Counters {
    now: AtomicU32,
    /// The most seen at once since the last [`InFlight::reset_peak`].
    peak: AtomicU32,
}

/// One request being handled; dropping it (answered, failed or cancelled) stops counting it.
#[derive(Debug)]
pub struct InFlightGuard {
    counters: Arc<Counters>,
    /// Requests in flight when this one arrived, itself included.
    pub at_arrival: u32,
}

impl InFlight {
    /// Counts a request that just arrived.
    pub fn enter(&self) -> InFlightGuard {
        let at_arrival = self
            .counters
            .now
            .fetch_add(1, Ordering::SeqCst)
            .saturating_add(1);
        self.counters.peak.fetch_max(at_arrival, Ordering::SeqCst);
        InFlightGuard {
            counters: Arc::clone(&self.counters),
            at_arrival,
        }
    }

    pub fn now(&self) -> u32 {
        self.counters.now.load(Ordering::SeqCst)
    }

    pub fn peak(&self) -> u32 {
        self.counters.peak.load(Ordering::SeqCst)
    }

    /// Starts a new peak from the requests still in flight (they are real, so not from zero).
    pub fn reset_peak(&self) {
        self.counters
            .peak
            .store(self.counters.now.load(Ordering::SeqCst), Ordering::SeqCst);
    }
}

impl Drop for InFlightGuard {
    fn drop(&mut self) {
        self.counters.now.fetch_sub(1, Ordering::SeqCst);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_each_request_until_its_guard_drops() {
        let in_flight = InFlight::default();
        let first = in_flight.enter();
        let second = in_flight.enter();
        assert_eq!((first.at_arrival, second.at_arrival), (1, 2));
        drop(first);
        assert_eq!(in_flight.now(), 1);
        let third = in_flight.enter();
        assert_eq!(third.at_arrival, 2);
        drop((second, third));
        assert_eq!((in_flight.now(), in_flight.peak()), (0, 2));
    }

    #[test]
    fn a_new_peak_starts_from_the_requests_still_in_flight() {
        let in_flight = InFlight::default();
        let kept = in_flight.enter();
        drop(in_flight.enter());
        assert_eq!(in_flight.peak(), 2);
        in_flight.reset_peak();
        assert_eq!(in_flight.peak(), 1);
        drop(kept);
        in_flight.reset_peak();
        assert_eq!(in_flight.peak(), 0);
    }
}
