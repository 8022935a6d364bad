//! Checks before sending, so the agent fixes what Sell would reject without a round trip.

use super::{FieldError, FieldProblem, FormField, LeadDraft};
use crate::policy::owner::OwnerField;
use crate::sell::model::UserId;
use crate::settings::is_email_shaped;

/// Sell's limits aren't documented; these are generous guesses that stop pastes gone wrong.
pub const MAX_NAME_CHARS: usize = 255;
/// RFC 5321's limit on an address.
pub const MAX_EMAIL_CHARS: usize = 254;
pub const MAX_PHONE_CHARS: usize = 64;
pub const MAX_DESCRIPTION_CHARS: usize = 65_535;

/// A lead that passed [`validate`]: trimmed, blank fields as `None`, an allowed owner. Only
/// `validate` makes one, so a body is never built from unchecked input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidLead {
    pub(super) first_name: Option<String>,
    pub(super) last_name: Option<String>,
    pub(super) organization_name: Option<String>,
    pub(super) email: Option<String>,
    pub(super) phone: Option<String>,
    pub(super) description: Option<String>,
    pub(super) owner_id: UserId,
}

impl ValidLead {
    pub fn owner_id(&self) -> UserId {
        self.owner_id
    }
    pub fn email(&self) -> Option<&str> {
        self.email.as_deref()
    }
    /// The name to show when the lead was created: person's name, else the organization.
    pub fn display_name(&self) -> String {
        let person = [self.first_name.as_deref(), self.last_name.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        if person.is_empty() {
            self.organization_name.clone().unwrap_or_default()
        } else {
            person
        }
    }
}

/// Every problem at once, in the order of the inputs.
pub fn validate(draft: &LeadDraft, owner_field: &OwnerField) -> Result<ValidLead, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut field = |value: &str, form_field: FormField, max_chars: usize| -> Option<String> {
        let trimmed = value.trim();
        if trimmed.chars().count() > max_chars {
            errors.push(FieldError::new(form_field, FieldProblem::TooLong { max_chars }));
        }
        (!trimmed.is_empty()).then(|| trimmed.to_string())
    };
    let first_name = field(&draft.first_name, FormField::FirstName, MAX_NAME_CHARS);
    let last_name = field(&draft.last_name, FormField::LastName, MAX_NAME_CHARS);
    let organization_name = field(&draft.organization_name, FormField::OrganizationName, MAX_NAME_CHARS);
    let email = field(&draft.email, FormField::Email, MAX_EMAIL_CHARS);
    let phone = field(&draft.phone, FormField::Phone, MAX_PHONE_CHARS);
    // The description keeps its inner line breaks; only the ends are trimmed.
    let description = field(&draft.description, FormField::Description, MAX_DESCRIPTION_CHARS);

    if last_name.is_none() && organization_name.is_none() {
        errors.push(FieldError::new(
            FormField::LastName,
            FieldProblem::NeedsLastNameOrOrganization,
        ));
    }
    if email.as_deref().is_some_and(|e| !is_email_shaped(e)) {
        errors.push(FieldError::new(FormField::Email, FieldProblem::EmailInvalid));
    }
    let owner_id = match owner_field {
        // A fixed owner is not the agent's to change.
        OwnerField::Fixed { owner, .. } => Some(owner.id),
        OwnerField::Choose { .. } => match draft.owner {
            None => {
                errors.push(FieldError::new(FormField::Owner, FieldProblem::OwnerRequired));
                None
            }
            Some(id) if owner_field.allows(id) => Some(id),
            Some(_) => {
                errors.push(FieldError::new(FormField::Owner, FieldProblem::OwnerNotAllowed));
                None
            }
        },
        OwnerField::Blocked { .. } => {
            errors.push(FieldError::new(FormField::Form, FieldProblem::OwnerBlocked));
            None
        }
    };
    crate::order::sort_by(&mut errors, |a, b| (a.field as u8).cmp(&(b.field as u8)));

