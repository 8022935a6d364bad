use super::*;
use crate::json::{decimal, parse};
use proptest::prelude::*;

fn read<T: Record>(text: &str) -> Option<T> {
    T::from_json(&parse(text).expect("test JSON"))
}

#[test]
fn a_full_lead_reads_every_field_and_keeps_its_json() {
    let text = r#"{"id":7,"first_name":"Lea","last_name":"Lead","organization_name":"Lead Only Ltd","status":"New",
        "source_id":4001,"owner_id":3,"email":"lea@lead-only.test","tags":["vip"],"custom_fields":{"Tier":"Gold","Seats":25},
        "address":{"line1":"1 High Street","city":"London","postal_code":null,"country":"GB"},"created_at":"2026-03-05T10:00:00Z",
        "unknown_field":{"anything":[1,2]}}"#;
    let lead: Lead = read(text).expect("reads");
    assert_eq!((lead.id, lead.owner_id, lead.source_id), (LeadId(7), Some(UserId(3)), Some(SourceId(4001))));
    assert_eq!(lead.tags, ["vip"]);
    assert_eq!(lead.custom_fields.iter().find(|(k, _)| k == "Seats").map(|(_, v)| v), Some(&Json::Number("25".into())));
    assert_eq!(lead.address.as_ref().and_then(|a| a.city.as_deref()), Some("London"));
    assert_eq!(lead.address.as_ref().and_then(|a| a.postal_code.clone()), None);
    assert_eq!(lead.source, parse(text).expect("JSON"));
}

