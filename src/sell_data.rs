//! The one owner of Sell data in the app: it resolves the agent's access once per session
//! (`access.rs`), sends every request with the installation's token, lets only what the agent may see
//! through, and caches that (never the unfiltered answer) in `localStorage` for a few minutes. Views
//! get records they may show; they never see a credential or a cache key. Every decision is
//! `sidebar_core`'s; this module orders the requests (in parallel where it can) and caches.

mod access;

use crate::state::Stored;
use sidebar_core::text::Lowercased;
use futures::future::join_all;
use sidebar_core::lookup::organization::{match_organization, organizations_named, people_of, OrganizationMatch};
use sidebar_core::lookup::{contact_deals, organization_requests, LookupOutcome, LookupPlan, Organization, Records, ReferenceLists};
use sidebar_core::policy::fields::sort_deals;
use sidebar_core::policy::access::Access;
use sidebar_core::policy::fields::Names;
use sidebar_core::policy::visibility::{Owned, Visibility};
use sidebar_core::lead_form::{duplicates_of, Duplicates};
use sidebar_core::sell::error::SellError;
use sidebar_core::json::Json;
use sidebar_core::sell::model::{list_from_json, list_to_json, Contact, ContactId, Deal, Lead, LeadSource, LeadStatus, Record, Stage, User};
use sidebar_core::sell::requests::{self, SellRequest};

use leptos::prelude::expect_context;

use crate::cache::{now_ms, Cache};
use crate::sell_client::SellClient;
use crate::session::Session;
use sidebar_core::cache_policy::Kept;

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

/// The cache keys of the reference lists.
const USERS: &str = "users";
const STAGES: &str = "stages";
const LEAD_SOURCES: &str = "lead_sources";
const LEAD_STATUSES: &str = "lead_statuses";

#[derive(Clone)]
pub struct SellData {
    session: Session,
    cache: Cache,
    client: SellClient,
    access: access::Memo,
}

impl SellData {
    pub fn new(session: Session) -> Self {
        let cache = Cache::new(session.metadata.installation_id, session.agent.id);
        // Another agent's entries on a shared browser profile go before this agent sees anything.
        cache.drop_other_agents();
        cache.sweep_if_due();
        let client = SellClient::new(session.zaf.clone());
        Self { session, cache, client, access: access::Memo::default() }
    }

    /// The client for the lead flow's requests (the same token as every other request).
    pub(crate) fn client(&self) -> &SellClient {
        &self.client
    }

    // The reference lists: every page (one request per 100), cached for the session.

    /// Every Sell user and distribution pool.
    pub async fn users(&self) -> Result<Vec<User>, SellError> {
        self.cached_list(USERS, requests::users_all).await
    }

    pub async fn stages(&self) -> Result<Vec<Stage>, SellError> {
        self.cached_list(STAGES, requests::stages_all).await
    }

    pub async fn lead_sources(&self) -> Result<Vec<LeadSource>, SellError> {
        self.cached_list(LEAD_SOURCES, requests::lead_sources_all).await
    }

    pub async fn lead_statuses(&self) -> Result<Vec<LeadStatus>, SellError> {
        self.cached_list(LEAD_STATUSES, requests::lead_statuses_all).await
    }

    /// The user the installation's token belongs to (the settings check; not cached).
    pub async fn token_user(&self) -> Result<User, SellError> {
        self.client.single(&requests::users_self()).await
    }

    async fn cached_list<T: Record>(&self, key: &str, page: fn(u32) -> SellRequest) -> Result<Vec<T>, SellError> {
        if let Some(items) = self.cache.get(Kept::ReferenceList, key).and_then(|(json, _)| list_from_json(&json)) {
            return Ok(items);
        }
        let items: Vec<T> = self.client.all_pages(page).await?;
        self.cache.put(Kept::ReferenceList, key, &list_to_json(&items));
        Ok(items)
    }

    /// The agent's pick among several matches of a ticket, kept for a week.
    /// `scope`: where the pick was made (`Session::pick_scope`).
    pub fn remembered_pick(&self, scope: &str) -> Option<String> {
        self.cache.get(Kept::Pick, &pick_key(scope)).and_then(|(v, _)| v.as_str().map(str::to_string))
    }

    pub fn remember_pick(&self, scope: &str, pick: &str) {
        self.cache.put(Kept::Pick, &pick_key(scope), &Json::from(pick));
    }

