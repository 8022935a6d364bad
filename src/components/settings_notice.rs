//! Bad settings, explained: admins see every problem with the parameter to fix; agents a short notice.

use sidebar_core::i18n::settings::{setting_problem_admin, setup_agent_notice};
use sidebar_core::i18n::ui::Msg;
use sidebar_core::i18n::Locale;
use sidebar_core::settings::{ParsedSettings, ProblemScope};

use super::callout::{callout, Tone};
use crate::el::{el, El};
use crate::session::use_session;

/// `scope` picks which problems to show: `WholeApp` ones stop the sidebar; the others are warnings.
/// `None` when there is nothing to say.
pub fn settings_notice(parsed: &ParsedSettings, admin: bool, locale: Locale, scope: ProblemScope) -> Option<El> {
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
        return None;
    }
    let tone = if blocking { Tone::Error } else { Tone::Warning };
    let title = Msg::NotConfiguredTitle.text(locale);
    if !admin {
        return Some(callout(tone, title, setup_agent_notice(locale), Vec::new()));
    }
    let list = el("ul").attr("class", "problems").children(messages.iter().map(|m| el("li").text(m)).collect());
    Some(callout(tone, title, "", vec![list]))
}
