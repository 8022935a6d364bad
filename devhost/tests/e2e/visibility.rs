//! Who sees which Sell records (issue 5): every seeded ticket for Ada (Sell admin, top of the
//! hierarchy), Nora (regular Sell user), Zed (no Sell user) and Ivan (inactive Sell user), in both
//! access modes. Expectations come from the seed in docs/CONTRACTS.md.

use crate::harness::{describe, Browser, Host, Sidebar};

const ADA: &str = "ada@acme.test";
const NORA: &str = "nora@acme.test";
const ZED: &str = "zed@acme.test";
const IVAN: &str = "ivan@acme.test";
const ADA_SELL_ID: u64 = 1;
const NORA_SELL_ID: u64 = 3;

const CARL_RECORDS: &[&str] = &[
    "Contact: Carl Contact",
    "Organization: Contoso GmbH",
    "Deal: Contoso expansion",
    "Deal: Contoso framework agreement",
    "Deal: Contoso pilot",
    "Deal: Contoso renewal 2024",
];

/// What an agent who sees every record gets for each ticket (Ada, or anyone in *All agents* mode).
fn everything(ticket: u64) -> Expect {
    match ticket {
        101 => Expect::Records(&["Lead: Lea Lead"]),
        102 => Expect::Records(CARL_RECORDS),
        103 => Expect::Records(&["Contact: Bea Both", "Lead: Bea Both"]),
        104 => Expect::Records(&["pick Contact: Dana Double", "pick Contact: Dana Double"]),
        105 => Expect::NotInSell,
        106 => Expect::Records(&["Lead: عمر الفاروق"]),
        107 => Expect::Records(&["Lead: <img src=x onerror=alert(1)> Payload"]),
        108 => Expect::Records(&["Contact: Sid South", "Deal: South hardware refresh"]),
        _ => unreachable!("the seed has tickets 101 to 108"),
    }
}

