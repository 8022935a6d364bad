//! The deterministic seed of the emulated Sell account: exactly the tables of docs/CONTRACTS.md,
//! plus bulk records so lists have pages. Ids are stable and live in separate ranges per resource
//! (leads 1001.., contacts 2001.., deals 3001.., sources 4001.., statuses 5001.., stages 6001..), so a
//! client that sends a lead id where a contact id belongs finds nothing instead of a wrong record.

use super::records::*;
use super::store::Store;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

pub const ADA: UserId = UserId(1);
pub const MAX: UserId = UserId(2);
pub const NORA: UserId = UserId(3);
pub const SOFIA: UserId = UserId(4);
pub const TOM: UserId = UserId(5);
pub const IVAN: UserId = UserId(6);
pub const INBOUND_POOL: UserId = UserId(7);
pub const ENTERPRISE_POOL: UserId = UserId(8);

pub const LEA_LEAD: LeadId = LeadId(1001);
pub const BEA_LEAD: LeadId = LeadId(1002);
pub const OMAR_LEAD: LeadId = LeadId(1003);
pub const PAYLOAD_LEAD: LeadId = LeadId(1004);
/// Olga's lead carries only her secondary Support identity's email (olga@second.test).
pub const OLGA_LEAD: LeadId = LeadId(1005);

pub const CONTOSO: ContactId = ContactId(2001);
pub const CARL: ContactId = ContactId(2002);
pub const BEA_CONTACT: ContactId = ContactId(2003);
pub const DANA_NORA: ContactId = ContactId(2004);
pub const DANA_TOM: ContactId = ContactId(2005);
pub const SID: ContactId = ContactId(2006);
/// Two organizations named exactly "Twin Industries" (Nora's and Tom's), each with one person and one
/// deal: the organization sidebar's several-matches case.
pub const TWIN_NORTH: ContactId = ContactId(2007);
pub const TWIN_NORTH_PERSON: ContactId = ContactId(2008);
pub const TWIN_SOUTH: ContactId = ContactId(2009);
pub const TWIN_SOUTH_PERSON: ContactId = ContactId(2010);
pub const TWIN_NORTH_DEAL: DealId = DealId(3006);
pub const TWIN_SOUTH_DEAL: DealId = DealId(3007);

pub const WEBSITE: SourceId = SourceId(4001);
pub const REFERRAL: SourceId = SourceId(4002);
pub const TRADE_SHOW: SourceId = SourceId(4003);

pub const STAGE_INCOMING: StageId = StageId(6001);
const STAGE_QUALIFIED: StageId = StageId(6002);
const STAGE_QUOTE: StageId = StageId(6003);
const STAGE_CLOSURE: StageId = StageId(6004);
const STAGE_WON: StageId = StageId(6005);
const STAGE_LOST: StageId = StageId(6006);

