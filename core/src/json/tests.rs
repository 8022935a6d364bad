use super::*;
use proptest::prelude::*;

/// The same value as serde_json reads it, for comparing.
fn from_serde(v: &serde_json::Value) -> Json {
    match v {
        serde_json::Value::Null => Json::Null,
        serde_json::Value::Bool(b) => Json::Bool(*b),
        serde_json::Value::Number(n) => Json::Number(n.to_string()),
        serde_json::Value::String(s) => Json::String(s.clone()),
        serde_json::Value::Array(a) => Json::Array(a.iter().map(from_serde).collect()),
        serde_json::Value::Object(o) => Json::Object(o.iter().map(|(k, v)| (k.clone(), from_serde(v))).collect()),
    }
}

#[test]
fn reads_every_kind_of_value() {
    let v = parse(r#" {"a": [1, -2.5e3, true, false, null], "b": {"c": "d\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"}} "#)
        .expect("JSON");
    assert_eq!(v.get("a").and_then(Json::as_array).map(<[Json]>::len), Some(5));
    assert_eq!(v.get("a").and_then(|a| a.as_array()?.first()?.as_u64()), Some(1));
    assert_eq!(v.get("b").and_then(|b| b.get("c")).and_then(Json::as_str), Some("d\"\\/\u{8}\u{c}\n\r\té😀"));
}

#[test]
fn numbers_keep_their_text_and_only_whole_ones_are_ids() {
    for (text, id) in [("12", Some(12)), ("0", Some(0)), ("12.0", None), ("-1", None), ("1e3", None)] {
        let v = parse(text).expect(text);
        assert_eq!(v, Json::Number(text.into()));
        assert_eq!(v.as_u64(), id, "{text}");
    }
    assert_eq!(parse("18446744073709551615").expect("max").as_u64(), Some(u64::MAX));
    assert_eq!(parse("18446744073709551616").expect("too big").as_u64(), None);
}

#[test]
fn not_json_is_refused_with_where() {
    for text in ["", "{", "[1,]", "{\"a\" 1}", "01", "1.", "-", "tru", "\"\\x\"", "\"a\nb\"", "{} x", "'a'", "nul"] {
        assert!(matches!(parse(text), Err(JsonError::Syntax { .. })), "{text:?}");
    }
    assert_eq!(parse("[1, x]"), Err(JsonError::Syntax { at: 4 }));
}

#[test]
fn deep_nesting_is_refused_not_a_stack_overflow() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(parse(&deep), Err(JsonError::TooDeep));
    let fine = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    assert!(parse(&fine).is_ok());
}

#[test]
fn a_repeated_key_counts_as_its_last_value() {
    let v = parse(r#"{"id": 1, "id": 2}"#).expect("JSON");
    assert_eq!(v.get("id").and_then(Json::as_u64), Some(2));
}

#[test]
fn lone_surrogates_become_the_replacement_character() {
    assert_eq!(parse(r#""\ud800x""#).expect("JSON"), Json::String("\u{FFFD}x".into()));
    assert_eq!(parse(r#""\udc00""#).expect("JSON"), Json::String("\u{FFFD}".into()));
}

#[test]
fn written_text_escapes_what_it_must() {
    let v = object(vec![("a\"b", Json::from("line\nbreak \u{1} \\")), ("n", Json::from(7u64)), ("x", Json::from(None::<String>))]);
    assert_eq!(v.to_text(), r#"{"a\"b":"line\nbreak \u0001 \\","n":7,"x":null}"#);
}

/// Floats are left out: serde_json rounds them on reading, which would compare its rounding, not ours
/// (ours keeps the text; see `numbers_keep_their_text_and_only_whole_ones_are_ids`).
fn any_json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(|n| serde_json::json!(n)),
        any::<String>().prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::btree_map(any::<String>(), inner, 0..6)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn reads_what_serde_json_writes_and_writes_what_it_reads(value in any_json()) {
        let text = serde_json::to_string(&value).expect("serde writes");
        let ours = parse(&text).expect("we read it");
        prop_assert_eq!(&ours, &from_serde(&value));
        let back: serde_json::Value = serde_json::from_str(&ours.to_text()).expect("serde reads ours");
        prop_assert_eq!(back, value);
    }

    #[test]
    fn never_panics_on_any_text(text in any::<String>()) {
        let _ = parse(&text);
    }
}
