//! The lead, contact and deal cards as element trees: a kind, maybe a badge, the title, the fields the
//! admin chose (`policy::fields`), and a link to the record in Sell. One builder for every card, so the
//! app renders them all through one function.

use crate::format;
use crate::i18n::ui::Msg;
use crate::i18n::Locale;
use crate::policy::fields::{
    contact_display_name, deal_display_name, lead_display_name, select_contact, select_deal, select_lead,
    DealState, FieldSpec, FieldValue, Names, ShownField,
};
use crate::sell::model::{Contact, Deal, Lead};
use crate::ui_tree::{el, Element, Node};

/// A card: its kind, an optional badge (won, lost, hot), the title, its fields and the link to Sell.
pub fn card(kind: Msg, badge: Option<Msg>, title: &str, fields: Vec<ShownField>, href: &str, locale: Locale) -> Node {
    let mut header = el("header", "card__header").child(el("span", "card__kind").text(kind.text(locale)));
    if let Some(badge) = badge {
        header = header.child(el("span", "c-tag card__badge").text(badge.text(locale)));
    }
    header = header.child(el("h2", "card__title").attr("dir", "auto").attr("title", title).text(title));
    let link = el("a", "card__link")
        .attr("href", href)
        .attr("target", "_blank")
        .attr("rel", "noopener noreferrer")
        .text(Msg::OpenInSell.text(locale))
        .child(el("span", "sr-only").text(" (new tab)"));
    el("article", "card").child(header).child(field_list(fields, locale)).child(link).into()
}

/// Loading placeholders shaped like `cards` cards, not a spinner on a blank panel.
pub fn skeleton(cards: usize) -> Node {
    let card = || {
        let line = |class| Node::from(el("span", class));
        el("div", "card card--skeleton")
            .child(line("skeleton__line skeleton__line--title"))
            .child(line("skeleton__line"))
            .child(line("skeleton__line skeleton__line--short"))
            .into()
    };
    el("div", "skeleton").attr("aria-busy", "true").attr("aria-live", "polite").children((0..cards).map(|_| card())).into()
}

/// The fields as a definition list; every value is a text node, and links are only the kinds
/// `policy::fields` made safe (mailto, tel, http/https).
pub fn field_list(fields: Vec<ShownField>, locale: Locale) -> Node {
    el("dl", "fields")
        .children(fields.into_iter().map(|f| {
            el("div", "fields__row")
                .child(el("dt", "fields__label").text(f.label))
                .child(el("dd", "fields__value").attr("dir", "auto").child(value(f.value, locale)))
                .into()
        }))
        .into()
}

fn value(value: FieldValue, locale: Locale) -> Element {
    match value {
        // No `dir` of its own: the `dd` around it takes its direction from this text.
        FieldValue::Text(text) => el("span", "").attr("title", text.clone()).text(text),
        FieldValue::Email(email) => el("a", "")
            .attr("href", ["mailto:", &email].concat())
            .attr("dir", "auto")
            .attr("title", email.clone())
            .text(email),
        FieldValue::Phone { text, href } => el("a", "").attr("href", href).attr("dir", "auto").text(text),
        FieldValue::Url { text, href } => el("a", "")
            .attr("href", href)
            .attr("target", "_blank")
            .attr("rel", "noopener noreferrer")
            .attr("dir", "auto")
            .attr("title", text.clone())
            .text(text),
        FieldValue::Tags(tags) => el("span", "tags").children(
            tags.into_iter().map(|t| el("span", "c-tag").attr("dir", "auto").attr("title", t.clone()).text(t).into()),
        ),
        FieldValue::Money { amount, currency } => el("span", "").text(format::money(amount, &currency, locale)),
        FieldValue::Date(iso) => el("span", "").text(format::date(&iso, locale)),
        FieldValue::Address(lines) => el("span", "address")
            .attr("dir", "auto")
            .children(lines.into_iter().map(|l| el("span", "address__line").text(l).into())),
    }
}

pub fn lead_card(lead: &Lead, specs: &[FieldSpec], names: &Names, href: &str, locale: Locale) -> Node {
    card(Msg::CardLead, None, &lead_display_name(lead), select_lead(lead, specs, names, locale), href, locale)
}

