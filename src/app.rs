//! The app's root: ZAF → session → the sidebar's panels. Components render what `sidebar_core` decided.

use crate::state::{State, Stored};
use leptos::prelude::*;
use leptos::task::spawn_local;
use sidebar_core::i18n::ui::Msg;
use sidebar_core::settings::ProblemScope;
use sidebar_core::ui_tree::{self, Node};
use sidebar_core::zaf_values::Requester;

use crate::components::admin_helper::settings_helper_entry;
use crate::components::callout::{callout, Tone};
use crate::components::create_lead::create_lead_panel;
use crate::components::lookup_view::lookup_panel;
use crate::components::not_in_zendesk::not_in_zendesk;
use crate::components::organization_view::organization_panel;
use crate::components::settings_notice::settings_notice;
use crate::components::skeleton::skeleton;
use crate::el::{el, frag, tree, El};
use crate::lead_flow::Created;
use crate::newest::Newest;
use crate::session::Session;
use crate::sidebar_state::{Panel, Subject};
use crate::sell_data::SellData;
use crate::zaf::{Place, ZafClient, ZafError};

/// The root as a Leptos component, for `mount_to_body` and the browser tests.
#[component]
pub fn App(zaf: Result<ZafClient, ZafError>) -> impl IntoView {
    app(zaf).built()
}

/// The root. `zaf` is `Err` outside Zendesk (or when the SDK did not load).
pub fn app(zaf: Result<ZafClient, ZafError>) -> El {
    let zaf = match zaf {
        Ok(zaf) => zaf,
        Err(_) => return not_in_zendesk(),
    };
    crate::resize::follow_content_height(zaf.clone());
    // Booting by hand rather than through a resource and `<Suspense>`: the app has no other async
    // resource, and that machinery alone weighed 15.3 KB gzip of the bundle (#16).
    let boot: State<Option<Result<Session, ZafError>>> = State::new(None);
    let zaf = Stored::new(zaf);
    let start = move || {
        boot.set(None);
        let zaf = zaf.get_value();
        spawn_local(async move {
            let booted = Session::boot(zaf).await;
            // `try_`: the app may be unmounted by now (browser tests mount and drop it).
            let _ = boot.try_set(Some(booted));
        });
    };
    start();
    el("main").attr("class", "sidebar").child_with(move || {
        Some(match boot.get() {
            None => skeleton(2),
            Some(Ok(session)) => untrack(|| sidebar(session)),
            Some(Err(e)) => {
                // No agent locale without a session: the browser's language decides.
                let locale = crate::components::not_in_zendesk::browser_locale();
                let retry = el("button").attr("class", "c-btn").text(Msg::Retry.text(locale)).on("click", move |_| start());
                callout(Tone::Error, Msg::ZafFailedTitle.text(locale), &e.text(locale), vec![retry])
            }
        })
    })
}

/// The sidebar of a booted session: header, settings notice, the place's panel, the settings helper.
fn sidebar(session: Session) -> El {
    let locale = session.locale;
    let admin = session.agent.is_admin();
    let problems = session.settings.clone();
    let field_problems = session.fields.problems.is_empty();
    let organization = match &session.place {
        Place::Organization(organization) => Some(organization.clone()),
        _ => None,
    };
    let other_emails = match &session.place {
        Place::User(user) => user.emails.iter().skip(1).cloned().collect(),
        _ => Vec::new(),
    };
    let requester = State::new(session.customer().unwrap_or_default());
    let subject = Subject(State::new(session.subject()));
    // A lead created from the form is shown at once, without asking Sell again.
    let created = State::new(None);
    match &session.place {
        Place::Ticket(_) => follow_requester(&session, requester, created, false),
        Place::NewTicket(_) => {
            follow_requester(&session, requester, created, true);
            follow_subject(&session, subject);
        }
        Place::User(_) | Place::Organization(_) => {}
    }
    provide_context(subject);
    let data = SellData::new(session.clone());
    provide_context(Stored::new(session));
    provide_context(Stored::new(data));
    let panel = State::new(Panel::Lookup);
    // Made once for the sidebar's lifetime, not per panel: a lead whose creation the agent left by
    // closing the form still arrives, and shows.
    let close_form = Callback::new(move |_| panel.set(Panel::Lookup));
    let lead_created = Callback::new(move |lead| {
        created.set(Some(lead));
        panel.set(Panel::Lookup);
    });

    let header = match organization.clone() {
        Some(organization) => tree(&header(organization.name.as_deref().unwrap_or_default(), None)),
        None => requester_header(requester),
    };
    let view = frag().child(header);
    if problems.blocks(ProblemScope::WholeApp) {
        return view.children(settings_notice(&problems, admin, locale, ProblemScope::WholeApp).into_iter().collect());
    }
    let notice = (admin && (!problems.problems.is_empty() || !field_problems))
        .then(|| settings_notice(&problems, admin, locale, ProblemScope::FieldDisplay))
        .flatten();
    let body = move || {
        let (organization, shown) = (organization.clone(), panel.get());
        // Only the switch of panels builds a panel again, never a signal its building happened to read.
        Some(untrack(|| match (organization, shown) {
            (Some(organization), _) => organization_panel(organization),
            (None, Panel::Lookup) => lookup_panel(requester, panel, created, other_emails.clone()),
            (None, Panel::CreateLead) => create_lead_panel(requester, close_form, lead_created),
        }))
    };
    view.children(notice.into_iter().collect())
        .child_with(body)
        // ---- Settings helper: Support admins only ----
        .children(admin.then(settings_helper_entry).into_iter().collect())
        .child(el("p").attr("class", "sr-only").text(Msg::AppTitle.text(locale)))
}

