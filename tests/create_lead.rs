//! Browser tests of the create-lead flow: the app against a scripted, stateful fake ZAF client with
//! 2,000 Sell users (prefill, owner combobox, one POST per intent, duplicates, failures keep values).
#![cfg(target_arch = "wasm32")]
use leptos::prelude::*;
use sell_sidebar::{app::App, sell_client::sleep_ms, zaf::ZafClient};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
wasm_bindgen_test_configure!(run_in_browser);

const FAKE: &str = r#"
(function(){
  const reqs = []; window.__reqs = reqs;
  const env = (items) => JSON.stringify({items: items.map(d => ({data: d})), meta: {links: {}}});
  const users = [
    {id:1,name:"Ada Owner",email:"ada@acme.test",status:"active",team_name:"Management",reports_to:null},
    {id:3,name:"Nora North",email:"nora@acme.test",status:"active",team_name:"Team North",reports_to:1},
    {id:6,name:"Ivan Inactive",email:"ivan@acme.test",status:"inactive",reports_to:1},
    {id:7,name:"Inbound pool",email:null,status:"active",identity_type:"integration",system_tags:["distribution_pool"],reports_to:1}];
  for (let i = 100; i < 2100; i++) users.push({id:i,name:"Person "+i,email:"p"+i+"@acme.test",status:"active",reports_to:1});
  let sources = [{id:4001,name:"Website"}];
  const reply = (status, text) => Promise.resolve({status, responseText: text, headers: {}});
  return {
    get(paths){ return Promise.resolve({"ticket.id":105,"ticket.subject":"Pricing","ticket.requester":{"id":5,"name":"Nobody Here","email":"nobody@none.test"},"ticket.organization":{"id":1,"name":"None Inc"},"currentUser":{"id":9,"name":"Ada","email":"ada@acme.test","role":"admin","locale":"en-US"}}); },
    metadata(){ return Promise.resolve({installationId: Math.floor(Math.random()*1e9), settings:{all_agents_access:true, lead_status:"new", lead_source:"Zendesk Support", lead_owners:"", agents_assign_owner:true}}); },
    context(){ return Promise.resolve({account:{subdomain:"acme"}}); },
    invoke(){ return Promise.resolve(); }, on(){}, off(){},
    request(o){
      const u = new URL(o.url); reqs.push(o.type+" "+u.pathname+" "+(o.data||""));
      const p = u.pathname;
      if (o.type==="GET" && p==="/v2/users") return reply(200, env(users));
      if (o.type==="GET" && p==="/v2/lead_statuses") return reply(200, env([{id:1,name:"New"},{id:2,name:"Working"}]));
      if (o.type==="GET" && p==="/v2/lead_sources") return reply(200, env(sources));
      if (o.type==="POST" && p==="/v2/lead_sources") { const s={id:4004,name:JSON.parse(o.data).data.name}; sources.push(s); return reply(200, JSON.stringify({data:s})); }
      if (o.type==="GET" && p==="/v2/leads" && window.__dupes) return reply(200, env([{id:1001,first_name:"Nobody",last_name:"Here",email:"NOBODY@none.test"}]));
      if (o.type==="GET" && (p==="/v2/leads"||p==="/v2/contacts")) return reply(200, env([]));
      if (o.type==="POST" && p==="/v2/leads" && window.__fail500) { window.__fail500 = false; return Promise.reject({status:500, responseText:"<html>oops</html>", headers:{}}); }
      if (o.type==="POST" && p==="/v2/leads" && window.__fail422) { window.__fail422 = false; return Promise.reject({status:422, responseText: JSON.stringify({errors:[{error:{resource:"lead",field:"/email",code:"invalid",message:"is not a valid email"}}]}), headers:{}}); }
      if (o.type==="POST" && p==="/v2/leads") { const d = JSON.parse(o.data).data; d.id=1234; return new Promise(r => setTimeout(() => r({status:200, responseText: JSON.stringify({data:d}), headers:{}}), 300)); }
      return reply(404, "{}");
    }
  };
})()
"#;

