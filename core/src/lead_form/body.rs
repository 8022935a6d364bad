//! The lead record of a `POST /v2/leads` (the request layer adds Sell's `data` envelope). Only attributes Sell knows, and no empty ones: Sell answers an unknown
//! attribute with a 422, and an empty string would overwrite nothing but still look like data.

use super::ValidLead;
use crate::sell::model::SourceId;
use crate::json::Json;

/// The record's attributes for a checked lead (unwrapped: `requests::lead_create` adds `data`). `status_name` is the lead status *name* (Sell takes names);
/// a blank one is left out so Sell applies its default.
pub fn lead_record(lead: &ValidLead, status_name: &str, source_id: Option<SourceId>) -> Json {
    let mut data: Vec<(String, Json)> = Vec::new();
    let texts = [
        ("first_name", &lead.first_name),
        ("last_name", &lead.last_name),
        ("organization_name", &lead.organization_name),
        ("email", &lead.email),
        ("phone", &lead.phone),
        ("description", &lead.description),
    ];
    for (key, value) in texts {
        if let Some(value) = value {
            data.push((key.to_string(), Json::String(value.clone())));
        }
    }
    data.push(("owner_id".into(), Json::from(lead.owner_id.0)));
    let status = status_name.trim();
    if !status.is_empty() {
        data.push(("status".into(), Json::String(status.to_string())));
    }
    if let Some(source_id) = source_id {
        data.push(("source_id".into(), Json::from(source_id.0)));
    }
    Json::Object(data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lead_form::{validate, LeadDraft};
    use crate::policy::owner::{FixedBecause, OwnerChoice, OwnerField, OwnerKind};
    use crate::sell::model::UserId;
    use serde_json::{json, Value};

    /// As serde_json reads it, to compare as JSON whatever the key order.
    fn as_value(body: &Json) -> Value {
        serde_json::from_str(&body.to_text()).unwrap_or_else(|e| panic!("{e}"))
    }

    fn valid(draft: LeadDraft) -> ValidLead {
        let owner = OwnerChoice {
            id: UserId(7),
            label: "Inbound pool".into(),
            kind: OwnerKind::Pool,
            email: None,
        };
        match validate(
            &draft,
            &OwnerField::Fixed {
                owner,
                because: FixedBecause::ConfiguredOwner,
            },
        ) {
            Ok(lead) => lead,
            Err(errors) => panic!("test draft should be valid: {errors:?}"),
        }
    }

    #[test]
    fn sends_every_filled_field_and_nothing_else() {
        let lead = valid(LeadDraft {
            first_name: "Lea".into(),
            last_name: " Lead ".into(),
            organization_name: "Lead Only GmbH".into(),
            email: "lea@lead-only.test".into(),
            phone: "+49 30 1234".into(),
            description: "From Zendesk Support ticket #101".into(),
            owner: None,
        });
        assert_eq!(
            as_value(&lead_record(&lead, "New", Some(SourceId(4)))),
            json!({
                "first_name": "Lea",
                "last_name": "Lead",
                "organization_name": "Lead Only GmbH",
                "email": "lea@lead-only.test",
                "phone": "+49 30 1234",
                "description": "From Zendesk Support ticket #101",
                "owner_id": 7,
                "status": "New",
                "source_id": 4,
            })
        );
    }

    #[test]
    fn leaves_out_empty_fields_blank_status_and_no_source() {
        let lead = valid(LeadDraft {
            organization_name: "Contoso".into(),
            first_name: "  ".into(),
            ..LeadDraft::default()
        });
        assert_eq!(
            as_value(&lead_record(&lead, "  ", None)),
            json!({"organization_name": "Contoso", "owner_id": 7})
        );
    }

    #[test]
    fn strings_with_markup_or_quotes_are_sent_as_plain_json_strings() {
        let lead = valid(LeadDraft {
            last_name: "<img src=x onerror=alert(1)> \"Payload\"".into(),
            ..LeadDraft::default()
        });
        let body = as_value(&lead_record(&lead, "New", None));
        assert_eq!(
            body.pointer("/last_name"),
            Some(&json!("<img src=x onerror=alert(1)> \"Payload\""))
        );
    }
}
