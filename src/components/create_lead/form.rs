//! The create-lead form: prefilled from the ticket (`lead_form::prefill`), checked before any request
//! (`validate`), errors under the input they belong to, the owner field as `owner_field_for` decided,
//! and the submit button (secondary until the agent touches the form, as Garden asks).

use crate::state::{State, Stored};
use leptos::prelude::*;
use sidebar_core::i18n::create_lead::{lead_goes_to_pool, lead_status_problem_admin, requester_changed};
use sidebar_core::i18n::settings::{owner_problem_admin, owner_problem_agent};
use sidebar_core::i18n::ui::{self, Msg};
use sidebar_core::i18n::Locale;
use sidebar_core::lead_form::{
    self, escape_closes_panel, prefill, requester_label, requester_moved, validate, FieldError, FormField, Intent,
    LeadDraft, Phase,
};
use sidebar_core::policy::owner::{FixedBecause, OwnerChoice, OwnerField, OwnerKind};
use sidebar_core::zaf_values::Requester;

use super::owner_combobox::owner_combobox;
use super::submit::{duplicates_question, failure_notice, input_id, Env, Submission};
use wasm_bindgen::JsCast;

use crate::components::callout::{callout, Tone};
use crate::el::{button, el, input_value, paragraph, El};
use crate::lead_flow::{Created, FormSetup};
use crate::sell_data::use_sell_data;
use crate::session::use_session;

