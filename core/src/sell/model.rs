//! Sell Core API v2 records as the sidebar reads them, each read by hand from Sell's JSON
//! (`Record::from_json`) and keeping that JSON (`source`), which is what the cache stores. Every field
//! the wire may omit or null is an `Option` (or defaults), so a sparse record reads; a field of the
//! wrong type makes the record unreadable, and a list counts it as skipped rather than failing.

use crate::json::{self, Json};

/// Ids are newtypes so a user id can't be passed where a stage id is meant.
macro_rules! id_type {
    ($($name:ident),*) => {$(
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub u64);
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { self.0.fmt(f) }
        }
    )*};
}
id_type!(UserId, LeadId, ContactId, DealId, StageId, SourceId, LeadStatusId);

/// A record Sell sends: read from its JSON, and keeping it for the cache.
pub trait Record: Sized {
    /// `None` when the JSON is not such a record (no id, a field of the wrong type).
    fn from_json(json: &Json) -> Option<Self>;
    /// The JSON it was read from.
    fn source(&self) -> &Json;
}

/// Records as a JSON list of what Sell sent (what the cache stores).
pub fn list_to_json<T: Record>(records: &[T]) -> Json {
    Json::Array(records.iter().map(|r| r.source().clone()).collect())
}

/// A list stored by `list_to_json`, read back; `None` if any record no longer reads.
pub fn list_from_json<T: Record>(json: &Json) -> Option<Vec<T>> {
    json.as_array()?.iter().map(T::from_json).collect()
}