#[test]
fn missing_and_null_fields_take_their_defaults() {
    let lead: Lead = read(r#"{"id":1,"first_name":null}"#).expect("reads");
    assert_eq!(lead.first_name, None);
    let contact: Contact = read(r#"{"id":2}"#).expect("reads");
    assert!(!contact.is_organization && contact.tags.is_empty() && contact.custom_fields.is_empty());
    let stage: Stage = read(r#"{"id":3}"#).expect("reads");
    assert_eq!(stage.name, "");
}

/// The rules serde's derive followed before: a wrong type, or null where a list, flag or name is
/// required, makes the record unreadable (a list skips and counts it).
#[test]
fn wrong_types_make_a_record_unreadable() {
    for text in [
        r#"{"first_name":"no id"}"#,
        r#"{"id":"7"}"#,
        r#"{"id":-7}"#,
        r#"{"id":7.5}"#,
        r#"{"id":7,"first_name":12}"#,
        r#"{"id":7,"owner_id":"3"}"#,
        r#"{"id":7,"tags":"vip"}"#,
        r#"{"id":7,"tags":[1]}"#,
        r#"{"id":7,"tags":null}"#,
        r#"{"id":7,"custom_fields":[]}"#,
        r#"{"id":7,"address":"London"}"#,
        "[]",
        "\"lead\"",
    ] {
        assert_eq!(read::<Lead>(text), None, "{text}");
    }
    assert_eq!(read::<Contact>(r#"{"id":1,"is_organization":null}"#), None);
    assert_eq!(read::<Deal>(r#"{"id":1,"value":true}"#), None);
    assert_eq!(read::<Stage>(r#"{"id":1,"name":null}"#), None);
    assert_eq!(read::<Stage>(r#"{"id":1,"position":-1}"#), None);
    assert_eq!(read::<User>(r#"{"id":1,"name":"A"}"#), None, "status is required");
    assert_eq!(read::<User>(r#"{"id":1,"status":7}"#), None);
}

#[test]
fn user_status_and_pool_marks_read() {
    let user: User = read(r#"{"id":7,"name":"Inbound pool","email":null,"status":"active","reports_to":1,
        "identity_type":"integration","system_tags":["distribution_pool"],"confirmed":false}"#)
    .expect("reads");
    assert_eq!((user.status, user.reports_to, user.confirmed), (UserStatus::Active, Some(UserId(1)), Some(false)));
    let other: User = read(r#"{"id":8,"status":"suspended"}"#).expect("reads");
    assert_eq!(other.status, UserStatus::Other);
}

#[test]
fn deal_values_read_from_numbers_or_text() {
    let value = |v: &str| read::<Deal>(&format!(r#"{{"id":1,"value":{v}}}"#)).expect("reads").value;
    assert_eq!(value("1500"), Some(1500.0));
    assert_eq!(value("12499.99"), Some(12499.99));
    assert_eq!(value("\" 1500.50 \""), Some(1500.5));
    assert_eq!(value("\"n/a\""), None);
    assert_eq!(value("null"), None);
    assert_eq!(value("-0.25"), Some(-0.25));
    assert_eq!(value("2e3"), Some(2000.0));
}

#[test]
fn an_address_that_is_not_an_object_makes_the_lead_unreadable() {
    assert_eq!(read::<Lead>(r#"{"id":1,"address":[]}"#), None);
    assert_eq!(read::<Lead>(r#"{"id":1,"address":["Main St 1"]}"#), None);
    let lead: Lead = read(r#"{"id":1,"address":{"city":"Berlin"}}"#).expect("reads");
    assert_eq!(lead.address.and_then(|a| a.city).as_deref(), Some("Berlin"));
    assert_eq!(read::<Lead>(r#"{"id":1,"address":null}"#).map(|l| l.address), Some(None));
}

#[test]
fn a_repeated_field_counts_as_its_last_value() {
    let lead: Lead = read(r#"{"id":1,"owner_id":3,"owner_id":5}"#).expect("reads");
    assert_eq!(lead.owner_id, Some(UserId(5)));
}

proptest! {
    /// Reading money ourselves gives exactly what Rust's parser gives, for every amount Sell can hold.
    #[test]
    fn decimals_read_as_the_standard_parser_reads_them(whole in 0u64..10_000_000_000_000, cents in 0u32..100, negative in any::<bool>()) {
        let text = format!("{}{whole}.{cents:02}", if negative { "-" } else { "" });
        let ours = decimal(&text);
        let std: Option<f64> = text.parse().ok();
        prop_assert_eq!(ours, std, "{}", text);
    }

    #[test]
    fn decimal_never_panics(text in any::<String>()) {
        let _ = decimal(&text);
    }
}

/// How records were read before (serde's derive with the same defaults), kept here as the reference
/// the hand-written readers must match on any input.
mod serde_reference {
    use serde::Deserialize;
    use std::collections::BTreeMap;

    #[derive(Deserialize, Debug, PartialEq)]
    pub struct Address {
        #[serde(default)]
        pub line1: Option<String>,
        #[serde(default)]
        pub city: Option<String>,
    }

    /// serde's derive also builds a struct from a list, field by field in order (`["Main St 1"]` is
    /// a `line1`). Sell sends an address as an object (`models/address.rb`) and the reader takes only
    /// that, like every other field of the wrong type; the reference reads the same objects and
    /// nothing more.
    fn object_address<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Address>, D::Error> {
        use serde::de::Error;
        match Option::<serde_json::Map<String, serde_json::Value>>::deserialize(d)? {
            None => Ok(None),
            Some(object) => serde_json::from_value(serde_json::Value::Object(object)).map(Some).map_err(D::Error::custom),
        }
    }

    #[derive(Deserialize, Debug)]
    pub struct Lead {
        pub id: u64,
        #[serde(default)]
        pub first_name: Option<String>,
        #[serde(default)]
        pub owner_id: Option<u64>,
        #[serde(default, deserialize_with = "object_address")]
        pub address: Option<Address>,
        #[serde(default)]
        pub tags: Vec<String>,
        #[serde(default)]
        pub custom_fields: BTreeMap<String, serde_json::Value>,
    }

    #[derive(Deserialize, Debug)]
    #[serde(untagged)]
    enum Num {
        N(f64),
        S(String),
    }

    fn decimal<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
        Ok(match Option::<Num>::deserialize(d)? {
            Some(Num::N(n)) => Some(n),
            Some(Num::S(s)) => s.trim().parse().ok(),
            None => None,
        })
    }

    #[derive(Deserialize, Debug)]
    pub struct Deal {
        pub id: u64,
        #[serde(default)]
        pub name: Option<String>,
        #[serde(default, deserialize_with = "decimal")]
        pub value: Option<f64>,
        #[serde(default)]
        pub hot: bool,
    }
}

fn any_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::{json, Value};
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<u64>().prop_map(|n| json!(n)),
        any::<i64>().prop_map(|n| json!(n)),
        "\\PC{0,8}".prop_map(Value::String),
        "-?[0-9]{1,9}(\\.[0-9]{1,2})?".prop_map(Value::String),
        prop::collection::vec("\\PC{0,4}".prop_map(Value::String), 0..3).prop_map(Value::Array),
        prop::collection::vec(any::<u8>().prop_map(|n| json!(n)), 0..3).prop_map(Value::Array),
        prop::collection::btree_map("[a-z]{1,4}", "\\PC{0,4}".prop_map(Value::String), 0..3)
            .prop_map(|m| Value::Object(m.into_iter().collect())),
    ]
}

fn any_record(keys: &'static [&'static str]) -> impl Strategy<Value = serde_json::Value> {
    prop::collection::btree_map(prop::sample::select(keys).prop_map(str::to_string), any_value(), 0..keys.len())
        .prop_map(|m| serde_json::Value::Object(m.into_iter().collect()))
}

proptest! {
    #[test]
    fn leads_read_exactly_as_serde_read_them(record in any_record(&["id", "first_name", "owner_id", "address", "tags", "custom_fields"])) {
        let text = record.to_string();
        let before = serde_json::from_str::<serde_reference::Lead>(&text).ok();
        let now: Option<Lead> = read(&text);
        prop_assert_eq!(now.is_some(), before.is_some(), "{}", text);
        if let (Some(now), Some(before)) = (now, before) {
            prop_assert_eq!(now.id.0, before.id);
            prop_assert_eq!(now.first_name, before.first_name);
            prop_assert_eq!(now.owner_id.map(|o| o.0), before.owner_id);
            prop_assert_eq!(now.address.map(|a| (a.line1, a.city)), before.address.map(|a| (a.line1, a.city)));
            prop_assert_eq!(now.tags, before.tags);
            prop_assert_eq!(now.custom_fields.len(), before.custom_fields.len());
        }
    }

    #[test]
    fn deals_read_exactly_as_serde_read_them(record in any_record(&["id", "name", "value", "hot"])) {
        let text = record.to_string();
        let before = serde_json::from_str::<serde_reference::Deal>(&text).ok();
        let now: Option<Deal> = read(&text);
        prop_assert_eq!(now.is_some(), before.is_some(), "{}", text);
        if let (Some(now), Some(before)) = (now, before) {
            prop_assert_eq!(now.id.0, before.id);
            prop_assert_eq!(now.name, before.name);
            // Beyond 15 significant digits (no real amount) the last digit may round differently.
            if before.value.is_none_or(|v| v.abs() < 9_007_199_254_740_992.0) {
                prop_assert_eq!(now.value, before.value, "{}", text);
            }
            prop_assert_eq!(now.hot, before.hot);
        }
    }
}
