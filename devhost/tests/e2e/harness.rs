//! What every end-to-end test needs: the app build, one chromedriver per test binary, a dev host per
//! test (own emulator state) and a headless Chromium session on its agent page.
//!
//! Tests look at the app as a person would: visible text, buttons by their name, inputs by their
//! label. Waits poll until a state shows up (or time out with what the sidebar showed instead);
//! nothing is asserted after a fixed sleep.

use std::future::Future;
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, Instant};

use devhost::host::{serve, HostOptions, RunningHost};
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use tokio::sync::{Semaphore, SemaphorePermit};

/// How long a state may take to show up. The release app boots in well under a second locally; the
/// margin is for a machine busy with other builds.
pub const STATE_TIMEOUT: Duration = Duration::from_secs(15);
const POLL_EVERY: Duration = Duration::from_millis(100);

/// The machine has 2 cores: more browsers at once only make every test slower.
static BROWSER_SLOTS: Semaphore = Semaphore::const_new(2);

// ------------------------------------------------------------------------------------- the build

/// The release build of the app: `SELL_SIDEBAR_DIST` (set by `cargo xtask test`), else `dist/`.
pub fn app_dist() -> PathBuf {
    let dist = std::env::var_os("SELL_SIDEBAR_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("dist"));
    let index = dist.join("index.html");
    assert!(
        index.is_file(),
        "no app build at {} (index.html missing). Build it first with `cargo xtask build` \
         (or point SELL_SIDEBAR_DIST at a Trunk dist folder).",
        dist.display()
    );
    dist
}

pub fn workspace_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}

// ------------------------------------------------------------------------------------ chromedriver

/// A chromedriver process, killed when the last test using it lets go.
pub struct Driver {
    child: Mutex<Child>,
    port: u16,
}

impl Driver {
    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let mut child = self.child.lock().unwrap_or_else(|p| p.into_inner());
        let _ = child.kill();
        let _ = child.wait();
    }
}

/// Shared by the tests that run at the same time; a later test starts a new one if the last
/// holder has finished (so the process never outlives the test binary's last test).
static DRIVER: Mutex<Weak<Driver>> = Mutex::new(Weak::new());

fn chromedriver_path() -> PathBuf {
    if let Some(path) = std::env::var_os("CHROMEDRIVER") {
        return PathBuf::from(path);
    }
    std::env::var_os("PATH")
        .and_then(|paths| {
            std::env::split_paths(&paths)
                .map(|dir| dir.join("chromedriver"))
                .find(|candidate| candidate.is_file())
        })
        .unwrap_or_else(|| {
            panic!("chromedriver not found: set CHROMEDRIVER or put it on PATH (cargo xtask test installs it)")
        })
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .expect("a free local port for chromedriver")
}