    /// The refresh buttons: Sell is asked again for the reference lists and who the agent is.
    pub fn refresh(&self) {
        for key in [USERS, STAGES, LEAD_SOURCES, LEAD_STATUSES] {
            self.cache.forget(key);
        }
        self.forget_access();
    }

    /// A refresh of a page's customer records: every record cached for the agent is asked for again.
    pub fn forget_customer_records(&self) {
        self.cache.forget_where(|key| key.starts_with(FILTERED));
    }

    /// After a lead source was created, the cached list is out of date.
    pub(crate) fn forget_lead_sources(&self) {
        self.cache.forget(LEAD_SOURCES);
    }

    /// After creating a lead for `email`, its cached lookup doesn't have the new lead yet.
    pub(crate) fn forget_lookup(&self, access: &Access, email: &str) {
        if let Some(visibility) = access.visibility() {
            self.cache.forget(&lookup_key(visibility, email));
        }
    }

    /// Records stored under another visibility (before the mode, the hierarchy or the full-access list
    /// changed) are never read again: they go at once rather than wait for their expiry.
    fn forget_lookups_not_for(&self, visibility: &Visibility) {
        let current = filtered_key(visibility, "");
        self.cache.forget_where(|key| key.starts_with(FILTERED) && !key.starts_with(&current));
    }

    /// The requester's leads, contacts and deals as this agent may see them. `fresh` skips the cache
    /// (the refresh button). `Forbidden` when the agent may see no customer data.
    pub async fn lookup(&self, email: &str, fresh: bool) -> Result<LookupResult, SellError> {
        let access = self.access().await;
        let visibility = access.visibility().ok_or(SellError::Forbidden)?;
        let plan = LookupPlan::for_email(email).ok_or(SellError::NotFound)?;
        let key = lookup_key(visibility, plan.email());
        let cached = self.cache.get(Kept::Lookup, &key).filter(|_| !fresh);
        let mut lists = Lists::default();
        let (records, fetched_at) = match cached.and_then(|(json, age)| Some((Records::from_json(&json)?, age))) {
            Some((records, age)) => (records, now_ms() - age),
            None => {
                let records = self.fetch_records(&plan, visibility, &mut lists).await?;
                self.cache.put(Kept::Lookup, &key, &records.to_json());
                (records, now_ms())
            }
        };
        let needed = ReferenceLists::needed(&records.leads, &records.contacts, &records.deals);
        self.read_lists(needed, &mut lists).await;
        // Names are a nicety: a failed list shows "User #12" (and says so) rather than hiding the customer.
        let (names, names_missing) = lists.names(needed);
        let skipped = records.skipped;
        let outcome = records.outcome(&names);
        Ok(LookupResult { outcome, names, fetched_at, skipped, names_missing })
    }

    /// The deals of a contact picked among several matches, and the names to show them with.
    pub async fn contact_deals(&self, contact: &Contact) -> Result<(Vec<Deal>, Names), SellError> {
        let deals = self.visible_list(&["deals:", &contact.id.to_string()].concat(), contact_deals(contact)).await?;
        Ok((deals, self.names_for_deals().await))
    }

    /// One page of records the agent may see (`request`'s answer, filtered), cached under `what`.
    async fn visible_list<T: Record + Owned>(&self, what: &str, request: SellRequest) -> Result<Vec<T>, SellError> {
        let access = self.access().await;
        let visibility = access.visibility().ok_or(SellError::Forbidden)?;
        let key = filtered_key(visibility, what);
        self.cached_filtered(&key, |json| list_from_json(json), |items: &Vec<T>| list_to_json(items), async {
            let page = self.client.list::<T>(&request).await?;
            Ok(visibility.keep(page.items).0)
        })
        .await
    }

    /// A person's organization, when the agent opens it: its record and its deals (two requests in
    /// parallel), as far as the agent may see them.
    pub async fn organization(&self, id: ContactId) -> Result<(Organization, Names), SellError> {
        let access = self.access().await;
        let visibility = access.visibility().ok_or(SellError::Forbidden)?;
        let key = filtered_key(visibility, &format!("org:{id}"));
        let organization = self
            .cached_filtered(&key, Organization::from_json, Organization::to_json, async {
                let [record_req, deals_req] = organization_requests(id);
                let (records, deals) =
                    futures::join!(self.client.list::<Contact>(&record_req), self.client.list::<Deal>(&deals_req));
                Ok(Organization::from_answers(id, visibility, records?.items, deals?.items))
            })
            .await?;
        Ok((organization, self.names_for_deals().await))
    }

