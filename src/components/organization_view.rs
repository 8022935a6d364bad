//! The organization sidebar: the Sell organization with the Support organization's name (several: the
//! agent picks one, remembered per organization; none: say so and offer the search), with its deals
//! and its people known to Sell.

use leptos::prelude::*;
use sidebar_core::i18n::ui::{self, Msg};
use sidebar_core::lookup::bounded::BoundedList;
use sidebar_core::lookup::organization::{pick_key, OrganizationMatch};
use sidebar_core::policy::access::Access;
use sidebar_core::policy::fields::{contact_display_name, Names};
use sidebar_core::sell::model::{Contact, Deal};
use sidebar_core::zaf_values::Organization;

use super::callout::{Callout, Tone};
use super::cards::{contact_card, DealList};
use super::load_error::{loaded_view, LoadError};
use super::lookup_view::blocked_view;
use super::manual_search::ManualSearch;
use super::show_more::ShowMore;
use super::skeleton::Skeleton;
use crate::loader::{Load, Loader};
use crate::sell_data::use_sell_data;
use crate::session::use_session;

/// What the panel shows once it knows.
#[derive(Clone)]
enum Found {
    NoAccess(Access),
    Match(OrganizationMatch, Names),
}

#[component]
pub fn OrganizationPanel(organization: Organization) -> impl IntoView {
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
    view! {
        <section class="lookup" aria-live="polite">
            {move || match loader.state.get() {
                Load::Idle | Load::Loading => view! { <Skeleton /> }.into_any(),
                Load::Failed(error) => view! { <LoadError error locale retry /> }.into_any(),
                Load::Ready(Found::NoAccess(access)) => blocked_view(access, locale).into_any(),
                Load::Ready(Found::Match(found @ (OrganizationMatch::NotFound | OrganizationMatch::NoneVisible), _)) => {
                    // One Sell has only under someone else is said so, never called "not in Sell".
                    let (title, body) = match found {
                        OrganizationMatch::NotFound => (Msg::OrgNotFoundTitle, Msg::OrgNotFoundBody),
                        _ => (Msg::NoneVisibleTitle, Msg::OrgNoneVisibleBody),
                    };
                    view! {
                        <Callout tone=Tone::Info title=title.text(locale) body=body.text(locale) />
                        <ManualSearch />
                    }
                    .into_any()
                }
                Load::Ready(Found::Match(OrganizationMatch::One(org), names)) => {
                    view! { <OrganizationDetails org=*org names /> }.into_any()
                }
                Load::Ready(Found::Match(OrganizationMatch::Several(orgs), names)) => {
                    view! { <PickOrganization orgs names support_id /> }.into_any()
                }
            }}
            {move || matches!(loader.state.get(), Load::Ready(Found::Match(..))).then(|| view! {
                <footer class="lookup__footer">
                    <button
                        type="button"
                        class="c-btn c-btn--basic c-btn--sm"
                        aria-busy=move || busy().to_string()
                        disabled=busy
                        on:click=move |_| retry.run(())
                    >
                        {Msg::Refresh.text(locale)}
                    </button>
                </footer>
            })}
        </section>
    }
}

/// Several Sell organizations share the name: the agent picks one, remembered for this organization.
#[component]
fn PickOrganization(orgs: Vec<Contact>, names: Names, support_id: u64) -> impl IntoView {
    let locale = use_session().locale;
    let data = use_sell_data();
    let key = pick_key(support_id);
    let remembered = data.remembered_pick(&key);
    let chosen = RwSignal::new(remembered.and_then(|id| orgs.iter().position(|o| o.id.to_string() == id)));
    let orgs = StoredValue::new(orgs);
    let names = StoredValue::new(names);
    let key = StoredValue::new(key);
    move || match chosen.get().and_then(|i| orgs.with_value(|o| o.get(i).cloned())) {
        Some(org) => view! {
            <button type="button" class="c-btn c-btn--basic c-btn--sm" on:click=move |_| chosen.set(None)>
                {Msg::BackToOrganizations.text(locale)}
            </button>
            <OrganizationDetails org names=names.get_value() />
        }
        .into_any(),
        None => {
            let data = data.clone();
            view! {
                <Callout tone=Tone::Info title=Msg::OrgSeveralTitle.text(locale) body=Msg::OrgSeveralBody.text(locale) />
                <ul class="matches">
                    {orgs.with_value(|all| all.iter().enumerate().map(|(i, org)| {
                        let label = contact_display_name(org);
                        let owner = org.owner_id.map(|id| names.with_value(|n| n.user(id, locale)));
                        let id = org.id.to_string();
                        let data = data.clone();
                        view! {
                            <li class="matches__item">
                                <button class="c-btn c-btn--basic matches__pick" on:click=move |_| {
                                    key.with_value(|k| data.remember_pick(k, &id));
                                    chosen.set(Some(i));
                                }>
                                    <span class="card__kind">{Msg::CardOrganization.text(locale)}</span>
                                    <span class="matches__name" dir="auto">{label}</span>
                                    {owner.map(|o| view! { <span class="muted" dir="auto">{o}</span> })}
                                </button>
                            </li>
                        }
                    }).collect_view())}
                </ul>
            }
            .into_any()
        }
    }
}

/// The organization's card, its deals and its people known to Sell.
#[component]
fn OrganizationDetails(org: Contact, names: Names) -> impl IntoView {
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
    view! {
        <div class="match">
            {contact_card(&org, &names, true)}
            {move || loaded_view(deals, locale, retry_deals, |(deals, names)| view! { <DealList deals names /> }.into_any())}
            {move || loaded_view(people, locale, retry_people, |(people, names)| view! { <People people names /> }.into_any())}
        </div>
    }
}

/// The organization's people: a batch at a time (an organization may have thousands).
#[component]
fn People(people: Vec<Contact>, names: Names) -> impl IntoView {
    let locale = use_session().locale;
    let count = people.len();
    let bounded = RwSignal::new(BoundedList::new(count));
    let people = StoredValue::new(people);
    let names = StoredValue::new(names);
    let title = ui::people_title(count, locale);
    let label = title.clone();
    view! {
        <section class="deals" aria-label=label>
            <h2 class="section-title">{title}</h2>
            {(count == 0).then(|| view! { <p class="muted">{Msg::NoPeople.text(locale)}</p> })}
            {move || {
                let shown = bounded.get();
                people.with_value(|all| {
                    shown
                        .visible(all)
                        .iter()
                        .map(|contact| names.with_value(|names| contact_card(contact, names, false)))
                        .collect::<Vec<_>>()
                })
            }}
            <ShowMore bounded locale />
        </section>
    }
}
