use super::*;
use crate::policy::visibility::Visibility;
use crate::sell::model::{Stage, StageId};
use serde_json::{json, Value};

fn lead(value: Value) -> Lead {
    crate::sell::model::test_record(&value)
}
fn contact(value: Value) -> Contact {
    crate::sell::model::test_record(&value)
}
fn deal(value: Value) -> Deal {
    crate::sell::model::test_record(&value)
}

fn names() -> Names {
    let stage = |id: u64, name: &str, category: &str| Stage {
        id: StageId(id),
        name: name.into(),
        category: Some(category.into()),
        source: crate::json::Json::Null,
        position: None,
    };
    Names::new(
        &[],
        &[stage(1, "Incoming", "incoming"), stage(5, "Won", "won")],
        &[],
    )
}

fn urls(requests: &[SellRequest]) -> Vec<String> {
    requests.iter().map(SellRequest::url).collect()
}

fn carl() -> Contact {
    contact(
        json!({"id": 21, "first_name": "Carl", "last_name": "Contact", "email": "carl@deals.test", "contact_id": 20, "owner_id": 3}),
    )
}
fn contoso() -> Contact {
    contact(json!({"id": 20, "is_organization": true, "name": "Contoso GmbH", "owner_id": 3}))
}
fn carls_deals() -> Vec<Deal> {
    vec![
        deal(
            json!({"id": 1, "name": "Won renewal", "value": 9000, "stage_id": 5, "contact_id": 21}),
        ),
        deal(json!({"id": 2, "name": "Small open", "value": 100, "stage_id": 1, "contact_id": 21})),
        deal(
            json!({"id": 3, "name": "Big open", "value": 5000, "stage_id": 1, "contact_id": 21, "organization_id": 20}),
        ),
        deal(
            json!({"id": 4, "name": "Contoso rollout", "value": 2000, "stage_id": 1, "organization_id": 20}),
        ),
    ]
}

// ---- the plan ----

#[test]
fn a_lookup_needs_a_plausible_email() {
    assert!(
        LookupPlan::for_email(" carl@deals.test ").is_some_and(|p| p.email() == "carl@deals.test")
    );
    for email in [
        "",
        "  ",
        "no-at-sign",
        "@deals.test",
        "carl@",
        "carl smith@deals.test",
    ] {
        assert_eq!(LookupPlan::for_email(email), None, "{email:?}");
    }
}

#[test]
fn step_one_asks_for_leads_and_contacts_by_email() {
    let plan = LookupPlan::for_email("bea@both.test").expect("plan");
    assert_eq!(
        urls(&plan.step1()),
        [
            "https://api.getbase.com/v2/leads?email=bea%40both.test&per_page=100",
            "https://api.getbase.com/v2/contacts?email=bea%40both.test&per_page=100",
        ]
    );
}

#[test]
fn step_two_asks_only_for_the_deals_of_one_matched_person() {
    let plan = LookupPlan::for_email("carl@deals.test").expect("plan");
    let colleague = contact(json!({"id": 22, "first_name": "Cleo", "contact_id": 20}));
    let lea = lead(json!({"id": 1, "last_name": "Lead"}));
    let url = |r: Option<SellRequest>| r.map(|r| r.url());
    // Carl alone, or with one lead: his deals, not his organization's (opened on demand).
    assert_eq!(url(plan.step2(&[], &[carl()])), Some("https://api.getbase.com/v2/deals?contact_id=21&per_page=100".into()));
    assert_eq!(url(plan.step2(&[lea.clone()], &[carl()])), url(plan.step2(&[], &[carl()])));
    // An organization matched by its own email: all of its deals.
    assert_eq!(url(plan.step2(&[], &[contoso()])), Some("https://api.getbase.com/v2/deals?organization_id=20&per_page=100".into()));
    // Several matches: nothing until one is picked; nothing matched: nothing.
    assert_eq!(plan.step2(&[], &[carl(), colleague]), None);
    assert_eq!(plan.step2(&[lea.clone(), lea], &[carl()]), None);
    assert_eq!(plan.step2(&[], &[]), None);
}

