use super::*;
use crate::sell::directory::fixtures::{inactive, person, pool, seed_users};
use crate::sell::directory::UserSummary;

/// What the form shows, reduced to what a test reads: the owner ids offered, or the problem.
#[derive(Debug, PartialEq)]
enum Shown {
    Fixed(u64, FixedBecause),
    Choose(Vec<u64>, Option<u64>),
    Blocked(OwnerSetupProblem),
}

fn shown(field: OwnerField) -> Shown {
    match field {
        OwnerField::Fixed { owner, because } => Shown::Fixed(owner.id.0, because),
        OwnerField::Choose { options, preselected } => {
            Shown::Choose(options.iter().map(|o| o.id.0).collect(), preselected.map(|p| p.0))
        }
        OwnerField::Blocked { problem } => Shown::Blocked(problem),
    }
}

fn settings(access: AccessMode, owners: &[OwnerRef], checkbox: bool, account_owner: Option<OwnerRef>) -> Settings {
    Settings {
        access,
        owners: owners.to_vec(),
        agents_assign_owner: checkbox,
        account_owner,
        ..Settings::default()
    }
}

fn id(n: u64) -> OwnerRef {
    OwnerRef::Id(UserId(n))
}
fn email(e: &str) -> OwnerRef {
    OwnerRef::Email(e.into())
}
fn name(n: &str) -> OwnerRef {
    OwnerRef::Name(n.into())
}
fn summary(id: u64, name: &str) -> UserSummary {
    UserSummary {
        id: UserId(id),
        name: name.into(),
    }
}

const ONLY: AccessMode = AccessMode::SellUsersOnly;
const ALL: AccessMode = AccessMode::AllAgents;

/// People by name (Ada, Max, Nora, Sofia, Tom), then pools by name (Enterprise, Inbound). Ivan is
/// inactive and never offered.
const EVERYONE: [u64; 7] = [1, 2, 3, 4, 5, 8, 7];

#[test]
fn the_owner_rules_on_the_seed_account() {
    let users = seed_users();
    let nora = users.iter().find(|u| u.id == UserId(3));
    let ivan = users.iter().find(|u| u.id == UserId(6));
    use FixedBecause::*;
    let cases: Vec<(&str, Settings, Option<&User>, Shown)> = vec![
        // The product rules.
        (
            "several owners: the agent picks one of them, in the admin's order",
            settings(ALL, &[id(5), name("Inbound pool"), email("max@acme.test")], false, None),
            None,
            Shown::Choose(vec![5, 7, 2], None),
        ),
        (
            "exactly one owner: no dropdown",
            settings(ALL, &[name("Enterprise pool")], false, None),
            None,
            Shown::Fixed(8, ConfiguredOwner),
        ),
        (
            "exactly one owner, in Sell users only mode too",
            settings(ONLY, &[id(4)], false, None),
            nora,
            Shown::Fixed(4, ConfiguredOwner),
        ),
        (
            "checkbox: all active people and all pools",
            settings(ALL, &[], true, None),
            None,
            Shown::Choose(EVERYONE.to_vec(), None),
        ),
        (
            "checkbox in Sell users only mode: the same list",
            settings(ONLY, &[], true, None),
            nora,
            Shown::Choose(EVERYONE.to_vec(), None),
        ),
        (
            "no owners, Sell users only: the creating agent",
            settings(ONLY, &[], false, None),
            nora,
            Shown::Fixed(3, Creator),
        ),
        (
            "no owners, all agents: the top-most manager",
            settings(ALL, &[], false, None),
            None,
            Shown::Fixed(1, TopMostManager),
        ),
        (
            "no owners, all agents: account_owner names the manager",
            settings(ALL, &[], false, Some(email("sofia@acme.test"))),
            None,
            Shown::Fixed(4, TopMostManager),
        ),
        // Our decisions where the rules are silent.
        (
            "checkbox and one owner: everyone offered, that owner preselected",
            settings(ALL, &[id(5)], true, None),
            None,
            Shown::Choose(EVERYONE.to_vec(), Some(5)),
        ),
        (
            "checkbox and several owners: everyone offered, nothing preselected",
            settings(ALL, &[id(5), id(7)], true, None),
            None,
            Shown::Choose(EVERYONE.to_vec(), None),
        ),
        (
            "the same owner by id and by email counts once",
            settings(ALL, &[id(2), email("MAX@acme.test")], false, None),
            None,
            Shown::Fixed(2, ConfiguredOwner),
        ),
        (
            "no owners, all agents: the agent's own Sell user plays no part",
            settings(ALL, &[], false, None),
            nora,
            Shown::Fixed(1, TopMostManager),
        ),
        (
            "a configured owner wins over the creator in Sell users only mode",
            settings(ONLY, &[id(7), id(8)], false, None),
            nora,
            Shown::Choose(vec![7, 8], None),
        ),
        (
            "no owners, Sell users only, and no Sell user: blocked",
            settings(ONLY, &[], false, None),
            None,
            Shown::Blocked(OwnerSetupProblem::AgentNotASellUser),
        ),
        (
            "no owners, Sell users only, and an inactive Sell user: blocked",
            settings(ONLY, &[], false, None),
            ivan,
            Shown::Blocked(OwnerSetupProblem::AgentNotASellUser),
        ),
        (
            "one unknown owner among several: blocked, not skipped",
            settings(ALL, &[id(2), id(99), id(3)], false, None),
            None,
            Shown::Blocked(OwnerSetupProblem::ConfiguredOwners(vec![(
                id(99),
                OwnerProblem::Unknown,
            )])),
        ),
        (
            "an inactive owner: blocked, naming the user",
            settings(ALL, &[email("ivan@acme.test")], false, None),
            None,
            Shown::Blocked(OwnerSetupProblem::ConfiguredOwners(vec![(
                email("ivan@acme.test"),
                OwnerProblem::Inactive(summary(6, "Ivan Inactive")),
            )])),
        ),
        (
            "every bad owner is listed at once",
            settings(ALL, &[name("Nobody"), id(6)], false, None),
            None,
            Shown::Blocked(OwnerSetupProblem::ConfiguredOwners(vec![
                (name("Nobody"), OwnerProblem::Unknown),
                (id(6), OwnerProblem::Inactive(summary(6, "Ivan Inactive"))),
            ])),
        ),
        (
            "a bad owner blocks even with the checkbox on",
            settings(ALL, &[id(99)], true, None),
            None,
            Shown::Blocked(OwnerSetupProblem::ConfiguredOwners(vec![(
                id(99),
                OwnerProblem::Unknown,
            )])),
        ),
        (
            "an account_owner that names nobody blocks, naming account_owner",
            settings(ALL, &[], false, Some(id(99))),
            None,
            Shown::Blocked(OwnerSetupProblem::TopManager(TopManagerProblem::AccountOwner {
                reference: id(99),
                problem: OwnerProblem::Unknown,
            })),
        ),
        (
            "a bad account_owner doesn't matter when owners are configured",
            settings(ALL, &[id(2)], false, Some(id(99))),
            None,
            Shown::Fixed(2, ConfiguredOwner),
        ),
    ];
    for (what, settings, agent, expected) in cases {
        assert_eq!(shown(owner_field_for(&settings, agent, &users)), expected, "{what}");
    }
}

