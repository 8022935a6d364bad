//! The one door every Sell request goes through: injected latency and faults, the `User-Agent` and
//! token checks, the rate limit, then the handler; afterwards the Sell error body (with `logref`),
//! the `X-Request-Id` header and the log entry. The request counts as in flight throughout.

use super::error::{ApiError, PendingError};
use super::faults;
use super::records::UserId;
use super::request_log::LogEntry;
use super::Emulator;
use axum::body::Body;
use axum::extract::{OriginalUri, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::time::Duration;

/// The Sell user a request was admitted for.
#[derive(Debug, Clone, Copy)]
pub struct Caller(pub UserId);

/// A token's owner as the gate needs it: who, and whether still active.
type TokenOwner = Option<(UserId, bool)>;

pub async fn gate(State(emu): State<Emulator>, mut request: Request, next: Next) -> Response {
    // Held to the end of this function, whichever way it ends (a dropped connection included).
    let in_flight = emu.in_flight.enter();
    let uri = request
        .extensions()
        .get::<OriginalUri>()
        .map(|o| o.0.clone())
        .unwrap_or_else(|| request.uri().clone());
    let method = request.method().clone();
    let path = uri.path().to_string();
    let token = bearer_token(request.headers());
    let (seq, latency_ms, fault, owner) = emu.with(|s| {
        s.next_seq += 1;
        let fault = s.faults.take(&method, &path);
        let owner: TokenOwner = token
            .as_deref()
            .and_then(|t| s.store.user_by_token(t))
            .map(|u| (u.id, u.is_active()));
        (s.next_seq, s.faults.latency_ms, fault, owner)
    });
    if latency_ms > 0 {
        tokio::time::sleep(Duration::from_millis(latency_ms)).await;
    }
    let response = match fault {
        Some(rule) => faults::respond(&rule, &path).await,
        None => match admit(&emu, request.headers(), token.as_deref(), owner) {
            Err(error) => error.into_response(),
            Ok(caller) => {
                request.extensions_mut().insert(Caller(caller));
                next.run(request).await
            }
        },
    };
    let response = finish(response, &request_id(seq));
    emu.with(|s| {
        s.log.push(LogEntry {
            seq,
            method: method.to_string(),
            path,
            query: uri.query().map(str::to_string),
            user_id: owner.map(|(id, _)| id.0),
            status: response.status().as_u16(),
            in_flight: in_flight.at_arrival,
        })
    });
    response
}

fn bearer_token(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?.trim();
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then(|| token.to_string())
}

fn admit(
    emu: &Emulator,
    headers: &HeaderMap,
    token: Option<&str>,
    owner: TokenOwner,
) -> Result<UserId, ApiError> {
    let user_agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if user_agent.trim().is_empty() {
        return Err(ApiError::request(
            StatusCode::BAD_REQUEST,
            "invalid_user_agent",
            "invalid user agent",
            "Send a User-Agent header that names your client.",
        ));
    }
    let Some(token) = token else {
        return Err(ApiError::unauthorized(
            "Send the access token as `Authorization: Bearer <token>`.",
        ));
    };
    let (id, active) = owner.ok_or_else(|| {
        ApiError::unauthorized("The access token is unknown or has been revoked.")
    })?;
    if !active {
        return Err(ApiError::unauthorized(
            "The access token belongs to a deactivated user.",
        ));
    }
    if !emu.with(|s| s.limiter.admit(token, tokio::time::Instant::now())) {
        return Err(ApiError::rate_limited());
    }
    Ok(id)
}

/// Sell's request ids look like UUIDs; ours are derived from the sequence number.
fn request_id(seq: u64) -> String {
    format!("e5e11000-0000-4000-8000-{seq:012x}")
}

fn finish(response: Response, request_id: &str) -> Response {
    let pending = response
        .extensions()
        .get::<PendingError>()
        .map(|p| p.0.clone())
        .or_else(|| {
            (response.status() == StatusCode::METHOD_NOT_ALLOWED).then(|| {
                ApiError::request(
                    StatusCode::METHOD_NOT_ALLOWED,
                    "method_not_allowed",
                    "Method Not Allowed",
                    "This endpoint does not support that method.",
                )
            })
        });
    let mut response = match pending {
        Some(error) => {
            let (mut parts, _) = response.into_parts();
            parts.headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json; charset=utf-8"),
            );
            parts.headers.remove(header::CONTENT_LENGTH);
            Response::from_parts(parts, Body::from(error.body(request_id).to_string()))
        }
        None => response,
    };
    if let Ok(value) = HeaderValue::from_str(request_id) {
        response.headers_mut().insert("x-request-id", value);
    }
    response
}