/// `organization`: shown as an organization even if Sell's record doesn't say so.
pub fn contact_card(contact: &Contact, specs: &[FieldSpec], names: &Names, organization: bool, href: &str, locale: Locale) -> Node {
    let kind = if organization || contact.is_organization { Msg::CardOrganization } else { Msg::CardContact };
    card(kind, None, &contact_display_name(contact), select_contact(contact, specs, names, locale), href, locale)
}

/// A deal, badged won, lost or hot.
pub fn deal_card(deal: &Deal, specs: &[FieldSpec], names: &Names, href: &str, locale: Locale) -> Node {
    let badge = match names.deal_state(deal) {
        DealState::Won => Some(Msg::DealWon),
        DealState::Lost => Some(Msg::DealLost),
        _ if deal.hot => Some(Msg::DealHot),
        _ => None,
    };
    card(Msg::CardDeal, badge, &deal_display_name(deal), select_deal(deal, specs, names, locale), href, locale)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::fields::{parse_field_list, Entity};
    use crate::sell::model::test_record;
    use serde_json::json;

    fn specs(entity: Entity, text: &str) -> Vec<FieldSpec> {
        parse_field_list(entity, text).0
    }

    #[test]
    fn a_lead_card_has_kind_title_fields_and_a_new_tab_link() {
        let lead: Lead = test_record(&json!({"id": 7, "first_name": "Lea", "last_name": "Lead", "email": "lea@x.test",
            "website": "javascript:alert(1)", "tags": ["vip"]}));
        let node = lead_card(&lead, &specs(Entity::Lead, "email, website, tags"), &Names::default(), "https://acme.zendesk.com/sales/leads/7", Locale::En);
        let text = node.text_content();
        assert!(text.starts_with("LeadLea Lead"), "{text}");
        let links: Vec<(Option<&str>, Option<&str>)> =
            node.elements().into_iter().filter(|e| e.tag == "a").map(|e| (e.get("href"), e.get("target"))).collect();
        assert_eq!(
            links,
            [(Some("mailto:lea@x.test"), None), (Some("https://acme.zendesk.com/sales/leads/7"), Some("_blank"))],
            "a javascript: website stays text"
        );
        assert!(text.contains("javascript:alert(1)") && text.contains("vip"), "{text}");
    }

    #[test]
    fn markup_in_a_record_is_text_not_elements() {
        let lead: Lead = test_record(&json!({"id": 1, "last_name": "<img src=x onerror=alert(1)>"}));
        let node = lead_card(&lead, &specs(Entity::Lead, "name"), &Names::default(), "https://x.test/1", Locale::En);
        assert!(node.text_content().contains("<img src=x onerror=alert(1)>"));
        assert!(node.elements().iter().all(|e| e.tag != "img"));
    }

    #[test]
    fn deals_are_badged_and_contacts_of_an_organization_named_so() {
        let hot: Deal = test_record(&json!({"id": 1, "name": "Big", "hot": true}));
        let text = deal_card(&hot, &[], &Names::default(), "https://x.test/d/1", Locale::En).text_content();
        assert!(text.starts_with("DealHotBig"), "{text}");
        let org: Contact = test_record(&json!({"id": 2, "name": "Contoso GmbH", "is_organization": true}));
        let text = contact_card(&org, &[], &Names::default(), false, "https://x.test/c/2", Locale::De).text_content();
        assert!(text.starts_with(Msg::CardOrganization.text(Locale::De)), "{text}");
    }

    #[test]
    fn a_skeleton_is_busy_with_one_placeholder_per_card() {
        let node = skeleton(2);
        let Node::Element(root) = &node else { panic!("an element") };
        assert_eq!((root.get("class"), root.get("aria-busy")), (Some("skeleton"), Some("true")));
        let cards = node.elements().into_iter().filter(|e| e.get("class") == Some("card card--skeleton")).count();
        assert_eq!(cards, 2);
        assert_eq!(node.text_content(), "", "placeholders, no text");
    }
}
