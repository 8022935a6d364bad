//! `cargo xtask package`: the release bundle plus the manifest, translations and logos, as the zip
//! Zendesk takes for a private app upload (`target/package/sell-sidebar-<version>.zip`) and unpacked
//! for zcli (`target/package/app/`). Layout:
//!
//! ```text
//! manifest.json
//! translations/en.json, de.json
//! assets/logo.png, logo-small.png      (from assets/, top level only: assets/src/ is the generator)
//! assets/screenshot-0.png …            (the Marketplace screenshots, `cargo xtask screenshots`)
//! assets/index.html, *.wasm, *.js, *.css, zaf_sdk.min.js   (all of Trunk's dist/)
//! ```
//!
//! The zip is reproducible: the same inputs give the same bytes (sorted entries, fixed dates and
//! modes, see `archive`). The package is validated before it is reported done.

pub mod archive;
pub mod tree;

mod zcli;

use std::path::{Path, PathBuf};

use crate::build;
use crate::run::{root, Result};
use crate::tools;
use crate::validate;
use archive::EntrySize;
use tree::Tree;

pub use zcli::check as zcli_check;

/// Where the package's sources are: the app folder (manifest.json, translations/, assets/) and
/// Trunk's output.
pub struct Sources {
    pub app: PathBuf,
    pub dist: PathBuf,
}

pub struct Built {
    pub zip_path: PathBuf,
    pub zip: Vec<u8>,
    pub app_dir: PathBuf,
    pub sizes: Vec<EntrySize>,
}

pub fn output_dir() -> PathBuf {
    root().join("target/package")
}

pub fn zip_path(out: &Path, version: &str) -> PathBuf {
    out.join(format!("sell-sidebar-{version}.zip"))
}

/// `package [--dist DIR]`: with `--dist`, packages a bundle built before (CI, or a dist built apart
/// from the shared `dist/`) instead of building.
pub fn run(args: &[String]) -> Result {
    let dist = match args.iter().position(|a| a == "--dist") {
        Some(i) => PathBuf::from(args.get(i + 1).ok_or("--dist needs a folder")?),
        None => {
            tools::setup(false)?;
            build::bundle(true)?
        }
    };
    let sources = Sources { app: root(), dist };
    let built = build_package(&sources, &output_dir())?;
    print_sizes(&built);
    println!("\nvalidating {}", built.zip_path.display());
    let report = validate::check(&validate::Package {
        tree: Tree::from_zip(&built.zip)?,
        zip_size: built.zip.len() as u64,
    });
    report.print();
    match report.errors().count() {
        0 => {
            println!("\nupload {} (Admin Center > Apps and integrations > Zendesk Support apps > Upload private app)", built.zip_path.display());
            Ok(())
        }
        n => Err(format!("the package has {n} error(s); see above")),
    }
}

/// Collects, zips and unpacks the package into `out`.
pub fn build_package(sources: &Sources, out: &Path) -> Result<Built> {
    let tree = collect(sources)?;
    let version = tree
        .files
        .get("manifest.json")
        .map(|m| version_in(m))
        .ok_or("manifest.json is missing")??;
    let (zip, sizes) = archive::write(&tree.files)?;
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let zip_path = zip_path(out, &version);
    std::fs::write(&zip_path, &zip).map_err(|e| format!("{}: {e}", zip_path.display()))?;
    let app_dir = out.join("app");
    if app_dir.exists() {
        std::fs::remove_dir_all(&app_dir).map_err(|e| format!("{}: {e}", app_dir.display()))?;
    }
    tree.write_to(&app_dir)?;
    Ok(Built {
        zip_path,
        zip,
        app_dir,
        sizes,
    })
}

