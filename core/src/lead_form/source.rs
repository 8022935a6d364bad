//! Which lead source a new lead gets: the configured name, matched to an existing source, or created.

use crate::text::name_key;
use crate::sell::model::{LeadSource, SourceId};
use crate::settings::SourceSetting;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourcePlan {
    UseExisting(SourceId),
    /// No source has that name yet: create it (`POST /v2/lead_sources`), then use it.
    Create(String),
    /// No source configured: the lead gets none.
    None,
}

/// Names are compared trimmed, with whitespace collapsed, case-insensitively (`zendesk  support` is
/// `Zendesk Support`). When several sources match, the one spelled exactly as configured wins, else
/// the first listed.
pub fn source_resolution(configured: Option<&SourceSetting>, existing: &[LeadSource]) -> SourcePlan {
    let Some(SourceSetting(name)) = configured else {
        return SourcePlan::None;
    };
    let name = name.trim();
    if name.is_empty() {
        return SourcePlan::None;
    }
    match find_source(name, existing) {
        Some(id) => SourcePlan::UseExisting(id),
        None => SourcePlan::Create(name.to_string()),
    }
}

fn find_source(name: &str, sources: &[LeadSource]) -> Option<SourceId> {
    let wanted = name_key(name);
    let exact = sources.iter().find(|s| s.name.trim() == name);
    exact
        .or_else(|| sources.iter().find(|s| name_key(&s.name) == wanted))
        .map(|s| s.id)
}

/// Creating the source failed because the name is taken: another agent created it a moment ago.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceConflict {
    /// Sell said "taken", yet the re-read list has no such source (perhaps one we may not see).
    StillMissing { name: String },
}

/// After a 422 "taken" on create, read the sources again and use the one now there.
pub fn after_create_conflict(name: &str, reread: &[LeadSource]) -> Result<SourceId, SourceConflict> {
    find_source(name.trim(), reread).ok_or_else(|| SourceConflict::StillMissing {
        name: name.trim().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources() -> Vec<LeadSource> {
        [(1, "Website"), (2, "Referral"), (3, "Trade show")]
            .into_iter()
            .map(|(id, name)| LeadSource {
                id: SourceId(id),
                name: name.into(),
                source: crate::json::Json::Null,
            })
            .collect()
    }
    fn configured(name: &str) -> Option<SourceSetting> {
        Some(SourceSetting(name.into()))
    }

    #[test]
    fn matches_or_creates_the_configured_source() {
        let cases = [
            (configured("Website"), SourcePlan::UseExisting(SourceId(1))),
            (configured(" website "), SourcePlan::UseExisting(SourceId(1))),
            (configured("TRADE   show"), SourcePlan::UseExisting(SourceId(3))),
            (
                configured(" Zendesk Support "),
                SourcePlan::Create("Zendesk Support".into()),
            ),
            (configured("Web"), SourcePlan::Create("Web".into())),
            (configured("  "), SourcePlan::None),
            (None, SourcePlan::None),
        ];
        for (setting, expected) in cases {
            assert_eq!(source_resolution(setting.as_ref(), &sources()), expected, "{setting:?}");
        }
    }

    #[test]
    fn an_exact_spelling_wins_over_a_case_variant() {
        let mut list = sources();
        list.push(LeadSource {
            id: SourceId(9),
            name: "website".into(),
            source: crate::json::Json::Null,
        });
        assert_eq!(
            source_resolution(configured("website").as_ref(), &list),
            SourcePlan::UseExisting(SourceId(9))
        );
        assert_eq!(
            source_resolution(configured("WEBSITE").as_ref(), &list),
            SourcePlan::UseExisting(SourceId(1))
        );
    }

    #[test]
    fn two_agents_creating_the_same_source_end_up_with_the_same_one() {
        let mut reread = sources();
        reread.push(LeadSource {
            id: SourceId(10),
            name: "Zendesk Support".into(),
            source: crate::json::Json::Null,
        });
        assert_eq!(after_create_conflict("zendesk support", &reread), Ok(SourceId(10)));
        assert_eq!(
            after_create_conflict(" Zendesk Support ", &sources()),
            Err(SourceConflict::StillMissing {
                name: "Zendesk Support".into()
            })
        );
    }
}
