//! Installs what the build and the tests need, skipping whatever is already there (so a second run is
//! fast): the wasm target, Trunk, wasm-bindgen's CLI, the npm packages, and Chromium for tests.

use crate::run::{cmd, output, root, status, Result};

pub const TRUNK_VERSION: &str = "0.21.14";
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";

pub fn setup(browser: bool) -> Result {
    wasm_target()?;
    cargo_tool("trunk", TRUNK_VERSION, &["--locked"])?;
    // wasm-bindgen-cli 0.2.130 does not build with --locked on this toolchain.
    cargo_tool("wasm-bindgen", WASM_BINDGEN_VERSION, &[])?;
    npm_packages()?;
    if browser {
        chromium()?;
    }
    Ok(())
}

fn wasm_target() -> Result {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed.lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        return Ok(());
    }
    println!("xtask: adding the wasm32-unknown-unknown target");
    let mut c = cmd("rustup");
    c.args(["target", "add", "wasm32-unknown-unknown"]);
    status(c)
}

/// `program --version` must print the pinned version, else `cargo install` it.
fn cargo_tool(program: &str, version: &str, extra: &[&str]) -> Result {
    let have = output(program, &["--version"]).unwrap_or_default();
    if have.split_whitespace().any(|w| w == version) {
        return Ok(());
    }
    let krate = if program == "wasm-bindgen" { "wasm-bindgen-cli" } else { program };
    println!("xtask: installing {krate} {version} (once; this takes a few minutes)");
    let mut c = cmd("cargo");
    c.args(["install", krate, "--version", version]).args(extra);
    status(c)
}

fn npm_packages() -> Result {
    let js = root().join("js");
    let stamp = js.join("node_modules/.package-lock.json");
    let lock = js.join("package-lock.json");
    let fresh = match (std::fs::metadata(&stamp), std::fs::metadata(&lock)) {
        (Ok(s), Ok(l)) => match (s.modified(), l.modified()) {
            (Ok(s), Ok(l)) => s >= l,
            _ => false,
        },
        _ => false,
    };
    if fresh && js.join("node_modules/.bin/wasm-opt").exists() {
        return Ok(());
    }
    println!("xtask: installing the npm packages (js/package-lock.json)");
    let mut c = cmd("npm");
    c.current_dir(&js).args(["ci", "--no-audit", "--no-fund"]);
    status(c)
}

/// Debian's chromium and chromium-driver, for the browser and end-to-end tests.
fn chromium() -> Result {
    if output("chromium", &["--version"]).is_some() && output("chromedriver", &["--version"]).is_some() {
        return Ok(());
    }
    println!("xtask: installing chromium and chromium-driver with apt-get");
    let mut update = cmd("apt-get");
    update.arg("update");
    status(update)?;
    let mut c = cmd("apt-get");
    c.env("DEBIAN_FRONTEND", "noninteractive").args(["install", "-y", "chromium", "chromium-driver"]);
    status(c)
}
