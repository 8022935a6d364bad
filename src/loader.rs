//! One way to load something from Sell into a view: loading, then the data or a typed error with a
//! retry, and only the newest load may write (an older, slower answer never replaces a newer one).

use crate::state::State;
use leptos::task::spawn_local;
use sidebar_core::sell::error::SellError;
use std::future::Future;

use crate::newest::Newest;

/// What a view shows of one load. `E` is what can go wrong: Sell's error unless the load says more.
#[derive(Clone, Debug)]
pub enum Load<T, E = SellError> {
    Idle,
    Loading,
    Ready(T),
    Failed(E),
}

/// A load's state, `Copy` so every handler can hold it.
pub struct Loader<T: Send + Sync + 'static, E: Send + Sync + 'static = SellError> {
    pub state: State<Load<T, E>>,
    turns: Newest,
}

impl<T: Send + Sync + 'static, E: Send + Sync + 'static> Clone for Loader<T, E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static, E: Send + Sync + 'static> Copy for Loader<T, E> {}

impl<T: Clone + Send + Sync + 'static, E: Clone + Send + Sync + 'static> Loader<T, E> {
    pub fn new() -> Self {
        Self { state: State::new(Load::Idle), turns: Newest::new() }
    }

    /// Starts `fetch`; what an earlier, unfinished load brings back is dropped. `keep_shown` leaves
    /// ready data on screen until the new answer is there (a refresh).
    pub fn load<Fut>(self, keep_shown: bool, fetch: Fut)
    where
        Fut: Future<Output = Result<T, E>> + 'static,
    {
        let turn = self.turns.take();
        let showing = self.state.with_untracked(|s| matches!(s, Load::Ready(_)));
        if !(keep_shown && showing) {
            self.state.set(Load::Loading);
        }
        spawn_local(async move {
            let result = fetch.await;
            if turn.is_current() {
                // `try_`: the view may be gone by now.
                let _ = self.state.try_set(match result {
                    Ok(value) => Load::Ready(value),
                    Err(error) => Load::Failed(error),
                });
            }
        });
    }
}

impl<T: Send + Sync + 'static, E: Send + Sync + 'static> Loader<T, E> {
    /// Back to nothing shown; what an unfinished load brings back is dropped.
    pub fn clear(self) {
        self.forget();
        self.state.set(Load::Idle);
    }

    /// What an unfinished load brings back is dropped; what is shown stays (the query it answered is
    /// being edited).
    pub fn forget(self) {
        self.turns.take();
    }
}

impl<T: Clone + Send + Sync + 'static, E: Clone + Send + Sync + 'static> Default for Loader<T, E> {
    fn default() -> Self {
        Self::new()
    }
}
