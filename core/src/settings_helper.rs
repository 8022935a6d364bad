//! The settings helper's lists, for Support admins, as an element tree: whether the installation's
//! token sees every record, whom `full_access_users` and `account_owner` resolve to, and Sell's users,
//! distribution pools, lead statuses and sources as Sell spells them, each value with a Copy button
//! (`data-copy`; the app handles every such button with one listener).

use crate::i18n::settings::owner_problem_admin;
use crate::i18n::ui::{self, Msg};
use crate::i18n::visibility::{full_access_problem, token_reach};
use crate::i18n::Locale;
use crate::policy::owner::OwnerSetupProblem;
use crate::policy::token_check::{self, full_access_problems};
use crate::sell::directory::{top_most_manager, Directory};
use crate::sell::error::SellError;
use crate::sell::model::{LeadSource, LeadStatus, User, UserStatus};
use crate::settings::{Parameter, Settings};
use crate::ui_tree::{el, Element, Node};

/// What Sell said, for the helper.
pub struct HelperLists<'a> {
    pub users: &'a [User],
    pub statuses: &'a [LeadStatus],
    pub sources: &'a [LeadSource],
    /// `GET /v2/users/self` with the installation token.
    pub token_user: Result<&'a User, &'a SellError>,
}

/// Every section, in the order an admin sets the app up.
pub fn helper_sections(lists: &HelperLists<'_>, settings: &Settings, locale: Locale) -> Vec<Node> {
    let account_owner = settings.account_owner.as_ref();
    let directory = Directory::new(lists.users);
    let warning = |text: String| el("p", "c-field__message").attr("dir", "auto").text(text);

    let token = match lists.token_user {
        Ok(user) => {
            let reach = token_check::token_reach(user, lists.users, account_owner, &settings.full_access);
            let line = el("p", if reach.sees_everything() { "" } else { "c-field__message" }).attr("dir", "auto");
            line.text(token_reach(&reach, locale))
        }
        Err(error) => warning(error.message(locale)),
    };

    let mut full_access: Vec<Node> = settings
        .full_access
        .iter()
        .filter_map(|r| directory.resolve(r).ok())
        .map(|u| item().attr("dir", "auto").text([u.name.as_str(), " (#", &u.id.to_string(), ")"].concat()).into())
        .collect();
    full_access.extend(
        full_access_problems(lists.users, &settings.full_access)
            .iter()
            .map(|(entry, problem)| el("li", "settings-helper__item c-field__message").attr("dir", "auto").text(full_access_problem(entry, problem, locale)).into()),
    );
    let full_access_none = full_access.is_empty().then(|| el("p", "muted").text(Msg::AdminFullAccessNone.text(locale)).into());

    let owner = match top_most_manager(lists.users, account_owner) {
        Ok(user) => vec![
            el("p", "").attr("dir", "auto").text(ui::account_owner_resolves_to(&user.name, locale)).into(),
            values(user.email.as_deref(), &user.id.to_string(), locale).into(),
        ],
        Err(problem) => vec![warning(owner_problem_admin(&OwnerSetupProblem::TopManager(problem), locale)).into()],
    };

    let people: Vec<Node> = directory.people().map(|user| person(user, locale)).collect();
    let pools: Vec<Node> = directory
        .pools()
        .map(|pool| item().child(copy(&pool.name, locale)).child(id_label(locale)).child(copy(&pool.id.to_string(), locale)).into())
        .collect();
    let statuses: Vec<Node> = lists.statuses.iter().map(|s| item().child(copy(&s.name, locale)).into()).collect();
    let sources: Vec<Node> = lists.sources.iter().map(|s| item().child(copy(&s.name, locale)).into()).collect();

    vec![
        section("helper-token", Msg::AdminToken, "sell_api_token", vec![token.into()], locale),
        section("helper-full-access", Msg::AdminFullAccess, Parameter::FullAccessUsers.name(), full_access_none.into_iter().chain([list(full_access)]).collect(), locale),
        section("helper-account-owner", Msg::AdminAccountOwner, Parameter::AccountOwner.name(), owner, locale),
        listed("helper-users", Msg::AdminSellUsers, Parameter::LeadOwners, people, locale),
        listed("helper-pools", Msg::AdminDistributionPools, Parameter::LeadOwners, pools, locale),
        listed("helper-statuses", Msg::AdminLeadStatuses, Parameter::LeadStatus, statuses, locale),
        listed("helper-sources", Msg::AdminLeadSources, Parameter::LeadSource, sources, locale),
    ]
}

