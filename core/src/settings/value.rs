//! Reading one ZAF setting value. Checkboxes arrive as JSON booleans from ZAF, but older installs, the
//! dev host or a hand-made config may send `"true"`, `1` or `null`; text arrives as a string or `null`.

use super::problem::{preview, JsonKind, ProblemKind};
use crate::json::{decimal, Json};

/// A checkbox: `None` (absent/null/"") is unchecked. Anything that isn't clearly on or off is a
/// problem rather than a guess.
pub fn checkbox(value: Option<&Json>) -> Result<bool, ProblemKind> {
    let not_a_checkbox = |got: String| ProblemKind::NotACheckbox { got: preview(&got, 40) };
    match value {
        None | Some(Json::Null) => Ok(false),
        Some(Json::Bool(b)) => Ok(*b),
        Some(Json::Number(n)) => match decimal(n) {
            Some(v) if v == 1.0 => Ok(true),
            Some(v) if v == 0.0 => Ok(false),
            _ => Err(not_a_checkbox(n.clone())),
        },
        Some(Json::String(s)) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "1" => Ok(true),
            "false" | "0" | "" => Ok(false),
            _ => Err(not_a_checkbox(s.clone())),
        },
        Some(other) => Err(not_a_checkbox(other.to_text())),
    }
}

/// A text: `None` when absent, null or blank; otherwise trimmed. Numbers are read as their digits,
/// since an admin typing `7` into a text field may reach us as a number from some hosts.
pub fn text(value: Option<&Json>) -> Result<Option<String>, ProblemKind> {
    match value {
        None | Some(Json::Null) => Ok(None),
        Some(Json::String(s)) => {
            let trimmed = s.trim();
            Ok((!trimmed.is_empty()).then(|| trimmed.to_string()))
        }
        Some(Json::Number(n)) => Ok(Some(n.clone())),
        Some(Json::Bool(_)) => Err(ProblemKind::NotText { got: JsonKind::Bool }),
        Some(Json::Array(_)) => Err(ProblemKind::NotText { got: JsonKind::Array }),
        Some(Json::Object(_)) => Err(ProblemKind::NotText { got: JsonKind::Object }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::from_serde;
    use serde_json::{json, Value};

    #[test]
    fn checkbox_values_in_every_shape_hosts_send() {
        let cases: &[(Option<Value>, Result<bool, ()>)] = &[
            (None, Ok(false)),
            (Some(Value::Null), Ok(false)),
            (Some(json!(true)), Ok(true)),
            (Some(json!(false)), Ok(false)),
            (Some(json!("true")), Ok(true)),
            (Some(json!(" TRUE ")), Ok(true)),
            (Some(json!("false")), Ok(false)),
            (Some(json!("")), Ok(false)),
            (Some(json!("1")), Ok(true)),
            (Some(json!("0")), Ok(false)),
            (Some(json!(1)), Ok(true)),
            (Some(json!(0)), Ok(false)),
            (Some(json!(1.0)), Ok(true)),
            (Some(json!(2)), Err(())),
            (Some(json!(-1)), Err(())),
            (Some(json!("yes please")), Err(())),
            (Some(json!("on")), Err(())),
            (Some(json!([true])), Err(())),
            (Some(json!({"checked": true})), Err(())),
        ];
        for (value, expected) in cases {
            let value = value.as_ref().map(from_serde);
            assert_eq!(checkbox(value.as_ref()).map_err(|_| ()), *expected, "{value:?}");
        }
    }

    #[test]
    fn a_malformed_checkbox_quotes_what_it_got() {
        assert_eq!(
            checkbox(Some(&from_serde(&json!("yes please")))),
            Err(ProblemKind::NotACheckbox {
                got: "yes please".into()
            })
        );
    }

    #[test]
    fn text_values() {
        assert_eq!(text(None), Ok(None));
        assert_eq!(text(Some(&Json::Null)), Ok(None));
        assert_eq!(text(Some(&from_serde(&json!("  New ")))), Ok(Some("New".into())));
        assert_eq!(text(Some(&from_serde(&json!("   ")))), Ok(None));
        assert_eq!(text(Some(&from_serde(&json!(7)))), Ok(Some("7".into())));
        assert_eq!(
            text(Some(&from_serde(&json!(true)))),
            Err(ProblemKind::NotText { got: JsonKind::Bool })
        );
        assert_eq!(
            text(Some(&from_serde(&json!(["a"])))),
            Err(ProblemKind::NotText { got: JsonKind::Array })
        );
        assert_eq!(
            text(Some(&from_serde(&json!({})))),
            Err(ProblemKind::NotText { got: JsonKind::Object })
        );
    }
}
