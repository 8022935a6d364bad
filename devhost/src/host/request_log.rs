//! The Sell calls the app made through the proxy, for the page's request log panel and the tests.

use std::collections::VecDeque;
use std::sync::Mutex;

use serde::Serialize;

use super::reply::Outcome;
use super::request_options::Credential;

/// Enough for a long debugging session; older entries drop off.
const KEEP: usize = 500;

#[derive(Debug, Clone, Serialize)]
pub struct LogEntry {
    pub seq: u64,
    pub method: String,
    /// Path and query, or the full URL when it was not sent to the emulator.
    pub path: String,
    pub credential: Credential,
    /// `None` when no HTTP status came back (timeout, refused before sending).
    pub status: Option<u16>,
    pub outcome: Outcome,
    pub ms: u64,
    /// Why the proxy answered by itself, if it did.
    pub note: Option<String>,
}

#[derive(Default)]
pub struct RequestLog {
    entries: Mutex<(u64, VecDeque<LogEntry>)>,
}

impl RequestLog {
    /// Records `entry` under the next sequence number and returns it.
    pub fn push(&self, mut entry: LogEntry) -> LogEntry {
        let mut guard = self
            .entries
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let (last_seq, entries) = &mut *guard;
        *last_seq += 1;
        entry.seq = *last_seq;
        entries.push_back(entry.clone());
        while entries.len() > KEEP {
            entries.pop_front();
        }
        entry
    }

    pub fn entries(&self) -> Vec<LogEntry> {
        let guard = self
            .entries
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        guard.1.iter().cloned().collect()
    }

    pub fn clear(&self) {
        let mut guard = self
            .entries
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        guard.1.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(path: &str) -> LogEntry {
        LogEntry {
            seq: 0,
            method: "GET".into(),
            path: path.into(),
            credential: Credential::None,
            status: Some(200),
            outcome: Outcome::Done,
            ms: 1,
            note: None,
        }
    }

    #[test]
    fn entries_get_increasing_numbers_that_survive_a_clear() {
        let log = RequestLog::default();
        assert_eq!(log.push(entry("/v2/a")).seq, 1);
        assert_eq!(log.push(entry("/v2/b")).seq, 2);
        log.clear();
        assert!(log.entries().is_empty());
        assert_eq!(log.push(entry("/v2/c")).seq, 3);
    }

    #[test]
    fn only_the_newest_entries_are_kept() {
        let log = RequestLog::default();
        for n in 0..(KEEP + 3) {
            log.push(entry(&format!("/v2/{n}")));
        }
        let entries = log.entries();
        assert_eq!(entries.len(), KEEP);
        assert_eq!(entries.first().map(|e| e.path.as_str()), Some("/v2/3"));
    }
}
