use super::*;
use crate::sell::model::{LeadId, UserStatus};
use proptest::prelude::*;
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

fn user(id: u64, name: &str) -> User {
    User {
        id: UserId(id),
        name: name.to_string(),
        email: None,
        role: None,
        status: UserStatus::Active,
        team_name: None,
        reports_to: None,
        identity_type: None,
        system_tags: vec![],
        confirmed: None,
        created_at: None,
        source: crate::json::Json::Null,
    }
}

fn stage(id: u64, name: &str, category: &str) -> Stage {
    Stage {
        id: StageId(id),
        name: name.into(),
        category: Some(category.into()),
        source: crate::json::Json::Null,
        position: None,
    }
}

fn names() -> Names {
    Names::new(
        &[user(3, "Nora North"), user(5, "Tom South")],
        &[
            stage(1, "Incoming", "incoming"),
            stage(5, "Won", "won"),
            stage(6, "Lost", "lost"),
        ],
        &[LeadSource {
            id: SourceId(1),
            name: "Website".into(),
            source: crate::json::Json::Null,
        }],
    )
}

fn known(keys: &[FieldKey]) -> Vec<FieldSpec> {
    keys.iter().copied().map(FieldSpec::Known).collect()
}

fn labels_and_values(fields: &[ShownField]) -> Vec<(String, FieldValue)> {
    fields
        .iter()
        .map(|f| (f.label.clone(), f.value.clone()))
        .collect()
}

// ---- parse_field_list ----

#[test]
fn an_empty_setting_gives_the_product_defaults() {
    for setting in ["", "  ", " , ,\n"] {
        let (lead_specs, problems) = parse_field_list(Entity::Lead, setting);
        assert!(problems.is_empty());
        assert_eq!(
            lead_specs,
            known(&[
                FieldKey::Name,
                FieldKey::Organization,
                FieldKey::Status,
                FieldKey::Source,
                FieldKey::Owner,
                FieldKey::Email,
                FieldKey::Phone,
                FieldKey::Mobile,
                FieldKey::Tags,
                FieldKey::CreatedAt
            ])
        );
    }
    assert_eq!(
        parse_field_list(Entity::Contact, "").0,
        known(&[
            FieldKey::Name,
            FieldKey::Title,
            FieldKey::Email,
            FieldKey::Phone,
            FieldKey::Mobile,
            FieldKey::Owner,
            FieldKey::Address,
            FieldKey::Tags
        ])
    );
    assert_eq!(
        parse_field_list(Entity::Deal, "").0,
        known(&[
            FieldKey::Name,
            FieldKey::Value,
            FieldKey::Stage,
            FieldKey::Owner,
            FieldKey::EstimatedCloseDate,
            FieldKey::LastActivity
        ])
    );
}

#[test]
fn entries_are_trimmed_case_insensitive_in_order_and_deduplicated() {
    let (specs, problems) = parse_field_list(
        Entity::Lead,
        " Email , NAME,email,\nCreated at, organization_name ",
    );
    assert!(problems.is_empty());
    assert_eq!(
        specs,
        known(&[
            FieldKey::Email,
            FieldKey::Name,
            FieldKey::CreatedAt,
            FieldKey::Organization
        ])
    );
}

#[test]
fn custom_fields_are_named_after_custom_colon() {
    let (specs, problems) = parse_field_list(
        Entity::Deal,
        "name, custom:Contract Tier, CUSTOM: contract tier, Custom :Region",
    );
    assert!(problems.is_empty());
    assert_eq!(
        specs,
        vec![
            FieldSpec::Known(FieldKey::Name),
            FieldSpec::Custom("Contract Tier".into()),
            FieldSpec::Custom("Region".into())
        ]
    );
}

#[test]
fn unknown_names_are_reported_and_the_valid_ones_still_show() {
    let (specs, problems) = parse_field_list(Entity::Lead, "email, fax, stage, custom:, phone");
    assert_eq!(specs, known(&[FieldKey::Email, FieldKey::Phone]));
    assert_eq!(
        problems,
        vec![
            FieldProblem::Unknown {
                entity: Entity::Lead,
                name: "fax".into()
            },
            FieldProblem::Unknown {
                entity: Entity::Lead,
                name: "stage".into()
            },
            FieldProblem::EmptyCustomName {
                entity: Entity::Lead
            },
        ]
    );
    let message = problems
        .first()
        .map(|p| p.message(Locale::En))
        .unwrap_or_default();
    assert!(
        message.contains("fax") && message.contains("lead_fields"),
        "{message}"
    );
}

