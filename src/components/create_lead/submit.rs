//! Sending the form: the submission's phase (`lead_form::Phase`, which makes a double click or
//! Enter + click one request), the async steps it starts, and what the agent sees meanwhile and after
//! a failure: the duplicates question and the failure notice.

use crate::state::{State, Stored};
use leptos::prelude::*;
use leptos::task::spawn_local;
use sidebar_core::i18n::ui::Msg;
use sidebar_core::i18n::Locale;
use sidebar_core::lead_form::{
    CreateError, Duplicates, Existing, FieldError, FormField, Intent, Outcome, Phase, Step, ValidLead,
};
use sidebar_core::policy::access::Access;
use sidebar_core::sell::error::SellError;

use crate::el::{button, el, paragraph, El};
use crate::lead_flow::{create_lead, CreatedLead};
use crate::sell_data::SellData;
use crate::session::Session;

/// Where the failure notice is, so focus can go there.
pub const FAILURE_ID: &str = "create-lead-failure";
/// Where the duplicates question is.
pub const DUPLICATES_ID: &str = "create-lead-duplicates";

/// Why the last step failed.
#[derive(Clone, Debug, PartialEq)]
pub enum Failure {
    /// The duplicate check couldn't ask Sell; nothing was created.
    Check(SellError),
    Create(CreateError),
}

impl Failure {
    fn message(&self, locale: Locale) -> String {
        match self {
            Failure::Check(error) => error.message(locale),
            Failure::Create(error) => error.message(locale),
        }
    }

    fn advice(&self) -> Msg {
        match self {
            Failure::Check(_) => Msg::LeadNotCreated,
            Failure::Create(error) => error.advice(),
        }
    }
}

/// What the steps need that isn't reactive (browser handles, the access decided at setup).
pub struct Env {
    pub data: SellData,
    pub session: Session,
    pub access: Access,
    /// The status name to send (the form can't be sent without one).
    pub status: String,
    pub on_created: Callback<CreatedLead>,
}

/// The submission's reactive state; `Copy`, so every handler can hold it.
#[derive(Clone, Copy)]
pub struct Submission {
    pub phase: State<Phase>,
    pub failure: State<Option<Failure>>,
    pub duplicates: State<Duplicates>,
    /// Errors shown under the inputs (from `validate`, or Sell's 422).
    pub errors: State<Vec<FieldError>>,
    /// The lead checked at submit time: what is sent, even after "Create anyway".
    pending: Stored<Option<ValidLead>>,
    env: Stored<Env>,
}

impl Submission {
    /// `phase` is the panel's: while a request runs, the panel can't be left.
    pub fn new(env: Env, phase: State<Phase>) -> Self {
        Self {
            phase,
            failure: State::new(None),
            duplicates: State::new(Duplicates::default()),
            errors: State::new(Vec::new()),
            pending: Stored::new(None),
            env: Stored::new(env),
        }
    }

    /// The form's submit. `check` validates the current values; it runs only when a submission
    /// actually starts, so a second click while one runs changes nothing.
    pub fn submit(self, check: impl FnOnce() -> Result<ValidLead, Vec<FieldError>>) {
        let current = self.phase.get_untracked();
        if current != Phase::Editing {
            self.intent(Intent::Submit, false);
            return;
        }
        let lead = match check() {
            Ok(lead) => lead,
            Err(errors) => {
                let first = errors.first().map(|e| e.field);
                self.errors.set(errors);
                self.failure.set(None);
                focus_later(first.map(input_id).unwrap_or(FAILURE_ID));
                return;
            }
        };
        let has_email = lead.email().is_some();
        self.pending.set_value(Some(lead));
        self.errors.set(Vec::new());
        self.failure.set(None);
        self.intent(Intent::Submit, has_email);
    }

    /// Any other intent: "Create anyway", a change, "Cancel".
    pub fn intent(self, intent: Intent, has_email: bool) {
        let (next, step) = self.phase.get_untracked().on_intent(intent, has_email);
        self.phase.set(next);
        if intent == Intent::CreateAnyway && step.is_some() {
            self.failure.set(None);
        }
        if let Some(step) = step {
            self.run(step);
        }
    }

    fn finish(self, outcome: Outcome) {
        let Some(phase) = self.phase.try_get_untracked() else {
            return;
        };
        let (next, step) = phase.on_outcome(outcome);
        self.phase.set(next);
        if let Some(step) = step {
            self.run(step);
        }
    }

