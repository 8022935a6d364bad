//! Hostile input, end to end: the release app in the dev host, fed script payloads, huge and broken
//! Sell answers and 429 storms, and checked for leaks of the Sell token; plus the request budgets
//! of `xtask/src/bench/budget.rs`. Needs what the end-to-end suite needs (`SELL_SIDEBAR_DIST`,
//! chromedriver); `cargo xtask test` provides both. At most two browsers run at once (the harness).

#[allow(dead_code)]
#[path = "e2e/harness.rs"]
mod harness;

#[allow(dead_code)]
#[path = "hostile/support.rs"]
mod support;

#[allow(dead_code)]
#[path = "../../xtask/src/bench/budget.rs"]
mod budget;

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use harness::{describe, Browser, Host, OpenCosts, Sidebar};
use support::{
    as_rendered, PreparedHost, ADA, INSTALL_XSS_TRAP, NORA, READ_XSS_EVIDENCE, XSS_PAYLOADS,
};

// ------------------------------------------------------------------------------------------ XSS

/// Keys whose values the app parses (dates, money, states) rather than shows as text: a payload
/// there would test the parser, not the rendering, and the lookup would fail instead of showing it.
const PARSED_KEYS: [&str; 12] = [
    "email",
    "status",
    "currency",
    "created_at",
    "updated_at",
    "added_on",
    "estimated_close_date",
    "last_stage_change_at",
    "last_activity_at",
    "dropbox_email",
    "identity_type",
    "deleted_at",
];

/// Replaces every shown string of `record` (nested ones, tags and custom fields too) with the next
/// payload; returns how many it replaced.
fn fill_with_payloads(record: &mut Value, next: &mut usize) -> usize {
    let mut replaced = 0;
    match record {
        Value::Object(fields) => {
            for (key, value) in fields.iter_mut() {
                if PARSED_KEYS.contains(&key.as_str()) {
                    continue;
                }
                if value.is_string() {
                    *value = json!(XSS_PAYLOADS[*next % XSS_PAYLOADS.len()]);
                    *next += 1;
                    replaced += 1;
                } else {
                    replaced += fill_with_payloads(value, next);
                }
            }
        }
        Value::Array(items) => {
            for item in items.iter_mut() {
                if item.is_string() {
                    *item = json!(XSS_PAYLOADS[*next % XSS_PAYLOADS.len()]);
                    *next += 1;
                    replaced += 1;
                } else {
                    replaced += fill_with_payloads(item, next);
                }
            }
        }
        _ => {}
    }
    replaced
}

/// Lea's lead, Bea's lead and contact, Carl's contact, his organization and all their deals hold
/// payloads in every string.
fn poison_lea_bea_and_carl(store: &mut Value) {
    let mut next = 0;
    let mut replaced = 0;
    let email_is = |r: &Value, email: &str| r["email"] == json!(email);
    let poisoned = ["lea@lead-only.test", "bea@both.test"];
    if let Some(leads) = store["leads"].as_array_mut() {
        for lead in leads
            .iter_mut()
            .filter(|l| poisoned.iter().any(|e| email_is(l, e)))
        {
            replaced += fill_with_payloads(lead, &mut next);
        }
    }
    if let Some(contacts) = store["contacts"].as_array_mut() {
        for contact in contacts.iter_mut().filter(|c| email_is(c, "bea@both.test")) {
            replaced += fill_with_payloads(contact, &mut next);
        }
    }
    let carl = store["contacts"]
        .as_array()
        .and_then(|cs| cs.iter().find(|c| email_is(c, "carl@deals.test")).cloned())
        .expect("the seed has Carl");
    let carl_id = carl["id"].clone();
    let org_id = carl["contact_id"].clone();
    if let Some(contacts) = store["contacts"].as_array_mut() {
        for contact in contacts
            .iter_mut()
            .filter(|c| c["id"] == carl_id || c["id"] == org_id)
        {
            replaced += fill_with_payloads(contact, &mut next);
        }
    }
    if let Some(deals) = store["deals"].as_array_mut() {
        for deal in deals.iter_mut().filter(|d| {
            d["contact_id"] == carl_id
                || d["contact_id"] == org_id
                || d["organization_id"] == org_id
        }) {
            replaced += fill_with_payloads(deal, &mut next);
        }
    }
    assert!(
        replaced >= XSS_PAYLOADS.len(),
        "only {replaced} strings to fill: not every payload is used"
    );
}

