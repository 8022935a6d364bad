//! Before a lead is created: is the person already in Sell? A lead or contact with the same email
//! makes the form ask "Create anyway?" instead of quietly adding a second record.

use crate::text::Lowercased;
use crate::policy::fields::{contact_display_name, lead_display_name};
use crate::policy::visibility::Visibility;
use crate::sell::model::{Contact, ContactId, Lead, LeadId};

/// One record already in Sell with the lead's email, enough to show it and link to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Existing {
    Lead {
        id: LeadId,
        name: String,
    },
    Contact {
        id: ContactId,
        name: String,
        organization: bool,
    },
}

/// What Sell already has with the lead's email: the records the agent may see, and how many others.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Duplicates {
    pub records: Vec<Existing>,
    /// Records with the email the agent may not see: shown only as a neutral line that one exists,
    /// with no name, owner or value.
    pub hidden: usize,
}

impl Duplicates {
    pub fn is_empty(&self) -> bool {
        self.records.is_empty() && self.hidden == 0
    }
}

/// The leads and contacts Sell returned for `leads_by_email` / `contacts_by_email` that really carry
/// `email` (compared trimmed and case-insensitively: Sell's filter is not documented to be exact),
/// leads first, each once; those `visibility` doesn't allow are only counted.
pub fn duplicates_of(email: &str, leads: &[Lead], contacts: &[Contact], visibility: &Visibility) -> Duplicates {
    let wanted = email.trim().lowercased();
    if wanted.is_empty() {
        return Duplicates::default();
    }
    let same = |e: &Option<String>| e.as_deref().is_some_and(|e| e.trim().lowercased() == wanted);
    let mut hidden = crate::id_map::IdSet::new();
    for lead in leads.iter().filter(|l| same(&l.email) && !visibility.sees(l.owner_id)) {
        hidden.insert(MatchKey::Lead(lead.id));
    }
    for contact in contacts.iter().filter(|c| same(&c.email) && !visibility.sees(c.owner_id)) {
        hidden.insert(MatchKey::Contact(contact.id));
    }
    let leads = leads.iter().filter(|l| visibility.sees(l.owner_id));
    let contacts = contacts.iter().filter(|c| visibility.sees(c.owner_id));
    let mut records: Vec<Existing> = Vec::new();
    for lead in leads.filter(|l| same(&l.email)) {
        let existing = Existing::Lead {
            id: lead.id,
            name: lead_display_name(lead),
        };
        if !records.contains(&existing) {
            records.push(existing);
        }
    }
    for contact in contacts.filter(|c| same(&c.email)) {
        let existing = Existing::Contact {
            id: contact.id,
            name: contact_display_name(contact),
            organization: contact.is_organization,
        };
        if !records.contains(&existing) {
            records.push(existing);
        }
    }
    Duplicates { records, hidden: hidden.len() }
}

/// A record counted once, however often Sell lists it.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum MatchKey {
    Lead(LeadId),
    Contact(ContactId),
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn lead(id: u64, email: Option<&str>) -> Lead {
        crate::sell::model::test_record(&json!({"id": id, "first_name": "Bea", "last_name": "Both", "email": email, "owner_id": 5}))
    }

    fn contact(id: u64, email: &str, organization: bool) -> Contact {
        crate::sell::model::test_record(&json!({
            "id": id, "first_name": "Bea", "last_name": "Both", "name": "Contoso GmbH",
            "email": email, "is_organization": organization, "owner_id": 3
        }))
    }

    #[test]
    fn a_lead_and_a_contact_with_the_email_are_both_shown_leads_first() {
        let found = duplicates_of(
            " Bea@Both.test ",
            &[lead(1001, Some("bea@both.test"))],
            &[contact(2001, "BEA@both.test", false)],
            &Visibility::Everything,
        );
        assert_eq!(
            found.records,
            vec![
                Existing::Lead {
                    id: LeadId(1001),
                    name: "Bea Both".into()
                },
                Existing::Contact {
                    id: ContactId(2001),
                    name: "Bea Both".into(),
                    organization: false
                },
            ]
        );
    }

    #[test]
    fn records_with_another_email_or_none_are_not_duplicates() {
        let found = duplicates_of(
            "bea@both.test",
            &[lead(1, Some("bea@both.test.evil")), lead(2, None)],
            &[contact(3, "other@both.test", false)],
            &Visibility::Everything,
        );
        assert!(found.is_empty());
    }

    #[test]
    fn without_an_email_nothing_is_a_duplicate() {
        assert!(duplicates_of("  ", &[lead(1, Some(""))], &[], &Visibility::Everything).is_empty());
    }

    #[test]
    fn an_organization_is_named_as_one_and_repeats_count_once() {
        let org = contact(2002, "info@contoso.test", true);
        let found = duplicates_of("info@contoso.test", &[], &[org.clone(), org], &Visibility::Everything);
        assert_eq!(
            found.records,
            vec![Existing::Contact {
                id: ContactId(2002),
                name: "Contoso GmbH".into(),
                organization: true
            }]
        );
    }

    #[test]
    fn records_the_agent_may_not_see_are_counted_never_described() {
        let nora = Visibility::Owners([crate::sell::model::UserId(3)].into());
        let found = duplicates_of(
            "bea@both.test",
            &[lead(1001, Some("bea@both.test")), lead(1001, Some("bea@both.test"))],
            &[contact(2001, "bea@both.test", false)],
            &nora,
        );
        assert_eq!(found.hidden, 1, "Tom's lead, counted once");
        assert_eq!(found.records.len(), 1, "Nora's contact is shown");
        let only_hidden = duplicates_of("bea@both.test", &[lead(1001, Some("bea@both.test"))], &[], &nora);
        assert!(only_hidden.records.is_empty());
        assert!(!only_hidden.is_empty(), "a hidden record still asks before creating another");
    }
}
