//! The app in the agent page (issue 4): loads cross-origin, shows the ticket's requester, follows a
//! change of ticket, of the requester's email and of the settings; the page lists its Sell calls.

use serde_json::json;

use crate::harness::{Browser, Host};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_app_loads_cross_origin_and_follows_ticket_requester_and_settings() {
    let host = Host::start().await;
    host.sign_in("ada@acme.test", 101, false).await;
    let browser = Browser::open(&host).await;
    browser.load_page().await;

    // Zendesk serves apps from another origin than the agent page: so does the dev host.
    let page_host = browser
        .client
        .current_url()
        .await
        .expect("the page has a URL");
    let frame = browser.app_frame().await;
    let src = frame
        .attr("src")
        .await
        .ok()
        .flatten()
        .expect("the iframe has a src");
    let app_url = url_host(&src);
    assert_ne!(
        Some(app_url.as_str()),
        page_host.host_str(),
        "the app ({src}) must not share the page's origin ({page_host})"
    );

    let shown = browser.settled().await;
    assert!(
        shown.shows("Lea Lead") && shown.shows("lea@lead-only.test"),
        "requester header: {}",
        shown.text
    );
    assert_eq!(shown.records, ["Lead: Lea Lead"]);
    browser.screenshot("host-ticket-101").await;

    // Another ticket: config, then the page reloads as an agent opening it would.
    host.config(json!({"ticket": 102})).await;
    let shown = browser.open_ticket().await;
    assert!(
        shown.shows("Carl Contact") && shown.shows("carl@deals.test"),
        "{}",
        shown.text
    );
    assert!(
        !shown.shows("Lea Lead"),
        "the old requester is gone: {}",
        shown.text
    );

    // The agent edits the requester's email in the ticket: the sidebar follows without a reload.
    browser.to_page().await;
    browser
        .client
        .find(fantoccini::Locator::XPath(
            "//summary[normalize-space(.)='Requester']",
        ))
        .await
        .expect("the toolbar's Requester panel")
        .click()
        .await
        .expect("the panel opens");
    let email = browser
        .client
        .find(fantoccini::Locator::Id("requester-email"))
        .await
        .expect("the requester email input (label 'Requester email')");
    email.clear().await.expect("the input clears");
    email
        .send_keys("lea@lead-only.test")
        .await
        .expect("typing works");
    browser
        .client
        .find(fantoccini::Locator::XPath(
            "//button[normalize-space(.)='Change requester email']",
        ))
        .await
        .expect("the change button")
        .click()
        .await
        .expect("the change is sent");
    let guid_before = browser.in_page("return window.__devhost.appGuid").await;
    let shown = browser
        .wait_sidebar("the sidebar to follow the new email", |s| {
            s.shows("lea@lead-only.test") && s.records == ["Lead: Lea Lead"]
        })
        .await;
    assert!(
        !shown.records.iter().any(|r| r.contains("Carl")),
        "{:?}",
        shown.records
    );
    let guid_after = browser.in_page("return window.__devhost.appGuid").await;
    assert_eq!(
        guid_before, guid_after,
        "the app was not reloaded for an email change"
    );

    // The dev panel lists the app's Sell calls.
    let rows = browser
        .in_page(
            "return Array.from(document.querySelectorAll('#request-log-rows tr'))\
             .map(r => r.innerText.replace(/\\s+/g, ' '))",
        )
        .await;
    let rows: Vec<String> = serde_json::from_value(rows).unwrap_or_default();
    assert!(
        rows.iter().any(|r| r.contains("/v2/leads"))
            && rows.iter().any(|r| r.contains("/v2/users")),
        "the request log panel lists the lookups: {rows:?}"
    );

    // A settings change is a reinstall: the app reloads and reads them.
    let guid_before = browser.in_page("return window.__devhost.appGuid").await;
    host.config(json!({"agent": "zed@acme.test"})).await;
    browser.in_page("return window.__devhost.reinstall()").await;
    let shown = browser.wait_text("No Sell access").await;
    assert!(shown.records.is_empty(), "{:?}", shown.records);
    // The admin ticks "All agents" in the toolbar's settings form and applies it (a reinstall).
    browser.to_page().await;
    for (how, xpath) in [
        (
            "the App settings panel",
            "//summary[normalize-space(.)='App settings']",
        ),
        (
            "the All agents checkbox",
            "//label[contains(., '(all_agents_access)')]",
        ),
        (
            "the Apply button",
            "//button[normalize-space(.)='Apply (reinstall)']",
        ),
    ] {
        browser
            .client
            .find(fantoccini::Locator::XPath(xpath))
            .await
            .unwrap_or_else(|e| panic!("{how}: {e}"))
            .click()
            .await
            .unwrap_or_else(|e| panic!("clicking {how}: {e}"));
    }
    // The edited requester email belongs to the ticket and survives the reinstall.
    let shown = browser
        .wait_sidebar("Zed to see Sell data in All-agents mode", |s| {
            s.records == ["Lead: Lea Lead"]
        })
        .await;
    assert!(!shown.shows("No Sell access"), "{}", shown.text);
    let guid_after = browser.in_page("return window.__devhost.appGuid").await;
    assert_ne!(
        guid_before, guid_after,
        "a reinstall loads a new app instance"
    );

    browser.close().await;
}

fn url_host(url: &str) -> String {
    url.split("//")
        .nth(1)
        .and_then(|rest| rest.split(['/', ':']).next())
        .unwrap_or_default()
        .to_string()
}

/// `Browser::close` fails a test whose app panicked, from the errors captured inside the app's
/// iframe; this pins that the capture sees what the app writes to its console.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_panic_check_sees_the_app_iframes_console() {
    let host = Host::start().await;
    host.sign_in("ada@acme.test", 105, false).await;
    let browser = Browser::open(&host).await;
    browser.open_ticket().await;
    browser
        .in_app("console.error('e2e console probe from the app'); return null")
        .await;
    let shown = browser.sidebar().await;
    assert!(
        shown
            .errors
            .iter()
            .any(|e| e == "e2e console probe from the app"),
        "captured: {:?}",
        shown.errors
    );
    assert!(
        !browser.app_errors().iter().any(|l| l.contains("panicked")),
        "no panic: {:?}",
        browser.app_errors()
    );
    browser.close().await;
}
