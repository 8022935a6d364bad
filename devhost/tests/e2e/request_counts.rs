//! What opening a ticket costs in Sell requests (issue 15), counted at the emulator for every seeded
//! ticket in both modes: cold (empty cache), in a running session (the account's reference lists and
//! the agent's own Sell user already read for an earlier ticket, this requester never looked up) and
//! warm (the same ticket again within the cache's 5 minutes, a fresh iframe as Zendesk makes one).
//! Budgets: `xtask/src/bench/budget.rs`. Also: a requester whose email a hundred contacts share costs
//! one page of contacts, and a sidebar never has more than four requests in flight.

use serde_json::json;

use crate::budget;
use crate::harness::{describe, Browser, Host, OpenCosts};

const TICKETS: [u64; 8] = [101, 102, 103, 104, 105, 106, 107, 108];

async fn count_requests(all_agents: bool) {
    let host = Host::start().await;
    let browser = Browser::open(&host).await;
    let mut table = Vec::new();
    for ticket in TICKETS {
        host.sign_in("ada@acme.test", ticket, all_agents).await;
        let OpenCosts { cold, warm, session, warm_view } = host.open_costs(&browser).await;
        println!(
            "all_agents_access={all_agents} ticket #{ticket}: cold {} requests, in a session {}, warm {} ({:?})",
            cold.len(),
            session.len(),
            warm.len(),
            warm_view.sorted_records()
        );
        table.push((ticket, cold, session, warm));
    }
    browser.close().await;
    let cold_budget = budget::cold_requests_budget(!all_agents);
    for (ticket, cold, session, warm) in &table {
        assert!(
            cold.len() <= cold_budget,
            "#{ticket} cold cost {} Sell requests, budget {cold_budget}:{}",
            cold.len(),
            describe(cold)
        );
        assert!(
            session.len() <= budget::SESSION_REQUESTS_BUDGET,
            "#{ticket} opened in a running session cost {} Sell requests, budget {}:{}",
            session.len(),
            budget::SESSION_REQUESTS_BUDGET,
            describe(session)
        );
        assert!(warm.is_empty(), "#{ticket} re-opened within a minute asked Sell again:{}", describe(warm));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_ticket_stays_within_the_request_budget_in_sell_users_only_mode() {
    count_requests(false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_ticket_stays_within_the_request_budget_in_all_agents_mode() {
    count_requests(true).await;
}

/// A shared address (a hundred contacts with one email, each with a deal): one page of contacts and
/// no deal requests until one is picked; never more than four Sell requests in flight, even with
/// Sell answering slowly. Picking one costs one request for its deals.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hundred_contacts_on_one_address_cost_one_page_and_no_burst() {
    const SHARED: &str = "shared@bulk.test";
    let host = Host::start().await;
    host.post("/_emu/huge", json!({"shared_contacts": {"email": SHARED, "count": 100}})).await;
    host.sign_in("ada@acme.test", 105, true).await;
    host.config(json!({"requester_override": {"email": SHARED}})).await;
    let browser = Browser::open(&host).await;
    browser.load_page().await;
    browser.settled().await;
    browser.in_app("localStorage.clear(); return null").await;
    host.latency(300).await;
    host.clear_log().await;
    browser.load_page().await;
    let shown = browser
        .wait_sidebar("the several-matches list", |s| s.callouts.iter().any(|c| c == "Several Sell records match"))
        .await;
    let calls = host.log().await;
    let deals: Vec<_> = calls.iter().filter(|c| c.path.starts_with("/v2/deals")).cloned().collect();
    assert!(deals.is_empty(), "no deals before a pick:{}", describe(&deals));
    assert!(calls.len() <= budget::COLD_REQUESTS_BUDGET, "{} requests:{}", calls.len(), describe(&calls));
    let most = calls.iter().map(|c| c.in_flight).max().unwrap_or(0);
    assert!(most <= budget::IN_FLIGHT_BUDGET, "{most} requests in flight at once:{}", describe(&calls));
    assert!(shown.records.len() >= 20, "the first batch of matches: {:?}", shown.records);

    // Picking one loads its deals: one request.
    host.clear_log().await;
    let picks = browser.in_app("const b = document.querySelector('.matches__pick'); b.click(); return 1").await;
    assert_eq!(picks, json!(1));
    browser.wait_sidebar("the picked contact's deals", |s| s.records.iter().any(|r| r.starts_with("Deal: "))).await;
    let calls = host.log().await;
    let deals = calls.iter().filter(|c| c.path.starts_with("/v2/deals")).count();
    assert_eq!(deals, 1, "{}", describe(&calls));
    host.clear_faults().await;
    browser.close().await;
}

/// Reference lists are read to the end, page by page: a lead source past the 100th is used, not
/// created again (Sell would refuse the duplicate name and every lead with it).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lead_source_past_the_hundredth_is_found_not_created_again() {
    let host = Host::start().await;
    host.post("/_emu/huge", json!({"lead_sources": 150})).await;
    host.config(json!({
        "agent": "ada@acme.test", "ticket": 105, "locale": "en-US",
        "settings": {"all_agents_access": true, "lead_source": "Bulk source 150", "lead_owners": "", "agents_assign_owner": false},
    }))
    .await;
    let browser = Browser::open(&host).await;
    browser.open_ticket().await;
    browser.click_button("Create lead").await;
    browser.field("Last name").await;
    host.clear_log().await;
    browser.click_button("Create lead").await;
    browser.wait_sidebar("the lead created", |s| s.shows("created in Sell")).await;
    let calls = host.log().await;
    assert!(
        !calls.iter().any(|c| c.method == "POST" && c.path == "/v2/lead_sources"),
        "the source exists; nothing to create:{}",
        describe(&calls)
    );
    let state = host.state().await;
    let source_id = state["sources"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|s| s["name"] == json!("Bulk source 150"))
        .map(|s| s["id"].clone())
        .expect("the bulk source");
    let lead = state["leads"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|l| l["email"] == json!("nobody@none.test"))
        .cloned()
        .expect("the new lead");
    assert_eq!(lead["source_id"], source_id, "{lead}");
    browser.close().await;
}

/// A won deal whose stage is past the 100th shows as won.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deal_on_a_stage_past_the_hundredth_shows_its_state() {
    let host = Host::start().await;
    host.post("/_emu/huge", json!({"stages": 120, "won_deal_on_last_stage": true})).await;
    host.sign_in("ada@acme.test", 102, true).await;
    let browser = Browser::open(&host).await;
    browser.load_page().await;
    let shown = browser
        .wait_sidebar("the late deal", |s| s.records.iter().any(|r| r == "Deal: Deal on a late stage"))
        .await;
    let card = browser
        .in_app("return Array.from(document.querySelectorAll('article')).find(a => a.innerText.includes('Deal on a late stage')).innerText")
        .await;
    let card = card.as_str().unwrap_or_default().to_string();
    assert!(card.contains("Won") && card.contains("Bulk stage 120"), "{card}\n{}", shown.text);
    browser.close().await;
}
