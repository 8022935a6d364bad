//! Browser tests: the app mounted against a scripted fake ZAF client in headless Chromium.
//! Run by `cargo xtask test` (wasm-bindgen-test-runner + chromedriver).

mod support;

use serde_json::json;
use sell_sidebar::app::App;
use sell_sidebar::zaf::{ZafClient, ZafError};
use support::{clear_storage, container, list, rule, wait_for_text, FakeZaf, Rule, Setup};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn users() -> String {
    list(
        "user",
        json!([
            {"id": 1, "name": "Ada Owner", "email": "ada@acme.test", "status": "active", "role": "admin", "reports_to": null},
            {"id": 3, "name": "Nora North", "email": "nora@acme.test", "status": "active", "role": "user", "reports_to": 1},
            {"id": 5, "name": "Tom South", "email": "tom@acme.test", "status": "active", "role": "user", "reports_to": 1},
            {"id": 6, "name": "Ivan Inactive", "email": "ivan@acme.test", "status": "inactive", "role": "user", "reports_to": 1}
        ]),
    )
}

fn mount(fake: &FakeZaf) -> web_sys::HtmlElement {
    let el = container();
    let client = ZafClient::from_js(fake.client.clone());
    let handle = leptos::mount::mount_to(el.clone(), move || leptos::view! { <App zaf=Ok(client.clone()) /> });
    handle.forget();
    el
}

#[wasm_bindgen_test]
async fn header_shows_the_requester() {
    clear_storage();
    let fake = FakeZaf::new(Setup::default());
    let el = mount(&fake);
    let text = wait_for_text(&el, "carl@deals.test").await;
    assert!(text.contains("Carl Contact"), "{text}");
    assert!(text.contains("carl@deals.test"), "{text}");
}

#[wasm_bindgen_test]
async fn outside_zendesk_says_how_to_run_it() {
    let el = container();
    let handle = leptos::mount::mount_to(el.clone(), || leptos::view! { <App zaf=Err(ZafError::NotInZendesk) /> });
    handle.forget();
    let text = wait_for_text(&el, "cargo xtask demo").await;
    assert!(text.contains("Open this app from a ticket") || text.contains("Öffnen Sie diese App"), "{text}");
}

#[wasm_bindgen_test]
async fn a_zaf_error_shows_an_error_state_with_retry() {
    clear_storage();
    let fake = FakeZaf::new(Setup { get_fails: Some("host went away"), ..Setup::default() });
    let el = mount(&fake);
    let text = wait_for_text(&el, "host went away").await;
    assert!(text.contains("host went away"), "{text}");
    assert!(el.query_selector("[role=alert] button").ok().flatten().is_some(), "no retry button: {text}");
}

#[wasm_bindgen_test]
async fn found_lead_renders_a_card_with_a_sell_link() {
    clear_storage();
    let lead = json!([{"id": 501, "first_name": "Carl", "last_name": "Contact", "organization_name": "Contoso",
                        "status": "New", "owner_id": 3, "email": "carl@deals.test", "tags": ["vip"]}]);
    let fake = FakeZaf::new(Setup {
        rules: vec![rule("/v2/leads?", 200, list("lead", lead)), rule("/v2/users", 200, users())],
        ..Setup::default()
    });
    let el = mount(&fake);
    let text = wait_for_text(&el, "Open in Sell").await;
    assert!(text.contains("Contoso"), "{text}");
    assert!(text.contains("Nora North"), "owner resolved to a name: {text}");
    let link = el.query_selector("a.card__link").ok().flatten().expect("a Sell link");
    assert_eq!(link.get_attribute("href").as_deref(), Some("https://acme.zendesk.com/sales/leads/501"));
    assert_eq!(link.get_attribute("target").as_deref(), Some("_blank"));
}

#[wasm_bindgen_test]
async fn nothing_found_offers_create_lead_and_search() {
    clear_storage();
    let fake = FakeZaf::new(Setup::default());
    let el = mount(&fake);
    let text = wait_for_text(&el, "Not in Sell yet").await;
    assert!(text.contains("Create lead"), "{text}");
    assert!(el.query_selector("input[type=search]").ok().flatten().is_some(), "manual search: {text}");
}