#[test]
fn a_list_with_nothing_usable_falls_back_to_the_defaults_and_still_reports() {
    let (specs, problems) = parse_field_list(Entity::Contact, "colour, size");
    assert_eq!(specs.len(), default_fields(Entity::Contact).len());
    assert_eq!(problems.len(), 2);
}

#[test]
fn every_known_field_parses_from_its_config_name_and_has_a_label() {
    for entity in [Entity::Lead, Entity::Contact, Entity::Deal] {
        for key in known_fields(entity) {
            let (specs, problems) = parse_field_list(entity, key.config_name());
            assert_eq!(
                (specs, problems),
                (vec![FieldSpec::Known(*key)], vec![]),
                "{entity:?} {key:?}"
            );
        }
        for locale in Locale::ALL {
            let mut labels: Vec<&str> = known_fields(entity)
                .iter()
                .map(|k| k.label().text(locale))
                .collect();
            labels.sort();
            labels.dedup();
            assert_eq!(
                labels.len(),
                known_fields(entity).len(),
                "two {entity:?} fields share a label in {locale:?}"
            );
        }
    }
}

proptest! {
    #[test]
    fn any_setting_parses_without_panicking_and_never_shows_nothing(setting in "\\PC{0,120}") {
        for entity in [Entity::Lead, Entity::Contact, Entity::Deal] {
            let (specs, _) = parse_field_list(entity, &setting);
            prop_assert!(!specs.is_empty());
        }
    }
}

// ---- values ----

#[test]
fn the_default_lead_card_shows_filled_fields_with_names_for_ids() {
    let lea = lead(
        json!({"id": 1, "first_name": "Lea", "last_name": "Lead", "email": "lea@lead-only.test",
        "owner_id": 3, "source_id": 1, "status": "New", "phone": "", "tags": ["vip", " "],
        "created_at": "2026-03-05T10:00:00Z"}),
    );
    let (specs, _) = parse_field_list(Entity::Lead, "");
    assert_eq!(
        labels_and_values(&select_lead(&lea, &specs, &names(), Locale::En)),
        vec![
            ("Name".to_string(), FieldValue::Text("Lea Lead".into())),
            ("Status".to_string(), FieldValue::Text("New".into())),
            ("Source".to_string(), FieldValue::Text("Website".into())),
            ("Owner".to_string(), FieldValue::Text("Nora North".into())),
            (
                "Email".to_string(),
                FieldValue::Email("lea@lead-only.test".into())
            ),
            ("Tags".to_string(), FieldValue::Tags(vec!["vip".into()])),
            (
                "Created".to_string(),
                FieldValue::Date("2026-03-05T10:00:00Z".into())
            ),
        ]
    );
}

#[test]
fn ids_missing_from_the_lists_get_a_placeholder_in_the_agents_language() {
    let orphan = lead(json!({"id": 2, "last_name": "X", "owner_id": 12, "source_id": 99}));
    let specs = known(&[FieldKey::Owner, FieldKey::Source]);
    let values: Vec<FieldValue> = select_lead(&orphan, &specs, &names(), Locale::De)
        .into_iter()
        .map(|f| f.value)
        .collect();
    assert_eq!(
        values,
        vec![
            FieldValue::Text("Benutzer #12".into()),
            FieldValue::Text("Quelle #99".into())
        ]
    );
    let unnamed = Names::new(&[user(3, "  ")], &[], &[]);
    assert_eq!(unnamed.user(UserId(3), Locale::En), "User #3");
}