#[test]
fn an_unclear_hierarchy_without_account_owner_blocks_in_all_agents_mode() {
    let users = vec![
        person(1, "Ada", "ada@x.test", None),
        person(2, "Bob", "bob@x.test", None),
        pool(9, "Pool"),
    ];
    assert_eq!(
        shown(owner_field_for(&settings(ALL, &[], false, None), None, &users)),
        Shown::Blocked(OwnerSetupProblem::TopManager(TopManagerProblem::Ambiguous {
            candidates: vec![summary(1, "Ada"), summary(2, "Bob")]
        }))
    );
    assert_eq!(
        shown(owner_field_for(&settings(ALL, &[], false, Some(id(2))), None, &users)),
        Shown::Fixed(2, FixedBecause::TopMostManager)
    );
}

#[test]
fn the_checkbox_with_nobody_active_blocks() {
    let users = vec![
        inactive(person(1, "Ada", "ada@x.test", None)),
        inactive(pool(9, "Pool")),
    ];
    assert_eq!(
        shown(owner_field_for(&settings(ALL, &[], true, None), None, &users)),
        Shown::Blocked(OwnerSetupProblem::NobodyToChoose)
    );
}

#[test]
fn choices_carry_label_kind_and_email() {
    let users = seed_users();
    let field = owner_field_for(&settings(ALL, &[id(3), id(7)], false, None), None, &users);
    let OwnerField::Choose { options, .. } = field else {
        panic!("expected a choice, got {field:?}")
    };
    assert_eq!(
        options,
        vec![
            OwnerChoice {
                id: UserId(3),
                label: "Nora North".into(),
                kind: OwnerKind::Person,
                email: Some("nora@acme.test".into())
            },
            OwnerChoice {
                id: UserId(7),
                label: "Inbound pool".into(),
                kind: OwnerKind::Pool,
                email: None
            },
        ]
    );
    let nameless = User {
        name: " ".into(),
        ..person(4, "", "x@y.test", None)
    };
    assert_eq!(OwnerChoice::from_user(&nameless).label, "x@y.test");
    assert_eq!(
        OwnerChoice::from_user(&User {
            email: None,
            ..nameless
        })
        .label,
        "#4"
    );
}

#[test]
fn the_form_starts_with_the_fixed_or_preselected_owner() {
    let users = seed_users();
    let fixed = owner_field_for(&settings(ALL, &[id(5)], false, None), None, &users);
    assert_eq!(fixed.initial_owner(), Some(UserId(5)));
    assert!(fixed.allows(UserId(5)) && !fixed.allows(UserId(4)));
    let choose = owner_field_for(&settings(ALL, &[id(5)], true, None), None, &users);
    assert_eq!(choose.initial_owner(), Some(UserId(5)));
    assert!(
        choose.allows(UserId(7)) && !choose.allows(UserId(6)),
        "inactive Ivan is never allowed"
    );
    let blocked = owner_field_for(&settings(ALL, &[id(99)], false, None), None, &users);
    assert_eq!(blocked.initial_owner(), None);
    assert!(!blocked.allows(UserId(1)));
}
