//! Typed async bindings over the Zendesk Apps Framework SDK (`window.ZAFClient`, bundled from npm).
//!
//! Values cross the JS boundary as JSON text (`JSON.stringify`) and are decoded by
//! `sidebar_core::zaf_values`, so no JS value is ever unwrapped here and the decoding is tested natively.
//! A `ZafClient` wraps any object with the SDK client's methods: the real SDK in Zendesk and on the dev
//! host, or a scripted fake in the browser tests.

use js_sys::{Function, Promise, Reflect, JSON};
use sidebar_core::json::{self, Json};
use sidebar_core::i18n::zaf::{zaf_problem_text, ZafProblem};
use sidebar_core::i18n::Locale;
use sidebar_core::location::Location;
use sidebar_core::zaf_values::{
    Context, CurrentUser, GetResponse, HttpReply, Metadata, Organization, Requester, SupportUser, ZafValueError,
};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// The SDK's client object (or anything shaped like it).
    #[derive(Clone)]
    pub type JsClient;

    #[wasm_bindgen(method, catch)]
    fn get(this: &JsClient, paths: &JsValue) -> Result<Promise, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn metadata(this: &JsClient) -> Result<Promise, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn context(this: &JsClient) -> Result<Promise, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn request(this: &JsClient, options: &JsValue) -> Result<Promise, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn invoke(this: &JsClient, name: &str, arg: &JsValue) -> Result<Promise, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn on(this: &JsClient, event: &str, handler: &Function) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch)]
    fn off(this: &JsClient, event: &str, handler: &Function) -> Result<(), JsValue>;
}

/// Why talking to Zendesk failed.
#[derive(Debug, Clone, PartialEq)]
pub enum ZafError {
    /// The page was opened outside Zendesk: no `origin` / `app_guid` in its URL.
    NotInZendesk,
    /// The SDK script did not load (`window.ZAFClient` is missing).
    SdkMissing,
    /// The SDK threw or rejected (a timeout, a closed host, a bad argument).
    Host(String),
    /// The host answered something we could not use.
    Value(ZafValueError),
    /// Opened in a location the app doesn't declare (its name).
    Location(String),
}

impl std::fmt::Display for ZafError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotInZendesk => f.write_str("This page is not running inside Zendesk."),
            Self::SdkMissing => f.write_str("The Zendesk Apps SDK did not load."),
            Self::Host(msg) => write!(f, "Zendesk did not answer: {msg}"),
            Self::Value(e) => e.fmt(f),
            Self::Location(name) => write!(f, "The app does not run in {name}."),
        }
    }
}

impl ZafError {
    /// This failure as the callout words it, in the agent's language.
    pub fn text(&self, locale: Locale) -> String {
        let problem = match self {
            Self::NotInZendesk => ZafProblem::NotInZendesk,
            Self::SdkMissing => ZafProblem::SdkMissing,
            Self::Host(message) => ZafProblem::NoAnswer(message),
            Self::Value(ZafValueError::HostError { path, message }) => ZafProblem::Refused { path, message },
            Self::Value(ZafValueError::Shape { path, detail }) => ZafProblem::Unreadable { path, detail },
            Self::Location(name) => ZafProblem::Location(name),
        };
        zaf_problem_text(&problem, locale)
    }
}

impl From<ZafValueError> for ZafError {
    fn from(e: ZafValueError) -> Self {
        Self::Value(e)
    }
}

/// Options of `client.request`, as ZAF names them (`RequestOptions::to_json`).
#[derive(Debug, Clone)]
pub struct RequestOptions {
    pub url: String,
    pub method: String,
    /// Name and value, in the order sent.
    pub headers: Vec<(String, String)>,
    pub content_type: Option<String>,
    /// A JSON string, as ZAF expects for bodies.
    pub data: Option<String>,
    /// Secure settings (`{{setting.NAME}}`) are filled in by Zendesk's proxy only when this is set.
    pub secure: bool,
    pub cors: bool,
    /// Resolve with `{status, responseText, headers}` so status and headers are never lost.
    pub http_complete_response: bool,
    /// Milliseconds.
    pub timeout: u32,
}

impl RequestOptions {
    /// The options object in ZAF's names (`type`, `contentType`, `httpCompleteResponse`, ...).
    pub fn to_json(&self) -> Json {
        let headers = Json::Object(self.headers.iter().map(|(k, v)| (k.clone(), Json::from(v.as_str()))).collect());
        let mut pairs = vec![("url", Json::from(self.url.as_str())), ("type", Json::from(self.method.as_str())), ("headers", headers)];
        if let Some(content_type) = &self.content_type {
            pairs.push(("contentType", Json::from(content_type.as_str())));
        }
        if let Some(data) = &self.data {
            pairs.push(("data", Json::from(data.as_str())));
        }
        pairs.push(("secure", Json::from(self.secure)));
        pairs.push(("cors", Json::from(self.cors)));
        pairs.push(("httpCompleteResponse", Json::from(self.http_complete_response)));
        pairs.push(("timeout", Json::from(u64::from(self.timeout))));
        json::object(pairs)
    }
}

