//! Search Sell by name, email or organization when the requester's email found nothing. Typing is
//! debounced so a fast typist doesn't spend Sell's rate limit.

use crate::state::State;
use leptos::prelude::*;
use leptos::task::spawn_local;
use sidebar_core::i18n::ui::Msg;

use super::cards::{contact_card, lead_card};
use super::load_error::load_error;
use super::skeleton::skeleton;
use crate::el::{el, frag, input_value, El};
use crate::loader::{Load, Loader};
use crate::newest::Newest;
use crate::sell_client::sleep_ms;
use crate::sell_data::{use_sell_data, SearchResult};
use crate::session::use_session;

const DEBOUNCE_MS: u32 = 400;
const MIN_CHARS: usize = 2;
const MAX_RESULTS: usize = 20;

/// The search box and what it found: two siblings, wherever the caller places them.
pub fn manual_search() -> El {
    let locale = use_session().locale;
    let data = use_sell_data();
    let query = State::new(String::new());
    let found = Loader::<SearchResult>::new();
    // Only the newest keystroke may start a search, once typing pauses.
    let keystrokes = Newest::new();
    let search = move |text: String| {
        let data = data.clone();
        found.load(false, async move { data.search(&text).await });
    };
    let retry = Callback::new({
        let search = search.clone();
        move |_| search(query.get_untracked())
    });

    let on_input = move |ev: web_sys::Event| {
        let text = input_value(&ev);
        query.set(text.clone());
        // A search still on its way answers what is no longer typed.
        found.forget();
        let turn = keystrokes.take();
        let search = search.clone();
        spawn_local(async move {
            sleep_ms(DEBOUNCE_MS).await;
            // Also false once the search box is gone (the form opened, the requester changed).
            if !turn.is_current() {
                return;
            }
            if text.trim().chars().count() < MIN_CHARS {
                found.clear();
            } else {
                search(text);
            }
        });
    };

    let input = el("input")
        .attr("id", "manual-search")
        .attr("class", "c-field__input")
        .attr("type", "search")
        .attr("dir", "auto")
        .attr("autocomplete", "off")
        .attr("placeholder", Msg::ManualSearchPlaceholder.text(locale))
        .value_with(move || query.get())
        .on("input", on_input);
    let form = el("form")
        .attr("class", "search c-field")
        .attr("role", "search")
        .on("submit", |ev| ev.prevent_default())
        .child(el("label").attr("class", "c-field__label").attr("for", "manual-search").text(Msg::ManualSearchLabel.text(locale)))
        .child(input);
    let results = move || {
        Some(match found.state.get() {
            Load::Idle => return None,
            Load::Loading => skeleton(1),
            Load::Failed(error) => load_error(error, locale, retry),
            Load::Ready(r) if r.leads.is_empty() && r.contacts.is_empty() => {
                el("p").attr("class", "muted").attr("role", "status").text(Msg::SearchNoResults.text(locale))
            }
            Load::Ready(r) => {
                // Bounded: a broad search may match thousands; show the first batch.
                let names = &r.names;
                let leads = r.leads.iter().take(MAX_RESULTS).map(|lead| lead_card(lead, names));
                let room = MAX_RESULTS - r.leads.len().min(MAX_RESULTS);
                let contacts = r.contacts.iter().take(room).map(|contact| contact_card(contact, names, false));
                el("div").attr("class", "search__results").children(leads.chain(contacts).collect())
            }
        })
    };
    frag().child(form).child_with(results)
}
