//! Sell's response envelopes, decoded once: a single record `{"data":..,"meta":{"type":..}}` and a
//! list `{"items":[{"data":..,"meta":..}],"meta":{"type":"collection","count":N,"links":{..}}}`.
//! Request bodies go out as `{"data": ...}`.
//!
//! A list item that doesn't decode is skipped and counted, not fatal: one odd record in Sell must not
//! hide the requester's other records. A body that isn't the envelope at all is `SellError::Malformed`.

use super::error::{SellError, Unreadable};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

/// One page of a Sell list.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Sell announced a next page (`meta.links.next_page`).
    pub next_page: bool,
    /// Items Sell sent that could not be read (missing id, wrong types); the UI says so.
    pub skipped: usize,
}

impl<T> Page<T> {
    pub fn empty() -> Page<T> {
        Page {
            items: Vec::new(),
            next_page: false,
            skipped: 0,
        }
    }
}

/// Decodes a whole answer: a non-2xx status becomes the matching `SellError`, a 2xx body a record.
pub fn single_from_response<T: DeserializeOwned>(
    status: u16,
    body: &str,
    retry_after: Option<&str>,
) -> Result<T, SellError> {
    if !(200..=299).contains(&status) {
        return Err(SellError::from_response(status, body, retry_after));
    }
    decode_single(status, body)
}

/// Decodes a whole answer: a non-2xx status becomes the matching `SellError`, a 2xx body a page.
pub fn list_from_response<T: DeserializeOwned>(
    status: u16,
    body: &str,
    retry_after: Option<&str>,
) -> Result<Page<T>, SellError> {
    raw_list_from_response(status, body, retry_after).map(RawPage::decode)
}

/// `list_from_response` up to the records, which stay JSON: the part that is the same for every record
/// type, so it is compiled once rather than once per type.
pub fn raw_list_from_response(
    status: u16,
    body: &str,
    retry_after: Option<&str>,
) -> Result<RawPage, SellError> {
    if !(200..=299).contains(&status) {
        return Err(SellError::from_response(status, body, retry_after));
    }
    decode_raw_list(status, body)
}

/// `{"data": {...}}` to a record.
pub fn decode_single<T: DeserializeOwned>(status: u16, body: &str) -> Result<T, SellError> {
    let mut root = parse_single(status, body)?;
    let record = RawRecord {
        text: record_text(body),
        value: root.remove("data").unwrap_or_default(),
    };
    record
        .read()
        .ok_or_else(|| unreadable_record(status, &root))
}

/// The text of a single answer's `data`, as `[data]` (see `record_texts`).
fn record_text(body: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct Single<'a> {
        #[serde(borrow)]
        data: &'a RawValue,
    }
    let single: Single = serde_json::from_str(body).ok()?;
    Some(list_of_one(&single.data.get()))
}

/// The envelope of a single record, checked to hold one under `data`.
fn parse_single(status: u16, body: &str) -> Result<Map<String, Value>, SellError> {
    let root = parse_object(status, body)?;
    if root.get("data").is_some_and(Value::is_object) {
        Ok(root)
    } else {
        Err(malformed(status, Unreadable::NoRecord))
    }
}

fn unreadable_record(status: u16, root: &Map<String, Value>) -> SellError {
    malformed(status, Unreadable::RecordFields { kind: type_of(root) })
}

/// `{"items": [{"data": {...}}, ...]}` to a page; unreadable items are counted in `skipped`.
pub fn decode_list<T: DeserializeOwned>(status: u16, body: &str) -> Result<Page<T>, SellError> {
    decode_raw_list(status, body).map(RawPage::decode)
}

/// A list answer checked and taken apart, its records not yet read; `None` is an item without `data`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RawPage {
    pub records: Vec<Option<RawRecord>>,
    pub next_page: bool,
}

/// One record as Sell sent it: its text (`None` when it can't be cut out of the answer, see
/// `record_texts`) and its parsed value.
#[derive(Debug, Clone, PartialEq)]
pub struct RawRecord {
    text: Option<String>,
    value: Value,
}

impl RawPage {
    /// Each record read as a `T`; one that doesn't read is counted in `skipped`.
    pub fn decode<T: DeserializeOwned>(self) -> Page<T> {
        let mut page = Page::empty();
        page.next_page = self.next_page;
        for record in &self.records {
            match record.as_ref().and_then(RawRecord::read) {
                Some(item) => page.items.push(item),
                None => page.skipped += 1,
            }
        }
        page
    }
}

impl RawRecord {
    /// Records are read from text, not from their `Value`, on purpose: the cache reads its lists of the
    /// same records from text, so each record type's decoder is compiled into the app once rather than
    /// twice. Sell's own text reads exactly as its `Value` would; only where it can't (a field given
    /// twice: the text is refused, the value keeps the last) the value is written out and read.
    fn read<T: DeserializeOwned>(&self) -> Option<T> {
        self.text
            .as_deref()
            .and_then(read_list_of_one)
            .or_else(|| read_list_of_one(&list_of_one(&self.value)))
    }
}

