//! `manifest.json`: keys, types, locations and parameters, as zendesk_apps_support checks them, plus
//! our stricter rules for secrets (a secure parameter must say where it may go; a parameter that
//! looks like a credential must be secure) and the product's one credential (no OAuth).

use serde_json::Value as Json;

use super::json::{self, kind_of};
use super::{locale, Package, Report};

const FILE: &str = "manifest.json";

/// Every key zendesk_apps_support knows (`Manifest::RUBY_TO_JSON`).
const KNOWN_KEYS: &[&str] = &[
    "name",
    "author",
    "defaultLocale",
    "version",
    "frameworkVersion",
    "location",
    "parameters",
    "private",
    "oauth",
    "domainWhitelist",
    "singleInstall",
    "signedUrls",
    "noTemplate",
    "requirementsOnly",
    "marketingOnly",
    "experiments",
    "remoteInstallationURL",
    "termsConditionsURL",
    "gaID",
];
const BOOLEAN_KEYS: &[&str] = &[
    "private",
    "singleInstall",
    "signedUrls",
    "requirementsOnly",
    "marketingOnly",
];
const STRING_KEYS: &[&str] = &[
    "defaultLocale",
    "version",
    "frameworkVersion",
    "remoteInstallationURL",
    "termsConditionsURL",
    "gaID",
];
/// `AppVersion::TO_BE_SERVED`: only 2.0 today.
const FRAMEWORK_VERSIONS: &[&str] = &["2.0"];
const PARAMETER_TYPES: &[&str] = &[
    "text",
    "checkbox",
    "url",
    "number",
    "multiline",
    "hidden",
    "oauth",
    "mtls",
];
const PARAMETER_KEYS: &[&str] = &[
    "name",
    "type",
    "required",
    "secure",
    "default",
    "scopes",
    "allowed_domain",
];
const SECURE_SCOPES: &[&str] = &[
    "header",
    "body",
    "url",
    "jwt_secret_key",
    "jwt_claim",
    "basic_auth_username",
    "basic_auth_password",
];
const LOCATION_OPTIONS: &[&str] = &[
    "url",
    "flexible",
    "autoLoad",
    "autoHide",
    "signed",
    "size",
    "objectTypes",
    "legacy",
];
const PRODUCTS: &[&str] = &["support", "sell", "chat"];
/// Support's locations in zendesk_apps_support (`Location::LOCATIONS_AVAILABLE`); it refuses a
/// manifest naming any other (`invalid_location`).
const SUPPORT_LOCATIONS: &[&str] = &[
    "top_bar",
    "nav_bar",
    "ticket_sidebar",
    "new_ticket_sidebar",
    "user_sidebar",
    "organization_sidebar",
    "background",
    "modal",
    "ticket_editor",
    "system_top_bar",
    "ticket_module",
];
/// The Support sidebars the app has a view for: one `index.html` reads `context.location` and picks
/// it, so every sidebar the manifest names must frame that same document.
pub const SUPPORT_SIDEBARS: &[&str] = &[
    "ticket_sidebar",
    "new_ticket_sidebar",
    "user_sidebar",
    "organization_sidebar",
];
/// What the other checks need from a manifest that parsed.
#[derive(Debug, Clone, Default)]
pub struct Manifest {
    pub default_locale: Option<String>,
    pub parameters: Vec<Parameter>,
    pub domain_whitelist: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parameter {
    pub name: String,
    pub kind: String,
    pub secure: bool,
}

pub fn check(pkg: &Package, report: &mut Report) -> Option<Manifest> {
    let Some(bytes) = pkg.file(FILE) else {
        report.error(FILE, "missing: the package root must hold manifest.json");
        return None;
    };
    let root = match json::parse(bytes) {
        Ok(root @ Json::Object(_)) => root,
        Ok(other) => {
            report.error(
                FILE,
                format!("must be a JSON object, found {}", kind_of(&other)),
            );
            return None;
        }
        Err(e) => {
            report.error(FILE, format!("not valid JSON: {e}"));
            return None;
        }
    };
    for key in json::repeated_top_level_keys(bytes) {
        report.error(FILE, format!("the key \"{key}\" appears more than once"));
    }
    for key in root.as_object().into_iter().flat_map(|o| o.keys()) {
        if !KNOWN_KEYS.contains(&key.as_str()) {
            report.warn(FILE, format!("unknown key \"{key}\" (Zendesk ignores it)"));
        }
    }
    keys_and_types(&root, report);
    author(&root, report);
    let default_locale = default_locale(&root, pkg, report);
    let marketing_only = root.get("marketingOnly") == Some(&Json::Bool(true));
    let requirements_only = root.get("requirementsOnly") == Some(&Json::Bool(true));
    let private = root.get("private") == Some(&Json::Bool(true));
    if marketing_only && private {
        report.error(FILE, "a marketing-only app can't be private");
    }
    if !(marketing_only || requirements_only) {
        framework_version(&root, report);
        location(&root, pkg, report);
    }
    let parameters = parameters(&root, report);
    one_installation_token(&root, &parameters, report);
    let domain_whitelist = root
        .get("domainWhitelist")
        .and_then(Json::as_array)
        .into_iter()
        .flatten()
        .filter_map(Json::as_str)
        .map(str::to_string)
        .collect();
    Some(Manifest {
        default_locale,
        parameters,
        domain_whitelist,
    })
}

fn keys_and_types(root: &Json, report: &mut Report) {
    for key in ["author", "defaultLocale"] {
        if root.get(key).is_none() {
            report.error(FILE, format!("\"{key}\" is required"));
        }
    }
    for &key in BOOLEAN_KEYS {
        match root.get(key) {
            None | Some(Json::Bool(_)) => {}
            Some(other) => report.error(
                FILE,
                format!("\"{key}\" must be true or false, found {}", kind_of(other)),
            ),
        }
    }
    for &key in STRING_KEYS {
        match root.get(key) {
            None | Some(Json::String(_)) => {}
            Some(other) => report.error(
                FILE,
                format!("\"{key}\" must be a string, found {}", kind_of(other)),
            ),
        }
    }
    match root.get("domainWhitelist") {
        None => {}
        Some(Json::Array(items)) if items.iter().all(|i| matches!(i, Json::String(_))) => {}
        Some(_) => report.error(FILE, "\"domainWhitelist\" must be an array of strings"),
    }
    match root.get("experiments") {
        None | Some(Json::Object(_)) => {}
        Some(other) => report.error(
            FILE,
            format!(
                "\"experiments\" must be an object, found {}",
                kind_of(other)
            ),
        ),
    }
}

fn author(root: &Json, report: &mut Report) {
    let Some(author) = root.get("author") else {
        return;
    };
    if author.as_object().is_none() {
        report.error(
            FILE,
            "\"author\" must be an object with name, email and url",
        );
        return;
    }
    for field in ["name", "email", "url"] {
        match author.get(field) {
            Some(Json::String(s)) if !s.trim().is_empty() => {}
            Some(Json::String(_)) | None => {
                report.warn(FILE, format!("\"author.{field}\" is empty or missing"))
            }
            Some(other) => report.error(
                FILE,
                format!(
                    "\"author.{field}\" must be a string, found {}",
                    kind_of(other)
                ),
            ),
        }
    }
    if let Some(url) = author.get("url").and_then(Json::as_str) {
        if !is_web_url(url) {
            report.error(
                FILE,
                format!("\"author.url\" {url:?} is not a valid http(s) URL"),
            );
        }
    }
    if let Some(url) = root.get("termsConditionsURL").and_then(Json::as_str) {
        if !is_web_url(url) {
            report.error(
                FILE,
                format!("\"termsConditionsURL\" {url:?} is not a valid http(s) URL"),
            );
        }
    }
}

/// `http(s)://host...` with a plausible host: enough to catch a missing scheme or a typo.
fn is_web_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    let host = rest
        .map(|r| r.split(['/', '?', '#']).next().unwrap_or_default())
        .unwrap_or_default();
    !host.is_empty() && host.contains('.') && !host.contains(char::is_whitespace)
}

