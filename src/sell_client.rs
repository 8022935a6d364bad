//! Runs `sidebar_core` Sell requests through ZAF's `client.request`, so Zendesk's proxy adds the secret
//! token server-side: the app only ever names the setting (`{{setting.sell_api_token}}`), never holds
//! the token. There is one token per installation; what an agent may see is `SellData`'s to enforce.

use sidebar_core::sell::envelope::{raw_list_from_response, single_from_response, Page, RawPage};
use sidebar_core::sell::error::SellError;
use sidebar_core::sell::model::Record;
use sidebar_core::sell::requests::{SellRequest, AUTHORIZATION};
use sidebar_core::sell::retry::{retry_delay_ms, JITTER_SCALE};
use sidebar_core::zaf_values::HttpReply;

use crate::in_flight::Slots;
use crate::zaf::{RequestOptions, ZafClient};

/// How long the proxy may take before we call it a timeout.
const TIMEOUT_MS: u32 = 15_000;
/// Reference lists are read page by page; no account needs more (guards against a `next_page` loop).
const MAX_PAGES: u32 = 30;

#[derive(Clone)]
pub struct SellClient {
    zaf: ZafClient,
    /// Shared by every clone: the sidebar's requests in flight.
    slots: Slots,
}

impl SellClient {
    pub fn new(zaf: ZafClient) -> Self {
        Self { zaf, slots: Slots::default() }
    }

    pub async fn list<T: Record>(&self, req: &SellRequest) -> Result<Page<T>, SellError> {
        Ok(self.raw_list(req).await?.decode())
    }

    pub async fn single<T: Record>(&self, req: &SellRequest) -> Result<T, SellError> {
        let reply = self.send(req).await?;
        single_from_response(reply.status, &reply.body, reply.retry_after.as_deref())
    }

    /// Every page of a list request built by `page_req(n)`.
    pub async fn all_pages<T: Record>(&self, page_req: impl Fn(u32) -> SellRequest) -> Result<Vec<T>, SellError> {
        Ok(self.all_raw_pages(&page_req).await?.decode().items)
    }

    // The request and envelope work is the same for every record type: keeping it out of the generic
    // functions above compiles it once instead of once per type.

    async fn raw_list(&self, req: &SellRequest) -> Result<RawPage, SellError> {
        let reply = self.send(req).await?;
        raw_list_from_response(reply.status, &reply.body, reply.retry_after.as_deref())
    }

    /// The records of every page, in order, as one page.
    async fn all_raw_pages(&self, page_req: &dyn Fn(u32) -> SellRequest) -> Result<RawPage, SellError> {
        let mut all = RawPage::default();
        for n in 1..=MAX_PAGES {
            let page = self.raw_list(&page_req(n)).await?;
            all.records.extend(page.records);
            if !page.next_page {
                break;
            }
        }
        Ok(all)
    }

    /// One request, tried again by itself only as `retry_delay_ms` allows (429s, bounded).
    async fn send(&self, req: &SellRequest) -> Result<HttpReply, SellError> {
        let options = self.options(req);
        let mut attempt = 1;
        loop {
            let reply = {
                let _slot = self.slots.take().await;
                self.zaf.request(&options).await
            }
            .map_err(|e| SellError::ProxyRefused { status: 0, detail: e.to_string() })?;
            if reply.is_success() {
                return Ok(reply);
            }
            let error = SellError::from_response(reply.status, &reply.body, reply.retry_after.as_deref());
            let jitter = (js_sys::Math::random() * f64::from(JITTER_SCALE)) as u32;
            match retry_delay_ms(attempt, &error, jitter) {
                Some(wait) => {
                    sleep_ms(wait).await;
                    attempt += 1;
                }
                None => return Ok(reply),
            }
        }
    }

    fn options(&self, req: &SellRequest) -> RequestOptions {
        let headers = vec![("Authorization".into(), AUTHORIZATION.into()), ("Accept".into(), "application/json".into())];
        let data = req.body_text();
        RequestOptions {
            url: req.url(),
            method: req.method.as_str().into(),
            headers,
            content_type: data.as_ref().map(|_| "application/json".into()),
            data,
            secure: true,
            cors: false,
            http_complete_response: true,
            timeout: TIMEOUT_MS,
        }
    }
}

/// Waits without blocking the page.
pub async fn sleep_ms(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
