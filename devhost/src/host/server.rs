//! The dev host's HTTP server: the agent page, the host API (`/_host/*`), the app build (`/app/`) and
//! the Sell emulator (`/v2/*`, `/_emu/*`) on one port.

use std::net::SocketAddr;
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};

use axum::body::Bytes;
use axum::extract::State;
use axum::handler::HandlerWithoutStateExt;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use tower_http::services::ServeDir;

use super::config::{ConfigError, ConfigPatch, HostConfig};
use super::options::HostOptions;
use super::origins::AppUrl;
use super::page::{render_page, HOST_CSS, HOST_JS};
use super::proxy::{forward, Secrets};
use super::request_log::RequestLog;
use super::zaf_payload::{catalog_json, payload_for};
use crate::sell::Emulator;

/// What the handlers share. Cheap to clone.
#[derive(Clone)]
pub struct HostState {
    config: Arc<Mutex<HostConfig>>,
    /// `sell_api_token` set by `POST /_host/secure`; `None`: the emulator's token of Ada, the top-most
    /// manager (an installation token that sees every record).
    installation_token: Arc<Mutex<Option<String>>>,
    emulator: Emulator,
    sell: Router,
    requests: Arc<RequestLog>,
    /// `--app-url`: the page frames this instead of `/app/`.
    app_url: Option<AppUrl>,
}

impl HostState {
    pub fn new(emulator: Emulator) -> Self {
        HostState {
            config: Arc::default(),
            installation_token: Arc::default(),
            sell: emulator.router(),
            emulator,
            requests: Arc::default(),
            app_url: None,
        }
    }

    /// The page frames `app_url` (when `Some`) instead of the host's own `/app/`.
    pub fn framing(mut self, app_url: Option<AppUrl>) -> Self {
        self.app_url = app_url;
        self
    }

    fn config(&self) -> MutexGuard<'_, HostConfig> {
        self.config
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The installation's secure settings: the same for every agent, as in Zendesk.
    fn secrets(&self) -> Secrets {
        let set = self
            .installation_token
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone();
        Secrets {
            installation_token: set.unwrap_or_else(|| self.emulator.admin_token()),
        }
    }
}

/// A running host: where it listens and the task serving it.
pub struct RunningHost {
    pub addr: SocketAddr,
    pub handle: JoinHandle<()>,
    pub emulator: Emulator,
}

impl RunningHost {
    /// The agent page, as printed on startup.
    pub fn page_url(&self) -> String {
        format!("http://{}/", self.addr)
    }
}

/// Starts the host with the emulator `options` ask for (seeded, or kept in `--state-file`).
pub async fn serve(options: HostOptions) -> std::io::Result<RunningHost> {
    let emulator = match &options.state_file {
        Some(path) => Emulator::with_persistence(path.clone()),
        None => Emulator::seeded(),
    };
    serve_with(options, emulator).await
}

/// Starts the host around a given emulator (tests keep a handle on it).
pub async fn serve_with(options: HostOptions, emulator: Emulator) -> std::io::Result<RunningHost> {
    let listener = TcpListener::bind((options.bind, options.port)).await?;
    let addr = listener.local_addr()?;
    let state = HostState::new(emulator.clone()).framing(options.app_url.clone());
    let app = router(state, &options.app_dir);
    let handle = tokio::spawn(async move {
        if let Err(error) = axum::serve(listener, app).await {
            eprintln!("devhost: server stopped: {error}");
        }
    });
    Ok(RunningHost {
        addr,
        handle,
        emulator,
    })
}

pub fn router(state: HostState, app_dir: &Path) -> Router {
    let sell = state.emulator.router();
    let shown_dir = app_dir.to_path_buf();
    let missing = move || {
        let shown_dir = shown_dir.clone();
        async move { app_missing_page(&shown_dir) }
    };
    Router::new()
        .route("/", get(page))
        .route(
            "/_host/page/host.css",
            get(|| async { static_text("text/css; charset=utf-8", HOST_CSS) }),
        )
        .route(
            "/_host/page/host.js",
            get(|| async { static_text("text/javascript; charset=utf-8", HOST_JS) }),
        )
        .route("/_host/config", get(get_config).post(post_config))
        .route("/_host/secure", post(post_secure))
        .route("/_host/zaf", get(get_zaf))
        .route("/_host/catalog", get(|| async { Json(catalog_json()) }))
        .route("/_host/proxy", post(post_proxy))
        .route("/_host/requests", get(get_requests).delete(delete_requests))
        .nest_service(
            "/app",
            ServeDir::new(app_dir).fallback(missing.into_service()),
        )
        .with_state(state)
        .merge(sell)
}

