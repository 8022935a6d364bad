//! What the page tells the app over ZAF for the current config: the `app.registered` metadata and
//! context, and the value of every `client.get` path the host knows in the current location. The page
//! only looks paths up in `data` (and `unavailable`), so what the app sees is decided here, in one
//! place.
//!
//! Per location (docs/CONTRACTS.md, "ZAF per location"): the ticket sidebars offer `ticket.*`, the
//! user sidebar `user.*`, the organization sidebar `organization.*`; every location offers
//! `currentUser` and `currentAccount`.

use serde::Serialize;
use serde_json::{json, Map, Value};

use super::config::{AppSettings, HostConfig};
use super::fixtures::{
    agent_by_email, organization_by_id, people, person_by_id, ticket_by_id, Agent, Organization,
    Person, Ticket, AGENTS, ORGANIZATIONS, TICKETS,
};
use super::location::Location;

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
    /// The objects of other locations (`ticket`, `user`, `organization`) with the error message a
    /// path under them gets here.
    pub unavailable: Map<String, Value>,
    /// What the page draws around the app (the ticket and its conversation, or the user's or
    /// organization's page).
    pub page_view: Value,
}

/// The ticket fields the ticket sidebars answer, before they become `ticket.*` paths.
struct TicketValues {
    id: Value,
    subject: String,
    status: &'static str,
    requester: Value,
    organization: Value,
}

/// The payload, or `None` if the config names an agent, ticket, user or organization the seed lacks
/// (config validation prevents that).
pub fn payload_for(config: &HostConfig) -> Option<ZafPayload> {
    let agent = agent_by_email(&config.agent)?;
    let location = config.location;
    let mut data = Map::new();
    let mut context = json!({
        "product": "support",
        "account": {"subdomain": SUBDOMAIN},
        "location": location.as_str(),
    });
    let page_view = match location {
        Location::TicketSidebar => {
            let ticket = ticket_by_id(config.ticket)?;
            let values = TicketValues {
                id: json!(ticket.id.0),
                subject: ticket.subject.to_owned(),
                status: ticket.status,
                requester: requester_json(config, ticket),
                organization: organization_json(ticket.organization.as_ref()),
            };
            context["ticketId"] = json!(ticket.id.0);
            let view = ticket_page(&values, ticket);
            insert_ticket(&mut data, values);
            view
        }
        Location::NewTicketSidebar => {
            // No id until the ticket is submitted; nothing filled in until the agent types.
            let values = TicketValues {
                id: Value::Null,
                subject: config.new_ticket_subject.clone(),
                status: "new",
                requester: new_ticket_requester_json(config),
                organization: Value::Null,
            };
            let view = new_ticket_page(&values);
            insert_ticket(&mut data, values);
            view
        }
        Location::UserSidebar => {
            let person = person_by_id(config.user)?;
            let user = user_json(person);
            for field in ["id", "name", "email", "identities", "organizations"] {
                data.insert(format!("user.{field}"), user[field].clone());
            }
            data.insert("user".into(), user);
            // [GUESS] the user sidebar's context names the user as the ticket sidebar's names the ticket.
            context["userId"] = json!(person.id);
            user_page(person)
        }
        Location::OrganizationSidebar => {
            let organization = organization_by_id(config.organization)?;
            let value = organization_json(Some(organization));
            data.insert("organization.id".into(), json!(organization.id));
            data.insert("organization.name".into(), json!(organization.name));
            data.insert("organization".into(), value);
            // [GUESS] as for `userId` above.
            context["organizationId"] = json!(organization.id);
            organization_page(organization)
        }
    };
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
        context,
        data,
        unavailable: unavailable_json(location),
        page_view,
    })
}

fn insert_ticket(data: &mut Map<String, Value>, values: TicketValues) {
    let requester = values.requester;
    data.insert("ticket.id".into(), values.id.clone());
    data.insert("ticket.subject".into(), json!(values.subject));
    data.insert("ticket.status".into(), json!(values.status));
    // Indexing `null` gives `null`: a new ticket without requester answers null for each part.
    data.insert("ticket.requester.id".into(), requester["id"].clone());
    data.insert("ticket.requester.name".into(), requester["name"].clone());
    data.insert("ticket.requester.email".into(), requester["email"].clone());
    data.insert("ticket.requester".into(), requester.clone());
    data.insert("ticket.organization".into(), values.organization.clone());
    data.insert(
        "ticket".into(),
        json!({
            "id": values.id,
            "subject": values.subject,
            "status": values.status,
            "requester": requester,
            "organization": values.organization,
        }),
    );
}

