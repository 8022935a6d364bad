//! Texts for settings and owner problems. Admins get the parameter's name and the fix; agents get a
//! short notice that sends them to their admin, since they can't change settings.

use super::Locale;
use crate::policy::owner::OwnerSetupProblem;
use crate::sell::directory::{OwnerProblem, TopManagerProblem, UserSummary};
use crate::settings::{EntryProblem, JsonKind, Parameter, ProblemKind, SettingProblem};

/// What an agent sees while a settings problem stops the app or the form.
pub fn setup_agent_notice(locale: Locale) -> &'static str {
    match locale {
        // The callout's title already says Sell isn't set up: the text only says what to do.
        Locale::En => "Ask your Zendesk admin to finish the app's settings.",
        Locale::De => "Bitten Sie Ihren Zendesk-Administrator, die Einstellungen der App abzuschließen.",
    }
}

/// What an agent sees on the create-lead form while the owner can't be decided.
pub fn owner_setup_agent_notice(locale: Locale) -> &'static str {
    match locale {
        Locale::En => "Leads can't be created yet: the lead owner isn't set up. Ask your Zendesk admin.",
        Locale::De => {
            "Leads können noch nicht angelegt werden: Der Lead-Inhaber ist nicht eingerichtet. Wenden Sie sich an Ihren Zendesk-Administrator."
        }
    }
}

/// The agent's notice for one owner problem.
pub fn owner_problem_agent(problem: &OwnerSetupProblem, locale: Locale) -> &'static str {
    match (problem, locale) {
        (OwnerSetupProblem::AgentNotASellUser, Locale::En) => "You need an active Sell user to create leads.",
        (OwnerSetupProblem::AgentNotASellUser, Locale::De) => {
            "Zum Anlegen von Leads brauchen Sie einen aktiven Sell-Benutzer."
        }
        _ => owner_setup_agent_notice(locale),
    }
}

/// The admin's message for one bad setting: names the parameter and says what to enter.
pub fn setting_problem_admin(problem: &SettingProblem, locale: Locale) -> String {
    let p = problem.parameter.name();
    match (&problem.kind, locale) {
        (ProblemKind::NotACheckbox { got }, Locale::En) => {
            format!("{p} holds \"{got}\", which is not a checkbox value. Tick or untick {p} in the app settings and save.")
        }
        (ProblemKind::NotACheckbox { got }, Locale::De) => format!(
            "{p} enthält „{got}“, das ist kein Kontrollkästchen-Wert. Setzen oder entfernen Sie den Haken bei {p} in den App-Einstellungen und speichern Sie."
        ),
        (ProblemKind::NotText { got }, Locale::En) => {
            format!("{p} must be text, but holds {}. Enter it again as text in the app settings.", json_kind(*got, locale))
        }
        (ProblemKind::NotText { got }, Locale::De) => format!(
            "{p} muss Text sein, enthält aber {}. Geben Sie den Wert in den App-Einstellungen erneut als Text ein.",
            json_kind(*got, locale)
        ),
        (ProblemKind::Missing, Locale::En) => match problem.parameter {
            Parameter::LeadStatus => "Set lead_status to the name of a lead status, e.g. New.".to_string(),
            _ => format!("Set {p} in the app settings."),
        },
        (ProblemKind::Missing, Locale::De) => match problem.parameter {
            Parameter::LeadStatus => "Tragen Sie bei lead_status den Namen eines Lead-Status ein, z. B. New.".to_string(),
            _ => format!("Tragen Sie {p} in den App-Einstellungen ein."),
        },
        (ProblemKind::TooLong { max_chars }, Locale::En) => {
            format!("{p} is longer than {max_chars} characters. Enter the name exactly as Sell shows it.")
        }
        (ProblemKind::TooLong { max_chars }, Locale::De) => {
            format!("{p} ist länger als {max_chars} Zeichen. Geben Sie den Namen genau so ein, wie Sell ihn zeigt.")
        }
        (ProblemKind::ControlCharacters, Locale::En) => format!("{p} must be a single name on one line. Remove the line breaks."),
        (ProblemKind::ControlCharacters, Locale::De) => {
            format!("{p} muss ein einzelner Name in einer Zeile sein. Entfernen Sie die Zeilenumbrüche.")
        }
        (ProblemKind::BadEntry { entry, reason }, _) => bad_entry(p, entry, *reason, locale),
        (ProblemKind::SeveralAccountOwners, Locale::En) => {
            format!("{p} lists several people. Enter the Sell user id or email of just one: the account's top-most manager.")
        }
        (ProblemKind::SeveralAccountOwners, Locale::De) => format!(
            "{p} nennt mehrere Personen. Geben Sie die Sell-Benutzer-ID oder E-Mail-Adresse nur einer Person ein: der obersten Führungskraft des Kontos."
        ),
    }
}

