//! Many leads with one email, and one lead whose strings are megabytes long; all owned by Ada.

use crate::sell::records::{Lead, LeadId};
use crate::sell::seed::{blank_lead, ADA};
use crate::sell::store::Store;

pub const SHARED_EMAIL: &str = "huge@bulk.test";
pub const MEGASTRING_EMAIL: &str = "megastring@bulk.test";

pub fn add_leads(store: &mut Store, count: usize, now: &str) {
    const STATUSES: [&str; 4] = ["New", "Incoming", "Working", "Unqualified"];
    let first_id = store.next_lead_id().0;
    for n in 0..count {
        let id = LeadId(first_id + n as u64);
        store.leads.push(Lead {
            first_name: Some("Bulk".into()),
            last_name: Some(format!("Lead {:06}", n + 1)),
            organization_name: Some(format!("Bulk Org {}", n % 97)),
            email: Some(SHARED_EMAIL.into()),
            status: STATUSES[n % STATUSES.len()].into(),
            ..blank_lead(id, ADA, now.to_string())
        });
    }
}

/// The new lead's id.
pub fn add_megastring_lead(store: &mut Store, bytes: usize, now: &str) -> u64 {
    let id = store.next_lead_id();
    let text = long_text(bytes);
    store.leads.push(Lead {
        first_name: Some("Mega".into()),
        last_name: Some("String".into()),
        organization_name: Some(text.clone()),
        title: Some(text.clone()),
        description: Some(text.clone()),
        tags: vec![text],
        email: Some(MEGASTRING_EMAIL.into()),
        ..blank_lead(id, ADA, now.to_string())
    });
    id.0
}

/// `bytes` long, ASCII, with spaces so a renderer can wrap it.
fn long_text(bytes: usize) -> String {
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit. "
        .chars()
        .cycle()
        .take(bytes)
        .collect()
}
