//! The validator on whole packages: one built the way `cargo xtask package` builds it, from the
//! committed manifest, translations and logos and a fake Trunk dist in a temp folder (no Trunk
//! needed), then the same package broken one rule at a time.

use std::path::PathBuf;

use super::*;
use crate::package::{build_package, collect, Sources};
use crate::run::root;

/// A temp folder removed when the test ends.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("xtask-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// What Trunk writes, in miniature: the page, the wasm, its JS glue, the CSS and the ZAF SDK (with
/// the licence URL the real bundle carries).
fn fake_dist(dir: &std::path::Path) {
    let files: &[(&str, &[u8])] = &[
        (
            "index.html",
            b"<!DOCTYPE html><html><head><script src=\"zaf_sdk.min.js\"></script><link rel=\"stylesheet\" href=\"./app.css\"></head><body><script type=\"module\">import init from './sell-sidebar.js';init('./sell-sidebar_bg.wasm');</script></body></html>",
        ),
        ("sell-sidebar_bg.wasm", b"\0asm\x01\0\0\0 Bearer {{setting.sell_api_token}} https://api.getbase.com/v2/leads"),
        ("sell-sidebar.js", b"export default function init(u){return fetch(u)} const api='https://api.getbase.com/v2';"),
        ("app.css", b"body{margin:0}"),
        ("zaf_sdk.min.js", b"/*! Native Promise Only v0.8.1 (c) Kyle Simpson MIT License: http://getify.mit-license.org */ var ZAFClient={};"),
    ];
    for (name, bytes) in files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
}

fn sources(tmp: &TempDir) -> Sources {
    let dist = tmp.0.join("dist");
    std::fs::create_dir_all(&dist).unwrap();
    fake_dist(&dist);
    Sources { app: root(), dist }
}

fn package_of(tree: Tree) -> Package {
    let (zip, _) = archive::write(&tree.files).unwrap();
    Package {
        tree,
        zip_size: zip.len() as u64,
    }
}

fn messages(report: &Report, severity: Severity) -> Vec<String> {
    report
        .findings
        .iter()
        .filter(|f| f.severity == severity)
        .map(|f| format!("{}: {}", f.file, f.message))
        .collect()
}

#[test]
fn the_packaged_app_passes_without_errors_or_warnings() {
    let tmp = TempDir::new("valid");
    let built = build_package(&sources(&tmp), &tmp.0.join("out")).unwrap();

    let from_zip = load(&built.zip_path).unwrap();
    let report = check(&from_zip);
    assert_eq!(messages(&report, Severity::Error), Vec::<String>::new());
    assert_eq!(messages(&report, Severity::Warning), Vec::<String>::new());

    // The unpacked folder is the same package.
    let from_dir = load(&built.app_dir).unwrap();
    assert_eq!(from_dir.tree, from_zip.tree);
    assert_eq!(from_dir.zip_size, from_zip.zip_size);
}

#[test]
fn the_settings_of_the_one_credential_app_pass_full_access_users_included() {
    let tmp = TempDir::new("settings");
    let pkg = package_of(collect(&sources(&tmp)).unwrap());
    let mut report = Report::default();
    let manifest = manifest::check(&pkg, &mut report).expect("the manifest parses");
    assert_eq!(report.findings, []);
    let kinds: Vec<(&str, &str)> = manifest
        .parameters
        .iter()
        .map(|p| (p.name.as_str(), p.kind.as_str()))
        .collect();
    assert!(
        kinds.contains(&("full_access_users", "multiline")),
        "{kinds:?}"
    );
    assert!(kinds.contains(&("sell_api_token", "text")), "{kinds:?}");
}

