//! Locale-aware formatting of money, dates and ages, without browser APIs (so it is tested natively
//! and looks the same in every browser).

use crate::i18n::ui::{updated_ago, Ago};
use crate::i18n::Locale;

/// Shown for an amount that is not a number (NaN, infinity): better a dash than "NaN €".
const NO_AMOUNT: &str = "—";

/// Formats a deal value: en "$1,500.00", "1,500.00 CHF"; de "1.500,00 €", "1.500,00 CHF".
/// The currency is an ISO 4217 code from Sell; the few with a well-known symbol get it, the others keep
/// their code, which agents recognise. An empty currency gives the bare number.
pub fn money(amount: f64, currency: &str, locale: Locale) -> String {
    if !amount.is_finite() {
        return NO_AMOUNT.to_string();
    }
    let code = currency.trim().to_ascii_uppercase();
    let decimals = if code == "JPY" { 0 } else { 2 };
    let number = decimal(amount, decimals, locale);
    let symbol = match code.as_str() {
        "USD" => Some("$"),
        "EUR" => Some("€"),
        "GBP" => Some("£"),
        "JPY" => Some("¥"),
        _ => None,
    };
    match (locale, symbol) {
        (_, None) if code.is_empty() => number,
        (Locale::En, Some(symbol)) => match number.strip_prefix('-') {
            Some(positive) => format!("-{symbol}{positive}"),
            None => format!("{symbol}{number}"),
        },
        (Locale::De, Some(symbol)) => format!("{number}\u{a0}{symbol}"),
        (_, None) => format!("{number}\u{a0}{code}"),
    }
}

/// A number with grouped thousands and a fixed count of decimals, in the locale's separators.
fn decimal(amount: f64, decimals: usize, locale: Locale) -> String {
    let (group_sep, decimal_sep) = match locale {
        Locale::En => (',', '.'),
        Locale::De => ('.', ','),
    };
    let fixed = format!("{:.*}", decimals, amount.abs());
    let (whole, fraction) = fixed.split_once('.').unwrap_or((fixed.as_str(), ""));
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3 + 4);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(group_sep);
        }
        grouped.push(digit);
    }
    if !fraction.is_empty() {
        grouped.push(decimal_sep);
        grouped.push_str(fraction);
    }
    // A value that rounds to zero is shown without a sign: "-0.00" would read as a debt.
    let rounds_to_zero = fixed.chars().all(|c| c == '0' || c == '.');
    if amount < 0.0 && !rounds_to_zero {
        format!("-{grouped}")
    } else {
        grouped
    }
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTHS_DE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

/// Formats the date part of an ISO 8601 date or timestamp from Sell: en "Mar 5, 2026", de "5. März 2026".
/// The date is shown as Sell wrote it (timestamps are UTC), without converting time zones. Anything that
/// is not a real date is returned unchanged, so the agent still sees what Sell holds.
pub fn date(iso: &str, locale: Locale) -> String {
    match parse_date(iso.trim()) {
        Some((year, month, day)) => {
            let index = usize::from(month - 1);
            match locale {
                Locale::En => format!(
                    "{} {day}, {year}",
                    MONTHS_EN.get(index).copied().unwrap_or("?")
                ),
                Locale::De => format!(
                    "{day}. {} {year}",
                    MONTHS_DE.get(index).copied().unwrap_or("?")
                ),
            }
        }
        None => iso.to_string(),
    }
}

