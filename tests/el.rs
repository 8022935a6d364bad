//! `el`: the DOM the sidebar is built with follows its signals, replaces only what a reactive part
//! built (nested parts included), and lets go of listeners when its owner is gone.
//! Run by `cargo xtask test` (wasm-bindgen-test in headless Chromium).

use leptos::prelude::*;
use sell_sidebar::el::{el, frag, El};
use sell_sidebar::sell_client::sleep_ms;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

type Mounted = leptos::mount::UnmountHandle<web_sys::Element>;

/// Mounts what `view` builds, as the app is mounted; dropping the handle unmounts it (its owner
/// cleans up).
fn build(view: impl FnOnce() -> El + 'static) -> (web_sys::Element, Mounted) {
    let document = web_sys::window().unwrap().document().unwrap();
    let parent: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&parent).unwrap();
    let handle = leptos::mount::mount_to(parent.clone(), move || view().built());
    (parent.first_element_child().unwrap(), handle)
}

/// Effects run after the signal that made them: let them.
async fn settle() {
    sleep_ms(5).await;
}

#[wasm_bindgen_test]
async fn attributes_flags_texts_and_values_follow_their_signals() {
    let on = RwSignal::new(false);
    let (root, _mounted) = build(move || {
        el("div").child(
            el("input")
                .attr_with("aria-invalid", move || on.get().then(|| "true".into()))
                .flag_with("disabled", move || on.get())
                .value_with(move || if on.get() { "yes".into() } else { "no".into() }),
        )
        .child(el("span").text_with(move || on.get().to_string()))
    });
    let input: web_sys::HtmlInputElement = root.query_selector("input").unwrap().unwrap().unchecked_into();
    assert_eq!(input.get_attribute("aria-invalid"), None, "None leaves the attribute out");
    assert!(!input.has_attribute("disabled"));
    assert_eq!(input.value(), "no");
    assert_eq!(root.text_content().unwrap(), "false");
    on.set(true);
    settle().await;
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(input.has_attribute("disabled"));
    assert_eq!(input.value(), "yes");
    assert_eq!(root.text_content().unwrap(), "true");
}

#[wasm_bindgen_test]
async fn a_reactive_part_replaces_only_what_it_built_nested_parts_included() {
    let outer = RwSignal::new(1u32);
    let inner = RwSignal::new(1u32);
    let (root, _mounted) = build(move || {
        el("div")
            .child(el("b").text("before"))
            .children_with(move || {
                let n = outer.get();
                // A fragment holding a reactive part of its own: its nodes must go with the outer part.
                let nested = frag().child(el("i").text(&format!("outer {n}"))).children_with(move || {
                    (0..inner.get()).map(|k| el("u").text(&format!("inner {k}"))).collect()
                });
                vec![nested]
            })
            .child(el("b").text("after"))
    });
    let text = |root: &web_sys::Element| root.text_content().unwrap();
    assert_eq!(text(&root), "beforeouter 1inner 0after");
    inner.set(3);
    settle().await;
    assert_eq!(text(&root), "beforeouter 1inner 0inner 1inner 2after");
    outer.set(2);
    settle().await;
    assert_eq!(text(&root), "beforeouter 2inner 0inner 1inner 2after", "the old nested nodes are gone");
    inner.set(1);
    settle().await;
    assert_eq!(text(&root), "beforeouter 2inner 0after", "the new nested part still follows its signal");
    assert_eq!(root.get_elements_by_tag_name("u").length(), 1);
}

#[wasm_bindgen_test]
async fn listeners_run_under_their_owner_and_stop_when_it_is_gone() {
    let clicks = RwSignal::new(0u32);
    let seen_context = RwSignal::new(false);
    let (root, mounted) = build(move || {
        provide_context(7u8);
        el("button").on("click", move |_| {
            clicks.update(|n| *n += 1);
            seen_context.set(use_context::<u8>() == Some(7));
        })
    });
    let button: web_sys::HtmlElement = root.unchecked_into();
    button.click();
    assert_eq!(clicks.get_untracked(), 1);
    assert!(seen_context.get_untracked(), "use_context works in a handler");
    drop(mounted);
    // Removed, not merely dropped: a dropped closure still listening would throw on the next click,
    // which the page reports as an error event.
    let errors = std::rc::Rc::new(std::cell::Cell::new(0u32));
    let count = errors.clone();
    let on_error = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(move |_| count.set(count.get() + 1));
    let window = web_sys::window().unwrap();
    window.add_event_listener_with_callback("error", on_error.as_ref().unchecked_ref()).unwrap();
    button.click();
    window.remove_event_listener_with_callback("error", on_error.as_ref().unchecked_ref()).unwrap();
    assert_eq!(clicks.get_untracked(), 1, "no click counted after the owner is gone");
    assert_eq!(errors.get(), 0, "and none threw");
}
