//! Letter case for comparing, sorting and capitalising names, without Unicode's case tables.
//!
//! Why not `str::to_lowercase`: it links std's full case tables, 8.6 KB gzip of the release wasm
//! (measured, #16). Names here are compared, not displayed, so the scripts people write names in
//! matter: Latin (with Latin-1, Extended-A and Vietnamese), Greek and Cyrillic fold exactly as std
//! folds them (a test checks every letter of those blocks). Letters of other scripts, and the few
//! whose std lowercase is two letters (`İ`), stay as written: such names compare as typed.

/// `text` with every letter of the covered scripts lowercased.
pub fn lower(text: &str) -> String {
    text.chars().map(lower_char).collect()
}

/// `.lowercased()` on any text: [`lower`] where std would offer `to_lowercase`.
pub trait Lowercased {
    fn lowercased(&self) -> String;
}

impl Lowercased for str {
    fn lowercased(&self) -> String {
        lower(self)
    }
}

/// Whether `needle` occurs in `haystack`, as `str::contains` says. By hand: std's substring search
/// (two-way) is ~2 KB of WebAssembly (#16), and the texts searched here are names and short messages.
pub fn contains(haystack: &str, needle: &str) -> bool {
    let (haystack, needle) = (haystack.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    // Only where the first byte matches is the rest compared, byte by byte (a call to `memcmp` per
    // candidate costs more than these short names take): the owner filter runs this over thousands
    // of names per keystroke.
    let last = match haystack.len().checked_sub(needle.len()) {
        Some(last) => last,
        None => return false,
    };
    let mut from = 0;
    while let Some(found) = haystack[from..=last].iter().position(|&b| b == first) {
        let at = from + found;
        if rest.iter().zip(&haystack[at + 1..]).all(|(a, b)| a == b) {
            return true;
        }
        from = at + 1;
        if from > last {
            break;
        }
    }
    false
}

/// `text`'s words joined by single spaces: how a typed name or search is read.
pub fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What two names must share to be the same name loosely: words and letters, not spacing or case.
pub fn name_key(name: &str) -> String {
    collapse_spaces(name).lowercased()
}

/// True if `c` could be part of a word: an ASCII letter or digit, or any character outside the
/// ASCII, Latin-1, general-punctuation-and-symbol, CJK-punctuation and emoji blocks. Lets a
/// settings check refuse `---` as a name without std's alphabetic tables.
pub fn is_wordlike(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !c.is_whitespace()
        && !c.is_control()
        && !matches!(c as u32,
            0x80..=0xBF | 0xD7 | 0xF7
            | 0x2000..=0x2BFF     // punctuation, symbols, arrows, shapes
            | 0x3000..=0x303F     // CJK punctuation
            | 0xFE30..=0xFE4F | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20
            | 0x1F000..=0x1FAFF)  // emoji and pictographs
}

/// True if `c` is an uppercase letter of the covered scripts.
pub fn is_upper(c: char) -> bool {
    lower_char(c) != c
}

/// The lowercase of `c` in the covered scripts; any other character unchanged.
pub fn lower_char(c: char) -> char {
    let u = c as u32;
    let lowered = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => u + 0x20,
        0x80..=0xBF | 0xD7 => u,
        0x178 => 0xFF,
        // Latin Extended-A: pairs start on an even code point, except in two runs on odd ones.
        0x139..=0x148 | 0x179..=0x17E => odd_to_even(u),
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 => even_to_odd(u),
        0x386 => 0x3AC,
        0x388..=0x38A => u + 0x25,
        0x38C => 0x3CC,
        0x38E..=0x38F => u + 0x3F,
        0x391..=0x3A1 | 0x3A3..=0x3AB => u + 0x20,
        0x400..=0x40F => u + 0x50,
        0x410..=0x42F => u + 0x20,
        0x4C0 => 0x4CF,
        0x4C1..=0x4CE => odd_to_even(u),
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F => even_to_odd(u),
        0x1E00..=0x1E95 | 0x1EA0..=0x1EFF => even_to_odd(u),
        0x1E9E => 0xDF,
        _ => u,
    };
    char::from_u32(lowered).unwrap_or(c)
}

/// The uppercase of `c` in the covered scripts; any other character unchanged (`ß` too: its
/// uppercase is two letters).
pub fn upper_char(c: char) -> char {
    let u = c as u32;
    let raised = match u {
        0x61..=0x7A | 0xE0..=0xF6 | 0xF8..=0xFE => u - 0x20,
        0xFF => 0x178,
        0x13A..=0x148 | 0x17A..=0x17E => even_to_odd_down(u),
        0x101..=0x12F | 0x133..=0x137 | 0x14B..=0x177 => odd_to_even_down(u),
        0x3AC => 0x386,
        0x3AD..=0x3AF => u - 0x25,
        0x3CC => 0x38C,
        0x3CD..=0x3CE => u - 0x3F,
        0x3C2 => 0x3A3,
        0x3B1..=0x3C1 | 0x3C3..=0x3CB => u - 0x20,
        0x430..=0x44F => u - 0x20,
        0x450..=0x45F => u - 0x50,
        0x4CF => 0x4C0,
        0x4C2..=0x4CE => even_to_odd_down(u),
        0x461..=0x481 | 0x48B..=0x4BF | 0x4D1..=0x52F => odd_to_even_down(u),
        0x1E01..=0x1E95 | 0x1EA1..=0x1EFF => odd_to_even_down(u),
        _ => u,
    };
    char::from_u32(raised).unwrap_or(c)
}

