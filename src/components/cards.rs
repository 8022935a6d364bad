//! The lead, contact and deal cards: a title, the configured fields, and a link to the record in Sell.

use leptos::prelude::*;
use sidebar_core::i18n::ui::{self, Msg};
use sidebar_core::i18n::Locale;
use sidebar_core::lookup::bounded::BoundedList;
use sidebar_core::lookup::Match;
use sidebar_core::policy::fields::{
    contact_display_name, deal_display_name, lead_display_name, select_contact, select_deal, select_lead, DealState,
    Names,
};
use sidebar_core::sell::model::{Contact, Deal, Lead};

use super::field_list::FieldList;
use super::show_more::ShowMore;
use crate::session::use_session;

#[component]
fn Card(
    kind: Msg,
    #[prop(into)] title: String,
    href: String,
    locale: Locale,
    children: Children,
    #[prop(optional)] badge: Option<Msg>,
) -> impl IntoView {
    let tooltip = title.clone();
    view! {
        <article class="card">
            <header class="card__header">
                <span class="card__kind">{kind.text(locale)}</span>
                {badge.map(|b| view! { <span class="c-tag card__badge">{b.text(locale)}</span> })}
                <h2 class="card__title" dir="auto" title=tooltip>{title}</h2>
            </header>
            {children()}
            <a class="card__link" href=href target="_blank" rel="noopener noreferrer">
                {Msg::OpenInSell.text(locale)}
                <span class="sr-only">" (new tab)"</span>
            </a>
        </article>
    }
}

#[component]
pub fn LeadCard(lead: Lead, names: Names) -> impl IntoView {
    let s = use_session();
    let fields = select_lead(&lead, &s.fields.lead, &names, s.locale);
    view! {
        <Card kind=Msg::CardLead title=lead_display_name(&lead) href=s.sell_url("leads", lead.id.0) locale=s.locale>
            <FieldList fields locale=s.locale />
        </Card>
    }
}

#[component]
pub fn ContactCard(contact: Contact, names: Names, #[prop(optional)] organization: bool) -> impl IntoView {
    let s = use_session();
    let fields = select_contact(&contact, &s.fields.contact, &names, s.locale);
    let kind = if organization || contact.is_organization { Msg::CardOrganization } else { Msg::CardContact };
    view! {
        <Card kind title=contact_display_name(&contact) href=s.sell_url("contacts", contact.id.0) locale=s.locale>
            <FieldList fields locale=s.locale />
        </Card>
    }
}

#[component]
pub fn DealCard(deal: Deal, names: Names) -> impl IntoView {
    let s = use_session();
    let badge = match names.deal_state(&deal) {
        DealState::Won => Some(Msg::DealWon),
        DealState::Lost => Some(Msg::DealLost),
        _ if deal.hot => Some(Msg::DealHot),
        _ => None,
    };
    let fields = select_deal(&deal, &s.fields.deal, &names, s.locale);
    let href = s.sell_url("deals", deal.id.0);
    match badge {
        Some(badge) => view! {
            <Card kind=Msg::CardDeal title=deal_display_name(&deal) href locale=s.locale badge>
                <FieldList fields locale=s.locale />
            </Card>
        }
        .into_any(),
        None => view! {
            <Card kind=Msg::CardDeal title=deal_display_name(&deal) href locale=s.locale>
                <FieldList fields locale=s.locale />
            </Card>
        }
        .into_any(),
    }
}

/// Deals come sorted (open first, by value); a long list shows a batch at a time.
#[component]
pub fn DealList(deals: Vec<Deal>, names: Names) -> impl IntoView {
    let locale = use_session().locale;
    let bounded = RwSignal::new(BoundedList::new(deals.len()));
    let count = deals.len();
    let deals = StoredValue::new(deals);
    let names = StoredValue::new(names);
    view! {
        <section class="deals" aria-label=ui::deals_title(count, locale)>
            <h2 class="section-title">{ui::deals_title(count, locale)}</h2>
            {(count == 0).then(|| view! { <p class="muted">{Msg::NoDeals.text(locale)}</p> })}
            {move || {
                let b = bounded.get();
                deals.with_value(|all| {
                    b.visible(all)
                        .iter()
                        .cloned()
                        .map(|deal| view! { <DealCard deal names=names.get_value() /> })
                        .collect_view()
                })
            }}
            <ShowMore bounded locale />
        </section>
    }
}

/// Everything known about one matched person: lead, contact, organization, deals.
#[component]
pub fn MatchCards(m: Match, names: Names) -> impl IntoView {
    let show_deals = m.contact.is_some();
    view! {
        <div class="match">
            {m.lead.map(|lead| view! { <LeadCard lead names=names.clone() /> })}
            {m.contact.map(|contact| view! { <ContactCard contact names=names.clone() /> })}
            {m.organization.map(|org| view! { <ContactCard contact=org names=names.clone() organization=true /> })}
            {show_deals.then(|| view! { <DealList deals=m.deals names=names.clone() /> })}
        </div>
    }
}
