//! The lookup panel: who the requester is in Sell, in one of its states (loading, found, several
//! matches, nothing found, no access, failed, rate limited).

use crate::state::{watch, State, Stored};
use leptos::prelude::*;
use leptos::task::spawn_local;
use sidebar_core::format;
use sidebar_core::i18n::ui::{self, Msg};
use sidebar_core::i18n::Locale;
use sidebar_core::lookup::bounded::BoundedList;
use sidebar_core::lookup::{LookupOutcome, MatchRef, MatchSummary};
use sidebar_core::policy::access::Access;
use sidebar_core::sell::error::SellError;
use sidebar_core::zaf_values::Requester;

use super::callout::{callout, Tone};
use super::cards::{lead_card, match_cards, match_pick};
use super::load_error::load_error;
use super::manual_search::manual_search;
use super::show_more::show_more;
use super::skeleton::skeleton;
use crate::el::{button, el, frag, El};
use crate::sidebar_state::Panel;
use crate::lead_flow::{Created, CreatedLead};
use crate::cache::now_ms;
use crate::newest::Newest;
use crate::sell_data::{use_sell_data, LookupResult};
use crate::session::use_session;

#[derive(Clone)]
enum Shown {
    Loading,
    /// A new ticket without a requester yet: nothing to look up.
    NoRequester,
    NoEmail,
    Blocked(Access),
    Failed(SellError),
    // Boxed: far larger than the other states.
    Ready(Box<LookupResult>),
}

pub fn lookup_panel(
    requester: State<Requester>,
    panel: State<Panel>,
    created: State<Option<Created>>,
    // The user's other email addresses (user sidebar): each looked up when the agent asks.
    other_emails: Vec<String>,
) -> El {
    let session = use_session();
    let locale = session.locale;
    let data = use_sell_data();
    let state = State::new(Shown::Loading);
    // A refresh keeps the old cards on screen; the button says it is working meanwhile.
    let refreshing = State::new(false);
    // Bumped on refresh / retry; `fresh` makes that one lookup skip the cache.
    let fresh = State::new(false);
    let reload = State::new(0u32);
    // Only the newest lookup may draw: when the requester changes while a lookup is on its way, its
    // late answer must not show the previous person's records under the new one.
    let lookups = Newest::new();
    // Another of the user's emails the agent chose to look up instead (user sidebar).
    let other_email: State<Option<String>> = State::new(None);

    watch(Box::new(move || {
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
            if !(skip_cache && matches!(state.get_untracked(), Shown::Ready(_))) {
                state.set(Shown::Loading);
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
                    Access::LookupFailed(error) => Shown::Failed(error),
                    access => Shown::Blocked(access),
                });
                refreshing.set(false);
                return;
            }
            let Some(email) = email else {
                state.set(if nobody { Shown::NoRequester } else { Shown::NoEmail });
                refreshing.set(false);
                return;
            };
            let outcome = data.lookup(&email, skip_cache).await;
            if !turn.is_current() {
                return;
            }
            state.set(match outcome {
                Ok(result) => Shown::Ready(Box::new(result)),
                Err(e) => Shown::Failed(e),
            });
            refreshing.set(false);
        });
    }));
    // The new lead's owner and source by name: the lists are cached, so this costs no request.
    let created_names = State::new(sidebar_core::policy::fields::Names::default());
    {
        let data = use_sell_data();
        watch(Box::new(move || {
            if created.with(|c| matches!(c, Some(Created { lead: CreatedLead::Visible(_), .. }))) {
                let data = data.clone();
                spawn_local(async move {
                    let names = data.names_for_created().await;
                    let _ = created_names.try_set(names);
                });
            }
        }));
    }
    // "updated N minutes ago" moves on by itself.
    let now = State::new(now_ms());
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

    let created_view = move || {
        this_requesters(created, requester).map(|created| match created.lead {
            CreatedLead::Visible(lead) => {
                // Its own card only until the lookup, asked again, shows the new lead itself.
                let found = state.with(|s| matches!(s, Shown::Ready(r) if r.outcome.shows_lead(lead.id)));
                let title = ui::lead_created_named(&sidebar_core::policy::fields::lead_display_name(&lead), locale);
                let view = frag().child(callout(Tone::Info, &title, "", Vec::new()));
                match found {
                    true => view,
                    false => view.child(lead_card(&lead, &created_names.get())),
                }
            }
            CreatedLead::NotVisible { name } => {
                callout(Tone::Info, &ui::lead_created_named(&name, locale), Msg::LeadCreatedNotVisible.text(locale), Vec::new())
            }
        })
    };
    let body = move || {
        Some(match state.get() {
            Shown::Loading => skeleton(2),
            Shown::NoRequester => info(Msg::NoRequesterTitle, Msg::NoRequesterBody, locale),
            Shown::NoEmail => frag()
                .child(info(Msg::NothingFoundTitle, Msg::NoRequesterEmail, locale))
                .child(manual_search())
                .child(create_lead_button(panel, true)),
            Shown::Blocked(access) => blocked_view(access, locale),
            Shown::Failed(error) => load_error(error, locale, Callback::new(move |_| refresh())),
            Shown::Ready(result) => {
                let nothing_found = matches!(result.outcome, LookupOutcome::NotFound | LookupOutcome::NoneVisible);
                let fetched_at = result.fetched_at;
                let refresh_button = el("button")
                    .attr("class", "c-btn c-btn--basic c-btn--sm")
                    .attr_either("aria-busy", move || refreshing.get(), "true", "false")
                    .flag_with("disabled", move || refreshing.get())
                    .on("click", move |_| refresh())
                    .text_with(move || if refreshing.get() { Msg::Loading } else { Msg::Refresh }.text(locale).into());
                let age = move || format::relative_minutes(((now.get() - fetched_at) / 60_000.0).max(0.0) as u64, locale);
                let footer = el("footer")
                    .attr("class", "lookup__footer")
                    .child(el("span").attr("class", "muted").text_with(age))
                    .child(refresh_button);
                // A lead just created for this requester: no invitation to create a second.
                let offer_create = this_requesters(created, requester).is_none();
                frag()
                    .child(outcome(*result, panel, offer_create))
                    .children(other_emails_view(&other_emails, other_email, nothing_found, locale).into_iter().collect())
                    .child(footer)
            }
        })
    };
    el("section").attr("class", "lookup").attr("aria-live", "polite").child_with(created_view).child_with(body)
}

