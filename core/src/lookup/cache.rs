//! Re-opening a ticket within a few minutes costs no Sell request: lookups are kept per requester
//! email for a short time. Refresh bypasses the cache.

use std::collections::HashMap;

/// How long a lookup stays fresh: long enough for an agent hopping between tickets, short enough that
/// a change in Sell shows up soon.
pub const LOOKUP_TTL_MS: u64 = 5 * 60 * 1000;

/// How many requesters are remembered; the oldest is dropped beyond that.
pub const MAX_ENTRIES: usize = 50;

#[derive(Debug, Clone, PartialEq)]
pub struct CacheEntry<T> {
    pub fetched_at_ms: u64,
    pub outcome: T,
}

impl<T> CacheEntry<T> {
    /// Fresh while younger than `ttl_ms`. A clock that went backwards makes it stale: better one
    /// request too many than old data kept forever.
    pub fn is_fresh(&self, now_ms: u64, ttl_ms: u64) -> bool {
        now_ms
            .checked_sub(self.fetched_at_ms)
            .is_some_and(|age| age < ttl_ms)
    }

    /// Whole minutes since the fetch, for "updated N minutes ago".
    pub fn age_minutes(&self, now_ms: u64) -> u64 {
        now_ms.saturating_sub(self.fetched_at_ms) / 60_000
    }
}

/// Lookups keyed by requester email (case-insensitive, as email addresses are in practice).
#[derive(Debug, Clone)]
pub struct LookupCache<T> {
    entries: HashMap<String, CacheEntry<T>>,
}

impl<T> Default for LookupCache<T> {
    fn default() -> Self {
        LookupCache {
            entries: HashMap::new(),
        }
    }
}

impl<T> LookupCache<T> {
    /// The entry for this email if it is still fresh.
    pub fn fresh(&self, email: &str, now_ms: u64) -> Option<&CacheEntry<T>> {
        self.entries
            .get(&key(email))
            .filter(|entry| entry.is_fresh(now_ms, LOOKUP_TTL_MS))
    }

    pub fn put(&mut self, email: &str, now_ms: u64, outcome: T) {
        self.entries.insert(
            key(email),
            CacheEntry {
                fetched_at_ms: now_ms,
                outcome,
            },
        );
        while self.entries.len() > MAX_ENTRIES {
            let oldest = self
                .entries
                .iter()
                .min_by_key(|(_, e)| e.fetched_at_ms)
                .map(|(k, _)| k.clone());
            match oldest {
                Some(k) => self.entries.remove(&k),
                None => break,
            };
        }
    }

    /// Forgets one requester (after creating a lead for them, the cached "not found" is wrong).
    pub fn forget(&mut self, email: &str) {
        self.entries.remove(&key(email));
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

fn key(email: &str) -> String {
    email.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINUTE: u64 = 60_000;

    #[test]
    fn an_entry_is_fresh_for_five_minutes() {
        let entry = CacheEntry {
            fetched_at_ms: 1_000_000,
            outcome: (),
        };
        let cases: &[(u64, bool)] = &[
            (1_000_000, true),
            (1_000_000 + 4 * MINUTE, true),
            (1_000_000 + 5 * MINUTE - 1, true),
            (1_000_000 + 5 * MINUTE, false),
            (1_000_000 + 60 * MINUTE, false),
            (999_999, false),
        ];
        for (now, fresh) in cases {
            assert_eq!(entry.is_fresh(*now, LOOKUP_TTL_MS), *fresh, "now {now}");
        }
        assert_eq!(entry.age_minutes(1_000_000 + 3 * MINUTE + 59_999), 3);
        assert_eq!(entry.age_minutes(0), 0);
    }

    #[test]
    fn reopening_a_ticket_soon_reuses_the_lookup() {
        let mut cache = LookupCache::default();
        cache.put("Carl@Deals.test ", 0, "carl");
        assert_eq!(
            cache
                .fresh("carl@deals.test", 2 * MINUTE)
                .map(|e| e.outcome),
            Some("carl")
        );
        assert_eq!(cache.fresh("carl@deals.test", 6 * MINUTE), None);
        assert_eq!(cache.fresh("lea@lead-only.test", MINUTE), None);
        cache.forget("CARL@deals.test");
        assert!(cache.is_empty());
    }

    #[test]
    fn the_oldest_requester_is_dropped_beyond_the_limit() {
        let mut cache = LookupCache::default();
        for i in 0..(MAX_ENTRIES as u64 + 3) {
            cache.put(&format!("r{i}@x.test"), i, i);
        }
        assert_eq!(cache.len(), MAX_ENTRIES);
        assert!(cache.fresh("r0@x.test", 10).is_none());
        assert!(cache.fresh("r2@x.test", 10).is_none());
        assert!(cache.fresh("r3@x.test", 10).is_some());
    }
}
