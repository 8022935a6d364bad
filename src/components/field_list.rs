//! A card's fields as a definition list. Every value is a text node (never HTML); links are only the
//! kinds `policy::fields` made safe (mailto, tel, http/https).

use leptos::prelude::*;
use sidebar_core::format;
use sidebar_core::i18n::Locale;
use sidebar_core::policy::fields::{FieldValue, ShownField};

#[component]
pub fn FieldList(fields: Vec<ShownField>, locale: Locale) -> impl IntoView {
    view! {
        <dl class="fields">
            {fields
                .into_iter()
                .map(|f| view! {
                    <div class="fields__row">
                        <dt class="fields__label">{f.label}</dt>
                        <dd class="fields__value" dir="auto">{value_view(f.value, locale)}</dd>
                    </div>
                })
                .collect_view()}
        </dl>
    }
}

fn value_view(value: FieldValue, locale: Locale) -> AnyView {
    match value {
        FieldValue::Text(text) => {
            // No `dir` of its own: the `dd` around it takes its direction (and alignment) from this text.
            let tooltip = text.clone();
            view! { <span title=tooltip>{text}</span> }.into_any()
        }
        FieldValue::Email(email) => {
            let href = format!("mailto:{email}");
            let tooltip = email.clone();
            view! { <a href=href dir="auto" title=tooltip>{email}</a> }.into_any()
        }
        FieldValue::Phone { text, href } => view! { <a href=href dir="auto">{text}</a> }.into_any(),
        FieldValue::Url { text, href } => {
            let tooltip = text.clone();
            view! { <a href=href target="_blank" rel="noopener noreferrer" dir="auto" title=tooltip>{text}</a> }
                .into_any()
        }
        FieldValue::Tags(tags) => view! {
            <span class="tags">
                {tags
                    .into_iter()
                    .map(|t| {
                        let tooltip = t.clone();
                        view! { <span class="c-tag" dir="auto" title=tooltip>{t}</span> }
                    })
                    .collect_view()}
            </span>
        }
        .into_any(),
        FieldValue::Money { amount, currency } => view! { <span>{format::money(amount, &currency, locale)}</span> }.into_any(),
        FieldValue::Date(iso) => view! { <span>{format::date(&iso, locale)}</span> }.into_any(),
        FieldValue::Address(lines) => view! {
            <span class="address" dir="auto">
                {lines.into_iter().map(|l| view! { <span class="address__line">{l}</span> }).collect_view()}
            </span>
        }
        .into_any(),
    }
}
