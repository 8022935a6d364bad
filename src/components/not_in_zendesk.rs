//! What the page shows when opened directly, outside Zendesk: how to run it instead.

use leptos::prelude::*;
use sidebar_core::i18n::ui::Msg;
use sidebar_core::i18n::Locale;

use super::callout::{Callout, Tone};

/// Outside Zendesk (or before it answered) there is no agent locale: the browser's language decides.
pub fn browser_locale() -> Locale {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .map(|l| Locale::from_tag(&l))
        .unwrap_or_default()
}

#[component]
pub fn NotInZendesk() -> impl IntoView {
    let locale = browser_locale();
    view! {
        <main class="sidebar">
            <Callout tone=Tone::Info title=Msg::NotInZendeskTitle.text(locale) body=Msg::NotInZendeskBody.text(locale) />
        </main>
    }
}
