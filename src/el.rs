//! The sidebar's DOM, built by a handful of non-generic functions over Leptos's signals.
//!
//! Leptos's `view!` compiles every element, attribute and closure into types of their own, and that
//! generic code was most of the bundle's view weight (issue 16: the owner combobox alone 5.4 KB gzip).
//! Here an element is a `web_sys::Element`; every reactive attribute, text or group of children is one
//! boxed closure run by a `RenderEffect`, every listener one boxed closure, so one copy of the code
//! serves them all. What reacts is still Leptos's signals, and a finished tree goes into Leptos's mount
//! as `dom::Built`.
//!
//! Lifetimes follow the reactive owner a node is built under: its effects and listeners are dropped
//! when that owner cleans up (the app unmounts, or the `children_with` that built it runs again).

use leptos::prelude::{on_cleanup, Owner};
use leptos::reactive::effect::RenderEffect;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::dom::Built;

/// An element (or a fragment of siblings, `frag`) being built.
pub struct El(web_sys::Node);

/// A new element. Only ever called with a document present (inside the mounted app).
pub fn el(tag: &str) -> El {
    El(document().create_element(tag).expect("a valid tag name").into())
}

/// Siblings without an element around them, for a caller to place among its own children.
pub fn frag() -> El {
    El(document().create_document_fragment().into())
}

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("a document")
}

fn text_node(text: &str) -> web_sys::Node {
    document().create_text_node(text).into()
}

/// Keeps `value` (an effect, a listener) alive until the current owner cleans up.
fn keep<T: 'static>(value: T) {
    let value = SendWrapper::new(value);
    on_cleanup(move || drop(value));
}

/// Runs `apply` now and again whenever a signal it reads changes, for as long as the owner lives.
fn react(mut apply: Box<dyn FnMut()>) {
    keep(RenderEffect::new(move |_: Option<()>| apply()));
}

fn set_attribute(element: &web_sys::Element, name: &str, value: Option<&str>) {
    let _ = match value {
        Some(value) => element.set_attribute(name, value),
        None => element.remove_attribute(name),
    };
}

fn bind_attribute(element: web_sys::Element, name: &'static str, value: Box<dyn Fn() -> Option<String>>) {
    react(Box::new(move || set_attribute(&element, name, value().as_deref())));
}

fn listen(target: web_sys::EventTarget, event: &'static str, mut handler: Box<dyn FnMut(web_sys::Event)>) {
    // Handlers run under the owner they were made in, as Leptos's do: `use_context` works in them.
    // Held weakly: the owner holds the listener until it cleans up, and a strong reference back
    // would keep both alive for ever.
    let owner = Owner::current().map(|o| o.downgrade());
    let handler: Box<dyn FnMut(web_sys::Event)> = Box::new(move |ev| match owner.as_ref().and_then(|o| o.upgrade()) {
        Some(owner) => owner.with(|| handler(ev)),
        None => handler(ev),
    });
    let closure = Closure::wrap(handler);
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    keep(Listener { target, event, closure });
}

/// A listener, removed before its closure is dropped: an element on its way out can still see an
/// event (a blur), and a dropped closure would throw.
struct Listener {
    target: web_sys::EventTarget,
    event: &'static str,
    closure: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback(self.event, self.closure.as_ref().unchecked_ref());
    }
}

/// Nodes that `nodes` builds again whenever a signal it reads changes. They live between two empty
/// text nodes, so what is between them can be replaced whole, even when it holds such ranges itself
/// or came as a fragment.
fn bind_nodes(parent: &web_sys::Node, nodes: Box<dyn Fn() -> Vec<web_sys::Node>>) {
    let (start, end) = (text_node(""), text_node(""));
    let _ = parent.append_child(&start);
    let _ = parent.append_child(&end);
    react(Box::new(move || {
        let next = nodes();
        while let Some(node) = start.next_sibling().filter(|n| *n != end) {
            if let Some(parent) = node.parent_node() {
                let _ = parent.remove_child(&node);
            }
        }
        if let Some(parent) = end.parent_node() {
            for node in &next {
                let _ = parent.insert_before(node, Some(&end));
            }
        }
    }));
}

