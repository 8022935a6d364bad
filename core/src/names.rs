//! Splitting a Support requester's display name into Sell's `first_name` and `last_name`.
//!
//! Sell requires a last name (or an organization) on a lead, so whatever we can't split goes into the
//! last name. The rules, in order:
//! - whitespace is collapsed and control characters are dropped;
//! - a bare email address (`john.doe@x.com`) is turned into a name from its local part: `.`/`_`/`-`
//!   separate words, a `+tag` is dropped, all-lowercase words get a capital first letter;
//! - `Last, First` (one comma) is read the way librarians write it;
//! - one word → last name only (`Cher` → `("", "Cher")`), because Sell needs a last name;
//! - names written only in CJK scripts put the family name first (`山田 太郎` → last `山田`); a name
//!   without spaces in those scripts can't be split and goes into the last name whole;
//! - otherwise the last word is the last name, widened to the left over name particles (`van`, `de la`,
//!   `bin`, `al`…) that are not the first word, and to the right over suffixes (`Jr.`, `III`), so
//!   `Ludwig van Beethoven` → (`Ludwig`, `van Beethoven`) and `Martin Luther King Jr.` →
//!   (`Martin Luther`, `King Jr.`).
//!
//! Only whole `char`s are ever moved around (we split on whitespace and ASCII separators), so no
//! script is cut in the middle of a character. The agent can always correct the result in the form.

use crate::text::Lowercased;
/// Lowercase particles that belong to the family name when they come right before it.
const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "del", "della", "dello", "di", "da", "dos", "das", "do", "du", "la", "le", "ter",
    "ten", "zu", "bin", "binti", "ibn", "bint", "al", "el", "ben", "st.", "mac", "بن", "ابن",
];

