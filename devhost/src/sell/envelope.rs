//! Sell's response envelopes: `{data, meta:{type}}` for one record, `{items, meta}` for a page.

use serde_json::{json, Map, Value};

pub fn single(kind: &str, data: Value) -> Value {
    json!({"data": data, "meta": {"type": kind}})
}

pub fn collection(kind: &str, page: Vec<Value>, links: Map<String, Value>) -> Value {
    let count = page.len();
    let items: Vec<Value> = page.into_iter().map(|data| single(kind, data)).collect();
    json!({"items": items, "meta": {"type": "collection", "count": count, "links": links}})
}