#[test]
fn a_shared_address_with_a_hundred_contacts_costs_no_deal_requests_at_first() {
    let plan = LookupPlan::for_email("shared@x.test").expect("plan");
    let many: Vec<Contact> = (1..=100).map(|i| contact(json!({"id": i, "last_name": "Shared"}))).collect();
    assert_eq!(plan.step2(&[], &many), None);
    let LookupOutcome::Several(summaries) = combine(vec![], many, vec![], vec![], &names()) else {
        panic!("several");
    };
    assert!(summaries.iter().all(|s| !s.details.deals_loaded), "each loads its deals when picked");
}

#[test]
fn an_organization_opens_with_its_record_and_the_deals_not_shown_yet() {
    let [record, deals] = organization_requests(ContactId(20));
    assert_eq!(record.url(), "https://api.getbase.com/v2/contacts?ids=20&per_page=100");
    assert_eq!(deals.url(), "https://api.getbase.com/v2/deals?organization_id=20&per_page=100");
    let carls = carls_deals();
    let org_deal = deal(json!({"id": 9, "name": "Framework", "stage_id": 1, "organization_id": 20, "owner_id": 3}));
    let mut all = carls.clone();
    all.push(org_deal.clone());
    all.push(org_deal.clone());
    let opened = Organization::from_answers(ContactId(20), &Visibility::Everything, vec![contoso()], all);
    assert_eq!(opened.record, Some(contoso()));
    assert_eq!(opened.other_deals(&carls, &names()), vec![org_deal]);
    let nora = Visibility::Owners([UserId(5)].into());
    let hidden = Organization::from_answers(ContactId(20), &nora, vec![contoso()], vec![]);
    assert_eq!(hidden.record, None, "Contoso is Nora's (owner 3), not Tom's");
}

#[test]
fn carl_at_first_paint_offers_his_organization_to_open() {
    let LookupOutcome::One(found) = combine(vec![], vec![carl()], carls_deals(), vec![], &names()) else {
        panic!("one");
    };
    assert_eq!((found.organization.clone(), found.organization_id), (None, Some(ContactId(20))));
    assert!(found.deals_loaded);
    assert_eq!(found.deals.len(), carls_deals().len());
}

#[test]
fn reference_lists_are_fetched_only_when_something_needs_them() {
    let lea = lead(json!({"id": 1, "last_name": "Lead"}));
    type Case = (Vec<Lead>, Vec<Contact>, Vec<Deal>, ReferenceLists);
    let cases: Vec<Case> = vec![
        (
            vec![],
            vec![],
            vec![],
            ReferenceLists {
                users: false,
                stages: false,
                lead_sources: false,
            },
        ),
        (
            vec![lea.clone()],
            vec![],
            vec![],
            ReferenceLists {
                users: true,
                stages: false,
                lead_sources: true,
            },
        ),
        (
            vec![],
            vec![carl()],
            vec![],
            ReferenceLists {
                users: true,
                stages: false,
                lead_sources: false,
            },
        ),
        (
            vec![],
            vec![carl()],
            carls_deals(),
            ReferenceLists {
                users: true,
                stages: true,
                lead_sources: false,
            },
        ),
        (
            vec![lea],
            vec![carl()],
            carls_deals(),
            ReferenceLists {
                users: true,
                stages: true,
                lead_sources: true,
            },
        ),
    ];
    for (leads, contacts, deals, expected) in cases {
        assert_eq!(ReferenceLists::needed(&leads, &contacts, &deals), expected);
    }
    // Beside a lone contact's deals: users, and stages before the deals are in; with a lead, its
    // sources instead (stages then wait for deals: a sixth cold request is over the budget).
    let beside = |leads: &[Lead]| ReferenceLists::beside_step2(leads, &[carl()]);
    assert_eq!(beside(&[]), ReferenceLists { users: true, stages: true, lead_sources: false });
    let with_lead = beside(&[lead(json!({"id": 1, "last_name": "Lead"}))]);
    assert_eq!(with_lead, ReferenceLists { users: true, stages: false, lead_sources: true });
    let all = ReferenceLists {
        users: true,
        stages: true,
        lead_sources: true,
    };
    assert_eq!(
        urls(&all.requests()),
        [
            "https://api.getbase.com/v2/users?page=1&per_page=100",
            "https://api.getbase.com/v2/stages?page=1&per_page=100",
            "https://api.getbase.com/v2/lead_sources?page=1&per_page=100",
        ]
    );
}

