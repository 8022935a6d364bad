//! "Show N more" under a bounded list (deals of a card, several matches): one batch at a time.

use crate::state::State;
use sidebar_core::i18n::ui;
use sidebar_core::i18n::Locale;
use sidebar_core::lookup::bounded::BoundedList;

use crate::el::{el, El};

/// The button, while the list hides anything: a child of the list's section.
pub fn show_more(bounded: State<BoundedList>, locale: Locale) -> impl Fn() -> Option<El> {
    move || {
        let hidden = bounded.with(|b| b.hidden());
        (hidden > 0).then(|| {
            // No `type`: it sits in no form.
            el("button")
                .attr("class", "c-btn c-btn--basic")
                .text(&ui::show_more(hidden, locale))
                .on("click", move |_| bounded.update(|b| b.show_more()))
        })
    }
}
