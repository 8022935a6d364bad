//! Builds the app bundle with Trunk (release by default) and prints what it weighs.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::run::{cmd, root, status, Result};
use crate::tools;

pub fn run(args: &[String]) -> Result {
    tools::setup(false)?;
    let release = !args.iter().any(|a| a == "--dev");
    bundle(release)?;
    print_sizes(&sizes(&root().join("dist"))?);
    Ok(())
}

/// The ZAF SDK bundle and the CSS bundle, then Trunk. Returns the dist folder.
pub fn bundle(release: bool) -> Result<PathBuf> {
    let mut sdk = cmd("npm");
    sdk.current_dir(root().join("js")).args(["run", "--silent", "bundle-sdk"]);
    status(sdk)?;
    let mut css = cmd("npm");
    css.current_dir(root().join("js")).args(["run", "--silent", "bundle-css"]);
    status(css)?;
    let mut trunk = cmd("trunk");
    trunk.args(["build", "--offline"]);
    if release {
        trunk.arg("--release");
        trunk.env(WASM_RUSTFLAGS_VAR, release_rustflags());
    }
    status(trunk)?;
    Ok(root().join("dist"))
}

/// Extra flags for the wasm target in release builds. Cargo joins them to `.cargo/config.toml`'s
/// (`--cfg erase_components`): measured, leaving that flag out here changes nothing, out of both +28 KB.
const WASM_RUSTFLAGS_VAR: &str = "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS";

/// Less inlining, and no build machine's paths in the shipped bundle (panic locations name the source
/// file; the crates' sources live under this machine's cargo home).
fn release_rustflags() -> String {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    let mut flags = Vec::new();
    // LLVM inlines less than `opt-level = "z"` alone asks: a callee shared by several callers stays
    // one function instead of a copy in each (#16). Measured on the whole bundle: 0 gave −2.0 KB gzip
    // against LLVM's default; with the views built by `el`, −5 gives 1.4 KB less than 0 (25: +9.4,
    // −10: −1.3, −20: +2.6, −50 earlier +23).
    flags.push("-Cllvm-args=-inline-threshold=-5".to_string());
    if let Some(home) = cargo_home {
        flags.push(format!("--remap-path-prefix={}=crates", home.join("registry").join("src").display()));
        flags.push(format!("--remap-path-prefix={}=git", home.join("git").join("checkouts").display()));
    }
    flags.push(format!("--remap-path-prefix={}=app", root().display()));
    flags.join(" ")
}

pub struct FileSize {
    pub kind: &'static str,
    pub name: String,
    pub raw: u64,
    pub gzip: u64,
}

/// Raw and gzip (-9) size of every file of the bundle, by kind.
pub fn sizes(dist: &Path) -> Result<Vec<FileSize>> {
    let mut out = Vec::new();
    let entries = std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_file()).collect();
    paths.sort();
    for path in paths {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let kind = match () {
            _ if name.ends_with(".wasm") => "wasm",
            _ if name == "zaf_sdk.min.js" => "ZAF SDK",
            _ if name.ends_with(".js") => "JS glue",
            _ if name.ends_with(".css") => "CSS",
            _ if name.ends_with(".html") => "HTML",
            _ => "other",
        };
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        out.push(FileSize { kind, name, raw: bytes.len() as u64, gzip: gzip_len(&bytes)? });
    }
    Ok(out)
}

fn gzip_len(bytes: &[u8]) -> Result<u64> {
    let mut child = Command::new("gzip")
        .args(["-9", "-c", "-n"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("gzip: {e}"))?;
    let mut stdin = child.stdin.take().ok_or("gzip: no stdin")?;
    let data = bytes.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&data));
    let out = child.wait_with_output().map_err(|e| format!("gzip: {e}"))?;
    writer.join().map_err(|_| "gzip writer panicked")?.map_err(|e| format!("gzip: {e}"))?;
    Ok(out.stdout.len() as u64)
}

pub fn print_sizes(files: &[FileSize]) {
    println!("\nrelease bundle (dist/):");
    println!("  {:<9} {:<28} {:>10} {:>10}", "kind", "file", "raw", "gzip");
    for f in files {
        println!("  {:<9} {:<28} {:>10} {:>10}", f.kind, f.name, kb(f.raw), kb(f.gzip));
    }
    let raw: u64 = files.iter().map(|f| f.raw).sum();
    let gz: u64 = files.iter().map(|f| f.gzip).sum();
    println!("  {:<9} {:<28} {:>10} {:>10}", "total", "", kb(raw), kb(gz));
}

pub fn kb(n: u64) -> String {
    format!("{:.1} KB", n as f64 / 1024.0)
}