// Case pairs are neighbours: `(even, odd)` in most runs, `(odd, even)` in a few.

/// The odd member of an `(even, odd)` pair.
fn even_to_odd(u: u32) -> u32 {
    u | 1
}

/// The even member of an `(odd, even)` pair.
fn odd_to_even(u: u32) -> u32 {
    (u + 1) & !1
}

/// The even member of an `(even, odd)` pair.
fn odd_to_even_down(u: u32) -> u32 {
    u & !1
}

/// The odd member of an `(odd, even)` pair.
fn even_to_odd_down(u: u32) -> u32 {
    (u - 1) | 1
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn contains_agrees_with_std(haystack in "[abé€ ]{0,12}", needle in "[abé€ ]{0,4}") {
            proptest::prop_assert_eq!(contains(&haystack, &needle), haystack.contains(needle.as_str()));
        }
    }

    const COVERED: [(u32, u32); 5] =
        [(0x0000, 0x017F), (0x0370, 0x03FF), (0x0400, 0x052F), (0x1E00, 0x1EFF), (0x0180, 0x024F)];

    fn std_single(mut it: impl Iterator<Item = char>) -> Option<char> {
        let first = it.next()?;
        it.next().is_none().then_some(first)
    }

    #[test]
    fn lowercase_agrees_with_std_on_every_letter_it_changes_and_is_complete_in_the_covered_blocks() {
        for (from, to) in COVERED {
            for c in (from..=to).filter_map(char::from_u32) {
                let ours = lower_char(c);
                let std = std_single(c.to_lowercase());
                if ours != c {
                    assert_eq!(Some(ours), std, "{c} (U+{:04X})", c as u32);
                }
            }
        }
        // Complete where the module doc promises it: every single-letter lowercase of these blocks.
        for (from, to) in [(0x0000, 0x017F), (0x0386, 0x03AB), (0x0400, 0x042F), (0x1E00, 0x1EFF)] {
            for c in (from..=to).filter_map(char::from_u32) {
                if let Some(std) = std_single(c.to_lowercase()) {
                    if c != '\u{130}' {
                        assert_eq!(lower_char(c), std, "{c} (U+{:04X})", c as u32);
                    }
                }
            }
        }
    }

    #[test]
    fn uppercase_agrees_with_std_on_every_letter_it_changes_and_is_complete_in_the_covered_blocks() {
        for (from, to) in COVERED {
            for c in (from..=to).filter_map(char::from_u32) {
                let ours = upper_char(c);
                if ours != c {
                    assert_eq!(Some(ours), std_single(c.to_uppercase()), "{c} (U+{:04X})", c as u32);
                }
            }
        }
        for (from, to) in [(0x0000, 0x017F), (0x03AC, 0x03CE), (0x0430, 0x045F), (0x1E00, 0x1EFF)] {
            for c in (from..=to).filter_map(char::from_u32) {
                let std = std_single(c.to_uppercase());
                // `ı`, `ſ`, `ẛ` and `µ` uppercase to letters of other pairs; comparing lowercases
                // never meets them, and capitalising a name never starts with them.
                if let Some(std) = std.filter(|_| !matches!(c, '\u{131}' | '\u{17F}' | '\u{B5}' | '\u{1E9B}')) {
                    assert_eq!(upper_char(c), std, "{c} (U+{:04X})", c as u32);
                }
            }
        }
    }

    #[test]
    fn names_fold_as_people_expect() {
        assert_eq!(lower("MÜLLER Straße"), "müller straße");
        assert_eq!(lower("ŁUKASZ Świątek"), "łukasz świątek");
        assert_eq!(lower("ΑΘΗΝΑ"), "αθηνα");
        assert_eq!(lower("ИВАН Петров"), "иван петров");
        assert_eq!(lower("NGUYỄN"), "nguyễn");
        assert_eq!(lower("山田"), "山田");
        assert!(is_upper('Ä') && !is_upper('ä') && !is_upper('1'));
        assert_eq!(upper_char('é'), 'É');
        assert_eq!(upper_char('ß'), 'ß');
        assert_eq!(name_key("  Web \t FORM "), "web form");
        assert_eq!(collapse_spaces(" Ada\n Lovelace "), "Ada Lovelace");
    }

    #[test]
    fn wordlike_characters_are_letters_and_digits_not_punctuation() {
        for c in ['a', 'Z', '7', 'ä', 'ł', 'Ω', 'ж', '山', 'ب'] {
            assert!(is_wordlike(c), "{c}");
        }
        for c in ['-', '!', ' ', '—', '…', '★', '→', '«', '。', '😀', '\u{7}'] {
            assert!(!is_wordlike(c), "{c}");
        }
    }
}
