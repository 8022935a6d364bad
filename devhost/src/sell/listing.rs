//! What every list endpoint shares: query parameters, filters, `sort_by` and pagination with links.
//! Filtering works on the records' wire JSON so a filter reads the same field the client sees.

use super::error::ApiError;
use axum::extract::{FromRequestParts, OriginalUri, Query};
use axum::http::request::Parts;
use serde_json::{Map, Value};
use std::cmp::Ordering;

/// Links point at the real API host: that is the URL a client would follow in Sell.
const API_BASE: &str = "https://api.getbase.com";
const DEFAULT_PER_PAGE: usize = 25;
/// Sell: "the maximum number that can be returned is 100". We clamp larger values to 100 rather
/// than refuse them (a guess: the reference documents the cap, not a rejection).
pub const MAX_PER_PAGE: usize = 100;

/// The query string in order, plus the original path (the router may be nested).
#[derive(Debug, Clone)]
pub struct Params {
    pub path: String,
    pub pairs: Vec<(String, String)>,
}

impl<S: Send + Sync> FromRequestParts<S> for Params {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        let uri = parts
            .extensions
            .get::<OriginalUri>()
            .map(|o| o.0.clone())
            .unwrap_or_else(|| parts.uri.clone());
        let Query(pairs) = Query::<Vec<(String, String)>>::try_from_uri(&uri).map_err(|e| {
            ApiError::invalid_param("query", format!("The query string could not be read: {e}"))
        })?;
        Ok(Params {
            path: uri.path().to_string(),
            pairs,
        })
    }
}

