//! How long the sidebar keeps what it caches in the browser's storage, and which stored entries to
//! drop. Zendesk opens a new iframe for every ticket, so the cache lives in `localStorage`; nothing
//! there ever expires by itself, and an agent opening hundreds of tickets a day would fill the origin's
//! few megabytes within days. A full storage silently turns the cache off, and then every ticket costs
//! the shared token its requests again. So each entry carries the time it stops being useful, and
//! expired entries are swept out.

/// What an entry holds, which decides how long it is worth keeping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    /// A requester's lookup: long enough for an agent hopping between tickets, short enough that a
    /// change in Sell shows up soon.
    Lookup,
    /// The account's users, stages, sources and statuses: they change rarely and every ticket needs
    /// them; a refresh in the sidebar reads them again.
    ReferenceList,
    /// The agent's pick among several matches of a ticket.
    Pick,
}

const MINUTE_MS: u64 = 60 * 1000;

impl Kept {
    pub fn ttl_ms(self) -> u64 {
        match self {
            Kept::Lookup => 5 * MINUTE_MS,
            Kept::ReferenceList => 30 * MINUTE_MS,
            Kept::Pick => 7 * 24 * 60 * MINUTE_MS,
        }
    }
}

/// Every key the app writes starts with this, whatever the version.
pub const APP_PREFIX: &str = "sell-sidebar:";
/// The current layout of keys and entries. Entries of other versions are dropped, not read. (v2 kept
/// lookups per credential, unfiltered; v3 keeps only what the agent may see.)
pub const PREFIX: &str = "sell-sidebar:v3:";
/// Where the time of the last sweep is kept.
pub const SWEPT_AT_KEY: &str = "sell-sidebar:v3:swept-at";
/// Sweeping reads every stored entry, so it runs at most this often (every ticket boots the app).
pub const SWEEP_EVERY_MS: u64 = 10 * MINUTE_MS;

/// The stored text of an entry begins with the time it expires, so a sweep reads that without
/// parsing a users list of two thousand people. Times are whole milliseconds: writing floats would
/// compile Rust's float formatting into the app for nothing.
pub fn entry_text(until_ms: u64, at_ms: u64, data_json: &str) -> String {
    format!("{{\"until\":{until_ms},\"at\":{at_ms},\"data\":{data_json}}}")
}

/// `until` of a stored entry, read from the start of its text (see `entry_text`).
pub fn stored_until(text: &str) -> Option<u64> {
    let rest = text.strip_prefix("{\"until\":")?;
    let end = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
    rest[..end].parse().ok()
}

/// Whether a stored key and its text should be removed at `now_ms`: the app's entries of another
/// version, and its entries past their time or unreadable. Other apps' keys are never touched.
pub fn should_drop(key: &str, text: &str, now_ms: u64) -> bool {
    if !key.starts_with(APP_PREFIX) || key == SWEPT_AT_KEY {
        return false;
    }
    if !key.starts_with(PREFIX) {
        return true;
    }
    stored_until(text).is_none_or(|until| until <= now_ms)
}

/// The start of every key one agent of one installation writes: entries are never shared between
/// agents, since each holds only what its agent may see. `agent` is the Support user id.
pub fn agent_scope(installation: Option<u64>, agent: Option<u64>) -> String {
    let part = |n: Option<u64>| n.map(|n| n.to_string()).unwrap_or_default();
    format!("{PREFIX}{}:{}:", part(installation), part(agent))
}

/// Whether a stored key belongs to another agent of the same installation: on a browser profile
/// several agents share, such entries are dropped when an agent opens the sidebar, so nobody's
/// records linger for the next person at that browser.
pub fn of_another_agent(key: &str, own_scope: &str) -> bool {
    let Some(rest) = own_scope.strip_prefix(PREFIX) else {
        return false;
    };
    let installation = rest.split(':').next().unwrap_or_default();
    let installation_prefix = format!("{PREFIX}{installation}:");
    key.starts_with(&installation_prefix) && !key.starts_with(own_scope) && key != SWEPT_AT_KEY
}