/// `YYYY-MM-DD`, optionally followed by `T...` (a time), as (year, month 1-12, day).
fn parse_date(text: &str) -> Option<(u32, u8, u8)> {
    let date_part = text.get(..10)?;
    let rest = text.get(10..)?;
    if !(rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')) {
        return None;
    }
    let mut parts = date_part.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4
        || m.len() != 2
        || d.len() != 2
        || ![y, m, d]
            .iter()
            .all(|p| p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let (year, month, day): (u32, u8, u8) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    Some((year, month, day))
}

fn days_in_month(year: u32, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// "updated 3 minutes ago": under a minute is "just now", then minutes up to an hour, hours up to a
/// day, then days.
pub fn relative_minutes(minutes: u64, locale: Locale) -> String {
    let ago = match minutes {
        0 => Ago::JustNow,
        1..=59 => Ago::Minutes(minutes),
        60..=1439 => Ago::Hours(minutes / 60),
        _ => Ago::Days(minutes / 1440),
    };
    updated_ago(ago, locale)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const NBSP: char = '\u{a0}';

    #[test]
    fn money_in_english() {
        let cases: &[(f64, &str, &str)] = &[
            (1500.0, "USD", "$1,500.00"),
            (1500.0, "EUR", "€1,500.00"),
            (1500.0, "usd", "$1,500.00"),
            (1500.0, "CHF", "1,500.00 CHF"),
            (0.0, "USD", "$0.00"),
            (-1500.5, "USD", "-$1,500.50"),
            (-0.001, "USD", "$0.00"),
            (999.999, "GBP", "£1,000.00"),
            (1234567.891, "EUR", "€1,234,567.89"),
            (123.0, "", "123.00"),
            (1500.0, "JPY", "¥1,500"),
            (1e15, "USD", "$1,000,000,000,000,000.00"),
        ];
        for (amount, currency, expected) in cases {
            assert_eq!(
                money(*amount, currency, Locale::En).replace(NBSP, " "),
                *expected,
                "{amount} {currency}"
            );
        }
    }

    #[test]
    fn money_in_german_puts_the_symbol_after_the_number() {
        let cases: &[(f64, &str, &str)] = &[
            (1500.0, "EUR", "1.500,00 €"),
            (1500.0, "USD", "1.500,00 $"),
            (1500.0, "CHF", "1.500,00 CHF"),
            (-1500.5, "EUR", "-1.500,50 €"),
            (0.0, "EUR", "0,00 €"),
            (12.5, "", "12,50"),
        ];
        for (amount, currency, expected) in cases {
            assert_eq!(
                money(*amount, currency, Locale::De).replace(NBSP, " "),
                *expected,
                "{amount} {currency}"
            );
        }
    }

    #[test]
    fn money_that_is_not_a_number_shows_a_dash() {
        for amount in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            for locale in Locale::ALL {
                assert_eq!(money(amount, "USD", locale), "—");
            }
        }
    }

    #[test]
    fn huge_amounts_are_grouped_in_full() {
        let text = money(f64::MAX, "EUR", Locale::De);
        assert!(text.starts_with("179.769.313"), "{text}");
        assert!(text.ends_with(",00\u{a0}€"));
    }

    #[test]
    fn dates_in_both_languages() {
        let cases: &[(&str, &str, &str)] = &[
            ("2026-03-05", "Mar 5, 2026", "5. März 2026"),
            ("2026-03-05T23:59:59Z", "Mar 5, 2026", "5. März 2026"),
            ("2024-02-29", "Feb 29, 2024", "29. Februar 2024"),
            (
                "2025-12-31T08:00:00+02:00",
                "Dec 31, 2025",
                "31. Dezember 2025",
            ),
        ];
        for (iso, en, de) in cases {
            assert_eq!(date(iso, Locale::En), *en);
            assert_eq!(date(iso, Locale::De), *de);
        }
    }

    #[test]
    fn dates_that_are_not_dates_come_back_unchanged() {
        for raw in [
            "",
            "soon",
            "2026-13-01",
            "2026-02-30",
            "2025-02-29",
            "2026-3-5",
            "2026-03-05garbage",
            "＋２０２６-03-05",
            "2026-00-10",
            "20260305",
        ] {
            assert_eq!(date(raw, Locale::En), raw);
        }
    }

    #[test]
    fn ages_pick_the_largest_whole_unit() {
        let cases: &[(u64, &str, &str)] = &[
            (0, "updated just now", "gerade eben aktualisiert"),
            (1, "updated 1 minute ago", "vor 1 Minute aktualisiert"),
            (3, "updated 3 minutes ago", "vor 3 Minuten aktualisiert"),
            (59, "updated 59 minutes ago", "vor 59 Minuten aktualisiert"),
            (60, "updated 1 hour ago", "vor 1 Stunde aktualisiert"),
            (150, "updated 2 hours ago", "vor 2 Stunden aktualisiert"),
            (1440, "updated 1 day ago", "vor 1 Tag aktualisiert"),
            (
                u64::MAX,
                "updated 12810238940076077 days ago",
                "vor 12810238940076077 Tagen aktualisiert",
            ),
        ];
        for (minutes, en, de) in cases {
            assert_eq!(relative_minutes(*minutes, Locale::En), *en);
            assert_eq!(relative_minutes(*minutes, Locale::De), *de);
        }
    }

    proptest! {
        #[test]
        fn any_date_text_formats_without_panicking(text in "\\PC{0,30}") {
            let _ = date(&text, Locale::En);
            let _ = date(&text, Locale::De);
        }

        #[test]
        fn any_amount_formats_and_keeps_its_digits(amount in proptest::num::f64::ANY, currency in "[A-Za-z]{0,4}") {
            let text = money(amount, &currency, Locale::En);
            if amount.is_finite() && amount.abs() >= 1.0 {
                let digits: String = text.chars().filter(|c| c.is_ascii_digit()).collect();
                prop_assert_eq!(digits, format!("{:.*}", if currency.eq_ignore_ascii_case("JPY") { 0 } else { 2 }, amount.abs()).replace('.', ""));
            }
        }
    }
}
