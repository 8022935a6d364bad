//! `translations/<locale>.json`: valid names and JSON, the texts the Marketplace listing needs, a
//! short description that fits, and a label and help text for every parameter in every locale (an
//! admin reading the settings in German should not meet an English-only or blank field).

use serde_json::Value as Json;

use super::json::{self, kind_of};
use super::manifest::Manifest;
use super::{locale, Package, Report};

/// zendesk_apps_support requires these for public apps (for private ones only `name`); we want the
/// package Marketplace-ready either way.
const LISTING_KEYS: &[&str] = &[
    "name",
    "short_description",
    "long_description",
    "installation_instructions",
];
pub const SHORT_DESCRIPTION_MAX_CHARS: usize = 80;

pub fn check(pkg: &Package, manifest: Option<&Manifest>, report: &mut Report) {
    let default_locale = manifest.and_then(|m| m.default_locale.as_deref());
    for (path, bytes) in &pkg.tree.files {
        let Some(file_locale) = path
            .strip_prefix("translations/")
            .and_then(|p| p.strip_suffix(".json"))
        else {
            continue;
        };
        if !locale::is_valid_file_locale(file_locale) {
            report.error(
                path,
                format!("\"{file_locale}\" is not a locale name like \"en\" or \"pt-br\""),
            );
            continue;
        }
        let Some(app) = app_object(path, bytes, report) else {
            continue;
        };
        leaves(path, "app", &app, report);
        let is_default = default_locale == Some(file_locale);
        listing_texts(path, &app, is_default, report);
        if let Some(manifest) = manifest {
            parameter_texts(path, &app, manifest, report);
        }
    }
}

fn app_object(path: &str, bytes: &[u8], report: &mut Report) -> Option<Json> {
    let root = match json::parse(bytes) {
        Ok(root) => root,
        Err(e) => {
            report.error(path, format!("not valid JSON: {e}"));
            return None;
        }
    };
    match root.get("app") {
        Some(app @ Json::Object(_)) => Some(app.clone()),
        _ => {
            report.error(path, "must be an object with the texts under \"app\"");
            None
        }
    }
}

/// Every value is a string, an object of more texts, or an I18N `{title, value}` pair.
fn leaves(path: &str, at: &str, value: &Json, report: &mut Report) {
    match value {
        Json::String(_) => {}
        Json::Object(members) => {
            for (key, child) in members {
                leaves(path, &format!("{at}.{key}"), child, report);
            }
        }
        other => report.error(
            path,
            format!("\"{at}\" must be a text, found {}", kind_of(other)),
        ),
    }
}

fn text<'a>(app: &'a Json, keys: &[&str]) -> Option<&'a str> {
    let mut node = app;
    for key in keys {
        node = node.get(key)?;
    }
    node.as_str()
        .or_else(|| node.get("value").and_then(Json::as_str))
        .filter(|s| !s.trim().is_empty())
}

fn listing_texts(path: &str, app: &Json, is_default: bool, report: &mut Report) {
    for &key in LISTING_KEYS {
        // `description` is the older name of `short_description`.
        let present = text(app, &[key]).is_some()
            || (key == "short_description" && text(app, &["description"]).is_some());
        match (present, is_default) {
            (true, _) => {}
            (false, true) => report.error(
                path,
                format!("\"app.{key}\" is missing (the Marketplace listing needs it)"),
            ),
            (false, false) => report.warn(
                path,
                format!("\"app.{key}\" is missing; Zendesk shows the default locale's text"),
            ),
        }
    }
    if let Some(short) = text(app, &["short_description"]).or_else(|| text(app, &["description"])) {
        let chars = short.chars().count();
        if chars > SHORT_DESCRIPTION_MAX_CHARS {
            report.error(path, format!("\"app.short_description\" has {chars} characters; at most {SHORT_DESCRIPTION_MAX_CHARS} fit"));
        }
    }
}

fn parameter_texts(path: &str, app: &Json, manifest: &Manifest, report: &mut Report) {
    for param in &manifest.parameters {
        for key in ["label", "helpText"] {
            if text(app, &["parameters", &param.name, key]).is_none() {
                report.error(
                    path,
                    format!(
                        "\"app.parameters.{}.{key}\" is missing or empty",
                        param.name
                    ),
                );
            }
        }
    }
    let translated = app.get("parameters").and_then(Json::as_object);
    for name in translated.into_iter().flat_map(|o| o.keys()) {
        if !manifest.parameters.iter().any(|p| &p.name == name) {
            report.warn(
                path,
                format!("\"app.parameters.{name}\" has no parameter in manifest.json"),
            );
        }
    }
}
