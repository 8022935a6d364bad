//! One submission of the create-lead form as a small state machine, so that exactly one
//! `POST /v2/leads` goes out per intent: a double click, or Enter and a click, while a check or a
//! create is running does nothing, and "Create anyway" is a separate, explicit step.
//!
//! | phase | intent / result | next phase | step to run |
//! |---|---|---|---|
//! | Editing | Submit, email given | Checking | check duplicates |
//! | Editing | Submit, no email | Creating | create |
//! | Checking, Creating | any intent | unchanged | none |
//! | Checking | no duplicates | Creating | create |
//! | Checking | duplicates found | Confirming | none (ask "Create anyway?") |
//! | Checking, Creating | failed | Editing | none |
//! | Confirming | Submit (Enter in a field) | unchanged | none: Enter is not a confirmation |
//! | Confirming | CreateAnyway | Creating | create |
//! | Confirming | Edit, Cancel | Editing | none (the next submit checks again) |
//! | Editing | CreateAnyway | unchanged | none |

use super::{lead_record, map_sell_422, FieldError, FormField, SourceConflict, ValidLead};
use crate::i18n::create_lead::{lead_source_conflict, lead_source_not_created};
use crate::i18n::ui::Msg;
use crate::i18n::Locale;
use crate::sell::error::SellError;
use crate::sell::model::SourceId;
use crate::sell::requests::{self, SellRequest};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Phase {
    #[default]
    Editing,
    /// Asking Sell whether the email is known already.
    Checking,
    /// Duplicates are shown; waiting for "Create anyway" or a change.
    Confirming,
    /// The `POST /v2/leads` (and, first, the lead source) is on its way.
    Creating,
}

/// What the agent did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    /// The form's submit: the button, or Enter in a field.
    Submit,
    /// The explicit second confirmation after duplicates were shown.
    CreateAnyway,
    /// A value was changed.
    Edit,
    /// "Cancel" on the duplicates question.
    Cancel,
}

/// The async work a transition starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    CheckDuplicates,
    Create,
}

/// How an async step ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    NoDuplicates,
    DuplicatesFound,
    Failed,
}

impl Phase {
    /// Whether a request is running (the submit button shows progress and is disabled).
    pub fn busy(self) -> bool {
        matches!(self, Phase::Checking | Phase::Creating)
    }

    /// The phase after an intent, and the step to start, if any.
    pub fn on_intent(self, intent: Intent, has_email: bool) -> (Phase, Option<Step>) {
        match (self, intent) {
            (Phase::Checking | Phase::Creating, _) => (self, None),
            (Phase::Editing, Intent::Submit) if has_email => (Phase::Checking, Some(Step::CheckDuplicates)),
            (Phase::Editing, Intent::Submit) => (Phase::Creating, Some(Step::Create)),
            (Phase::Editing, Intent::CreateAnyway | Intent::Edit | Intent::Cancel) => (Phase::Editing, None),
            (Phase::Confirming, Intent::Submit) => (Phase::Confirming, None),
            (Phase::Confirming, Intent::CreateAnyway) => (Phase::Creating, Some(Step::Create)),
            (Phase::Confirming, Intent::Edit | Intent::Cancel) => (Phase::Editing, None),
        }
    }

    /// The phase after a step finished (success of a create closes the form, so it is not here).
    pub fn on_outcome(self, outcome: Outcome) -> (Phase, Option<Step>) {
        match (self, outcome) {
            (Phase::Checking, Outcome::NoDuplicates) => (Phase::Creating, Some(Step::Create)),
            (Phase::Checking, Outcome::DuplicatesFound) => (Phase::Confirming, None),
            (Phase::Checking | Phase::Creating, Outcome::Failed) => (Phase::Editing, None),
            // A late answer for a phase already left changes nothing.
            (phase, _) => (phase, None),
        }
    }
}

/// The `POST /v2/leads` request for a checked lead.
pub fn create_request(lead: &ValidLead, status_name: &str, source_id: Option<SourceId>) -> SellRequest {
    requests::lead_create(lead_record(lead, status_name, source_id))
}

/// What the agent should do after a create failed, beyond Sell's error message. A timeout or a lost
/// connection may have created the lead anyway, so the agent is told to look before trying again.
pub fn failure_advice(error: &SellError) -> Msg {
    match error {
        SellError::Timeout | SellError::Network | SellError::Malformed { .. } => Msg::FormMaybeCreated,
        SellError::Validation(_) => Msg::FormFixAndRetry,
        _ => Msg::LeadNotCreated,
    }
}