/// The package's files from their sources. Fails on anything that would make a wrong package rather
/// than a questionable one (validation judges those): a dist file shadowing a logo, a symlink.
pub fn collect(sources: &Sources) -> Result<Tree> {
    let mut tree = Tree::default();
    let manifest_path = sources.app.join("manifest.json");
    let manifest =
        std::fs::read(&manifest_path).map_err(|e| format!("{}: {e}", manifest_path.display()))?;
    tree.files.insert("manifest.json".to_string(), manifest);
    for (name, bytes) in top_level_files(&sources.app.join("translations"))? {
        if name.ends_with(".json") {
            tree.files.insert(format!("translations/{name}"), bytes);
        }
    }
    for (name, bytes) in top_level_files(&sources.app.join("assets"))? {
        tree.files.insert(format!("assets/{name}"), bytes);
    }
    let dist = Tree::from_dir(&sources.dist)?;
    if let Some((path, why)) = dist.refused.first() {
        return Err(format!("{}/{path}: {why}", sources.dist.display()));
    }
    if !dist.files.contains_key("index.html") {
        return Err(format!(
            "{} has no index.html: did the Trunk build run?",
            sources.dist.display()
        ));
    }
    for (path, bytes) in dist.files {
        let target = format!("assets/{path}");
        if tree.files.contains_key(&target) {
            return Err(format!(
                "dist/{path} and assets/{path} would both be {target}; rename one"
            ));
        }
        tree.files.insert(target, bytes);
    }
    Ok(tree)
}

/// Plain files directly in `dir` (no folders, no dotfiles), by name.
fn top_level_files(dir: &Path) -> Result<Vec<(String, Vec<u8>)>> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let kind = entry
            .file_type()
            .map_err(|e| format!("{}: {e}", entry.path().display()))?;
        if name.starts_with('.') || kind.is_dir() {
            continue;
        }
        if kind.is_symlink() {
            return Err(format!(
                "{} is a symlink; Zendesk rejects them",
                entry.path().display()
            ));
        }
        let bytes =
            std::fs::read(entry.path()).map_err(|e| format!("{}: {e}", entry.path().display()))?;
        out.push((name, bytes));
    }
    out.sort();
    Ok(out)
}

/// The manifest's `version`, checked to be safe in a file name.
pub fn version_of(manifest_path: &Path) -> Result<String> {
    let bytes =
        std::fs::read(manifest_path).map_err(|e| format!("{}: {e}", manifest_path.display()))?;
    version_in(&bytes)
}

fn version_in(manifest: &[u8]) -> Result<String> {
    let parsed: serde_json::Value =
        serde_json::from_slice(manifest).map_err(|e| format!("manifest.json: {e}"))?;
    let version = parsed
        .get("version")
        .and_then(serde_json::Value::as_str)
        .ok_or("manifest.json has no \"version\" string")?;
    let safe = !version.is_empty()
        && version
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ".-+".contains(c));
    if safe {
        Ok(version.to_string())
    } else {
        Err(format!(
            "manifest.json \"version\" {version:?} must be like 1.2.3"
        ))
    }
}

fn print_sizes(built: &Built) {
    println!("\npackage files:");
    println!("  {:<40} {:>10} {:>10}", "file", "raw", "in zip");
    for s in &built.sizes {
        println!(
            "  {:<40} {:>10} {:>10}",
            s.name,
            build::kb(s.raw),
            build::kb(s.packed)
        );
    }
    let limit = validate::ZIP_LIMIT_BYTES;
    let size = built.zip.len() as u64;
    println!(
        "\n{}: {} ({size} bytes, {:.0}% of the {} private app limit)",
        built.zip_path.display(),
        build::kb(size),
        size as f64 * 100.0 / limit as f64,
        build::kb(limit)
    );
    println!("unpacked for zcli: {}", built.app_dir.display());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_must_be_safe_in_a_file_name() {
        assert_eq!(
            version_in(br#"{"version": "1.2.3-rc.1"}"#).unwrap(),
            "1.2.3-rc.1"
        );
        assert!(version_in(br#"{"version": "../1"}"#).is_err());
        assert!(version_in(br#"{"version": 1}"#).is_err());
    }
}
