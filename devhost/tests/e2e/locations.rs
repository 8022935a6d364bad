//! The app beside every customer in Support (issue 18): a new ticket (nothing until a requester is
//! set), a user's profile (their Sell records by email, their other emails on demand) and an
//! organization's page (the Sell organization of that name, its deals and people), in both access
//! modes, with *Sell users only* visibility, and the request budget per location.

use serde_json::{json, Value};

use crate::budget;
use crate::harness::{describe, Browser, Host, OpenCosts};

const ADA: &str = "ada@acme.test";
const NORA: &str = "nora@acme.test";
const SOFIA: &str = "sofia@acme.test";
/// Support ids of the seed (docs/CONTRACTS.md).
const LEA: u64 = 5101;
const CARL: u64 = 5102;
const SID: u64 = 5108;
const OLGA: u64 = 5109;
const CONTOSO: u64 = 7102;
const TWINS: u64 = 7201;
const NOWHERE: u64 = 7202;

async fn open(host: &Host, browser: &Browser, agent: &str, all_agents: bool, place: Value) {
    let mut config = json!({"agent": agent, "locale": "en-US", "settings": {"all_agents_access": all_agents}});
    if let (Some(config), Some(place)) = (config.as_object_mut(), place.as_object()) {
        config.extend(place.clone());
    }
    host.config(config).await;
    browser.load_page().await;
}

fn user(id: u64) -> Value {
    json!({"location": "user_sidebar", "user": id})
}

