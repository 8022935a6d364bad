//! Keeping the emulated account across dev-host restarts: one JSON file, rewritten after each write.

use super::store::Store;
use std::path::Path;

/// The saved account, or `None` (and a note on stderr) when the file is missing or unreadable.
pub fn load(path: &Path) -> Option<Store> {
    let bytes = std::fs::read(path).ok()?;
    match serde_json::from_slice(&bytes) {
        Ok(store) => Some(store),
        Err(e) => {
            eprintln!(
                "sell emulator: ignoring {} ({e}); starting from the seed",
                path.display()
            );
            None
        }
    }
}

/// Writes through a temporary file so a crash mid-write leaves the previous state intact.
pub fn save(path: &Path, store: &Store) {
    let tmp = path.with_extension("tmp");
    let result = serde_json::to_vec(store)
        .map_err(std::io::Error::other)
        .and_then(|bytes| std::fs::write(&tmp, bytes))
        .and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = result {
        eprintln!(
            "sell emulator: could not save state to {}: {e}",
            path.display()
        );
    }
}