    /// The organization sidebar: the Sell organization(s) named like the Support organization, as far
    /// as the agent may see, and owner names for their cards.
    pub async fn organizations_named(&self, name: &str, fresh: bool) -> Result<(OrganizationMatch, Names), SellError> {
        let access = self.access().await;
        let visibility = access.visibility().ok_or(SellError::Forbidden)?;
        let key = filtered_key(visibility, &["orgname:", &name.trim().lowercased()].concat());
        if fresh {
            self.cache.forget(&key);
        }
        let found = self
            .cached_filtered(&key, OrganizationMatch::from_json, OrganizationMatch::to_json, async {
                let page = self.client.list::<Contact>(&organizations_named(name)).await?;
                Ok(match_organization(name, page.items, visibility))
            })
            .await?;
        let users = if matches!(found, OrganizationMatch::NotFound | OrganizationMatch::NoneVisible) {
            Vec::new()
        } else {
            self.users().await.unwrap_or_default()
        };
        Ok((found, Names::new(&users, &[], &[])))
    }

    /// An organization's deals (open first), as far as the agent may see.
    pub async fn organization_deals(&self, id: ContactId) -> Result<(Vec<Deal>, Names), SellError> {
        let mut deals = self.visible_list(&["orgdeals:", &id.to_string()].concat(), requests::deals_by_organization(id)).await?;
        let names = self.names_for_deals().await;
        sort_deals(&mut deals, &names);
        Ok((deals, names))
    }

    /// An organization's people known to Sell (one page), as far as the agent may see.
    pub async fn organization_people(&self, id: ContactId) -> Result<(Vec<Contact>, Names), SellError> {
        let people: Vec<Contact> = self.visible_list(&["people:", &id.to_string()].concat(), people_of(id)).await?;
        let users = if people.is_empty() { Vec::new() } else { self.users().await.unwrap_or_default() };
        Ok((people, Names::new(&users, &[], &[])))
    }

    /// Records already filtered for the agent, cached like a lookup (`read` and `write` are how they
    /// are stored).
    async fn cached_filtered<T>(
        &self,
        key: &str,
        read: impl Fn(&Json) -> Option<T>,
        write: impl Fn(&T) -> Json,
        fetch: impl std::future::Future<Output = Result<T, SellError>>,
    ) -> Result<T, SellError> {
        if let Some(value) = self.cache.get(Kept::Lookup, key).and_then(|(json, _)| read(&json)) {
            return Ok(value);
        }
        let value = fetch.await?;
        self.cache.put(Kept::Lookup, key, &write(&value));
        Ok(value)
    }

    /// Owner and stage names for deals (the lists are cached).
    async fn names_for_deals(&self) -> Names {
        let (users, stages) = futures::join!(self.users(), self.stages());
        Names::new(&users.unwrap_or_default(), &stages.unwrap_or_default(), &[])
    }

    /// Owner and source names of a lead just created (the lists are cached, so this costs no request).
    pub async fn names_for_created(&self) -> Names {
        let (users, sources) = futures::join!(self.users(), self.lead_sources());
        Names::new(&users.unwrap_or_default(), &[], &sources.unwrap_or_default())
    }
}

/// Where records filtered for the agent are cached: under the visibility they were filtered for, so
/// when the hierarchy, the access mode or the full-access list changes, nothing stored under the old
/// one is shown.
const FILTERED: &str = "v:";

fn filtered_key(visibility: &Visibility, what: &str) -> String {
    format!("{FILTERED}{}:{what}", visibility.fingerprint())
}

fn lookup_key(visibility: &Visibility, email: &str) -> String {
    filtered_key(visibility, &format!("lookup:{}", email.trim().lowercased()))
}

fn pick_key(scope: &str) -> String {
    ["choice:", scope].concat()
}

/// What a manual search found.
#[derive(Clone)]
pub struct SearchResult {
    pub leads: Vec<Lead>,
    pub contacts: Vec<Contact>,
    pub names: Names,
}

