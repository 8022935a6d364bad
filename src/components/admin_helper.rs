//! The settings helper, for Support admins only: whether the installation's token sees every record,
//! whom `full_access_users` and `account_owner` resolve to, and Sell's users, distribution pools, lead
//! statuses and lead sources as Sell spells them, each value with a Copy button, so the admin can paste
//! exact values into the app settings.

use crate::state::State;
use leptos::prelude::*;
use leptos::task::spawn_local;
use sidebar_core::i18n::ui::Msg;
use sidebar_core::i18n::Locale;
use sidebar_core::sell::error::SellError;
use sidebar_core::sell::model::{LeadSource, LeadStatus, User};
use sidebar_core::settings::Settings;
use sidebar_core::settings_helper::{helper_sections, HelperLists};
use wasm_bindgen::JsValue;

use super::callout::{callout, Tone};
use super::skeleton::skeleton;
use crate::el::{button, el, tree, El};
use crate::loader::{Load, Loader};
use crate::sell_data::use_sell_data;
use crate::session::use_session;

#[derive(Clone)]
struct Lists {
    users: Vec<User>,
    statuses: Vec<LeadStatus>,
    sources: Vec<LeadSource>,
    /// `GET /v2/users/self` with the installation token: whose token it is.
    token_user: Result<User, SellError>,
}

/// The sidebar's "Settings helper" button and, when open, the helper. Render it for admins only.
pub fn settings_helper_entry() -> El {
    let locale = use_session().locale;
    let open = State::new(false);
    let toggle = el("button")
        .attr("type", "button")
        .attr("class", "c-btn c-btn--basic c-btn--sm")
        .attr_either("aria-expanded", move || open.get(), "true", "false")
        .attr("aria-controls", "settings-helper")
        .on("click", move |_| open.update(|o| *o = !*o))
        .text(Msg::SettingsHelperButton.text(locale));
    el("div")
        .attr("class", "settings-helper-entry")
        .child(toggle)
        .child_with(move || open.get().then(|| untrack(|| admin_helper(Callback::new(move |_| open.set(false))))))
}

fn admin_helper(on_close: Callback<()>) -> El {
    let session = use_session();
    let locale = session.locale;
    let data = use_sell_data();
    // Only the newest load may draw (the loader's rule): an older, slower answer must not replace a
    // refreshed list.
    let lists = Loader::<Lists>::new();
    let load = move |fresh: bool| {
        let data = data.clone();
        // "Refresh" drops the cached lists so Sell is asked again.
        if fresh {
            data.refresh();
        }
        lists.load(false, async move {
            let (users, statuses, sources, token_user) =
                futures::join!(data.users(), data.lead_statuses(), data.lead_sources(), data.token_user());
            Ok(Lists { users: users?, statuses: statuses?, sources: sources?, token_user })
        });
    };
    load(false);
    let settings = session.settings.settings.clone();
    let refresh = load.clone();
    let header = el("header")
        .attr("class", "settings-helper__header")
        .child(el("h2").attr("id", "settings-helper-title").attr("class", "section-title").text(Msg::AdminSettingsTitle.text(locale)))
        .child(button("c-btn c-btn--basic c-btn--sm", Msg::Refresh.text(locale)).on("click", move |_| refresh(true)))
        .child(button("c-btn c-btn--basic c-btn--sm", Msg::Close.text(locale)).on("click", move |_| on_close.run(())));
    let intro = el("p")
        .attr("class", "muted")
        .text(Msg::AdminOnlyNotice.text(locale))
        .text(" ")
        .text(Msg::AdminIntro.text(locale));
    let body = move || {
        Some(match lists.state.get() {
            Load::Idle | Load::Loading => skeleton(1),
            Load::Failed(error) => {
                let retry = load.clone();
                let retry = button("c-btn", Msg::Retry.text(locale)).on("click", move |_| retry(true));
                callout(Tone::Error, Msg::FailedTitle.text(locale), &error.message(locale), vec![retry])
            }
            Load::Ready(lists) => lists_view(lists, &settings, locale),
        })
    };
    el("section")
        .attr("id", "settings-helper")
        .attr("class", "settings-helper")
        .attr("aria-labelledby", "settings-helper-title")
        .child(header)
        .child(intro)
        .child_with(body)
}

fn lists_view(lists: Lists, settings: &Settings, locale: Locale) -> El {
    let helper = HelperLists {
        users: &lists.users,
        statuses: &lists.statuses,
        sources: &lists.sources,
        token_user: lists.token_user.as_ref(),
    };
    let sections = helper_sections(&helper, settings, locale).iter().map(tree).collect();
    // One listener for every Copy button (`data-copy`); the outcome is announced next to the button.
    el("div").attr("class", "settings-helper__sections").on("click", move |ev| copy_clicked(ev, locale)).children(sections)
}

fn copy_clicked(ev: web_sys::Event, locale: Locale) {
    use wasm_bindgen::JsCast;
    let button = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest("button[data-copy]").ok().flatten());
    let Some(button) = button else { return };
    let value = button.get_attribute("data-copy").unwrap_or_default();
    let status = button.next_element_sibling();
    spawn_local(async move {
        let ok = copy_to_clipboard(&value).await;
        if let Some(status) = status {
            status.set_text_content(Some(if ok { Msg::AdminCopied.text(locale) } else { Msg::AdminCopyFailed.text(locale) }));
        }
    });
}

/// `navigator.clipboard.writeText`; `false` where the page may not write the clipboard (no secure
/// context, or an iframe without `clipboard-write` permission).
async fn copy_to_clipboard(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let navigator = window.navigator();
    let available = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).is_ok_and(|c| c.is_object());
    if !available {
        return false;
    }
    wasm_bindgen_futures::JsFuture::from(navigator.clipboard().write_text(text))
        .await
        .is_ok()
}
