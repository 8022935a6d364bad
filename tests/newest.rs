//! `Newest`: of overlapping tasks only the newest may write, and none once its component is gone.
//! Run by `cargo xtask test` (wasm-bindgen-test in headless Chromium).

use leptos::prelude::Owner;
use sell_sidebar::newest::Newest;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn only_the_newest_turn_is_current_and_none_after_its_owner_is_gone() {
    let owner = Owner::new();
    let (first, second) = owner.with(|| {
        let newest = Newest::new();
        let first = newest.take();
        assert!(first.is_current());
        (first, newest.take())
    });
    assert!(!first.is_current(), "a later task started");
    assert!(second.is_current());
    owner.cleanup();
    assert!(!second.is_current(), "its component is gone");
}