/// A seed personal access token: `sellemu-<first name>-` and 50 hex digits hashed from the name, so
/// it is stable across runs and has a shape a secret scanner can look for.
pub fn token_for_name(first_name: &str) -> String {
    let name = first_name.to_lowercase();
    let mut hex = String::new();
    for block in 0u64..4 {
        hex.push_str(&format!(
            "{:016x}",
            fnv1a(format!("sellemu:{name}:{block}").as_bytes())
        ));
    }
    hex.truncate(50);
    format!("sellemu-{name}-{hex}")
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// A seed timestamp: day of March 2024 and minute, to give records distinct, ordered times.
fn at(day: u32, minute: u32) -> String {
    format!(
        "2024-03-{:02}T{:02}:{:02}:00Z",
        day.clamp(1, 28),
        8 + minute / 60 % 10,
        minute % 60
    )
}

pub fn seed() -> Store {
    let users = users();
    let tokens = users
        .iter()
        .filter(|u| u.identity_type == "person")
        .map(|u| {
            (
                token_for_name(u.name.split(' ').next().unwrap_or_default()),
                u.id,
            )
        })
        .collect::<BTreeMap<_, _>>();
    Store {
        account: Account {
            id: 9001,
            name: "Acme Test".into(),
            currency: "USD".into(),
            timezone: "UTC+01:00".into(),
            time_format: "24H".into(),
            phone: Some("+1 555 0100".into()),
            subdomain: Some("acme".into()),
            created_at: at(1, 0),
            updated_at: at(1, 0),
        },
        users,
        tokens,
        pools: vec![
            Pool {
                id: INBOUND_POOL,
                name: "Inbound pool".into(),
                members: vec![NORA, TOM],
                next_index: 0,
            },
            Pool {
                id: ENTERPRISE_POOL,
                name: "Enterprise pool".into(),
                members: vec![MAX, SOFIA],
                next_index: 0,
            },
        ],
        lead_statuses: ["New", "Incoming", "Working", "Unqualified"]
            .iter()
            .zip(5001..)
            .map(|(name, id)| LeadStatus {
                id: StatusId(id),
                name: (*name).into(),
                created_at: at(1, 1),
                updated_at: at(1, 1),
            })
            .collect(),
        lead_sources: [
            (WEBSITE, "Website"),
            (REFERRAL, "Referral"),
            (TRADE_SHOW, "Trade show"),
        ]
        .iter()
        .map(|(id, name)| LeadSource {
            id: *id,
            name: (*name).into(),
            resource_type: "lead".into(),
            creator_id: ADA,
            created_at: at(1, 2),
            updated_at: at(1, 2),
        })
        .collect(),
        pipelines: vec![Pipeline {
            id: PipelineId(1),
            name: "Sales Pipeline".into(),
            created_at: at(1, 3),
            updated_at: at(1, 3),
        }],
        stages: stages(),
        leads: leads(),
        contacts: contacts(),
        deals: deals(),
        lead_custom_fields: vec!["Industry segment".into(), "Employees".into()],
    }
}

fn users() -> Vec<User> {
    let person = |id: UserId,
                  name: &str,
                  role: &str,
                  status: &str,
                  team: &str,
                  reports_to: Option<UserId>| {
        let first = name.split(' ').next().unwrap_or_default().to_lowercase();
        User {
            id,
            name: name.into(),
            email: Some(format!("{first}@acme.test")),
            status: status.into(),
            role: role.into(),
            roles: vec![],
            team_name: Some(team.into()),
            group: None,
            reports_to,
            identity_type: "person".into(),
            system_tags: vec![],
            confirmed: true,
            invited: true,
            phone_number: None,
            timezone: "UTC+01:00".into(),
            zendesk_user_id: Some(format!("{}", 360_000_000 + id.0)),
            detached: false,
            sell_login_disabled: status != "active",
            created_at: at(1, 10 + id.0 as u32),
            updated_at: at(2, 10 + id.0 as u32),
            deleted_at: None,
        }
    };
    let pool = |id: UserId, name: &str| User {
        email: None,
        team_name: None,
        identity_type: "integration".into(),
        system_tags: vec!["distribution_pool".into()],
        confirmed: false,
        invited: false,
        zendesk_user_id: None,
        ..person(id, name, "user", "active", "", Some(ADA))
    };
    vec![
        person(ADA, "Ada Owner", "admin", "active", "Management", None),
        person(MAX, "Max North", "user", "active", "Team North", Some(ADA)),
        person(
            NORA,
            "Nora North",
            "user",
            "active",
            "Team North",
            Some(MAX),
        ),
        person(
            SOFIA,
            "Sofia South",
            "user",
            "active",
            "Team South",
            Some(ADA),
        ),
        person(
            TOM,
            "Tom South",
            "user",
            "active",
            "Team South",
            Some(SOFIA),
        ),
        person(
            IVAN,
            "Ivan Inactive",
            "user",
            "inactive",
            "Team North",
            Some(MAX),
        ),
        pool(INBOUND_POOL, "Inbound pool"),
        pool(ENTERPRISE_POOL, "Enterprise pool"),
    ]
}

fn stages() -> Vec<Stage> {
    [
        (STAGE_INCOMING, "Incoming", "incoming", 10),
        (STAGE_QUALIFIED, "Qualified", "qualified", 25),
        (STAGE_QUOTE, "Quote", "quote", 50),
        (STAGE_CLOSURE, "Closure", "closure", 75),
        (STAGE_WON, "Won", "won", 100),
        (STAGE_LOST, "Lost", "lost", 0),
    ]
    .iter()
    .zip(1..)
    .map(|((id, name, category, likelihood), position)| Stage {
        id: *id,
        name: (*name).into(),
        category: (*category).into(),
        active: matches!(*category, "won" | "lost"),
        likelihood: *likelihood,
        pipeline_id: PipelineId(1),
        position,
        created_at: at(1, 4),
        updated_at: at(1, 4),
    })
    .collect()
}

fn custom(pairs: &[(&str, Value)]) -> Map<String, Value> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_string(), v.clone()))
        .collect()
}

