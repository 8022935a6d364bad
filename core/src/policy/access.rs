//! Who sees Sell data, decided in steps as the answers come in.
//!
//! | mode | the agent | access |
//! |---|---|---|
//! | All agents | anyone | every record |
//! | Sell users only | no email in Support | none: can't be matched to Sell |
//! | Sell users only | not looked up yet | look the agent's own Sell user up by email, and nothing else |
//! | Sell users only | no Sell user with that email | none |
//! | Sell users only | an inactive Sell user | none |
//! | Sell users only | an active Sell user | read the user directory, then `visibility::visible_owners` |
//! | Sell users only | the lookup or the directory failed | none yet; say why, retry where it helps |
//!
//! Every request carries the installation's one token (Zendesk has no per-agent credential), so
//! until the agent is known to be an active Sell user the app asks Sell for nothing but that agent's
//! own user record: no directory, no customer data.

use super::visibility::{visible_owners, Visibility, EVERYTHING};
use crate::sell::error::SellError;
use crate::sell::model::{User, UserId};
use crate::settings::{AccessMode, OwnerRef};

/// What we know about the agent's Sell user, looked up by their Support email.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SellUserLookup {
    NotLookedUp,
    Active(UserId),
    Inactive(UserId),
    NotFound,
    /// The lookup request failed (network, 5xx, bad token): we can't tell yet; why, for the message.
    Failed(SellError),
}

/// What the agent gets to see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access {
    /// *All agents* mode: every record.
    AllAgents,
    /// *Sell users only*: this active Sell user, seeing what `visibility` allows.
    AsSellUser { user_id: UserId, visibility: Visibility },
    /// *Sell users only*: look the agent's email up among Sell users before anything else.
    NeedsSellUserLookup { email: String },
    /// *Sell users only*: the agent is this active Sell user; the directory decides what they see.
    NeedsDirectory { user_id: UserId },
    /// *Sell users only*: the agent has no Sell user with their email.
    NoSellAccount,
    /// *Sell users only*: the agent's Sell user is deactivated.
    InactiveSellUser,
    /// *Sell users only*: Support gave no email for the agent, so they can't be matched to Sell.
    NoAgentEmail,
    /// *Sell users only*: the lookup or the directory failed; say why (a bad token is not a bad
    /// connection), offer a retry where one can help, show nothing meanwhile.
    LookupFailed(SellError),
}

/// The first steps: the mode, the agent's email, and the agent's own Sell user once looked up.
/// `agent_email` is the Support agent's email as Support reports it.
pub fn access_for(mode: AccessMode, agent_email: &str, lookup: SellUserLookup) -> Access {
    match mode {
        AccessMode::AllAgents => Access::AllAgents,
        AccessMode::SellUsersOnly => {
            let email = agent_email.trim();
            if email.is_empty() {
                return Access::NoAgentEmail;
            }
            match lookup {
                SellUserLookup::NotLookedUp => Access::NeedsSellUserLookup {
                    email: email.to_string(),
                },
                SellUserLookup::Active(user_id) => Access::NeedsDirectory { user_id },
                SellUserLookup::Inactive(_) => Access::InactiveSellUser,
                SellUserLookup::NotFound => Access::NoSellAccount,
                SellUserLookup::Failed(error) => Access::LookupFailed(error),
            }
        }
    }
}

/// The last step of *Sell users only*: with Sell's users read, what the agent may see. Any other
/// access is returned as it is.
pub fn with_directory(access: Access, directory: Result<&[User], SellError>, full_access: &[OwnerRef]) -> Access {
    match (access, directory) {
        (Access::NeedsDirectory { user_id }, Ok(users)) => Access::AsSellUser {
            user_id,
            visibility: visible_owners(users, user_id, full_access),
        },
        // Without the directory nobody can tell what the agent may see: nothing rather than a guess.
        (Access::NeedsDirectory { .. }, Err(error)) => Access::LookupFailed(error),
        (other, _) => other,
    }
}

impl Access {
    /// Whether any customer data may be requested (and leads created).
    pub fn sees_customer_data(&self) -> bool {
        self.visibility().is_some()
    }

    /// Whose records the agent may see; `None` while they may see none.
    pub fn visibility(&self) -> Option<&Visibility> {
        match self {
            Access::AllAgents => Some(&EVERYTHING),
            Access::AsSellUser { visibility, .. } => Some(visibility),
            _ => None,
        }
    }

