//! The pure parts of the owner combobox: filtering options by what the agent types, and what each key
//! does. The view only renders and forwards keys.
//!
//! Filtering: every option's search text (label and email) is folded once, in [`FilterIndex::new`], to
//! lowercase without the common Latin diacritics (`Zoë` → `zoe`, `Straße` → `strasse`). A query is
//! folded the same way and split into words; an option matches when every word occurs in its key. Per
//! keystroke this costs one small allocation for the query and one for the result, none per option,
//! so 2,000 owners filter well within a frame. Matches keep the options' order (people, then pools, as
//! the owner policy sorted them), so the list doesn't jump around while typing.
//!
//! Keys: the highlight does **not** wrap around at the ends. With hundreds of owners a wrap from the
//! last to the first entry is disorienting, and Home/End already jump to the ends.

/// Something the combobox can filter: gives the texts an agent may type to find it.
pub trait Searchable {
    fn search_texts(&self) -> Vec<&str>;
}

/// Folded search keys of a fixed list of options, built once when the list is shown.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FilterIndex {
    keys: Vec<String>,
}

/// Separates the fields in a key, so a query can't match across label and email.
const FIELD_SEPARATOR: char = '\u{1F}';

impl FilterIndex {
    pub fn new<T: Searchable>(options: &[T]) -> Self {
        let keys = options
            .iter()
            .map(|option| {
                let mut key = String::new();
                for text in option.search_texts() {
                    if !key.is_empty() {
                        key.push(FIELD_SEPARATOR);
                    }
                    fold_into(text, &mut key);
                }
                key
            })
            .collect();
        Self { keys }
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Indices of the options matching `query`, in option order; every option for a blank query.
    pub fn filter(&self, query: &str) -> Vec<usize> {
        let mut out = Vec::new();
        self.filter_into(query, &mut out);
        out
    }

    /// Like [`FilterIndex::filter`], reusing `out`'s allocation.
    pub fn filter_into(&self, query: &str, out: &mut Vec<usize>) {
        out.clear();
        let mut folded = String::with_capacity(query.len());
        fold_into(query, &mut folded);
        let words: Vec<&str> = folded.split_whitespace().collect();
        out.extend(
            self.keys
                .iter()
                .enumerate()
                .filter(|(_, key)| words.iter().all(|word| crate::text::contains(key, word)))
                .map(|(index, _)| index),
        );
    }
}

/// Appends `text` lowercased and without common diacritics; control characters become spaces.
fn fold_into(text: &str, out: &mut String) {
    for c in text.chars() {
        if c.is_control() {
            out.push(' ');
            continue;
        }
        match fold_char(c) {
            Folded::One(f) => out.push(f),
            Folded::Two(a, b) => {
                out.push(a);
                out.push(b);
            }
            Folded::Lower => out.push(crate::text::lower_char(c)),
        }
    }
}

enum Folded {
    One(char),
    Two(char, char),
    Lower,
}

/// Latin-1 and Latin Extended-A letters an agent may type without their accent.
fn fold_char(c: char) -> Folded {
    use Folded::*;
    match c {
        'À'..='Å' | 'à'..='å' | 'Ā'..='ą' => One('a'),
        'Ç' | 'ç' | 'Ć'..='č' => One('c'),
        'Ď'..='đ' | 'Ð' | 'ð' => One('d'),
        'È'..='Ë' | 'è'..='ë' | 'Ē'..='ě' => One('e'),
        'Ĝ'..='ģ' => One('g'),
        'Ĥ'..='ħ' => One('h'),
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ'..='ı' => One('i'),
        'Ĵ' | 'ĵ' => One('j'),
        'Ķ' | 'ķ' => One('k'),
        'Ĺ'..='ł' => One('l'),
        'Ñ' | 'ñ' | 'Ń'..='ň' => One('n'),
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō'..='ő' => One('o'),
        'Ŕ'..='ř' => One('r'),
        'Ś'..='š' => One('s'),
        'Ţ'..='ŧ' => One('t'),
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ'..='ų' => One('u'),
        'Ý' | 'ý' | 'ÿ' | 'Ŷ' | 'ŷ' | 'Ÿ' => One('y'),
        'Ź'..='ž' => One('z'),
        'ß' => Two('s', 's'),
        'Æ' | 'æ' => Two('a', 'e'),
        'Œ' | 'œ' => Two('o', 'e'),
        c if c.is_ascii() => One(c.to_ascii_lowercase()),
        _ => Lower,
    }
}

/// What the combobox shows, as far as keys are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ComboState {
    pub open: bool,
    /// The highlighted row among the visible (filtered) rows.
    pub active: Option<usize>,
    /// How many rows are visible.
    pub visible: usize,
}

