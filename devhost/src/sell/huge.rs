//! Bulk data for stress tests (`POST /_emu/huge`): many leads sharing one email, and one lead
//! whose strings are megabytes long.

use super::records::LeadId;
use super::seed::{blank_lead, ADA};
use super::store::Store;
use serde::Deserialize;
use serde_json::{json, Value};

pub const MAX_LEADS: usize = 200_000;
pub const MAX_STRING_BYTES: usize = 20_000_000;
pub const SHARED_EMAIL: &str = "huge@bulk.test";
pub const MEGASTRING_EMAIL: &str = "megastring@bulk.test";

#[derive(Debug, Deserialize)]
pub struct HugeRequest {
    #[serde(default)]
    pub leads: usize,
    #[serde(default)]
    pub string_bytes: usize,
}

impl HugeRequest {
    pub fn validate(&self) -> Result<(), String> {
        if self.leads > MAX_LEADS {
            return Err(format!("leads must be at most {MAX_LEADS}"));
        }
        if self.string_bytes > MAX_STRING_BYTES {
            return Err(format!("string_bytes must be at most {MAX_STRING_BYTES}"));
        }
        Ok(())
    }
}

/// `bytes` long, ASCII, with spaces so a renderer can wrap it.
fn long_text(bytes: usize) -> String {
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit. "
        .chars()
        .cycle()
        .take(bytes)
        .collect()
}

/// Adds the bulk records (all owned by Ada) and says what was added.
pub fn add(store: &mut Store, request: &HugeRequest) -> Value {
    const STATUSES: [&str; 4] = ["New", "Incoming", "Working", "Unqualified"];
    let first_id = store.next_lead_id().0;
    let now = super::timestamp::now();
    for n in 0..request.leads {
        let id = LeadId(first_id + n as u64);
        store.leads.push(super::records::Lead {
            first_name: Some("Bulk".into()),
            last_name: Some(format!("Lead {:06}", n + 1)),
            organization_name: Some(format!("Bulk Org {}", n % 97)),
            email: Some(SHARED_EMAIL.into()),
            status: STATUSES[n % STATUSES.len()].into(),
            ..blank_lead(id, ADA, now.clone())
        });
    }
    let megastring = (request.string_bytes > 0).then(|| {
        let id = store.next_lead_id();
        let text = long_text(request.string_bytes);
        store.leads.push(super::records::Lead {
            first_name: Some("Mega".into()),
            last_name: Some("String".into()),
            organization_name: Some(text.clone()),
            title: Some(text.clone()),
            description: Some(text.clone()),
            tags: vec![text],
            email: Some(MEGASTRING_EMAIL.into()),
            ..blank_lead(id, ADA, now.clone())
        });
        id.0
    });
    json!({"added_leads": request.leads, "shared_email": SHARED_EMAIL, "megastring_lead_id": megastring})
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sell::seed;

    #[test]
    fn adds_leads_with_the_shared_email_and_one_megastring_lead() {
        let mut store = seed::seed();
        let before = store.leads.len();
        let summary = add(
            &mut store,
            &HugeRequest {
                leads: 50,
                string_bytes: 1000,
            },
        );
        assert_eq!(store.leads.len(), before + 51);
        assert_eq!(
            store
                .leads
                .iter()
                .filter(|l| l.email.as_deref() == Some(SHARED_EMAIL))
                .count(),
            50
        );
        let mega = store
            .leads
            .iter()
            .find(|l| l.email.as_deref() == Some(MEGASTRING_EMAIL));
        assert_eq!(
            mega.and_then(|l| l.description.as_ref()).map(String::len),
            Some(1000)
        );
        assert_eq!(summary["megastring_lead_id"], json!(mega.map(|l| l.id.0)));
    }
}
