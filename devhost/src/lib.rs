//! The dev host's library: the Sell Core API v2 emulator (`sell`), used by the dev-host binary and
//! by the tests.

pub mod host;
pub mod sell;
