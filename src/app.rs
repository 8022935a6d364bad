//! The app's root: ZAF → session → the sidebar's panels. Components render what `sidebar_core` decided.

use leptos::prelude::*;
use leptos::task::spawn_local;
use sidebar_core::i18n::ui::Msg;
use sidebar_core::settings::ProblemScope;
use sidebar_core::ui_tree::{el, Node};
use sidebar_core::zaf_values::{Organization, Requester};

use crate::components::admin_helper::SettingsHelperEntry;
use crate::components::callout::{Callout, Tone};
use crate::components::create_lead::CreateLeadPanel;
use crate::components::lookup_view::LookupPanel;
use crate::components::organization_view::OrganizationPanel;
use crate::components::not_in_zendesk::NotInZendesk;
use crate::components::settings_notice::SettingsNotice;
use crate::components::skeleton::Skeleton;
use crate::dom::Built;
use crate::lead_flow::Created;
use crate::newest::Newest;
use crate::session::Session;
use crate::sell_data::SellData;
use crate::zaf::{Place, ZafClient, ZafError};

/// The root. `zaf` is `Err` outside Zendesk (or when the SDK did not load).
#[component]
pub fn App(zaf: Result<ZafClient, ZafError>) -> impl IntoView {
    let zaf = match zaf {
        Ok(zaf) => zaf,
        Err(_) => return view! { <NotInZendesk /> }.into_any(),
    };
    crate::resize::follow_content_height(zaf.clone());
    // Booting by hand rather than through a resource and `<Suspense>`: the app has no other async
    // resource, and that machinery alone weighed 15.3 KB gzip of the bundle (#16).
    let boot: RwSignal<Option<Result<Session, ZafError>>, LocalStorage> = RwSignal::new_local(None);
    let zaf = StoredValue::new_local(zaf);
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
    view! {
        <main class="sidebar">
            {move || match boot.get() {
                None => view! { <Skeleton /> }.into_any(),
                Some(Ok(session)) => view! { <Sidebar session /> }.into_any(),
                Some(Err(e)) => {
                    // No agent locale without a session: the browser's language decides.
                    let locale = crate::components::not_in_zendesk::browser_locale();
                    view! {
                        <Callout tone=Tone::Error title=Msg::ZafFailedTitle.text(locale) body=e.text(locale)>
                            <button class="c-btn" on:click=move |_| start()>{Msg::Retry.text(locale)}</button>
                        </Callout>
                    }
                    .into_any()
                }
            }}
        </main>
    }
    .into_any()
}

/// Which panel the sidebar shows.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    Lookup,
    CreateLead,
}

/// The ticket's (or new ticket's) subject as it is now: the create-lead form's description names it.
#[derive(Clone, Copy)]
pub struct Subject(pub RwSignal<Option<String>>);

#[component]
fn Sidebar(session: Session) -> impl IntoView {
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
    let requester = RwSignal::new(session.customer().unwrap_or_default());
    let subject = Subject(RwSignal::new(session.subject()));
    // A lead created from the form is shown at once, without asking Sell again.
    let created = RwSignal::new(None);
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
    provide_context(StoredValue::new_local(session));
    provide_context(StoredValue::new_local(data));
    let panel = RwSignal::new(Panel::Lookup);
    // Made once for the sidebar's lifetime, not per panel: a lead whose creation the agent left by
    // closing the form still arrives, and shows.
    let close_form = Callback::new(move |_| panel.set(Panel::Lookup));
    let lead_created = Callback::new(move |lead| {
        created.set(Some(lead));
        panel.set(Panel::Lookup);
    });

    let header = match organization.clone() {
        Some(organization) => view! { <OrganizationHeader organization /> }.into_any(),
        None => view! { <Header requester /> }.into_any(),
    };
    if problems.blocks(ProblemScope::WholeApp) {
        return view! {
            {header}
            <SettingsNotice parsed=problems admin locale scope=ProblemScope::WholeApp />
        }
        .into_any();
    }
    let other_emails = StoredValue::new(other_emails);
    let body = move || match (organization.clone(), panel.get()) {
        (Some(organization), _) => view! { <OrganizationPanel organization /> }.into_any(),
        (None, Panel::Lookup) => view! { <LookupPanel requester panel created other_emails=other_emails.get_value() /> }.into_any(),
        (None, Panel::CreateLead) => view! {
            <CreateLeadPanel requester on_close=close_form on_created=lead_created />
        }
        .into_any(),
    };
    view! {
        {header}
        {(admin && (!problems.problems.is_empty() || !field_problems))
            .then(|| view! { <SettingsNotice parsed=problems.clone() admin locale scope=ProblemScope::FieldDisplay /> })}
        {body}
        // ---- Settings helper: Support admins only ----
        {admin.then(|| view! { <SettingsHelperEntry /> })}
        <p class="sr-only">{Msg::AppTitle.text(locale)}</p>
    }
    .into_any()
}

/// The ticket's requester can change while it is open: Support says so with
/// `ticket.requester.id.changed` (another person) or `ticket.requester.email.changed` (the same person's
/// address edited), possibly both for one change. On a new ticket that is how the requester arrives.
fn follow_requester(session: &Session, requester: RwSignal<Requester>, created: RwSignal<Option<Created>>, new_ticket: bool) {
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
            let _ = StoredValue::new_local(sub);
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
        let _ = StoredValue::new_local(sub);
    }
}

/// The Support organization's name, as the agent sees it on its page.
#[component]
fn OrganizationHeader(organization: Organization) -> impl IntoView {
    Built::new(&header(organization.name.as_deref().unwrap_or_default(), None))
}

/// The requester's name and email, as the agent sees them in the ticket.
#[component]
fn Header(requester: RwSignal<Requester>) -> impl IntoView {
    move || requester.with(|r| Built::new(&header(r.name.as_deref().unwrap_or_default(), Some(r.email.as_deref().unwrap_or_default()))))
}

/// The sidebar's header: a name, and an email under it where there is one to show (an element tree,
/// not a view type of its own, #16). Long values are cut by CSS; `title` holds them whole.
fn header(name: &str, email: Option<&str>) -> Node {
    let line = |tag, class, text: &str| {
        let line = el(tag, class).attr("dir", "auto");
        if text.is_empty() { line } else { line.attr("title", text).text(text) }
    };
    let mut header = el("header", "requester").child(line("h1", "requester__name", name));
    if let Some(email) = email {
        header = header.child(line("p", "requester__email", email));
    }
    header.into()
}
