//! The package as a zip, through the `zip` crate: written reproducibly, and any zip read back for the
//! validator.
//!
//! Reproducible: entries in the map's sorted order, every one dated 1980-01-01 00:00 (the zip epoch),
//! made on Unix with mode 0644, no extra fields; each deflated at level 9 unless that doesn't make it
//! smaller (a tiny file, or a PNG that is already tight), then stored. The same files give the same
//! bytes.

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};

use flate2::write::DeflateEncoder;
use flate2::Compression;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, System, ZipArchive, ZipWriter};

const DEFLATE_LEVEL: u32 = 9;
const FILE_MODE: u32 = 0o644;

/// One written entry's sizes, for the size table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntrySize {
    pub name: String,
    pub raw: u64,
    pub packed: u64,
}

/// The zip of `files` (a map: sorted, each name once) and what each entry weighs in it.
pub fn write(files: &BTreeMap<String, Vec<u8>>) -> Result<(Vec<u8>, Vec<EntrySize>), String> {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    let fixed = SimpleFileOptions::default()
        .system(System::Unix)
        .unix_permissions(FILE_MODE)
        .last_modified_time(DateTime::DEFAULT);
    for (name, data) in files {
        let options = if deflate_shrinks(data)? {
            fixed
                .compression_method(CompressionMethod::Deflated)
                .compression_level(Some(DEFLATE_LEVEL.into()))
        } else {
            fixed.compression_method(CompressionMethod::Stored)
        };
        let failed = |e: &dyn std::fmt::Display| format!("zipping {name}: {e}");
        writer
            .start_file(name.as_str(), options)
            .map_err(|e| failed(&e))?;
        writer.write_all(data).map_err(|e| failed(&e))?;
    }
    let zip = writer
        .finish()
        .map_err(|e| format!("finishing the zip: {e}"))?
        .into_inner();
    let sizes = sizes_in(&zip)?;
    Ok((zip, sizes))
}

/// Whether deflate (as the zip writer runs it) makes `data` smaller.
fn deflate_shrinks(data: &[u8]) -> Result<bool, String> {
    let mut encoder = DeflateEncoder::new(Vec::new(), Compression::new(DEFLATE_LEVEL));
    encoder
        .write_all(data)
        .and_then(|()| encoder.finish())
        .map(|deflated| deflated.len() < data.len())
        .map_err(|e| format!("deflate: {e}"))
}

fn sizes_in(zip: &[u8]) -> Result<Vec<EntrySize>, String> {
    let mut archive =
        ZipArchive::new(Cursor::new(zip)).map_err(|e| format!("reading the new zip: {e}"))?;
    (0..archive.len())
        .map(|i| {
            let entry = archive
                .by_index(i)
                .map_err(|e| format!("reading the new zip: {e}"))?;
            Ok(EntrySize {
                name: entry
                    .name()
                    .map_err(|e| format!("reading the new zip: {e}"))?
                    .into_owned(),
                raw: entry.size(),
                packed: entry.compressed_size(),
            })
        })
        .collect()
}

/// One entry read back: its name as stored, and either its contents or why they can't be read.
#[derive(Debug)]
pub struct ReadEntry {
    pub name: String,
    pub is_dir: bool,
    pub is_symlink: bool,
    pub data: Result<Vec<u8>, String>,
}

/// A zip's entries, and whether its directory named a file twice (the reader keeps one of them).
#[derive(Debug)]
pub struct ReadZip {
    pub entries: Vec<ReadEntry>,
    pub duplicate_names: bool,
}

/// Reads every entry of a zip. A broken archive as a whole is an `Err`; a single unreadable entry
/// (bad CRC, unsupported method, header not matching the directory) is reported in its `data`, so a
/// validator can name it and go on.
pub fn read(zip: &[u8]) -> Result<ReadZip, String> {
    let mut archive =
        ZipArchive::new(Cursor::new(zip)).map_err(|e| format!("not a readable zip: {e}"))?;
    let duplicate_names = archive.has_duplicate_names();
    let mut entries = Vec::with_capacity(archive.len());
    for i in 0..archive.len() {
        let name = archive
            .name_for_index(i)
            .and_then(Result::ok)
            .map(|n| n.into_owned())
            .unwrap_or_else(|| format!("entry #{}", i + 1));
        let entry = match archive.by_index(i) {
            Ok(mut file) => {
                let (is_dir, is_symlink) = (file.is_dir(), file.is_symlink());
                let mut data = Vec::new();
                let data = file
                    .read_to_end(&mut data)
                    .map(|_| data)
                    .map_err(|e| e.to_string());
                ReadEntry {
                    name,
                    is_dir,
                    is_symlink,
                    data,
                }
            }
            Err(e) => ReadEntry {
                name,
                is_dir: false,
                is_symlink: false,
                data: Err(e.to_string()),
            },
        };
        entries.push(entry);
    }
    Ok(ReadZip {
        entries,
        duplicate_names,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> BTreeMap<String, Vec<u8>> {
        BTreeMap::from([
            (
                "assets/app.wasm".to_string(),
                vec![0, 97, 115, 109, 1, 0, 0, 0],
            ),
            ("assets/index.html".to_string(), b"<html>".repeat(100)),
            ("manifest.json".to_string(), b"{}".to_vec()),
        ])
    }

    #[test]
    fn reads_back_what_it_wrote_stored_when_deflate_would_grow_it() {
        let (zip, sizes) = write(&sample()).unwrap();
        let back = read(&zip).unwrap();
        assert!(!back.duplicate_names);
        let files: BTreeMap<String, Vec<u8>> = back
            .entries
            .into_iter()
            .map(|e| (e.name, e.data.unwrap()))
            .collect();
        assert_eq!(files, sample());
        assert_eq!(sizes[0].packed, 8, "the short wasm is stored");
        assert!(sizes[1].packed < 100, "the repetitive HTML is deflated");
    }

    #[test]
    fn every_entry_has_the_fixed_date_and_mode() {
        let (zip, _) = write(&sample()).unwrap();
        let mut archive = ZipArchive::new(Cursor::new(zip)).unwrap();
        for i in 0..archive.len() {
            let file = archive.by_index(i).unwrap();
            assert_eq!(
                file.last_modified(),
                Some(DateTime::DEFAULT),
                "{}",
                file.name().unwrap()
            );
            assert_eq!(file.unix_mode(), Some(0o100644), "{}", file.name().unwrap());
        }
    }

    #[test]
    fn the_same_files_give_the_same_bytes() {
        assert_eq!(write(&sample()).unwrap().0, write(&sample()).unwrap().0);
    }

    #[test]
    fn garbage_and_corruption_are_reported() {
        assert!(read(b"definitely not a zip").is_err());
        let (mut zip, _) = write(&sample()).unwrap();
        // The stored wasm's bytes appear once, as they are: flip one.
        let wasm = [0, 97, 115, 109, 1, 0, 0, 0];
        let at = zip.windows(8).position(|w| w == wasm).unwrap();
        zip[at + 2] ^= 0xFF;
        let back = read(&zip).unwrap();
        assert!(back.entries[0].data.is_err(), "{:?}", back.entries[0]);
        assert!(back.entries[2].data.is_ok());
    }
}
