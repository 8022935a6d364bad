//! Long lists (hundreds of deals, a huge user list) are rendered a page at a time: the first 20, then
//! "show more" adds 20, so the sidebar stays responsive whatever Sell returns.

pub const BATCH: usize = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BoundedList {
    total: usize,
    shown: usize,
}

impl BoundedList {
    pub fn new(total: usize) -> BoundedList {
        BoundedList {
            total,
            shown: total.min(BATCH),
        }
    }

    /// The items to render now.
    pub fn visible<'a, T>(&self, items: &'a [T]) -> &'a [T] {
        items.get(..self.shown.min(items.len())).unwrap_or(items)
    }

    /// Items not rendered yet.
    pub fn hidden(&self) -> usize {
        self.total - self.shown
    }

    /// How many the "show more" button adds (the number on it); 0 means no button.
    pub fn next_batch(&self) -> usize {
        self.hidden().min(BATCH)
    }

    pub fn show_more(&mut self) {
        self.shown += self.next_batch();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_list_is_shown_whole_without_a_button() {
        let list = BoundedList::new(7);
        let items: Vec<u32> = (0..7).collect();
        assert_eq!(list.visible(&items).len(), 7);
        assert_eq!(list.next_batch(), 0);
    }

    #[test]
    fn a_long_list_grows_by_twenty() {
        let items: Vec<u32> = (0..45).collect();
        let mut list = BoundedList::new(items.len());
        let steps: Vec<(usize, usize)> = (0..4)
            .map(|_| {
                let step = (list.visible(&items).len(), list.next_batch());
                list.show_more();
                step
            })
            .collect();
        assert_eq!(steps, [(20, 20), (40, 5), (45, 0), (45, 0)]);
    }

    #[test]
    fn items_shorter_than_announced_do_not_panic() {
        let list = BoundedList::new(100);
        let items = [1, 2, 3];
        assert_eq!(list.visible(&items), &[1, 2, 3]);
        assert_eq!(BoundedList::new(0).visible::<u8>(&[]), &[] as &[u8]);
    }
}