async fn driver() -> Arc<Driver> {
    let existing = DRIVER.lock().unwrap_or_else(|p| p.into_inner()).upgrade();
    if let Some(driver) = existing {
        return driver;
    }
    let port = free_port();
    let child = Command::new(chromedriver_path())
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let driver = Arc::new(Driver {
        child: Mutex::new(child),
        port,
    });
    let http = reqwest::Client::new();
    let started = Instant::now();
    loop {
        let ready = http
            .get(format!("{}/status", driver.url()))
            .send()
            .await
            .ok()
            .filter(|r| r.status().is_success());
        if ready.is_some() {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "chromedriver did not answer on port {port} within 10 s"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // Two tests starting together may both have spawned one; the loser's is dropped (killed).
    let mut shared = DRIVER.lock().unwrap_or_else(|p| p.into_inner());
    match shared.upgrade() {
        Some(other) => other,
        None => {
            *shared = Arc::downgrade(&driver);
            driver
        }
    }
}

// ------------------------------------------------------------------------------------------- host

/// A dev host on a free port with its own seeded emulator.
pub struct Host {
    pub running: RunningHost,
    http: reqwest::Client,
}

impl Drop for Host {
    fn drop(&mut self) {
        self.running.handle.abort();
    }
}

/// Longer than Sell's one-second rate-limit window (10 requests per second per token).
pub const RATE_WINDOW: Duration = Duration::from_millis(1_100);

/// The Sell requests of one ticket's opens (`Host::open_costs`).
pub struct OpenCosts {
    pub cold: Vec<SellCall>,
    pub warm: Vec<SellCall>,
    pub session: Vec<SellCall>,
    /// The sidebar the warm open showed.
    pub warm_view: Sidebar,
}

/// One request the emulator answered (`/_emu/log`).
#[derive(Debug, Clone, serde::Deserialize)]
pub struct SellCall {
    pub method: String,
    pub path: String,
    pub query: Option<String>,
    pub user_id: Option<u64>,
    pub status: u16,
    /// Sell requests the emulator was handling when this one arrived, itself included.
    #[serde(default)]
    pub in_flight: u32,
}

impl SellCall {
    pub fn is_customer_data(&self) -> bool {
        ["/v2/leads", "/v2/contacts", "/v2/deals"]
            .iter()
            .any(|prefix| self.path.starts_with(prefix))
    }
}

impl std::fmt::Display for SellCall {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let query = self
            .query
            .as_deref()
            .map(|q| format!("?{q}"))
            .unwrap_or_default();
        write!(
            f,
            "{} {}{} as user {:?} -> {}",
            self.method, self.path, query, self.user_id, self.status
        )
    }
}

impl Host {
    pub async fn start() -> Host {
        let options = HostOptions {
            port: 0,
            app_dir: app_dist(),
            ..HostOptions::default()
        };
        let running = serve(options)
            .await
            .expect("the dev host starts on a free port");
        Host {
            running,
            http: reqwest::Client::new(),
        }
    }

    /// A host with these options (e.g. `app_url` for the app under `zcli apps:server`); the port is
    /// taken as given, so pass 0 for a free one.
    // Used by zcli_marketplace.rs and the hostile suite's PreparedHost, not by every binary that
    // includes the harness.
    #[allow(dead_code)]
    pub async fn start_with(options: HostOptions) -> Host {
        let running = serve(options)
            .await
            .expect("the dev host starts with the given options");
        Host {
            running,
            http: reqwest::Client::new(),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.running.addr, path)
    }

    async fn send(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
        let mut request = self.http.request(method.clone(), self.url(path));
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request
            .send()
            .await
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        let status = response.status();
        let text = response.text().await.unwrap_or_default();
        assert!(
            status.is_success(),
            "{method} {path} answered {status}: {text}"
        );
        if text.trim().is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("{method} {path}: not JSON ({e}): {text}"))
        }
    }

    /// `POST /_host/config`: agent, ticket, locale, settings (merged key by key), requester override.
    pub async fn config(&self, patch: Value) -> Value {
        self.send(reqwest::Method::POST, "/_host/config", Some(patch))
            .await
    }

    /// Signs in `agent`, opens `ticket`, in *All agents* mode or not; the UI in English.
    pub async fn sign_in(&self, agent: &str, ticket: u64, all_agents: bool) {
        self.config(json!({
            "agent": agent,
            "ticket": ticket,
            "locale": "en-US",
            "settings": {"all_agents_access": all_agents},
        }))
        .await;
    }

    /// `agent` on `ticket` in *Sell users only* mode with no owners and the owner checkbox off: new
    /// leads go to the agent, so the form has no owner field (settings merge, hence all three).
    pub async fn sign_in_owning_leads(&self, agent: &str, ticket: u64) {
        self.config(json!({
            "agent": agent,
            "ticket": ticket,
            "locale": "en-US",
            "settings": {"all_agents_access": false, "agents_assign_owner": false, "lead_owners": ""},
        }))
        .await;
    }

    pub async fn log(&self) -> Vec<SellCall> {
        let log = self.send(reqwest::Method::GET, "/_emu/log", None).await;
        serde_json::from_value(log).expect("the emulator log has the contract's shape")
    }

    pub async fn clear_log(&self) {
        self.send(reqwest::Method::DELETE, "/_emu/log", None).await;
    }

    /// What opening the signed-in page (ticket, user, organization) costs in Sell requests, counted at
    /// the emulator: cold (empty storage), warm (opened again at once, a fresh iframe as Zendesk makes
    /// one) and in a session (this customer's records forgotten, the account's reference lists kept, as
    /// after other pages).
    /// Each counted open starts in a fresh Sell rate-limit window, so a 429 retry caused by the open
    /// before it doesn't count against it; requests made just after drawing count too.
    // Used by the request-count checks (e2e, hostile) and the bench, not by every includer.
    #[allow(dead_code)]
    pub async fn open_costs(&self, browser: &Browser) -> OpenCosts {
        browser.load_page().await;
        browser.settled().await;
        browser
            .in_app("localStorage.clear(); sessionStorage.clear(); return null")
            .await;
        tokio::time::sleep(RATE_WINDOW).await;
        let (cold, _) = self.counted_open(browser).await;
        let (warm, warm_view) = self.counted_open(browser).await;
        browser
            // The customer records cached for the agent (`v:<visibility>:…`): lookups, an organization's
            // match, deals and people. The account's reference lists stay.
            .in_app("Object.keys(localStorage).filter(k => k.includes(':v:')).forEach(k => localStorage.removeItem(k)); return null")
            .await;
        tokio::time::sleep(RATE_WINDOW).await;
        let (session, _) = self.counted_open(browser).await;
        OpenCosts { cold, warm, session, warm_view }
    }

    /// The Sell requests of one open of the ticket, and what it showed.
    #[allow(dead_code)]
    async fn counted_open(&self, browser: &Browser) -> (Vec<SellCall>, Sidebar) {
        self.clear_log().await;
        let shown = browser.open_ticket().await;
        // Requests the app might still make just after drawing count too.
        tokio::time::sleep(Duration::from_millis(400)).await;
        (self.log().await, shown)
    }

    /// `POST` to a control path of the host or emulator (`/_emu/huge`, say).
    #[allow(dead_code)]
    pub async fn post(&self, path: &str, body: Value) -> Value {
        self.send(reqwest::Method::POST, path, Some(body)).await
    }

    pub async fn state(&self) -> Value {
        self.send(reqwest::Method::GET, "/_emu/state", None).await
    }

    /// The leads the emulated Sell holds with this email, in the order it stores them.
    #[allow(dead_code)]
    pub async fn leads_with_email(&self, email: &str) -> Vec<Value> {
        let state = self.state().await;
        state["leads"].as_array().into_iter().flatten().filter(|l| l["email"] == json!(email)).cloned().collect()
    }

    /// `POST /_emu/faults` with these rules and no latency.
    pub async fn faults(&self, rules: Value) {
        self.send(
            reqwest::Method::POST,
            "/_emu/faults",
            Some(json!({"latency_ms": 0, "rules": rules})),
        )
        .await;
    }

    /// `POST /_emu/faults` with no rules: every Sell answer waits this long (a slow network).
    pub async fn latency(&self, ms: u64) {
        self.send(
            reqwest::Method::POST,
            "/_emu/faults",
            Some(json!({"latency_ms": ms, "rules": []})),
        )
        .await;
    }

    pub async fn clear_faults(&self) {
        self.send(reqwest::Method::DELETE, "/_emu/faults", None)
            .await;
    }
}