/// The ticket's requester can change while it is open: Support says so with
/// `ticket.requester.id.changed` (another person) or `ticket.requester.email.changed` (the same person's
/// address edited), possibly both for one change. On a new ticket that is how the requester arrives.
fn follow_requester(session: &Session, requester: State<Requester>, created: State<Option<Created>>, new_ticket: bool) {
    // Reads of the ticket may answer out of order after quick edits: only the newest one counts.
    let reads = Newest::new();
    for event in ["ticket.requester.id.changed", "ticket.requester.email.changed"] {
        let zaf = session.zaf.clone();
        let subscription = session.zaf.on(event, move |_| {
            let zaf = zaf.clone();
            let turn = reads.take();
            spawn_local(async move {
                let ticket = if new_ticket { zaf.new_ticket().await } else { zaf.ticket().await };
                if !turn.is_current() {
                    return;
                }
                if let Ok(ticket) = ticket {
                    // Only a real change looks the requester up: two events for one change cost one lookup.
                    let mut changed = false;
                    requester.maybe_update(|current| {
                        changed = *current != ticket.requester;
                        if changed {
                            *current = ticket.requester;
                        }
                        changed
                    });
                    // The lead just created was the previous requester's, not this one's.
                    if changed {
                        created.set(None);
                    }
                }
            });
        });
        // Kept for the component's lifetime; dropping it unsubscribes.
        if let Ok(sub) = subscription {
            let _ = Stored::new(sub);
        }
    }
}

/// A new ticket's subject, as the agent types it (`ticket.subject.changed`).
fn follow_subject(session: &Session, subject: Subject) {
    let reads = Newest::new();
    let zaf = session.zaf.clone();
    let subscription = session.zaf.on("ticket.subject.changed", move |_| {
        let zaf = zaf.clone();
        let turn = reads.take();
        spawn_local(async move {
            let read = zaf.get(&["ticket.subject"]).await.ok().and_then(|r| r.text("ticket.subject").ok());
            if let Some(text) = read.filter(|_| turn.is_current()) {
                let _ = subject.0.try_set(text);
            }
        });
    });
    if let Ok(sub) = subscription {
        let _ = Stored::new(sub);
    }
}

/// The requester's name and email, as the agent sees them in the ticket.
fn requester_header(requester: State<Requester>) -> El {
    frag().child_with(move || {
        requester.with(|r| Some(tree(&header(r.name.as_deref().unwrap_or_default(), Some(r.email.as_deref().unwrap_or_default())))))
    })
}

/// The sidebar's header: a name, and an email under it where there is one to show (an element tree,
/// not a view type of its own, #16). Long values are cut by CSS; `title` holds them whole.
fn header(name: &str, email: Option<&str>) -> Node {
    let line = |tag, class, text: &str| {
        let line = ui_tree::el(tag, class).attr("dir", "auto");
        if text.is_empty() { line } else { line.attr("title", text).text(text) }
    };
    let mut header = ui_tree::el("header", "requester").child(line("h1", "requester__name", name));
    if let Some(email) = email {
        header = header.child(line("p", "requester__email", email));
    }
    header.into()
}
