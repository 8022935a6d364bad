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
    let fixed = fixed_point(amount.abs(), decimals);
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

/// `format!("{:.*}", decimals, amount)` for a finite `amount >= 0` and at most 2 decimals, to the same
/// text: the exact binary value rounded half to even. Done with integers because Rust's float
/// formatting weighs about 16 KB in the wasm bundle (8 KB gzipped) and money is its only user.
fn fixed_point(amount: f64, decimals: usize) -> String {
    let scale: u128 = if decimals == 0 { 1 } else { 100 };
    let bits = amount.to_bits();
    let exponent_bits = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1u64 << 52) - 1);
    // amount = mantissa * 2^exponent exactly.
    let (mantissa, exponent) = if exponent_bits == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), exponent_bits - 1075)
    };
    let digits = if exponent >= 0 {
        let mut digits = whole_number_digits(mantissa, exponent.unsigned_abs());
        digits.extend(std::iter::repeat_n('0', decimals));
        digits
    } else {
        scaled_rounded(u128::from(mantissa) * scale, exponent.unsigned_abs()).to_string()
    };
    // At least one digit before the point.
    let padded = format!("{digits:0>width$}", width = decimals + 1);
    let (whole, fraction) = padded.split_at(padded.len() - decimals);
    if decimals == 0 {
        whole.to_string()
    } else {
        format!("{whole}.{fraction}")
    }
}

/// `value / 2^shift`, rounded half to even.
fn scaled_rounded(value: u128, shift: u32) -> u128 {
    // value < 2^60, so from 62 bits of shift on the quotient is below a quarter: zero.
    if shift >= 62 {
        return 0;
    }
    let quotient = value >> shift;
    let remainder = value & ((1u128 << shift) - 1);
    let half = 1u128 << (shift - 1);
    if remainder > half || (remainder == half && quotient % 2 == 1) {
        quotient + 1
    } else {
        quotient
    }
}

/// The decimal digits of `mantissa * 2^exponent` (up to 2^1024, so in base-10^9 limbs).
fn whole_number_digits(mantissa: u64, exponent: u32) -> String {
    const LIMB: u64 = 1_000_000_000;
    // Least significant limb first.
    let mut limbs: Vec<u64> = vec![
        mantissa % LIMB,
        (mantissa / LIMB) % LIMB,
        mantissa / (LIMB * LIMB),
    ];
    let mut left = exponent;
    while left > 0 {
        let step = left.min(30);
        left -= step;
        let mut carry = 0u64;
        for limb in limbs.iter_mut() {
            let product = (*limb << step) + carry;
            *limb = product % LIMB;
            carry = product / LIMB;
        }
        while carry > 0 {
            limbs.push(carry % LIMB);
            carry /= LIMB;
        }
    }
    while limbs.len() > 1 && limbs.last() == Some(&0) {
        limbs.pop();
    }
    let mut text = String::new();
    for (i, limb) in limbs.iter().rev().enumerate() {
        if i == 0 {
            text.push_str(&limb.to_string());
        } else {
            text.push_str(&format!("{limb:09}"));
        }
    }
    text
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

    #[test]
    fn fixed_point_rounds_like_rusts_float_formatting() {
        let mut amounts = vec![
            0.0,
            0.005,
            0.015,
            0.025,
            0.125,
            0.375,
            0.5,
            1.5,
            2.5,
            1.005,
            2.675,
            999.995,
            999.999,
            1234567.891,
            1e15,
            1e16 + 2.0,
            4503599627370495.5,
            9007199254740993.0,
            1e22,
            1e23,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
            0.0049999999999999999,
            1.0 / 3.0,
        ];
        // Ties in binary: k/8 for k up to 80.
        amounts.extend((0..80).map(|k| f64::from(k) / 8.0));
        for amount in amounts {
            for decimals in [0, 2] {
                assert_eq!(
                    fixed_point(amount, decimals),
                    format!("{:.*}", decimals, amount),
                    "{amount:e} .{decimals}"
                );
            }
        }
    }

    proptest! {
        #[test]
        fn fixed_point_matches_rusts_float_formatting(bits in any::<u64>(), decimals in prop_oneof![Just(0usize), Just(2usize)]) {
            let amount = f64::from_bits(bits).abs();
            prop_assume!(amount.is_finite());
            prop_assert_eq!(fixed_point(amount, decimals), format!("{:.*}", decimals, amount));
        }

        #[test]
        fn fixed_point_matches_for_amounts_people_type(cents in 0u64..10_000_000_000_000, thousandths in 0u64..10) {
            let amount = (cents * 10 + thousandths) as f64 / 1000.0;
            for decimals in [0usize, 2] {
                prop_assert_eq!(fixed_point(amount, decimals), format!("{:.*}", decimals, amount));
            }
        }

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
