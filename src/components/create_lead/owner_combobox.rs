//! The owner field when the agent must choose: a searchable combobox after the WAI-ARIA pattern
//! (input `role=combobox` with `aria-expanded`, `aria-controls`, `aria-activedescendant`; a listbox of
//! options grouped into people and pools). Filtering is `combobox::FilterIndex`, keys are
//! `combobox::key_action`, and which rows appear is `lead_form::owner_rows` (at most 50, so 2,000
//! owners stay fast); this view only renders and forwards.

use leptos::prelude::*;
use sidebar_core::combobox::{key_action, Action, ComboState, FilterIndex};
use sidebar_core::i18n::create_lead::owner_more_matches;
use sidebar_core::i18n::ui::Msg;
use sidebar_core::i18n::Locale;
use sidebar_core::lead_form::{owner_rows, OwnerRow, OwnerRows};
use sidebar_core::policy::owner::{OwnerChoice, OwnerKind};
use sidebar_core::sell::model::UserId;

pub const INPUT_ID: &str = "lead-owner";
const LABEL_ID: &str = "lead-owner-label";
const LISTBOX_ID: &str = "lead-owner-listbox";
const ERROR_ID: &str = "lead-owner-error";

fn option_id(id: UserId) -> String {
    format!("lead-owner-option-{id}")
}

#[component]
pub fn OwnerCombobox(
    options: Vec<OwnerChoice>,
    selected: RwSignal<Option<UserId>>,
    /// The error under the field, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// While a submission runs nothing may change.
    #[prop(into)]
    readonly: Signal<bool>,
    /// Called on every change the agent makes.
    on_edit: Callback<()>,
    locale: Locale,
) -> impl IntoView {
    let index = StoredValue::new(FilterIndex::new(&options));
    let label_of = move |id: Option<UserId>, options: &[OwnerChoice]| {
        id.and_then(|id| options.iter().find(|o| o.id == id))
            .map(|o| o.label.clone())
    };
    let query = RwSignal::new(label_of(selected.get_untracked(), &options).unwrap_or_default());
    let options = StoredValue::new(options);
    let combo = RwSignal::new(ComboState::default());

    // The chosen owner's label in the input means "show everyone", not "filter by this name".
    let rows = Memo::new(move |_| {
        let text = query.get();
        let chosen = options.with_value(|o| label_of(selected.get(), o));
        let filter = if chosen.as_deref() == Some(text.as_str()) {
            ""
        } else {
            text.as_str()
        };
        let matches = index.with_value(|i| i.filter(filter));
        options.with_value(|o| owner_rows(o, &matches))
    });
    let state = move || ComboState {
        visible: rows.with(|r| r.shown),
        ..combo.get()
    };
    let option_at = move |row: usize| {
        rows.with_untracked(|r| r.option_at(row))
            .and_then(|i| options.with_value(|o| o.get(i).cloned()))
    };
    let choose = move |row: usize| {
        // While the form is being sent, what is shown must stay what is sent.
        if readonly.get_untracked() {
            return;
        }
        if let Some(option) = option_at(row) {
            selected.set(Some(option.id));
            query.set(option.label.clone());
            on_edit.run(());
        }
        combo.update(|c| *c = c.after(Action::Select(row)));
    };
    let active_id = move || {
        let state = state();
        let row = state.active.filter(|_| state.open)?;
        let i = rows.with(|r| r.option_at(row))?;
        options.with_value(|o| o.get(i).map(|o| option_id(o.id)))
    };

    let on_input = move |ev| {
        if readonly.get_untracked() {
            return;
        }
        let text = event_target_value(&ev);
        let chosen = options.with_value(|o| label_of(selected.get_untracked(), o));
        if chosen.as_deref() != Some(text.as_str()) {
            selected.set(None);
        }
        query.set(text);
        let visible = rows.with_untracked(|r| r.shown);
        combo.update(|c| *c = c.with_visible(visible));
        on_edit.run(());
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if readonly.get_untracked() {
            return;
        }
        let key = ev.key();
        let current = ComboState {
            visible: rows.with_untracked(|r| r.shown),
            ..combo.get_untracked()
        };
        let action = key_action(&key, &current);
        if action.prevents_default(&key) {
            ev.prevent_default();
        }
        if action != Action::None && key == "Escape" {
            // Closing the list is all Escape does here; the panel must not see it.
            ev.stop_propagation();
        }
        match action {
            Action::Select(row) => choose(row),
            Action::None => {}
            other => combo.set(current.after(other)),
        }
    };

    let describedby = move || error.get().map(|_| ERROR_ID);
    let field_class = move || {
        if error.get().is_some() {
            "c-field owner-combobox c-field--error"
        } else {
            "c-field owner-combobox"
        }
    };
    view! {
        <div class=field_class>
            <label class="c-field__label" id=LABEL_ID for=INPUT_ID>
                {Msg::FormOwner.text(locale)}
                <span class="c-field__hint">" (" {Msg::FormRequired.text(locale)} ")"</span>
            </label>
            <input
                id=INPUT_ID
                class="c-field__input"
                type="text"
                role="combobox"
                dir="auto"
                autocomplete="off"
                aria-autocomplete="list"
                aria-required="true"
                aria-controls=LISTBOX_ID
                aria-expanded=move || if state().open { "true" } else { "false" }
                aria-activedescendant=active_id
                aria-invalid=move || error.get().map(|_| "true")
                aria-describedby=describedby
                placeholder=Msg::OwnerPlaceholder.text(locale)
                readonly=move || readonly.get()
                prop:value=move || query.get()
                on:input=on_input
                on:keydown=on_keydown
                on:click=move |_| {
                    if !readonly.get_untracked() {
                        combo.update(|c| *c = c.after(Action::Open));
                    }
                }
                on:blur=move |_| combo.update(|c| *c = c.after(Action::Close))
            />
            <div
                id=LISTBOX_ID
                class="owner-combobox__list"
                role="listbox"
                aria-labelledby=LABEL_ID
                hidden=move || !combo.get().open
                // Keeps focus in the input when an option is clicked.
                on:mousedown=|ev| ev.prevent_default()
            >
                {move || combo.get().open.then(|| list_view(rows.get(), options, state, choose, locale))}
            </div>
            // Outside the listbox (only options belong in it), announced as the agent types.
            <div class="owner-combobox__note muted" aria-live="polite">
                {move || {
                    let (open, shown, hidden) = (combo.get().open, rows.with(|r| r.shown), rows.with(|r| r.hidden));
                    match (open, shown, hidden) {
                        (false, _, _) => String::new(),
                        (true, 0, _) => Msg::OwnerNoMatches.text(locale).to_string(),
                        (true, _, 0) => String::new(),
                        (true, _, hidden) => owner_more_matches(hidden, locale),
                    }
                }}
            </div>
            {move || error.get().map(|message| view! {
                <div id=ERROR_ID class="c-field__message">{message}</div>
            })}
        </div>
    }
}

