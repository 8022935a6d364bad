//! The dev host's state that the toolbar edits and the tests drive: who the agent is, which Support
//! location shows the app (and its ticket, user or organization), the app's non-secure settings, a
//! changed requester and a typed subject. Kept on the server so a page reload and a test see the same
//! thing.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

use super::fixtures::{
    agent_by_email, organization_by_id, person_by_id, ticket_by_id, TicketId, AGENTS, CONTOSO_GMBH,
    LOCALES,
};
use super::location::Location;

/// The app's non-secure settings, as an admin fills them on the installation page
/// (docs/CONTRACTS.md, "App settings").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AppSettings {
    pub all_agents_access: bool,
    /// *Sell users only*: Sell user ids or emails of users with Full data access in Sell.
    pub full_access_users: String,
    pub lead_status: String,
    pub lead_source: String,
    pub lead_owners: String,
    pub agents_assign_owner: bool,
    pub account_owner: String,
    pub lead_fields: String,
    pub contact_fields: String,
    pub deal_fields: String,
}

impl Default for AppSettings {
    fn default() -> Self {
        AppSettings {
            all_agents_access: false,
            full_access_users: String::new(),
            lead_status: "New".to_owned(),
            lead_source: "Zendesk Support".to_owned(),
            lead_owners: String::new(),
            agents_assign_owner: false,
            account_owner: String::new(),
            lead_fields: String::new(),
            contact_fields: String::new(),
            deal_fields: String::new(),
        }
    }
}

/// The requester as the agent changed it on the open ticket: the same person's email edited (the page
/// fires `ticket.requester.email.changed`), or another person put in (with `id`; the page fires
/// `ticket.requester.id.changed`). On a new ticket it is the requester the agent set, else none.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequesterOverride {
    pub email: String,
    #[serde(default)]
    pub name: Option<String>,
    /// Another person's Support user id; `None`: the ticket's own requester.
    #[serde(default)]
    pub id: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HostConfig {
    /// The signed-in agent's email (one of `fixtures::AGENTS`).
    pub agent: String,
    /// Where Support shows the app.
    pub location: Location,
    /// The open ticket of `ticket_sidebar`.
    pub ticket: TicketId,
    /// The Support user of `user_sidebar` (one of `fixtures::people()`).
    pub user: u64,
    /// The Support organization of `organization_sidebar` (one of `fixtures::ORGANIZATIONS`).
    pub organization: u64,
    /// What the agent typed as the subject in `new_ticket_sidebar`.
    pub new_ticket_subject: String,
    /// `None`: the agent's own locale.
    pub locale: Option<String>,
    pub settings: AppSettings,
    pub requester_override: Option<RequesterOverride>,
}

/// Carl Contact: a user sidebar shows him until another user is picked.
const CARL_SUPPORT_ID: u64 = 5102;

impl Default for HostConfig {
    fn default() -> Self {
        HostConfig {
            agent: "ada@acme.test".to_owned(),
            location: Location::TicketSidebar,
            ticket: TicketId(102),
            user: CARL_SUPPORT_ID,
            organization: CONTOSO_GMBH.id,
            new_ticket_subject: String::new(),
            locale: None,
            settings: AppSettings::default(),
            requester_override: None,
        }
    }
}

/// A `POST /_host/config` body: every field is optional and only what is present changes.
/// `settings` merges key by key; `locale` and `requester_override` are cleared by `null`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigPatch {
    pub agent: Option<String>,
    pub location: Option<Location>,
    pub ticket: Option<u64>,
    pub user: Option<u64>,
    pub organization: Option<u64>,
    pub new_ticket_subject: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub locale: Option<Option<String>>,
    pub settings: Option<Map<String, Value>>,
    #[serde(default, deserialize_with = "present")]
    pub requester_override: Option<Option<RequesterOverride>>,
}

/// Tells a field given as `null` (`Some(None)`) from an absent one (`None`).
fn present<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

