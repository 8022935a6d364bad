//! Sell's rate limit: 10 requests per token per second. A sliding one-second window over
//! `tokio::time::Instant`, so tests with a paused tokio clock are deterministic.

use std::collections::{HashMap, VecDeque};
use tokio::time::{Duration, Instant};

pub const SELL_REQUESTS_PER_SECOND: u32 = 10;
const WINDOW: Duration = Duration::from_secs(1);

#[derive(Debug)]
pub struct RateLimiter {
    /// `None` switches the limit off.
    limit: Option<u32>,
    admitted: HashMap<String, VecDeque<Instant>>,
}

impl Default for RateLimiter {
    fn default() -> Self {
        Self {
            limit: Some(SELL_REQUESTS_PER_SECOND),
            admitted: HashMap::new(),
        }
    }
}

impl RateLimiter {
    pub fn set_limit(&mut self, limit: Option<u32>) {
        self.limit = limit;
        self.admitted.clear();
    }

    pub fn clear(&mut self) {
        self.admitted.clear();
    }

    /// Whether `token` may make a request at `now`; refused requests do not use up the window.
    pub fn admit(&mut self, token: &str, now: Instant) -> bool {
        let Some(limit) = self.limit else { return true };
        let times = self.admitted.entry(token.to_string()).or_default();
        while times
            .front()
            .is_some_and(|t| now.duration_since(*t) >= WINDOW)
        {
            times.pop_front();
        }
        if times.len() >= limit as usize {
            return false;
        }
        times.push_back(now);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_eleventh_request_within_a_second_is_refused_until_the_window_slides() {
        let mut limiter = RateLimiter::default();
        let start = Instant::now();
        assert!((0..10).all(|_| limiter.admit("a", start)));
        assert!(!limiter.admit("a", start + Duration::from_millis(999)));
        assert!(limiter.admit("b", start), "the limit is per token");
        assert!(limiter.admit("a", start + Duration::from_secs(1)));
    }

    #[test]
    fn no_limit_admits_everything() {
        let mut limiter = RateLimiter::default();
        limiter.set_limit(None);
        let now = Instant::now();
        assert!((0..100).all(|_| limiter.admit("a", now)));
    }
}
