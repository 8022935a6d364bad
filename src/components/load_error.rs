//! The one view of a failed Sell load: what went wrong in the agent's language, and a retry where one
//! can help. After a rate limit the retry waits as long as Sell asked (counting down), so it can't
//! feed a 429 storm.

use crate::state::State;
use leptos::prelude::*;
use leptos::task::spawn_local;
use sidebar_core::i18n::ui::{self, Msg};
use sidebar_core::i18n::Locale;
use sidebar_core::sell::error::SellError;

use super::callout::{callout, Tone};
use super::skeleton::skeleton;
use crate::el::{button, El};
use crate::loader::{Load, Loader};

/// What a part loaded on demand shows: a one-card skeleton while it loads, the error with its retry
/// when it failed, and what `ready` draws of the data once it is there.
pub fn loaded_view<T: Clone + Send + Sync + 'static>(
    loader: Loader<T>,
    locale: Locale,
    retry: Callback<()>,
    ready: impl FnOnce(T) -> Vec<El>,
) -> Vec<El> {
    match loader.state.get() {
        Load::Idle | Load::Loading => vec![skeleton(1)],
        Load::Failed(error) => vec![load_error(error, locale, retry)],
        Load::Ready(data) => ready(data),
    }
}

pub fn load_error(error: SellError, locale: Locale, retry: Callback<()>) -> El {
    let wait = match &error {
        SellError::RateLimited { retry_after_secs } => retry_after_secs.unwrap_or(1),
        _ => 0,
    };
    let (tone, title) = match &error {
        SellError::RateLimited { .. } => (Tone::Warning, Msg::RateLimitedTitle),
        SellError::Unauthorized => (Tone::Error, Msg::AccessRefusedTitle),
        _ => (Tone::Error, Msg::FailedTitle),
    };
    let left = State::new(wait);
    if wait > 0 {
        spawn_local(async move {
            // `try_`: the view (and `left`) may be gone by now, e.g. after the requester changed.
            while left.try_get_untracked().is_some_and(|n| n > 0) {
                crate::sell_client::sleep_ms(1_000).await;
                left.update(|n| *n = n.saturating_sub(1));
            }
        });
    }
    let retry_button = error.is_retryable().then(|| {
        button("c-btn", "")
            .flag_with("disabled", move || left.get() > 0)
            .on("click", move |_| retry.run(()))
            .text_with(move || match left.get() {
                0 => Msg::Retry.text(locale).to_string(),
                n => ui::retry_in_seconds(Some(n), locale),
            })
    });
    callout(tone, title.text(locale), &error.message(locale), retry_button.into_iter().collect())
}
