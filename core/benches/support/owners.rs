//! A deterministic list of 2,000 owners and what an agent types, shared by the filter bench and the
//! `filter_timing` example so both measure the same work.

use sidebar_core::policy::owner::{OwnerChoice, OwnerKind};
use sidebar_core::sell::model::UserId;

/// How many owners the combobox is measured with (the "2,000 entries").
pub const OWNERS: usize = 2_000;

const FIRST: [&str; 16] = [
    "Ada", "Max", "Nora", "Sofia", "Tom", "Zoë", "Jürgen", "Ana", "Łukasz", "Chloé", "Søren",
    "Omar", "Mei", "Ivan", "Beatriz", "Kwame",
];
const LAST: [&str; 16] = [
    "Owner",
    "North",
    "South",
    "Straße",
    "Dvořák",
    "Nowak",
    "García",
    "Müller",
    "O'Brien",
    "Okafor",
    "Lindqvist",
    "Tanaka",
    "Rossi",
    "Silva",
    "Kowalski",
    "Haddad",
];

/// People first, then a few pools, as the owner policy sorts them; every name and email distinct.
pub fn owners() -> Vec<OwnerChoice> {
    (0..OWNERS)
        .map(|i| {
            let first = FIRST[i % FIRST.len()];
            let last = LAST[(i / FIRST.len()) % LAST.len()];
            let pool = i >= OWNERS - 20;
            OwnerChoice {
                id: UserId(10_000 + i as u64),
                label: if pool {
                    format!("Pool {last} {i}")
                } else {
                    format!("{first} {last} {i}")
                },
                kind: if pool {
                    OwnerKind::Pool
                } else {
                    OwnerKind::Person
                },
                email: (!pool).then(|| format!("{}.{}{i}@acme.test", first.to_lowercase(), i % 7)),
            }
        })
        .collect()
}

/// The query after each keystroke of an agent typing a name with an accent left out.
pub fn keystrokes() -> Vec<String> {
    let typed = "zoe strasse 1";
    (1..=typed.len()).map(|n| typed[..n].to_string()).collect()
}