/// Why a lead was not created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CreateError {
    /// Reading the lead sources, or the `POST /v2/leads` itself, failed.
    Sell(SellError),
    /// The configured lead source didn't exist and creating it failed.
    SourceNotCreated { name: String, error: SellError },
    /// Creating the source said "taken", and the re-read list still lacks it.
    SourceConflict(SourceConflict),
}

impl CreateError {
    /// Sell's 422 on the lead, put onto the form's inputs (empty for every other failure).
    pub fn field_errors(&self) -> Vec<FieldError> {
        match self {
            CreateError::Sell(SellError::Validation(errors)) => map_sell_422(errors),
            _ => Vec::new(),
        }
    }

    /// The sentence above the form. For a 422 only what has no input of its own: the rest is shown
    /// under the inputs.
    pub fn message(&self, locale: Locale) -> String {
        match self {
            CreateError::Sell(SellError::Validation(_)) => {
                let general: Vec<String> = self
                    .field_errors()
                    .iter()
                    .filter(|e| e.field == FormField::Form)
                    .map(|e| e.message(locale))
                    .collect();
                if general.is_empty() {
                    Msg::ErrValidation.text(locale).to_string()
                } else {
                    general.join(" ")
                }
            }
            CreateError::Sell(error) => error.message(locale),
            CreateError::SourceNotCreated { name, error } => lead_source_not_created(name, error, locale),
            CreateError::SourceConflict(conflict) => lead_source_conflict(conflict, locale),
        }
    }

    /// What to do next (see [`failure_advice`]).
    pub fn advice(&self) -> Msg {
        match self {
            CreateError::Sell(error) => failure_advice(error),
            CreateError::SourceNotCreated { .. } | CreateError::SourceConflict(_) => Msg::LeadNotCreated,
        }
    }
}

