//! What the page shows when opened directly, outside Zendesk: how to run it instead.

use sidebar_core::i18n::ui::Msg;
use sidebar_core::i18n::Locale;

use super::callout::{callout, Tone};
use crate::el::{el, El};

/// Outside Zendesk (or before it answered) there is no agent locale: the browser's language decides.
pub fn browser_locale() -> Locale {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .map(|l| Locale::from_tag(&l))
        .unwrap_or_default()
}

pub fn not_in_zendesk() -> El {
    let locale = browser_locale();
    el("main")
        .attr("class", "sidebar")
        .child(callout(Tone::Info, Msg::NotInZendeskTitle.text(locale), Msg::NotInZendeskBody.text(locale), Vec::new()))
}
