//! A state message in Garden's callout style: no access, not configured, failed, rate limited.

use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Warning,
    Error,
}

impl Tone {
    fn class(self) -> &'static str {
        match self {
            Tone::Info => "c-callout c-callout--info",
            Tone::Warning => "c-callout c-callout--warning",
            Tone::Error => "c-callout c-callout--error",
        }
    }
}

/// `title` and `body` are plain text (rendered as text nodes); `children` hold any action buttons.
#[component]
pub fn Callout(
    tone: Tone,
    #[prop(into)] title: String,
    #[prop(into, optional)] body: String,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let role = if tone == Tone::Error { "alert" } else { "status" };
    view! {
        <div class=tone.class() role=role>
            <strong class="c-callout__title">{title}</strong>
            {(!body.is_empty()).then(|| view! { <p class="c-callout__paragraph">{body}</p> })}
            {children.map(|c| view! { <div class="callout-actions">{c()}</div> })}
        </div>
    }
}
