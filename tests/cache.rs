//! Browser tests of the sidebar's `localStorage` cache housekeeping: expired entries are swept out at
//! boot (at most every ten minutes) and when the storage is full, never other keys; another agent's
//! entries of the same installation go when an agent opens the sidebar in the same browser profile.
//! Run by `cargo xtask test` (wasm-bindgen-test-runner + chromedriver).

// Shared with the other browser tests; this file uses a part of it.
#[allow(dead_code)]
mod support;

use sell_sidebar::app::App;
use sell_sidebar::zaf::ZafClient;
use serde_json::json;
use sidebar_core::cache_policy::{agent_scope, entry_text, SWEPT_AT_KEY};
use support::{clear_storage, container, list, rule, wait_for_text, FakeZaf, Setup};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const OLD_VERSION: &str = "sell-sidebar:v1:1:ada@acme.test:users";
const V2: &str = "sell-sidebar:v2:1:ada@acme.test:lookup:InstallationToken:old@x.test";
const EXPIRED: &str = "sell-sidebar:v3:1:9:lookup:all:gone@x.test";
const PICK: &str = "sell-sidebar:v3:1:9:choice:7";
const OTHER: &str = "some-other-script";

fn storage() -> web_sys::Storage {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten()).expect("localStorage")
}

fn get(key: &str) -> Option<String> {
    storage().get_item(key).ok().flatten()
}

fn set(key: &str, value: &str) {
    storage().set_item(key, value).expect("set");
}

/// An old-version entry, an expired one, a pick good for a minute more and another script's key.
fn seed() {
    let now = js_sys::Date::now() as u64;
    set(OLD_VERSION, r#"{"at":1,"data":[]}"#);
    set(V2, &entry_text(now + 60_000, now, "{}"));
    set(EXPIRED, &entry_text(now - 1, now - 300_001, "{}"));
    set(PICK, &entry_text(now + 60_000, now, "\"lead:1\""));
    set(OTHER, "kept");
}

async fn boot() -> FakeZaf {
    boot_with(Setup::default(), "Not in Sell yet").await
}

async fn boot_with(setup: Setup, shows: &str) -> FakeZaf {
    let fake = FakeZaf::new(setup);
    let el = container();
    let client = ZafClient::from_js(fake.client.clone());
    leptos::mount::mount_to(el.clone(), move || leptos::view! { <App zaf=Ok(client.clone()) /> }).forget();
    let text = wait_for_text(&el, shows).await;
    assert!(text.contains(shows), "{text}");
    fake
}

fn keys_starting(prefix: &str) -> Vec<String> {
    let s = storage();
    (0..s.length().unwrap_or(0)).filter_map(|i| s.key(i).ok().flatten()).filter(|k| k.starts_with(prefix)).collect()
}

/// Two agents of one installation take turns at one browser profile: when the second opens the
/// sidebar, nothing the first one's sidebar stored is left.
#[wasm_bindgen_test]
async fn another_agents_records_are_gone_when_an_agent_opens_the_sidebar() {
    clear_storage();
    const INSTALLATION: u64 = 4242;
    let lead = json!([{"id": 501, "first_name": "Carl", "last_name": "Contact", "organization_name": "Ada's Account",
                        "owner_id": 1, "email": "carl@deals.test"}]);
    let ada = Setup {
        installation: Some(INSTALLATION),
        rules: vec![rule("/v2/leads?", 200, list("lead", lead))],
        ..Setup::default()
    };
    boot_with(ada, "Open in Sell").await;
    let adas = agent_scope(Some(INSTALLATION), Some(1));
    assert!(!keys_starting(&adas).is_empty(), "Ada's sidebar cached her lookup");

    let mut zed = Setup { installation: Some(INSTALLATION), ..Setup::default() };
    zed.values["currentUser"] = json!({"id": 2, "name": "Zed", "email": "zed@acme.test", "role": "agent", "locale": "en"});
    boot_with(zed, "Not in Sell yet").await;
    assert_eq!(keys_starting(&adas), Vec::<String>::new(), "Ada's entries are dropped");
    assert!(!keys_starting(&agent_scope(Some(INSTALLATION), Some(2))).is_empty(), "Zed's own stay");
}

fn app_lookup_entries() -> Vec<String> {
    let s = storage();
    (0..s.length().unwrap_or(0))
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.contains(":lookup:") && k != EXPIRED)
        .collect()
}

#[wasm_bindgen_test]
async fn booting_sweeps_out_expired_and_old_entries_only() {
    clear_storage();
    seed();
    boot().await;
    assert_eq!(get(OLD_VERSION), None, "another version's entry");
    assert_eq!(get(V2), None, "v2 kept lookups unfiltered: never read, dropped");
    assert_eq!(get(EXPIRED), None, "an expired lookup");
    assert!(get(PICK).is_some(), "a pick still good");
    assert_eq!(get(OTHER).as_deref(), Some("kept"), "another script's key");
    assert!(get(SWEPT_AT_KEY).is_some(), "the sweep is noted");
    let written = app_lookup_entries();
    assert_eq!(written.len(), 1, "the lookup the app just made: {written:?}");
    let text = get(&written[0]).unwrap_or_default();
    assert!(text.starts_with("{\"until\":"), "entries begin with their expiry: {text}");
}

#[wasm_bindgen_test]
async fn no_sweep_runs_within_ten_minutes_of_the_last() {
    clear_storage();
    seed();
    set(SWEPT_AT_KEY, &(js_sys::Date::now() as u64).to_string());
    boot().await;
    assert!(get(EXPIRED).is_some(), "left for the next sweep");
    assert!(get(OLD_VERSION).is_some(), "left for the next sweep");
}

#[wasm_bindgen_test]
async fn a_full_storage_is_swept_and_the_entry_written_again() {
    clear_storage();
    seed();
    set(SWEPT_AT_KEY, &(js_sys::Date::now() as u64).to_string());
    // The first write of a lookup fails as a full storage does; everything else writes normally.
    js_sys::eval(
        "window.__realSetItem = Storage.prototype.setItem;
         window.__refused = 0;
         Storage.prototype.setItem = function (k, v) {
           if (k.includes(':lookup:') && window.__refused === 0) {
             window.__refused = 1;
             throw new DOMException('full', 'QuotaExceededError');
           }
           return window.__realSetItem.call(this, k, v);
         };",
    )
    .expect("patch setItem");
    boot().await;
    let refused = js_sys::eval("Storage.prototype.setItem = window.__realSetItem; window.__refused").expect("restore");
    assert_eq!(refused.as_f64(), Some(1.0), "the write was refused once");
    assert_eq!(get(EXPIRED), None, "room made from expired entries");
    assert!(get(PICK).is_some());
    assert_eq!(get(OTHER).as_deref(), Some("kept"));
    assert_eq!(app_lookup_entries().len(), 1, "written on the second try");
}
