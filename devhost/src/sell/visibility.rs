//! Who sees whose records: a user sees what they own plus what anyone below them in the
//! `reports_to` tree owns, so the top-most manager sees everything.

use super::records::{User, UserId};
use std::collections::BTreeSet;

/// The owners whose leads, contacts and deals `viewer` may see (the viewer included).
pub fn visible_owners(viewer: UserId, users: &[User]) -> BTreeSet<UserId> {
    let mut seen = BTreeSet::from([viewer]);
    let mut frontier = vec![viewer];
    // Walk down the tree; `seen` also stops a cycle in bad data from looping forever.
    while let Some(manager) = frontier.pop() {
        for report in users.iter().filter(|u| u.reports_to == Some(manager)) {
            if seen.insert(report.id) {
                frontier.push(report.id);
            }
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sell::seed::{self, *};

    fn sees(viewer: UserId) -> Vec<u64> {
        visible_owners(viewer, &seed::seed().users)
            .into_iter()
            .map(|u| u.0)
            .collect()
    }

    #[test]
    fn managers_see_their_whole_subtree_and_users_only_themselves() {
        assert_eq!(sees(ADA), vec![1, 2, 3, 4, 5, 6, 7, 8]);
        assert_eq!(sees(MAX), vec![2, 3, 6]);
        assert_eq!(sees(NORA), vec![3]);
        assert_eq!(sees(SOFIA), vec![4, 5]);
        assert_eq!(sees(TOM), vec![5]);
    }

    #[test]
    fn a_reporting_cycle_terminates() {
        let mut users = seed::seed().users;
        if let Some(ada) = users.iter_mut().find(|u| u.id == ADA) {
            ada.reports_to = Some(NORA);
        }
        assert_eq!(visible_owners(NORA, &users).len(), 8);
    }
}
