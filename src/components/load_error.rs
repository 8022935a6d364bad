//! The one view of a failed Sell load: what went wrong in the agent's language, and a retry where one
//! can help. After a rate limit the retry waits as long as Sell asked (counting down), so it can't
//! feed a 429 storm.

use leptos::prelude::*;
use leptos::task::spawn_local;
use sidebar_core::i18n::ui::{self, Msg};
use sidebar_core::i18n::Locale;
use sidebar_core::sell::error::SellError;

use super::callout::{Callout, Tone};
use super::skeleton::Skeleton;
use crate::loader::{Load, Loader};

/// What a part loaded on demand shows: a one-card skeleton while it loads, the error with its retry
/// when it failed, and what `ready` draws of the data once it is there.
pub fn loaded_view<T: Clone + Send + Sync + 'static>(
    loader: Loader<T>,
    locale: Locale,
    retry: Callback<()>,
    ready: impl FnOnce(T) -> AnyView,
) -> AnyView {
    match loader.state.get() {
        Load::Idle | Load::Loading => view! { <Skeleton cards=1 /> }.into_any(),
        Load::Failed(error) => view! { <LoadError error locale retry /> }.into_any(),
        Load::Ready(data) => ready(data),
    }
}

#[component]
pub fn LoadError(error: SellError, locale: Locale, retry: Callback<()>) -> impl IntoView {
    let wait = match &error {
        SellError::RateLimited { retry_after_secs } => retry_after_secs.unwrap_or(1),
        _ => 0,
    };
    let (tone, title) = match &error {
        SellError::RateLimited { .. } => (Tone::Warning, Msg::RateLimitedTitle),
        SellError::Unauthorized => (Tone::Error, Msg::AccessRefusedTitle),
        _ => (Tone::Error, Msg::FailedTitle),
    };
    let left = RwSignal::new(wait);
    if wait > 0 {
        spawn_local(async move {
            // `try_`: the view (and `left`) may be gone by now, e.g. after the requester changed.
            while left.try_get_untracked().is_some_and(|n| n > 0) {
                crate::sell_client::sleep_ms(1_000).await;
                left.update(|n| *n = n.saturating_sub(1));
            }
        });
    }
    let retryable = error.is_retryable();
    view! {
        <Callout tone title=title.text(locale) body=error.message(locale)>
            {retryable.then(|| view! {
                <button type="button" class="c-btn" disabled=move || { left.get() > 0 } on:click=move |_| retry.run(())>
                    {move || match left.get() {
                        0 => Msg::Retry.text(locale).to_string(),
                        n => ui::retry_in_seconds(Some(n), locale),
                    }}
                </button>
            }.into_any())}
        </Callout>
    }
}