#[test]
fn only_http_links_become_links() {
    let cases: &[(&str, FieldValue)] = &[
        (
            "https://acme.test",
            FieldValue::Url {
                text: "https://acme.test".into(),
                href: "https://acme.test".into(),
            },
        ),
        (
            "HTTP://acme.test/x",
            FieldValue::Url {
                text: "HTTP://acme.test/x".into(),
                href: "HTTP://acme.test/x".into(),
            },
        ),
        (
            "www.acme.test",
            FieldValue::Url {
                text: "www.acme.test".into(),
                href: "https://www.acme.test".into(),
            },
        ),
        (
            "javascript:alert(1)",
            FieldValue::Text("javascript:alert(1)".into()),
        ),
        (
            "JavaScript://acme.test/%0aalert(1)",
            FieldValue::Text("JavaScript://acme.test/%0aalert(1)".into()),
        ),
        (
            "data:text/html,<script>",
            FieldValue::Text("data:text/html,<script>".into()),
        ),
        (
            "https://x.test\" onmouseover=\"alert(1)",
            FieldValue::Text("https://x.test\" onmouseover=\"alert(1)".into()),
        ),
        ("acme", FieldValue::Text("acme".into())),
        ("user@acme.test", FieldValue::Text("user@acme.test".into())),
    ];
    for (website, expected) in cases {
        let record = lead(json!({"id": 3, "website": website}));
        let shown = select_lead(&record, &known(&[FieldKey::Website]), &names(), Locale::En);
        assert_eq!(shown.first().map(|f| &f.value), Some(expected), "{website}");
    }
}

#[test]
fn emails_and_phones_link_only_when_they_look_right() {
    let record = contact(
        json!({"id": 4, "first_name": "Carl", "email": "<img src=x onerror=alert(1)>",
        "phone": "+49 (30) 1234-56", "mobile": "ask reception"}),
    );
    let specs = known(&[FieldKey::Email, FieldKey::Phone, FieldKey::Mobile]);
    let values: Vec<FieldValue> = select_contact(&record, &specs, &names(), Locale::En)
        .into_iter()
        .map(|f| f.value)
        .collect();
    assert_eq!(
        values,
        vec![
            FieldValue::Text("<img src=x onerror=alert(1)>".into()),
            FieldValue::Phone {
                text: "+49 (30) 1234-56".into(),
                href: "tel:+4930123456".into()
            },
            FieldValue::Text("ask reception".into()),
        ]
    );
}

#[test]
fn a_person_shows_its_organization_and_an_address_in_lines() {
    let contoso = contact(json!({"id": 20, "is_organization": true, "name": "Contoso GmbH"}));
    let names = names().with_organizations(std::slice::from_ref(&contoso));
    let carl = contact(
        json!({"id": 21, "first_name": "Carl", "last_name": "Contact", "contact_id": 20,
        "address": {"line1": "Hauptstr. 1", "city": "Berlin", "postal_code": "10115", "country": "DE", "state": ""}}),
    );
    let specs = known(&[FieldKey::Name, FieldKey::Organization, FieldKey::Address]);
    assert_eq!(
        labels_and_values(&select_contact(&carl, &specs, &names, Locale::De)),
        vec![
            ("Name".to_string(), FieldValue::Text("Carl Contact".into())),
            (
                "Organisation".to_string(),
                FieldValue::Text("Contoso GmbH".into())
            ),
            (
                "Adresse".to_string(),
                FieldValue::Address(vec![
                    "Hauptstr. 1".into(),
                    "10115 Berlin".into(),
                    "DE".into()
                ])
            ),
        ]
    );
    let organization_fields = select_contact(&contoso, &specs, &names, Locale::En);
    assert_eq!(
        labels_and_values(&organization_fields),
        vec![("Name".to_string(), FieldValue::Text("Contoso GmbH".into()))]
    );
}

#[test]
fn custom_fields_are_text_with_lists_joined_and_booleans_translated() {
    let record = deal(
        json!({"id": 9, "custom_fields": {"Tier": "Gold", "Regions": ["EU", "US"], "Renewal": true,
        "Seats": 25, "Empty": null, "Blank": "  "}}),
    );
    let specs: Vec<FieldSpec> = [
        "tier", "Regions", "Renewal", "Seats", "Empty", "Blank", "Missing",
    ]
    .iter()
    .map(|n| FieldSpec::Custom(n.to_string()))
    .collect();
    assert_eq!(
        labels_and_values(&select_deal(&record, &specs, &names(), Locale::De)),
        vec![
            ("tier".to_string(), FieldValue::Text("Gold".into())),
            ("Regions".to_string(), FieldValue::Text("EU, US".into())),
            ("Renewal".to_string(), FieldValue::Text("Ja".into())),
            ("Seats".to_string(), FieldValue::Text("25".into())),
        ]
    );
}