fn doc() -> web_sys::Document { web_sys::window().unwrap().document().unwrap() }
// Every query is scoped to the current test's own container (`window.__root`), so an app left from an
// earlier test on the same page can never answer.
fn scoped(sel: &str) -> String { format!("{}{sel}", root()) }
fn root() -> String { js("window.__root || ''").as_string().unwrap() }
fn el(sel: &str) -> web_sys::HtmlElement { doc().query_selector(&scoped(sel)).unwrap().unwrap_or_else(|| panic!("no {sel}")).dyn_into().unwrap() }
fn js(code: &str) -> wasm_bindgen::JsValue { js_sys::eval(code).unwrap() }
fn all(sel: &str) -> u32 { js(&format!("document.querySelectorAll({:?}).length", scoped(sel))).as_f64().unwrap() as u32 }
fn value(sel: &str) -> String { js(&format!("document.querySelector({:?}).value", scoped(sel))).as_string().unwrap() }
fn type_into(sel: &str, text: &str) {
    js(&format!("(() => {{ const e = document.querySelector({:?}); e.value = {text:?}; e.dispatchEvent(new Event('input', {{bubbles: true}})); }})()", scoped(sel)));
}
fn key(sel: &str, k: &str) {
    js(&format!("document.querySelector({:?}).dispatchEvent(new KeyboardEvent('keydown', {{key: {k:?}, bubbles: true, cancelable: true}}))", scoped(sel)));
}
/// Mounts the app against `fake` in a fresh container and makes it the scope of every query.
fn mount(fake: wasm_bindgen::JsValue) -> impl Sized {
    let id = format!("app-{}", (js_sys::Math::random() * 1e9) as u64);
    let div: web_sys::HtmlElement = doc().create_element("div").unwrap().dyn_into().unwrap();
    div.set_id(&id);
    doc().body().unwrap().append_child(&div).unwrap();
    js(&format!("window.__root = '#{id} '"));
    let zaf = Ok(ZafClient::from_js(fake));
    leptos::mount::mount_to(div, move || view! { <App zaf /> }.into_any())
}
/// Each test starts from a clean page: no flags, no cached Sell data.
fn reset_page() {
    js("window.__dupes = false; window.__fail500 = false; window.__fail422 = false; localStorage.clear();");
}
fn reqs() -> Vec<String> {
    let v = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__reqs".into()).unwrap();
    js_sys::Array::from(&v).iter().map(|s| s.as_string().unwrap()).collect()
}

