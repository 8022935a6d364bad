//! The Sell emulator's seed users (docs/CONTRACTS.md), for the policy tests.

use crate::sell::model::{User, UserId, UserStatus};

pub(crate) fn person(id: u64, name: &str, email: &str, reports_to: Option<u64>) -> User {
    User {
        id: UserId(id),
        name: name.into(),
        email: Some(email.into()),
        role: Some("user".into()),
        status: UserStatus::Active,
        team_name: None,
        reports_to: reports_to.map(UserId),
        identity_type: Some("person".into()),
        system_tags: vec![],
        confirmed: Some(true),
        created_at: None,
        source: crate::json::Json::Null,
    }
}

pub(crate) fn pool(id: u64, name: &str) -> User {
    User {
        email: None,
        identity_type: Some("integration".into()),
        system_tags: vec!["distribution_pool".into()],
        confirmed: Some(false),
        ..person(id, name, "", Some(1))
    }
}

pub(crate) fn inactive(user: User) -> User {
    User {
        status: UserStatus::Inactive,
        ..user
    }
}

/// Ada (1) at the top; Max (2) and Sofia (4) below her; Nora (3) under Max, Tom (5) under Sofia;
/// Ivan (6) inactive under Max; pools 7 and 8.
pub(crate) fn seed_users() -> Vec<User> {
    vec![
        User {
            role: Some("admin".into()),
            ..person(1, "Ada Owner", "ada@acme.test", None)
        },
        person(2, "Max North", "max@acme.test", Some(1)),
        person(3, "Nora North", "nora@acme.test", Some(2)),
        person(4, "Sofia South", "sofia@acme.test", Some(1)),
        person(5, "Tom South", "tom@acme.test", Some(4)),
        inactive(person(6, "Ivan Inactive", "ivan@acme.test", Some(2))),
        pool(7, "Inbound pool"),
        pool(8, "Enterprise pool"),
    ]
}
