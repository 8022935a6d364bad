//! Several tasks of one kind can overlap (a requester change while a lookup is on its way, a refresh
//! while a load is, keystrokes in a search): only the newest may write its result. Each task takes a
//! `Turn` when it starts and asks it before writing. Owned by the component that made it: once that is
//! gone, no turn is current, so a late task writes nothing.

use crate::state::Stored;

#[derive(Clone, Copy)]
pub struct Newest(Stored<u64>);

/// One task's place in line (see `Newest`).
#[derive(Clone, Copy)]
pub struct Turn {
    newest: Newest,
    number: u64,
}

impl Newest {
    pub fn new() -> Self {
        Self(Stored::new(0))
    }

    /// Starts a task: every turn taken before this one stops being current.
    pub fn take(self) -> Turn {
        let number = self.0.try_get_value().unwrap_or_default() + 1;
        self.0.set_value(number);
        Turn { newest: self, number }
    }
}

impl Default for Newest {
    fn default() -> Self {
        Self::new()
    }
}

impl Turn {
    /// Whether no task has started since this one (and its component is still there).
    pub fn is_current(self) -> bool {
        self.newest.0.try_get_value() == Some(self.number)
    }
}
