//! The create-lead panel (being built: form, owner combobox, submit).

use leptos::prelude::*;
use sidebar_core::sell::model::Lead;
use sidebar_core::zaf_values::Requester;

#[component]
pub fn CreateLeadPanel(
    requester: RwSignal<Requester>,
    on_close: Callback<()>,
    on_created: Callback<Lead>,
) -> impl IntoView {
    let _ = (requester, on_created);
    view! { <button class="c-btn" on:click=move |_| on_close.run(())>"Back"</button> }
}
