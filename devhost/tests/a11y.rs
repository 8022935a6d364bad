//! Accessibility, end to end: axe-core (`js/node_modules/axe-core`, run inside the app's iframe) on
//! every state of the sidebar and on the create-lead form, and the whole create-lead flow by keyboard
//! alone with a visible focus at every stop. Needs what the end-to-end suite needs, and
//! `npm install` in js/ for axe-core (`cargo xtask test` does both).

#[allow(dead_code)]
#[path = "e2e/harness.rs"]
mod harness;

use std::time::Duration;

use serde_json::{json, Value};

use harness::{workspace_root, Browser, Host};

const ADA: &str = "ada@acme.test";

// WebDriver key codes.
const TAB: &str = "\u{E004}";
const ENTER: &str = "\u{E007}";
const DOWN: &str = "\u{E015}";
const CTRL: &str = "\u{E009}";
const RELEASE: &str = "\u{E000}";
const BACKSPACE: &str = "\u{E003}";

fn axe_source() -> String {
    let path = workspace_root().join("js/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run `npm install` in js/, or `cargo xtask setup`)",
            path.display()
        )
    })
}

/// Runs axe on the app's document (injecting it once per document) and answers the violations.
const RUN_AXE: &str = r#"
const [skipped, done] = arguments;
const rules = {};
skipped.forEach((id) => { rules[id] = {enabled: false}; });
axe.run(document, {resultTypes: ['violations'], rules}).then((results) => done(results.violations.map((v) => ({
  id: v.id, impact: v.impact, help: v.help,
  nodes: v.nodes.map((n) => ({target: n.target.join(' '), html: n.html.slice(0, 200), why: n.failureSummary})),
})))).catch((e) => done([{id: 'axe-error', help: String(e), nodes: []}]));
"#;

async fn assert_no_violations(browser: &Browser, axe: &str, state: &str) {
    assert_no_violations_but(browser, axe, state, &[]).await;
}