// ---- combine: the seed requesters ----

#[test]
fn nobody_here_is_not_found() {
    assert_eq!(
        combine(vec![], vec![], vec![], vec![], &names()),
        LookupOutcome::NotFound
    );
}

#[test]
fn lea_with_only_a_lead_is_one_match_without_deals() {
    let lea = lead(json!({"id": 1, "first_name": "Lea", "last_name": "Lead"}));
    let LookupOutcome::One(found) = combine(vec![lea.clone()], vec![], vec![], vec![], &names())
    else {
        panic!("expected one match");
    };
    assert_eq!(
        *found,
        Match {
            lead: Some(lea),
            contact: None,
            organization: None,
            organization_id: None,
            deals: vec![],
            deals_loaded: true,
        }
    );
    assert_eq!(found.display_name(), "Lea Lead");
}

#[test]
fn carl_shows_with_his_organization_and_all_deals_open_first() {
    let mut deals = carls_deals();
    // The same deal arrives from both the contact and the organization request.
    deals.push(deal(json!({"id": 3, "name": "Big open", "value": 5000, "stage_id": 1, "contact_id": 21, "organization_id": 20})));
    deals.push(deal(
        json!({"id": 99, "name": "Someone else's", "contact_id": 77}),
    ));
    let LookupOutcome::One(found) = combine(vec![], vec![carl()], deals, vec![contoso()], &names())
    else {
        panic!("expected one match");
    };
    assert_eq!(found.organization, Some(contoso()));
    assert_eq!(
        found.deals.iter().map(|d| d.id.0).collect::<Vec<_>>(),
        [3, 4, 2, 1]
    );
    assert_eq!(found.display_name(), "Carl Contact");
}

#[test]
fn bea_with_a_lead_and_a_contact_is_one_person_with_both_cards() {
    let bea_lead = lead(json!({"id": 30, "first_name": "Bea", "last_name": "Both", "owner_id": 5}));
    let bea_contact =
        contact(json!({"id": 31, "first_name": "Bea", "last_name": "Both", "owner_id": 3}));
    let LookupOutcome::One(found) = combine(
        vec![bea_lead.clone()],
        vec![bea_contact.clone()],
        vec![],
        vec![],
        &names(),
    ) else {
        panic!("expected one match");
    };
    assert_eq!(found.lead, Some(bea_lead));
    assert_eq!(found.contact, Some(bea_contact));
}

#[test]
fn dana_with_two_contacts_must_pick_one_and_picking_needs_no_request() {
    let nora_s = contact(
        json!({"id": 40, "first_name": "Dana", "last_name": "Double", "owner_id": 3, "contact_id": 20}),
    );
    let toms =
        contact(json!({"id": 41, "first_name": "Dana", "last_name": "Double", "owner_id": 5}));
    let deals = vec![deal(
        json!({"id": 7, "name": "Dana deal", "contact_id": 41}),
    )];
    let LookupOutcome::Several(options) = combine(
        vec![],
        vec![nora_s, toms.clone()],
        deals,
        vec![contoso()],
        &names(),
    ) else {
        panic!("expected several");
    };
    let lines: Vec<(MatchRef, String, Option<String>, Option<UserId>)> = options
        .iter()
        .map(|o| (o.target, o.name.clone(), o.organization.clone(), o.owner_id))
        .collect();
    assert_eq!(
        lines,
        vec![
            (
                MatchRef::Contact(ContactId(40)),
                "Dana Double".to_string(),
                Some("Contoso GmbH".to_string()),
                Some(UserId(3))
            ),
            (
                MatchRef::Contact(ContactId(41)),
                "Dana Double".to_string(),
                None,
                Some(UserId(5))
            ),
        ]
    );
    let picked = options.get(1).map(|o| &o.details);
    assert_eq!(picked.and_then(|m| m.contact.clone()), Some(toms));
    assert_eq!(picked.map(|m| m.deals.len()), Some(1));
}

