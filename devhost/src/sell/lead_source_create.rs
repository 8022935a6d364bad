//! `POST /v2/lead_sources`: a name that is not blank and not taken, and `resource_type` "lead".
//! Uniqueness ignores case (a guess: Sell documents unique names, not how it compares them), while
//! the `name` filter of the list is case-sensitive, so a client looking a source up by a differently
//! cased name finds nothing and then gets `taken` on create.

use super::error::{ApiError, ErrorItem};
use super::records::{LeadSource, UserId};
use super::request_body::is_blank;
use super::store::Store;
use serde_json::{Map, Value};

pub fn create_lead_source(
    data: &Map<String, Value>,
    store: &mut Store,
    creator: UserId,
    now: String,
) -> Result<LeadSource, ApiError> {
    let mut errors = Vec::new();
    for key in data
        .keys()
        .filter(|k| !["name", "resource_type"].contains(&k.as_str()))
    {
        errors.push(ErrorItem::field(
            "lead_source",
            key,
            "unknown",
            "unknown attribute",
            format!("The attribute `{key}` is not a known attribute of a lead source."),
        ));
    }
    let name = data.get("name");
    match name {
        _ if is_blank(name) => errors.push(ErrorItem::field(
            "lead_source",
            "name",
            "blank",
            "can't be blank",
            "A lead source needs a name.",
        )),
        None => {}
        Some(Value::String(name))
            if store
                .lead_sources
                .iter()
                .any(|s| s.name.to_lowercase() == name.trim().to_lowercase()) =>
        {
            errors.push(ErrorItem::field(
                "lead_source",
                "name",
                "taken",
                "has already been taken",
                format!("A lead source named `{name}` exists."),
            ));
        }
        Some(Value::String(_)) => {}
        Some(_) => errors.push(ErrorItem::field(
            "lead_source",
            "name",
            "invalid",
            "must be a string",
            "`name` must be a JSON string.",
        )),
    }
    match data.get("resource_type") {
        None | Some(Value::Null) => {}
        Some(Value::String(kind)) if kind == "lead" => {}
        Some(other) => errors.push(ErrorItem::field(
            "lead_source",
            "resource_type",
            "inclusion",
            "is not included in the list",
            format!("`resource_type` must be \"lead\", not {other}."),
        )),
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let source = LeadSource {
        id: store.next_source_id(),
        name: data
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .trim()
            .to_string(),
        resource_type: "lead".into(),
        creator_id: creator,
        created_at: now.clone(),
        updated_at: now,
    };
    store.lead_sources.push(source.clone());
    Ok(source)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sell::seed::{self, ADA};
    use serde_json::json;

    fn create(store: &mut Store, data: Value) -> Result<LeadSource, Vec<String>> {
        create_lead_source(
            data.as_object().unwrap_or(&Map::new()),
            store,
            ADA,
            "now".into(),
        )
        .map_err(|e| e.errors.into_iter().map(|i| i.code).collect())
    }

    #[test]
    fn a_new_name_is_created_once() {
        let mut store = seed::seed();
        let created = create(
            &mut store,
            json!({"name": "Zendesk Support", "resource_type": "lead"}),
        );
        assert_eq!(created.map(|s| s.id.0), Ok(4004));
        assert_eq!(
            create(&mut store, json!({"name": "zendesk support"})).map(|s| s.id.0),
            Err(vec!["taken".to_string()])
        );
    }

    #[test]
    fn blank_names_wrong_types_and_unknown_attributes_are_refused() {
        let mut store = seed::seed();
        assert_eq!(
            create(&mut store, json!({"name": " "})).map(|_| ()),
            Err(vec!["blank".to_string()])
        );
        assert_eq!(
            create(&mut store, json!({"name": "X", "resource_type": "deal"})).map(|_| ()),
            Err(vec!["inclusion".to_string()])
        );
        assert_eq!(
            create(&mut store, json!({"name": "X", "color": "red"})).map(|_| ()),
            Err(vec!["unknown".to_string()])
        );
    }
}