fn organization(id: u64) -> Value {
    json!({"location": "organization_sidebar", "organization": id})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_ticket_shows_nothing_until_a_requester_is_set_then_follows_them() {
    let host = Host::start().await;
    let browser = Browser::open(&host).await;
    open(&host, &browser, ADA, true, json!({"location": "new_ticket_sidebar", "requester_override": null, "new_ticket_subject": ""})).await;
    browser.wait_sidebar("no requester yet", |s| s.callouts.iter().any(|c| c == "No requester yet")).await;
    host.clear_log().await;
    browser.replace_requester(LEA).await;
    let shown = browser.wait_sidebar("Lea's lead", |s| s.records.iter().any(|r| r == "Lead: Lea Lead")).await;
    assert!(shown.shows("lea@lead-only.test"), "{}", shown.text);
    // Sid is Tom's: in Sell users only, Nora sees that Sell has him, not his records.
    open(&host, &browser, NORA, false, json!({"location": "new_ticket_sidebar", "requester_override": null, "new_ticket_subject": ""})).await;
    browser.wait_sidebar("no requester yet", |s| s.callouts.iter().any(|c| c == "No requester yet")).await;
    browser.replace_requester(SID).await;
    let shown = browser
        .wait_sidebar("Sid hidden from Nora", |s| s.callouts.iter().any(|c| c == "Not among your Sell records"))
        .await;
    assert!(shown.records.is_empty(), "{:?}", shown.records);
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_tickets_lead_takes_the_subject_as_typed() {
    let host = Host::start().await;
    let browser = Browser::open(&host).await;
    host.config(json!({"agent": ADA, "locale": "en-US", "location": "new_ticket_sidebar",
        "settings": {"all_agents_access": false, "lead_owners": "", "agents_assign_owner": false}}))
        .await;
    browser.load_page().await;
    browser.replace_requester(5105).await;
    browser.wait_sidebar("Nobody Here not in Sell", |s| s.callouts.iter().any(|c| c == "Not in Sell yet")).await;
    browser
        .in_page("document.getElementById('new-ticket-subject').value = 'Pricing question'; document.getElementById('subject-form').requestSubmit(); return null")
        .await;
    // The subject arrives by event; give it a moment, then open the form.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    browser.click_button("Create lead").await;
    let description = browser.field("Description").await;
    let text = description.prop("value").await.ok().flatten().unwrap_or_default();
    assert_eq!(text, "From Zendesk Support: Pricing question");
    browser.click_button("Create lead").await;
    browser.wait_sidebar("the lead created", |s| s.shows("created in Sell")).await;
    let lead = host.leads_with_email("nobody@none.test").await.into_iter().next();
    assert_eq!(lead.map(|l| l["description"].clone()), Some(json!("From Zendesk Support: Pricing question")));
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_users_profile_shows_their_sell_records_as_the_agent_may_see_them() {
    let host = Host::start().await;
    let browser = Browser::open(&host).await;
    for (agent, all_agents, sees_carl) in [(ADA, true, true), (SOFIA, true, true), (NORA, false, true), (SOFIA, false, false)] {
        open(&host, &browser, agent, all_agents, user(CARL)).await;
        let case = format!("{agent}, all_agents={all_agents}");
        let shown = browser.settled().await;
        let found = shown.records.iter().any(|r| r == "Contact: Carl Contact");
        assert_eq!(found, sees_carl, "{case}: {:?} / {:?}", shown.records, shown.callouts);
        if !sees_carl {
            assert!(shown.callouts.iter().any(|c| c == "Not among your Sell records"), "{case}: {:?}", shown.callouts);
        }
        let calls = host.log().await;
        assert!(calls.iter().all(|c| c.user_id == Some(1)), "{case}: the installation token:{}", describe(&calls));
    }
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_users_other_email_is_looked_up_when_the_agent_asks() {
    let host = Host::start().await;
    let browser = Browser::open(&host).await;
    open(&host, &browser, ADA, true, user(OLGA)).await;
    let shown = browser.wait_sidebar("Olga's first email not in Sell", |s| s.has_button("Look up olga@second.test")).await;
    assert!(shown.callouts.iter().any(|c| c == "Not in Sell yet"), "{:?}", shown.callouts);
    let calls = host.log().await;
    assert!(!calls.iter().any(|c| c.query.as_deref().unwrap_or_default().contains("second")), "not before asked:{}", describe(&calls));
    browser.click_button("Look up olga@second.test").await;
    browser.wait_sidebar("Olga's lead", |s| s.records.iter().any(|r| r == "Lead: Olga Other")).await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_organizations_page_shows_the_sell_organization_its_deals_and_people() {
    let host = Host::start().await;
    let browser = Browser::open(&host).await;
    for (agent, all_agents) in [(ADA, true), (NORA, false)] {
        open(&host, &browser, agent, all_agents, organization(CONTOSO)).await;
        let shown = browser
            .wait_sidebar("Contoso with deals and people", |s| {
                s.records.iter().any(|r| r == "Contact: Carl Contact") && s.records.iter().any(|r| r == "Deal: Contoso pilot")
            })
            .await;
        assert!(shown.records.iter().any(|r| r == "Organization: Contoso GmbH"), "{agent}: {:?}", shown.records);
        assert!(shown.shows("Deals (4)") && shown.shows("People in Sell (1)"), "{agent}: {}", shown.text);
    }
    // Sofia (South) may not see Contoso.
    open(&host, &browser, SOFIA, false, organization(CONTOSO)).await;
    let shown = browser.settled().await;
    assert!(shown.records.is_empty() && shown.callouts.iter().any(|c| c == "Not among your Sell records"), "{:?} {:?}", shown.records, shown.callouts);
    // Nowhere Ltd is not in Sell: said, with the search.
    open(&host, &browser, ADA, true, organization(NOWHERE)).await;
    let shown = browser.settled().await;
    assert!(shown.callouts.iter().any(|c| c == "Not in Sell yet") && shown.shows("Search Sell"), "{}", shown.text);
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twin_organizations_are_picked_once_and_remembered_and_each_branch_sees_its_own() {
    let host = Host::start().await;
    let browser = Browser::open(&host).await;
    open(&host, &browser, ADA, true, organization(TWINS)).await;
    let shown = browser
        .wait_sidebar("two organizations to pick from", |s| s.callouts.iter().any(|c| c == "Several Sell organizations have this name"))
        .await;
    assert_eq!(shown.records.len(), 2, "{:?}", shown.records);
    browser
        .in_app("Array.from(document.querySelectorAll('.matches__pick')).find(b => b.innerText.includes('Tom South')).click(); return null")
        .await;
    browser.wait_sidebar("the South twin", |s| s.records.iter().any(|r| r == "Deal: Twin South line upgrade")).await;
    browser.load_page().await;
    browser.wait_sidebar("the pick remembered", |s| s.records.iter().any(|r| r == "Deal: Twin South line upgrade")).await;
    for (agent, deal) in [(NORA, "Deal: Twin North service contract"), (SOFIA, "Deal: Twin South line upgrade")] {
        open(&host, &browser, agent, false, organization(TWINS)).await;
        let shown = browser.wait_sidebar(&format!("{agent}'s twin"), |s| s.records.iter().any(|r| r == deal)).await;
        assert!(!shown.callouts.iter().any(|c| c == "Several Sell organizations have this name"), "{agent}: only one is theirs");
    }
    browser.close().await;
}

/// The request budget holds in every location, both modes (`xtask/src/bench/budget.rs`).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_location_stays_within_the_request_budget() {
    let host = Host::start().await;
    let browser = Browser::open(&host).await;
    let mut over = Vec::new();
    for all_agents in [true, false] {
        let new_ticket_for_carl = json!({"location": "new_ticket_sidebar", "requester_override": {"id": CARL, "email": "carl@deals.test"}});
        for place in [new_ticket_for_carl, user(CARL), user(OLGA), organization(CONTOSO), organization(TWINS), organization(NOWHERE)] {
            open(&host, &browser, ADA, all_agents, place.clone()).await;
            let OpenCosts { cold, warm, session, .. } = host.open_costs(&browser).await;
            let cold_budget = budget::cold_requests_budget(!all_agents);
            println!("{place} all_agents={all_agents}: cold {}, session {}, warm {}", cold.len(), session.len(), warm.len());
            if cold.len() > cold_budget || session.len() > budget::SESSION_REQUESTS_BUDGET || !warm.is_empty() {
                over.push(format!(
                    "{place} all_agents={all_agents}: cold {}{} session {}{} warm {}{}",
                    cold.len(),
                    describe(&cold),
                    session.len(),
                    describe(&session),
                    warm.len(),
                    describe(&warm)
                ));
            }
        }
    }
    browser.close().await;
    assert!(over.is_empty(), "over the request budget:\n{}", over.join("\n"));
}
