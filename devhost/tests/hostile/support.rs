//! What the hostile-input and accessibility suites add to the end-to-end harness: a dev host started
//! from a prepared emulator state (records the Sell API can't create: contacts and deals), the
//! payloads, and scripts run inside the app's iframe.

use std::path::PathBuf;

use devhost::host::HostOptions;
use serde_json::{json, Value};

use crate::harness::{app_dist, Host};

pub const ADA: &str = "ada@acme.test";
pub const NORA: &str = "nora@acme.test";

/// A dev host whose emulator starts from a state file (`--state-file`), for data the Sell API of the
/// emulator cannot create; used as the harness's `Host` (deref). The file goes when it does.
pub struct PreparedHost {
    host: Host,
    state_file: PathBuf,
}

impl Drop for PreparedHost {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.state_file);
        let _ = std::fs::remove_file(self.state_file.with_extension("tmp"));
    }
}

impl std::ops::Deref for PreparedHost {
    type Target = Host;
    fn deref(&self) -> &Host {
        &self.host
    }
}

impl PreparedHost {
    /// A host whose account is the seed changed by `edit` (given `/_emu/state` in the store's shape:
    /// users without tokens, a `tokens` map beside them).
    pub async fn start(name: &str, edit: impl FnOnce(&mut Value)) -> PreparedHost {
        let mut store = seed_store().await;
        edit(&mut store);
        let state_file =
            std::env::temp_dir().join(format!("sell-sidebar-{name}-{}.json", std::process::id()));
        std::fs::write(&state_file, store.to_string()).expect("writing the prepared state");
        let host = Host::start_with(HostOptions {
            port: 0,
            app_dir: app_dist(),
            state_file: Some(state_file.clone()),
            ..HostOptions::default()
        })
        .await;
        PreparedHost { host, state_file }
    }
}

/// The seed account in the emulator's persistence format.
async fn seed_store() -> Value {
    let host = Host::start().await;
    let mut state = host.state().await;
    let mut tokens = serde_json::Map::new();
    if let Some(users) = state["users"].as_array_mut() {
        for user in users {
            if let (Some(token), Some(id)) = (user["token"].as_str(), user["id"].as_u64()) {
                tokens.insert(token.to_string(), json!(id));
            }
            if let Some(obj) = user.as_object_mut() {
                obj.remove("token");
            }
        }
    }
    if let Some(obj) = state.as_object_mut() {
        obj.insert("tokens".into(), Value::Object(tokens));
        obj.remove("sources");
    }
    state
}

/// The tokens of the seed's Sell users, as `/_emu/state` lists them.
pub async fn seed_tokens(host: &Host) -> Vec<String> {
    let state = host.state().await;
    let tokens: Vec<String> = state["users"]
        .as_array()
        .map(|users| {
            users
                .iter()
                .filter_map(|u| u["token"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    assert!(
        tokens.len() >= 5,
        "the seed has a token per person: {tokens:?}"
    );
    tokens
}

/// Runs in the app's document: replaces the dialogs an injected script would call with counters, so
/// an execution is counted instead of opening a dialog (which would also fail the next WebDriver
/// command: either way it is caught).
pub const INSTALL_XSS_TRAP: &str = r#"
if (window.__xss === undefined) {
  window.__xss = 0;
  window.__xssCalls = [];
  const trap = (name) => (...args) => { window.__xss++; window.__xssCalls.push(name + '(' + args.join(',') + ')'); };
  window.alert = trap('alert'); window.confirm = trap('confirm'); window.prompt = trap('prompt');
  window.print = trap('print');
}
return null;
"#;

/// Runs in the app's document: what an injected payload would have left behind, and the trap count.
pub const READ_XSS_EVIDENCE: &str = r#"
const inBody = (selector) => Array.from(document.body.querySelectorAll(selector)).map((el) => el.outerHTML.slice(0, 120));
const handlers = Array.from(document.querySelectorAll('*')).filter((el) =>
  Array.from(el.attributes).some((a) => a.name.toLowerCase().startsWith('on'))).map((el) => el.outerHTML.slice(0, 120));
const jsUrls = Array.from(document.querySelectorAll('[href], [src], [action], [formaction], [data]')).filter((el) =>
  ['href', 'src', 'action', 'formaction', 'data'].some((a) => /^\s*(javascript:|vbscript:|data:text\/html)/i.test(el.getAttribute(a) || '')))
  .map((el) => el.outerHTML.slice(0, 120));
return {
  executions: window.__xss || 0,
  calls: window.__xssCalls || [],
  elements: inBody('script, iframe, object, embed, base, meta, link, style, svg script, img[src="x"], video, audio, marquee, details[ontoggle], form[action]'),
  handlers,
  js_urls: jsUrls,
  text: document.body.innerText.replace(/\s+/g, ' '),
};
"#;

/// At least 40 ways to smuggle script into HTML; each calls `alert` if it ever runs.
pub const XSS_PAYLOADS: [&str; 44] = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "\"><script>alert(1)</script>",
    "'><img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "<a href=\"javascript:alert(1)\">click</a>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<body onload=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<audio src=x onerror=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "&lt;img src=x onerror=alert(1)&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
    "<scr<script>ipt>alert(1)</script>",
    "<object data=\"javascript:alert(1)\">",
    "<embed src=\"javascript:alert(1)\">",
    "<form action=\"javascript:alert(1)\"><button>go</button></form>",
    "<marquee onstart=alert(1)>",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<style>@import 'javascript:alert(1)';</style>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<base href=\"javascript:alert(1)//\">",
    "{{constructor.constructor('alert(1)')()}}",
    "${alert(1)}",
    "{{setting.sell_api_token}}",
    "<img src=\"x\" onerror=\"window.top.alert(1)\">",
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "<x onclick=alert(1)>click me",
    "\" onmouseover=\"alert(1)",
    "' onfocus='alert(1)' autofocus='",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "<!--<img src=x onerror=alert(1)>-->",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "<img src=x onerror=&#97;&#108;&#101;&#114;&#116;(1)>",
    "\u{202E}<script>alert(1)</script>",
    "<template><script>alert(1)</script></template><slot onclick=alert(1)>",
];

/// How the text of `payload` reads once rendered: runs of whitespace collapse, as in `innerText`.
pub fn as_rendered(payload: &str) -> String {
    payload.split_whitespace().collect::<Vec<_>>().join(" ")
}
