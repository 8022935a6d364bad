//! The Sell API emulator, driven in-process through its router as the dev host's proxy drives it.

use axum::body::{to_bytes, Body};
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use devhost::sell::Emulator;
use serde_json::{json, Value};
use std::time::Duration;
use tower::ServiceExt;

struct Reply {
    status: StatusCode,
    headers: HeaderMap,
    bytes: Vec<u8>,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.bytes)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.bytes)))
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes).into_owned()
    }

    /// `field` of every item of a collection.
    fn column(&self, field: &str) -> Vec<Value> {
        self.json()["items"]
            .as_array()
            .map(|items| items.iter().map(|i| i["data"][field].clone()).collect())
            .unwrap_or_default()
    }

    fn ids(&self) -> Vec<u64> {
        self.column("id").iter().filter_map(Value::as_u64).collect()
    }

    fn error_codes(&self) -> Vec<String> {
        self.json()["errors"]
            .as_array()
            .map(|e| {
                e.iter()
                    .filter_map(|i| i["error"]["code"].as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    }
}

async fn send(emu: &Emulator, request: Request<Body>) -> Reply {
    let response = emu
        .router()
        .oneshot(request)
        .await
        .expect("the router is infallible");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("a body")
        .to_vec();
    Reply {
        status,
        headers,
        bytes,
    }
}

fn request(method: Method, path: &str, token: Option<&str>, body: Option<Value>) -> Request<Body> {
    let mut builder = Request::builder()
        .method(method)
        .uri(path)
        .header(header::USER_AGENT, "sell-sidebar-tests/1.0");
    if let Some(token) = token {
        builder = builder.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    let body = match body {
        Some(json) => {
            builder = builder.header(header::CONTENT_TYPE, "application/json");
            Body::from(json.to_string())
        }
        None => Body::empty(),
    };
    builder.body(body).expect("a valid request")
}

/// A seeded emulator without the rate limit, so tests that make many calls stay independent of
/// time; the rate-limit tests use `Emulator::seeded()` as it ships.
fn emulator() -> Emulator {
    let emu = Emulator::seeded();
    emu.set_rate_limit(None);
    emu
}

fn token(emu: &Emulator, name: &str) -> String {
    emu.token_for(&format!("{name}@acme.test"))
        .unwrap_or_else(|| panic!("{name} has a token"))
}

async fn get_as(emu: &Emulator, name: &str, path: &str) -> Reply {
    send(
        emu,
        request(Method::GET, path, Some(&token(emu, name)), None),
    )
    .await
}

async fn post_as(emu: &Emulator, name: &str, path: &str, body: Value) -> Reply {
    send(
        emu,
        request(Method::POST, path, Some(&token(emu, name)), Some(body)),
    )
    .await
}

async fn control(emu: &Emulator, method: Method, path: &str, body: Option<Value>) -> Reply {
    send(emu, request(method, path, None, body)).await
}

// Seed ids (devhost/src/sell/seed.rs).
const LEA: u64 = 1001;
const BEA_LEAD: u64 = 1002;
const OMAR: u64 = 1003;
const PAYLOAD: u64 = 1004;
const CONTOSO: u64 = 2001;
const CARL: u64 = 2002;
const SID: u64 = 2006;
const OLGA: u64 = 1005;
const TWIN_NORTH: u64 = 2007;
const TESSA_TWIN: u64 = 2008;
const TWIN_SOUTH: u64 = 2009;
const TOBY_TWIN: u64 = 2010;

// ---------- users, account, catalog ----------

#[tokio::test]
async fn users_list_everyone_with_pools_as_phantom_users() {
    let emu = emulator();
    let reply = get_as(&emu, "nora", "/v2/users").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.ids(), vec![1, 2, 3, 4, 5, 6, 7, 8]);
    let body = reply.json();
    assert_eq!(body["meta"]["type"], "collection");
    assert_eq!(body["meta"]["count"], 8);
    assert_eq!(body["items"][0]["meta"]["type"], "user");
    let pool = &body["items"][6]["data"];
    assert_eq!(pool["name"], "Inbound pool");
    assert_eq!(pool["identity_type"], "integration");
    assert_eq!(pool["system_tags"], json!(["distribution_pool"]));
    assert_eq!(pool["email"], Value::Null);
    assert_eq!(pool["confirmed"], false);
    let nora = &body["items"][2]["data"];
    assert_eq!(
        (
            nora["reports_to"].clone(),
            nora["team_name"].clone(),
            nora["role"].clone()
        ),
        (json!(2), json!("Team North"), json!("user"))
    );
    assert!(nora["created_at"]
        .as_str()
        .is_some_and(|t| t.ends_with('Z')));
}

#[tokio::test]
async fn users_filter_by_ids_email_name_role_status_and_confirmed() {
    let emu = emulator();
    for (query, ids) in [
        ("ids=2,5", vec![2, 5]),
        ("email=tom@acme.test", vec![5]),
        ("email=tom@acme", vec![]),
        ("name=Sofia%20South", vec![4]),
        ("name=Sofia", vec![]),
        ("role=admin", vec![1]),
        ("status=inactive", vec![6]),
        ("status=active&confirmed=false", vec![7, 8]),
    ] {
        assert_eq!(
            get_as(&emu, "ada", &format!("/v2/users?{query}"))
                .await
                .ids(),
            ids,
            "{query}"
        );
    }
}

#[tokio::test]
async fn users_self_is_the_tokens_user_and_users_by_id_exist() {
    let emu = emulator();
    for (name, id) in [("ada", 1), ("max", 2), ("tom", 5)] {
        let reply = get_as(&emu, name, "/v2/users/self").await;
        assert_eq!(reply.json()["data"]["id"], id);
        assert_eq!(reply.json()["meta"]["type"], "user");
    }
    assert_eq!(
        get_as(&emu, "nora", "/v2/users/8").await.json()["data"]["name"],
        "Enterprise pool"
    );
    assert_eq!(
        get_as(&emu, "nora", "/v2/users/99").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get_as(&emu, "nora", "/v2/users/abc").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn account_statuses_stages_and_pipelines_are_visible_to_everyone() {
    let emu = emulator();
    let account = get_as(&emu, "tom", "/v2/accounts/self").await.json();
    assert_eq!(
        (
            account["meta"]["type"].clone(),
            account["data"]["currency"].clone()
        ),
        (json!("account"), json!("USD"))
    );
    assert!(
        account["data"].get("owner_id").is_none(),
        "Sell's account has no owner field"
    );

    let statuses = get_as(&emu, "tom", "/v2/lead_statuses?page=1&per_page=100").await;
    assert_eq!(
        statuses.column("name"),
        vec![
            json!("New"),
            json!("Incoming"),
            json!("Working"),
            json!("Unqualified")
        ]
    );
    assert_eq!(statuses.json()["items"][0]["meta"]["type"], "lead_status");

    let stages = get_as(&emu, "tom", "/v2/stages?pipeline_id=1").await;
    assert_eq!(
        stages.column("name"),
        ["Incoming", "Qualified", "Quote", "Closure", "Won", "Lost"]
            .map(|n| json!(n))
            .to_vec()
    );
    assert_eq!(stages.column("category")[4], "won");
    assert_eq!(
        get_as(&emu, "tom", "/v2/stages?pipeline_id=2").await.ids(),
        Vec::<u64>::new()
    );
    assert_eq!(
        get_as(&emu, "tom", "/v2/stages?ids=6005,6006").await.ids(),
        vec![6005, 6006]
    );

    let pipelines = get_as(&emu, "tom", "/v2/pipelines").await;
    assert_eq!(
        (pipelines.ids(), pipelines.column("name")),
        (vec![1], vec![json!("Sales Pipeline")])
    );
}

#[tokio::test]
async fn lead_sources_filter_strictly_by_name_and_new_names_are_created_once() {
    let emu = emulator();
    assert_eq!(
        get_as(&emu, "ada", "/v2/lead_sources").await.column("name"),
        vec![json!("Website"), json!("Referral"), json!("Trade show")]
    );
    assert_eq!(
        get_as(&emu, "ada", "/v2/lead_sources?name=Referral")
            .await
            .ids(),
        vec![4002]
    );
    assert_eq!(
        get_as(&emu, "ada", "/v2/lead_sources?name=referral")
            .await
            .ids(),
        Vec::<u64>::new()
    );
    assert_eq!(
        get_as(&emu, "ada", "/v2/lead_sources?ids=4001,4003")
            .await
            .ids(),
        vec![4001, 4003]
    );
    assert_eq!(
        get_as(&emu, "ada", "/v2/lead_sources?name=Zendesk%20Support")
            .await
            .ids(),
        Vec::<u64>::new()
    );

    let created = post_as(
        &emu,
        "ada",
        "/v2/lead_sources",
        json!({"data": {"name": "Zendesk Support", "resource_type": "lead"}}),
    )
    .await;
    assert_eq!(created.status, StatusCode::OK);
    let source = created.json();
    assert_eq!(
        (
            source["meta"]["type"].clone(),
            source["data"]["name"].clone(),
            source["data"]["creator_id"].clone()
        ),
        (json!("lead_source"), json!("Zendesk Support"), json!(1))
    );
    let id = source["data"]["id"].as_u64().unwrap_or_default();
    assert_eq!(
        get_as(&emu, "tom", "/v2/lead_sources?name=Zendesk%20Support")
            .await
            .ids(),
        vec![id]
    );

    let duplicate = post_as(
        &emu,
        "ada",
        "/v2/lead_sources",
        json!({"data": {"name": "Zendesk Support", "resource_type": "lead"}}),
    )
    .await;
    assert_eq!(duplicate.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(duplicate.error_codes(), vec!["taken"]);
    assert_eq!(duplicate.json()["errors"][0]["error"]["field"], "/name");
    let blank = post_as(
        &emu,
        "ada",
        "/v2/lead_sources",
        json!({"data": {"resource_type": "lead"}}),
    )
    .await;
    assert_eq!(blank.error_codes(), vec!["blank"]);
}

// ---------- leads ----------

#[tokio::test]
async fn each_token_sees_the_requesters_leads_its_hierarchy_owns() {
    let emu = emulator();
    let requester_leads = [LEA, BEA_LEAD, OMAR, PAYLOAD, OLGA];
    for (name, expected) in [
        ("ada", vec![LEA, BEA_LEAD, OMAR, PAYLOAD, OLGA]),
        ("max", vec![LEA, PAYLOAD, OLGA]),
        ("nora", vec![LEA, PAYLOAD, OLGA]),
        ("sofia", vec![BEA_LEAD, OMAR]),
        ("tom", vec![BEA_LEAD, OMAR]),
    ] {
        let mut seen: Vec<u64> = get_as(&emu, name, "/v2/leads?per_page=100")
            .await
            .ids()
            .into_iter()
            .filter(|id| requester_leads.contains(id))
            .collect();
        seen.sort_unstable();
        assert_eq!(seen, expected, "{name}");
    }
    assert_eq!(
        get_as(&emu, "ada", "/v2/leads?per_page=100")
            .await
            .ids()
            .len(),
        35,
        "4 requester leads, Olga's and 30 bulk ones"
    );
}

#[tokio::test]
async fn a_lead_the_token_cannot_see_is_not_found_by_id() {
    let emu = emulator();
    let lea = get_as(&emu, "max", &format!("/v2/leads/{LEA}")).await;
    assert_eq!(lea.status, StatusCode::OK);
    assert_eq!(
        (
            lea.json()["meta"]["type"].clone(),
            lea.json()["data"]["email"].clone()
        ),
        (json!("lead"), json!("lea@lead-only.test"))
    );
    let hidden = get_as(&emu, "nora", &format!("/v2/leads/{BEA_LEAD}")).await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND);
    assert_eq!(hidden.error_codes(), vec!["not_found"]);
    assert_eq!(
        get_as(&emu, "ada", "/v2/leads/424242").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn leads_filter_by_every_documented_field() {
    let emu = emulator();
    for (query, ids) in [
        ("email=lea@lead-only.test", vec![LEA]),
        ("email=LEA@Lead-Only.test", vec![LEA]),
        ("email=nobody@none.test", vec![]),
        // Olga's lead has her secondary Support identity's email, not her primary one.
        ("email=olga@second.test", vec![OLGA]),
        ("email=olga@first.test", vec![]),
        ("ids=1001,1003", vec![LEA, OMAR]),
        ("first_name=Bea", vec![BEA_LEAD]),
        ("last_name=Lead", vec![LEA]),
        ("organization_name=Lead%20Only%20Ltd", vec![LEA]),
        ("owner_id=5&ids=1002,1003,1001", vec![BEA_LEAD, OMAR]),
        ("status=Working&ids=1001,1002", vec![BEA_LEAD]),
        ("source_id=4001&ids=1001,1002", vec![LEA]),
        ("creator_id=3&ids=1001,1002", vec![LEA]),
        ("address[city]=London", vec![LEA]),
    ] {
        let mut ids_seen = get_as(&emu, "ada", &format!("/v2/leads?{query}"))
            .await
            .ids();
        ids_seen.sort_unstable();
        assert_eq!(ids_seen, ids, "{query}");
    }
    let working = get_as(&emu, "ada", "/v2/leads?status=Working&per_page=100")
        .await
        .column("status");
    assert!(!working.is_empty() && working.iter().all(|s| s == "Working"));
    assert_eq!(
        get_as(&emu, "ada", "/v2/leads?ids=1,abc")
            .await
            .error_codes(),
        vec!["invalid_param"]
    );
}

#[tokio::test]
async fn leads_sort_by_updated_at_by_default_and_by_any_field_on_request() {
    let emu = emulator();
    let times = get_as(&emu, "ada", "/v2/leads?per_page=100")
        .await
        .column("updated_at");
    let mut sorted = times.clone();
    sorted.sort_by_key(|t| t.as_str().unwrap_or_default().to_string());
    assert_eq!(times, sorted);
    let ids = get_as(&emu, "ada", "/v2/leads?per_page=100&sort_by=id:desc")
        .await
        .ids();
    assert!(ids.windows(2).all(|w| w[0] > w[1]));
    assert_eq!(
        get_as(&emu, "ada", "/v2/leads?sort_by=shoe_size")
            .await
            .status,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn lead_records_carry_sells_fields_and_untouched_payloads() {
    let emu = emulator();
    let lea = get_as(&emu, "ada", &format!("/v2/leads/{LEA}"))
        .await
        .json();
    for field in [
        "creator_id",
        "owner_id",
        "first_name",
        "last_name",
        "organization_name",
        "status",
        "source_id",
        "title",
        "description",
        "website",
        "email",
        "phone",
        "mobile",
        "address",
        "tags",
        "custom_fields",
        "created_at",
        "updated_at",
    ] {
        assert!(lea["data"].get(field).is_some(), "lead has {field}");
    }
    assert_eq!(lea["data"]["custom_fields"]["Industry segment"], "Retail");
    let payload = get_as(&emu, "nora", &format!("/v2/leads/{PAYLOAD}"))
        .await
        .json();
    assert_eq!(
        payload["data"]["first_name"],
        "<img src=x onerror=alert(1)>"
    );
    assert_eq!(payload["data"]["website"], "javascript:alert(1)");
    assert!(payload["data"]["tags"]
        .as_array()
        .is_some_and(|t| t.contains(&json!("<script>alert(1)</script>"))));
    let omar = get_as(&emu, "tom", &format!("/v2/leads/{OMAR}"))
        .await
        .json();
    assert_eq!(
        omar["data"]["organization_name"]
            .as_str()
            .map(|o| o.chars().count()),
        Some(300)
    );
    assert_eq!(omar["data"]["first_name"], "عمر");
}

// ---------- contacts and deals ----------

#[tokio::test]
async fn contacts_follow_visibility_so_danas_duplicates_split_by_owner() {
    let emu = emulator();
    for (name, count) in [
        ("ada", 2),
        ("max", 1),
        ("nora", 1),
        ("sofia", 1),
        ("tom", 1),
    ] {
        assert_eq!(
            get_as(&emu, name, "/v2/contacts?email=dana@dupe.test")
                .await
                .ids()
                .len(),
            count,
            "{name}"
        );
    }
    assert_eq!(
        get_as(&emu, "nora", "/v2/contacts?email=sid@south.test")
            .await
            .ids(),
        Vec::<u64>::new()
    );
    assert_eq!(
        get_as(&emu, "sofia", "/v2/contacts?email=sid@south.test")
            .await
            .ids(),
        vec![SID]
    );
    assert_eq!(
        get_as(&emu, "max", &format!("/v2/contacts/{SID}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let carl = get_as(&emu, "nora", &format!("/v2/contacts/{CARL}"))
        .await
        .json();
    assert_eq!(
        (
            carl["meta"]["type"].clone(),
            carl["data"]["contact_id"].clone(),
            carl["data"]["name"].clone()
        ),
        (json!("contact"), json!(CONTOSO), json!("Carl Contact"))
    );
}

#[tokio::test]
async fn contacts_filter_by_every_documented_field() {
    let emu = emulator();
    for (query, ids) in [
        ("email=carl@deals.test", vec![CARL]),
        ("name=Contoso%20GmbH", vec![CONTOSO]),
        ("first_name=Carl", vec![CARL]),
        ("last_name=Double", vec![2004, 2005]),
        ("contact_id=2001", vec![CARL]),
        ("is_organization=true&ids=2001,2002,2003", vec![CONTOSO]),
        ("is_organization=false&ids=2001,2002", vec![CARL]),
        ("ids=2003,2006", vec![2003, SID]),
        ("owner_id=5&ids=2004,2005,2006", vec![2005, SID]),
        ("address[city]=Berlin", vec![CONTOSO]),
        // What an organization sidebar asks: organizations by exact name, then their people.
        ("name=Contoso%20GmbH&is_organization=true", vec![CONTOSO]),
        (
            "name=Twin%20Industries&is_organization=true",
            vec![TWIN_NORTH, TWIN_SOUTH],
        ),
        ("name=Twin%20Industries&is_organization=false", vec![]),
        ("name=Nowhere%20Ltd&is_organization=true", vec![]),
        ("name=Carl%20Contact&is_organization=true", vec![]),
        ("contact_id=2007", vec![TESSA_TWIN]),
        ("contact_id=2009", vec![TOBY_TWIN]),
        ("contact_id=2007,2009", vec![TESSA_TWIN, TOBY_TWIN]),
    ] {
        let mut seen = get_as(&emu, "ada", &format!("/v2/contacts?{query}"))
            .await
            .ids();
        seen.sort_unstable();
        assert_eq!(seen, ids, "{query}");
    }
}

#[tokio::test]
async fn deals_filter_by_contact_organization_owner_and_stage() {
    let emu = emulator();
    for (query, ids) in [
        ("contact_id=2002", vec![3001, 3002, 3003]),
        ("contact_id=2001", vec![3004]),
        ("organization_id=2001", vec![3001, 3002, 3003, 3004]),
        ("stage_id=6005&ids=3001,3002,3003", vec![3003]),
        ("owner_id=3&ids=3001,3005", vec![3001]),
        ("ids=3002", vec![3002]),
    ] {
        assert_eq!(
            get_as(&emu, "nora", &format!("/v2/deals?{query}"))
                .await
                .ids(),
            ids,
            "{query}"
        );
    }
    let deal = get_as(&emu, "nora", "/v2/deals/3001").await.json();
    assert_eq!(deal["data"]["value"], 1500.0, "values are JSON numbers");
    assert_eq!(deal["data"]["custom_fields"]["Contract term"], "12 months");
    for (name, sees_sids_deal) in [
        ("ada", true),
        ("sofia", true),
        ("tom", true),
        ("nora", false),
        ("max", false),
    ] {
        assert_eq!(
            get_as(&emu, name, "/v2/deals?contact_id=2006").await.ids() == vec![3005],
            sees_sids_deal,
            "{name}"
        );
    }
}

/// The organization sidebar's lookups: Sell's exact `name` filter for organizations, `contact_id` for
/// their people, `organization_id` for their deals, each within the token's visibility.
#[tokio::test]
async fn organizations_are_found_by_exact_name_with_their_people_and_deals_as_the_token_may_see() {
    let emu = emulator();
    let twins = "/v2/contacts?name=Twin%20Industries&is_organization=true";
    for (name, organizations) in [
        ("ada", vec![TWIN_NORTH, TWIN_SOUTH]),
        ("max", vec![TWIN_NORTH]),
        ("nora", vec![TWIN_NORTH]),
        ("sofia", vec![TWIN_SOUTH]),
        ("tom", vec![TWIN_SOUTH]),
    ] {
        assert_eq!(
            get_as(&emu, name, twins).await.ids(),
            organizations,
            "{name}"
        );
    }
    // Exact text, case included (a guess: Sell's case rules for `name` are undocumented).
    assert_eq!(
        get_as(
            &emu,
            "ada",
            "/v2/contacts?name=twin%20industries&is_organization=true"
        )
        .await
        .ids(),
        Vec::<u64>::new()
    );
    for (name, query, ids) in [
        ("nora", "/v2/contacts?contact_id=2007", vec![TESSA_TWIN]),
        ("nora", "/v2/contacts?contact_id=2009", vec![]),
        ("tom", "/v2/contacts?contact_id=2009", vec![TOBY_TWIN]),
        ("nora", "/v2/deals?organization_id=2007", vec![3006]),
        ("nora", "/v2/deals?organization_id=2009", vec![]),
        ("tom", "/v2/deals?organization_id=2009", vec![3007]),
        // The deals are on the organizations' people, not on the organizations themselves.
        ("ada", "/v2/deals?contact_id=2007,2009", vec![]),
        ("ada", "/v2/deals?contact_id=2008", vec![3006]),
    ] {
        assert_eq!(get_as(&emu, name, query).await.ids(), ids, "{name} {query}");
    }
    assert_eq!(
        get_as(&emu, "ada", "/v2/contacts?is_organization=maybe")
            .await
            .error_codes(),
        vec!["invalid_param"]
    );
}

// ---------- pagination ----------

#[tokio::test]
async fn pages_link_to_their_neighbours_and_count_their_own_items() {
    let emu = emulator();
    let news = get_as(&emu, "ada", "/v2/leads?per_page=100&status=New")
        .await
        .ids()
        .len();
    assert_eq!(
        news, 11,
        "Lea, the payload lead, Olga and 8 bulk leads are New"
    );
    let first = get_as(&emu, "ada", "/v2/leads?per_page=4&status=New")
        .await
        .json();
    assert_eq!(first["meta"]["count"], 4);
    let links = &first["meta"]["links"];
    assert_eq!(
        links["self"],
        "https://api.getbase.com/v2/leads?status=New&page=1&per_page=4"
    );
    assert_eq!(
        links["first_page"],
        "https://api.getbase.com/v2/leads?status=New&page=1&per_page=4"
    );
    assert!(links.get("prev_page").is_none());
    assert_eq!(
        links["next_page"],
        "https://api.getbase.com/v2/leads?status=New&page=2&per_page=4"
    );

    let middle = get_as(&emu, "ada", "/v2/leads?per_page=4&status=New&page=2")
        .await
        .json();
    assert_eq!(
        middle["meta"]["links"]["prev_page"],
        "https://api.getbase.com/v2/leads?status=New&page=1&per_page=4"
    );
    assert_eq!(
        middle["meta"]["links"]["next_page"],
        "https://api.getbase.com/v2/leads?status=New&page=3&per_page=4"
    );

    let last = get_as(&emu, "ada", "/v2/leads?per_page=4&status=New&page=3")
        .await
        .json();
    assert_eq!(last["meta"]["count"], 3);
    assert!(last["meta"]["links"].get("next_page").is_none());

    let mut paged = Vec::new();
    for page in 1..=3 {
        paged.extend(
            get_as(
                &emu,
                "ada",
                &format!("/v2/leads?per_page=4&status=New&page={page}"),
            )
            .await
            .ids(),
        );
    }
    assert_eq!(
        paged,
        get_as(&emu, "ada", "/v2/leads?per_page=100&status=New")
            .await
            .ids(),
        "pages cover the list once, in order"
    );

    let beyond = get_as(&emu, "ada", "/v2/leads?per_page=4&status=New&page=9")
        .await
        .json();
    assert_eq!(beyond["meta"]["count"], 0);
}

#[tokio::test]
async fn per_page_defaults_to_25_and_is_capped_at_100() {
    let emu = emulator();
    assert_eq!(get_as(&emu, "ada", "/v2/leads").await.ids().len(), 25);
    control(
        &emu,
        Method::POST,
        "/_emu/huge",
        Some(json!({"leads": 150})),
    )
    .await;
    let capped = get_as(&emu, "ada", "/v2/leads?email=huge@bulk.test&per_page=500")
        .await
        .json();
    assert_eq!(capped["meta"]["count"], 100);
    assert!(capped["meta"]["links"]["next_page"]
        .as_str()
        .is_some_and(|l| l.contains("page=2&per_page=100")));
    assert_eq!(
        get_as(&emu, "ada", "/v2/leads?page=0").await.error_codes(),
        vec!["invalid_param"]
    );
}

// ---------- authentication and request checks ----------

#[tokio::test]
async fn requests_without_a_valid_active_token_are_unauthorized() {
    let emu = emulator();
    let missing = send(&emu, request(Method::GET, "/v2/leads", None, None)).await;
    let unknown = send(
        &emu,
        request(Method::GET, "/v2/leads", Some("sellemu-eve-0000"), None),
    )
    .await;
    let inactive = get_as(&emu, "ivan", "/v2/users/self").await;
    for reply in [&missing, &unknown, &inactive] {
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
        assert_eq!(reply.error_codes(), vec!["unauthorized"]);
        assert_eq!(reply.json()["meta"]["http_status"], "401 Unauthorized");
    }
    let wrong_scheme = Request::get("/v2/leads")
        .header(header::USER_AGENT, "t")
        .header(
            header::AUTHORIZATION,
            format!("Token {}", emu.admin_token()),
        )
        .body(Body::empty());
    assert_eq!(
        send(&emu, wrong_scheme.expect("request")).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_request_without_user_agent_is_refused() {
    let emu = emulator();
    let bare = Request::get("/v2/users/self")
        .header(
            header::AUTHORIZATION,
            format!("Bearer {}", emu.admin_token()),
        )
        .body(Body::empty())
        .expect("request");
    let reply = send(&emu, bare).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(reply.error_codes(), vec!["invalid_user_agent"]);
}

#[tokio::test]
async fn every_sell_answer_has_a_request_id_that_errors_quote_as_logref() {
    let emu = emulator();
    let ok = get_as(&emu, "ada", "/v2/users/self").await;
    let error = get_as(&emu, "ada", "/v2/leads/1").await;
    let (ok_id, error_id) = (
        ok.headers.get("x-request-id"),
        error.headers.get("x-request-id"),
    );
    assert!(ok_id.is_some() && ok_id != error_id);
    assert_eq!(
        error.json()["meta"]["logref"].as_str(),
        error_id.and_then(|v| v.to_str().ok())
    );
    assert_eq!(
        error
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok()),
        Some("application/json; charset=utf-8")
    );
}

#[tokio::test]
async fn unknown_endpoints_and_methods_answer_in_sells_error_shape() {
    let emu = emulator();
    let unknown = get_as(&emu, "ada", "/v2/tasks").await;
    assert_eq!(
        (unknown.status, unknown.error_codes()),
        (StatusCode::NOT_FOUND, vec!["not_found".to_string()])
    );
    let method = send(
        &emu,
        request(Method::DELETE, "/v2/leads", Some(&emu.admin_token()), None),
    )
    .await;
    assert_eq!(method.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(method.error_codes(), vec!["method_not_allowed"]);
}

#[tokio::test]
async fn the_state_lists_tokens_shaped_for_secret_scanners() {
    let emu = emulator();
    let state = control(&emu, Method::GET, "/_emu/state", None).await.json();
    let users = state["users"].as_array().cloned().unwrap_or_default();
    assert_eq!(users.len(), 8);
    for user in &users {
        let email = user["email"].as_str();
        assert_eq!(
            user["token"].as_str().map(String::from),
            email.and_then(|e| emu.token_for(e))
        );
    }
    let ada = users[0]["token"].as_str().unwrap_or_default();
    assert_eq!(ada, emu.admin_token());
    let hex = ada.strip_prefix("sellemu-ada-").unwrap_or_default();
    assert!(
        hex.len() == 50
            && hex
                .chars()
                .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
    );
    assert_eq!(
        state["pools"][0],
        json!({"id": 7, "name": "Inbound pool", "members": [3, 5], "next_index": 0})
    );
    assert_eq!(state["sources"].as_array().map(Vec::len), Some(3));
    for key in ["leads", "contacts", "deals"] {
        assert!(
            state[key].as_array().is_some_and(|a| !a.is_empty()),
            "{key}"
        );
    }
    assert_eq!(emu.token_for("zed@acme.test"), None);
}

// ---------- creating leads ----------

#[tokio::test]
async fn a_new_lead_is_created_by_the_token_user_and_owned_by_them_by_default() {
    let emu = emulator();
    let reply = post_as(&emu, "nora", "/v2/leads", json!({"data": {"first_name": "Nobody", "last_name": "Here", "email": "nobody@none.test", "status": "Incoming", "source_id": 4001, "tags": ["support"], "custom_fields": {"Industry segment": "Retail"}, "address": {"city": "Köln"}}})).await;
    assert_eq!(reply.status, StatusCode::OK);
    let lead = reply.json();
    assert_eq!(lead["meta"]["type"], "lead");
    let data = &lead["data"];
    assert_eq!(
        (
            data["creator_id"].clone(),
            data["owner_id"].clone(),
            data["status"].clone()
        ),
        (json!(3), json!(3), json!("Incoming"))
    );
    assert_eq!(data["address"]["city"], "Köln");
    assert!(data["created_at"]
        .as_str()
        .is_some_and(|t| t.len() == 20 && t.ends_with('Z')));
    let found = get_as(&emu, "nora", "/v2/leads?email=nobody@none.test").await;
    assert_eq!(found.ids(), vec![data["id"].as_u64().unwrap_or_default()]);
    assert_eq!(
        get_as(&emu, "max", "/v2/leads?email=nobody@none.test")
            .await
            .ids()
            .len(),
        1,
        "her manager sees it"
    );
}

#[tokio::test]
async fn a_lead_may_be_assigned_to_someone_the_creator_cannot_see() {
    let emu = emulator();
    let reply = post_as(
        &emu,
        "nora",
        "/v2/leads",
        json!({"data": {"organization_name": "South Org", "owner_id": 5}}),
    )
    .await;
    assert_eq!(reply.json()["data"]["owner_id"], 5);
    let id = reply.json()["data"]["id"].as_u64().unwrap_or_default();
    assert_eq!(
        get_as(&emu, "nora", &format!("/v2/leads/{id}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get_as(&emu, "tom", &format!("/v2/leads/{id}")).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn invalid_leads_get_422_with_every_problem_in_sells_error_shape() {
    let emu = emulator();
    let reply = post_as(
        &emu,
        "ada",
        "/v2/leads",
        json!({"data": {"first_name": "No", "owner_id": 6, "status": "Hot", "source_id": 99, "email": "no-at-sign"}}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    let body = reply.json();
    assert_eq!(body["meta"]["type"], "errors");
    assert_eq!(body["meta"]["http_status"], "422 Unprocessable Entity");
    assert_eq!(
        body["meta"]["logref"].as_str(),
        reply
            .headers
            .get("x-request-id")
            .and_then(|v| v.to_str().ok())
    );
    let mut fields: Vec<String> = body["errors"]
        .as_array()
        .map(|e| {
            e.iter()
                .filter_map(|i| i["error"]["field"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    fields.sort();
    assert_eq!(
        fields,
        vec!["/email", "/last_name", "/owner_id", "/source_id", "/status"]
    );
    let first = &body["errors"][0];
    assert_eq!(first["error"]["resource"], "lead");
    assert_eq!(first["meta"]["type"], "error");
    assert!(first["meta"]["links"]["more_info"].as_str().is_some());
    assert!(
        first["error"]["message"].as_str().is_some()
            && first["error"]["details"].as_str().is_some()
    );

    let unknown = post_as(
        &emu,
        "ada",
        "/v2/leads",
        json!({"data": {"last_name": "X", "invalid_field": 1}}),
    )
    .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        unknown.json()["errors"][0]["error"]["message"],
        "unknown attribute"
    );
    assert_eq!(
        unknown.json()["errors"][0]["error"]["field"],
        "/invalid_field"
    );
    let missing_owner = post_as(
        &emu,
        "ada",
        "/v2/leads",
        json!({"data": {"last_name": "X", "owner_id": 404}}),
    )
    .await;
    assert_eq!(missing_owner.error_codes(), vec!["invalid"]);
    assert_eq!(
        get_as(&emu, "ada", "/v2/leads?last_name=X").await.ids(),
        Vec::<u64>::new(),
        "nothing was stored"
    );
}

#[tokio::test]
async fn bodies_that_are_not_a_json_data_envelope_are_bad_requests() {
    let emu = emulator();
    let bare = post_as(&emu, "ada", "/v2/leads", json!({"last_name": "X"})).await;
    assert_eq!(
        (bare.status, bare.error_codes()),
        (
            StatusCode::BAD_REQUEST,
            vec!["invalid_envelope".to_string()]
        )
    );
    let broken = Request::post("/v2/leads")
        .header(header::USER_AGENT, "t")
        .header(
            header::AUTHORIZATION,
            format!("Bearer {}", emu.admin_token()),
        )
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from("{\"data\": {"))
        .expect("request");
    assert_eq!(send(&emu, broken).await.error_codes(), vec!["invalid_json"]);
    let form = Request::post("/v2/leads")
        .header(header::USER_AGENT, "t")
        .header(
            header::AUTHORIZATION,
            format!("Bearer {}", emu.admin_token()),
        )
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("last_name=X"))
        .expect("request");
    assert_eq!(
        send(&emu, form).await.error_codes(),
        vec!["invalid_content_type"]
    );
}

#[tokio::test]
async fn a_pool_spreads_its_leads_evenly_and_in_turn() {
    let emu = emulator();
    let mut owners = Vec::new();
    for n in 0..10 {
        let reply = post_as(
            &emu,
            "ada",
            "/v2/leads",
            json!({"data": {"last_name": format!("Pooled {n}"), "owner_id": 7}}),
        )
        .await;
        owners.push(
            reply.json()["data"]["owner_id"]
                .as_u64()
                .unwrap_or_default(),
        );
    }
    assert_eq!(owners, vec![3, 5, 3, 5, 3, 5, 3, 5, 3, 5]);
    assert_eq!(owners.iter().filter(|o| **o == 3).count(), 5);
    let enterprise = post_as(
        &emu,
        "nora",
        "/v2/leads",
        json!({"data": {"last_name": "Big", "owner_id": 8}}),
    )
    .await;
    assert_eq!(
        enterprise.json()["data"]["owner_id"],
        2,
        "each pool keeps its own turn"
    );
    let state = control(&emu, Method::GET, "/_emu/state", None).await.json();
    assert_eq!(
        (
            state["pools"][0]["next_index"].clone(),
            state["pools"][1]["next_index"].clone()
        ),
        (json!(0), json!(1))
    );
    let pool_owned = get_as(&emu, "ada", "/v2/leads?owner_id=7").await.ids();
    assert!(pool_owned.is_empty(), "pools own nothing after assignment");
}

// ---------- rate limit ----------

#[tokio::test(start_paused = true)]
async fn the_eleventh_request_in_a_second_is_rate_limited_until_the_window_passes() {
    let emu = Emulator::seeded();
    for _ in 0..10 {
        assert_eq!(
            get_as(&emu, "nora", "/v2/users/self").await.status,
            StatusCode::OK
        );
        // Control calls are free.
        control(&emu, Method::GET, "/_emu/state", None).await;
    }
    let limited = get_as(&emu, "nora", "/v2/users/self").await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(limited.error_codes(), vec!["rate_limit_exceeded"]);
    assert!(
        limited.headers.get(header::RETRY_AFTER).is_none(),
        "Sell documents no Retry-After"
    );
    assert_eq!(
        get_as(&emu, "tom", "/v2/users/self").await.status,
        StatusCode::OK,
        "limits are per token"
    );
    tokio::time::advance(Duration::from_millis(999)).await;
    assert_eq!(
        get_as(&emu, "nora", "/v2/users/self").await.status,
        StatusCode::TOO_MANY_REQUESTS
    );
    tokio::time::advance(Duration::from_millis(1)).await;
    assert_eq!(
        get_as(&emu, "nora", "/v2/users/self").await.status,
        StatusCode::OK
    );
}

#[tokio::test(start_paused = true)]
async fn the_rate_limit_can_be_changed_or_switched_off() {
    let emu = Emulator::seeded();
    emu.set_rate_limit(Some(2));
    assert_eq!(
        get_as(&emu, "ada", "/v2/users/self").await.status,
        StatusCode::OK
    );
    assert_eq!(
        get_as(&emu, "ada", "/v2/users/self").await.status,
        StatusCode::OK
    );
    assert_eq!(
        get_as(&emu, "ada", "/v2/users/self").await.status,
        StatusCode::TOO_MANY_REQUESTS
    );
    emu.set_rate_limit(None);
    for _ in 0..30 {
        assert_eq!(
            get_as(&emu, "ada", "/v2/users/self").await.status,
            StatusCode::OK
        );
    }
}

// ---------- faults ----------

async fn set_faults(emu: &Emulator, faults: Value) {
    let reply = control(emu, Method::POST, "/_emu/faults", Some(faults)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
}

#[tokio::test]
async fn a_status_fault_answers_matching_requests_its_number_of_times() {
    let emu = emulator();
    set_faults(&emu, json!({"latency_ms": 0, "rules": [{"path_contains": "/v2/leads", "method": "GET", "times": 1, "kind": "status", "status": 503, "retry_after": 7}]})).await;
    assert_eq!(
        get_as(&emu, "ada", "/v2/contacts").await.status,
        StatusCode::OK,
        "other paths pass"
    );
    assert_eq!(
        post_as(
            &emu,
            "ada",
            "/v2/leads",
            json!({"data": {"last_name": "X"}})
        )
        .await
        .status,
        StatusCode::OK,
        "other methods pass"
    );
    let faulted = get_as(&emu, "ada", "/v2/leads?email=a@b.c").await;
    assert_eq!(faulted.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        faulted
            .headers
            .get(header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok()),
        Some("7")
    );
    assert_eq!(
        faulted.json()["meta"]["http_status"],
        "503 Service Unavailable"
    );
    assert_eq!(
        get_as(&emu, "ada", "/v2/leads").await.status,
        StatusCode::OK,
        "times: 1 is used up"
    );
    let config = control(&emu, Method::GET, "/_emu/faults", None)
        .await
        .json();
    assert_eq!(config["rules"], json!([]));
}

#[tokio::test]
async fn status_faults_can_fake_any_sell_error() {
    let emu = emulator();
    for (status, code) in [
        (403, "forbidden"),
        (429, "rate_limit_exceeded"),
        (500, "server_error"),
    ] {
        set_faults(
            &emu,
            json!({"rules": [{"path_contains": "/v2/", "times": 1, "kind": "status", "status": status}]}),
        )
        .await;
        let reply = get_as(&emu, "ada", "/v2/users").await;
        assert_eq!(
            (reply.status.as_u16(), reply.error_codes()),
            (status, vec![code.to_string()])
        );
        assert!(reply.headers.get(header::RETRY_AFTER).is_none());
    }
}

#[tokio::test]
async fn broken_body_faults_send_what_a_broken_server_would() {
    let emu = emulator();
    set_faults(
        &emu,
        json!({"rules": [
            {"path_contains": "/v2/leads", "times": 1, "kind": "malformed_json"},
            {"path_contains": "/v2/contacts", "times": 1, "kind": "html_page"},
            {"path_contains": "/v2/deals", "times": 1, "kind": "empty_body"},
            {"path_contains": "/v2/users", "times": 2, "kind": "wrong_types"}
        ]}),
    )
    .await;
    let malformed = get_as(&emu, "ada", "/v2/leads").await;
    assert_eq!(
        (malformed.status, malformed.text()),
        (StatusCode::OK, "{\"items\": [".to_string())
    );
    assert!(serde_json::from_slice::<Value>(&malformed.bytes).is_err());
    let html = get_as(&emu, "ada", "/v2/contacts").await;
    assert_eq!(html.status, StatusCode::BAD_GATEWAY);
    assert!(html
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/html")));
    assert!(html.text().contains("<html>"));
    let empty = get_as(&emu, "ada", "/v2/deals").await;
    assert_eq!((empty.status, empty.bytes.len()), (StatusCode::OK, 0));
    let wrong = get_as(&emu, "ada", "/v2/users").await.json();
    assert_eq!(wrong["items"][0]["data"]["id"], "1001");
    assert!(wrong["items"][0]["data"]["name"].is_number());
    assert_eq!(wrong["items"][0]["meta"]["type"], "user");
    let wrong_single = get_as(&emu, "ada", "/v2/users/self").await.json();
    assert_eq!(wrong_single["data"]["id"], "1001");
}

#[tokio::test(start_paused = true)]
async fn a_timeout_fault_hangs_30_seconds_then_answers_504() {
    let emu = emulator();
    set_faults(
        &emu,
        json!({"rules": [{"path_contains": "/v2/leads", "times": 1, "kind": "timeout"}]}),
    )
    .await;
    let started = tokio::time::Instant::now();
    let reply = get_as(&emu, "ada", "/v2/leads").await;
    assert_eq!(reply.status, StatusCode::GATEWAY_TIMEOUT);
    assert!(started.elapsed() >= Duration::from_secs(30));
}

#[tokio::test(start_paused = true)]
async fn latency_delays_every_sell_request_but_not_control_calls() {
    let emu = emulator();
    set_faults(&emu, json!({"latency_ms": 1500, "rules": []})).await;
    let started = tokio::time::Instant::now();
    control(&emu, Method::GET, "/_emu/state", None).await;
    assert!(started.elapsed() < Duration::from_millis(1500));
    assert_eq!(
        get_as(&emu, "ada", "/v2/users/self").await.status,
        StatusCode::OK
    );
    assert!(started.elapsed() >= Duration::from_millis(1500));
    assert_eq!(
        control(&emu, Method::DELETE, "/_emu/faults", None)
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    let again = tokio::time::Instant::now();
    get_as(&emu, "ada", "/v2/users/self").await;
    assert!(again.elapsed() < Duration::from_millis(1500));
}

#[tokio::test]
async fn invalid_fault_configurations_are_refused() {
    let emu = emulator();
    assert_eq!(
        control(
            &emu,
            Method::POST,
            "/_emu/faults",
            Some(json!({"rules": [{"kind": "explode"}]}))
        )
        .await
        .status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        control(
            &emu,
            Method::POST,
            "/_emu/faults",
            Some(json!({"rules": [{"kind": "status", "status": 42}]}))
        )
        .await
        .status,
        StatusCode::BAD_REQUEST
    );
}

// ---------- log, reset, bulk data, persistence ----------

#[tokio::test]
async fn the_log_records_each_sell_request_with_its_user_and_status() {
    let emu = emulator();
    get_as(&emu, "nora", "/v2/leads?email=lea@lead-only.test").await;
    get_as(&emu, "ivan", "/v2/users/self").await;
    send(&emu, request(Method::GET, "/v2/users/self", None, None)).await;
    post_as(&emu, "ada", "/v2/leads", json!({"data": {}})).await;
    control(&emu, Method::GET, "/_emu/state", None).await;
    let log = control(&emu, Method::GET, "/_emu/log", None).await.json();
    assert_eq!(
        log,
        json!([
            {"seq": 1, "method": "GET", "path": "/v2/leads", "query": "email=lea@lead-only.test", "user_id": 3, "status": 200, "in_flight": 1},
            {"seq": 2, "method": "GET", "path": "/v2/users/self", "query": null, "user_id": 6, "status": 401, "in_flight": 1},
            {"seq": 3, "method": "GET", "path": "/v2/users/self", "query": null, "user_id": null, "status": 401, "in_flight": 1},
            {"seq": 4, "method": "POST", "path": "/v2/leads", "query": null, "user_id": 1, "status": 422, "in_flight": 1}
        ])
    );
    assert_eq!(
        control(&emu, Method::DELETE, "/_emu/log", None)
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        control(&emu, Method::GET, "/_emu/log", None).await.json(),
        json!([])
    );
}

// ---------- requests in flight ----------

/// `in_flight` of every logged request, in log order.
async fn logged_in_flight(emu: &Emulator) -> Vec<u64> {
    let log = control(emu, Method::GET, "/_emu/log", None).await.json();
    log.as_array()
        .map(|entries| {
            entries
                .iter()
                .filter_map(|e| e["in_flight"].as_u64())
                .collect()
        })
        .unwrap_or_default()
}

async fn in_flight_now_and_peak(emu: &Emulator) -> (Value, Value) {
    let counts = control(emu, Method::GET, "/_emu/in_flight", None)
        .await
        .json();
    (counts["now"].clone(), counts["peak"].clone())
}

/// Sends `paths` at once as Nora, each on its own task, and waits for all answers.
async fn concurrently(emu: &Emulator, paths: &[&str]) -> Vec<StatusCode> {
    let tasks: Vec<_> = paths
        .iter()
        .map(|path| {
            let (emu, path) = (emu.clone(), path.to_string());
            tokio::spawn(async move { get_as(&emu, "nora", &path).await.status })
        })
        .collect();
    let mut statuses = Vec::new();
    for task in tasks {
        statuses.push(task.await.expect("the request task finished"));
    }
    statuses
}

#[tokio::test(start_paused = true)]
async fn the_log_says_how_many_sell_requests_were_in_flight_when_each_arrived() {
    let emu = emulator();
    set_faults(&emu, json!({"latency_ms": 200, "rules": []})).await;
    let statuses = concurrently(&emu, &["/v2/users/self"; 6]).await;
    assert_eq!(statuses, vec![StatusCode::OK; 6]);
    let mut seen = logged_in_flight(&emu).await;
    seen.sort();
    assert_eq!(
        seen,
        vec![1, 2, 3, 4, 5, 6],
        "the latency counts as in flight"
    );
    assert_eq!(in_flight_now_and_peak(&emu).await, (json!(0), json!(6)));

    control(&emu, Method::DELETE, "/_emu/log", None).await;
    assert_eq!(
        in_flight_now_and_peak(&emu).await,
        (json!(0), json!(0)),
        "clearing the log starts a new peak"
    );
    for _ in 0..6 {
        get_as(&emu, "nora", "/v2/users/self").await;
    }
    assert_eq!(logged_in_flight(&emu).await, vec![1; 6]);
    assert_eq!(in_flight_now_and_peak(&emu).await, (json!(0), json!(1)));
}

#[tokio::test(start_paused = true)]
async fn every_way_a_request_ends_stops_counting_it() {
    let emu = emulator();
    set_faults(
        &emu,
        json!({"latency_ms": 100, "rules": [
            {"path_contains": "/v2/leads", "times": 1, "kind": "status", "status": 500},
            {"path_contains": "/v2/deals", "times": 1, "kind": "timeout"},
            {"path_contains": "/v2/contacts", "times": 1, "kind": "malformed_json"}
        ]}),
    )
    .await;
    let statuses = concurrently(
        &emu,
        &[
            "/v2/leads",
            "/v2/deals",
            "/v2/contacts",
            "/v2/nothing-here",
            "/v2/users/not-a-number",
        ],
    )
    .await;
    assert_eq!(
        statuses,
        vec![
            StatusCode::INTERNAL_SERVER_ERROR,
            StatusCode::GATEWAY_TIMEOUT,
            StatusCode::OK,
            StatusCode::NOT_FOUND,
            StatusCode::NOT_FOUND
        ]
    );
    // Refused by the gate itself: no token, then no User-Agent.
    send(&emu, request(Method::GET, "/v2/users/self", None, None)).await;
    let no_agent = Request::builder()
        .uri("/v2/users/self")
        .body(Body::empty())
        .expect("a valid request");
    assert_eq!(send(&emu, no_agent).await.status, StatusCode::BAD_REQUEST);
    // A client that gives up during the latency: the emulator stops counting its request too.
    let gave_up = tokio::time::timeout(
        Duration::from_millis(50),
        get_as(&emu, "nora", "/v2/users/self"),
    )
    .await;
    assert!(gave_up.is_err(), "the request was still waiting");
    assert_eq!(in_flight_now_and_peak(&emu).await.0, json!(0));

    control(&emu, Method::DELETE, "/_emu/log", None).await;
    get_as(&emu, "nora", "/v2/users/self").await;
    assert_eq!(logged_in_flight(&emu).await, vec![1]);
}

/// Over real sockets and threads, as the dev host's browser tests drive it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_in_flight_count_over_http_too() {
    let emu = emulator();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a free port");
    let base = format!("http://{}", listener.local_addr().expect("an address"));
    let server = tokio::spawn(std::future::IntoFuture::into_future(axum::serve(
        listener,
        emu.router(),
    )));
    let client = reqwest::Client::new();
    client
        .post(format!("{base}/_emu/faults"))
        // Long enough for six connections to open on a busy machine.
        .json(&json!({"latency_ms": 500, "rules": []}))
        .send()
        .await
        .expect("faults set");
    let nora = token(&emu, "nora");
    let get = |path: &str| {
        client
            .get(format!("{base}{path}"))
            .header(header::USER_AGENT, "sell-sidebar-tests/1.0")
            .bearer_auth(&nora)
            .send()
    };
    let answers = tokio::join!(
        get("/v2/users/self"),
        get("/v2/leads"),
        get("/v2/contacts"),
        get("/v2/deals"),
        get("/v2/stages"),
        get("/v2/lead_sources"),
    );
    for answer in [
        answers.0, answers.1, answers.2, answers.3, answers.4, answers.5,
    ] {
        assert_eq!(answer.expect("an answer").status(), reqwest::StatusCode::OK);
    }
    assert_eq!(logged_in_flight(&emu).await.into_iter().max(), Some(6));
    control(&emu, Method::DELETE, "/_emu/log", None).await;
    for path in ["/v2/users/self", "/v2/leads", "/v2/contacts"] {
        get(path).await.expect("an answer");
    }
    assert_eq!(logged_in_flight(&emu).await, vec![1, 1, 1]);
    server.abort();
}

#[tokio::test]
async fn reset_restores_the_seed() {
    let emu = emulator();
    let seeded = control(&emu, Method::GET, "/_emu/state", None).await.json();
    post_as(
        &emu,
        "ada",
        "/v2/leads",
        json!({"data": {"last_name": "Temp", "owner_id": 7}}),
    )
    .await;
    post_as(
        &emu,
        "ada",
        "/v2/lead_sources",
        json!({"data": {"name": "Temp source"}}),
    )
    .await;
    set_faults(
        &emu,
        json!({"rules": [{"path_contains": "/v2/nothing", "kind": "empty_body"}]}),
    )
    .await;
    assert_ne!(
        control(&emu, Method::GET, "/_emu/state", None).await.json(),
        seeded
    );
    assert_eq!(
        control(&emu, Method::POST, "/_emu/reset", None)
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        control(&emu, Method::GET, "/_emu/state", None).await.json(),
        seeded
    );
    assert_eq!(
        control(&emu, Method::GET, "/_emu/log", None).await.json(),
        json!([])
    );
    assert_eq!(
        control(&emu, Method::GET, "/_emu/faults", None)
            .await
            .json()["rules"],
        json!([])
    );
}

#[tokio::test]
async fn huge_adds_many_leads_with_one_email_and_a_megastring_lead() {
    let emu = emulator();
    let summary = control(
        &emu,
        Method::POST,
        "/_emu/huge",
        Some(json!({"leads": 250, "string_bytes": 100000})),
    )
    .await
    .json();
    assert_eq!(summary["added_leads"], 250);
    let page = get_as(
        &emu,
        "ada",
        "/v2/leads?email=huge@bulk.test&per_page=100&page=3",
    )
    .await
    .json();
    assert_eq!(page["meta"]["count"], 50);
    assert!(
        get_as(&emu, "nora", "/v2/leads?email=huge@bulk.test")
            .await
            .ids()
            .is_empty(),
        "owned by Ada"
    );
    let mega = get_as(&emu, "ada", "/v2/leads?email=megastring@bulk.test").await;
    assert_eq!(
        mega.column("description")[0].as_str().map(str::len),
        Some(100000)
    );
    assert_eq!(
        control(
            &emu,
            Method::POST,
            "/_emu/huge",
            Some(json!({"leads": 10_000_000}))
        )
        .await
        .status,
        StatusCode::BAD_REQUEST
    );
}

/// Follows `next_page` from `path` to the end; the ids of every page, and how many pages.
async fn walk_pages(emu: &Emulator, path: &str) -> (Vec<u64>, usize) {
    let (mut ids, mut pages, mut next) = (Vec::new(), 0, Some(path.to_string()));
    while let Some(path) = next.take() {
        let page = get_as(emu, "tom", &path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}: {}", page.text());
        ids.extend(page.ids());
        pages += 1;
        assert!(pages <= 20, "{path}: next_page never ends");
        next = page.json()["meta"]["links"]["next_page"]
            .as_str()
            .map(|link| link.replace("https://api.getbase.com", ""));
    }
    (ids, pages)
}

async fn huge(emu: &Emulator, body: Value) -> Value {
    let reply = control(emu, Method::POST, "/_emu/huge", Some(body)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    reply.json()
}

#[tokio::test]
async fn reference_lists_page_with_next_page_links_like_users() {
    let emu = emulator();
    let (users, pages) = walk_pages(&emu, "/v2/users?per_page=3").await;
    assert_eq!((users, pages), ((1..=8).collect(), 3));
    let (statuses, pages) = walk_pages(&emu, "/v2/lead_statuses?per_page=3").await;
    assert_eq!((statuses, pages), ((5001..=5004).collect(), 2));
    let (sources, pages) = walk_pages(&emu, "/v2/lead_sources?per_page=2").await;
    assert_eq!((sources, pages), (vec![4001, 4002, 4003], 2));
    let (stages, pages) = walk_pages(&emu, "/v2/stages?pipeline_id=1&per_page=4").await;
    assert_eq!((stages, pages), ((6001..=6006).collect(), 2));
    let second = get_as(&emu, "tom", "/v2/stages?pipeline_id=1&per_page=4&page=2")
        .await
        .json();
    assert_eq!(second["meta"]["count"], 2);
    assert!(second["meta"]["links"].get("next_page").is_none());
    assert_eq!(
        second["meta"]["links"]["prev_page"],
        "https://api.getbase.com/v2/stages?pipeline_id=1&page=1&per_page=4"
    );
}

#[tokio::test]
async fn bulk_lead_sources_go_past_the_100th_and_are_read_page_by_page() {
    let emu = emulator();
    let added = huge(&emu, json!({"lead_sources": 150})).await;
    assert_eq!(added["lead_sources"]["count"], 150);
    assert_eq!(
        added["lead_sources"]["last"],
        json!({"id": 4153, "name": "Bulk source 150"})
    );
    assert_eq!(
        added["lead_sources"]["ids"].as_array().map(Vec::len),
        Some(150)
    );
    let first = get_as(&emu, "tom", "/v2/lead_sources?per_page=100").await;
    assert_eq!(first.ids().len(), 100);
    assert_eq!(
        first.json()["meta"]["links"]["next_page"],
        "https://api.getbase.com/v2/lead_sources?page=2&per_page=100"
    );
    let second = get_as(&emu, "tom", "/v2/lead_sources?per_page=100&page=2").await;
    assert_eq!(second.ids().len(), 53);
    assert!(second.json()["meta"]["links"].get("next_page").is_none());
    assert!(second.column("name").contains(&json!("Bulk source 150")));
    let (all, pages) = walk_pages(&emu, "/v2/lead_sources?per_page=100").await;
    assert_eq!((all.len(), pages), (153, 2));
    // A source past the 100th is taken, as in Sell: creating it again is refused.
    let again = post_as(
        &emu,
        "ada",
        "/v2/lead_sources",
        json!({"data": {"name": "Bulk source 150"}}),
    )
    .await;
    assert_eq!(
        again.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        again.text()
    );
}

#[tokio::test]
async fn bulk_stages_end_on_a_won_stage_that_carries_carls_late_deal() {
    let emu = emulator();
    let added = huge(&emu, json!({"stages": 120, "won_deal_on_last_stage": true})).await;
    let last_stage = added["stages"]["last"]["id"].as_u64();
    assert_eq!(last_stage, Some(6126));
    assert_eq!(added["stages"]["last"]["name"], "Bulk stage 120");
    assert_eq!(added["stages"]["pipeline_id"], 1);
    let (stages, pages) = walk_pages(&emu, "/v2/stages?pipeline_id=1&per_page=100").await;
    assert_eq!((stages.len(), pages), (126, 2));
    assert_eq!(stages.last().copied(), last_stage, "sorted by position");
    let second = get_as(&emu, "tom", "/v2/stages?pipeline_id=1&per_page=100&page=2").await;
    assert_eq!(second.column("category").last(), Some(&json!("won")));
    assert_eq!(second.column("category")[0], "bulk_095");

    let deal = &added["won_deal"];
    assert_eq!(
        (
            deal["name"].clone(),
            deal["stage_id"].as_u64(),
            deal["owner_id"].clone(),
            deal["contact_id"].clone()
        ),
        (
            json!("Deal on a late stage"),
            last_stage,
            json!(3),
            json!(CARL)
        )
    );
    let deal_id = deal["id"].as_u64();
    for name in ["nora", "max", "ada"] {
        let carls = get_as(&emu, name, &format!("/v2/deals?contact_id={CARL}")).await;
        assert!(
            carls.ids().iter().any(|id| Some(*id) == deal_id),
            "{name} sees it"
        );
    }
    let carls = get_as(&emu, "nora", &format!("/v2/deals?contact_id={CARL}")).await;
    assert_eq!(carls.ids().len(), 4, "Carl's three deals and the late one");
    assert!(get_as(&emu, "tom", &format!("/v2/deals?contact_id={CARL}"))
        .await
        .ids()
        .is_empty());
}

#[tokio::test]
async fn shared_contacts_share_one_email_and_each_has_one_deal() {
    let emu = emulator();
    let added = huge(
        &emu,
        json!({"shared_contacts": {"email": "info@shared.test", "count": 100}}),
    )
    .await;
    let shared = &added["shared_contacts"];
    assert_eq!(
        (
            shared["email"].clone(),
            shared["count"].clone(),
            shared["owner_ids"].clone()
        ),
        (
            json!("info@shared.test"),
            json!(100),
            json!([1, 2, 3, 4, 5])
        )
    );
    let contact_ids: Vec<u64> = shared["contact_ids"]
        .as_array()
        .map(|ids| ids.iter().filter_map(Value::as_u64).collect())
        .unwrap_or_default();
    assert_eq!(
        contact_ids.first(),
        Some(&2113),
        "after the seed's last contact"
    );

    let page = get_as(
        &emu,
        "ada",
        "/v2/contacts?email=info@shared.test&per_page=100",
    )
    .await;
    let mut listed = page.ids();
    listed.sort();
    assert_eq!(listed, contact_ids);
    assert!(page.json()["meta"]["links"].get("next_page").is_none());
    assert_eq!(page.column("name")[0], "Shared Person 001");
    for id in &contact_ids {
        let deals = get_as(&emu, "ada", &format!("/v2/deals?contact_id={id}")).await;
        assert_eq!(deals.ids().len(), 1, "one deal for contact {id}");
    }
    let visible = |name: &'static str| {
        let emu = emu.clone();
        async move {
            get_as(
                &emu,
                name,
                "/v2/contacts?email=info@shared.test&per_page=100",
            )
            .await
            .ids()
            .len()
        }
    };
    assert_eq!(visible("nora").await, 20, "round robin over five people");
    assert_eq!(
        visible("max").await,
        40,
        "Max and Nora's; none is inactive Ivan's"
    );
    assert_eq!(visible("sofia").await, 40);
}

#[tokio::test]
async fn huge_refuses_too_much_or_nonsense_and_then_adds_nothing() {
    let emu = emulator();
    let seeded = control(&emu, Method::GET, "/_emu/state", None).await.json();
    for body in [
        json!({"shared_contacts": {"email": "info@shared.test", "count": 1001}}),
        json!({"shared_contacts": {"email": "info@shared.test", "count": 0}}),
        json!({"shared_contacts": {"email": "not an email", "count": 3}}),
        json!({"shared_contacts": {"count": 3}}),
        json!({"lead_sources": 1001}),
        json!({"stages": 1001}),
        json!({"won_deal_on_last_stage": true}),
        json!({"lead_sources": 5, "stages": 1001}),
        json!({"stage": 5}),
    ] {
        let reply = control(&emu, Method::POST, "/_emu/huge", Some(body.clone())).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{body}");
        assert!(
            reply.json()["error"].is_string(),
            "{body}: {}",
            reply.text()
        );
    }
    assert_eq!(
        control(&emu, Method::GET, "/_emu/state", None).await.json(),
        seeded
    );
    let most = huge(
        &emu,
        json!({"shared_contacts": {"email": "a@b.test", "count": 1000}, "lead_sources": 1000, "stages": 1000}),
    )
    .await;
    assert_eq!(
        (
            most["shared_contacts"]["count"].clone(),
            most["lead_sources"]["count"].clone(),
            most["stages"]["count"].clone(),
            most["won_deal"].clone()
        ),
        (json!(1000), json!(1000), json!(1000), Value::Null)
    );
}

#[tokio::test]
async fn a_persistent_emulator_keeps_its_writes_across_restarts() {
    let path = std::env::temp_dir().join(format!("sell-emulator-test-{}.json", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let first = Emulator::with_persistence(path.clone());
    post_as(
        &first,
        "ada",
        "/v2/leads",
        json!({"data": {"last_name": "Persisted", "owner_id": 7}}),
    )
    .await;
    let second = Emulator::with_persistence(path.clone());
    let found = get_as(&second, "ada", "/v2/leads?last_name=Persisted").await;
    assert_eq!(found.column("owner_id"), vec![json!(3)]);
    let next = post_as(
        &second,
        "ada",
        "/v2/leads",
        json!({"data": {"last_name": "Next", "owner_id": 7}}),
    )
    .await;
    assert_eq!(
        next.json()["data"]["owner_id"],
        5,
        "the pool's turn survived the restart"
    );
    let _ = std::fs::remove_file(&path);
}
