//! Which Sell records an agent may see in *Sell users only* mode.
//!
//! Zendesk keeps one Sell token per installation (the admin authorises once), so every agent's
//! requests carry the same token and Sell answers with everything that token may see. What a given
//! agent may see is decided here, from Sell's user directory, and every customer record passes it
//! before it is shown or stored. Sell's documented rule: a user sees their own records; a manager also
//! those of everyone below them in the `reports_to` tree, at any depth; admins follow the same rule.
//!
//! | case | the agent sees |
//! |---|---|
//! | a user nobody reports to | the records they own |
//! | a manager | their own, and those of everyone whose `reports_to` chain reaches them, at any depth |
//! | an admin (`role: admin`) | what their place in the tree gives: the role widens nothing |
//! | listed in `full_access_users` (by id or email) | every record, owned or not |
//! | an inactive user in the chain | their records stay visible to every manager above them, and the chain goes on through them |
//! | `reports_to` naming an id Sell doesn't list (dangling) | the chain ends there: only the managers before that point see the user's records |
//! | a cycle in `reports_to` | members of a cycle are not below one another (each is above the other too): each sees their own, plus what hangs below the cycle |
//! | a record owned by a distribution pool | a pool is Sell's phantom user, placed in the tree like anyone: the managers above it see its records |
//! | a record with no owner | full-access users only |
//!
//! Where Sell may show a user more (a *Full* access level the API doesn't report, say), the sidebar
//! shows less, never more.

use crate::sell::directory::Directory;
use crate::sell::model::{Contact, Deal, Lead, User, UserId};
use crate::settings::OwnerRef;
use crate::id_map::{IdMap, IdSet};

/// Whose records an agent may see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Visibility {
    /// Every record (*All agents* mode, or a full-access Sell user).
    Everything,
    /// Records owned by these users (the agent and everyone below them).
    Owners(OwnerSet),
}

/// Users whose records may be shown.
pub type OwnerSet = IdSet<UserId>;

/// Every record: shared by *All agents* mode.
pub static EVERYTHING: Visibility = Visibility::Everything;

impl Visibility {
    /// Whether a record with this owner may be shown.
    pub fn sees(&self, owner: Option<UserId>) -> bool {
        match (self, owner) {
            (Visibility::Everything, _) => true,
            (Visibility::Owners(owners), Some(owner)) => owners.contains(&owner),
            (Visibility::Owners(_), None) => false,
        }
    }

    /// The records that may be shown, in their order, and how many were held back.
    pub fn keep<T: Owned>(&self, records: Vec<T>) -> (Vec<T>, usize) {
        let before = records.len();
        let kept: Vec<T> = records.into_iter().filter(|r| self.sees(r.owner())).collect();
        let hidden = before - kept.len();
        (kept, hidden)
    }

    /// A short text that changes whenever the visible owners change: part of the key of anything cached
    /// under this visibility, so a change in Sell's hierarchy or the settings never shows what was
    /// stored under the old one.
    pub fn fingerprint(&self) -> String {
        match self {
            Visibility::Everything => "all".to_string(),
            Visibility::Owners(owners) => {
                // FNV-1a over the sorted ids: stable across runs and builds.
                let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
                for id in owners.iter() {
                    for byte in id.0.to_le_bytes() {
                        hash ^= u64::from(byte);
                        hash = hash.wrapping_mul(0x0100_0000_01b3);
                    }
                }
                format!("o{}-{hash:016x}", owners.len())
            }
        }
    }
}

/// A Sell record with an owner.
pub trait Owned {
    fn owner(&self) -> Option<UserId>;
}

impl Owned for Lead {
    fn owner(&self) -> Option<UserId> {
        self.owner_id
    }
}

impl Owned for Contact {
    fn owner(&self) -> Option<UserId> {
        self.owner_id
    }
}

impl Owned for Deal {
    fn owner(&self) -> Option<UserId> {
        self.owner_id
    }
}

/// The one rule: whose records `agent` may see, given Sell's users and the `full_access_users`
/// setting. See the module's table.
pub fn visible_owners(users: &[User], agent: UserId, full_access: &[OwnerRef]) -> Visibility {
    if has_full_access(users, agent, full_access) {
        return Visibility::Everything;
    }
    let manager_of: IdMap<UserId, UserId> = users
        .iter()
        .filter_map(|u| u.reports_to.filter(|m| *m != u.id).map(|m| (u.id, m)))
        .collect();
    let mut reports: IdMap<UserId, Vec<UserId>> = IdMap::new();
    for (&user, &manager) in manager_of.iter() {
        reports.entry_or_default(manager).push(user);
    }
    // Everyone whose chain reaches the agent, found by walking down from the agent once; those also
    // above the agent (a cycle through the agent) are passed through but not counted as below.
    let above_agent = chain_above(agent, &manager_of);
    let mut owners = vec![agent];
    let mut walked = IdSet::from([agent]);
    let mut next = vec![agent];
    while let Some(manager) = next.pop() {
        for &user in reports.get(&manager).into_iter().flatten() {
            if walked.insert(user) {
                if !above_agent.contains(&user) {
                    owners.push(user);
                }
                next.push(user);
            }
        }
    }
    Visibility::Owners(owners.into_iter().collect())
}

/// Everyone `user`'s `reports_to` chain passes through, up to its end: a user Sell doesn't list, or
/// the first repeat (a cycle).
fn chain_above(user: UserId, manager_of: &IdMap<UserId, UserId>) -> IdSet<UserId> {
    let mut seen = IdSet::new();
    let mut current = user;
    while let Some(&manager) = manager_of.get(&current) {
        if manager == user || !seen.insert(manager) {
            break;
        }
        current = manager;
    }
    seen
}

/// Whether `full_access_users` names the agent (by id, email or name, as `lead_owners` does).
fn has_full_access(users: &[User], agent: UserId, full_access: &[OwnerRef]) -> bool {
    let directory = Directory::new(users);
    full_access.iter().any(|reference| match reference {
        OwnerRef::Id(id) => *id == agent,
        other => directory.resolve(other).is_ok_and(|user| user.id == agent),
    })
}

#[cfg(test)]
mod tests;