#[test]
fn the_default_deal_card_shows_money_stage_and_dates() {
    let big = deal(
        json!({"id": 10, "name": "Big", "value": "1500.50", "currency": "EUR", "stage_id": 5, "owner_id": 5,
        "estimated_close_date": "2026-04-01", "last_activity_at": "2026-03-01T09:00:00Z"}),
    );
    let (specs, _) = parse_field_list(Entity::Deal, "");
    assert_eq!(
        labels_and_values(&select_deal(&big, &specs, &names(), Locale::En)),
        vec![
            ("Name".to_string(), FieldValue::Text("Big".into())),
            (
                "Value".to_string(),
                FieldValue::Money {
                    amount: 1500.5,
                    currency: "EUR".into()
                }
            ),
            ("Stage".to_string(), FieldValue::Text("Won".into())),
            ("Owner".to_string(), FieldValue::Text("Tom South".into())),
            (
                "Expected close".to_string(),
                FieldValue::Date("2026-04-01".into())
            ),
            (
                "Last activity".to_string(),
                FieldValue::Date("2026-03-01T09:00:00Z".into())
            ),
        ]
    );
}

#[test]
fn fields_of_another_entity_show_nothing() {
    let record = lead(json!({"id": 1, "last_name": "L"}));
    assert!(select_lead(
        &record,
        &known(&[FieldKey::Stage, FieldKey::Value]),
        &names(),
        Locale::En
    )
    .is_empty());
}

// ---- display names and deal order ----

#[test]
fn display_names_fall_back_sensibly() {
    assert_eq!(
        lead_display_name(&lead(
            json!({"id": 1, "first_name": " Lea ", "last_name": "Lead"})
        )),
        "Lea Lead"
    );
    assert_eq!(
        lead_display_name(&lead(json!({"id": 1, "organization_name": "Acme"}))),
        "Acme"
    );
    assert_eq!(
        lead_display_name(&lead(json!({"id": 7, "first_name": ""}))),
        "#7"
    );
    assert_eq!(
        contact_display_name(&contact(
            json!({"id": 1, "is_organization": true, "name": "Contoso"})
        )),
        "Contoso"
    );
    assert_eq!(
        contact_display_name(&contact(
            json!({"id": 1, "first_name": "Carl", "name": "C. Contact"})
        )),
        "Carl"
    );
    assert_eq!(
        contact_display_name(&contact(json!({"id": 1, "name": "C. Contact"}))),
        "C. Contact"
    );
    assert_eq!(contact_display_name(&contact(json!({"id": 2}))), "#2");
    assert_eq!(lead(json!({"id": 5})).id, LeadId(5));
}

#[test]
fn deals_list_open_first_then_biggest_then_by_name() {
    let mut deals = vec![
        deal(json!({"id": 1, "name": "won big", "value": 9000, "stage_id": 5})),
        deal(json!({"id": 2, "name": "open small", "value": 10, "stage_id": 1})),
        deal(json!({"id": 3, "name": "open no value", "stage_id": 1})),
        deal(json!({"id": 4, "name": "Open big", "value": "500", "stage_id": 1})),
        deal(json!({"id": 5, "name": "lost", "value": 50000, "stage_id": 6})),
        deal(json!({"id": 6, "name": "another open big", "value": 500, "stage_id": 999})),
        deal(json!({"id": 7, "name": "open no stage", "value": -5})),
    ];
    sort_deals(&mut deals, &names());
    let order: Vec<u64> = deals.iter().map(|d| d.id.0).collect();
    assert_eq!(order, [6, 4, 2, 7, 3, 5, 1]);
}

#[test]
fn deal_state_comes_from_the_stage_category() {
    let names = names();
    assert_eq!(
        names.deal_state(&deal(json!({"id": 1, "stage_id": 5}))),
        DealState::Won
    );
    assert_eq!(
        names.deal_state(&deal(json!({"id": 1, "stage_id": 6}))),
        DealState::Lost
    );
    assert_eq!(
        names.deal_state(&deal(json!({"id": 1, "stage_id": 1}))),
        DealState::Open
    );
    assert_eq!(names.deal_state(&deal(json!({"id": 1}))), DealState::Open);
}
