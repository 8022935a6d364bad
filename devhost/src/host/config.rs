//! The dev host's state that the toolbar edits and the tests drive: who the agent is, which ticket is
//! open, the app's non-secure settings and a changed requester email. Kept on the server so a page
//! reload and a test see the same thing.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

use super::fixtures::{agent_by_email, ticket_by_id, TicketId, AGENTS, LOCALES};

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
/// `ticket.requester.id.changed`).
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
    pub ticket: TicketId,
    /// `None`: the agent's own locale.
    pub locale: Option<String>,
    pub settings: AppSettings,
    pub requester_override: Option<RequesterOverride>,
}

impl Default for HostConfig {
    fn default() -> Self {
        HostConfig {
            agent: "ada@acme.test".to_owned(),
            ticket: TicketId(102),
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
    pub ticket: Option<u64>,
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
    UnknownLocale(String),
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
    /// Opening another ticket drops the edited requester, as it belonged to the old ticket.
    pub fn patched(&self, patch: ConfigPatch) -> Result<HostConfig, ConfigError> {
        let mut next = self.clone();
        if let Some(email) = patch.agent {
            let agent = agent_by_email(&email).ok_or(ConfigError::UnknownAgent(email))?;
            next.agent = agent.email.to_owned();
        }
        if let Some(id) = patch.ticket {
            let ticket = ticket_by_id(TicketId(id)).ok_or(ConfigError::UnknownTicket(id))?;
            if ticket.id != self.ticket {
                next.requester_override = None;
            }
            next.ticket = ticket.id;
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
