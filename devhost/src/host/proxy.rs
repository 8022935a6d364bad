//! The ZAF request proxy: what Zendesk's servers do with `client.request(...)`. Secure settings are
//! filled here, on the server, so the browser never holds a token; only the Sell API host is allowed,
//! and it is answered in-process by the emulator router.

use std::collections::BTreeMap;
use std::time::Instant;

use axum::body::Body;
use axum::http::{header, HeaderName, HeaderValue, Method, Request};
use axum::Router;
use serde_json::Value;
use tower::ServiceExt;

use super::destination::{destination_of, Destination, SELL_HOST};
use super::reply::{proxy_failure, settle, timed_out, ProxiedResponse, Settled};
use super::request_log::LogEntry;
use super::request_options::{
    parse_options, Credential, RequestOptions, INSTALLATION_TOKEN_SETTING,
};

pub const PROXY_USER_AGENT: &str = "Zendesk-Apps-Proxy (devhost)";
/// The emulator's bulk data (`/_emu/huge`) makes large pages; this only guards against runaway bodies.
const MAX_BODY_BYTES: usize = 512 * 1024 * 1024;

/// The secure setting values of the installation. Zendesk fills them once per installation, so every
/// agent's requests carry the same values; there is no per-agent credential.
pub struct Secrets {
    /// `sell_api_token`.
    pub installation_token: String,
}

impl Secrets {
    /// The value of secure setting `name`; `None` for any other name, which then stays as written.
    pub fn value_of(&self, name: &str) -> Option<String> {
        (name == INSTALLATION_TOKEN_SETTING).then(|| self.installation_token.clone())
    }
}

/// What came of one request: the reply for the app, the HTTP status if one came back, and why the
/// proxy answered by itself if it did.
struct Attempt {
    settled: Settled,
    status: Option<u16>,
    note: Option<String>,
}

impl Attempt {
    fn by_proxy(status: u16, status_text: &str, text: String) -> Attempt {
        Attempt {
            settled: proxy_failure(status, status_text, &text),
            status: Some(status),
            note: Some(text),
        }
    }
}

/// Runs one request of the app and returns what to hand back to it, and the log line (its `seq` is
/// assigned by the log).
pub async fn forward(options: &Value, secrets: &Secrets, sell: &Router) -> (Settled, LogEntry) {
    let started = Instant::now();
    let parsed = match parse_options(options) {
        Ok(parsed) => parsed,
        Err(why) => {
            let attempt = Attempt::by_proxy(400, "Bad Request", format!("devhost proxy: {why}"));
            let log = log_entry("?", "?", Credential::None, &attempt, started);
            return (attempt.settled, log);
        }
    };
    // Logged as the app wrote it: the filled URL may hold a token.
    let logged_path = match destination_of(&parsed.url) {
        Destination::Sell { path_and_query } => path_and_query,
        _ => parsed.url.clone(),
    };
    let credential = parsed.credential();
    let filled = parsed.with_settings_filled(&|name| secrets.value_of(name));
    let attempt = match destination_of(&filled.url) {
        Destination::Refused { host } => Attempt::by_proxy(
            403,
            "Forbidden",
            format!(
                "Domain not allowed: {host} is not in this app's domainWhitelist ({SELL_HOST})"
            ),
        ),
        Destination::NotEmulated { url } => Attempt::by_proxy(
            404,
            "Not Found",
            format!(
                "devhost proxy: {url} is not emulated; only https://{SELL_HOST}/v2/... is served"
            ),
        ),
        Destination::Sell { path_and_query } => send_to_sell(&filled, &path_and_query, sell).await,
    };
    let log = log_entry(&parsed.method, &logged_path, credential, &attempt, started);
    (attempt.settled, log)
}

async fn send_to_sell(options: &RequestOptions, path_and_query: &str, sell: &Router) -> Attempt {
    let request = match sell_request(options, path_and_query) {
        Ok(request) => request,
        Err(why) => return Attempt::by_proxy(400, "Bad Request", format!("devhost proxy: {why}")),
    };
    let exchange = async {
        let response = match sell.clone().oneshot(request).await {
            Ok(response) => response,
            Err(never) => match never {},
        };
        let (parts, body) = response.into_parts();
        let bytes = axum::body::to_bytes(body, MAX_BODY_BYTES)
            .await
            .map_err(|e| e.to_string())?;
        Ok::<_, String>((parts, bytes))
    };
    match tokio::time::timeout(options.timeout, exchange).await {
        Err(_elapsed) => Attempt {
            settled: timed_out(),
            status: None,
            note: Some(format!(
                "no answer within {} ms",
                options.timeout.as_millis()
            )),
        },
        Ok(Err(why)) => Attempt::by_proxy(502, "Bad Gateway", why),
        Ok(Ok((parts, bytes))) => {
            let mut headers = BTreeMap::<String, String>::new();
            for (name, value) in &parts.headers {
                let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
                headers
                    .entry(name.as_str().to_owned())
                    .and_modify(|joined| {
                        joined.push_str(", ");
                        joined.push_str(&value);
                    })
                    .or_insert(value);
            }
            let response = ProxiedResponse {
                status: parts.status.as_u16(),
                status_text: parts.status.canonical_reason().unwrap_or("").to_owned(),
                headers,
                body: String::from_utf8_lossy(&bytes).into_owned(),
            };
            Attempt {
                settled: settle(&response, options.http_complete_response),
                status: Some(response.status),
                note: None,
            }
        }
    }
}

fn sell_request(options: &RequestOptions, path_and_query: &str) -> Result<Request<Body>, String> {
    let method = Method::from_bytes(options.method.as_bytes())
        .map_err(|_| format!("bad method {:?}", options.method))?;
    let (query, body) = options.encoded_data();
    let uri = match query {
        Some(query) if path_and_query.contains('?') => format!("{path_and_query}&{query}"),
        Some(query) => format!("{path_and_query}?{query}"),
        None => path_and_query.to_owned(),
    };
    let accept = match options.data_type.as_deref() {
        Some("json") => "application/json, text/javascript, */*; q=0.01",
        _ => "*/*",
    };
    let mut builder = Request::builder()
        .method(method)
        .uri(&uri)
        .header(header::HOST, SELL_HOST)
        .header(header::ACCEPT, accept);
    for (name, value) in &options.headers {
        let name = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| format!("bad header name {name:?}"))?;
        let value =
            HeaderValue::from_str(value).map_err(|_| format!("bad value for header {name}"))?;
        builder = builder.header(name, value);
    }
    // The proxy speaks for the app: its own User-Agent replaces the browser's.
    builder = builder.header(header::USER_AGENT, PROXY_USER_AGENT);
    let body = match body {
        Some((content_type, text)) => {
            builder = builder.header(header::CONTENT_TYPE, content_type);
            Body::from(text)
        }
        None => Body::empty(),
    };
    let mut request = builder.body(body).map_err(|e| e.to_string())?;
    request.headers_mut().remove(header::COOKIE);
    Ok(request)
}

fn log_entry(
    method: &str,
    path: &str,
    credential: Credential,
    attempt: &Attempt,
    started: Instant,
) -> LogEntry {
    LogEntry {
        seq: 0,
        method: method.to_owned(),
        path: path.to_owned(),
        credential,
        status: attempt.status,
        outcome: attempt.settled.outcome,
        ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
        note: attempt.note.clone(),
    }
}