impl Params {
    /// The last value given for `name` (a repeated parameter overrides, as in Rails).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// How a query parameter filters records.
#[derive(Debug, Clone, Copy)]
pub enum Filter {
    /// `ids=1,2,3` on the record's `id`.
    Ids,
    /// An id field; a comma-joined list matches any of them.
    Id(&'static str),
    /// Exact, case-sensitive text.
    Text(&'static str),
    /// Exact text ignoring ASCII case (a guess for emails: Sell's case rules are undocumented).
    Email(&'static str),
    Bool(&'static str),
    /// `address[<part>]`, exact text.
    Address(&'static str),
}

enum Test {
    AnyId(Vec<u64>),
    Text(String),
    Email(String),
    Bool(bool),
}

struct Condition {
    path: Vec<String>,
    test: Test,
}

fn parse_ids(param: &str, raw: &str) -> Result<Vec<u64>, ApiError> {
    raw.split(',')
        .map(|part| {
            part.trim().parse::<u64>().map_err(|_| {
                ApiError::invalid_param(
                    param,
                    format!("`{part}` is not an id; give comma-separated integers."),
                )
            })
        })
        .collect()
}

fn conditions(filters: &[Filter], params: &Params) -> Result<Vec<Condition>, ApiError> {
    let mut out = Vec::new();
    for filter in filters {
        let (param, path) = match filter {
            Filter::Ids => ("ids".to_string(), vec!["id".to_string()]),
            Filter::Id(f) | Filter::Text(f) | Filter::Email(f) | Filter::Bool(f) => {
                (f.to_string(), vec![f.to_string()])
            }
            Filter::Address(part) => (
                format!("address[{part}]"),
                vec!["address".to_string(), part.to_string()],
            ),
        };
        let Some(raw) = params.get(&param) else {
            continue;
        };
        let test = match filter {
            Filter::Ids | Filter::Id(_) => Test::AnyId(parse_ids(&param, raw)?),
            Filter::Text(_) | Filter::Address(_) => Test::Text(raw.to_string()),
            Filter::Email(_) => Test::Email(raw.to_ascii_lowercase()),
            Filter::Bool(_) => Test::Bool(match raw {
                "true" => true,
                "false" => false,
                other => {
                    return Err(ApiError::invalid_param(
                        &param,
                        format!("`{other}` is not a boolean; use true or false."),
                    ))
                }
            }),
        };
        out.push(Condition { path, test });
    }
    Ok(out)
}

fn field<'a>(record: &'a Value, path: &[String]) -> Option<&'a Value> {
    path.iter().try_fold(record, |value, key| value.get(key))
}

fn holds(condition: &Condition, record: &Value) -> bool {
    let value = field(record, &condition.path);
    match (&condition.test, value) {
        (Test::AnyId(ids), Some(v)) => v.as_u64().is_some_and(|id| ids.contains(&id)),
        (Test::Text(text), Some(Value::String(s))) => s == text,
        (Test::Email(email), Some(Value::String(s))) => s.to_ascii_lowercase() == *email,
        (Test::Bool(b), Some(Value::Bool(v))) => v == b,
        _ => false,
    }
}

/// `sort_by=field` or `field:asc|desc`.
fn sort(records: &mut [Value], params: &Params, default: &str) -> Result<(), ApiError> {
    let spec = params.get("sort_by").unwrap_or(default);
    let (name, direction) = spec.split_once(':').unwrap_or((spec, "asc"));
    let descending = match direction {
        "asc" => false,
        "desc" => true,
        other => {
            return Err(ApiError::invalid_param(
                "sort_by",
                format!("`{other}` is not a direction; use asc or desc."),
            ))
        }
    };
    if let Some(first) = records.first() {
        if first.get(name).is_none() {
            return Err(ApiError::invalid_param(
                "sort_by",
                format!("`{name}` is not a field of this resource."),
            ));
        }
    }
    // Stable sort with the id as a tie-breaker keeps pages deterministic.
    records.sort_by(|a, b| {
        let order =
            compare(a.get(name), b.get(name)).then_with(|| compare(a.get("id"), b.get("id")));
        if descending {
            order.reverse()
        } else {
            order
        }
    });
    Ok(())
}

fn compare(a: Option<&Value>, b: Option<&Value>) -> Ordering {
    match (a, b) {
        (Some(Value::Number(x)), Some(Value::Number(y))) => x
            .as_f64()
            .partial_cmp(&y.as_f64())
            .unwrap_or(Ordering::Equal),
        (Some(Value::String(x)), Some(Value::String(y))) => x.to_lowercase().cmp(&y.to_lowercase()),
        (Some(Value::Bool(x)), Some(Value::Bool(y))) => x.cmp(y),
        // Nulls sort last.
        (Some(Value::Null) | None, Some(Value::Null) | None) => Ordering::Equal,
        (Some(Value::Null) | None, _) => Ordering::Greater,
        (_, Some(Value::Null) | None) => Ordering::Less,
        _ => Ordering::Equal,
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Paging {
    pub page: usize,
    pub per_page: usize,
}

pub fn paging(params: &Params) -> Result<Paging, ApiError> {
    let number = |name: &str, default: usize| -> Result<usize, ApiError> {
        match params.get(name) {
            None => Ok(default),
            Some(raw) => match raw.trim().parse::<usize>() {
                Ok(n) if n >= 1 => Ok(n),
                _ => Err(ApiError::invalid_param(
                    name,
                    format!("`{raw}` is not a positive integer."),
                )),
            },
        }
    };
    Ok(Paging {
        page: number("page", 1)?,
        per_page: number("per_page", DEFAULT_PER_PAGE)?.min(MAX_PER_PAGE),
    })
}

fn link(params: &Params, paging: Paging, page: usize) -> Value {
    let mut query: Vec<(String, String)> = params
        .pairs
        .iter()
        .filter(|(k, _)| k != "page" && k != "per_page")
        .cloned()
        .collect();
    query.push(("page".into(), page.to_string()));
    query.push(("per_page".into(), paging.per_page.to_string()));
    let encoded: Vec<String> = query
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect();
    Value::String(format!("{API_BASE}{}?{}", params.path, encoded.join("&")))
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'_'
            | b'.'
            | b'~'
            | b','
            | b':'
            | b'['
            | b']' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// One page of `records`, plus the collection's links: `next_page` only when more records follow.
pub fn page_of(
    records: Vec<Value>,
    params: &Params,
    paging: Paging,
) -> (Vec<Value>, Map<String, Value>) {
    let total = records.len();
    let start = paging.per_page.saturating_mul(paging.page - 1);
    let page: Vec<Value> = records
        .into_iter()
        .skip(start)
        .take(paging.per_page)
        .collect();
    let mut links = Map::new();
    links.insert("self".into(), link(params, paging, paging.page));
    links.insert("first_page".into(), link(params, paging, 1));
    if paging.page > 1 {
        links.insert("prev_page".into(), link(params, paging, paging.page - 1));
    }
    if start.saturating_add(paging.per_page) < total {
        links.insert("next_page".into(), link(params, paging, paging.page + 1));
    }
    (page, links)
}

/// Filters, sorts and pages wire records into a collection envelope.
pub fn list(
    kind: &str,
    records: Vec<Value>,
    params: &Params,
    filters: &[Filter],
    default_sort: &str,
) -> Result<Value, ApiError> {
    let conditions = conditions(filters, params)?;
    let paging = paging(params)?;
    let mut matching: Vec<Value> = records
        .into_iter()
        .filter(|r| conditions.iter().all(|c| holds(c, r)))
        .collect();
    sort(&mut matching, params, default_sort)?;
    let (page, links) = page_of(matching, params, paging);
    Ok(super::envelope::collection(kind, page, links))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn params(query: &[(&str, &str)]) -> Params {
        Params {
            path: "/v2/leads".into(),
            pairs: query
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }

    fn records() -> Vec<Value> {
        (1..=30).map(|i| json!({"id": i, "name": format!("n{}", 31 - i), "email": format!("A{i}@x.test"), "flag": i % 2 == 0, "address": {"city": if i < 3 {"Rome"} else {"Oslo"}}})).collect()
    }

    #[test]
    fn per_page_defaults_to_25_and_clamps_at_100() {
        assert_eq!(
            paging(&params(&[])).ok(),
            Some(Paging {
                page: 1,
                per_page: 25
            })
        );
        assert_eq!(
            paging(&params(&[("per_page", "500")])).ok(),
            Some(Paging {
                page: 1,
                per_page: 100
            })
        );
        assert!(paging(&params(&[("page", "0")])).is_err());
        assert!(paging(&params(&[("per_page", "ten")])).is_err());
    }

    #[test]
    fn links_keep_filters_and_only_offer_pages_that_exist() {
        let p = params(&[("email", "a b@x"), ("per_page", "10"), ("page", "3")]);
        let (page, links) = page_of(
            records(),
            &p,
            paging(&p).unwrap_or(Paging {
                page: 0,
                per_page: 0,
            }),
        );
        assert_eq!(page.len(), 10);
        assert_eq!(
            links["self"],
            "https://api.getbase.com/v2/leads?email=a%20b%40x&page=3&per_page=10"
        );
        assert_eq!(
            links["prev_page"],
            "https://api.getbase.com/v2/leads?email=a%20b%40x&page=2&per_page=10"
        );
        assert!(links.get("next_page").is_none());
    }

    #[test]
    fn filters_combine_and_parse_their_values() {
        let p = params(&[("ids", "1,2,4"), ("flag", "true")]);
        let out = list(
            "x",
            records(),
            &p,
            &[Filter::Ids, Filter::Bool("flag")],
            "id",
        )
        .unwrap_or_default();
        assert_eq!(out["meta"]["count"], 2);
        let p = params(&[("email", "a7@X.TEST")]);
        assert_eq!(
            list("x", records(), &p, &[Filter::Email("email")], "id").unwrap_or_default()["meta"]
                ["count"],
            1
        );
        let p = params(&[("address[city]", "Rome")]);
        assert_eq!(
            list("x", records(), &p, &[Filter::Address("city")], "id").unwrap_or_default()["meta"]
                ["count"],
            2
        );
        assert!(list(
            "x",
            records(),
            &params(&[("ids", "1,x")]),
            &[Filter::Ids],
            "id"
        )
        .is_err());
        assert!(list(
            "x",
            records(),
            &params(&[("flag", "yes")]),
            &[Filter::Bool("flag")],
            "id"
        )
        .is_err());
    }

    #[test]
    fn sort_by_takes_a_field_and_a_direction() {
        let out = list(
            "x",
            records(),
            &params(&[("sort_by", "id:desc")]),
            &[],
            "id",
        )
        .unwrap_or_default();
        assert_eq!(out["items"][0]["data"]["id"], 30);
        let out =
            list("x", records(), &params(&[("sort_by", "name")]), &[], "id").unwrap_or_default();
        assert_eq!(out["items"][0]["data"]["name"], "n1");
        assert!(list("x", records(), &params(&[("sort_by", "nope")]), &[], "id").is_err());
        assert!(list("x", records(), &params(&[("sort_by", "id:up")]), &[], "id").is_err());
    }
}
