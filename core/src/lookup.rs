//! The requester lookup, as pure logic: which Sell requests to make for a requester's email, and what
//! the answers mean for the sidebar.
//!
//! Steps:
//! 1. `LookupPlan::step1`: leads and contacts with the requester's email (two requests).
//! 2. `LookupPlan::step2`: for every matched contact, its deals and its organization's deals, plus the
//!    organization records for their names; requests deduplicated.
//!    Only records the agent may see take part: `Records` keeps the visible ones of each step (and
//!    counts the leads and contacts held back), and step 2 asks only about visible contacts.
//! 3. `ReferenceLists::needed`: users for owner names when anything was found, stages only when there
//!    are deals, lead sources only when a lead is shown.
//! 4. `combine`: the outcome the sidebar shows.
//!
//! What counts as one person: at most one lead and at most one contact with the email is one person,
//! shown as a lead card and a contact card together (Bea: a lead not yet converted, and a contact).
//! Several leads or several contacts with the same email are different records the agent must choose
//! between (Dana: two contacts owned by different people), so the outcome is `Several`.

pub mod bounded;

use crate::policy::fields::{contact_display_name, lead_display_name, sort_deals, Names};
use crate::policy::visibility::Visibility;
use crate::sell::model::{Contact, ContactId, Deal, DealId, Lead, LeadId, UserId};
use crate::sell::requests::{self, SellRequest};
use std::collections::HashSet;

/// The lookup for one requester email.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LookupPlan {
    email: String,
}

impl LookupPlan {
    /// None when there is no email to look up (the sidebar then offers the manual search).
    pub fn for_email(email: &str) -> Option<LookupPlan> {
        let email = email.trim();
        let (local, domain) = email.split_once('@')?;
        if local.is_empty() || domain.is_empty() || email.chars().any(char::is_whitespace) {
            return None;
        }
        Some(LookupPlan {
            email: email.to_string(),
        })
    }

    pub fn email(&self) -> &str {
        &self.email
    }

    /// Leads and contacts with this email.
    pub fn step1(&self) -> Vec<SellRequest> {
        vec![
            requests::leads_by_email(&self.email),
            requests::contacts_by_email(&self.email),
        ]
    }

    /// Deals of each matched contact and of its organization, and the organization records not
    /// already among the matches. Empty when no contact matched.
    pub fn step2(&self, contacts: &[Contact]) -> Vec<SellRequest> {
        let mut out: Vec<SellRequest> = Vec::new();
        let mut push = |request: SellRequest| {
            if !out.contains(&request) {
                out.push(request);
            }
        };
        for contact in contacts {
            push(requests::deals_by_contact(contact.id));
            if let Some(organization) = organization_id(contact) {
                push(requests::deals_by_organization(organization));
            }
        }
        let matched: HashSet<ContactId> = contacts.iter().map(|c| c.id).collect();
        let mut parents: Vec<ContactId> = contacts
            .iter()
            .filter(|c| !c.is_organization)
            .filter_map(|c| c.contact_id)
            .filter(|id| !matched.contains(id))
            .collect();
        parents.sort();
        parents.dedup();
        if !parents.is_empty() {
            push(requests::contacts_by_ids(&parents));
        }
        out
    }
}

/// The organization a contact's deals may also hang on: its parent, or itself when it is one.
fn organization_id(contact: &Contact) -> Option<ContactId> {
    if contact.is_organization {
        Some(contact.id)
    } else {
        contact.contact_id
    }
}

/// Which reference lists the shown records need for names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReferenceLists {
    pub users: bool,
    pub stages: bool,
    pub lead_sources: bool,
}

impl ReferenceLists {
    pub fn needed(leads: &[Lead], contacts: &[Contact], deals: &[Deal]) -> ReferenceLists {
        ReferenceLists {
            users: !leads.is_empty() || !contacts.is_empty(),
            stages: !deals.is_empty(),
            lead_sources: !leads.is_empty(),
        }
    }

    pub fn requests(self) -> Vec<SellRequest> {
        let mut out = Vec::new();
        if self.users {
            out.push(requests::users_all(1));
        }
        if self.stages {
            out.push(requests::stages_all());
        }
        if self.lead_sources {
            out.push(requests::lead_sources_all());
        }
        out
    }
}

/// A person as the sidebar shows them: a lead, a contact, or both; with the contact's organization
/// and its deals (the contact's own and the organization's, open first).
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    pub lead: Option<Lead>,
    pub contact: Option<Contact>,
    pub organization: Option<Contact>,
    pub deals: Vec<Deal>,
}

impl Match {
    pub fn display_name(&self) -> String {
        match (&self.contact, &self.lead) {
            (Some(contact), _) => contact_display_name(contact),
            (None, Some(lead)) => lead_display_name(lead),
            (None, None) => String::new(),
        }
    }
}

/// Which record a summary stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MatchRef {
    Lead(LeadId),
    Contact(ContactId),
}

/// One line of the "several records match, pick one" list, with the full match behind it so picking
/// needs no further Sell request.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchSummary {
    pub target: MatchRef,
    pub name: String,
    /// The lead's organization name, or the contact's organization.
    pub organization: Option<String>,
    pub owner_id: Option<UserId>,
    pub details: Match,
}

#[derive(Debug, Clone, PartialEq)]
pub enum LookupOutcome {
    NotFound,
    /// Sell has leads or contacts with the email, but none the agent may see. Said as such, never as
    /// "not in Sell", and with no name, owner or value of them.
    NoneVisible,
    One(Box<Match>),
    Several(Vec<MatchSummary>),
}

