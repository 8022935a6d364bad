//! JSON as the validator reads it: serde_json values, plus the one thing serde_json drops silently
//! that a manifest must not have, a key given twice (the last one would win).

use std::fmt;

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;

/// A package file's JSON; the error says what is wrong and where (line and column).
pub fn parse(bytes: &[u8]) -> Result<Value, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| "not UTF-8".to_string())?;
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// What kind of value this is, for messages ("expected a boolean, found a string").
pub fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Keys that appear more than once in the top-level object of `bytes`, each named once, in order.
/// Nothing for text that is not a JSON object (`parse` reports that).
pub fn repeated_top_level_keys(bytes: &[u8]) -> Vec<String> {
    let keys = serde_json::from_slice::<TopLevelKeys>(bytes)
        .map(|k| k.0)
        .unwrap_or_default();
    let mut repeated: Vec<String> = Vec::new();
    for (i, key) in keys.iter().enumerate() {
        if keys[..i].contains(key) && !repeated.contains(key) {
            repeated.push(key.clone());
        }
    }
    repeated
}

/// Every key of an object as written, duplicates included; the values are skipped unread.
struct TopLevelKeys(Vec<String>);

impl<'de> Deserialize<'de> for TopLevelKeys {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(KeysVisitor)
    }
}

struct KeysVisitor;

impl<'de> Visitor<'de> for KeysVisitor {
    type Value = TopLevelKeys;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TopLevelKeys, A::Error> {
        let mut keys = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            map.next_value::<IgnoredAny>()?;
            keys.push(key);
        }
        Ok(TopLevelKeys(keys))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_given_twice_are_named_once_nested_ones_are_not_top_level() {
        let text = br#"{"a": 1, "b": {"c": 1, "c": 2}, "a": 2, "a": 3, "b": null}"#;
        assert_eq!(repeated_top_level_keys(text), ["a", "b"]);
        assert_eq!(
            repeated_top_level_keys(br#"{"a": {"a": 1}}"#),
            Vec::<String>::new()
        );
        assert_eq!(repeated_top_level_keys(b"[1, 1]"), Vec::<String>::new());
    }

    #[test]
    fn errors_say_where() {
        let err = parse(b"{\n  \"a\": 1,\n}").unwrap_err();
        assert!(err.contains("line 3"), "{err}");
        assert_eq!(parse(b"\xff").unwrap_err(), "not UTF-8");
    }
}
