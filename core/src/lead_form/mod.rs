//! The create-lead form as data: what it starts with, what it checks before sending, the body it
//! sends, how Sell's answer maps back onto its inputs, and which lead source the lead gets.

mod body;
mod duplicates;
mod owner_rows;
mod sell_errors;
mod source;
mod status;
mod submission;
mod validate;

pub use body::lead_record;
pub use duplicates::{duplicates_of, Duplicates, Existing};
pub use owner_rows::{owner_rows, OwnerRow, OwnerRows, MAX_SHOWN_OWNERS};
pub use sell_errors::{is_name_taken, map_sell_422};
pub use source::{after_create_conflict, source_resolution, SourceConflict, SourcePlan};
pub use status::{status_resolution, StatusProblem};
pub use submission::{
    create_request, escape_closes_panel, failure_advice, CreateError, Intent, Outcome, Phase, Step,
};
pub use validate::{validate, ValidLead, MAX_DESCRIPTION_CHARS, MAX_EMAIL_CHARS, MAX_NAME_CHARS, MAX_PHONE_CHARS};

use crate::text::Lowercased;
use crate::i18n::ui::Msg;
use crate::i18n::Locale;
use crate::names::split_name;
use crate::sell::model::UserId;

/// What the agent edits. Strings as typed; trimming and checks happen in [`validate`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LeadDraft {
    pub first_name: String,
    pub last_name: String,
    pub organization_name: String,
    pub email: String,
    pub phone: String,
    pub description: String,
    pub owner: Option<UserId>,
}

/// What the ticket tells us about the would-be lead.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TicketInfo {
    pub requester_name: Option<String>,
    pub requester_email: Option<String>,
    pub requester_phone: Option<String>,
    pub organization_name: Option<String>,
    pub ticket_id: Option<u64>,
    pub subject: Option<String>,
}

/// The form filled from the ticket: the requester's name split into first and last (from the email
/// when Support has no name), their email, phone and organization, and a description naming the
/// ticket so the lead can be traced back. The owner is set from the owner field by the caller
/// (`OwnerField::initial_owner`).
pub fn prefill(ticket: &TicketInfo, locale: Locale) -> LeadDraft {
    let text = |value: &Option<String>| value.as_deref().map(str::trim).unwrap_or_default().to_string();
    let name = text(&ticket.requester_name);
    let (first_name, last_name) = if name.is_empty() {
        split_name(&text(&ticket.requester_email))
    } else {
        split_name(&name)
    };
    LeadDraft {
        first_name,
        last_name,
        organization_name: text(&ticket.organization_name),
        email: text(&ticket.requester_email),
        phone: text(&ticket.requester_phone),
        description: ticket_description(ticket.ticket_id, ticket.subject.as_deref(), locale),
        owner: None,
    }
}

/// The requester as the form names them when they changed while it was open: their name, else their
/// email; `None` when Support gives neither.
pub fn requester_label(name: Option<&str>, email: Option<&str>) -> Option<String> {
    [name, email]
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|s| !s.is_empty())
        .map(str::to_string)
}

/// Whether the ticket's requester is another one than the form was filled in for (Support can change
/// it while the form is open). Emails compare as addresses do in practice: trimmed, any case.
pub fn requester_moved(filled_for: Option<&str>, now: Option<&str>) -> bool {
    let key = |email: Option<&str>| email.map(|e| e.trim().lowercased()).unwrap_or_default();
    key(filled_for) != key(now)
}

fn ticket_description(ticket_id: Option<u64>, subject: Option<&str>, locale: Locale) -> String {
    let subject = subject.map(str::trim).filter(|s| !s.is_empty());
    match (locale, ticket_id, subject) {
        (Locale::En, Some(id), Some(subject)) => format!("From Zendesk Support ticket #{id}: {subject}"),
        (Locale::En, Some(id), None) => format!("From Zendesk Support ticket #{id}"),
        (Locale::En, None, Some(subject)) => format!("From Zendesk Support: {subject}"),
        (Locale::De, Some(id), Some(subject)) => format!("Aus Zendesk-Support-Ticket #{id}: {subject}"),
        (Locale::De, Some(id), None) => format!("Aus Zendesk-Support-Ticket #{id}"),
        (Locale::De, None, Some(subject)) => format!("Aus Zendesk Support: {subject}"),
        (_, None, None) => String::new(),
    }
}

/// An input of the form, or the form as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FormField {
    FirstName,
    LastName,
    OrganizationName,
    Email,
    Phone,
    Description,
    Owner,
    /// Not tied to one input: shown above the submit button.
    Form,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldProblem {
    /// Sell needs a last name or an organization (shown on the last name).
    NeedsLastNameOrOrganization,
    EmailInvalid,
    /// The owner field offers a choice and none was made.
    OwnerRequired,
    /// The chosen owner isn't one the owner field offers (stale form, tampering).
    OwnerNotAllowed,
    /// The owner field is blocked by a settings problem; the form can't be sent.
    OwnerBlocked,
    TooLong {
        max_chars: usize,
    },
    /// Sell rejected the value; its own message, in English.
    Sell {
        code: Option<String>,
        message: Option<String>,
    },
}

