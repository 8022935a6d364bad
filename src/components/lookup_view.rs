//! The lookup panel: who the requester is in Sell, in one of its states (loading, found, several
//! matches, nothing found, no access, failed, rate limited).

use leptos::prelude::*;
use leptos::task::spawn_local;
use sidebar_core::format;
use sidebar_core::i18n::ui::{self, Msg};
use sidebar_core::lookup::bounded::BoundedList;
use sidebar_core::lookup::{LookupOutcome, MatchRef, MatchSummary};
use sidebar_core::policy::access::Access;
use sidebar_core::sell::error::SellError;
use sidebar_core::zaf_values::Requester;

use super::callout::{Callout, Tone};
use super::load_error::LoadError;
use super::cards::{lead_card, MatchCards};
use super::manual_search::ManualSearch;
use super::show_more::ShowMore;
use super::skeleton::Skeleton;
use crate::app::Panel;
use crate::lead_flow::{Created, CreatedLead};
use crate::cache::now_ms;
use crate::newest::Newest;
use crate::sell_data::{use_sell_data, LookupResult};
use crate::session::use_session;

#[derive(Clone)]
enum State {
    Loading,
    /// A new ticket without a requester yet: nothing to look up.
    NoRequester,
    NoEmail,
    Blocked(Access),
    Failed(SellError),
    // Boxed: far larger than the other states.
    Ready(Box<LookupResult>),
}

#[component]
pub fn LookupPanel(
    requester: RwSignal<Requester>,
    panel: RwSignal<Panel>,
    created: RwSignal<Option<Created>>,
    /// The user's other email addresses (user sidebar): each looked up when the agent asks.
    #[prop(optional)]
    other_emails: Vec<String>,
) -> impl IntoView {
    let session = use_session();
    let locale = session.locale;
    let data = use_sell_data();
    let state = RwSignal::new(State::Loading);
    // A refresh keeps the old cards on screen; the button says it is working meanwhile.
    let refreshing = RwSignal::new(false);
    // Bumped on refresh / retry; `fresh` makes that one lookup skip the cache.
    let fresh = RwSignal::new(false);
    let reload = RwSignal::new(0u32);
    // Only the newest lookup may draw: when the requester changes while a lookup is on its way, its
    // late answer must not show the previous person's records under the new one.
    let lookups = Newest::new();
    // Another of the user's emails the agent chose to look up instead (user sidebar).
    let other_email: RwSignal<Option<String>> = RwSignal::new(None);

    Effect::new(move |_| {
        reload.track();
        let email = other_email.get().or_else(|| requester.with(|r| r.email.clone()));
        let nobody = requester.with(|r| r.id.is_none() && r.email.is_none() && r.name.is_none());
        let data = data.clone();
        let skip_cache = fresh.get_untracked();
        fresh.set(false);
        let turn = lookups.take();
        spawn_local(async move {
            // Only a refresh of the same requester keeps the old content on screen until the new one is
            // there; another requester must never be shown the previous one's cards and links.
            if !(skip_cache && matches!(state.get_untracked(), State::Ready(_))) {
                state.set(State::Loading);
            }
            if skip_cache {
                data.refresh();
            }
            // Access first: without it, even the search and "Create lead" of the no-email state are
            // not the agent's to use.
            let access = data.access().await;
            if !turn.is_current() {
                return;
            }
            if !access.sees_customer_data() {
                state.set(match access {
                    // Why it failed (a refused token is not a lost connection), with its retry.
                    Access::LookupFailed(error) => State::Failed(error),
                    access => State::Blocked(access),
                });
                refreshing.set(false);
                return;
            }
            let Some(email) = email else {
                state.set(if nobody { State::NoRequester } else { State::NoEmail });
                refreshing.set(false);
                return;
            };
            let outcome = data.lookup(&email, skip_cache).await;
            if !turn.is_current() {
                return;
            }
            state.set(match outcome {
                Ok(result) => State::Ready(Box::new(result)),
                Err(e) => State::Failed(e),
            });
            refreshing.set(false);
        });
    });
    // The new lead's owner and source by name: the lists are cached, so this costs no request.
    let created_names = RwSignal::new(sidebar_core::policy::fields::Names::default());
    {
        let data = use_sell_data();
        Effect::new(move |_| {
            if created.with(|c| matches!(c, Some(Created { lead: CreatedLead::Visible(_), .. }))) {
                let data = data.clone();
                spawn_local(async move {
                    let names = data.names_for_created().await;
                    let _ = created_names.try_set(names);
                });
            }
        });
    }
    // "updated N minutes ago" moves on by itself.
    let now = RwSignal::new(now_ms());
    spawn_local(async move {
        loop {
            crate::sell_client::sleep_ms(30_000).await;
            if now.try_set(now_ms()).is_some() {
                break;
            }
        }
    });
    let refresh = move || {
        refreshing.set(true);
        fresh.set(true);
        reload.update(|n| *n += 1);
    };

    view! {
        <section class="lookup" aria-live="polite">
            {move || this_requesters(created, requester).map(|created| match created.lead {
                CreatedLead::Visible(lead) => {
                    // Its own card only until the lookup, asked again, shows the new lead itself.
                    let found = state.with(|s| matches!(s, State::Ready(r) if r.outcome.shows_lead(lead.id)));
                    view! {
                        <Callout tone=Tone::Info title=ui::lead_created_named(&sidebar_core::policy::fields::lead_display_name(&lead), locale) />
                        {(!found).then(|| lead_card(&lead, &created_names.get()))}
                    }
                    .into_any()
                }
                CreatedLead::NotVisible { name } => view! {
                    <Callout tone=Tone::Info title=ui::lead_created_named(&name, locale) body=Msg::LeadCreatedNotVisible.text(locale) />
                }
                .into_any(),
            })}
            {move || match state.get() {
                State::Loading => view! { <Skeleton /> }.into_any(),
                State::NoRequester => view! {
                    <Callout tone=Tone::Info title=Msg::NoRequesterTitle.text(locale) body=Msg::NoRequesterBody.text(locale) />
                }
                .into_any(),
                State::NoEmail => view! {
                    <Callout tone=Tone::Info title=Msg::NothingFoundTitle.text(locale) body=Msg::NoRequesterEmail.text(locale) />
                    <ManualSearch />
                    <CreateLeadButton panel promoted=true />
                }
                .into_any(),
                State::Blocked(access) => blocked_view(access, locale).into_any(),
                State::Failed(error) => view! { <LoadError error locale retry=Callback::new(move |_| refresh()) /> }.into_any(),
                State::Ready(result) => view! {
                    // A lead just created for this requester: no invitation to create a second.
                    <Outcome result=(*result).clone() panel offer_create=this_requesters(created, requester).is_none() />
                    {other_emails_view(&other_emails, other_email, matches!(result.outcome, LookupOutcome::NotFound | LookupOutcome::NoneVisible), locale)}
                    <footer class="lookup__footer">
                        <span class="muted">{move || format::relative_minutes(((now.get() - result.fetched_at) / 60_000.0).max(0.0) as u64, locale)}</span>
                        <button
                            class="c-btn c-btn--basic c-btn--sm"
                            aria-busy=move || refreshing.get().to_string()
                            disabled=move || refreshing.get()
                            on:click=move |_| refresh()
                        >
                            {move || if refreshing.get() { Msg::Loading.text(locale) } else { Msg::Refresh.text(locale) }}
                        </button>
                    </footer>
                }
                .into_any(),
            }}
        </section>
    }
}

