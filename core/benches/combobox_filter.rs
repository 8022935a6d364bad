//! How long the owner combobox takes to filter 2,000 owners on one keystroke.
//! Run with `cargo bench -p sidebar-core`.

#[path = "support/owners.rs"]
mod owners;

use divan::{black_box, Bencher};
use sidebar_core::combobox::FilterIndex;

fn main() {
    divan::main();
}

/// Folding the 2,000 search keys: paid once when the form opens.
#[divan::bench]
fn build_index(bencher: Bencher) {
    let options = owners::owners();
    bencher.bench(|| FilterIndex::new(black_box(&options)));
}

/// One keystroke: the query after each letter of "zoe strasse 1", cycled.
#[divan::bench]
fn filter_per_keystroke(bencher: Bencher) {
    let index = FilterIndex::new(&owners::owners());
    let queries = owners::keystrokes();
    let mut next = 0;
    let mut out = Vec::with_capacity(index.len());
    bencher.bench_local(|| {
        let query = &queries[next % queries.len()];
        next += 1;
        index.filter_into(black_box(query), &mut out);
        out.len()
    });
}

/// The worst keystroke: a single common letter that matches nearly every owner.
#[divan::bench]
fn filter_one_letter(bencher: Bencher) {
    let index = FilterIndex::new(&owners::owners());
    let mut out = Vec::with_capacity(index.len());
    bencher.bench_local(|| {
        index.filter_into(black_box("a"), &mut out);
        out.len()
    });
}
