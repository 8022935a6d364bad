//! A small zip writer and reader: enough for an app package and nothing more.
//!
//! Written entries are reproducible: given in sorted order, dated 1980-01-01 00:00 (the zip epoch),
//! mode 0644, no extra fields, names flagged UTF-8. Each file is deflated unless that doesn't make it
//! smaller, then stored. The reader takes stored and deflated entries of any zip without zip64.

use super::crc32::crc32;
use super::deflate;

const LOCAL_HEADER: u32 = 0x0403_4b50;
const CENTRAL_HEADER: u32 = 0x0201_4b50;
const END_OF_CENTRAL_DIR: u32 = 0x0605_4b50;
const STORED: u16 = 0;
const DEFLATED: u16 = 8;
/// Version 2.0: deflate. Made by Unix (3), so the external attributes carry the file mode.
const VERSION_NEEDED: u16 = 20;
const MADE_BY: u16 = (3 << 8) | 20;
const UTF8_NAMES: u16 = 1 << 11;
/// 1980-01-01 00:00:00 in DOS format: day 1, month 1, year 0.
const DOS_DATE: u16 = (1 << 5) | 1;
const DOS_TIME: u16 = 0;
const FILE_MODE: u32 = 0o100644;

/// One written entry's sizes, for the size table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntrySize {
    pub name: String,
    pub raw: u64,
    pub packed: u64,
}

/// Builds the zip of `files` (already sorted, unique names). Refuses files zip without zip64 can't hold.
pub fn write(files: &[(String, Vec<u8>)]) -> Result<(Vec<u8>, Vec<EntrySize>), String> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    let mut sizes = Vec::new();
    for (name, data) in files {
        let raw_len = u32::try_from(data.len()).map_err(|_| format!("{name} is over 4 GB"))?;
        let name_len =
            u16::try_from(name.len()).map_err(|_| format!("the name {name} is too long"))?;
        let deflated = deflate::compress(data)?;
        let (method, packed) = if deflated.len() < data.len() {
            (DEFLATED, deflated)
        } else {
            (STORED, data.clone())
        };
        let packed_len = packed.len() as u32;
        let crc = crc32(data);
        let offset = u32::try_from(out.len()).map_err(|_| "the zip is over 4 GB".to_string())?;

        put32(&mut out, LOCAL_HEADER);
        put16(&mut out, VERSION_NEEDED);
        put_common(&mut out, method, crc, packed_len, raw_len, name_len);
        put16(&mut out, 0); // extra field length
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&packed);

        put32(&mut central, CENTRAL_HEADER);
        put16(&mut central, MADE_BY);
        put16(&mut central, VERSION_NEEDED);
        put_common(&mut central, method, crc, packed_len, raw_len, name_len);
        put16(&mut central, 0); // extra field length
        put16(&mut central, 0); // comment length
        put16(&mut central, 0); // disk number
        put16(&mut central, 0); // internal attributes
        put32(&mut central, FILE_MODE << 16);
        put32(&mut central, offset);
        central.extend_from_slice(name.as_bytes());

        sizes.push(EntrySize {
            name: name.clone(),
            raw: data.len() as u64,
            packed: packed_len as u64,
        });
    }
    let count = u16::try_from(files.len()).map_err(|_| "too many files for a zip".to_string())?;
    let central_offset = out.len() as u32;
    let central_len = central.len() as u32;
    out.extend_from_slice(&central);
    put32(&mut out, END_OF_CENTRAL_DIR);
    put16(&mut out, 0);
    put16(&mut out, 0);
    put16(&mut out, count);
    put16(&mut out, count);
    put32(&mut out, central_len);
    put32(&mut out, central_offset);
    put16(&mut out, 0);
    Ok((out, sizes))
}