pub fn describe(calls: &[SellCall]) -> String {
    calls.iter().map(|c| format!("\n  {c}")).collect()
}

// ---------------------------------------------------------------------------------------- browser

/// What the sidebar shows, read in one round trip.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct Sidebar {
    /// Everything visible, as the agent reads it.
    pub text: String,
    /// A loading placeholder is on screen.
    pub busy: bool,
    /// The cards of the lookup, "Kind: Title" (e.g. "Deal: Contoso pilot"), and for several matches
    /// the choices, "pick Kind: Name".
    pub records: Vec<String>,
    /// Names of the visible buttons.
    pub buttons: Vec<String>,
    /// Titles of the state messages (role alert or status).
    pub callouts: Vec<String>,
    /// Console errors and uncaught exceptions of this app document since the capture was installed.
    pub errors: Vec<String>,
    /// Tells the app's documents apart (a reload starts a new one).
    pub document: String,
}

impl Sidebar {
    /// A lookup has finished: its result, a state message or a settings notice is on screen.
    pub fn settled(&self) -> bool {
        !self.busy
            && (!self.callouts.is_empty()
                || self.has_button("Refresh")
                || self.has_button("Aktualisieren"))
    }

    pub fn has_button(&self, name: &str) -> bool {
        self.buttons.iter().any(|b| b == name)
    }

