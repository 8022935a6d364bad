//! The Support locations the app is declared in (manifest.json) and the dev host can show, and which
//! ZAF objects each offers to `client.get`. Zendesk's location docs: every location has the objects
//! of all locations (`currentUser`, `currentAccount`, ...); the ticket sidebars add `ticket`, the user
//! sidebar `user`, the organization sidebar `organization`.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Location {
    #[default]
    TicketSidebar,
    NewTicketSidebar,
    UserSidebar,
    OrganizationSidebar,
}

/// The root objects of `client.get` paths that belong to one location (`ticket.requester` is under
/// `ticket`). A path under a root the current location lacks is an error for the app.
pub const LOCATION_OBJECTS: [&str; 3] = ["ticket", "user", "organization"];

impl Location {
    pub const ALL: [Location; 4] = [
        Location::TicketSidebar,
        Location::NewTicketSidebar,
        Location::UserSidebar,
        Location::OrganizationSidebar,
    ];

    /// The name in the manifest and in `context().location`.
    pub fn as_str(self) -> &'static str {
        match self {
            Location::TicketSidebar => "ticket_sidebar",
            Location::NewTicketSidebar => "new_ticket_sidebar",
            Location::UserSidebar => "user_sidebar",
            Location::OrganizationSidebar => "organization_sidebar",
        }
    }

    /// What the toolbar's Location switch calls it.
    pub fn label(self) -> &'static str {
        match self {
            Location::TicketSidebar => "Ticket",
            Location::NewTicketSidebar => "New ticket",
            Location::UserSidebar => "User",
            Location::OrganizationSidebar => "Organization",
        }
    }

    /// The location's own object among [`LOCATION_OBJECTS`].
    pub fn object(self) -> &'static str {
        match self {
            Location::TicketSidebar | Location::NewTicketSidebar => "ticket",
            Location::UserSidebar => "user",
            Location::OrganizationSidebar => "organization",
        }
    }

    /// A ticket (open or being created) is on screen: the requester and subject can change.
    pub fn has_ticket(self) -> bool {
        self.object() == "ticket"
    }

    /// The objects of other locations: `client.get` of a path under them fails here.
    pub fn unavailable_objects(self) -> Vec<&'static str> {
        LOCATION_OBJECTS
            .into_iter()
            .filter(|object| *object != self.object())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_manifest_s_and_round_trip_through_json() {
        let names: Vec<&str> = Location::ALL.iter().map(|l| l.as_str()).collect();
        assert_eq!(
            names,
            [
                "ticket_sidebar",
                "new_ticket_sidebar",
                "user_sidebar",
                "organization_sidebar"
            ]
        );
        for location in Location::ALL {
            let json = serde_json::to_value(location).ok();
            assert_eq!(json, Some(serde_json::json!(location.as_str())));
            let back: Option<Location> = json.and_then(|j| serde_json::from_value(j).ok());
            assert_eq!(back, Some(location));
        }
        assert_eq!(Location::default(), Location::TicketSidebar);
        assert!(serde_json::from_str::<Location>("\"nav_bar\"").is_err());
    }

    #[test]
    fn each_location_offers_its_own_object_and_not_the_others() {
        for (location, unavailable) in [
            (Location::TicketSidebar, vec!["user", "organization"]),
            (Location::NewTicketSidebar, vec!["user", "organization"]),
            (Location::UserSidebar, vec!["ticket", "organization"]),
            (Location::OrganizationSidebar, vec!["ticket", "user"]),
        ] {
            assert_eq!(location.unavailable_objects(), unavailable, "{location:?}");
        }
        let with_ticket: Vec<Location> = Location::ALL
            .into_iter()
            .filter(|l| l.has_ticket())
            .collect();
        assert_eq!(
            with_ticket,
            [Location::TicketSidebar, Location::NewTicketSidebar]
        );
    }
}