/// A record from a `serde_json::json!` value, for tests.
#[cfg(test)]
pub(crate) fn test_record<T: Record>(value: &serde_json::Value) -> T {
    T::from_json(&json::from_serde(value)).unwrap_or_else(|| panic!("not a readable record: {value}"))
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UserStatus {
    Active,
    Inactive,
    Other,
}

#[derive(Debug, Clone, PartialEq)]
pub struct User {
    pub id: UserId,
    pub name: String,
    pub email: Option<String>,
    pub role: Option<String>,
    pub status: UserStatus,
    pub team_name: Option<String>,
    pub reports_to: Option<UserId>,
    pub identity_type: Option<String>,
    pub system_tags: Vec<String>,
    pub confirmed: Option<bool>,
    pub created_at: Option<String>,
    pub source: Json,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Address {
    pub line1: Option<String>,
    pub city: Option<String>,
    pub postal_code: Option<String>,
    pub state: Option<String>,
    pub country: Option<String>,
}

/// Custom field values are free-form JSON in Sell (text, number, list, bool), in Sell's order; a name
/// given twice counts as its last value.
pub type CustomFields = Vec<(String, Json)>;

#[derive(Debug, Clone, PartialEq)]
pub struct Lead {
    pub id: LeadId,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub organization_name: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub status: Option<String>,
    pub source_id: Option<SourceId>,
    pub owner_id: Option<UserId>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub mobile: Option<String>,
    pub website: Option<String>,
    pub address: Option<Address>,
    pub tags: Vec<String>,
    pub custom_fields: CustomFields,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    pub source: Json,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Contact {
    pub id: ContactId,
    pub is_organization: bool,
    /// The parent organization contact of a person.
    pub contact_id: Option<ContactId>,
    pub name: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub title: Option<String>,
    pub owner_id: Option<UserId>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub mobile: Option<String>,
    pub website: Option<String>,
    pub address: Option<Address>,
    pub tags: Vec<String>,
    pub custom_fields: CustomFields,
    pub created_at: Option<String>,
    pub source: Json,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Deal {
    pub id: DealId,
    pub name: Option<String>,
    /// Sell sends decimals as strings or numbers depending on the account; both read.
    pub value: Option<f64>,
    pub currency: Option<String>,
    pub hot: bool,
    pub stage_id: Option<StageId>,
    pub contact_id: Option<ContactId>,
    pub organization_id: Option<ContactId>,
    pub owner_id: Option<UserId>,
    pub source_id: Option<SourceId>,
    pub estimated_close_date: Option<String>,
    pub last_activity_at: Option<String>,
    pub last_stage_change_at: Option<String>,
    pub tags: Vec<String>,
    pub custom_fields: CustomFields,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    pub source: Json,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stage {
    pub id: StageId,
    pub name: String,
    /// `incoming`, `qualified`, ..., `won`, `lost`: won and lost mean the deal is closed.
    pub category: Option<String>,
    pub position: Option<u32>,
    pub source: Json,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LeadSource {
    pub id: SourceId,
    pub name: String,
    pub source: Json,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LeadStatus {
    pub id: LeadStatusId,
    pub name: String,
    pub source: Json,
}

impl Record for User {
    fn from_json(json: &Json) -> Option<User> {
        let f = Fields::of(json)?;
        Some(User {
            id: UserId(f.id("id")?),
            name: f.text("name")?,
            email: f.opt_text("email")?,
            role: f.opt_text("role")?,
            status: match f.get("status")?.as_str()? {
                "active" => UserStatus::Active,
                "inactive" => UserStatus::Inactive,
                _ => UserStatus::Other,
            },
            team_name: f.opt_text("team_name")?,
            reports_to: f.opt_id("reports_to")?.map(UserId),
            identity_type: f.opt_text("identity_type")?,
            system_tags: f.texts("system_tags")?,
            confirmed: f.opt_flag("confirmed")?,
            created_at: f.opt_text("created_at")?,
            source: json.clone(),
        })
    }

    fn source(&self) -> &Json {
        &self.source
    }
}

impl Record for Lead {
    fn from_json(json: &Json) -> Option<Lead> {
        let f = Fields::of(json)?;
        Some(Lead {
            id: LeadId(f.id("id")?),
            first_name: f.opt_text("first_name")?,
            last_name: f.opt_text("last_name")?,
            organization_name: f.opt_text("organization_name")?,
            title: f.opt_text("title")?,
            description: f.opt_text("description")?,
            status: f.opt_text("status")?,
            source_id: f.opt_id("source_id")?.map(SourceId),
            owner_id: f.opt_id("owner_id")?.map(UserId),
            email: f.opt_text("email")?,
            phone: f.opt_text("phone")?,
            mobile: f.opt_text("mobile")?,
            website: f.opt_text("website")?,
            address: f.address("address")?,
            tags: f.texts("tags")?,
            custom_fields: f.custom("custom_fields")?,
            created_at: f.opt_text("created_at")?,
            updated_at: f.opt_text("updated_at")?,
            source: json.clone(),
        })
    }

    fn source(&self) -> &Json {
        &self.source
    }
}

impl Record for Contact {
    fn from_json(json: &Json) -> Option<Contact> {
        let f = Fields::of(json)?;
        Some(Contact {
            id: ContactId(f.id("id")?),
            is_organization: f.flag("is_organization")?,
            contact_id: f.opt_id("contact_id")?.map(ContactId),
            name: f.opt_text("name")?,
            first_name: f.opt_text("first_name")?,
            last_name: f.opt_text("last_name")?,
            title: f.opt_text("title")?,
            owner_id: f.opt_id("owner_id")?.map(UserId),
            email: f.opt_text("email")?,
            phone: f.opt_text("phone")?,
            mobile: f.opt_text("mobile")?,
            website: f.opt_text("website")?,
            address: f.address("address")?,
            tags: f.texts("tags")?,
            custom_fields: f.custom("custom_fields")?,
            created_at: f.opt_text("created_at")?,
            source: json.clone(),
        })
    }

    fn source(&self) -> &Json {
        &self.source
    }
}

impl Record for Deal {
    fn from_json(json: &Json) -> Option<Deal> {
        let f = Fields::of(json)?;
        Some(Deal {
            id: DealId(f.id("id")?),
            name: f.opt_text("name")?,
            value: f.decimal("value")?,
            currency: f.opt_text("currency")?,
            hot: f.flag("hot")?,
            stage_id: f.opt_id("stage_id")?.map(StageId),
            contact_id: f.opt_id("contact_id")?.map(ContactId),
            organization_id: f.opt_id("organization_id")?.map(ContactId),
            owner_id: f.opt_id("owner_id")?.map(UserId),
            source_id: f.opt_id("source_id")?.map(SourceId),
            estimated_close_date: f.opt_text("estimated_close_date")?,
            last_activity_at: f.opt_text("last_activity_at")?,
            last_stage_change_at: f.opt_text("last_stage_change_at")?,
            tags: f.texts("tags")?,
            custom_fields: f.custom("custom_fields")?,
            created_at: f.opt_text("created_at")?,
            updated_at: f.opt_text("updated_at")?,
            source: json.clone(),
        })
    }

    fn source(&self) -> &Json {
        &self.source
    }
}

impl Record for Stage {
    fn from_json(json: &Json) -> Option<Stage> {
        let f = Fields::of(json)?;
        Some(Stage {
            id: StageId(f.id("id")?),
            name: f.text("name")?,
            category: f.opt_text("category")?,
            position: match f.opt_id("position")? {
                Some(n) => Some(u32::try_from(n).ok()?),
                None => None,
            },
            source: json.clone(),
        })
    }

    fn source(&self) -> &Json {
        &self.source
    }
}

impl Record for LeadSource {
    fn from_json(json: &Json) -> Option<LeadSource> {
        let f = Fields::of(json)?;
        Some(LeadSource { id: SourceId(f.id("id")?), name: f.text("name")?, source: json.clone() })
    }

    fn source(&self) -> &Json {
        &self.source
    }
}

impl Record for LeadStatus {
    fn from_json(json: &Json) -> Option<LeadStatus> {
        let f = Fields::of(json)?;
        Some(LeadStatus { id: LeadStatusId(f.id("id")?), name: f.text("name")?, source: json.clone() })
    }

    fn source(&self) -> &Json {
        &self.source
    }
}

/// A record's fields, read with one rule per kind: a missing field (or null, where the kind allows
/// none) takes its default; any other type makes the record unreadable (`None`). The outer `Option`
/// of each reader is "readable", the inner one the value.
struct Fields<'a>(&'a Json);

impl<'a> Fields<'a> {
    fn of(json: &'a Json) -> Option<Fields<'a>> {
        json.is_object().then_some(Fields(json))
    }

    fn get(&self, key: &str) -> Option<&'a Json> {
        self.0.get(key)
    }

    /// Present and null count as absent.
    fn present(&self, key: &str) -> Option<&'a Json> {
        self.get(key).filter(|v| !v.is_null())
    }

    fn id(&self, key: &str) -> Option<u64> {
        self.get(key)?.as_u64()
    }

    fn opt_id(&self, key: &str) -> Option<Option<u64>> {
        match self.present(key) {
            None => Some(None),
            Some(v) => v.as_u64().map(Some),
        }
    }

    fn opt_text(&self, key: &str) -> Option<Option<String>> {
        match self.present(key) {
            None => Some(None),
            Some(v) => v.as_str().map(|s| Some(s.to_string())),
        }
    }

    /// A text that is "" when missing; null is not text.
    fn text(&self, key: &str) -> Option<String> {
        match self.get(key) {
            None => Some(String::new()),
            Some(v) => v.as_str().map(str::to_string),
        }
    }

    /// A flag that is false when missing; null is not a flag.
    fn flag(&self, key: &str) -> Option<bool> {
        match self.get(key) {
            None => Some(false),
            Some(v) => v.as_bool(),
        }
    }

    fn opt_flag(&self, key: &str) -> Option<Option<bool>> {
        match self.present(key) {
            None => Some(None),
            Some(v) => v.as_bool().map(Some),
        }
    }

    /// A list of texts (tags), empty when missing.
    fn texts(&self, key: &str) -> Option<Vec<String>> {
        match self.get(key) {
            None => Some(Vec::new()),
            Some(v) => v.as_array()?.iter().map(|t| t.as_str().map(str::to_string)).collect(),
        }
    }

    fn custom(&self, key: &str) -> Option<CustomFields> {
        match self.get(key) {
            None => Some(CustomFields::new()),
            Some(v) => Some(v.as_object()?.to_vec()),
        }
    }

    fn address(&self, key: &str) -> Option<Option<Address>> {
        let Some(v) = self.present(key) else {
            return Some(None);
        };
        let f = Fields::of(v)?;
        Some(Some(Address {
            line1: f.opt_text("line1")?,
            city: f.opt_text("city")?,
            postal_code: f.opt_text("postal_code")?,
            state: f.opt_text("state")?,
            country: f.opt_text("country")?,
        }))
    }

    /// Money: a number or its text; text that is no number reads as no value.
    fn decimal(&self, key: &str) -> Option<Option<f64>> {
        match self.present(key) {
            None => Some(None),
            Some(Json::Number(text)) => Some(json::decimal(text)),
            Some(Json::String(text)) => Some(json::decimal(text.trim())),
            Some(_) => None,
        }
    }
}

#[cfg(test)]
mod tests;
