//! Keeps the iframe exactly as tall as the content: Zendesk cannot see inside the iframe, so the app
//! reports its height on every change (no inner scrollbar, no blank space).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::zaf::ZafClient;

/// Watches the body and sends `resize` whenever its height changes. The observer lives as long as the
/// page (the app never unmounts its root). The body is `display: flow-root` with no margin (style/), so
/// its box is exactly the content, never the iframe's current height.
pub fn follow_content_height(zaf: ZafClient) {
    let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) else {
        return;
    };
    let last = std::rc::Rc::new(std::cell::Cell::new(0u32));
    let report = move |height: u32| {
        if height == last.get() {
            return;
        }
        last.set(height);
        let zaf = zaf.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let _ = zaf.resize(height).await;
        });
    };
    let target = body.clone();
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| {
        report(target.get_bounding_client_rect().height().ceil().max(0.0) as u32);
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&body);
    }
    callback.forget();
}
