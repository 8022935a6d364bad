//! Texts of the create-lead form and the settings helper that carry a name or a number. Names from
//! Sell are quoted as they are; the view renders every text as a text node.

use super::Locale;
use crate::lead_form::{SourceConflict, StatusProblem};
use crate::sell::error::SellError;

/// The owner line when the lead goes to a distribution pool, labelled as a pool.
pub fn lead_goes_to_pool(pool: &str, locale: Locale) -> String {
    match locale {
        Locale::En => format!("This lead goes to the distribution pool {pool}, which hands it to its next member."),
        Locale::De => format!("Dieser Lead geht an den Verteilungspool {pool}, der ihn dem nächsten Mitglied zuweist."),
    }
}

/// Under the owner list when more owners match than it shows.
pub fn owner_more_matches(hidden: usize, locale: Locale) -> String {
    match (locale, hidden) {
        (Locale::En, 1) => "1 more, keep typing to narrow the list.".to_string(),
        (Locale::En, n) => format!("{n} more, keep typing to narrow the list."),
        (Locale::De, 1) => "1 weiterer Treffer, tippen Sie weiter, um die Liste einzugrenzen.".to_string(),
        (Locale::De, n) => format!("{n} weitere Treffer, tippen Sie weiter, um die Liste einzugrenzen."),
    }
}

/// The admin's message when `lead_status` names no status Sell has: names the setting and the choices.
pub fn lead_status_problem_admin(problem: &StatusProblem, locale: Locale) -> String {
    match (problem, locale) {
        (StatusProblem::NotSet, Locale::En) => "Set lead_status to the name of a lead status, e.g. New.".to_string(),
        (StatusProblem::NotSet, Locale::De) => {
            "Tragen Sie bei lead_status den Namen eines Lead-Status ein, z. B. New.".to_string()
        }
        (StatusProblem::Unknown { configured, available }, Locale::En) => format!(
            "lead_status is \"{configured}\", but Sell has no lead status with that name. Set lead_status to one of: {}.",
            available.join(", ")
        ),
        (StatusProblem::Unknown { configured, available }, Locale::De) => format!(
            "lead_status ist „{configured}“, aber Sell hat keinen Lead-Status mit diesem Namen. Tragen Sie bei lead_status einen dieser Namen ein: {}.",
            available.join(", ")
        ),
    }
}

/// Creating the configured lead source failed; `error` is why.
pub fn lead_source_not_created(name: &str, error: &SellError, locale: Locale) -> String {
    let why = error.message(locale);
    match locale {
        Locale::En => format!(
            "The lead source \"{name}\" (setting lead_source) couldn't be created in Sell: {why} Try again; if it keeps failing, ask your Zendesk admin."
        ),
        Locale::De => format!(
            "Die Lead-Quelle „{name}“ (Einstellung lead_source) konnte in Sell nicht angelegt werden: {why} Versuchen Sie es erneut; wenn es wieder fehlschlägt, wenden Sie sich an Ihren Zendesk-Administrator."
        ),
    }
}

/// Sell said the source name is taken, yet lists no such source.
pub fn lead_source_conflict(conflict: &SourceConflict, locale: Locale) -> String {
    let SourceConflict::StillMissing { name } = conflict;
    match locale {
        Locale::En => format!(
            "Sell says a lead source named \"{name}\" exists, but doesn't list it. Ask your Zendesk admin to check the setting lead_source."
        ),
        Locale::De => format!(
            "Sell meldet, dass es eine Lead-Quelle „{name}“ gibt, führt sie aber nicht auf. Bitten Sie Ihren Zendesk-Administrator, die Einstellung lead_source zu prüfen."
        ),
    }
}

/// Above the form when the ticket's requester changed while it was open; `None`: Support named nobody.
pub fn requester_changed(filled_for: Option<&str>, now: Option<&str>, locale: Locale) -> String {
    let (filled_for, now) = match locale {
        Locale::En => (filled_for.unwrap_or("the previous requester"), now.unwrap_or("nobody")),
        Locale::De => (filled_for.unwrap_or("den vorherigen Anfragenden"), now.unwrap_or("niemand")),
    };
    match locale {
        Locale::En => format!(
            "The ticket's requester is now {now}. This form still holds what was filled in for {filled_for}; start over to fill it in for {now} instead."
        ),
        Locale::De => format!(
            "Anfragende Person des Tickets ist jetzt {now}. Dieses Formular enthält noch die Angaben für {filled_for}; beginnen Sie neu, um es stattdessen für {now} auszufüllen."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_translated_and_carries_its_argument() {
        let unknown = StatusProblem::Unknown {
            configured: "Hot".into(),
            available: vec!["New".into(), "Working".into()],
        };
        let conflict = SourceConflict::StillMissing {
            name: "Zendesk Support".into(),
        };
        let texts = |locale| {
            vec![
                (lead_goes_to_pool("Inbound pool", locale), "Inbound pool"),
                (owner_more_matches(1950, locale), "1950"),
                (lead_status_problem_admin(&unknown, locale), "New, Working"),
                (
                    lead_source_not_created("Zendesk Support", &SellError::Forbidden, locale),
                    "Zendesk Support",
                ),
                (lead_source_conflict(&conflict, locale), "Zendesk Support"),
                (requester_changed(Some("Lea Lead"), Some("Carl Contact"), locale), "Carl Contact"),
                (requester_changed(Some("Lea Lead"), Some("Carl Contact"), locale), "Lea Lead"),
            ]
        };
        for ((en, arg), (de, _)) in texts(Locale::En).into_iter().zip(texts(Locale::De)) {
            assert_ne!(en, de);
            assert!(en.contains(arg) && de.contains(arg), "{en} / {de} lack {arg}");
        }
    }

    #[test]
    fn admin_texts_name_the_setting_to_fix() {
        for locale in Locale::ALL {
            assert!(lead_status_problem_admin(&StatusProblem::NotSet, locale).contains("lead_status"));
            let unknown = StatusProblem::Unknown {
                configured: "Hot".into(),
                available: vec![],
            };
            let text = lead_status_problem_admin(&unknown, locale);
            assert!(text.contains("lead_status") && text.contains("Hot"), "{text}");
            let conflict = SourceConflict::StillMissing { name: "X".into() };
            assert!(lead_source_conflict(&conflict, locale).contains("lead_source"));
            assert!(lead_source_not_created("X", &SellError::Timeout, locale).contains("lead_source"));
        }
    }

    #[test]
    fn one_more_reads_as_one() {
        assert_eq!(
            owner_more_matches(1, Locale::En),
            "1 more, keep typing to narrow the list."
        );
        assert_eq!(
            owner_more_matches(3, Locale::En),
            "3 more, keep typing to narrow the list."
        );
    }
}
