//! Entries of `lead_owners` and `account_owner`: a Sell user id, a user's email, or a name (a
//! distribution pool's or a user's). Which user an entry means is decided later, against the user
//! list, in `sell::directory::Directory::resolve`.

use crate::text::Lowercased;
use super::problem::{preview, EntryProblem};
use crate::sell::model::UserId;

/// How the admin named an owner.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum OwnerRef {
    Id(UserId),
    /// Trimmed and lowercased: Sell emails compare case-insensitively.
    Email(String),
    /// Trimmed, inner whitespace collapsed; compared case-insensitively.
    Name(String),
}

impl std::fmt::Display for OwnerRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OwnerRef::Id(id) => write!(f, "{id}"),
            OwnerRef::Email(email) | OwnerRef::Name(email) => f.write_str(email),
        }
    }
}

/// Longer than any user or pool name an admin would type; longer entries are likely pasted junk.
const MAX_NAME_CHARS: usize = 200;

/// One entry, already trimmed and non-empty.
pub fn parse_owner_ref(entry: &str) -> Result<OwnerRef, EntryProblem> {
    if entry.chars().all(|c| c.is_ascii_digit()) {
        return match entry.parse::<u64>() {
            Ok(0) => Err(EntryProblem::ZeroId),
            Ok(id) => Ok(OwnerRef::Id(UserId(id))),
            Err(_) => Err(EntryProblem::IdTooLarge),
        };
    }
    if entry.contains('@') {
        return if is_email_shaped(entry) {
            Ok(OwnerRef::Email(entry.lowercased()))
        } else {
            Err(EntryProblem::MalformedEmail)
        };
    }
    let name = crate::text::collapse_spaces(entry);
    let plausible = name.chars().any(crate::text::is_wordlike)
        && name.chars().count() <= MAX_NAME_CHARS
        && !name.chars().any(char::is_control);
    if plausible {
        Ok(OwnerRef::Name(name))
    } else {
        Err(EntryProblem::NotAName)
    }
}

/// `local@domain.tld` with no spaces: enough to catch typos; Sell is the judge of real addresses.
pub fn is_email_shaped(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let no_space = !text.chars().any(|c| c.is_whitespace() || c.is_control());
    let domain_ok = domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !crate::text::contains(domain, "..")
        && !domain.contains('@');
    no_space && !local.is_empty() && domain_ok
}

/// A list as the admin typed it: comma or newline separated, blanks skipped, duplicates dropped
/// (the first one wins). Bad entries come back separately, quoted, so the admin can find them.
pub fn parse_owner_list(text: &str) -> (Vec<OwnerRef>, Vec<(String, EntryProblem)>) {
    let mut refs: Vec<OwnerRef> = Vec::new();
    let mut problems = Vec::new();
    for entry in text.split([',', '\n', '\r']).map(str::trim).filter(|e| !e.is_empty()) {
        match parse_owner_ref(entry) {
            Ok(owner) => {
                if !refs.iter().any(|known| same_ref(known, &owner)) {
                    refs.push(owner);
                }
            }
            Err(reason) => problems.push((preview(entry, 60), reason)),
        }
    }
    (refs, problems)
}

fn same_ref(a: &OwnerRef, b: &OwnerRef) -> bool {
    match (a, b) {
        (OwnerRef::Id(a), OwnerRef::Id(b)) => a == b,
        (OwnerRef::Email(a), OwnerRef::Email(b)) => a == b,
        (OwnerRef::Name(a), OwnerRef::Name(b)) => a.lowercased() == b.lowercased(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(n: &str) -> OwnerRef {
        OwnerRef::Name(n.into())
    }
    fn email(e: &str) -> OwnerRef {
        OwnerRef::Email(e.into())
    }

    #[test]
    fn reads_each_kind_of_entry() {
        let cases: &[(&str, Result<OwnerRef, EntryProblem>)] = &[
            ("7", Ok(OwnerRef::Id(UserId(7)))),
            ("007", Ok(OwnerRef::Id(UserId(7)))),
            ("0", Err(EntryProblem::ZeroId)),
            ("99999999999999999999999", Err(EntryProblem::IdTooLarge)),
            ("Max@Acme.test", Ok(email("max@acme.test"))),
            ("max@acme", Err(EntryProblem::MalformedEmail)),
            ("@acme.test", Err(EntryProblem::MalformedEmail)),
            ("max@@acme.test", Err(EntryProblem::MalformedEmail)),
            ("max @acme.test", Err(EntryProblem::MalformedEmail)),
            ("max@acme.test.", Err(EntryProblem::MalformedEmail)),
            ("Inbound pool", Ok(name("Inbound pool"))),
            ("Inbound   pool", Ok(name("Inbound pool"))),
            ("12 Monkeys", Ok(name("12 Monkeys"))),
            ("-5", Ok(name("-5"))),
            ("عمر الفاروق", Ok(name("عمر الفاروق"))),
            ("---", Err(EntryProblem::NotAName)),
            ("!!", Err(EntryProblem::NotAName)),
        ];
        for (entry, expected) in cases {
            assert_eq!(parse_owner_ref(entry), *expected, "entry {entry:?}");
        }
        assert_eq!(parse_owner_ref(&"x".repeat(201)), Err(EntryProblem::NotAName));
    }

    #[test]
    fn splits_on_commas_and_newlines_skipping_blanks_and_duplicates() {
        let (refs, problems) =
            parse_owner_list(" 2, max@acme.test\n\r\nInbound pool,, 2 ,MAX@acme.test, inbound POOL,0\n");
        assert_eq!(
            refs,
            vec![OwnerRef::Id(UserId(2)), email("max@acme.test"), name("Inbound pool")]
        );
        assert_eq!(problems, vec![("0".to_string(), EntryProblem::ZeroId)]);
    }

    #[test]
    fn an_empty_list_is_no_owners_and_no_problem() {
        for text in ["", "  ", ",\n,", "\r\n"] {
            assert_eq!(parse_owner_list(text), (vec![], vec![]), "{text:?}");
        }
    }
}
