//! What the page tells the app over ZAF for the current config: the `app.registered` metadata and
//! context, and the value of every `client.get` path the host knows. The page only looks paths up in
//! `data`, so what the app sees is decided here, in one place.

use serde::Serialize;
use serde_json::{json, Map, Value};

use super::config::{AppSettings, HostConfig};
use super::fixtures::{agent_by_email, ticket_by_id, Agent, Ticket, AGENTS, TICKETS};

pub const APP_ID: u64 = 360_001;
pub const INSTALLATION_ID: u64 = 4_242;
pub const APP_NAME: &str = "Zendesk Sell";
pub const SUBDOMAIN: &str = "acme";
pub const PLAN_NAME: &str = "Enterprise";

#[derive(Debug, Serialize)]
pub struct ZafPayload {
    pub metadata: Value,
    /// `instanceGuid` is added by the page: it is only known from the app's handshake.
    pub context: Value,
    /// `client.get` answers keyed by path; a path not here is an error for the app.
    pub data: Map<String, Value>,
    /// What the page draws around the app (conversation, requester card).
    pub ticket_view: Value,
}

/// The payload, or `None` if the config names an agent or ticket the seed lacks (config validation
/// prevents that).
pub fn payload_for(config: &HostConfig) -> Option<ZafPayload> {
    let agent = agent_by_email(&config.agent)?;
    let ticket = ticket_by_id(config.ticket)?;
    let requester = requester_json(config, ticket);
    let ticket_json = json!({
        "id": ticket.id.0,
        "subject": ticket.subject,
        "status": ticket.status,
        "requester": requester,
        "organization": organization_json(ticket),
    });
    let mut data = Map::new();
    data.insert("ticket.id".into(), json!(ticket.id.0));
    data.insert("ticket.subject".into(), json!(ticket.subject));
    data.insert("ticket.status".into(), json!(ticket.status));
    data.insert("ticket.requester.id".into(), requester["id"].clone());
    data.insert("ticket.requester.name".into(), requester["name"].clone());
    data.insert("ticket.requester.email".into(), requester["email"].clone());
    data.insert("ticket.requester".into(), requester.clone());
    data.insert("ticket.organization".into(), organization_json(ticket));
    data.insert("ticket".into(), ticket_json);
    data.insert(
        "currentUser".into(),
        current_user_json(agent, config.locale.as_deref()),
    );
    data.insert(
        "currentAccount".into(),
        json!({"subdomain": SUBDOMAIN, "planName": PLAN_NAME}),
    );
    Some(ZafPayload {
        metadata: metadata_json(&config.settings),
        context: json!({
            "product": "support",
            "account": {"subdomain": SUBDOMAIN},
            "location": "ticket_sidebar",
            "ticketId": ticket.id.0,
        }),
        data,
        ticket_view: json!({
            "id": ticket.id.0,
            "subject": ticket.subject,
            "status": ticket.status,
            "requester": requester,
            "organization": organization_json(ticket),
            "comments": ticket.comments.iter().map(|c| json!({
                "author": c.author, "by_requester": c.by_requester, "body": c.body, "when": c.when,
            })).collect::<Vec<_>>(),
        }),
    })
}

/// The installation's metadata. Secure settings are not part of it, as in ZAF; empty text settings
/// arrive as `null`, as for a field the admin never filled in.
pub fn metadata_json(settings: &AppSettings) -> Value {
    let text = |value: &str| {
        if value.is_empty() {
            Value::Null
        } else {
            json!(value)
        }
    };
    json!({
        "appId": APP_ID,
        "installationId": INSTALLATION_ID,
        "name": APP_NAME,
        "version": env!("CARGO_PKG_VERSION"),
        "settings": {
            "title": APP_NAME,
            "all_agents_access": settings.all_agents_access,
            "full_access_users": text(&settings.full_access_users),
            "lead_status": text(&settings.lead_status),
            "lead_source": text(&settings.lead_source),
            "lead_owners": text(&settings.lead_owners),
            "agents_assign_owner": settings.agents_assign_owner,
            "account_owner": text(&settings.account_owner),
            "lead_fields": text(&settings.lead_fields),
            "contact_fields": text(&settings.contact_fields),
            "deal_fields": text(&settings.deal_fields),
        },
    })
}

fn requester_json(config: &HostConfig, ticket: &Ticket) -> Value {
    let edited = config.requester_override.as_ref();
    // Another seeded person put in as the requester brings their own phone and locale.
    let seeded = edited
        .and_then(|r| r.id)
        .and_then(|id| TICKETS.iter().map(|t| &t.requester).find(|p| p.id == id))
        .unwrap_or(&ticket.requester);
    json!({
        "id": seeded.id,
        "name": edited.and_then(|r| r.name.as_deref()).unwrap_or(seeded.name),
        "email": edited.map(|r| r.email.as_str()).unwrap_or(seeded.email),
        "phone": seeded.phone,
        "locale": seeded.locale,
    })
}

fn organization_json(ticket: &Ticket) -> Value {
    match &ticket.organization {
        Some(org) => json!({"id": org.id, "name": org.name}),
        None => Value::Null,
    }
}

fn current_user_json(agent: &Agent, locale_override: Option<&str>) -> Value {
    json!({
        "id": agent.support_id,
        "name": agent.name,
        "email": agent.email,
        "role": agent.role.as_str(),
        "locale": locale_override.unwrap_or(agent.locale),
        "timeZone": {"ianaName": agent.time_zone},
    })
}

