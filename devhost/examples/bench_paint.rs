//! Browser figures for `cargo xtask bench`, printed as one JSON object on stdout (progress on stderr):
//!
//! - `requests`: Sell requests per ticket (101-108) counted at the emulator's `/_emu/log`, cold (empty
//!   localStorage) and warm (the ticket opened again at once, well within the 5-minute cache), for
//!   Ada in *All agents* mode, Ada in *Sell users only* mode and Nora in *Sell users only* mode.
//! - `paint`: time from the iframe's navigation start to the ticket's Sell data being in the iframe's
//!   DOM, for the app (cold and warm cache) and for `bench/plain.html` (the same ZAF SDK bundle and the
//!   same Sell requests in plain JS), alternating in one browser session.
//! - `combobox`: the app's owner combobox in the browser: time from an `input` event to the filtered
//!   list being in the DOM and laid out, with the seed's users and with 2,000 generated users.
//!
//! Needs the release build (`SELL_SIDEBAR_DIST`) and chromedriver (`CHROMEDRIVER`), like the
//! end-to-end tests, whose harness this reuses. Usage:
//! `cargo run -p devhost --example bench_paint -- [--runs 20] [--only requests|paint|combobox]`

#[allow(dead_code)]
#[path = "../tests/e2e/harness.rs"]
mod harness;

use std::path::{Path, PathBuf};
use std::time::Duration;

use devhost::host::{serve, HostOptions, RunningHost};
use fantoccini::Locator;
use harness::{Browser, Host, OpenCosts, RATE_WINDOW};
use serde_json::{json, Value};

const ADA: &str = "ada@acme.test";
const NORA: &str = "nora@acme.test";
const TICKETS: [u64; 8] = [101, 102, 103, 104, 105, 106, 107, 108];

/// Carl's ticket: a contact with three deals (his organization loads on demand), the dearest first
/// paint of the seed.
const PAINT_TICKET: u64 = 102;
/// The lookup has painted when every deal name of Carl's first paint is in the document (both pages).
const PAINT_NEEDLES: [&str; 3] = ["Contoso renewal 2024", "Contoso expansion", "Contoso pilot"];

/// Runs before the measured ones, so both pages start from a warm HTTP cache and compiled code.
const WARMUP_RUNS: usize = 2;
const GENERATED_USERS: usize = 2_000;

struct Args {
    runs: usize,
    only: Option<String>,
}

fn args() -> Args {
    let mut parsed = Args {
        runs: 20,
        only: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--runs" => {
                parsed.runs = it
                    .next()
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(parsed.runs)
            }
            "--only" => parsed.only = it.next(),
            other => eprintln!("bench_paint: ignoring argument {other:?}"),
        }
    }
    parsed
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let args = args();
    let wanted = |part: &str| args.only.as_deref().is_none_or(|only| only == part);
    // One dist folder with the real build and the plain page beside it, so one host serves both
    // from the same origin: the harness's hosts take it from SELL_SIDEBAR_DIST.
    let dist = combined_dist();
    std::env::set_var("SELL_SIDEBAR_DIST", &dist);

    let mut out = serde_json::Map::new();
    if wanted("requests") {
        out.insert("requests".into(), request_counts().await);
    }
    if wanted("paint") {
        out.insert("paint".into(), paint_times(args.runs).await);
    }
    if wanted("combobox") {
        out.insert("combobox".into(), combobox_times(&dist).await);
    }
    let _ = std::fs::remove_dir_all(&dist);
    println!("{}", Value::Object(out));
}