#[wasm_bindgen_test]
async fn a_lead_goes_to_the_chosen_pool_with_one_post_per_intent() {
    reset_page();
    let fake = js_sys::eval(FAKE).unwrap();
    let _h = mount(fake);
    sleep_ms(500).await;
    assert!(all("button.create-lead") > 0, "{}", doc().body().unwrap().inner_html());
    el("button.create-lead").click();
    sleep_ms(300).await;
    assert_eq!(value("#lead-last-name"), "Here");
    assert_eq!(value("#lead-organization"), "None Inc");
    web_sys::console::log_1(&value("#lead-description").into());
    assert!(el("#lead-submit").class_name() == "c-btn");
    // Submit without an owner: error on the owner.
    el("#lead-submit").click();
    sleep_ms(100).await;
    assert_eq!(el("#lead-owner").get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(all("#lead-owner-error") == 1);
    assert_eq!(el("#lead-submit").class_name(), "c-btn c-btn--primary");
    // Combobox: open shows at most 50 + the more line.
    key("#lead-owner", "ArrowDown");
    sleep_ms(50).await;
    assert_eq!(el("#lead-owner").get_attribute("aria-expanded").as_deref(), Some("true"));
    let shown = all("[role=option]");
    assert_eq!(shown, 50, "options shown");
    web_sys::console::log_1(&el(".owner-combobox__note").text_content().unwrap().into());
    type_into("#lead-owner", "inbound");
    sleep_ms(50).await;
    assert_eq!(all("[role=option]"), 1);
    assert!(el("#lead-owner-listbox").text_content().unwrap().contains("pool"));
    key("#lead-owner", "Enter");
    sleep_ms(50).await;
    assert_eq!(value("#lead-owner"), "Inbound pool");
    assert_eq!(el("#lead-owner").get_attribute("aria-expanded").as_deref(), Some("false"));
    assert!(all("#lead-owner-error") == 0);
    // Double submit -> one POST.
    el("#lead-submit").click();
    el("#lead-submit").click();
    sleep_ms(30).await;
    el("#lead-submit").click();
    sleep_ms(1500).await;
    let r = reqs();
    web_sys::console::log_1(&format!("{r:#?}").into());
    assert_eq!(r.iter().filter(|r| r.starts_with("POST /v2/leads ")).count(), 1);
    assert_eq!(r.iter().filter(|r| r.starts_with("POST /v2/lead_sources")).count(), 1);
    let post = r.iter().find(|r| r.starts_with("POST /v2/leads ")).unwrap();
    assert!(post.contains("\"owner_id\":7") && post.contains("\"status\":\"New\"") && post.contains("\"source_id\":4004"), "{post}");
    assert!(post.starts_with("POST /v2/leads {\"data\":{"), "{post}");
    let body = doc().body().unwrap().text_content().unwrap();
    assert!(body.contains("created in Sell"), "{body}");
}

#[wasm_bindgen_test]
async fn duplicates_are_confirmed_and_failures_keep_every_typed_value() {
    reset_page();
    let fake = js_sys::eval(FAKE).unwrap();
    js("window.__dupes = true; window.__fail500 = true; window.__fail422 = true;");
    let _h = mount(fake);
    sleep_ms(500).await;
    el("button.create-lead").click();
    sleep_ms(300).await;
    type_into("#lead-first-name", "Nobodyx");
    type_into("#lead-owner", "nora");
    sleep_ms(30).await;
    key("#lead-owner", "ArrowDown");
    key("#lead-owner", "Enter");
    sleep_ms(30).await;
    assert_eq!(value("#lead-owner"), "Nora North");
    // Enter in the form = submit.
    js("document.querySelector(window.__root + 'form.lead-form').requestSubmit()");
    sleep_ms(300).await;
    assert!(all("#create-lead-duplicates") == 1, "{}", doc().body().unwrap().inner_html());
    // Enter again is not a confirmation.
    js("document.querySelector(window.__root + 'form.lead-form').requestSubmit()");
    sleep_ms(200).await;
    assert_eq!(reqs().iter().filter(|r| r.starts_with("POST /v2/leads ")).count(), 0);
    let anyway = js("[...document.querySelectorAll(window.__root + '#create-lead-duplicates button')].find(b => b.textContent.includes('Create anyway')).click()");
    let _ = anyway;
    sleep_ms(600).await;
    // 500: values stay, alert shown.
    assert!(el("#create-lead-failure").text_content().unwrap().contains("500"), "{}", el("#create-lead-failure").text_content().unwrap());
    assert_eq!(value("#lead-first-name"), "Nobodyx");
    assert_eq!(value("#lead-owner"), "Nora North");
    assert_eq!(reqs().iter().filter(|r| r.starts_with("POST /v2/leads ")).count(), 1);
    // Submit again: duplicates again, confirm; 422 on email lands under the email.
    js("document.querySelector(window.__root + 'form.lead-form').requestSubmit()");
    sleep_ms(300).await;
    js("[...document.querySelectorAll(window.__root + '#create-lead-duplicates button')].find(b => b.textContent.includes('Create anyway')).click()");
    sleep_ms(600).await;
    assert_eq!(el("#lead-email").get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(el("#lead-email-error").text_content().unwrap().contains("is not a valid email"));
    web_sys::console::log_1(&el("#create-lead-failure").text_content().unwrap().into());
    assert_eq!(reqs().iter().filter(|r| r.starts_with("POST /v2/leads ")).count(), 2);
    // Third time it works.
    js("document.querySelector(window.__root + 'form.lead-form').requestSubmit()");
    sleep_ms(300).await;
    js("[...document.querySelectorAll(window.__root + '#create-lead-duplicates button')].find(b => b.textContent.includes('Create anyway')).click()");
    sleep_ms(800).await;
    assert_eq!(reqs().iter().filter(|r| r.starts_with("POST /v2/leads ")).count(), 3);
    assert_eq!(reqs().iter().filter(|r| r.starts_with("POST /v2/lead_sources")).count(), 1);
    assert!(doc().body().unwrap().text_content().unwrap().contains("created in Sell"));
}
