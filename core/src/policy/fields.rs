//! Which fields of leads, contacts and deals the sidebar shows, in which order, and how each value is
//! presented. Admins configure the lists (`lead_fields`, `contact_fields`, `deal_fields`); a mistake in a
//! list is reported to admins and never hides the fields that are right.

use crate::text::Lowercased;
use crate::i18n::ui::{self, Msg};
use crate::i18n::Locale;
use crate::sell::model::{
    Address, Contact, ContactId, CustomFields, Deal, Lead, LeadSource, SourceId, Stage, StageId,
    User, UserId,
};
use crate::json::Json;
use std::cmp::Ordering;
use crate::id_map::IdMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entity {
    Lead,
    Contact,
    Deal,
}

impl Entity {
    /// The app setting holding this entity's field list.
    pub fn setting_name(self) -> &'static str {
        match self {
            Entity::Lead => "lead_fields",
            Entity::Contact => "contact_fields",
            Entity::Deal => "deal_fields",
        }
    }
}

/// A Sell field the sidebar knows how to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldKey {
    Name,
    FirstName,
    LastName,
    Organization,
    Title,
    Status,
    Source,
    Owner,
    Email,
    Phone,
    Mobile,
    Website,
    Address,
    Tags,
    Description,
    Value,
    Stage,
    EstimatedCloseDate,
    LastActivity,
    Hot,
    CreatedAt,
    UpdatedAt,
}

impl FieldKey {
    /// The name admins write in the field settings.
    pub fn config_name(self) -> &'static str {
        match self {
            FieldKey::Name => "name",
            FieldKey::FirstName => "first_name",
            FieldKey::LastName => "last_name",
            FieldKey::Organization => "organization",
            FieldKey::Title => "title",
            FieldKey::Status => "status",
            FieldKey::Source => "source",
            FieldKey::Owner => "owner",
            FieldKey::Email => "email",
            FieldKey::Phone => "phone",
            FieldKey::Mobile => "mobile",
            FieldKey::Website => "website",
            FieldKey::Address => "address",
            FieldKey::Tags => "tags",
            FieldKey::Description => "description",
            FieldKey::Value => "value",
            FieldKey::Stage => "stage",
            FieldKey::EstimatedCloseDate => "estimated_close_date",
            FieldKey::LastActivity => "last_activity",
            FieldKey::Hot => "hot",
            FieldKey::CreatedAt => "created_at",
            FieldKey::UpdatedAt => "updated_at",
        }
    }

    pub fn label(self) -> Msg {
        match self {
            FieldKey::Name => Msg::FieldName,
            FieldKey::FirstName => Msg::FieldFirstName,
            FieldKey::LastName => Msg::FieldLastName,
            FieldKey::Organization => Msg::FieldOrganization,
            FieldKey::Title => Msg::FieldTitle,
            FieldKey::Status => Msg::FieldStatus,
            FieldKey::Source => Msg::FieldSource,
            FieldKey::Owner => Msg::FieldOwner,
            FieldKey::Email => Msg::FieldEmail,
            FieldKey::Phone => Msg::FieldPhone,
            FieldKey::Mobile => Msg::FieldMobile,
            FieldKey::Website => Msg::FieldWebsite,
            FieldKey::Address => Msg::FieldAddress,
            FieldKey::Tags => Msg::FieldTags,
            FieldKey::Description => Msg::FieldDescription,
            FieldKey::Value => Msg::FieldValue,
            FieldKey::Stage => Msg::FieldStage,
            FieldKey::EstimatedCloseDate => Msg::FieldEstimatedCloseDate,
            FieldKey::LastActivity => Msg::FieldLastActivity,
            FieldKey::Hot => Msg::FieldHot,
            FieldKey::CreatedAt => Msg::FieldCreatedAt,
            FieldKey::UpdatedAt => Msg::FieldUpdatedAt,
        }
    }

    /// Sell's attribute names and common spellings admins may write instead of the config name.
    fn from_alias(name: &str) -> Option<FieldKey> {
        Some(match name {
            "organization_name" | "company" | "organisation" => FieldKey::Organization,
            "job_title" | "position" => FieldKey::Title,
            "source_id" | "lead_source" => FieldKey::Source,
            "owner_id" => FieldKey::Owner,
            "phone_number" => FieldKey::Phone,
            "stage_id" => FieldKey::Stage,
            "expected_close_date" | "close_date" => FieldKey::EstimatedCloseDate,
            "last_activity_at" => FieldKey::LastActivity,
            "created" => FieldKey::CreatedAt,
            "updated" => FieldKey::UpdatedAt,
            _ => return None,
        })
    }
}