/// What `/app/...` answers when the app is not built yet: how to build it.
fn app_missing_page(app_dir: &Path) -> Response {
    let body = format!(
        "<!doctype html><meta charset=utf-8><title>App not built</title>\
         <p>No app build in <code>{}</code>.</p><p>Build it with <code>trunk build --public-url /app/</code> \
         (or <code>cargo xtask demo</code>), then reload.</p>",
        html_escape(&app_dir.display().to_string())
    );
    (StatusCode::NOT_FOUND, Html(body)).into_response()
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn static_text(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}

async fn page(State(state): State<HostState>, headers: HeaderMap) -> Response {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1");
    let rendered = render_page(host, state.app_url.as_ref());
    (
        [
            (
                header::CONTENT_SECURITY_POLICY,
                rendered.content_security_policy,
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        Html(rendered.html),
    )
        .into_response()
}

/// A request the host refuses, with a message for the person driving it.
enum HostError {
    BadJson(String),
    Config(ConfigError),
}

impl IntoResponse for HostError {
    fn into_response(self) -> Response {
        let message = match self {
            HostError::BadJson(why) => format!("body is not the expected JSON: {why}"),
            HostError::Config(why) => why.to_string(),
        };
        (StatusCode::BAD_REQUEST, Json(json!({ "error": message }))).into_response()
    }
}

fn parse_body<T: serde::de::DeserializeOwned>(body: &Bytes) -> Result<T, HostError> {
    let body: &[u8] = if body.iter().all(u8::is_ascii_whitespace) {
        b"{}"
    } else {
        body
    };
    serde_json::from_slice(body).map_err(|e| HostError::BadJson(e.to_string()))
}

async fn get_config(State(state): State<HostState>) -> Json<HostConfig> {
    Json(state.config().clone())
}

async fn post_config(
    State(state): State<HostState>,
    body: Bytes,
) -> Result<Json<HostConfig>, HostError> {
    let patch: ConfigPatch = parse_body(&body)?;
    let mut config = state.config();
    *config = config.patched(patch).map_err(HostError::Config)?;
    Ok(Json(config.clone()))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SecurePatch {
    /// `null`: back to the emulator's token of Ada, the top-most manager.
    sell_api_token: Option<String>,
}

/// Sets secure settings. The answer says which are set, never their values.
async fn post_secure(
    State(state): State<HostState>,
    body: Bytes,
) -> Result<Json<Value>, HostError> {
    let patch: SecurePatch = parse_body(&body)?;
    let source = if patch.sell_api_token.is_some() {
        "set"
    } else {
        "emulator token of Ada, the top-most manager"
    };
    *state
        .installation_token
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner()) = patch.sell_api_token;
    // The one secure setting; Zendesk keeps no per-agent credential for an app.
    Ok(Json(json!({ "sell_api_token": source })))
}

async fn get_zaf(State(state): State<HostState>) -> Response {
    let config = state.config().clone();
    match payload_for(&config) {
        Some(payload) => Json(payload).into_response(),
        None => HostError::Config(ConfigError::UnknownTicket(config.ticket.0)).into_response(),
    }
}

/// The page also sends the agent and ticket it showed; Zendesk's proxy fills the same installation
/// settings whoever asks, so neither changes a request.
#[derive(Deserialize)]
struct ProxyCall {
    options: Value,
}

async fn post_proxy(State(state): State<HostState>, body: Bytes) -> Result<Json<Value>, HostError> {
    let call: ProxyCall = parse_body(&body)?;
    let (settled, entry) = forward(&call.options, &state.secrets(), &state.sell).await;
    let entry = state.requests.push(entry);
    Ok(Json(json!({
        "outcome": settled.outcome,
        "responseArgs": settled.response_args,
        "log": entry,
    })))
}

async fn get_requests(State(state): State<HostState>) -> Json<Value> {
    Json(json!(state.requests.entries()))
}

async fn delete_requests(State(state): State<HostState>) -> StatusCode {
    state.requests.clear();
    StatusCode::NO_CONTENT
}