/// A lead with only the fields every lead has; callers fill in the rest.
pub fn blank_lead(id: LeadId, owner: UserId, created_at: String) -> Lead {
    Lead {
        id,
        creator_id: owner,
        owner_id: owner,
        first_name: None,
        last_name: None,
        organization_name: None,
        status: "New".into(),
        source_id: None,
        title: None,
        description: None,
        industry: None,
        website: None,
        email: None,
        phone: None,
        mobile: None,
        fax: None,
        twitter: None,
        facebook: None,
        linkedin: None,
        skype: None,
        address: Address::default(),
        tags: vec![],
        custom_fields: Map::new(),
        updated_at: created_at.clone(),
        created_at,
    }
}

fn s(text: &str) -> Option<String> {
    Some(text.to_string())
}

fn leads() -> Vec<Lead> {
    let mut leads = vec![
        Lead {
            first_name: s("Lea"),
            last_name: s("Lead"),
            organization_name: s("Lead Only Ltd"),
            email: s("lea@lead-only.test"),
            phone: s("+44 20 7946 0101"),
            title: s("Head of Support"),
            website: s("https://lead-only.test"),
            source_id: Some(WEBSITE),
            address: Address {
                line1: s("1 High Street"),
                city: s("London"),
                postal_code: s("EC1A 1AA"),
                state: None,
                country: s("GB"),
            },
            tags: vec!["newsletter".into()],
            custom_fields: custom(&[
                ("Industry segment", json!("Retail")),
                ("Employees", json!(40)),
            ]),
            ..blank_lead(LEA_LEAD, NORA, at(3, 0))
        },
        Lead {
            first_name: s("Bea"),
            last_name: s("Both"),
            organization_name: s("Both & Co"),
            email: s("bea@both.test"),
            status: "Working".into(),
            source_id: Some(REFERRAL),
            ..blank_lead(BEA_LEAD, TOM, at(3, 5))
        },
        Lead {
            first_name: s("عمر"),
            last_name: s("الفاروق"),
            organization_name: Some(long_organization_name()),
            description: Some(long_description()),
            email: s("omar@rtl.test"),
            phone: s("+971 4 555 0106"),
            status: "Incoming".into(),
            address: Address {
                line1: s("شارع الشيخ زايد"),
                city: s("دبي"),
                postal_code: None,
                state: None,
                country: s("AE"),
            },
            tags: vec!["عميل محتمل".into(), "VIP".into()],
            custom_fields: custom(&[("Industry segment", json!("الخدمات اللوجستية"))]),
            ..blank_lead(OMAR_LEAD, TOM, at(3, 10))
        },
        payload_lead(),
        Lead {
            first_name: s("Olga"),
            last_name: s("Other"),
            organization_name: s("Other Ventures"),
            email: s("olga@second.test"),
            source_id: Some(WEBSITE),
            ..blank_lead(OLGA_LEAD, NORA, at(3, 20))
        },
    ];
    leads.extend(bulk_leads());
    leads
}

/// 300 characters: long enough to overflow any sidebar line.
fn long_organization_name() -> String {
    let mut name = String::from("شركة الفاروق للتجارة العامة والمقاولات والاستيراد والتصدير ");
    while name.chars().count() < 300 {
        name.push_str("International Holding Group ");
    }
    name.chars().take(300).collect()
}

fn long_description() -> String {
    let paragraph = "نحن مهتمون بحلول دعم العملاء لفريقنا في دبي والرياض. \
                     אנחנו מעוניינים גם בתמיכה בעברית. Mixed direction text: order #106 (urgent). ";
    paragraph.repeat(12)
}

