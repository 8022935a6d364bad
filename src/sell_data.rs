//! The Sell data the sidebar shows, fetched with the credential `policy::access` picks and cached in
//! `localStorage` for a few minutes. Everything decided here is delegated to `sidebar_core`; this module
//! only orders the requests (in parallel where it can) and caches their answers.

use futures::future::join_all;
use serde::{Deserialize, Serialize};
use sidebar_core::lookup::{combine, LookupOutcome, LookupPlan, ReferenceLists};
use sidebar_core::policy::access::{access_for, credential_for, Access, Credential, RequestPurpose, SellUserLookup};
use sidebar_core::policy::fields::Names;
use sidebar_core::sell::directory::Directory;
use sidebar_core::sell::error::SellError;
use sidebar_core::sell::model::{Contact, Deal, Lead, LeadSource, LeadStatus, Stage, User, UserStatus};
use sidebar_core::sell::requests::{self, SellRequest};

use leptos::prelude::{expect_context, GetValue, LocalStorage, StoredValue};

use crate::cache::{now_ms, Cache};
use sidebar_core::cache_policy::Kept;
use crate::session::Session;

/// The raw records of one requester's lookup: cached as they came, combined anew each time.
#[derive(Clone, Serialize, Deserialize)]
struct Records {
    leads: Vec<Lead>,
    contacts: Vec<Contact>,
    deals: Vec<Deal>,
    organizations: Vec<Contact>,
    skipped: usize,
}

/// What the sidebar shows for a requester.
#[derive(Clone)]
pub struct LookupResult {
    pub outcome: LookupOutcome,
    pub names: Names,
    /// When Sell was asked (ms since the epoch), for "updated N minutes ago".
    pub fetched_at: f64,
    /// Records Sell sent that could not be read.
    pub skipped: usize,
    /// A users, stages or sources list could not be read: some owners, stages or sources show as
    /// "#12" rather than by name.
    pub names_missing: bool,
}

#[derive(Clone)]
pub struct SellData {
    session: Session,
    cache: Cache,
}

impl SellData {
    pub fn new(session: Session) -> Self {
        let cache = Cache::new(session.metadata.installation_id, &session.agent.email);
        cache.sweep_if_due();
        Self { session, cache }
    }

    fn directory_client(&self) -> crate::sell_client::SellClient {
        self.session.sell(Credential::InstallationToken)
    }

    /// Every Sell user and distribution pool (one request per 100, cached).
    pub async fn users(&self) -> Result<Vec<User>, SellError> {
        self.cached_list("users", || async { self.directory_client().all_pages(requests::users_all).await }).await
    }

    pub async fn stages(&self) -> Result<Vec<Stage>, SellError> {
        self.cached_page("stages", requests::stages_all()).await
    }

    pub async fn lead_sources(&self) -> Result<Vec<LeadSource>, SellError> {
        self.cached_page("lead_sources", requests::lead_sources_all()).await
    }

    pub async fn lead_statuses(&self) -> Result<Vec<LeadStatus>, SellError> {
        self.cached_page("lead_statuses", requests::lead_statuses_all()).await
    }

    /// A reference list Sell answers in one page (stages, sources, statuses: an account has few).
    async fn cached_page<T>(&self, key: &str, request: SellRequest) -> Result<Vec<T>, SellError>
    where
        T: Serialize + serde::de::DeserializeOwned,
    {
        self.cached_list(key, || async { Ok(self.directory_client().list(&request).await?.items) }).await
    }

    /// The agent's pick among several matches of a ticket, kept for a week.
    pub fn remembered(&self, key: &str) -> Option<String> {
        self.cache.get::<String>(Kept::Pick, key).map(|(v, _)| v)
    }

    pub fn remember(&self, key: &str, value: &str) {
        self.cache.put(Kept::Pick, key, &value);
    }

    /// Drops the cached lookups of a requester (after creating a lead for them), whatever the credential.
    pub fn forget_lookup(&self, email: &str) {
        for credential in [Credential::InstallationToken, Credential::AgentToken] {
            self.cache.forget(&lookup_key(credential, email));
        }
    }

    /// Drops every cached reference list, so the next read asks Sell (the refresh buttons).
    pub fn forget_reference_lists(&self) {
        for key in ["users", "stages", "lead_sources", "lead_statuses"] {
            self.cache.forget(key);
        }
    }

    /// Drops a cached reference list (after creating a lead source, say).
    pub fn forget(&self, key: &str) {
        self.cache.forget(key);
    }

    async fn cached_list<T, F, Fut>(&self, key: &str, fetch: F) -> Result<Vec<T>, SellError>
    where
        T: Serialize + serde::de::DeserializeOwned,
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<Vec<T>, SellError>>,
    {
        if let Some((items, _)) = self.cache.get::<Vec<T>>(Kept::ReferenceList, key) {
            return Ok(items);
        }
        let items = fetch().await?;
        self.cache.put(Kept::ReferenceList, key, &items);
        Ok(items)
    }

    /// Who this agent is to Sell, per the access setting. In *Sell users only* mode this reads the user
    /// directory (installation token) and nothing else.
    pub async fn access(&self) -> Access {
        let mode = self.session.settings.settings.access;
        let email = self.session.agent.email.clone();
        let first = access_for(mode, &email, SellUserLookup::NotLookedUp);
        if !matches!(first, Access::NeedsSellUserLookup { .. }) {
            return first;
        }
        let lookup = match self.users().await {
            Ok(users) => match Directory::new(&users).find_by_email(&email) {
                Some(user) if user.status == UserStatus::Active => SellUserLookup::Active(user.id),
                Some(user) => SellUserLookup::Inactive(user.id),
                None => SellUserLookup::NotFound,
            },
            Err(error) => SellUserLookup::Failed(error),
        };
        access_for(mode, &email, lookup)
    }