    match owner_id {
        Some(owner_id) if errors.is_empty() => Ok(ValidLead {
            first_name,
            last_name,
            organization_name,
            email,
            phone,
            description,
            owner_id,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::owner::{FixedBecause, OwnerChoice, OwnerKind, OwnerSetupProblem};

    fn choice(id: u64) -> OwnerChoice {
        OwnerChoice {
            id: UserId(id),
            label: format!("User {id}"),
            kind: OwnerKind::Person,
            email: None,
        }
    }
    fn fixed(id: u64) -> OwnerField {
        OwnerField::Fixed {
            owner: choice(id),
            because: FixedBecause::ConfiguredOwner,
        }
    }
    fn choose(ids: &[u64]) -> OwnerField {
        OwnerField::Choose {
            options: ids.iter().map(|&i| choice(i)).collect(),
            preselected: None,
        }
    }
    fn draft() -> LeadDraft {
        LeadDraft {
            first_name: " Lea ".into(),
            last_name: "Lead".into(),
            email: "lea@lead-only.test".into(),
            ..LeadDraft::default()
        }
    }
    fn problems(result: Result<ValidLead, Vec<FieldError>>) -> Vec<(FormField, FieldProblem)> {
        match result {
            Ok(_) => vec![],
            Err(errors) => errors.into_iter().map(|e| (e.field, e.problem)).collect(),
        }
    }

    #[test]
    fn a_complete_draft_is_valid_and_trimmed() {
        let valid = validate(&draft(), &fixed(3)).map_err(|e| format!("{e:?}"));
        let valid = valid
            .as_ref()
            .map(|v| (v.first_name.as_deref(), v.owner_id, v.organization_name.clone()));
        assert_eq!(valid, Ok((Some("Lea"), UserId(3), None)));
    }

    #[test]
    #[allow(clippy::type_complexity)] // a table of cases reads better inline
    fn what_the_form_rejects() {
        use FieldProblem::*;
        let long = "x".repeat(256);
        let cases: Vec<(&str, LeadDraft, OwnerField, Vec<(FormField, FieldProblem)>)> = vec![
            (
                "an organization alone is enough",
                LeadDraft {
                    last_name: "".into(),
                    organization_name: "Contoso".into(),
                    ..draft()
                },
                fixed(3),
                vec![],
            ),
            (
                "neither last name nor organization",
                LeadDraft {
                    last_name: "  ".into(),
                    ..draft()
                },
                fixed(3),
                vec![(FormField::LastName, NeedsLastNameOrOrganization)],
            ),
            (
                "a first name alone is not enough",
                LeadDraft {
                    first_name: "Lea".into(),
                    last_name: "".into(),
                    email: "".into(),
                    ..LeadDraft::default()
                },
                fixed(3),
                vec![(FormField::LastName, NeedsLastNameOrOrganization)],
            ),
            (
                "email without a domain",
                LeadDraft {
                    email: "lea@".into(),
                    ..draft()
                },
                fixed(3),
                vec![(FormField::Email, EmailInvalid)],
            ),
            (
                "email with spaces",
                LeadDraft {
                    email: "lea @x.test".into(),
                    ..draft()
                },
                fixed(3),
                vec![(FormField::Email, EmailInvalid)],
            ),
            (
                "no email is fine",
                LeadDraft {
                    email: "".into(),
                    ..draft()
                },
                fixed(3),
                vec![],
            ),
            (
                "too long a last name",
                LeadDraft {
                    last_name: long.clone(),
                    ..draft()
                },
                fixed(3),
                vec![(
                    FormField::LastName,
                    TooLong {
                        max_chars: MAX_NAME_CHARS,
                    },
                )],
            ),
            (
                "255 chars are fine, counted in chars not bytes",
                LeadDraft {
                    last_name: "ü".repeat(255),
                    ..draft()
                },
                fixed(3),
                vec![],
            ),
            (
                "too long a phone",
                LeadDraft {
                    phone: "1".repeat(65),
                    ..draft()
                },
                fixed(3),
                vec![(
                    FormField::Phone,
                    TooLong {
                        max_chars: MAX_PHONE_CHARS,
                    },
                )],
            ),
            (
                "a choice not made",
                draft(),
                choose(&[2, 3]),
                vec![(FormField::Owner, OwnerRequired)],
            ),
            (
                "a choice made",
                LeadDraft {
                    owner: Some(UserId(3)),
                    ..draft()
                },
                choose(&[2, 3]),
                vec![],
            ),
            (
                "an owner not offered",
                LeadDraft {
                    owner: Some(UserId(9)),
                    ..draft()
                },
                choose(&[2, 3]),
                vec![(FormField::Owner, OwnerNotAllowed)],
            ),
            (
                "a fixed owner ignores the draft's owner",
                LeadDraft {
                    owner: Some(UserId(9)),
                    ..draft()
                },
                fixed(3),
                vec![],
            ),
            (
                "a blocked owner field blocks the form",
                draft(),
                OwnerField::Blocked {
                    problem: OwnerSetupProblem::NobodyToChoose,
                },
                vec![(FormField::Form, OwnerBlocked)],
            ),
            (
                "every problem at once, in input order",
                LeadDraft {
                    first_name: long.clone(),
                    last_name: "".into(),
                    email: "x".into(),
                    ..LeadDraft::default()
                },
                choose(&[2]),
                vec![
                    (
                        FormField::FirstName,
                        TooLong {
                            max_chars: MAX_NAME_CHARS,
                        },
                    ),
                    (FormField::LastName, NeedsLastNameOrOrganization),
                    (FormField::Email, EmailInvalid),
                    (FormField::Owner, OwnerRequired),
                ],
            ),
        ];
        for (what, draft, owner, expected) in cases {
            assert_eq!(problems(validate(&draft, &owner)), expected, "{what}");
        }
    }

    #[test]
    fn the_owner_comes_from_a_fixed_field() {
        let valid = validate(&LeadDraft { owner: None, ..draft() }, &fixed(8)).map(|v| v.owner_id());
        assert_eq!(valid, Ok(UserId(8)));
    }

    #[test]
    fn display_name_prefers_the_person() {
        let v = validate(&draft(), &fixed(1)).map(|v| v.display_name());
        assert_eq!(v, Ok("Lea Lead".to_string()));
        let org = LeadDraft {
            first_name: "".into(),
            last_name: "".into(),
            organization_name: "Contoso".into(),
            ..draft()
        };
        assert_eq!(
            validate(&org, &fixed(1)).map(|v| v.display_name()),
            Ok("Contoso".to_string())
        );
    }
}