#[derive(Debug, PartialEq)]
pub enum ConfigError {
    UnknownAgent(String),
    UnknownTicket(u64),
    UnknownUser(u64),
    UnknownOrganization(u64),
    UnknownLocale(String),
    /// A requester or subject change where no ticket is on screen (or a subject on an existing one).
    NotInLocation {
        field: &'static str,
        location: Location,
    },
    BadSettings(String),
    EmptyRequesterEmail,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConfigError::UnknownAgent(email) => {
                let known: Vec<&str> = AGENTS.iter().map(|agent| agent.email).collect();
                write!(f, "no agent {email:?}: use one of {}", known.join(", "))
            }
            ConfigError::UnknownTicket(id) => {
                write!(f, "no ticket {id}: the seed has tickets 101 to 108")
            }
            ConfigError::UnknownUser(id) => {
                write!(f, "no Support user {id}: the seed has users 5101 to 5109")
            }
            ConfigError::UnknownOrganization(id) => {
                write!(
                    f,
                    "no Support organization {id}: the seed has 7102, 7106, 7201 and 7202"
                )
            }
            ConfigError::NotInLocation { field, location } => {
                let needs = if *field == "new_ticket_subject" {
                    "new_ticket_sidebar"
                } else {
                    "ticket_sidebar or new_ticket_sidebar"
                };
                write!(
                    f,
                    "{field} needs the location {needs}, the location is {}",
                    location.as_str()
                )
            }
            ConfigError::UnknownLocale(locale) => {
                write!(
                    f,
                    "locale {locale:?} is not offered: use {} or null for the agent's own",
                    LOCALES.join(", ")
                )
            }
            ConfigError::BadSettings(why) => write!(f, "settings rejected: {why}"),
            ConfigError::EmptyRequesterEmail => {
                write!(f, "requester_override.email is empty: give an address, or null to restore the requester")
            }
        }
    }
}

impl std::error::Error for ConfigError {}

impl HostConfig {
    /// The config after `patch`, or why the patch is refused (then nothing changes).
    /// Going to another location or opening another ticket drops the edited requester and the typed
    /// subject, as they belonged to the ticket left; a requester or subject in the same patch applies
    /// to the new one.
    pub fn patched(&self, patch: ConfigPatch) -> Result<HostConfig, ConfigError> {
        let mut next = self.clone();
        if let Some(email) = patch.agent {
            let agent = agent_by_email(&email).ok_or(ConfigError::UnknownAgent(email))?;
            next.agent = agent.email.to_owned();
        }
        if let Some(location) = patch.location {
            if location != self.location {
                next.requester_override = None;
                next.new_ticket_subject = String::new();
            }
            next.location = location;
        }
        if let Some(id) = patch.ticket {
            let ticket = ticket_by_id(TicketId(id)).ok_or(ConfigError::UnknownTicket(id))?;
            if ticket.id != self.ticket && next.location == Location::TicketSidebar {
                next.requester_override = None;
            }
            next.ticket = ticket.id;
        }
        if let Some(id) = patch.user {
            next.user = person_by_id(id).ok_or(ConfigError::UnknownUser(id))?.id;
        }
        if let Some(id) = patch.organization {
            next.organization = organization_by_id(id)
                .ok_or(ConfigError::UnknownOrganization(id))?
                .id;
        }
        if let Some(subject) = patch.new_ticket_subject {
            if next.location != Location::NewTicketSidebar {
                return Err(ConfigError::NotInLocation {
                    field: "new_ticket_subject",
                    location: next.location,
                });
            }
            next.new_ticket_subject = subject;
        }
        if let Some(locale) = patch.locale {
            if let Some(wanted) = &locale {
                if !LOCALES.contains(&wanted.as_str()) {
                    return Err(ConfigError::UnknownLocale(wanted.clone()));
                }
            }
            next.locale = locale;
        }
        if let Some(changes) = patch.settings {
            next.settings = merged_settings(&self.settings, changes)?;
        }
        if let Some(requester) = patch.requester_override {
            if requester.is_some() && !next.location.has_ticket() {
                return Err(ConfigError::NotInLocation {
                    field: "requester_override",
                    location: next.location,
                });
            }
            if requester
                .as_ref()
                .is_some_and(|r| r.email.trim().is_empty())
            {
                return Err(ConfigError::EmptyRequesterEmail);
            }
            next.requester_override = requester;
        }
        Ok(next)
    }
}

