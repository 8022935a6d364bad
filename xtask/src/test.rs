//! `cargo xtask test`: every test of the project, then one total line.
//!
//! Order: native unit tests (core), the emulator and host tests, the browser tests (wasm-bindgen-test in
//! headless Chromium), and the end-to-end tests (the release bundle in the dev host, driven through
//! chromedriver).

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use crate::build;
use crate::run::{cmd, output, root, Result};
use crate::tools;

#[derive(Default)]
struct Tally {
    passed: u64,
    failed: u64,
    ignored: u64,
    failures: Vec<String>,
}

pub fn run(_args: &[String]) -> Result {
    tools::setup(true)?;
    let dist = build::bundle(true)?;
    build::print_sizes(&build::sizes(&dist)?);
    let chromedriver = output("sh", &["-c", "command -v chromedriver"])
        .map(|s| s.trim().to_string())
        .ok_or("chromedriver is not on PATH")?;

    let mut tally = Tally::default();
    let mut native = cmd("cargo");
    native
        .args(["test", "--no-fail-fast", "-p", "sidebar-core", "-p", "devhost", "-p", "xtask"])
        .env("SELL_SIDEBAR_DIST", &dist)
        .env("CHROMEDRIVER", &chromedriver);
    run_suite("native unit, emulator, host and end-to-end tests", native, &mut tally)?;

    let mut browser = cmd("cargo");
    browser
        .args(["test", "--no-fail-fast", "-p", "sell-sidebar", "--target", "wasm32-unknown-unknown"])
        .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", "wasm-bindgen-test-runner")
        .env("CHROMEDRIVER", &chromedriver)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120")
        .current_dir(root());
    run_suite("browser tests (wasm-bindgen-test, headless Chromium)", browser, &mut tally)?;

    // The Marketplace package of this very build: validated offline, then served by zcli.
    println!("\n== package, validate and zcli apps:server");
    let dist_arg = dist.display().to_string();
    if let Err(e) = crate::package::run(&["--dist".to_string(), dist_arg]).and_then(|()| crate::package::zcli_check(&[])) {
        tally.failures.push(format!("package check: {e}"));
    }

    println!("\nall suites:");
    for f in &tally.failures {
        println!("  failed: {f}");
    }
    // The plain closing line CI reads, after the runners' own summaries.
    println!("{} passed, {} failed, {} skipped", tally.passed, tally.failed, tally.ignored);
    if tally.failed > 0 || !tally.failures.is_empty() {
        return Err("some tests failed".into());
    }
    Ok(())
}

/// Runs one `cargo test`, echoing its output and adding up its `test result:` lines.
fn run_suite(title: &str, mut c: Command, tally: &mut Tally) -> Result {
    println!("\n== {title}");
    let mut child = c.stdout(Stdio::piped()).spawn().map_err(|e| format!("{title}: {e}"))?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    for line in BufReader::new(stdout).lines().map_while(|l| l.ok()) {
        println!("{line}");
        if let Some(counts) = line.trim().strip_prefix("test result: ") {
            tally.passed += count(counts, "passed");
            tally.failed += count(counts, "failed");
            tally.ignored += count(counts, "ignored");
        }
    }
    let st = child.wait().map_err(|e| format!("{title}: {e}"))?;
    if !st.success() {
        tally.failures.push(format!("{title} ({st})"));
    }
    Ok(())
}

/// `ok. 12 passed; 0 failed; 1 ignored; ...` → the number before `word`.
fn count(summary: &str, word: &str) -> u64 {
    summary
        .split([';', '.'])
        .filter_map(|part| {
            let mut it = part.split_whitespace();
            let n = it.next()?.parse::<u64>().ok()?;
            (it.next()? == word).then_some(n)
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn counts_come_from_cargo_summary_lines() {
        let s = "ok. 12 passed; 1 failed; 3 ignored; 0 measured; 0 filtered out; finished in 0.01s";
        assert_eq!(count(s, "passed"), 12);
        assert_eq!(count(s, "failed"), 1);
        assert_eq!(count(s, "ignored"), 3);
        assert_eq!(count("FAILED. 0 passed; 2 failed;", "failed"), 2);
    }
}