impl El {
    fn element(&self) -> &web_sys::Element {
        self.0.unchecked_ref()
    }

    pub fn attr(self, name: &str, value: &str) -> El {
        set_attribute(self.element(), name, Some(value));
        self
    }

    /// An attribute that follows `value`; `None` leaves it out.
    pub fn attr_with(self, name: &'static str, value: impl Fn() -> Option<String> + 'static) -> El {
        bind_attribute(self.element().clone(), name, Box::new(value));
        self
    }

    /// An attribute that is `if_on` while `on` is true and `if_off` otherwise: "true"/"false" ARIA
    /// states, a class that marks a state.
    pub fn attr_either(self, name: &'static str, on: impl Fn() -> bool + 'static, if_on: &'static str, if_off: &'static str) -> El {
        self.attr_with(name, move || Some(if on() { if_on } else { if_off }.into()))
    }

    /// A boolean attribute (`disabled`, `readonly`, `hidden`) present while `on` is true.
    pub fn flag_with(self, name: &'static str, on: impl Fn() -> bool + 'static) -> El {
        self.attr_with(name, move || on().then(String::new))
    }

    /// A text node (none for an empty text).
    pub fn text(self, text: &str) -> El {
        if !text.is_empty() {
            let _ = self.0.append_child(&text_node(text));
        }
        self
    }

    /// A text node that follows `text`.
    pub fn text_with(self, text: impl Fn() -> String + 'static) -> El {
        let node = document().create_text_node("");
        let _ = self.0.append_child(&node);
        react(Box::new(move || node.set_data(&text())));
        self
    }

    /// The `value` property of an input or text area, following `value` (the attribute would only set
    /// the initial value).
    pub fn value_with(self, value: impl Fn() -> String + 'static) -> El {
        let element = self.0.clone();
        react(Box::new(move || {
            let _ = js_sys::Reflect::set(&element, &"value".into(), &value().into());
        }));
        self
    }

    pub fn child(self, child: El) -> El {
        let _ = self.0.append_child(&child.0);
        self
    }

    /// Children built now.
    pub fn children(self, children: Vec<El>) -> El {
        children.into_iter().fold(self, El::child)
    }

    /// A child that `child` builds again whenever a signal it reads changes; `None` shows nothing.
    pub fn child_with(self, child: impl Fn() -> Option<El> + 'static) -> El {
        bind_nodes(&self.0, Box::new(move || child().map(|c| c.0).into_iter().collect()));
        self
    }

    /// Children that `children` builds again whenever a signal it reads changes, in this place among
    /// the element's other children.
    pub fn children_with(self, children: impl Fn() -> Vec<El> + 'static) -> El {
        bind_nodes(&self.0, Box::new(move || children().into_iter().map(|c| c.0).collect()));
        self
    }

    pub fn on(self, event: &'static str, handler: impl FnMut(web_sys::Event) + 'static) -> El {
        listen(self.0.clone().into(), event, Box::new(handler));
        self
    }

    /// The finished element, to be mounted by Leptos.
    pub fn built(self) -> Built {
        Built::element(self.0.unchecked_into())
    }
}

/// The value of the input an event came from.
pub fn input_value(event: &web_sys::Event) -> String {
    event
        .target()
        .and_then(|t| js_sys::Reflect::get(&t, &"value".into()).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// A plain button (`type="button"`) with its label.
pub fn button(class: &str, label: &str) -> El {
    el("button").attr("type", "button").attr("class", class).text(label)
}

/// A callout's paragraph.
pub fn paragraph(text: &str) -> El {
    el("p").attr("class", "c-callout__paragraph").text(text)
}

/// A read-only element tree (`sidebar_core::ui_tree`), built by the one function the cards use.
pub fn tree(node: &sidebar_core::ui_tree::Node) -> El {
    El(crate::dom::tree_element(node).into())
}
