//! The organization sidebar: the Sell organization with the Support organization's name (several: the
//! agent picks one, remembered per organization; none: say so and offer the search), with its deals
//! and its people known to Sell.

use crate::state::State;
use leptos::prelude::*;
use sidebar_core::i18n::ui::{self, Msg};
use sidebar_core::lookup::organization::{pick_key, OrganizationMatch};
use sidebar_core::policy::access::Access;
use sidebar_core::policy::fields::{contact_display_name, Names};
use sidebar_core::sell::model::{Contact, Deal};
use sidebar_core::zaf_values::Organization;

use super::callout::{callout, Tone};
use super::cards::{card_list, contact_card, deal_list, match_pick};
use super::load_error::{load_error, loaded_view};
use super::lookup_view::blocked_view;
use super::manual_search::manual_search;
use super::skeleton::skeleton;
use crate::el::{button, el, frag, El};
use crate::loader::{Load, Loader};
use crate::sell_data::use_sell_data;
use crate::session::use_session;

/// What the panel shows once it knows.
#[derive(Clone)]
enum Found {
    NoAccess(Access),
    Match(OrganizationMatch, Names),
}

pub fn organization_panel(organization: Organization) -> El {
    let locale = use_session().locale;
    let data = use_sell_data();
    let name = organization.name.clone().unwrap_or_default();
    let support_id = organization.id.unwrap_or_default();
    let loader = Loader::<Found>::new();
    let load = move |fresh: bool| {
        let (data, name) = (data.clone(), name.clone());
        loader.load(fresh, async move {
            let access = data.access().await;
            match access {
                Access::LookupFailed(error) => return Err(error),
                access if !access.sees_customer_data() => return Ok(Found::NoAccess(access)),
                _ => {}
            }
            if fresh {
                data.refresh();
                data.forget_customer_records();
            }
            let (found, names) = data.organizations_named(&name, fresh).await?;
            Ok(Found::Match(found, names))
        });
    };
    load(false);
    let retry = Callback::new(move |_| load(true));
    let busy = move || matches!(loader.state.get(), Load::Loading);
    let body = move || {
        Some(match loader.state.get() {
            Load::Idle | Load::Loading => skeleton(2),
            Load::Failed(error) => load_error(error, locale, retry),
            Load::Ready(Found::NoAccess(access)) => blocked_view(access, locale),
            Load::Ready(Found::Match(found @ (OrganizationMatch::NotFound | OrganizationMatch::NoneVisible), _)) => {
                // One Sell has only under someone else is said so, never called "not in Sell".
                let (title, body) = match found {
                    OrganizationMatch::NotFound => (Msg::OrgNotFoundTitle, Msg::OrgNotFoundBody),
                    _ => (Msg::NoneVisibleTitle, Msg::OrgNoneVisibleBody),
                };
                frag().child(callout(Tone::Info, title.text(locale), body.text(locale), Vec::new())).child(manual_search())
            }
            Load::Ready(Found::Match(OrganizationMatch::One(org), names)) => organization_details(*org, names),
            Load::Ready(Found::Match(OrganizationMatch::Several(orgs), names)) => pick_organization(orgs, names, support_id),
        })
    };
    let footer = move || {
        matches!(loader.state.get(), Load::Ready(Found::Match(..))).then(|| {
            let refresh = button("c-btn c-btn--basic c-btn--sm", Msg::Refresh.text(locale))
                .attr_either("aria-busy", busy, "true", "false")
                .flag_with("disabled", busy)
                .on("click", move |_| retry.run(()));
            el("footer").attr("class", "lookup__footer").child(refresh)
        })
    };
    el("section").attr("class", "lookup").attr("aria-live", "polite").child_with(body).child_with(footer)
}

/// Several Sell organizations share the name: the agent picks one, remembered for this organization.
fn pick_organization(orgs: Vec<Contact>, names: Names, support_id: u64) -> El {
    let locale = use_session().locale;
    let data = use_sell_data();
    let key = pick_key(support_id);
    let remembered = data.remembered_pick(&key);
    let chosen = State::new(remembered.and_then(|id| orgs.iter().position(|o| o.id.to_string() == id)));
    frag().child_with(move || {
        Some(match chosen.get().and_then(|i| orgs.get(i).cloned()) {
            Some(org) => {
                let back = button("c-btn c-btn--basic c-btn--sm", Msg::BackToOrganizations.text(locale))
                    .on("click", move |_| chosen.set(None));
                frag().child(back).child(organization_details(org, names.clone()))
            }
            None => {
                let items = orgs.iter().enumerate().map(|(i, org)| {
                    let owner = org.owner_id.map(|id| names.user(id, locale));
                    let (id, data, key) = (org.id.to_string(), data.clone(), key.clone());
                    let details: Vec<String> = owner.into_iter().collect();
                    match_pick(Msg::CardOrganization, &contact_display_name(org), &details, Box::new(move |_| {
                        data.remember_pick(&key, &id);
                        chosen.set(Some(i));
                    }))
                });
                frag()
                    .child(callout(Tone::Info, Msg::OrgSeveralTitle.text(locale), Msg::OrgSeveralBody.text(locale), Vec::new()))
                    .child(el("ul").attr("class", "matches").children(items.collect()))
            }
        })
    })
}

/// The organization's card, its deals and its people known to Sell.
fn organization_details(org: Contact, names: Names) -> El {
    let locale = use_session().locale;
    let data = use_sell_data();
    let id = org.id;
    let deals = Loader::<(Vec<Deal>, Names)>::new();
    let people = Loader::<(Vec<Contact>, Names)>::new();
    let load_deals = {
        let data = data.clone();
        move || {
            let data = data.clone();
            deals.load(false, async move { data.organization_deals(id).await });
        }
    };
    let load_people = move || {
        let data = data.clone();
        people.load(false, async move { data.organization_people(id).await });
    };
    load_deals();
    load_people();
    let (retry_deals, retry_people) = (Callback::new(move |_| load_deals()), Callback::new(move |_| load_people()));
    el("div")
        .attr("class", "match")
        .child(contact_card(&org, &names, true))
        .children_with(move || loaded_view(deals, locale, retry_deals, |(deals, names)| vec![deal_list(deals, names, None)]))
        .children_with(move || loaded_view(people, locale, retry_people, |(people, names)| vec![people_list(people, names)]))
}

/// The organization's people: a batch at a time (an organization may have thousands).
fn people_list(people: Vec<Contact>, names: Names) -> El {
    let title = ui::people_title(people.len(), use_session().locale);
    card_list(title, Msg::NoPeople, people, names, |contact, names| contact_card(contact, names, false))
}
