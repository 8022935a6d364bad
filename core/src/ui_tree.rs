//! Read-only parts of the sidebar as data: a small element tree that the app turns into DOM with one
//! function (`src/dom.rs`). Cards, field lists and the like are built here, plainly and testably, instead
//! of as many view types (each of which the WebAssembly carries as its own code).
//!
//! Text is only ever a text node: nothing here is HTML, so a record's content can't become markup.

/// An element or a text.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Element(Element),
    Text(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    pub tag: &'static str,
    pub attributes: Vec<(&'static str, String)>,
    pub children: Vec<Node>,
}

/// `<tag class="class">`.
pub fn el(tag: &'static str, class: &str) -> Element {
    let attributes = if class.is_empty() { Vec::new() } else { vec![("class", class.to_string())] };
    Element { tag, attributes, children: Vec::new() }
}

impl Element {
    pub fn attr(mut self, name: &'static str, value: impl Into<String>) -> Element {
        self.attributes.push((name, value.into()));
        self
    }

    pub fn child(mut self, child: impl Into<Node>) -> Element {
        self.children.push(child.into());
        self
    }

    pub fn children(mut self, children: impl IntoIterator<Item = Node>) -> Element {
        self.children.extend(children);
        self
    }

    /// A text child.
    pub fn text(self, text: impl Into<String>) -> Element {
        self.child(Node::Text(text.into()))
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.attributes.iter().rev().find(|(n, _)| *n == name).map(|(_, v)| v.as_str())
    }
}

impl From<Element> for Node {
    fn from(element: Element) -> Node {
        Node::Element(element)
    }
}

impl Node {
    /// All text below, as the agent reads it (for tests).
    pub fn text_content(&self) -> String {
        match self {
            Node::Text(text) => text.clone(),
            Node::Element(e) => e.children.iter().map(Node::text_content).collect(),
        }
    }

    /// Every element below (itself first), depth first.
    pub fn elements(&self) -> Vec<&Element> {
        match self {
            Node::Text(_) => Vec::new(),
            Node::Element(e) => std::iter::once(e).chain(e.children.iter().flat_map(Node::elements)).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_elements_with_attributes_and_text() {
        let node: Node = el("a", "card__link").attr("href", "https://x.test").text("Open").into();
        let Node::Element(a) = &node else { panic!("an element") };
        assert_eq!((a.tag, a.get("class"), a.get("href")), ("a", Some("card__link"), Some("https://x.test")));
        assert_eq!(node.text_content(), "Open");
        assert!(el("p", "").attributes.is_empty());
    }
}