fn json_kind(kind: JsonKind, locale: Locale) -> &'static str {
    match (kind, locale) {
        (JsonKind::Bool, Locale::En) => "true/false",
        (JsonKind::Array, Locale::En) => "a list",
        (JsonKind::Object, Locale::En) => "an object",
        (JsonKind::Bool, Locale::De) => "true/false",
        (JsonKind::Array, Locale::De) => "eine Liste",
        (JsonKind::Object, Locale::De) => "ein Objekt",
    }
}

fn bad_entry(p: &str, entry: &str, reason: EntryProblem, locale: Locale) -> String {
    match (reason, locale) {
        (EntryProblem::ZeroId, Locale::En) => {
            format!("{p}: \"{entry}\" is not a Sell user id (ids start at 1). Use an id, email or pool name as Sell shows it.")
        }
        (EntryProblem::ZeroId, Locale::De) => format!(
            "{p}: „{entry}“ ist keine Sell-Benutzer-ID (IDs beginnen bei 1). Verwenden Sie eine ID, E-Mail-Adresse oder einen Pool-Namen wie in Sell."
        ),
        (EntryProblem::IdTooLarge, Locale::En) => {
            format!("{p}: \"{entry}\" is too large to be a Sell user id. Copy the id from Sell again.")
        }
        (EntryProblem::IdTooLarge, Locale::De) => {
            format!("{p}: „{entry}“ ist zu groß für eine Sell-Benutzer-ID. Kopieren Sie die ID erneut aus Sell.")
        }
        (EntryProblem::MalformedEmail, Locale::En) => {
            format!("{p}: \"{entry}\" is not a complete email address. Write it as name@example.com.")
        }
        (EntryProblem::MalformedEmail, Locale::De) => {
            format!("{p}: „{entry}“ ist keine vollständige E-Mail-Adresse. Schreiben Sie sie als name@example.com.")
        }
        (EntryProblem::NotAName, Locale::En) => format!(
            "{p}: \"{entry}\" is neither a Sell user id, an email nor a name. Replace it with one of those, or remove it."
        ),
        (EntryProblem::NotAName, Locale::De) => format!(
            "{p}: „{entry}“ ist weder eine Sell-Benutzer-ID noch eine E-Mail-Adresse noch ein Name. Ersetzen oder entfernen Sie den Eintrag."
        ),
        (EntryProblem::NameNotAllowed, Locale::En) => format!(
            "{p}: \"{entry}\" is a name. Enter the Sell user id or email of the account's top-most manager instead."
        ),
        (EntryProblem::NameNotAllowed, Locale::De) => format!(
            "{p}: „{entry}“ ist ein Name. Geben Sie stattdessen die Sell-Benutzer-ID oder E-Mail-Adresse der obersten Führungskraft ein."
        ),
    }
}

/// The admin's message for an owner problem: names `lead_owners` or `account_owner` and the fix.
pub fn owner_problem_admin(problem: &OwnerSetupProblem, locale: Locale) -> String {
    match (problem, locale) {
        (OwnerSetupProblem::ConfiguredOwners(bad), Locale::En) => {
            let items: Vec<String> = bad.iter().map(|(r, why)| format!("\"{r}\" ({})", owner_problem(why, locale))).collect();
            format!("lead_owners names owners new leads can't go to: {}. Fix or remove them in the app settings.", items.join("; "))
        }
        (OwnerSetupProblem::ConfiguredOwners(bad), Locale::De) => {
            let items: Vec<String> = bad.iter().map(|(r, why)| format!("„{r}“ ({})", owner_problem(why, locale))).collect();
            format!(
                "lead_owners nennt Inhaber, denen neue Leads nicht zugewiesen werden können: {}. Korrigieren oder entfernen Sie sie in den App-Einstellungen.",
                items.join("; ")
            )
        }
        (OwnerSetupProblem::TopManager(top), _) => top_manager_problem(top, locale),
        (OwnerSetupProblem::AgentNotASellUser, Locale::En) => "With \"Sell users only\" access and no lead_owners, a new lead goes to the agent who creates it, but this agent has no active Sell user. Set lead_owners, or give the agent an active Sell user.".to_string(),
        (OwnerSetupProblem::AgentNotASellUser, Locale::De) => "Bei Zugriff „nur Sell-Benutzer“ und leerem lead_owners gehört ein neuer Lead dem Agenten, der ihn anlegt, doch dieser Agent hat keinen aktiven Sell-Benutzer. Tragen Sie lead_owners ein oder geben Sie dem Agenten einen aktiven Sell-Benutzer.".to_string(),
        (OwnerSetupProblem::NobodyToChoose, Locale::En) => "agents_assign_owner is on, but Sell lists no active user or distribution pool to choose from. Activate a user in Sell, or untick agents_assign_owner and set lead_owners.".to_string(),
        (OwnerSetupProblem::NobodyToChoose, Locale::De) => "agents_assign_owner ist aktiviert, aber Sell führt keinen aktiven Benutzer und keinen Verteilungspool zur Auswahl. Aktivieren Sie einen Benutzer in Sell oder deaktivieren Sie agents_assign_owner und tragen Sie lead_owners ein.".to_string(),
    }
}

