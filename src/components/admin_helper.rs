//! The settings helper, for Support admins only: whether the installation's token sees every record,
//! whom `full_access_users` and `account_owner` resolve to, and Sell's users, distribution pools, lead
//! statuses and lead sources as Sell spells them, each value with a Copy button, so the admin can paste
//! exact values into the app settings.

use leptos::prelude::*;
use leptos::task::spawn_local;
use sidebar_core::i18n::settings::owner_problem_admin;
use sidebar_core::i18n::ui::{self, Msg};
use sidebar_core::i18n::visibility::{full_access_problem, token_reach};
use sidebar_core::i18n::Locale;
use sidebar_core::policy::owner::OwnerSetupProblem;
use sidebar_core::policy::token_check::{self, full_access_problems};
use sidebar_core::sell::directory::{top_most_manager, Directory};
use sidebar_core::sell::error::SellError;
use sidebar_core::sell::model::{LeadSource, LeadStatus, User, UserStatus};
use sidebar_core::settings::{OwnerRef, Parameter, Settings};
use wasm_bindgen::JsValue;

use super::callout::{Callout, Tone};
use super::skeleton::Skeleton;
use crate::newest::Newest;
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

#[derive(Clone)]
enum State {
    Loading,
    Failed(SellError),
    Ready(Lists),
}

/// The sidebar's "Settings helper" button and, when open, the helper. Render it for admins only.
#[component]
pub fn SettingsHelperEntry() -> impl IntoView {
    let locale = use_session().locale;
    let open = RwSignal::new(false);
    view! {
        <div class="settings-helper-entry">
            <button
                type="button"
                class="c-btn c-btn--basic c-btn--sm"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls="settings-helper"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {Msg::SettingsHelperButton.text(locale)}
            </button>
            {move || open.get().then(|| view! { <AdminHelper on_close=Callback::new(move |_| open.set(false)) /> })}
        </div>
    }
}

