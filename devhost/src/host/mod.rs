//! The Support-like agent page that hosts the app: the host side of the ZAF SDK's wire protocol (in
//! `page/host.js`), the ZAF request proxy, and the server that ties them to the Sell emulator.
//!
//! Start it with [`serve`]; drive it over HTTP with `/_host/config` (agent, location and its ticket,
//! user or organization, locale, settings, edited requester, new ticket subject), `/_host/secure`,
//! `/_host/proxy` and `/_host/requests` (docs/CONTRACTS.md).

pub mod config;
pub mod destination;
pub mod fixtures;
pub mod location;
pub mod options;
pub mod origins;
pub mod page;
pub mod placeholders;
pub mod proxy;
pub mod reply;
pub mod request_log;
pub mod request_options;
pub mod server;
pub mod zaf_payload;

pub use options::{parse_args, HostOptions, USAGE};
pub use server::{router, serve, serve_with, HostState, RunningHost};
