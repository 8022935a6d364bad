//! Reference lists longer than Sell's largest page (100): lead sources, and stages in pipeline 1
//! whose last one is won, with a deal on it for Carl (ticket 102). A client that reads only the
//! first page misses a source (and creates it again) or shows the won deal as open.

use crate::sell::records::{ContactId, Deal, LeadSource, PipelineId, SourceId, Stage, StageId};
use crate::sell::seed::{blank_deal, ADA, NORA};
use crate::sell::store::Store;
use serde::Serialize;

const PIPELINE: PipelineId = PipelineId(1);
const SOURCE_PREFIX: &str = "Bulk source ";
const STAGE_PREFIX: &str = "Bulk stage ";
/// Carl Contact, the requester of ticket 102.
const LATE_DEAL_EMAIL: &str = "carl@deals.test";
pub const LATE_DEAL_NAME: &str = "Deal on a late stage";

#[derive(Debug, Serialize)]
pub struct Named {
    pub id: u64,
    pub name: String,
}

#[derive(Debug, Serialize)]
pub struct AddedSources {
    pub count: usize,
    pub ids: Vec<u64>,
    pub last: Option<Named>,
}

#[derive(Debug, Serialize)]
pub struct AddedStages {
    pub count: usize,
    pub pipeline_id: u64,
    pub ids: Vec<u64>,
    /// Category `won`; every other added stage has an open category of its own.
    pub last: Option<Named>,
}

#[derive(Debug, Serialize)]
pub struct AddedDeal {
    pub id: u64,
    pub name: String,
    pub stage_id: u64,
    pub contact_id: u64,
    pub organization_id: Option<u64>,
    pub owner_id: u64,
}

/// The person contact the late deal belongs to, and their organization.
#[derive(Debug, Clone, Copy)]
pub struct LateDealContact {
    id: ContactId,
    organization: Option<ContactId>,
}

/// Names go on from earlier bulk calls, since Sell refuses a second source with a taken name.
fn next_number<'a>(names: impl Iterator<Item = &'a str>, prefix: &str) -> usize {
    names.filter(|n| n.starts_with(prefix)).count() + 1
}

pub fn add_lead_sources(store: &mut Store, count: usize, now: &str) -> AddedSources {
    let first_number = next_number(
        store.lead_sources.iter().map(|s| s.name.as_str()),
        SOURCE_PREFIX,
    );
    let first_id = store.next_source_id().0;
    let added: Vec<LeadSource> = (0..count)
        .map(|n| LeadSource {
            id: SourceId(first_id + n as u64),
            name: format!("{SOURCE_PREFIX}{:03}", first_number + n),
            resource_type: "lead".into(),
            creator_id: ADA,
            created_at: now.to_string(),
            updated_at: now.to_string(),
        })
        .collect();
    let summary = AddedSources {
        count,
        ids: added.iter().map(|s| s.id.0).collect(),
        last: added.last().map(|s| Named {
            id: s.id.0,
            name: s.name.clone(),
        }),
    };
    store.lead_sources.extend(added);
    summary
}

pub fn check_pipeline(store: &Store) -> Result<(), String> {
    if store.pipelines.iter().any(|p| p.id == PIPELINE) {
        Ok(())
    } else {
        Err(format!(
            "pipeline {} is gone; POST /_emu/reset first",
            PIPELINE.0
        ))
    }
}

/// Stages after pipeline 1's last position; the last one added is won.
pub fn add_stages(store: &mut Store, count: usize, now: &str) -> AddedStages {
    let first_number = next_number(store.stages.iter().map(|s| s.name.as_str()), STAGE_PREFIX);
    let first_id = store.next_stage_id().0;
    let after = store
        .stages
        .iter()
        .filter(|s| s.pipeline_id == PIPELINE)
        .map(|s| s.position)
        .max()
        .unwrap_or(0);
    let added: Vec<Stage> = (0..count)
        .map(|n| {
            let number = format!("{:03}", first_number + n);
            let won = n + 1 == count;
            Stage {
                id: StageId(first_id + n as u64),
                name: format!("{STAGE_PREFIX}{number}"),
                // Open stages get a category of their own (Sell's categories are unique names).
                category: if won {
                    "won".into()
                } else {
                    format!("bulk_{number}")
                },
                active: won,
                likelihood: if won { 100 } else { 50 },
                pipeline_id: PIPELINE,
                position: after.saturating_add(n as u32 + 1),
                created_at: now.to_string(),
                updated_at: now.to_string(),
            }
        })
        .collect();
    let summary = AddedStages {
        count,
        pipeline_id: PIPELINE.0,
        ids: added.iter().map(|s| s.id.0).collect(),
        last: added.last().map(|s| Named {
            id: s.id.0,
            name: s.name.clone(),
        }),
    };
    store.stages.extend(added);
    summary
}

pub fn late_deal_contact(store: &Store) -> Result<LateDealContact, String> {
    store
        .contacts
        .iter()
        .find(|c| {
            !c.is_organization
                && c.email
                    .as_deref()
                    .is_some_and(|e| e.eq_ignore_ascii_case(LATE_DEAL_EMAIL))
        })
        .map(|c| LateDealContact {
            id: c.id,
            organization: c.contact_id,
        })
        .ok_or_else(|| {
            format!("no person contact has the email {LATE_DEAL_EMAIL}; POST /_emu/reset first")
        })
}

/// A won deal of Nora's on `stage`, for Carl and his organization like his seeded deals.
pub fn add_late_deal(
    store: &mut Store,
    stage: StageId,
    contact: LateDealContact,
    now: &str,
) -> AddedDeal {
    let id = store.next_deal_id();
    let deal = Deal {
        name: LATE_DEAL_NAME.into(),
        value: 4200.0,
        organization_id: contact.organization,
        last_stage_change_at: Some(now.to_string()),
        last_stage_change_by_id: Some(NORA),
        ..blank_deal(id, NORA, stage, contact.id, now.to_string())
    };
    let added = AddedDeal {
        id: id.0,
        name: deal.name.clone(),
        stage_id: stage.0,
        contact_id: contact.id.0,
        organization_id: contact.organization.map(|o| o.0),
        owner_id: NORA.0,
    };
    store.deals.push(deal);
    added
}