/// The committed manifest declares the four Support sidebars, each framing the one `index.html`,
/// and a manifest with any one of them alone passes too.
#[test]
fn each_of_the_four_support_sidebars_is_a_location_the_validator_knows() {
    const SIDEBARS: [&str; 4] = [
        "ticket_sidebar",
        "new_ticket_sidebar",
        "user_sidebar",
        "organization_sidebar",
    ];
    let tmp = TempDir::new("sidebars");
    let tree = collect(&sources(&tmp)).unwrap();
    let text = String::from_utf8(tree.files["manifest.json"].clone()).unwrap();
    let committed: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut declared: Vec<&str> = committed["location"]["support"]
        .as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default();
    declared.sort_unstable();
    let mut expected = SIDEBARS.to_vec();
    expected.sort_unstable();
    assert_eq!(declared, expected);
    for name in SIDEBARS {
        assert_eq!(
            committed["location"]["support"][name],
            serde_json::json!({"url": "assets/index.html", "flexible": true}),
            "{name}"
        );
        let mut alone = committed.clone();
        alone["location"] =
            serde_json::json!({"support": {name: {"url": "assets/index.html", "flexible": true}}});
        let mut one = tree.clone();
        one.files.insert(
            "manifest.json".into(),
            serde_json::to_vec_pretty(&alone).unwrap(),
        );
        let errors = messages(&check(&package_of(one)), Severity::Error);
        assert_eq!(errors, Vec::<String>::new(), "{name} alone");
    }
}

/// What Info-ZIP's `unzip -t` says of the zip: `None` when it is not installed.
fn unzip_test(zip: &std::path::Path) -> Option<std::process::Output> {
    std::process::Command::new("unzip")
        .arg("-t")
        .arg(zip)
        .output()
        .ok()
}

