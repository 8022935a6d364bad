use super::*;
use crate::sell::directory::fixtures::{inactive, person, pool, seed_users};
use crate::sell::model::{LeadId, User};

fn ids(list: &[u64]) -> Visibility {
    Visibility::Owners(list.iter().copied().map(UserId).collect())
}

fn email(text: &str) -> OwnerRef {
    OwnerRef::Email(text.into())
}

/// The seed: Ada (1) at the top; Max (2) and Sofia (4) below her; Nora (3) and the inactive Ivan (6)
/// under Max; Tom (5) under Sofia; pools 7 and 8 under Ada.
#[test]
fn whose_records_each_seeded_user_sees() {
    let users = seed_users();
    let cases: [(u64, &[u64]); 6] = [
        // The top-most manager: everyone, pools included, several levels down.
        (1, &[1, 2, 3, 4, 5, 6, 7, 8]),
        // A manager: own, Nora's, and the inactive Ivan's.
        (2, &[2, 3, 6]),
        // A regular user: own only.
        (3, &[3]),
        // The other branch: none of Max's.
        (4, &[4, 5]),
        (5, &[5]),
        // Inactive users get no access at all (see `access`); the tree alone would give them their own.
        (6, &[6]),
    ];
    for (agent, expected) in cases {
        assert_eq!(visible_owners(&users, UserId(agent), &[]), ids(expected), "agent {agent}");
    }
}

#[test]
fn the_admin_role_widens_nothing() {
    let users = vec![
        person(1, "Ada", "ada@acme.test", None),
        User { role: Some("admin".into()), ..person(2, "Max", "max@acme.test", Some(1)) },
        person(3, "Nora", "nora@acme.test", Some(1)),
    ];
    assert_eq!(visible_owners(&users, UserId(2), &[]), ids(&[2]));
}

#[test]
fn managers_see_down_the_tree_at_any_depth() {
    let users: Vec<User> = (1..=6)
        .map(|i| person(i, &format!("U{i}"), &format!("u{i}@x.test"), (i > 1).then(|| i - 1)))
        .collect();
    assert_eq!(visible_owners(&users, UserId(2), &[]), ids(&[2, 3, 4, 5, 6]));
    assert_eq!(visible_owners(&users, UserId(5), &[]), ids(&[5, 6]));
}

#[test]
fn an_inactive_manager_in_the_chain_passes_visibility_up() {
    let users = vec![
        person(1, "Ada", "ada@acme.test", None),
        inactive(person(2, "Ivan", "ivan@acme.test", Some(1))),
        person(3, "Nora", "nora@acme.test", Some(2)),
    ];
    assert_eq!(visible_owners(&users, UserId(1), &[]), ids(&[1, 2, 3]));
}

#[test]
fn a_dangling_manager_ends_the_chain() {
    // Nora reports to 99, whom Sell doesn't list: Ada is not above her.
    let users = vec![person(1, "Ada", "ada@acme.test", None), person(3, "Nora", "nora@acme.test", Some(99))];
    assert_eq!(visible_owners(&users, UserId(1), &[]), ids(&[1]));
    assert_eq!(visible_owners(&users, UserId(3), &[]), ids(&[3]));
}

#[test]
fn members_of_a_cycle_are_not_below_one_another() {
    // 2 and 3 report to each other; 4 hangs below 3; 5 reports to itself.
    let users = vec![
        person(2, "Max", "max@x.test", Some(3)),
        person(3, "Nora", "nora@x.test", Some(2)),
        person(4, "Tom", "tom@x.test", Some(3)),
        person(5, "Self", "self@x.test", Some(5)),
    ];
    assert_eq!(visible_owners(&users, UserId(2), &[]), ids(&[2, 4]));
    assert_eq!(visible_owners(&users, UserId(3), &[]), ids(&[3, 4]));
    assert_eq!(visible_owners(&users, UserId(4), &[]), ids(&[4]));
    assert_eq!(visible_owners(&users, UserId(5), &[]), ids(&[5]));
}

#[test]
fn a_pools_records_are_seen_by_the_managers_above_it() {
    let users = vec![
        person(1, "Ada", "ada@acme.test", None),
        person(2, "Max", "max@acme.test", Some(1)),
        User { reports_to: Some(UserId(2)), ..pool(7, "Inbound") },
    ];
    let max = visible_owners(&users, UserId(2), &[]);
    assert!(max.sees(Some(UserId(7))));
    assert!(visible_owners(&users, UserId(1), &[]).sees(Some(UserId(7))));
}

#[test]
fn a_record_without_an_owner_is_for_full_access_only() {
    let users = seed_users();
    assert!(!visible_owners(&users, UserId(1), &[]).sees(None));
    assert!(visible_owners(&users, UserId(3), &[email("nora@acme.test")]).sees(None));
}

#[test]
fn full_access_users_see_everything_by_id_email_or_name() {
    let users = seed_users();
    for reference in [OwnerRef::Id(UserId(3)), email("nora@acme.test"), OwnerRef::Name("nora north".into())] {
        assert_eq!(visible_owners(&users, UserId(3), &[reference.clone()]), Visibility::Everything, "{reference:?}");
    }
    // Someone else's entry gives Nora nothing; an unknown email neither.
    assert_eq!(visible_owners(&users, UserId(3), &[OwnerRef::Id(UserId(2)), email("who@x.test")]), ids(&[3]));
}

#[test]
fn only_visible_records_are_kept_and_the_rest_counted() {
    let lead = |id: u64, owner: Option<u64>| -> Lead {
        crate::sell::model::test_record(&serde_json::json!({"id": id, "owner_id": owner}))
    };
    let (kept, hidden) = ids(&[3]).keep(vec![lead(1, Some(3)), lead(2, Some(5)), lead(3, None), lead(4, Some(3))]);
    assert_eq!(kept.iter().map(|l| l.id).collect::<Vec<_>>(), [LeadId(1), LeadId(4)]);
    assert_eq!(hidden, 2);
    let (kept, hidden) = Visibility::Everything.keep(vec![lead(3, None)]);
    assert_eq!((kept.len(), hidden), (1, 0));
}

#[test]
fn the_fingerprint_changes_with_the_owners() {
    assert_eq!(Visibility::Everything.fingerprint(), "all");
    assert_eq!(ids(&[3, 2]).fingerprint(), ids(&[2, 3]).fingerprint());
    assert_ne!(ids(&[2, 3]).fingerprint(), ids(&[2, 3, 6]).fingerprint());
    assert_ne!(ids(&[2]).fingerprint(), ids(&[3]).fingerprint());
}

#[test]
fn two_thousand_deep_is_quick_and_complete() {
    let users: Vec<User> = (1..=2000)
        .map(|i| person(i, &format!("U{i}"), &format!("u{i}@x.test"), (i > 1).then(|| i - 1)))
        .collect();
    match visible_owners(&users, UserId(1), &[]) {
        Visibility::Owners(owners) => assert_eq!(owners.len(), 2000),
        other => panic!("{other:?}"),
    }
}