/// The form. Build it untracked (`untrack`): were the panel's part to re-run because building read a
/// signal, what is typed would be lost.
pub fn lead_form(
    setup: FormSetup,
    requester: State<Requester>,
    on_close: Callback<()>,
    on_created: Callback<Created>,
    // Shared with the panel, which can't be left while a request runs.
    phase: State<Phase>,
) -> El {
    let session = use_session();
    let locale = session.locale;
    let admin = session.agent.is_admin();
    let subject = use_context::<crate::sidebar_state::Subject>();
    let prefill_for = {
        let (organization_name, ticket_id) = (session.organization_name(), session.ticket_id());
        move |r: &Requester| {
            let info = lead_form::TicketInfo {
                requester_name: r.name.clone(),
                requester_email: r.email.clone(),
                requester_phone: r.phone.clone(),
                organization_name: organization_name.clone(),
                ticket_id,
                // A new ticket's subject as typed so far.
                subject: subject.and_then(|s| s.0.get_untracked()),
            };
            prefill(&info, locale)
        }
    };
    // Who the form was filled in for: the ticket's requester can change while it is open.
    let filled_for = State::new(requester.get_untracked());
    let initial = Stored::new(prefill_for(&filled_for.get_untracked()));
    // The form replaces the button that opened it: keyboard focus starts at its first field.
    super::submit::focus_later("lead-first-name");
    let initial_owner = setup.owner_field.initial_owner();
    let draft = State::new(initial.get_value());
    let owner = State::new(initial_owner);
    let interacted = State::new(false);
    let owner_field = Stored::new(setup.owner_field.clone());

    let status = setup.status.clone();
    let submission = Submission::new(Env {
        data: use_sell_data(),
        session: session.clone(),
        access: setup.access.clone(),
        status: status.clone().unwrap_or_default(),
        // The lead belongs to the person the form was filled in for (Start over is disabled while it is
        // being created, so that is who it was sent for).
        on_created: Callback::new(move |lead| {
            if let Some(filled_for) = filled_for.try_get_untracked() {
                on_created.run(Created { for_email: filled_for.email, lead });
            }
        }),
    }, phase);
    let errors = submission.errors;
    let busy = move || phase.get().busy();
    let blocked = matches!(setup.owner_field, OwnerField::Blocked { .. }) || status.is_err();

    let on_edit = Callback::new(move |_| {
        interacted.set(true);
        if phase.get_untracked() == Phase::Confirming {
            submission.intent(Intent::Edit, true);
        }
    });
    let current_draft = move || LeadDraft {
        owner: owner.get_untracked(),
        ..draft.get_untracked()
    };
    let on_submit = move |ev: web_sys::Event| {
        ev.prevent_default();
        if blocked {
            return;
        }
        interacted.set(true);
        submission.submit(|| owner_field.with_value(|field| validate(&current_draft(), field)));
    };
    let changed = move || initial.with_value(|i| draft.with_untracked(|d| d != i)) || owner.get_untracked() != initial_owner;
    let requester_notice = move || {
        let (before, now) = (filled_for.get(), requester.get());
        if !requester_moved(before.email.as_deref(), now.email.as_deref()) {
            return None;
        }
        let label = |r: &Requester| requester_label(r.name.as_deref(), r.email.as_deref());
        let body = requester_changed(label(&before).as_deref(), label(&now).as_deref(), locale);
        let start_over = {
            let prefill_for = prefill_for.clone();
            move |_| {
                let fresh = prefill_for(&now);
                initial.set_value(fresh.clone());
                draft.set(fresh);
                filled_for.set(now.clone());
                errors.set(Vec::new());
                if phase.get_untracked() == Phase::Confirming {
                    submission.intent(Intent::Edit, true);
                }
                super::submit::focus_later("lead-first-name");
            }
        };
        let button = button("c-btn", Msg::FormStartOver.text(locale)).flag_with("disabled", busy).on("click", start_over);
        Some(callout(Tone::Warning, Msg::FormRequesterChangedTitle.text(locale), &body, vec![button]))
    };
    let on_keydown = move |ev: web_sys::Event| {
        let ev: web_sys::KeyboardEvent = ev.unchecked_into();
        if ev.key() != "Escape" {
            return;
        }
        ev.stop_propagation();
        if escape_closes_panel(phase.get_untracked(), changed()) {
            on_close.run(());
        }
    };

    let field = move |field: FormField, label: Msg, get: fn(&LeadDraft) -> &String, set: fn(&mut LeadDraft, String)| {
        text_field(field, label, get, set, draft, errors, busy, on_edit, locale)
    };
    let owner_error = move || message_for(&errors.get(), FormField::Owner, locale);
    let owner_view = match setup.owner_field {
        OwnerField::Choose { options, .. } => {
            // As with the text inputs, a change retires the owner's old error.
            let on_owner_edit = Callback::new(move |_| {
                errors.update(|es| es.retain(|e| e.field != FormField::Owner));
                on_edit.run(());
            });
            owner_combobox(options, owner, owner_error, busy, on_owner_edit, locale)
        }
        OwnerField::Fixed { owner, because } => fixed_owner_view(owner, because, locale),
        OwnerField::Blocked { problem } => {
            let admin_note = admin.then(|| paragraph(&owner_problem_admin(&problem, locale)));
            callout(
                Tone::Warning,
                Msg::FormCannotCreateTitle.text(locale),
                owner_problem_agent(&problem, locale),
                admin_note.into_iter().collect(),
            )
        }
    };
    let status_view = status.err().map(|problem| {
        let admin_note = admin.then(|| paragraph(&lead_status_problem_admin(&problem, locale)));
        callout(
            Tone::Warning,
            Msg::FormCannotCreateTitle.text(locale),
            Msg::FormStatusUnknownAgent.text(locale),
            admin_note.into_iter().collect(),
        )
    });
    let form_errors = move || {
        errors.with(|es| {
            let messages = es.iter().filter(|e| e.field == FormField::Form);
            let items: Vec<El> = messages
                .map(|e| el("li").attr("class", "c-field__message").attr("dir", "auto").text(&e.message(locale)))
                .collect();
            (!items.is_empty()).then(|| {
                let list = el("ul").attr("class", "lead-form__errors c-field--error").attr("role", "alert");
                items.into_iter().fold(list, El::child)
            })
        })
    };
    let submit = el("button")
        .attr("id", "lead-submit")
        .attr("type", "submit")
        // Secondary until the agent touches the form, as Garden asks.
        .attr_either("class", move || interacted.get(), "c-btn c-btn--primary", "c-btn")
        .flag_with("disabled", move || blocked || busy() || phase.get() == Phase::Confirming)
        .attr_either("aria-busy", busy, "true", "false")
        .text_with(move || if busy() { Msg::FormSubmitting } else { Msg::FormSubmit }.text(locale).into());
    // Leaving while Sell creates the lead would let a second form send a second lead.
    let cancel = button("c-btn c-btn--basic", Msg::Cancel.text(locale))
        .flag_with("disabled", busy)
        .on("click", move |_| on_close.run(()));

    let mut form = el("form")
        .attr("class", "lead-form")
        .attr("novalidate", "")
        .on("submit", on_submit)
        .on("keydown", on_keydown)
        .child_with(requester_notice)
        .child(field(FormField::FirstName, Msg::FormFirstName, |d| &d.first_name, |d, v| d.first_name = v))
        .child(field(FormField::LastName, Msg::FormLastName, |d| &d.last_name, |d, v| d.last_name = v))
        .child(field(FormField::OrganizationName, Msg::FormOrganization, |d| &d.organization_name, |d, v| d.organization_name = v))
        .child(field(FormField::Email, Msg::FormEmail, |d| &d.email, |d, v| d.email = v))
        .child(field(FormField::Phone, Msg::FormPhone, |d| &d.phone, |d, v| d.phone = v))
        .child(field(FormField::Description, Msg::FormDescription, |d| &d.description, |d, v| d.description = v))
        .child(owner_view);
    if let Some(status_view) = status_view {
        form = form.child(status_view);
    }
    form.child_with(form_errors)
        .child_with(failure_notice(submission, locale))
        .child_with(duplicates_question(submission, locale))
        .child(el("p").attr("class", "sr-only").attr("role", "status").text_with(move || {
            match phase.get() {
                Phase::Checking => Msg::FormCheckingDuplicates.text(locale),
                Phase::Creating => Msg::FormSubmitting.text(locale),
                _ => "",
            }
            .into()
        }))
        .child(el("div").attr("class", "lead-form__actions").child(submit).child(cancel))
}

