//! Running other programs with the project's tool folders first on PATH.

use std::path::{Path, PathBuf};
use std::process::Command;

pub type Result<T = ()> = std::result::Result<T, String>;

/// The workspace root (xtask lives one folder below it).
pub fn root() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.parent().map(Path::to_path_buf).unwrap_or(here)
}

/// PATH with cargo's bin folder and the npm tools (wasm-opt from binaryen, esbuild) first: Trunk must
/// find wasm-bindgen and wasm-opt there, since it cannot download anything on these machines.
pub fn tool_path() -> String {
    let mut dirs = vec![root().join("js/node_modules/.bin")];
    if let Some(home) = std::env::var_os("CARGO_HOME").map(PathBuf::from).or_else(|| {
        std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo"))
    }) {
        dirs.push(home.join("bin"));
    }
    let old = std::env::var("PATH").unwrap_or_default();
    let mut parts: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
    parts.push(old);
    parts.join(":")
}

pub fn cmd(program: &str) -> Command {
    let mut c = Command::new(program);
    c.env("PATH", tool_path()).current_dir(root());
    c
}

/// Runs to completion, failing with the command line when it exits non-zero.
pub fn status(mut c: Command) -> Result {
    let line = format!("{c:?}");
    let st = c.status().map_err(|e| format!("could not start {line}: {e}"))?;
    if st.success() {
        Ok(())
    } else {
        Err(format!("{line} failed ({st})"))
    }
}

/// Runs and returns stdout, or None when the program is missing or fails.
pub fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = cmd(program).args(args).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}
