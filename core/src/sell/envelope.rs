//! Sell's response envelopes, decoded once: a single record `{"data":..,"meta":{"type":..}}` and a
//! list `{"items":[{"data":..,"meta":..}],"meta":{"type":"collection","count":N,"links":{..}}}`.
//! Request bodies go out as `{"data": ...}`.
//!
//! A list item that doesn't decode is skipped and counted, not fatal: one odd record in Sell must not
//! hide the requester's other records. A body that isn't the envelope at all is `SellError::Malformed`.

use super::error::{SellError, Unreadable};
use super::model::Record;
use crate::json::{self, Json};

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
pub fn single_from_response<T: Record>(status: u16, body: &str, retry_after: Option<&str>) -> Result<T, SellError> {
    if !(200..=299).contains(&status) {
        return Err(SellError::from_response(status, body, retry_after));
    }
    decode_single(status, body)
}

/// Decodes a whole answer: a non-2xx status becomes the matching `SellError`, a 2xx body a page.
pub fn list_from_response<T: Record>(status: u16, body: &str, retry_after: Option<&str>) -> Result<Page<T>, SellError> {
    raw_list_from_response(status, body, retry_after).map(RawPage::decode)
}

/// `list_from_response` up to the records, which stay JSON: the part that is the same for every record
/// type, so it is compiled once rather than once per type.
pub fn raw_list_from_response(status: u16, body: &str, retry_after: Option<&str>) -> Result<RawPage, SellError> {
    if !(200..=299).contains(&status) {
        return Err(SellError::from_response(status, body, retry_after));
    }
    decode_raw_list(status, body)
}

/// `{"data": {...}}` to a record.
pub fn decode_single<T: Record>(status: u16, body: &str) -> Result<T, SellError> {
    let root = parse_object(status, body)?;
    match root.get("data") {
        Some(data) if data.is_object() => T::from_json(data).ok_or_else(|| malformed(status, Unreadable::RecordFields { kind: type_of(&root) })),
        _ => Err(malformed(status, Unreadable::NoRecord)),
    }
}

/// `{"items": [{"data": {...}}, ...]}` to a page; unreadable items are counted in `skipped`.
pub fn decode_list<T: Record>(status: u16, body: &str) -> Result<Page<T>, SellError> {
    decode_raw_list(status, body).map(RawPage::decode)
}

/// A list answer checked and taken apart, its records not yet read; `None` is an item without `data`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RawPage {
    pub records: Vec<Option<Json>>,
    pub next_page: bool,
}

impl RawPage {
    /// Each record read as a `T`; one that doesn't read is counted in `skipped`.
    pub fn decode<T: Record>(self) -> Page<T> {
        let mut page = Page::empty();
        page.next_page = self.next_page;
        for record in &self.records {
            match record.as_ref().and_then(T::from_json) {
                Some(item) => page.items.push(item),
                None => page.skipped += 1,
            }
        }
        page
    }
}

/// `decode_list` without the per-type step.
pub fn decode_raw_list(status: u16, body: &str) -> Result<RawPage, SellError> {
    let root = parse_object(status, body)?;
    let Some(Json::Array(entries)) = root.get("items") else {
        return Err(malformed(status, Unreadable::NoList));
    };
    let next_page = root
        .get("meta")
        .and_then(|meta| meta.get("links"))
        .and_then(|links| links.get("next_page"))
        .and_then(Json::as_str)
        .is_some_and(|url| !url.trim().is_empty());
    let records = entries.iter().map(|entry| entry.get("data").cloned()).collect();
    Ok(RawPage { records, next_page })
}

/// Wraps a request body as Sell expects: `{"data": body}`.
pub fn wrap_data(body: Json) -> Json {
    json::object(vec![("data", body)])
}

fn parse_object(status: u16, body: &str) -> Result<Json, SellError> {
    let trimmed = body.trim_start();
    if trimmed.is_empty() {
        return Err(malformed(status, Unreadable::EmptyAnswer));
    }
    if trimmed.starts_with('<') {
        return Err(malformed(status, Unreadable::WebPage));
    }
    match json::parse(body) {
        Ok(root) if root.is_object() => Ok(root),
        Ok(_) => Err(malformed(status, Unreadable::WrongShape)),
        Err(_) => Err(malformed(status, Unreadable::BrokenJson)),
    }
}

/// `meta.type` for the message ("a lead record with..."), if it is a plain word.
fn type_of(root: &Json) -> Option<String> {
    root.get("meta")
        .and_then(|meta| meta.get("type"))
        .and_then(Json::as_str)
        .filter(|t| !t.is_empty() && t.len() <= 40 && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
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
    use serde_json::{json, Value};

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
        let body = json::object(vec![("name", Json::from("Zendesk Support"))]);
        assert_eq!(wrap_data(body).to_text(), r#"{"data":{"name":"Zendesk Support"}}"#);
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