/// Everything the sidebar reads about the ticket in one round trip (a new ticket has no id yet, and
/// no requester until the agent sets one: an empty `Requester`).
#[derive(Debug, Clone, PartialEq)]
pub struct TicketInfo {
    pub id: Option<u64>,
    pub subject: Option<String>,
    pub requester: Requester,
    pub organization: Option<Organization>,
}

/// What the open Support page is about, per location.
#[derive(Debug, Clone, PartialEq)]
pub enum Place {
    Ticket(TicketInfo),
    NewTicket(TicketInfo),
    User(SupportUser),
    Organization(Organization),
}

/// A live subscription; dropping it unsubscribes, so a component's handler dies with the component.
pub struct Subscription {
    client: JsClient,
    event: String,
    handler: Closure<dyn FnMut(JsValue)>,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        let _ = self.client.off(&self.event, self.handler.as_ref().unchecked_ref());
    }
}

#[derive(Clone)]
pub struct ZafClient {
    js: JsClient,
    /// Reads the page's script began before the app was loaded (`index.html`), by name:
    /// each is taken once, so a retried boot asks Zendesk again.
    early: Option<JsValue>,
}

impl ZafClient {
    /// `ZAFClient.init()`: `NotInZendesk` when the page lacks the `origin`/`app_guid` parameters.
    ///
    /// `index.html` already made the page's client and began the boot's three reads (the current user,
    /// metadata, context) while the wasm downloaded and compiled (#16, time to data): that client is
    /// taken, with its reads. Its script marks their rejections handled (they are reported when the
    /// boot takes them), and if it failed, this calls `init` itself and reports what went wrong.
    pub fn init() -> Result<Self, ZafError> {
        if let Ok(early) = Reflect::get(&js_sys::global(), &JsValue::from_str("sellSidebarEarly")) {
            let client = Reflect::get(&early, &JsValue::from_str("client")).unwrap_or(JsValue::UNDEFINED);
            if client.is_object() {
                let reads = Reflect::get(&early, &JsValue::from_str("reads")).ok().filter(JsValue::is_object);
                return Ok(Self { js: client.unchecked_into(), early: reads });
            }
        }
        let global = Reflect::get(&js_sys::global(), &JsValue::from_str("ZAFClient")).map_err(|_| ZafError::SdkMissing)?;
        if global.is_undefined() || global.is_null() {
            return Err(ZafError::SdkMissing);
        }
        let init: Function = Reflect::get(&global, &JsValue::from_str("init"))
            .ok()
            .and_then(|f| f.dyn_into().ok())
            .ok_or(ZafError::SdkMissing)?;
        let client = init.call0(&global).map_err(|e| ZafError::Host(describe(&e)))?;
        if !client.is_object() {
            // The SDK returns `false` when the URL carries no origin/app_guid.
            return Err(ZafError::NotInZendesk);
        }
        Ok(Self::from_js(client))
    }

    /// Wraps any object with the client's methods (the browser tests pass a scripted fake).
    pub fn from_js(client: JsValue) -> Self {
        Self { js: client.unchecked_into(), early: None }
    }

    /// The read `name` the page's script began, if it is still there to take (then it is gone), or
    /// else `ask`'s.
    fn early_or(&self, name: &str, ask: impl FnOnce() -> Result<Promise, JsValue>) -> Result<Promise, JsValue> {
        let key = JsValue::from_str(name);
        let early = self.early.as_ref().and_then(|reads| {
            let read = Reflect::get(reads, &key).ok()?.dyn_into::<Promise>().ok()?;
            let _ = Reflect::delete_property(reads.unchecked_ref::<js_sys::Object>(), &key);
            Some(read)
        });
        early.map_or_else(ask, Ok)
    }

    pub async fn get(&self, paths: &[&str]) -> Result<GetResponse, ZafError> {
        read_get(self.ask_get(paths)).await
    }

    fn ask_get(&self, paths: &[&str]) -> Result<Promise, JsValue> {
        let list: js_sys::Array = paths.iter().map(|p| JsValue::from_str(p)).collect();
        self.js.get(&list)
    }

    pub async fn ticket(&self) -> Result<TicketInfo, ZafError> {
        let r = self.get(&["ticket.id", "ticket.subject", "ticket.requester", "ticket.organization"]).await?;
        Ok(TicketInfo {
            id: Some(r.ticket_id("ticket.id")?),
            subject: r.text("ticket.subject")?,
            requester: r.requester("ticket.requester")?,
            organization: r.organization("ticket.organization")?,
        })
    }