fn default_locale(root: &Json, pkg: &Package, report: &mut Report) -> Option<String> {
    let locale = root.get("defaultLocale").and_then(Json::as_str)?;
    if !locale::is_valid_default(locale) {
        report.error(
            FILE,
            format!("\"defaultLocale\" {locale:?} is not a locale like \"en\" or \"pt-br\""),
        );
        return None;
    }
    let translation = format!("translations/{locale}.json");
    if pkg.file(&translation).is_none() {
        report.error(
            FILE,
            format!("the default locale needs {translation}, which is missing"),
        );
    }
    Some(locale.to_string())
}

fn framework_version(root: &Json, report: &mut Report) {
    match root.get("frameworkVersion").and_then(Json::as_str) {
        None => report.error(FILE, "\"frameworkVersion\" is required (\"2.0\")"),
        Some(v) if FRAMEWORK_VERSIONS.contains(&v) => {}
        Some(v) => report.error(
            FILE,
            format!("\"frameworkVersion\" {v:?} is not served; use one of {FRAMEWORK_VERSIONS:?}"),
        ),
    }
}

fn location(root: &Json, pkg: &Package, report: &mut Report) {
    let products = root
        .get("location")
        .and_then(Json::as_object)
        .into_iter()
        .flatten();
    let mut count = 0;
    // (location, url) of each Support sidebar: they must all frame the one build.
    let mut sidebar_urls: Vec<(String, String)> = Vec::new();
    for (product, locations) in products {
        if !PRODUCTS.contains(&product.as_str()) {
            report.error(
                FILE,
                format!("unknown product \"{product}\" in \"location\" (known: {PRODUCTS:?})"),
            );
        }
        let Some(locations) = locations.as_object() else {
            report.error(
                FILE,
                format!("\"location.{product}\" must be an object of locations"),
            );
            continue;
        };
        for (name, options) in locations {
            count += 1;
            let at = format!("location.{product}.{name}");
            if product == "support" {
                support_location_name(&at, name, report);
            }
            let url = match options {
                Json::String(url) => Some(url.as_str()),
                Json::Object(members) => {
                    for key in members.keys() {
                        if !LOCATION_OPTIONS.contains(&key.as_str()) {
                            report.warn(
                                FILE,
                                format!("\"{at}.{key}\" is not a location option Zendesk knows"),
                            );
                        }
                    }
                    match options.get("flexible") {
                        None | Some(Json::Bool(_)) => {}
                        Some(other) => report.error(
                            FILE,
                            format!(
                                "\"{at}.flexible\" must be true or false, found {}",
                                kind_of(other)
                            ),
                        ),
                    }
                    options.get("url").and_then(Json::as_str)
                }
                other => {
                    report.error(
                        FILE,
                        format!(
                            "\"{at}\" must be a URL or an object, found {}",
                            kind_of(other)
                        ),
                    );
                    None
                }
            };
            match url {
                Some(url) => {
                    location_url(&at, url, pkg, report);
                    if product == "support" && SUPPORT_SIDEBARS.contains(&name.as_str()) {
                        sidebar_urls.push((name.clone(), url.to_owned()));
                    }
                }
                None => report.error(FILE, format!("\"{at}\" has no \"url\"")),
            }
        }
    }
    if let Some((first, url)) = sidebar_urls.first() {
        for (name, other) in sidebar_urls.iter().skip(1).filter(|(_, u)| u != url) {
            report.error(
                FILE,
                format!("\"location.support.{name}.url\" is {other:?} but {first}'s is {url:?}: one build serves every sidebar, so they frame the same document"),
            );
        }
    }
    if count == 0 {
        report.error(
            FILE,
            "\"location\" must name at least one location, e.g. support.ticket_sidebar",
        );
    }
}