    /// Whether a record with this owner may be shown to the agent.
    pub fn sees(&self, owner: Option<UserId>) -> bool {
        self.visibility().is_some_and(|v| v.sees(owner))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sell::directory::fixtures::seed_users;
    use AccessMode::*;
    use SellUserLookup::*;

    const NORA: UserId = UserId(3);

    #[test]
    fn who_sees_what() {
        let lookup_nora = || Access::NeedsSellUserLookup {
            email: "nora@acme.test".into(),
        };
        let cases: Vec<(AccessMode, &str, SellUserLookup, Access)> = vec![
            // All agents: the lookup doesn't matter, not even a failed one or a missing email.
            (AllAgents, "zed@acme.test", NotLookedUp, Access::AllAgents),
            (AllAgents, "zed@acme.test", NotFound, Access::AllAgents),
            (AllAgents, "ivan@acme.test", Inactive(UserId(6)), Access::AllAgents),
            (AllAgents, "nora@acme.test", Active(NORA), Access::AllAgents),
            (AllAgents, "nora@acme.test", Failed(SellError::Timeout), Access::AllAgents),
            (AllAgents, "", NotLookedUp, Access::AllAgents),
            // Sell users only: the lookup decides.
            (SellUsersOnly, "nora@acme.test", NotLookedUp, lookup_nora()),
            (SellUsersOnly, "  nora@acme.test ", NotLookedUp, lookup_nora()),
            (SellUsersOnly, "nora@acme.test", Active(NORA), Access::NeedsDirectory { user_id: NORA }),
            (SellUsersOnly, "ivan@acme.test", Inactive(UserId(6)), Access::InactiveSellUser),
            (SellUsersOnly, "zed@acme.test", NotFound, Access::NoSellAccount),
            (
                SellUsersOnly,
                "nora@acme.test",
                Failed(SellError::Unauthorized),
                Access::LookupFailed(SellError::Unauthorized),
            ),
            (SellUsersOnly, "", NotLookedUp, Access::NoAgentEmail),
            (SellUsersOnly, "   ", Active(NORA), Access::NoAgentEmail),
        ];
        for (mode, email, lookup, expected) in cases {
            assert_eq!(access_for(mode, email, lookup.clone()), expected, "{mode:?} {email:?} {lookup:?}");
        }
    }

    #[test]
    fn the_directory_decides_what_an_active_sell_user_sees() {
        let users = seed_users();
        let nora = with_directory(Access::NeedsDirectory { user_id: NORA }, Ok(&users), &[]);
        assert_eq!(
            nora,
            Access::AsSellUser {
                user_id: NORA,
                visibility: Visibility::Owners([NORA].into())
            }
        );
        assert!(nora.sees(Some(NORA)));
        assert!(!nora.sees(Some(UserId(5))), "Tom's records");
        assert!(!nora.sees(None));
    }

    #[test]
    fn without_the_directory_an_active_user_sees_nothing_yet() {
        let failed = with_directory(Access::NeedsDirectory { user_id: NORA }, Err(SellError::Timeout), &[]);
        assert_eq!(failed, Access::LookupFailed(SellError::Timeout));
        assert!(!failed.sees_customer_data());
    }

    #[test]
    fn other_steps_pass_the_directory_by() {
        let users = seed_users();
        for access in [Access::AllAgents, Access::NoSellAccount, Access::InactiveSellUser] {
            assert_eq!(with_directory(access.clone(), Ok(&users), &[]), access);
        }
    }

    #[test]
    fn until_the_agent_is_an_active_sell_user_with_a_directory_nothing_is_seen() {
        let not_yet = [
            Access::NeedsSellUserLookup {
                email: "nora@acme.test".into(),
            },
            Access::NeedsDirectory { user_id: NORA },
            Access::NoSellAccount,
            Access::InactiveSellUser,
            Access::NoAgentEmail,
            Access::LookupFailed(SellError::Timeout),
        ];
        for access in not_yet {
            assert!(!access.sees_customer_data(), "{access:?}");
            assert!(!access.sees(Some(NORA)), "{access:?}");
        }
        assert!(Access::AllAgents.sees_customer_data());
        assert!(Access::AllAgents.sees(None), "All agents: even records without an owner");
    }
}
