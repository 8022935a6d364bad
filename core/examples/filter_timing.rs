//! Times the owner combobox's filter over 2,000 owners with `std::time::Instant` and prints one JSON
//! object; `cargo xtask bench` runs it (the release profile) and reports the figures.

#[path = "../benches/support/owners.rs"]
mod owners;

use std::hint::black_box;
use std::time::Instant;

use sidebar_core::combobox::FilterIndex;

/// Enough keystrokes that one run takes a fraction of a second and timer resolution doesn't matter.
const ROUNDS: usize = 2_000;

fn main() {
    let options = owners::owners();
    let started = Instant::now();
    let index = FilterIndex::new(&options);
    let build_us = started.elapsed().as_secs_f64() * 1e6;

    let queries = owners::keystrokes();
    let mut out = Vec::with_capacity(index.len());
    let mut per_keystroke_ns: Vec<f64> = Vec::with_capacity(ROUNDS);
    for round in 0..ROUNDS {
        let query = &queries[round % queries.len()];
        let started = Instant::now();
        index.filter_into(black_box(query), &mut out);
        black_box(out.len());
        per_keystroke_ns.push(started.elapsed().as_nanos() as f64);
    }
    per_keystroke_ns.sort_by(f64::total_cmp);
    let at = |q: f64| {
        let i = ((per_keystroke_ns.len() - 1) as f64 * q).round() as usize;
        per_keystroke_ns.get(i).copied().unwrap_or(0.0) / 1000.0
    };
    let last_matches = index
        .filter(queries.last().map(String::as_str).unwrap_or(""))
        .len();
    println!(
        "{{\"owners\": {}, \"keystrokes\": {ROUNDS}, \"index_build_us\": {build_us:.1}, \
         \"filter_us_p10\": {:.2}, \"filter_us_median\": {:.2}, \"filter_us_p90\": {:.2}, \
         \"matches_for_full_query\": {last_matches}}}",
        index.len(),
        at(0.1),
        at(0.5),
        at(0.9)
    );
}