/// Every field the sidebar can show, so every payload-bearing field is on screen.
fn all_fields() -> Value {
    json!({
        "all_agents_access": true,
        "lead_fields": "name,first_name,last_name,organization,title,status,source,owner,email,phone,mobile,website,address,tags,description,created_at,updated_at",
        "contact_fields": "name,first_name,last_name,organization,title,owner,email,phone,mobile,website,address,tags,created_at",
        "deal_fields": "name,value,stage,estimated_close_date,last_activity,hot,owner,tags,created_at,updated_at",
    })
}

/// Clicks the app's last button named `name` from a script: below a long card the button can be
/// outside the iframe's box, which WebDriver calls not displayed (what the agent can reach is the
/// accessibility suite's business, not this one's).
async fn click_by_script(browser: &Browser, name: &str) {
    let script = format!(
        "const b = Array.from(document.querySelectorAll('button')).filter((b) => b.textContent.trim() === {}).pop();
         if (!b) return false; b.scrollIntoView(); b.click(); return true;",
        json!(name)
    );
    let clicked = browser.in_app(&script).await;
    assert_eq!(clicked, json!(true), "no button {name:?} to click");
}

/// Installs the trap, re-renders the data under it (Refresh, or a click given), waits for image
/// errors and the like to fire, and fails on any sign of a payload running.
async fn assert_inert(browser: &Browser, what: &str, rerender: Option<&str>) -> String {
    browser.in_app(INSTALL_XSS_TRAP).await;
    if let Some(button) = rerender {
        click_by_script(browser, button).await;
    }
    browser.settled().await;
    // onerror/onload of an injected element fire after the resource fails or loads.
    tokio::time::sleep(Duration::from_millis(400)).await;
    let evidence = browser.in_app(READ_XSS_EVIDENCE).await;
    assert_eq!(
        evidence["executions"],
        json!(0),
        "{what}: a payload ran: {}",
        evidence["calls"]
    );
    for key in ["elements", "handlers", "js_urls"] {
        assert_eq!(
            evidence[key],
            json!([]),
            "{what}: injected markup in the app's DOM ({key})"
        );
    }
    evidence["text"].as_str().unwrap_or_default().to_string()
}

fn assert_shown_as_text(text: &str, payloads: &[String], what: &str) {
    let missing: Vec<&String> = payloads
        .iter()
        .filter(|p| !text.contains(&as_rendered(p)))
        .collect();
    assert!(
        missing.is_empty(),
        "{what}: these payloads are not on screen as text: {missing:#?}\nscreen: {text}"
    );
}