    pub fn shows(&self, text: &str) -> bool {
        self.text.contains(text)
    }

    pub fn sorted_records(&self) -> Vec<String> {
        let mut records = self.records.clone();
        records.sort();
        records
    }
}

/// Installs (once per app document) a capture of console errors and uncaught exceptions: chromedriver's
/// browser log doesn't include the cross-origin iframe's console. What happens before the first read
/// of a document is missed; a panic while booting shows as a sidebar that never settles instead.
const CAPTURE_ERRORS: &str = r#"
if (!window.__e2eErrors) {
  window.__e2eErrors = [];
  window.__e2eDocument = String(Math.random());
  const keep = (text) => window.__e2eErrors.push(String(text));
  const original = console.error.bind(console);
  console.error = (...args) => { keep(args.map(String).join(' ')); original(...args); };
  window.addEventListener('error', (e) => keep('uncaught: ' + ((e.error && e.error.stack) || e.message)));
  window.addEventListener('unhandledrejection', (e) => keep('unhandled rejection: ' + e.reason));
}
"#;

const READ_SIDEBAR: &str = r#"
const visible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
const text = (el) => (el ? el.textContent : '').replace(/\s+/g, ' ').trim();
const lookup = document.querySelector('section.lookup') || document.createElement('section');
const records = Array.from(lookup.querySelectorAll('article')).map((card) =>
  text(card.querySelector('.card__kind')) + ': ' + text(card.querySelector('h2')));
const picks = Array.from(lookup.querySelectorAll('li button')).map((button) =>
  'pick ' + text(button.querySelector('.card__kind')) + ': ' + text(button.querySelector('.matches__name')));
return {
  text: document.body ? document.body.innerText : '',
  busy: !!document.querySelector('[aria-busy="true"]'),
  records: records.concat(picks),
  buttons: Array.from(document.querySelectorAll('button')).filter(visible).map(text),
  callouts: Array.from(document.querySelectorAll('[role="alert"], [role="status"]')).filter(visible)
    .map((el) => text(el.querySelector('strong') || el)).filter((t) => t.length > 0),
  errors: window.__e2eErrors.slice(),
  document: window.__e2eDocument,
};
"#;

/// A headless Chromium on the host's agent page, with a profile of its own (no cache leaks in from
/// another test). Closed by `close()`; a test that panics still ends its session in `Drop`.
pub struct Browser {
    pub client: Client,
    driver: Arc<Driver>,
    session: Option<String>,
    profile: PathBuf,
    page: String,
    /// Errors seen per app document, for the crash check at `close`.
    errors: Mutex<std::collections::HashMap<String, Vec<String>>>,
    _slot: SemaphorePermit<'static>,
}

