//! The budgets `cargo xtask test` holds the app to, and `cargo xtask bench` reports against. One
//! place: the end-to-end suite includes this file (`#[path]`) for the request budgets.
//!
//! The targets are 100 KB gzip for the whole bundle and 4 Sell requests for a cold lookup.
//! Neither is met yet (see `cargo xtask bench`); the asserted budgets are the measured figures plus
//! headroom, so a regression fails CI while the targets stay visible in the report. The 4 holds for
//! every ticket but Carl's (5) once the agent has opened another ticket ("in a session"): the account's
//! users and stages are then cached for 30 minutes.

/// The target for the whole bundle (wasm, JS glue, ZAF SDK, CSS, HTML), gzip -9.
pub const TARGET_GZIP_BYTES: u64 = 100 * 1024;

/// Asserted: measured at 336.1 KB gzip in total (the wasm 319.9 KB of it), plus ~15 %. Was 346.4 KB
/// before the Sell answers were decoded through one path and money formatted without floats.
pub const GZIP_BUDGET_BYTES: u64 = 390 * 1024;

/// The target for Sell requests of one cold lookup.
pub const TARGET_COLD_REQUESTS: usize = 4;

/// Asserted: most Sell requests a cold lookup (empty localStorage) may cost, any seeded ticket, any
/// mode. Measured: 7 (Carl's ticket, Sell users only: the agent's own user, leads, contacts, two deal
/// lists, users and stages).
pub const COLD_REQUESTS_BUDGET: usize = 7;

/// Asserted: most Sell requests the first open of a ticket may cost once the account's reference lists
/// are cached by an earlier ticket. Measured: 5 (Carl: leads, contacts, his deals, his organization's
/// deals and record); 4 or fewer for every other seeded ticket.
pub const SESSION_REQUESTS_BUDGET: usize = 5;

/// Asserted: Sell requests of re-opening a ticket within the cache time.
pub const WARM_REQUESTS_BUDGET: usize = 0;

/// Whether `gzip_total` is within the asserted budget, as a report line.
pub fn gzip_verdict(gzip_total: u64) -> String {
    let budget = if gzip_total <= GZIP_BUDGET_BYTES {
        "within"
    } else {
        "OVER"
    };
    let target = if gzip_total <= TARGET_GZIP_BYTES {
        "met"
    } else {
        "NOT met"
    };
    format!(
        "{budget} the budget of {} KB; the issue's {} KB target is {target}",
        GZIP_BUDGET_BYTES / 1024,
        TARGET_GZIP_BYTES / 1024
    )
}