#[test]
fn two_leads_or_a_lead_beside_two_contacts_are_several_contacts_first() {
    let a = lead(json!({"id": 50, "last_name": "A", "organization_name": " Acme "}));
    let b = lead(json!({"id": 51, "last_name": "B"}));
    let LookupOutcome::Several(options) =
        combine(vec![a.clone(), b], vec![], vec![], vec![], &names())
    else {
        panic!("expected several");
    };
    assert_eq!(
        options.iter().map(|o| o.target).collect::<Vec<_>>(),
        [MatchRef::Lead(LeadId(50)), MatchRef::Lead(LeadId(51))]
    );
    assert_eq!(
        options.first().and_then(|o| o.organization.clone()),
        Some("Acme".to_string())
    );

    let c1 = contact(json!({"id": 60, "last_name": "C1"}));
    let c2 = contact(json!({"id": 61, "last_name": "C2"}));
    let LookupOutcome::Several(options) = combine(vec![a], vec![c1, c2], vec![], vec![], &names())
    else {
        panic!("expected several");
    };
    assert_eq!(
        options.iter().map(|o| o.target).collect::<Vec<_>>(),
        [
            MatchRef::Contact(ContactId(60)),
            MatchRef::Contact(ContactId(61)),
            MatchRef::Lead(LeadId(50))
        ]
    );
}

#[test]
fn the_same_record_twice_in_an_answer_counts_once() {
    let lea = lead(json!({"id": 1, "last_name": "Lead"}));
    assert!(matches!(
        combine(
            vec![lea.clone(), lea],
            vec![carl(), carl()],
            vec![],
            vec![],
            &names()
        ),
        LookupOutcome::One(_)
    ));
}

#[test]
fn a_lead_is_shown_when_it_is_the_match_or_one_of_several() {
    let lea = lead(json!({"id": 7, "first_name": "Lea", "last_name": "Lead", "email": "lea@x.test"}));
    let other = lead(json!({"id": 8, "first_name": "Lee", "last_name": "Lead", "email": "lea@x.test"}));
    let one = combine(vec![lea.clone()], vec![], vec![], vec![], &names());
    assert!(one.shows_lead(LeadId(7)));
    assert!(!one.shows_lead(LeadId(8)));
    let several = combine(vec![lea, other], vec![], vec![], vec![], &names());
    assert!(matches!(several, LookupOutcome::Several(_)));
    assert!(several.shows_lead(LeadId(8)));
    assert!(!LookupOutcome::NotFound.shows_lead(LeadId(7)));
}

mod visible_records {
    use super::*;

    fn nora() -> Visibility {
        Visibility::Owners([UserId(3)].into())
    }

    fn toms_lead() -> Lead {
        lead(json!({"id": 11, "last_name": "Both", "email": "bea@both.test", "owner_id": 5}))
    }

    #[test]
    fn records_the_agent_may_not_see_are_dropped_and_counted() {
        let records = Records::step1(&nora(), vec![toms_lead()], vec![carl()]);
        assert!(records.leads.is_empty());
        assert_eq!(records.contacts, vec![carl()]);
        assert_eq!(records.hidden, 1);
    }

    #[test]
    fn deals_pass_by_their_own_owner() {
        let mut records = Records::step1(&nora(), vec![], vec![carl()]);
        let noras = deal(json!({"id": 1, "name": "Noras", "contact_id": 21, "owner_id": 3, "stage_id": 1}));
        let toms = deal(json!({"id": 2, "name": "Toms", "contact_id": 21, "owner_id": 5, "stage_id": 1}));
        records.add_step2(&nora(), vec![noras.clone(), toms]);
        assert_eq!(records.deals, vec![noras]);
        assert_eq!(records.hidden, 0, "only leads and contacts with the email are counted");
        match records.outcome(&names()) {
            LookupOutcome::One(m) => {
                assert_eq!(m.organization, None);
                assert_eq!(m.organization_id, Some(ContactId(20)), "opened on demand");
                assert_eq!(m.deals.len(), 1);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn only_hidden_records_are_not_called_not_found() {
        let records = Records::step1(&nora(), vec![toms_lead()], vec![]);
        assert_eq!(records.outcome(&names()), LookupOutcome::NoneVisible);
        let nothing = Records::step1(&nora(), vec![], vec![]);
        assert_eq!(nothing.outcome(&names()), LookupOutcome::NotFound);
    }

    #[test]
    fn everything_keeps_every_record() {
        let records = Records::step1(&Visibility::Everything, vec![toms_lead()], vec![carl()]);
        assert_eq!((records.leads.len(), records.contacts.len(), records.hidden), (1, 1, 0));
    }
}
