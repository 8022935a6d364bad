//! The languages the sidebar speaks and the texts it shows in them.
//! Agents get the sidebar in their Support locale; anything we don't translate falls back to English.

pub mod create_lead;
pub mod settings;
pub mod ui;
pub mod visibility;
pub mod zaf;

/// A language the sidebar has texts for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    #[default]
    En,
    De,
}

impl Locale {
    /// Reads a Support locale tag ("de", "de-DE", "de_CH", "en-US"...). Only the language part counts,
    /// so every German variant gets German; every other language gets English.
    pub fn from_tag(tag: &str) -> Locale {
        let language = tag.trim().split(['-', '_']).next().unwrap_or("");
        if language.eq_ignore_ascii_case("de") {
            Locale::De
        } else {
            Locale::En
        }
    }

    pub const ALL: [Locale; 2] = [Locale::En, Locale::De];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_tags_in_every_spelling_give_german() {
        for tag in ["de", "de-DE", "de_CH", "DE-at", " de "] {
            assert_eq!(Locale::from_tag(tag), Locale::De, "{tag}");
        }
    }

    #[test]
    fn everything_else_gives_english() {
        for tag in ["en", "en-US", "fr", "", "deu", "d", "-de", "es-DE"] {
            assert_eq!(Locale::from_tag(tag), Locale::En, "{tag}");
        }
    }
}
