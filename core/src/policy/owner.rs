//! Who owns a lead created from the sidebar, and so what the form's owner field shows.
//!
//! The product rules, and the choices we made where they are silent (see [`owner_field_for`]):
//!
//! | `agents_assign_owner` | `lead_owners` | mode | owner field |
//! |---|---|---|---|
//! | on | any | any | choose among all active people and all pools (people first, then pools, each by name); preselected: the configured owner when exactly one is configured |
//! | off | exactly one (after merging duplicates) | any | fixed: that owner |
//! | off | several | any | choose among them, in the admin's order, nothing preselected |
//! | off | empty | Sell users only | fixed: the agent who creates the lead |
//! | off | empty | All agents | fixed: the top-most manager (`account_owner` if set, else the root of `reports_to`) |
//!
//! Never a silent fallback: a configured owner that is unknown, inactive or ambiguous blocks the form
//! (even when only one of several is bad, and even when the checkbox is on), with a message naming
//! `lead_owners`; an unclear top-most manager blocks it naming `account_owner`.

use crate::text::Lowercased;
use crate::combobox::Searchable;
use crate::sell::directory::{is_distribution_pool, top_most_manager, Directory, OwnerProblem, TopManagerProblem};
use crate::sell::model::{User, UserId, UserStatus};
use crate::settings::{AccessMode, OwnerRef, Settings};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OwnerKind {
    Person,
    /// A lead distribution pool: Sell hands the lead on to its next member.
    Pool,
}

/// One owner the lead can go to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnerChoice {
    pub id: UserId,
    pub label: String,
    pub kind: OwnerKind,
    pub email: Option<String>,
}

impl OwnerChoice {
    pub fn from_user(user: &User) -> Self {
        let email = user
            .email
            .as_deref()
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .map(str::to_string);
        let name = user.name.trim();
        let label = match (name.is_empty(), &email) {
            (false, _) => name.to_string(),
            (true, Some(email)) => email.clone(),
            (true, None) => format!("#{}", user.id),
        };
        let kind = if is_distribution_pool(user) {
            OwnerKind::Pool
        } else {
            OwnerKind::Person
        };
        Self {
            id: user.id,
            label,
            kind,
            email,
        }
    }
}

impl Searchable for OwnerChoice {
    fn search_texts(&self) -> Vec<&str> {
        std::iter::once(self.label.as_str())
            .chain(self.email.as_deref())
            .collect()
    }
}

/// Why a fixed owner was chosen, so the form can say it ("You will own this lead").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixedBecause {
    /// The only owner in `lead_owners`.
    ConfiguredOwner,
    /// Sell users only, no owners configured: the agent creating the lead.
    Creator,
    /// All agents, no owners configured: the top-most manager.
    TopMostManager,
}

/// What makes it impossible to give the lead an owner, until an admin changes the settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OwnerSetupProblem {
    /// Entries of `lead_owners` that don't name an active user or pool, each with the reason.
    ConfiguredOwners(Vec<(OwnerRef, OwnerProblem)>),
    /// All agents mode, no owners: the top-most manager can't be told (names `account_owner`).
    TopManager(TopManagerProblem),
    /// Sell users only, no owners, and the agent has no active Sell user. Can't normally happen, since
    /// such an agent sees no form; blocked rather than guessed.
    AgentNotASellUser,
    /// The checkbox is on but Sell lists no active person or pool.
    NobodyToChoose,
}

/// The owner field of the create-lead form. When choosing, an owner is always required.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OwnerField {
    /// No dropdown: the lead goes to `owner`.
    Fixed { owner: OwnerChoice, because: FixedBecause },
    /// The agent must pick one of `options` (people first, then pools, when offering everyone).
    Choose {
        options: Vec<OwnerChoice>,
        preselected: Option<UserId>,
    },
    /// The form can't be sent; show the agent a notice and the admin what to fix.
    Blocked { problem: OwnerSetupProblem },
}

