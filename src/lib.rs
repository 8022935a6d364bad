//! sell-sidebar: Zendesk Sell in the Zendesk Support ticket sidebar.
//!
//! Data flows one way: `zaf` (the host) → `sell_client` (Sell API through ZAF's proxy) → `sell_data`
//! (what the agent may see, which requests, cached) → `sidebar_core` (every decision, pure Rust) →
//! `components` (thin views, loading through `loader`).

pub mod app;
pub mod cache;
pub mod components;
pub mod dom;
pub mod el;
pub mod in_flight;
pub mod lead_flow;
pub mod loader;
pub mod newest;
pub mod resize;
pub mod sell_client;
pub mod sell_data;
pub mod session;
pub mod sidebar_state;
pub mod state;
pub mod zaf;

/// Mounts the app on the page's body, inside Zendesk or not.
pub fn start() {
    report_panics();
    let zaf = zaf::ZafClient::init();
    leptos::mount::mount_to_body(move || app::app(zaf).built());
}

/// Panics go to the console, where the test suites' hook catches them, instead of dying silently.
fn report_panics() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("sell-sidebar panicked: {info}").into());
    }));
}

/// The wasm's allocator: talc instead of std's dlmalloc (smaller, #16). Single-threaded wasm only,
/// which the sidebar is.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
