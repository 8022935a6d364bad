//! Read-only parts of the sidebar (`sidebar_core::ui_tree`) turned into DOM by one function, and the
//! finished DOM handed to Leptos's mount as it is (`Built`). Every text becomes a text node, never
//! markup.

use leptos::tachys::hydration::Cursor;
use leptos::tachys::view::{Position, PositionState, Render, RenderHtml};
use leptos::tachys::html::attribute::any_attribute::AnyAttribute;
use sidebar_core::ui_tree::Node;
use wasm_bindgen::JsCast;

/// A finished element, mounted by Leptos as it is (the app's root, built with `el`).
pub struct Built(web_sys::Element);

impl Built {
    pub fn element(element: web_sys::Element) -> Built {
        Built(element)
    }
}

/// The DOM of a read-only tree. `node` must be an element (a text alone is a `Node::Text`, shown as
/// an empty span).
pub fn tree_element(node: &Node) -> web_sys::Element {
    build(node)
        .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        .or_else(|| document().and_then(|d| d.create_element("span").ok()))
        // No document: nothing can be shown anyway.
        .unwrap_or_else(|| JsCast::unchecked_into(wasm_bindgen::JsValue::NULL))
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The DOM of a tree: elements with their attributes, texts as text nodes.
fn build(node: &Node) -> Option<web_sys::Node> {
    let document = document()?;
    Some(match node {
        Node::Text(text) => document.create_text_node(text).into(),
        Node::Element(e) => {
            let element = document.create_element(e.tag).ok()?;
            for (name, value) in &e.attributes {
                let _ = element.set_attribute(name, value);
            }
            for child in &e.children {
                if let Some(child) = build(child) {
                    let _ = element.append_child(&child);
                }
            }
            element.into()
        }
    })
}

impl Render for Built {
    type State = web_sys::Element;

    fn build(self) -> web_sys::Element {
        self.0
    }

    fn rebuild(self, state: &mut web_sys::Element) {
        if *state != self.0 {
            let _ = state.replace_with_with_node_1(&self.0);
            *state = self.0;
        }
    }
}

leptos::tachys::no_attrs!(Built);

/// Only what client-side rendering needs: the app is never rendered on a server.
impl RenderHtml for Built {
    type AsyncOutput = Self;
    type Owned = Self;
    const MIN_LENGTH: usize = 0;

    fn dry_resolve(&mut self) {}

    async fn resolve(self) -> Self {
        self
    }

    fn to_html_with_buf(self, _: &mut String, _: &mut Position, _: bool, _: bool, _: Vec<AnyAttribute>) {}

    fn hydrate<const FROM_SERVER: bool>(self, _: &Cursor, _: &PositionState) -> web_sys::Element {
        self.0
    }

    fn into_owned(self) -> Self {
        self
    }
}