/// ZAF refuses a path the location has no handler for; the dev host says which location it is.
fn unavailable_json(location: Location) -> Map<String, Value> {
    location
        .unavailable_objects()
        .into_iter()
        .map(|object| {
            let message = format!("not available in this location ({})", location.as_str());
            (object.to_owned(), json!(message))
        })
        .collect()
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
        .and_then(person_by_id)
        .unwrap_or(&ticket.requester);
    json!({
        "id": seeded.id,
        "name": edited.and_then(|r| r.name.as_deref()).unwrap_or(seeded.name),
        "email": edited.map(|r| r.email.as_str()).unwrap_or(seeded.email),
        "phone": seeded.phone,
        "locale": seeded.locale,
    })
}

/// A new ticket's requester: none until the agent sets one; a seeded person (with `id`), or a typed
/// address Support does not know yet (id, phone and locale `null`).
fn new_ticket_requester_json(config: &HostConfig) -> Value {
    let Some(set) = config.requester_override.as_ref() else {
        return Value::Null;
    };
    let seeded = set.id.and_then(person_by_id);
    json!({
        "id": seeded.map(|p| p.id),
        "name": set.name.as_deref().or(seeded.map(|p| p.name)),
        "email": set.email,
        "phone": seeded.and_then(|p| p.phone),
        "locale": seeded.map(|p| p.locale),
    })
}

fn organization_json(organization: Option<&Organization>) -> Value {
    match organization {
        Some(org) => json!({"id": org.id, "name": org.name}),
        None => Value::Null,
    }
}

/// [GUESS] the ZAF User object, from memory: the primary email first among the identities.
fn user_json(person: &Person) -> Value {
    let primary = std::iter::once((person.email, true));
    let others = person.other_emails.iter().map(|email| (*email, false));
    json!({
        "id": person.id,
        "name": person.name,
        "email": person.email,
        "identities": primary.chain(others).map(|(value, primary)| json!({
            "type": "email", "value": value, "primary": primary,
        })).collect::<Vec<_>>(),
        "organizations": person.organizations.iter().map(|o| organization_json(Some(o))).collect::<Vec<_>>(),
    })
}

fn ticket_page(values: &TicketValues, ticket: &Ticket) -> Value {
    let requester = &values.requester;
    json!({
        "tab": format!("{} #{}", ticket.subject, ticket.id.0),
        "status": ticket.status,
        "title": ticket.subject,
        "meta": format!(
            "#{} · {} · via email · requester {} <{}>",
            ticket.id.0,
            ticket.status,
            requester["name"].as_str().unwrap_or_default(),
            requester["email"].as_str().unwrap_or_default()
        ),
        "person_label": "Requester",
        "person": {"name": requester["name"], "email": requester["email"]},
        "organization": values.organization["name"],
        "comments": ticket.comments.iter().map(|c| json!({
            "author": c.author, "by_requester": c.by_requester, "body": c.body, "when": c.when,
        })).collect::<Vec<_>>(),
    })
}

fn new_ticket_page(values: &TicketValues) -> Value {
    let requester = &values.requester;
    let who = match (requester["name"].as_str(), requester["email"].as_str()) {
        (Some(name), Some(email)) => format!("requester {name} <{email}>"),
        (None, Some(email)) => format!("requester <{email}>"),
        _ => "no requester yet".to_owned(),
    };
    let person = if requester.is_null() {
        Value::Null
    } else {
        json!({"name": requester["name"], "email": requester["email"]})
    };
    json!({
        "tab": "New ticket",
        "status": "new",
        "title": if values.subject.is_empty() { "New ticket" } else { values.subject.as_str() },
        "meta": format!("new ticket · {who}"),
        "person_label": "Requester",
        "person": person,
        "organization": Value::Null,
        "comments": [],
    })
}

