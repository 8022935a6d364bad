//! Many person contacts sharing one email, each with one deal: what a shared address such as
//! `info@` looks like, so a client that asks deals per contact makes one request per contact.

use super::SharedContacts;
use crate::sell::records::{Contact, ContactId, Deal, DealId, UserId};
use crate::sell::seed::{blank_contact, blank_deal, STAGE_INCOMING};
use crate::sell::store::Store;
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct AddedSharedContacts {
    pub email: String,
    pub count: usize,
    pub contact_ids: Vec<u64>,
    /// `deal_ids[i]` is the deal of `contact_ids[i]`.
    pub deal_ids: Vec<u64>,
    /// The owners taken in turn: contact `i` is owned by `owner_ids[i % owner_ids.len()]`.
    pub owner_ids: Vec<u64>,
}

/// Active people, by id: an inactive user or a pool can't own new records.
fn active_people(store: &Store) -> Vec<UserId> {
    let mut people: Vec<UserId> = store
        .users
        .iter()
        .filter(|u| u.identity_type == "person" && u.is_active())
        .map(|u| u.id)
        .collect();
    people.sort();
    people
}

pub fn add_shared_contacts(
    store: &mut Store,
    shared: &SharedContacts,
    now: &str,
) -> AddedSharedContacts {
    let owners = active_people(store);
    let email = shared.email.trim().to_string();
    let first_contact = store.next_contact_id().0;
    let first_deal = store.next_deal_id().0;
    let (mut contact_ids, mut deal_ids) = (Vec::new(), Vec::new());
    // Zipping with the owners in turn: with no active person, nothing can be owned, so nothing is added.
    for (n, owner) in (0..shared.count).zip(owners.iter().copied().cycle()) {
        let number = format!("{:03}", n + 1);
        let contact_id = ContactId(first_contact + n as u64);
        let deal_id = DealId(first_deal + n as u64);
        store.contacts.push(Contact {
            name: format!("Shared Person {number}"),
            first_name: Some("Shared".into()),
            last_name: Some(format!("Person {number}")),
            email: Some(email.clone()),
            ..blank_contact(contact_id, owner, now.to_string())
        });
        store.deals.push(Deal {
            name: format!("Shared deal {number}"),
            value: 100.0 * (n + 1) as f64,
            ..blank_deal(deal_id, owner, STAGE_INCOMING, contact_id, now.to_string())
        });
        contact_ids.push(contact_id.0);
        deal_ids.push(deal_id.0);
    }
    AddedSharedContacts {
        email,
        count: contact_ids.len(),
        contact_ids,
        deal_ids,
        owner_ids: owners.iter().map(|o| o.0).collect(),
    }
}