/// What a key asks the combobox to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Open,
    Close,
    MoveNext,
    MovePrev,
    First,
    Last,
    /// Choose the visible row with this index.
    Select(usize),
    /// Not ours: let the browser handle the key (typing, caret movement, Tab to the next field).
    None,
}

impl Action {
    /// Whether the view should call `preventDefault`. Tab closes the list but must still move focus.
    pub fn prevents_default(self, key: &str) -> bool {
        // Tab moves on, and Enter that only closes the list submits the form as well.
        self != Action::None && key != "Tab" && !(key == "Enter" && self == Action::Close)
    }
}

/// Maps a `KeyboardEvent.key` to an action, following the WAI-ARIA combobox pattern.
pub fn key_action(key: &str, state: &ComboState) -> Action {
    if !state.open {
        // Home/End/Enter/Escape keep their text-field meaning while the list is closed.
        return match key {
            "ArrowDown" | "ArrowUp" => Action::Open,
            _ => Action::None,
        };
    }
    match key {
        "ArrowDown" if state.visible > 0 => Action::MoveNext,
        "ArrowUp" if state.visible > 0 => Action::MovePrev,
        "Home" if state.visible > 0 => Action::First,
        "End" if state.visible > 0 => Action::Last,
        "Enter" => match state.active {
            Some(row) if row < state.visible => Action::Select(row),
            // Nothing highlighted: Enter submits the form; the list must not stay open over it.
            _ => Action::Close,
        },
        "Escape" | "Tab" => Action::Close,
        _ => Action::None,
    }
}

impl ComboState {
    /// The state after `action`. Opening highlights nothing yet, so the first ArrowDown lands on the
    /// first row; moves stop at the ends (no wrapping).
    pub fn after(self, action: Action) -> ComboState {
        let last = self.visible.checked_sub(1);
        let clamp = |row: Option<usize>| match (row, last) {
            (Some(row), Some(last)) => Some(row.min(last)),
            _ => None,
        };
        match action {
            Action::Open => ComboState {
                open: true,
                active: clamp(self.active),
                ..self
            },
            Action::Close | Action::Select(_) => ComboState {
                open: false,
                active: None,
                ..self
            },
            Action::MoveNext => {
                let next = match self.active {
                    Some(row) => row.saturating_add(1),
                    None => 0,
                };
                ComboState {
                    active: clamp(Some(next)),
                    ..self
                }
            }
            Action::MovePrev => {
                let prev = match self.active {
                    Some(row) => row.saturating_sub(1),
                    None => self.visible.saturating_sub(1),
                };
                ComboState {
                    active: clamp(Some(prev)),
                    ..self
                }
            }
            Action::First => ComboState {
                active: clamp(Some(0)),
                ..self
            },
            Action::Last => ComboState { active: last, ..self },
            Action::None => self,
        }
    }

