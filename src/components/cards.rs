//! The lead, contact and deal cards (built from `sidebar_core::cards`), the deal list, and a matched
//! person's cards with what loads on demand.

use crate::state::State;
use leptos::prelude::*;
use sidebar_core::cards;
use sidebar_core::i18n::ui::{self, Msg};
use sidebar_core::lookup::bounded::BoundedList;
use sidebar_core::lookup::{Match, Organization};
use sidebar_core::policy::fields::Names;
use sidebar_core::sell::model::{Contact, ContactId, Deal, Lead};

use super::load_error::loaded_view;
use super::show_more::show_more;
use crate::el::{el, frag, tree, El};
use crate::loader::{Load, Loader};
use crate::sell_data::use_sell_data;
use crate::session::use_session;

/// The cards are element trees from `sidebar_core::cards`, built into DOM in one place (#16).
pub fn lead_card(lead: &Lead, names: &Names) -> El {
    let s = use_session();
    tree(&cards::lead_card(lead, &s.fields.lead, names, &s.sell_url("leads", lead.id.0), s.locale))
}

/// `organization`: the card of a person's organization ("Organization" rather than "Contact").
pub fn contact_card(contact: &Contact, names: &Names, organization: bool) -> El {
    let s = use_session();
    let href = s.sell_url("contacts", contact.id.0);
    tree(&cards::contact_card(contact, &s.fields.contact, names, organization, &href, s.locale))
}

pub fn deal_card(deal: &Deal, names: &Names) -> El {
    let s = use_session();
    tree(&cards::deal_card(deal, &s.fields.deal, names, &s.sell_url("deals", deal.id.0), s.locale))
}

/// One entry of a list to pick from (several people share an email, several Sell organizations a
/// name): kind, name and what tells them apart, as one button.
/// `on_pick` comes boxed: one copy of this function serves every list.
pub fn match_pick(kind: Msg, name: &str, details: &[String], on_pick: Box<dyn FnMut(web_sys::Event)>) -> El {
    let locale = use_session().locale;
    let muted = |text: &String| el("span").attr("class", "muted").attr("dir", "auto").text(text);
    let pick = el("button")
        .attr("class", "c-btn c-btn--basic matches__pick")
        .on("click", on_pick)
        .child(el("span").attr("class", "card__kind").text(kind.text(locale)))
        .child(el("span").attr("class", "matches__name").attr("dir", "auto").text(name))
        .children(details.iter().map(muted).collect());
    el("li").attr("class", "matches__item").child(pick)
}

/// A titled list of cards shown a batch at a time, with "Show N more": the deals of a person or an
/// organization, an organization's people. `empty`: what it says when there is nothing.
pub fn card_list<T: 'static>(
    title: String,
    empty: Msg,
    items: Vec<T>,
    names: Names,
    card: fn(&T, &Names) -> El,
) -> El {
    let locale = use_session().locale;
    let count = items.len();
    let bounded = State::new(BoundedList::new(count));
    let mut section = el("section")
        .attr("class", "deals")
        .attr("aria-label", &title)
        .child(el("h2").attr("class", "section-title").text(&title));
    if count == 0 {
        section = section.child(el("p").attr("class", "muted").text(empty.text(locale)));
    }
    section
        .children_with(move || bounded.with(|b| b.visible(&items).iter().map(|item| card(item, &names)).collect()))
        .child_with(show_more(bounded, locale))
}

/// Deals come sorted (open first, by value). `title`: another heading than "Deals (n)".
pub fn deal_list(deals: Vec<Deal>, names: Names, title: Option<Msg>) -> El {
    let locale = use_session().locale;
    let count = deals.len();
    let heading = match title {
        Some(title) => format!("{} ({count})", title.text(locale)),
        None => ui::deals_title(count, locale),
    };
    card_list(heading, Msg::NoDeals, deals, names, deal_card)
}

/// Everything shown of one matched person: lead, contact, the contact's deals (loaded now if the
/// person was picked among several), and their organization when the agent opens it.
pub fn match_cards(m: Match, names: Names) -> El {
    let mut view = el("div").attr("class", "match");
    if let Some(lead) = &m.lead {
        view = view.child(lead_card(lead, &names));
    }
    if let Some(contact) = &m.contact {
        view = view.child(contact_card(contact, &names, false));
    }
    if let Some(org) = &m.organization {
        view = view.child(contact_card(org, &names, true));
    }
    if m.contact.is_some() {
        view = if m.deals_loaded {
            view.child(deal_list(m.deals.clone(), names.clone(), None))
        } else {
            view.child(picked_deals(m.clone()))
        };
    }
    match m.organization_id {
        Some(id) => view.child(organization_on_demand(id, m.deals)),
        None => view,
    }
}

/// The deals of a contact picked among several matches: asked for when it is shown.
fn picked_deals(m: Match) -> El {
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
    frag().children_with(move || {
        loaded_view(loader, locale, retry, |(deals, names)| {
            let m = m.clone().with_deals(deals, &names);
            vec![deal_list(m.deals, names, None)]
        })
    })
}

/// A person's organization and its other deals, loaded only when the agent opens them: two requests
/// the first paint doesn't spend.
fn organization_on_demand(id: ContactId, shown_deals: Vec<Deal>) -> El {
    let locale = use_session().locale;
    let data = use_sell_data();
    let open = State::new(false);
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
    let button = el("button")
        .attr("type", "button")
        .attr("class", "c-btn c-btn--basic c-btn--sm")
        .attr_either("aria-expanded", move || open.get(), "true", "false")
        .attr("aria-controls", &region)
        .on("click", toggle)
        .text_with(move || if open.get() { Msg::HideOrganization } else { Msg::ShowOrganization }.text(locale).into());
    let content = el("div").attr("id", &region).children_with(move || {
        if !open.get() {
            return Vec::new();
        }
        loaded_view(loader, locale, retry, |(organization, names)| {
            let others = organization.other_deals(&shown_deals, &names);
            let mut shown: Vec<El> = organization.record.map(|org| contact_card(&org, &names, true)).into_iter().collect();
            if !others.is_empty() {
                shown.push(deal_list(others, names, Some(Msg::OrganizationDeals)));
            }
            shown
        })
    });
    el("div").attr("class", "organization").child(button).child(content)
}