/// Zendesk refuses a Support location it doesn't know; the app shows nothing in one it has no view
/// for (a nav bar, a modal), so that is an error too.
fn support_location_name(at: &str, name: &str, report: &mut Report) {
    if !SUPPORT_LOCATIONS.contains(&name) {
        report.error(
            FILE,
            format!(
                "\"{at}\" is not a Support location Zendesk knows (known: {SUPPORT_LOCATIONS:?})"
            ),
        );
    } else if !SUPPORT_SIDEBARS.contains(&name) {
        report.error(
            FILE,
            format!("\"{at}\": the app has views for the Support sidebars only ({SUPPORT_SIDEBARS:?}); it would show nothing in {name}"),
        );
    }
}

fn location_url(at: &str, url: &str, pkg: &Package, report: &mut Report) {
    if url.contains("{{setting.") {
        return; // filled per installation: Zendesk skips the check too
    }
    if let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    {
        let host = rest.split(['/', ':', '?', '#']).next().unwrap_or_default();
        if host == "localhost" || host == "127.0.0.1" {
            report.error(
                FILE,
                format!(
                    "\"{at}.url\" points at {host}: fine for zcli, never in an uploaded package"
                ),
            );
        } else if !url.starts_with("https://") {
            report.error(FILE, format!("\"{at}.url\" {url:?} must use HTTPS"));
        }
        return;
    }
    let path = url.split(['?', '#']).next().unwrap_or_default();
    if !path.starts_with("assets/") || pkg.file(path).is_none() {
        report.error(FILE, format!("\"{at}.url\" {url:?} must name a file of the package under assets/, and {path} is missing"));
    }
}

