//! The sidebar at the apps tray's narrowest and widest (issue 9): no horizontal scrolling, and the
//! iframe as tall as the content at every width.

use serde_json::Value;

use crate::harness::{Browser, Host};

const WIDTHS: [u32; 2] = [260, 720];

/// Moves the toolbar's "Apps tray width" slider as a person dragging it would (input events).
async fn set_tray_width(browser: &Browser, px: u32) {
    browser
        .in_page(&format!(
            "const s = document.getElementById('tray-width'); s.value = '{px}'; \
             s.dispatchEvent(new Event('input', {{bubbles: true}})); return null"
        ))
        .await;
}

/// The content's height inside the iframe and whether anything overflows sideways.
async fn measure(browser: &Browser) -> (f64, f64, f64) {
    let v = browser
        .in_app(
            "const d = document.documentElement; \
             return [d.scrollWidth, d.clientWidth, Math.ceil(document.body.getBoundingClientRect().height)]",
        )
        .await;
    let n = |i: usize| v.get(i).and_then(Value::as_f64).unwrap_or(f64::NAN);
    (n(0), n(1), n(2))
}

async fn check_widths(browser: &Browser, state: &str, failures: &mut Vec<String>) {
    for px in WIDTHS {
        set_tray_width(browser, px).await;
        // Wait for the reflow and the resize round trip: the same reading twice in a row.
        let last = std::sync::Mutex::new(None);
        let (frame, content, client_width, scroll_width) = browser
            .wait_for(
                &format!("{state} at {px} px: the layout to settle"),
                || async {
                    let (scroll_width, client_width, content) = measure(browser).await;
                    let page = browser
                    .in_page(
                        "const f = document.querySelector(\"iframe[title='Zendesk Sell app']\"); \
                         return [window.__devhost.iframeHeight, f.clientWidth]",
                    )
                    .await;
                    let frame = page.get(0).and_then(Value::as_f64).unwrap_or(f64::NAN);
                    let frame_width = page.get(1).and_then(Value::as_f64).unwrap_or(f64::NAN);
                    let reading = (frame, content, client_width, scroll_width);
                    // The tray's margins and scrollbar take some of its width.
                    let narrowed = frame_width == client_width && frame_width <= f64::from(px);
                    let mut last = last.lock().unwrap_or_else(|p| p.into_inner());
                    let same = *last == Some(reading);
                    *last = Some(reading);
                    (narrowed && same).then_some(reading)
                },
            )
            .await;
        browser.screenshot(&format!("width-{state}-{px}")).await;
        println!("{state} at {px} px: iframe {frame} px high for {content} px of content, {scroll_width}/{client_width} px wide");
        if scroll_width > client_width {
            failures.push(format!(
                "{state} at {px} px scrolls sideways: content {scroll_width} px in {client_width} px"
            ));
        }
        if (frame - content).abs() > 3.0 {
            failures.push(format!(
                "{state} at {px} px: the iframe is {frame} px high for {content} px of content"
            ));
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_state_fits_the_narrowest_and_widest_tray() {
    let host = Host::start().await;
    let browser = Browser::open(&host).await;
    let mut failures = Vec::new();
    let states = [
        ("contact-with-deals", "ada@acme.test", 102),
        ("rtl-long-organization", "ada@acme.test", 106),
        ("hostile-strings", "ada@acme.test", 107),
        ("nothing-found", "ada@acme.test", 105),
        ("no-access", "zed@acme.test", 101),
        ("lead", "ada@acme.test", 101),
        ("several-matches", "ada@acme.test", 104),
        ("inactive", "ivan@acme.test", 101),
    ];
    for (state, agent, ticket) in states {
        host.sign_in(agent, ticket, false).await;
        browser.open_ticket().await;
        check_widths(&browser, state, &mut failures).await;
    }
    // Sell failing, then Sell busy: the error callouts with their retry buttons.
    for (state, status) in [("failed", 500), ("rate-limited", 429)] {
        host.faults(
            serde_json::json!([{"path_contains": "/v2/leads", "method": "GET", "times": null,
            "kind": "status", "status": status}]),
        )
        .await;
        host.sign_in("ada@acme.test", 101, true).await;
        browser.load_page().await;
        browser.wait_text("Try again").await;
        check_widths(&browser, state, &mut failures).await;
        host.clear_faults().await;
    }
    // An access setting that can't be read: the admin's message naming the parameter and the fix,
    // the agent's short notice.
    for (state, agent, shown) in [
        ("not-configured-admin", "ada@acme.test", "all_agents_access"),
        (
            "not-configured-agent",
            "nora@acme.test",
            "Ask your Zendesk admin to finish the app's settings.",
        ),
    ] {
        host.sign_in(agent, 101, false).await;
        browser.load_page().await;
        browser.reinstall_with_access_setting("maybe").await;
        browser.wait_text(shown).await;
        check_widths(&browser, state, &mut failures).await;
    }
    // The settings helper an admin opens, with Sell's lists loaded (a lead source is the last one).
    host.sign_in("ada@acme.test", 101, false).await;
    browser.open_ticket().await;
    browser.click_button("Settings helper").await;
    browser.wait_text("Trade show").await;
    check_widths(&browser, "settings-helper", &mut failures).await;
    // The create-lead form with the owner list open (every user and pool offered).
    host.config(serde_json::json!({"agent": "ada@acme.test", "ticket": 105,
        "settings": {"agents_assign_owner": true}}))
        .await;
    browser.open_ticket().await;
    browser.click_button("Create lead").await;
    let owner = browser.field("Owner").await;
    owner.click().await.expect("the owner list opens");
    check_widths(&browser, "create-lead-form", &mut failures).await;
    // A submit the form refuses: the errors under the owner and the email they belong to.
    browser.open_ticket().await;
    browser.click_button("Create lead").await;
    let email = browser.field("Email").await;
    email.send_keys("@").await.expect("typing into the email");
    browser.click_button("Create lead").await;
    browser.wait_text("Choose who owns the lead.").await;
    browser
        .wait_text("Enter an email address like name@example.com.")
        .await;
    check_widths(&browser, "create-lead-errors", &mut failures).await;
    // The agent's own search after nothing was found, with its result. (Settings merge: the owner
    // list's checkbox goes off again, so the lead below goes to the agent.)
    host.sign_in_owning_leads("ada@acme.test", 105).await;
    browser.open_ticket().await;
    browser.search_sell("Lea Lead").await;
    check_widths(&browser, "search-results", &mut failures).await;
    // The new lead's card after creating it (the lead goes to the agent: no owner field).
    browser.create_own_lead().await;
    check_widths(&browser, "lead-created", &mut failures).await;
    // Loading: a slow Sell keeps the card-shaped skeletons on screen.
    browser.load_slowly(&host).await;
    check_widths(&browser, "loading", &mut failures).await;
    host.clear_faults().await;
    browser.close().await;
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
