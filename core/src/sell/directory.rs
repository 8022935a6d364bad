//! The Sell user list read as a directory: people vs distribution pools, finding users by email, id or
//! name, and the account's top-most manager.

use crate::text::{name_key, Lowercased};
use crate::sell::model::{User, UserId, UserStatus};
use crate::settings::OwnerRef;
use crate::id_map::{IdMap, IdSet};

/// Whether a Sell "user" is a lead distribution pool (a phantom user Sell creates per pool). The one
/// place pools are told apart.
///
/// A guess: Sell documents that pools are phantom users but not what marks them. We take a
/// `distribution_pool` or `distribution` system tag, or an `integration` identity without an email
/// (real people always have an email; integrations that act as people are not expected in the list).
pub fn is_distribution_pool(user: &User) -> bool {
    let tagged = user
        .system_tags
        .iter()
        .any(|tag| tag.eq_ignore_ascii_case("distribution_pool") || tag.eq_ignore_ascii_case("distribution"));
    let emailless_integration = user
        .identity_type
        .as_deref()
        .is_some_and(|t| t.eq_ignore_ascii_case("integration"))
        && user.email.as_deref().is_none_or(|e| e.trim().is_empty());
    tagged || emailless_integration
}

/// Why an owner reference can't be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OwnerProblem {
    /// No user or pool matches.
    Unknown,
    /// Matches a user who is deactivated in Sell.
    Inactive(UserSummary),
    /// A name that fits several active users or pools.
    Ambiguous(Vec<UserSummary>),
}

/// Enough of a user to name it in a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserSummary {
    pub id: UserId,
    pub name: String,
}

impl From<&User> for UserSummary {
    fn from(user: &User) -> Self {
        Self {
            id: user.id,
            name: user.name.clone(),
        }
    }
}

/// Why the top-most manager can't be told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TopManagerProblem {
    /// No active person in the account (only pools or inactive users).
    NoActivePeople,
    /// `reports_to` doesn't single out one person (several roots, or a cycle) and `account_owner` is
    /// not set. The candidates are the roots, or the people in cycles when there is no root.
    Ambiguous { candidates: Vec<UserSummary> },
    /// `account_owner` names nobody usable.
    AccountOwner { reference: OwnerRef, problem: OwnerProblem },
    /// `account_owner` names a distribution pool, which can't be a manager.
    AccountOwnerIsPool { pool: UserSummary },
}

fn is_active(user: &User) -> bool {
    user.status == UserStatus::Active
}

/// A read-only view over the users `GET /v2/users` returned.
#[derive(Debug, Clone, Copy)]
pub struct Directory<'a> {
    users: &'a [User],
}

impl<'a> Directory<'a> {
    pub fn new(users: &'a [User]) -> Self {
        Self { users }
    }

    pub fn all(&self) -> &'a [User] {
        self.users
    }

    pub fn by_id(&self, id: UserId) -> Option<&'a User> {
        self.users.iter().find(|u| u.id == id)
    }

    /// Real people, active or not.
    pub fn people(&self) -> impl Iterator<Item = &'a User> {
        self.users.iter().filter(|u| !is_distribution_pool(u))
    }

    /// Active distribution pools (an inactive pool can't receive leads).
    pub fn pools(&self) -> impl Iterator<Item = &'a User> {
        self.users.iter().filter(|u| is_distribution_pool(u) && is_active(u))
    }

    pub fn active_people(&self) -> impl Iterator<Item = &'a User> {
        self.people().filter(|u| is_active(u))
    }

    /// The person with this email, compared trimmed and case-insensitively. Should Sell ever hold two,
    /// the active one wins.
    pub fn find_by_email(&self, email: &str) -> Option<&'a User> {
        let wanted = email.trim().lowercased();
        if wanted.is_empty() {
            return None;
        }
        let mut matches = self
            .people()
            .filter(|u| u.email.as_deref().is_some_and(|e| e.trim().lowercased() == wanted));
        let first = matches.next()?;
        if is_active(first) {
            return Some(first);
        }
        Some(matches.find(|u| is_active(u)).unwrap_or(first))
    }

    /// The active user or pool an owner reference means.
    pub fn resolve(&self, reference: &OwnerRef) -> Result<&'a User, OwnerProblem> {
        let found = match reference {
            OwnerRef::Id(id) => self.by_id(*id),
            OwnerRef::Email(email) => self.find_by_email(email),
            OwnerRef::Name(name) => return self.resolve_name(name),
        };
        match found {
            None => Err(OwnerProblem::Unknown),
            Some(user) if is_active(user) => Ok(user),
            Some(user) => Err(OwnerProblem::Inactive(user.into())),
        }
    }

    /// Names are matched whole, trimmed, case-insensitively, among pools and people. An inactive
    /// namesake doesn't make an active match ambiguous.
    fn resolve_name(&self, name: &str) -> Result<&'a User, OwnerProblem> {
        let wanted = name_key(name);
        let matches: Vec<&User> = self
            .users
            .iter()
            .filter(|u| name_key(&u.name) == wanted)
            .collect();
        let active: Vec<&User> = matches.iter().copied().filter(|u| is_active(u)).collect();
        match (active.as_slice(), matches.first()) {
            ([one], _) => Ok(one),
            ([], None) => Err(OwnerProblem::Unknown),
            ([], Some(inactive)) => Err(OwnerProblem::Inactive((*inactive).into())),
            (several, _) => Err(OwnerProblem::Ambiguous(several.iter().map(|u| (*u).into()).collect())),
        }
    }
}

