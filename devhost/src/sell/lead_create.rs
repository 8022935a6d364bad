//! `POST /v2/leads`: Sell's validation of a new lead, then who owns it.
//!
//! Rules (Sell's reference, guesses marked): `last_name` is required unless `organization_name` is
//! given; an attribute Sell doesn't know is a 422 `unknown attribute`; `owner_id` must name an
//! active user or a distribution pool; `status` must be the name of an existing lead status
//! (default: the first status); `source_id` must exist; `email` must look like an address (loose
//! check, a guess); custom field names must be defined for leads (a guess). Read-only attributes
//! (`id`, `creator_id`, timestamps) are ignored. All errors are reported together.

use super::error::{ApiError, ErrorItem};
use super::pools;
use super::records::{Address, Lead, SourceId, UserId};
use super::request_body::is_blank;
use super::seed::blank_lead;
use super::store::Store;
use serde_json::{Map, Value};

const TEXT_FIELDS: [&str; 16] = [
    "first_name",
    "last_name",
    "organization_name",
    "title",
    "description",
    "industry",
    "website",
    "email",
    "phone",
    "mobile",
    "fax",
    "twitter",
    "facebook",
    "linkedin",
    "skype",
    "status",
];
const ADDRESS_FIELDS: [&str; 5] = ["line1", "city", "postal_code", "state", "country"];
const READ_ONLY: [&str; 4] = ["id", "creator_id", "created_at", "updated_at"];

fn invalid(field: &str, message: &str, details: impl Into<String>) -> ErrorItem {
    ErrorItem::field("lead", field, "invalid", message, details)
}

fn unknown(field: &str) -> ErrorItem {
    ErrorItem::field(
        "lead",
        field,
        "unknown",
        "unknown attribute",
        format!("The attribute `{field}` is not a known attribute of a lead."),
    )
}

/// Checks each attribute's JSON type; returns errors for wrong types and unknown names.
fn type_errors(data: &Map<String, Value>, store: &Store) -> Vec<ErrorItem> {
    let mut errors = Vec::new();
    for (key, value) in data {
        let k = key.as_str();
        match k {
            "owner_id" | "source_id" => {
                if !(value.is_null() || value.is_u64()) {
                    errors.push(invalid(
                        k,
                        "must be an integer",
                        format!("`{k}` must be an id (a JSON integer)."),
                    ));
                }
            }
            _ if TEXT_FIELDS.contains(&k) => {
                if !(value.is_null() || value.is_string()) {
                    errors.push(invalid(
                        k,
                        "must be a string",
                        format!("`{k}` must be a JSON string."),
                    ));
                }
            }
            "tags" => {
                if !value
                    .as_array()
                    .is_some_and(|tags| tags.iter().all(Value::is_string))
                {
                    errors.push(invalid(
                        k,
                        "must be an array of strings",
                        "`tags` must be a JSON array of strings.",
                    ));
                }
            }
            "address" => match value {
                Value::Null => {}
                Value::Object(parts) => {
                    for (part, v) in parts {
                        if !ADDRESS_FIELDS.contains(&part.as_str()) {
                            errors.push(unknown(&format!("address/{part}")));
                        } else if !(v.is_null() || v.is_string()) {
                            errors.push(invalid(
                                &format!("address/{part}"),
                                "must be a string",
                                "Address parts are JSON strings.",
                            ));
                        }
                    }
                }
                _ => errors.push(invalid(
                    k,
                    "must be an object",
                    "`address` must be a JSON object.",
                )),
            },
            "custom_fields" => match value {
                Value::Null => {}
                Value::Object(fields) => {
                    for name in fields
                        .keys()
                        .filter(|n| !store.lead_custom_fields.contains(n))
                    {
                        errors.push(ErrorItem::field(
                            "lead",
                            &format!("custom_fields/{name}"),
                            "unknown",
                            "unknown custom field",
                            format!("No lead custom field is named `{name}`."),
                        ));
                    }
                }
                _ => errors.push(invalid(
                    k,
                    "must be an object",
                    "`custom_fields` must be a JSON object keyed by field name.",
                )),
            },
            _ if READ_ONLY.contains(&k) => {}
            _ => errors.push(unknown(k)),
        }
    }
    errors
}