impl OwnerField {
    /// The owner the form starts with.
    pub fn initial_owner(&self) -> Option<UserId> {
        match self {
            OwnerField::Fixed { owner, .. } => Some(owner.id),
            OwnerField::Choose { preselected, .. } => *preselected,
            OwnerField::Blocked { .. } => None,
        }
    }

    /// Whether `id` is an owner this field allows.
    pub fn allows(&self, id: UserId) -> bool {
        match self {
            OwnerField::Fixed { owner, .. } => owner.id == id,
            OwnerField::Choose { options, .. } => options.iter().any(|o| o.id == id),
            OwnerField::Blocked { .. } => false,
        }
    }
}

/// The one rule of who owns a new lead (table in the module docs).
///
/// `agent` is the agent's own Sell user when known (Sell users only mode); `users` is the full list
/// from `GET /v2/users`, pools included.
pub fn owner_field_for(settings: &Settings, agent: Option<&User>, users: &[User]) -> OwnerField {
    let directory = Directory::new(users);
    let configured = match resolve_configured(&directory, &settings.owners) {
        Ok(owners) => owners,
        Err(problem) => return OwnerField::Blocked { problem },
    };

    if settings.agents_assign_owner {
        let mut people: Vec<OwnerChoice> = directory.active_people().map(OwnerChoice::from_user).collect();
        let mut pools: Vec<OwnerChoice> = directory.pools().map(OwnerChoice::from_user).collect();
        if people.is_empty() && pools.is_empty() {
            return OwnerField::Blocked {
                problem: OwnerSetupProblem::NobodyToChoose,
            };
        }
        let by_label = |a: &OwnerChoice, b: &OwnerChoice| a.label.lowercased().cmp(&b.label.lowercased());
        crate::order::sort_by(&mut people, by_label);
        crate::order::sort_by(&mut pools, by_label);
        let preselected = match configured.as_slice() {
            [only] => Some(only.id),
            _ => None,
        };
        people.extend(pools);
        return OwnerField::Choose {
            options: people,
            preselected,
        };
    }

    if configured.len() > 1 {
        return OwnerField::Choose {
            options: configured,
            preselected: None,
        };
    }
    if let Some(owner) = configured.into_iter().next() {
        return OwnerField::Fixed {
            owner,
            because: FixedBecause::ConfiguredOwner,
        };
    }

    match settings.access {
        AccessMode::SellUsersOnly => match agent {
            Some(user) if user.status == UserStatus::Active && !is_distribution_pool(user) => OwnerField::Fixed {
                owner: OwnerChoice::from_user(user),
                because: FixedBecause::Creator,
            },
            _ => OwnerField::Blocked {
                problem: OwnerSetupProblem::AgentNotASellUser,
            },
        },
        AccessMode::AllAgents => match top_most_manager(users, settings.account_owner.as_ref()) {
            Ok(manager) => OwnerField::Fixed {
                owner: OwnerChoice::from_user(manager),
                because: FixedBecause::TopMostManager,
            },
            Err(problem) => OwnerField::Blocked {
                problem: OwnerSetupProblem::TopManager(problem),
            },
        },
    }
}

/// The configured owners as choices, in the admin's order, one per user (an id and an email of the
/// same user count once); or every entry that can't be used.
fn resolve_configured(directory: &Directory, owners: &[OwnerRef]) -> Result<Vec<OwnerChoice>, OwnerSetupProblem> {
    let mut choices: Vec<OwnerChoice> = Vec::new();
    let mut problems = Vec::new();
    for reference in owners {
        match directory.resolve(reference) {
            Ok(user) if choices.iter().any(|c| c.id == user.id) => {}
            Ok(user) => choices.push(OwnerChoice::from_user(user)),
            Err(problem) => problems.push((reference.clone(), problem)),
        }
    }
    if problems.is_empty() {
        Ok(choices)
    } else {
        Err(OwnerSetupProblem::ConfiguredOwners(problems))
    }
}

#[cfg(test)]
mod tests;
