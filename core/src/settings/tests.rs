use super::*;
use crate::sell::model::UserId;
use crate::json::from_serde;
use serde_json::{json, Map, Value};

fn parse(value: Value) -> ParsedSettings {
    assert!(value.is_object(), "test input must be an object, got {value}");
    parse_settings(&from_serde(&value))
}

fn problem(parameter: Parameter, kind: ProblemKind) -> SettingProblem {
    SettingProblem::new(parameter, kind)
}

#[test]
fn the_dev_host_seed_settings_parse_cleanly() {
    let parsed = parse(json!({
        "all_agents_access": false,
        "lead_status": "New",
        "lead_source": "Zendesk Support",
        "lead_owners": "",
        "agents_assign_owner": false,
        "account_owner": null,
        "lead_fields": null,
        "contact_fields": "name, email",
        "deal_fields": null,
    }));
    assert_eq!(parsed.problems, vec![]);
    assert_eq!(
        parsed.settings,
        Settings {
            access: AccessMode::SellUsersOnly,
            full_access: vec![],
            lead_status: "New".into(),
            lead_source: Some(SourceSetting("Zendesk Support".into())),
            owners: vec![],
            agents_assign_owner: false,
            account_owner: None,
            field_config: RawFieldConfig {
                lead: None,
                contact: Some("name, email".into()),
                deal: None
            },
        }
    );
}

#[test]
fn full_access_users_are_read_like_lead_owners() {
    let parsed = parse(json!({"full_access_users": "2\n Max@Acme.test , sofia@acme.test"}));
    assert_eq!(parsed.problems, vec![]);
    assert_eq!(
        parsed.settings.full_access,
        vec![
            OwnerRef::Id(UserId(2)),
            OwnerRef::Email("max@acme.test".into()),
            OwnerRef::Email("sofia@acme.test".into())
        ]
    );
}

#[test]
fn an_empty_settings_object_gives_the_manifest_defaults() {
    let parsed = parse(json!({}));
    assert_eq!(parsed.problems, vec![]);
    assert_eq!(parsed.settings, Settings::default());
}

#[test]
fn every_setting_read_from_its_parameter() {
    let parsed = parse(json!({
        "all_agents_access": "true",
        "lead_status": " Working ",
        "lead_source": "  ",
        "lead_owners": "7\nInbound pool, max@acme.test",
        "agents_assign_owner": 1,
        "account_owner": "ada@acme.test",
        "lead_fields": "name,status",
        "deal_fields": "custom:Region",
    }));
    assert_eq!(parsed.problems, vec![]);
    let s = parsed.settings;
    assert_eq!(s.access, AccessMode::AllAgents);
    assert_eq!(s.lead_status, "Working");
    assert_eq!(s.lead_source, None);
    assert_eq!(
        s.owners,
        vec![
            OwnerRef::Id(UserId(7)),
            OwnerRef::Name("Inbound pool".into()),
            OwnerRef::Email("max@acme.test".into())
        ]
    );
    assert!(s.agents_assign_owner);
    assert_eq!(s.account_owner, Some(OwnerRef::Email("ada@acme.test".into())));
    assert_eq!(s.field_config.lead.as_deref(), Some("name,status"));
    assert_eq!(s.field_config.deal.as_deref(), Some("custom:Region"));
}

#[test]
fn each_bad_value_is_one_problem_naming_its_parameter() {
    let cases: Vec<(Value, SettingProblem)> = vec![
        (
            json!({"all_agents_access": "yes please"}),
            problem(
                Parameter::AllAgentsAccess,
                ProblemKind::NotACheckbox {
                    got: "yes please".into(),
                },
            ),
        ),
        (
            json!({"agents_assign_owner": [1]}),
            problem(
                Parameter::AgentsAssignOwner,
                ProblemKind::NotACheckbox { got: "[1]".into() },
            ),
        ),
        (
            json!({"lead_status": ""}),
            problem(Parameter::LeadStatus, ProblemKind::Missing),
        ),
        (
            json!({"lead_status": null}),
            problem(Parameter::LeadStatus, ProblemKind::Missing),
        ),
        (
            json!({"lead_status": " \n "}),
            problem(Parameter::LeadStatus, ProblemKind::Missing),
        ),
        (
            json!({"lead_status": true}),
            problem(Parameter::LeadStatus, ProblemKind::NotText { got: JsonKind::Bool }),
        ),
        (
            json!({"lead_status": "New\nWorking"}),
            problem(Parameter::LeadStatus, ProblemKind::ControlCharacters),
        ),
        (
            json!({"lead_source": "x".repeat(300)}),
            problem(
                Parameter::LeadSource,
                ProblemKind::TooLong {
                    max_chars: MAX_SELL_NAME_CHARS,
                },
            ),
        ),
        (
            json!({"lead_owners": "2, @nowhere"}),
            problem(
                Parameter::LeadOwners,
                ProblemKind::BadEntry {
                    entry: "@nowhere".into(),
                    reason: EntryProblem::MalformedEmail,
                },
            ),
        ),
        (
            json!({"lead_owners": {"id": 2}}),
            problem(Parameter::LeadOwners, ProblemKind::NotText { got: JsonKind::Object }),
        ),
        (
            json!({"account_owner": "Ada Owner"}),
            problem(
                Parameter::AccountOwner,
                ProblemKind::BadEntry {
                    entry: "Ada Owner".into(),
                    reason: EntryProblem::NameNotAllowed,
                },
            ),
        ),
        (
            json!({"account_owner": "1, 2"}),
            problem(Parameter::AccountOwner, ProblemKind::SeveralAccountOwners),
        ),
        (
            json!({"deal_fields": ["name"]}),
            problem(Parameter::DealFields, ProblemKind::NotText { got: JsonKind::Array }),
        ),
    ];
    for (input, expected) in cases {
        let parsed = parse(input.clone());
        assert_eq!(parsed.problems, vec![expected], "input {input}");
    }
}