/// Like [`assert_no_violations`], with the axe rules `skipped` turned off (each one an ignored test).
async fn assert_no_violations_but(browser: &Browser, axe: &str, state: &str, skipped: &[&str]) {
    browser.to_app().await;
    let loaded = browser
        .client
        .execute("return typeof window.axe !== 'undefined'", vec![])
        .await
        .unwrap_or(Value::Bool(false));
    if loaded != Value::Bool(true) {
        browser
            .client
            .execute(&format!("{axe}\nreturn null;"), vec![])
            .await
            .expect("axe-core loads in the app's document");
    }
    let violations = browser
        .client
        .execute_async(RUN_AXE, vec![json!(skipped)])
        .await
        .expect("axe runs");
    let violations = violations.as_array().cloned().unwrap_or_default();
    assert!(
        violations.is_empty(),
        "{state}: {} accessibility violations:\n{}",
        violations.len(),
        serde_json::to_string_pretty(&violations).unwrap_or_default()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_lookup_state_has_no_axe_violations() {
    let axe = axe_source();
    let host = Host::start().await;
    let browser = Browser::open(&host).await;

    for (ticket, state) in [
        (101, "found: a lead"),
        (102, "found: a contact with deals"),
        (104, "several matches"),
        (105, "nothing found"),
    ] {
        host.sign_in(ADA, ticket, false).await;
        browser.open_ticket().await;
        assert_no_violations(&browser, &axe, state).await;
    }

    host.sign_in(ADA, 101, false).await;
    browser.load_page().await;
    browser.settled().await;
    browser.in_app("localStorage.clear(); return null").await;
    host.faults(json!([{"path_contains": "/v2/leads", "method": "GET", "times": null, "kind": "status", "status": 500}]))
        .await;
    let shown = browser.open_ticket().await;
    assert!(
        shown
            .callouts
            .iter()
            .any(|c| c == "Sell data couldn't be loaded"),
        "{:?}",
        shown.callouts
    );
    assert_no_violations(&browser, &axe, "failed").await;

    host.faults(json!([{"path_contains": "/v2/leads", "method": "GET", "times": null, "kind": "status", "status": 429, "retry_after": 60}]))
        .await;
    browser.in_app("localStorage.clear(); return null").await;
    browser.load_page().await;
    browser
        .wait_sidebar("Sell is busy", |s| {
            s.callouts.iter().any(|c| c == "Sell is busy")
        })
        .await;
    assert_no_violations(&browser, &axe, "rate limited").await;
    host.clear_faults().await;

    host.sign_in("zed@acme.test", 101, false).await;
    let shown = browser.open_ticket().await;
    assert!(
        shown.callouts.iter().any(|c| c == "No Sell access"),
        "{:?}",
        shown.callouts
    );
    assert_no_violations(&browser, &axe, "no access").await;

    host.sign_in(ADA, 101, false).await;
    browser.open_ticket().await;
    browser.reinstall_with_access_setting("maybe").await;
    browser.wait_text("all_agents_access").await;
    // Its level-one heading has a test of its own below.
    assert_no_violations_but(&browser, &axe, "not configured", &["page-has-heading-one"]).await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_not_configured_notice_has_a_level_one_heading() {
    let axe = axe_source();
    let host = Host::start().await;
    host.sign_in(ADA, 101, false).await;
    let browser = Browser::open(&host).await;
    browser.open_ticket().await;
    browser.reinstall_with_access_setting("maybe").await;
    browser.wait_text("all_agents_access").await;
    assert_no_violations(&browser, &axe, "not configured").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_create_lead_form_has_no_axe_violations() {
    let axe = axe_source();
    let host = Host::start().await;
    host.config(json!({
        "agent": ADA, "ticket": 105, "locale": "en-US",
        "settings": {"all_agents_access": true, "agents_assign_owner": true},
    }))
    .await;
    let browser = Browser::open(&host).await;
    browser.open_ticket().await;
    browser.click_button("Create lead").await;
    let owner = browser.field("Owner").await;
    assert_no_violations(&browser, &axe, "create-lead form").await;
    // With the owner list open, and after a failed submit (errors on the fields).
    owner
        .send_keys("a")
        .await
        .expect("typing in the owner field");
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_no_violations(&browser, &axe, "create-lead form, owner list open").await;
    // Another person put in as the requester while the form is open: the notice with "Start over".
    browser.replace_requester(5102).await;
    browser.wait_text("The requester changed").await;
    assert_no_violations(&browser, &axe, "create-lead form, requester changed").await;
    browser.close().await;
}

/// The states the lookup test above does not reach: loading, the settings helper, the agent's own
/// search, a created lead, an inactive Sell user and names missing after a failed user list.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_other_sidebar_states_have_no_axe_violations() {
    let axe = axe_source();
    let host = Host::start().await;
    let browser = Browser::open(&host).await;

    host.sign_in(ADA, 101, false).await;
    browser.open_ticket().await;
    browser.load_slowly(&host).await;
    assert_no_violations(&browser, &axe, "loading").await;
    host.clear_faults().await;

    browser.open_ticket().await;
    browser.click_button("Settings helper").await;
    browser.wait_text("Trade show").await;
    assert_no_violations(&browser, &axe, "settings helper").await;

    host.sign_in_owning_leads(ADA, 105).await;
    browser.open_ticket().await;
    browser.search_sell("Lea Lead").await;
    assert_no_violations(&browser, &axe, "search results").await;

    browser.create_own_lead().await;
    assert_no_violations(&browser, &axe, "lead created").await;

    host.sign_in("ivan@acme.test", 101, false).await;
    browser.open_ticket().await;
    assert_no_violations(&browser, &axe, "inactive Sell user").await;

    host.sign_in(ADA, 101, true).await;
    browser.load_page().await;
    browser.settled().await;
    browser.in_app("localStorage.clear(); return null").await;
    host.faults(json!([{"path_contains": "/v2/users", "method": "GET", "times": null, "kind": "status", "status": 500}]))
        .await;
    browser.open_ticket().await;
    browser
        .wait_text("Some names couldn't be read from Sell")
        .await;
    assert_no_violations(&browser, &axe, "names missing").await;
    host.clear_faults().await;
    browser.close().await;
}

// ------------------------------------------------------------------------------------ keyboard only

/// The focused element, what it is called and whether its focus can be seen.
const FOCUSED: &str = r#"
const el = document.activeElement;
if (!el || el === document.body) return {tag: 'BODY', visible: false, name: ''};
const cs = getComputedStyle(el);
const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
const shadow = cs.boxShadow && cs.boxShadow !== 'none';
const label = el.labels && el.labels.length ? el.labels[0].textContent : (el.getAttribute('aria-label') || '');
return {
  tag: el.tagName, role: el.getAttribute('role') || '', type: el.type || '',
  name: (label || el.textContent || '').replace(/\s+/g, ' ').trim(),
  value: el.value || '', visible: outline || shadow,
  style: 'outline ' + cs.outlineStyle + ' ' + cs.outlineWidth + ', box-shadow ' + cs.boxShadow,
};
"#;

/// Puts the sequential focus navigation starting point at the top of the app's document.
const FROM_THE_TOP: &str = "document.body.tabIndex = -1; document.body.focus(); \
     document.body.removeAttribute('tabindex'); return null";

async fn focused(browser: &Browser) -> Value {
    browser.in_app(FOCUSED).await
}

/// Presses `key` on whatever has the focus (as a keyboard would).
async fn press(browser: &Browser, key: &str) {
    browser.to_app().await;
    let active = browser
        .client
        .active_element()
        .await
        .expect("something has the focus");
    active
        .send_keys(key)
        .await
        .unwrap_or_else(|e| panic!("pressing {key:?}: {e}"));
}

fn assert_visible_focus(at: &Value, path: &[String]) {
    assert_eq!(
        at["visible"],
        json!(true),
        "no visible focus on {at}\nTab path so far: {path:?}"
    );
}

/// Tabs until the focus is on an element whose name starts with `name` (at most 40 stops), checking
/// each stop shows its focus.
async fn tab_to(browser: &Browser, name: &str, path: &mut Vec<String>) -> Value {
    for _ in 0..40 {
        press(browser, TAB).await;
        let at = focused(browser).await;
        let here = at["name"].as_str().unwrap_or_default().to_string();
        path.push(format!("{} {:?}", at["tag"].as_str().unwrap_or("?"), here));
        if at["tag"] != json!("BODY") {
            assert_visible_focus(&at, path);
        }
        if here.starts_with(name) {
            return at;
        }
    }
    panic!("Tab never reached {name:?}; the path: {path:#?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lead_can_be_created_by_keyboard_alone_with_visible_focus() {
    let host = Host::start().await;
    host.config(json!({
        "agent": ADA, "ticket": 105, "locale": "en-US",
        "settings": {"all_agents_access": true, "lead_owners": "2\n4"},
    }))
    .await;
    let browser = Browser::open(&host).await;
    browser.open_ticket().await;
    browser.to_app().await;
    // The agent starts in the sidebar: focus on the app's document, nothing focused inside yet.
    browser
        .in_app(
            "document.activeElement && document.activeElement.blur(); window.focus(); return null",
        )
        .await;
    let mut path = Vec::new();
    let at = tab_to(&browser, "Create lead", &mut path).await;
    assert_eq!(at["tag"], json!("BUTTON"), "{at}");
    press(&browser, ENTER).await;
    browser.field("Last name").await;
    // Where the form puts the focus has a test of its own below; this walk starts from the top of
    // the sidebar, as Tab from the agent page into the iframe does.
    browser.in_app(FROM_THE_TOP).await;

    let last_name = "Keyboard";
    let mut typed_last = false;
    let mut picked_owner = false;
    for _ in 0..40 {
        press(&browser, TAB).await;
        let at = focused(&browser).await;
        let name = at["name"].as_str().unwrap_or_default().to_string();
        path.push(format!("{} {:?}", at["tag"].as_str().unwrap_or("?"), name));
        assert_visible_focus(&at, &path);
        if name.starts_with("Last name") && !typed_last {
            press(&browser, &format!("{CTRL}a{RELEASE}{BACKSPACE}{last_name}")).await;
            typed_last = true;
        } else if at["role"] == json!("combobox") && !picked_owner {
            // ArrowDown opens the list (and may highlight the first owner); Enter picks.
            for _ in 0..2 {
                press(&browser, DOWN).await;
                let active = browser
                    .in_app(
                        "return document.activeElement.getAttribute('aria-activedescendant') || ''",
                    )
                    .await;
                if active != json!("") {
                    break;
                }
            }
            press(&browser, ENTER).await;
            let picked = focused(&browser).await;
            assert_ne!(
                picked["value"],
                json!(""),
                "ArrowDown, Enter picked no owner: {picked}"
            );
            picked_owner = true;
        } else if at["tag"] == json!("BUTTON") && name.starts_with("Create lead") && typed_last {
            assert!(
                picked_owner,
                "the owner field came after the submit button: {path:?}"
            );
            press(&browser, ENTER).await;
            break;
        }
    }
    assert!(typed_last && picked_owner, "Tab path: {path:#?}");
    browser
        .wait_sidebar("the lead to be created", |s| s.shows("created in Sell"))
        .await;
    let state = host.state().await;
    let created: Vec<&Value> = state["leads"]
        .as_array()
        .map(|ls| {
            ls.iter()
                .filter(|l| l["last_name"] == json!(last_name))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        created.len(),
        1,
        "one lead {last_name:?}: {created:?}\nTab path: {path:#?}"
    );
    let owner = created[0]["owner_id"].as_u64();
    assert!(
        owner == Some(2) || owner == Some(4),
        "owned by one of the configured owners: {owner:?}"
    );
    browser.close().await;
}

/// Enter on "Create lead" moves the focus into the form it opens (its first field or its Back
/// button), so a keyboard user goes on where the form is.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn opening_the_form_by_keyboard_moves_the_focus_into_it() {
    let host = Host::start().await;
    host.config(json!({"agent": ADA, "ticket": 105, "locale": "en-US", "settings": {"all_agents_access": true}}))
        .await;
    let browser = Browser::open(&host).await;
    browser.open_ticket().await;
    browser
        .in_app(
            "document.activeElement && document.activeElement.blur(); window.focus(); return null",
        )
        .await;
    let mut path = Vec::new();
    tab_to(&browser, "Create lead", &mut path).await;
    press(&browser, ENTER).await;
    browser.field("Last name").await;
    let at = focused(&browser).await;
    assert_ne!(
        at["tag"],
        json!("BODY"),
        "the focus after opening the form: {at}"
    );
    browser.close().await;
}
