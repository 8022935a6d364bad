//! The lead, contact and deal cards (built from `sidebar_core::cards`), the deal list, and a matched
//! person's cards with what loads on demand.

use leptos::prelude::*;
use sidebar_core::i18n::ui::{self, Msg};
use sidebar_core::lookup::bounded::BoundedList;
use sidebar_core::lookup::{Match, Organization};
use sidebar_core::cards;
use sidebar_core::policy::fields::Names;
use sidebar_core::sell::model::{Contact, ContactId, Deal, Lead};

use super::load_error::loaded_view;
use super::show_more::ShowMore;
use crate::dom::Built;
use crate::loader::{Load, Loader};
use crate::sell_data::use_sell_data;
use crate::session::use_session;

/// The cards are element trees from `sidebar_core::cards`, built into DOM in one place (`dom::Built`):
/// plain functions rather than components, so a list of cards is a list of one view type (#16).
pub fn lead_card(lead: &Lead, names: &Names) -> Built {
    let s = use_session();
    Built::new(&cards::lead_card(lead, &s.fields.lead, names, &s.sell_url("leads", lead.id.0), s.locale))
}

/// `organization`: the card of a person's organization ("Organization" rather than "Contact").
pub fn contact_card(contact: &Contact, names: &Names, organization: bool) -> Built {
    let s = use_session();
    let href = s.sell_url("contacts", contact.id.0);
    Built::new(&cards::contact_card(contact, &s.fields.contact, names, organization, &href, s.locale))
}

pub fn deal_card(deal: &Deal, names: &Names) -> Built {
    let s = use_session();
    Built::new(&cards::deal_card(deal, &s.fields.deal, names, &s.sell_url("deals", deal.id.0), s.locale))
}

/// Deals come sorted (open first, by value); a long list shows a batch at a time. `title`: another
/// heading than "Deals (n)".
#[component]
pub fn DealList(deals: Vec<Deal>, names: Names, #[prop(optional)] title: Option<Msg>) -> impl IntoView {
    let locale = use_session().locale;
    let bounded = RwSignal::new(BoundedList::new(deals.len()));
    let count = deals.len();
    let heading = match title {
        Some(title) => format!("{} ({count})", title.text(locale)),
        None => ui::deals_title(count, locale),
    };
    let label = heading.clone();
    let deals = StoredValue::new(deals);
    let names = StoredValue::new(names);
    view! {
        <section class="deals" aria-label=label>
            <h2 class="section-title">{heading}</h2>
            {(count == 0).then(|| view! { <p class="muted">{Msg::NoDeals.text(locale)}</p> })}
            {move || {
                let b = bounded.get();
                deals.with_value(|all| {
                    names.with_value(|names| b.visible(all).iter().map(|deal| deal_card(deal, names)).collect::<Vec<_>>())
                })
            }}
            <ShowMore bounded locale />
        </section>
    }
}

/// Everything shown of one matched person: lead, contact, the contact's deals (loaded now if the
/// person was picked among several), and their organization when the agent opens it.
#[component]
pub fn MatchCards(m: Match, names: Names) -> impl IntoView {
    let deals = m.contact.is_some().then(|| {
        if m.deals_loaded {
            view! { <DealList deals=m.deals.clone() names=names.clone() /> }.into_any()
        } else {
            view! { <PickedDeals m=m.clone() /> }.into_any()
        }
    });
    let shown_deals = m.deals.clone();
    view! {
        <div class="match">
            {m.lead.map(|lead| lead_card(&lead, &names))}
            {m.contact.map(|contact| contact_card(&contact, &names, false))}
            {m.organization.map(|org| contact_card(&org, &names, true))}
            {deals}
            {m.organization_id.map(|id| view! { <OrganizationOnDemand id shown_deals /> })}
        </div>
    }
}

/// The deals of a contact picked among several matches: asked for when it is shown.
#[component]
fn PickedDeals(m: Match) -> impl IntoView {
    let locale = use_session().locale;
    let data = use_sell_data();
    let loader = Loader::<(Vec<Deal>, Names)>::new();
    let contact = m.contact.clone();
    let load = move || {
        if let Some(contact) = contact.clone() {
            let data = data.clone();
            loader.load(false, async move { data.contact_deals(&contact).await });
        }
    };
    load();
    let retry = Callback::new(move |_| load());
    let m = StoredValue::new(m);
    move || {
        loaded_view(loader, locale, retry, |(deals, names)| {
            let m = m.get_value().with_deals(deals, &names);
            view! { <DealList deals=m.deals names /> }.into_any()
        })
    }
}

/// A person's organization and its other deals, loaded only when the agent opens them: two requests
/// the first paint doesn't spend.
#[component]
fn OrganizationOnDemand(id: ContactId, shown_deals: Vec<Deal>) -> impl IntoView {
    let locale = use_session().locale;
    let data = use_sell_data();
    let open = RwSignal::new(false);
    let loader = Loader::<(Organization, Names)>::new();
    let load = move || {
        let data = data.clone();
        loader.load(false, async move { data.organization(id).await });
    };
    let retry = Callback::new({
        let load = load.clone();
        move |_| load()
    });
    let toggle = move |_| {
        let opening = !open.get_untracked();
        open.set(opening);
        if opening && !matches!(loader.state.get_untracked(), Load::Ready(_)) {
            load();
        }
    };
    let region = format!("organization-{id}");
    let shown_deals = StoredValue::new(shown_deals);
    view! {
        <div class="organization">
            <button
                type="button"
                class="c-btn c-btn--basic c-btn--sm"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls=region.clone()
                on:click=toggle
            >
                {move || if open.get() { Msg::HideOrganization.text(locale) } else { Msg::ShowOrganization.text(locale) }}
            </button>
            <div id=region>
                {move || open.get().then(|| loaded_view(loader, locale, retry, |(organization, names)| {
                    let others = shown_deals.with_value(|shown| organization.other_deals(shown, &names));
                    view! {
                        {organization.record.map(|org| contact_card(&org, &names, true))}
                        {(!others.is_empty()).then(|| view! { <DealList deals=others names title=Msg::OrganizationDeals /> })}
                    }
                    .into_any()
                }))}
            </div>
        </div>
    }
}
