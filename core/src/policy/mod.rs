//! Product rules: who sees what, who owns new leads, which fields are shown.
pub mod fields;
pub mod access;
pub mod visibility;
pub mod token_check;
pub mod owner;