/// `[record]` as JSON text, for `read_list_of_one`.
fn list_of_one(record: &impl std::fmt::Display) -> String {
    format!("[{record}]")
}

/// Read as a list of one to share the cache's decoder of `Vec<T>` (see `RawRecord::read`).
fn read_list_of_one<T: DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_str::<Vec<T>>(text).ok()?.pop()
}

/// `decode_list` without the per-type step.
pub fn decode_raw_list(status: u16, body: &str) -> Result<RawPage, SellError> {
    let mut root = parse_object(status, body)?;
    let Some(Value::Array(entries)) = root.remove("items") else {
        return Err(malformed(status, Unreadable::NoList));
    };
    let next_page = root
        .get("meta")
        .and_then(|meta| meta.get("links"))
        .and_then(|links| links.get("next_page"))
        .and_then(Value::as_str)
        .is_some_and(|url| !url.trim().is_empty());
    let mut texts = record_texts(body).filter(|t| t.len() == entries.len());
    let records = entries
        .into_iter()
        .enumerate()
        .map(|(i, entry)| {
            let value = match entry {
                Value::Object(mut fields) => fields.remove("data")?,
                _ => return None,
            };
            let text = texts
                .as_mut()
                .and_then(|t| t.get_mut(i))
                .and_then(Option::take);
            Some(RawRecord { text, value })
        })
        .collect();
    Ok(RawPage { records, next_page })
}

/// The text of each item's `data` in a list answer, as `[data]`; `None` for the whole list or an item
/// where the text can't be cut out plainly (a key given twice).
fn record_texts(body: &str) -> Option<Vec<Option<String>>> {
    #[derive(Deserialize)]
    struct Items<'a> {
        #[serde(borrow)]
        items: Vec<&'a RawValue>,
    }
    #[derive(Deserialize)]
    struct Item<'a> {
        #[serde(borrow)]
        data: Option<&'a RawValue>,
    }
    let list: Items = serde_json::from_str(body).ok()?;
    let text = |item: &RawValue| {
        let data = serde_json::from_str::<Item>(item.get()).ok()?.data?;
        Some(list_of_one(&data.get()))
    };
    Some(list.items.into_iter().map(text).collect())
}

/// Wraps a request body as Sell expects: `{"data": body}`.
pub fn wrap_data(body: Value) -> Value {
    let mut root = Map::new();
    root.insert("data".to_string(), body);
    Value::Object(root)
}

/// Serializes a record and wraps it as a request body.
pub fn encode<T: Serialize>(record: &T) -> Result<Value, serde_json::Error> {
    serde_json::to_value(record).map(wrap_data)
}

fn parse_object(status: u16, body: &str) -> Result<Map<String, Value>, SellError> {
    let trimmed = body.trim_start();
    if trimmed.is_empty() {
        return Err(malformed(status, Unreadable::EmptyAnswer));
    }
    if trimmed.starts_with('<') {
        return Err(malformed(status, Unreadable::WebPage));
    }
    match serde_json::from_str::<Value>(body) {
        Ok(Value::Object(root)) => Ok(root),
        Ok(_) => Err(malformed(status, Unreadable::WrongShape)),
        Err(_) => Err(malformed(status, Unreadable::BrokenJson)),
    }
}

