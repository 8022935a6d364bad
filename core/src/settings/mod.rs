//! The app's settings, parsed once from ZAF metadata into types (parameter names: docs/CONTRACTS.md).
//!
//! [`parse_settings`] returns the settings *and* the problems found, rather than `Result`: one typo in
//! `lead_owners` must not hide the Sell data from every agent. Each [`SettingProblem`] says what it
//! stops ([`ProblemScope`]): a bad access checkbox stops the whole app, a bad lead setting stops only
//! the create-lead form, bad field lists only fall back to the default fields. Where a value is bad,
//! the settings hold the safe choice (Sell users only; no owners; unchecked), and the caller must not
//! use the affected part while a problem of that scope exists: [`ParsedSettings::blocks`] asks that.

mod owner_ref;
mod problem;
mod value;

pub use owner_ref::{is_email_shaped, parse_owner_list, parse_owner_ref, OwnerRef};
pub use problem::{EntryProblem, JsonKind, Parameter, ProblemKind, ProblemScope, SettingProblem};

use crate::json::Json;

/// Who sees Sell data (`all_agents_access`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum AccessMode {
    /// Only agents who are active Sell users, each seeing what their place in Sell's hierarchy allows
    /// (`policy::visibility`). The default.
    #[default]
    SellUsersOnly,
    /// Every agent sees every record.
    AllAgents,
}

/// The lead source name new leads get; created in Sell when it doesn't exist yet.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SourceSetting(pub String);

/// The field lists as typed; `policy::fields::parse_field_list` reads them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawFieldConfig {
    pub lead: Option<String>,
    pub contact: Option<String>,
    pub deal: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub access: AccessMode,
    /// Sell users with *Full* data access in Sell (the API doesn't say who): they see every record in
    /// *Sell users only* mode.
    pub full_access: Vec<OwnerRef>,
    /// The lead status name new leads get. Empty only while a `LeadStatus` problem is reported.
    pub lead_status: String,
    pub lead_source: Option<SourceSetting>,
    /// In the admin's order, without duplicates (as typed; the same user by id and by email is merged
    /// later, in the owner policy).
    pub owners: Vec<OwnerRef>,
    pub agents_assign_owner: bool,
    pub account_owner: Option<OwnerRef>,
    pub field_config: RawFieldConfig,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            access: AccessMode::SellUsersOnly,
            full_access: Vec::new(),
            lead_status: DEFAULT_LEAD_STATUS.to_string(),
            lead_source: None,
            owners: Vec::new(),
            agents_assign_owner: false,
            account_owner: None,
            field_config: RawFieldConfig::default(),
        }
    }
}

/// The manifest default of `lead_status`, used when the parameter is absent altogether.
pub const DEFAULT_LEAD_STATUS: &str = "New";

/// Sell names (statuses, sources) are short; longer text is a paste gone wrong. A guess at Sell's limit.
pub const MAX_SELL_NAME_CHARS: usize = 255;

/// Settings plus everything wrong with them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedSettings {
    pub settings: Settings,
    pub problems: Vec<SettingProblem>,
}

impl ParsedSettings {
    /// Whether a problem stops `scope` (a whole-app problem stops everything).
    pub fn blocks(&self, scope: ProblemScope) -> bool {
        self.problems
            .iter()
            .any(|p| p.scope() == scope || p.scope() == ProblemScope::WholeApp)
    }

    pub fn problems_in(&self, scope: ProblemScope) -> impl Iterator<Item = &SettingProblem> {
        self.problems.iter().filter(move |p| p.scope() == scope)
    }
}