/// A manual search Sell fails shows why with "Try again", as every other load does; trying again
/// searches again and shows what it finds.
#[wasm_bindgen_test]
async fn a_failed_search_says_so_and_can_be_tried_again() {
    clear_storage();
    let found = json!([{"id": 77, "name": "Contoso Buyer", "owner_id": 3, "email": "buyer@contoso.test"}]);
    let fake = FakeZaf::new(Setup {
        rules: vec![
            Rule { times: Some(1), ..rule("/v2/contacts?name=", 500, "<html>oops</html>") },
            rule("/v2/contacts?name=", 200, list("contact", found)),
            rule("/v2/users", 200, users()),
        ],
        ..Setup::default()
    });
    let el = mount(&fake);
    wait_for_text(&el, "Not in Sell yet").await;
    el.set_id("failed-search");
    js_sys::eval("(() => { const e = document.querySelector('#failed-search input[type=search]'); e.value = 'Contoso'; e.dispatchEvent(new Event('input', {bubbles: true})); })()")
        .expect("typed into the search box");
    let text = wait_for_text(&el, "Try again").await;
    assert!(text.contains("Sell data couldn't be loaded"), "{text}");
    let retry = el.query_selector(".search ~ [role=alert] button").ok().flatten().expect("Try again under the search");
    let retry: web_sys::HtmlElement = wasm_bindgen::JsCast::dyn_into(retry).expect("a button");
    retry.click();
    let text = wait_for_text(&el, "Contoso Buyer").await;
    assert!(text.contains("Contoso Buyer") && !text.contains("Try again"), "{text}");
    let searches = fake.requested_urls().iter().filter(|u| u.contains("/v2/contacts?name=")).count();
    assert_eq!(searches, 2, "the failed search and the one tried again");
}

#[wasm_bindgen_test]
async fn several_matches_ask_to_pick_one() {
    clear_storage();
    let contacts = json!([
        {"id": 21, "first_name": "Dana", "last_name": "Double", "owner_id": 3, "email": "dana@dupe.test"},
        {"id": 22, "first_name": "Dana", "last_name": "Double-Two", "owner_id": 1, "email": "dana@dupe.test"}
    ]);
    let fake = FakeZaf::new(Setup {
        rules: vec![rule("/v2/contacts?", 200, list("contact", contacts)), rule("/v2/users", 200, users())],
        ..Setup::default()
    });
    let el = mount(&fake);
    let text = wait_for_text(&el, "Several Sell records match").await;
    assert!(text.contains("Double-Two"), "{text}");
}

#[wasm_bindgen_test]
async fn a_server_error_shows_failed_with_retry() {
    clear_storage();
    let fake = FakeZaf::new(Setup { rules: vec![rule("/v2/leads?", 500, "<html>oops</html>")], ..Setup::default() });
    let el = mount(&fake);
    let text = wait_for_text(&el, "Sell data couldn't be loaded").await;
    assert!(text.contains("Try again"), "{text}");
}

/// *Sell users only*, the agent Zed, who has no Sell user.
fn zed_without_sell_access() -> Setup {
    let mut setup = Setup {
        settings: json!({"all_agents_access": false, "lead_status": "New"}),
        rules: vec![rule("/v2/users", 200, users())],
        ..Setup::default()
    };
    setup.values["currentUser"] = json!({"id": 2, "name": "Zed", "email": "zed@acme.test", "role": "agent", "locale": "en"});
    setup
}

#[wasm_bindgen_test]
async fn sell_users_only_without_a_sell_user_requests_no_customer_data() {
    clear_storage();
    let fake = FakeZaf::new(zed_without_sell_access());
    let el = mount(&fake);
    let text = wait_for_text(&el, "No Sell access").await;
    assert!(text.contains("No Sell access"), "{text}");
    let urls = fake.requested_urls();
    assert!(!urls.is_empty());
    assert!(
        urls.iter().all(|u| u.contains("/v2/users?email=zed%40acme.test")),
        "only his own Sell user may be looked up, not the directory nor customers: {urls:?}"
    );
}

#[wasm_bindgen_test]
async fn sell_users_only_without_a_sell_user_and_without_a_requester_email_offers_nothing_to_use() {
    clear_storage();
    let mut setup = zed_without_sell_access();
    setup.values["ticket.requester"] = json!({"id": 9, "name": "Phone Caller", "email": null, "phone": "+1 555 0100"});
    let fake = FakeZaf::new(setup);
    let el = mount(&fake);
    let text = wait_for_text(&el, "No Sell access").await;
    assert!(text.contains("No Sell access"), "{text}");
    assert!(el.query_selector("input[type=search]").ok().flatten().is_none(), "no search to use: {text}");
    assert!(!text.contains("Create lead"), "no lead to create: {text}");
}

