//! An in-process emulator of the Zendesk Sell Core API v2, for the dev host and the tests.
//!
//! [`Emulator::router`] serves the Sell API under `/v2/...` and a control API under `/_emu/...`
//! (docs/CONTRACTS.md). Every Sell request passes one gate ([`gate`]) that, in order: applies the
//! injected latency and fault rules, requires a `User-Agent` (400 `invalid_user_agent`), a bearer
//! token of an active user (401), and at most 10 requests per token per second (429
//! `rate_limit_exceeded`, no `Retry-After`); then logs the request, with how many Sell requests were
//! in flight when it arrived ([`in_flight`]), and stamps `X-Request-Id`.
//!
//! What each token sees follows Sell's hierarchy ([`visibility`]): leads, contacts and deals owned
//! by the user or anyone below them in `reports_to`; users, statuses, sources, stages, pipelines
//! and the account are visible to all. Leads created with a distribution pool's id as owner go to
//! the pool's members in turn ([`pools`]).

mod control;
mod envelope;
mod error;
mod faults;
mod gate;
mod huge;
mod in_flight;
mod lead_create;
mod lead_source_create;
mod listing;
mod persistence;
mod pools;
mod rate_limit;
mod records;
mod request_body;
mod request_log;
mod routes;
mod seed;
mod store;
mod timestamp;
mod visibility;

use axum::Router;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

pub use rate_limit::SELL_REQUESTS_PER_SECOND;

/// Everything the emulator holds. Only `store` is Sell's data (and persisted); the rest is runtime.
struct State {
    store: store::Store,
    faults: faults::FaultConfig,
    log: request_log::RequestLog,
    limiter: rate_limit::RateLimiter,
    next_seq: u64,
    persist_to: Option<PathBuf>,
}

/// A handle on one emulated Sell account; clones share it.
#[derive(Clone)]
pub struct Emulator {
    state: Arc<Mutex<State>>,
    /// Outside the lock: a request must be counted before it waits for anything.
    in_flight: in_flight::InFlight,
}

impl Emulator {
    /// The account of docs/CONTRACTS.md, in memory only.
    pub fn seeded() -> Self {
        Self::from_store(seed::seed(), None)
    }

    /// Loads the account from `path` when it holds a saved state (else starts from the seed), and
    /// saves it there after every write.
    pub fn with_persistence(path: PathBuf) -> Self {
        let store = persistence::load(&path).unwrap_or_else(seed::seed);
        Self::from_store(store, Some(path))
    }

    fn from_store(store: store::Store, persist_to: Option<PathBuf>) -> Self {
        let state = State {
            store,
            faults: faults::FaultConfig::default(),
            log: request_log::RequestLog::default(),
            limiter: rate_limit::RateLimiter::default(),
            next_seq: 0,
            persist_to,
        };
        Self {
            state: Arc::new(Mutex::new(state)),
            in_flight: in_flight::InFlight::default(),
        }
    }

    /// The Sell API at `/v2/...` and the control API at `/_emu/...`.
    pub fn router(&self) -> Router {
        Router::new()
            .nest("/v2", routes::router(self.clone()))
            .merge(control::router(self.clone()))
    }

    /// The personal access token of the Sell user with this email (case-insensitive), if any.
    pub fn token_for(&self, email: &str) -> Option<String> {
        self.with(|s| {
            let user = s.store.users.iter().find(|u| {
                u.email
                    .as_deref()
                    .is_some_and(|e| e.eq_ignore_ascii_case(email))
            })?;
            s.store.token_of(user.id).map(str::to_string)
        })
    }

    /// The top-most manager's (Ada's) token: what the installation's secure setting holds.
    pub fn admin_token(&self) -> String {
        self.with(|s| s.store.token_of(seed::ADA).map(str::to_string))
            .unwrap_or_else(|| seed::token_for_name("Ada"))
    }

    /// Requests per token per second; `None` turns the limit off. Default: Sell's 10.
    pub fn set_rate_limit(&self, limit: Option<u32>) {
        self.with(|s| s.limiter.set_limit(limit));
    }

    /// Back to the seed: data, pool counters, log, faults and rate-limit windows. Requests still in
    /// flight keep counting: they are real.
    pub fn reset(&self) {
        self.in_flight.reset_peak();
        self.write(|store| *store = seed::seed());
        self.with(|s| {
            s.log.clear();
            s.faults = faults::FaultConfig::default();
            s.limiter.clear();
        });
    }

    fn with<R>(&self, f: impl FnOnce(&mut State) -> R) -> R {
        // A panic elsewhere while holding the lock must not take the emulator down with it.
        let mut guard = self
            .state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut guard)
    }

    /// Changes Sell's data and saves it when persistence is on.
    fn write<R>(&self, f: impl FnOnce(&mut store::Store) -> R) -> R {
        self.write_ok(|store| Ok::<R, ()>(f(store)))
            .unwrap_or_else(|()| unreachable!("the closure always succeeds"))
    }

    /// Like [`Self::write`], for changes that may be refused: only an accepted change is saved.
    fn write_ok<R, E>(&self, f: impl FnOnce(&mut store::Store) -> Result<R, E>) -> Result<R, E> {
        self.with(|s| {
            let result = f(&mut s.store);
            if let (Ok(_), Some(path)) = (&result, &s.persist_to) {
                persistence::save(path, &s.store);
            }
            result
        })
    }
}