/// Agents and tickets for the toolbar's switchers.
pub fn catalog_json() -> Value {
    json!({
        "agents": AGENTS.iter().map(|a| json!({
            "email": a.email, "name": a.name, "role": a.role.as_str(), "locale": a.locale, "sell": a.sell.label(),
        })).collect::<Vec<_>>(),
        "tickets": TICKETS.iter().map(|t| json!({
            "id": t.id.0, "subject": t.subject, "requester": t.requester.name,
        })).collect::<Vec<_>>(),
        "locales": super::fixtures::LOCALES,
        // The people the toolbar can make the requester of the open ticket.
        "requesters": TICKETS.iter().map(|t| json!({
            "id": t.requester.id, "name": t.requester.name, "email": t.requester.email,
        })).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::host::config::{ConfigPatch, RequesterOverride};
    use crate::host::fixtures::TicketId;

    fn config(agent: &str, ticket: u64) -> HostConfig {
        let patch: ConfigPatch =
            serde_json::from_value(json!({"agent": agent, "ticket": ticket})).unwrap();
        HostConfig::default().patched(patch).unwrap()
    }

    #[test]
    fn get_paths_of_ticket_102_describe_carl_and_contoso() {
        let payload = payload_for(&config("ada@acme.test", 102)).unwrap();
        assert_eq!(payload.data["ticket.id"], json!(102));
        assert_eq!(
            payload.data["ticket.requester.email"],
            json!("carl@deals.test")
        );
        assert_eq!(
            payload.data["ticket.requester"]["name"],
            json!("Carl Contact")
        );
        assert_eq!(
            payload.data["ticket.organization"],
            json!({"id": 7102, "name": "Contoso GmbH"})
        );
        assert_eq!(
            payload.data["ticket"]["requester"],
            payload.data["ticket.requester"]
        );
        assert_eq!(payload.context["ticketId"], json!(102));
    }

    #[test]
    fn a_ticket_without_organization_reports_null() {
        let payload = payload_for(&config("ada@acme.test", 101)).unwrap();
        assert_eq!(payload.data["ticket.organization"], Value::Null);
        assert_eq!(payload.data["ticket"]["organization"], Value::Null);
    }

    #[test]
    fn current_user_follows_the_agent_and_the_locale_override() {
        let nora = payload_for(&config("nora@acme.test", 102)).unwrap();
        assert_eq!(nora.data["currentUser"]["role"], json!("agent"));
        assert_eq!(nora.data["currentUser"]["locale"], json!("de"));
        assert_eq!(
            nora.data["currentUser"]["timeZone"]["ianaName"],
            json!("Europe/Berlin")
        );
        let mut english = config("nora@acme.test", 102);
        english.locale = Some("en-US".into());
        assert_eq!(
            payload_for(&english).unwrap().data["currentUser"]["locale"],
            json!("en-US")
        );
        let ada = payload_for(&config("ada@acme.test", 102)).unwrap();
        assert_eq!(ada.data["currentUser"]["role"], json!("admin"));
    }

    #[test]
    fn an_edited_requester_email_shows_in_every_requester_path() {
        let mut edited = config("ada@acme.test", 102);
        edited.requester_override = Some(RequesterOverride {
            email: "carl.new@deals.test".into(),
            name: None,
            id: None,
        });
        let payload = payload_for(&edited).unwrap();
        assert_eq!(
            payload.data["ticket.requester.email"],
            json!("carl.new@deals.test")
        );
        assert_eq!(
            payload.data["ticket.requester"]["email"],
            json!("carl.new@deals.test")
        );
        assert_eq!(
            payload.data["ticket"]["requester"]["email"],
            json!("carl.new@deals.test")
        );
        assert_eq!(payload.data["ticket.requester.name"], json!("Carl Contact"));
    }

    #[test]
    fn another_person_as_requester_brings_their_own_details() {
        let mut replaced = config("ada@acme.test", 102);
        replaced.requester_override = Some(RequesterOverride {
            email: "lea@lead-only.test".into(),
            name: Some("Lea Lead".into()),
            id: Some(5101),
        });
        let payload = payload_for(&replaced).unwrap();
        let requester = &payload.data["ticket.requester"];
        assert_eq!(requester["id"], json!(5101));
        assert_eq!(requester["name"], json!("Lea Lead"));
        assert_eq!(requester["phone"], json!("+1 555 0101"));
        assert_eq!(payload.data["ticket.requester.id"], json!(5101));
        assert_eq!(payload.data["ticket.id"], json!(102), "still Carl's ticket");
        let people = catalog_json()["requesters"].as_array().cloned().unwrap_or_default();
        assert!(people.iter().any(|p| p["id"] == json!(5101) && p["email"] == json!("lea@lead-only.test")));
    }

    #[test]
    fn metadata_carries_non_secure_settings_only_with_empty_text_as_null() {
        let metadata = metadata_json(&AppSettings::default());
        let settings = metadata["settings"].as_object().unwrap();
        assert_eq!(settings["all_agents_access"], json!(false));
        assert_eq!(settings["lead_status"], json!("New"));
        assert_eq!(settings["lead_owners"], Value::Null);
        assert_eq!(settings["full_access_users"], Value::Null);
        assert!(!settings.contains_key("sell_api_token"));
        assert!(!settings.contains_key("sell_user_token"));
        assert_eq!(metadata["name"], json!("Zendesk Sell"));
    }

    #[test]
    fn the_config_never_names_an_unknown_ticket_but_the_payload_guards_anyway() {
        let broken = HostConfig {
            ticket: TicketId(999),
            ..HostConfig::default()
        };
        assert!(payload_for(&broken).is_none());
    }
}
