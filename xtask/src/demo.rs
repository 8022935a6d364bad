//! `cargo xtask demo`: the sidebar in the local Support-like page against the Sell emulator.

use crate::build;
use crate::run::{cmd, status, Result};
use crate::tools;

pub fn run(args: &[String]) -> Result {
    tools::setup(false)?;
    let port = args
        .iter()
        .position(|a| a == "--port")
        .and_then(|i| args.get(i + 1))
        .cloned()
        .unwrap_or_else(|| "8484".into());
    let dist = build::bundle(true)?;
    build::print_sizes(&build::sizes(&dist)?);
    println!("\nstarting the dev host; open the URL it prints (Ctrl-C stops it)");
    let mut host = cmd("cargo");
    host.args(["run", "-q", "--release", "-p", "devhost", "--", "--port", &port, "--app-dir"]).arg(&dist);
    status(host)
}
