//! A scripted fake of the ZAF client for browser tests: canned `get` values, metadata, context, and a
//! router that answers `client.request` by URL, recording every request made.

use std::time::Duration;

use serde_json::{json, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;

/// One canned answer: the first rule whose `contains` is part of the request URL answers it.
pub struct Rule {
    pub contains: &'static str,
    pub status: u16,
    pub body: String,
    /// How many requests it answers; `None`: every one.
    pub times: Option<u32>,
}

pub fn rule(contains: &'static str, status: u16, body: impl Into<String>) -> Rule {
    Rule { contains, status, body: body.into(), times: None }
}

/// A Sell list envelope of `items`.
pub fn list(kind: &str, items: Value) -> String {
    let items: Vec<Value> = items
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .map(|data| json!({"data": data, "meta": {"type": kind}}))
        .collect();
    json!({"items": items, "meta": {"type": "collection", "count": items.len(), "links": {}}}).to_string()
}

pub struct FakeZaf {
    pub client: JsValue,
    log: JsValue,
}

pub struct Setup {
    pub values: Value,
    pub settings: Value,
    pub rules: Vec<Rule>,
    /// When set, every `get` rejects with this message.
    pub get_fails: Option<&'static str>,
    /// The installation id; `None`: a random one, so no two fakes share a cache.
    pub installation: Option<u64>,
    /// How long every request takes to answer.
    pub delay_ms: u32,
    /// `context().location`.
    pub location: &'static str,
}

impl Default for Setup {
    fn default() -> Self {
        Self {
            values: json!({
                "ticket.id": 102,
                "ticket.subject": "Invoice question",
                "ticket.requester": {"id": 9, "name": "Carl Contact", "email": "carl@deals.test", "phone": null},
                "ticket.organization": null,
                "currentUser": {"id": 1, "name": "Ada Owner", "email": "ada@acme.test", "role": "admin", "locale": "en-US"}
            }),
            settings: json!({"all_agents_access": true, "lead_status": "New"}),
            rules: Vec::new(),
            get_fails: None,
            installation: None,
            delay_ms: 0,
            location: "ticket_sidebar",
        }
    }
}

const FAKE_JS: &str = r#"
(function (cfg) {
  var log = [];
  var client = {
    get: function (paths) {
      if (cfg.getFails) { return Promise.reject(new Error(cfg.getFails)); }
      var r = { errors: {} };
      paths.forEach(function (p) {
        if (Object.prototype.hasOwnProperty.call(cfg.values, p)) { r[p] = cfg.values[p]; }
        else { r.errors[p] = { name: 'InvalidPath', message: 'no such path', path: p }; }
      });
      return Promise.resolve(r);
    },
    metadata: function () { return Promise.resolve({ appId: 1, installationId: cfg.installation, settings: cfg.settings }); },
    context: function () { return Promise.resolve({ account: { subdomain: 'acme' }, location: cfg.location, ticketId: 102 }); },
    request: function (o) {
      log.push(o);
      var answer = function () {
        for (var i = 0; i < cfg.rules.length; i++) {
          var rule = cfg.rules[i];
          if (o.url.indexOf(rule.contains) !== -1 && rule.times !== 0) {
            if (rule.times > 0) { rule.times -= 1; }
            var reply = { status: rule.status, responseText: rule.body, headers: {} };
            return rule.status >= 200 && rule.status < 300 ? Promise.resolve(reply) : Promise.reject(reply);
          }
        }
        return Promise.resolve({ status: 200, responseText: '{"items":[],"meta":{"type":"collection","count":0,"links":{}}}', headers: {} });
      };
      // Requests in flight at once, as Sell would see them from this sidebar.
      log.active = (log.active || 0) + 1;
      log.maxActive = Math.max(log.maxActive || 0, log.active);
      var done = function () { log.active -= 1; };
      var wait = new Promise(function (resolve) { setTimeout(resolve, cfg.delayMs || 0); });
      return wait.then(answer).then(function (r) { done(); return r; }, function (e) { done(); throw e; });
    },
    invoke: function () { return Promise.resolve({}); },
    on: function () {},
    off: function () {}
  };
  return { client: client, log: log };
})
"#;

impl FakeZaf {
    pub fn new(setup: Setup) -> Self {
        // Each fake is its own installation, so the app's localStorage cache never leaks between tests.
        let installation = setup.installation.unwrap_or_else(|| js_sys::Math::random().to_bits() % 1_000_000_000);
        let rules: Vec<Value> =
            setup.rules.iter().map(|r| json!({"contains": r.contains, "status": r.status, "body": r.body, "times": r.times})).collect();
        let cfg = json!({
            "values": setup.values,
            "settings": setup.settings,
            "rules": rules,
            "getFails": setup.get_fails,
            "installation": installation,
            "delayMs": setup.delay_ms,
            "location": setup.location,
        });
        let factory: js_sys::Function = js_sys::eval(FAKE_JS).expect("fake source").unchecked_into();
        let cfg = js_sys::JSON::parse(&cfg.to_string()).expect("config");
        let pair = factory.call1(&JsValue::NULL, &cfg).expect("fake");
        let get = |k: &str| js_sys::Reflect::get(&pair, &JsValue::from_str(k)).expect(k);
        Self { client: get("client"), log: get("log") }
    }

    /// The most requests that were in flight at once.
    pub fn max_in_flight(&self) -> u32 {
        js_sys::Reflect::get(&self.log, &JsValue::from_str("maxActive")).ok().and_then(|v| v.as_f64()).unwrap_or(0.0) as u32
    }

    /// The URLs of every request the app made, in order.
    pub fn requested_urls(&self) -> Vec<String> {
        let log: js_sys::Array = self.log.clone().unchecked_into();
        log.iter()
            .filter_map(|o| js_sys::Reflect::get(&o, &JsValue::from_str("url")).ok())
            .filter_map(|u| u.as_string())
            .collect()
    }

    /// The Authorization headers of every request (placeholders only, never a token).
    pub fn authorizations(&self) -> Vec<String> {
        let log: js_sys::Array = self.log.clone().unchecked_into();
        log.iter()
            .filter_map(|o| js_sys::Reflect::get(&o, &JsValue::from_str("headers")).ok())
            .filter_map(|h| js_sys::Reflect::get(&h, &JsValue::from_str("Authorization")).ok())
            .filter_map(|a| a.as_string())
            .collect()
    }
}

/// A fresh container on the page to mount into.
pub fn container() -> web_sys::HtmlElement {
    let document = web_sys::window().and_then(|w| w.document()).expect("document");
    let div: web_sys::HtmlElement = document.create_element("div").expect("div").unchecked_into();
    document.body().expect("body").append_child(&div).expect("append");
    div
}

/// Waits (up to 5 s) until the container's text contains `needle`; returns the text either way.
pub async fn wait_for_text(el: &web_sys::HtmlElement, needle: &str) -> String {
    for _ in 0..250 {
        let text = el.text_content().unwrap_or_default();
        if text.contains(needle) {
            return text;
        }
        sleep(Duration::from_millis(20)).await;
    }
    el.text_content().unwrap_or_default()
}

pub async fn sleep(d: Duration) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, d.as_millis() as i32);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

pub fn clear_storage() {
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.clear();
    }
}