fn section(id: &str, title: Msg, setting: &str, body: Vec<Node>, locale: Locale) -> Node {
    let heading = el("h3", "settings-helper__title").attr("id", id).text([title.text(locale), " (", setting, ")"].concat());
    el("section", "settings-helper__section").attr("aria-labelledby", id).child(heading).children(body).into()
}

/// A section listing values, saying so when Sell lists none.
fn listed(id: &str, title: Msg, setting: Parameter, items: Vec<Node>, locale: Locale) -> Node {
    let none = items.is_empty().then(|| el("p", "muted").text(Msg::AdminNothingListed.text(locale)).into());
    section(id, title, setting.name(), none.into_iter().chain([list(items)]).collect(), locale)
}

fn list(items: Vec<Node>) -> Node {
    el("ul", "settings-helper__list").children(items).into()
}

fn item() -> Element {
    el("li", "settings-helper__item")
}

fn id_label(locale: Locale) -> Element {
    el("span", "muted").text([Msg::AdminId.text(locale), " "].concat())
}

/// An email (if any) and an id, each copyable.
fn values(email: Option<&str>, id: &str, locale: Locale) -> Element {
    let values = el("div", "settings-helper__values");
    let values = match email {
        Some(email) => values.child(copy(email, locale)),
        None => values,
    };
    values.child(id_label(locale)).child(copy(id, locale))
}

fn person(user: &User, locale: Locale) -> Node {
    let active = user.status == UserStatus::Active;
    let status = if active { Msg::AdminActive } else { Msg::AdminInactive };
    let mut row = item()
        .child(el("strong", "").attr("dir", "auto").text(user.name.clone()))
        .text(" ")
        .child(el("span", if active { "c-tag" } else { "c-tag c-tag--red" }).text(status.text(locale)));
    if let Some(team) = &user.team_name {
        row = row.child(
            el("span", "muted")
                .text([" ", Msg::AdminTeam.text(locale), ": "].concat())
                .child(el("span", "").attr("dir", "auto").text(team.clone())),
        );
    }
    row.child(values(user.email.as_deref(), &user.id.to_string(), locale)).into()
}

/// A value in `<code>` with its Copy button and the place its outcome is announced.
fn copy(value: &str, locale: Locale) -> Element {
    let label = [Msg::AdminCopy.text(locale), " ", value].concat();
    el("span", "copy-value")
        .child(el("code", "").attr("dir", "auto").text(value))
        .text(" ")
        .child(
            el("button", "c-btn c-btn--basic c-btn--sm")
                .attr("type", "button")
                .attr("aria-label", label)
                .attr("data-copy", value)
                .text(Msg::AdminCopy.text(locale)),
        )
        .child(el("span", "muted").attr("role", "status"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sell::directory::fixtures::seed_users;

    #[test]
    fn every_value_an_admin_needs_has_a_copy_button() {
        let users = seed_users();
        let ada = users[0].clone();
        let statuses = [LeadStatus { id: crate::sell::model::LeadStatusId(1), name: "New".into(), source: Default::default() }];
        let lists = HelperLists { users: &users, statuses: &statuses, sources: &[], token_user: Ok(&ada) };
        let sections = helper_sections(&lists, &Settings::default(), Locale::En);
        let copies: Vec<String> = sections
            .iter()
            .flat_map(Node::elements)
            .filter_map(|e| e.get("data-copy").map(str::to_string))
            .collect();
        for wanted in ["ada@acme.test", "1", "Inbound pool", "7", "New"] {
            assert!(copies.iter().any(|c| c == wanted), "{wanted} in {copies:?}");
        }
        let text: String = sections.iter().map(Node::text_content).collect();
        assert!(text.contains("Account owner resolves to Ada Owner"), "{text}");
        assert!(text.contains("the top-most manager"), "{text}");
        assert!(text.contains("Lead sources (lead_source)Sell lists none."), "no sources listed: {text}");
    }
}