impl LookupOutcome {
    /// Whether this lead is among what the lookup shows (a lead just created, found again).
    pub fn shows_lead(&self, id: LeadId) -> bool {
        match self {
            LookupOutcome::NotFound | LookupOutcome::NoneVisible => false,
            LookupOutcome::One(m) => m.lead.as_ref().is_some_and(|l| l.id == id),
            LookupOutcome::Several(summaries) => summaries.iter().any(|s| s.target == MatchRef::Lead(id)),
        }
    }
}

/// A requester's records as the agent may see them: what the lookup caches and combines. Only this,
/// already filtered, is ever stored in the browser.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Records {
    pub leads: Vec<Lead>,
    pub contacts: Vec<Contact>,
    pub deals: Vec<Deal>,
    pub organizations: Vec<Contact>,
    /// Records Sell sent that could not be read.
    pub skipped: usize,
    /// Leads and contacts with the email that the agent may not see.
    pub hidden: usize,
}

impl Records {
    /// Step 1's answers, kept to what `visibility` allows.
    pub fn step1(visibility: &Visibility, leads: Vec<Lead>, contacts: Vec<Contact>) -> Records {
        let (leads, hidden_leads) = visibility.keep(leads);
        let (contacts, hidden_contacts) = visibility.keep(contacts);
        Records {
            leads,
            contacts,
            hidden: hidden_leads + hidden_contacts,
            ..Records::default()
        }
    }

    /// Step 2's answers (deals and organizations), kept to what `visibility` allows: each deal and
    /// organization by its own owner.
    pub fn add_step2(&mut self, visibility: &Visibility, deals: Vec<Deal>, organizations: Vec<Contact>) {
        self.deals.extend(visibility.keep(deals).0);
        self.organizations.extend(visibility.keep(organizations).0);
    }

    /// What the sidebar shows.
    pub fn outcome(self, names: &Names) -> LookupOutcome {
        let hidden = self.hidden;
        match combine(self.leads, self.contacts, self.deals, self.organizations, names) {
            LookupOutcome::NotFound if hidden > 0 => LookupOutcome::NoneVisible,
            outcome => outcome,
        }
    }
}

/// What the answers of steps 1 and 2 mean. `deals` and `organizations` may hold records of every
/// matched contact; each match gets only its own, deduplicated by id. Contacts are listed before
/// leads among several matches: a contact is a customer with history.
pub fn combine(
    leads: Vec<Lead>,
    contacts: Vec<Contact>,
    deals: Vec<Deal>,
    organizations: Vec<Contact>,
    names: &Names,
) -> LookupOutcome {
    let leads = unique_by(leads, |l| l.id);
    let contacts = unique_by(contacts, |c| c.id);
    let contact_match = |contact: Contact| {
        let organization = organization_of(&contact, &contacts, &organizations);
        let deals = deals_of(&contact, &deals, names);
        (contact, organization, deals)
    };
    if leads.len() <= 1 && contacts.len() <= 1 {
        let lead = leads.into_iter().next();
        return match contacts.first().cloned().map(contact_match) {
            None if lead.is_none() => LookupOutcome::NotFound,
            None => LookupOutcome::One(Box::new(Match {
                lead,
                contact: None,
                organization: None,
                deals: Vec::new(),
            })),
            Some((contact, organization, deals)) => LookupOutcome::One(Box::new(Match {
                lead,
                contact: Some(contact),
                organization,
                deals,
            })),
        };
    }
    let mut summaries = Vec::with_capacity(leads.len() + contacts.len());
    for contact in contacts.iter().cloned() {
        let (contact, organization, deals) = contact_match(contact);
        summaries.push(MatchSummary {
            target: MatchRef::Contact(contact.id),
            name: contact_display_name(&contact),
            organization: organization.as_ref().map(contact_display_name),
            owner_id: contact.owner_id,
            details: Match {
                lead: None,
                contact: Some(contact),
                organization,
                deals,
            },
        });
    }
    for lead in leads {
        summaries.push(MatchSummary {
            target: MatchRef::Lead(lead.id),
            name: lead_display_name(&lead),
            organization: lead
                .organization_name
                .as_deref()
                .map(str::trim)
                .filter(|o| !o.is_empty())
                .map(str::to_string),
            owner_id: lead.owner_id,
            details: Match {
                lead: Some(lead),
                contact: None,
                organization: None,
                deals: Vec::new(),
            },
        });
    }
    LookupOutcome::Several(summaries)
}

fn unique_by<T, K: Eq + std::hash::Hash>(items: Vec<T>, key: impl Fn(&T) -> K) -> Vec<T> {
    let mut seen = HashSet::new();
    items
        .into_iter()
        .filter(|item| seen.insert(key(item)))
        .collect()
}

fn organization_of(contact: &Contact, matched: &[Contact], fetched: &[Contact]) -> Option<Contact> {
    let parent = contact.contact_id.filter(|_| !contact.is_organization)?;
    matched
        .iter()
        .chain(fetched)
        .find(|c| c.id == parent && c.is_organization)
        .cloned()
}

/// The contact's own deals and its organization's, once each, open first.
fn deals_of(contact: &Contact, deals: &[Deal], names: &Names) -> Vec<Deal> {
    let organization = organization_id(contact);
    let belongs = |deal: &Deal| {
        deal.contact_id == Some(contact.id)
            || (organization.is_some() && deal.organization_id == organization)
    };
    let mut seen: HashSet<DealId> = HashSet::new();
    let mut own: Vec<Deal> = deals
        .iter()
        .filter(|d| belongs(d) && seen.insert(d.id))
        .cloned()
        .collect();
    sort_deals(&mut own, names);
    own
}

#[cfg(test)]
mod tests;