const LEAD_FIELDS: &[FieldKey] = &[
    FieldKey::Name,
    FieldKey::Organization,
    FieldKey::Status,
    FieldKey::Source,
    FieldKey::Owner,
    FieldKey::Email,
    FieldKey::Phone,
    FieldKey::Mobile,
    FieldKey::Tags,
    FieldKey::CreatedAt,
    // Not shown unless an admin adds them:
    FieldKey::FirstName,
    FieldKey::LastName,
    FieldKey::Title,
    FieldKey::Website,
    FieldKey::Address,
    FieldKey::Description,
    FieldKey::UpdatedAt,
];
const LEAD_DEFAULT_COUNT: usize = 10;

const CONTACT_FIELDS: &[FieldKey] = &[
    FieldKey::Name,
    FieldKey::Title,
    FieldKey::Email,
    FieldKey::Phone,
    FieldKey::Mobile,
    FieldKey::Owner,
    FieldKey::Address,
    FieldKey::Tags,
    // Not shown unless an admin adds them:
    FieldKey::FirstName,
    FieldKey::LastName,
    FieldKey::Organization,
    FieldKey::Website,
    FieldKey::CreatedAt,
];
const CONTACT_DEFAULT_COUNT: usize = 8;

const DEAL_FIELDS: &[FieldKey] = &[
    FieldKey::Name,
    FieldKey::Value,
    FieldKey::Stage,
    FieldKey::Owner,
    FieldKey::EstimatedCloseDate,
    FieldKey::LastActivity,
    // Not shown unless an admin adds them:
    FieldKey::Source,
    FieldKey::Hot,
    FieldKey::Tags,
    FieldKey::CreatedAt,
    FieldKey::UpdatedAt,
];
const DEAL_DEFAULT_COUNT: usize = 6;

/// Every field the sidebar can show for this entity.
pub fn known_fields(entity: Entity) -> &'static [FieldKey] {
    match entity {
        Entity::Lead => LEAD_FIELDS,
        Entity::Contact => CONTACT_FIELDS,
        Entity::Deal => DEAL_FIELDS,
    }
}

/// The fields shown when the admin configured none: the product's lists, in its order.
pub fn default_fields(entity: Entity) -> &'static [FieldKey] {
    let (all, count) = match entity {
        Entity::Lead => (LEAD_FIELDS, LEAD_DEFAULT_COUNT),
        Entity::Contact => (CONTACT_FIELDS, CONTACT_DEFAULT_COUNT),
        Entity::Deal => (DEAL_FIELDS, DEAL_DEFAULT_COUNT),
    };
    all.get(..count).unwrap_or(all)
}

/// A field to show: one the app knows, or a Sell custom field by its name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FieldSpec {
    Known(FieldKey),
    Custom(String),
}

impl FieldSpec {
    pub fn label(&self, locale: Locale) -> String {
        match self {
            FieldSpec::Known(key) => key.label().text(locale).to_string(),
            FieldSpec::Custom(name) => name.clone(),
        }
    }
}

/// Something wrong in a field list, for the admin notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldProblem {
    /// Not a field of this entity (a typo, or e.g. `stage` in the lead list).
    Unknown { entity: Entity, name: String },
    /// `custom:` with nothing after it.
    EmptyCustomName { entity: Entity },
}

