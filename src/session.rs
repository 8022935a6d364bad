//! What the sidebar knows once it has booted: who the agent is, which ticket, which settings. Provided
//! to every component through context. Talking to Sell is `SellData`'s.

use leptos::prelude::*;
use sidebar_core::i18n::Locale;
use sidebar_core::policy::fields::{parse_field_list, Entity, FieldProblem, FieldSpec};
use sidebar_core::settings::{parse_settings, ParsedSettings, RawFieldConfig};
use sidebar_core::zaf_values::{Context, CurrentUser, Metadata};

use crate::zaf::{TicketInfo, ZafClient, ZafError};

#[derive(Clone)]
pub struct Session {
    pub zaf: ZafClient,
    pub locale: Locale,
    pub agent: CurrentUser,
    pub ticket: TicketInfo,
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
    /// Reads everything from the host in parallel (one round trip each).
    pub async fn boot(zaf: ZafClient) -> Result<Session, ZafError> {
        let (ticket, agent, metadata, context) =
            futures::join!(zaf.ticket(), zaf.current_user(), zaf.metadata(), zaf.context());
        let (ticket, agent, metadata, context) = (ticket?, agent?, metadata?, context?);
        let settings = parse_settings(&metadata.settings);
        let fields = CardFields::parse(&settings.settings.field_config);
        Ok(Session {
            fields,
            locale: Locale::from_tag(&agent.locale),
            zaf,
            agent,
            ticket,
            metadata,
            context,
            settings,
        })
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
    expect_context::<StoredValue<Session, LocalStorage>>().get_value()
}
