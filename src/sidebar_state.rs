//! What the sidebar's panels share with the sidebar around them: which panel is shown, and the
//! ticket's subject as it is now. Its own module, so panels need not name `app`, which names them.

use crate::state::State;

/// Which panel the sidebar shows.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    Lookup,
    CreateLead,
}

/// The ticket's (or new ticket's) subject as it is now: the create-lead form's description names it.
#[derive(Clone, Copy)]
pub struct Subject(pub State<Option<String>>);
