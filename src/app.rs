//! The app's root: ZAF → session → the sidebar's panels. Components render what `sidebar_core` decided.

use leptos::prelude::*;
use leptos::task::spawn_local;
use sidebar_core::i18n::ui::Msg;
use sidebar_core::settings::ProblemScope;
use sidebar_core::zaf_values::Requester;

use crate::components::admin_helper::SettingsHelperEntry;
use crate::components::callout::{Callout, Tone};
use crate::components::create_lead::CreateLeadPanel;
use crate::components::lookup_view::LookupPanel;
use crate::components::not_in_zendesk::NotInZendesk;
use crate::components::settings_notice::SettingsNotice;
use crate::components::skeleton::Skeleton;
use crate::lead_flow::Created;
use crate::newest::Newest;
use crate::session::Session;
use crate::sell_data::SellData;
use crate::zaf::{ZafClient, ZafError};

/// The root. `zaf` is `Err` outside Zendesk (or when the SDK did not load).
#[component]
pub fn App(zaf: Result<ZafClient, ZafError>) -> impl IntoView {
    let zaf = match zaf {
        Ok(zaf) => zaf,
        Err(_) => return view! { <NotInZendesk /> }.into_any(),
    };
    crate::resize::follow_content_height(zaf.clone());
    let boot = LocalResource::new(move || Session::boot(zaf.clone()));
    view! {
        <main class="sidebar">
            <Suspense fallback=|| view! { <Skeleton /> }>
                {move || Suspend::new(async move {
                    match boot.await {
                        Ok(session) => view! { <Sidebar session /> }.into_any(),
                        Err(e) => {
                            // No agent locale without a session: the browser's language decides.
                            let locale = crate::components::not_in_zendesk::browser_locale();
                            view! {
                                <Callout tone=Tone::Error title=Msg::ZafFailedTitle.text(locale) body=e.text(locale)>
                                    <button class="c-btn" on:click=move |_| boot.refetch()>{Msg::Retry.text(locale)}</button>
                                </Callout>
                            }
                            .into_any()
                        }
                    }
                })}
            </Suspense>
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

#[component]
fn Sidebar(session: Session) -> impl IntoView {
    let locale = session.locale;
    let admin = session.agent.is_admin();
    let problems = session.settings.clone();
    let field_problems = session.fields.problems.is_empty();
    let requester = RwSignal::new(session.ticket.requester.clone());
    // A lead created from the form is shown at once, without asking Sell again.
    let created = RwSignal::new(None);
    follow_requester(&session, requester, created);
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

    if problems.blocks(ProblemScope::WholeApp) {
        return view! {
            <Header requester />
            <SettingsNotice parsed=problems admin locale scope=ProblemScope::WholeApp />
        }
        .into_any();
    }
    view! {
        <Header requester />
        {(admin && (!problems.problems.is_empty() || !field_problems))
            .then(|| view! { <SettingsNotice parsed=problems.clone() admin locale scope=ProblemScope::FieldDisplay /> })}
        {move || match panel.get() {
            Panel::Lookup => view! { <LookupPanel requester panel created /> }.into_any(),
            Panel::CreateLead => view! {
                <CreateLeadPanel requester on_close=close_form on_created=lead_created />
            }
            .into_any(),
        }}
        // ---- Settings helper: Support admins only ----
        {admin.then(|| view! { <SettingsHelperEntry /> })}
        <p class="sr-only">{Msg::AppTitle.text(locale)}</p>
    }
    .into_any()
}

/// The ticket's requester can change while it is open: Support says so with
/// `ticket.requester.id.changed` (another person) or `ticket.requester.email.changed` (the same person's
/// address edited), possibly both for one change.
fn follow_requester(session: &Session, requester: RwSignal<Requester>, created: RwSignal<Option<Created>>) {
    // Reads of the ticket may answer out of order after quick edits: only the newest one counts.
    let reads = Newest::new();
    for event in ["ticket.requester.id.changed", "ticket.requester.email.changed"] {
        let zaf = session.zaf.clone();
        let subscription = session.zaf.on(event, move |_| {
            let zaf = zaf.clone();
            let turn = reads.take();
            spawn_local(async move {
                let ticket = zaf.ticket().await;
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

/// The requester's name and email, as the agent sees them in the ticket.
#[component]
fn Header(requester: RwSignal<Requester>) -> impl IntoView {
    view! {
        <header class="requester">
            {move || {
                let r = requester.get();
                view! {
                    <h1 class="requester__name" dir="auto" title=r.name.clone()>{r.name.clone().unwrap_or_default()}</h1>
                    <p class="requester__email" dir="auto" title=r.email.clone()>{r.email.clone().unwrap_or_default()}</p>
                }
            }}
        </header>
    }
}
