use super::fixtures::{inactive, person, pool, seed_users};
use super::*;

fn ids<'a>(users: impl Iterator<Item = &'a User>) -> Vec<u64> {
    users.map(|u| u.id.0).collect()
}

fn summary(id: u64, name: &str) -> UserSummary {
    UserSummary {
        id: UserId(id),
        name: name.into(),
    }
}

#[test]
fn pools_are_told_apart_from_people() {
    let users = seed_users();
    let dir = Directory::new(&users);
    assert_eq!(ids(dir.people()), vec![1, 2, 3, 4, 5, 6]);
    assert_eq!(ids(dir.active_people()), vec![1, 2, 3, 4, 5]);
    assert_eq!(ids(dir.pools()), vec![7, 8]);
}

#[test]
fn what_marks_a_pool() {
    let plain = person(9, "P", "p@x.test", None);
    let cases: Vec<(User, bool)> = vec![
        (plain.clone(), false),
        (
            User {
                system_tags: vec!["distribution_pool".into()],
                ..plain.clone()
            },
            true,
        ),
        (
            User {
                system_tags: vec!["Distribution".into()],
                ..plain.clone()
            },
            true,
        ),
        (
            User {
                system_tags: vec!["distributed".into()],
                ..plain.clone()
            },
            false,
        ),
        (
            User {
                identity_type: Some("integration".into()),
                email: None,
                ..plain.clone()
            },
            true,
        ),
        (
            User {
                identity_type: Some("integration".into()),
                email: Some(" ".into()),
                ..plain.clone()
            },
            true,
        ),
        (
            User {
                identity_type: Some("integration".into()),
                ..plain.clone()
            },
            false,
        ),
        (
            User {
                identity_type: Some("person".into()),
                email: None,
                ..plain.clone()
            },
            false,
        ),
    ];
    for (user, expected) in cases {
        assert_eq!(is_distribution_pool(&user), expected, "{user:?}");
    }
}

#[test]
fn finds_people_by_email_ignoring_case_and_spaces() {
    let users = seed_users();
    let dir = Directory::new(&users);
    assert_eq!(dir.find_by_email(" NORA@acme.test ").map(|u| u.id.0), Some(3));
    assert_eq!(dir.find_by_email("ivan@acme.test").map(|u| u.id.0), Some(6));
    assert_eq!(dir.find_by_email("zed@acme.test"), None);
    assert_eq!(dir.find_by_email(""), None);
}

#[test]
fn an_active_user_wins_over_an_inactive_one_with_the_same_email() {
    let users = vec![
        inactive(person(1, "Old", "a@x.test", None)),
        person(2, "New", "A@x.test", None),
    ];
    assert_eq!(
        Directory::new(&users).find_by_email("a@x.test").map(|u| u.id.0),
        Some(2)
    );
}

#[test]
fn resolves_owner_references() {
    let mut users = seed_users();
    users.push(person(9, "Max North", "max2@acme.test", Some(1)));
    users.push(inactive(person(10, "Sofia South", "sofia.old@acme.test", Some(1))));
    users.push(inactive(person(11, "Gone Person", "gone@acme.test", Some(1))));
    let dir = Directory::new(&users);
    let cases: Vec<(OwnerRef, Result<u64, OwnerProblem>)> = vec![
        (OwnerRef::Id(UserId(3)), Ok(3)),
        (OwnerRef::Id(UserId(7)), Ok(7)),
        (
            OwnerRef::Id(UserId(6)),
            Err(OwnerProblem::Inactive(summary(6, "Ivan Inactive"))),
        ),
        (OwnerRef::Id(UserId(99)), Err(OwnerProblem::Unknown)),
        (OwnerRef::Email("tom@acme.test".into()), Ok(5)),
        (
            OwnerRef::Email("ivan@acme.test".into()),
            Err(OwnerProblem::Inactive(summary(6, "Ivan Inactive"))),
        ),
        (OwnerRef::Email("zed@acme.test".into()), Err(OwnerProblem::Unknown)),
        (OwnerRef::Name("inbound  POOL".into()), Ok(7)),
        (OwnerRef::Name("Sofia South".into()), Ok(4)),
        (
            OwnerRef::Name("Gone Person".into()),
            Err(OwnerProblem::Inactive(summary(11, "Gone Person"))),
        ),
        (
            OwnerRef::Name("Max North".into()),
            Err(OwnerProblem::Ambiguous(vec![
                summary(2, "Max North"),
                summary(9, "Max North"),
            ])),
        ),
        (OwnerRef::Name("Nobody".into()), Err(OwnerProblem::Unknown)),
    ];
    for (reference, expected) in cases {
        assert_eq!(dir.resolve(&reference).map(|u| u.id.0), expected, "{reference:?}");
    }
}

fn top(users: &[User], account_owner: Option<OwnerRef>) -> Result<u64, TopManagerProblem> {
    top_most_manager(users, account_owner.as_ref()).map(|u| u.id.0)
}

#[test]
fn the_seed_hierarchy_ends_at_ada() {
    assert_eq!(top(&seed_users(), None), Ok(1));
}

