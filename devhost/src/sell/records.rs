//! Sell records as the emulator stores them and sends them on the wire. Field names and shapes follow
//! Sell's public API reference (see /work/shared/reference/sell-api-and-zaf-facts.md); they are
//! deliberately not shared with the app's model so a wire mismatch shows up in tests.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Ids are newtypes so a lead id can't be stored where an owner id is meant.
macro_rules! id_type {
    ($($name:ident),*) => {$(
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u64);
    )*};
}
id_type!(UserId, LeadId, ContactId, DealId, SourceId, StatusId, StageId, PipelineId);

/// Custom field values keyed by the field's name, as Sell sends them.
pub type CustomFields = Map<String, Value>;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Address {
    pub line1: Option<String>,
    pub city: Option<String>,
    pub postal_code: Option<String>,
    pub state: Option<String>,
    pub country: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct User {
    pub id: UserId,
    pub name: String,
    pub email: Option<String>,
    /// `active` or `inactive`.
    pub status: String,
    /// `user` or `admin`; Sell says it has nothing to do with data access.
    pub role: String,
    pub roles: Vec<Value>,
    pub team_name: Option<String>,
    pub group: Option<Value>,
    pub reports_to: Option<UserId>,
    /// `person` for people, `integration` for distribution pools (a guess, see CONTRACTS.md).
    pub identity_type: String,
    pub system_tags: Vec<String>,
    pub confirmed: bool,
    pub invited: bool,
    pub phone_number: Option<String>,
    pub timezone: String,
    pub zendesk_user_id: Option<String>,
    pub detached: bool,
    pub sell_login_disabled: bool,
    pub created_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
}

impl User {
    pub fn is_active(&self) -> bool {
        self.status == "active"
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lead {
    pub id: LeadId,
    pub creator_id: UserId,
    pub owner_id: UserId,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub organization_name: Option<String>,
    /// The status is a name, not an id, as in Sell.
    pub status: String,
    pub source_id: Option<SourceId>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub industry: Option<String>,
    pub website: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub mobile: Option<String>,
    pub fax: Option<String>,
    pub twitter: Option<String>,
    pub facebook: Option<String>,
    pub linkedin: Option<String>,
    pub skype: Option<String>,
    pub address: Address,
    pub tags: Vec<String>,
    pub custom_fields: CustomFields,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    pub id: ContactId,
    pub creator_id: UserId,
    pub owner_id: UserId,
    pub is_organization: bool,
    /// The parent organization of a person contact.
    pub contact_id: Option<ContactId>,
    /// The organization's name, or a person's full name (Sell fills both).
    pub name: String,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub customer_status: String,
    pub prospect_status: String,
    pub title: Option<String>,
    pub description: Option<String>,
    pub industry: Option<String>,
    pub website: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub mobile: Option<String>,
    pub fax: Option<String>,
    pub twitter: Option<String>,
    pub facebook: Option<String>,
    pub linkedin: Option<String>,
    pub skype: Option<String>,
    pub address: Address,
    pub tags: Vec<String>,
    pub custom_fields: CustomFields,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Deal {
    pub id: DealId,
    pub creator_id: UserId,
    pub owner_id: UserId,
    pub name: String,
    /// Sell documents a decimal; we send a JSON number (a guess: some accounts are said to send
    /// strings such as "1500.00", which the app also accepts).
    pub value: f64,
    pub currency: String,
    pub hot: bool,
    pub stage_id: StageId,
    pub contact_id: Option<ContactId>,
    pub organization_id: Option<ContactId>,
    pub source_id: Option<SourceId>,
    pub loss_reason_id: Option<u64>,
    pub dropbox_email: String,
    pub estimated_close_date: Option<String>,
    pub customized_win_likelihood: Option<u32>,
    pub last_stage_change_at: Option<String>,
    pub last_stage_change_by_id: Option<UserId>,
    /// Not in Sell's reference field list (a guess): the app's model reads it when present.
    pub last_activity_at: Option<String>,
    pub added_on: String,
    pub tags: Vec<String>,
    pub custom_fields: CustomFields,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeadStatus {
    pub id: StatusId,
    pub name: String,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeadSource {
    pub id: SourceId,
    pub name: String,
    pub resource_type: String,
    pub creator_id: UserId,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pipeline {
    pub id: PipelineId,
    pub name: String,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stage {
    pub id: StageId,
    pub name: String,
    pub category: String,
    /// Sell's reference: "whether or not the stage contains finalized deals", so true for won/lost.
    pub active: bool,
    pub likelihood: u32,
    pub pipeline_id: PipelineId,
    pub position: u32,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Account {
    pub id: u64,
    pub name: String,
    pub currency: String,
    pub timezone: String,
    pub time_format: String,
    pub phone: Option<String>,
    pub subdomain: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// A lead distribution pool: a phantom user whose leads go round-robin to its members.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pool {
    pub id: UserId,
    pub name: String,
    pub members: Vec<UserId>,
    /// Index into `members` of the member who gets the next lead.
    pub next_index: usize,
}

/// A record Sell shows only to its owner and the users above the owner (leads, contacts, deals).
pub trait Owned: Serialize {
    /// The resource's name in envelopes and errors ("lead").
    const KIND: &'static str;
    fn id(&self) -> u64;
    fn owner(&self) -> UserId;
}

macro_rules! owned {
    ($record:ty, $kind:literal) => {
        impl Owned for $record {
            const KIND: &'static str = $kind;
            fn id(&self) -> u64 {
                self.id.0
            }
            fn owner(&self) -> UserId {
                self.owner_id
            }
        }
    };
}

owned!(Lead, "lead");
owned!(Contact, "contact");
owned!(Deal, "deal");
