//! The Support side of the seed: the agents of the toolbar, the tickets with their requesters and
//! comments, the other Support people and the organizations (docs/CONTRACTS.md, "Support side").
//! Sell's own seed lives in `crate::sell`.

use serde::Serialize;

/// A Zendesk Support ticket id (101..=108 in the seed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct TicketId(pub u64);

/// The agent's role in Support, as `currentUser.role` reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SupportRole {
    Admin,
    Agent,
}

impl SupportRole {
    pub fn as_str(self) -> &'static str {
        match self {
            SupportRole::Admin => "admin",
            SupportRole::Agent => "agent",
        }
    }
}

/// What the agent is in Sell, shown next to the name in the agent switcher. With one installation
/// token for everyone, this is what the app's own visibility rule works from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SellStanding {
    AdminTopManager,
    /// An active user others report to: sees their own records and those of their reports.
    Manager,
    /// An active user nobody reports to: sees their own records only.
    RegularUser,
    InactiveUser,
    NoSellUser,
}

impl SellStanding {
    pub fn label(self) -> &'static str {
        match self {
            SellStanding::AdminTopManager => "Sell admin, top-most manager",
            SellStanding::Manager => "Sell manager",
            SellStanding::RegularUser => "Sell user",
            SellStanding::InactiveUser => "inactive Sell user",
            SellStanding::NoSellUser => "no Sell user",
        }
    }
}

pub struct Agent {
    pub support_id: u64,
    pub name: &'static str,
    pub email: &'static str,
    pub role: SupportRole,
    /// The agent's own locale; the toolbar may override it.
    pub locale: &'static str,
    pub time_zone: &'static str,
    pub sell: SellStanding,
}

/// A Support end user: a ticket's requester, or someone the user sidebar can show.
pub struct Person {
    pub id: u64,
    pub name: &'static str,
    /// The primary email identity.
    pub email: &'static str,
    /// Further email identities, in Support's order (Sell may know the person by one of them only).
    pub other_emails: &'static [&'static str],
    pub phone: Option<&'static str>,
    pub locale: &'static str,
    pub organizations: &'static [Organization],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Organization {
    pub id: u64,
    pub name: &'static str,
}

/// Matches Sell's organization contact "Contoso GmbH" (Carl's, with deals).
pub const CONTOSO_GMBH: Organization = Organization {
    id: 7102,
    name: "Contoso GmbH",
};
pub const AL_FAROUQ: Organization = Organization {
    id: 7106,
    name: "شركة الفاروق للتجارة العامة والمقاولات والاستيراد والتصدير ذات المسؤولية المحدودة",
};
/// Two Sell organizations share this exact name (Nora's and Tom's).
pub const TWIN_INDUSTRIES: Organization = Organization {
    id: 7201,
    name: "Twin Industries",
};
/// No Sell organization has this name.
pub const NOWHERE_LTD: Organization = Organization {
    id: 7202,
    name: "Nowhere Ltd",
};

/// Every Support organization, as the toolbar's organization switch lists them.
pub const ORGANIZATIONS: [Organization; 4] =
    [CONTOSO_GMBH, AL_FAROUQ, TWIN_INDUSTRIES, NOWHERE_LTD];

pub struct Comment {
    pub author: &'static str,
    pub by_requester: bool,
    pub body: &'static str,
    pub when: &'static str,
}

pub struct Ticket {
    pub id: TicketId,
    pub subject: &'static str,
    pub status: &'static str,
    pub requester: Person,
    pub organization: Option<Organization>,
    pub comments: &'static [Comment],
}

/// Locales the toolbar can pick for the agent (the app ships these translations).
pub const LOCALES: [&str; 2] = ["en-US", "de"];

