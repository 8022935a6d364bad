//! What can be wrong with a setting, typed so the admin message can name the parameter and the fix.
//! The words live in `i18n::settings`.

/// The app parameters the sidebar reads (manifest `parameters`; see docs/CONTRACTS.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Parameter {
    AllAgentsAccess,
    FullAccessUsers,
    LeadStatus,
    LeadSource,
    LeadOwners,
    AgentsAssignOwner,
    AccountOwner,
    LeadFields,
    ContactFields,
    DealFields,
}

impl Parameter {
    pub const ALL: [Parameter; 10] = [
        Parameter::AllAgentsAccess,
        Parameter::FullAccessUsers,
        Parameter::LeadStatus,
        Parameter::LeadSource,
        Parameter::LeadOwners,
        Parameter::AgentsAssignOwner,
        Parameter::AccountOwner,
        Parameter::LeadFields,
        Parameter::ContactFields,
        Parameter::DealFields,
    ];

    /// The parameter's name as in the manifest and the admin's settings page.
    pub fn name(self) -> &'static str {
        match self {
            Parameter::AllAgentsAccess => "all_agents_access",
            Parameter::FullAccessUsers => "full_access_users",
            Parameter::LeadStatus => "lead_status",
            Parameter::LeadSource => "lead_source",
            Parameter::LeadOwners => "lead_owners",
            Parameter::AgentsAssignOwner => "agents_assign_owner",
            Parameter::AccountOwner => "account_owner",
            Parameter::LeadFields => "lead_fields",
            Parameter::ContactFields => "contact_fields",
            Parameter::DealFields => "deal_fields",
        }
    }

    /// What a bad value of this parameter stops.
    pub fn scope(self) -> ProblemScope {
        match self {
            // The admin's intent about who may see data is unknown: show nothing rather than guess.
            Parameter::AllAgentsAccess => ProblemScope::WholeApp,
            // An entry that can't be read gives nobody full access: less shown, never more.
            Parameter::FullAccessUsers => ProblemScope::FullAccess,
            Parameter::LeadStatus
            | Parameter::LeadSource
            | Parameter::LeadOwners
            | Parameter::AgentsAssignOwner
            | Parameter::AccountOwner => ProblemScope::LeadForm,
            Parameter::LeadFields | Parameter::ContactFields | Parameter::DealFields => ProblemScope::FieldDisplay,
        }
    }
}

/// What a settings problem stops until the admin fixes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProblemScope {
    /// No Sell data at all.
    WholeApp,
    /// Viewing works; creating leads doesn't.
    LeadForm,
    /// The cards fall back to their default fields.
    FieldDisplay,
    /// Nothing stops: the users meant by unreadable `full_access_users` entries see only their branch of
    /// Sell's hierarchy.
    FullAccess,
}

/// The JSON type a text parameter arrived as, when it wasn't text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JsonKind {
    Bool,
    Array,
    Object,
}

/// Why one entry of `lead_owners`, `full_access_users` or `account_owner` can't name a Sell user or pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntryProblem {
    /// `0`: Sell ids start at 1.
    ZeroId,
    /// Digits, but more than any id.
    IdTooLarge,
    /// Has an `@` but isn't `name@domain.tld`.
    MalformedEmail,
    /// No letter or digit, or far too long to be a name.
    NotAName,
    /// `account_owner` takes an id or email only, since a name can't tell people apart.
    NameNotAllowed,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    /// A checkbox holding something other than true/false (e.g. `"yes please"`).
    NotACheckbox {
        got: String,
    },
    /// A text parameter holding a boolean, list or object.
    NotText {
        got: JsonKind,
    },
    /// A required text is empty (`lead_status`).
    Missing,
    TooLong {
        max_chars: usize,
    },
    /// Line breaks or other control characters where a single name is expected.
    ControlCharacters,
    BadEntry {
        entry: String,
        reason: EntryProblem,
    },
    /// `account_owner` lists several people; only one can be the top-most manager.
    SeveralAccountOwners,
}

/// One bad setting: which parameter, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SettingProblem {
    pub parameter: Parameter,
    pub kind: ProblemKind,
}

impl SettingProblem {
    pub fn new(parameter: Parameter, kind: ProblemKind) -> Self {
        Self { parameter, kind }
    }

    pub fn scope(&self) -> ProblemScope {
        self.parameter.scope()
    }
}

/// At most `max` chars of `text`, with an ellipsis when cut: bad values are quoted back to the admin.
pub(crate) fn preview(text: &str, max: usize) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(max).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}
