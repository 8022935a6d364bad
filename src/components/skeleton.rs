//! Loading placeholders shaped like the cards they stand for, not a spinner on a blank panel.

use leptos::prelude::*;

#[component]
pub fn Skeleton(#[prop(default = 2)] cards: usize) -> impl IntoView {
    view! {
        <div class="skeleton" aria-busy="true" aria-live="polite">
            {(0..cards)
                .map(|_| view! {
                    <div class="card card--skeleton">
                        <span class="skeleton__line skeleton__line--title"></span>
                        <span class="skeleton__line"></span>
                        <span class="skeleton__line skeleton__line--short"></span>
                    </div>
                })
                .collect_view()}
        </div>
    }
}
