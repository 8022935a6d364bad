//! Locale names as Zendesk accepts them: `defaultLocale` matches `^[a-z]{2,3}(-\w{2,3})?$`, a
//! translation file name `^[a-z]{2}(-\w{2,3})?$` (both from zendesk_apps_support).

pub fn is_valid(locale: &str, max_language_letters: usize) -> bool {
    let (language, region) = match locale.split_once('-') {
        Some((l, r)) => (l, Some(r)),
        None => (locale, None),
    };
    let language_ok = (2..=max_language_letters).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_lowercase());
    let region_ok = region.is_none_or(|r| {
        (2..=3).contains(&r.len()) && r.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    });
    language_ok && region_ok
}

/// `defaultLocale` in the manifest.
pub fn is_valid_default(locale: &str) -> bool {
    is_valid(locale, 3)
}

/// The `<locale>` of `translations/<locale>.json`.
pub fn is_valid_file_locale(locale: &str) -> bool {
    is_valid(locale, 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_language_and_optional_region() {
        for ok in ["en", "de", "pt-br", "en-US", "zh-tw", "es-419", "fil"] {
            assert!(is_valid_default(ok), "{ok}");
        }
        for bad in [
            "EN", "e", "english", "en-", "en-USAX", "zh-Hant", "en_US", "de-ä1", "",
        ] {
            assert!(!is_valid_default(bad), "{bad}");
        }
    }

    #[test]
    fn file_locales_have_two_letter_languages() {
        assert!(is_valid_file_locale("de"));
        assert!(!is_valid_file_locale("fil"));
    }
}