/// The account's top-most manager: who new leads go to in *All agents* mode when no owner is set.
///
/// `account_owner`, when set, decides: an explicit admin answer beats inferring from data, and it must
/// name an active person (else a problem, never a silent fallback to the tree). Without it, the root
/// of the `reports_to` tree among active people (pools excluded): exactly one active person whose
/// manager is null or not an active person, and every other active person's chain ends there. Several
/// roots, cycles, or nobody are problems listing the candidates, so the admin can set `account_owner`.
pub fn top_most_manager<'a>(
    users: &'a [User],
    account_owner: Option<&OwnerRef>,
) -> Result<&'a User, TopManagerProblem> {
    let directory = Directory::new(users);
    if let Some(reference) = account_owner {
        return match directory.resolve(reference) {
            Ok(user) if is_distribution_pool(user) => Err(TopManagerProblem::AccountOwnerIsPool { pool: user.into() }),
            Ok(user) => Ok(user),
            Err(problem) => Err(TopManagerProblem::AccountOwner {
                reference: reference.clone(),
                problem,
            }),
        };
    }

    let people: IdMap<UserId, &User> = directory.active_people().map(|u| (u.id, u)).collect();
    if people.is_empty() {
        return Err(TopManagerProblem::NoActivePeople);
    }
    // Reporting to oneself counts as having no manager.
    let manager_of = |id: UserId| {
        people
            .get(&id)
            .and_then(|u| u.reports_to)
            .filter(|m| people.contains_key(m) && *m != id)
    };

    // Where each person's chain ends: `Some(root)`, or `None` when it runs into a cycle. Ends are
    // remembered, so each person is walked once even in a 2,000-deep chain.
    let mut end_of: IdMap<UserId, Option<UserId>> = IdMap::new();
    for &start in people.keys() {
        let mut path: Vec<UserId> = Vec::new();
        let mut on_path: IdSet<UserId> = IdSet::new();
        let mut current = start;
        let end = loop {
            if let Some(known) = end_of.get(&current) {
                break *known;
            }
            if !on_path.insert(current) {
                break None;
            }
            path.push(current);
            match manager_of(current) {
                Some(manager) => current = manager,
                None => break Some(current),
            }
        };
        for id in path {
            end_of.insert(id, end);
        }
    }
    let ends: IdSet<Option<UserId>> = end_of.values().copied().collect();
    let in_cycles: Vec<&User> = end_of
        .iter()
        .filter(|(_, end)| end.is_none())
        .filter_map(|(id, _)| people.get(id).copied())
        .collect();

    let mut roots: Vec<&User> = ends.iter().flatten().filter_map(|id| people.get(id).copied()).collect();
    match (roots.as_slice(), in_cycles.is_empty()) {
        ([root], true) => Ok(root),
        _ => {
            if roots.is_empty() {
                roots = in_cycles;
            }
            crate::order::sort_by(&mut roots, |a, b| a.id.cmp(&b.id));
            Err(TopManagerProblem::Ambiguous {
                candidates: roots.into_iter().map(UserSummary::from).collect(),
            })
        }
    }
}

#[cfg(test)]
pub(crate) mod fixtures;
#[cfg(test)]
mod tests;