/// Ticket 107's lead: every string a renderer might interpolate holds markup or a script URL.
fn payload_lead() -> Lead {
    Lead {
        first_name: s("<img src=x onerror=alert(1)>"),
        last_name: s("Payload"),
        organization_name: s("\"><svg onload=alert(1)>"),
        title: s("<script>alert(1)</script>"),
        description: s("<b>bold</b> <script>alert(1)</script> <img src=x onerror=alert(1)> {{setting.sell_api_token}}"),
        industry: s("<iframe src=javascript:alert(1)>"),
        website: s("javascript:alert(1)"),
        email: s("xss@evil.test"),
        phone: s("<a href=javascript:alert(1)>+1 555 0107</a>"),
        twitter: s("\"><svg onload=alert(1)>"),
        address: Address {
            line1: s("<script>alert(1)</script>"),
            city: s("<img src=x onerror=alert(1)>"),
            postal_code: s("\"><svg onload=alert(1)>"),
            state: None,
            country: s("javascript:alert(1)"),
        },
        tags: vec![
            "<script>alert(1)</script>".into(),
            "<img src=x onerror=alert(1)>".into(),
            "\"><svg onload=alert(1)>".into(),
        ],
        custom_fields: custom(&[("Industry segment", json!("<img src=x onerror=alert(1)>"))]),
        ..blank_lead(PAYLOAD_LEAD, NORA, at(3, 15))
    }
}

/// 30 more leads over every person (Ivan included) with varied statuses and sources, all with
/// emails of their own so the requesters' matches stay unique.
fn bulk_leads() -> Vec<Lead> {
    const FIRST: [&str; 10] = [
        "Zoë", "Jonas", "Priya", "Mateo", "Yuki", "Olu", "Freya", "Tariq", "Chen", "Ines",
    ];
    const LAST: [&str; 10] = [
        "Ærøskøbing",
        "Müller",
        "Raman",
        "García",
        "Tanaka",
        "Adeyemi",
        "Løvberg",
        "Haddad",
        "Wei",
        "Côté",
    ];
    const OWNERS: [UserId; 6] = [ADA, MAX, NORA, SOFIA, TOM, IVAN];
    const STATUSES: [&str; 4] = ["New", "Incoming", "Working", "Unqualified"];
    const SEGMENTS: [&str; 3] = ["Retail", "Manufacturing", "Healthcare"];
    (0..30u64)
        .map(|i| {
            let n = i as usize;
            let first = FIRST[n % FIRST.len()];
            let last = LAST[(n * 3 + 1) % LAST.len()];
            Lead {
                first_name: s(first),
                last_name: s(last),
                organization_name: if i % 5 == 4 {
                    None
                } else {
                    Some(format!("Example Co {:02}", i + 1))
                },
                email: Some(format!("bulk-lead-{:02}@example.test", i + 1)),
                status: STATUSES[n % STATUSES.len()].into(),
                source_id: [None, Some(WEBSITE), Some(REFERRAL), Some(TRADE_SHOW)][n % 4],
                tags: if i % 3 == 0 {
                    vec!["bulk".into()]
                } else {
                    vec![]
                },
                custom_fields: if i % 2 == 0 {
                    custom(&[("Industry segment", json!(SEGMENTS[n % SEGMENTS.len()]))])
                } else {
                    Map::new()
                },
                updated_at: at(10 + (i as u32 % 15), 30 - i as u32 % 30),
                ..blank_lead(
                    LeadId(1101 + i),
                    OWNERS[n % OWNERS.len()],
                    at(4 + (i as u32 % 6), i as u32),
                )
            }
        })
        .collect()
}

/// A contact with only the fields every contact has; callers fill in the rest.
pub fn blank_contact(id: ContactId, owner: UserId, created_at: String) -> Contact {
    Contact {
        id,
        creator_id: owner,
        owner_id: owner,
        is_organization: false,
        contact_id: None,
        name: String::new(),
        first_name: None,
        last_name: None,
        customer_status: "none".into(),
        prospect_status: "none".into(),
        title: None,
        description: None,
        industry: None,
        website: None,
        email: None,
        phone: None,
        mobile: None,
        fax: None,
        twitter: None,
        facebook: None,
        linkedin: None,
        skype: None,
        address: Address::default(),
        tags: vec![],
        custom_fields: Map::new(),
        updated_at: created_at.clone(),
        created_at,
    }
}

fn person(id: ContactId, owner: UserId, first: &str, last: &str, email: &str, day: u32) -> Contact {
    Contact {
        name: format!("{first} {last}"),
        first_name: s(first),
        last_name: s(last),
        email: s(email),
        ..blank_contact(id, owner, at(day, id.0 as u32 % 60))
    }
}

