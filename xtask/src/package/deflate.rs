//! Raw deflate streams for the zip, made and read by the system's `gzip` (always present where the
//! build runs, and already used for the size table). A gzip member is a 10-byte header, the raw
//! deflate stream, then CRC-32 and length; we cut or add those. `gzip -n` writes no name and no
//! timestamp, so the same input gives the same bytes.

use std::io::Write;
use std::process::{Command, Stdio};

use super::crc32::crc32;

const FHCRC: u8 = 0x02;
const FEXTRA: u8 = 0x04;
const FNAME: u8 = 0x08;
const FCOMMENT: u8 = 0x10;

pub fn compress(data: &[u8]) -> Result<Vec<u8>, String> {
    let member = pipe(&["-9", "-n", "-c"], data)?;
    raw_stream(&member).ok_or_else(|| "gzip wrote something that is not a gzip member".to_string())
}

/// Inflates `raw`, checking it against the CRC-32 and length the zip recorded.
pub fn decompress(raw: &[u8], crc: u32, len: u32) -> Result<Vec<u8>, String> {
    let mut member = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
    member.extend_from_slice(raw);
    member.extend_from_slice(&crc.to_le_bytes());
    member.extend_from_slice(&len.to_le_bytes());
    let out = pipe(&["-d", "-c"], &member)?;
    if out.len() as u64 != len as u64 || crc32(&out) != crc {
        return Err("inflated data does not match its recorded CRC-32 or size".to_string());
    }
    Ok(out)
}

/// The deflate stream inside one gzip member, skipping whatever optional header fields it has.
fn raw_stream(member: &[u8]) -> Option<Vec<u8>> {
    if member.get(..3)? != [0x1f, 0x8b, 8] {
        return None;
    }
    let flags = *member.get(3)?;
    let mut at = 10;
    if flags & FEXTRA != 0 {
        let xlen = u16::from_le_bytes([*member.get(at)?, *member.get(at + 1)?]) as usize;
        at += 2 + xlen;
    }
    for flag in [FNAME, FCOMMENT] {
        if flags & flag != 0 {
            at += member.get(at..)?.iter().position(|&b| b == 0)? + 1;
        }
    }
    if flags & FHCRC != 0 {
        at += 2;
    }
    let end = member.len().checked_sub(8)?;
    member.get(at..end).map(<[u8]>::to_vec)
}

fn pipe(args: &[&str], input: &[u8]) -> Result<Vec<u8>, String> {
    let mut child = Command::new("gzip")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start gzip (needed to compress the zip): {e}"))?;
    let mut stdin = child.stdin.take().ok_or("gzip: no stdin")?;
    let data = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&data));
    let out = child.wait_with_output().map_err(|e| format!("gzip: {e}"))?;
    // A broken pipe here only means gzip stopped early; its exit status says why.
    let _ = writer.join();
    if !out.status.success() {
        return Err(format!(
            "gzip {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(out.stdout)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_shrinks_repetitive_data() {
        let data = b"lead contact deal ".repeat(200);
        let raw = compress(&data).unwrap();
        assert!(raw.len() < data.len() / 10, "{} bytes", raw.len());
        assert_eq!(
            decompress(&raw, crc32(&data), data.len() as u32).unwrap(),
            data
        );
    }

    #[test]
    fn the_same_input_gives_the_same_stream() {
        let data = b"reproducible".repeat(50);
        assert_eq!(compress(&data).unwrap(), compress(&data).unwrap());
    }

    #[test]
    fn a_wrong_crc_is_refused() {
        let data = b"abc".repeat(10);
        let raw = compress(&data).unwrap();
        assert!(decompress(&raw, crc32(&data) ^ 1, data.len() as u32).is_err());
    }

    #[test]
    fn header_fields_are_skipped() {
        // FNAME set: "x\0" follows the fixed header.
        let mut member = vec![0x1f, 0x8b, 8, FNAME, 0, 0, 0, 0, 0, 3, b'x', 0];
        member.extend_from_slice(&[1, 2, 3]);
        member.extend_from_slice(&[0; 8]);
        assert_eq!(raw_stream(&member), Some(vec![1, 2, 3]));
        assert_eq!(raw_stream(b"not gzip"), None);
    }
}