/// Whether a sweep is due, given the time of the last one (`None`: never, or unreadable).
pub fn sweep_due(last_ms: Option<u64>, now_ms: u64) -> bool {
    match last_ms {
        // A clock set back makes the last sweep look like the future: sweep rather than wait for it.
        Some(last) => now_ms.checked_sub(last).is_none_or(|age| age >= SWEEP_EVERY_MS),
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: u64 = 1_800_000_000_000;

    #[test]
    fn each_kind_is_kept_as_long_as_the_sidebar_trusts_it() {
        assert_eq!(Kept::Lookup.ttl_ms(), 300_000);
        assert_eq!(Kept::ReferenceList.ttl_ms(), 1_800_000);
        assert_eq!(Kept::Pick.ttl_ms(), 604_800_000);
    }

    #[test]
    fn the_expiry_is_read_back_from_the_start_of_an_entry() {
        let text = entry_text(NOW + 1, NOW, r#"{"leads":[{"id":1,"until":3}]}"#);
        assert_eq!(stored_until(&text), Some(NOW + 1));
        let parsed: serde_json::Value = serde_json::from_str(&text).expect("an entry is JSON");
        assert_eq!(parsed["data"]["leads"][0]["id"], 1);
        assert_eq!(parsed["at"], NOW);
    }

    #[test]
    fn unreadable_expiries_are_none() {
        for text in [
            "",
            "{}",
            r#"{"at":1,"data":2}"#,
            r#"{"until":"soon"}"#,
            r#"{"until":}"#,
            r#"{ "until":5}"#,
            r#"{"until":-5}"#,
            r#"{"until":99999999999999999999999}"#,
            "not json",
        ] {
            assert_eq!(stored_until(text), None, "{text}");
        }
    }

    #[test]
    fn expired_unreadable_and_old_version_entries_are_dropped() {
        let fresh = entry_text(NOW + 1, NOW - 1, "1");
        let expired = entry_text(NOW, NOW - 300_000, "1");
        let key = "sell-sidebar:v3:42:9001:lookup:all:lea@lead-only.test";
        assert!(!should_drop(key, &fresh, NOW));
        assert!(should_drop(key, &expired, NOW));
        assert!(should_drop(key, "{\"at\":1,\"data\":1}", NOW));
        for old in ["sell-sidebar:v1:42:ada@acme.test:users", "sell-sidebar:v2:42:ada@acme.test:lookup:AgentToken:x"] {
            assert!(should_drop(old, &fresh, NOW), "{old}");
        }
    }

    #[test]
    fn other_keys_and_the_sweep_marker_are_left_alone() {
        for key in [
            "zendesk:session",
            "sell-sidebar",
            "my-sell-sidebar:v1:x",
            SWEPT_AT_KEY,
        ] {
            assert!(!should_drop(key, "{}", NOW), "{key}");
        }
    }

    #[test]
    fn a_sweep_runs_at_most_every_ten_minutes() {
        assert!(sweep_due(None, NOW));
        assert!(!sweep_due(Some(NOW), NOW));
        assert!(!sweep_due(Some(NOW - SWEEP_EVERY_MS + 1), NOW));
        assert!(sweep_due(Some(NOW - SWEEP_EVERY_MS), NOW));
        assert!(sweep_due(Some(NOW + 60_000), NOW), "a clock set back");
    }

    #[test]
    fn each_agent_has_a_scope_of_their_own() {
        assert_eq!(agent_scope(Some(42), Some(9001)), "sell-sidebar:v3:42:9001:");
        assert_eq!(agent_scope(None, None), "sell-sidebar:v3:::");
        assert_ne!(agent_scope(Some(42), Some(900)), agent_scope(Some(42), Some(9001)));
    }

    #[test]
    fn another_agents_entries_of_the_same_installation_are_told_apart() {
        let ada = agent_scope(Some(42), Some(9001));
        let nora = agent_scope(Some(42), Some(9002));
        let other_installation = agent_scope(Some(43), Some(9002));
        assert!(of_another_agent(&format!("{nora}lookup:o1-x:lea@lead-only.test"), &ada));
        assert!(!of_another_agent(&format!("{ada}lookup:all:lea@lead-only.test"), &ada));
        assert!(!of_another_agent(&format!("{other_installation}users"), &ada), "another installation's");
        assert!(!of_another_agent(SWEPT_AT_KEY, &ada));
        assert!(!of_another_agent("zendesk:session", &ada));
        // Agent 900's scope is a prefix of 9001's text but not of its scope.
        assert!(of_another_agent(&format!("{}users", agent_scope(Some(42), Some(900))), &ada));
    }
}