fn string_at(record: &Value, keys: &[&str]) -> Vec<String> {
    keys.iter()
        .filter_map(|k| record[*k].as_str().map(str::to_string))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn script_payloads_in_sell_records_and_the_requester_never_run_and_read_as_text() {
    let host = PreparedHost::start("xss", poison_lea_bea_and_carl).await;
    let browser = Browser::open(&host).await;
    let state: Value = reqwest::get(host.url("/_emu/state"))
        .await
        .expect("state")
        .json()
        .await
        .expect("state JSON");

    // Lea's lead: every string a payload.
    host.config(json!({"agent": ADA, "ticket": 101, "locale": "en-US", "settings": all_fields()}))
        .await;
    browser.open_ticket().await;
    let text = assert_inert(&browser, "Lea's poisoned lead", Some("Refresh")).await;
    let lead = state["leads"]
        .as_array()
        .and_then(|ls| {
            ls.iter()
                .find(|l| l["email"] == json!("lea@lead-only.test"))
        })
        .cloned()
        .unwrap_or_default();
    let shown = string_at(
        &lead,
        &[
            "first_name",
            "last_name",
            "organization_name",
            "title",
            "description",
        ],
    );
    assert_shown_as_text(&text, &shown, "Lea's lead");

    // Carl: contact and deals, then his organization and its deals, opened as an agent would.
    host.config(json!({"ticket": 102})).await;
    browser.open_ticket().await;
    assert_inert(&browser, "Carl's poisoned contact and deals", Some("Refresh")).await;
    let text = assert_inert(
        &browser,
        "Carl's poisoned organization and its deals",
        Some("Show the organization and its deals"),
    )
    .await;
    let deal_names: Vec<String> = state["deals"]
        .as_array()
        .map(|ds| {
            ds.iter()
                .filter_map(|d| d["name"].as_str())
                .filter(|n| XSS_PAYLOADS.contains(n))
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    assert!(
        deal_names.len() >= 4,
        "Carl's deals carry payloads: {deal_names:?}"
    );
    assert_shown_as_text(&text, &deal_names, "Carl's deals");

    // Bea: a poisoned lead and a poisoned contact side by side.
    host.config(json!({"ticket": 103})).await;
    browser.open_ticket().await;
    assert_inert(&browser, "Bea's poisoned lead and contact", Some("Refresh")).await;

    // The seed's own payload lead (ticket 107), and its requester name.
    host.config(json!({"ticket": 107})).await;
    browser.open_ticket().await;
    assert_inert(&browser, "ticket 107", Some("Refresh")).await;

    // Leads made through the Sell API, one per payload, all with one email: the matches list, then
    // every page of it.
    let token = state["users"]
        .as_array()
        .and_then(|us| us.iter().find(|u| u["email"] == json!(ADA)))
        .and_then(|u| u["token"].as_str())
        .expect("Ada's token")
        .to_string();
    let http = reqwest::Client::new();
    for (i, payload) in XSS_PAYLOADS.iter().enumerate() {
        let lead = json!({"data": {
            "first_name": payload, "last_name": format!("P{i:02}"), "organization_name": payload,
            "title": payload, "description": payload, "email": "many@xss.test",
            "website": payload, "phone": payload, "address": {"line1": payload, "city": payload},
        }});
        // The emulator holds the token to Sell's 10 requests per second.
        tokio::time::sleep(Duration::from_millis(110)).await;
        let response = http
            .post(host.url("/v2/leads"))
            .bearer_auth(&token)
            .header("User-Agent", "sell-sidebar hostile tests")
            .json(&lead)
            .send()
            .await
            .expect("POST /v2/leads");
        let status = response.status();
        assert!(
            status.is_success(),
            "lead {i} refused: {status} {}",
            response.text().await.unwrap_or_default()
        );
    }
    // The requester is hostile too: the name as ZAF gives it.
    let requester_name = "<img src=x onerror=alert(1)> Requester \"><script>alert(2)</script>";
    host.config(json!({
        "ticket": 105,
        "requester_override": {"email": "many@xss.test", "name": requester_name},
    }))
    .await;
    let shown = browser.open_ticket().await;
    assert!(
        shown.records.len() <= SELL_PAGE,
        "a bounded list: {:?}",
        shown.records.len()
    );
    let mut text = assert_inert(&browser, "the matches of many poisoned leads", None).await;
    for _ in 0..XSS_PAYLOADS.len() {
        let now = browser.sidebar().await;
        let Some(more) = now.buttons.iter().find(|b| b.starts_with("Show")).cloned() else {
            break;
        };
        text = assert_inert(&browser, "the next page of poisoned matches", Some(&more)).await;
    }
    let first_names: Vec<String> = XSS_PAYLOADS.iter().map(|p| p.to_string()).collect();
    assert_shown_as_text(&text, &first_names, "the poisoned leads' names");

    // Nothing matches: the form is prefilled from the hostile requester name.
    host.config(json!({
        "requester_override": {"email": "nobody-xss@none.test", "name": requester_name},
    }))
    .await;
    let shown = browser.open_ticket().await;
    assert!(shown.has_button("Create lead"), "{:?}", shown.buttons);
    browser.in_app(INSTALL_XSS_TRAP).await;
    browser.click_button("Create lead").await;
    browser.field("Last name").await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    let evidence = browser.in_app(READ_XSS_EVIDENCE).await;
    assert_eq!(evidence["executions"], json!(0), "{}", evidence["calls"]);
    assert_eq!(evidence["elements"], json!([]));
    assert_eq!(evidence["handlers"], json!([]));
    let values = browser
        .in_app(
            "return Array.from(document.querySelectorAll('input')).map((i) => i.value).join(' ')",
        )
        .await;
    let values = values.as_str().unwrap_or_default();
    assert!(
        values.contains("<img src=x onerror=alert(1)>")
            || values.contains("<script>alert(2)</script>"),
        "the requester's name is prefilled as text: {values:?}"
    );
    browser.close().await;
}

// ------------------------------------------------------------------------------------ huge answers

/// Rendering cap of long lists (`sidebar_core::lookup::bounded::BATCH`).
const LIST_BOUND: usize = 20;
/// What one Sell list request returns at most (`per_page=100`).
const SELL_PAGE: usize = 100;

/// Clicks the card's Refresh and answers the milliseconds until the app changed its DOM in reply
/// (-1 after 10 s). Timed in the page: reading a document of megabytes over WebDriver is slow itself.
const FIRST_REACTION_TO_REFRESH: &str = r#"
const done = arguments[arguments.length - 1];
const button = Array.from(document.querySelectorAll('button')).filter((b) => b.textContent.trim() === 'Refresh').pop();
if (!button) { done({reacted: -1}); return; }
let reacted = -1;
let worstGap = 0;
let last = performance.now();
const tick = setInterval(() => { const now = performance.now(); worstGap = Math.max(worstGap, now - last); last = now; }, 20);
const observer = new MutationObserver(() => { if (reacted < 0) reacted = performance.now() - t0; });
observer.observe(document.body, {childList: true, subtree: true, characterData: true, attributes: true});
setTimeout(() => { observer.disconnect(); clearInterval(tick); done({reacted, worst_gap: worstGap}); }, 10000);
const t0 = performance.now();
button.click();
"#;

/// Milliseconds until the app's document gets a turn of its event loop again (a frame and a task).
const EVENT_LOOP_LAG: &str = r#"
const done = arguments[arguments.length - 1];
const t0 = performance.now();
requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0));
"#;

/// 10,000 leads with one email and a lead with megabyte strings; Ada's sidebar on the shared email.
async fn huge_host() -> Host {
    let host = Host::start().await;
    let added: Value = reqwest::Client::new()
        .post(host.url("/_emu/huge"))
        .json(&json!({"leads": 10_000, "string_bytes": 1_000_000}))
        .send()
        .await
        .expect("POST /_emu/huge")
        .json()
        .await
        .expect("huge answers JSON");
    assert_eq!(added["added_leads"], json!(10_000));
    host.config(json!({
        "agent": ADA, "ticket": 105, "locale": "en-US", "settings": {"all_agents_access": true},
        "requester_override": {"email": "huge@bulk.test", "name": "Bulk Lead"},
    }))
    .await;
    host
}

fn picks(shown: &Sidebar) -> usize {
    shown
        .records
        .iter()
        .filter(|r| r.starts_with("pick "))
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn huge_answers_keep_the_sidebar_responsive_and_its_lists_bounded() {
    let host = huge_host().await;
    let browser = Browser::open(&host).await;
    let shown = browser.open_ticket().await;
    assert!(
        picks(&shown) > 0 && picks(&shown) <= SELL_PAGE,
        "10,000 matches: at most one Sell page is listed, got {}\n{}",
        picks(&shown),
        shown.text
    );
    // A click on a match is handled, and its card drawn, within 2 s.
    browser.to_app().await;
    let first = browser
        .client
        .find(fantoccini::Locator::XPath(
            "//li/button[contains(., 'Bulk Lead 000001')]",
        ))
        .await
        .expect("the first match");
    let clicked = Instant::now();
    first.click().await.expect("the match is clickable");
    browser
        .wait_sidebar("the picked lead's card", |s| {
            picks(s) == 0 && !s.records.is_empty()
        })
        .await;
    let took = clicked.elapsed();
    assert!(
        took < Duration::from_secs(2),
        "picking a match took {took:?}"
    );

    // One lead whose strings are a megabyte each.
    host.config(
        json!({"requester_override": {"email": "megastring@bulk.test", "name": "Mega String"}}),
    )
    .await;
    let shown = browser.open_ticket().await;
    assert!(
        shown.records.iter().any(|r| r.contains("Mega String")),
        "{:?}",
        shown.records
    );
    browser.to_app().await;
    let lag = browser
        .client
        .execute_async(EVENT_LOOP_LAG, vec![])
        .await
        .expect("the lag probe runs");
    let lag = lag.as_f64().unwrap_or(f64::MAX);
    assert!(lag < 2_000.0, "the app's event loop is blocked: {lag} ms");
    browser.to_app().await;
    let reacted = browser
        .client
        .execute_async(FIRST_REACTION_TO_REFRESH, vec![])
        .await
        .expect("the reaction probe runs");
    println!("megabyte lead, Refresh: {reacted}");
    let gap = reacted["worst_gap"].as_f64().unwrap_or(f64::MAX);
    assert!(
        gap < 2_000.0,
        "the app's main thread was blocked for {gap} ms after Refresh: {reacted}"
    );
    browser.close().await;
}

/// Refresh on a lead of megabyte strings says it is working within 2 s (the main thread stays free,
/// the huge test checks that, but nothing on screen changes until the new data is drawn).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refreshing_a_megabyte_lead_shows_progress_within_2_s() {
    let host = huge_host().await;
    host.config(
        json!({"requester_override": {"email": "megastring@bulk.test", "name": "Mega String"}}),
    )
    .await;
    let browser = Browser::open(&host).await;
    browser.open_ticket().await;
    browser.to_app().await;
    let reacted = browser
        .client
        .execute_async(FIRST_REACTION_TO_REFRESH, vec![])
        .await
        .expect("the reaction probe runs");
    let first = reacted["reacted"].as_f64().unwrap_or(-1.0);
    assert!(
        (0.0..2_000.0).contains(&first),
        "Refresh on the megabyte lead showed nothing for 2 s: {reacted}"
    );
    browser.close().await;
}

/// The matches list renders at most one batch and offers "show more" (as deals and users do).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn huge_match_lists_render_one_batch_then_show_more() {
    let host = huge_host().await;
    let browser = Browser::open(&host).await;
    let shown = browser.open_ticket().await;
    assert!(
        picks(&shown) > 0 && picks(&shown) <= LIST_BOUND,
        "at most {LIST_BOUND} matches at first, got {}",
        picks(&shown)
    );
    let more = shown
        .buttons
        .iter()
        .find(|b| b.starts_with("Show"))
        .cloned()
        .unwrap_or_else(|| panic!("a show-more button: {:?}", shown.buttons));
    let clicked = Instant::now();
    browser.click_button(&more).await;
    let grown = browser
        .wait_sidebar("the list to grow", |s| {
            picks(s) > LIST_BOUND.min(picks(&shown))
        })
        .await;
    assert!(clicked.elapsed() < Duration::from_secs(2));
    assert!(
        picks(&grown) <= 2 * LIST_BOUND,
        "{} after one click",
        picks(&grown)
    );
    browser.close().await;
}

