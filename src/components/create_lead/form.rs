//! The create-lead form: prefilled from the ticket (`lead_form::prefill`), checked before any request
//! (`validate`), errors under the input they belong to, the owner field as `owner_field_for` decided,
//! and the submit button (secondary until the agent touches the form, as Garden asks).

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

use super::owner_combobox::OwnerCombobox;
use super::submit::{input_id, DuplicatesQuestion, Env, FailureNotice, Submission};
use crate::components::callout::{Callout, Tone};
use crate::lead_flow::{Created, FormSetup};
use crate::sell_data::use_sell_data;
use crate::session::use_session;

#[component]
pub fn LeadForm(
    setup: FormSetup,
    requester: RwSignal<Requester>,
    on_close: Callback<()>,
    on_created: Callback<Created>,
    /// Shared with the panel, which can't be left while a request runs.
    phase: RwSignal<Phase>,
) -> impl IntoView {
    let session = use_session();
    let locale = session.locale;
    let admin = session.agent.is_admin();
    let subject = use_context::<crate::app::Subject>();
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
    let filled_for = RwSignal::new(requester.get_untracked());
    let initial = StoredValue::new(prefill_for(&filled_for.get_untracked()));
    // The form replaces the button that opened it: keyboard focus starts at its first field.
    super::submit::focus_later("lead-first-name");
    let initial_owner = setup.owner_field.initial_owner();
    let draft = RwSignal::new(initial.get_value());
    let owner = RwSignal::new(initial_owner);
    let interacted = RwSignal::new(false);
    let owner_field = StoredValue::new(setup.owner_field.clone());

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
    let busy = Signal::derive(move || phase.get().busy());
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
    let on_submit = move |ev: web_sys::SubmitEvent| {
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
        Some(view! {
            <Callout tone=Tone::Warning title=Msg::FormRequesterChangedTitle.text(locale) body=body>
                <button type="button" class="c-btn" disabled=move || busy.get() on:click=start_over>
                    {Msg::FormStartOver.text(locale)}
                </button>
            </Callout>
        })
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.key() != "Escape" {
            return;
        }
        ev.stop_propagation();
        if escape_closes_panel(phase.get_untracked(), changed()) {
            on_close.run(());
        }
    };

    let field = move |field: FormField, label: Msg, get: fn(&LeadDraft) -> &String, set: fn(&mut LeadDraft, String)| {
        view! { <TextField field label get set draft errors readonly=busy on_edit locale /> }
    };
    let owner_error = Signal::derive(move || message_for(&errors.get(), FormField::Owner, locale));
    let form_errors = move || {
        errors.with(|es| {
            es.iter()
                .filter(|e| e.field == FormField::Form)
                .map(|e| e.message(locale))
                .collect::<Vec<_>>()
        })
    };
    let submit_class = move || {
        if interacted.get() {
            "c-btn c-btn--primary"
        } else {
            "c-btn"
        }
    };

    view! {
        <form class="lead-form" novalidate on:submit=on_submit on:keydown=on_keydown>
            {requester_notice}
            {field(FormField::FirstName, Msg::FormFirstName, |d| &d.first_name, |d, v| d.first_name = v)}
            {field(FormField::LastName, Msg::FormLastName, |d| &d.last_name, |d, v| d.last_name = v)}
            {field(FormField::OrganizationName, Msg::FormOrganization, |d| &d.organization_name, |d, v| d.organization_name = v)}
            {field(FormField::Email, Msg::FormEmail, |d| &d.email, |d, v| d.email = v)}
            {field(FormField::Phone, Msg::FormPhone, |d| &d.phone, |d, v| d.phone = v)}
            {field(FormField::Description, Msg::FormDescription, |d| &d.description, |d, v| d.description = v)}
            {match setup.owner_field {
                OwnerField::Choose { options, .. } => {
                    // As with the text inputs, a change retires the owner's old error.
                    let on_owner_edit = Callback::new(move |_| {
                        errors.update(|es| es.retain(|e| e.field != FormField::Owner));
                        on_edit.run(());
                    });
                    view! { <OwnerCombobox options selected=owner error=owner_error readonly=busy on_edit=on_owner_edit locale /> }
                        .into_any()
                }
                OwnerField::Fixed { owner, because } => fixed_owner_view(owner, because, locale).into_any(),
                OwnerField::Blocked { problem } => view! {
                    <Callout tone=Tone::Warning title=Msg::FormCannotCreateTitle.text(locale) body=owner_problem_agent(&problem, locale)>
                        {admin.then(|| view! { <p class="c-callout__paragraph">{owner_problem_admin(&problem, locale)}</p> })}
                    </Callout>
                }
                .into_any(),
            }}
            {status.err().map(|problem| view! {
                <Callout tone=Tone::Warning title=Msg::FormCannotCreateTitle.text(locale) body=Msg::FormStatusUnknownAgent.text(locale)>
                    {admin.then(|| view! { <p class="c-callout__paragraph">{lead_status_problem_admin(&problem, locale)}</p> })}
                </Callout>
            })}
            {move || {
                let messages = form_errors();
                (!messages.is_empty()).then(|| view! {
                    <ul class="lead-form__errors c-field--error" role="alert">
                        {messages.into_iter().map(|m| view! { <li class="c-field__message" dir="auto">{m}</li> }).collect_view()}
                    </ul>
                })
            }}
            <FailureNotice submission locale />
            <DuplicatesQuestion submission locale />
            <p class="sr-only" role="status">
                {move || match phase.get() {
                    Phase::Checking => Msg::FormCheckingDuplicates.text(locale),
                    Phase::Creating => Msg::FormSubmitting.text(locale),
                    _ => "",
                }}
            </p>
            <div class="lead-form__actions">
                <button
                    id="lead-submit"
                    type="submit"
                    class=submit_class
                    disabled=move || blocked || busy.get() || phase.get() == Phase::Confirming
                    aria-busy=move || if busy.get() { "true" } else { "false" }
                >
                    {move || if busy.get() { Msg::FormSubmitting.text(locale) } else { Msg::FormSubmit.text(locale) }}
                </button>
                // Leaving while Sell creates the lead would let a second form send a second lead.
                <button type="button" class="c-btn c-btn--basic" disabled=move || busy.get() on:click=move |_| on_close.run(())>
                    {Msg::Cancel.text(locale)}
                </button>
            </div>
        </form>
    }
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
fn fixed_owner_view(owner: OwnerChoice, because: FixedBecause, locale: Locale) -> impl IntoView {
    let line = match (because, owner.kind) {
        (FixedBecause::Creator, _) => Msg::OwnerGoesToYou.text(locale).to_string(),
        (_, OwnerKind::Pool) => lead_goes_to_pool(&owner.label, locale),
        (_, OwnerKind::Person) => ui::lead_goes_to(&owner.label, locale),
    };
    view! {
        <div class="c-field owner-fixed">
            <span class="c-field__label">{Msg::FormOwner.text(locale)}</span>
            <p class="c-field__hint" id="lead-owner-fixed" dir="auto">{line}</p>
        </div>
    }
}

/// One labelled input (the description is a text area), its error below it, tied by
/// `aria-describedby`.
#[component]
fn TextField(
    field: FormField,
    label: Msg,
    get: fn(&LeadDraft) -> &String,
    set: fn(&mut LeadDraft, String),
    draft: RwSignal<LeadDraft>,
    errors: RwSignal<Vec<FieldError>>,
    readonly: Signal<bool>,
    on_edit: Callback<()>,
    locale: Locale,
) -> impl IntoView {
    let id = input_id(field);
    let error_id = format!("{id}-error");
    let error = move || message_for(&errors.get(), field, locale);
    let value = move || draft.with(|d| get(d).clone());
    let on_input = move |ev| {
        if readonly.get_untracked() {
            return;
        }
        let text = event_target_value(&ev);
        draft.update(|d| set(d, text));
        // The agent is fixing it: the old complaint no longer describes what is typed.
        errors.update(|es| es.retain(|e| e.field != field));
        on_edit.run(());
    };
    let field_class = move || {
        if error().is_some() {
            "c-field c-field--error"
        } else {
            "c-field"
        }
    };
    let describedby = {
        let error_id = error_id.clone();
        move || error().map(|_| error_id.clone())
    };
    let invalid = move || error().map(|_| "true");
    let (kind, autocomplete) = match field {
        FormField::Email => ("email", "email"),
        FormField::Phone => ("tel", "tel"),
        FormField::FirstName => ("text", "given-name"),
        FormField::LastName => ("text", "family-name"),
        FormField::OrganizationName => ("text", "organization"),
        _ => ("text", "off"),
    };
    let input = if field == FormField::Description {
        view! {
            <textarea
                id=id
                class="c-field__input c-field__input--area"
                rows="4"
                dir="auto"
                readonly=move || readonly.get()
                aria-invalid=invalid
                aria-describedby=describedby
                prop:value=value
                on:input=on_input
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id
                class="c-field__input"
                type=kind
                autocomplete=autocomplete
                dir="auto"
                readonly=move || readonly.get()
                aria-invalid=invalid
                aria-describedby=describedby
                prop:value=value
                on:input=on_input
            />
        }
        .into_any()
    };
    view! {
        <div class=field_class>
            <label class="c-field__label" for=id>{label.text(locale)}</label>
            {input}
            {move || error().map(|message| view! { <div id=error_id.clone() class="c-field__message" dir="auto">{message}</div> })}
        </div>
    }
}