#[test]
fn the_package_zip_passes_unzip_t_and_reads_back_whole() {
    let tmp = TempDir::new("unzip");
    let src = sources(&tmp);
    let built = build_package(&src, &tmp.0.join("out")).unwrap();
    // Read back by the zip crate: every entry, CRCs checked, nothing refused, the same files.
    let back = Tree::from_zip(&built.zip).unwrap();
    assert_eq!(back.refused, Vec::<(String, String)>::new());
    assert_eq!(back, collect(&src).unwrap());
    match unzip_test(&built.zip_path) {
        Some(out) => assert!(
            out.status.success(),
            "unzip -t: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
        None => eprintln!("unzip is not installed: the zip was checked by reading it back only"),
    }
}

#[test]
fn the_zip_holds_the_layout_zendesk_expects() {
    let tmp = TempDir::new("layout");
    let built = build_package(&sources(&tmp), &tmp.0.join("out")).unwrap();
    assert!(
        built.zip_path.ends_with("sell-sidebar-0.1.0.zip"),
        "{}",
        built.zip_path.display()
    );
    let names: Vec<String> = Tree::from_zip(&built.zip)
        .unwrap()
        .files
        .into_keys()
        .collect();
    assert_eq!(
        names,
        [
            "assets/app.css",
            "assets/index.html",
            "assets/logo-small.png",
            "assets/logo.png",
            "assets/screenshot-0.png",
            "assets/screenshot-1.png",
            "assets/screenshot-2.png",
            "assets/sell-sidebar.js",
            "assets/sell-sidebar_bg.wasm",
            "assets/zaf_sdk.min.js",
            "manifest.json",
            "translations/de.json",
            "translations/en.json",
        ]
    );
}

#[test]
fn packaging_twice_gives_the_same_bytes_whatever_the_file_times() {
    let tmp = TempDir::new("repro");
    let src = sources(&tmp);
    let first = build_package(&src, &tmp.0.join("a")).unwrap();
    // Rewrite the dist files (new modification times, same contents).
    fake_dist(&src.dist);
    let second = build_package(&src, &tmp.0.join("b")).unwrap();
    assert_eq!(first.zip, second.zip);
    assert_eq!(
        std::fs::read(&first.zip_path).unwrap(),
        std::fs::read(&second.zip_path).unwrap()
    );
}

#[test]
fn a_dist_file_may_not_shadow_a_logo() {
    let tmp = TempDir::new("shadow");
    let src = sources(&tmp);
    std::fs::write(src.dist.join("logo.png"), b"x").unwrap();
    let err = collect(&src).unwrap_err();
    assert!(err.contains("assets/logo.png"), "{err}");
}

/// One broken rule per case: how to break the valid package, and a phrase the error must contain.
type Breakage = (&'static str, fn(&mut Tree), &'static str);

fn set_text(tree: &mut Tree, path: &str, from: &str, to: &str) {
    let text = String::from_utf8(tree.files.get(path).cloned().unwrap_or_default()).unwrap();
    assert!(text.contains(from), "{path} has no {from:?}");
    tree.files
        .insert(path.to_string(), text.replacen(from, to, 1).into_bytes());
}

fn manifest(tree: &mut Tree, from: &str, to: &str) {
    set_text(tree, "manifest.json", from, to);
}

const BREAKAGES: &[Breakage] = &[
    (
        "no manifest",
        |t| drop(t.files.remove("manifest.json")),
        "missing: the package root must hold manifest.json",
    ),
    (
        "manifest not JSON",
        |t| manifest(t, "{", "{,"),
        "not valid JSON",
    ),
    (
        "duplicate key",
        |t| {
            manifest(
                t,
                "\"name\": \"Zendesk Sell\",",
                "\"name\": \"Zendesk Sell\", \"name\": \"x\",",
            )
        },
        "appears more than once",
    ),
    (
        "no author",
        |t| manifest(t, "\"author\"", "\"writer\""),
        "\"author\" is required",
    ),
    (
        "author url",
        |t| manifest(t, "https://example.com/sell-sidebar", "example dot com"),
        "not a valid http(s) URL",
    ),
    (
        "old framework",
        |t| {
            manifest(
                t,
                "\"frameworkVersion\": \"2.0\"",
                "\"frameworkVersion\": \"1.0\"",
            )
        },
        "is not served",
    ),
    (
        "no framework",
        |t| manifest(t, "\"frameworkVersion\": \"2.0\",", ""),
        "\"frameworkVersion\" is required",
    ),
    (
        "bad locale",
        |t| manifest(t, "\"defaultLocale\": \"en\"", "\"defaultLocale\": \"EN\""),
        "is not a locale",
    ),
    (
        "locale without file",
        |t| manifest(t, "\"defaultLocale\": \"en\"", "\"defaultLocale\": \"fr\""),
        "needs translations/fr.json",
    ),
    (
        "private as string",
        |t| manifest(t, "\"private\": true", "\"private\": \"true\""),
        "\"private\" must be true or false",
    ),
    (
        "flexible as string",
        |t| manifest(t, "\"flexible\": true", "\"flexible\": \"yes\""),
        "flexible\" must be true or false",
    ),
    (
        "missing location asset",
        |t| manifest(t, "assets/index.html", "assets/sidebar.html"),
        "assets/sidebar.html is missing",
    ),
    (
        "location over http",
        |t| {
            manifest(
                t,
                "\"assets/index.html\"",
                "\"http://sidebar.example.com/\"",
            )
        },
        "must use HTTPS",
    ),
    (
        "location on localhost",
        |t| manifest(t, "\"assets/index.html\"", "\"http://localhost:4567/\""),
        "never in an uploaded package",
    ),
    (
        "no location",
        |t| manifest(t, "\"ticket_sidebar\"", "\"x\": {}, \"y\": 1, \"z\""),
        "must be a URL or an object",
    ),
    (
        "unknown Support location",
        |t| manifest(t, "\"user_sidebar\"", "\"customer_sidebar\""),
        "\"location.support.customer_sidebar\" is not a Support location Zendesk knows",
    ),
    (
        "a Support location without a view",
        |t| manifest(t, "\"organization_sidebar\"", "\"nav_bar\""),
        "the app has views for the Support sidebars only",
    ),
    (
        "sidebars framing different documents",
        |t| {
            manifest(
                t,
                "\"new_ticket_sidebar\": {\n        \"url\": \"assets/index.html\"",
                "\"new_ticket_sidebar\": {\n        \"url\": \"assets/app.css\"",
            )
        },
        "one build serves every sidebar",
    ),
    (
        "whitelist type",
        |t| manifest(t, "[\"api.getbase.com\"]", "\"api.getbase.com\""),
        "array of strings",
    ),
    (
        "password type",
        |t| {
            manifest(
                t,
                "\"name\": \"lead_source\", \"type\": \"text\"",
                "\"name\": \"lead_source\", \"type\": \"password\"",
            )
        },
        "password type was removed",
    ),
    (
        "unknown type",
        |t| {
            manifest(
                t,
                "\"name\": \"lead_source\", \"type\": \"text\"",
                "\"name\": \"lead_source\", \"type\": \"dropdown\"",
            )
        },
        "unknown type \"dropdown\"",
    ),
    (
        "duplicate parameter",
        |t| {
            manifest(
                t,
                "\"name\": \"contact_fields\"",
                "\"name\": \"lead_fields\"",
            )
        },
        "defined more than once",
    ),
    (
        "parameter called name",
        |t| manifest(t, "\"name\": \"deal_fields\"", "\"name\": \"name\""),
        "can't be called \"name\"",
    ),
    (
        "required as string",
        |t| {
            manifest(
                t,
                "\"required\": true, \"default\": \"New\"",
                "\"required\": \"no\", \"default\": \"New\"",
            )
        },
        "\"required\" must be true or false",
    ),
    (
        "secure without scopes",
        |t| manifest(t, ", \"scopes\": [\"header\"]", ""),
        "needs \"scopes\"",
    ),
    (
        "unknown scope",
        |t| manifest(t, "[\"header\"]", "[\"header\", \"cookie\"]"),
        "scope \"cookie\" is not one of",
    ),
    (
        "scopes on plain parameter",
        |t| {
            manifest(
                t,
                "\"name\": \"lead_source\", \"type\": \"text\"",
                "\"name\": \"lead_source\", \"type\": \"text\", \"scopes\": [\"header\"]",
            )
        },
        "allowed only on secure parameters",
    ),
    (
        "secure default",
        |t| {
            manifest(
                t,
                "\"secure\": true,",
                "\"secure\": true, \"default\": \"abc\",",
            )
        },
        "can't have a default",
    ),
    (
        "token not secure",
        |t| {
            manifest(
                t,
                "\"required\": true, \"secure\": true, \"scopes\": [\"header\"]",
                "\"required\": true",
            )
        },
        "holds a credential",
    ),
    (
        "oauth block",
        |t| {
            manifest(
                t,
                "\"parameters\": [",
                "\"oauth\": {\"client_id\": \"sell-sidebar\", \"client_secret\": \"s\", \"authorize_uri\": \"https://api.getbase.com/oauth2/authorize\", \"access_token_uri\": \"https://api.getbase.com/oauth2/token\"}, \"parameters\": [",
            )
        },
        "remove the \"oauth\" block: this app uses one installation token, sell_api_token; per-agent tokens don't exist in Zendesk",
    ),
    (
        "oauth parameter",
        |t| {
            manifest(
                t,
                "\"name\": \"account_owner\", \"type\": \"text\"",
                "\"name\": \"account_owner\", \"type\": \"oauth\"",
            )
        },
        "parameter \"account_owner\" has type oauth; remove it: this app uses one installation token",
    ),
    (
        "hidden required",
        |t| {
            manifest(
                t,
                "\"name\": \"lead_status\", \"type\": \"text\"",
                "\"name\": \"lead_status\", \"type\": \"hidden\"",
            )
        },
        "hidden parameter can't be required",
    ),
    (
        "no English",
        |t| drop(t.files.remove("translations/en.json")),
        "needs translations/en.json",
    ),
    (
        "translation not JSON",
        |t| set_text(t, "translations/de.json", "{", "["),
        "not valid JSON",
    ),
    (
        "bad translation name",
        |t| {
            let de = t.files.remove("translations/de.json").unwrap_or_default();
            t.files.insert("translations/deutsch.json".into(), de);
        },
        "is not a locale name",
    ),
    (
        "missing German label",
        |t| set_text(t, "translations/de.json", "\"label\": \"Lead-Quelle\",", ""),
        "app.parameters.lead_source.label\" is missing",
    ),
    (
        "empty English help",
        |t| {
            set_text(
                t,
                "translations/en.json",
                "\"helpText\": \"The Sell lead status",
                "\"helpText\": \"\", \"x\": \"The Sell lead status",
            )
        },
        "app.parameters.lead_status.helpText\" is missing or empty",
    ),
    (
        "no long description",
        |t| {
            set_text(
                t,
                "translations/en.json",
                "\"long_description\"",
                "\"longer_description\"",
            )
        },
        "app.long_description\" is missing",
    ),
    (
        "long short description",
        |t| {
            set_text(
                t,
                "translations/de.json",
                "Leads daraus anlegen.",
                "Leads daraus anlegen, und zwar mit allen Feldern.",
            )
        },
        "characters; at most 80 fit",
    ),
    (
        "number as text",
        |t| {
            set_text(
                t,
                "translations/en.json",
                "\"name\": \"Zendesk Sell\"",
                "\"name\": 7",
            )
        },
        "\"app.name\" must be a text",
    ),
    (
        "no logo",
        |t| drop(t.files.remove("assets/logo.png")),
        "Marketplace needs a 320x320 PNG",
    ),
    (
        "logo wrong size",
        |t| {
            drop(t.files.insert(
                "assets/logo-small.png".into(),
                crate::validate::png_size::blank(128, 127),
            ))
        },
        "is 128x127; it must be exactly 128x128",
    ),
    (
        "banner wrong size",
        |t| {
            drop(t.files.insert(
                "assets/banner.png".into(),
                crate::validate::png_size::blank(800, 200),
            ))
        },
        "must be exactly 830x200",
    ),
    (
        "screenshot not a PNG",
        |t| drop(t.files.insert("assets/shot.png".into(), b"GIF89a".to_vec())),
        "not a readable PNG file",
    ),
    (
        "screenshot wrong size",
        |t| {
            drop(t.files.insert(
                "assets/screenshot-1.png".into(),
                crate::validate::png_size::blank(1280, 800),
            ))
        },
        "is 1280x800; Marketplace screenshots are 1024x768 or 2048x1536",
    ),
    (
        "screenshot too heavy",
        |t| {
            let mut png = crate::validate::png_size::blank(1024, 768);
            png.resize(500 * 1000 + 1, 0);
            drop(t.files.insert("assets/screenshot-0.png".into(), png))
        },
        "a Marketplace screenshot may have at most 500000",
    ),
    (
        "classic app.js",
        |t| drop(t.files.insert("app.js".into(), b"x".to_vec())),
        "must not include app.js",
    ),
    (
        "stray root file",
        |t| drop(t.files.insert("README.md".into(), b"x".to_vec())),
        "unexpected file",
    ),
    (
        "nested translation",
        |t| {
            drop(
                t.files
                    .insert("translations/x/en.json".into(), b"{}".to_vec()),
            )
        },
        "unexpected file",
    ),
    (
        "refused entry",
        |t| {
            t.refused.push((
                "assets/link".into(),
                "a symlink (Zendesk rejects them)".into(),
            ))
        },
        "refused: a symlink",
    ),
    (
        "localhost in JS",
        |t| {
            set_text(
                t,
                "assets/sell-sidebar.js",
                "https://api.getbase.com/v2",
                "http://127.0.0.1:8080/v2",
            )
        },
        "local development addresses must not ship",
    ),
    (
        "unknown host in HTML",
        |t| {
            set_text(
                t,
                "assets/index.html",
                "<head>",
                "<head><script src=\"https://cdn.example.com/x.js\"></script>",
            )
        },
        "a URL to cdn.example.com",
    ),
    (
        "seed token in JS",
        |t| {
            set_text(t, "assets/sell-sidebar.js", "const api", "const t='sellemu-nora-0123456789abcdef0123456789abcdef0123456789abcdef01';const api")
        },
        "a Sell emulator seed token",
    ),
    (
        "token in the manifest",
        |t| {
            manifest(
                t,
                "\"name\": \"Zendesk Sell\"",
                "\"name\": \"Zendesk Sell 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\"",
            )
        },
        "manifest.json: a 64-hex-digit token",
    ),
    (
        "token in the wasm",
        |t| {
            let mut wasm = t
                .files
                .remove("assets/sell-sidebar_bg.wasm")
                .unwrap_or_default();
            wasm.extend_from_slice("ab12".repeat(16).as_bytes());
            t.files.insert("assets/sell-sidebar_bg.wasm".into(), wasm);
        },
        "a 64-hex-digit token",
    ),
    (
        "bearer literal",
        |t| {
            set_text(
                t,
                "assets/sell-sidebar.js",
                "const api",
                "const h='Bearer eyJhbGciOiJIUzI1NiJ9';const api",
            )
        },
        "a literal Bearer token",
    ),
    (
        "file too large",
        |t| {
            drop(
                t.files
                    .insert("assets/huge.bin".into(), vec![0; 10 * 1024 * 1024 + 1]),
            )
        },
        "a single file may have at most",
    ),
];

#[test]
fn each_broken_rule_is_an_error_that_names_it() {
    let tmp = TempDir::new("broken");
    let valid = collect(&sources(&tmp)).unwrap();
    assert_eq!(
        messages(&check(&package_of(valid.clone())), Severity::Error),
        Vec::<String>::new()
    );
    let mut failures = Vec::new();
    for (case, breaks, expected) in BREAKAGES {
        let mut tree = valid.clone();
        breaks(&mut tree);
        let errors = messages(&check(&package_of(tree)), Severity::Error);
        if !errors.iter().any(|e| e.contains(expected)) {
            failures.push(format!(
                "{case}: expected an error containing {expected:?}, got {errors:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn a_zip_over_the_upload_limit_fails_and_one_close_to_it_warns() {
    let tmp = TempDir::new("limit");
    let tree = collect(&sources(&tmp)).unwrap();
    let over = check(&Package {
        tree: tree.clone(),
        zip_size: ZIP_LIMIT_BYTES + 1,
    });
    assert!(messages(&over, Severity::Error)
        .iter()
        .any(|e| e.contains("private app uploads allow")));
    let close = check(&Package {
        tree,
        zip_size: ZIP_LIMIT_BYTES - 1,
    });
    assert_eq!(messages(&close, Severity::Error), Vec::<String>::new());
    assert!(messages(&close, Severity::Warning)
        .iter()
        .any(|w| w.contains("over 90%")));
}

/// The real release bundle, when `cargo xtask test` provides it (SELL_SIDEBAR_DIST).
#[test]
fn the_real_release_bundle_packages_cleanly_when_built() {
    let Some(dist) = std::env::var_os("SELL_SIDEBAR_DIST").map(PathBuf::from) else {
        eprintln!("SELL_SIDEBAR_DIST is not set (cargo xtask test sets it); only the fake dist was packaged");
        return;
    };
    let tree = collect(&Sources { app: root(), dist }).unwrap();
    let report = check(&package_of(tree));
    assert_eq!(messages(&report, Severity::Error), Vec::<String>::new());
}

#[test]
fn missing_or_gapped_screenshots_only_warn() {
    let tmp = TempDir::new("shots");
    let valid = collect(&sources(&tmp)).unwrap();

    let mut none = valid.clone();
    none.files
        .retain(|path, _| !path.starts_with("assets/screenshot-"));
    let report = check(&package_of(none));
    assert_eq!(messages(&report, Severity::Error), Vec::<String>::new());
    assert!(messages(&report, Severity::Warning)
        .iter()
        .any(|w| w.contains("no Marketplace screenshots")));

    let mut gapped = valid;
    gapped.files.remove("assets/screenshot-0.png");
    let report = check(&package_of(gapped));
    assert_eq!(messages(&report, Severity::Error), Vec::<String>::new());
    assert!(messages(&report, Severity::Warning)
        .iter()
        .any(|w| w.contains("without gaps")));
}
