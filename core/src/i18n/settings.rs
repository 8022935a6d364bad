//! Settings messages (part A)