/// Escape closes the panel only while that loses nothing: no request running and nothing changed.
pub fn escape_closes_panel(phase: Phase, changed: bool) -> bool {
    phase == Phase::Editing && !changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lead_form::{validate, LeadDraft};
    use crate::policy::owner::{FixedBecause, OwnerChoice, OwnerField, OwnerKind};
    use crate::sell::model::UserId;
    use crate::sell::requests::Method;
    use serde_json::json;

    #[test]
    fn one_intent_starts_at_most_one_step() {
        use Intent::*;
        use Phase::*;
        let cases = [
            (Editing, Submit, true, (Checking, Some(Step::CheckDuplicates))),
            (Editing, Submit, false, (Creating, Some(Step::Create))),
            (Checking, Submit, true, (Checking, None)),
            (Checking, CreateAnyway, true, (Checking, None)),
            (Creating, Submit, true, (Creating, None)),
            (Creating, Submit, false, (Creating, None)),
            (Creating, Edit, true, (Creating, None)),
            (Confirming, Submit, true, (Confirming, None)),
            (Confirming, CreateAnyway, true, (Creating, Some(Step::Create))),
            (Confirming, Edit, true, (Editing, None)),
            (Confirming, Cancel, true, (Editing, None)),
            (Editing, CreateAnyway, true, (Editing, None)),
            (Editing, Edit, true, (Editing, None)),
        ];
        for (phase, intent, email, expected) in cases {
            assert_eq!(phase.on_intent(intent, email), expected, "{intent:?} in {phase:?}");
        }
    }

    #[test]
    fn a_double_submit_sends_one_create() {
        let (phase, first) = Phase::Editing.on_intent(Intent::Submit, false);
        let (_, second) = phase.on_intent(Intent::Submit, false);
        assert_eq!((first, second), (Some(Step::Create), None));
    }

    #[test]
    fn results_move_the_submission_on() {
        use Outcome::*;
        use Phase::*;
        let cases = [
            (Checking, NoDuplicates, (Creating, Some(Step::Create))),
            (Checking, DuplicatesFound, (Confirming, None)),
            (Checking, Failed, (Editing, None)),
            (Creating, Failed, (Editing, None)),
            (Editing, NoDuplicates, (Editing, None)),
            (Confirming, Failed, (Confirming, None)),
        ];
        for (phase, outcome, expected) in cases {
            assert_eq!(phase.on_outcome(outcome), expected, "{outcome:?} in {phase:?}");
        }
        assert!(Checking.busy() && Creating.busy() && !Editing.busy() && !Confirming.busy());
    }

    #[test]
    fn the_create_request_carries_the_record_once_wrapped() {
        let owner = OwnerChoice {
            id: UserId(3),
            label: "Nora North".into(),
            kind: OwnerKind::Person,
            email: None,
        };
        let field = OwnerField::Fixed {
            owner,
            because: FixedBecause::Creator,
        };
        let draft = LeadDraft {
            last_name: "Lead".into(),
            ..LeadDraft::default()
        };
        let lead = validate(&draft, &field).unwrap_or_else(|e| panic!("{e:?}"));
        let req = create_request(&lead, "New", Some(SourceId(4001)));
        assert_eq!((req.method, req.path.as_str()), (Method::Post, "/v2/leads"));
        assert_eq!(
            req.body_text().map(|t| serde_json::from_str::<serde_json::Value>(&t).unwrap_or_default()),
            Some(json!({"data": {"last_name": "Lead", "owner_id": 3, "status": "New", "source_id": 4001}}))
        );
    }

    #[test]
    fn the_advice_after_a_failure_fits_what_may_have_happened() {
        let cases = [
            (SellError::Timeout, Msg::FormMaybeCreated),
            (SellError::Network, Msg::FormMaybeCreated),
            (
                SellError::Malformed {
                    status: 200,
                    what: crate::sell::error::Unreadable::BrokenJson,
                },
                Msg::FormMaybeCreated,
            ),
            (SellError::Validation(vec![]), Msg::FormFixAndRetry),
            (SellError::Server { status: 503 }, Msg::LeadNotCreated),
            (
                SellError::RateLimited {
                    retry_after_secs: Some(2),
                },
                Msg::LeadNotCreated,
            ),
            (SellError::Forbidden, Msg::LeadNotCreated),
        ];
        for (error, expected) in cases {
            assert_eq!(failure_advice(&error), expected, "{error:?}");
        }
    }

    #[test]
    fn a_422_lands_on_the_inputs_and_only_the_rest_above_the_form() {
        use crate::sell::error::SellFieldError;
        let error = CreateError::Sell(SellError::Validation(vec![
            SellFieldError {
                field: Some("/email".into()),
                message: Some("is invalid".into()),
                ..Default::default()
            },
            SellFieldError {
                field: Some("/status".into()),
                message: Some("is unknown".into()),
                ..Default::default()
            },
        ]));
        let fields: Vec<FormField> = error.field_errors().iter().map(|e| e.field).collect();
        assert_eq!(fields, vec![FormField::Email, FormField::Form]);
        assert_eq!(error.message(Locale::En), "is unknown");
        assert_eq!(error.advice(), Msg::FormFixAndRetry);
        let only_inputs = CreateError::Sell(SellError::Validation(vec![SellFieldError {
            field: Some("/last_name".into()),
            message: Some("can't be blank".into()),
            ..Default::default()
        }]));
        assert_eq!(only_inputs.message(Locale::En), Msg::ErrValidation.text(Locale::En));
    }

    #[test]
    fn other_failures_say_what_happened_and_keep_the_inputs_clean() {
        let server = CreateError::Sell(SellError::Server { status: 503 });
        assert!(server.field_errors().is_empty());
        assert!(server.message(Locale::En).contains("503"));
        let source = CreateError::SourceNotCreated {
            name: "Zendesk Support".into(),
            error: SellError::Forbidden,
        };
        assert!(source.message(Locale::En).contains("Zendesk Support"));
        assert_eq!(source.advice(), Msg::LeadNotCreated);
        let conflict = CreateError::SourceConflict(SourceConflict::StillMissing { name: "Web".into() });
        assert!(conflict.message(Locale::De).contains("Web"));
    }

    #[test]
    fn escape_never_throws_away_typing_or_a_running_request() {
        assert!(escape_closes_panel(Phase::Editing, false));
        assert!(!escape_closes_panel(Phase::Editing, true));
        assert!(!escape_closes_panel(Phase::Creating, false));
        assert!(!escape_closes_panel(Phase::Confirming, false));
    }
}