#[component]
pub fn AdminHelper(on_close: Callback<()>) -> impl IntoView {
    let session = use_session();
    let locale = session.locale;
    let data = use_sell_data();
    let state = RwSignal::new(State::Loading);
    // Only the newest load may draw: an older, slower answer must not replace a refreshed list.
    let loads = Newest::new();
    let load = move |fresh: bool| {
        let data = data.clone();
        let turn = loads.take();
        // "Refresh" drops the cached lists so Sell is asked again.
        if fresh {
            data.refresh();
        }
        state.set(State::Loading);
        spawn_local(async move {
            let (users, statuses, sources, token_user) =
                futures::join!(data.users(), data.lead_statuses(), data.lead_sources(), data.token_user());
            let result = match (users, statuses, sources) {
                (Ok(users), Ok(statuses), Ok(sources)) => State::Ready(Lists {
                    users,
                    statuses,
                    sources,
                    token_user,
                }),
                (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => State::Failed(e),
            };
            if turn.is_current() {
                let _ = state.try_set(result);
            }
        });
    };
    load(false);
    let settings = session.settings.settings.clone();
    let refresh = load.clone();

    view! {
        <section id="settings-helper" class="settings-helper" aria-labelledby="settings-helper-title">
            <header class="settings-helper__header">
                <h2 id="settings-helper-title" class="section-title">{Msg::AdminSettingsTitle.text(locale)}</h2>
                <button type="button" class="c-btn c-btn--basic c-btn--sm" on:click=move |_| refresh(true)>
                    {Msg::Refresh.text(locale)}
                </button>
                <button type="button" class="c-btn c-btn--basic c-btn--sm" on:click=move |_| on_close.run(())>
                    {Msg::Close.text(locale)}
                </button>
            </header>
            <p class="muted">{Msg::AdminOnlyNotice.text(locale)} " " {Msg::AdminIntro.text(locale)}</p>
            {move || match state.get() {
                State::Loading => view! { <Skeleton cards=1 /> }.into_any(),
                State::Failed(error) => {
                    let retry = load.clone();
                    view! {
                        <Callout tone=Tone::Error title=Msg::FailedTitle.text(locale) body=error.message(locale)>
                            <button type="button" class="c-btn" on:click=move |_| retry(true)>{Msg::Retry.text(locale)}</button>
                        </Callout>
                    }
                    .into_any()
                }
                State::Ready(lists) => lists_view(lists, &settings, locale).into_any(),
            }}
        </section>
    }
}

fn lists_view(lists: Lists, settings: &Settings, locale: Locale) -> impl IntoView {
    let account_owner: Option<&OwnerRef> = settings.account_owner.as_ref();
    let directory = Directory::new(&lists.users);
    let people: Vec<User> = directory.people().cloned().collect();
    let pools: Vec<User> = directory.pools().cloned().collect();
    let token_line = match &lists.token_user {
        Ok(user) => {
            let reach = token_check::token_reach(user, &lists.users, account_owner, &settings.full_access);
            let class = if reach.sees_everything() { "" } else { "c-field__message" };
            view! { <p class=class dir="auto">{token_reach(&reach, locale)}</p> }.into_any()
        }
        Err(error) => view! { <p class="c-field__message" dir="auto">{error.message(locale)}</p> }.into_any(),
    };
    let full_access: Vec<String> = settings
        .full_access
        .iter()
        .filter_map(|r| directory.resolve(r).ok())
        .map(|u| format!("{} (#{})", u.name, u.id))
        .collect();
    let full_access_problems: Vec<String> = full_access_problems(&lists.users, &settings.full_access)
        .iter()
        .map(|(entry, problem)| full_access_problem(entry, problem, locale))
        .collect();
    let owner_line = match top_most_manager(&lists.users, account_owner) {
        Ok(user) => view! {
            <p dir="auto">{ui::account_owner_resolves_to(&user.name, locale)}</p>
            <div class="settings-helper__values">
                {user.email.clone().map(|email| view! { <CopyValue value=email locale /> })}
                <span class="muted">{Msg::AdminId.text(locale)} " "</span>
                <CopyValue value=user.id.to_string() locale />
            </div>
        }
        .into_any(),
        Err(problem) => view! {
            <p class="c-field__message" dir="auto">{owner_problem_admin(&OwnerSetupProblem::TopManager(problem), locale)}</p>
        }
        .into_any(),
    };
    view! {
        <section class="settings-helper__section" aria-labelledby="helper-token">
            <h3 id="helper-token" class="settings-helper__title">{Msg::AdminToken.text(locale)} " (" "sell_api_token" ")"</h3>
            {token_line}
        </section>
        <section class="settings-helper__section" aria-labelledby="helper-full-access">
            <h3 id="helper-full-access" class="settings-helper__title">{Msg::AdminFullAccess.text(locale)} " (" {Parameter::FullAccessUsers.name()} ")"</h3>
            {(full_access.is_empty() && full_access_problems.is_empty()).then(|| view! { <p class="muted">{Msg::AdminFullAccessNone.text(locale)}</p> })}
            <ul class="settings-helper__list">
                {full_access.into_iter().map(|who| view! { <li class="settings-helper__item" dir="auto">{who}</li> }).collect_view()}
                {full_access_problems.into_iter().map(|m| view! { <li class="settings-helper__item c-field__message" dir="auto">{m}</li> }).collect_view()}
            </ul>
        </section>
        <section class="settings-helper__section" aria-labelledby="helper-account-owner">
            <h3 id="helper-account-owner" class="settings-helper__title">{Msg::AdminAccountOwner.text(locale)} " (" {Parameter::AccountOwner.name()} ")"</h3>
            {owner_line}
        </section>
        <section class="settings-helper__section" aria-labelledby="helper-users">
            <h3 id="helper-users" class="settings-helper__title">{Msg::AdminSellUsers.text(locale)} " (" {Parameter::LeadOwners.name()} ")"</h3>
            {list_or_none(people.is_empty(), locale)}
            <ul class="settings-helper__list">
                {people.into_iter().map(|user| person_view(user, locale)).collect_view()}
            </ul>
        </section>
        <section class="settings-helper__section" aria-labelledby="helper-pools">
            <h3 id="helper-pools" class="settings-helper__title">{Msg::AdminDistributionPools.text(locale)} " (" {Parameter::LeadOwners.name()} ")"</h3>
            {list_or_none(pools.is_empty(), locale)}
            <ul class="settings-helper__list">
                {pools.into_iter().map(|pool| view! {
                    <li class="settings-helper__item">
                        <CopyValue value=pool.name.clone() locale />
                        <span class="muted">{Msg::AdminId.text(locale)} " "</span>
                        <CopyValue value=pool.id.to_string() locale />
                    </li>
                }).collect_view()}
            </ul>
        </section>
        {names_view("helper-statuses", Msg::AdminLeadStatuses, Parameter::LeadStatus, lists.statuses.into_iter().map(|s| s.name).collect(), locale)}
        {names_view("helper-sources", Msg::AdminLeadSources, Parameter::LeadSource, lists.sources.into_iter().map(|s| s.name).collect(), locale)}
    }
}

fn list_or_none(empty: bool, locale: Locale) -> Option<impl IntoView> {
    empty.then(|| view! { <p class="muted">{Msg::AdminNothingListed.text(locale)}</p> })
}

fn person_view(user: User, locale: Locale) -> impl IntoView {
    let active = user.status == UserStatus::Active;
    let status = if active { Msg::AdminActive } else { Msg::AdminInactive };
    view! {
        <li class="settings-helper__item">
            <strong dir="auto">{user.name.clone()}</strong>
            " "
            <span class=if active { "c-tag" } else { "c-tag c-tag--red" }>{status.text(locale)}</span>
            {user.team_name.clone().map(|team| view! {
                <span class="muted">" " {Msg::AdminTeam.text(locale)} ": " <span dir="auto">{team}</span></span>
            })}
            <div class="settings-helper__values">
                {user.email.clone().map(|email| view! { <CopyValue value=email locale /> })}
                <span class="muted">{Msg::AdminId.text(locale)} " "</span>
                <CopyValue value=user.id.to_string() locale />
            </div>
        </li>
    }
}

fn names_view(id: &'static str, title: Msg, setting: Parameter, names: Vec<String>, locale: Locale) -> impl IntoView {
    view! {
        <section class="settings-helper__section" aria-labelledby=id>
            <h3 id=id class="settings-helper__title">{title.text(locale)} " (" {setting.name()} ")"</h3>
            {list_or_none(names.is_empty(), locale)}
            <ul class="settings-helper__list">
                {names.into_iter().map(|name| view! { <li class="settings-helper__item"><CopyValue value=name locale /></li> }).collect_view()}
            </ul>
        </section>
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Copied {
    Not,
    Yes,
    Failed,
}

/// A value in `<code>` with a Copy button; the outcome is announced.
#[component]
fn CopyValue(value: String, locale: Locale) -> impl IntoView {
    let copied = RwSignal::new(Copied::Not);
    let label = format!("{} {}", Msg::AdminCopy.text(locale), value);
    let text = value.clone();
    view! {
        <span class="copy-value">
            <code dir="auto">{value}</code>
            " "
            <button
                type="button"
                class="c-btn c-btn--basic c-btn--sm"
                aria-label=label
                on:click=move |_| {
                    let text = text.clone();
                    spawn_local(async move {
                        let ok = copy_to_clipboard(&text).await;
                        let _ = copied.try_set(if ok { Copied::Yes } else { Copied::Failed });
                    });
                }
            >
                {Msg::AdminCopy.text(locale)}
            </button>
            <span class="muted" role="status">
                {move || match copied.get() {
                    Copied::Not => "",
                    Copied::Yes => Msg::AdminCopied.text(locale),
                    Copied::Failed => Msg::AdminCopyFailed.text(locale),
                }}
            </span>
        </span>
    }
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
