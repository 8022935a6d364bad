//! Sell's 422 answer, put back onto the form's inputs.

use crate::text::{contains, Lowercased};
use super::{FieldError, FieldProblem, FormField};
use crate::sell::error::SellFieldError;

/// One form error per Sell error, on the input its JSON pointer names; anything we have no input
/// for (`/status`, `/source_id`, `/address/city`, no field at all) goes above the form.
pub fn map_sell_422(errors: &[SellFieldError]) -> Vec<FieldError> {
    errors
        .iter()
        .map(|error| {
            let field = error
                .field
                .as_deref()
                .map(form_field_for_pointer)
                .unwrap_or(FormField::Form);
            FieldError::new(
                field,
                FieldProblem::Sell {
                    code: error.code.clone(),
                    message: error.message.clone(),
                },
            )
        })
        .collect()
}

fn form_field_for_pointer(pointer: &str) -> FormField {
    // The first segment of the pointer, with JSON pointer escapes undone (`~1` is `/`, `~0` is `~`).
    let first = pointer
        .trim()
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or_default();
    match unescape_pointer(first).as_str() {
        "first_name" => FormField::FirstName,
        "last_name" => FormField::LastName,
        "organization_name" => FormField::OrganizationName,
        "email" => FormField::Email,
        "phone" => FormField::Phone,
        "description" => FormField::Description,
        "owner_id" => FormField::Owner,
        _ => FormField::Form,
    }
}

/// A JSON pointer segment with its escapes undone as RFC 6901 reads them: `~1` is `/`, `~0` is `~`
/// (so `~01` is `~1`). By hand rather than `str::replace`, which brings std's substring search (#16).
fn unescape_pointer(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    let mut chars = segment.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('~', Some('1')) => out.push('/'),
            ('~', Some('0')) => out.push('~'),
            _ => {
                out.push(c);
                continue;
            }
        }
        chars.next();
    }
    out
}

/// Whether a 422 says a name is taken (creating a lead source another agent created a moment ago).
pub fn is_name_taken(errors: &[SellFieldError]) -> bool {
    errors.iter().any(|e| {
        let on_name = e.field_name() == Some("name");
        let code_says = e
            .code
            .as_deref()
            .is_some_and(|c| matches!(c, "taken" | "already_taken" | "not_unique" | "unique"));
        let message_says = e.message.as_deref().is_some_and(|m| {
            let m = m.lowercased();
            ["taken", "already exists", "unique"].iter().any(|word| contains(&m, word))
        });
        on_name && (code_says || message_says)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_escapes_are_undone_as_rfc_6901_reads_them() {
        for segment in ["a~1b~0c~01", "~~1", "~", "~2", "plain", "~0~1"] {
            assert_eq!(unescape_pointer(segment), segment.replace("~1", "/").replace("~0", "~"), "{segment}");
        }
    }

    fn sell(field: Option<&str>, code: &str, message: &str) -> SellFieldError {
        SellFieldError {
            resource: Some("lead".into()),
            field: field.map(str::to_string),
            code: Some(code.into()),
            message: Some(message.into()),
            details: None,
        }
    }

    #[test]
    fn each_error_lands_on_its_input() {
        let cases = [
            (Some("/last_name"), FormField::LastName),
            (Some("/first_name"), FormField::FirstName),
            (Some("/organization_name"), FormField::OrganizationName),
            (Some("/email"), FormField::Email),
            (Some("/phone"), FormField::Phone),
            (Some("/description"), FormField::Description),
            (Some("/owner_id"), FormField::Owner),
            (Some("last_name"), FormField::LastName),
            (Some("/status"), FormField::Form),
            (Some("/source_id"), FormField::Form),
            (Some("/invalid_field"), FormField::Form),
            (Some("/address/city"), FormField::Form),
            (Some("/email~1x"), FormField::Form),
            (Some(""), FormField::Form),
            (None, FormField::Form),
        ];
        for (pointer, expected) in cases {
            let mapped = map_sell_422(&[sell(pointer, "invalid", "is invalid")]);
            assert_eq!(
                mapped.iter().map(|e| e.field).collect::<Vec<_>>(),
                vec![expected],
                "{pointer:?}"
            );
        }
    }

    #[test]
    fn keeps_sells_code_and_message() {
        let mapped = map_sell_422(&[
            sell(Some("/last_name"), "blank", "can't be blank"),
            sell(None, "unknown", "unknown attribute"),
        ]);
        assert_eq!(
            mapped,
            vec![
                FieldError::new(
                    FormField::LastName,
                    FieldProblem::Sell {
                        code: Some("blank".into()),
                        message: Some("can't be blank".into())
                    }
                ),
                FieldError::new(
                    FormField::Form,
                    FieldProblem::Sell {
                        code: Some("unknown".into()),
                        message: Some("unknown attribute".into())
                    }
                ),
            ]
        );
        assert_eq!(map_sell_422(&[]), vec![]);
    }

    #[test]
    fn recognizes_a_taken_name() {
        assert!(is_name_taken(&[sell(Some("/name"), "taken", "has already been taken")]));
        assert!(is_name_taken(&[sell(Some("/name"), "invalid", "name must be unique")]));
        assert!(!is_name_taken(&[sell(Some("/name"), "blank", "can't be blank")]));
        assert!(!is_name_taken(&[sell(Some("/resource_type"), "taken", "taken")]));
        assert!(!is_name_taken(&[]));
    }
}