    fn run(self, step: Step) {
        let Some(lead) = self.pending.get_value() else {
            self.phase.set(Phase::Editing);
            return;
        };
        let Some((data, session, access, status, on_created)) = self.env.try_with_value(|e| {
            (
                e.data.clone(),
                e.session.clone(),
                e.access.clone(),
                e.status.clone(),
                e.on_created,
            )
        }) else {
            return;
        };
        match step {
            Step::CheckDuplicates => spawn_local(async move {
                let email = lead.email().unwrap_or_default().to_string();
                let outcome = match data.duplicates(&email).await {
                    Ok(found) if found.is_empty() => Outcome::NoDuplicates,
                    Ok(found) => {
                        let _ = self.duplicates.try_set(found);
                        focus_later(DUPLICATES_ID);
                        Outcome::DuplicatesFound
                    }
                    Err(error) => {
                        let _ = self.failure.try_set(Some(Failure::Check(error)));
                        focus_later(FAILURE_ID);
                        Outcome::Failed
                    }
                };
                self.finish(outcome);
            }),
            Step::Create => spawn_local(async move {
                match create_lead(&data, &session, &access, &lead, &status).await {
                    // The panel closes and the sidebar shows the new lead (`try_`: the sidebar may be
                    // gone, the lead is in Sell either way).
                    Ok(created) => {
                        let _ = on_created.try_run(created);
                    }
                    Err(error) => {
                        let on_inputs = error.field_errors();
                        let first = on_inputs.iter().map(|e| e.field).find(|f| *f != FormField::Form);
                        let _ = self.errors.try_set(on_inputs);
                        let _ = self.failure.try_set(Some(Failure::Create(error)));
                        focus_later(first.map(input_id).unwrap_or(FAILURE_ID));
                        self.finish(Outcome::Failed);
                    }
                }
            }),
        }
    }
}

/// The id of a field's input (the failure notice for errors that belong to no input).
pub fn input_id(field: FormField) -> &'static str {
    match field {
        FormField::FirstName => "lead-first-name",
        FormField::LastName => "lead-last-name",
        FormField::OrganizationName => "lead-organization",
        FormField::Email => "lead-email",
        FormField::Phone => "lead-phone",
        FormField::Description => "lead-description",
        FormField::Owner => "lead-owner",
        FormField::Form => FAILURE_ID,
    }
}

/// Moves focus once the element has been rendered (views update after the signal that made them).
pub fn focus_later(id: &'static str) {
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        let element = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    });
}

/// The failure notice: what happened (Sell's words, in the agent's language) and what to do.
pub fn failure_notice(submission: Submission, locale: Locale) -> impl Fn() -> Option<El> {
    move || {
        submission.failure.get().map(|failure| {
            el("div")
                .attr("id", FAILURE_ID)
                .attr("class", "c-callout c-callout--error")
                .attr("role", "alert")
                .attr("tabindex", "-1")
                .child(el("strong").attr("class", "c-callout__title").text(Msg::FormNotCreatedTitle.text(locale)))
                .child(paragraph(&failure.message(locale)).attr("dir", "auto"))
                .child(paragraph(failure.advice().text(locale)))
        })
    }
}

/// "Already in Sell": the records with this email, and the explicit second confirmation.
pub fn duplicates_question(submission: Submission, locale: Locale) -> impl Fn() -> Option<El> {
    let session = crate::session::use_session();
    move || {
        (submission.phase.get() == Phase::Confirming).then(|| {
            let Duplicates { records, hidden } = submission.duplicates.get();
            let items = records.into_iter().map(|record| {
                let (kind, name, warning) = match &record {
                    Existing::Lead { name, .. } => (Msg::CardLead, name.clone(), Msg::DuplicateLeadWarning),
                    Existing::Contact { name, organization: true, .. } => (Msg::CardOrganization, name.clone(), Msg::DuplicateContactWarning),
                    Existing::Contact { name, .. } => (Msg::CardContact, name.clone(), Msg::DuplicateContactWarning),
                };
                let href = match record {
                    Existing::Lead { id, .. } => session.sell_url("leads", id.0),
                    Existing::Contact { id, .. } => session.sell_url("contacts", id.0),
                };
                el("li")
                    .attr("class", "duplicates__item")
                    .child(el("span").attr("class", "sr-only").text(warning.text(locale)))
                    .child(el("span").attr("class", "card__kind").text(kind.text(locale)))
                    .text(" ")
                    .child(
                        el("a")
                            .attr("href", &href)
                            .attr("target", "_blank")
                            .attr("rel", "noopener noreferrer")
                            .attr("dir", "auto")
                            .text(&name),
                    )
            });
            let mut view = el("div")
                .attr("id", DUPLICATES_ID)
                .attr("class", "c-callout c-callout--warning")
                .attr("role", "alert")
                .attr("tabindex", "-1")
                .child(el("strong").attr("class", "c-callout__title").text(Msg::FormDuplicatesTitle.text(locale)))
                .child(items.fold(el("ul").attr("class", "duplicates"), El::child));
            // Only that one exists: no name, owner or value of a record the agent may not see.
            if hidden > 0 {
                view = view.child(paragraph(Msg::DuplicateHidden.text(locale)));
            }
            let create = button("c-btn c-btn--primary", Msg::FormCreateAnyway.text(locale))
                .on("click", move |_| submission.intent(Intent::CreateAnyway, true));
            let cancel = button("c-btn c-btn--basic", Msg::Cancel.text(locale)).on("click", move |_| {
                submission.intent(Intent::Cancel, true);
                focus_later("lead-submit");
            });
            view.child(paragraph(Msg::FormCreateAnywayQuestion.text(locale)))
                .child(el("div").attr("class", "callout-actions").child(create).child(cancel))
        })
    }
}
