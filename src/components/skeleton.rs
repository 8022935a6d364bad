//! Loading placeholders shaped like the cards they stand for (`sidebar_core::cards::skeleton`), built
//! into DOM by the one function the cards use (#16: no view type of its own).

use leptos::prelude::*;
use sidebar_core::cards;

use crate::dom::Built;

#[component]
pub fn Skeleton(#[prop(default = 2)] cards: usize) -> impl IntoView {
    Built::new(&cards::skeleton(cards))
}