/// One error to show beside an input (or above the form).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: FormField,
    pub problem: FieldProblem,
}

impl FieldError {
    pub fn new(field: FormField, problem: FieldProblem) -> Self {
        Self { field, problem }
    }

    pub fn message(&self, locale: Locale) -> String {
        let msg = match &self.problem {
            FieldProblem::NeedsLastNameOrOrganization => Msg::FormNeedsLastNameOrOrganization,
            FieldProblem::EmailInvalid => Msg::FormEmailInvalid,
            FieldProblem::OwnerRequired | FieldProblem::OwnerNotAllowed => Msg::FormOwnerRequired,
            FieldProblem::OwnerBlocked => return crate::i18n::settings::owner_setup_agent_notice(locale).to_string(),
            FieldProblem::TooLong { .. } => Msg::FormTooLong,
            FieldProblem::Sell { code, message } => {
                return match (message, code) {
                    (Some(message), _) => message.clone(),
                    (None, Some(code)) => format!("{}: {code}", Msg::ErrValidation.text(locale)),
                    (None, None) => Msg::ErrValidation.text(locale).to_string(),
                }
            }
        };
        msg.text(locale).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_requester_change_is_an_other_address() {
        assert!(!requester_moved(Some("Lea@Lead-Only.test "), Some("lea@lead-only.test")));
        assert!(requester_moved(Some("lea@lead-only.test"), Some("carl@deals.test")));
        assert!(requester_moved(None, Some("carl@deals.test")));
        assert!(!requester_moved(None, None));
        assert!(!requester_moved(Some(" "), None));
    }

    #[test]
    fn the_requester_is_named_by_name_else_email() {
        assert_eq!(requester_label(Some("Lea Lead"), Some("lea@x.test")).as_deref(), Some("Lea Lead"));
        assert_eq!(requester_label(Some("  "), Some("lea@x.test")).as_deref(), Some("lea@x.test"));
        assert_eq!(requester_label(None, None), None);
    }

    fn ticket() -> TicketInfo {
        TicketInfo {
            requester_name: Some("Lea Lead".into()),
            requester_email: Some(" lea@lead-only.test ".into()),
            requester_phone: Some("+49 30 1234".into()),
            organization_name: Some("Lead Only GmbH".into()),
            ticket_id: Some(101),
            subject: Some("Pricing question".into()),
        }
    }

    #[test]
    fn prefills_from_the_ticket() {
        assert_eq!(
            prefill(&ticket(), Locale::En),
            LeadDraft {
                first_name: "Lea".into(),
                last_name: "Lead".into(),
                organization_name: "Lead Only GmbH".into(),
                email: "lea@lead-only.test".into(),
                phone: "+49 30 1234".into(),
                description: "From Zendesk Support ticket #101: Pricing question".into(),
                owner: None,
            }
        );
    }

    #[test]
    fn the_description_names_the_ticket_in_the_agents_language() {
        assert_eq!(
            prefill(&ticket(), Locale::De).description,
            "Aus Zendesk-Support-Ticket #101: Pricing question"
        );
        let cases = [
            (Some(7), None, Locale::En, "From Zendesk Support ticket #7"),
            (Some(7), Some(" "), Locale::De, "Aus Zendesk-Support-Ticket #7"),
            (None, Some("Hi"), Locale::En, "From Zendesk Support: Hi"),
            (None, None, Locale::De, ""),
        ];
        for (id, subject, locale, expected) in cases {
            assert_eq!(ticket_description(id, subject, locale), expected);
        }
    }

    #[test]
    fn without_a_name_the_email_gives_one() {
        let info = TicketInfo {
            requester_name: Some("  ".into()),
            requester_email: Some("john.doe@x.com".into()),
            ..TicketInfo::default()
        };
        let draft = prefill(&info, Locale::En);
        assert_eq!((draft.first_name.as_str(), draft.last_name.as_str()), ("John", "Doe"));
        assert_eq!(prefill(&TicketInfo::default(), Locale::En), LeadDraft::default());
    }

    #[test]
    fn arabic_names_prefill_whole() {
        let info = TicketInfo {
            requester_name: Some("عمر الفاروق".into()),
            ..TicketInfo::default()
        };
        let draft = prefill(&info, Locale::En);
        assert_eq!(
            (draft.first_name.as_str(), draft.last_name.as_str()),
            ("عمر", "الفاروق")
        );
    }

    #[test]
    fn field_errors_speak_the_agents_language() {
        let e = FieldError::new(FormField::LastName, FieldProblem::NeedsLastNameOrOrganization);
        assert_eq!(
            e.message(Locale::En),
            Msg::FormNeedsLastNameOrOrganization.text(Locale::En)
        );
        assert_eq!(
            e.message(Locale::De),
            Msg::FormNeedsLastNameOrOrganization.text(Locale::De)
        );
        let sell = FieldError::new(
            FormField::Email,
            FieldProblem::Sell {
                code: None,
                message: Some("is invalid".into()),
            },
        );
        assert_eq!(sell.message(Locale::De), "is invalid");
    }
}
