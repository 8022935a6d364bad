//! Creating a lead from the sidebar (issue 6): who owns it for each owner configuration, its status
//! and source as Sell stores them, and what happens on a failure, a double click and a pool.

use serde_json::{json, Value};

use crate::harness::{describe, Browser, Host};

const ADA: &str = "ada@acme.test";
const NORA: &str = "nora@acme.test";
const ZED: &str = "zed@acme.test";
/// Nobody Here: Sell has nothing with this requester's email, so the form opens from "Not in Sell yet".
const TICKET: u64 = 105;

const ENTER: &str = "\u{E007}";
const CTRL: &str = "\u{E009}";
const RELEASE: &str = "\u{E000}";
const BACKSPACE: &str = "\u{E003}";

/// Opens the ticket as `agent` with `settings`, then the form through "Create lead".
async fn open_form(host: &Host, browser: &Browser, agent: &str, all_agents: bool, settings: Value) {
    let mut settings = settings;
    settings["all_agents_access"] = json!(all_agents);
    host.config(json!({"agent": agent, "ticket": TICKET, "locale": "en-US", "settings": settings}))
        .await;
    let shown = browser.open_ticket().await;
    assert!(
        shown.has_button("Create lead"),
        "{agent}: no Create lead button: {:?}",
        shown.buttons
    );
    browser.click_button("Create lead").await;
    browser.field("Last name").await;
}

/// Replaces what an input holds by typing, as a person would (select all, delete, type).
async fn retype(browser: &Browser, label: &str, text: &str) {
    let input = browser.field(label).await;
    input
        .send_keys(&format!("{CTRL}a{RELEASE}{BACKSPACE}{text}"))
        .await
        .unwrap_or_else(|e| panic!("typing into {label:?}: {e}"));
}

async fn value_of(browser: &Browser, label: &str) -> String {
    let input = browser.field(label).await;
    input.prop("value").await.ok().flatten().unwrap_or_default()
}

async fn wait_created(browser: &Browser) {
    browser
        .wait_sidebar("the lead to be created", |s| s.shows("created in Sell"))
        .await;
}

async fn the_lead(host: &Host, email: &str) -> Value {
    let found = host.leads_with_email(email).await;
    assert_eq!(found.len(), 1, "exactly one lead with {email}: {found:#?}");
    found.into_iter().next().unwrap_or(Value::Null)
}

fn owner_of(lead: &Value) -> u64 {
    lead["owner_id"]
        .as_u64()
        .unwrap_or_else(|| panic!("owner_id in {lead}"))
}

