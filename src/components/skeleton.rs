//! Loading placeholders shaped like the cards they stand for (`sidebar_core::cards::skeleton`), built
//! into DOM by the one function the cards use (#16: no view type of its own).

use sidebar_core::cards;

use crate::el::{tree, El};

/// `cards`: how many card shapes (the sidebar's first load shows two).
pub fn skeleton(cards: usize) -> El {
    tree(&cards::skeleton(cards))
}
