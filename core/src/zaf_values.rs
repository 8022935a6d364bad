//! The values the ZAF host hands the app, decoded from JSON once, with typed errors.
//!
//! The app's `zaf` module turns JS values into JSON text and calls these decoders, so everything that
//! can go wrong with a host's answer is tested natively here.

use crate::json::{self, Json};

/// Why a value from the host could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum ZafValueError {
    /// The host reported an error for this path (unknown path, no permission).
    HostError { path: String, message: String },
    /// The host answered, but not with the shape we need.
    Shape { path: String, detail: String },
}

impl ZafValueError {
    /// In English, for logs and the error state's detail (the agent-facing words are `i18n::zaf`'s).
    pub fn text(&self) -> String {
        match self {
            Self::HostError { path, message } => ["Zendesk could not give \"", path, "\": ", message].concat(),
            Self::Shape { path, detail } => ["Zendesk gave \"", path, "\" in an unexpected shape: ", detail].concat(),
        }
    }
}

impl std::fmt::Display for ZafValueError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text())
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Requester {
    pub id: Option<u64>,
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

impl Requester {
    /// Hosts send ids as numbers or strings and text as strings, numbers or null: all are accepted.
    pub fn from_json(v: &Json) -> Option<Requester> {
        v.is_object().then(|| Requester {
            id: v.get("id").and_then(lenient::as_id),
            name: v.get("name").and_then(lenient::as_string),
            email: v.get("email").and_then(lenient::as_string),
            phone: v.get("phone").and_then(lenient::as_string),
        })
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Organization {
    pub id: Option<u64>,
    pub name: Option<String>,
}

impl Organization {
    fn from_json(v: &Json) -> Option<Organization> {
        v.is_object().then(|| Organization {
            id: v.get("id").and_then(lenient::as_id),
            name: v.get("name").and_then(lenient::as_string),
        })
    }
}

/// The user whose profile is open (`user` in the user sidebar): their email addresses, the primary
/// one first, then their other email identities, each once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SupportUser {
    pub id: Option<u64>,
    pub name: Option<String>,
    pub emails: Vec<String>,
    pub organization: Option<Organization>,
}

impl SupportUser {
    fn from_json(v: &Json) -> Option<SupportUser> {
        if !v.is_object() {
            return None;
        }
        let mut emails: Vec<String> = Vec::new();
        let mut add = |email: Option<String>| {
            if let Some(email) = email.map(|e| e.trim().to_string()).filter(|e| !e.is_empty()) {
                if !emails.iter().any(|known| known.eq_ignore_ascii_case(&email)) {
                    emails.push(email);
                }
            }
        };
        add(v.get("email").and_then(lenient::as_string));
        let identities = v.get("identities").and_then(Json::as_array).unwrap_or_default();
        // The primary identity first, should the host list it after others.
        for primary in [true, false] {
            for identity in identities {
                let is_email = identity.get("type").and_then(Json::as_str) == Some("email");
                let is_primary = identity.get("primary").and_then(Json::as_bool) == Some(true);
                if is_email && is_primary == primary {
                    add(identity.get("value").and_then(lenient::as_string));
                }
            }
        }
        let organization = v
            .get("organizations")
            .and_then(Json::as_array)
            .and_then(|orgs| orgs.first())
            .and_then(Organization::from_json);
        Some(SupportUser {
            id: v.get("id").and_then(lenient::as_id),
            name: v.get("name").and_then(lenient::as_string),
            emails,
            organization,
        })
    }

    /// As the lookup and the create-lead form take a customer: by the primary email.
    pub fn as_requester(&self) -> Requester {
        Requester { id: self.id, name: self.name.clone(), email: self.emails.first().cloned(), phone: None }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SupportRole {
    Admin,
    Agent,
    /// Custom roles and anything newer: treated as an agent.
    Other(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct CurrentUser {
    pub id: Option<u64>,
    pub name: String,
    pub email: String,
    pub role: SupportRole,
    /// A language tag such as `en-US` or `de`.
    pub locale: String,
}

impl CurrentUser {
    pub fn is_admin(&self) -> bool {
        self.role == SupportRole::Admin
    }
}

/// What `client.metadata()` resolves to: the installation and its (non-secure) settings.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    pub app_id: Option<u64>,
    pub installation_id: Option<u64>,
    pub version: Option<String>,
    /// The settings object (`Json::Object`, empty when the host sent none).
    pub settings: Json,
}

/// What `client.context()` resolves to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Context {
    pub subdomain: Option<String>,
    pub location: Option<String>,
    pub ticket_id: Option<u64>,
}

/// One answer of `client.get(paths)`: values keyed by path, plus the host's per-path errors.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GetResponse {
    values: Json,
    errors: Json,
}

impl GetResponse {
    pub fn from_json(text: &str) -> Result<Self, ZafValueError> {
        let values = json::parse(text).map_err(|_| shape("get", "not JSON"))?;
        if !values.is_object() {
            return Err(shape("get", "not an object"));
        }
        let errors = values.get("errors").filter(|e| e.is_object()).cloned().unwrap_or_default();
        Ok(Self { values, errors })
    }

    /// The raw value at `path`, or the host's error for it.
    pub fn value(&self, path: &str) -> Result<&Json, ZafValueError> {
        if let Some(err) = self.errors.get(path) {
            let message = err.get("message").and_then(Json::as_str).unwrap_or("unknown error").to_string();
            return Err(ZafValueError::HostError { path: path.into(), message });
        }
        match self.values.get(path) {
            Some(value) if path != "errors" => Ok(value),
            _ => Err(shape(path, "missing from the answer")),
        }
    }

    /// `ticket.requester`: an object of id, name, email and phone (each may be missing).
    pub fn requester(&self, path: &str) -> Result<Requester, ZafValueError> {
        Requester::from_json(self.value(path)?).ok_or_else(|| shape(path, "not an object"))
    }

    /// `ticket.organization` is `null` for requesters without an organization.
    pub fn organization(&self, path: &str) -> Result<Option<Organization>, ZafValueError> {
        match self.value(path)? {
            Json::Null => Ok(None),
            v => Organization::from_json(v).map(Some).ok_or_else(|| shape(path, "not an object")),
        }
    }

    /// A new ticket's requester: `null` until the agent sets one.
    pub fn optional_requester(&self, path: &str) -> Result<Option<Requester>, ZafValueError> {
        match self.value(path)? {
            Json::Null => Ok(None),
            v => Requester::from_json(v).map(Some).ok_or_else(|| shape(path, "not an object")),
        }
    }

    /// `user` in the user sidebar.
    pub fn user(&self, path: &str) -> Result<SupportUser, ZafValueError> {
        SupportUser::from_json(self.value(path)?).ok_or_else(|| shape(path, "not an object"))
    }

    /// A ticket id that may be missing (a new ticket has none yet).
    pub fn optional_ticket_id(&self, path: &str) -> Result<Option<u64>, ZafValueError> {
        Ok(lenient::as_id(self.value(path)?))
    }

    pub fn ticket_id(&self, path: &str) -> Result<u64, ZafValueError> {
        lenient::as_id(self.value(path)?).ok_or_else(|| shape(path, "not an id"))
    }

    pub fn text(&self, path: &str) -> Result<Option<String>, ZafValueError> {
        Ok(lenient::as_string(self.value(path)?))
    }

    pub fn current_user(&self, path: &str) -> Result<CurrentUser, ZafValueError> {
        let v = self.value(path)?;
        let field = |k: &str| v.get(k).and_then(lenient::as_string);
        let email = field("email").ok_or_else(|| shape(path, "no email"))?;
        let role = match field("role").as_deref() {
            Some("admin") => SupportRole::Admin,
            Some("agent") => SupportRole::Agent,
            Some(other) => SupportRole::Other(other.to_string()),
            None => SupportRole::Agent,
        };
        Ok(CurrentUser {
            id: v.get("id").and_then(lenient::as_id),
            name: field("name").unwrap_or_default(),
            email,
            role,
            locale: field("locale").unwrap_or_else(|| "en".into()),
        })
    }
}

impl Metadata {
    pub fn from_json(text: &str) -> Result<Self, ZafValueError> {
        let v = json::parse(text).map_err(|_| shape("metadata", "not JSON"))?;
        if !v.is_object() {
            return Err(shape("metadata", "not an object"));
        }
        let settings = v.get("settings").filter(|s| s.is_object()).cloned().unwrap_or(Json::Object(Vec::new()));
        Ok(Self {
            app_id: v.get("appId").and_then(lenient::as_id),
            installation_id: v.get("installationId").and_then(lenient::as_id),
            version: v.get("version").and_then(lenient::as_string),
            settings,
        })
    }
}

impl Context {
    pub fn from_json(text: &str) -> Result<Self, ZafValueError> {
        let v = json::parse(text).map_err(|_| shape("context", "not JSON"))?;
        Ok(Self {
            subdomain: v.get("account").and_then(|a| a.get("subdomain")).and_then(lenient::as_string),
            location: v.get("location").and_then(lenient::as_string),
            ticket_id: v.get("ticketId").and_then(lenient::as_id),
        })
    }
}

/// An HTTP answer that came back through `client.request`, success or failure alike.
#[derive(Debug, Clone, PartialEq)]
pub struct HttpReply {
    /// 0 when the proxy never reached the server (timeout, refused).
    pub status: u16,
    pub body: String,
    pub retry_after: Option<String>,
}

impl HttpReply {
    /// Decodes what `client.request` resolved or rejected with. With `httpCompleteResponse: true` that is
    /// `{status, responseText, responseJSON, headers}`; a rejection is a jqXHR-like object of the same
    /// fields. `fallback_status` is used when the object carries no status (a resolved plain body).
    pub fn from_request_json(text: &str, fallback_status: u16) -> Self {
        let v = match json::parse(text) {
            Ok(v) => v,
            Err(_) => return Self { status: fallback_status, body: text.to_string(), retry_after: None },
        };
        let complete = v.get("status").is_some() || v.get("responseText").is_some();
        if !complete {
            // A plain body (a request made without httpCompleteResponse).
            return Self { status: fallback_status, body: v.to_text(), retry_after: None };
        }
        let status = v
            .get("status")
            .and_then(Json::as_u64)
            .and_then(|s| u16::try_from(s).ok())
            .unwrap_or(fallback_status);
        let body = match (v.get("responseText"), v.get("responseJSON")) {
            (Some(Json::String(text)), _) => text.clone(),
            (_, Some(json)) if !json.is_null() => json.to_text(),
            _ => String::new(),
        };
        let retry_after = v
            .get("headers")
            .and_then(Json::as_object)
            .and_then(|h| h.iter().rev().find(|(k, _)| k.eq_ignore_ascii_case("retry-after")))
            .and_then(|(_, v)| lenient::as_string(v));
        Self { status, body, retry_after }
    }

    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

fn shape(path: &str, detail: &str) -> ZafValueError {
    ZafValueError::Shape { path: path.into(), detail: detail.into() }
}

/// Hosts send ids as numbers or strings and text as strings, numbers or null: accept them all.
mod lenient {
    use crate::json::Json;

    pub fn as_id(v: &Json) -> Option<u64> {
        match v {
            Json::Number(_) => v.as_u64(),
            Json::String(s) => Json::Number(s.trim().to_string()).as_u64(),
            _ => None,
        }
    }

    pub fn as_string(v: &Json) -> Option<String> {
        match v {
            Json::String(s) if !s.trim().is_empty() => Some(s.clone()),
            Json::Number(n) => Some(n.clone()),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn get_response_reads_requester_and_organization() {
        let r = GetResponse::from_json(
            r#"{"ticket.requester":{"id":"42","name":"Carl Contact","email":"carl@deals.test","phone":null},
                "ticket.organization":null,"errors":{}}"#,
        )
        .unwrap();
        let req: Requester = r.requester("ticket.requester").unwrap();
        assert_eq!(req.id, Some(42));
        assert_eq!(req.email.as_deref(), Some("carl@deals.test"));
        assert_eq!(req.phone, None);
        assert_eq!(r.organization("ticket.organization").unwrap(), None);
    }

    #[test]
    fn a_user_profile_gives_its_emails_primary_first_each_once() {
        let r = GetResponse::from_json(
            r#"{"user":{"id":5109,"name":"Olga Other","email":"olga@first.test",
                "identities":[{"type":"phone_number","value":"+1"},{"type":"email","value":"olga@second.test","primary":false},
                              {"type":"email","value":"OLGA@first.test","primary":true}],
                "organizations":[{"id":"7","name":"Contoso GmbH"}]}}"#,
        )
        .unwrap();
        let user = r.user("user").unwrap();
        assert_eq!(user.emails, ["olga@first.test", "olga@second.test"]);
        assert_eq!(user.organization.as_ref().and_then(|o| o.id), Some(7));
        assert_eq!(user.as_requester().email.as_deref(), Some("olga@first.test"));
        let bare = GetResponse::from_json(r#"{"user":{"id":1}}"#).unwrap().user("user").unwrap();
        assert!(bare.emails.is_empty());
    }

    #[test]
    fn a_new_ticket_may_have_no_requester_and_no_id() {
        let r = GetResponse::from_json(r#"{"ticket.requester":null,"ticket.id":null,"ticket.subject":""}"#).unwrap();
        assert_eq!(r.optional_requester("ticket.requester").unwrap(), None);
        assert_eq!(r.optional_ticket_id("ticket.id").unwrap(), None);
        assert_eq!(r.text("ticket.subject").unwrap(), None);
    }

    #[test]
    fn get_response_reports_host_errors_per_path() {
        let r = GetResponse::from_json(
            r#"{"errors":{"ticket.nope":{"name":"InvalidPath","message":"no such path","path":"ticket.nope"}}}"#,
        )
        .unwrap();
        assert_eq!(
            r.value("ticket.nope"),
            Err(ZafValueError::HostError { path: "ticket.nope".into(), message: "no such path".into() })
        );
        assert!(matches!(r.value("ticket.id"), Err(ZafValueError::Shape { .. })));
    }

    #[test]
    fn get_response_rejects_non_objects() {
        assert!(GetResponse::from_json("[1,2]").is_err());
        assert!(GetResponse::from_json("not json").is_err());
    }

    #[test]
    fn current_user_needs_an_email_and_maps_roles() {
        let r = GetResponse::from_json(
            r#"{"currentUser":{"id":7,"name":"Nora","email":"nora@acme.test","role":"agent","locale":"de"},
                "admin":{"email":"a@b","role":"admin"},"custom":{"email":"c@d","role":"light-agent"},
                "noemail":{"name":"x"}}"#,
        )
        .unwrap();
        let nora = r.current_user("currentUser").unwrap();
        assert_eq!(nora.role, SupportRole::Agent);
        assert_eq!(nora.locale, "de");
        assert!(!nora.is_admin());
        assert!(r.current_user("admin").unwrap().is_admin());
        assert_eq!(r.current_user("custom").unwrap().role, SupportRole::Other("light-agent".into()));
        assert_eq!(r.current_user("custom").unwrap().locale, "en");
        assert!(r.current_user("noemail").is_err());
    }

    #[test]
    fn ticket_id_accepts_numbers_and_numeric_strings_only() {
        let r = GetResponse::from_json(r#"{"a":102,"b":"103","c":"x","d":null}"#).unwrap();
        assert_eq!(r.ticket_id("a").unwrap(), 102);
        assert_eq!(r.ticket_id("b").unwrap(), 103);
        assert!(r.ticket_id("c").is_err());
        assert!(r.ticket_id("d").is_err());
        assert!(r.requester("a").is_err(), "a requester is an object");
    }

    #[test]
    fn metadata_keeps_settings_and_tolerates_missing_ones() {
        let m = Metadata::from_json(
            r#"{"appId":1,"installationId":"99","settings":{"lead_status":"New","all_agents_access":true}}"#,
        )
        .unwrap();
        assert_eq!(m.installation_id, Some(99));
        assert_eq!(m.settings.get("lead_status"), Some(&Json::String("New".into())));
        let empty = Metadata::from_json(r#"{"settings":null}"#).unwrap();
        assert_eq!(empty.settings.as_object().map(<[(String, Json)]>::len), Some(0));
        assert!(Metadata::from_json("3").is_err());
    }

    #[test]
    fn context_reads_subdomain_and_ticket() {
        let c = Context::from_json(r#"{"account":{"subdomain":"acme"},"location":"ticket_sidebar","ticketId":102}"#).unwrap();
        assert_eq!(c.subdomain.as_deref(), Some("acme"));
        assert_eq!(c.ticket_id, Some(102));
    }

    #[test]
    fn http_reply_from_complete_response_and_failures() {
        let ok = HttpReply::from_request_json(
            r#"{"status":200,"responseText":"{\"data\":{}}","headers":{"content-type":"application/json"}}"#,
            0,
        );
        assert!(ok.is_success());
        assert_eq!(ok.body, r#"{"data":{}}"#);
        let limited = HttpReply::from_request_json(
            r#"{"status":429,"responseJSON":{"errors":[]},"headers":{"Retry-After":"5"}}"#,
            0,
        );
        assert_eq!(limited.status, 429);
        assert_eq!(limited.retry_after.as_deref(), Some("5"));
        assert_eq!(limited.body, r#"{"errors":[]}"#);
        let timeout = HttpReply::from_request_json(r#"{"status":0,"statusText":"timeout"}"#, 0);
        assert_eq!(timeout.status, 0);
        assert!(!timeout.is_success());
        let plain = HttpReply::from_request_json(r#"{"data":{"id":1}}"#, 200);
        assert_eq!(plain.status, 200);
        let garbage = HttpReply::from_request_json("<html>", 502);
        assert_eq!(garbage.status, 502);
        assert_eq!(garbage.body, "<html>");
    }
}