/// Zendesk fills one token per installation: every request carries it, and the app shows Nora only
/// what her place in Sell's hierarchy allows (her contact, not Tom's lead with the same email).
#[wasm_bindgen_test]
async fn sell_users_only_sends_the_installation_token_and_shows_only_the_agents_records() {
    clear_storage();
    let nora = list("user", json!([{"id": 3, "name": "Nora North", "email": "nora@acme.test", "status": "active", "role": "user", "reports_to": 1}]));
    let toms_lead = json!([{"id": 501, "first_name": "Carl", "last_name": "Contact", "organization_name": "Toms Secret Co",
                            "owner_id": 5, "email": "carl@deals.test"}]);
    let noras_contact = json!([{"id": 601, "first_name": "Carl", "last_name": "Contact", "owner_id": 3, "email": "carl@deals.test"}]);
    let mut setup = Setup {
        settings: json!({"all_agents_access": false, "lead_status": "New"}),
        rules: vec![
            rule("/v2/users?email=", 200, nora),
            rule("/v2/users", 200, users()),
            rule("/v2/leads?", 200, list("lead", toms_lead)),
            rule("/v2/contacts?", 200, list("contact", noras_contact)),
        ],
        ..Setup::default()
    };
    setup.values["currentUser"] = json!({"id": 3, "name": "Nora", "email": "nora@acme.test", "role": "agent", "locale": "en"});
    let fake = FakeZaf::new(setup);
    let el = mount(&fake);
    let text = wait_for_text(&el, "Open in Sell").await;
    assert!(text.contains("Open in Sell"), "{text}");
    assert!(!text.contains("Toms Secret Co"), "Tom's lead is not Nora's to see: {text}");
    let pairs: Vec<(String, String)> = fake.requested_urls().into_iter().zip(fake.authorizations()).collect();
    for (url, auth) in &pairs {
        assert_eq!(auth, "Bearer {{setting.sell_api_token}}", "{url}");
    }
    assert!(pairs.first().is_some_and(|(u, _)| u.contains("/v2/users?email=nora")), "her own user first: {pairs:?}");
    // Nothing of Tom's was stored in the browser either.
    let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten()).expect("storage");
    let stored: String = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter_map(|k| storage.get_item(&k).ok().flatten())
        .collect();
    assert!(stored.contains("\"id\":601"), "Nora's contact is cached");
    assert!(!stored.contains("Toms Secret Co"), "never cached: {stored}");
}

#[wasm_bindgen_test]
async fn an_inactive_sell_user_is_told_so() {
    clear_storage();
    let mut setup = Setup {
        settings: json!({"all_agents_access": false}),
        rules: vec![rule("/v2/users", 200, users())],
        ..Setup::default()
    };
    setup.values["currentUser"] = json!({"id": 6, "name": "Ivan", "email": "ivan@acme.test", "role": "agent", "locale": "en"});
    let fake = FakeZaf::new(setup);
    let el = mount(&fake);
    let text = wait_for_text(&el, "Your Sell user is inactive").await;
    assert!(text.contains("Your Sell user is inactive"), "{text}");
}

#[wasm_bindgen_test]
async fn a_bad_access_setting_names_the_parameter_for_admins() {
    clear_storage();
    let fake = FakeZaf::new(Setup { settings: json!({"all_agents_access": "yes please"}), ..Setup::default() });
    let el = mount(&fake);
    let text = wait_for_text(&el, "all_agents_access").await;
    assert!(text.contains("Sell isn't set up yet"), "{text}");
    assert!(text.contains("all_agents_access"), "{text}");
    assert!(fake.requested_urls().is_empty(), "no Sell request with broken settings");
}

