//! Every Sell request the sidebar makes, as plain data. The app's client only sends what these build,
//! so the whole API surface is visible (and tested) in one place.

use super::envelope::wrap_data;
use super::model::ContactId;
use crate::json::{self, Json};

pub const SELL_API_BASE: &str = "https://api.getbase.com";

/// The `Authorization` header of every Sell request: the installation's secure setting
/// `sell_api_token`, filled in by Zendesk's proxy so the token never reaches the browser. Zendesk keeps
/// one value per installation (there is no per-agent credential), so what each agent may see is the
/// app's to enforce (`policy::visibility`).
pub const AUTHORIZATION: &str = "Bearer {{setting.sell_api_token}}";

/// Sell's largest page; reference lists (users, stages, sources, statuses) fit in one or a few pages.
pub const MAX_PER_PAGE: u32 = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SellRequest {
    pub method: Method,
    /// Always starts with `/v2/`.
    pub path: String,
    pub query: Vec<(String, String)>,
    /// The already wrapped `{"data": ...}` body of a POST.
    pub body: Option<Json>,
}

impl SellRequest {
    fn get(path: &str, query: &[(&str, &str)]) -> SellRequest {
        SellRequest {
            method: Method::Get,
            path: path.to_string(),
            query: query
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            body: None,
        }
    }

    fn post(path: &str, data: Json) -> SellRequest {
        SellRequest {
            method: Method::Post,
            path: path.to_string(),
            query: Vec::new(),
            body: Some(wrap_data(data)),
        }
    }

    /// The full URL, query values percent-encoded.
    pub fn url(&self) -> String {
        let mut url = format!("{SELL_API_BASE}{}", self.path);
        for (i, (key, value)) in self.query.iter().enumerate() {
            url.push(if i == 0 { '?' } else { '&' });
            url.push_str(&percent_encode(key));
            url.push('=');
            url.push_str(&percent_encode(value));
        }
        url
    }

    /// The body as the JSON text to send, if any.
    pub fn body_text(&self) -> Option<String> {
        self.body.as_ref().map(Json::to_text)
    }
}

/// Percent-encodes everything except RFC 3986 unreserved characters. `+` must become `%2B`, or the
/// server would read it as a space and `jo+sell@x.test` would find nobody.
pub fn percent_encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0x0F)]));
        }
    }
    out
}

fn per_page() -> String {
    MAX_PER_PAGE.to_string()
}

// ---- Users and account ------------------------------------------------------------------------------

/// One page of a reference list: read to the end, page by page, since a source, stage or user past
/// the 100th is as real as the first (a source "missing" from page 1 would be created again, and Sell
/// would refuse every lead with "name taken").
fn page_of(path: &str, page: u32) -> SellRequest {
    SellRequest::get(path, &[("page", &page.max(1).to_string()), ("per_page", &per_page())])
}

/// One page of all users (active, inactive and distribution pools): owner names need them all.
pub fn users_all(page: u32) -> SellRequest {
    page_of("/v2/users", page)
}

/// The Sell user with this email (Sell matches emails exactly).
pub fn user_by_email(email: &str) -> SellRequest {
    SellRequest::get("/v2/users", &[("email", email.trim())])
}

/// The user the token belongs to.
pub fn users_self() -> SellRequest {
    SellRequest::get("/v2/users/self", &[])
}

pub fn account_self() -> SellRequest {
    SellRequest::get("/v2/accounts/self", &[])
}

// ---- Leads ----------------------------------------------------------------------------------------

pub fn leads_by_email(email: &str) -> SellRequest {
    SellRequest::get(
        "/v2/leads",
        &[("email", email.trim()), ("per_page", &per_page())],
    )
}

/// Manual search for leads. Sell has no full-text filter on leads, only exact field filters, so:
/// - text with `@` is an email: one request by `email`;
/// - one word: by `first_name`, by `last_name`, and by `organization_name` (agents type either name);
/// - several words: the first as `first_name` with the rest as `last_name`, and the whole text as
///   `organization_name`.
///
/// The caller runs all requests and merges the results, deduplicated by id. Empty text gives none.
pub fn leads_search(text: &str) -> Vec<SellRequest> {
    let text = crate::text::collapse_spaces(text);
    if text.is_empty() {
        return Vec::new();
    }
    if text.contains('@') {
        return vec![leads_by_email(&text)];
    }
    let by_person = match text.split_once(' ') {
        Some((first, last)) => vec![SellRequest::get(
            "/v2/leads",
            &[
                ("first_name", first),
                ("last_name", last),
                ("per_page", &per_page()),
            ],
        )],
        None => vec![
            SellRequest::get("/v2/leads", &[("first_name", &text), ("per_page", &per_page())]),
            SellRequest::get("/v2/leads", &[("last_name", &text), ("per_page", &per_page())]),
        ],
    };
    let by_organization = SellRequest::get(
        "/v2/leads",
        &[("organization_name", &text), ("per_page", &per_page())],
    );
    by_person.into_iter().chain([by_organization]).collect()
}

