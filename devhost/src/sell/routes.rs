//! The Sell API v2 endpoints. Each handler picks the records the caller may see, then leaves
//! filters, sorting and pages to [`listing`](super::listing).

use super::envelope;
use super::error::ApiError;
use super::gate::{self, Caller};
use super::lead_create::create_lead;
use super::lead_source_create::create_lead_source;
use super::listing::{self, Filter, Params};
use super::records::{Owned, UserId};
use super::request_body::data_object;
use super::store::Store;
use super::visibility::visible_owners;
use super::{timestamp, Emulator};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::routing::get;
use axum::{middleware, Extension, Json, Router};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeSet;

type Reply = Result<Json<Value>, ApiError>;

const USER_FILTERS: &[Filter] = &[
    Filter::Ids,
    Filter::Email("email"),
    Filter::Text("name"),
    Filter::Text("role"),
    Filter::Text("status"),
    Filter::Bool("confirmed"),
];
const ADDRESS: [Filter; 4] = [
    Filter::Address("city"),
    Filter::Address("postal_code"),
    Filter::Address("state"),
    Filter::Address("country"),
];
const LEAD_FILTERS: &[Filter] = &[
    Filter::Ids,
    Filter::Id("creator_id"),
    Filter::Id("owner_id"),
    Filter::Id("source_id"),
    Filter::Email("email"),
    Filter::Text("first_name"),
    Filter::Text("last_name"),
    Filter::Text("organization_name"),
    Filter::Text("status"),
    ADDRESS[0],
    ADDRESS[1],
    ADDRESS[2],
    ADDRESS[3],
];
const CONTACT_FILTERS: &[Filter] = &[
    Filter::Ids,
    Filter::Id("creator_id"),
    Filter::Id("owner_id"),
    Filter::Id("contact_id"),
    Filter::Email("email"),
    Filter::Text("name"),
    Filter::Text("first_name"),
    Filter::Text("last_name"),
    Filter::Bool("is_organization"),
    ADDRESS[0],
    ADDRESS[1],
    ADDRESS[2],
    ADDRESS[3],
];
const DEAL_FILTERS: &[Filter] = &[
    Filter::Ids,
    Filter::Id("contact_id"),
    Filter::Id("organization_id"),
    Filter::Id("owner_id"),
    Filter::Id("creator_id"),
    Filter::Id("source_id"),
    Filter::Id("stage_id"),
    Filter::Bool("hot"),
    Filter::Text("estimated_close_date"),
];
const NAMED_FILTERS: &[Filter] = &[Filter::Ids, Filter::Text("name")];
const STAGE_FILTERS: &[Filter] = &[Filter::Ids, Filter::Id("pipeline_id")];

pub fn router(emu: Emulator) -> Router {
    Router::new()
        .route("/users", get(list_users))
        .route("/users/self", get(current_user))
        .route("/users/{id}", get(get_user))
        .route("/leads", get(list_leads).post(post_lead))
        .route("/leads/{id}", get(get_lead))
        .route("/lead_statuses", get(list_lead_statuses))
        .route(
            "/lead_sources",
            get(list_lead_sources).post(post_lead_source),
        )
        .route("/contacts", get(list_contacts))
        .route("/contacts/{id}", get(get_contact))
        .route("/deals", get(list_deals))
        .route("/deals/{id}", get(get_deal))
        .route("/stages", get(list_stages))
        .route("/pipelines", get(list_pipelines))
        .route("/accounts/self", get(current_account))
        .fallback(unknown_endpoint)
        .layer(middleware::from_fn_with_state(emu.clone(), gate::gate))
        .with_state(emu)
}

fn wire<'a, T: Serialize + 'a>(records: impl Iterator<Item = &'a T>) -> Vec<Value> {
    records
        .filter_map(|r| serde_json::to_value(r).ok())
        .collect()
}

fn one<T: Serialize>(kind: &str, record: &T) -> Json<Value> {
    Json(envelope::single(
        kind,
        serde_json::to_value(record).unwrap_or(Value::Null),
    ))
}

/// Ids in paths that aren't numbers name nothing.
fn path_id(raw: &str, resource: &str) -> Result<u64, ApiError> {
    raw.parse().map_err(|_| ApiError::not_found(resource))
}

fn owners(store: &Store, caller: UserId) -> BTreeSet<UserId> {
    visible_owners(caller, &store.users)
}

/// The records of one owned resource the caller may see; filters, sorting and pages as asked.
fn list_owned<T: Owned>(
    emu: &Emulator,
    caller: UserId,
    params: &Params,
    records: fn(&Store) -> &Vec<T>,
    filters: &[Filter],
    default_sort: &str,
) -> Reply {
    let records = emu.with(|s| {
        let owners = owners(&s.store, caller);
        wire(
            records(&s.store)
                .iter()
                .filter(|r| owners.contains(&r.owner())),
        )
    });
    listing::list(T::KIND, records, params, filters, default_sort).map(Json)
}

