//! The wasm entry point: only mounts (the app lives in the library so browser tests can mount it).
fn main() {
    sell_sidebar::start();
}
