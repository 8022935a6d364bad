//! Races a careful read found (issue 15): leaving the form while Sell creates the lead, the previous
//! requester's cards under a new one, a lead created for the previous requester, and the owner list
//! during a submit. Each test slows Sell down so the race window is seconds wide.

use std::time::Duration;

use serde_json::{json, Value};

use crate::harness::{describe, Browser, Host};

const ADA: &str = "ada@acme.test";
const NORA: &str = "nora@acme.test";
/// Support user ids of seeded requesters (`GET /_host/catalog`).
const CARL: u64 = 5102;
const LEA: u64 = 5101;

/// Nora on Nobody Here's ticket, *Sell users only*, no owners: the lead is hers, the form has no owner
/// field; the form open, Sell then answering `latency_ms` late.
async fn open_own_form_slowly(host: &Host, browser: &Browser, latency_ms: u64) {
    host.sign_in_owning_leads(NORA, 105).await;
    browser.open_own_lead_form().await;
    host.latency(latency_ms).await;
}

async fn button_disabled(browser: &Browser, name: &str) -> bool {
    let script = format!(
        "return Array.from(document.querySelectorAll('button')).filter(b => b.innerText.trim() === {name:?}).every(b => b.disabled)"
    );
    browser.in_app(&script).await == Value::Bool(true)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_form_cannot_be_left_while_sell_creates_the_lead() {
    let host = Host::start().await;
    let browser = Browser::open(&host).await;
    open_own_form_slowly(&host, &browser, 3_000).await;
    browser.click_button("Create lead").await;
    browser.wait_text("Creating lead").await;
    assert!(button_disabled(&browser, "Back").await, "Back waits for Sell");
    assert!(button_disabled(&browser, "Cancel").await, "Cancel waits for Sell");
    // Clicking anyway (a script, as a disabled button can't be clicked by hand) changes nothing.
    browser
        .in_app("Array.from(document.querySelectorAll('button')).filter(b => b.innerText.trim() === 'Back').forEach(b => b.click()); return null")
        .await;
    let shown = browser.sidebar().await;
    assert!(shown.shows("Creating lead"), "still creating, in the form: {}", shown.text);
    let shown = browser.wait_sidebar("the lead created", |s| s.shows("created in Sell")).await;
    host.latency(0).await;
    assert_eq!(host.leads_with_email("nobody@none.test").await.len(), 1, "{}", shown.text);
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_requester_never_sees_the_previous_ones_cards_while_loading() {
    let host = Host::start().await;
    host.sign_in(ADA, 101, true).await;
    let browser = Browser::open(&host).await;
    let shown = browser.open_ticket().await;
    assert!(shown.records.iter().any(|r| r == "Lead: Lea Lead"), "{:?}", shown.records);
    host.latency(3_000).await;
    browser.replace_requester(CARL).await;
    let shown = browser
        .wait_sidebar("Carl's lookup under way", |s| s.shows("carl@deals.test") && s.busy)
        .await;
    host.latency(0).await;
    assert!(shown.records.is_empty(), "Lea's cards under Carl's name: {:?}", shown.records);
    assert!(!shown.has_button("Create lead"), "no Create lead for Carl before his lookup: {:?}", shown.buttons);
    let links = browser.in_app("return document.querySelectorAll('a.card__link').length").await;
    assert_eq!(links, json!(0), "no Open in Sell link of Lea's under Carl");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lead_created_for_the_previous_requester_is_not_shown_under_the_new_one() {
    let host = Host::start().await;
    let browser = Browser::open(&host).await;
    open_own_form_slowly(&host, &browser, 3_000).await;
    browser.click_button("Create lead").await;
    browser.wait_text("Creating lead").await;
    browser.replace_requester(LEA).await;
    browser
        .wait_for("the lead created in Sell", || async { (host.leads_with_email("nobody@none.test").await.len() == 1).then_some(()) })
        .await;
    host.latency(0).await;
    browser
        .wait_sidebar("Lea's lookup", |s| s.records.iter().any(|r| r == "Lead: Lea Lead"))
        .await;
    // A moment for anything late to draw.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let shown = browser.sidebar().await;
    assert!(!shown.shows("created in Sell"), "Nobody Here's lead shown as created under Lea: {}", shown.text);
    assert!(!shown.records.iter().any(|r| r == "Lead: Nobody Here"), "{:?}", shown.records);
    browser.close().await;
}

/// The owner list open with nothing highlighted, Enter: the form is sent and the list closes; while it
/// is sent, clicking an owner changes nothing, so what is shown is what is sent.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn enter_in_the_open_owner_list_sends_the_form_and_closes_the_list() {
    let host = Host::start().await;
    host.config(json!({
        "agent": ADA, "ticket": 105, "locale": "en-US",
        "settings": {"all_agents_access": true, "agents_assign_owner": false, "lead_owners": "2\n4"},
    }))
    .await;
    let browser = Browser::open(&host).await;
    browser.open_ticket().await;
    browser.click_button("Create lead").await;
    let owner = browser.field("Owner").await;
    owner.click().await.expect("opening the owner list");
    browser
        .in_app("Array.from(document.querySelectorAll('[role=option]')).find(o => o.innerText.includes('Max North')).click(); return null")
        .await;
    // Open again: nothing highlighted.
    owner.click().await.expect("opening the owner list again");
    let expanded = owner.attr("aria-expanded").await.ok().flatten();
    assert_eq!(expanded.as_deref(), Some("true"));
    host.latency(2_000).await;
    owner.send_keys("\u{E007}").await.expect("Enter");
    browser.wait_text("Creating lead").await;
    let expanded = owner.attr("aria-expanded").await.ok().flatten();
    assert_eq!(expanded.as_deref(), Some("false"), "the list closes when the form is sent");
    // A click on an option (if any were left) must not change the owner shown or sent.
    browser
        .in_app("Array.from(document.querySelectorAll('[role=option]')).forEach(o => o.click()); return null")
        .await;
    let shown_owner = owner.prop("value").await.ok().flatten().unwrap_or_default();
    assert_eq!(shown_owner, "Max North");
    browser.wait_sidebar("the lead created", |s| s.shows("created in Sell")).await;
    host.latency(0).await;
    let owners: Vec<Value> =
        host.leads_with_email("nobody@none.test").await.into_iter().map(|l| l["owner_id"].clone()).collect();
    assert_eq!(owners, [json!(2)], "Max, as shown:{}", describe(&host.log().await));
    browser.close().await;
}