impl Drop for Browser {
    fn drop(&mut self) {
        if let Some(session) = self.session.take() {
            // Can't await here: a plain blocking DELETE ends the session and its Chromium.
            end_session_blocking(self.driver.port, &session);
        }
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

fn end_session_blocking(port: u16, session: &str) {
    use std::io::{Read, Write};
    if let Ok(mut stream) = std::net::TcpStream::connect(("127.0.0.1", port)) {
        let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
        let request = format!(
            "DELETE /session/{session} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
        );
        if stream.write_all(request.as_bytes()).is_ok() {
            let _ = stream.read_to_end(&mut Vec::new());
        }
    }
}

fn new_profile_dir() -> PathBuf {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let dir = std::env::temp_dir().join(format!(
        "sell-sidebar-e2e-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temp dir for the Chromium profile");
    dir
}

impl Browser {
    /// A new browser session for `host` (waits for one of the two browser slots).
    pub async fn open(host: &Host) -> Browser {
        let slot = BROWSER_SLOTS
            .acquire()
            .await
            .expect("the browser semaphore is never closed");
        let driver = driver().await;
        let profile = new_profile_dir();
        let mut args = vec![
            "--headless=new".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-dev-shm-usage".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--window-size=1280,900".into(),
        ];
        args.push(format!("--user-data-dir={}", profile.display()));
        let mut chrome = json!({ "args": args });
        if let Some(binary) = std::env::var_os("CHROME_BIN") {
            chrome["binary"] = json!(binary.to_string_lossy());
        }
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("goog:chromeOptions".into(), chrome);
        let client = ClientBuilder::native()
            .capabilities(capabilities)
            .connect(&driver.url())
            .await
            .expect("chromedriver opens a Chromium session");
        let session = client.session_id().await.ok().flatten();
        Browser {
            client,
            driver,
            session,
            profile,
            page: host.url("/"),
            errors: Mutex::default(),
            _slot: slot,
        }
    }

    /// Ends the session, after checking the app did not panic or throw (in any document it had).
    pub async fn close(mut self) {
        self.sidebar().await;
        let failures: Vec<String> = self
            .app_errors()
            .into_iter()
            .filter(|line| is_crash(line))
            .collect();
        if self.session.take().is_some() {
            let _ = self.client.clone().close().await;
        }
        assert!(
            failures.is_empty(),
            "the app crashed:\n{}",
            failures.join("\n")
        );
    }

    /// Console errors and uncaught exceptions the app's documents had, as read so far.
    pub fn app_errors(&self) -> Vec<String> {
        let errors = self.errors.lock().unwrap_or_else(|p| p.into_inner());
        errors.values().flatten().cloned().collect()
    }

    /// Loads (or reloads) the agent page and waits until the app's iframe is there.
    pub async fn load_page(&self) {
        self.client
            .goto(&self.page)
            .await
            .expect("the agent page loads");
        self.wait_for("the app's iframe on the page", || async {
            self.client
                .find(Locator::Css("iframe[title='Zendesk Sell app']"))
                .await
                .ok()
        })
        .await;
    }

    /// The app's iframe element (switches to the page first).
    pub async fn app_frame(&self) -> Element {
        self.to_page().await;
        self.client
            .find(Locator::XPath("//iframe[@title='Zendesk Sell app']"))
            .await
            .expect("the page has the app's iframe")
    }

    /// Commands go to the agent page.
    pub async fn to_page(&self) {
        // Twice at most: the app has no nested frames.
        let _ = self.client.enter_parent_frame().await;
        let _ = self.client.enter_parent_frame().await;
    }

    /// Commands go to the app inside the iframe.
    pub async fn to_app(&self) {
        let frame = self.app_frame().await;
        frame
            .enter_frame()
            .await
            .expect("the app's iframe can be entered");
    }

    /// Runs `script` in the app's document.
    pub async fn in_app(&self, script: &str) -> Value {
        self.to_app().await;
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("script in the app failed: {e}\n{script}"))
    }

    /// Runs `script` in the agent page's document.
    /// Reinstalls the app with `all_agents_access` set to any JSON value. The host only stores typed
    /// settings, so the value goes into the metadata the page hands the app at its next handshake (as
    /// Support would pass whatever the installation holds).
    pub async fn reinstall_with_access_setting(&self, value: &str) {
        let script = format!(
            "return window.__devhost.reinstall().then(() => {{ \
               window.__devhost.payload.metadata.settings.all_agents_access = {}; }})",
            json!(value)
        );
        self.in_page(&script).await;
    }

    /// Edits the ticket's requester email in the page's toolbar, which tells the app as Support does
    /// (`ticket.requester.email.changed`).
    #[allow(dead_code)]
    pub async fn change_requester_email(&self, email: &str) {
        let script = format!(
            "document.getElementById('requester-email').value = {}; \
             document.getElementById('requester-form').requestSubmit(); return null",
            json!(email)
        );
        self.in_page(&script).await;
    }

    /// Puts another seeded person in as the ticket's requester with the page's toolbar, as an agent
    /// does in Support (`ticket.requester.id.changed`).
    #[allow(dead_code)]
    pub async fn replace_requester(&self, support_user_id: u64) {
        let script = format!(
            "document.getElementById('replace-requester').value = '{support_user_id}'; \
             document.getElementById('replace-requester-button').click(); return null"
        );
        self.in_page(&script).await;
    }

    pub async fn in_page(&self, script: &str) -> Value {
        self.to_page().await;
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("script on the page failed: {e}\n{script}"))
    }

    pub async fn sidebar(&self) -> Sidebar {
        self.to_app().await;
        let script = format!("{CAPTURE_ERRORS}{READ_SIDEBAR}");
        let shown: Sidebar = match self.client.execute(&script, vec![]).await {
            Ok(value) => serde_json::from_value(value).unwrap_or_default(),
            // The iframe may be between two documents (reload): nothing to read yet.
            Err(_) => Sidebar::default(),
        };
        if !shown.document.is_empty() {
            let mut errors = self.errors.lock().unwrap_or_else(|p| p.into_inner());
            errors.insert(shown.document.clone(), shown.errors.clone());
        }
        shown
    }

    /// Polls `probe` until it gives `Some`, or fails after `STATE_TIMEOUT` naming what was awaited.
    pub async fn wait_for<T, F, Fut>(&self, what: &str, mut probe: F) -> T
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Option<T>>,
    {
        let started = Instant::now();
        loop {
            if let Some(found) = probe().await {
                return found;
            }
            if started.elapsed() > STATE_TIMEOUT {
                let shown = self.sidebar().await;
                panic!(
                    "waited {:?} for {what}; the sidebar showed:\n{}\nrecords: {:?}\nbuttons: {:?}",
                    STATE_TIMEOUT, shown.text, shown.records, shown.buttons
                );
            }
            tokio::time::sleep(POLL_EVERY).await;
        }
    }

    /// Waits until the sidebar satisfies `ready` and returns what it showed then.
    pub async fn wait_sidebar(&self, what: &str, ready: impl Fn(&Sidebar) -> bool) -> Sidebar {
        self.wait_for(what, || async {
            let shown = self.sidebar().await;
            ready(&shown).then_some(shown)
        })
        .await
    }

    /// Waits until the lookup has finished (result, state message or notice on screen).
    pub async fn settled(&self) -> Sidebar {
        self.wait_sidebar("the lookup to finish", Sidebar::settled)
            .await
    }

    pub async fn wait_text(&self, text: &str) -> Sidebar {
        self.wait_sidebar(&format!("the text {text:?}"), |s| s.shows(text))
            .await
    }

    /// Reloads the page and waits for the lookup's outcome.
    pub async fn open_ticket(&self) -> Sidebar {
        self.load_page().await;
        self.settled().await
    }

    /// Types `text` into the sidebar's "Search Sell" field and waits until it shows `text`.
    pub async fn search_sell(&self, text: &str) -> Sidebar {
        let search = self.field("Search Sell").await;
        search.send_keys(text).await.expect("typing in the search");
        self.wait_text(text).await
    }

    /// Reloads the app with an empty cache while every Sell answer waits 15 s, and waits for the
    /// card-shaped loading skeletons (`Host::clear_faults` ends the slowness for later loads).
    pub async fn load_slowly(&self, host: &Host) {
        self.in_app("localStorage.clear(); return null").await;
        host.latency(15_000).await;
        self.load_page().await;
        self.wait_for("the loading skeletons", || async {
            let shown = self
                .in_app("return document.querySelector('.skeleton') !== null")
                .await;
            (shown == Value::Bool(true)).then_some(())
        })
        .await;
    }

    /// Opens the create-lead form from the lookup and submits it as prefilled, for settings where the
    /// agent owns the lead, then waits for "created in Sell".
    pub async fn create_own_lead(&self) -> Sidebar {
        self.open_own_lead_form().await;
        self.click_button("Create lead").await;
        self.wait_sidebar("the lead to be created", |s| s.shows("created in Sell"))
            .await
    }

    /// Opens the ticket and its create-lead form, for settings where the agent owns the lead.
    #[allow(dead_code)]
    pub async fn open_own_lead_form(&self) {
        self.open_ticket().await;
        self.click_button("Create lead").await;
        self.wait_text("You will own this lead.").await;
    }

    /// The app's button with this visible name.
    pub async fn button(&self, name: &str) -> Element {
        self.to_app().await;
        self.wait_for(&format!("a button {name:?}"), || async {
            let xpath = format!("//button[normalize-space(.)={}]", xpath_literal(name));
            let found = self.client.find_all(Locator::XPath(&xpath)).await.ok()?;
            for button in found {
                if button.is_displayed().await.unwrap_or(false) {
                    return Some(button);
                }
            }
            None
        })
        .await
    }

    pub async fn click_button(&self, name: &str) {
        let button = self.button(name).await;
        button
            .click()
            .await
            .unwrap_or_else(|e| panic!("clicking {name:?}: {e}"));
    }

    /// The app's input, select or textarea whose `<label>` reads `label` (the label's `for`).
    pub async fn field(&self, label: &str) -> Element {
        self.to_app().await;
        self.wait_for(&format!("a field labelled {label:?}"), || async {
            let xpath = format!(
                "//label[normalize-space(.)={0} or normalize-space(text())={0}]",
                xpath_literal(label)
            );
            let found = self.client.find(Locator::XPath(&xpath)).await.ok()?;
            let id = found.attr("for").await.ok()??;
            self.client.find(Locator::Id(&id)).await.ok()
        })
        .await
    }

    /// Saves a picture of the app's iframe to `target/screenshots/<name>.png`, for review.
    pub async fn screenshot(&self, name: &str) {
        // The tray scrolls inside the page: a window as tall as the app shows all of it.
        let frame = self.app_frame().await;
        let (_, _, _, height) = frame.rectangle().await.unwrap_or((0.0, 0.0, 0.0, 0.0));
        let tall = (height as u32).saturating_add(700).clamp(900, 8000);
        let _ = self.client.set_window_size(1280, tall).await;
        let shot = frame.screenshot().await;
        let _ = self.client.set_window_size(1280, 900).await;
        let png = match shot {
            Ok(png) => png,
            Err(e) => {
                eprintln!("screenshot {name}: {e}");
                return;
            }
        };
        let dir = workspace_root().join("target").join("screenshots");
        let saved = std::fs::create_dir_all(&dir)
            .and_then(|_| std::fs::write(dir.join(format!("{name}.png")), png));
        if let Err(e) = saved {
            eprintln!("screenshot {name}: {e}");
        }
    }
}

/// A Rust panic (the app's panic hook writes "panicked") or a wasm trap / uncaught exception.
fn is_crash(line: &str) -> bool {
    line.contains("panicked") || line.starts_with("uncaught:") || line.contains("RuntimeError")
}

/// An XPath string literal for any text (XPath 1 has no escapes).
pub fn xpath_literal(text: &str) -> String {
    if !text.contains('\'') {
        format!("'{text}'")
    } else if !text.contains('"') {
        format!("\"{text}\"")
    } else {
        let parts: Vec<String> = text.split('\'').map(|p| format!("'{p}'")).collect();
        format!("concat({})", parts.join(", \"'\", "))
    }
}
