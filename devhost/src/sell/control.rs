//! The emulator's control API under `/_emu/` (docs/CONTRACTS.md): not Sell, not rate limited,
//! not logged. Errors are plain `{"error": "..."}`.

use super::faults::FaultConfig;
use super::huge::{self, HugeRequest};
use super::Emulator;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

pub fn router(emu: Emulator) -> Router {
    Router::new()
        .route("/_emu/state", get(state))
        .route("/_emu/reset", post(reset))
        .route("/_emu/log", get(log).delete(clear_log))
        .route("/_emu/in_flight", get(in_flight))
        .route(
            "/_emu/faults",
            get(faults).post(set_faults).delete(clear_faults),
        )
        .route("/_emu/huge", post(add_huge))
        .with_state(emu)
}

fn bad_request(message: impl Into<String>) -> Response {
    (
        StatusCode::BAD_REQUEST,
        Json(json!({"error": message.into()})),
    )
        .into_response()
}

fn parse<T: DeserializeOwned>(body: &[u8]) -> Result<T, Box<Response>> {
    serde_json::from_slice(body)
        .map_err(|e| Box::new(bad_request(format!("could not read the JSON body: {e}"))))
}

/// Sell's data with each user's token beside it, and the pools with their members and next index.
async fn state(State(emu): State<Emulator>) -> Json<Value> {
    emu.with(|s| {
        let mut state = serde_json::to_value(&s.store).unwrap_or(Value::Null);
        if let Some(users) = state.get_mut("users").and_then(Value::as_array_mut) {
            for user in users.iter_mut() {
                let id = user.get("id").and_then(Value::as_u64);
                let token = id.and_then(|id| s.store.token_of(super::records::UserId(id)));
                if let Some(obj) = user.as_object_mut() {
                    obj.insert("token".into(), json!(token));
                }
            }
        }
        if let Some(obj) = state.as_object_mut() {
            obj.remove("tokens");
            // `sources` is the contract's name; `lead_sources` stays for Sell's naming.
            obj.insert("sources".into(), json!(s.store.lead_sources));
        }
        Json(state)
    })
}

async fn reset(State(emu): State<Emulator>) -> StatusCode {
    emu.reset();
    StatusCode::NO_CONTENT
}

async fn log(State(emu): State<Emulator>) -> Json<Value> {
    Json(json!(emu.with(|s| s.log.entries())))
}

async fn clear_log(State(emu): State<Emulator>) -> StatusCode {
    emu.with(|s| s.log.clear());
    emu.in_flight.reset_peak();
    StatusCode::NO_CONTENT
}

/// Sell requests being handled now, and the most at once since the log was last cleared.
async fn in_flight(State(emu): State<Emulator>) -> Json<Value> {
    Json(json!({"now": emu.in_flight.now(), "peak": emu.in_flight.peak()}))
}

async fn faults(State(emu): State<Emulator>) -> Json<Value> {
    Json(json!(emu.with(|s| s.faults.clone())))
}

async fn set_faults(State(emu): State<Emulator>, body: Bytes) -> Response {
    let config: FaultConfig = match parse(&body) {
        Ok(config) => config,
        Err(response) => return *response,
    };
    if let Err(message) = config.validate() {
        return bad_request(message);
    }
    emu.with(|s| s.faults = config.clone());
    Json(json!(config)).into_response()
}

async fn clear_faults(State(emu): State<Emulator>) -> StatusCode {
    emu.with(|s| s.faults = FaultConfig::default());
    StatusCode::NO_CONTENT
}

async fn add_huge(State(emu): State<Emulator>, body: Bytes) -> Response {
    let request: HugeRequest = match parse(&body) {
        Ok(request) => request,
        Err(response) => return *response,
    };
    if let Err(message) = request.validate() {
        return bad_request(message);
    }
    match emu.write_ok(|store| huge::add(store, &request)) {
        Ok(added) => Json(added).into_response(),
        Err(message) => bad_request(message),
    }
}