/// The errors of one field, as one sentence (`None` when it has none).
fn message_for(errors: &[FieldError], field: FormField, locale: Locale) -> Option<String> {
    let messages: Vec<String> = errors
        .iter()
        .filter(|e| e.field == field)
        .map(|e| e.message(locale))
        .collect();
    (!messages.is_empty()).then(|| messages.join(" "))
}

/// "The lead goes to X": no dropdown when the owner is fixed; a pool is named as a pool.
fn fixed_owner_view(owner: OwnerChoice, because: FixedBecause, locale: Locale) -> El {
    let line = match (because, owner.kind) {
        (FixedBecause::Creator, _) => Msg::OwnerGoesToYou.text(locale).to_string(),
        (_, OwnerKind::Pool) => lead_goes_to_pool(&owner.label, locale),
        (_, OwnerKind::Person) => ui::lead_goes_to(&owner.label, locale),
    };
    el("div")
        .attr("class", "c-field owner-fixed")
        .child(el("span").attr("class", "c-field__label").text(Msg::FormOwner.text(locale)))
        .child(el("p").attr("class", "c-field__hint").attr("id", "lead-owner-fixed").attr("dir", "auto").text(&line))
}

/// One labelled input (the description is a text area), its error below it, tied by
/// `aria-describedby`.
#[allow(clippy::too_many_arguments)]
fn text_field(
    field: FormField,
    label: Msg,
    get: fn(&LeadDraft) -> &String,
    set: fn(&mut LeadDraft, String),
    draft: State<LeadDraft>,
    errors: State<Vec<FieldError>>,
    readonly: impl Fn() -> bool + Copy + 'static,
    on_edit: Callback<()>,
    locale: Locale,
) -> El {
    let id = input_id(field);
    let error_id = format!("{id}-error");
    let error = move || message_for(&errors.get(), field, locale);
    let on_input = move |ev: web_sys::Event| {
        if untrack(readonly) {
            return;
        }
        let text = input_value(&ev);
        draft.update(|d| set(d, text));
        // The agent is fixing it: the old complaint no longer describes what is typed.
        errors.update(|es| es.retain(|e| e.field != field));
        on_edit.run(());
    };
    let (kind, autocomplete) = match field {
        FormField::Email => ("email", "email"),
        FormField::Phone => ("tel", "tel"),
        FormField::FirstName => ("text", "given-name"),
        FormField::LastName => ("text", "family-name"),
        FormField::OrganizationName => ("text", "organization"),
        _ => ("text", "off"),
    };
    let input = if field == FormField::Description {
        el("textarea").attr("class", "c-field__input c-field__input--area").attr("rows", "4")
    } else {
        el("input")
            .attr("class", "c-field__input")
            .attr("type", kind)
            .attr("autocomplete", autocomplete)
    };
    let described = error_id.clone();
    let input = input
        .attr("id", id)
        .attr("dir", "auto")
        .flag_with("readonly", readonly)
        .attr_with("aria-invalid", move || error().map(|_| "true".into()))
        .attr_with("aria-describedby", move || error().map(|_| described.clone()))
        .value_with(move || draft.with(|d| get(d).clone()))
        .on("input", on_input);
    el("div")
        .attr_either("class", move || error().is_some(), "c-field c-field--error", "c-field")
        .child(el("label").attr("class", "c-field__label").attr("for", id).text(label.text(locale)))
        .child(input)
        .child_with(move || {
            error().map(|message| {
                el("div").attr("id", &error_id).attr("class", "c-field__message").attr("dir", "auto").text(&message)
            })
        })
}
