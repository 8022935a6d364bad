//! Maps and sets keyed by Sell ids, kept as sorted lists.
//!
//! Why not `HashMap`/`HashSet`: every key and value type compiles its own copy of the hash table's
//! code, and std's hasher comes with them (measured in the bundle, #16). The collections here hold
//! at most a few thousand ids, where a binary search is as quick and the code is a few lines.

use std::cmp::Ordering;

/// Keys to values, each key once, in key order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdMap<K, V>(Vec<(K, V)>);

impl<K, V> Default for IdMap<K, V> {
    fn default() -> Self {
        IdMap(Vec::new())
    }
}

impl<K: Ord + Copy, V> IdMap<K, V> {
    pub fn new() -> Self {
        Self::default()
    }

    fn find(&self, key: &K) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.cmp(key))
    }

    pub fn get(&self, key: &K) -> Option<&V> {
        self.find(key).ok().and_then(|i| self.0.get(i)).map(|(_, v)| v)
    }

    pub fn contains_key(&self, key: &K) -> bool {
        self.find(key).is_ok()
    }

    /// Sets `key`'s value; the one it had, if any, comes back.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                self.0.insert(i, (key, value));
                None
            }
        }
    }

    /// `key`'s value, made with `V::default()` first if it has none.
    pub fn entry_or_default(&mut self, key: K) -> &mut V
    where
        V: Default,
    {
        let i = match self.find(&key) {
            Ok(i) => i,
            Err(i) => {
                self.0.insert(i, (key, V::default()));
                i
            }
        };
        &mut self.0[i].1
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// In key order.
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.0.iter().map(|(_, v)| v)
    }
}

/// As `HashMap`'s: where a key comes twice, the later value stays.
impl<K: Ord + Copy, V> FromIterator<(K, V)> for IdMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Self {
        let mut pairs: Vec<(K, V)> = pairs.into_iter().collect();
        // The app's one shared sort (stable): another `sort` would compile another copy (`order`).
        crate::order::sort_by(&mut pairs, |a, b| a.0.cmp(&b.0));
        let mut kept: Vec<(K, V)> = Vec::with_capacity(pairs.len());
        for (key, value) in pairs {
            match kept.last_mut() {
                Some(last) if last.0.cmp(&key) == Ordering::Equal => last.1 = value,
                _ => kept.push((key, value)),
            }
        }
        IdMap(kept)
    }
}

/// Ids, each once, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdSet<K>(IdMap<K, ()>);

impl<K> Default for IdSet<K> {
    fn default() -> Self {
        IdSet(IdMap::default())
    }
}

impl<K: Ord + Copy> IdSet<K> {
    pub fn new() -> Self {
        Self::default()
    }

    /// `true` if `key` was not in the set yet.
    pub fn insert(&mut self, key: K) -> bool {
        self.0.insert(key, ()).is_none()
    }

    pub fn contains(&self, key: &K) -> bool {
        self.0.contains_key(key)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// In order.
    pub fn iter(&self) -> impl Iterator<Item = &K> {
        self.0.keys()
    }
}

impl<K: Ord + Copy> FromIterator<K> for IdSet<K> {
    fn from_iter<I: IntoIterator<Item = K>>(keys: I) -> Self {
        IdSet(keys.into_iter().map(|k| (k, ())).collect())
    }
}

impl<K: Ord + Copy, const N: usize> From<[K; N]> for IdSet<K> {
    fn from(keys: [K; N]) -> Self {
        keys.into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::{HashMap, HashSet};

    proptest! {
        #[test]
        fn a_map_answers_as_a_hash_map_does(pairs in prop::collection::vec((0u8..40, any::<u16>()), 0..80), probes in prop::collection::vec(0u8..45, 0..20)) {
            let ours: IdMap<u8, u16> = pairs.iter().copied().collect();
            let std: HashMap<u8, u16> = pairs.iter().copied().collect();
            prop_assert_eq!(ours.len(), std.len());
            for key in probes {
                prop_assert_eq!(ours.get(&key), std.get(&key));
                prop_assert_eq!(ours.contains_key(&key), std.contains_key(&key));
            }
            let keys: Vec<u8> = ours.keys().copied().collect();
            prop_assert!(keys.windows(2).all(|w| w[0] < w[1]), "keys in order, each once");
        }

        #[test]
        fn inserting_answers_as_a_hash_map_does(pairs in prop::collection::vec((0u8..40, any::<u16>()), 0..80)) {
            let mut ours = IdMap::new();
            let mut std = HashMap::new();
            for (key, value) in pairs {
                prop_assert_eq!(ours.insert(key, value), std.insert(key, value));
            }
            for (key, value) in ours.iter() {
                prop_assert_eq!(std.get(key), Some(value));
            }
        }

        #[test]
        fn a_set_answers_as_a_hash_set_does(keys in prop::collection::vec(0u8..40, 0..80)) {
            let mut ours = IdSet::new();
            let mut std = HashSet::new();
            for key in &keys {
                prop_assert_eq!(ours.insert(*key), std.insert(*key));
            }
            prop_assert_eq!(ours.len(), std.len());
            let collected: IdSet<u8> = keys.iter().copied().collect();
            prop_assert_eq!(collected, ours);
        }
    }

    #[test]
    fn entries_made_on_first_use_collect_what_is_pushed() {
        let mut reports: IdMap<u8, Vec<u8>> = IdMap::new();
        reports.entry_or_default(2).push(7);
        reports.entry_or_default(1).push(5);
        reports.entry_or_default(2).push(9);
        assert_eq!(reports.get(&2), Some(&vec![7, 9]));
        assert_eq!(reports.keys().copied().collect::<Vec<_>>(), vec![1, 2]);
    }
}
