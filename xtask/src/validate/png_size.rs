//! The pixel size of a PNG, from its header as the `png` crate decodes it (signature, IHDR and its
//! CRC checked).

pub fn dimensions(bytes: &[u8]) -> Result<(u32, u32), String> {
    let reader = png::Decoder::new(std::io::Cursor::new(bytes))
        .read_info()
        .map_err(|e| format!("not a readable PNG file ({e})"))?;
    let info = reader.info();
    Ok((info.width, info.height))
}

/// A real, blank PNG of this size (1-bit grayscale, so even 2048x1536 is small and quick).
#[cfg(test)]
pub fn blank(width: u32, height: u32) -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::One);
    let mut writer = encoder.write_header().unwrap();
    let row_bytes = (width as usize).div_ceil(8);
    writer
        .write_image_data(&vec![0; row_bytes * height as usize])
        .unwrap();
    writer.finish().unwrap();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_width_and_height() {
        assert_eq!(dimensions(&blank(320, 128)), Ok((320, 128)));
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
    fn refuses_other_and_broken_files() {
        let gif = dimensions(b"GIF89a......................").unwrap_err();
        assert!(gif.starts_with("not a readable PNG file"), "{gif}");
        let png = blank(10, 10);
        assert!(dimensions(&png[..20]).is_err(), "truncated header");
        let mut wrong_crc = png.clone();
        wrong_crc[17] ^= 1; // the width's low bytes, inside IHDR
        assert!(dimensions(&wrong_crc).is_err(), "IHDR CRC");
    }
}
