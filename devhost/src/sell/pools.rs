//! Lead distribution pools. Sell creates a phantom user per pool; a lead created with the pool's id
//! as `owner_id` is stored owned by the pool's next member, round-robin, with one counter per pool
//! kept centrally (so every client's leads share the rotation). Inactive members are skipped.

use super::records::{Pool, User, UserId};

/// The member who gets the next lead, advancing the pool's counter; `None` when no member is active.
pub fn assign_next(pool: &mut Pool, users: &[User]) -> Option<UserId> {
    let count = pool.members.len();
    for step in 0..count {
        let index = (pool.next_index + step) % count;
        let member = *pool.members.get(index)?;
        if users.iter().any(|u| u.id == member && u.is_active()) {
            pool.next_index = (index + 1) % count;
            return Some(member);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sell::seed::{self, *};

    #[test]
    fn members_take_turns() {
        let store = seed::seed();
        let mut pool = Pool {
            id: INBOUND_POOL,
            name: "p".into(),
            members: vec![NORA, TOM],
            next_index: 0,
        };
        let got: Vec<_> = (0..4)
            .filter_map(|_| assign_next(&mut pool, &store.users))
            .collect();
        assert_eq!(got, vec![NORA, TOM, NORA, TOM]);
    }

    #[test]
    fn inactive_members_are_skipped_and_an_all_inactive_pool_assigns_nobody() {
        let store = seed::seed();
        let mut pool = Pool {
            id: INBOUND_POOL,
            name: "p".into(),
            members: vec![IVAN, TOM],
            next_index: 0,
        };
        assert_eq!(assign_next(&mut pool, &store.users), Some(TOM));
        assert_eq!(assign_next(&mut pool, &store.users), Some(TOM));
        let mut dead = Pool {
            id: INBOUND_POOL,
            name: "p".into(),
            members: vec![IVAN],
            next_index: 0,
        };
        assert_eq!(assign_next(&mut dead, &store.users), None);
    }
}