impl FieldProblem {
    pub fn message(&self, locale: Locale) -> String {
        match self {
            FieldProblem::Unknown { entity, name } => {
                ui::unknown_field(entity.setting_name(), name, locale)
            }
            FieldProblem::EmptyCustomName { entity } => {
                ui::empty_custom_field(entity.setting_name(), locale)
            }
        }
    }
}

/// Reads a field list setting: comma (or newline) separated, trimmed, case-insensitive, `custom:Name`
/// for custom fields, duplicates dropped. An empty list, or one where nothing is usable, gives the
/// defaults, so a card is never blank because of a setting.
pub fn parse_field_list(entity: Entity, setting: &str) -> (Vec<FieldSpec>, Vec<FieldProblem>) {
    let mut specs: Vec<FieldSpec> = Vec::new();
    let mut problems = Vec::new();
    for entry in setting
        .split([',', '\n'])
        .map(str::trim)
        .filter(|e| !e.is_empty())
    {
        let spec = match parse_entry(entity, entry) {
            Ok(spec) => spec,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        let duplicate = specs.iter().any(|seen| match (seen, &spec) {
            (FieldSpec::Custom(a), FieldSpec::Custom(b)) => a.lowercased() == b.lowercased(),
            (a, b) => a == b,
        });
        if !duplicate {
            specs.push(spec);
        }
    }
    if specs.is_empty() {
        specs = default_fields(entity)
            .iter()
            .copied()
            .map(FieldSpec::Known)
            .collect();
    }
    (specs, problems)
}

fn parse_entry(entity: Entity, entry: &str) -> Result<FieldSpec, FieldProblem> {
    if let Some((prefix, name)) = entry.split_once(':') {
        if prefix.trim().eq_ignore_ascii_case("custom") {
            let name = name.trim();
            return if name.is_empty() {
                Err(FieldProblem::EmptyCustomName { entity })
            } else {
                Ok(FieldSpec::Custom(name.to_string()))
            };
        }
    }
    // "Created at", "created-at" and "CREATED_AT" all mean created_at.
    let normalized = entry
        .split([' ', '-', '_'])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("_")
        .lowercased();
    known_fields(entity)
        .iter()
        .copied()
        .find(|key| key.config_name() == normalized)
        .or_else(|| {
            FieldKey::from_alias(&normalized).filter(|key| known_fields(entity).contains(key))
        })
        .map(FieldSpec::Known)
        .ok_or_else(|| FieldProblem::Unknown {
            entity,
            name: entry.to_string(),
        })
}

// ---- Names of referenced records -------------------------------------------------------------------

/// Turns the ids on a record (owner, stage, source, organization) into names. An id that is not in
/// the lists (a deleted user, a stage the token can't see) gets a placeholder like "User #12", never
/// an empty cell.
#[derive(Debug, Clone, Default)]
pub struct Names {
    users: IdMap<UserId, String>,
    stages: IdMap<StageId, Stage>,
    sources: IdMap<SourceId, String>,
    organizations: IdMap<ContactId, String>,
}

impl Names {
    pub fn new(users: &[User], stages: &[Stage], sources: &[LeadSource]) -> Names {
        Names {
            users: users
                .iter()
                .map(|u| (u.id, u.name.trim().to_string()))
                .collect(),
            stages: stages.iter().map(|s| (s.id, s.clone())).collect(),
            sources: sources
                .iter()
                .map(|s| (s.id, s.name.trim().to_string()))
                .collect(),
            organizations: IdMap::new(),
        }
    }

    /// Adds the organization contacts fetched for the shown people.
    pub fn with_organizations(mut self, organizations: &[Contact]) -> Names {
        for organization in organizations.iter().filter(|c| c.is_organization) {
            self.organizations
                .insert(organization.id, contact_display_name(organization));
        }
        self
    }

    pub fn user(&self, id: UserId, locale: Locale) -> String {
        known_name(self.users.get(&id)).unwrap_or_else(|| ui::unknown_user(id.0, locale))
    }

    pub fn stage(&self, id: StageId, locale: Locale) -> String {
        known_name(self.stages.get(&id).map(|s| &s.name))
            .unwrap_or_else(|| ui::unknown_stage(id.0, locale))
    }

    pub fn source(&self, id: SourceId, locale: Locale) -> String {
        known_name(self.sources.get(&id)).unwrap_or_else(|| ui::unknown_source(id.0, locale))
    }

    /// The organization's name, or None when it was not fetched (then the field is left out).
    pub fn organization(&self, id: ContactId) -> Option<String> {
        known_name(self.organizations.get(&id))
    }

    /// Whether a deal in this stage is open, won or lost. A stage we don't know counts as open, so
    /// the deal stays near the top rather than hidden among closed ones.
    pub fn deal_state(&self, deal: &Deal) -> DealState {
        let category = deal
            .stage_id
            .and_then(|id| self.stages.get(&id))
            .and_then(|s| s.category.as_deref());
        match category.map(str::to_ascii_lowercase).as_deref() {
            Some("won") => DealState::Won,
            Some("lost") => DealState::Lost,
            _ => DealState::Open,
        }
    }
}

fn known_name(name: Option<&String>) -> Option<String> {
    name.filter(|n| !n.trim().is_empty()).cloned()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DealState {
    Open,
    Won,
    Lost,
}

// ---- Shown values ----------------------------------------------------------------------------------

/// A field ready for the card: label in the agent's language, value typed by how it is shown.
#[derive(Debug, Clone, PartialEq)]
pub struct ShownField {
    pub spec: FieldSpec,
    pub label: String,
    pub value: FieldValue,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FieldValue {
    Text(String),
    /// Shown as a `mailto:` link.
    Email(String),
    /// Shown as a `tel:` link to `href`.
    Phone {
        text: String,
        href: String,
    },
    /// An http(s) link; `href` is always `http://` or `https://`.
    Url {
        text: String,
        href: String,
    },
    Tags(Vec<String>),
    Money {
        amount: f64,
        currency: String,
    },
    /// An ISO date or timestamp, formatted by `format::date`.
    Date(String),
    Address(Vec<String>),
}

impl FieldValue {
    /// A link only for what is plainly an email address; anything else stays text.
    fn email(text: &str) -> FieldValue {
        let plain = !text.chars().any(|c| {
            c.is_whitespace() || c.is_control() || matches!(c, ':' | '?' | '/' | '<' | '>')
        });
        match text.split_once('@') {
            Some((local, domain)) if plain && !local.is_empty() && !domain.is_empty() => {
                FieldValue::Email(text.to_string())
            }
            _ => FieldValue::Text(text.to_string()),
        }
    }

    /// `tel:` with only the characters a dialer uses; text without digits stays text.
    fn phone(text: &str) -> FieldValue {
        let dial: String = text
            .chars()
            .filter(|c| c.is_ascii_digit() || matches!(c, '+' | '*' | '#'))
            .collect();
        if dial.chars().any(|c| c.is_ascii_digit()) {
            FieldValue::Phone {
                text: text.to_string(),
                href: format!("tel:{dial}"),
            }
        } else {
            FieldValue::Text(text.to_string())
        }
    }

    /// A link only for http(s); `www.acme.test` gets `https://`. Any other scheme (`javascript:`,
    /// `data:`) stays plain text, so a record's content can never run in the sidebar.
    fn url(text: &str) -> FieldValue {
        if text.chars().any(|c| {
            c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '\'' | '`' | '\\')
        }) {
            return FieldValue::Text(text.to_string());
        }
        let lower = text.to_ascii_lowercase();
        let href = if lower.starts_with("https://") || lower.starts_with("http://") {
            Some(text.to_string())
        } else {
            let host = text.split('/').next().unwrap_or("");
            let looks_like_host = host.contains('.')
                && !host.contains(':')
                && !host.starts_with('.')
                && !host.contains('@');
            looks_like_host.then(|| format!("https://{text}"))
        };
        match href {
            Some(href) => FieldValue::Url {
                text: text.to_string(),
                href,
            },
            None => FieldValue::Text(text.to_string()),
        }
    }
}

/// Trimmed text, or None when there is nothing to show.
fn present(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|t| !t.is_empty())
}

fn text(value: Option<&str>) -> Option<FieldValue> {
    present(value).map(|t| FieldValue::Text(t.to_string()))
}

fn tags(tags: &[String]) -> Option<FieldValue> {
    let tags: Vec<String> = tags
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect();
    (!tags.is_empty()).then_some(FieldValue::Tags(tags))
}

fn address(address: Option<&Address>) -> Option<FieldValue> {
    let address = address?;
    let city_line = [
        present(address.postal_code.as_deref()),
        present(address.city.as_deref()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let lines: Vec<String> = [
        present(address.line1.as_deref()).map(str::to_string),
        Some(city_line).filter(|l| !l.is_empty()),
        present(address.state.as_deref()).map(str::to_string),
        present(address.country.as_deref()).map(str::to_string),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!lines.is_empty()).then_some(FieldValue::Address(lines))
}

/// A custom field's value as text: lists joined, booleans in the agent's language, null left out.
fn custom_value(fields: &CustomFields, name: &str, locale: Locale) -> Option<FieldValue> {
    // Sell keys custom fields by their exact name; admins may type it in another case.
    let exact = fields.iter().rev().find(|(k, _)| k == name);
    let value = exact
        .or_else(|| fields.iter().rev().find(|(k, _)| k.lowercased() == name.lowercased()))
        .map(|(_, v)| v)?;
    custom_text(value, locale)
        .filter(|t| !t.trim().is_empty())
        .map(FieldValue::Text)
}

fn custom_text(value: &Json, locale: Locale) -> Option<String> {
    match value {
        Json::Null => None,
        Json::Bool(true) => Some(Msg::Yes.text(locale).to_string()),
        Json::Bool(false) => Some(Msg::No.text(locale).to_string()),
        Json::Number(n) => Some(n.clone()),
        Json::String(s) => Some(s.trim().to_string()),
        Json::Array(items) => Some(
            items
                .iter()
                .filter_map(|v| custom_text(v, locale))
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        Json::Object(pairs) => {
            // By key, as Sell's own lists show them.
            let mut pairs: Vec<&(String, Json)> = pairs.iter().collect();
            crate::order::sort_by(&mut pairs, |a, b| a.0.cmp(&b.0));
            Some(
                pairs
                    .into_iter()
                    .filter_map(|(k, v)| custom_text(v, locale).map(|t| [k.as_str(), ": ", &t].concat()))
                    .collect::<Vec<_>>()
                    .join(", "),
            )
        }
    }
}

fn shown(
    specs: &[FieldSpec],
    locale: Locale,
    mut value_of: impl FnMut(&FieldSpec) -> Option<FieldValue>,
) -> Vec<ShownField> {
    specs
        .iter()
        .filter_map(|spec| {
            value_of(spec).map(|value| ShownField {
                spec: spec.clone(),
                label: spec.label(locale),
                value,
            })
        })
        .collect()
}

fn full_name(first: Option<&str>, last: Option<&str>) -> Option<String> {
    let name = [present(first), present(last)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    (!name.is_empty()).then_some(name)
}

/// "First Last", else the organization name, else "#id".
pub fn lead_display_name(lead: &Lead) -> String {
    full_name(lead.first_name.as_deref(), lead.last_name.as_deref())
        .or_else(|| present(lead.organization_name.as_deref()).map(str::to_string))
        .unwrap_or_else(|| format!("#{}", lead.id))
}

/// An organization's name, or a person's "First Last" (falling back to `name`), else "#id".
pub fn contact_display_name(contact: &Contact) -> String {
    let person = (!contact.is_organization)
        .then(|| full_name(contact.first_name.as_deref(), contact.last_name.as_deref()))
        .flatten();
    person
        .or_else(|| present(contact.name.as_deref()).map(str::to_string))
        .unwrap_or_else(|| format!("#{}", contact.id))
}

pub fn deal_display_name(deal: &Deal) -> String {
    present(deal.name.as_deref())
        .map(str::to_string)
        .unwrap_or_else(|| format!("#{}", deal.id))
}

/// The lead's fields to show, in the configured order; empty ones are left out.
pub fn select_lead(
    lead: &Lead,
    specs: &[FieldSpec],
    names: &Names,
    locale: Locale,
) -> Vec<ShownField> {
    shown(specs, locale, |spec| match spec {
        FieldSpec::Custom(name) => custom_value(&lead.custom_fields, name, locale),
        FieldSpec::Known(key) => match key {
            FieldKey::Name => full_name(lead.first_name.as_deref(), lead.last_name.as_deref())
                .map(FieldValue::Text),
            FieldKey::FirstName => text(lead.first_name.as_deref()),
            FieldKey::LastName => text(lead.last_name.as_deref()),
            FieldKey::Organization => text(lead.organization_name.as_deref()),
            FieldKey::Title => text(lead.title.as_deref()),
            FieldKey::Status => text(lead.status.as_deref()),
            FieldKey::Source => lead
                .source_id
                .map(|id| FieldValue::Text(names.source(id, locale))),
            FieldKey::Owner => lead
                .owner_id
                .map(|id| FieldValue::Text(names.user(id, locale))),
            FieldKey::Email => present(lead.email.as_deref()).map(FieldValue::email),
            FieldKey::Phone => present(lead.phone.as_deref()).map(FieldValue::phone),
            FieldKey::Mobile => present(lead.mobile.as_deref()).map(FieldValue::phone),
            FieldKey::Website => present(lead.website.as_deref()).map(FieldValue::url),
            FieldKey::Address => address(lead.address.as_ref()),
            FieldKey::Tags => tags(&lead.tags),
            FieldKey::Description => text(lead.description.as_deref()),
            FieldKey::CreatedAt => {
                present(lead.created_at.as_deref()).map(|d| FieldValue::Date(d.to_string()))
            }
            FieldKey::UpdatedAt => {
                present(lead.updated_at.as_deref()).map(|d| FieldValue::Date(d.to_string()))
            }
            FieldKey::Value
            | FieldKey::Stage
            | FieldKey::EstimatedCloseDate
            | FieldKey::LastActivity
            | FieldKey::Hot => None,
        },
    })
}

/// The contact's fields to show, in the configured order; empty ones are left out.
pub fn select_contact(
    contact: &Contact,
    specs: &[FieldSpec],
    names: &Names,
    locale: Locale,
) -> Vec<ShownField> {
    shown(specs, locale, |spec| match spec {
        FieldSpec::Custom(name) => custom_value(&contact.custom_fields, name, locale),
        FieldSpec::Known(key) => match key {
            FieldKey::Name => Some(FieldValue::Text(contact_display_name(contact))),
            FieldKey::FirstName => text(contact.first_name.as_deref()),
            FieldKey::LastName => text(contact.last_name.as_deref()),
            // An organization is its own name; a person shows the organization they belong to.
            FieldKey::Organization if contact.is_organization => None,
            FieldKey::Organization => contact
                .contact_id
                .and_then(|id| names.organization(id))
                .map(FieldValue::Text),
            FieldKey::Title => text(contact.title.as_deref()),
            FieldKey::Owner => contact
                .owner_id
                .map(|id| FieldValue::Text(names.user(id, locale))),
            FieldKey::Email => present(contact.email.as_deref()).map(FieldValue::email),
            FieldKey::Phone => present(contact.phone.as_deref()).map(FieldValue::phone),
            FieldKey::Mobile => present(contact.mobile.as_deref()).map(FieldValue::phone),
            FieldKey::Website => present(contact.website.as_deref()).map(FieldValue::url),
            FieldKey::Address => address(contact.address.as_ref()),
            FieldKey::Tags => tags(&contact.tags),
            FieldKey::CreatedAt => {
                present(contact.created_at.as_deref()).map(|d| FieldValue::Date(d.to_string()))
            }
            FieldKey::Status
            | FieldKey::Source
            | FieldKey::Description
            | FieldKey::Value
            | FieldKey::Stage
            | FieldKey::EstimatedCloseDate
            | FieldKey::LastActivity
            | FieldKey::Hot
            | FieldKey::UpdatedAt => None,
        },
    })
}

/// The deal's fields to show, in the configured order; empty ones are left out.
pub fn select_deal(
    deal: &Deal,
    specs: &[FieldSpec],
    names: &Names,
    locale: Locale,
) -> Vec<ShownField> {
    shown(specs, locale, |spec| match spec {
        FieldSpec::Custom(name) => custom_value(&deal.custom_fields, name, locale),
        FieldSpec::Known(key) => match key {
            FieldKey::Name => text(deal.name.as_deref()),
            FieldKey::Value => {
                deal.value
                    .filter(|v| v.is_finite())
                    .map(|amount| FieldValue::Money {
                        amount,
                        currency: present(deal.currency.as_deref()).unwrap_or("").to_string(),
                    })
            }
            FieldKey::Stage => deal
                .stage_id
                .map(|id| FieldValue::Text(names.stage(id, locale))),
            FieldKey::Owner => deal
                .owner_id
                .map(|id| FieldValue::Text(names.user(id, locale))),
            FieldKey::Source => deal
                .source_id
                .map(|id| FieldValue::Text(names.source(id, locale))),
            FieldKey::EstimatedCloseDate => present(deal.estimated_close_date.as_deref())
                .map(|d| FieldValue::Date(d.to_string())),
            FieldKey::LastActivity => {
                present(deal.last_activity_at.as_deref()).map(|d| FieldValue::Date(d.to_string()))
            }
            FieldKey::Hot => Some(FieldValue::Text(
                if deal.hot { Msg::Yes } else { Msg::No }
                    .text(locale)
                    .to_string(),
            )),
            FieldKey::Tags => tags(&deal.tags),
            FieldKey::CreatedAt => {
                present(deal.created_at.as_deref()).map(|d| FieldValue::Date(d.to_string()))
            }
            FieldKey::UpdatedAt => {
                present(deal.updated_at.as_deref()).map(|d| FieldValue::Date(d.to_string()))
            }
            FieldKey::FirstName
            | FieldKey::LastName
            | FieldKey::Organization
            | FieldKey::Title
            | FieldKey::Status
            | FieldKey::Email
            | FieldKey::Phone
            | FieldKey::Mobile
            | FieldKey::Website
            | FieldKey::Address
            | FieldKey::Description => None,
        },
    })
}

/// The order deals are listed in: open ones first, then the biggest value, then by name, then by id
/// (so the order is stable between refreshes).
pub fn deal_order(a: &Deal, b: &Deal, names: &Names) -> Ordering {
    let closed = |d: &Deal| names.deal_state(d) != DealState::Open;
    // A missing or non-numeric value sorts below every real amount.
    let value = |d: &Deal| d.value.filter(|v| !v.is_nan()).unwrap_or(f64::NEG_INFINITY);
    closed(a)
        .cmp(&closed(b))
        .then_with(|| value(b).total_cmp(&value(a)))
        .then_with(|| {
            deal_display_name(a)
                .lowercased()
                .cmp(&deal_display_name(b).lowercased())
        })
        .then_with(|| a.id.cmp(&b.id))
}

pub fn sort_deals(deals: &mut Vec<Deal>, names: &Names) {
    crate::order::sort_by(deals, |a, b| deal_order(a, b, names));
}

#[cfg(test)]
mod tests;