// -------------------------------------------------------------------------------- broken answers

/// Opens the ticket with an empty cache, so every request really goes out.
async fn open_cold(browser: &Browser) -> Sidebar {
    browser.load_page().await;
    browser.settled().await;
    browser
        .in_app("localStorage.clear(); sessionStorage.clear(); return null")
        .await;
    browser.open_ticket().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn broken_answers_show_an_error_state_and_the_app_keeps_working() {
    let host = Host::start().await;
    host.sign_in(ADA, 102, true).await;
    let browser = Browser::open(&host).await;
    let cases = [
        ("/v2/leads", "malformed_json"),
        ("/v2/leads", "empty_body"),
        ("/v2/leads", "html_page"),
        ("/v2/leads", "wrong_types"),
        ("/v2/contacts", "wrong_types"),
        ("/v2/deals", "malformed_json"),
        ("/v2/deals", "wrong_types"),
        ("/v2/users", "wrong_types"),
        ("/v2/stages", "empty_body"),
    ];
    for (path, kind) in cases {
        host.faults(json!([{"path_contains": path, "method": "GET", "times": null, "kind": kind}]))
            .await;
        let shown = open_cold(&browser).await;
        let what = format!("{kind} on {path}");
        println!(
            "{what}: callouts {:?}, records {:?}",
            shown.callouts, shown.records
        );
        assert!(!shown.shows("panicked"), "{what}: {}", shown.text);
        // A body that isn't a Sell answer at all: the lookup failed, and the agent can try again.
        // (Wrong types inside a valid envelope are skipped per record, see the ignored test.)
        if path == "/v2/users" || path == "/v2/stages" {
            // Names are a nicety: the records show without them.
            assert!(
                !shown.records.is_empty(),
                "{what}: the records without names: {}",
                shown.text
            );
        } else if kind != "wrong_types" {
            assert!(
                shown
                    .callouts
                    .iter()
                    .any(|c| c == "Sell data couldn't be loaded")
                    && shown.has_button("Try again"),
                "{what}: the failed state with Try again: {:?} {:?}\n{}",
                shown.callouts,
                shown.buttons,
                shown.text
            );
        }
        // Alive: without the fault the same app (no reload) loads Carl.
        host.clear_faults().await;
        let button = if shown.has_button("Try again") {
            "Try again"
        } else {
            "Refresh"
        };
        click_by_script(&browser, button).await;
        browser
            .wait_sidebar(&format!("Carl after {what}"), |s| {
                s.records.iter().any(|r| r == "Contact: Carl Contact") && s.shows("Contoso pilot")
            })
            .await;
        let crashes: Vec<String> = browser
            .app_errors()
            .into_iter()
            .filter(|e| e.contains("panicked") || e.contains("RuntimeError"))
            .collect();
        assert!(crashes.is_empty(), "{what}: {crashes:?}");
    }
    browser.close().await;
}

/// A contact whose fields have the wrong JSON types is a contact Sell has: saying "Not in Sell yet"
/// invites a duplicate lead. Expected: the failed state (or the contact, with what could be read).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_contact_of_wrong_types_is_not_reported_as_nothing_found() {
    let host = Host::start().await;
    host.sign_in(ADA, 102, true).await;
    let browser = Browser::open(&host).await;
    host.faults(json!([{"path_contains": "/v2/contacts", "method": "GET", "times": null, "kind": "wrong_types"}]))
        .await;
    let shown = open_cold(&browser).await;
    assert!(
        !shown.callouts.iter().any(|c| c == "Not in Sell yet"),
        "{:?} {:?}",
        shown.callouts,
        shown.buttons
    );
    browser.close().await;
}

