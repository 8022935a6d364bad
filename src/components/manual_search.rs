//! Search Sell by name, email or organization when the requester's email found nothing. Typing is
//! debounced so a fast typist doesn't spend Sell's rate limit.

use leptos::prelude::*;
use leptos::task::spawn_local;
use sidebar_core::i18n::ui::Msg;

use super::callout::{Callout, Tone};
use super::cards::{contact_card, lead_card};
use super::skeleton::Skeleton;
use crate::newest::Newest;
use crate::sell_client::sleep_ms;
use crate::sell_data::{use_sell_data, SearchResult};
use crate::session::use_session;

const DEBOUNCE_MS: u32 = 400;
const MIN_CHARS: usize = 2;
const MAX_RESULTS: usize = 20;

#[derive(Clone)]
enum Found {
    Idle,
    Searching,
    // Boxed: far larger than the other states.
    Results(Box<SearchResult>),
    Failed(String),
}

#[component]
pub fn ManualSearch() -> impl IntoView {
    let locale = use_session().locale;
    let data = use_sell_data();
    let query = RwSignal::new(String::new());
    let found = RwSignal::new(Found::Idle);
    // Only the newest keystroke's search may write its result.
    let searches = Newest::new();

    let on_input = move |ev| {
        let text = event_target_value(&ev);
        query.set(text.clone());
        let turn = searches.take();
        let data = data.clone();
        spawn_local(async move {
            sleep_ms(DEBOUNCE_MS).await;
            // Also false once the search box is gone (the form opened, the requester changed).
            if !turn.is_current() {
                return;
            }
            if text.trim().chars().count() < MIN_CHARS {
                found.set(Found::Idle);
                return;
            }
            found.set(Found::Searching);
            let result = data.search(&text).await;
            if turn.is_current() {
                found.set(match result {
                    Ok(r) => Found::Results(Box::new(r)),
                    Err(e) => Found::Failed(e.message(locale)),
                });
            }
        });
    };

    view! {
        <form class="search c-field" role="search" on:submit=|ev| ev.prevent_default()>
            <label class="c-field__label" for="manual-search">{Msg::ManualSearchLabel.text(locale)}</label>
            <input
                id="manual-search"
                class="c-field__input"
                type="search"
                dir="auto"
                autocomplete="off"
                placeholder=Msg::ManualSearchPlaceholder.text(locale)
                prop:value=move || query.get()
                on:input=on_input
            />
        </form>
        {move || match found.get() {
            Found::Idle => ().into_any(),
            Found::Searching => view! { <Skeleton cards=1 /> }.into_any(),
            Found::Failed(message) => view! { <Callout tone=Tone::Error title=Msg::FailedTitle.text(locale) body=message /> }.into_any(),
            Found::Results(r) if r.leads.is_empty() && r.contacts.is_empty() => {
                view! { <p class="muted" role="status">{Msg::SearchNoResults.text(locale)}</p> }.into_any()
            }
            Found::Results(r) => {
                let r = *r;
                // Bounded: a broad search may match thousands; show the first batch.
                let names = r.names.clone();
                let leads: Vec<_> = r.leads.into_iter().take(MAX_RESULTS).collect();
                let contacts: Vec<_> = r.contacts.into_iter().take(MAX_RESULTS - leads.len()).collect();
                view! {
                    <div class="search__results">
                        {leads.iter().map(|lead| lead_card(lead, &names)).collect::<Vec<_>>()}
                        {contacts.iter().map(|contact| contact_card(contact, &names, false)).collect::<Vec<_>>()}
                    </div>
                }
                .into_any()
            }
        }}
    }
}