impl SellData {
    /// The agent's own search by name, email or organization (see `requests::leads_search`), kept to
    /// what they may see.
    pub async fn search(&self, text: &str) -> Result<SearchResult, SellError> {
        let access = self.access().await;
        let visibility = access.visibility().ok_or(SellError::Forbidden)?;
        let lead_reqs = requests::leads_search(text);
        let contact_req = requests::contacts_search(text);
        let (lead_pages, contacts) = futures::join!(
            join_all(lead_reqs.iter().map(|r| self.client.list::<Lead>(r))),
            async {
                match &contact_req {
                    Some(r) => self.client.list::<Contact>(r).await.map(|p| p.items),
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
        let (leads, _) = visibility.keep(leads);
        let (contacts, _) = visibility.keep(contacts?);
        let users = if leads.is_empty() && contacts.is_empty() { Vec::new() } else { self.users().await.unwrap_or_default() };
        let sources = if leads.is_empty() { Vec::new() } else { self.lead_sources().await.unwrap_or_default() };
        let names = Names::new(&users, &[], &sources);
        Ok(SearchResult { leads, contacts, names })
    }

    /// Leads and contacts Sell already has with this email: those the agent may see, and a count of
    /// the others.
    pub async fn duplicates(&self, email: &str) -> Result<Duplicates, SellError> {
        let access = self.access().await;
        let visibility = access.visibility().ok_or(SellError::Forbidden)?;
        let (lead_req, contact_req) = (requests::leads_by_email(email), requests::contacts_by_email(email));
        let (leads, contacts) =
            futures::join!(self.client.list::<Lead>(&lead_req), self.client.list::<Contact>(&contact_req));
        Ok(duplicates_of(email, &leads?.items, &contacts?.items, visibility))
    }
}

impl SellData {
    /// Leads and contacts by email (in parallel), then the deals of the one visible contact, if one,
    /// with the reference lists beside them (into `lists`); only what `visibility` allows is kept.
    async fn fetch_records(&self, plan: &LookupPlan, visibility: &Visibility, lists: &mut Lists) -> Result<Records, SellError> {
        let client = &self.client;
        let (lead_req, contact_req) = (requests::leads_by_email(plan.email()), requests::contacts_by_email(plan.email()));
        let (leads, contacts) = futures::join!(client.list::<Lead>(&lead_req), client.list::<Contact>(&contact_req));
        let (leads, contacts) = (leads?, contacts?);
        let skipped = leads.skipped + contacts.skipped;
        let mut records = Records::step1(visibility, leads.items, contacts.items);
        records.skipped = skipped;
        if let Some(deals) = plan.step2(&records.leads, &records.contacts) {
            let beside = ReferenceLists::beside_step2(&records.leads, &records.contacts);
            let (page, ()) = futures::join!(client.list::<Deal>(&deals), self.read_lists(beside, lists));
            let page = page?;
            records.skipped += page.skipped;
            records.add_step2(visibility, page.items);
        }
        Ok(records)
    }

    /// Reads those of `wanted` that `lists` doesn't hold yet, in parallel (each cached for the session).
    async fn read_lists(&self, wanted: ReferenceLists, lists: &mut Lists) {
        let (users, stages, sources) = futures::join!(
            async { if wanted.users && lists.users.is_none() { Some(self.users().await) } else { None } },
            async { if wanted.stages && lists.stages.is_none() { Some(self.stages().await) } else { None } },
            async { if wanted.lead_sources && lists.sources.is_none() { Some(self.lead_sources().await) } else { None } },
        );
        lists.users = lists.users.take().or(users);
        lists.stages = lists.stages.take().or(stages);
        lists.sources = lists.sources.take().or(sources);
    }
}

/// The reference lists one lookup has read so far (`None`: not asked for).
#[derive(Default)]
struct Lists {
    users: Option<Result<Vec<User>, SellError>>,
    stages: Option<Result<Vec<Stage>, SellError>>,
    sources: Option<Result<Vec<LeadSource>, SellError>>,
}

impl Lists {
    /// The names the lists give, and whether one that `needed` asks for could not be read.
    fn names(self, needed: ReferenceLists) -> (Names, bool) {
        let missing = (needed.users && !matches!(self.users, Some(Ok(_))))
            || (needed.stages && !matches!(self.stages, Some(Ok(_))))
            || (needed.lead_sources && !matches!(self.sources, Some(Ok(_))));
        let users = self.users.and_then(Result::ok).unwrap_or_default();
        let stages = self.stages.and_then(Result::ok).unwrap_or_default();
        let sources = self.sources.and_then(Result::ok).unwrap_or_default();
        (Names::new(&users, &stages, &sources), missing)
    }
}

/// The sidebar's Sell data layer, shared through context.
pub fn use_sell_data() -> SellData {
    expect_context::<Stored<SellData>>().get_value()
}