#[test]
#[allow(clippy::type_complexity)] // a table of cases reads better inline
fn top_most_manager_cases() {
    let ada = person(1, "Ada", "ada@x.test", None);
    let bob = person(2, "Bob", "bob@x.test", Some(1));
    let cid = person(3, "Cid", "cid@x.test", Some(2));
    let cases: Vec<(&str, Vec<User>, Option<OwnerRef>, Result<u64, TopManagerProblem>)> = vec![
        ("a single person is the top", vec![ada.clone()], None, Ok(1)),
        (
            "a chain ends at its root",
            vec![cid.clone(), bob.clone(), ada.clone()],
            None,
            Ok(1),
        ),
        (
            "a manager outside the list counts as none",
            vec![
                User {
                    reports_to: Some(UserId(42)),
                    ..ada.clone()
                },
                bob.clone(),
            ],
            None,
            Ok(1),
        ),
        (
            "an inactive top makes the next active person the root",
            vec![inactive(ada.clone()), bob.clone(), cid.clone()],
            None,
            Ok(2),
        ),
        (
            "pools are never managers",
            vec![pool(9, "Pool"), ada.clone(), bob.clone()],
            None,
            Ok(1),
        ),
        (
            "before the hierarchy is enabled everyone is a root",
            vec![
                ada.clone(),
                User {
                    reports_to: None,
                    ..bob.clone()
                },
            ],
            None,
            Err(TopManagerProblem::Ambiguous {
                candidates: vec![summary(1, "Ada"), summary(2, "Bob")],
            }),
        ),
        (
            "account_owner settles several roots",
            vec![
                ada.clone(),
                User {
                    reports_to: None,
                    ..bob.clone()
                },
            ],
            Some(OwnerRef::Email("BOB@x.test".into())),
            Ok(2),
        ),
        (
            "a cycle without a root lists the people in it",
            vec![
                User {
                    reports_to: Some(UserId(2)),
                    ..ada.clone()
                },
                bob.clone(),
            ],
            None,
            Err(TopManagerProblem::Ambiguous {
                candidates: vec![summary(1, "Ada"), summary(2, "Bob")],
            }),
        ),
        (
            "a cycle beside a root is still ambiguous",
            vec![
                ada.clone(),
                person(4, "Dee", "dee@x.test", Some(5)),
                person(5, "Eve", "eve@x.test", Some(4)),
            ],
            None,
            Err(TopManagerProblem::Ambiguous {
                candidates: vec![summary(1, "Ada")],
            }),
        ),
        (
            "account_owner settles a cycle",
            vec![
                User {
                    reports_to: Some(UserId(2)),
                    ..ada.clone()
                },
                bob.clone(),
            ],
            Some(OwnerRef::Id(UserId(2))),
            Ok(2),
        ),
        (
            "account_owner wins even over a clear tree",
            vec![ada.clone(), bob.clone()],
            Some(OwnerRef::Id(UserId(2))),
            Ok(2),
        ),
        (
            "an unknown account_owner is a problem, not a fallback to the tree",
            vec![ada.clone(), bob.clone()],
            Some(OwnerRef::Id(UserId(77))),
            Err(TopManagerProblem::AccountOwner {
                reference: OwnerRef::Id(UserId(77)),
                problem: OwnerProblem::Unknown,
            }),
        ),
        (
            "an inactive account_owner is a problem",
            vec![ada.clone(), inactive(bob.clone())],
            Some(OwnerRef::Id(UserId(2))),
            Err(TopManagerProblem::AccountOwner {
                reference: OwnerRef::Id(UserId(2)),
                problem: OwnerProblem::Inactive(summary(2, "Bob")),
            }),
        ),
        (
            "a pool can't be the account owner",
            vec![ada.clone(), pool(9, "Pool")],
            Some(OwnerRef::Id(UserId(9))),
            Err(TopManagerProblem::AccountOwnerIsPool {
                pool: summary(9, "Pool"),
            }),
        ),
        (
            "nobody active",
            vec![inactive(ada.clone()), pool(9, "Pool")],
            None,
            Err(TopManagerProblem::NoActivePeople),
        ),
        ("no users at all", vec![], None, Err(TopManagerProblem::NoActivePeople)),
        (
            "reporting to oneself counts as no manager",
            vec![
                User {
                    reports_to: Some(UserId(1)),
                    ..ada.clone()
                },
                bob.clone(),
            ],
            None,
            Ok(1),
        ),
    ];
    for (what, users, account_owner, expected) in cases {
        assert_eq!(top(&users, account_owner), expected, "{what}");
    }
}

#[test]
fn a_long_chain_and_a_big_cycle_finish() {
    let chain: Vec<User> = (1..=2000u64)
        .map(|i| person(i, &format!("P{i}"), &format!("p{i}@x.test"), (i > 1).then(|| i - 1)))
        .collect();
    assert_eq!(top(&chain, None), Ok(1));
    let cycle: Vec<User> = (1..=500u64)
        .map(|i| {
            person(
                i,
                &format!("P{i}"),
                &format!("p{i}@x.test"),
                Some(if i == 500 { 1 } else { i + 1 }),
            )
        })
        .collect();
    assert!(matches!(top(&cycle, None), Err(TopManagerProblem::Ambiguous { candidates }) if candidates.len() == 500));
}
