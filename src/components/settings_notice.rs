//! Bad settings, explained: admins see every problem with the parameter to fix; agents a short notice.

use leptos::prelude::*;
use sidebar_core::i18n::settings::{setting_problem_admin, setup_agent_notice};
use sidebar_core::i18n::ui::Msg;
use sidebar_core::i18n::Locale;
use sidebar_core::settings::{ParsedSettings, ProblemScope};

use super::callout::{Callout, Tone};
use crate::session::use_session;

/// `scope` picks which problems to show: `WholeApp` ones stop the sidebar; the others are warnings.
#[component]
pub fn SettingsNotice(parsed: ParsedSettings, admin: bool, locale: Locale, scope: ProblemScope) -> impl IntoView {
    let blocking = scope == ProblemScope::WholeApp;
    let mut messages: Vec<String> = parsed
        .problems
        .iter()
        .filter(|p| !blocking || p.scope() == ProblemScope::WholeApp)
        .map(|p| setting_problem_admin(p, locale))
        .collect();
    if !blocking {
        // Field lists are parsed by the card policy; their problems join the admin's list.
        messages.extend(use_session().fields.problems.iter().map(|p| p.message(locale)));
    }
    if messages.is_empty() {
        return ().into_any();
    }
    let tone = if blocking { Tone::Error } else { Tone::Warning };
    if !admin {
        return view! { <Callout tone title=Msg::NotConfiguredTitle.text(locale) body=setup_agent_notice(locale) /> }.into_any();
    }
    view! {
        <Callout tone title=Msg::NotConfiguredTitle.text(locale)>
            <ul class="problems">
                {messages.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
            </ul>
        </Callout>
    }
    .into_any()
}