    /// The requester's leads, contacts and deals as this agent may see them. `fresh` skips the cache
    /// (the refresh button).
    pub async fn lookup(&self, access: &Access, email: &str, fresh: bool) -> Result<LookupResult, SellError> {
        let credential = credential_for(access, RequestPurpose::CustomerData).ok_or(SellError::Forbidden)?;
        let client = self.session.sell(credential);
        let plan = LookupPlan::for_email(email).ok_or(SellError::NotFound)?;
        let key = lookup_key(credential, plan.email());
        let (records, fetched_at) = match self.cache.get::<Records>(Kept::Lookup, &key).filter(|_| !fresh) {
            Some((records, age)) => (records, now_ms() - age),
            None => {
                let records = fetch_records(&client, &plan).await?;
                self.cache.put(Kept::Lookup, &key, &records);
                (records, now_ms())
            }
        };
        let needed = ReferenceLists::needed(&records.leads, &records.contacts, &records.deals);
        let (users, stages, sources) = futures::join!(
            async { if needed.users { self.users().await } else { Ok(Vec::new()) } },
            async { if needed.stages { self.stages().await } else { Ok(Vec::new()) } },
            async { if needed.lead_sources { self.lead_sources().await } else { Ok(Vec::new()) } },
        );
        // Names are a nicety: a failed list shows "User #12" (and says so) rather than hiding the customer.
        let names_missing = users.is_err() || stages.is_err() || sources.is_err();
        let names = Names::new(&users.unwrap_or_default(), &stages.unwrap_or_default(), &sources.unwrap_or_default())
            .with_organizations(&records.organizations);
        let outcome = combine(records.leads, records.contacts, records.deals, records.organizations, &names);
        Ok(LookupResult { outcome, names, fetched_at, skipped: records.skipped, names_missing })
    }
}

/// A lookup is cached per credential: what one token may see must never be shown under another
/// (an admin switching the access mode must not leave an agent looking at records Sell hides from them).
fn lookup_key(credential: Credential, email: &str) -> String {
    format!("lookup:{credential:?}:{}", email.trim().to_lowercase())
}

/// What a manual search found.
#[derive(Clone)]
pub struct SearchResult {
    pub leads: Vec<Lead>,
    pub contacts: Vec<Contact>,
    pub names: Names,
}

impl SellData {
    /// The agent's own search by name, email or organization (see `requests::leads_search`).
    pub async fn search(&self, access: &Access, text: &str) -> Result<SearchResult, SellError> {
        let client = self.session.client_for(access, RequestPurpose::CustomerData)?;
        let lead_reqs = requests::leads_search(text);
        let contact_req = requests::contacts_search(text);
        let (lead_pages, contacts) = futures::join!(
            join_all(lead_reqs.iter().map(|r| client.list::<Lead>(r))),
            async {
                match &contact_req {
                    Some(r) => client.list::<Contact>(r).await.map(|p| p.items),
                    None => Ok(Vec::new()),
                }
            },
        );
        let mut leads: Vec<Lead> = Vec::new();
        for page in lead_pages {
            for lead in page?.items {
                if !leads.iter().any(|l| l.id == lead.id) {
                    leads.push(lead);
                }
            }
        }
        let contacts = contacts?;
        let users = if leads.is_empty() && contacts.is_empty() { Vec::new() } else { self.users().await.unwrap_or_default() };
        let sources = if leads.is_empty() { Vec::new() } else { self.lead_sources().await.unwrap_or_default() };
        let names = Names::new(&users, &[], &sources);
        Ok(SearchResult { leads, contacts, names })
    }
}

/// Leads and contacts by email, then the matched contacts' deals and organizations, each step in
/// parallel.
async fn fetch_records(client: &crate::sell_client::SellClient, plan: &LookupPlan) -> Result<Records, SellError> {
    let (lead_req, contact_req) = (requests::leads_by_email(plan.email()), requests::contacts_by_email(plan.email()));
    let (leads, contacts) = futures::join!(client.list::<Lead>(&lead_req), client.list::<Contact>(&contact_req));
    let (leads, contacts) = (leads?, contacts?);
    let step2 = plan.step2(&contacts.items);
    let (deal_reqs, org_reqs): (Vec<&SellRequest>, Vec<&SellRequest>) =
        step2.iter().partition(|r| r.path.starts_with("/v2/deals"));
    let (deal_pages, org_pages) = futures::join!(
        join_all(deal_reqs.into_iter().map(|r| client.list::<Deal>(r))),
        join_all(org_reqs.into_iter().map(|r| client.list::<Contact>(r))),
    );
    let mut records = Records {
        skipped: leads.skipped + contacts.skipped,
        leads: leads.items,
        contacts: contacts.items,
        deals: Vec::new(),
        organizations: Vec::new(),
    };
    for page in deal_pages {
        let page = page?;
        records.skipped += page.skipped;
        records.deals.extend(page.items);
    }
    for page in org_pages {
        let page = page?;
        records.skipped += page.skipped;
        records.organizations.extend(page.items);
    }
    Ok(records)
}

/// The sidebar's Sell data layer, shared through context.
pub fn use_sell_data() -> SellData {
    expect_context::<StoredValue<SellData, LocalStorage>>().get_value()
}
