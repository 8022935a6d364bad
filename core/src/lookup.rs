//! The requester lookup, as pure logic: which Sell requests to make for a requester's email, and what
//! the answers mean for the sidebar.
//!
//! Every Sell request is spent like money (one token is shared by every agent of the account), so the
//! first paint asks only for what it shows; the rest loads when the agent asks for it.
//!
//! Steps:
//! 1. `LookupPlan::step1`: leads and contacts with the requester's email (two requests).
//! 2. `LookupPlan::step2`: when that is one person with a contact, the contact's deals (one request).
//!    Several matches load a contact's deals when it is picked (`contact_deals`); a contact's
//!    organization and the organization's deals load when the agent opens it (`organization_requests`).
//!    Only records the agent may see take part: `Records` keeps the visible ones of each step (and
//!    counts the leads and contacts held back), and step 2 asks only about a visible contact.
//! 3. `ReferenceLists::needed`: users for owner names when anything was found, stages only when there
//!    are deals, lead sources only when a lead is shown.
//! 4. `combine`: the outcome the sidebar shows.
//!
//! What counts as one person: at most one lead and at most one contact with the email is one person,
//! shown as a lead card and a contact card together (Bea: a lead not yet converted, and a contact).
//! Several leads or several contacts with the same email are different records the agent must choose
//! between (Dana: two contacts owned by different people), so the outcome is `Several`.

pub mod bounded;
pub mod organization;

use crate::policy::fields::{contact_display_name, lead_display_name, sort_deals, Names};
use crate::json::{self, Json};
use crate::policy::visibility::Visibility;
use crate::sell::model::{list_from_json, list_to_json, Record};
use crate::sell::model::{Contact, ContactId, Deal, DealId, Lead, LeadId, UserId};
use crate::sell::requests::{self, SellRequest};
use crate::id_map::IdSet;

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

    /// The deals the first paint shows: those of the one matched contact, when step 1 found one person
    /// (at most one lead and exactly one contact). Several matches ask nothing more until one is picked,
    /// so a shared address with a hundred contacts costs one page of contacts, not a hundred requests.
    pub fn step2(&self, leads: &[Lead], contacts: &[Contact]) -> Option<SellRequest> {
        match contacts {
            [contact] if leads.len() <= 1 => Some(contact_deals(contact)),
            _ => None,
        }
    }
}

/// A contact's deals: a person's own, or all of an organization's.
pub fn contact_deals(contact: &Contact) -> SellRequest {
    if contact.is_organization {
        requests::deals_by_organization(contact.id)
    } else {
        requests::deals_by_contact(contact.id)
    }
}

/// A person's organization, when the agent opens it: its record (for the name and fields) and its
/// deals, in parallel.
pub fn organization_requests(organization: ContactId) -> [SellRequest; 2] {
    [requests::contacts_by_ids(&[organization]), requests::deals_by_organization(organization)]
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

    /// The lists asked for beside step 2 (a lone contact's deals), so that names don't wait for one
    /// more round trip after the deals: users and sources as step 1's records need them, and stages
    /// already when that fits issue 15's cold budget of five (leads, contacts, deals, users and one
    /// more): without a lead, whose sources take that place. A contact found alone usually has deals;
    /// when it has none, stages were one request in vain, for a list then cached for the session.
    pub fn beside_step2(leads: &[Lead], contacts: &[Contact]) -> ReferenceLists {
        let needed = ReferenceLists::needed(leads, contacts, &[]);
        ReferenceLists { stages: !needed.lead_sources, ..needed }
    }

    pub fn requests(self) -> Vec<SellRequest> {
        let mut out = Vec::new();
        if self.users {
            out.push(requests::users_all(1));
        }
        if self.stages {
            out.push(requests::stages_all(1));
        }
        if self.lead_sources {
            out.push(requests::lead_sources_all(1));
        }
        out
    }
}

/// A person as the sidebar shows them: a lead, a contact, or both; with the contact's deals (open
/// first) and its organization.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    pub lead: Option<Lead>,
    pub contact: Option<Contact>,
    /// The organization, when it was among the matches itself.
    pub organization: Option<Contact>,
    /// The contact's organization not loaded yet: the agent opens it (`organization_requests`).
    pub organization_id: Option<ContactId>,
    pub deals: Vec<Deal>,
    /// Whether `deals` holds the contact's deals; a match picked among several loads them then.
    pub deals_loaded: bool,
}

