//! The requester changes while the ticket is open: another person put in (`ticket.requester.id.changed`)
//! or the email edited (`ticket.requester.email.changed`). The sidebar shows the new requester only,
//! however late the answers for the previous one arrive; and a refresh before doesn't make every later
//! lookup skip the cache.

use std::time::Duration;

use serde_json::Value;

use crate::harness::{describe, Browser, Host};

const ADA: &str = "ada@acme.test";
const CARL_CONTACT: &str = "Contact: Carl Contact";
const LEA_LEAD: &str = "Lead: Lea Lead";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_person_as_requester_is_looked_up_in_their_place() {
    let host = Host::start().await;
    host.sign_in(ADA, 101, true).await;
    let browser = Browser::open(&host).await;
    let shown = browser.open_ticket().await;
    assert_eq!(shown.records, [LEA_LEAD]);
    // Carl Contact (Support user 5102) becomes the requester of Lea's ticket.
    browser.replace_requester(5102).await;
    let shown = browser
        .wait_sidebar("Carl in Lea's place", |s| {
            s.records.iter().any(|r| r == CARL_CONTACT) && s.shows("Carl Contact") && s.shows("carl@deals.test")
        })
        .await;
    assert!(!shown.records.iter().any(|r| r == LEA_LEAD), "{:?}", shown.records);
    let events = browser
        .in_page("return JSON.stringify(window.__devhost.protocolLog)")
        .await;
    assert!(
        events.as_str().unwrap_or_default().contains("ticket.requester.id.changed"),
        "the page told the app as Support does: {events}"
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_late_answer_for_the_previous_requester_never_replaces_the_new_one() {
    let host = Host::start().await;
    host.sign_in(ADA, 102, true).await;
    let browser = Browser::open(&host).await;
    // Carl's lookup and the account's lists are now cached; Lea's are not.
    let shown = browser.open_ticket().await;
    assert!(shown.records.iter().any(|r| r == CARL_CONTACT), "{:?}", shown.records);

    // Lea's ticket, every Sell answer 3 s late: her lookup is on its way when the requester becomes
    // Carl, whose lookup is cached and shows at once.
    host.sign_in(ADA, 101, true).await;
    host.latency(3_000).await;
    browser.load_page().await;
    browser
        .wait_for("Lea's lookup under way", || async {
            let loading = browser.in_app("return document.querySelector('.skeleton') !== null").await;
            (loading == Value::Bool(true)).then_some(())
        })
        .await;
    browser.change_requester_email("carl@deals.test").await;
    browser
        .wait_sidebar("Carl, from the cache", |s| s.records.iter().any(|r| r == CARL_CONTACT))
        .await;

    // Wait until Sell has answered every request of Lea's lookup, then a moment for drawing.
    browser
        .wait_for("Lea's lookup answered", || async {
            let lea_asked = host.log().await.iter().any(|c| c.query.as_deref().unwrap_or_default().contains("lea"));
            lea_asked.then_some(())
        })
        .await;
    tokio::time::sleep(Duration::from_secs(8)).await;
    let shown = browser.sidebar().await;
    host.latency(0).await;
    assert!(
        shown.records.iter().any(|r| r == CARL_CONTACT) && !shown.records.iter().any(|r| r == LEA_LEAD),
        "the sidebar must show the requester now on the ticket (Carl), not Lea: {:?}\n{}\nSell calls:{}",
        shown.records,
        shown.text,
        describe(&host.log().await)
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_a_refresh_a_new_requester_still_comes_from_the_cache() {
    let host = Host::start().await;
    host.sign_in(ADA, 102, true).await;
    let browser = Browser::open(&host).await;
    browser.open_ticket().await;
    host.sign_in(ADA, 101, true).await;
    browser.open_ticket().await;
    // Both lookups cached. Refresh Lea (asks Sell again, as it should).
    host.clear_log().await;
    browser.click_button("Refresh").await;
    browser
        .wait_for("the refresh's requests", || async {
            (!host.log().await.is_empty()).then_some(())
        })
        .await;
    browser.settled().await;
    tokio::time::sleep(Duration::from_millis(500)).await;

    host.clear_log().await;
    browser.change_requester_email("carl@deals.test").await;
    let shown = browser
        .wait_sidebar("Carl", |s| s.records.iter().any(|r| r == CARL_CONTACT))
        .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    // The refresh dropped the account's lists on purpose (a refresh re-reads them), so one may be read
    // again; Carl's lookup itself is cached.
    let calls: Vec<_> = host.log().await.into_iter().filter(|c| c.is_customer_data()).collect();
    assert!(
        calls.is_empty(),
        "Carl was looked up a moment ago, yet the change asked Sell for him again:{}\n{:?}",
        describe(&calls),
        shown.records
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_lead_created_for_the_previous_requester_goes_with_them() {
    let host = Host::start().await;
    let browser = Browser::open(&host).await;
    host.sign_in_owning_leads(ADA, 105).await;
    let shown = browser.create_own_lead().await;
    assert!(shown.shows("Nobody Here"), "{}", shown.text);
    browser.replace_requester(5102).await;
    let shown = browser
        .wait_sidebar("Carl without Nobody's new lead", |s| {
            s.records.iter().any(|r| r == CARL_CONTACT) && !s.shows("created in Sell")
        })
        .await;
    assert!(!shown.shows("Nobody Here"), "{}", shown.text);
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_requester_change_during_the_retry_countdown_keeps_the_sidebar_working() {
    let host = Host::start().await;
    host.sign_in(ADA, 101, true).await;
    let browser = Browser::open(&host).await;
    browser.open_ticket().await;
    browser.in_app("localStorage.clear(); return null").await;
    // Sell busy for long: the app gives up at once and counts down to its Retry button.
    host.faults(serde_json::json!([{"path_contains": "/v2/leads", "times": null, "kind": "status", "status": 429, "retry_after": 60}]))
        .await;
    browser.open_ticket().await;
    browser.wait_text("Try again in").await;
    host.clear_faults().await;
    browser.replace_requester(5102).await;
    browser
        .wait_sidebar("Carl", |s| s.records.iter().any(|r| r == CARL_CONTACT))
        .await;
    // Past a tick of the old countdown.
    tokio::time::sleep(Duration::from_millis(2_500)).await;
    browser.close().await;
}
