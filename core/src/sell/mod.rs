//! Sell Core API v2 as the sidebar speaks it: records, envelopes, errors, and the requests it makes.
pub mod model;