/// A temp copy of the app's dist with `bench/plain.html` added.
fn combined_dist() -> PathBuf {
    let app = harness::app_dist();
    let dir = std::env::temp_dir().join(format!("sell-sidebar-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&app, &dir);
    let plain = harness::workspace_root().join("bench/plain.html");
    std::fs::copy(&plain, dir.join("plain.html"))
        .unwrap_or_else(|e| panic!("copying {}: {e}", plain.display()));
    std::fs::write(dir.join("bench-probe.js"), PROBE_JS).expect("writing the probe");
    for page in ["index.html", "plain.html"] {
        let path = dir.join(page);
        let html =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let probed = html.replacen("<head>", &format!("<head>{PROBE_TAG}"), 1);
        assert!(probed != html, "{page} has no <head> to put the probe in");
        std::fs::write(&path, probed).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap_or_else(|e| panic!("{}: {e}", to.display()));
    let entries = std::fs::read_dir(from).unwrap_or_else(|e| panic!("{}: {e}", from.display()));
    for entry in entries.flatten() {
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
    }
}

// ------------------------------------------------------------------------------ requests per ticket

async fn request_counts() -> Value {
    let host = Host::start().await;
    let browser = Browser::open(&host).await;
    let mut rows = Vec::new();
    for (agent, all_agents) in [(ADA, true), (ADA, false), (NORA, false)] {
        for ticket in TICKETS {
            host.sign_in(agent, ticket, all_agents).await;
            let OpenCosts { cold, warm, session, .. } = host.open_costs(&browser).await;
            eprintln!(
                "requests: {agent} all_agents={all_agents} #{ticket}: cold {}, session {}, warm {}",
                cold.len(),
                session.len(),
                warm.len()
            );
            rows.push(json!({
                "agent": agent,
                "mode": if all_agents { "all_agents" } else { "sell_users_only" },
                "ticket": ticket,
                "cold": cold.len(),
                "session": session.len(),
                "warm": warm.len(),
                "cold_calls": cold.iter().map(ToString::to_string).collect::<Vec<_>>(),
            }));
        }
    }
    browser.close().await;
    Value::Array(rows)
}

// ------------------------------------------------------------------------------------- paint times

/// Installed as the first script of both pages' copies (`index.html` and `plain.html` in the temp
/// dist; the app's own code is untouched): records `performance.now()` (ms since the iframe's
/// navigation start) in the first mutation that puts every `needle` of the URL in the DOM, and the
/// next animation frame after it. Scripts injected through WebDriver come too late for this: the
/// driver waits for the frame's load event, and the warm app and the plain page have painted by then.
const PROBE_JS: &str = r#"(function () {
  var needles = new URLSearchParams(location.search).getAll('needle');
  if (!needles.length) return;
  var bench = window.__bench = { painted: null, frame: null };
  var has = function () {
    var text = document.body ? document.body.textContent : '';
    return needles.every(function (n) { return text.indexOf(n) >= 0; });
  };
  var observer = new MutationObserver(function () {
    if (bench.painted !== null || !has()) return;
    bench.painted = performance.now();
    observer.disconnect();
    requestAnimationFrame(function () { bench.frame = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})();
"#;

/// What a page of the temp dist gets as its first element, so the probe runs before anything else.
const PROBE_TAG: &str = "<script src=\"bench-probe.js\"></script>";

#[derive(Clone, Copy, PartialEq)]
enum Page {
    AppCold,
    AppWarm,
    Plain,
}

impl Page {
    fn key(self) -> &'static str {
        match self {
            Page::AppCold => "app_cold",
            Page::AppWarm => "app_warm",
            Page::Plain => "plain",
        }
    }
}

async fn paint_times(runs: usize) -> Value {
    let host = Host::start().await;
    host.sign_in(ADA, PAINT_TICKET, true).await;
    let browser = Browser::open(&host).await;
    browser.open_ticket().await;
    let pages = [Page::AppCold, Page::AppWarm, Page::Plain];
    let mut samples: Vec<Vec<f64>> = vec![Vec::new(); pages.len()];
    let mut missed = vec![0usize; pages.len()];
    let mut nonce = 0u64;
    for run in 0..runs + WARMUP_RUNS {
        for (slot, page) in pages.iter().enumerate() {
            // Up to 5 tries for a run the script could not time (it got in after the data).
            for _ in 0..5 {
                nonce += 1;
                match time_one(&browser, *page, nonce).await {
                    Some(ms) => {
                        if run >= WARMUP_RUNS {
                            samples[slot].push(ms);
                        }
                        break;
                    }
                    None => missed[slot] += 1,
                }
            }
        }
        eprintln!(
            "paint: run {run}: {}",
            pages
                .iter()
                .zip(&samples)
                .map(|(p, s)| format!(
                    "{} {:.0} ms",
                    p.key(),
                    s.last().copied().unwrap_or(f64::NAN)
                ))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    browser.close().await;
    let mut result = serde_json::Map::new();
    for ((page, values), missed) in pages.iter().zip(&samples).zip(&missed) {
        let mut stats = spread(values);
        stats["untimed_runs"] = json!(missed);
        result.insert(page.key().into(), stats);
    }
    let median = |slot: usize| median_of(&samples[slot]);
    result.insert(
        "ratio_app_cold_to_plain".into(),
        json!(median(0) / median(2)),
    );
    result.insert(
        "ratio_app_warm_to_plain".into(),
        json!(median(1) / median(2)),
    );
    result.insert("ticket".into(), json!(PAINT_TICKET));
    result.insert("needles".into(), json!(PAINT_NEEDLES));
    result.insert(
        "measured".into(),
        json!("ms from the iframe document's navigation start (performance.timeOrigin) until every deal name of the ticket is in its DOM, seen by a MutationObserver that the bench adds as the first script of a copy of each page (the app's code unchanged); warm HTTP cache, local host, headless Chromium, each run in a fresh Sell rate-limit window; app_cold clears localStorage first, app_warm re-opens within the cache time"),
    );
    Value::Object(result)
}

/// Navigates the iframe to `page` (same guid and origin, so the agent page answers it) and reads
/// the probe's figure once the data is there.
async fn time_one(browser: &Browser, page: Page, nonce: u64) -> Option<f64> {
    if page == Page::AppCold {
        browser.in_app("localStorage.clear(); return null").await;
    }
    // A fresh rate-limit window, so one run's requests don't make the next one wait for 429 retries.
    if page != Page::AppWarm {
        tokio::time::sleep(RATE_WINDOW).await;
    }
    let file = if page == Page::Plain {
        "plain.html"
    } else {
        "index.html"
    };
    browser
        .in_page(&format!(
            "const f = document.getElementById('app-frame');
             const url = new URL(f.src);
             url.pathname = '/app/{file}';
             url.searchParams.set('bench', '{nonce}');
             url.searchParams.delete('needle');
             {needles}.forEach((n) => url.searchParams.append('needle', n));
             f.src = url.toString();
             return null;",
            needles = json!(PAINT_NEEDLES)
        ))
        .await;
    let read = format!(
        "if (!location.href.includes('bench={nonce}&')) return 'other';
         return window.__bench && window.__bench.frame !== null ? window.__bench : null;"
    );
    let started = std::time::Instant::now();
    while started.elapsed() < Duration::from_secs(15) {
        browser.to_app().await;
        if let Ok(answer) = browser.client.execute(&read, vec![]).await {
            if let Some(painted) = answer["painted"].as_f64() {
                return Some(painted);
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let shown = browser
        .in_app("return location.href + ' ' + (document.body ? document.body.innerText : '')")
        .await;
    eprintln!("paint: {} run did not finish in 15 s: {shown}", page.key());
    None
}

fn median_of(values: &[f64]) -> f64 {
    percentile(values, 0.5)
}

/// Nearest-rank percentile of unsorted values; NaN for none.
fn percentile(values: &[f64], q: f64) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = (q * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn spread(values: &[f64]) -> Value {
    json!({
        "runs": values.len(),
        "median_ms": median_of(values),
        "p10_ms": percentile(values, 0.1),
        "p90_ms": percentile(values, 0.9),
        "samples_ms": values,
    })
}

// ---------------------------------------------------------------------------------- combobox render

/// Types into the owner combobox and times each keystroke in the page: from dispatching `input`
/// until the app's reaction (microtasks) has run and the list is laid out, taken after a macrotask
/// turn (MessageChannel) and a forced layout. Answers per-keystroke ms and the options shown.
const TYPE_AND_TIME: &str = r#"
const [queries, done] = arguments;
const input = document.querySelector('[role="combobox"]');
if (!input) { done({error: 'no combobox'}); return; }
const list = document.getElementById(input.getAttribute('aria-controls'));
const turn = () => new Promise((resolve) => { const c = new MessageChannel(); c.port1.onmessage = resolve; c.port2.postMessage(0); });
const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
(async () => {
  input.focus();
  const times = [];
  const shown = [];
  for (const q of queries) {
    await turn();
    const t0 = performance.now();
    setter.call(input, q);
    input.dispatchEvent(new Event('input', {bubbles: true}));
    await turn();
    void (list ? list.offsetHeight : document.body.offsetHeight);
    times.push(performance.now() - t0);
    shown.push(document.querySelectorAll('[role="option"]').length);
  }
  done({times, shown});
})();
"#;

async fn combobox_times(dist: &Path) -> Value {
    let seed = {
        let host = Host::start().await;
        let browser = Browser::open(&host).await;
        let result = time_combobox(&browser, &host.url("/"), &host.url("")).await;
        browser.close().await;
        result
    };
    let generated = {
        let state_file = generated_state_file().await;
        let running = serve(HostOptions {
            port: 0,
            app_dir: dist.to_path_buf(),
            state_file: Some(state_file.clone()),
            ..HostOptions::default()
        })
        .await
        .expect("a host with the generated users starts");
        let base = format!("http://{}", running.addr);
        // The harness's browser needs a harness host; it is only used for the slot and the driver.
        let placeholder = Host::start().await;
        let browser = Browser::open(&placeholder).await;
        let result = time_combobox(&browser, &format!("{base}/"), &base).await;
        browser.close().await;
        stop(running);
        let _ = std::fs::remove_file(&state_file);
        result
    };
    json!({
        "seed_users": seed,
        "generated_users": generated,
        "measured": "ms per keystroke from dispatching `input` on the owner combobox until the app's update has run and the list is laid out (one MessageChannel turn + forced layout; paint not included)",
    })
}

fn stop(running: RunningHost) {
    running.handle.abort();
}

/// Opens the create-lead form on ticket 105 with every user offered, and types a name.
async fn time_combobox(browser: &Browser, page: &str, base: &str) -> Value {
    let http = reqwest::Client::new();
    let config = json!({
        "agent": ADA, "ticket": 105, "locale": "en-US",
        "settings": {"all_agents_access": true, "agents_assign_owner": true, "lead_owners": ""},
    });
    http.post(format!("{base}/_host/config"))
        .json(&config)
        .send()
        .await
        .expect("the host takes the config");
    browser
        .client
        .goto(page)
        .await
        .expect("the agent page loads");
    browser
        .wait_sidebar("the Create lead button", |s| s.has_button("Create lead"))
        .await;
    browser.click_button("Create lead").await;
    browser.to_app().await;
    browser
        .wait_for("the owner combobox", || async {
            browser
                .client
                .find(Locator::Css("[role='combobox']"))
                .await
                .ok()
        })
        .await;
    let queries: Vec<String> = {
        let typed = "sofia sout";
        let mut q: Vec<String> = (1..=typed.len()).map(|n| typed[..n].to_string()).collect();
        // And back to everyone, the dearest re-render.
        q.push(String::new());
        q
    };
    let answer = browser
        .client
        .execute_async(TYPE_AND_TIME, vec![json!(queries)])
        .await
        .expect("typing into the combobox");
    let times: Vec<f64> = serde_json::from_value(answer["times"].clone()).unwrap_or_default();
    let options_total = browser
        .in_app("return document.querySelectorAll('[role=\"option\"]').length")
        .await;
    let users = http.get(format!("{base}/_emu/state")).send().await.ok();
    let user_count = match users {
        Some(response) => response
            .json::<Value>()
            .await
            .ok()
            .and_then(|s| s["users"].as_array().map(Vec::len))
            .unwrap_or(0),
        None => 0,
    };
    let mut stats = spread(&times);
    stats["queries"] = json!(queries);
    stats["options_shown"] = answer["shown"].clone();
    stats["options_shown_for_empty_query"] = options_total;
    stats["sell_users"] = json!(user_count);
    eprintln!("combobox: {user_count} users: {stats}");
    stats
}

/// The seed account plus `GENERATED_USERS` active people, in the emulator's `--state-file` format
/// (its store: users without tokens, and a `tokens` map beside them).
async fn generated_state_file() -> PathBuf {
    let host = Host::start().await;
    let mut state = host.state().await;
    let users = state["users"].as_array().cloned().unwrap_or_default();
    let mut tokens = serde_json::Map::new();
    let mut stored = Vec::new();
    for mut user in users {
        if let (Some(token), Some(id)) = (user["token"].as_str(), user["id"].as_u64()) {
            tokens.insert(token.to_string(), json!(id));
        }
        if let Some(obj) = user.as_object_mut() {
            obj.remove("token");
        }
        stored.push(user);
    }
    let template = stored
        .iter()
        .find(|u| u["email"] == json!("tom@acme.test"))
        .cloned()
        .expect("the seed has Tom");
    const FIRST: [&str; 10] = [
        "Zoë", "Jürgen", "Ana", "Łukasz", "Chloé", "Søren", "Mei", "Kwame", "Priya", "Lars",
    ];
    const LAST: [&str; 10] = [
        "Straße",
        "Dvořák",
        "Nowak",
        "García",
        "Müller",
        "Okafor",
        "Lindqvist",
        "Tanaka",
        "Rossi",
        "Haddad",
    ];
    for i in 0..GENERATED_USERS {
        let mut user = template.clone();
        let first = FIRST[i % FIRST.len()];
        let last = LAST[(i / FIRST.len()) % LAST.len()];
        user["id"] = json!(100_000 + i as u64);
        user["name"] = json!(format!("{first} {last} {i}"));
        user["email"] = json!(format!("user{i}@bulk.test"));
        user["team_name"] = json!("Bulk");
        stored.push(user);
    }
    if let Some(obj) = state.as_object_mut() {
        obj.insert("users".into(), Value::Array(stored));
        obj.insert("tokens".into(), Value::Object(tokens));
        obj.remove("sources");
    }
    let path = std::env::temp_dir().join(format!(
        "sell-sidebar-bench-users-{}.json",
        std::process::id()
    ));
    std::fs::write(&path, state.to_string()).expect("writing the generated state file");
    path
}
