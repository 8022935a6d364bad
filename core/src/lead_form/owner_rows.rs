//! What the owner combobox's list shows for the options matching the agent's typing: at most
//! [`MAX_SHOWN_OWNERS`] options (an account with 2,000 users must not put 2,000 nodes in the DOM on
//! every keystroke), grouped into people and distribution pools, plus how many more matched.

use crate::policy::owner::{OwnerChoice, OwnerKind};

/// Enough to find anyone by typing a few letters; the rest is counted, not rendered.
pub const MAX_SHOWN_OWNERS: usize = 50;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OwnerRow {
    /// A group label ("People", "Distribution pools").
    Group(OwnerKind),
    /// The option `options[index]`, the `row`th selectable row (what `ComboState::active` counts).
    Option { index: usize, row: usize },
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OwnerRows {
    pub rows: Vec<OwnerRow>,
    /// Selectable rows shown (`ComboState::visible`).
    pub shown: usize,
    /// Matches not shown: "N more, keep typing".
    pub hidden: usize,
}

impl OwnerRows {
    /// The option index of the `row`th selectable row.
    pub fn option_at(&self, row: usize) -> Option<usize> {
        self.rows.iter().find_map(|r| match r {
            OwnerRow::Option { index, row: r } if *r == row => Some(*index),
            _ => None,
        })
    }
}

/// The rows for `matches` (indices into `options`, in option order, as `FilterIndex` gives them).
/// Group labels appear only when the options mix people and pools; a label precedes each run of one
/// kind among the shown rows.
pub fn owner_rows(options: &[OwnerChoice], matches: &[usize]) -> OwnerRows {
    let mixed =
        options.iter().any(|o| o.kind == OwnerKind::Pool) && options.iter().any(|o| o.kind == OwnerKind::Person);
    let mut rows = Vec::new();
    let mut last_kind = None;
    let mut shown = 0;
    for &index in matches.iter().take(MAX_SHOWN_OWNERS) {
        let Some(option) = options.get(index) else { continue };
        if mixed && last_kind != Some(option.kind) {
            rows.push(OwnerRow::Group(option.kind));
            last_kind = Some(option.kind);
        }
        rows.push(OwnerRow::Option { index, row: shown });
        shown += 1;
    }
    OwnerRows {
        rows,
        shown,
        hidden: matches.len().saturating_sub(MAX_SHOWN_OWNERS),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sell::model::UserId;

    fn option(id: u64, kind: OwnerKind) -> OwnerChoice {
        OwnerChoice {
            id: UserId(id),
            label: format!("#{id}"),
            kind,
            email: None,
        }
    }

    fn everyone() -> Vec<OwnerChoice> {
        vec![
            option(1, OwnerKind::Person),
            option(2, OwnerKind::Person),
            option(7, OwnerKind::Pool),
            option(8, OwnerKind::Pool),
        ]
    }

    #[test]
    fn people_and_pools_are_grouped_under_labels() {
        use OwnerRow::*;
        let rows = owner_rows(&everyone(), &[0, 1, 2, 3]);
        assert_eq!(
            rows.rows,
            vec![
                Group(OwnerKind::Person),
                Option { index: 0, row: 0 },
                Option { index: 1, row: 1 },
                Group(OwnerKind::Pool),
                Option { index: 2, row: 2 },
                Option { index: 3, row: 3 },
            ]
        );
        assert_eq!((rows.shown, rows.hidden), (4, 0));
        assert_eq!(rows.option_at(2), Some(2));
        assert_eq!(rows.option_at(4), None);
    }

    #[test]
    fn a_filtered_list_labels_only_the_groups_it_shows() {
        use OwnerRow::*;
        let rows = owner_rows(&everyone(), &[3]);
        assert_eq!(rows.rows, vec![Group(OwnerKind::Pool), Option { index: 3, row: 0 }]);
    }

    #[test]
    fn only_people_need_no_labels() {
        let people = vec![option(1, OwnerKind::Person), option(2, OwnerKind::Person)];
        assert!(owner_rows(&people, &[0, 1])
            .rows
            .iter()
            .all(|r| matches!(r, OwnerRow::Option { .. })));
    }

    #[test]
    fn two_thousand_matches_render_fifty_and_count_the_rest() {
        let many: Vec<OwnerChoice> = (0..2000).map(|i| option(i, OwnerKind::Person)).collect();
        let all: Vec<usize> = (0..2000).collect();
        let rows = owner_rows(&many, &all);
        assert_eq!(
            (rows.shown, rows.hidden, rows.rows.len()),
            (MAX_SHOWN_OWNERS, 1950, MAX_SHOWN_OWNERS)
        );
        assert_eq!(rows.option_at(49), Some(49));
    }

    #[test]
    fn an_index_outside_the_options_is_skipped() {
        let rows = owner_rows(&everyone(), &[0, 99]);
        assert_eq!(rows.shown, 1);
    }
}
