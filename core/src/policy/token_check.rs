//! What the settings check (admins only) says about visibility: whether the installation's one token
//! sees every record, and which `full_access_users` entries name nobody.
//!
//! Every agent's requests carry the token of whoever created it in Sell, so the sidebar can never show
//! more than that Sell user sees. If they are not at the top of Sell's hierarchy (nor a full-access
//! user), records outside their branch are missing for everyone: invisible in *Sell users only* mode,
//! absent in *All agents* mode.

use crate::sell::directory::{top_most_manager, Directory, OwnerProblem, UserSummary};
use crate::sell::model::User;
use crate::settings::OwnerRef;

/// How far the installation's token reaches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenReach {
    /// The token's user is the account's top-most manager: every record.
    TopMostManager(UserSummary),
    /// Listed in `full_access_users`: every record, as Sell's Full access level gives.
    FullAccess(UserSummary),
    /// Only the token user's branch; `top` is whom the token should belong to, when it can be told.
    Branch { token_user: UserSummary, top: Option<UserSummary> },
}

impl TokenReach {
    pub fn sees_everything(&self) -> bool {
        !matches!(self, TokenReach::Branch { .. })
    }
}

/// `token_user` is `GET /v2/users/self` read with the installation token.
pub fn token_reach(token_user: &User, users: &[User], account_owner: Option<&OwnerRef>, full_access: &[OwnerRef]) -> TokenReach {
    let summary = UserSummary::from(token_user);
    let top = top_most_manager(users, account_owner).ok().map(UserSummary::from);
    if top.as_ref().is_some_and(|t| t.id == token_user.id) {
        return TokenReach::TopMostManager(summary);
    }
    let directory = Directory::new(users);
    let listed = full_access.iter().any(|r| match r {
        OwnerRef::Id(id) => *id == token_user.id,
        other => directory.resolve(other).is_ok_and(|u| u.id == token_user.id),
    });
    if listed {
        return TokenReach::FullAccess(summary);
    }
    TokenReach::Branch { token_user: summary, top }
}

/// The `full_access_users` entries that give nobody full access, each with why.
pub fn full_access_problems(users: &[User], full_access: &[OwnerRef]) -> Vec<(OwnerRef, OwnerProblem)> {
    let directory = Directory::new(users);
    full_access
        .iter()
        .filter_map(|r| directory.resolve(r).err().map(|problem| (r.clone(), problem)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sell::directory::fixtures::seed_users;
    use crate::sell::model::UserId;

    fn user(users: &[User], id: u64) -> User {
        users.iter().find(|u| u.id == UserId(id)).cloned().unwrap_or_else(|| panic!("seed user {id}"))
    }

    #[test]
    fn how_far_each_token_reaches() {
        let users = seed_users();
        let ada = user(&users, 1);
        let max = user(&users, 2);
        assert!(matches!(token_reach(&ada, &users, None, &[]), TokenReach::TopMostManager(u) if u.id == UserId(1)));
        match token_reach(&max, &users, None, &[]) {
            TokenReach::Branch { token_user, top } => {
                assert_eq!(token_user.id, UserId(2));
                assert_eq!(top.map(|t| t.id), Some(UserId(1)), "names whom the token should belong to");
            }
            other => panic!("{other:?}"),
        }
        let listed = token_reach(&max, &users, None, &[OwnerRef::Email("max@acme.test".into())]);
        assert!(matches!(listed, TokenReach::FullAccess(_)) && listed.sees_everything());
        // account_owner decides who is at the top.
        let max_on_top = token_reach(&max, &users, Some(&OwnerRef::Id(UserId(2))), &[]);
        assert!(max_on_top.sees_everything());
    }

    #[test]
    fn an_unclear_top_still_says_the_branch_only() {
        let mut users = seed_users();
        for u in &mut users {
            u.reports_to = None;
        }
        let max = user(&users, 2);
        assert_eq!(
            token_reach(&max, &users, None, &[]),
            TokenReach::Branch { token_user: UserSummary::from(&max), top: None }
        );
    }

    #[test]
    fn full_access_entries_that_name_nobody_usable() {
        let users = seed_users();
        let refs = [
            OwnerRef::Id(UserId(2)),
            OwnerRef::Email("who@acme.test".into()),
            OwnerRef::Email("ivan@acme.test".into()),
        ];
        let problems = full_access_problems(&users, &refs);
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[0], (OwnerRef::Email("who@acme.test".into()), OwnerProblem::Unknown));
        assert!(matches!(problems[1].1, OwnerProblem::Inactive(_)));
    }
}
