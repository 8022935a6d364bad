//! A small time-limited cache in `localStorage`, shared by every ticket tab of the app: Zendesk opens a
//! fresh iframe per ticket, so an in-memory cache alone would make every re-open cost Sell requests.
//! Entries are scoped to the installation and the agent: one agent never reads another's results, and
//! another agent's are dropped when an agent opens the sidebar in the same browser profile. How long
//! each kind is kept, and which stored entries are swept out, is `sidebar_core::cache_policy`.

use sidebar_core::json::{self, Json};
use sidebar_core::cache_policy::{
    agent_scope, entry_text, of_another_agent, should_drop, sweep_due, Kept, APP_PREFIX, SWEPT_AT_KEY,
};

#[derive(Clone)]
pub struct Cache {
    scope: String,
}

impl Cache {
    /// `agent` is the Support user id of the agent.
    pub fn new(installation: Option<u64>, agent: Option<u64>) -> Self {
        Self { scope: agent_scope(installation, agent) }
    }

    /// The value and its age in ms, if stored and younger than its kind's time to live.
    pub fn get(&self, kept: Kept, key: &str) -> Option<(Json, f64)> {
        let text = storage()?.get_item(&self.key(key)).ok()??;
        let mut entry = json::parse(&text).ok()?;
        let at = entry.get("at")?.as_u64()? as f64;
        let age = now_ms() - at;
        if !(0.0..kept.ttl_ms() as f64).contains(&age) {
            return None;
        }
        let Json::Object(pairs) = &mut entry else { return None };
        let data = pairs.iter_mut().rev().find(|(k, _)| k == "data").map(|(_, v)| std::mem::take(v))?;
        Some((data, age))
    }

    pub fn put(&self, kept: Kept, key: &str, data: &Json) {
        let Some(storage) = storage() else { return };
        let now = whole_ms();
        let text = entry_text(now + kept.ttl_ms(), now, &data.to_text());
        let key = self.key(key);
        if storage.set_item(&key, &text).is_err() {
            // Full: make room from expired entries and try once more. If it still fails, this costs
            // us the cache, never the view.
            sweep(&storage, now);
            let _ = storage.set_item(&key, &text);
        }
    }

    pub fn forget(&self, key: &str) {
        if let Some(storage) = storage() {
            let _ = storage.remove_item(&self.key(key));
        }
    }

    /// Removes the entries of other agents of this installation (a browser profile several agents share).
    pub fn drop_other_agents(&self) {
        let Some(storage) = storage() else { return };
        for key in app_keys(&storage) {
            if of_another_agent(&key, &self.scope) {
                let _ = storage.remove_item(&key);
            }
        }
    }

    /// Removes every entry of this agent except `keep` (an agent found to have no access keeps nothing
    /// else).
    pub fn forget_all_but(&self, keep: &[&str]) {
        self.forget_where(|key| !keep.contains(&key));
    }

    /// Removes this agent's entries whose key (without the scope) `drop` picks.
    pub fn forget_where(&self, drop: impl Fn(&str) -> bool) {
        let Some(storage) = storage() else { return };
        for key in app_keys(&storage) {
            if key.strip_prefix(&self.scope).is_some_and(&drop) {
                let _ = storage.remove_item(&key);
            }
        }
    }

    /// Removes expired entries (any agent's, any installation's) unless that was done a moment ago.
    pub fn sweep_if_due(&self) {
        let Some(storage) = storage() else { return };
        let now = whole_ms();
        let last = storage.get_item(SWEPT_AT_KEY).ok().flatten().and_then(|t| t.parse().ok());
        if sweep_due(last, now) {
            sweep(&storage, now);
        }
    }

    fn key(&self, key: &str) -> String {
        format!("{}{key}", self.scope)
    }
}

/// Every key the app wrote, read out first: removing while walking would skip keys.
fn app_keys(storage: &web_sys::Storage) -> Vec<String> {
    (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(APP_PREFIX))
        .collect()
}

fn sweep(storage: &web_sys::Storage, now: u64) {
    for key in app_keys(storage) {
        let text = storage.get_item(&key).ok().flatten().unwrap_or_default();
        if should_drop(&key, &text, now) {
            let _ = storage.remove_item(&key);
        }
    }
    let _ = storage.set_item(SWEPT_AT_KEY, &now.to_string());
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Now in whole ms, as the stored entries keep it (see `cache_policy::entry_text`).
fn whole_ms() -> u64 {
    now_ms() as u64
}

fn storage() -> Option<web_sys::Storage> {
    // Storage can be disabled (privacy settings); the app then simply asks Sell again.
    web_sys::window()?.local_storage().ok()?
}
