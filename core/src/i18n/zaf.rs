//! Texts for a Zendesk Apps framework failure at start-up: the agent's language for the sentence, the
//! host's own words (a path, its message) kept verbatim after it, since that is what support asks for.

use super::Locale;

/// Why the app could not talk to Zendesk, as the boot-failure callout tells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ZafProblem<'a> {
    NotInZendesk,
    SdkMissing,
    /// The SDK threw or rejected; the host's message.
    NoAnswer(&'a str),
    /// The host refused a path; the path and its message.
    Refused {
        path: &'a str,
        message: &'a str,
    },
    /// The host answered a path in a shape the app can't read.
    Unreadable {
        path: &'a str,
        detail: &'a str,
    },
    /// The app was opened in a location it doesn't declare.
    Location(&'a str),
}

pub fn zaf_problem_text(problem: &ZafProblem<'_>, locale: Locale) -> String {
    match (problem, locale) {
        (ZafProblem::NotInZendesk, Locale::En) => "This page is not running inside Zendesk.".into(),
        (ZafProblem::NotInZendesk, Locale::De) => "Diese Seite läuft nicht in Zendesk.".into(),
        (ZafProblem::SdkMissing, Locale::En) => {
            "The Zendesk Apps SDK did not load. Reload the page; if it happens again, ask your Zendesk admin.".into()
        }
        (ZafProblem::SdkMissing, Locale::De) => {
            "Das Zendesk-Apps-SDK wurde nicht geladen. Laden Sie die Seite neu; passiert es wieder, wenden Sie sich an Ihren Zendesk-Administrator.".into()
        }
        (ZafProblem::NoAnswer(message), Locale::En) => format!("Zendesk did not answer. Try again. ({message})"),
        (ZafProblem::NoAnswer(message), Locale::De) => {
            format!("Zendesk hat nicht geantwortet. Versuchen Sie es erneut. ({message})")
        }
        (ZafProblem::Refused { path, message }, Locale::En) => {
            format!("Zendesk did not give the app \"{path}\". Try again. ({message})")
        }
        (ZafProblem::Refused { path, message }, Locale::De) => {
            format!("Zendesk hat der App „{path}“ nicht gegeben. Versuchen Sie es erneut. ({message})")
        }
        (ZafProblem::Unreadable { path, detail }, Locale::En) => {
            format!("Zendesk gave \"{path}\" in a form the app can't read. ({detail})")
        }
        (ZafProblem::Unreadable { path, detail }, Locale::De) => {
            format!("Zendesk hat „{path}“ in einer Form geliefert, die die App nicht lesen kann. ({detail})")
        }
        (ZafProblem::Location(name), Locale::En) => {
            format!("This app runs in the ticket, new ticket, user and organization sidebars, not in \"{name}\".")
        }
        (ZafProblem::Location(name), Locale::De) => {
            format!("Diese App läuft in den Seitenleisten von Tickets, neuen Tickets, Benutzern und Organisationen, nicht in „{name}“.")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_problem() -> Vec<ZafProblem<'static>> {
        vec![
            ZafProblem::NotInZendesk,
            ZafProblem::SdkMissing,
            ZafProblem::NoAnswer("timeout"),
            ZafProblem::Refused {
                path: "ticket.requester",
                message: "no permission",
            },
            ZafProblem::Unreadable {
                path: "currentUser",
                detail: "email is a number",
            },
            ZafProblem::Location("nav_bar"),
        ]
    }

    #[test]
    fn each_problem_reads_differently_in_english_and_german() {
        for problem in every_problem() {
            let (en, de) = (
                zaf_problem_text(&problem, Locale::En),
                zaf_problem_text(&problem, Locale::De),
            );
            assert_ne!(en, de, "{problem:?}");
        }
    }

    #[test]
    fn the_hosts_own_words_are_kept_in_every_language() {
        for locale in Locale::ALL {
            let text = zaf_problem_text(
                &ZafProblem::Refused {
                    path: "ticket.requester",
                    message: "no permission",
                },
                locale,
            );
            assert!(
                text.contains("ticket.requester") && text.contains("no permission"),
                "{text}"
            );
            assert!(zaf_problem_text(&ZafProblem::NoAnswer("timeout"), locale).contains("timeout"));
        }
    }
}