fn owner_problem(problem: &OwnerProblem, locale: Locale) -> String {
    match (problem, locale) {
        (OwnerProblem::Unknown, Locale::En) => "no such Sell user or distribution pool".to_string(),
        (OwnerProblem::Unknown, Locale::De) => "kein solcher Sell-Benutzer oder Verteilungspool".to_string(),
        (OwnerProblem::Inactive(user), Locale::En) => format!("{} is deactivated in Sell", person(user)),
        (OwnerProblem::Inactive(user), Locale::De) => format!("{} ist in Sell deaktiviert", person(user)),
        (OwnerProblem::Ambiguous(users), Locale::En) => format!("fits {}; use the id instead", people(users)),
        (OwnerProblem::Ambiguous(users), Locale::De) => format!("passt auf {}; verwenden Sie die ID", people(users)),
    }
}

fn top_manager_problem(problem: &TopManagerProblem, locale: Locale) -> String {
    match (problem, locale) {
        (TopManagerProblem::NoActivePeople, Locale::En) => "New leads go to the account's top-most manager, but Sell lists no active user. Activate a user in Sell, or set lead_owners to a distribution pool.".to_string(),
        (TopManagerProblem::NoActivePeople, Locale::De) => "Neue Leads gehen an die oberste Führungskraft des Kontos, aber Sell führt keinen aktiven Benutzer. Aktivieren Sie einen Benutzer in Sell oder tragen Sie bei lead_owners einen Verteilungspool ein.".to_string(),
        (TopManagerProblem::Ambiguous { candidates }, Locale::En) => format!(
            "New leads go to the account's top-most manager, but Sell's user hierarchy doesn't single one out (candidates: {}). Set account_owner to that person's Sell user id or email, or set lead_owners.",
            people(candidates)
        ),
        (TopManagerProblem::Ambiguous { candidates }, Locale::De) => format!(
            "Neue Leads gehen an die oberste Führungskraft des Kontos, aber die Benutzerhierarchie in Sell ist nicht eindeutig (infrage kommen: {}). Tragen Sie bei account_owner die Sell-Benutzer-ID oder E-Mail-Adresse dieser Person ein oder setzen Sie lead_owners.",
            people(candidates)
        ),
        (TopManagerProblem::AccountOwner { reference, problem }, Locale::En) => format!(
            "account_owner \"{reference}\": {}. Set it to the Sell user id or email of an active person.",
            owner_problem(problem, locale)
        ),
        (TopManagerProblem::AccountOwner { reference, problem }, Locale::De) => format!(
            "account_owner „{reference}“: {}. Tragen Sie die Sell-Benutzer-ID oder E-Mail-Adresse einer aktiven Person ein.",
            owner_problem(problem, locale)
        ),
        (TopManagerProblem::AccountOwnerIsPool { pool }, Locale::En) => format!(
            "account_owner names the distribution pool {}, which can't be the top-most manager. Set it to a person, or put the pool in lead_owners.",
            person(pool)
        ),
        (TopManagerProblem::AccountOwnerIsPool { pool }, Locale::De) => format!(
            "account_owner nennt den Verteilungspool {}, der keine oberste Führungskraft sein kann. Tragen Sie eine Person ein oder setzen Sie den Pool bei lead_owners ein.",
            person(pool)
        ),
    }
}

fn person(user: &UserSummary) -> String {
    if user.name.trim().is_empty() {
        format!("#{}", user.id)
    } else {
        format!("{} (#{})", user.name.trim(), user.id)
    }
}