fn contacts() -> Vec<Contact> {
    let mut contacts = vec![
        Contact {
            is_organization: true,
            name: "Contoso GmbH".into(),
            customer_status: "current".into(),
            industry: s("Manufacturing"),
            website: s("https://contoso.test"),
            email: s("info@contoso.test"),
            phone: s("+49 30 555 0102"),
            address: Address {
                line1: s("Friedrichstraße 1"),
                city: s("Berlin"),
                postal_code: s("10117"),
                state: None,
                country: s("DE"),
            },
            tags: vec!["key account".into()],
            ..blank_contact(CONTOSO, NORA, at(2, 0))
        },
        Contact {
            contact_id: Some(CONTOSO),
            title: s("Procurement Manager"),
            phone: s("+49 30 555 0103"),
            customer_status: "current".into(),
            ..person(CARL, NORA, "Carl", "Contact", "carl@deals.test", 2)
        },
        Contact {
            prospect_status: "current".into(),
            ..person(BEA_CONTACT, NORA, "Bea", "Both", "bea@both.test", 3)
        },
        person(DANA_NORA, NORA, "Dana", "Double", "dana@dupe.test", 3),
        Contact {
            title: s("Buyer"),
            ..person(DANA_TOM, TOM, "Dana", "Double", "dana@dupe.test", 4)
        },
        person(SID, TOM, "Sid", "South", "sid@south.test", 4),
    ];
    contacts.extend(twin_industries());
    const OWNERS: [UserId; 5] = [ADA, MAX, NORA, SOFIA, TOM];
    contacts.extend((0..12u64).map(|i| {
        let owner = OWNERS[i as usize % OWNERS.len()];
        if i % 4 == 3 {
            Contact {
                is_organization: true,
                name: format!("Bulk Organization {:02}", i + 1),
                email: Some(format!("bulk-org-{:02}@example.test", i + 1)),
                ..blank_contact(ContactId(2101 + i), owner, at(5, i as u32))
            }
        } else {
            person(
                ContactId(2101 + i),
                owner,
                "Bulk",
                &format!("Person {:02}", i + 1),
                &format!("bulk-contact-{:02}@example.test", i + 1),
                5,
            )
        }
    }));
    contacts
}

/// The two same-named organizations (Nora's in Hamburg, Tom's in Munich) and a person of each.
fn twin_industries() -> [Contact; 4] {
    let organization =
        |id: ContactId, owner: UserId, city: &str, postal_code: &str, web: &str| Contact {
            is_organization: true,
            name: "Twin Industries".into(),
            customer_status: "current".into(),
            industry: s("Manufacturing"),
            website: Some(format!("https://{web}")),
            email: Some(format!("info@{web}")),
            address: Address {
                line1: s("Industriestraße 2"),
                city: s(city),
                postal_code: s(postal_code),
                state: None,
                country: s("DE"),
            },
            ..blank_contact(id, owner, at(6, id.0 as u32 % 60))
        };
    [
        organization(TWIN_NORTH, NORA, "Hamburg", "20095", "twin-north.test"),
        Contact {
            contact_id: Some(TWIN_NORTH),
            title: s("Buyer"),
            ..person(
                TWIN_NORTH_PERSON,
                NORA,
                "Tessa",
                "Twin",
                "tessa@twin-north.test",
                6,
            )
        },
        organization(TWIN_SOUTH, TOM, "München", "80331", "twin-south.test"),
        Contact {
            contact_id: Some(TWIN_SOUTH),
            title: s("Operations Lead"),
            ..person(
                TWIN_SOUTH_PERSON,
                TOM,
                "Toby",
                "Twin",
                "toby@twin-south.test",
                6,
            )
        },
    ]
}

struct DealSeed {
    id: u64,
    owner: UserId,
    name: &'static str,
    value: f64,
    stage: StageId,
    contact: ContactId,
    organization: Option<ContactId>,
}

