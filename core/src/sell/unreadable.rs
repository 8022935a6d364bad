//! What was wrong with an answer the app couldn't read. A type of its own, below both the errors
//! that carry it (`sell::error`) and the texts that name it (`i18n::ui`), so neither names the other
//! back.

/// What was wrong with an answer the app couldn't read, for the message (in the agent's language).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    EmptyAnswer,
    WebPage,
    BrokenJson,
    WrongShape,
    NoList,
    NoRecord,
    /// A record of this `meta.type` (`None`: Sell named none) lacked fields or had wrong types.
    RecordFields { kind: Option<String> },
    /// A 400 without Sell's error list.
    InvalidRequest,
    /// A 2xx handed to the error path.
    SuccessAsError,
}
