//! What the settings check tells admins about visibility: how far the installation's token reaches,
//! and `full_access_users` entries that name nobody. English and German.

use super::Locale;
use crate::policy::token_check::TokenReach;
use crate::sell::directory::{OwnerProblem, UserSummary};
use crate::settings::OwnerRef;

fn person(user: &UserSummary) -> String {
    format!("{} (#{})", user.name, user.id)
}

/// One sentence (or two) on the token: fine, or what is missing and how to fix it.
pub fn token_reach(reach: &TokenReach, locale: Locale) -> String {
    match (reach, locale) {
        (TokenReach::TopMostManager(u), Locale::En) => {
            format!("The token belongs to {}, the top-most manager: the sidebar can show every record.", person(u))
        }
        (TokenReach::TopMostManager(u), Locale::De) => format!(
            "Das Token gehört {}, der obersten Führungskraft: Die Seitenleiste kann jeden Datensatz zeigen.",
            person(u)
        ),
        (TokenReach::FullAccess(u), Locale::En) => format!(
            "The token belongs to {}, listed in full_access_users: the sidebar can show every record.",
            person(u)
        ),
        (TokenReach::FullAccess(u), Locale::De) => format!(
            "Das Token gehört {}, eingetragen bei full_access_users: Die Seitenleiste kann jeden Datensatz zeigen.",
            person(u)
        ),
        (TokenReach::Branch { token_user, top }, Locale::En) => {
            let who = top.as_ref().map(|t| format!(" ({})", person(t))).unwrap_or_default();
            format!(
                "The token belongs to {}, who is not the top-most manager. Records outside their branch of Sell's hierarchy are invisible to every agent in Sell users only mode and missing in All agents mode. Sign in to Sell as the top-most manager{who}, create a personal access token and paste it into sell_api_token.",
                person(token_user)
            )
        }
        (TokenReach::Branch { token_user, top }, Locale::De) => {
            let who = top.as_ref().map(|t| format!(" ({})", person(t))).unwrap_or_default();
            format!(
                "Das Token gehört {}, nicht der obersten Führungskraft. Datensätze außerhalb dieses Zweigs der Sell-Hierarchie sind im Modus „Nur Sell-Benutzer“ für alle Agenten unsichtbar und fehlen im Modus „Alle Agenten“. Melden Sie sich in Sell als oberste Führungskraft{who} an, legen Sie ein persönliches Zugriffstoken an und tragen Sie es bei sell_api_token ein.",
                person(token_user)
            )
        }
    }
}

/// A `full_access_users` entry that gives nobody full access.
pub fn full_access_problem(entry: &OwnerRef, problem: &OwnerProblem, locale: Locale) -> String {
    match (problem, locale) {
        (OwnerProblem::Unknown, Locale::En) => {
            format!("full_access_users: \"{entry}\" is no Sell user. Copy the id or email from the list below.")
        }
        (OwnerProblem::Unknown, Locale::De) => format!(
            "full_access_users: „{entry}“ ist kein Sell-Benutzer. Kopieren Sie ID oder E-Mail-Adresse aus der Liste unten."
        ),
        (OwnerProblem::Inactive(u), Locale::En) => {
            format!("full_access_users: \"{entry}\" is {}, who is inactive in Sell and sees nothing here.", person(u))
        }
        (OwnerProblem::Inactive(u), Locale::De) => format!(
            "full_access_users: „{entry}“ ist {}, in Sell inaktiv, und sieht hier nichts.",
            person(u)
        ),
        (OwnerProblem::Ambiguous(users), Locale::En) => format!(
            "full_access_users: \"{entry}\" fits {} users. Use an id or email instead.",
            users.len()
        ),
        (OwnerProblem::Ambiguous(users), Locale::De) => format!(
            "full_access_users: „{entry}“ passt auf {} Benutzer. Verwenden Sie stattdessen eine ID oder E-Mail-Adresse.",
            users.len()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sell::model::UserId;

    fn summary(id: u64, name: &str) -> UserSummary {
        UserSummary { id: UserId(id), name: name.into() }
    }

    #[test]
    fn a_branch_token_names_its_user_the_fix_and_the_setting_in_both_languages() {
        let reach = TokenReach::Branch { token_user: summary(2, "Max North"), top: Some(summary(1, "Ada Owner")) };
        for locale in Locale::ALL {
            let text = token_reach(&reach, locale);
            assert!(text.contains("Max North (#2)") && text.contains("Ada Owner (#1)"), "{text}");
            assert!(text.contains("sell_api_token"), "{text}");
        }
        assert_ne!(token_reach(&reach, Locale::En), token_reach(&reach, Locale::De));
    }

    #[test]
    fn every_full_access_problem_quotes_the_entry() {
        let problems = [
            OwnerProblem::Unknown,
            OwnerProblem::Inactive(summary(6, "Ivan")),
            OwnerProblem::Ambiguous(vec![summary(2, "A"), summary(3, "A")]),
        ];
        for problem in &problems {
            for locale in Locale::ALL {
                let text = full_access_problem(&OwnerRef::Email("x@y.test".into()), problem, locale);
                assert!(text.starts_with("full_access_users") && text.contains("x@y.test"), "{text}");
            }
        }
    }
}
