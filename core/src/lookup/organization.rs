//! The organization sidebar: which Sell organization a Support organization is. Matched by name,
//! exactly but ignoring case and surrounding space (Sell's `name` filter is asked first; its answer is
//! checked again here, as the filter's exactness is not documented); several matches are the agent's
//! to pick, remembered per Support organization.

use crate::text::Lowercased;
use crate::json::{self, Json};
use crate::policy::visibility::Visibility;
use crate::sell::model::{list_from_json, list_to_json, Contact, ContactId};
use crate::sell::requests::{self, SellRequest};

/// `GET /v2/contacts?name=…&is_organization=true`.
pub fn organizations_named(name: &str) -> SellRequest {
    requests::organizations_by_name(name.trim())
}

/// The organization's people: contacts whose organization it is.
pub fn people_of(organization: ContactId) -> SellRequest {
    requests::contacts_of_organization(organization)
}

/// What a Support organization is in Sell, as far as the agent may see.
#[derive(Debug, Clone, PartialEq)]
pub enum OrganizationMatch {
    /// No Sell organization has that name.
    NotFound,
    /// Sell has organizations with that name, none of them the agent's to see.
    NoneVisible,
    One(Box<Contact>),
    /// Several organizations share the name: the agent picks one.
    Several(Vec<Contact>),
}

impl OrganizationMatch {
    /// As cached: only what the agent may see (the organizations), or which empty state it was.
    pub fn to_json(&self) -> Json {
        match self {
            OrganizationMatch::NotFound => json::object(vec![("found", Json::from("none"))]),
            OrganizationMatch::NoneVisible => json::object(vec![("found", Json::from("hidden"))]),
            OrganizationMatch::One(org) => json::object(vec![("found", list_to_json(std::slice::from_ref(org.as_ref())))]),
            OrganizationMatch::Several(orgs) => json::object(vec![("found", list_to_json(orgs))]),
        }
    }

    pub fn from_json(stored: &Json) -> Option<OrganizationMatch> {
        match stored.get("found")? {
            Json::String(kind) if kind == "none" => Some(OrganizationMatch::NotFound),
            Json::String(kind) if kind == "hidden" => Some(OrganizationMatch::NoneVisible),
            list => {
                let mut orgs: Vec<Contact> = list_from_json(list)?;
                match orgs.len() {
                    0 => None,
                    1 => Some(OrganizationMatch::One(Box::new(orgs.remove(0)))),
                    _ => Some(OrganizationMatch::Several(orgs)),
                }
            }
        }
    }
}

/// Sell's answer for the name, kept to exact (case-insensitive) organizations the agent may see.
pub fn match_organization(name: &str, found: Vec<Contact>, visibility: &Visibility) -> OrganizationMatch {
    let wanted = name.trim().lowercased();
    let same: Vec<Contact> = found
        .into_iter()
        .filter(|c| c.is_organization && c.name.as_deref().is_some_and(|n| n.trim().lowercased() == wanted))
        .collect();
    let any = !same.is_empty();
    let (mut visible, _) = visibility.keep(same);
    match visible.len() {
        0 if any => OrganizationMatch::NoneVisible,
        0 => OrganizationMatch::NotFound,
        1 => OrganizationMatch::One(Box::new(visible.remove(0))),
        _ => OrganizationMatch::Several(visible),
    }
}

/// The cache key of the agent's pick for a Support organization.
pub fn pick_key(support_organization: u64) -> String {
    ["org-choice:", &support_organization.to_string()].concat()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sell::model::{test_record, UserId};
    use serde_json::json;

    fn org(id: u64, name: &str, owner: u64) -> Contact {
        test_record(&json!({"id": id, "is_organization": true, "name": name, "owner_id": owner}))
    }

    #[test]
    fn matched_by_exact_name_ignoring_case() {
        let found = vec![org(1, "Contoso GmbH", 3), org(2, "Contoso GmbH & Co", 3), org(3, "contoso gmbh ", 3)];
        match match_organization(" CONTOSO GMBH", found, &Visibility::Everything) {
            OrganizationMatch::Several(orgs) => assert_eq!(orgs.iter().map(|o| o.id.0).collect::<Vec<_>>(), [1, 3]),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn one_none_and_hidden() {
        let nora = Visibility::Owners([UserId(3)].into());
        assert!(matches!(match_organization("Twin", vec![org(1, "Twin", 3), org(2, "Twin", 5)], &nora), OrganizationMatch::One(o) if o.id.0 == 1));
        assert_eq!(match_organization("Twin", vec![org(2, "Twin", 5)], &nora), OrganizationMatch::NoneVisible);
        assert_eq!(match_organization("Nowhere", vec![], &nora), OrganizationMatch::NotFound);
        let person: Contact = test_record(&json!({"id": 9, "name": "Twin", "owner_id": 3}));
        assert_eq!(match_organization("Twin", vec![person], &nora), OrganizationMatch::NotFound, "people are not organizations");
    }

    #[test]
    fn a_match_is_stored_and_read_back() {
        for m in [
            OrganizationMatch::NotFound,
            OrganizationMatch::NoneVisible,
            OrganizationMatch::One(Box::new(org(1, "Twin", 3))),
            OrganizationMatch::Several(vec![org(1, "Twin", 3), org(2, "Twin", 5)]),
        ] {
            assert_eq!(OrganizationMatch::from_json(&m.to_json()), Some(m));
        }
    }

    #[test]
    fn requests_ask_sell_for_the_name_and_the_people() {
        assert_eq!(
            organizations_named(" Contoso GmbH ").url(),
            "https://api.getbase.com/v2/contacts?name=Contoso%20GmbH&is_organization=true&per_page=100"
        );
        assert_eq!(people_of(ContactId(20)).url(), "https://api.getbase.com/v2/contacts?contact_id=20&per_page=100");
        assert_eq!(pick_key(77), "org-choice:77");
    }
}