/// The user's other emails (user sidebar), offered when the one looked up found nothing: each costs
/// two requests, so only when the agent asks.
fn other_emails_view(emails: &[String], chosen: RwSignal<Option<String>>, nothing_found: bool, locale: sidebar_core::i18n::Locale) -> Option<impl IntoView> {
    let current = chosen.get_untracked();
    let rest: Vec<String> = emails.iter().filter(|e| Some(*e) != current.as_ref()).cloned().collect();
    (nothing_found && !rest.is_empty()).then(|| view! {
        <section class="other-emails" aria-labelledby="other-emails-title">
            <h2 id="other-emails-title" class="section-title">{Msg::OtherEmailsTitle.text(locale)}</h2>
            {rest.into_iter().map(|email| {
                let label = ui::look_up_email(&email, locale);
                view! {
                    <button type="button" class="c-btn c-btn--basic c-btn--sm" on:click=move |_| chosen.set(Some(email.clone()))>{label}</button>
                }
            }).collect_view()}
        </section>
    })
}

/// Why the agent sees no Sell data (shared with the organization page).
pub(crate) fn blocked_view(access: Access, locale: sidebar_core::i18n::Locale) -> impl IntoView {
    let (title, body) = match access {
        Access::InactiveSellUser => (Msg::InactiveSellUserTitle, Msg::InactiveSellUserBody),
        Access::NoAgentEmail => (Msg::NoAgentEmailTitle, Msg::NoAgentEmailBody),
        _ => (Msg::NoSellAccessTitle, Msg::NoSellAccessBody),
    };
    view! { <Callout tone=Tone::Warning title=title.text(locale) body=body.text(locale) /> }
}

/// The lead created from the form, if it was for the requester now on the ticket.
fn this_requesters(created: RwSignal<Option<Created>>, requester: RwSignal<Requester>) -> Option<Created> {
    let email = requester.with(|r| r.email.clone());
    created.get().filter(|c| c.is_for(email.as_deref()))
}

