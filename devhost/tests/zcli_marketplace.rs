//! The package as Zendesk's tooling and the Marketplace see it, end to end:
//!
//! - `zcli apps:server` (npm `@zendesk/zcli`, installed in js/ by `cargo xtask test`) serves a package
//!   folder, and the app it serves boots in the local Support-like page (`--app-url`) and paints Sell
//!   data from the emulator. zcli missing is a failure, not a skip: the check is the point.
//! - The Marketplace screenshots are taken from the real app on the local host at the listing's size.
//!   They go to `target/screenshots/marketplace/`, or to `SELL_SIDEBAR_SCREENSHOTS_DIR` when set:
//!   `cargo xtask screenshots` sets it and copies the pictures to `assets/` when they pass, so only
//!   that command rewrites the committed ones.
//!
//! Needs what the end-to-end suite needs (`SELL_SIDEBAR_DIST`, chromedriver).

#[allow(dead_code)]
#[path = "e2e/harness.rs"]
mod harness;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use devhost::host::origins::AppUrl;
use devhost::host::HostOptions;
use serde_json::{json, Value};

use harness::{app_dist, workspace_root, Browser, Host};

const ADA: &str = "ada@acme.test";
/// zcli's app id when `zcli.apps.config.json` gives `"app_id": 0`; its assets are at `/0/assets/`.
const ZCLI_APP_ID: u64 = 0;
/// zcli (node, oclif) takes a few seconds to start; a busy machine more.
const ZCLI_STARTUP: Duration = Duration::from_secs(90);

// ------------------------------------------------------------------------------------ temp folders

struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("sell-sidebar-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a temp dir");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn copy(from: &Path, to: &Path) {
    if let Some(parent) = to.parent() {
        std::fs::create_dir_all(parent).expect("a folder in the package");
    }
    std::fs::copy(from, to)
        .unwrap_or_else(|e| panic!("copying {} to {}: {e}", from.display(), to.display()));
}

/// Plain files directly in `dir`, skipping dotfiles and folders (as `cargo xtask package` does).
fn top_level_files(dir: &Path) -> Vec<PathBuf> {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().map(|t| t.is_file()).unwrap_or(false))
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| !n.starts_with('.'))
        })
        .collect();
    files.sort();
    files
}

fn copy_tree(from: &Path, to: &Path) {
    let entries = std::fs::read_dir(from).unwrap_or_else(|e| panic!("{}: {e}", from.display()));
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copy_tree(&path, &target);
        } else {
            copy(&path, &target);
        }
    }
}

// ------------------------------------------------------------------------------------------- zcli

/// `ZCLI`, else the copy `npm ci` puts in js/node_modules/.bin. Panics with how to install it.
fn zcli_bin() -> PathBuf {
    let path = std::env::var_os("ZCLI")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("js/node_modules/.bin/zcli"));
    assert!(
        path.is_file(),
        "zcli (npm @zendesk/zcli) is not installed at {}: run `npm ci --prefix js` (or \
         `cargo xtask setup`, which `cargo xtask test` runs), or point ZCLI at it. This check is not \
         skipped without it: it proves the package loads under zcli apps:server.",
        path.display()
    );
    path
}