/// Loose, as Sell's is undocumented: one `@`, something on each side, a dot in the domain, no spaces.
fn looks_like_email(email: &str) -> bool {
    match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.contains('@')
                && !email.chars().any(char::is_whitespace)
        }
        None => false,
    }
}

fn text(data: &Map<String, Value>, key: &str) -> Option<String> {
    data.get(key).and_then(Value::as_str).map(str::to_string)
}

/// Validates the `data` of a create request and stores the lead; pool owners are resolved here.
pub fn create_lead(
    data: &Map<String, Value>,
    store: &mut Store,
    creator: UserId,
    now: String,
) -> Result<Lead, ApiError> {
    let mut errors = type_errors(data, store);
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    if is_blank(data.get("last_name")) && is_blank(data.get("organization_name")) {
        errors.push(ErrorItem::field(
            "lead",
            "last_name",
            "blank",
            "can't be blank",
            "`last_name` is required unless `organization_name` is given.",
        ));
    }
    if let Some(email) = text(data, "email").filter(|e| !e.is_empty()) {
        if !looks_like_email(&email) {
            errors.push(invalid(
                "email",
                "is invalid",
                format!("`{email}` is not an email address."),
            ));
        }
    }
    let owner = data
        .get("owner_id")
        .and_then(Value::as_u64)
        .map(UserId)
        .unwrap_or(creator);
    match store.user(owner) {
        None => errors.push(invalid(
            "owner_id",
            "is invalid",
            format!("No user has id {}.", owner.0),
        )),
        Some(user) if !user.is_active() => errors.push(invalid(
            "owner_id",
            "is invalid",
            format!("User {} is inactive.", owner.0),
        )),
        Some(_) => {}
    }
    let status = match text(data, "status") {
        Some(name) if !store.lead_statuses.iter().any(|s| s.name == name) => {
            errors.push(invalid(
                "status",
                "is invalid",
                format!("No lead status is named `{name}`."),
            ));
            name
        }
        Some(name) => name,
        None => store
            .lead_statuses
            .first()
            .map(|s| s.name.clone())
            .unwrap_or_else(|| "New".into()),
    };
    let source_id = data.get("source_id").and_then(Value::as_u64).map(SourceId);
    if let Some(source) = source_id {
        if !store.lead_sources.iter().any(|s| s.id == source) {
            errors.push(invalid(
                "source_id",
                "is invalid",
                format!("No lead source has id {}.", source.0),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    // Disjoint field borrows: the pool's counter changes while the users are read.
    let owner = match store.pools.iter_mut().find(|p| p.id == owner) {
        Some(pool) => pools::assign_next(pool, &store.users).ok_or_else(|| {
            ApiError::validation(vec![invalid(
                "owner_id",
                "is invalid",
                "The distribution pool has no active member.",
            )])
        })?,
        None => owner,
    };
    let address = data
        .get("address")
        .and_then(Value::as_object)
        .map(|a| Address {
            line1: text(a, "line1"),
            city: text(a, "city"),
            postal_code: text(a, "postal_code"),
            state: text(a, "state"),
            country: text(a, "country"),
        });
    let lead = Lead {
        creator_id: creator,
        first_name: text(data, "first_name"),
        last_name: text(data, "last_name"),
        organization_name: text(data, "organization_name"),
        status,
        source_id,
        title: text(data, "title"),
        description: text(data, "description"),
        industry: text(data, "industry"),
        website: text(data, "website"),
        email: text(data, "email"),
        phone: text(data, "phone"),
        mobile: text(data, "mobile"),
        fax: text(data, "fax"),
        twitter: text(data, "twitter"),
        facebook: text(data, "facebook"),
        linkedin: text(data, "linkedin"),
        skype: text(data, "skype"),
        address: address.unwrap_or_default(),
        tags: data
            .get("tags")
            .and_then(Value::as_array)
            .map(|t| {
                t.iter()
                    .filter_map(|v| v.as_str().map(Into::into))
                    .collect()
            })
            .unwrap_or_default(),
        custom_fields: data
            .get("custom_fields")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default(),
        ..blank_lead(store.next_lead_id(), owner, now)
    };
    store.leads.push(lead.clone());
    Ok(lead)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sell::seed::{self, *};
    use serde_json::json;

    fn create(data: Value) -> Result<Lead, ApiError> {
        let mut store = seed::seed();
        create_lead(
            data.as_object().unwrap_or(&Map::new()),
            &mut store,
            NORA,
            "now".into(),
        )
    }

    fn codes(result: Result<Lead, ApiError>) -> Vec<(String, String)> {
        match result {
            Ok(_) => vec![],
            Err(e) => e
                .errors
                .into_iter()
                .map(|i| (i.field.unwrap_or_default(), i.code))
                .collect(),
        }
    }

    fn pair(field: &str, code: &str) -> (String, String) {
        (field.to_string(), code.to_string())
    }

    #[test]
    fn last_name_is_required_unless_organization_name_is_given() {
        assert_eq!(
            codes(create(json!({"first_name": "A"}))),
            vec![pair("/last_name", "blank")]
        );
        assert_eq!(
            codes(create(json!({"last_name": "  "}))),
            vec![pair("/last_name", "blank")]
        );
        assert!(create(json!({"organization_name": "Org"})).is_ok());
        assert!(create(json!({"last_name": "L"})).is_ok());
    }

    #[test]
    fn unknown_attributes_and_wrong_types_are_refused() {
        assert_eq!(
            codes(create(json!({"last_name": "L", "nickname": "x"}))),
            vec![pair("/nickname", "unknown")]
        );
        assert_eq!(
            codes(create(
                json!({"last_name": "L", "address": {"street": "x"}})
            )),
            vec![pair("/address/street", "unknown")]
        );
        assert_eq!(
            codes(create(json!({"last_name": "L", "owner_id": "3"}))),
            vec![pair("/owner_id", "invalid")]
        );
        assert_eq!(
            codes(create(json!({"last_name": 5}))),
            vec![pair("/last_name", "invalid")]
        );
        assert_eq!(
            codes(create(json!({"last_name": "L", "tags": "a"}))),
            vec![pair("/tags", "invalid")]
        );
        assert_eq!(
            codes(create(
                json!({"last_name": "L", "custom_fields": {"Nope": 1}})
            )),
            vec![pair("/custom_fields/Nope", "unknown")]
        );
    }

    #[test]
    fn references_must_exist_and_all_errors_come_together() {
        let result = create(
            json!({"last_name": "L", "owner_id": 99, "status": "Hot", "source_id": 1, "email": "not-an-email"}),
        );
        let mut got = codes(result);
        got.sort();
        assert_eq!(
            got,
            vec![
                pair("/email", "invalid"),
                pair("/owner_id", "invalid"),
                pair("/source_id", "invalid"),
                pair("/status", "invalid")
            ]
        );
        assert_eq!(
            codes(create(json!({"last_name": "L", "owner_id": 6}))),
            vec![pair("/owner_id", "invalid")],
            "inactive owner"
        );
    }

    #[test]
    fn defaults_owner_to_the_creator_and_status_to_the_first_status() {
        let lead = create(json!({"last_name": "L"})).ok();
        assert_eq!(
            lead.as_ref()
                .map(|l| (l.owner_id, l.creator_id, l.status.as_str())),
            Some((NORA, NORA, "New"))
        );
    }

    #[test]
    fn a_pool_owner_becomes_the_pools_next_member() {
        let mut store = seed::seed();
        let data = json!({"last_name": "L", "owner_id": 8});
        let owners: Vec<_> = (0..3)
            .filter_map(|_| create_lead(data.as_object()?, &mut store, ADA, "now".into()).ok())
            .map(|l| l.owner_id)
            .collect();
        assert_eq!(owners, vec![MAX, SOFIA, MAX]);
    }

    #[test]
    fn a_refused_lead_does_not_advance_the_pool() {
        let mut store = seed::seed();
        let bad = json!({"owner_id": 7});
        assert!(create_lead(
            bad.as_object().unwrap_or(&Map::new()),
            &mut store,
            ADA,
            "now".into()
        )
        .is_err());
        assert_eq!(store.pools.first().map(|p| p.next_index), Some(0));
    }

    #[test]
    fn email_check_is_loose() {
        for ok in ["a@b.co", "first.last+tag@sub.example.test"] {
            assert!(looks_like_email(ok), "{ok}");
        }
        for bad in ["plain", "@b.co", "a@b", "a b@c.de", "a@b@c.de"] {
            assert!(!looks_like_email(bad), "{bad}");
        }
    }
}
