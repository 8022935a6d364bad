//! `ZafClient::init` and the reads `index.html` starts while the wasm loads: the page's client is
//! adopted, each early read is taken once, and later calls ask Zendesk again (a retried boot).
//! Run by `cargo xtask test` (wasm-bindgen-test in headless Chromium).

use sell_sidebar::zaf::ZafClient;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// What `index.html`'s script leaves, with a client whose own calls answer differently from the
/// early reads and are counted.
const PAGE_SCRIPT: &str = r#"
(function () {
  window.__calls = [];
  var user = function (name) { return { currentUser: { id: 1, name: name, email: 'ada@acme.test', role: 'admin', locale: 'en' } }; };
  var client = {
    get: function () { window.__calls.push('get'); return Promise.resolve(user('Asked again')); },
    metadata: function () { window.__calls.push('metadata'); return Promise.resolve({ installationId: 2, settings: {} }); },
    context: function () { window.__calls.push('context'); return Promise.resolve({ location: 'user_sidebar' }); }
  };
  window.sellSidebarEarly = {
    client: client,
    reads: {
      currentUser: Promise.resolve(user('Read early')),
      metadata: Promise.resolve({ installationId: 1, settings: {} }),
      context: Promise.reject(new Error('host went away'))
    }
  };
  window.sellSidebarEarly.reads.context.catch(function () {});
})()
"#;

fn calls() -> Vec<String> {
    let calls = js_sys::eval("window.__calls").expect("the call log");
    js_sys::Array::from(&calls).iter().filter_map(|c| c.as_string()).collect()
}

#[wasm_bindgen_test]
async fn the_pages_client_and_reads_are_taken_once() {
    js_sys::eval(PAGE_SCRIPT).expect("the page's script");
    let zaf = ZafClient::init();
    js_sys::eval("delete window.sellSidebarEarly").expect("cleaned up");
    let zaf = zaf.expect("the page's client, without ZAFClient on the page");

    let user = zaf.current_user().await.expect("the early read");
    assert_eq!(user.name, "Read early");
    let metadata = zaf.metadata().await.expect("the early read");
    assert_eq!(metadata.installation_id, Some(1));
    // A rejected early read is the boot's error, reported when taken.
    let context = zaf.context().await;
    assert!(context.is_err_and(|e| e.to_string().contains("host went away")));
    assert!(calls().is_empty(), "nothing asked twice: {:?}", calls());

    // A retried boot asks Zendesk itself.
    assert_eq!(zaf.current_user().await.expect("asked again").name, "Asked again");
    assert_eq!(zaf.metadata().await.expect("asked again").installation_id, Some(2));
    assert!(zaf.context().await.is_ok());
    assert_eq!(calls(), ["get", "metadata", "context"]);
}