fn deals() -> Vec<Deal> {
    let seeds = [
        DealSeed {
            id: 3001,
            owner: NORA,
            name: "Contoso renewal 2024",
            value: 1500.0,
            stage: STAGE_QUALIFIED,
            contact: CARL,
            organization: Some(CONTOSO),
        },
        DealSeed {
            id: 3002,
            owner: NORA,
            name: "Contoso expansion",
            value: 12499.99,
            stage: STAGE_QUOTE,
            contact: CARL,
            organization: Some(CONTOSO),
        },
        DealSeed {
            id: 3003,
            owner: NORA,
            name: "Contoso pilot",
            value: 800.0,
            stage: STAGE_WON,
            contact: CARL,
            organization: Some(CONTOSO),
        },
        DealSeed {
            id: 3004,
            owner: NORA,
            name: "Contoso framework agreement",
            value: 50000.0,
            stage: STAGE_INCOMING,
            contact: CONTOSO,
            organization: Some(CONTOSO),
        },
        DealSeed {
            id: 3005,
            owner: TOM,
            name: "South hardware refresh",
            value: 3200.5,
            stage: STAGE_CLOSURE,
            contact: SID,
            organization: None,
        },
        // Each Twin Industries deal is on the organization's person, so only `organization_id` finds
        // it from the organization.
        DealSeed {
            id: TWIN_NORTH_DEAL.0,
            owner: NORA,
            name: "Twin North service contract",
            value: 7200.0,
            stage: STAGE_QUALIFIED,
            contact: TWIN_NORTH_PERSON,
            organization: Some(TWIN_NORTH),
        },
        DealSeed {
            id: TWIN_SOUTH_DEAL.0,
            owner: TOM,
            name: "Twin South line upgrade",
            value: 18900.0,
            stage: STAGE_QUOTE,
            contact: TWIN_SOUTH_PERSON,
            organization: Some(TWIN_SOUTH),
        },
    ];
    let mut deals: Vec<Deal> = seeds.iter().map(deal).collect();
    const OWNERS: [UserId; 5] = [ADA, MAX, NORA, SOFIA, TOM];
    const STAGES: [StageId; 6] = [
        STAGE_INCOMING,
        STAGE_QUALIFIED,
        STAGE_QUOTE,
        STAGE_CLOSURE,
        STAGE_WON,
        STAGE_LOST,
    ];
    deals.extend((0..10u64).map(|i| {
        let n = i as usize;
        deal(&DealSeed {
            id: 3101 + i,
            owner: OWNERS[n % OWNERS.len()],
            name: "Bulk deal",
            value: 1000.0 * (i + 1) as f64 + 0.25,
            stage: STAGES[n % STAGES.len()],
            contact: ContactId(2101 + i),
            organization: None,
        })
    }));
    if let Some(first) = deals.first_mut() {
        first.custom_fields =
            custom(&[("Contract term", json!("12 months")), ("Seats", json!(25))]);
        first.hot = true;
        first.tags = vec!["renewal".into()];
    }
    if let Some(sid) = deals.iter_mut().find(|d| d.id == DealId(3005)) {
        sid.currency = "EUR".into();
        sid.custom_fields = custom(&[("Contract term", json!("24 months"))]);
    }
    deals
}

fn deal(seed: &DealSeed) -> Deal {
    let id = DealId(seed.id);
    let created = at(6 + (seed.id % 7) as u32, (seed.id % 60) as u32);
    Deal {
        name: if seed.name == "Bulk deal" {
            format!("Bulk deal {}", seed.id)
        } else {
            seed.name.into()
        },
        value: seed.value,
        organization_id: seed.organization,
        source_id: Some(REFERRAL),
        loss_reason_id: if seed.stage == STAGE_LOST {
            Some(7001)
        } else {
            None
        },
        estimated_close_date: Some(format!("2024-{:02}-15", 4 + seed.id % 8)),
        last_stage_change_at: Some(at(20, (seed.id % 60) as u32)),
        last_stage_change_by_id: Some(seed.owner),
        last_activity_at: Some(at(21, (seed.id % 60) as u32)),
        updated_at: at(20, (seed.id % 60) as u32),
        ..blank_deal(id, seed.owner, seed.stage, seed.contact, created)
    }
}

