//! The agent's access, resolved once per session and shared by every panel: the steps are
//! `sidebar_core::policy::access`'s, the requests are these. In *Sell users only* mode the first is the
//! agent's own Sell user by email (one small request); only an active Sell user's sidebar reads the
//! user directory, and nothing else is asked or kept for anyone else.

use std::cell::RefCell;
use std::rc::Rc;

use futures::future::{FutureExt, LocalBoxFuture, Shared};
use send_wrapper::SendWrapper;
use sidebar_core::cache_policy::Kept;
use sidebar_core::policy::access::{access_for, with_directory, Access, SellUserLookup};
use sidebar_core::sell::directory::Directory;
use sidebar_core::sell::model::{list_from_json, list_to_json, User, UserStatus};
use sidebar_core::sell::requests;

use super::SellData;

/// Where the answer of the agent's own lookup is kept.
const AGENT_USER: &str = "agent-user";

/// The access being resolved or resolved, shared by every caller of the session. (The browser runs
/// the app on one thread; the wrapper lets views that must be `Send` hold it.)
#[derive(Clone)]
pub(super) struct Memo(SendWrapper<Rc<RefCell<Option<Shared<LocalBoxFuture<'static, Access>>>>>>);

impl Default for Memo {
    fn default() -> Self {
        Memo(SendWrapper::new(Rc::default()))
    }
}

impl SellData {
    /// Who this agent is to Sell, per the access setting: resolved on first use, then shared. A failed
    /// resolution is tried again on the next call.
    pub async fn access(&self) -> Access {
        let pending = {
            let mut slot = self.access.0.borrow_mut();
            slot.get_or_insert_with(|| {
                // The future holds its own handles, not the memo: no reference cycle.
                let data = Resolver { data: self.without_memo() };
                async move { data.resolve().await }.boxed_local().shared()
            })
            .clone()
        };
        let access = pending.await;
        if matches!(access, Access::LookupFailed(_)) {
            self.forget_access();
        }
        access
    }

    pub(super) fn forget_access(&self) {
        self.access.0.borrow_mut().take();
        self.cache.forget(AGENT_USER);
    }

    fn without_memo(&self) -> SellData {
        SellData { access: Memo::default(), ..self.clone() }
    }
}

struct Resolver {
    data: SellData,
}

impl Resolver {
    async fn resolve(self) -> Access {
        let data = &self.data;
        let settings = &data.session.settings.settings;
        let email = data.session.agent.email.clone();
        let access = access_for(settings.access, &email, SellUserLookup::NotLookedUp);
        let Access::NeedsSellUserLookup { email } = access else {
            if let Some(visibility) = access.visibility() {
                data.forget_lookups_not_for(visibility);
            }
            return access;
        };
        let access = access_for(settings.access, &email, self.own_sell_user(&email).await);
        if !matches!(access, Access::NeedsDirectory { .. }) {
            // Not an active Sell user: nothing of theirs stays stored but the lookup's answer.
            data.cache.forget_all_but(&[AGENT_USER]);
            return access;
        }
        let users = data.users().await;
        let access = with_directory(access, users.as_deref().map_err(Clone::clone), &settings.full_access);
        if let Some(visibility) = access.visibility() {
            data.forget_lookups_not_for(visibility);
        }
        access
    }

    /// `GET /v2/users?email=`: the agent's own Sell user, and nothing about anyone else.
    async fn own_sell_user(&self, email: &str) -> SellUserLookup {
        let data = &self.data;
        let cached = data.cache.get(Kept::ReferenceList, AGENT_USER).and_then(|(json, _)| list_from_json::<User>(&json));
        let answer = match cached {
            Some(users) => users,
            None => match data.client.list::<User>(&requests::user_by_email(email)).await {
                Ok(page) => {
                    data.cache.put(Kept::ReferenceList, AGENT_USER, &list_to_json(&page.items));
                    page.items
                }
                Err(error) => return SellUserLookup::Failed(error),
            },
        };
        match Directory::new(&answer).find_by_email(email) {
            Some(user) if user.status == UserStatus::Active => SellUserLookup::Active(user.id),
            Some(user) => SellUserLookup::Inactive(user.id),
            None => SellUserLookup::NotFound,
        }
    }
}
