//! Who sees Sell data, and with which credential each request is made.
//!
//! *All agents*: every agent sees leads, contacts and deals through the installation's token.
//! *Sell users only*: an agent sees Sell data only as an active Sell user, with their own token, so
//! Sell itself limits them to the records they may see. Until the agent is known to be an active Sell
//! user, no customer data is requested at all: only the lookup of the agent's own Sell user.

use crate::sell::error::SellError;
use crate::sell::model::UserId;
use crate::settings::AccessMode;

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
    /// *All agents* mode: everything, through the installation token.
    AllAgents,
    /// *Sell users only*, and the agent is this active Sell user: their own visibility and token.
    AsSellUser { user_id: UserId },
    /// *Sell users only*: look the agent's email up among Sell users before anything else.
    NeedsSellUserLookup { email: String },
    /// *Sell users only*: the agent has no Sell user with their email.
    NoSellAccount,
    /// *Sell users only*: the agent's Sell user is deactivated.
    InactiveSellUser,
    /// *Sell users only*: Support gave no email for the agent, so they can't be matched to Sell.
    NoAgentEmail,
    /// *Sell users only*: the lookup failed; say why (a bad token is not a bad connection), offer a
    /// retry where one can help, show nothing meanwhile.
    LookupFailed(SellError),
}

/// The one rule of who sees what. `agent_email` is the Support agent's email as Support reports it.
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
                SellUserLookup::Active(user_id) => Access::AsSellUser { user_id },
                SellUserLookup::Inactive(_) => Access::InactiveSellUser,
                SellUserLookup::NotFound => Access::NoSellAccount,
                SellUserLookup::Failed(error) => Access::LookupFailed(error),
            }
        }
    }
}

impl Access {
    /// Whether leads, contacts and deals may be requested (and leads created).
    pub fn sees_customer_data(&self) -> bool {
        matches!(self, Access::AllAgents | Access::AsSellUser { .. })
    }
}

/// Which token a Sell request carries. The values are ZAF placeholders, filled in by the ZAF proxy, so
/// no token ever reaches the app's JavaScript.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Credential {
    /// The installation's personal access token (`sell_api_token`, secure).
    InstallationToken,
    /// The agent's own Sell OAuth token (`sell_user_token`).
    AgentToken,
}

impl Credential {
    pub fn placeholder(self) -> &'static str {
        match self {
            Credential::InstallationToken => "{{setting.sell_api_token}}",
            Credential::AgentToken => "{{setting.sell_user_token}}",
        }
    }

    /// The `Authorization` header value.
    pub fn authorization_header(self) -> String {
        format!("Bearer {}", self.placeholder())
    }
}

/// What a request is for, as far as access is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestPurpose {
    /// Finding the agent's own Sell user by email (`GET /v2/users?email=`).
    AgentLookup,
    /// Users, pools, lead statuses and sources, stages: account setup, not customer records.
    Directory,
    /// Creating the configured lead source when it doesn't exist yet: an admin's decision, so made
    /// with the installation token even when the agent's own Sell role couldn't.
    CreateLeadSource,
    /// Leads, contacts, deals, and creating a lead.
    CustomerData,
}

/// The credential a request uses, or `None` when the agent may not make it at all.
///
/// Customer data in *Sell users only* mode goes out with the agent's own token so Sell applies their
/// visibility; everything else the app needs to work (the lookup, the directory) uses the installation
/// token, since a per-agent OAuth token may lack the `profile` scope that `/v2/users` needs.
pub fn credential_for(access: &Access, purpose: RequestPurpose) -> Option<Credential> {
    match (access, purpose) {
        (Access::AllAgents, _) => Some(Credential::InstallationToken),
        (_, RequestPurpose::AgentLookup) => Some(Credential::InstallationToken),
        (Access::AsSellUser { .. }, RequestPurpose::CustomerData) => Some(Credential::AgentToken),
        (Access::AsSellUser { .. }, RequestPurpose::Directory | RequestPurpose::CreateLeadSource) => {
            Some(Credential::InstallationToken)
        }
        // Not (yet) an active Sell user: nothing but the lookup.
        (
            Access::NeedsSellUserLookup { .. }
            | Access::NoSellAccount
            | Access::InactiveSellUser
            | Access::NoAgentEmail
            | Access::LookupFailed(_),
            _,
        ) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
            (
                SellUsersOnly,
                "nora@acme.test",
                Active(NORA),
                Access::AsSellUser { user_id: NORA },
            ),
            (
                SellUsersOnly,
                "ivan@acme.test",
                Inactive(UserId(6)),
                Access::InactiveSellUser,
            ),
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
            assert_eq!(
                access_for(mode, email, lookup.clone()),
                expected,
                "{mode:?} {email:?} {lookup:?}"
            );
        }
    }

    #[test]
    fn which_credential_each_request_uses() {
        use Credential::*;
        use RequestPurpose::*;
        let as_nora = Access::AsSellUser { user_id: NORA };
        let cases: Vec<(Access, RequestPurpose, Option<Credential>)> = vec![
            (Access::AllAgents, CustomerData, Some(InstallationToken)),
            (Access::AllAgents, Directory, Some(InstallationToken)),
            (Access::AllAgents, CreateLeadSource, Some(InstallationToken)),
            (Access::AllAgents, AgentLookup, Some(InstallationToken)),
            (as_nora.clone(), CustomerData, Some(AgentToken)),
            (as_nora.clone(), Directory, Some(InstallationToken)),
            (as_nora.clone(), CreateLeadSource, Some(InstallationToken)),
            (as_nora, AgentLookup, Some(InstallationToken)),
        ];
        for (access, purpose, expected) in cases {
            assert_eq!(credential_for(&access, purpose), expected, "{access:?} {purpose:?}");
        }
    }

    #[test]
    fn until_the_agent_is_an_active_sell_user_only_the_lookup_is_allowed() {
        let not_yet = [
            Access::NeedsSellUserLookup {
                email: "nora@acme.test".into(),
            },
            Access::NoSellAccount,
            Access::InactiveSellUser,
            Access::NoAgentEmail,
            Access::LookupFailed(SellError::Timeout),
        ];
        for access in not_yet {
            assert!(!access.sees_customer_data(), "{access:?}");
            assert_eq!(
                credential_for(&access, RequestPurpose::AgentLookup),
                Some(Credential::InstallationToken)
            );
            for purpose in [
                RequestPurpose::CustomerData,
                RequestPurpose::Directory,
                RequestPurpose::CreateLeadSource,
            ] {
                assert_eq!(credential_for(&access, purpose), None, "{access:?} {purpose:?}");
            }
        }
        assert!(Access::AllAgents.sees_customer_data());
        assert!(Access::AsSellUser { user_id: NORA }.sees_customer_data());
    }

    #[test]
    fn credentials_are_zaf_placeholders_never_tokens() {
        assert_eq!(
            Credential::InstallationToken.authorization_header(),
            "Bearer {{setting.sell_api_token}}"
        );
        assert_eq!(
            Credential::AgentToken.authorization_header(),
            "Bearer {{setting.sell_user_token}}"
        );
    }
}
