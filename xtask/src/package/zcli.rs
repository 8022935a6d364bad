//! `cargo xtask zcli-check`: serves the unpacked package with Zendesk's own `zcli apps:server` and
//! fetches it back over HTTP, proving the folder is a package zcli understands and serves whole.
//!
//! zcli (`@zendesk/zcli-apps`, commands/apps/server.js) answers `GET /app.json` (apps and
//! installations built from manifest.json) and serves `<app>/assets/` at `/<app_id>/assets/`, where
//! `app_id` comes from `zcli.apps.config.json` (default `0`). It prompts for every setting that file
//! doesn't give, so we write one with the manifest's defaults next to a copy of the package.
//!
//! With `--host`, zcli keeps serving and the local Support-like page frames the app from it
//! (`devhost --app-url`), so a person sees the package boot and show the emulator's Sell data. The
//! end-to-end test `the_package_served_by_zcli_apps_server_boots_in_the_local_host_and_shows_sell_data`
//! (devhost/tests/zcli_marketplace.rs) checks the same in headless Chromium.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Map, Value as Json};

use super::output_dir;
use super::tree::Tree;
use crate::run::{cmd, status, Result};
use crate::tools;

const APP_ID: u32 = 0;
const STARTUP: Duration = Duration::from_secs(90);

/// `zcli-check [dir] [--host]`.
pub fn check(args: &[String]) -> Result {
    tools::setup(false)?;
    let with_host = args.iter().any(|a| a == "--host");
    let app = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .unwrap_or_else(|| output_dir().join("app"));
    if !app.join("manifest.json").is_file() {
        return Err(format!(
            "{} holds no package: run `cargo xtask package` first",
            app.display()
        ));
    }
    let package = Tree::from_dir(&app)?;
    let served = output_dir().join("zcli/app");
    prepare(&package, &served)?;

    let port = free_port()?;
    let log_path = output_dir().join("zcli/server.log");
    let log =
        std::fs::File::create(&log_path).map_err(|e| format!("{}: {e}", log_path.display()))?;
    let err_log = log
        .try_clone()
        .map_err(|e| format!("{}: {e}", log_path.display()))?;
    let mut server = cmd("zcli");
    server
        .args([
            "apps:server",
            &served.display().to_string(),
            "--port",
            &port.to_string(),
            "--bind",
            "127.0.0.1",
        ])
        .stdin(Stdio::null())
        .stdout(log)
        .stderr(err_log);
    let child = server
        .spawn()
        .map_err(|e| format!("could not start zcli (npm package @zendesk/zcli): {e}"))?;
    let mut guard = Server(child);
    println!(
        "zcli apps:server on port {port} (log: {})",
        log_path.display()
    );

    let app_json = wait_for_app_json(port, &mut guard.0, &log_path)?;
    let (checked, locations) = verify(port, &app_json, &package)?;
    println!("zcli served app.json and all {checked} asset(s) byte for byte");
    println!(
        "app.json frames assets/index.html in {}",
        locations.join(", ")
    );
    let sidebar = sidebar_url(port);
    if !with_host {
        drop(guard);
        println!(
            "the sidebar's iframe URL under zcli: {sidebar}?origin=<host origin>&app_guid=<guid>"
        );
        println!("to see it boot in the local Support-like page: cargo xtask zcli-check --host");
        return Ok(());
    }
    println!("\nthe local host frames the app from zcli: open the page URL it prints (Ctrl-C stops both)");
    let mut host = cmd("cargo");
    host.args(["run", "-p", "devhost", "--", "--app-url", &sidebar]);
    let ended = status(host);
    drop(guard);
    ended
}

/// Where zcli serves every sidebar (one build): the manifest's `assets/index.html` under `/<app_id>/`.
fn sidebar_url(port: u16) -> String {
    format!("http://localhost:{port}/{APP_ID}/assets/index.html")
}

/// Stops zcli however the check ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A copy of the package plus zcli's config file, so the package folder itself stays exactly what
/// the zip holds.
fn prepare(package: &Tree, served: &Path) -> Result {
    if served.exists() {
        std::fs::remove_dir_all(served).map_err(|e| format!("{}: {e}", served.display()))?;
    }
    package.write_to(served)?;
    let manifest = package
        .files
        .get("manifest.json")
        .map(Vec::as_slice)
        .unwrap_or_default();
    let manifest = serde_json::from_slice(manifest).map_err(|e| format!("manifest.json: {e}"))?;
    let path = served.join("zcli.apps.config.json");
    std::fs::write(&path, format!("{:#}\n", zcli_config(&manifest)))
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// `{"app_id": 0, "parameters": {...}}` with each parameter's default (else empty), so zcli asks nothing.
fn zcli_config(manifest: &Json) -> Json {
    let params = manifest
        .get("parameters")
        .and_then(Json::as_array)
        .into_iter()
        .flatten();
    let values: Map<String, Json> = params
        .filter_map(|p| {
            let name = p.get("name").and_then(Json::as_str)?;
            let value = match p.get("default") {
                Some(value @ (Json::Bool(_) | Json::Number(_) | Json::String(_))) => value.clone(),
                _ => json!(""),
            };
            Some((name.to_string(), value))
        })
        .collect();
    json!({ "app_id": APP_ID, "parameters": values })
}

fn free_port() -> Result<u16> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| format!("no free port: {e}"))?;
    listener
        .local_addr()
        .map(|a| a.port())
        .map_err(|e| format!("no free port: {e}"))
}

