//! `cargo xtask <command>`: the project's own commands. Each installs what it is missing first, so a
//! newcomer on a fresh machine (rustc, cargo, node) needs nothing else.

mod bench;
mod build;
mod demo;
mod package;
mod run;
mod screenshots;
mod test;
mod tools;
mod validate;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  demo [--port N]   build the app and open it in the local Support-like page against the Sell emulator
  test              run every test: native unit, emulator, browser (wasm-bindgen-test) and end-to-end
  build [--dev]     build the release bundle into dist/ and print its sizes
  setup [--browser] install the missing tools (the other commands do this themselves)
  package [--dist D] build the release bundle (or take D) and the Zendesk app zip (target/package/), then validate it
  validate [path]   check a package zip or folder against Zendesk's upload rules (default: the last package)
  zcli-check [dir] [--host]
                    serve the unpacked package with zcli apps:server and fetch it back over HTTP;
                    --host: then keep serving and open it in the local Support-like page
  screenshots [--dist D]
                    take the Marketplace screenshots (assets/screenshot-*.png) from the app in the local host
  bench [--dist D] [--runs N] [--no-browser]
                    measure bundle size, Sell requests, time to data and the owner combobox (target/bench/)
  size-map [wasm] [--crate NAME]   where the release wasm's bytes go, by crate and by function (no build; default: the
                    names-kept target/wasm-bindgen/release/sell-sidebar_bg.wasm)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or(&[]);
    let result = match args.first().map(String::as_str) {
        Some("demo") => demo::run(rest),
        Some("bench") => bench::run(rest),
        Some("size-map") => bench::size_map::run(rest),
        Some("test") => test::run(rest),
        Some("build") => build::run(rest),
        Some("package") => package::run(rest),
        Some("validate") => validate::run(rest),
        Some("zcli-check") => package::zcli_check(rest),
        Some("screenshots") => screenshots::run(rest),
        Some("setup") => tools::setup(rest.iter().any(|a| a == "--browser")),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}