fn merged_settings(
    current: &AppSettings,
    changes: Map<String, Value>,
) -> Result<AppSettings, ConfigError> {
    let mut fields = match serde_json::to_value(current) {
        Ok(Value::Object(fields)) => fields,
        _ => Map::new(),
    };
    fields.extend(changes);
    serde_json::from_value(Value::Object(fields))
        .map_err(|e| ConfigError::BadSettings(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn patch(body: Value) -> ConfigPatch {
        serde_json::from_value(body).expect("test patch is valid JSON for ConfigPatch")
    }

    #[test]
    fn defaults_are_ada_on_ticket_102_in_sell_users_only_mode() {
        let config = HostConfig::default();
        assert_eq!(
            (config.agent.as_str(), config.ticket),
            ("ada@acme.test", TicketId(102))
        );
        assert!(!config.settings.all_agents_access);
        assert_eq!(config.settings.lead_status, "New");
        assert_eq!(config.settings.lead_source, "Zendesk Support");
        assert_eq!(config.locale, None);
    }

    #[test]
    fn a_patch_changes_only_what_it_names() {
        let next = HostConfig::default()
            .patched(patch(json!({"agent": "Nora@acme.test"})))
            .unwrap();
        assert_eq!(next.agent, "nora@acme.test");
        assert_eq!(next.ticket, TicketId(102));
        assert_eq!(next.settings, AppSettings::default());
    }

    #[test]
    fn settings_merge_key_by_key() {
        let next = HostConfig::default()
            .patched(patch(
                json!({"settings": {"all_agents_access": true, "lead_owners": "2, Inbound pool"}}),
            ))
            .unwrap();
        assert!(next.settings.all_agents_access);
        assert_eq!(next.settings.lead_owners, "2, Inbound pool");
        assert_eq!(next.settings.lead_status, "New");
        let with_full_access = next
            .patched(patch(
                json!({"settings": {"full_access_users": "max@acme.test\n4"}}),
            ))
            .unwrap();
        assert_eq!(
            with_full_access.settings.full_access_users,
            "max@acme.test\n4"
        );
        assert!(with_full_access.settings.all_agents_access);
    }

    #[test]
    fn settings_of_the_wrong_type_or_unknown_name_are_refused() {
        let config = HostConfig::default();
        let wrong_type = config.patched(patch(json!({"settings": {"all_agents_access": "yes"}})));
        assert!(matches!(wrong_type, Err(ConfigError::BadSettings(_))));
        let secure = config.patched(patch(json!({"settings": {"sell_api_token": "x"}})));
        assert!(
            matches!(secure, Err(ConfigError::BadSettings(_))),
            "secure settings go to /_host/secure"
        );
    }

    #[test]
    fn unknown_agent_ticket_or_locale_is_refused() {
        let config = HostConfig::default();
        let tom = config.patched(patch(json!({"agent": "tom@acme.test"})));
        assert_eq!(tom, Err(ConfigError::UnknownAgent("tom@acme.test".into())));
        let message = tom.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(
            message.contains("max@acme.test") && message.contains("sofia@acme.test"),
            "{message}"
        );
        assert_eq!(
            config.patched(patch(json!({"ticket": 109}))),
            Err(ConfigError::UnknownTicket(109))
        );
        assert_eq!(
            config.patched(patch(json!({"locale": "fr"}))),
            Err(ConfigError::UnknownLocale("fr".into()))
        );
    }

    #[test]
    fn locale_null_returns_to_the_agents_own() {
        let german = HostConfig::default()
            .patched(patch(json!({"locale": "de"})))
            .unwrap();
        assert_eq!(german.locale.as_deref(), Some("de"));
        let own = german.patched(patch(json!({"locale": null}))).unwrap();
        assert_eq!(own.locale, None);
        let untouched = german.patched(patch(json!({}))).unwrap();
        assert_eq!(untouched.locale.as_deref(), Some("de"));
    }

    #[test]
    fn another_ticket_drops_the_edited_requester_but_the_same_ticket_keeps_it() {
        let edited = HostConfig::default()
            .patched(patch(
                json!({"requester_override": {"email": "new@deals.test"}}),
            ))
            .unwrap();
        let same = edited.patched(patch(json!({"ticket": 102}))).unwrap();
        assert_eq!(
            same.requester_override.map(|r| r.email).as_deref(),
            Some("new@deals.test")
        );
        let other = edited.patched(patch(json!({"ticket": 101}))).unwrap();
        assert_eq!(other.requester_override, None);
    }

    #[test]
    fn the_location_defaults_to_the_ticket_sidebar_with_carl_and_contoso_ready() {
        let config = HostConfig::default();
        assert_eq!(config.location, Location::TicketSidebar);
        assert_eq!((config.user, config.organization), (5102, 7102));
        assert_eq!(config.new_ticket_subject, "");
        let json = serde_json::to_value(&config).unwrap_or_default();
        assert_eq!(json["location"], json!("ticket_sidebar"));
    }

    #[test]
    fn a_location_user_and_organization_are_picked_among_the_seed() {
        let config = HostConfig::default();
        let user = config
            .patched(patch(json!({"location": "user_sidebar", "user": 5109})))
            .unwrap();
        assert_eq!((user.location, user.user), (Location::UserSidebar, 5109));
        assert_eq!(
            config.patched(patch(json!({"user": 9001}))),
            Err(ConfigError::UnknownUser(9001)),
            "agents are no user sidebar's user"
        );
        let org = config
            .patched(patch(
                json!({"location": "organization_sidebar", "organization": 7201}),
            ))
            .unwrap();
        assert_eq!(
            (org.location, org.organization),
            (Location::OrganizationSidebar, 7201)
        );
        assert_eq!(
            config.patched(patch(json!({"organization": 7999}))),
            Err(ConfigError::UnknownOrganization(7999))
        );
        let unknown: Result<ConfigPatch, _> =
            serde_json::from_value(json!({"location": "nav_bar"}));
        assert!(unknown.is_err());
    }

    #[test]
    fn leaving_a_location_drops_its_requester_and_subject_but_a_patch_may_set_new_ones() {
        let edited = HostConfig::default()
            .patched(patch(
                json!({"requester_override": {"email": "new@deals.test"}}),
            ))
            .unwrap();
        let new_ticket = edited
            .patched(patch(json!({"location": "new_ticket_sidebar"})))
            .unwrap();
        assert_eq!(new_ticket.requester_override, None);
        let typed = new_ticket
            .patched(patch(json!({"new_ticket_subject": "Quote please",
                                   "requester_override": {"email": "lea@lead-only.test", "id": 5101}})))
            .unwrap();
        assert_eq!(typed.new_ticket_subject, "Quote please");
        assert_eq!(
            typed.requester_override.as_ref().and_then(|r| r.id),
            Some(5101)
        );
        let same = typed
            .patched(patch(
                json!({"location": "new_ticket_sidebar", "ticket": 101}),
            ))
            .unwrap();
        assert_eq!(
            same,
            HostConfig {
                ticket: TicketId(101),
                ..typed.clone()
            }
        );
        let back = typed
            .patched(patch(json!({"location": "ticket_sidebar"})))
            .unwrap();
        assert_eq!(
            (back.requester_override, back.new_ticket_subject.as_str()),
            (None, "")
        );
        let at_once = HostConfig::default()
            .patched(patch(json!({"location": "new_ticket_sidebar",
                                   "requester_override": {"email": "bea@both.test", "id": 5103}})))
            .unwrap();
        assert_eq!(at_once.requester_override.and_then(|r| r.id), Some(5103));
    }

    #[test]
    fn requester_and_subject_changes_need_a_location_with_a_ticket() {
        let user = HostConfig::default()
            .patched(patch(json!({"location": "user_sidebar"})))
            .unwrap();
        assert_eq!(
            user.patched(patch(json!({"requester_override": {"email": "a@b.test"}}))),
            Err(ConfigError::NotInLocation {
                field: "requester_override",
                location: Location::UserSidebar
            })
        );
        assert!(
            user.patched(patch(json!({"requester_override": null})))
                .is_ok(),
            "clearing is harmless anywhere"
        );
        let on_ticket = HostConfig::default().patched(patch(json!({"new_ticket_subject": "x"})));
        let message = on_ticket
            .as_ref()
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(message.contains("new_ticket_sidebar"), "{message}");
        assert!(
            on_ticket.is_err(),
            "an existing ticket's subject is not edited here"
        );
    }

    #[test]
    fn an_empty_requester_email_is_refused_and_null_restores() {
        let config = HostConfig::default();
        assert_eq!(
            config.patched(patch(json!({"requester_override": {"email": " "}}))),
            Err(ConfigError::EmptyRequesterEmail)
        );
        let edited = config
            .patched(patch(json!({"requester_override": {"email": "a@b.test"}})))
            .unwrap();
        assert_eq!(
            edited
                .patched(patch(json!({"requester_override": null})))
                .unwrap()
                .requester_override,
            None
        );
    }
}