fn wait_for_app_json(port: u16, child: &mut Child, log: &Path) -> Result<Json> {
    let started = Instant::now();
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            return Err(format!(
                "zcli exited ({status}) before serving; see {}",
                log.display()
            ));
        }
        if let Ok((200, body)) = get(port, "/app.json") {
            let text = String::from_utf8(body).map_err(|_| "app.json is not UTF-8".to_string())?;
            return serde_json::from_str(&text).map_err(|e| format!("zcli's app.json: {e}"));
        }
        if started.elapsed() > STARTUP {
            return Err(format!(
                "zcli did not answer /app.json within {}s; see {}",
                STARTUP.as_secs(),
                log.display()
            ));
        }
        std::thread::sleep(Duration::from_millis(300));
    }
}

/// app.json describes our app and every Support location the manifest declares; every asset comes
/// back identical. Returns the asset count and the locations.
fn verify(port: u16, app_json: &Json, package: &Tree) -> Result<(usize, Vec<String>)> {
    let app = app_json
        .get("apps")
        .and_then(Json::as_array)
        .and_then(|a| a.first())
        .ok_or("app.json lists no app")?;
    let manifest = package
        .files
        .get("manifest.json")
        .and_then(|m| serde_json::from_slice::<Json>(m).ok())
        .ok_or("the package's manifest.json is not JSON")?;
    let manifest_name = manifest
        .get("name")
        .and_then(Json::as_str)
        .map(str::to_string);
    let served_name = app.get("name").and_then(Json::as_str).map(str::to_string);
    if served_name != manifest_name {
        return Err(format!(
            "app.json names the app {served_name:?}, the manifest {manifest_name:?}"
        ));
    }
    let locations = served_support_locations(app, &manifest)?;
    let prefix = format!("http://localhost:{port}/{APP_ID}/assets/");
    if app.get("asset_url_prefix").and_then(Json::as_str) != Some(prefix.as_str()) {
        return Err(format!("app.json's asset_url_prefix is not {prefix}"));
    }
    let mut checked = 0;
    for (path, expected) in &package.files {
        let Some(asset) = path.strip_prefix("assets/") else {
            continue;
        };
        let url = format!("/{APP_ID}/assets/{asset}");
        let (status, body) = get(port, &url)?;
        if status != 200 {
            return Err(format!("GET {url}: HTTP {status}"));
        }
        if &body != expected {
            return Err(format!(
                "GET {url}: {} bytes that differ from the package's {}",
                body.len(),
                expected.len()
            ));
        }
        checked += 1;
    }
    if checked == 0 {
        return Err("the package has no assets to fetch".to_string());
    }
    Ok((checked, locations))
}

/// The URL a manifest location frames: `"url"` of its options, or the location itself as a string.
fn location_url(options: &Json) -> Option<&str> {
    options
        .as_str()
        .or_else(|| options.get("url").and_then(Json::as_str))
}

/// Every Support location of the manifest, as app.json's `locations.support` lists it (zcli turns a
/// string location into `{url}`), with the manifest's URL: the names, or what differs.
fn served_support_locations(app: &Json, manifest: &Json) -> Result<Vec<String>> {
    let declared = manifest
        .get("location")
        .and_then(|l| l.get("support"))
        .and_then(Json::as_object)
        .filter(|locations| !locations.is_empty())
        .ok_or("the manifest declares no Support location")?;
    let served = app.get("locations").and_then(|l| l.get("support"));
    let mut problems = Vec::new();
    for (name, options) in declared {
        let expected = location_url(options);
        let got = served
            .and_then(|support| support.get(name))
            .and_then(location_url);
        if got.is_none() || got != expected {
            problems.push(format!(
                "{name}: app.json's url is {got:?}, the manifest's {expected:?}"
            ));
        }
    }
    if !problems.is_empty() {
        return Err(format!(
            "zcli does not serve the manifest's Support locations: {}",
            problems.join("; ")
        ));
    }
    Ok(declared.keys().cloned().collect())
}

