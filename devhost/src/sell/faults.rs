//! Injected faults (`/_emu/faults`): latency on every Sell request, and rules that replace the
//! answer of matching requests with what a broken network or server would send.

use super::error::ApiError;
use axum::body::Body;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::time::Duration;

/// How long a `timeout` fault keeps the request hanging before the gateway gives up.
pub const TIMEOUT_AFTER: Duration = Duration::from_secs(30);

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FaultConfig {
    #[serde(default)]
    pub latency_ms: u64,
    #[serde(default)]
    pub rules: Vec<FaultRule>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FaultKind {
    /// The given HTTP status with a Sell error body.
    Status,
    /// Hangs for 30 s, then 504 with a gateway's HTML page.
    Timeout,
    /// 200 with a JSON body cut short: `{"items": [`.
    MalformedJson,
    /// 502 with an HTML error page, as a proxy in front of Sell would send.
    HtmlPage,
    /// 200 with an empty body.
    EmptyBody,
    /// 200 with a well-formed envelope whose fields have the wrong JSON types.
    WrongTypes,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FaultRule {
    /// Matches when the request path contains this text (empty: every path).
    #[serde(default)]
    pub path_contains: String,
    /// Matches this method only; null or absent: any method.
    #[serde(default)]
    pub method: Option<String>,
    /// How many more requests this rule answers; null or absent: until the faults are cleared.
    #[serde(default)]
    pub times: Option<u32>,
    pub kind: FaultKind,
    /// For `status`: the status to answer with (default 500).
    #[serde(default)]
    pub status: Option<u16>,
    /// Seconds to send as `Retry-After` (Sell itself documents no such header).
    #[serde(default)]
    pub retry_after: Option<u64>,
}

impl FaultRule {
    fn matches(&self, method: &Method, path: &str) -> bool {
        path.contains(&self.path_contains)
            && self
                .method
                .as_deref()
                .is_none_or(|m| m.eq_ignore_ascii_case(method.as_str()))
    }
}

impl FaultConfig {
    /// The first rule that matches, using up one of its `times`; exhausted rules are removed.
    pub fn take(&mut self, method: &Method, path: &str) -> Option<FaultRule> {
        let index = self.rules.iter().position(|r| r.matches(method, path))?;
        let rule = self.rules.get_mut(index)?;
        let fired = rule.clone();
        if let Some(times) = rule.times.as_mut() {
            *times = times.saturating_sub(1);
            if *times == 0 {
                self.rules.remove(index);
            }
        }
        Some(fired)
    }

    pub fn validate(&self) -> Result<(), String> {
        for rule in &self.rules {
            if let Some(status) = rule.status {
                if StatusCode::from_u16(status).is_err() || status < 100 {
                    return Err(format!("status {status} is not an HTTP status"));
                }
            }
            if rule.times == Some(0) {
                return Err("times must be at least 1 (or null for always)".into());
            }
        }
        Ok(())
    }
}

/// The answer to a request caught by `rule`. Status faults leave their Sell error body to the gate.
pub async fn respond(rule: &FaultRule, path: &str) -> Response {
    let mut response = match rule.kind {
        FaultKind::Status => {
            let status = rule
                .status
                .and_then(|s| StatusCode::from_u16(s).ok())
                .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            ApiError::for_status(status).into_response()
        }
        FaultKind::Timeout => {
            tokio::time::sleep(TIMEOUT_AFTER).await;
            html(StatusCode::GATEWAY_TIMEOUT, "504 Gateway Time-out")
        }
        FaultKind::MalformedJson => json_text(StatusCode::OK, r#"{"items": ["#.to_string()),
        FaultKind::HtmlPage => html(StatusCode::BAD_GATEWAY, "502 Bad Gateway"),
        FaultKind::EmptyBody => json_text(StatusCode::OK, String::new()),
        FaultKind::WrongTypes => json_text(StatusCode::OK, wrong_types_body(path).to_string()),
    };
    if let Some(seconds) = rule.retry_after {
        if let Ok(value) = HeaderValue::from_str(&seconds.to_string()) {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
    }
    response
}

fn json_text(status: StatusCode, body: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        Body::from(body),
    )
        .into_response()
}

fn html(status: StatusCode, title: &str) -> Response {
    let page = format!(
        "<!DOCTYPE html>\n<html><head><title>{title}</title></head>\n<body><center><h1>{title}</h1></center><hr><center>nginx</center></body></html>\n"
    );
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        Body::from(page),
    )
        .into_response()
}

/// The Sell resource type a path names: `/v2/lead_statuses` -> `lead_status`.
pub fn resource_kind(path: &str) -> String {
    let segment = path
        .trim_start_matches("/v2/")
        .split('/')
        .next()
        .unwrap_or_default();
    match segment.strip_suffix("ses") {
        Some(stem) => format!("{stem}s"),
        None => segment.strip_suffix('s').unwrap_or(segment).to_string(),
    }
}

/// A body with the right envelope but ids as strings, names as numbers, lists as strings and so on.
fn wrong_types_body(path: &str) -> serde_json::Value {
    let kind = resource_kind(path);
    let data = json!({
        "id": "1001", "name": 42, "first_name": 42, "last_name": ["Lead"], "organization_name": {"name": "Org"},
        "email": 7, "status": 3, "owner_id": "three", "source_id": "web", "contact_id": "x", "stage_id": true,
        "value": "a lot", "currency": 978, "is_organization": "no", "reports_to": "Ada", "system_tags": "pool",
        "tags": "vip", "custom_fields": [1, 2], "address": "Main Street 1", "created_at": 1_709_283_600,
        "category": 5, "pipeline_id": "1", "position": "first"
    });
    let single = path
        .rsplit('/')
        .next()
        .is_some_and(|last| last == "self" || last.parse::<u64>().is_ok());
    if single {
        json!({"data": data, "meta": {"type": kind}})
    } else {
        json!({"items": [{"data": data, "meta": {"type": kind}}], "meta": {"type": "collection", "count": "1", "links": []}})
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(path: &str, method: Option<&str>, times: Option<u32>) -> FaultRule {
        FaultRule {
            path_contains: path.into(),
            method: method.map(Into::into),
            times,
            kind: FaultKind::EmptyBody,
            status: None,
            retry_after: None,
        }
    }

    #[test]
    fn a_rule_fires_its_number_of_times_on_matching_requests_only() {
        let mut config = FaultConfig {
            latency_ms: 0,
            rules: vec![rule("/v2/leads", Some("get"), Some(2))],
        };
        assert!(config.take(&Method::POST, "/v2/leads").is_none());
        assert!(config.take(&Method::GET, "/v2/contacts").is_none());
        assert!(config.take(&Method::GET, "/v2/leads/1001").is_some());
        assert!(config.take(&Method::GET, "/v2/leads").is_some());
        assert!(config.take(&Method::GET, "/v2/leads").is_none());
    }

    #[test]
    fn a_rule_without_times_fires_until_cleared() {
        let mut config = FaultConfig {
            latency_ms: 0,
            rules: vec![rule("", None, None)],
        };
        assert!((0..5).all(|_| config.take(&Method::GET, "/v2/users").is_some()));
    }

    #[test]
    fn resource_kinds_are_singular() {
        assert_eq!(resource_kind("/v2/leads"), "lead");
        assert_eq!(resource_kind("/v2/lead_statuses"), "lead_status");
        assert_eq!(resource_kind("/v2/users/self"), "user");
        assert_eq!(resource_kind("/v2/accounts/self"), "account");
    }
}
