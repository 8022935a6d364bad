//! Where in Support the app is open: the same build serves every sidebar the manifest declares, and
//! `context.location` says which one this iframe is.
//!
//! | location | the customer shown | what the app reads from ZAF |
//! |---|---|---|
//! | `ticket_sidebar` | the ticket's requester | `ticket.id`, `ticket.subject`, `ticket.requester`, `ticket.organization` |
//! | `new_ticket_sidebar` | the requester once the agent sets one (nothing before) | `ticket.requester`, `ticket.subject` |
//! | `user_sidebar` | the user whose profile is open (primary email, then their other emails on demand) | `user` |
//! | `organization_sidebar` | the Sell organization with the Support organization's name | `organization` |

/// One of the four places the app lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    Ticket,
    NewTicket,
    User,
    Organization,
}

impl Location {
    /// From `context.location`; a host that names none is a ticket sidebar (older hosts and tests),
    /// and a location the app doesn't declare is `None`.
    pub fn from_context(name: Option<&str>) -> Option<Location> {
        match name.map(str::trim) {
            None | Some("") | Some("ticket_sidebar") => Some(Location::Ticket),
            Some("new_ticket_sidebar") => Some(Location::NewTicket),
            Some("user_sidebar") => Some(Location::User),
            Some("organization_sidebar") => Some(Location::Organization),
            Some(_) => None,
        }
    }

    /// The manifest's name of the location.
    pub fn name(self) -> &'static str {
        match self {
            Location::Ticket => "ticket_sidebar",
            Location::NewTicket => "new_ticket_sidebar",
            Location::User => "user_sidebar",
            Location::Organization => "organization_sidebar",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_declared_location_is_read_back_from_its_name() {
        for location in [Location::Ticket, Location::NewTicket, Location::User, Location::Organization] {
            assert_eq!(Location::from_context(Some(location.name())), Some(location));
        }
        assert_eq!(Location::from_context(None), Some(Location::Ticket));
        assert_eq!(Location::from_context(Some("nav_bar")), None);
    }
}
