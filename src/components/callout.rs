//! A state message in Garden's callout style: no access, not configured, failed, rate limited.

use crate::el::{el, El};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Warning,
    Error,
}

impl Tone {
    fn class(self) -> &'static str {
        match self {
            Tone::Info => "c-callout c-callout--info",
            Tone::Warning => "c-callout c-callout--warning",
            Tone::Error => "c-callout c-callout--error",
        }
    }
}

/// `title` and `body` are plain text (rendered as text nodes); `actions` (buttons, or a paragraph for
/// admins) go in its action row, which is left out when there are none.
pub fn callout(tone: Tone, title: &str, body: &str, actions: Vec<El>) -> El {
    let role = if tone == Tone::Error { "alert" } else { "status" };
    let mut view = el("div")
        .attr("class", tone.class())
        .attr("role", role)
        .child(el("strong").attr("class", "c-callout__title").text(title));
    if !body.is_empty() {
        view = view.child(el("p").attr("class", "c-callout__paragraph").text(body));
    }
    if !actions.is_empty() {
        view = view.child(actions.into_iter().fold(el("div").attr("class", "callout-actions"), El::child));
    }
    view
}