/// Generational and similar suffixes that stay with the family name.
const SUFFIXES: &[&str] = &["jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "ph.d.", "md"];

/// Splits a display name into `(first_name, last_name)`; see the module docs for the rules.
pub fn split_name(raw: &str) -> (String, String) {
    let cleaned: String = raw.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    match words.as_slice() {
        [] => (String::new(), String::new()),
        [single] if looks_like_email(single) => split_email(single),
        _ => split_words(&words),
    }
}

fn split_words(words: &[&str]) -> (String, String) {
    if let Some(split) = split_last_comma_first(words) {
        return split;
    }
    match words {
        [] => (String::new(), String::new()),
        [single] => (String::new(), (*single).to_string()),
        [family, given @ ..] if words.iter().all(|w| is_cjk_word(w)) => (given.join(" "), (*family).to_string()),
        _ => {
            let start = last_name_start(words);
            let (given, family) = words.split_at(start);
            (given.join(" "), family.join(" "))
        }
    }
}

/// `Doe, John` → (`John`, `Doe`). Only with exactly one comma and words on both sides; anything else
/// (`Acme, Inc, Ltd`) is read as a normal name.
fn split_last_comma_first(words: &[&str]) -> Option<(String, String)> {
    let joined = words.join(" ");
    let mut parts = joined.split(',');
    let (family, given) = (parts.next()?.trim(), parts.next()?.trim());
    if parts.next().is_some() || family.is_empty() || given.is_empty() {
        return None;
    }
    // `Smith, Jr.` is a suffix, not a first name.
    if is_suffix(given) {
        return None;
    }
    Some((given.to_string(), family.to_string()))
}

/// Index of the first word of the last name. The first word stays the first name unless nothing but
/// suffixes follows it.
fn last_name_start(words: &[&str]) -> usize {
    let mut end = words.len();
    // Suffixes at the end ride along with the word before them.
    while end > 1 && words.get(end - 1).is_some_and(|w| is_suffix(w)) {
        end -= 1;
    }
    if end == 1 {
        // `Smith Jr.`: only a suffix follows the first word, so all of it is the last name.
        return 0;
    }
    let mut start = end.saturating_sub(1).max(1);
    while start > 1 && words.get(start - 1).is_some_and(|w| is_particle(w)) {
        start -= 1;
    }
    start
}

fn is_particle(word: &str) -> bool {
    let lower = word.lowercased();
    PARTICLES.contains(&lower.as_str())
}

fn is_suffix(word: &str) -> bool {
    let lower = word.trim_end_matches(',').lowercased();
    SUFFIXES.contains(&lower.as_str())
}

/// Han, Hiragana, Katakana and Hangul: scripts where the family name is written first.
fn is_cjk_word(word: &str) -> bool {
    word.chars().all(|c| {
        matches!(c as u32,
            0x3040..=0x30FF      // Hiragana, Katakana
            | 0x3400..=0x4DBF    // CJK extension A
            | 0x4E00..=0x9FFF    // CJK unified ideographs
            | 0xAC00..=0xD7AF    // Hangul syllables
            | 0x1100..=0x11FF    // Hangul jamo
            | 0xF900..=0xFAFF    // CJK compatibility ideographs
            | 0x20000..=0x2FFFF) // CJK extensions B+
    })
}

fn looks_like_email(word: &str) -> bool {
    match word.split_once('@') {
        Some((local, domain)) => !local.is_empty() && domain.contains('.') && !domain.contains('@'),
        None => false,
    }
}

/// `john.doe+support@x.com` → (`John`, `Doe`); `jd@x.com` → (`""`, `Jd`).
fn split_email(email: &str) -> (String, String) {
    let whole_local = email.split('@').next().unwrap_or_default();
    let local = whole_local.split('+').next().unwrap_or_default();
    let words: Vec<String> = local
        .split(['.', '_', '-'])
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .map(capitalize_if_lowercase)
        .collect();
    match words.as_slice() {
        // Nothing name-like (`123@x.com`, `+tag@x.com`): the address's own text, as Sell needs a last name.
        [] if local.is_empty() => (String::new(), whole_local.to_string()),
        [] => (String::new(), local.to_string()),
        [single] => (String::new(), single.clone()),
        [init @ .., last] => (init.join(" "), last.clone()),
    }
}

fn capitalize_if_lowercase(word: &str) -> String {
    if word.chars().any(crate::text::is_upper) {
        return word.to_string();
    }
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => std::iter::once(crate::text::upper_char(first)).chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_names_the_way_a_person_would() {
        let cases: &[(&str, (&str, &str))] = &[
            ("Lea Lead", ("Lea", "Lead")),
            ("  Lea    Lead  ", ("Lea", "Lead")),
            ("Lea\tLead\n", ("Lea", "Lead")),
            ("John Ronald Reuel Tolkien", ("John Ronald Reuel", "Tolkien")),
            ("Cher", ("", "Cher")),
            ("", ("", "")),
            ("   ", ("", "")),
            ("Doe, John", ("John", "Doe")),
            ("van Beethoven, Ludwig", ("Ludwig", "van Beethoven")),
            ("Ludwig van Beethoven", ("Ludwig", "van Beethoven")),
            ("Maria de la Cruz", ("Maria", "de la Cruz")),
            ("Jean-Claude Van Damme", ("Jean-Claude", "Van Damme")),
            ("Anna Van", ("Anna", "Van")),
            ("Van Morrison", ("Van", "Morrison")),
            ("Martin Luther King Jr.", ("Martin Luther", "King Jr.")),
            ("Smith, Jr.", ("", "Smith, Jr.")),
            ("Smith Jr.", ("", "Smith Jr.")),
            ("Mohammed bin Salman", ("Mohammed", "bin Salman")),
            ("عمر الفاروق", ("عمر", "الفاروق")),
            ("محمد بن سلمان", ("محمد", "بن سلمان")),
            ("山田 太郎", ("太郎", "山田")),
            ("山田太郎", ("", "山田太郎")),
            ("김 민준", ("민준", "김")),
            ("Wang Xiaoming", ("Wang", "Xiaoming")),
            ("Zoë Ångström", ("Zoë", "Ångström")),
            ("john.doe@x.com", ("John", "Doe")),
            ("john_doe+support@x.com", ("John", "Doe")),
            ("JD@x.com", ("", "JD")),
            ("123@x.com", ("", "123")),
            ("Nobody@Here", ("", "Nobody@Here")),
            ("Carl\u{0}Contact", ("Carl", "Contact")),
        ];
        for (raw, expected) in cases {
            let expected = (expected.0.to_string(), expected.1.to_string());
            assert_eq!(split_name(raw), expected, "splitting {raw:?}");
        }
    }

    #[test]
    fn a_non_empty_name_always_yields_a_last_name() {
        for raw in ["x", "de", "van der", "a b", "Ω", "🙂", "a,", ",b", "jr.", "+@.", "+tag@x.com", "123@x.com"] {
            let (_, last) = split_name(raw);
            assert!(!last.is_empty(), "{raw:?} gave no last name");
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_never_invents_characters(raw in "\\PC{0,40}") {
            let (first, last) = split_name(&raw);
            let kept = |s: &str| s.chars().filter(|c| !c.is_whitespace() && *c != ',').count();
            // Email splitting drops separators; for other names, every char comes from the input.
            if !looks_like_email(raw.trim()) {
                proptest::prop_assert!(kept(&first) + kept(&last) <= kept(&raw));
            }
            if raw.chars().any(|c| !c.is_whitespace() && !c.is_control() && c != ',') {
                proptest::prop_assert!(!last.is_empty() || !first.is_empty());
            }
        }
    }
}