/// The options the open owner list offers, as their visible names.
async fn owner_options(browser: &Browser) -> Vec<String> {
    let options = browser
        .in_app("return Array.from(document.querySelectorAll('[role=option]')).map(o => o.innerText.replace(/\\s+/g, ' ').trim())")
        .await;
    serde_json::from_value(options).unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_owner_configuration_gives_the_lead_to_the_right_owner() {
    let host = Host::start().await;
    let browser = Browser::open(&host).await;
    let mut created = Vec::new();

    // Several owners: the agent must pick one; keyboard only (type, Enter picks, Enter sends).
    open_form(
        &host,
        &browser,
        ADA,
        false,
        json!({"lead_owners": "2\n4", "lead_status": "Working"}),
    )
    .await;
    retype(&browser, "Email", "several@new.test").await;
    let owner = browser.field("Owner").await;
    assert_eq!(
        owner.attr("role").await.ok().flatten().as_deref(),
        Some("combobox")
    );
    owner
        .send_keys("Sof")
        .await
        .expect("typing in the owner field");
    let offered = owner_options(&browser).await;
    assert!(
        offered.iter().any(|o| o.contains("Sofia South")),
        "{offered:?}"
    );
    assert!(
        !offered.iter().any(|o| o.contains("Max North")),
        "the list filters by the typed name: {offered:?}"
    );
    owner
        .send_keys(ENTER)
        .await
        .expect("Enter picks the highlighted owner");
    assert_eq!(value_of(&browser, "Owner").await, "Sofia South");
    owner.send_keys(ENTER).await.expect("Enter sends the form");
    wait_created(&browser).await;
    browser.screenshot("create-lead-created").await;
    let lead = the_lead(&host, "several@new.test").await;
    assert_eq!(
        (owner_of(&lead), lead["status"].as_str()),
        (4, Some("Working")),
        "{lead}"
    );
    created.push(lead);

    // Exactly one user: no dropdown, the form says who gets it.
    open_form(
        &host,
        &browser,
        ADA,
        false,
        json!({"lead_owners": "sofia@acme.test", "lead_status": "New"}),
    )
    .await;
    retype(&browser, "Email", "one-user@new.test").await;
    let shown = browser
        .wait_text("This lead will be owned by Sofia South.")
        .await;
    assert!(
        !shown.text.contains("Type a name to search"),
        "no combobox for a single owner"
    );
    browser.screenshot("create-lead-one-owner").await;
    browser.click_button("Create lead").await;
    wait_created(&browser).await;
    let lead = the_lead(&host, "one-user@new.test").await;
    assert_eq!(
        (owner_of(&lead), lead["status"].as_str()),
        (4, Some("New")),
        "{lead}"
    );
    created.push(lead);

    // Exactly one pool: Sell hands the lead to one of its members.
    open_form(
        &host,
        &browser,
        ADA,
        false,
        json!({"lead_owners": "Inbound pool"}),
    )
    .await;
    retype(&browser, "Email", "one-pool@new.test").await;
    browser.wait_text("Inbound pool").await;
    browser.click_button("Create lead").await;
    wait_created(&browser).await;
    let lead = the_lead(&host, "one-pool@new.test").await;
    assert!(
        [3, 5].contains(&owner_of(&lead)),
        "an Inbound pool member (Nora or Tom): {lead}"
    );
    created.push(lead);

    // Agents assign the owner: every active user and every pool is offered.
    open_form(
        &host,
        &browser,
        ADA,
        false,
        json!({"lead_owners": "", "agents_assign_owner": true}),
    )
    .await;
    retype(&browser, "Email", "assigned@new.test").await;
    let owner = browser.field("Owner").await;
    owner.click().await.expect("the owner field opens its list");
    let offered = owner_options(&browser).await;
    for name in [
        "Ada Owner",
        "Max North",
        "Nora North",
        "Sofia South",
        "Tom South",
        "Inbound pool",
        "Enterprise pool",
    ] {
        assert!(
            offered.iter().any(|o| o.contains(name)),
            "{name} offered: {offered:?}"
        );
    }
    assert!(
        !offered.iter().any(|o| o.contains("Ivan")),
        "inactive users are not offered: {offered:?}"
    );
    browser.screenshot("create-lead-owner-list").await;
    // The screenshot switched to the page: find the field again inside the app.
    let owner = browser.field("Owner").await;
    owner.send_keys("Enterprise").await.expect("typing");
    owner.send_keys(ENTER).await.expect("Enter picks");
    browser.click_button("Create lead").await;
    wait_created(&browser).await;
    let lead = the_lead(&host, "assigned@new.test").await;
    assert!(
        [2, 4].contains(&owner_of(&lead)),
        "an Enterprise pool member (Max or Sofia): {lead}"
    );
    created.push(lead);

    // No owners, Sell users only: the agent who creates it owns it, set explicitly in the POST (which
    // carries the installation's token, Ada's, as every request does).
    host.clear_log().await;
    open_form(
        &host,
        &browser,
        NORA,
        false,
        json!({"lead_owners": "", "agents_assign_owner": false}),
    )
    .await;
    retype(&browser, "Email", "nora-own@new.test").await;
    browser.wait_text("You will own this lead.").await;
    browser.click_button("Create lead").await;
    wait_created(&browser).await;
    let lead = the_lead(&host, "nora-own@new.test").await;
    assert_eq!(owner_of(&lead), 3, "Nora owns it: {lead}");
    let posts: Vec<_> = host
        .log()
        .await
        .into_iter()
        .filter(|c| c.method == "POST" && c.path == "/v2/leads")
        .collect();
    assert!(
        !posts.is_empty() && posts.iter().all(|c| c.user_id == Some(1)),
        "created with the installation token:{}",
        describe(&posts)
    );
    created.push(lead);

    // No owners, All agents: the top-most manager (Ada) owns it, whoever creates it.
    open_form(&host, &browser, ZED, true, json!({"lead_owners": ""})).await;
    retype(&browser, "Email", "zed@new.test").await;
    browser
        .wait_text("This lead will be owned by Ada Owner.")
        .await;
    browser.click_button("Create lead").await;
    wait_created(&browser).await;
    let lead = the_lead(&host, "zed@new.test").await;
    assert_eq!(owner_of(&lead), 1, "Ada owns it: {lead}");
    created.push(lead);
    browser.close().await;

    // The configured source did not exist: created once, then used by every lead.
    let state = host.state().await;
    let sources: Vec<&Value> = state["sources"]
        .as_array()
        .map(|s| {
            s.iter()
                .filter(|s| s["name"] == json!("Zendesk Support"))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        sources.len(),
        1,
        "the source is created once: {:#?}",
        state["sources"]
    );
    let source_id = &sources[0]["id"];
    for lead in &created {
        assert_eq!(&lead["source_id"], source_id, "{lead}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_create_keeps_every_typed_value_and_says_what_happened() {
    let host = Host::start().await;
    let browser = Browser::open(&host).await;
    open_form(
        &host,
        &browser,
        ADA,
        false,
        json!({"lead_owners": "sofia@acme.test"}),
    )
    .await;
    let typed = [
        ("First name", "Keep"),
        ("Last name", "Everything"),
        ("Organization", "Typed Ltd"),
        ("Email", "keep@new.test"),
        ("Phone", "+1 555 0199"),
        ("Description", "Wants 40 seats"),
    ];
    for (label, text) in typed {
        retype(&browser, label, text).await;
    }
    host.faults(json!([{"path_contains": "/v2/leads", "method": "POST", "times": 1, "kind": "status", "status": 500}]))
        .await;
    browser.click_button("Create lead").await;
    let shown = browser
        .wait_sidebar("the failure notice", |s| {
            s.shows("Everything you typed is still here") || s.shows("not created")
        })
        .await;
    assert!(
        shown.shows("HTTP 500") || shown.shows("Sell had a problem"),
        "says what happened: {}",
        shown.text
    );
    browser.screenshot("create-lead-failed").await;
    for (label, text) in typed {
        assert_eq!(value_of(&browser, label).await, text, "{label} kept");
    }
    assert!(
        host.leads_with_email("keep@new.test").await.is_empty(),
        "nothing stored"
    );

    // Sending again works once Sell is back.
    browser.click_button("Create lead").await;
    wait_created(&browser).await;
    let lead = the_lead(&host, "keep@new.test").await;
    assert_eq!(lead["organization_name"], json!("Typed Ltd"));
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_double_click_on_submit_stores_one_lead() {
    let host = Host::start().await;
    let browser = Browser::open(&host).await;
    open_form(
        &host,
        &browser,
        ADA,
        false,
        json!({"lead_owners": "sofia@acme.test"}),
    )
    .await;
    retype(&browser, "Email", "double@new.test").await;
    host.clear_log().await;
    // Two clicks in the same task: faster than any human, before the app can re-render.
    browser
        .in_app(
            "const b = document.getElementById('lead-submit'); b.click(); b.click(); return null",
        )
        .await;
    wait_created(&browser).await;
    assert_eq!(host.leads_with_email("double@new.test").await.len(), 1);
    let posts: Vec<_> = host
        .log()
        .await
        .into_iter()
        .filter(|c| c.method == "POST" && c.path == "/v2/leads")
        .collect();
    assert_eq!(posts.len(), 1, "one create request:{}", describe(&posts));
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn leads_given_to_a_pool_spread_evenly_over_its_members() {
    let host = Host::start().await;
    let browser = Browser::open(&host).await;
    let mut owners = Vec::new();
    for n in 1..=4 {
        open_form(
            &host,
            &browser,
            ADA,
            false,
            json!({"lead_owners": "Inbound pool"}),
        )
        .await;
        let email = format!("pool-{n}@new.test");
        retype(&browser, "Email", &email).await;
        browser.click_button("Create lead").await;
        wait_created(&browser).await;
        owners.push(owner_of(&the_lead(&host, &email).await));
    }
    browser.close().await;
    let to = |member: u64| owners.iter().filter(|&&o| o == member).count();
    assert_eq!(
        (to(3), to(5)),
        (2, 2),
        "Nora and Tom get two each: {owners:?}"
    );
}

/// The requester's own lead: its card appears once, when the lookup asked again finds it, and the
/// "created" message stays above it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lead_for_the_requester_shows_once_after_the_lookup_finds_it() {
    let host = Host::start().await;
    let browser = Browser::open(&host).await;
    open_form(
        &host,
        &browser,
        ADA,
        false,
        json!({"lead_owners": "", "agents_assign_owner": false}),
    )
    .await;
    browser.wait_text("You will own this lead.").await;
    browser.click_button("Create lead").await;
    wait_created(&browser).await;
    let shown = browser
        .wait_sidebar("the lookup to find the new lead", |s| {
            s.settled() && s.has_button("Refresh")
        })
        .await;
    let cards: Vec<_> = shown
        .records
        .iter()
        .filter(|r| *r == "Lead: Nobody Here")
        .collect();
    assert_eq!(
        cards.len(),
        1,
        "the new lead's card, once: {:?}",
        shown.records
    );
    assert!(shown.shows("created in Sell"), "{}", shown.text);
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_requester_change_while_the_form_is_open_keeps_the_typing_until_start_over() {
    let host = Host::start().await;
    let browser = Browser::open(&host).await;
    open_form(&host, &browser, ADA, false, json!({})).await;
    assert_eq!(value_of(&browser, "Last name").await, "Here");
    retype(&browser, "Description", "Asked about 40 seats").await;

    // Carl Contact (Support user 5102) is put in as the requester while the form is open.
    browser.replace_requester(5102).await;
    let shown = browser
        .wait_sidebar("the requester-changed notice", |s| {
            s.callouts.iter().any(|c| c == "The requester changed")
        })
        .await;
    assert!(shown.shows("Carl Contact") && shown.shows("Nobody Here"), "{}", shown.text);
    assert_eq!(value_of(&browser, "Last name").await, "Here", "nothing is replaced unasked");
    assert_eq!(value_of(&browser, "Description").await, "Asked about 40 seats");

    // By keyboard (the notice sits under the page's sticky tray header, where a mouse click lands on it).
    browser
        .button("Start over")
        .await
        .send_keys(ENTER)
        .await
        .expect("Enter on Start over");
    browser
        .wait_sidebar("the notice to go", |s| {
            !s.callouts.iter().any(|c| c == "The requester changed")
        })
        .await;
    assert_eq!(value_of(&browser, "First name").await, "Carl");
    assert_eq!(value_of(&browser, "Last name").await, "Contact");
    assert_eq!(value_of(&browser, "Email").await, "carl@deals.test");
    assert_eq!(value_of(&browser, "Phone").await, "+49 30 1234567");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn opening_the_form_while_a_search_waits_keeps_the_sidebar_working() {
    let host = Host::start().await;
    let browser = Browser::open(&host).await;
    host.sign_in_owning_leads(ADA, TICKET).await;
    browser.open_ticket().await;
    // Typed, and the form opened within the search's debounce: the search box is gone when it fires.
    let search = browser.field("Search Sell").await;
    search.send_keys("Lea").await.expect("typing in the search");
    browser.click_button("Create lead").await;
    browser.wait_text("You will own this lead.").await;
    tokio::time::sleep(std::time::Duration::from_millis(1_500)).await;
    retype(&browser, "Last name", "Still works").await;
    assert_eq!(value_of(&browser, "Last name").await, "Still works");
    browser.close().await;
}