/// Creates a lead; `lead` is the record's fields (it gets wrapped in `data`).
pub fn lead_create(lead: Json) -> SellRequest {
    SellRequest::post("/v2/leads", lead)
}

/// One page of the lead sources.
pub fn lead_sources_all(page: u32) -> SellRequest {
    page_of("/v2/lead_sources", page)
}

/// Creates a lead source. Only `name` is sent: the endpoint is lead-specific already, and Sell answers
/// unknown attributes with 422.
pub fn lead_source_create(name: &str) -> SellRequest {
    SellRequest::post("/v2/lead_sources", json::object(vec![("name", Json::from(name.trim()))]))
}

/// One page of the lead statuses.
pub fn lead_statuses_all(page: u32) -> SellRequest {
    page_of("/v2/lead_statuses", page)
}

// ---- Contacts and deals ---------------------------------------------------------------------------

pub fn contacts_by_email(email: &str) -> SellRequest {
    SellRequest::get(
        "/v2/contacts",
        &[("email", email.trim()), ("per_page", &per_page())],
    )
}

/// Manual search for contacts: by `email` when the text has `@`, otherwise by Sell's `name` filter.
pub fn contacts_search(text: &str) -> Option<SellRequest> {
    let text = crate::text::collapse_spaces(text);
    if text.is_empty() {
        None
    } else if text.contains('@') {
        Some(contacts_by_email(&text))
    } else {
        Some(SellRequest::get(
            "/v2/contacts",
            &[("name", &text), ("per_page", &per_page())],
        ))
    }
}

/// Organizations with this name (Sell's `name` filter), for the organization sidebar.
pub fn organizations_by_name(name: &str) -> SellRequest {
    SellRequest::get("/v2/contacts", &[("name", name), ("is_organization", "true"), ("per_page", &per_page())])
}

/// The people of an organization: contacts whose `contact_id` is it (first page: the sidebar shows a
/// bounded list).
pub fn contacts_of_organization(organization: ContactId) -> SellRequest {
    SellRequest::get("/v2/contacts", &[("contact_id", &organization.to_string()), ("per_page", &per_page())])
}

/// Several contacts by id in one request (a person's organization, for example).
pub fn contacts_by_ids(ids: &[ContactId]) -> SellRequest {
    let ids = ids
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",");
    SellRequest::get("/v2/contacts", &[("ids", &ids), ("per_page", &per_page())])
}

/// Deals whose primary contact is this person.
pub fn deals_by_contact(contact: ContactId) -> SellRequest {
    SellRequest::get(
        "/v2/deals",
        &[
            ("contact_id", &contact.to_string()),
            ("per_page", &per_page()),
        ],
    )
}

/// Deals of this organization.
pub fn deals_by_organization(organization: ContactId) -> SellRequest {
    SellRequest::get(
        "/v2/deals",
        &[
            ("organization_id", &organization.to_string()),
            ("per_page", &per_page()),
        ],
    )
}