/// Nora sees only what she owns: Tom's records are hidden by Sell itself.
fn noras_own(ticket: u64) -> Expect {
    match ticket {
        // Bea's lead is Tom's; her contact is Nora's.
        103 => Expect::Records(&["Contact: Bea Both"]),
        // Only Nora's Dana is visible: one match, shown directly.
        104 => Expect::Records(&["Contact: Dana Double"]),
        // Omar's lead and Sid's contact and deal belong to Tom.
        106 | 108 => Expect::NotInSell,
        other => everything(other),
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Expect {
    /// Exactly these cards (or choices), in any order.
    Records(&'static [&'static str]),
    /// "Not in Sell yet": nothing this agent may see has the requester's email.
    NotInSell,
    NoSellAccess,
    Inactive,
}

fn expected(agent: &str, all_agents: bool, ticket: u64) -> Expect {
    match (agent, all_agents) {
        (_, true) | (ADA, false) => everything(ticket),
        (NORA, false) => noras_own(ticket),
        (ZED, false) => Expect::NoSellAccess,
        (IVAN, false) => Expect::Inactive,
        _ => unreachable!("agents of the matrix: Ada, Nora, Zed, Ivan"),
    }
}

fn is_outcome(shown: &Sidebar, expect: Expect) -> bool {
    match expect {
        Expect::Records(_) => !shown.records.is_empty(),
        Expect::NotInSell => shown.callouts.iter().any(|c| c == "Not in Sell yet"),
        Expect::NoSellAccess => shown.callouts.iter().any(|c| c == "No Sell access"),
        Expect::Inactive => shown
            .callouts
            .iter()
            .any(|c| c == "Your Sell user is inactive"),
    }
}

const TICKETS: [u64; 8] = [101, 102, 103, 104, 105, 106, 107, 108];

/// One browser per agent; each ticket is opened as an agent would (config, then the page reloads).
async fn check_agent(host: &Host, agent: &str, all_agents: bool, tickets: &[u64]) -> Vec<String> {
    let browser = Browser::open(host).await;
    let mut failures = Vec::new();
    for &ticket in tickets {
        let expect = expected(agent, all_agents, ticket);
        host.sign_in(agent, ticket, all_agents).await;
        host.clear_log().await;
        browser.load_page().await;
        let case = format!("{agent} on #{ticket}, all_agents_access={all_agents}");
        let shown = browser
            .wait_sidebar(&format!("{case}: {expect:?}"), |s| {
                s.settled() && is_outcome(s, expect)
            })
            .await;
        let calls = host.log().await;
        if let Expect::Records(want) = expect {
            let mut want: Vec<String> = want.iter().map(|r| r.to_string()).collect();
            want.sort();
            if shown.sorted_records() != want {
                failures.push(format!(
                    "{case}: shown {:?}, expected {want:?}",
                    shown.sorted_records()
                ));
            }
        } else if !shown.records.is_empty() {
            failures.push(format!(
                "{case}: expected {expect:?} and no records, shown {:?}",
                shown.records
            ));
        }
        // Without Sell access, not even a search for the customer may reach Sell.
        if matches!(expect, Expect::NoSellAccess | Expect::Inactive) {
            let customer: Vec<_> = calls
                .iter()
                .filter(|c| c.is_customer_data())
                .cloned()
                .collect();
            if !customer.is_empty() {
                failures.push(format!(
                    "{case}: customer data was requested:{}",
                    describe(&customer)
                ));
            }
            if calls.iter().any(|c| !c.path.starts_with("/v2/users")) {
                failures.push(format!(
                    "{case}: only /v2/users may be asked:{}",
                    describe(&calls)
                ));
            }
        }
        // Each customer request carries the token Sell should judge it by.
        let want_user = match (all_agents, agent) {
            (true, _) | (false, ADA) => Some(ADA_SELL_ID),
            (false, NORA) => Some(NORA_SELL_ID),
            _ => None,
        };
        let wrong: Vec<_> = calls
            .iter()
            .filter(|c| c.is_customer_data() && c.user_id != want_user)
            .cloned()
            .collect();
        if !wrong.is_empty() {
            failures.push(format!(
                "{case}: customer requests not as Sell user {want_user:?}:{}",
                describe(&wrong)
            ));
        }
        println!(
            "{case}: {:?} ({} Sell calls)",
            shown.sorted_records(),
            calls.len()
        );
    }
    browser.close().await;
    failures
}

async fn check_mode(all_agents: bool) {
    let host = Host::start().await;
    let mut failures = Vec::new();
    for agent in [ADA, NORA, ZED] {
        failures.extend(check_agent(&host, agent, all_agents, &TICKETS).await);
    }
    failures.extend(check_agent(&host, IVAN, all_agents, &[102]).await);
    assert!(
        failures.is_empty(),
        "visibility differs from the seed:\n{}",
        failures.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sell_users_only_shows_each_agent_what_sell_lets_them_see() {
    check_mode(false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn all_agents_mode_shows_every_agent_every_record() {
    check_mode(true).await;
}

/// The admin switches to *Sell users only* while Nora's browser still holds what she saw in *All
/// agents* mode: the cached records must not outlive the access that allowed them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mode_switch_does_not_show_records_cached_under_the_old_mode() {
    let host = Host::start().await;
    host.sign_in(NORA, 108, true).await;
    let browser = Browser::open(&host).await;
    browser.load_page().await;
    let shown = browser
        .wait_sidebar("Sid's contact in All-agents mode", |s| {
            s.records.iter().any(|r| r == "Contact: Sid South")
        })
        .await;
    assert!(shown.settled());
    host.sign_in(NORA, 108, false).await;
    browser.load_page().await;
    let shown = browser.settled().await;
    assert!(
        shown.records.is_empty() && shown.callouts.iter().any(|c| c == "Not in Sell yet"),
        "Sell hides Sid from Nora; the sidebar showed {:?} / {:?}",
        shown.records,
        shown.callouts
    );
    browser.close().await;
}
