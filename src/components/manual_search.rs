//! Search Sell by name, email or organization when the requester's email found nothing. Typing is
//! debounced so a fast typist doesn't spend Sell's rate limit.

use leptos::prelude::*;
use leptos::task::spawn_local;
use sidebar_core::i18n::ui::Msg;

use super::cards::{contact_card, lead_card};
use super::load_error::LoadError;
use super::skeleton::Skeleton;
use crate::loader::{Load, Loader};
use crate::newest::Newest;
use crate::sell_client::sleep_ms;
use crate::sell_data::{use_sell_data, SearchResult};
use crate::session::use_session;

const DEBOUNCE_MS: u32 = 400;
const MIN_CHARS: usize = 2;
const MAX_RESULTS: usize = 20;

#[component]
pub fn ManualSearch() -> impl IntoView {
    let locale = use_session().locale;
    let data = use_sell_data();
    let query = RwSignal::new(String::new());
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

    let on_input = move |ev| {
        let text = event_target_value(&ev);
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
        {move || match found.state.get() {
            Load::Idle => ().into_any(),
            Load::Loading => view! { <Skeleton cards=1 /> }.into_any(),
            Load::Failed(error) => view! { <LoadError error locale retry /> }.into_any(),
            Load::Ready(r) if r.leads.is_empty() && r.contacts.is_empty() => {
                view! { <p class="muted" role="status">{Msg::SearchNoResults.text(locale)}</p> }.into_any()
            }
            Load::Ready(r) => {
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