/// One page of the deal stages (every pipeline's).
pub fn stages_all(page: u32) -> SellRequest {
    page_of("/v2/stages", page)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn urls_of_every_request() {
        let cases: &[(SellRequest, &str)] = &[
            (
                users_all(1),
                "https://api.getbase.com/v2/users?page=1&per_page=100",
            ),
            (
                users_all(0),
                "https://api.getbase.com/v2/users?page=1&per_page=100",
            ),
            (
                users_all(3),
                "https://api.getbase.com/v2/users?page=3&per_page=100",
            ),
            (
                user_by_email("nora@acme.test"),
                "https://api.getbase.com/v2/users?email=nora%40acme.test",
            ),
            (users_self(), "https://api.getbase.com/v2/users/self"),
            (account_self(), "https://api.getbase.com/v2/accounts/self"),
            (
                leads_by_email(" lea@lead-only.test "),
                "https://api.getbase.com/v2/leads?email=lea%40lead-only.test&per_page=100",
            ),
            (
                contacts_by_email("carl@deals.test"),
                "https://api.getbase.com/v2/contacts?email=carl%40deals.test&per_page=100",
            ),
            (
                contacts_by_ids(&[ContactId(4), ContactId(9)]),
                "https://api.getbase.com/v2/contacts?ids=4%2C9&per_page=100",
            ),
            (
                deals_by_contact(ContactId(12)),
                "https://api.getbase.com/v2/deals?contact_id=12&per_page=100",
            ),
            (
                deals_by_organization(ContactId(13)),
                "https://api.getbase.com/v2/deals?organization_id=13&per_page=100",
            ),
            (
                stages_all(2),
                "https://api.getbase.com/v2/stages?page=2&per_page=100",
            ),
            (
                lead_sources_all(1),
                "https://api.getbase.com/v2/lead_sources?page=1&per_page=100",
            ),
            (
                lead_statuses_all(3),
                "https://api.getbase.com/v2/lead_statuses?page=3&per_page=100",
            ),
        ];
        for (request, url) in cases {
            assert_eq!(request.url(), *url);
            assert_eq!(request.method, Method::Get);
            assert!(request.path.starts_with("/v2/"));
            assert_eq!(request.body, None);
        }
    }

    #[test]
    fn plus_signs_and_unicode_in_emails_survive_the_query() {
        assert_eq!(
            leads_by_email("jo+sell@exämple.test").url(),
            "https://api.getbase.com/v2/leads?email=jo%2Bsell%40ex%C3%A4mple.test&per_page=100"
        );
        assert_eq!(percent_encode("a b&c=d#e/f?"), "a%20b%26c%3Dd%23e%2Ff%3F");
        assert_eq!(percent_encode("Az09-._~"), "Az09-._~");
    }

    #[test]
    fn posts_carry_their_body_wrapped_in_data() {
        let source = lead_source_create(" Zendesk Support ");
        assert_eq!(source.method, Method::Post);
        assert_eq!(source.url(), "https://api.getbase.com/v2/lead_sources");
        assert_eq!(source.body_text().as_deref(), Some(r#"{"data":{"name":"Zendesk Support"}}"#));

        let lead = lead_create(crate::json::from_serde(&serde_json::json!({"last_name": "Lead", "owner_id": 3})));
        assert_eq!(lead.url(), "https://api.getbase.com/v2/leads");
        assert_eq!(
            lead.body_text().as_deref(),
            Some(r#"{"data":{"last_name":"Lead","owner_id":3}}"#)
        );
    }

    #[test]
    fn lead_search_picks_filters_from_the_text() {
        let urls = |text: &str| {
            leads_search(text)
                .iter()
                .map(SellRequest::url)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            urls("bea@both.test"),
            ["https://api.getbase.com/v2/leads?email=bea%40both.test&per_page=100"]
        );
        assert_eq!(
            urls("Lead"),
            [
                "https://api.getbase.com/v2/leads?first_name=Lead&per_page=100",
                "https://api.getbase.com/v2/leads?last_name=Lead&per_page=100",
                "https://api.getbase.com/v2/leads?organization_name=Lead&per_page=100",
            ]
        );
        assert_eq!(
            urls("  Lea   van  Lead "),
            [
                "https://api.getbase.com/v2/leads?first_name=Lea&last_name=van%20Lead&per_page=100",
                "https://api.getbase.com/v2/leads?organization_name=Lea%20van%20Lead&per_page=100",
            ]
        );
        assert!(urls("   ").is_empty());
    }

    #[test]
    fn contact_search_uses_email_or_name() {
        assert_eq!(
            contacts_search("Contoso GmbH").map(|r| r.url()).as_deref(),
            Some("https://api.getbase.com/v2/contacts?name=Contoso%20GmbH&per_page=100")
        );
        assert_eq!(
            contacts_search("dana@dupe.test")
                .map(|r| r.url())
                .as_deref(),
            Some("https://api.getbase.com/v2/contacts?email=dana%40dupe.test&per_page=100")
        );
        assert_eq!(contacts_search(" "), None);
    }

    proptest! {
        #[test]
        fn encoded_values_use_only_url_safe_characters_and_decode_back(text in "\\PC{0,40}") {
            let encoded = percent_encode(&text);
            prop_assert!(encoded.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)));
            prop_assert_eq!(decode(&encoded), text.as_bytes().to_vec());
        }
    }

    fn decode(encoded: &str) -> Vec<u8> {
        let bytes = encoded.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            if b == b'%' {
                let hex = encoded.get(i + 1..i + 3).unwrap_or("");
                out.push(u8::from_str_radix(hex, 16).unwrap_or(0));
                i += 3;
            } else {
                out.push(b);
                i += 1;
            }
        }
        out
    }
}