/// A package folder in zcli's layout: manifest.json, translations/, assets/ (the Trunk build plus
/// the logos and screenshots), and the `zcli.apps.config.json` that gives every setting a value so
/// zcli asks nothing.
fn package_dir(dist: &Path) -> TempDir {
    let root = workspace_root();
    let dir = TempDir::new("zcli-package");
    copy(&root.join("manifest.json"), &dir.0.join("manifest.json"));
    for file in top_level_files(&root.join("translations")) {
        if file.extension().is_some_and(|e| e == "json") {
            copy(
                &file,
                &dir.0
                    .join("translations")
                    .join(file.file_name().unwrap_or_default()),
            );
        }
    }
    for file in top_level_files(&root.join("assets")) {
        copy(
            &file,
            &dir.0
                .join("assets")
                .join(file.file_name().unwrap_or_default()),
        );
    }
    copy_tree(dist, &dir.0.join("assets"));

    let manifest: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("manifest.json")).expect("manifest.json is readable"),
    )
    .expect("manifest.json is JSON");
    let parameters: serde_json::Map<String, Value> = manifest["parameters"]
        .as_array()
        .map(|params| {
            params
                .iter()
                .filter_map(|p| {
                    let name = p["name"].as_str()?;
                    let value = match &p["default"] {
                        Value::Null => json!(""),
                        other => other.clone(),
                    };
                    Some((name.to_string(), value))
                })
                .collect()
        })
        .unwrap_or_default();
    let config = json!({"app_id": ZCLI_APP_ID, "parameters": parameters});
    std::fs::write(dir.0.join("zcli.apps.config.json"), config.to_string())
        .expect("zcli.apps.config.json is written");
    dir
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free local port for zcli")
}

/// `zcli apps:server` on a free port, stopped when dropped. Its request log (`--logs`) goes to a file.
struct Zcli {
    child: Child,
    port: u16,
    log: PathBuf,
}

impl Drop for Zcli {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Zcli {
    fn start(package: &Path, log_dir: &Path) -> Zcli {
        let port = free_port();
        let log = log_dir.join("zcli.log");
        let out = std::fs::File::create(&log).expect("zcli's log file");
        let err = out.try_clone().expect("zcli's log file");
        let child = Command::new(zcli_bin())
            .arg("apps:server")
            .arg(package)
            .args(["--port", &port.to_string(), "--bind", "127.0.0.1", "--logs"])
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .spawn()
            .unwrap_or_else(|e| panic!("zcli apps:server did not start: {e} (is node on PATH?)"));
        Zcli { child, port, log }
    }

    fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Waits for zcli's `/app.json`: the apps and installations it built from manifest.json.
    async fn app_json(&mut self) -> Value {
        let http = reqwest::Client::new();
        let url = format!("http://127.0.0.1:{}/app.json", self.port);
        let started = Instant::now();
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!(
                    "zcli exited ({status}) before serving:\n{}",
                    self.log_text()
                );
            }
            if let Ok(response) = http.get(&url).send().await {
                if response.status().is_success() {
                    return response.json().await.expect("zcli's app.json is JSON");
                }
            }
            assert!(
                started.elapsed() < ZCLI_STARTUP,
                "zcli did not answer {url} within {ZCLI_STARTUP:?}:\n{}",
                self.log_text()
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
}

/// Where Zendesk frames the sidebar from under zcli: the app's root (`asset_url_prefix` without its
/// `assets/`) joined with the ticket sidebar's `url` from the manifest (`assets/index.html`).
fn sidebar_url_in(app_json: &Value) -> String {
    let app = &app_json["apps"][0];
    let prefix = app["asset_url_prefix"]
        .as_str()
        .unwrap_or_else(|| panic!("app.json has no asset_url_prefix: {app_json}"));
    let location = app["locations"]["support"]["ticket_sidebar"]["url"]
        .as_str()
        .unwrap_or_else(|| panic!("app.json has no support ticket_sidebar url: {app_json}"));
    let root = prefix
        .strip_suffix("assets/")
        .unwrap_or_else(|| panic!("asset_url_prefix {prefix:?} does not end in assets/"));
    format!("{root}{location}")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_package_served_by_zcli_apps_server_boots_in_the_local_host_and_shows_sell_data() {
    let package = package_dir(&app_dist());
    let logs = TempDir::new("zcli-logs");
    let mut zcli = Zcli::start(&package.0, &logs.0);
    let app_json = zcli.app_json().await;
    assert_eq!(app_json["apps"][0]["name"], "Zendesk Sell", "{app_json}");
    let sidebar_url = sidebar_url_in(&app_json);
    assert_eq!(
        sidebar_url,
        format!(
            "http://localhost:{}/{ZCLI_APP_ID}/assets/index.html",
            zcli.port
        ),
        "zcli lays the package out as /<app id>/assets/"
    );

    // The host's own /app/ points nowhere: whatever boots came from zcli.
    let host = Host::start_with(HostOptions {
        port: 0,
        app_dir: PathBuf::from("/nonexistent/no-app-build-here"),
        app_url: Some(AppUrl::parse(&sidebar_url).expect("zcli's URL can be framed")),
        ..HostOptions::default()
    })
    .await;
    host.sign_in(ADA, 101, false).await;
    let browser = Browser::open(&host).await;
    let shown = browser.open_ticket().await;
    assert_eq!(
        shown.records,
        ["Lead: Lea Lead"],
        "ticket 101's lead, from the emulator through the page's ZAF proxy:\n{}",
        shown.text
    );

    let document = browser.in_app("return window.location.href;").await;
    let document = document.as_str().unwrap_or_default();
    assert!(
        document.starts_with(&format!("{sidebar_url}?origin=")) && document.contains("&app_guid="),
        "the app's document is zcli's, with the SDK's query: {document}"
    );
    let log = zcli.log_text();
    for asset in [
        "/0/assets/index.html",
        "/0/assets/sell-sidebar_bg.wasm",
        "/0/assets/zaf_sdk.min.js",
    ] {
        assert!(
            log.lines()
                .any(|l| l.contains(&format!("GET {asset}")) && l.contains("200")),
            "zcli served {asset}; its log:\n{log}"
        );
    }
    assert!(
        host.log()
            .await
            .iter()
            .any(|c| c.path.starts_with("/v2/leads")),
        "the app asked Sell for leads"
    );
    browser.close().await;
}

// ------------------------------------------------------------------------------------ screenshots

/// Zendesk's Marketplace asks for 1024x768 (or 2048x1536) PNG screenshots of at most 500 KB, full
/// bleed (developer.zendesk.com, Marketplace brand assets). `xtask/src/validate/assets.rs` holds
/// the same numbers for the package.
const SHOT_WIDTH: u32 = 1024;
const SHOT_HEIGHT: u32 = 768;
const SHOT_MAX_BYTES: usize = 500 * 1000;

fn screenshot_dir() -> PathBuf {
    std::env::var_os("SELL_SIDEBAR_SCREENSHOTS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target/screenshots/marketplace"))
}

fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    if png.get(..8) != Some(b"\x89PNG\r\n\x1a\n".as_slice()) || png.get(12..16) != Some(b"IHDR") {
        return None;
    }
    let word = |at: usize| {
        png.get(at..at + 4)
            .and_then(|b| b.try_into().ok())
            .map(u32::from_be_bytes)
    };
    Some((word(16)?, word(20)?))
}

/// The browser's viewport (not its window) at exactly `width` x `height`.
async fn set_viewport(browser: &Browser, width: u32, height: u32) {
    let mut window = (width, height);
    for _ in 0..3 {
        browser
            .client
            .set_window_size(window.0, window.1)
            .await
            .expect("the window can be resized");
        let inner = browser
            .in_page("return [window.innerWidth, window.innerHeight];")
            .await;
        let inner = (
            inner[0].as_u64().unwrap_or(0) as u32,
            inner[1].as_u64().unwrap_or(0) as u32,
        );
        if inner == (width, height) {
            return;
        }
        window = (
            (window.0 + width).saturating_sub(inner.0),
            (window.1 + height).saturating_sub(inner.1),
        );
    }
}

/// The dev host's own controls (toolbar, dev panel, toasts) are not part of Zendesk: hidden for the
/// picture, so it shows a ticket page with the app in its sidebar. The app itself is untouched.
const HIDE_DEV_CHROME: &str = r#"
for (const selector of ['.devbar', '#devpanel', '#toasts']) {
  const el = document.querySelector(selector);
  if (el) el.style.display = 'none';
}
// Without the toolbar, the ticket workspace takes the whole window, as Support's does.
document.body.style.display = 'block';
const workspace = document.querySelector('.workspace');
if (workspace) workspace.style.height = '100vh';
return true;
"#;

/// Scrolls the apps tray so the app's element `selector` is at the top of the viewport.
async fn scroll_tray_to(browser: &Browser, selector: &str) {
    let script = format!(
        "const el = document.querySelector({}); return el ? el.getBoundingClientRect().top + window.scrollY : null;",
        serde_json::to_string(selector).unwrap_or_default()
    );
    let top = browser.in_app(&script).await;
    let top = top
        .as_f64()
        .unwrap_or_else(|| panic!("the app shows no {selector}"));
    browser
        .in_page(&format!(
            "const tray = document.getElementById('apps-tray');
             const frame = document.getElementById('app-frame');
             const header = tray.querySelector('.apps-tray-header');
             const frameTop = frame.getBoundingClientRect().top - tray.getBoundingClientRect().top + tray.scrollTop;
             tray.scrollTop = frameTop + {top} - (header ? header.offsetHeight : 0) - 8;
             return tray.scrollTop;"
        ))
        .await;
}

/// Saves the whole page, as it is now, as `<dir>/<name>.png` and checks it is a listing picture.
async fn shoot(browser: &Browser, dir: &Path, name: &str) -> PathBuf {
    browser.to_page().await;
    let png = browser
        .client
        .screenshot()
        .await
        .expect("chromedriver takes a screenshot");
    assert_eq!(
        png_size(&png),
        Some((SHOT_WIDTH, SHOT_HEIGHT)),
        "{name}: the Marketplace wants {SHOT_WIDTH}x{SHOT_HEIGHT}"
    );
    assert!(
        png.len() <= SHOT_MAX_BYTES,
        "{name}: {} bytes, over the Marketplace's {SHOT_MAX_BYTES}",
        png.len()
    );
    std::fs::create_dir_all(dir).expect("the screenshot folder");
    let path = dir.join(format!("{name}.png"));
    std::fs::write(&path, &png).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    path
}

/// Opens `ticket` as Ada with the page at the listing's size and the dev controls hidden.
async fn open_for_picture(host: &Host, browser: &Browser, ticket: u64) -> harness::Sidebar {
    host.config(json!({
        "agent": ADA,
        "ticket": ticket,
        "locale": "en-US",
        "settings": {"all_agents_access": false},
    }))
    .await;
    set_viewport(browser, SHOT_WIDTH, SHOT_HEIGHT).await;
    let shown = browser.open_ticket().await;
    browser.in_page(HIDE_DEV_CHROME).await;
    shown
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn marketplace_screenshots_show_the_real_app_at_the_listing_size() {
    let dir = screenshot_dir();
    let host = Host::start().await;
    let browser = Browser::open(&host).await;
    let mut saved = Vec::new();

    // 0: a contact with its organization and deals (ticket 102, Carl Contact).
    let shown = open_for_picture(&host, &browser, 102).await;
    assert!(
        shown.records.iter().any(|r| r == "Contact: Carl Contact")
            && shown.records.iter().any(|r| r.starts_with("Deal: ")),
        "{:?}",
        shown.records
    );
    saved.push(shoot(&browser, &dir, "screenshot-0").await);

    // 1: the create-lead form for a requester Sell doesn't know (ticket 105).
    let shown = open_for_picture(&host, &browser, 105).await;
    assert!(shown.has_button("Create lead"), "{:?}", shown.buttons);
    browser.click_button("Create lead").await;
    browser.field("Last name").await;
    browser.wait_text("New lead").await;
    saved.push(shoot(&browser, &dir, "screenshot-1").await);

    // 2: the settings helper an admin opens to copy Sell's exact users, pools, statuses and sources.
    open_for_picture(&host, &browser, 101).await;
    browser.click_button("Settings helper").await;
    browser.wait_text("Sell settings check").await;
    browser.wait_text("Inbound pool").await;
    scroll_tray_to(&browser, "#settings-helper").await;
    saved.push(shoot(&browser, &dir, "screenshot-2").await);

    browser.close().await;
    for path in saved {
        eprintln!("saved {}", path.display());
    }
}
