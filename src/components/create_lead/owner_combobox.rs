//! The owner field when the agent must choose: a searchable combobox after the WAI-ARIA pattern
//! (input `role=combobox` with `aria-expanded`, `aria-controls`, `aria-activedescendant`; a listbox of
//! options grouped into people and pools). Filtering is `combobox::FilterIndex`, keys are
//! `combobox::key_action`, and which rows appear is `lead_form::owner_rows` (at most 50, so 2,000
//! owners stay fast); this view only renders and forwards.

use crate::state::{State, Stored};
use leptos::prelude::*;
use sidebar_core::combobox::{key_action, Action, ComboState, FilterIndex};
use sidebar_core::i18n::create_lead::owner_more_matches;
use sidebar_core::i18n::ui::Msg;
use sidebar_core::i18n::Locale;
use sidebar_core::lead_form::{owner_rows, OwnerRow, OwnerRows};
use sidebar_core::policy::owner::{OwnerChoice, OwnerKind};
use sidebar_core::sell::model::UserId;
use wasm_bindgen::JsCast;

use crate::el::{el, input_value, El};

pub const INPUT_ID: &str = "lead-owner";
const LABEL_ID: &str = "lead-owner-label";
const LISTBOX_ID: &str = "lead-owner-listbox";
const ERROR_ID: &str = "lead-owner-error";

fn option_id(id: UserId) -> String {
    format!("lead-owner-option-{id}")
}

#[allow(clippy::too_many_arguments)]
pub fn owner_combobox(
    options: Vec<OwnerChoice>,
    selected: State<Option<UserId>>,
    // The error under the field, if any.
    error: impl Fn() -> Option<String> + Copy + 'static,
    // While a submission runs nothing may change.
    readonly: impl Fn() -> bool + Copy + 'static,
    // Called on every change the agent makes.
    on_edit: Callback<()>,
    locale: Locale,
) -> El {
    let index = Stored::new(FilterIndex::new(&options));
    let label_of = move |id: Option<UserId>, options: &[OwnerChoice]| {
        id.and_then(|id| options.iter().find(|o| o.id == id))
            .map(|o| o.label.clone())
    };
    let query = State::new(label_of(selected.get_untracked(), &options).unwrap_or_default());
    let options = Stored::new(options);
    let combo = State::new(ComboState::default());

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
        if untrack(readonly) {
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
        if untrack(readonly) {
            return;
        }
        let text = input_value(&ev);
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
        if untrack(readonly) {
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

    let combo_open = move || combo.get().open;
    let input = el("input")
        .attr("id", INPUT_ID)
        .attr("class", "c-field__input")
        .attr("type", "text")
        .attr("role", "combobox")
        .attr("dir", "auto")
        .attr("autocomplete", "off")
        .attr("aria-autocomplete", "list")
        .attr("aria-required", "true")
        .attr("aria-controls", LISTBOX_ID)
        .attr_either("aria-expanded", move || state().open, "true", "false")
        .attr_with("aria-activedescendant", active_id)
        .attr_with("aria-invalid", move || error().map(|_| "true".into()))
        .attr_with("aria-describedby", move || error().map(|_| ERROR_ID.into()))
        .attr("placeholder", Msg::OwnerPlaceholder.text(locale))
        .flag_with("readonly", readonly)
        .value_with(move || query.get())
        .on("input", on_input)
        .on("keydown", move |ev| on_keydown(ev.unchecked_into()))
        .on("click", move |_| {
            if !untrack(readonly) {
                combo.update(|c| *c = c.after(Action::Open));
            }
        })
        .on("blur", move |_| combo.update(|c| *c = c.after(Action::Close)));
    let list = el("div")
        .attr("id", LISTBOX_ID)
        .attr("class", "owner-combobox__list")
        .attr("role", "listbox")
        .attr("aria-labelledby", LABEL_ID)
        .flag_with("hidden", move || !combo_open())
        // Keeps focus in the input when an option is clicked.
        .on("mousedown", |ev| ev.prevent_default())
        .children_with(move || if combo_open() { list_view(rows.get(), options, state, choose, locale) } else { Vec::new() });
    // Outside the listbox (only options belong in it), announced as the agent types.
    let note = el("div").attr("class", "owner-combobox__note muted").attr("aria-live", "polite").text_with(move || {
        let (open, shown, hidden) = (combo.get().open, rows.with(|r| r.shown), rows.with(|r| r.hidden));
        match (open, shown, hidden) {
            (false, _, _) => String::new(),
            (true, 0, _) => Msg::OwnerNoMatches.text(locale).to_string(),
            (true, _, 0) => String::new(),
            (true, _, hidden) => owner_more_matches(hidden, locale),
        }
    });
    el("div")
        .attr_either("class", move || error().is_some(), "c-field owner-combobox c-field--error", "c-field owner-combobox")
        .child(
            el("label")
                .attr("class", "c-field__label")
                .attr("id", LABEL_ID)
                .attr("for", INPUT_ID)
                .text(Msg::FormOwner.text(locale))
                .child(el("span").attr("class", "c-field__hint").text(" (").text(Msg::FormRequired.text(locale)).text(")")),
        )
        .child(input)
        .child(list)
        .child(note)
        .child_with(move || {
            error().map(|message| el("div").attr("id", ERROR_ID).attr("class", "c-field__message").text(&message))
        })
}

/// A run of rows under one group label (`None`: no label, the options don't mix kinds); each member
/// is (option index, selectable row).
type Group = (Option<OwnerKind>, Vec<(usize, usize)>);

/// The open list: a group per kind, labelled when people and pools mix.
fn list_view(
    rows: OwnerRows,
    options: Stored<Vec<OwnerChoice>>,
    state: impl Fn() -> ComboState + Copy + 'static,
    choose: impl Fn(usize) + Copy + 'static,
    locale: Locale,
) -> Vec<El> {
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
    let option_view = move |index: usize, row: usize| -> Option<El> {
        let option = options.with_value(|o| o.get(index).cloned())?;
        let active = move || state().active == Some(row);
        let mut view = el("div")
            .attr("id", &option_id(option.id))
            .attr_either("class", active, "owner-combobox__option is-active", "owner-combobox__option")
            .attr("role", "option")
            .attr_either("aria-selected", active, "true", "false")
            .on("click", move |_| choose(row))
            .child(el("span").attr("dir", "auto").text(&option.label));
        if option.kind == OwnerKind::Pool {
            view = view.child(el("span").attr("class", "c-tag owner-combobox__badge").text(Msg::OwnerPoolBadge.text(locale)));
        }
        if let Some(email) = &option.email {
            view = view.child(el("span").attr("class", "muted owner-combobox__email").attr("dir", "auto").text(email));
        }
        Some(view)
    };
    let mut list = Vec::new();
    for (n, (kind, members)) in groups.into_iter().enumerate() {
        let members = members.into_iter().filter_map(|(index, row)| option_view(index, row));
        let Some(kind) = kind else {
            list.extend(members);
            continue;
        };
        let label_id = format!("lead-owner-group-{n}");
        let label = match kind {
            OwnerKind::Person => Msg::OwnerPeople,
            OwnerKind::Pool => Msg::OwnerPools,
        };
        let group = el("div")
            .attr("role", "group")
            .attr("aria-labelledby", &label_id)
            .attr("class", "owner-combobox__group")
            .child(
                el("div")
                    .attr("id", &label_id)
                    .attr("role", "presentation")
                    .attr("class", "owner-combobox__group-label")
                    .text(label.text(locale)),
            );
        list.push(members.fold(group, El::child));
    }
    list
}