pub const AGENTS: [Agent; 6] = [
    Agent {
        support_id: 9001,
        name: "Ada Owner",
        email: "ada@acme.test",
        role: SupportRole::Admin,
        locale: "en-US",
        time_zone: "America/New_York",
        sell: SellStanding::AdminTopManager,
    },
    Agent {
        support_id: 9002,
        name: "Nora North",
        email: "nora@acme.test",
        role: SupportRole::Agent,
        locale: "de",
        time_zone: "Europe/Berlin",
        sell: SellStanding::RegularUser,
    },
    Agent {
        support_id: 9003,
        name: "Ivan Inactive",
        email: "ivan@acme.test",
        role: SupportRole::Agent,
        locale: "en-US",
        time_zone: "Europe/London",
        sell: SellStanding::InactiveUser,
    },
    Agent {
        support_id: 9004,
        name: "Zed Zendesk",
        email: "zed@acme.test",
        role: SupportRole::Agent,
        locale: "en-US",
        time_zone: "America/Los_Angeles",
        sell: SellStanding::NoSellUser,
    },
    // Managers of the two branches: Nora and the inactive Ivan report to Max, Tom to Sofia.
    Agent {
        support_id: 9005,
        name: "Max North",
        email: "max@acme.test",
        role: SupportRole::Agent,
        locale: "en-US",
        time_zone: "Europe/Oslo",
        sell: SellStanding::Manager,
    },
    Agent {
        support_id: 9006,
        name: "Sofia South",
        email: "sofia@acme.test",
        role: SupportRole::Agent,
        locale: "en-US",
        time_zone: "Europe/Rome",
        sell: SellStanding::Manager,
    },
];

const AGENT_REPLY: &str = "Ada Owner";

pub const TICKETS: [Ticket; 8] = [
    Ticket {
        id: TicketId(101),
        subject: "Pricing for a team of 40?",
        status: "new",
        requester: Person { id: 5101, name: "Lea Lead", email: "lea@lead-only.test", phone: Some("+1 555 0101"), locale: "en-US", other_emails: &[], organizations: &[] },
        organization: None,
        comments: &[
            Comment { author: "Lea Lead", by_requester: true, body: "Hi, we are looking at your product for our support team of about 40 people. Could you send me pricing?", when: "Yesterday 09:12" },
            Comment { author: AGENT_REPLY, by_requester: false, body: "Thanks Lea, happy to help. Which plan are you considering?", when: "Yesterday 10:03" },
        ],
    },
    Ticket {
        id: TicketId(102),
        subject: "Invoice for the March order is missing the VAT id",
        status: "open",
        requester: Person { id: 5102, name: "Carl Contact", email: "carl@deals.test", phone: Some("+49 30 1234567"), locale: "de", other_emails: &[], organizations: &[CONTOSO_GMBH] },
        organization: Some(CONTOSO_GMBH),
        comments: &[
            Comment { author: "Carl Contact", by_requester: true, body: "Hello, the invoice for our March order does not show our VAT id. Our accounting needs a corrected copy.", when: "Mon 08:41" },
            Comment { author: AGENT_REPLY, by_requester: false, body: "Hi Carl, sorry about that. Could you reply with the VAT id you want on the invoice?", when: "Mon 09:15" },
            Comment { author: "Carl Contact", by_requester: true, body: "Sure: DE123456789. Also, can we talk about the renewal next month?", when: "Mon 11:02" },
        ],
    },
    Ticket {
        id: TicketId(103),
        subject: "Both a trial and an existing account?",
        status: "open",
        requester: Person { id: 5103, name: "Bea Both", email: "bea@both.test", phone: None, locale: "en-US", other_emails: &[], organizations: &[] },
        organization: None,
        comments: &[
            Comment { author: "Bea Both", by_requester: true, body: "I signed up for a trial but I think our company already has an account. Can you merge them?", when: "Tue 14:20" },
        ],
    },
    Ticket {
        id: TicketId(104),
        subject: "Two people share this mailbox",
        status: "pending",
        requester: Person { id: 5104, name: "Dana Double", email: "dana@dupe.test", phone: None, locale: "en-US", other_emails: &[], organizations: &[] },
        organization: None,
        comments: &[
            Comment { author: "Dana Double", by_requester: true, body: "This address is used by two of us. Please keep both of us in the loop.", when: "Wed 16:45" },
            Comment { author: AGENT_REPLY, by_requester: false, body: "Noted, Dana. We will reply to this address only.", when: "Wed 17:10" },
        ],
    },
    Ticket {
        id: TicketId(105),
        subject: "Question about your API limits",
        status: "new",
        requester: Person { id: 5105, name: "Nobody Here", email: "nobody@none.test", phone: None, locale: "en-US", other_emails: &[], organizations: &[] },
        organization: None,
        comments: &[
            Comment { author: "Nobody Here", by_requester: true, body: "How many requests per second does your API allow?", when: "Today 07:58" },
        ],
    },
    Ticket {
        id: TicketId(106),
        subject: "طلب عرض سعر لفريق المبيعات",
        status: "open",
        requester: Person { id: 5106, name: "عمر الفاروق", email: "omar@rtl.test", phone: Some("+971 4 000 0000"), locale: "ar", other_emails: &[], organizations: &[AL_FAROUQ] },
        organization: Some(AL_FAROUQ),
        comments: &[
            Comment { author: "عمر الفاروق", by_requester: true, body: "مرحبا، نريد عرض سعر لفريق المبيعات لدينا المكون من خمسة وعشرين شخصا.", when: "Today 06:30" },
        ],
    },
    Ticket {
        id: TicketId(107),
        subject: "<script>alert('subject')</script> Refund please",
        status: "open",
        requester: Person { id: 5107, name: "<img src=x onerror=alert(1)> Payload", email: "xss@evil.test", phone: Some("<b>555</b>"), locale: "en-US", other_emails: &[], organizations: &[] },
        organization: None,
        comments: &[
            Comment { author: "<img src=x onerror=alert(1)> Payload", by_requester: true, body: "<iframe src=javascript:alert(2)></iframe> I want a refund. {{setting.sell_api_token}}", when: "Today 10:00" },
        ],
    },
    Ticket {
        id: TicketId(108),
        subject: "Upgrade for the South region",
        status: "open",
        requester: Person { id: 5108, name: "Sid South", email: "sid@south.test", phone: None, locale: "en-US", other_emails: &[], organizations: &[] },
        organization: None,
        comments: &[
            Comment { author: "Sid South", by_requester: true, body: "We would like to upgrade the South region to the bigger plan. Who is our contact?", when: "Today 11:11" },
        ],
    },
];