#[component]
fn Outcome(result: LookupResult, panel: RwSignal<Panel>, offer_create: bool) -> impl IntoView {
    let locale = use_session().locale;
    let skipped = result.skipped;
    let names = result.names.clone();
    let not_found = matches!(result.outcome, LookupOutcome::NotFound | LookupOutcome::NoneVisible);
    let names_missing = result.names_missing;
    let body = match result.outcome {
        // Sell answered, but with records we could not read: that is not "nothing found", and offering
        // "Create lead" would invite a duplicate.
        LookupOutcome::NotFound if skipped > 0 => view! {
            <Callout tone=Tone::Warning title=Msg::FailedTitle.text(locale) body=ui::n_records_skipped(skipped, locale) />
            <ManualSearch />
        }
        .into_any(),
        LookupOutcome::NotFound => view! {
            <Callout tone=Tone::Info title=Msg::NothingFoundTitle.text(locale) body=Msg::NothingFoundBody.text(locale) />
            {offer_create.then(|| view! { <CreateLeadButton panel promoted=true /> })}
            <ManualSearch />
        }
        .into_any(),
        // Sell has the person, under someone else: say so (never "not in Sell"), and don't push a
        // second record.
        LookupOutcome::NoneVisible => view! {
            <Callout tone=Tone::Info title=Msg::NoneVisibleTitle.text(locale) body=Msg::NoneVisibleBody.text(locale) />
            <ManualSearch />
            {offer_create.then(|| view! { <CreateLeadButton panel promoted=false /> })}
        }
        .into_any(),
        LookupOutcome::One(m) => view! {
            <MatchCards m=*m names />
            {offer_create.then(|| view! { <CreateLeadButton panel promoted=false /> })}
        }
        .into_any(),
        LookupOutcome::Several(summaries) => view! {
            <SeveralMatches summaries names />
            {offer_create.then(|| view! { <CreateLeadButton panel promoted=false /> })}
        }
        .into_any(),
    };
    view! {
        {(skipped > 0 && !not_found).then(|| view! { <p class="muted">{ui::n_records_skipped(skipped, locale)}</p> })}
        {names_missing.then(|| view! { <p class="muted">{Msg::NamesMissing.text(locale)}</p> })}
        {body}
    }
}

/// Several people share the requester's email: the agent picks one; the pick is remembered per ticket.
#[component]
fn SeveralMatches(summaries: Vec<MatchSummary>, names: sidebar_core::policy::fields::Names) -> impl IntoView {
    let session = use_session();
    let locale = session.locale;
    let data = use_sell_data();
    let scope = StoredValue::new(session.pick_scope());
    let chosen = RwSignal::new(scope.with_value(|s| data.remembered_pick(s)).and_then(|k| summaries.iter().position(|s| choice_key(s.target) == k)));
    // A shared email can match thousands: show a batch at a time.
    let bounded = RwSignal::new(BoundedList::new(summaries.len()));
    let summaries = StoredValue::new(summaries);
    let names = StoredValue::new(names);
    view! {
        {move || match chosen.get() {
            Some(i) => {
                let m = summaries.with_value(|s| s.get(i).map(|s| s.details.clone()));
                view! {
                    <button class="c-btn c-btn--basic c-btn--sm" on:click=move |_| chosen.set(None)>{Msg::BackToMatches.text(locale)}</button>
                    {m.map(|m| view! { <MatchCards m names=names.get_value() /> })}
                }
                .into_any()
            }
            None => view! {
                <Callout tone=Tone::Info title=Msg::SeveralMatchesTitle.text(locale) body=Msg::SeveralMatchesBody.text(locale) />
                <ul class="matches">
                    {let data = data.clone();
                    move || summaries.with_value(|all| bounded.get().visible(all).iter().enumerate().map(|(i, s)| {
                        let label = s.name.clone();
                        let org = s.organization.clone();
                        let owner = s.owner_id.map(|id| names.with_value(|n| n.user(id, locale)));
                        let kind = match s.target { MatchRef::Lead(_) => Msg::CardLead, MatchRef::Contact(_) => Msg::CardContact };
                        let target = s.target;
                        let data = data.clone();
                        view! {
                            <li class="matches__item">
                                <button class="c-btn c-btn--basic matches__pick" on:click=move |_| {
                                    scope.with_value(|s| data.remember_pick(s, &choice_key(target)));
                                    chosen.set(Some(i));
                                }>
                                    <span class="card__kind">{kind.text(locale)}</span>
                                    <span class="matches__name" dir="auto">{label}</span>
                                    {org.map(|o| view! { <span class="muted" dir="auto">{o}</span> })}
                                    {owner.map(|o| view! { <span class="muted" dir="auto">{o}</span> })}
                                </button>
                            </li>
                        }
                    }).collect_view())}
                </ul>
                <ShowMore bounded locale />
            }
            .into_any(),
        }}
    }
}

fn choice_key(target: MatchRef) -> String {
    match target {
        MatchRef::Lead(id) => format!("lead:{id}"),
        MatchRef::Contact(id) => format!("contact:{id}"),
    }
}

/// "Create lead": a secondary button on first load, as Garden asks; when nothing matched it is promoted
/// to the panel's main action by place and width, not by colour.
#[component]
fn CreateLeadButton(panel: RwSignal<Panel>, promoted: bool) -> impl IntoView {
    let locale = use_session().locale;
    let class = if promoted { "c-btn create-lead create-lead--promoted" } else { "c-btn create-lead" };
    view! {
        <button class=class on:click=move |_| panel.set(Panel::CreateLead)>{Msg::CreateLead.text(locale)}</button>
    }
}
