//! "Show N more" under a bounded list (deals of a card, several matches): one batch at a time.

use leptos::prelude::*;
use sidebar_core::i18n::ui;
use sidebar_core::i18n::Locale;
use sidebar_core::lookup::bounded::BoundedList;

/// The button, while the list hides anything.
#[component]
pub fn ShowMore(bounded: RwSignal<BoundedList>, locale: Locale) -> impl IntoView {
    move || {
        let hidden = bounded.with(|b| b.hidden());
        (hidden > 0).then(|| view! {
            <button class="c-btn c-btn--basic" on:click=move |_| bounded.update(|b| b.show_more())>
                {ui::show_more(hidden, locale)}
            </button>
        })
    }
}
