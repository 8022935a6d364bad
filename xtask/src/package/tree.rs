//! A package's files in memory, by their path inside the package ("assets/index.html"), sorted.

use std::collections::BTreeMap;
use std::path::Path;

use super::zip;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tree {
    pub files: BTreeMap<String, Vec<u8>>,
    /// Things found that a package must not hold, as `(path, why)`: symlinks, unreadable or
    /// unsafe zip entries. Validation reports them as errors.
    pub refused: Vec<(String, String)>,
}

impl Tree {
    /// Every file under `dir`, recursively. Symlinks are refused (Zendesk rejects them), not followed.
    pub fn from_dir(dir: &Path) -> Result<Tree, String> {
        let mut tree = Tree::default();
        tree.add_dir(dir, "")?;
        Ok(tree)
    }

    fn add_dir(&mut self, dir: &Path, prefix: &str) -> Result<(), String> {
        let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries {
            let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = format!("{prefix}{name}");
            let kind = entry
                .file_type()
                .map_err(|e| format!("{}: {e}", entry.path().display()))?;
            if kind.is_symlink() {
                self.refused
                    .push((path, "a symlink (Zendesk rejects them)".to_string()));
            } else if kind.is_dir() {
                self.add_dir(&entry.path(), &format!("{path}/"))?;
            } else {
                let bytes = std::fs::read(entry.path())
                    .map_err(|e| format!("{}: {e}", entry.path().display()))?;
                self.files.insert(path, bytes);
            }
        }
        Ok(())
    }

    pub fn from_zip(bytes: &[u8]) -> Result<Tree, String> {
        let mut tree = Tree::default();
        for entry in zip::read(bytes)? {
            if entry.name.ends_with('/') {
                continue; // a directory entry
            }
            if !is_safe_path(&entry.name) {
                tree.refused.push((
                    entry.name,
                    "a path that leaves the package or is absolute".to_string(),
                ));
                continue;
            }
            if entry.mode.is_some_and(|m| m & 0o170000 == 0o120000) {
                tree.refused
                    .push((entry.name, "a symlink (Zendesk rejects them)".to_string()));
                continue;
            }
            match entry.data {
                Ok(data) => {
                    if tree.files.insert(entry.name.clone(), data).is_some() {
                        tree.refused
                            .push((entry.name, "in the zip twice".to_string()));
                    }
                }
                Err(why) => tree
                    .refused
                    .push((entry.name, format!("unreadable: {why}"))),
            }
        }
        Ok(tree)
    }

    /// Writes every file under `dir` (which must not exist yet or be empty of other files).
    pub fn write_to(&self, dir: &Path) -> Result<(), String> {
        for (path, bytes) in &self.files {
            let target = dir.join(path);
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| format!("{}: {e}", parent.display()))?;
            }
            std::fs::write(&target, bytes).map_err(|e| format!("{}: {e}", target.display()))?;
        }
        Ok(())
    }

    /// Entries for the zip writer: sorted by path (the map's order).
    pub fn entries(&self) -> Vec<(String, Vec<u8>)> {
        self.files
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }
}

/// Relative, with no `..`, no empty or `.` parts and no backslashes: it stays inside the package.
pub fn is_safe_path(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.contains('\\')
        && !path.contains(':')
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_paths_stay_inside_the_package() {
        for ok in ["manifest.json", "assets/index.html", "translations/en.json"] {
            assert!(is_safe_path(ok), "{ok}");
        }
        for bad in [
            "",
            "/etc/passwd",
            "../x",
            "assets/../../x",
            "assets//x",
            "assets\\x",
            "C:/x",
            "./x",
        ] {
            assert!(!is_safe_path(bad), "{bad}");
        }
    }

    #[test]
    fn zip_slip_and_duplicates_are_refused() {
        let entries = vec![
            ("../evil".to_string(), b"x".to_vec()),
            ("manifest.json".to_string(), b"{}".to_vec()),
            ("manifest.json".to_string(), b"{ }".to_vec()),
        ];
        let (bytes, _) = zip::write(&entries).unwrap();
        let tree = Tree::from_zip(&bytes).unwrap();
        assert_eq!(tree.files.keys().collect::<Vec<_>>(), ["manifest.json"]);
        let refused: Vec<&str> = tree.refused.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(refused, ["../evil", "manifest.json"]);
    }
}
