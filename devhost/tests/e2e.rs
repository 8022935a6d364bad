//! End-to-end tests: the release build of the app in the dev host's agent page, driven in headless
//! Chromium through chromedriver. Needs the app built (`cargo xtask build`, or `SELL_SIDEBAR_DIST`)
//! and chromedriver (`CHROMEDRIVER` or on PATH); `cargo xtask test` provides both.
//!
//! Each test starts its own host (own Sell emulator data) and browser profile; at most two browsers
//! run at once.

#[path = "e2e/harness.rs"]
mod harness;

#[allow(dead_code)]
#[path = "../../xtask/src/bench/budget.rs"]
mod budget;

#[path = "e2e/host_basics.rs"]
mod host_basics;

#[path = "e2e/visibility.rs"]
mod visibility;

#[path = "e2e/request_counts.rs"]
mod request_counts;

#[path = "e2e/states.rs"]
mod states;

#[path = "e2e/widths.rs"]
mod widths;

#[path = "e2e/create_lead.rs"]
mod create_lead;

#[path = "e2e/requester_change.rs"]
mod requester_change;

#[path = "e2e/races.rs"]
mod races;

#[path = "e2e/locations.rs"]
mod locations;
