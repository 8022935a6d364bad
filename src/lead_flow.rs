//! Creating a lead, as the order of Sell requests: what the form needs before it is shown (access,
//! users, lead statuses), the duplicate check, the lead source (found, or created once), and the one
//! `POST /v2/leads`. Every decision on the way is a `sidebar_core::lead_form` function; this module
//! only sends the requests it asks for, in parallel where it can. The new lead passes the agent's
//! visibility like any record: one they may not see is reported as created, not shown.

use sidebar_core::lead_form::{
    after_create_conflict, create_request, is_name_taken, source_resolution, status_resolution, CreateError,
    SourcePlan, StatusProblem, ValidLead,
};
use sidebar_core::policy::access::Access;
use sidebar_core::policy::fields::lead_display_name;
use sidebar_core::policy::owner::{owner_field_for, OwnerField};
use sidebar_core::sell::directory::Directory;
use sidebar_core::sell::error::SellError;
use sidebar_core::sell::model::{Lead, LeadSource, SourceId};
use sidebar_core::sell::requests;

use crate::sell_data::SellData;
use crate::session::Session;

/// A lead created from the form, and the requester it was created for: shown only while that person is
/// the ticket's requester (a create that finishes after the requester changed belongs to the previous
/// one).
#[derive(Debug, Clone, PartialEq)]
pub struct Created {
    pub for_email: Option<String>,
    pub lead: CreatedLead,
}

impl Created {
    /// Whether it was created for the requester with this email.
    pub fn is_for(&self, email: Option<&str>) -> bool {
        !sidebar_core::lead_form::requester_moved(self.for_email.as_deref(), email)
    }
}

/// A lead Sell created, as far as the agent may see it.
#[derive(Debug, Clone, PartialEq)]
pub enum CreatedLead {
    /// Owned by someone whose records the agent may see: shown like any lead.
    Visible(Lead),
    /// Created and given to its owner, outside what the agent may see: said, not shown. `name` is the
    /// name the agent typed.
    NotVisible { name: String },
}

/// What the form needs before the agent sees it.
#[derive(Clone)]
pub struct FormSetup {
    pub access: Access,
    pub owner_field: OwnerField,
    /// The status name to send, as Sell spells it, or why the configured one can't be used.
    pub status: Result<String, StatusProblem>,
}

/// Why the form can't be shown.
#[derive(Debug, Clone, PartialEq)]
pub enum SetupError {
    /// The agent may not see (nor create) customer data; the access says why.
    NoAccess(Access),
    /// Sell's users or lead statuses couldn't be read.
    Sell(SellError),
}

/// Access first (in *Sell users only* mode that reads the user list, which the owner field needs
/// anyway, from the cache), then users and statuses in parallel.
pub async fn prepare(data: &SellData, session: &Session) -> Result<FormSetup, SetupError> {
    let access = data.access().await;
    if !access.sees_customer_data() {
        return Err(SetupError::NoAccess(access));
    }
    let (users, statuses) = futures::join!(data.users(), data.lead_statuses());
    let (users, statuses) = (users.map_err(SetupError::Sell)?, statuses.map_err(SetupError::Sell)?);
    let directory = Directory::new(&users);
    let agent = match &access {
        Access::AsSellUser { user_id, .. } => directory.by_id(*user_id),
        _ => directory.find_by_email(&session.agent.email),
    };
    let settings = &session.settings.settings;
    Ok(FormSetup {
        owner_field: owner_field_for(settings, agent, &users),
        status: status_resolution(&settings.lead_status, &statuses),
        access,
    })
}

/// The lead source, then the lead: exactly one `POST /v2/leads`, with the owner set explicitly (the
/// installation's token would otherwise make its own user the owner).
pub async fn create_lead(
    data: &SellData,
    session: &Session,
    access: &Access,
    lead: &ValidLead,
    status: &str,
) -> Result<CreatedLead, CreateError> {
    if !access.sees_customer_data() {
        return Err(CreateError::Sell(SellError::Forbidden));
    }
    let source = lead_source(data, session).await?;
    let created: Lead = data
        .client()
        .single(&create_request(lead, status, source))
        .await
        .map_err(CreateError::Sell)?;
    // The requester's cached lookup doesn't have the new lead yet.
    if let Some(email) = lead.email() {
        data.forget_lookup(access, email);
    }
    Ok(if access.sees(created.owner_id) {
        CreatedLead::Visible(created)
    } else {
        CreatedLead::NotVisible { name: lead_display_name(&created) }
    })
}

/// The configured source's id: found in the list, or created once. When another agent created it a
/// moment ago (422 "taken"), the list is read again and theirs is used.
async fn lead_source(data: &SellData, session: &Session) -> Result<Option<SourceId>, CreateError> {
    let sources = data.lead_sources().await.map_err(CreateError::Sell)?;
    let name = match source_resolution(session.settings.settings.lead_source.as_ref(), &sources) {
        SourcePlan::None => return Ok(None),
        SourcePlan::UseExisting(id) => return Ok(Some(id)),
        SourcePlan::Create(name) => name,
    };
    let created = data.client().single::<LeadSource>(&requests::lead_source_create(&name)).await;
    // Either way the cached list is out of date now.
    data.forget_lead_sources();
    match created {
        Ok(source) => Ok(Some(source.id)),
        Err(SellError::Validation(errors)) if is_name_taken(&errors) => {
            let reread = data.lead_sources().await.map_err(CreateError::Sell)?;
            after_create_conflict(&name, &reread)
                .map(Some)
                .map_err(CreateError::SourceConflict)
        }
        Err(error) => Err(CreateError::SourceNotCreated { name, error }),
    }
}