fn user_page(person: &Person) -> Value {
    let mut emails = vec![person.email];
    emails.extend(person.other_emails);
    let organizations: Vec<&str> = person.organizations.iter().map(|o| o.name).collect();
    json!({
        "tab": person.name,
        "status": Value::Null,
        "title": person.name,
        "meta": format!("user #{} · {}", person.id, emails.join(", ")),
        "person_label": "User",
        "person": {"name": person.name, "email": person.email},
        "organization": if organizations.is_empty() { Value::Null } else { json!(organizations.join(", ")) },
        "comments": [],
    })
}

fn organization_page(organization: &Organization) -> Value {
    json!({
        "tab": organization.name,
        "status": Value::Null,
        "title": organization.name,
        "meta": format!("organization #{}", organization.id),
        "person_label": "User",
        "person": Value::Null,
        "organization": organization.name,
        "comments": [],
    })
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

/// Agents, locations, tickets, people and organizations for the toolbar's switchers.
pub fn catalog_json() -> Value {
    let people_json = || {
        people()
            .map(|p| json!({"id": p.id, "name": p.name, "email": p.email}))
            .collect::<Vec<_>>()
    };
    json!({
        "agents": AGENTS.iter().map(|a| json!({
            "email": a.email, "name": a.name, "role": a.role.as_str(), "locale": a.locale, "sell": a.sell.label(),
        })).collect::<Vec<_>>(),
        "locations": Location::ALL.iter().map(|l| json!({
            "name": l.as_str(), "label": l.label(),
        })).collect::<Vec<_>>(),
        "tickets": TICKETS.iter().map(|t| json!({
            "id": t.id.0, "subject": t.subject, "requester": t.requester.name,
        })).collect::<Vec<_>>(),
        "locales": super::fixtures::LOCALES,
        // The people the toolbar can make the requester of the open or new ticket.
        "requesters": people_json(),
        // The people a user sidebar can show.
        "users": people_json(),
        "organizations": ORGANIZATIONS.iter().map(|o| organization_json(Some(o))).collect::<Vec<_>>(),
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
        let people = catalog_json()["requesters"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        assert!(people
            .iter()
            .any(|p| p["id"] == json!(5101) && p["email"] == json!("lea@lead-only.test")));
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

    fn at(location: &str, more: Value) -> HostConfig {
        let mut body = json!({"location": location});
        if let (Some(body), Some(more)) = (body.as_object_mut(), more.as_object()) {
            body.extend(more.clone());
        }
        let patch: ConfigPatch = serde_json::from_value(body).unwrap();
        HostConfig::default().patched(patch).unwrap()
    }

    fn unavailable(payload: &ZafPayload) -> Vec<&str> {
        payload.unavailable.keys().map(String::as_str).collect()
    }

    #[test]
    fn the_ticket_sidebar_has_ticket_paths_only_and_the_context_names_the_ticket() {
        let payload = payload_for(&HostConfig::default()).unwrap();
        assert_eq!(
            payload.context,
            json!({"product": "support", "account": {"subdomain": "acme"},
                   "location": "ticket_sidebar", "ticketId": 102})
        );
        assert_eq!(unavailable(&payload), ["organization", "user"]);
        assert_eq!(
            payload.unavailable["user"],
            json!("not available in this location (ticket_sidebar)")
        );
        assert!(!payload.data.contains_key("user"));
        assert_eq!(
            payload.page_view["person"]["email"],
            json!("carl@deals.test")
        );
        assert_eq!(payload.page_view["organization"], json!("Contoso GmbH"));
    }

    #[test]
    fn a_new_ticket_has_no_id_requester_subject_or_organization_until_the_agent_sets_them() {
        let payload = payload_for(&at("new_ticket_sidebar", json!({}))).unwrap();
        assert_eq!(payload.context["location"], json!("new_ticket_sidebar"));
        assert!(payload.context.get("ticketId").is_none());
        for (path, value) in [
            ("ticket.id", Value::Null),
            ("ticket.subject", json!("")),
            ("ticket.status", json!("new")),
            ("ticket.requester", Value::Null),
            ("ticket.requester.id", Value::Null),
            ("ticket.requester.email", Value::Null),
            ("ticket.organization", Value::Null),
        ] {
            assert_eq!(payload.data[path], value, "{path}");
        }
        assert_eq!(payload.data["ticket"]["requester"], Value::Null);
        assert_eq!(unavailable(&payload), ["organization", "user"]);

        let set = at(
            "new_ticket_sidebar",
            json!({"new_ticket_subject": "Quote for 40 seats",
                   "requester_override": {"email": "lea@lead-only.test", "name": "Lea Lead", "id": 5101}}),
        );
        let payload = payload_for(&set).unwrap();
        assert_eq!(payload.data["ticket.subject"], json!("Quote for 40 seats"));
        assert_eq!(payload.data["ticket.requester.id"], json!(5101));
        assert_eq!(
            payload.data["ticket.requester"],
            json!({"id": 5101, "name": "Lea Lead", "email": "lea@lead-only.test",
                   "phone": "+1 555 0101", "locale": "en-US"})
        );
        assert_eq!(payload.data["ticket.id"], Value::Null);
        assert_eq!(payload.page_view["title"], json!("Quote for 40 seats"));

        let typed = at(
            "new_ticket_sidebar",
            json!({"requester_override": {"email": "someone@new.test"}}),
        );
        let payload = payload_for(&typed).unwrap();
        assert_eq!(
            payload.data["ticket.requester"],
            json!({"id": null, "name": null, "email": "someone@new.test", "phone": null, "locale": null})
        );
    }

    #[test]
    fn the_user_sidebar_gives_the_user_with_every_email_identity_and_organization() {
        let olga = payload_for(&at("user_sidebar", json!({"user": 5109}))).unwrap();
        assert_eq!(
            olga.data["user"],
            json!({"id": 5109, "name": "Olga Other", "email": "olga@first.test",
                   "identities": [
                       {"type": "email", "value": "olga@first.test", "primary": true},
                       {"type": "email", "value": "olga@second.test", "primary": false}],
                   "organizations": []})
        );
        assert_eq!(olga.context["userId"], json!(5109));
        assert_eq!(olga.context["location"], json!("user_sidebar"));
        assert!(olga.context.get("ticketId").is_none());
        assert_eq!(olga.data["user.email"], json!("olga@first.test"));
        assert_eq!(unavailable(&olga), ["organization", "ticket"]);
        assert!(!olga.data.keys().any(|path| path.starts_with("ticket")));
        assert_eq!(
            olga.unavailable["ticket"],
            json!("not available in this location (user_sidebar)")
        );

        let carl = payload_for(&at("user_sidebar", json!({}))).unwrap();
        assert_eq!(
            carl.data["user.organizations"],
            json!([{"id": 7102, "name": "Contoso GmbH"}])
        );
        assert_eq!(
            carl.data["user.identities"],
            json!([{"type": "email", "value": "carl@deals.test", "primary": true}])
        );
    }

    #[test]
    fn the_organization_sidebar_gives_id_and_name_only() {
        let twin = payload_for(&at("organization_sidebar", json!({"organization": 7201}))).unwrap();
        assert_eq!(
            twin.data["organization"],
            json!({"id": 7201, "name": "Twin Industries"})
        );
        assert_eq!(twin.data["organization.name"], json!("Twin Industries"));
        assert_eq!(twin.context["organizationId"], json!(7201));
        assert_eq!(unavailable(&twin), ["ticket", "user"]);
        assert!(twin.data.contains_key("currentUser") && twin.data.contains_key("currentAccount"));
        let paths: Vec<&str> = twin.data.keys().map(String::as_str).collect();
        assert_eq!(
            paths,
            [
                "currentAccount",
                "currentUser",
                "organization",
                "organization.id",
                "organization.name"
            ]
        );
    }

    #[test]
    fn the_catalog_offers_the_four_locations_nine_people_and_four_organizations() {
        let catalog = catalog_json();
        let locations: Vec<&str> = catalog["locations"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|l| l["name"].as_str())
            .collect();
        assert_eq!(
            locations,
            [
                "ticket_sidebar",
                "new_ticket_sidebar",
                "user_sidebar",
                "organization_sidebar"
            ]
        );
        assert_eq!(catalog["users"].as_array().map(Vec::len), Some(9));
        assert_eq!(catalog["requesters"], catalog["users"]);
        assert_eq!(catalog["organizations"].as_array().map(Vec::len), Some(4));
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
