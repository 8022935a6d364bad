//! `cargo xtask screenshots [--dist D]`: the Marketplace screenshots, `assets/screenshot-0.png` …,
//! taken from the real release app in the local Support-like page by the end-to-end test
//! `marketplace_screenshots_show_the_real_app_at_the_listing_size` (devhost/tests/zcli_marketplace.rs):
//! a contact with its deals, the create-lead form, the admin's settings helper.
//!
//! The test writes into a fresh folder of target/; only when it passed and every picture meets the
//! Marketplace rules (`validate::screenshots`) do they replace the committed ones, so a failed run
//! leaves assets/ as it was. The normal test run writes to target/ only.

use std::path::{Path, PathBuf};

use crate::build;
use crate::run::{cmd, output, root, status, Result};
use crate::tools;
use crate::validate::screenshots;

const TEST_BINARY: &str = "zcli_marketplace";
const TEST_NAME: &str = "marketplace_screenshots_show_the_real_app_at_the_listing_size";
/// The folder the test writes to when told (`harness` default: target/screenshots/marketplace).
const DIR_VAR: &str = "SELL_SIDEBAR_SCREENSHOTS_DIR";

pub fn run(args: &[String]) -> Result {
    tools::setup(true)?;
    let dist = match args.iter().position(|a| a == "--dist") {
        Some(i) => PathBuf::from(args.get(i + 1).ok_or("--dist needs a folder")?),
        None => build::bundle(true)?,
    };
    let chromedriver = output("sh", &["-c", "command -v chromedriver"])
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .ok_or("chromedriver is not on PATH (cargo xtask setup --browser installs it)")?;

    let fresh = root().join("target/screenshots/marketplace-new");
    if fresh.exists() {
        std::fs::remove_dir_all(&fresh).map_err(|e| format!("{}: {e}", fresh.display()))?;
    }
    let mut test = cmd("cargo");
    test.args([
        "test",
        "-p",
        "devhost",
        "--test",
        TEST_BINARY,
        "--",
        "--exact",
        TEST_NAME,
    ])
    .env("SELL_SIDEBAR_DIST", &dist)
    .env("CHROMEDRIVER", &chromedriver)
    .env(DIR_VAR, &fresh);
    status(test)?;

    let taken = numbered_pngs(&fresh)?;
    if taken.is_empty() {
        return Err(format!(
            "the test passed but left no screenshot in {}",
            fresh.display()
        ));
    }
    for (name, bytes) in &taken {
        if let Some(why) = screenshots::problem(bytes) {
            return Err(format!("{name}: {why}"));
        }
    }
    let assets = root().join("assets");
    for (name, _) in numbered_pngs(&assets)? {
        let old = assets.join(&name);
        std::fs::remove_file(&old).map_err(|e| format!("{}: {e}", old.display()))?;
    }
    for (name, bytes) in &taken {
        let path = assets.join(name);
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        println!("  {} ({} KB)", path.display(), bytes.len() / 1000);
    }
    println!(
        "commit them with `git add assets/screenshot-*.png`; `cargo xtask package` ships them"
    );
    Ok(())
}

/// `screenshot-<n>.png` files directly in `dir`, by name, with their bytes.
fn numbered_pngs(dir: &Path) -> Result<Vec<(String, Vec<u8>)>> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if screenshots::number_of(&format!("assets/{name}")).is_none() {
            continue;
        }
        let bytes =
            std::fs::read(entry.path()).map_err(|e| format!("{}: {e}", entry.path().display()))?;
        found.push((name, bytes));
    }
    found.sort();
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_test_it_runs_exists_under_that_name() {
        let path = root().join(format!("devhost/tests/{TEST_BINARY}.rs"));
        let source = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            source.contains(&format!("async fn {TEST_NAME}()")),
            "{} has no test {TEST_NAME}",
            path.display()
        );
        assert!(source.contains(DIR_VAR), "the test reads {DIR_VAR}");
    }

    #[test]
    fn only_numbered_screenshots_are_picked_up() {
        let dir = std::env::temp_dir().join(format!("xtask-shots-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for name in [
            "screenshot-1.png",
            "screenshot-0.png",
            "logo.png",
            "screenshot-x.png",
        ] {
            std::fs::write(dir.join(name), name).unwrap();
        }
        let names: Vec<String> = numbered_pngs(&dir)
            .unwrap()
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(names, ["screenshot-0.png", "screenshot-1.png"]);
    }
}