    /// The state after the visible rows changed (the agent typed): the list opens and the highlight
    /// goes to the first match, so Enter picks what the agent sees on top.
    pub fn with_visible(self, visible: usize) -> ComboState {
        ComboState {
            open: true,
            visible,
            active: if visible > 0 { Some(0) } else { None },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Opt(&'static str, Option<&'static str>);
    impl Searchable for Opt {
        fn search_texts(&self) -> Vec<&str> {
            std::iter::once(self.0).chain(self.1).collect()
        }
    }

    fn owners() -> Vec<Opt> {
        vec![
            Opt("Ada Owner", Some("ada@acme.test")),
            Opt("Max North", Some("max@acme.test")),
            Opt("Zoë Ångström", Some("zoe@acme.test")),
            Opt("Jürgen Straße", None),
            Opt("Inbound pool", None),
            Opt("عمر الفاروق", Some("omar@rtl.test")),
        ]
    }

    #[test]
    fn filters_on_label_and_email_ignoring_case_and_accents() {
        let index = FilterIndex::new(&owners());
        let cases: &[(&str, &[usize])] = &[
            ("", &[0, 1, 2, 3, 4, 5]),
            ("   ", &[0, 1, 2, 3, 4, 5]),
            ("north", &[1]),
            ("NORTH", &[1]),
            ("max@", &[1]),
            ("acme", &[0, 1, 2]),
            ("zoe", &[2]),
            ("angstrom", &[2]),
            ("Ångström", &[2]),
            ("strasse", &[3]),
            ("jurgen", &[3]),
            ("pool", &[4]),
            ("north max", &[1]),
            ("الفاروق", &[5]),
            ("nobody", &[]),
            // Fields are separate: label's end + email's start is no match.
            ("ownerada", &[]),
        ];
        for (query, expected) in cases {
            assert_eq!(index.filter(query), *expected, "query {query:?}");
        }
    }

    #[test]
    fn filters_two_thousand_owners_quickly_and_correctly() {
        struct Owned(String, String);
        impl Searchable for Owned {
            fn search_texts(&self) -> Vec<&str> {
                vec![&self.0, &self.1]
            }
        }
        let options: Vec<Owned> = (0..2000)
            .map(|i| Owned(format!("Person Nümber {i}"), format!("p{i}@acme.test")))
            .collect();
        let index = FilterIndex::new(&options);
        assert_eq!(index.len(), 2000);
        let started = std::time::Instant::now();
        let mut out = Vec::new();
        for query in [
            "n",
            "nu",
            "num",
            "numb",
            "number 1",
            "number 19",
            "number 199",
            "p1999@",
        ] {
            index.filter_into(query, &mut out);
        }
        assert_eq!(out, vec![1999]);
        assert_eq!(
            index.filter("number 199"),
            vec![199, 1199, 1990, 1991, 1992, 1993, 1994, 1995, 1996, 1997, 1998, 1999]
        );
        assert_eq!(index.filter("number").len(), 2000);
        // Generous bound for an unoptimised test build on a shared machine; typically a few ms.
        assert!(
            started.elapsed() < std::time::Duration::from_millis(500),
            "took {:?}",
            started.elapsed()
        );
    }

    fn open(active: Option<usize>, visible: usize) -> ComboState {
        ComboState {
            open: true,
            active,
            visible,
        }
    }

    #[test]
    fn keys_map_to_actions() {
        let closed = ComboState {
            open: false,
            active: None,
            visible: 5,
        };
        let cases: &[(&str, ComboState, Action)] = &[
            ("ArrowDown", closed, Action::Open),
            ("ArrowUp", closed, Action::Open),
            ("Enter", closed, Action::None),
            ("Escape", closed, Action::None),
            ("Home", closed, Action::None),
            ("Tab", closed, Action::None),
            ("ArrowDown", open(None, 5), Action::MoveNext),
            ("ArrowUp", open(Some(2), 5), Action::MovePrev),
            ("Home", open(Some(2), 5), Action::First),
            ("End", open(Some(2), 5), Action::Last),
            ("Enter", open(Some(2), 5), Action::Select(2)),
            // Nothing (valid) highlighted: the list closes and the form is submitted.
            ("Enter", open(None, 5), Action::Close),
            ("Enter", open(Some(7), 5), Action::Close),
            ("Escape", open(Some(2), 5), Action::Close),
            ("Tab", open(Some(2), 5), Action::Close),
            ("ArrowDown", open(None, 0), Action::None),
            ("End", open(None, 0), Action::None),
            ("a", open(Some(1), 5), Action::None),
        ];
        for (key, state, expected) in cases {
            assert_eq!(key_action(key, state), *expected, "{key} in {state:?}");
        }
    }

    #[test]
    fn enter_that_only_closes_the_list_still_submits_the_form() {
        assert!(!Action::Close.prevents_default("Enter"));
        assert!(Action::Select(0).prevents_default("Enter"));
        assert!(Action::Close.prevents_default("Escape"));
        assert!(!Action::Close.prevents_default("Tab"));
    }

    #[test]
    fn moves_stop_at_the_ends_without_wrapping() {
        let cases: &[(ComboState, Action, Option<usize>)] = &[
            (open(None, 3), Action::MoveNext, Some(0)),
            (open(Some(0), 3), Action::MoveNext, Some(1)),
            (open(Some(2), 3), Action::MoveNext, Some(2)),
            (open(None, 3), Action::MovePrev, Some(2)),
            (open(Some(0), 3), Action::MovePrev, Some(0)),
            (open(Some(1), 3), Action::First, Some(0)),
            (open(Some(0), 3), Action::Last, Some(2)),
            (open(None, 0), Action::MoveNext, None),
            (open(None, 0), Action::Last, None),
        ];
        for (state, action, expected) in cases {
            assert_eq!(state.after(*action).active, *expected, "{action:?} from {state:?}");
        }
    }

    #[test]
    fn closing_or_selecting_clears_the_highlight_and_typing_highlights_the_top_match() {
        assert_eq!(
            open(Some(1), 3).after(Action::Close),
            ComboState {
                open: false,
                active: None,
                visible: 3
            }
        );
        assert!(!open(Some(1), 3).after(Action::Select(1)).open);
        assert_eq!(ComboState::default().with_visible(4), open(Some(0), 4));
        assert_eq!(open(Some(3), 4).with_visible(0), open(None, 0));
    }

    #[test]
    fn tab_closes_but_keeps_moving_focus() {
        assert!(!Action::Close.prevents_default("Tab"));
        assert!(Action::Close.prevents_default("Escape"));
        assert!(!Action::None.prevents_default("a"));
        assert!(Action::MoveNext.prevents_default("ArrowDown"));
    }
}
