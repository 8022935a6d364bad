//! What the files say: no URL to a host the app may not reach, never a local development address,
//! and no credential of any kind (emulator seed tokens, Sell-style 64-hex tokens, literal Bearer
//! tokens). Zendesk's own scan of the same kind only warns; for us any hit fails the package.

use super::manifest::Manifest;
use super::{Package, Report};

/// Hosts the ZAF SDK names itself (zendesk_app_framework_sdk): its allowed parent origins
/// (`*.zendesk.com`, `*.futuresimple.com`, Sell's former name) and its CDN (`*.zdassets.com`).
const SDK_HOST_SUFFIXES: &[&str] = &["zendesk.com", "zdassets.com", "futuresimple.com"];
/// Not requests: the licence URL in the SDK's bundled promise polyfill, XML namespace names, and the
/// MDN link in a console message of wasm-bindgen's JS glue (about the wasm MIME type).
const NOTICE_HOSTS: &[&str] = &[
    "getify.mit-license.org",
    "www.w3.org",
    "developer.mozilla.org",
];
const TEXT_EXTENSIONS: &[&str] = &[
    "html", "htm", "js", "mjs", "cjs", "css", "json", "svg", "txt", "md", "map", "xml",
];

pub fn check(pkg: &Package, manifest: Option<&Manifest>, report: &mut Report) {
    let whitelist = manifest
        .map(|m| m.domain_whitelist.as_slice())
        .unwrap_or_default();
    for (path, bytes) in &pkg.tree.files {
        let text_file = is_text(path);
        if text_file && path.starts_with("assets/") {
            for host in url_hosts(bytes) {
                match judge_host(&host, whitelist) {
                    HostVerdict::Allowed => {}
                    HostVerdict::Local => report.error(path, format!("a URL to {host}: local development addresses must not ship")),
                    HostVerdict::NotAllowed => report.error(
                        path,
                        format!("a URL to {host}, which is neither in domainWhitelist nor one of the ZAF SDK's own hosts"),
                    ),
                }
            }
        }
        for secret in secrets(bytes, text_file) {
            report.error(
                path,
                format!(
                    "{} at byte {}: remove it; credentials belong in secure settings",
                    secret.kind, secret.at
                ),
            );
        }
    }
}

fn is_text(path: &str) -> bool {
    path.rsplit_once('.')
        .is_some_and(|(_, ext)| TEXT_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()))
}

#[derive(Debug, PartialEq, Eq)]
pub enum HostVerdict {
    Allowed,
    Local,
    NotAllowed,
}

pub fn judge_host(host: &str, whitelist: &[String]) -> HostVerdict {
    let host = host.to_ascii_lowercase();
    let local = host == "localhost"
        || host.ends_with(".localhost")
        || host.starts_with("127.")
        || host == "0.0.0.0"
        || host == "[::1]";
    if local {
        return HostVerdict::Local;
    }
    let suffix = |s: &str| host == s || host.ends_with(&format!(".{s}"));
    let allowed = whitelist.iter().any(|w| host == w.to_ascii_lowercase())
        || SDK_HOST_SUFFIXES.iter().any(|s| suffix(s))
        || NOTICE_HOSTS.contains(&host.as_str());
    if allowed {
        HostVerdict::Allowed
    } else {
        HostVerdict::NotAllowed
    }
}