fn parameters(root: &Json, report: &mut Report) -> Vec<Parameter> {
    let items = match root.get("parameters") {
        None => return Vec::new(),
        Some(Json::Array(items)) => items,
        Some(other) => {
            report.error(
                FILE,
                format!("\"parameters\" must be an array, found {}", kind_of(other)),
            );
            return Vec::new();
        }
    };
    let mut out: Vec<Parameter> = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let Some(name) = item.get("name").and_then(Json::as_str) else {
            report.error(
                FILE,
                format!("parameter #{} has no \"name\" string", index + 1),
            );
            continue;
        };
        if let Some(param) = parameter(name, item, report) {
            if out.iter().any(|p| p.name == param.name) {
                report.error(
                    FILE,
                    format!("parameter \"{name}\" is defined more than once"),
                );
            } else {
                out.push(param);
            }
        }
    }
    out
}

/// One parameter's own rules. `None` when it is too broken to describe further.
fn parameter(name: &str, item: &Json, report: &mut Report) -> Option<Parameter> {
    let at = format!("parameter \"{name}\"");
    for key in item.as_object().into_iter().flat_map(|o| o.keys()) {
        if !PARAMETER_KEYS.contains(&key.as_str()) {
            report.warn(FILE, format!("{at}: unknown attribute \"{key}\" (labels and help texts belong in translations)"));
        }
    }
    if name == "name" {
        report.error(FILE, "a parameter can't be called \"name\"");
    }
    let kind = match item.get("type") {
        None => "text",
        Some(Json::String(t)) => t.as_str(),
        Some(other) => {
            report.error(
                FILE,
                format!("{at}: \"type\" must be a string, found {}", kind_of(other)),
            );
            return None;
        }
    };
    if kind == "password" {
        report.error(
            FILE,
            format!(
                "{at}: the password type was removed; use \"type\": \"text\" with \"secure\": true"
            ),
        );
    } else if !PARAMETER_TYPES.contains(&kind) {
        report.error(
            FILE,
            format!("{at}: unknown type \"{kind}\" (allowed: {PARAMETER_TYPES:?})"),
        );
    } else if kind == "mtls" {
        report.warn(
            FILE,
            format!("{at}: the mtls type works only where Zendesk enabled it"),
        );
    }
    let flag = |key: &str, report: &mut Report| match item.get(key) {
        None => false,
        Some(Json::Bool(b)) => *b,
        Some(other) => {
            report.error(
                FILE,
                format!(
                    "{at}: \"{key}\" must be true or false, found {}",
                    kind_of(other)
                ),
            );
            false
        }
    };
    let required = flag("required", report);
    let secure = flag("secure", report);
    if kind == "hidden" && required {
        report.error(FILE, format!("{at}: a hidden parameter can't be required"));
    }
    if secure && item.get("default").is_some() {
        report.error(
            FILE,
            format!("{at}: a secure parameter can't have a default (it would ship in the package)"),
        );
    } else if kind == "hidden" && item.get("default").is_some() {
        report.warn(
            FILE,
            format!("{at}: a hidden parameter's default is visible to anyone with the package"),
        );
    }
    scopes(&at, item, secure, report);
    if looks_like_credential(name) && !secure {
        report.error(
            FILE,
            format!("{at}: its name says it holds a credential, so make it \"secure\": true"),
        );
    }
    if let Some(default) = item.get("default") {
        let fits = match kind {
            "checkbox" => matches!(default, Json::Bool(_)),
            "number" => matches!(default, Json::Number(_)),
            _ => matches!(default, Json::String(_)),
        };
        if !fits {
            report.warn(
                FILE,
                format!(
                    "{at}: default {} does not fit type {kind}",
                    kind_of(default)
                ),
            );
        }
    }
    Some(Parameter {
        name: name.to_string(),
        kind: kind.to_string(),
        secure,
    })
}

