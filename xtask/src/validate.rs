//! `cargo xtask validate [dir-or-zip]`: checks an app package against the rules Zendesk applies on
//! upload (docs: /work/shared/reference/sell-api-and-zaf-facts.md section 4, from zendesk_apps_support)
//! plus our own: Marketplace logos and screenshots, size limits, no URLs to hosts the app may not reach, no secrets.
//!
//! Errors fail the command; warnings are printed only. Each group of rules lives in its own module.

mod assets;
mod content;
mod json;
mod locale;
mod manifest;
mod png_size;
pub mod screenshots;
mod translations;

use std::path::{Path, PathBuf};

pub use assets::ZIP_LIMIT_BYTES;

use crate::package::tree::Tree;
use crate::package::{self, archive};
use crate::run::{root, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    /// The package path the finding is about (`manifest.json`, `assets/logo.png`), or `package`.
    pub file: String,
    pub message: String,
}

#[derive(Debug, Default)]
pub struct Report {
    pub findings: Vec<Finding>,
}

impl Report {
    pub fn error(&mut self, file: &str, message: impl Into<String>) {
        self.push(Severity::Error, file, message.into());
    }

    pub fn warn(&mut self, file: &str, message: impl Into<String>) {
        self.push(Severity::Warning, file, message.into());
    }

    fn push(&mut self, severity: Severity, file: &str, message: String) {
        self.findings.push(Finding {
            severity,
            file: file.to_string(),
            message,
        });
    }

    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
    }

    /// Errors in red, then warnings in yellow, then a count line.
    pub fn print(&self) {
        for f in self.errors() {
            println!("  \x1b[31merror\x1b[0m   {}: {}", f.file, f.message);
        }
        for f in self.warnings() {
            println!("  \x1b[33mwarning\x1b[0m {}: {}", f.file, f.message);
        }
        println!(
            "  {} error(s), {} warning(s)",
            self.errors().count(),
            self.warnings().count()
        );
    }
}

/// A package to check: its files, and the size of its zip (the upload limit is on the zip).
pub struct Package {
    pub tree: Tree,
    pub zip_size: u64,
}

impl Package {
    pub fn file(&self, path: &str) -> Option<&[u8]> {
        self.tree.files.get(path).map(Vec::as_slice)
    }
}

/// A zip as uploaded, or an unpacked package folder (zipped in memory the way `package` zips, to
/// know its size).
pub fn load(path: &Path) -> Result<Package> {
    if path.is_dir() {
        let tree = Tree::from_dir(path)?;
        let (zip, _) = archive::write(&tree.files)?;
        Ok(Package {
            tree,
            zip_size: zip.len() as u64,
        })
    } else {
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let tree = Tree::from_zip(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(Package {
            tree,
            zip_size: bytes.len() as u64,
        })
    }
}

pub fn check(pkg: &Package) -> Report {
    let mut report = Report::default();
    for (path, why) in &pkg.tree.refused {
        report.error(path, format!("refused: {why}"));
    }
    let manifest = manifest::check(pkg, &mut report);
    translations::check(pkg, manifest.as_ref(), &mut report);
    assets::check(pkg, &mut report);
    screenshots::check(pkg, &mut report);
    content::check(pkg, manifest.as_ref(), &mut report);
    report
}

pub fn run(args: &[String]) -> Result {
    let path = match args.first() {
        Some(p) => PathBuf::from(p),
        None => default_target()?,
    };
    println!("validating {}", path.display());
    let pkg = load(&path)?;
    let report = check(&pkg);
    report.print();
    match report.errors().count() {
        0 => Ok(()),
        n => Err(format!("{} has {n} error(s)", path.display())),
    }
}

/// The zip of the manifest's version if `package` made one, else the unpacked folder.
fn default_target() -> Result<PathBuf> {
    let out = package::output_dir();
    let zip = package::zip_path(&out, &package::version_of(&root().join("manifest.json"))?);
    let app = out.join("app");
    if zip.is_file() {
        Ok(zip)
    } else if app.is_dir() {
        Ok(app)
    } else {
        Err(format!("nothing to validate: run `cargo xtask package` first, or pass a folder or zip ({} is missing)", zip.display()))
    }
}

#[cfg(test)]
mod tests;
