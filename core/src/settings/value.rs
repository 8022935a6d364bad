//! Reading one ZAF setting value. Checkboxes arrive as JSON booleans from ZAF, but older installs, the
//! dev host or a hand-made config may send `"true"`, `1` or `null`; text arrives as a string or `null`.

use super::problem::{preview, JsonKind, ProblemKind};
use serde_json::Value;

/// A checkbox: `None` (absent/null/"") is unchecked. Anything that isn't clearly on or off is a
/// problem rather than a guess.
pub fn checkbox(value: Option<&Value>) -> Result<bool, ProblemKind> {
    let not_a_checkbox = |got: String| ProblemKind::NotACheckbox { got: preview(&got, 40) };
    match value {
        None | Some(Value::Null) => Ok(false),
        Some(Value::Bool(b)) => Ok(*b),
        Some(Value::Number(n)) => match n.as_f64() {
            Some(1.0) => Ok(true),
            Some(0.0) => Ok(false),
            _ => Err(not_a_checkbox(n.to_string())),
        },
        Some(Value::String(s)) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "1" => Ok(true),
            "false" | "0" | "" => Ok(false),
            _ => Err(not_a_checkbox(s.clone())),
        },
        Some(other) => Err(not_a_checkbox(other.to_string())),
    }
}

/// A text: `None` when absent, null or blank; otherwise trimmed. Numbers are read as their digits,
/// since an admin typing `7` into a text field may reach us as a number from some hosts.
pub fn text(value: Option<&Value>) -> Result<Option<String>, ProblemKind> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => {
            let trimmed = s.trim();
            Ok((!trimmed.is_empty()).then(|| trimmed.to_string()))
        }
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(Value::Bool(_)) => Err(ProblemKind::NotText { got: JsonKind::Bool }),
        Some(Value::Array(_)) => Err(ProblemKind::NotText { got: JsonKind::Array }),
        Some(Value::Object(_)) => Err(ProblemKind::NotText { got: JsonKind::Object }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

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
            assert_eq!(checkbox(value.as_ref()).map_err(|_| ()), *expected, "{value:?}");
        }
    }

    #[test]
    fn a_malformed_checkbox_quotes_what_it_got() {
        assert_eq!(
            checkbox(Some(&json!("yes please"))),
            Err(ProblemKind::NotACheckbox {
                got: "yes please".into()
            })
        );
    }

    #[test]
    fn text_values() {
        assert_eq!(text(None), Ok(None));
        assert_eq!(text(Some(&Value::Null)), Ok(None));
        assert_eq!(text(Some(&json!("  New "))), Ok(Some("New".into())));
        assert_eq!(text(Some(&json!("   "))), Ok(None));
        assert_eq!(text(Some(&json!(7))), Ok(Some("7".into())));
        assert_eq!(
            text(Some(&json!(true))),
            Err(ProblemKind::NotText { got: JsonKind::Bool })
        );
        assert_eq!(
            text(Some(&json!(["a"]))),
            Err(ProblemKind::NotText { got: JsonKind::Array })
        );
        assert_eq!(
            text(Some(&json!({}))),
            Err(ProblemKind::NotText { got: JsonKind::Object })
        );
    }
}
