//! Which lead status a new lead gets: the configured `lead_status` name, checked against the statuses
//! Sell lists (`GET /v2/lead_statuses`). Sell takes the status by name and rejects a name it doesn't
//! know, so an unknown name is caught before the agent fills in the form, not after they send it.

use crate::text::name_key;
use crate::sell::model::LeadStatus;

/// Why the configured status can't be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusProblem {
    /// `lead_status` is empty (its settings problem is reported separately).
    NotSet,
    /// No status in Sell has that name; `available` are Sell's names, for the admin to copy.
    Unknown { configured: String, available: Vec<String> },
}

/// The status name to send, spelled as Sell spells it. An exact match wins; otherwise names compare
/// trimmed, with whitespace collapsed, case-insensitively (the admin typed `new`, Sell says `New`).
pub fn status_resolution(configured: &str, statuses: &[LeadStatus]) -> Result<String, StatusProblem> {
    let wanted = configured.trim();
    if wanted.is_empty() {
        return Err(StatusProblem::NotSet);
    }
    let exact = statuses.iter().find(|s| s.name.trim() == wanted);
    let loose = || statuses.iter().find(|s| name_key(&s.name) == name_key(wanted));
    match exact.or_else(loose) {
        Some(status) => Ok(status.name.trim().to_string()),
        None => Err(StatusProblem::Unknown {
            configured: wanted.to_string(),
            available: statuses
                .iter()
                .map(|s| s.name.trim().to_string())
                .filter(|n| !n.is_empty())
                .collect(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sell::model::LeadStatusId;

    fn statuses(names: &[&str]) -> Vec<LeadStatus> {
        names
            .iter()
            .zip(5001..)
            .map(|(name, id)| LeadStatus {
                id: LeadStatusId(id),
                name: name.to_string(),
                source: crate::json::Json::Null,
            })
            .collect()
    }

    #[test]
    fn the_configured_status_is_sent_as_sell_spells_it() {
        let sell = statuses(&["New", "Incoming", "Working", "Unqualified"]);
        let cases = [
            ("New", Ok("New")),
            (" Working ", Ok("Working")),
            ("incoming", Ok("Incoming")),
            ("UN   qualified", Err(())),
            ("unqualified", Ok("Unqualified")),
            ("Hot", Err(())),
        ];
        for (configured, expected) in cases {
            let got = status_resolution(configured, &sell);
            assert_eq!(got.as_deref().map_err(|_| ()), expected, "{configured:?}");
        }
    }

    #[test]
    fn an_exact_spelling_beats_a_case_variant() {
        let sell = statuses(&["NEW", "New"]);
        assert_eq!(status_resolution("New", &sell), Ok("New".to_string()));
        assert_eq!(status_resolution("new", &sell), Ok("NEW".to_string()));
    }

    #[test]
    fn an_unknown_status_lists_what_sell_has() {
        assert_eq!(
            status_resolution("Hot", &statuses(&["New", " ", "Working"])),
            Err(StatusProblem::Unknown {
                configured: "Hot".into(),
                available: vec!["New".into(), "Working".into()],
            })
        );
        assert_eq!(status_resolution("  ", &statuses(&["New"])), Err(StatusProblem::NotSet));
        assert!(matches!(
            status_resolution("New", &[]),
            Err(StatusProblem::Unknown { .. })
        ));
    }
}