#[test]
fn bad_values_fall_back_to_the_safe_choice() {
    let parsed = parse(json!({
        "all_agents_access": "maybe",
        "agents_assign_owner": "sure",
        "lead_owners": "0, 3",
        "account_owner": "Ada",
    }));
    let s = &parsed.settings;
    assert_eq!(s.access, AccessMode::SellUsersOnly);
    assert!(!s.agents_assign_owner);
    assert_eq!(s.owners, vec![OwnerRef::Id(UserId(3))]);
    assert_eq!(s.account_owner, None);
    assert_eq!(parsed.problems.len(), 4);
}

#[test]
fn problems_say_what_they_stop() {
    let access = parse(json!({"all_agents_access": "maybe"}));
    assert!(access.blocks(ProblemScope::WholeApp));
    assert!(
        access.blocks(ProblemScope::LeadForm),
        "a whole-app problem stops the form too"
    );

    let status = parse(json!({"lead_status": ""}));
    assert!(status.blocks(ProblemScope::LeadForm));
    assert!(!status.blocks(ProblemScope::WholeApp));
    assert!(!status.blocks(ProblemScope::FieldDisplay));

    let full_access = parse(json!({"full_access_users": "max@acme.test, @nowhere"}));
    assert_eq!(full_access.settings.full_access, vec![OwnerRef::Email("max@acme.test".into())]);
    assert!(
        !full_access.blocks(ProblemScope::LeadForm) && !full_access.blocks(ProblemScope::WholeApp),
        "an unreadable full-access entry only means that user sees less"
    );
    assert_eq!(full_access.problems_in(ProblemScope::FullAccess).count(), 1);

    let fields = parse(json!({"lead_fields": true}));
    assert!(fields.blocks(ProblemScope::FieldDisplay));
    assert!(!fields.blocks(ProblemScope::LeadForm));
    assert_eq!(fields.problems_in(ProblemScope::FieldDisplay).count(), 1);
}

#[test]
fn every_parameter_name_is_the_manifest_name() {
    let names: Vec<&str> = Parameter::ALL.iter().map(|p| p.name()).collect();
    assert_eq!(
        names,
        [
            "all_agents_access",
            "full_access_users",
            "lead_status",
            "lead_source",
            "lead_owners",
            "agents_assign_owner",
            "account_owner",
            "lead_fields",
            "contact_fields",
            "deal_fields"
        ]
    );
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    fn json_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(|n| json!(n)),
            any::<f64>().prop_map(|n| json!(n)),
            "\\PC{0,30}".prop_map(Value::String),
            any::<String>().prop_map(Value::String),
            prop_oneof![Just("true"), Just("0"), Just("1, 2\n@"), Just(" , ,")].prop_map(|s| json!(s)),
        ];
        leaf.prop_recursive(2, 8, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::btree_map("[a-z]{1,5}", inner, 0..3)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn whatever_the_values(values in prop::collection::vec(prop::option::of(json_value()), 10)) {
            let mut map = Map::new();
            for (parameter, value) in Parameter::ALL.iter().zip(values) {
                if let Some(value) = value {
                    map.insert(parameter.name().to_string(), value);
                }
            }
            let parsed = parse_settings(&from_serde(&Value::Object(map)));
            // At most one problem per parameter, except for lists with several bad entries.
            for p in Parameter::ALL {
                let count = parsed.problems.iter().filter(|x| x.parameter == p).count();
                if p != Parameter::LeadOwners && p != Parameter::FullAccessUsers {
                    prop_assert!(count <= 1, "{} has {} problems", p.name(), count);
                }
            }
        }

        #[test]
        fn whatever_the_owner_list(text in any::<String>()) {
            let mut map = Map::new();
            map.insert("lead_owners".into(), Value::String(text.clone()));
            map.insert("account_owner".into(), Value::String(text));
            let _ = parse_settings(&from_serde(&Value::Object(map)));
        }
    }
}