// ------------------------------------------------------------------------------------- 429 storms

/// The Sell requests seen while polling the log for `span`, each with when it was first seen.
async fn watch_log(host: &Host, span: Duration) -> Vec<(Duration, harness::SellCall)> {
    let started = Instant::now();
    let mut seen: Vec<(Duration, harness::SellCall)> = Vec::new();
    while started.elapsed() < span {
        let log = host.log().await;
        for call in log.into_iter().skip(seen.len()) {
            seen.push((started.elapsed(), call));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    seen
}

/// When each attempt at the leads-by-email request was seen.
fn leads_attempts(seen: &[(Duration, harness::SellCall)]) -> Vec<Duration> {
    seen.iter()
        .filter(|(_, c)| c.path == "/v2/leads")
        .map(|(at, _)| *at)
        .collect()
}

/// The leads request was tried `MAX_ATTEMPTS` times, the first and last at least `min_spread` apart.
fn assert_retried_over(seen: &[(Duration, harness::SellCall)], min_spread: Duration, why: &str) {
    let leads = leads_attempts(seen);
    assert_eq!(leads.len(), MAX_ATTEMPTS, "{why}: leads tried {} times", leads.len());
    let spread = leads[leads.len() - 1] - leads[0];
    assert!(spread >= min_spread, "{why}: retries {spread:?} apart in all");
}

async fn storm(retry_after: Option<u64>) -> (Vec<(Duration, harness::SellCall)>, Sidebar) {
    let host = Host::start().await;
    host.sign_in(ADA, 101, true).await;
    let browser = Browser::open(&host).await;
    browser.open_ticket().await;
    browser
        .in_app("localStorage.clear(); sessionStorage.clear(); return null")
        .await;
    host.clear_log().await;
    host.faults(json!([{"path_contains": "", "times": null, "kind": "status", "status": 429, "retry_after": retry_after}]))
        .await;
    browser.load_page().await;
    // Long enough for every attempt (Retry-After 2 twice, or backoff 1 s + 2 s) even when a loaded
    // machine takes seconds to load the page: the faults stay until the app has given up.
    let seen = watch_log(&host, Duration::from_secs(12)).await;
    host.clear_faults().await;
    let shown = browser
        .wait_sidebar("Sell is busy", |s| {
            s.callouts.iter().any(|c| c == "Sell is busy")
        })
        .await;
    // Nothing more after the storm: no loop keeps going by itself.
    let after = host.log().await.len();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let later = host.log().await.len();
    assert_eq!(after, later, "requests went on after the app gave up");
    browser.close().await;
    (seen, shown)
}

/// Attempts per request, the first included (`sidebar_core::sell::retry::MAX_ATTEMPTS`).
const MAX_ATTEMPTS: usize = 3;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_429_storm_costs_a_bounded_number_of_requests_with_backoff() {
    let (seen, shown) = storm(None).await;
    let calls: Vec<harness::SellCall> = seen.iter().map(|(_, c)| c.clone()).collect();
    assert!(
        calls.len() <= MAX_ATTEMPTS * budget::cold_requests_budget(true),
        "{} requests in a 429 storm:{}",
        calls.len(),
        describe(&calls)
    );
    assert!(calls.iter().all(|c| c.status == 429));
    // Backoff 1 s, then 2 s (measured at a 50 ms poll).
    assert_retried_over(&seen, Duration::from_millis(2_700), "backoff");
    assert!(shown.records.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_429_storm_with_retry_after_waits_as_told_or_gives_up_at_once() {
    let (seen, _) = storm(Some(2)).await;
    assert_retried_over(&seen, Duration::from_millis(3_700), "Retry-After: 2 honoured twice");

    // Longer than the app waits silently: no retry, the agent is told at once.
    let (seen, _) = storm(Some(60)).await;
    let leads = leads_attempts(&seen);
    assert_eq!(
        leads.len(),
        1,
        "Retry-After: 60 gives up at once: {leads:?}"
    );
}

// ---------------------------------------------------------------------------------- token leaks

fn leaks(text: &str, tokens: &[String]) -> Vec<String> {
    let mut found: Vec<String> = tokens
        .iter()
        .filter(|t| text.contains(t.as_str()))
        .cloned()
        .collect();
    if text.contains("sellemu-") {
        found.push("sellemu-".into());
    }
    found
}

/// Everything the browser holds: the app's DOM and storage, the page's DOM and its protocol log.
const DUMP_APP: &str = r#"
const dump = (s) => Object.keys(s).map((k) => k + '=' + s.getItem(k)).join('\n');
return [document.documentElement.outerHTML, dump(localStorage), dump(sessionStorage),
        JSON.stringify(window.__consoleSeen || [])].join('\n');
"#;

/// Records everything the app writes to the console from now on.
const CAPTURE_CONSOLE: &str = r#"
if (!window.__consoleSeen) {
  window.__consoleSeen = [];
  for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
    const original = console[level].bind(console);
    console[level] = (...args) => { window.__consoleSeen.push(level + ': ' + args.map(String).join(' ')); original(...args); };
  }
}
return null;
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sell_token_never_reaches_the_browser() {
    let host = Host::start().await;
    let tokens = support::seed_tokens(&host).await;

    // The bundle itself.
    let dist = harness::app_dist();
    for entry in std::fs::read_dir(&dist).expect("the dist folder").flatten() {
        let path = entry.path();
        if path.is_file() {
            let bytes = std::fs::read(&path).expect("a dist file");
            let text = String::from_utf8_lossy(&bytes);
            assert_eq!(
                leaks(&text, &tokens),
                Vec::<String>::new(),
                "{}",
                path.display()
            );
        }
    }

    let browser = Browser::open(&host).await;
    let visits = [(ADA, 102, true), (NORA, 101, false), (ADA, 105, false)];
    let mut placeholders = 0;
    for (agent, ticket, all_agents) in visits {
        host.sign_in(agent, ticket, all_agents).await;
        let shown = browser.open_ticket().await;
        browser.in_app(CAPTURE_CONSOLE).await;
        if shown.has_button("Refresh") {
            click_by_script(&browser, "Refresh").await;
            browser.settled().await;
        }
        if shown.has_button("Create lead") {
            browser.click_button("Create lead").await;
            browser.field("Last name").await;
        }
        let what = format!("{agent} on #{ticket}");
        let app = browser.in_app(DUMP_APP).await;
        let app = app.as_str().unwrap_or_default();
        assert_eq!(
            leaks(app, &tokens),
            Vec::<String>::new(),
            "{what}: the app's DOM, storage or console"
        );
        let page = browser
            .in_page("return document.documentElement.outerHTML + JSON.stringify(window.__devhost.protocolLog)")
            .await;
        let page = page.as_str().unwrap_or_default();
        assert_eq!(
            leaks(page, &tokens),
            Vec::<String>::new(),
            "{what}: the agent page or the messages"
        );
        placeholders += page.matches("{{setting.sell_").count();
        let requests = reqwest::get(host.url("/_host/requests"))
            .await
            .expect("/_host/requests")
            .text()
            .await
            .unwrap_or_default();
        assert_eq!(
            leaks(&requests, &tokens),
            Vec::<String>::new(),
            "{what}: the host's request log"
        );
    }
    assert!(
        placeholders > 0,
        "the app's requests name the token only as a {{{{setting.*}}}} placeholder"
    );
    browser.close().await;
}

// -------------------------------------------------------------------------------------- budgets

/// Nora (Sell users only) on every seeded ticket: cold within the budget, warm free. Ada's modes
/// are in the end-to-end suite's `request_counts`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sell_user_stays_within_the_request_budget_cold_and_warm() {
    let host = Host::start().await;
    let browser = Browser::open(&host).await;
    let mut over = Vec::new();
    for ticket in 101..=108 {
        host.sign_in(NORA, ticket, false).await;
        let OpenCosts { cold, warm, .. } = host.open_costs(&browser).await;
        println!("Nora #{ticket}: cold {}, warm {}", cold.len(), warm.len());
        if cold.len() > budget::cold_requests_budget(true) || warm.len() > budget::WARM_REQUESTS_BUDGET {
            over.push(format!(
                "#{ticket}: cold {} (budget {}):{}\n  warm {} (budget {}):{}",
                cold.len(),
                budget::cold_requests_budget(true),
                describe(&cold),
                warm.len(),
                budget::WARM_REQUESTS_BUDGET,
                describe(&warm)
            ));
        }
    }
    browser.close().await;
    assert!(
        over.is_empty(),
        "over the request budget:\n{}",
        over.join("\n")
    );
}
