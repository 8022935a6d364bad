//! Locale-aware formatting of money, dates and ages, without browser APIs.
