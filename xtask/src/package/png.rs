//! The size of a PNG, read from its IHDR chunk (always the first chunk, bytes 16..24).

const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

pub fn dimensions(bytes: &[u8]) -> Result<(u32, u32), &'static str> {
    if bytes.get(..8) != Some(SIGNATURE) {
        return Err("not a PNG file");
    }
    if bytes.get(12..16) != Some(b"IHDR") {
        return Err("a PNG without its IHDR header chunk");
    }
    let word = |at: usize| {
        bytes
            .get(at..at + 4)
            .and_then(|b| b.try_into().ok())
            .map(u32::from_be_bytes)
    };
    match (word(16), word(20)) {
        (Some(w), Some(h)) if w > 0 && h > 0 => Ok((w, h)),
        _ => Err("a PNG with a truncated or zero-sized header"),
    }
}

#[cfg(test)]
pub fn header_only(width: u32, height: u32) -> Vec<u8> {
    let mut png = SIGNATURE.to_vec();
    png.extend_from_slice(&13u32.to_be_bytes());
    png.extend_from_slice(b"IHDR");
    png.extend_from_slice(&width.to_be_bytes());
    png.extend_from_slice(&height.to_be_bytes());
    png.extend_from_slice(&[8, 6, 0, 0, 0]);
    png
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_width_and_height() {
        assert_eq!(dimensions(&header_only(320, 128)), Ok((320, 128)));
    }

    #[test]
    fn the_committed_logos_have_the_marketplace_sizes() {
        let assets = crate::run::root().join("assets");
        let logo = std::fs::read(assets.join("logo.png")).unwrap();
        let small = std::fs::read(assets.join("logo-small.png")).unwrap();
        assert_eq!(dimensions(&logo), Ok((320, 320)));
        assert_eq!(dimensions(&small), Ok((128, 128)));
    }

    #[test]
    fn refuses_other_files() {
        assert_eq!(
            dimensions(b"GIF89a......................"),
            Err("not a PNG file")
        );
        assert!(dimensions(&header_only(0, 10)).is_err());
        assert!(dimensions(&header_only(10, 10)[..20]).is_err());
    }
}
