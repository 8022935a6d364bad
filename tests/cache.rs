//! Browser tests of the sidebar's `localStorage` cache housekeeping: expired entries are swept out at
//! boot (at most every ten minutes) and when the storage is full, never other keys.
//! Run by `cargo xtask test` (wasm-bindgen-test-runner + chromedriver).

// Shared with the other browser tests; this file uses a part of it.
#[allow(dead_code)]
mod support;

use sell_sidebar::app::App;
use sell_sidebar::zaf::ZafClient;
use sidebar_core::cache_policy::{entry_text, SWEPT_AT_KEY};
use support::{clear_storage, container, wait_for_text, FakeZaf, Setup};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const OLD_VERSION: &str = "sell-sidebar:v1:1:ada@acme.test:users";
const EXPIRED: &str = "sell-sidebar:v2:1:ada@acme.test:lookup:InstallationToken:gone@x.test";
const PICK: &str = "sell-sidebar:v2:1:ada@acme.test:choice:7";
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
    set(EXPIRED, &entry_text(now - 1, now - 300_001, "{}"));
    set(PICK, &entry_text(now + 60_000, now, "\"lead:1\""));
    set(OTHER, "kept");
}

async fn boot() -> FakeZaf {
    let fake = FakeZaf::new(Setup::default());
    let el = container();
    let client = ZafClient::from_js(fake.client.clone());
    leptos::mount::mount_to(el.clone(), move || leptos::view! { <App zaf=Ok(client.clone()) /> }).forget();
    let text = wait_for_text(&el, "Not in Sell yet").await;
    assert!(text.contains("Not in Sell yet"), "{text}");
    fake
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