/// One owned record by the id in the path; one the caller may not see is "not found", as in Sell.
fn get_owned<T: Owned>(
    emu: &Emulator,
    caller: UserId,
    raw_id: &str,
    records: fn(&Store) -> &Vec<T>,
) -> Reply {
    let id = path_id(raw_id, T::KIND)?;
    emu.with(|s| {
        let owners = owners(&s.store, caller);
        records(&s.store)
            .iter()
            .find(|r| r.id() == id && owners.contains(&r.owner()))
            .map(|r| one(T::KIND, r))
    })
    .ok_or_else(|| ApiError::not_found(T::KIND))
}

async fn unknown_endpoint(params: Params) -> ApiError {
    ApiError::unknown_endpoint(&params.path)
}

async fn list_users(State(emu): State<Emulator>, params: Params) -> Reply {
    let records = emu.with(|s| wire(s.store.users.iter()));
    listing::list("user", records, &params, USER_FILTERS, "id").map(Json)
}

async fn current_user(
    State(emu): State<Emulator>,
    Extension(Caller(caller)): Extension<Caller>,
) -> Reply {
    emu.with(|s| s.store.user(caller).map(|u| one("user", u)))
        .ok_or_else(|| ApiError::not_found("user"))
}

async fn get_user(State(emu): State<Emulator>, Path(id): Path<String>) -> Reply {
    let id = UserId(path_id(&id, "user")?);
    emu.with(|s| s.store.user(id).map(|u| one("user", u)))
        .ok_or_else(|| ApiError::not_found("user"))
}

async fn list_leads(
    State(emu): State<Emulator>,
    Extension(Caller(caller)): Extension<Caller>,
    params: Params,
) -> Reply {
    list_owned(
        &emu,
        caller,
        &params,
        |s| &s.leads,
        LEAD_FILTERS,
        "updated_at",
    )
}

async fn get_lead(
    State(emu): State<Emulator>,
    Extension(Caller(caller)): Extension<Caller>,
    Path(id): Path<String>,
) -> Reply {
    get_owned(&emu, caller, &id, |s| &s.leads)
}

async fn post_lead(
    State(emu): State<Emulator>,
    Extension(Caller(caller)): Extension<Caller>,
    headers: HeaderMap,
    body: Bytes,
) -> Reply {
    let data = data_object(&headers, &body)?;
    let lead = emu.write_ok(|store| create_lead(&data, store, caller, timestamp::now()))?;
    Ok(one("lead", &lead))
}

async fn list_lead_statuses(State(emu): State<Emulator>, params: Params) -> Reply {
    let records = emu.with(|s| wire(s.store.lead_statuses.iter()));
    listing::list("lead_status", records, &params, NAMED_FILTERS, "id").map(Json)
}

async fn list_lead_sources(State(emu): State<Emulator>, params: Params) -> Reply {
    let records = emu.with(|s| wire(s.store.lead_sources.iter()));
    listing::list("lead_source", records, &params, NAMED_FILTERS, "id").map(Json)
}

async fn post_lead_source(
    State(emu): State<Emulator>,
    Extension(Caller(caller)): Extension<Caller>,
    headers: HeaderMap,
    body: Bytes,
) -> Reply {
    let data = data_object(&headers, &body)?;
    let source =
        emu.write_ok(|store| create_lead_source(&data, store, caller, timestamp::now()))?;
    Ok(one("lead_source", &source))
}

async fn list_contacts(
    State(emu): State<Emulator>,
    Extension(Caller(caller)): Extension<Caller>,
    params: Params,
) -> Reply {
    list_owned(
        &emu,
        caller,
        &params,
        |s| &s.contacts,
        CONTACT_FILTERS,
        "last_name",
    )
}

async fn get_contact(
    State(emu): State<Emulator>,
    Extension(Caller(caller)): Extension<Caller>,
    Path(id): Path<String>,
) -> Reply {
    get_owned(&emu, caller, &id, |s| &s.contacts)
}

async fn list_deals(
    State(emu): State<Emulator>,
    Extension(Caller(caller)): Extension<Caller>,
    params: Params,
) -> Reply {
    list_owned(&emu, caller, &params, |s| &s.deals, DEAL_FILTERS, "id")
}

async fn get_deal(
    State(emu): State<Emulator>,
    Extension(Caller(caller)): Extension<Caller>,
    Path(id): Path<String>,
) -> Reply {
    get_owned(&emu, caller, &id, |s| &s.deals)
}

async fn list_stages(State(emu): State<Emulator>, params: Params) -> Reply {
    let records = emu.with(|s| wire(s.store.stages.iter()));
    listing::list("stage", records, &params, STAGE_FILTERS, "position").map(Json)
}

async fn list_pipelines(State(emu): State<Emulator>, params: Params) -> Reply {
    let records = emu.with(|s| wire(s.store.pipelines.iter()));
    listing::list("pipeline", records, &params, &[Filter::Ids], "id").map(Json)
}

async fn current_account(State(emu): State<Emulator>) -> Json<Value> {
    emu.with(|s| one("account", &s.store.account))
}