    /// A ticket being written: no id yet, the requester and subject as far as the agent has set them.
    pub async fn new_ticket(&self) -> Result<TicketInfo, ZafError> {
        let r = self.get(&["ticket.subject", "ticket.requester"]).await?;
        Ok(TicketInfo {
            id: None,
            subject: r.text("ticket.subject")?,
            requester: r.optional_requester("ticket.requester")?.unwrap_or_default(),
            organization: None,
        })
    }

    /// What this location's page is about.
    pub async fn place(&self, location: Location) -> Result<Place, ZafError> {
        Ok(match location {
            Location::Ticket => Place::Ticket(self.ticket().await?),
            Location::NewTicket => Place::NewTicket(self.new_ticket().await?),
            Location::User => Place::User(self.get(&["user"]).await?.user("user")?),
            Location::Organization => {
                let r = self.get(&["organization"]).await?;
                Place::Organization(r.organization("organization")?.unwrap_or_default())
            }
        })
    }

    pub async fn current_user(&self) -> Result<CurrentUser, ZafError> {
        let read = self.early_or("currentUser", || self.ask_get(&["currentUser"]));
        Ok(read_get(read).await?.current_user("currentUser")?)
    }

    pub async fn metadata(&self) -> Result<Metadata, ZafError> {
        let value = settle(self.early_or("metadata", || self.js.metadata())).await?;
        Ok(Metadata::from_json(&to_json(&value)?)?)
    }

    pub async fn context(&self) -> Result<Context, ZafError> {
        let value = settle(self.early_or("context", || self.js.context())).await?;
        Ok(Context::from_json(&to_json(&value)?)?)
    }

    /// `client.request`: an HTTP reply for any status the server answered (2xx or not), so the caller
    /// keeps status and body; `Err` only when the SDK itself failed.
    pub async fn request(&self, options: &RequestOptions) -> Result<HttpReply, ZafError> {
        let js_options = JSON::parse(&options.to_json().to_text()).map_err(|e| ZafError::Host(describe(&e)))?;
        let promise = self.js.request(&js_options).map_err(|e| ZafError::Host(describe(&e)))?;
        match JsFuture::from(promise).await {
            Ok(value) => Ok(HttpReply::from_request_json(&to_json(&value)?, 200)),
            // A rejection carries the failed response (status, responseText); status 0 = no answer.
            Err(value) => Ok(HttpReply::from_request_json(&to_json(&value).unwrap_or_default(), 0)),
        }
    }

    /// Sets the iframe's height to the content's.
    pub async fn resize(&self, height_px: u32) -> Result<(), ZafError> {
        let arg = JSON::parse(&format!(r#"{{"width":"100%","height":"{height_px}px"}}"#))
            .map_err(|e| ZafError::Host(describe(&e)))?;
        settle(self.js.invoke("resize", &arg)).await.map(|_| ())
    }

    /// Subscribes to a host event such as `ticket.requester.email.changed`; the handler gets the event's
    /// data as JSON text.
    pub fn on(&self, event: &str, mut handler: impl FnMut(String) + 'static) -> Result<Subscription, ZafError> {
        let closure = Closure::<dyn FnMut(JsValue)>::new(move |data: JsValue| {
            handler(to_json(&data).unwrap_or_default());
        });
        self.js
            .on(event, closure.as_ref().unchecked_ref())
            .map_err(|e| ZafError::Host(describe(&e)))?;
        Ok(Subscription { client: self.js.clone(), event: event.to_string(), handler: closure })
    }
}

/// A `client.get` answer, decoded.
async fn read_get(call: Result<Promise, JsValue>) -> Result<GetResponse, ZafError> {
    let value = settle(call).await?;
    Ok(GetResponse::from_json(&to_json(&value)?)?)
}

/// Awaits an SDK promise, turning a throw or a rejection into `ZafError::Host`.
async fn settle(call: Result<Promise, JsValue>) -> Result<JsValue, ZafError> {
    let promise = call.map_err(|e| ZafError::Host(describe(&e)))?;
    JsFuture::from(promise).await.map_err(|e| ZafError::Host(describe(&e)))
}

fn to_json(value: &JsValue) -> Result<String, ZafError> {
    if value.is_undefined() {
        return Ok("null".into());
    }
    JSON::stringify(value)
        .map(String::from)
        .map_err(|e| ZafError::Host(describe(&e)))
}

/// A JS error's message, or its JSON, for the error state.
fn describe(value: &JsValue) -> String {
    if let Some(err) = value.dyn_ref::<js_sys::Error>() {
        return String::from(err.message());
    }
    value.as_string().or_else(|| to_json(value).ok()).unwrap_or_else(|| "unknown error".into())
}
