//! Sell Core API v2 as the sidebar speaks it: records, envelopes, errors, and the requests it makes.
pub mod model;
pub mod directory;
pub mod envelope;
pub mod error;
pub mod requests;
pub mod retry;
pub mod unreadable;