/// An information callout of two fixed texts.
fn info(title: Msg, body: Msg, locale: Locale) -> El {
    callout(Tone::Info, title.text(locale), body.text(locale), Vec::new())
}

/// The user's other emails (user sidebar), offered when the one looked up found nothing: each costs
/// two requests, so only when the agent asks.
fn other_emails_view(emails: &[String], chosen: State<Option<String>>, nothing_found: bool, locale: Locale) -> Option<El> {
    let current = chosen.get_untracked();
    let rest: Vec<&String> = emails.iter().filter(|e| Some(*e) != current.as_ref()).collect();
    (nothing_found && !rest.is_empty()).then(|| {
        let buttons = rest.into_iter().map(|email| {
            let email = email.clone();
            button("c-btn c-btn--basic c-btn--sm", &ui::look_up_email(&email, locale)).on("click", move |_| chosen.set(Some(email.clone())))
        });
        el("section")
            .attr("class", "other-emails")
            .attr("aria-labelledby", "other-emails-title")
            .child(el("h2").attr("id", "other-emails-title").attr("class", "section-title").text(Msg::OtherEmailsTitle.text(locale)))
            .children(buttons.collect())
    })
}

/// Why the agent sees no Sell data (shared with the organization page).
pub(crate) fn blocked_view(access: Access, locale: Locale) -> El {
    let (title, body) = match access {
        Access::InactiveSellUser => (Msg::InactiveSellUserTitle, Msg::InactiveSellUserBody),
        Access::NoAgentEmail => (Msg::NoAgentEmailTitle, Msg::NoAgentEmailBody),
        _ => (Msg::NoSellAccessTitle, Msg::NoSellAccessBody),
    };
    callout(Tone::Warning, title.text(locale), body.text(locale), Vec::new())
}

/// The lead created from the form, if it was for the requester now on the ticket.
fn this_requesters(created: State<Option<Created>>, requester: State<Requester>) -> Option<Created> {
    let email = requester.with(|r| r.email.clone());
    created.get().filter(|c| c.is_for(email.as_deref()))
}

