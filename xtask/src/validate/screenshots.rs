//! The Marketplace screenshots, `assets/screenshot-<n>.png` (made by `cargo xtask screenshots`).
//!
//! Zendesk's Marketplace brand-asset pages ask for PNG screenshots of 1024x768 or 2048x1536 pixels,
//! at most 500 KB each, full bleed (developer.zendesk.com, "create bot brand assets"; the app page's
//! screenshot section was not in the reference corpus, so its numbers are taken to be the same).
//! Private uploads don't need screenshots: their absence only warns.

use super::png_size;
use super::{Package, Report};

pub const SIZES: &[(u32, u32)] = &[(1024, 768), (2048, 1536)];
/// "500KB", read as decimal kilobytes (the stricter reading).
pub const MAX_BYTES: usize = 500 * 1000;

/// `assets/screenshot-3.png` → `Some(3)`; any other path → `None`.
pub fn number_of(path: &str) -> Option<u32> {
    let digits = path
        .strip_prefix("assets/screenshot-")?
        .strip_suffix(".png")?;
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// What is wrong with one screenshot, if anything.
pub fn problem(bytes: &[u8]) -> Option<String> {
    let sizes = SIZES
        .iter()
        .map(|(w, h)| format!("{w}x{h}"))
        .collect::<Vec<_>>()
        .join(" or ");
    match png_size::dimensions(bytes) {
        Err(why) => Some(format!("{why}; Marketplace screenshots are {sizes} PNGs")),
        Ok((w, h)) if !SIZES.contains(&(w, h)) => Some(format!(
            "is {w}x{h}; Marketplace screenshots are {sizes} (`cargo xtask screenshots` takes them)"
        )),
        Ok(_) if bytes.len() > MAX_BYTES => Some(format!(
            "{} bytes; a Marketplace screenshot may have at most {MAX_BYTES}",
            bytes.len()
        )),
        Ok(_) => None,
    }
}

pub fn check(pkg: &Package, report: &mut Report) {
    let mut numbers = Vec::new();
    for (path, bytes) in &pkg.tree.files {
        let Some(n) = number_of(path) else { continue };
        numbers.push(n);
        if let Some(why) = problem(bytes) {
            report.error(path, why);
        }
    }
    numbers.sort_unstable();
    if numbers.is_empty() {
        report.warn(
            "assets/screenshot-0.png",
            "no Marketplace screenshots: a private upload doesn't need them, a Marketplace listing does (`cargo xtask screenshots`)",
        );
    } else if numbers.iter().zip(0..).any(|(&n, expected)| n != expected) {
        report.warn(
            "assets",
            format!("screenshots are numbered {numbers:?}; the Marketplace shows screenshot-0.png, screenshot-1.png, ... in order, without gaps"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::png_size::blank;

    #[test]
    fn only_numbered_screenshot_pngs_are_screenshots() {
        assert_eq!(number_of("assets/screenshot-0.png"), Some(0));
        assert_eq!(number_of("assets/screenshot-12.png"), Some(12));
        for other in [
            "assets/screenshot-.png",
            "assets/screenshot-1a.png",
            "assets/screenshot-1.jpg",
            "assets/sub/screenshot-1.png",
            "assets/logo.png",
            "screenshot-1.png",
        ] {
            assert_eq!(number_of(other), None, "{other}");
        }
    }

    #[test]
    fn a_screenshot_must_be_a_listing_sized_png_under_500_kb() {
        assert_eq!(problem(&blank(1024, 768)), None);
        assert_eq!(problem(&blank(2048, 1536)), None);
        let wrong = problem(&blank(1280, 800)).unwrap_or_default();
        assert!(wrong.contains("is 1280x800"), "{wrong}");
        let not_png = problem(b"GIF89a0000000000000000").unwrap_or_default();
        assert!(not_png.contains("not a readable PNG"), "{not_png}");
        let mut heavy = blank(1024, 768);
        heavy.resize(MAX_BYTES + 1, 0);
        let heavy = problem(&heavy).unwrap_or_default();
        assert!(heavy.contains("at most 500000"), "{heavy}");
        let mut at_limit = blank(1024, 768);
        at_limit.resize(MAX_BYTES, 0);
        assert_eq!(problem(&at_limit), None);
    }

    #[test]
    fn the_committed_screenshots_pass() {
        let assets = crate::run::root().join("assets");
        let mut found = 0;
        for n in 0.. {
            let Ok(bytes) = std::fs::read(assets.join(format!("screenshot-{n}.png"))) else {
                break;
            };
            assert_eq!(problem(&bytes), None, "screenshot-{n}.png");
            found += 1;
        }
        assert!(
            (1..=5).contains(&found),
            "assets/ holds {found} screenshots; `cargo xtask screenshots` makes them"
        );
    }
}