impl Match {
    /// The match with its contact's deals, once loaded.
    pub fn with_deals(mut self, deals: Vec<Deal>, names: &Names) -> Match {
        if let Some(contact) = &self.contact {
            self.deals = deals_of(contact, &deals, names);
        }
        self.deals_loaded = true;
        self
    }

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
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Records {
    pub leads: Vec<Lead>,
    pub contacts: Vec<Contact>,
    pub deals: Vec<Deal>,
    /// Records Sell sent that could not be read.
    pub skipped: usize,
    /// Leads and contacts with the email that the agent may not see.
    pub hidden: usize,
}

impl Records {
    /// As stored: Sell's own JSON of each record, and the two counts.
    pub fn to_json(&self) -> Json {
        json::object(vec![
            ("leads", list_to_json(&self.leads)),
            ("contacts", list_to_json(&self.contacts)),
            ("deals", list_to_json(&self.deals)),
            ("skipped", Json::from(self.skipped as u64)),
            ("hidden", Json::from(self.hidden as u64)),
        ])
    }

    /// What `to_json` stored; `None` when it no longer reads (another version, say).
    pub fn from_json(stored: &Json) -> Option<Records> {
        let count = |key| stored.get(key).and_then(Json::as_u64).and_then(|n| usize::try_from(n).ok());
        Some(Records {
            leads: list_from_json(stored.get("leads")?)?,
            contacts: list_from_json(stored.get("contacts")?)?,
            deals: list_from_json(stored.get("deals")?)?,
            skipped: count("skipped")?,
            hidden: count("hidden")?,
        })
    }

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

    /// Step 2's answer (the contact's deals), kept to what `visibility` allows: each deal by its own
    /// owner.
    pub fn add_step2(&mut self, visibility: &Visibility, deals: Vec<Deal>) {
        self.deals.extend(visibility.keep(deals).0);
    }

    /// What the sidebar shows.
    pub fn outcome(self, names: &Names) -> LookupOutcome {
        let hidden = self.hidden;
        match combine(self.leads, self.contacts, self.deals, Vec::new(), names) {
            LookupOutcome::NotFound if hidden > 0 => LookupOutcome::NoneVisible,
            outcome => outcome,
        }
    }
}

/// A person's organization as the agent opened it: its record and its deals, each kept to what
/// `visibility` allows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Organization {
    /// `None` when the agent may not see the organization record (its deals may still be theirs).
    pub record: Option<Contact>,
    pub deals: Vec<Deal>,
}

impl Organization {
    pub fn to_json(&self) -> Json {
        json::object(vec![
            ("record", self.record.as_ref().map_or(Json::Null, |r| r.source().clone())),
            ("deals", list_to_json(&self.deals)),
        ])
    }

    pub fn from_json(stored: &Json) -> Option<Organization> {
        let record = match stored.get("record")? {
            Json::Null => None,
            record => Some(Contact::from_json(record)?),
        };
        Some(Organization { record, deals: list_from_json(stored.get("deals")?)? })
    }

    /// From the answers of `organization_requests(id)`.
    pub fn from_answers(id: ContactId, visibility: &Visibility, records: Vec<Contact>, deals: Vec<Deal>) -> Organization {
        let (records, _) = visibility.keep(records);
        let (mut deals, _) = visibility.keep(deals);
        let mut seen = IdSet::new();
        deals.retain(|d| seen.insert(d.id));
        Organization { record: records.into_iter().find(|c| c.id == id && c.is_organization), deals }
    }

    /// The organization's deals that the person's list doesn't show already, open first.
    pub fn other_deals(&self, shown: &[Deal], names: &Names) -> Vec<Deal> {
        let mut rest: Vec<Deal> = self.deals.iter().filter(|d| !shown.iter().any(|s| s.id == d.id)).cloned().collect();
        sort_deals(&mut rest, names);
        rest
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
                organization_id: None,
                deals: Vec::new(),
                deals_loaded: true,
            })),
            Some((contact, organization, deals)) => LookupOutcome::One(Box::new(Match {
                lead,
                organization_id: parent_to_open(&contact, &organization),
                contact: Some(contact),
                organization,
                deals,
                // Step 2 asked for this one contact's deals.
                deals_loaded: true,
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
                organization_id: parent_to_open(&contact, &organization),
                contact: Some(contact),
                organization,
                deals,
                // Loaded when picked.
                deals_loaded: false,
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
                organization_id: None,
                deals: Vec::new(),
                deals_loaded: true,
            },
        });
    }
    LookupOutcome::Several(summaries)
}

fn unique_by<T, K: Ord + Copy>(items: Vec<T>, key: impl Fn(&T) -> K) -> Vec<T> {
    let mut seen = IdSet::new();
    items
        .into_iter()
        .filter(|item| seen.insert(key(item)))
        .collect()
}

/// A person's organization that is not shown yet, for the agent to open.
fn parent_to_open(contact: &Contact, shown: &Option<Contact>) -> Option<ContactId> {
    contact.contact_id.filter(|_| !contact.is_organization && shown.is_none())
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
    let mut seen: IdSet<DealId> = IdSet::new();
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