fn outcome(result: LookupResult, panel: State<Panel>, offer_create: bool) -> El {
    let locale = use_session().locale;
    let skipped = result.skipped;
    let names = result.names.clone();
    let not_found = matches!(result.outcome, LookupOutcome::NotFound | LookupOutcome::NoneVisible);
    let mut view = frag();
    if skipped > 0 && !not_found {
        view = view.child(el("p").attr("class", "muted").text(&ui::n_records_skipped(skipped, locale)));
    }
    if result.names_missing {
        view = view.child(el("p").attr("class", "muted").text(Msg::NamesMissing.text(locale)));
    }
    let create = |promoted| offer_create.then(|| create_lead_button(panel, promoted)).into_iter().collect::<Vec<_>>();
    match result.outcome {
        // Sell answered, but with records we could not read: that is not "nothing found", and offering
        // "Create lead" would invite a duplicate.
        LookupOutcome::NotFound if skipped > 0 => view
            .child(callout(Tone::Warning, Msg::FailedTitle.text(locale), &ui::n_records_skipped(skipped, locale), Vec::new()))
            .child(manual_search()),
        LookupOutcome::NotFound => view
            .child(info(Msg::NothingFoundTitle, Msg::NothingFoundBody, locale))
            .children(create(true))
            .child(manual_search()),
        // Sell has the person, under someone else: say so (never "not in Sell"), and don't push a
        // second record.
        LookupOutcome::NoneVisible => view
            .child(info(Msg::NoneVisibleTitle, Msg::NoneVisibleBody, locale))
            .child(manual_search())
            .children(create(false)),
        LookupOutcome::One(m) => view.child(match_cards(*m, names)).children(create(false)),
        LookupOutcome::Several(summaries) => view.child(several_matches(summaries, names)).children(create(false)),
    }
}

/// Several people share the requester's email: the agent picks one; the pick is remembered per ticket.
fn several_matches(summaries: Vec<MatchSummary>, names: sidebar_core::policy::fields::Names) -> El {
    let session = use_session();
    let locale = session.locale;
    let data = use_sell_data();
    let scope = Stored::new(session.pick_scope());
    let chosen = State::new(scope.with_value(|s| data.remembered_pick(s)).and_then(|k| summaries.iter().position(|s| choice_key(s.target) == k)));
    // A shared email can match thousands: show a batch at a time.
    let bounded = State::new(BoundedList::new(summaries.len()));
    let summaries = Stored::new(summaries);
    let names = Stored::new(names);
    let pick = move |i: usize, s: &MatchSummary| {
        let owner = s.owner_id.map(|id| names.with_value(|n| n.user(id, locale)));
        let kind = match s.target {
            MatchRef::Lead(_) => Msg::CardLead,
            MatchRef::Contact(_) => Msg::CardContact,
        };
        let (target, data) = (s.target, data.clone());
        let details: Vec<String> = s.organization.iter().chain(owner.iter()).cloned().collect();
        match_pick(kind, &s.name, &details, Box::new(move |_| {
            scope.with_value(|s| data.remember_pick(s, &choice_key(target)));
            chosen.set(Some(i));
        }))
    };
    frag().child_with(move || {
        Some(match chosen.get() {
            Some(i) => {
                let m = summaries.with_value(|s| s.get(i).map(|s| s.details.clone()));
                let back = el("button")
                    .attr("class", "c-btn c-btn--basic c-btn--sm")
                    .text(Msg::BackToMatches.text(locale))
                    .on("click", move |_| chosen.set(None));
                frag().child(back).children(m.map(|m| match_cards(m, names.get_value())).into_iter().collect())
            }
            None => {
                let pick = pick.clone();
                let list = el("ul").attr("class", "matches").children_with(move || {
                    summaries.with_value(|all| bounded.get().visible(all).iter().enumerate().map(|(i, s)| pick(i, s)).collect())
                });
                frag()
                    .child(info(Msg::SeveralMatchesTitle, Msg::SeveralMatchesBody, locale))
                    .child(list)
                    .child(frag().child_with(show_more(bounded, locale)))
            }
        })
    })
}

fn choice_key(target: MatchRef) -> String {
    match target {
        MatchRef::Lead(id) => format!("lead:{id}"),
        MatchRef::Contact(id) => format!("contact:{id}"),
    }
}

/// "Create lead": a secondary button on first load, as Garden asks; when nothing matched it is promoted
/// to the panel's main action by place and width, not by colour.
fn create_lead_button(panel: State<Panel>, promoted: bool) -> El {
    let locale = use_session().locale;
    let class = if promoted { "c-btn create-lead create-lead--promoted" } else { "c-btn create-lead" };
    el("button").attr("class", class).text(Msg::CreateLead.text(locale)).on("click", move |_| panel.set(Panel::CreateLead))
}
