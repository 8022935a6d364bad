//! Bulk data for stress tests (`POST /_emu/huge`): many leads sharing one email, one lead whose
//! strings are megabytes long, many contacts sharing one email (each with a deal), and reference
//! lists longer than one page (sources, stages) with a won deal on the last stage.

mod contacts;
mod leads;
mod reference;

use super::records::StageId;
use super::store::Store;
use serde::Deserialize;
use serde_json::{json, Value};

use leads::SHARED_EMAIL;

pub const MAX_LEADS: usize = 200_000;
pub const MAX_STRING_BYTES: usize = 20_000_000;
/// Issue 15 asks for a shared address matching up to 100 contacts; 1000 leaves room beyond it.
pub const MAX_SHARED_CONTACTS: usize = 1000;
pub const MAX_LEAD_SOURCES: usize = 1000;
pub const MAX_STAGES: usize = 1000;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)] // a misspelt key must not silently add nothing
pub struct HugeRequest {
    #[serde(default)]
    pub leads: usize,
    #[serde(default)]
    pub string_bytes: usize,
    #[serde(default)]
    pub shared_contacts: Option<SharedContacts>,
    #[serde(default)]
    pub lead_sources: usize,
    #[serde(default)]
    pub stages: usize,
    /// Adds "Deal on a late stage" on the last of this request's `stages`.
    #[serde(default)]
    pub won_deal_on_last_stage: bool,
}

/// `count` person contacts that all have `email`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedContacts {
    pub email: String,
    pub count: usize,
}

impl HugeRequest {
    pub fn validate(&self) -> Result<(), String> {
        if self.leads > MAX_LEADS {
            return Err(format!("leads must be at most {MAX_LEADS}"));
        }
        if self.string_bytes > MAX_STRING_BYTES {
            return Err(format!("string_bytes must be at most {MAX_STRING_BYTES}"));
        }
        if let Some(shared) = &self.shared_contacts {
            shared.validate()?;
        }
        if self.lead_sources > MAX_LEAD_SOURCES {
            return Err(format!("lead_sources must be at most {MAX_LEAD_SOURCES}"));
        }
        if self.stages > MAX_STAGES {
            return Err(format!("stages must be at most {MAX_STAGES}"));
        }
        if self.won_deal_on_last_stage && self.stages == 0 {
            return Err(
                "won_deal_on_last_stage needs stages of at least 1 in the same request".into(),
            );
        }
        Ok(())
    }
}

impl SharedContacts {
    fn validate(&self) -> Result<(), String> {
        if !(1..=MAX_SHARED_CONTACTS).contains(&self.count) {
            return Err(format!(
                "shared_contacts.count must be from 1 to {MAX_SHARED_CONTACTS}"
            ));
        }
        let email = self.email.trim();
        if email.len() > 254 || !email.contains('@') || email.contains(char::is_whitespace) {
            return Err(format!(
                "shared_contacts.email `{}` is not an email address",
                self.email
            ));
        }
        Ok(())
    }
}

/// Adds the bulk records and says what was added (`null` for what was not asked). Anything that
/// could refuse is checked before the first record is added, so a refusal changes nothing.
pub fn add(store: &mut Store, request: &HugeRequest) -> Result<Value, String> {
    let late_deal_contact = request
        .won_deal_on_last_stage
        .then(|| reference::late_deal_contact(store))
        .transpose()?;
    if request.stages > 0 {
        reference::check_pipeline(store)?;
    }
    let now = super::timestamp::now();
    leads::add_leads(store, request.leads, &now);
    let megastring = (request.string_bytes > 0)
        .then(|| leads::add_megastring_lead(store, request.string_bytes, &now));
    let shared_contacts = request
        .shared_contacts
        .as_ref()
        .map(|shared| contacts::add_shared_contacts(store, shared, &now));
    let lead_sources = (request.lead_sources > 0)
        .then(|| reference::add_lead_sources(store, request.lead_sources, &now));
    let stages = (request.stages > 0).then(|| reference::add_stages(store, request.stages, &now));
    let last_stage = stages
        .as_ref()
        .and_then(|s| s.last.as_ref())
        .map(|l| StageId(l.id));
    let won_deal = match (last_stage, late_deal_contact) {
        (Some(stage), Some(contact)) => Some(reference::add_late_deal(store, stage, contact, &now)),
        _ => None,
    };
    Ok(json!({
        "added_leads": request.leads,
        "shared_email": SHARED_EMAIL,
        "megastring_lead_id": megastring,
        "shared_contacts": shared_contacts,
        "lead_sources": lead_sources,
        "stages": stages,
        "won_deal": won_deal,
    }))
}

#[cfg(test)]
mod tests;