/// Support people who requested no seeded ticket.
pub const OTHER_PEOPLE: [Person; 1] = [
    // Two email identities; Sell knows only the secondary one (a lead with olga@second.test).
    Person {
        id: 5109,
        name: "Olga Other",
        email: "olga@first.test",
        other_emails: &["olga@second.test"],
        phone: None,
        locale: "en-US",
        organizations: &[],
    },
];

/// Every seeded Support end user: the tickets' requesters in ticket order, then [`OTHER_PEOPLE`].
pub fn people() -> impl Iterator<Item = &'static Person> {
    TICKETS
        .iter()
        .map(|ticket| &ticket.requester)
        .chain(OTHER_PEOPLE.iter())
}

pub fn person_by_id(id: u64) -> Option<&'static Person> {
    people().find(|person| person.id == id)
}

pub fn organization_by_id(id: u64) -> Option<&'static Organization> {
    ORGANIZATIONS
        .iter()
        .find(|organization| organization.id == id)
}

pub fn agent_by_email(email: &str) -> Option<&'static Agent> {
    AGENTS
        .iter()
        .find(|agent| agent.email.eq_ignore_ascii_case(email))
}

pub fn ticket_by_id(id: TicketId) -> Option<&'static Ticket> {
    TICKETS.iter().find(|ticket| ticket.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_six_agents_of_the_contract_are_found_by_email_in_any_case() {
        let emails = [
            "ada@acme.test",
            "NORA@acme.test",
            "ivan@acme.test",
            "zed@acme.test",
            "Max@acme.test",
            "sofia@ACME.test",
        ];
        let found: Vec<&str> = emails
            .iter()
            .filter_map(|e| agent_by_email(e))
            .map(|a| a.name)
            .collect();
        assert_eq!(
            found,
            [
                "Ada Owner",
                "Nora North",
                "Ivan Inactive",
                "Zed Zendesk",
                "Max North",
                "Sofia South"
            ]
        );
        assert!(
            agent_by_email("tom@acme.test").is_none(),
            "Tom is a Sell user but no Support agent"
        );
    }

    #[test]
    fn support_ids_run_from_9001_and_max_and_sofia_are_the_managers() {
        let ids: Vec<u64> = AGENTS.iter().map(|a| a.support_id).collect();
        assert_eq!(ids, [9001, 9002, 9003, 9004, 9005, 9006]);
        let managers: Vec<(&str, SupportRole, &str)> = AGENTS
            .iter()
            .filter(|a| a.sell == SellStanding::Manager)
            .map(|a| (a.email, a.role, a.locale))
            .collect();
        assert_eq!(
            managers,
            [
                ("max@acme.test", SupportRole::Agent, "en-US"),
                ("sofia@acme.test", SupportRole::Agent, "en-US")
            ]
        );
    }

    #[test]
    fn only_ada_is_a_support_admin_and_nora_speaks_german() {
        let admins: Vec<&str> = AGENTS
            .iter()
            .filter(|a| a.role == SupportRole::Admin)
            .map(|a| a.email)
            .collect();
        assert_eq!(admins, ["ada@acme.test"]);
        assert_eq!(
            agent_by_email("nora@acme.test").map(|a| a.locale),
            Some("de")
        );
    }

    #[test]
    fn tickets_101_to_108_exist_with_the_contract_requesters() {
        let emails: Vec<&str> = (101..=108)
            .filter_map(|id| ticket_by_id(TicketId(id)))
            .map(|t| t.requester.email)
            .collect();
        assert_eq!(
            emails,
            [
                "lea@lead-only.test",
                "carl@deals.test",
                "bea@both.test",
                "dana@dupe.test",
                "nobody@none.test",
                "omar@rtl.test",
                "xss@evil.test",
                "sid@south.test"
            ]
        );
        assert!(ticket_by_id(TicketId(100)).is_none());
    }

    #[test]
    fn people_are_the_requesters_5101_to_5108_then_olga_5109() {
        let ids: Vec<u64> = people().map(|p| p.id).collect();
        assert_eq!(ids, (5101..=5109).collect::<Vec<u64>>());
        let olga = person_by_id(5109);
        assert_eq!(
            olga.map(|p| (p.email, p.other_emails)),
            Some(("olga@first.test", &["olga@second.test"][..]))
        );
        let single_identity = people().filter(|p| p.other_emails.is_empty()).count();
        assert_eq!(single_identity, 8, "only Olga has a second identity");
        assert!(person_by_id(9001).is_none(), "agents are not in the list");
    }

    #[test]
    fn organizations_are_contoso_al_farouq_twin_and_nowhere_and_tickets_use_their_requesters() {
        let names: Vec<(u64, &str)> = ORGANIZATIONS.iter().map(|o| (o.id, o.name)).collect();
        assert_eq!(
            names,
            [
                (7102, "Contoso GmbH"),
                (7106, AL_FAROUQ.name),
                (7201, "Twin Industries"),
                (7202, "Nowhere Ltd")
            ]
        );
        assert_eq!(organization_by_id(7201), Some(&TWIN_INDUSTRIES));
        assert!(organization_by_id(7999).is_none());
        for ticket in &TICKETS {
            if let Some(organization) = ticket.organization {
                assert!(
                    ticket.requester.organizations.contains(&organization),
                    "ticket {}: its organization is its requester's",
                    ticket.id.0
                );
            }
            for organization in ticket.requester.organizations {
                assert_eq!(organization_by_id(organization.id), Some(organization));
            }
        }
        assert_eq!(
            person_by_id(5102).map(|carl| carl.organizations),
            Some(&[CONTOSO_GMBH][..])
        );
    }

    #[test]
    fn every_ticket_has_a_first_comment_by_its_requester() {
        for ticket in &TICKETS {
            let first = ticket.comments.first().map(|c| (c.author, c.by_requester));
            assert_eq!(
                first,
                Some((ticket.requester.name, true)),
                "ticket {}",
                ticket.id.0
            );
        }
    }
}