#[wasm_bindgen_test]
async fn rate_limited_shows_busy_with_a_countdown() {
    clear_storage();
    let fake = FakeZaf::new(Setup {
        rules: vec![rule("/v2/leads?", 429, r#"{"errors":[{"error":{"code":"rate_limit_exceeded","message":"slow down"}}]}"#)],
        ..Setup::default()
    });
    let el = mount(&fake);
    // Three attempts with backoff (1 s + 2 s) before the state shows.
    let mut text = String::new();
    for _ in 0..4 {
        text = wait_for_text(&el, "Sell is busy").await;
        if text.contains("Sell is busy") {
            break;
        }
    }
    assert!(text.contains("Sell is busy"), "{text}");
    let lead_calls = fake.requested_urls().iter().filter(|u| u.contains("/v2/leads?")).count();
    assert_eq!(lead_calls, 3, "bounded retries");
}

/// Every agent of an account shares one token's 10 requests per second: one sidebar never has more
/// than four Sell requests in flight, however many it asks for at once.
#[wasm_bindgen_test]
async fn no_more_than_four_sell_requests_are_in_flight_at_once() {
    use sell_sidebar::in_flight::MAX_IN_FLIGHT;
    use sell_sidebar::sell_client::SellClient;
    use sidebar_core::sell::model::Lead;
    use sidebar_core::sell::requests::leads_by_email;
    let fake = FakeZaf::new(Setup { delay_ms: 50, ..Setup::default() });
    let client = SellClient::new(ZafClient::from_js(fake.client.clone()));
    let requests: Vec<_> = (0..12).map(|i| leads_by_email(&format!("p{i}@x.test"))).collect();
    let answers = futures::future::join_all(requests.iter().map(|r| client.list::<Lead>(r))).await;
    assert!(answers.iter().all(Result::is_ok));
    assert_eq!(fake.requested_urls().len(), 12, "every request was sent");
    assert_eq!(fake.max_in_flight() as usize, MAX_IN_FLIGHT, "four at a time, never more");
}

/// A new ticket shows nothing and asks Sell nothing until the agent sets a requester.
#[wasm_bindgen_test]
async fn a_new_ticket_without_a_requester_waits_for_one() {
    clear_storage();
    let mut setup = Setup { location: "new_ticket_sidebar", ..Setup::default() };
    setup.values["ticket.requester"] = json!(null);
    setup.values["ticket.subject"] = json!("");
    let fake = FakeZaf::new(setup);
    let el = mount(&fake);
    let text = wait_for_text(&el, "No requester yet").await;
    assert!(text.contains("Set the ticket's requester"), "{text}");
    assert!(fake.requested_urls().is_empty(), "nothing to look up: {:?}", fake.requested_urls());
}

/// A user's profile: the lookup is by the primary email; the user's other emails are offered, and
/// looked up only when the agent asks.
#[wasm_bindgen_test]
async fn a_user_profile_looks_up_other_emails_on_demand() {
    clear_storage();
    let olga = json!([{"id": 601, "first_name": "Olga", "last_name": "Other", "owner_id": 3, "email": "olga@second.test"}]);
    let mut setup = Setup {
        location: "user_sidebar",
        rules: vec![rule("/v2/leads?email=olga%40second.test", 200, list("lead", olga)), rule("/v2/users", 200, users())],
        ..Setup::default()
    };
    setup.values["user"] = json!({"id": 5109, "name": "Olga Other", "email": "olga@first.test",
        "identities": [{"type": "email", "value": "olga@first.test", "primary": true}, {"type": "email", "value": "olga@second.test", "primary": false}]});
    let fake = FakeZaf::new(setup);
    let el = mount(&fake);
    let text = wait_for_text(&el, "Look up olga@second.test").await;
    assert!(text.contains("Not in Sell yet") && text.contains("olga@first.test"), "{text}");
    assert!(!fake.requested_urls().iter().any(|u| u.contains("second")), "not before the agent asks");
    let button: web_sys::HtmlElement = el
        .query_selector(".other-emails button")
        .ok()
        .flatten()
        .and_then(|b| wasm_bindgen::JsCast::dyn_into(b).ok())
        .expect("the other email's button");
    button.click();
    let text = wait_for_text(&el, "Open in Sell").await;
    assert!(text.contains("Olga Other"), "{text}");
}

/// An organization's page: the Sell organization of that name, its deals and its people.
#[wasm_bindgen_test]
async fn an_organization_page_shows_the_sell_organization_its_deals_and_people() {
    clear_storage();
    let contoso = json!([{"id": 20, "is_organization": true, "name": "Contoso GmbH", "owner_id": 3}]);
    let deals = json!([{"id": 31, "name": "Framework agreement", "organization_id": 20, "owner_id": 3}]);
    let people = json!([{"id": 21, "first_name": "Carl", "last_name": "Contact", "contact_id": 20, "owner_id": 3}]);
    let mut setup = Setup {
        location: "organization_sidebar",
        rules: vec![
            rule("/v2/contacts?name=Contoso", 200, list("contact", contoso)),
            rule("/v2/contacts?contact_id=20", 200, list("contact", people)),
            rule("/v2/deals?organization_id=20", 200, list("deal", deals)),
            rule("/v2/users", 200, users()),
        ],
        ..Setup::default()
    };
    // Sell's `name` filter is asked with Support's spelling; its answer is checked again ignoring case.
    setup.values["organization"] = json!({"id": 77, "name": "Contoso GmbH"});
    let fake = FakeZaf::new(setup);
    let el = mount(&fake);
    let text = wait_for_text(&el, "Framework agreement").await;
    let text = if text.contains("Carl Contact") { text } else { wait_for_text(&el, "Carl Contact").await };
    assert!(text.contains("Contoso GmbH") && text.contains("People in Sell (1)"), "{text}");
}

#[wasm_bindgen_test]
async fn an_organization_sell_doesnt_have_is_said_with_a_search() {
    clear_storage();
    let mut setup = Setup { location: "organization_sidebar", ..Setup::default() };
    setup.values["organization"] = json!({"id": 78, "name": "Nowhere Ltd"});
    let fake = FakeZaf::new(setup);
    let el = mount(&fake);
    let text = wait_for_text(&el, "No organization in Sell has this name").await;
    assert!(el.query_selector("input[type=search]").ok().flatten().is_some(), "{text}");
}