/// A deal with only the fields every deal has; callers fill in the rest.
pub fn blank_deal(
    id: DealId,
    owner: UserId,
    stage_id: StageId,
    contact_id: ContactId,
    created_at: String,
) -> Deal {
    Deal {
        id,
        creator_id: owner,
        owner_id: owner,
        name: String::new(),
        value: 0.0,
        currency: "USD".into(),
        hot: false,
        stage_id,
        contact_id: Some(contact_id),
        organization_id: None,
        source_id: None,
        loss_reason_id: None,
        dropbox_email: format!("dropbox+{}@acme.sell.test", id.0),
        estimated_close_date: None,
        customized_win_likelihood: None,
        last_stage_change_at: None,
        last_stage_change_by_id: None,
        last_activity_at: None,
        added_on: created_at.clone(),
        tags: vec![],
        custom_fields: Map::new(),
        updated_at: created_at.clone(),
        created_at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_prefixed_with_the_first_name_and_50_hex_digits() {
        let token = token_for_name("Ada");
        let hex = token.strip_prefix("sellemu-ada-").unwrap_or_default();
        assert_eq!(hex.len(), 50);
        assert!(hex
            .chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
        assert_eq!(token, token_for_name("ada"), "derived from the name alone");
        assert_ne!(token, token_for_name("Max"));
    }

    #[test]
    fn every_person_has_a_token_and_pools_have_none() {
        let store = seed();
        for user in &store.users {
            assert_eq!(
                store.token_of(user.id).is_some(),
                user.identity_type == "person",
                "{}",
                user.name
            );
        }
    }

    #[test]
    fn requester_emails_are_unique_except_danas_two_contacts() {
        let store = seed();
        for email in [
            "lea@lead-only.test",
            "bea@both.test",
            "omar@rtl.test",
            "xss@evil.test",
        ] {
            assert_eq!(
                store
                    .leads
                    .iter()
                    .filter(|l| l.email.as_deref() == Some(email))
                    .count(),
                1,
                "{email}"
            );
        }
        for (email, count) in [
            ("carl@deals.test", 1),
            ("bea@both.test", 1),
            ("dana@dupe.test", 2),
            ("sid@south.test", 1),
        ] {
            assert_eq!(
                store
                    .contacts
                    .iter()
                    .filter(|c| c.email.as_deref() == Some(email))
                    .count(),
                count,
                "{email}"
            );
        }
    }

    #[test]
    fn twin_industries_are_nora_s_and_tom_s_each_with_one_person_and_one_deal() {
        let store = seed();
        let twins: Vec<(ContactId, UserId)> = store
            .contacts
            .iter()
            .filter(|c| c.is_organization && c.name == "Twin Industries")
            .map(|c| (c.id, c.owner_id))
            .collect();
        assert_eq!(twins, [(TWIN_NORTH, NORA), (TWIN_SOUTH, TOM)]);
        for (organization, owner) in twins {
            let people: Vec<ContactId> = store
                .contacts
                .iter()
                .filter(|c| c.contact_id == Some(organization))
                .map(|c| c.id)
                .collect();
            assert_eq!(people.len(), 1, "{organization:?}");
            let deals: Vec<(UserId, Option<ContactId>)> = store
                .deals
                .iter()
                .filter(|d| d.organization_id == Some(organization))
                .map(|d| (d.owner_id, d.contact_id))
                .collect();
            assert_eq!(
                deals,
                [(owner, people.first().copied())],
                "{organization:?}"
            );
        }
    }

    #[test]
    fn olga_s_lead_has_only_her_second_email_and_is_nora_s() {
        let store = seed();
        let olga: Vec<(LeadId, UserId)> = store
            .leads
            .iter()
            .filter(|l| l.last_name.as_deref() == Some("Other"))
            .map(|l| (l.id, l.owner_id))
            .collect();
        assert_eq!(olga, [(OLGA_LEAD, NORA)]);
        let by_email = |email: &str| {
            store
                .leads
                .iter()
                .filter(|l| l.email.as_deref() == Some(email))
                .count()
                + store
                    .contacts
                    .iter()
                    .filter(|c| c.email.as_deref() == Some(email))
                    .count()
        };
        assert_eq!(
            (by_email("olga@second.test"), by_email("olga@first.test")),
            (1, 0)
        );
    }

    #[test]
    fn the_rtl_lead_has_a_300_character_organization() {
        let store = seed();
        let omar = store
            .leads
            .iter()
            .find(|l| l.id == OMAR_LEAD)
            .and_then(|l| l.organization_name.clone());
        assert_eq!(omar.map(|o| o.chars().count()), Some(300));
    }
}