/// Reads the settings from `metadata().settings` (an object; anything else counts as no settings).
/// Unknown keys (and the secure token, which ZAF never hands to JS anyway) are ignored.
pub fn parse_settings(raw: &Json) -> ParsedSettings {
    let mut problems = Vec::new();
    let mut report = |parameter: Parameter, kind: ProblemKind| problems.push(SettingProblem::new(parameter, kind));
    let get = |p: Parameter| raw.get(p.name());

    let checkbox = |p: Parameter, report: &mut dyn FnMut(Parameter, ProblemKind)| {
        value::checkbox(get(p)).unwrap_or_else(|kind| {
            report(p, kind);
            false
        })
    };
    let access = if checkbox(Parameter::AllAgentsAccess, &mut report) {
        AccessMode::AllAgents
    } else {
        AccessMode::SellUsersOnly
    };
    let agents_assign_owner = checkbox(Parameter::AgentsAssignOwner, &mut report);

    let text = |p: Parameter, report: &mut dyn FnMut(Parameter, ProblemKind)| {
        value::text(get(p)).unwrap_or_else(|kind| {
            report(p, kind);
            None
        })
    };

    let lead_status = match get(Parameter::LeadStatus) {
        None => DEFAULT_LEAD_STATUS.to_string(),
        Some(_) => match text(Parameter::LeadStatus, &mut report).map(|s| check_sell_name(&s)) {
            Some(Ok(name)) => name,
            Some(Err(kind)) => {
                report(Parameter::LeadStatus, kind);
                String::new()
            }
            None if matches!(get(Parameter::LeadStatus), Some(Json::Null | Json::String(_))) => {
                report(Parameter::LeadStatus, ProblemKind::Missing);
                String::new()
            }
            // Wrong type: already reported by `text`.
            None => String::new(),
        },
    };

    let lead_source = match text(Parameter::LeadSource, &mut report).map(|s| check_sell_name(&s)) {
        Some(Ok(name)) => Some(SourceSetting(name)),
        Some(Err(kind)) => {
            report(Parameter::LeadSource, kind);
            None
        }
        None => None,
    };

    let owner_list = |p: Parameter, report: &mut dyn FnMut(Parameter, ProblemKind)| match text(p, report) {
        Some(list) => {
            let (owners, bad) = parse_owner_list(&list);
            for (entry, reason) in bad {
                report(p, ProblemKind::BadEntry { entry, reason });
            }
            owners
        }
        None => Vec::new(),
    };
    let owners = owner_list(Parameter::LeadOwners, &mut report);
    let full_access = owner_list(Parameter::FullAccessUsers, &mut report);

    let account_owner = match text(Parameter::AccountOwner, &mut report) {
        Some(value) => match parse_account_owner(&value) {
            Ok(owner) => owner,
            Err(kind) => {
                report(Parameter::AccountOwner, kind);
                None
            }
        },
        None => None,
    };

    let field_config = RawFieldConfig {
        lead: text(Parameter::LeadFields, &mut report),
        contact: text(Parameter::ContactFields, &mut report),
        deal: text(Parameter::DealFields, &mut report),
    };

    let settings = Settings {
        access,
        full_access,
        lead_status,
        lead_source,
        owners,
        agents_assign_owner,
        account_owner,
        field_config,
    };
    ParsedSettings { settings, problems }
}

/// A status or source name: one line, not absurdly long.
fn check_sell_name(name: &str) -> Result<String, ProblemKind> {
    if name.chars().any(char::is_control) {
        Err(ProblemKind::ControlCharacters)
    } else if name.chars().count() > MAX_SELL_NAME_CHARS {
        Err(ProblemKind::TooLong {
            max_chars: MAX_SELL_NAME_CHARS,
        })
    } else {
        Ok(name.to_string())
    }
}

/// `account_owner`: one id or email; a name can't single out one person reliably.
fn parse_account_owner(value: &str) -> Result<Option<OwnerRef>, ProblemKind> {
    let (refs, bad) = parse_owner_list(value);
    if let Some((entry, reason)) = bad.into_iter().next() {
        return Err(ProblemKind::BadEntry { entry, reason });
    }
    match refs.as_slice() {
        [] => Ok(None),
        [OwnerRef::Name(name)] => Err(ProblemKind::BadEntry {
            entry: problem::preview(name, 60),
            reason: EntryProblem::NameNotAllowed,
        }),
        [single] => Ok(Some(single.clone())),
        _ => Err(ProblemKind::SeveralAccountOwners),
    }
}

#[cfg(test)]
mod tests;