/// A run of rows under one group label (`None`: no label, the options don't mix kinds); each member
/// is (option index, selectable row).
type Group = (Option<OwnerKind>, Vec<(usize, usize)>);

/// The open list: a group per kind, labelled when people and pools mix.
fn list_view(
    rows: OwnerRows,
    options: StoredValue<Vec<OwnerChoice>>,
    state: impl Fn() -> ComboState + Copy + Send + Sync + 'static,
    choose: impl Fn(usize) + Copy + Send + Sync + 'static,
    locale: Locale,
) -> impl IntoView {
    let mut groups: Vec<Group> = Vec::new();
    for row in &rows.rows {
        match *row {
            OwnerRow::Group(kind) => groups.push((Some(kind), Vec::new())),
            OwnerRow::Option { index, row } => match groups.last_mut() {
                Some((_, members)) => members.push((index, row)),
                None => groups.push((None, vec![(index, row)])),
            },
        }
    }
    let option_view = move |(index, row): (usize, usize)| {
        let option = options.with_value(|o| o.get(index).cloned())?;
        let is_pool = option.kind == OwnerKind::Pool;
        Some(view! {
            <div
                id=option_id(option.id)
                class=move || if state().active == Some(row) { "owner-combobox__option is-active" } else { "owner-combobox__option" }
                role="option"
                aria-selected=move || if state().active == Some(row) { "true" } else { "false" }
                on:click=move |_| choose(row)
            >
                <span dir="auto">{option.label.clone()}</span>
                {is_pool.then(|| view! { <span class="c-tag owner-combobox__badge">{Msg::OwnerPoolBadge.text(locale)}</span> })}
                {option.email.clone().map(|email| view! { <span class="muted owner-combobox__email" dir="auto">{email}</span> })}
            </div>
        })
    };
    view! {
        {groups.into_iter().enumerate().map(|(n, (kind, members))| {
            let options_view = members.into_iter().filter_map(option_view).collect_view();
            match kind {
                Some(kind) => {
                    let label_id = format!("lead-owner-group-{n}");
                    let group_labelledby = label_id.clone();
                    let label = match kind { OwnerKind::Person => Msg::OwnerPeople, OwnerKind::Pool => Msg::OwnerPools };
                    view! {
                        <div role="group" aria-labelledby=group_labelledby class="owner-combobox__group">
                            <div id=label_id role="presentation" class="owner-combobox__group-label">{label.text(locale)}</div>
                            {options_view}
                        </div>
                    }.into_any()
                }
                None => options_view.into_any(),
            }
        }).collect_view()}
    }
}
