//! What the zip holds and what it weighs: only `manifest.json`, `translations/` and `assets/` at the
//! root, no classic-app files, the Marketplace logos in their sizes, and the upload limits.

use super::png_size;
use super::{Package, Report};

/// Private app uploads: "2 MB" (developer.zendesk.com, uploading a private app), read as Rails'
/// 2.megabytes. Above 90% of it a warning says so, in case Zendesk counts in decimal.
pub const ZIP_LIMIT_BYTES: u64 = 2 * 1024 * 1024;
/// [GUESS] No per-file limit of Zendesk's was found; this bounds a single asset well above anything
/// that could fit the zip limit anyway, so a runaway file is named instead of only the zip total.
pub const FILE_LIMIT_BYTES: u64 = 10 * 1024 * 1024;
/// `requirements.json` payload limit (zendesk_apps_support en.yml).
const REQUIREMENTS_LIMIT_BYTES: u64 = 1024 * 1024;

/// Logos the Marketplace shows; `banner.png` is optional but must be exact when present.
const IMAGES: &[(&str, u32, u32, bool)] = &[
    ("assets/logo.png", 320, 320, true),
    ("assets/logo-small.png", 128, 128, true),
    ("assets/banner.png", 830, 200, false),
];

pub fn check(pkg: &Package, report: &mut Report) {
    layout(pkg, report);
    images(pkg, report);
    sizes(pkg, report);
}

fn layout(pkg: &Package, report: &mut Report) {
    for path in pkg.tree.files.keys() {
        let top = path.split('/').next().unwrap_or_default();
        let allowed = match top {
            "manifest.json" | "requirements.json" | "assets" => true,
            "translations" => path.matches('/').count() == 1 && path.ends_with(".json"),
            _ => false,
        };
        if path == "app.js" || top == "templates" || top == "lib" {
            report.error(path, "iframe apps must not include app.js, templates/ or lib/ (Zendesk refuses them when a location has a URL)");
        } else if !allowed {
            report.error(path, "unexpected file: the package root holds only manifest.json, translations/*.json and assets/");
        }
    }
}

fn images(pkg: &Package, report: &mut Report) {
    for &(path, width, height, required) in IMAGES {
        match pkg.file(path) {
            None if required => report.error(
                path,
                format!("missing: the Marketplace needs a {width}x{height} PNG"),
            ),
            None => {}
            Some(bytes) => match png_size::dimensions(bytes) {
                Ok((w, h)) if (w, h) == (width, height) => {}
                Ok((w, h)) => report.error(
                    path,
                    format!("is {w}x{h}; it must be exactly {width}x{height}"),
                ),
                Err(why) => report.error(path, format!("{why}; it must be a {width}x{height} PNG")),
            },
        }
    }
    for (path, bytes) in &pkg.tree.files {
        let judged_elsewhere =
            IMAGES.iter().any(|(p, ..)| p == path) || super::screenshots::number_of(path).is_some();
        if path.ends_with(".png") && !judged_elsewhere {
            if let Err(why) = png_size::dimensions(bytes) {
                report.error(path, why);
            }
        }
    }
}

fn sizes(pkg: &Package, report: &mut Report) {
    let limit = ZIP_LIMIT_BYTES;
    if pkg.zip_size > limit {
        report.error(
            "package",
            format!(
                "the zip is {} bytes; private app uploads allow {limit}",
                pkg.zip_size
            ),
        );
    } else if pkg.zip_size > limit / 10 * 9 {
        report.warn(
            "package",
            format!(
                "the zip is {} bytes, over 90% of the {limit}-byte upload limit",
                pkg.zip_size
            ),
        );
    }
    for (path, bytes) in &pkg.tree.files {
        let len = bytes.len() as u64;
        if len > FILE_LIMIT_BYTES {
            report.error(
                path,
                format!("{len} bytes; a single file may have at most {FILE_LIMIT_BYTES}"),
            );
        }
        if path == "requirements.json" && len > REQUIREMENTS_LIMIT_BYTES {
            report.error(
                path,
                format!(
                    "{len} bytes; requirements.json may have at most {REQUIREMENTS_LIMIT_BYTES}"
                ),
            );
        }
    }
}
