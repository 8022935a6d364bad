//! The emulated Sell account's data: every record, the seed tokens and the pools' round-robin
//! counters. This is what `/_emu/state` shows and what persistence writes to disk.

use super::records::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Store {
    pub account: Account,
    pub users: Vec<User>,
    /// Personal access token of each user that has one (pools have none).
    pub tokens: BTreeMap<String, UserId>,
    pub pools: Vec<Pool>,
    pub lead_statuses: Vec<LeadStatus>,
    pub lead_sources: Vec<LeadSource>,
    pub pipelines: Vec<Pipeline>,
    pub stages: Vec<Stage>,
    pub leads: Vec<Lead>,
    pub contacts: Vec<Contact>,
    pub deals: Vec<Deal>,
    /// Names of the custom fields defined for leads; a create naming another one is refused.
    pub lead_custom_fields: Vec<String>,
}

impl Store {
    pub fn user(&self, id: UserId) -> Option<&User> {
        self.users.iter().find(|u| u.id == id)
    }

    pub fn user_by_token(&self, token: &str) -> Option<&User> {
        self.tokens.get(token).and_then(|id| self.user(*id))
    }

    pub fn token_of(&self, id: UserId) -> Option<&str> {
        self.tokens
            .iter()
            .find(|(_, uid)| **uid == id)
            .map(|(t, _)| t.as_str())
    }

    pub fn next_lead_id(&self) -> LeadId {
        LeadId(self.leads.iter().map(|l| l.id.0).max().unwrap_or(1000) + 1)
    }

    pub fn next_contact_id(&self) -> ContactId {
        ContactId(self.contacts.iter().map(|c| c.id.0).max().unwrap_or(2000) + 1)
    }

    pub fn next_deal_id(&self) -> DealId {
        DealId(self.deals.iter().map(|d| d.id.0).max().unwrap_or(3000) + 1)
    }

    pub fn next_stage_id(&self) -> StageId {
        StageId(self.stages.iter().map(|s| s.id.0).max().unwrap_or(6000) + 1)
    }

    pub fn next_source_id(&self) -> SourceId {
        SourceId(
            self.lead_sources
                .iter()
                .map(|s| s.id.0)
                .max()
                .unwrap_or(4000)
                + 1,
        )
    }
}
