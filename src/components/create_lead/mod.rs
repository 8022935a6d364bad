//! The create-lead panel: prepares what the form needs (access, owners, status), then shows the form,
//! or the reason it can't be shown. The form itself is in `form`, its owner field in
//! `owner_combobox`, and sending it in `submit`.

mod form;
mod owner_combobox;
mod submit;

use crate::state::State;
use leptos::prelude::*;
use sidebar_core::i18n::settings::{setting_problem_admin, setup_agent_notice};
use sidebar_core::i18n::ui::Msg;
use sidebar_core::lead_form::Phase;
use sidebar_core::policy::access::Access;
use sidebar_core::settings::ProblemScope;
use sidebar_core::zaf_values::Requester;

use wasm_bindgen::JsCast;

use super::callout::{callout, Tone};
use super::skeleton::skeleton;
use crate::el::{button, el, El};
use crate::lead_flow::{prepare, Created, FormSetup, SetupError};
use crate::loader::{Load, Loader};
use crate::sell_data::use_sell_data;
use crate::session::use_session;
use form::lead_form;

pub fn create_lead_panel(requester: State<Requester>, on_close: Callback<()>, on_created: Callback<Created>) -> El {
    let session = use_session();
    let locale = session.locale;
    let data = use_sell_data();
    let setup = Loader::<FormSetup, SetupError>::new();
    // The form's submission phase: while Sell checks or creates, the panel stays (Back is disabled).
    let phase = State::new(Phase::Editing);
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
            return Some(settings_view(admin, &problems, locale));
        }
        Some(match setup.state.get() {
            Load::Idle | Load::Loading => skeleton(1),
            Load::Ready(setup) => untrack(|| lead_form(setup, requester, on_close, on_created, phase)),
            Load::Failed(SetupError::NoAccess(Access::LookupFailed(error)) | SetupError::Sell(error)) => {
                let retry = load.clone();
                let retry = error
                    .is_retryable()
                    .then(|| button("c-btn", Msg::Retry.text(locale)).on("click", move |_| retry()));
                callout(Tone::Error, Msg::FormLoadFailedTitle.text(locale), &error.message(locale), retry.into_iter().collect())
            }
            Load::Failed(SetupError::NoAccess(access)) => no_access_view(access, locale),
        })
    };
    let back = button("c-btn c-btn--basic c-btn--sm", Msg::Back.text(locale))
        .flag_with("disabled", move || phase.get().busy())
        .on("click", move |_| on_close.run(()));
    el("section")
        .attr("class", "create-lead")
        .attr("aria-labelledby", "create-lead-title")
        .on("keydown", move |ev| {
            // The form handles Escape itself (it may hold unsaved typing); elsewhere it closes.
            let key = ev.unchecked_into::<web_sys::KeyboardEvent>().key();
            if key == "Escape" && !matches!(setup.state.get_untracked(), Load::Ready(_)) {
                on_close.run(());
            }
        })
        .child(
            el("header")
                .attr("class", "create-lead__header")
                .child(el("h2").attr("id", "create-lead-title").attr("class", "section-title").text(Msg::CreateLeadTitle.text(locale)))
                .child(back),
        )
        .child_with(body)
}

fn settings_view(admin: bool, problems: &[String], locale: sidebar_core::i18n::Locale) -> El {
    let title = Msg::FormCannotCreateTitle.text(locale);
    if !admin {
        return callout(Tone::Warning, title, setup_agent_notice(locale), Vec::new());
    }
    let list = el("ul").attr("class", "problems").children(problems.iter().map(|m| el("li").text(m)).collect());
    callout(Tone::Warning, title, "", vec![list])
}

fn no_access_view(access: Access, locale: sidebar_core::i18n::Locale) -> El {
    let (title, body) = match access {
        Access::InactiveSellUser => (Msg::InactiveSellUserTitle, Msg::InactiveSellUserBody),
        _ => (Msg::NoSellAccessTitle, Msg::NoSellAccessBody),
    };
    callout(Tone::Warning, title.text(locale), body.text(locale), Vec::new())
}
