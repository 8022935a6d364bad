use super::leads::MEGASTRING_EMAIL;
use super::*;
use crate::sell::records::UserId;
use crate::sell::seed;

fn request(body: Value) -> HugeRequest {
    serde_json::from_value(body).unwrap_or_else(|e| panic!("a valid request: {e}"))
}

fn added(store: &mut Store, body: Value) -> Value {
    add(store, &request(body)).unwrap_or_else(|e| panic!("added: {e}"))
}

#[test]
fn adds_leads_with_the_shared_email_and_one_megastring_lead() {
    let mut store = seed::seed();
    let before = store.leads.len();
    let summary = added(&mut store, json!({"leads": 50, "string_bytes": 1000}));
    assert_eq!(store.leads.len(), before + 51);
    assert_eq!(
        store
            .leads
            .iter()
            .filter(|l| l.email.as_deref() == Some(SHARED_EMAIL))
            .count(),
        50
    );
    let mega = store
        .leads
        .iter()
        .find(|l| l.email.as_deref() == Some(MEGASTRING_EMAIL));
    assert_eq!(
        mega.and_then(|l| l.description.as_ref()).map(String::len),
        Some(1000)
    );
    assert_eq!(summary["megastring_lead_id"], json!(mega.map(|l| l.id.0)));
    assert_eq!(
        (
            &summary["shared_contacts"],
            &summary["stages"],
            &summary["won_deal"]
        ),
        (&Value::Null, &Value::Null, &Value::Null),
        "what was not asked for is null"
    );
}

#[test]
fn shared_contacts_each_have_one_deal_and_go_round_the_active_people() {
    let mut store = seed::seed();
    let (contacts, deals) = (store.contacts.len(), store.deals.len());
    let first_contact = store.next_contact_id().0;
    let summary = added(
        &mut store,
        json!({"shared_contacts": {"email": "info@shared.test", "count": 7}}),
    );
    assert_eq!(store.contacts.len(), contacts + 7);
    assert_eq!(store.deals.len(), deals + 7);
    let shared: Vec<_> = store
        .contacts
        .iter()
        .filter(|c| c.email.as_deref() == Some("info@shared.test"))
        .collect();
    let owners: Vec<u64> = shared.iter().map(|c| c.owner_id.0).collect();
    assert_eq!(owners, vec![1, 2, 3, 4, 5, 1, 2]);
    assert_eq!(shared[0].name, "Shared Person 001");
    assert_eq!(shared[0].id.0, first_contact);
    for contact in &shared {
        let theirs: Vec<_> = store
            .deals
            .iter()
            .filter(|d| d.contact_id == Some(contact.id))
            .collect();
        assert_eq!(theirs.len(), 1, "one deal for {}", contact.name);
        assert_eq!(theirs[0].owner_id, contact.owner_id);
    }
    assert_eq!(summary["shared_contacts"]["count"], 7);
    assert_eq!(
        summary["shared_contacts"]["owner_ids"],
        json!([1, 2, 3, 4, 5])
    );
    assert_eq!(
        summary["shared_contacts"]["contact_ids"],
        json!(shared.iter().map(|c| c.id.0).collect::<Vec<_>>())
    );
}

#[test]
fn new_ids_follow_the_highest_ones_so_nothing_collides() {
    let mut store = seed::seed();
    let seeded_deals: Vec<u64> = store.deals.iter().map(|d| d.id.0).collect();
    added(
        &mut store,
        json!({"shared_contacts": {"email": "a@b.test", "count": 20}, "lead_sources": 5, "stages": 5, "won_deal_on_last_stage": true}),
    );
    let mut seen = std::collections::BTreeSet::new();
    assert!(store.contacts.iter().all(|c| seen.insert(c.id.0)));
    let mut seen = std::collections::BTreeSet::new();
    assert!(store.deals.iter().all(|d| seen.insert(d.id.0)));
    assert!(store.deals[seeded_deals.len()..]
        .iter()
        .all(|d| d.id.0 > seeded_deals.iter().copied().max().unwrap_or(0)));
    let mut seen = std::collections::BTreeSet::new();
    assert!(store.stages.iter().all(|s| seen.insert(s.id.0)));
    let mut seen = std::collections::BTreeSet::new();
    assert!(store.lead_sources.iter().all(|s| seen.insert(s.id.0)));
}

#[test]
fn stages_end_on_a_won_one_that_carries_noras_deal_for_carl() {
    let mut store = seed::seed();
    let summary = added(
        &mut store,
        json!({"stages": 120, "won_deal_on_last_stage": true}),
    );
    let last = store.stages.last().cloned();
    let last = last.unwrap_or_else(|| panic!("stages were added"));
    assert_eq!(
        (last.name.as_str(), last.category.as_str(), last.position),
        ("Bulk stage 120", "won", 126)
    );
    assert_eq!(store.stages[store.stages.len() - 2].category, "bulk_119");
    assert_eq!(summary["stages"]["last"]["id"], last.id.0);
    let deal = store.deals.last().cloned();
    let deal = deal.unwrap_or_else(|| panic!("a deal was added"));
    assert_eq!(
        (
            deal.name.as_str(),
            deal.stage_id,
            deal.owner_id,
            deal.contact_id
        ),
        ("Deal on a late stage", last.id, UserId(3), Some(seed::CARL))
    );
    assert_eq!(deal.organization_id, Some(seed::CONTOSO));
    assert_eq!(summary["won_deal"]["id"], deal.id.0);
}

#[test]
fn a_second_call_numbers_on_so_names_stay_unique() {
    let mut store = seed::seed();
    added(&mut store, json!({"lead_sources": 2, "stages": 2}));
    let summary = added(&mut store, json!({"lead_sources": 2, "stages": 1}));
    assert_eq!(summary["lead_sources"]["last"]["name"], "Bulk source 004");
    assert_eq!(summary["stages"]["last"]["name"], "Bulk stage 003");
}

#[test]
fn requests_past_the_maxima_or_inconsistent_are_refused() {
    let refused = |body: Value| request(body).validate().is_err();
    assert!(refused(json!({"lead_sources": MAX_LEAD_SOURCES + 1})));
    assert!(refused(json!({"stages": MAX_STAGES + 1})));
    assert!(refused(
        json!({"shared_contacts": {"email": "a@b.test", "count": MAX_SHARED_CONTACTS + 1}})
    ));
    assert!(refused(
        json!({"shared_contacts": {"email": "a@b.test", "count": 0}})
    ));
    assert!(refused(
        json!({"shared_contacts": {"email": "nobody", "count": 1}})
    ));
    assert!(refused(json!({"won_deal_on_last_stage": true})));
    assert!(!refused(
        json!({"lead_sources": MAX_LEAD_SOURCES, "stages": 1, "won_deal_on_last_stage": true})
    ));
    assert!(serde_json::from_value::<HugeRequest>(json!({"stage": 3})).is_err());
}

#[test]
fn a_late_deal_without_carl_changes_nothing() {
    let mut store = seed::seed();
    store
        .contacts
        .retain(|c| c.email.as_deref() != Some("carl@deals.test"));
    let before = store.clone();
    let result = add(
        &mut store,
        &request(json!({"stages": 3, "won_deal_on_last_stage": true, "lead_sources": 2})),
    );
    assert!(result.is_err());
    assert_eq!(store, before);
}