fn people(users: &[UserSummary]) -> String {
    users.iter().map(person).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sell::model::UserId;
    use crate::settings::OwnerRef;

    fn summary(id: u64, name: &str) -> UserSummary {
        UserSummary {
            id: UserId(id),
            name: name.into(),
        }
    }

    fn every_setting_problem() -> Vec<SettingProblem> {
        use ProblemKind::*;
        let reasons = [
            EntryProblem::ZeroId,
            EntryProblem::IdTooLarge,
            EntryProblem::MalformedEmail,
            EntryProblem::NotAName,
            EntryProblem::NameNotAllowed,
        ];
        let mut kinds = vec![
            NotACheckbox {
                got: "yes please".into(),
            },
            NotText { got: JsonKind::Bool },
            NotText { got: JsonKind::Array },
            NotText { got: JsonKind::Object },
            Missing,
            TooLong { max_chars: 255 },
            ControlCharacters,
            SeveralAccountOwners,
        ];
        kinds.extend(reasons.map(|reason| BadEntry {
            entry: "0".into(),
            reason,
        }));
        Parameter::ALL
            .iter()
            .flat_map(|p| kinds.iter().map(move |k| SettingProblem::new(*p, k.clone())))
            .collect()
    }

    #[test]
    fn every_setting_message_names_its_parameter_in_both_languages() {
        for problem in every_setting_problem() {
            let en = setting_problem_admin(&problem, Locale::En);
            let de = setting_problem_admin(&problem, Locale::De);
            assert!(en.contains(problem.parameter.name()), "{en}");
            assert!(de.contains(problem.parameter.name()), "{de}");
            assert_ne!(en, de);
        }
    }

    #[test]
    fn the_lead_status_message_says_what_to_enter() {
        let problem = SettingProblem::new(Parameter::LeadStatus, ProblemKind::Missing);
        assert_eq!(
            setting_problem_admin(&problem, Locale::En),
            "Set lead_status to the name of a lead status, e.g. New."
        );
    }

    #[test]
    fn a_bad_checkbox_is_quoted_back() {
        let problem = SettingProblem::new(
            Parameter::AllAgentsAccess,
            ProblemKind::NotACheckbox {
                got: "yes please".into(),
            },
        );
        let en = setting_problem_admin(&problem, Locale::En);
        assert!(
            en.contains("\"yes please\"") && en.contains("all_agents_access"),
            "{en}"
        );
    }

    fn every_owner_problem() -> Vec<(OwnerSetupProblem, &'static str)> {
        vec![
            (
                OwnerSetupProblem::ConfiguredOwners(vec![
                    (OwnerRef::Id(UserId(99)), OwnerProblem::Unknown),
                    (
                        OwnerRef::Email("ivan@acme.test".into()),
                        OwnerProblem::Inactive(summary(6, "Ivan Inactive")),
                    ),
                    (
                        OwnerRef::Name("Max North".into()),
                        OwnerProblem::Ambiguous(vec![summary(2, "Max North"), summary(9, "Max North")]),
                    ),
                ]),
                "lead_owners",
            ),
            (
                OwnerSetupProblem::TopManager(TopManagerProblem::Ambiguous {
                    candidates: vec![summary(1, "Ada"), summary(2, "Bob")],
                }),
                "account_owner",
            ),
            (
                OwnerSetupProblem::TopManager(TopManagerProblem::NoActivePeople),
                "lead_owners",
            ),
            (
                OwnerSetupProblem::TopManager(TopManagerProblem::AccountOwner {
                    reference: OwnerRef::Id(UserId(77)),
                    problem: OwnerProblem::Unknown,
                }),
                "account_owner",
            ),
            (
                OwnerSetupProblem::TopManager(TopManagerProblem::AccountOwnerIsPool {
                    pool: summary(7, "Inbound pool"),
                }),
                "account_owner",
            ),
            (OwnerSetupProblem::AgentNotASellUser, "lead_owners"),
            (OwnerSetupProblem::NobodyToChoose, "agents_assign_owner"),
        ]
    }

    #[test]
    fn every_owner_message_names_the_setting_to_fix_in_both_languages() {
        for (problem, parameter) in every_owner_problem() {
            for locale in Locale::ALL {
                let admin = owner_problem_admin(&problem, locale);
                assert!(admin.contains(parameter), "{admin}");
                assert!(!owner_problem_agent(&problem, locale).is_empty());
            }
            assert_ne!(
                owner_problem_admin(&problem, Locale::En),
                owner_problem_admin(&problem, Locale::De)
            );
        }
    }

    #[test]
    fn owner_messages_name_the_users_involved() {
        let (problem, _) = &every_owner_problem()[0];
        let en = owner_problem_admin(problem, Locale::En);
        for part in [
            "\"99\"",
            "no such Sell user",
            "Ivan Inactive (#6) is deactivated",
            "Max North (#2), Max North (#9)",
        ] {
            assert!(en.contains(part), "{part} missing from {en}");
        }
        let (ambiguous, _) = &every_owner_problem()[1];
        assert!(owner_problem_admin(ambiguous, Locale::En).contains("Ada (#1), Bob (#2)"));
    }

    #[test]
    fn agents_get_a_short_notice_not_the_admin_text() {
        assert_eq!(
            setup_agent_notice(Locale::En),
            "Ask your Zendesk admin to finish the app's settings."
        );
        for locale in Locale::ALL {
            for (problem, parameter) in every_owner_problem() {
                assert!(!owner_problem_agent(&problem, locale).contains(parameter));
            }
        }
    }
}
