//! The create-lead panel: prepares what the form needs (access, owners, status), then shows the form,
//! or the reason it can't be shown. The form itself is in `form`, its owner field in
//! `owner_combobox`, and sending it in `submit`.

mod form;
mod owner_combobox;
mod submit;

use leptos::prelude::*;
use sidebar_core::i18n::settings::{setting_problem_admin, setup_agent_notice};
use sidebar_core::i18n::ui::Msg;
use sidebar_core::lead_form::Phase;
use sidebar_core::policy::access::Access;
use sidebar_core::settings::ProblemScope;
use sidebar_core::zaf_values::Requester;

use super::callout::{Callout, Tone};
use super::skeleton::Skeleton;
use crate::lead_flow::{prepare, Created, FormSetup, SetupError};
use crate::loader::{Load, Loader};
use crate::sell_data::use_sell_data;
use crate::session::use_session;
use form::LeadForm;

#[component]
pub fn CreateLeadPanel(
    requester: RwSignal<Requester>,
    on_close: Callback<()>,
    on_created: Callback<Created>,
) -> impl IntoView {
    let session = use_session();
    let locale = session.locale;
    let data = use_sell_data();
    let setup = Loader::<FormSetup, SetupError>::new();
    // The form's submission phase: while Sell checks or creates, the panel stays (Back is disabled).
    let phase = RwSignal::new(Phase::Editing);
    let load = move || {
        let (data, session) = (data.clone(), use_session());
        setup.load(false, async move { prepare(&data, &session).await });
    };
    let settings_blocked = session.settings.blocks(ProblemScope::LeadForm);
    if !settings_blocked {
        load();
    }
    let admin = session.agent.is_admin();
    let problems: Vec<String> = session
        .settings
        .problems_in(ProblemScope::LeadForm)
        .map(|p| setting_problem_admin(p, locale))
        .collect();

    let body = move || {
        if settings_blocked {
            return settings_view(admin, problems.clone(), locale).into_any();
        }
        match setup.state.get() {
            Load::Idle | Load::Loading => view! { <Skeleton cards=1 /> }.into_any(),
            Load::Ready(setup) => view! { <LeadForm setup requester on_close on_created phase /> }.into_any(),
            Load::Failed(SetupError::NoAccess(Access::LookupFailed(error)) | SetupError::Sell(error)) => {
                let retry = load.clone();
                view! {
                    <Callout tone=Tone::Error title=Msg::FormLoadFailedTitle.text(locale) body=error.message(locale)>
                        {error.is_retryable().then(|| {
                            let retry = retry.clone();
                            view! { <button type="button" class="c-btn" on:click=move |_| retry()>{Msg::Retry.text(locale)}</button> }
                        })}
                    </Callout>
                }
                .into_any()
            }
            Load::Failed(SetupError::NoAccess(access)) => no_access_view(access, locale).into_any(),
        }
    };

    view! {
        <section
            class="create-lead"
            aria-labelledby="create-lead-title"
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                // The form handles Escape itself (it may hold unsaved typing); elsewhere it closes.
                if ev.key() == "Escape" && !matches!(setup.state.get_untracked(), Load::Ready(_)) {
                    on_close.run(());
                }
            }
        >
            <header class="create-lead__header">
                <h2 id="create-lead-title" class="section-title">{Msg::CreateLeadTitle.text(locale)}</h2>
                <button
                    type="button"
                    class="c-btn c-btn--basic c-btn--sm"
                    disabled=move || phase.get().busy()
                    on:click=move |_| on_close.run(())
                >
                    {Msg::Back.text(locale)}
                </button>
            </header>
            {body}
        </section>
    }
}

fn settings_view(admin: bool, problems: Vec<String>, locale: sidebar_core::i18n::Locale) -> impl IntoView {
    if !admin {
        return view! { <Callout tone=Tone::Warning title=Msg::FormCannotCreateTitle.text(locale) body=setup_agent_notice(locale) /> }
            .into_any();
    }
    view! {
        <Callout tone=Tone::Warning title=Msg::FormCannotCreateTitle.text(locale)>
            <ul class="problems">{problems.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
        </Callout>
    }
    .into_any()
}

fn no_access_view(access: Access, locale: sidebar_core::i18n::Locale) -> impl IntoView {
    let (title, body) = match access {
        Access::InactiveSellUser => (Msg::InactiveSellUserTitle, Msg::InactiveSellUserBody),
        _ => (Msg::NoSellAccessTitle, Msg::NoSellAccessBody),
    };
    view! { <Callout tone=Tone::Warning title=title.text(locale) body=body.text(locale) /> }
}