/// The part shared by local and central headers, from the flags to the name length.
fn put_common(out: &mut Vec<u8>, method: u16, crc: u32, packed: u32, raw: u32, name_len: u16) {
    put16(out, UTF8_NAMES);
    put16(out, method);
    put16(out, DOS_TIME);
    put16(out, DOS_DATE);
    put32(out, crc);
    put32(out, packed);
    put32(out, raw);
    put16(out, name_len);
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// One entry read back: its name as stored, and either its contents or why they can't be read.
#[derive(Debug)]
pub struct ReadEntry {
    pub name: String,
    pub mode: Option<u32>,
    pub data: Result<Vec<u8>, String>,
}

/// Reads every entry of a zip. A broken archive as a whole is an `Err`; a single unreadable entry is
/// reported in its `data`, so a validator can name it and go on.
pub fn read(zip: &[u8]) -> Result<Vec<ReadEntry>, String> {
    // The end record is 22 bytes plus a comment of up to 64 KiB.
    let earliest = zip.len().saturating_sub(22 + 0xFFFF);
    let end = (earliest..=zip.len().saturating_sub(22))
        .rev()
        .find(|&at| get32(zip, at) == Some(END_OF_CENTRAL_DIR))
        .ok_or("not a zip file (no end of central directory record)")?;
    let count = get16(zip, end + 10).ok_or("truncated zip")? as usize;
    let mut at = get32(zip, end + 16).ok_or("truncated zip")? as usize;
    let mut entries = Vec::with_capacity(count);
    for _ in 0..count {
        if get32(zip, at) != Some(CENTRAL_HEADER) {
            return Err(format!("broken central directory at byte {at}"));
        }
        let field = |offset: usize| get16(zip, at + offset).ok_or("truncated central directory");
        let made_by = field(4)?;
        let method = field(10)?;
        let name_len = field(28)? as usize;
        let extra_len = field(30)? as usize;
        let comment_len = field(32)? as usize;
        let crc = get32(zip, at + 16).ok_or("truncated central directory")?;
        let packed = get32(zip, at + 20).ok_or("truncated central directory")? as usize;
        let raw = get32(zip, at + 24).ok_or("truncated central directory")?;
        let attributes = get32(zip, at + 38).ok_or("truncated central directory")?;
        let local = get32(zip, at + 42).ok_or("truncated central directory")? as usize;
        let name_bytes = zip
            .get(at + 46..at + 46 + name_len)
            .ok_or("truncated central directory")?;
        let name = String::from_utf8_lossy(name_bytes).into_owned();
        let mode = (made_by >> 8 == 3).then_some(attributes >> 16);
        at += 46 + name_len + extra_len + comment_len;
        let data = entry_data(zip, local, method, packed, crc, raw);
        entries.push(ReadEntry { name, mode, data });
    }
    Ok(entries)
}

fn entry_data(
    zip: &[u8],
    local: usize,
    method: u16,
    packed: usize,
    crc: u32,
    raw: u32,
) -> Result<Vec<u8>, String> {
    if get32(zip, local) != Some(LOCAL_HEADER) {
        return Err("its local header is missing".to_string());
    }
    let name_len = get16(zip, local + 26).ok_or("truncated local header")? as usize;
    let extra_len = get16(zip, local + 28).ok_or("truncated local header")? as usize;
    let start = local + 30 + name_len + extra_len;
    let bytes = zip
        .get(start..start + packed)
        .ok_or("its data runs past the end of the zip")?;
    match method {
        STORED if crc32(bytes) == crc => Ok(bytes.to_vec()),
        STORED => Err("its CRC-32 does not match".to_string()),
        DEFLATED => deflate::decompress(bytes, crc, raw),
        other => Err(format!(
            "compression method {other} is not supported (only stored and deflate)"
        )),
    }
}

fn get16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn get32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<(String, Vec<u8>)> {
        vec![
            (
                "assets/app.wasm".to_string(),
                vec![0, 97, 115, 109, 1, 0, 0, 0],
            ),
            ("assets/index.html".to_string(), b"<html>".repeat(100)),
            ("manifest.json".to_string(), b"{}".to_vec()),
        ]
    }

    #[test]
    fn reads_back_what_it_wrote_with_names_modes_and_contents() {
        let (zip, sizes) = write(&sample()).unwrap();
        let entries = read(&zip).unwrap();
        let back: Vec<(String, Vec<u8>)> = entries
            .iter()
            .map(|e| (e.name.clone(), e.data.clone().unwrap()))
            .collect();
        assert_eq!(back, sample());
        assert!(entries.iter().all(|e| e.mode == Some(FILE_MODE)));
        // The short wasm is stored (deflate would grow it), the repetitive HTML deflated.
        assert_eq!(sizes[0].packed, 8);
        assert!(sizes[1].packed < 100);
    }

    #[test]
    fn the_same_files_give_the_same_bytes() {
        assert_eq!(write(&sample()).unwrap().0, write(&sample()).unwrap().0);
    }

    #[test]
    fn the_system_unzip_accepts_it() {
        let Ok(probe) = std::process::Command::new("unzip").arg("-v").output() else {
            eprintln!("unzip is not installed; skipped");
            return;
        };
        assert!(probe.status.success());
        let dir = std::env::temp_dir().join(format!("xtask-zip-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("t.zip");
        std::fs::write(&path, write(&sample()).unwrap().0).unwrap();
        let test = std::process::Command::new("unzip")
            .arg("-t")
            .arg(&path)
            .output()
            .unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        assert!(
            test.status.success(),
            "{}",
            String::from_utf8_lossy(&test.stdout)
        );
    }

    #[test]
    fn garbage_and_corruption_are_reported() {
        assert!(read(b"definitely not a zip").is_err());
        let (mut zip, _) = write(&sample()).unwrap();
        // Flip a byte inside the stored wasm's data (after its 30-byte header and 15-byte name).
        zip[30 + 15 + 2] ^= 0xFF;
        let entries = read(&zip).unwrap();
        assert!(entries[0].data.is_err());
        assert!(entries[2].data.is_ok());
    }
}
