//! `state`: `State` drives effects as Leptos's `RwSignal` does (tracked and untracked reads, writes
//! that notify, a change that says it changed nothing notifies nobody), and both `State` and `Stored`
//! go with their owner: reading then panics, writing does nothing, `try_` hands back.
//! Run by `cargo xtask test` (wasm-bindgen-test in headless Chromium).

use leptos::prelude::*;
use sell_sidebar::sell_client::sleep_ms;
use sell_sidebar::state::{State, Stored};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Effects run after the write that woke them: let them.
async fn settle() {
    sleep_ms(5).await;
}

/// The owner a test's states and effects live under, set as current, with the executor effects run on.
fn root() -> Owner {
    let owner = Owner::new();
    owner.set();
    let _ = any_spawner::Executor::init_wasm_bindgen();
    owner
}

/// How often an effect reading `read` ran, and the last value it saw.
fn watch(read: impl Fn() -> u32 + 'static) -> State<(u32, u32)> {
    let seen = State::new((0u32, 0u32));
    Effect::new(move |_| {
        let value = read();
        seen.update(|(runs, last)| {
            *runs += 1;
            *last = value;
        });
    });
    seen
}

#[wasm_bindgen_test]
async fn tracked_reads_rerun_on_each_write_and_untracked_ones_do_not() {
    let _root = root();
    let count = State::new(1u32);
    let tracked = watch(move || count.get());
    let untracked = watch(move || count.get_untracked());
    let by_with = watch(move || count.with(|n| n * 10));
    settle().await;
    assert_eq!(tracked.get_untracked(), (1, 1));
    count.set(2);
    settle().await;
    assert_eq!(tracked.get_untracked(), (2, 2), "set notifies");
    assert_eq!(by_with.get_untracked(), (2, 20), "with tracks");
    count.update(|n| *n += 5);
    settle().await;
    assert_eq!(tracked.get_untracked(), (3, 7), "update notifies");
    assert_eq!(untracked.get_untracked(), (1, 1), "an untracked read subscribes to nothing");
}

#[wasm_bindgen_test]
async fn maybe_update_notifies_only_when_it_changed_something() {
    let _root = root();
    let count = State::new(1u32);
    let seen = watch(move || count.get());
    settle().await;
    count.maybe_update(|_| false);
    settle().await;
    assert_eq!(seen.get_untracked(), (1, 1), "no change, no rerun");
    count.maybe_update(|n| {
        *n = 4;
        true
    });
    settle().await;
    assert_eq!(seen.get_untracked(), (2, 4));
}

#[wasm_bindgen_test]
async fn states_of_different_types_keep_their_own_values() {
    let _root = root();
    let name = State::new(String::from("Carl"));
    let flag = State::new(false);
    let list: State<Vec<u32>> = State::new(vec![1, 2]);
    name.update(|n| n.push_str(" Clark"));
    flag.set(true);
    list.update(|l| l.push(3));
    assert_eq!(name.get_untracked(), "Carl Clark");
    assert!(flag.get_untracked());
    assert_eq!(list.get_untracked(), vec![1, 2, 3]);
}

#[wasm_bindgen_test]
fn a_gone_state_takes_no_writes_and_hands_values_back() {
    let owner = Owner::new();
    let (state, stored) = owner.with(|| (State::new(1u32), Stored::new(String::from("kept"))));
    assert_eq!(state.try_set(2), None);
    assert_eq!(state.try_get_untracked(), Some(2));
    assert_eq!(stored.try_get_value().as_deref(), Some("kept"));
    stored.set_value("changed".into());
    assert_eq!(stored.with_value(|s| s.len()), 7);
    drop(owner);
    assert_eq!(state.try_set(3), Some(3), "a gone state hands the value back");
    state.set(4);
    state.update(|n| *n = 5);
    assert_eq!(state.try_get_untracked(), None);
    assert_eq!(stored.try_get_value(), None);
    assert_eq!(stored.try_with_value(|s| s.len()), None);
    stored.set_value("ignored".into());
}

#[wasm_bindgen_test]
#[should_panic(expected = "a State was read after its view was gone")]
fn reading_a_gone_state_panics_with_a_message() {
    let owner = Owner::new();
    let state = owner.with(|| State::new(1u32));
    drop(owner);
    let _ = state.get_untracked();
}
