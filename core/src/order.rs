//! One stable sort for the whole app. Every `sort_by` on another element type or with another
//! comparator compiles a copy of the standard library's sort (about 3 KB of WebAssembly each); this one
//! sorts positions with a comparator behind `dyn`, so it is compiled once, and puts the items in place.
//! The positions are merge-sorted by hand: the standard sort of even one type is ~4 KB of WebAssembly
//! (#16), this one a few hundred bytes, and the lists here (at most a few thousand users) need no more.

use std::cmp::Ordering;

/// Sorts `items` stably by `cmp`, as `slice::sort_by` would.
pub fn sort_by<T>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = positions(items.len(), &|a, b| cmp(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots.get_mut(i).and_then(Option::take)));
}

/// The positions `0..len` in the order `cmp` gives them (stable).
fn positions(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    let mut merged = order.clone();
    let mut run = 1;
    // Bottom-up: merge neighbouring runs of `run` positions into runs of twice that.
    while run < len {
        let mut start = 0;
        while start < len {
            let middle = (start + run).min(len);
            let end = (start + 2 * run).min(len);
            let (mut left, mut right) = (start, middle);
            for slot in &mut merged[start..end] {
                // The left run wins ties: that is what keeps the sort stable.
                let take_left = right == end || (left < middle && cmp(order[left], order[right]) != Ordering::Greater);
                let from = if take_left { &mut left } else { &mut right };
                *slot = order[*from];
                *from += 1;
            }
            start = end;
        }
        std::mem::swap(&mut order, &mut merged);
        run *= 2;
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_exactly_as_the_standard_stable_sort(items in prop::collection::vec((0u8..5, any::<u16>()), 0..300)) {
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = items;
            std.sort_by(|a, b| a.0.cmp(&b.0));
            prop_assert_eq!(ours, std);
        }
    }
}