/// A plain HTTP/1.1 GET against 127.0.0.1: status and body (chunked bodies decoded).
fn get(port: u16, path: &str) -> Result<(u16, Vec<u8>)> {
    let mut stream =
        TcpStream::connect(("127.0.0.1", port)).map_err(|e| format!("GET {path}: {e}"))?;
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .map_err(|e| e.to_string())?;
    let request =
        format!("GET {path} HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: close\r\n\r\n");
    stream
        .write_all(request.as_bytes())
        .map_err(|e| format!("GET {path}: {e}"))?;
    let mut response = Vec::new();
    stream
        .read_to_end(&mut response)
        .map_err(|e| format!("GET {path}: {e}"))?;
    parse_response(&response).ok_or_else(|| format!("GET {path}: not an HTTP response"))
}

fn parse_response(response: &[u8]) -> Option<(u16, Vec<u8>)> {
    let head_end = response.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(response.get(..head_end)?);
    let body = response.get(head_end + 4..)?;
    let status = head.split_whitespace().nth(1)?.parse().ok()?;
    let chunked = head.lines().any(|l| {
        l.to_ascii_lowercase().starts_with("transfer-encoding:")
            && l.to_ascii_lowercase().contains("chunked")
    });
    Some((
        status,
        if chunked {
            dechunk(body)?
        } else {
            body.to_vec()
        },
    ))
}

fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = body.windows(2).position(|w| w == b"\r\n")?;
        let size_text = String::from_utf8_lossy(body.get(..line_end)?);
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        body = body.get(line_end + 2..)?;
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size + 2..)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn responses_are_read_plain_and_chunked() {
        let plain = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi";
        assert_eq!(parse_response(plain), Some((200, b"hi".to_vec())));
        let chunked = b"HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=1\r\nde\r\n0\r\n\r\n";
        assert_eq!(parse_response(chunked), Some((404, b"abcde".to_vec())));
        assert_eq!(parse_response(b"garbage"), None);
    }

    /// app.json as zcli 1.0 builds it from a manifest: `locations` with each location as `{url, ...}`.
    fn app_json_of(manifest: &Json) -> Json {
        json!({"name": manifest["name"], "locations": manifest["location"]})
    }

    fn our_manifest() -> Json {
        let path = crate::run::root().join("manifest.json");
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        serde_json::from_str(&text).unwrap_or(Json::Null)
    }

    #[test]
    fn our_manifest_s_four_sidebars_are_what_the_check_expects_zcli_to_serve() {
        let manifest = our_manifest();
        let served = served_support_locations(&app_json_of(&manifest), &manifest);
        assert_eq!(
            served,
            Ok(vec![
                "new_ticket_sidebar".to_string(),
                "organization_sidebar".to_string(),
                "ticket_sidebar".to_string(),
                "user_sidebar".to_string(),
            ])
        );
        for name in [
            "ticket_sidebar",
            "new_ticket_sidebar",
            "user_sidebar",
            "organization_sidebar",
        ] {
            assert_eq!(
                location_url(&manifest["location"]["support"][name]),
                Some("assets/index.html"),
                "{name}"
            );
        }
    }

    #[test]
    fn a_location_zcli_leaves_out_or_serves_elsewhere_fails_the_check() {
        let manifest = our_manifest();
        let mut missing = app_json_of(&manifest);
        if let Some(support) = missing["locations"]["support"].as_object_mut() {
            support.remove("user_sidebar");
        }
        let error = served_support_locations(&missing, &manifest).unwrap_err();
        assert!(
            error.contains("user_sidebar: app.json's url is None"),
            "{error}"
        );

        let mut moved = app_json_of(&manifest);
        moved["locations"]["support"]["organization_sidebar"]["url"] = json!("assets/other.html");
        let error = served_support_locations(&moved, &manifest).unwrap_err();
        assert!(error.contains("organization_sidebar"), "{error}");
        assert!(!error.contains("ticket_sidebar:"), "{error}");

        // zcli spells a string location as `{url}`: both forms are the same location.
        let strings =
            json!({"name": "x", "location": {"support": {"user_sidebar": "assets/index.html"}}});
        let served =
            json!({"locations": {"support": {"user_sidebar": {"url": "assets/index.html"}}}});
        assert_eq!(
            served_support_locations(&served, &strings),
            Ok(vec!["user_sidebar".to_string()])
        );
        assert!(served_support_locations(&served, &json!({"location": {}})).is_err());
    }

    #[test]
    fn the_config_gives_every_parameter_a_value_so_zcli_asks_nothing() {
        let manifest = json!({"parameters": [
            {"name": "a", "type": "checkbox", "default": false},
            {"name": "b", "default": "New"},
            {"name": "c"},
        ]});
        assert_eq!(
            zcli_config(&manifest),
            json!({"app_id": 0, "parameters": {"a": false, "b": "New", "c": ""}})
        );
    }
}