/// The host of every absolute http(s) URL, in order; URLs built at run time (`"https://" + x`) have
/// no literal host and are skipped.
pub fn url_hosts(bytes: &[u8]) -> Vec<String> {
    let mut hosts = Vec::new();
    let lower = bytes.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = find(&lower, b"http", from) {
        from = found + 4;
        let rest = lower.get(found + 4..).unwrap_or_default();
        let after_scheme = if rest.starts_with(b"s://") {
            found + 8
        } else if rest.starts_with(b"://") {
            found + 7
        } else {
            continue;
        };
        let tail = bytes.get(after_scheme..).unwrap_or_default();
        let len = if tail.first() == Some(&b'[') {
            tail.iter()
                .position(|&b| b == b']')
                .map_or(0, |end| end + 1)
        } else {
            tail.iter()
                .position(|&b| !(b.is_ascii_alphanumeric() || b == b'.' || b == b'-' || b == b'_'))
                .unwrap_or(tail.len())
        };
        if len > 0 {
            hosts.push(String::from_utf8_lossy(tail.get(..len).unwrap_or_default()).into_owned());
        }
        from = after_scheme + len;
    }
    hosts
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

#[derive(Debug, PartialEq, Eq)]
pub struct Secret {
    pub kind: &'static str,
    pub at: usize,
    pub text: String,
}

/// Credential-shaped strings. Binary files (the wasm) get the two exact token shapes; the `Bearer`
/// rule needs text, since in a binary "Bearer " may sit right before an unrelated string.
pub fn secrets(bytes: &[u8], text_file: bool) -> Vec<Secret> {
    let mut found = seed_tokens(bytes);
    let hex: Vec<Secret> = hex_runs(bytes)
        .into_iter()
        .filter(|h| {
            !found
                .iter()
                .any(|s| s.at <= h.at && h.at < s.at + s.text.len())
        })
        .collect();
    found.extend(hex);
    if text_file {
        found.extend(bearer_literals(bytes));
    }
    found.sort_by_key(|s| s.at);
    found
}

/// `sellemu-<name>-<50 hex digits>`: the Sell emulator's seed tokens (devhost/src/sell/seed.rs).
fn seed_tokens(bytes: &[u8]) -> Vec<Secret> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = find(bytes, b"sellemu-", from) {
        from = at + 8;
        let rest = bytes.get(at + 8..).unwrap_or_default();
        let name_len = rest.iter().take_while(|b| b.is_ascii_lowercase()).count();
        let after_name = rest.get(name_len..).unwrap_or_default();
        let hex_len = after_name
            .get(1..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
            .count();
        if name_len > 0 && after_name.first() == Some(&b'-') && hex_len >= 50 {
            let len = 8 + name_len + 1 + 50;
            let text =
                String::from_utf8_lossy(bytes.get(at..at + len).unwrap_or_default()).into_owned();
            out.push(Secret {
                kind: "a Sell emulator seed token",
                at,
                text,
            });
        }
    }
    out
}

/// A run of 64 or more hex digits with letters and digits mixed: the shape of a Sell personal access
/// token. All-decimal runs are Rust's formatting tables (`"0000…"`, `"000102…99"`), not secrets.
fn hex_runs(bytes: &[u8]) -> Vec<Secret> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, b) in bytes.iter().chain(std::iter::once(&b' ')).enumerate() {
        match (b.is_ascii_hexdigit(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let run = bytes.get(s..i).unwrap_or_default();
                let mixed =
                    run.iter().any(u8::is_ascii_digit) && run.iter().any(u8::is_ascii_alphabetic);
                if run.len() >= 64 && mixed {
                    let text = String::from_utf8_lossy(run).into_owned();
                    out.push(Secret {
                        kind: "a 64-hex-digit token",
                        at: s,
                        text,
                    });
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// `Bearer <literal token>`; `Bearer {{setting.x}}` (filled by Zendesk's proxy) is fine.
fn bearer_literals(bytes: &[u8]) -> Vec<Secret> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = find(bytes, b"Bearer ", from) {
        from = at + 7;
        let rest = bytes.get(at + 7..).unwrap_or_default();
        let len = rest
            .iter()
            .take_while(|&&b| b.is_ascii_alphanumeric() || b"-._~+/=".contains(&b))
            .count();
        if len >= 8 {
            let text = String::from_utf8_lossy(bytes.get(at..at + 7 + len).unwrap_or_default())
                .into_owned();
            out.push(Secret {
                kind: "a literal Bearer token",
                at,
                text,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(n: usize) -> String {
        "0123456789abcdef".chars().cycle().take(n).collect()
    }

    #[test]
    fn url_hosts_are_read_from_literals_only() {
        let js = br#"a="https://api.getbase.com/v2/leads";b='HTTP://LocalHost:8080/x';c="https://"+d;e=`http://[::1]/`"#;
        assert_eq!(url_hosts(js), ["api.getbase.com", "LocalHost", "[::1]"]);
    }

    #[test]
    fn hosts_are_judged_by_whitelist_sdk_origins_and_locality() {
        let whitelist = vec!["api.getbase.com".to_string()];
        let cases = [
            ("api.getbase.com", HostVerdict::Allowed),
            ("API.GETBASE.COM", HostVerdict::Allowed),
            ("acme.zendesk.com", HostVerdict::Allowed),
            ("static.zdassets.com", HostVerdict::Allowed),
            ("app.futuresimple.com", HostVerdict::Allowed),
            ("getify.mit-license.org", HostVerdict::Allowed),
            ("evil-zendesk.com", HostVerdict::NotAllowed),
            ("zendesk.com.evil.test", HostVerdict::NotAllowed),
            ("getbase.com", HostVerdict::NotAllowed),
            ("cdn.example.com", HostVerdict::NotAllowed),
            ("localhost", HostVerdict::Local),
            ("app.localhost", HostVerdict::Local),
            ("127.0.0.1", HostVerdict::Local),
            ("[::1]", HostVerdict::Local),
        ];
        for (host, verdict) in cases {
            assert_eq!(judge_host(host, &whitelist), verdict, "{host}");
        }
    }

    #[test]
    fn seed_tokens_and_hex_tokens_are_found_in_any_file() {
        let seed = format!("sellemu-nora-{}", hex(50));
        let found = secrets(format!("x{seed}y").as_bytes(), false);
        assert_eq!(
            found,
            [Secret {
                kind: "a Sell emulator seed token",
                at: 1,
                text: seed
            }]
        );

        let token = hex(64);
        let found = secrets(format!("\0\0{token}\0").as_bytes(), false);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].kind, found[0].at), ("a 64-hex-digit token", 2));
    }

    #[test]
    fn ordinary_text_is_not_a_secret() {
        let text = format!("sellemu-ada plus {} and sha384-abc and Bearer {{{{setting.sell_api_token}}}} and \"Bearer \"+t", hex(63));
        assert_eq!(secrets(text.as_bytes(), true), []);
    }

    #[test]
    fn rust_formatting_tables_in_the_wasm_are_not_tokens() {
        let digits: String = (0..100).map(|n| format!("{n:02}")).collect();
        let wasm = format!("\0{}\0{digits}\0{}\0", "0".repeat(64), "f".repeat(64));
        assert_eq!(secrets(wasm.as_bytes(), false), []);
    }

    #[test]
    fn a_literal_bearer_token_counts_only_in_text_files() {
        let header = b"Authorization: Bearer abcDEF123456.xyz";
        assert_eq!(secrets(header, true).len(), 1);
        assert_eq!(secrets(header, false), []);
    }
}
