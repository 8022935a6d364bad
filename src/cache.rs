//! A small time-limited cache in `localStorage`, shared by every ticket tab of the app: Zendesk opens a
//! fresh iframe per ticket, so an in-memory cache alone would make every re-open cost Sell requests.
//! Entries are scoped to the installation and the agent, so one agent never reads another's results.

use serde::{de::DeserializeOwned, Deserialize, Serialize};

/// How long a lookup stays good.
pub const TTL_MS: f64 = 5.0 * 60.0 * 1000.0;
/// How long the account's reference lists (users, stages, sources, statuses) stay good. They change
/// rarely and every ticket needs them, so keeping them longer spares the shared token most of its
/// requests; a refresh in the sidebar reads them again.
pub const REFERENCE_TTL_MS: f64 = 30.0 * 60.0 * 1000.0;
const PREFIX: &str = "sell-sidebar:v1";

#[derive(Serialize, Deserialize)]
struct Entry<T> {
    at: f64,
    data: T,
}

#[derive(Clone)]
pub struct Cache {
    scope: String,
}

impl Cache {
    pub fn new(installation: Option<u64>, agent_email: &str) -> Self {
        let installation = installation.map(|i| i.to_string()).unwrap_or_default();
        Self { scope: format!("{PREFIX}:{installation}:{}", agent_email.trim().to_lowercase()) }
    }

    /// The value and its age in ms, if stored and younger than the TTL.
    pub fn get<T: DeserializeOwned>(&self, key: &str) -> Option<(T, f64)> {
        self.get_within(key, TTL_MS)
    }

    /// The value and its age in ms, if stored and younger than `max_age_ms`.
    pub fn get_within<T: DeserializeOwned>(&self, key: &str, max_age_ms: f64) -> Option<(T, f64)> {
        let text = storage()?.get_item(&self.key(key)).ok()??;
        let entry: Entry<T> = serde_json::from_str(&text).ok()?;
        let age = now_ms() - entry.at;
        (0.0..max_age_ms).contains(&age).then_some((entry.data, age))
    }

    pub fn put<T: Serialize>(&self, key: &str, data: &T) {
        let Some(storage) = storage() else { return };
        if let Ok(text) = serde_json::to_string(&Entry { at: now_ms(), data }) {
            // A full storage only costs us the cache, never the view.
            let _ = storage.set_item(&self.key(key), &text);
        }
    }

    pub fn forget(&self, key: &str) {
        if let Some(storage) = storage() {
            let _ = storage.remove_item(&self.key(key));
        }
    }

    fn key(&self, key: &str) -> String {
        format!("{}:{key}", self.scope)
    }
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

fn storage() -> Option<web_sys::Storage> {
    // Storage can be disabled (privacy settings); the app then simply asks Sell again.
    web_sys::window()?.local_storage().ok()?
}