fn scopes(at: &str, item: &Json, secure: bool, report: &mut Report) {
    match (item.get("scopes"), secure) {
        (None, false) => {}
        (None, true) => report.error(
            FILE,
            format!("{at}: a secure parameter needs \"scopes\" (where its value may be placed, e.g. [\"header\"]); without them the token may leak"),
        ),
        (Some(_), false) => report.error(FILE, format!("{at}: \"scopes\" is allowed only on secure parameters")),
        (Some(Json::Array(values)), true) => {
            if values.is_empty() {
                report.error(FILE, format!("{at}: \"scopes\" is empty"));
            }
            for value in values {
                match value.as_str() {
                    Some(s) if SECURE_SCOPES.contains(&s) => {}
                    _ => report.error(FILE, format!("{at}: scope {value} is not one of {SECURE_SCOPES:?}")),
                }
            }
        }
        (Some(other), true) => report.error(FILE, format!("{at}: \"scopes\" must be an array, found {}", kind_of(other))),
    }
}

/// zendesk_apps_support's warning pattern `/token|key|pwd|password/i`.
pub fn looks_like_credential(name: &str) -> bool {
    let lower = name.to_lowercase();
    ["token", "key", "pwd", "password"]
        .iter()
        .any(|w| lower.contains(w))
}

/// The product's one credential, the installation's `sell_api_token`. Zendesk keeps no token per
/// agent, so an `oauth` block or parameter would only add a second installation-wide login that
/// looks like a personal one.
fn one_installation_token(root: &Json, parameters: &[Parameter], report: &mut Report) {
    const WHY: &str = "this app uses one installation token, sell_api_token; per-agent tokens don't exist in Zendesk (see docs/ADMIN.md)";
    if root.get("oauth").is_some() {
        report.error(FILE, format!("remove the \"oauth\" block: {WHY}"));
    }
    for p in parameters.iter().filter(|p| p.kind == "oauth") {
        report.error(
            FILE,
            format!("parameter \"{}\" has type oauth; remove it: {WHY}", p.name),
        );
    }
}
