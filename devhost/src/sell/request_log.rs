//! The Sell requests the emulator answered, for the dev toolbar and tests (`/_emu/log`).

use serde::{Deserialize, Serialize};
use std::collections::VecDeque;

/// Old entries are dropped past this, so a stress run can't grow memory without bound.
const CAPACITY: usize = 10_000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogEntry {
    pub seq: u64,
    pub method: String,
    pub path: String,
    pub query: Option<String>,
    /// The Sell user the token belongs to (even an inactive one), or null.
    pub user_id: Option<u64>,
    pub status: u16,
    /// Sell requests (any token) the emulator was handling when this one arrived, itself included.
    pub in_flight: u32,
}

#[derive(Debug, Default)]
pub struct RequestLog {
    entries: VecDeque<LogEntry>,
}

impl RequestLog {
    pub fn push(&mut self, entry: LogEntry) {
        if self.entries.len() == CAPACITY {
            self.entries.pop_front();
        }
        self.entries.push_back(entry);
    }

    pub fn entries(&self) -> Vec<LogEntry> {
        self.entries.iter().cloned().collect()
    }

    pub fn clear(&mut self) {
        self.entries.clear();
    }
}