/// `meta.type` for the message ("a lead record with..."), if it is a plain word.
fn type_of(root: &Map<String, Value>) -> Option<String> {
    root.get("meta")
        .and_then(|meta| meta.get("type"))
        .and_then(Value::as_str)
        .filter(|t| {
            !t.is_empty()
                && t.len() <= 40
                && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
        .map(str::to_string)
}

fn malformed(status: u16, what: Unreadable) -> SellError {
    SellError::Malformed { status, what }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sell::model::{Deal, Lead, LeadId, LeadStatus, User, UserId};
    use proptest::prelude::*;
    use serde_json::json;

    const LEAD_STATUSES: &str = r#"{"items":[
        {"data":{"id":2045740,"name":"New","created_at":"2019-03-07T10:27:24Z","updated_at":"2019-03-07T10:27:24Z"},"meta":{"type":"lead_status"}},
        {"data":{"id":2045741,"name":"Unqualified 2","created_at":"2019-03-07T10:27:24Z","updated_at":"2019-03-07T10:27:24Z"},"meta":{"type":"lead_status"}}],
        "meta":{"type":"collection","count":2,"links":{"self":"https://api.getbase.com/v2/lead_statuses?page=1&per_page=100"}}}"#;

    const ONE_LEAD: &str = r#"{"data":{"id":7,"first_name":"Lea","last_name":"Lead","email":"lea@lead-only.test",
        "owner_id":3,"status":"New","tags":["vip"],"custom_fields":{"Tier":"Gold"},"created_at":"2026-03-05T10:00:00Z"},
        "meta":{"type":"lead"}}"#;

    #[test]
    fn a_list_in_sells_shape_decodes() {
        let page: Page<LeadStatus> = decode_list(200, LEAD_STATUSES).expect("decodes");
        let names: Vec<&str> = page.items.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["New", "Unqualified 2"]);
        assert!(!page.next_page);
        assert_eq!(page.skipped, 0);
    }

    #[test]
    fn next_page_is_read_from_the_links() {
        let body = json!({"items": [], "meta": {"type": "collection", "count": 0,
            "links": {"next_page": "https://api.getbase.com/v2/users?page=2&per_page=100"}}})
        .to_string();
        assert!(decode_list::<User>(200, &body).expect("decodes").next_page);
        let null_link = json!({"items": [], "meta": {"links": {"next_page": null}}}).to_string();
        assert!(
            !decode_list::<User>(200, &null_link)
                .expect("decodes")
                .next_page
        );
        let no_meta = json!({"items": []}).to_string();
        assert!(
            !decode_list::<User>(200, &no_meta)
                .expect("decodes")
                .next_page
        );
    }

    #[test]
    fn a_single_record_decodes() {
        let lead: Lead = decode_single(200, ONE_LEAD).expect("decodes");
        assert_eq!(lead.id, LeadId(7));
        assert_eq!(lead.owner_id, Some(UserId(3)));
        assert_eq!(lead.tags, ["vip"]);
    }

    #[test]
    fn unreadable_items_are_skipped_and_counted() {
        let body = json!({"items": [
            {"data": {"id": 1, "name": "Big deal", "value": "1500.50"}},
            {"data": {"name": "no id"}},
            {"data": {"id": "not a number"}},
            {"meta": {"type": "deal"}},
            "just a string",
            {"data": {"id": 2, "value": 20}}
        ], "meta": {"type": "collection"}})
        .to_string();
        let page: Page<Deal> = decode_list(200, &body).expect("decodes");
        assert_eq!(
            page.items.iter().map(|d| d.id.0).collect::<Vec<_>>(),
            [1, 2]
        );
        assert_eq!(page.items.first().and_then(|d| d.value), Some(1500.5));
        assert_eq!(page.skipped, 4);
    }

    #[test]
    fn a_key_given_twice_reads_as_its_last_value_as_before() {
        let body = r#"{"items": [
            {"data": {"id": 1, "id": 2, "value": 3.5}},
            {"data": {"id": 7}, "data": {"id": 8}}
        ]}"#;
        let page: Page<Deal> = decode_list(200, body).expect("decodes");
        assert_eq!(
            page.items.iter().map(|d| d.id.0).collect::<Vec<_>>(),
            [2, 8]
        );
        assert_eq!(page.items.first().and_then(|d| d.value), Some(3.5));
        let twice_items = r#"{"items": [{"data": {"id": 1}}], "items": [{"data": {"id": 5}}]}"#;
        let page: Page<Deal> = decode_list(200, twice_items).expect("decodes");
        assert_eq!(page.items.iter().map(|d| d.id.0).collect::<Vec<_>>(), [5]);
        let single = r#"{"data": {"id": 1, "id": 2}}"#;
        assert_eq!(decode_single::<Deal>(200, single).map(|d| d.id.0), Ok(2));
    }

    #[test]
    fn bodies_that_are_not_the_envelope_are_malformed() {
        let cases: Vec<(&str, Unreadable)> = vec![
            ("", Unreadable::EmptyAnswer),
            ("   \n", Unreadable::EmptyAnswer),
            ("null", Unreadable::WrongShape),
            ("[]", Unreadable::WrongShape),
            ("42", Unreadable::WrongShape),
            (
                "<html><body>Bad gateway</body></html>",
                Unreadable::WebPage,
            ),
            ("{\"items\": [", Unreadable::BrokenJson),
            ("{\"data\": {}}", Unreadable::NoList),
            ("{\"items\": {\"data\": {}}}", Unreadable::NoList),
        ];
        for (body, what) in cases {
            assert_eq!(
                decode_list::<User>(200, body),
                Err(SellError::Malformed {
                    status: 200,
                    what: what.clone()
                }),
                "{body:?}"
            );
        }
    }

    #[test]
    fn a_single_answer_without_a_readable_record_is_malformed() {
        let cases: Vec<(&str, Unreadable)> = vec![
            (r#"{"items": []}"#, Unreadable::NoRecord),
            (r#"{"data": null}"#, Unreadable::NoRecord),
            (
                r#"{"data": {"first_name": "no id"}, "meta": {"type": "lead"}}"#,
                Unreadable::RecordFields { kind: Some("lead".into()) },
            ),
            (
                r#"{"data": {"id": true}, "meta": {"type": "<script>"}}"#,
                Unreadable::RecordFields { kind: None },
            ),
        ];
        for (body, what) in cases {
            assert_eq!(
                decode_single::<Lead>(200, body),
                Err(SellError::Malformed {
                    status: 200,
                    what: what.clone()
                }),
                "{body}"
            );
        }
    }

    #[test]
    fn error_statuses_become_sell_errors_before_decoding() {
        assert_eq!(
            single_from_response::<Lead>(401, "", None),
            Err(SellError::Unauthorized)
        );
        assert_eq!(
            list_from_response::<Lead>(429, "", Some("2")),
            Err(SellError::RateLimited {
                retry_after_secs: Some(2)
            })
        );
        assert!(list_from_response::<LeadStatus>(200, LEAD_STATUSES, None).is_ok());
    }

    #[test]
    fn request_bodies_are_wrapped_in_data() {
        assert_eq!(
            wrap_data(json!({"name": "Zendesk Support"})),
            json!({"data": {"name": "Zendesk Support"}})
        );
        let status = LeadStatus {
            id: crate::sell::model::LeadStatusId(1),
            name: "New".into(),
        };
        assert_eq!(
            encode(&status).expect("encodes"),
            json!({"data": {"id": 1, "name": "New"}})
        );
    }

    proptest! {
        #[test]
        fn any_text_decodes_or_fails_without_panicking(body in "\\PC{0,300}") {
            let _ = decode_list::<Lead>(200, &body);
            let _ = decode_single::<Lead>(200, &body);
        }

        #[test]
        fn any_bytes_decode_or_fail_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let body = String::from_utf8_lossy(&bytes);
            let _ = decode_list::<Deal>(200, &body);
            let _ = decode_single::<Deal>(200, &body);
        }

        #[test]
        fn any_json_item_is_kept_or_counted(items in proptest::collection::vec(arbitrary_json(), 0..8)) {
            let body = json!({"items": items.iter().map(|v| json!({"data": v})).collect::<Vec<_>>()}).to_string();
            let page: Page<Lead> = decode_list(200, &body).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(page.items.len() + page.skipped, items.len());
        }

        #[test]
        fn records_read_from_text_as_they_would_from_the_value(items in proptest::collection::vec(arbitrary_record(), 0..8)) {
            // The reference is how records were read before: the answer parsed, each record read from its value.
            let body = json!({"items": items.iter().map(|v| json!({"data": v})).collect::<Vec<_>>()}).to_string();
            let parsed: Value = serde_json::from_str(&body).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let parsed_items = parsed.get("items").and_then(Value::as_array).cloned().unwrap_or_default();
            let from_values: Vec<Deal> = parsed_items.iter().filter_map(|v| v.get("data").and_then(|d| Deal::deserialize(d).ok())).collect();
            let page: Page<Deal> = decode_list(200, &body).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(page.items, from_values);
            for item in &items {
                let single = json!({"data": item}).to_string();
                let parsed: Value = serde_json::from_str(&single).map_err(|e| TestCaseError::fail(e.to_string()))?;
                let from_value = parsed.get("data").and_then(|d| Deal::deserialize(d).ok());
                prop_assert_eq!(decode_single::<Deal>(200, &single).ok(), from_value);
            }
        }
    }

    /// Deal-shaped objects with values of any type, numbers of every kind included.
    fn arbitrary_record() -> impl Strategy<Value = Value> {
        let value = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<u64>().prop_map(|n| json!(n)),
            any::<i64>().prop_map(|n| json!(n)),
            proptest::num::f64::NORMAL.prop_map(|n| json!(n)),
            "\\PC{0,10}".prop_map(Value::String),
            "-?[0-9]{1,6}(\\.[0-9]{1,4})?".prop_map(Value::String),
        ];
        proptest::collection::btree_map(
            prop_oneof![
                Just("id".to_string()),
                Just("name".to_string()),
                Just("value".to_string()),
                Just("currency".to_string()),
                Just("stage_id".to_string()),
                "[a-z_]{1,8}"
            ],
            value,
            0..6,
        )
        .prop_map(|m| Value::Object(m.into_iter().collect()))
    }

    fn arbitrary_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<u32>().prop_map(|n| json!(n)),
            "\\PC{0,10}".prop_map(Value::String),
        ];
        leaf.prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                proptest::collection::btree_map(
                    prop_oneof![
                        Just("id".to_string()),
                        Just("first_name".to_string()),
                        Just("tags".to_string()),
                        "[a-z]{1,6}"
                    ],
                    inner,
                    0..4
                )
                .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }
}
