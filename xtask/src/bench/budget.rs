//! The budgets `cargo xtask test` holds the app to, and `cargo xtask bench` reports against. One
//! place: the end-to-end suite includes this file (`#[path]`) for the request budgets.
//!
//! The size target is 150 KB gzip for the whole bundle (issue 16), not met yet (see `cargo xtask bench`): the
//! asserted size budget is the measured figure plus headroom, so a regression fails CI while the target
//! stays visible in the report. The request budgets are the issue's own figures, asserted as they are.

/// Issue 16's target for the whole bundle (wasm, JS glue, ZAF SDK, CSS, HTML), gzip -9.
pub const TARGET_GZIP_BYTES: u64 = 150 * 1024;

/// Asserted: measured at 199.0 KB gzip in total on 2026-11-30 (216.0 KB before the signals were
/// type-erased by `src/state.rs`, 266.1 KB before the views were built by `src/el.rs`), plus ~4 %.
pub const GZIP_BUDGET_BYTES: u64 = 207 * 1024;

/// Sell requests of one ticket's first paint, asserted for every seeded ticket in both modes (issue 15):
/// one token serves every agent of an account, so request count is the product's scale limit.
/// Cold: nothing cached. The first paint asks only for what it shows (a picked contact's deals and a
/// person's organization load on demand), with one exception that fits the budget: stages are asked for
/// beside a lone contact's deals (`ReferenceLists::beside_step2`, for time to data, issue 16), in vain
/// when the contact has none.
pub const COLD_REQUESTS_BUDGET: usize = 5;

/// *Sell users only* spends one request more cold: the agent's own Sell user, looked up by email before
/// anything else so that an agent who is no Sell user gets no directory and no customer data (issue
/// 14). The rule protecting customer data wins over the budget; the cost is this one request, and only
/// until it is cached (30 minutes).
pub const AGENT_LOOKUP_REQUESTS: usize = 1;

/// The cold budget in a mode.
pub const fn cold_requests_budget(sell_users_only: bool) -> usize {
    if sell_users_only {
        COLD_REQUESTS_BUDGET + AGENT_LOOKUP_REQUESTS
    } else {
        COLD_REQUESTS_BUDGET
    }
}

/// The first open of a ticket once the account's reference lists (and the agent's own Sell user) are
/// cached by an earlier ticket.
pub const SESSION_REQUESTS_BUDGET: usize = 3;

/// Re-opening a ticket within the cache time.
pub const WARM_REQUESTS_BUDGET: usize = 0;

/// Sell requests one sidebar may have in flight at once (a shared address with 100 contacts included).
pub const IN_FLIGHT_BUDGET: u32 = 4;

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
