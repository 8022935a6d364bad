//! What the sidebar knows once it has booted: who the agent is, which ticket, which settings. Provided
//! to every component through context. Talking to Sell is `SellData`'s.

use crate::state::Stored;
use leptos::prelude::*;
use sidebar_core::i18n::Locale;
use sidebar_core::location::Location;
use sidebar_core::policy::fields::{parse_field_list, Entity, FieldProblem, FieldSpec};
use sidebar_core::settings::{parse_settings, ParsedSettings, RawFieldConfig};
use sidebar_core::zaf_values::{Context, CurrentUser, Metadata, Requester};

use crate::zaf::{Place, ZafClient, ZafError};

#[derive(Clone)]
pub struct Session {
    pub zaf: ZafClient,
    pub locale: Locale,
    pub agent: CurrentUser,
    /// What the open page is about (a ticket, a new ticket, a user, an organization).
    pub place: Place,
    pub metadata: Metadata,
    pub context: Context,
    pub settings: ParsedSettings,
    /// Which fields each card shows (parsed once from the field settings).
    pub fields: CardFields,
}

#[derive(Clone, Default)]
pub struct CardFields {
    pub lead: Vec<FieldSpec>,
    pub contact: Vec<FieldSpec>,
    pub deal: Vec<FieldSpec>,
    /// Unknown field names and the like, reported to admins.
    pub problems: Vec<FieldProblem>,
}

impl CardFields {
    fn parse(raw: &RawFieldConfig) -> Self {
        let mut problems = Vec::new();
        let mut one = |entity: Entity, text: &Option<String>| {
            let (specs, mut found) = parse_field_list(entity, text.as_deref().unwrap_or(""));
            problems.append(&mut found);
            specs
        };
        let lead = one(Entity::Lead, &raw.lead);
        let contact = one(Entity::Contact, &raw.contact);
        let deal = one(Entity::Deal, &raw.deal);
        Self { lead, contact, deal, problems }
    }
}

impl Session {
    /// Reads everything from the host: who, which settings and where in parallel, then what this
    /// location's page is about.
    pub async fn boot(zaf: ZafClient) -> Result<Session, ZafError> {
        let (agent, metadata, context) = futures::join!(zaf.current_user(), zaf.metadata(), zaf.context());
        let (agent, metadata, context) = (agent?, metadata?, context?);
        let location = Location::from_context(context.location.as_deref())
            .ok_or_else(|| ZafError::Location(context.location.clone().unwrap_or_default()))?;
        let place = zaf.place(location).await?;
        let settings = parse_settings(&metadata.settings);
        let fields = CardFields::parse(&settings.settings.field_config);
        Ok(Session {
            fields,
            locale: Locale::from_tag(&agent.locale),
            zaf,
            agent,
            place,
            metadata,
            context,
            settings,
        })
    }

    /// The person the sidebar is about when it opens: the ticket's requester (empty on a new ticket
    /// until the agent sets one), or the user whose profile is open; `None` on an organization.
    pub fn customer(&self) -> Option<Requester> {
        match &self.place {
            Place::Ticket(ticket) | Place::NewTicket(ticket) => Some(ticket.requester.clone()),
            Place::User(user) => Some(user.as_requester()),
            Place::Organization(_) => None,
        }
    }

    pub fn ticket_id(&self) -> Option<u64> {
        match &self.place {
            Place::Ticket(ticket) => ticket.id,
            _ => None,
        }
    }

    /// The subject the page started with (a new ticket's subject follows `ticket.subject.changed`).
    pub fn subject(&self) -> Option<String> {
        match &self.place {
            Place::Ticket(ticket) | Place::NewTicket(ticket) => ticket.subject.clone(),
            _ => None,
        }
    }

    /// The Support organization of the ticket or the user, for the create-lead form.
    pub fn organization_name(&self) -> Option<String> {
        match &self.place {
            Place::Ticket(ticket) | Place::NewTicket(ticket) => ticket.organization.as_ref().and_then(|o| o.name.clone()),
            Place::User(user) => user.organization.as_ref().and_then(|o| o.name.clone()),
            Place::Organization(_) => None,
        }
    }

    /// Where the agent's picks among several matches are remembered: per ticket, user or organization.
    pub fn pick_scope(&self) -> String {
        let id = |prefix: &str, id: Option<u64>| [prefix, &id.unwrap_or_default().to_string()].concat();
        match &self.place {
            Place::Ticket(ticket) => id("", ticket.id),
            Place::NewTicket(_) => "new-ticket".into(),
            Place::User(user) => id("user:", user.id),
            Place::Organization(org) => id("org:", org.id),
        }
    }

    /// The Sell web app's address of a record (Sell lives on the account's Zendesk subdomain).
    pub fn sell_url(&self, kind: &str, id: u64) -> String {
        match &self.context.subdomain {
            Some(sub) => format!("https://{sub}.zendesk.com/sales/{kind}/{id}"),
            None => format!("https://app.futuresimple.com/sales/{kind}/{id}"),
        }
    }
}

/// The booted session, shared by every component.
pub fn use_session() -> Session {
    expect_context::<Stored<Session>>().get_value()
}
