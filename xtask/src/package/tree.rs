//! A package's files in memory, by their path inside the package ("assets/index.html"), sorted.

use std::collections::BTreeMap;
use std::path::Path;

use super::archive;

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
        let zip = archive::read(bytes)?;
        if zip.duplicate_names {
            tree.refused.push((
                "package".to_string(),
                "the zip's directory names a file twice (which copy counts is up to the unzipper)"
                    .to_string(),
            ));
        }
        for entry in zip.entries {
            if entry.is_dir {
                continue;
            }
            if !is_safe_path(&entry.name) {
                tree.refused.push((
                    entry.name,
                    "a path that leaves the package or is absolute".to_string(),
                ));
                continue;
            }
            if entry.is_symlink {
                tree.refused
                    .push((entry.name, "a symlink (Zendesk rejects them)".to_string()));
                continue;
            }
            match entry.data {
                Ok(data) => {
                    tree.files.insert(entry.name, data);
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
    fn zip_slip_and_duplicate_names_are_refused() {
        let files = BTreeMap::from([
            ("../evil".to_string(), b"x".to_vec()),
            ("manifest.json".to_string(), b"{}".to_vec()),
            ("manifest.jsoo".to_string(), b"{ }".to_vec()),
        ]);
        let (mut bytes, _) = archive::write(&files).unwrap();
        // No writer makes a name twice on purpose: rename the third entry to the second's name
        // (in its local header and in the directory; names are stored as they are).
        let mut renamed = 0;
        while let Some(at) = bytes.windows(13).position(|w| w == b"manifest.jsoo") {
            bytes[at + 12] = b'n';
            renamed += 1;
        }
        assert_eq!(renamed, 2);
        let tree = Tree::from_zip(&bytes).unwrap();
        assert_eq!(tree.files.keys().collect::<Vec<_>>(), ["manifest.json"]);
        let refused: Vec<&str> = tree.refused.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(refused, ["package", "../evil"]);
    }

    #[test]
    fn a_symlink_entry_is_refused() {
        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        writer
            .add_symlink("assets/link", "/etc/passwd", options)
            .unwrap();
        let bytes = writer.finish().unwrap().into_inner();
        let tree = Tree::from_zip(&bytes).unwrap();
        assert!(tree.files.is_empty());
        assert_eq!(
            tree.refused,
            [(
                "assets/link".to_string(),
                "a symlink (Zendesk rejects them)".to_string()
            )]
        );
    }
}
