//! The options object of `client.request(options)`, read leniently as ZAF (jQuery.ajax) reads it.

use std::time::Duration;

use serde_json::{Map, Value};

use super::placeholders;

/// ZAF documents no default and jQuery has none. 60 s keeps a hung request from hanging forever, and
/// is longer than the emulator's `timeout` fault (30 s, then a gateway 504), so without a `timeout`
/// option the app sees that 504 as it would see a real gateway's, and with one it sees status 0.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
const FORM_CONTENT_TYPE: &str = "application/x-www-form-urlencoded; charset=UTF-8";

#[derive(Debug, Clone, PartialEq)]
pub enum RequestData {
    Text(String),
    Fields(Map<String, Value>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct RequestOptions {
    pub url: String,
    /// Uppercase, from `type` (jQuery) or `method`; GET when neither.
    pub method: String,
    pub headers: Vec<(String, String)>,
    pub content_type: Option<String>,
    pub data: Option<RequestData>,
    pub secure: bool,
    pub http_complete_response: bool,
    pub timeout: Duration,
    pub data_type: Option<String>,
}

#[derive(Debug, PartialEq)]
pub enum OptionsError {
    NotAnObject,
    MissingUrl,
    /// ZAF's proxy refuses header names with underscores (its nginx drops them).
    UnderscoreInHeader(String),
}

impl std::fmt::Display for OptionsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OptionsError::NotAnObject => {
                write!(f, "request options must be a URL string or an object")
            }
            OptionsError::MissingUrl => write!(f, "request options have no `url`"),
            OptionsError::UnderscoreInHeader(name) => {
                write!(f, "header {name:?} contains an underscore, which the Zendesk proxy does not pass on")
            }
        }
    }
}

/// The one secure setting of the app: the installation's Sell token. Zendesk fills it once per
/// installation; no setting holds a per-agent credential.
pub const INSTALLATION_TOKEN_SETTING: &str = "sell_api_token";

/// Which credential a request carries, for the request log (the dev panel and the tests, which check
/// that every Sell request names the installation's token).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credential {
    /// `{{setting.sell_api_token}}`: the installation's token, whoever the agent is.
    Installation,
    /// `{{setting.NAME}}` naming no secure setting of the app (a typo, or the removed per-agent
    /// `sell_user_token`): the proxy leaves it as written, so Sell refuses the request.
    UnknownSetting(String),
    /// No placeholder, or a request that is not `secure` (the proxy fills nothing in it).
    None,
}

impl Credential {
    /// How the log shows it: `installation`, `none`, or `unknown:NAME`.
    pub fn as_log_text(&self) -> String {
        match self {
            Credential::Installation => "installation".to_owned(),
            Credential::UnknownSetting(name) => format!("unknown:{name}"),
            Credential::None => "none".to_owned(),
        }
    }
}

// A plain string keeps the log's `credential` column one JSON type for the page and the tests.
impl serde::Serialize for Credential {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.as_log_text())
    }
}

pub fn parse_options(value: &Value) -> Result<RequestOptions, OptionsError> {
    let fields = match value {
        Value::String(url) => return parse_options(&serde_json::json!({ "url": url })),
        Value::Object(fields) => fields,
        _ => return Err(OptionsError::NotAnObject),
    };
    let text = |name: &str| fields.get(name).and_then(Value::as_str).map(str::to_owned);
    let flag = |name: &str| fields.get(name).and_then(Value::as_bool).unwrap_or(false);
    let url = text("url")
        .filter(|url| !url.trim().is_empty())
        .ok_or(OptionsError::MissingUrl)?;
    let method = text("type")
        .or_else(|| text("method"))
        .unwrap_or_else(|| "GET".into())
        .to_ascii_uppercase();
    let mut headers = Vec::new();
    if let Some(Value::Object(given)) = fields.get("headers") {
        for (name, value) in given {
            if name.contains('_') {
                return Err(OptionsError::UnderscoreInHeader(name.clone()));
            }
            match value {
                Value::Null => {}
                Value::String(text) => headers.push((name.clone(), text.clone())),
                other => headers.push((name.clone(), other.to_string())),
            }
        }
    }
    let data = match fields.get("data") {
        None | Some(Value::Null) => None,
        Some(Value::String(body)) => Some(RequestData::Text(body.clone())),
        Some(Value::Object(map)) => Some(RequestData::Fields(map.clone())),
        Some(other) => Some(RequestData::Text(other.to_string())),
    };
    let timeout = match fields.get("timeout").and_then(Value::as_f64) {
        Some(ms) if ms > 0.0 => Duration::from_millis(ms as u64),
        _ => DEFAULT_TIMEOUT,
    };
    Ok(RequestOptions {
        url,
        method,
        headers,
        content_type: text("contentType"),
        data,
        secure: flag("secure"),
        http_complete_response: flag("httpCompleteResponse"),
        timeout,
        data_type: text("dataType"),
    })
}

impl RequestOptions {
    /// The options with `{{setting.NAME}}` filled in url, headers and data. Only secure requests are
    /// filled; a non-secure one goes out exactly as the app wrote it.
    pub fn with_settings_filled(
        &self,
        value_of: &dyn Fn(&str) -> Option<String>,
    ) -> RequestOptions {
        if !self.secure {
            return self.clone();
        }
        let mut filled = self.clone();
        filled.url = placeholders::fill(&self.url, value_of);
        for (_, value) in &mut filled.headers {
            *value = placeholders::fill(value, value_of);
        }
        filled.data = self.data.as_ref().map(|data| match data {
            RequestData::Text(text) => RequestData::Text(placeholders::fill(text, value_of)),
            RequestData::Fields(map) => RequestData::Fields(
                map.iter()
                    .map(|(k, v)| (k.clone(), fill_strings(v, value_of)))
                    .collect(),
            ),
        });
        filled
    }

    /// The credential the request names: only secure requests get one. A name that is no secure
    /// setting wins over the installation token, so a half-filled request never looks right.
    pub fn credential(&self) -> Credential {
        if !self.secure {
            return Credential::None;
        }
        let mut texts = vec![self.url.clone()];
        texts.extend(self.headers.iter().map(|(_, value)| value.clone()));
        texts.extend(self.data.iter().map(|data| match data {
            RequestData::Text(text) => text.clone(),
            RequestData::Fields(map) => Value::Object(map.clone()).to_string(),
        }));
        let names: Vec<&str> = texts
            .iter()
            .flat_map(|text| placeholders::names_in(text))
            .collect();
        if let Some(unknown) = names
            .iter()
            .find(|name| **name != INSTALLATION_TOKEN_SETTING)
        {
            Credential::UnknownSetting((*unknown).to_owned())
        } else if names.is_empty() {
            Credential::None
        } else {
            Credential::Installation
        }
    }

    /// The query to append to the URL and the body to send, encoded as jQuery.ajax does: data goes into
    /// the query for GET/HEAD, otherwise into the body (an object as JSON when the content type says
    /// JSON, form-encoded otherwise).
    pub fn encoded_data(&self) -> (Option<String>, Option<(String, String)>) {
        let Some(data) = &self.data else {
            return (None, None);
        };
        let wants_json = self
            .content_type
            .as_deref()
            .is_some_and(|ct| ct.contains("json"));
        let in_query = matches!(self.method.as_str(), "GET" | "HEAD");
        let encoded = match data {
            RequestData::Text(text) => text.clone(),
            RequestData::Fields(map) if wants_json && !in_query => {
                Value::Object(map.clone()).to_string()
            }
            RequestData::Fields(map) => form_fields(map),
        };
        if in_query {
            return (Some(encoded).filter(|query| !query.is_empty()), None);
        }
        let content_type = self
            .content_type
            .clone()
            .unwrap_or_else(|| FORM_CONTENT_TYPE.to_owned());
        (None, Some((content_type, encoded)))
    }
}

fn fill_strings(value: &Value, value_of: &dyn Fn(&str) -> Option<String>) -> Value {
    match value {
        Value::String(text) => Value::String(placeholders::fill(text, value_of)),
        Value::Array(items) => {
            Value::Array(items.iter().map(|v| fill_strings(v, value_of)).collect())
        }
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), fill_strings(v, value_of)))
                .collect(),
        ),
        other => other.clone(),
    }
}

fn form_fields(map: &Map<String, Value>) -> String {
    use super::destination::form_encode;
    map.iter()
        .map(|(key, value)| {
            let text = match value {
                Value::String(text) => text.clone(),
                Value::Null => String::new(),
                other => other.to_string(),
            };
            format!("{}={}", form_encode(key), form_encode(&text))
        })
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn tokens(name: &str) -> Option<String> {
        (name == INSTALLATION_TOKEN_SETTING).then(|| "ADMIN".into())
    }

    fn options(value: Value) -> RequestOptions {
        parse_options(&value).expect("valid options")
    }

    #[test]
    fn a_bare_url_string_is_a_get_with_defaults() {
        let parsed = options(json!("https://api.getbase.com/v2/users/self"));
        assert_eq!(parsed.method, "GET");
        assert!(!parsed.secure && !parsed.http_complete_response);
        assert_eq!(parsed.timeout, DEFAULT_TIMEOUT);
    }

    #[test]
    fn jquery_option_names_are_read() {
        let parsed = options(json!({
            "url": "https://api.getbase.com/v2/leads", "type": "post", "contentType": "application/json",
            "data": "{\"data\":{}}", "secure": true, "httpCompleteResponse": true, "timeout": 1500,
            "headers": {"Authorization": "Bearer x", "X-Count": 3, "X-Null": null},
        }));
        assert_eq!(parsed.method, "POST");
        assert_eq!(parsed.timeout, Duration::from_millis(1500));
        assert_eq!(
            parsed.headers,
            [
                ("Authorization".to_owned(), "Bearer x".to_owned()),
                ("X-Count".to_owned(), "3".to_owned())
            ]
        );
        assert!(parsed.secure && parsed.http_complete_response);
    }

    #[test]
    fn options_without_url_or_with_underscored_headers_are_refused() {
        assert_eq!(
            parse_options(&json!({"type": "GET"})),
            Err(OptionsError::MissingUrl)
        );
        assert_eq!(parse_options(&json!(42)), Err(OptionsError::NotAnObject));
        assert_eq!(
            parse_options(
                &json!({"url": "https://api.getbase.com/v2/x", "headers": {"X_Token": "a"}})
            ),
            Err(OptionsError::UnderscoreInHeader("X_Token".into()))
        );
    }

    #[test]
    fn secure_requests_get_their_placeholders_filled_everywhere() {
        let filled = options(json!({
            "url": "https://api.getbase.com/v2/leads?t={{setting.sell_api_token}}", "secure": true,
            "headers": {"Authorization": "Bearer {{setting.sell_api_token}}", "X-Old": "{{setting.sell_user_token}}"},
            "data": {"note": "{{setting.sell_api_token}}", "nested": ["{{setting.sell_api_token}}"]},
        }))
        .with_settings_filled(&tokens);
        assert_eq!(filled.url, "https://api.getbase.com/v2/leads?t=ADMIN");
        assert_eq!(filled.headers[0].1, "Bearer ADMIN");
        assert_eq!(
            filled.headers[1].1, "{{setting.sell_user_token}}",
            "no setting of this app: stays as written"
        );
        assert_eq!(
            filled.data,
            Some(RequestData::Fields(
                json!({"note": "ADMIN", "nested": ["ADMIN"]})
                    .as_object()
                    .unwrap()
                    .clone()
            ))
        );
    }

    #[test]
    fn non_secure_requests_keep_placeholders_as_written() {
        let raw = options(json!({
            "url": "https://api.getbase.com/v2/leads",
            "headers": {"Authorization": "Bearer {{setting.sell_api_token}}"},
        }));
        assert_eq!(
            raw.with_settings_filled(&tokens).headers[0].1,
            "Bearer {{setting.sell_api_token}}"
        );
        assert_eq!(raw.credential(), Credential::None);
    }

    #[test]
    fn the_credential_is_the_token_a_secure_request_names() {
        let with = |auth: &str| {
            options(json!({"url": "https://api.getbase.com/v2/leads", "secure": true, "headers": {"Authorization": auth}}))
                .credential()
        };
        assert_eq!(
            with("Bearer {{setting.sell_api_token}}"),
            Credential::Installation
        );
        assert_eq!(
            with("Bearer {{setting.sell_user_token}}"),
            Credential::UnknownSetting("sell_user_token".into())
        );
        assert_eq!(with("Bearer literal"), Credential::None);
    }

    #[test]
    fn an_unknown_setting_beside_the_installation_token_is_what_the_log_names() {
        let mixed = options(json!({
            "url": "https://api.getbase.com/v2/leads?t={{setting.sell_api_tokn}}", "secure": true,
            "headers": {"Authorization": "Bearer {{setting.sell_api_token}}"},
        }));
        assert_eq!(
            mixed.credential(),
            Credential::UnknownSetting("sell_api_tokn".into())
        );
    }

    #[test]
    fn the_log_shows_each_credential_as_one_string() {
        let shown = [
            Credential::Installation,
            Credential::None,
            Credential::UnknownSetting("sell_user_token".into()),
        ]
        .map(|credential| serde_json::to_value(credential).ok());
        assert_eq!(
            shown,
            [
                Some(json!("installation")),
                Some(json!("none")),
                Some(json!("unknown:sell_user_token"))
            ]
        );
    }

    #[test]
    fn data_goes_to_the_query_for_get_and_to_the_body_otherwise() {
        let get = options(json!({"url": "u", "data": {"email": "a b@c.test", "page": 1}}));
        assert_eq!(
            get.encoded_data(),
            (Some("email=a+b%40c.test&page=1".into()), None)
        );
        let post_json = options(
            json!({"url": "u", "type": "POST", "contentType": "application/json", "data": {"a": 1}}),
        );
        assert_eq!(
            post_json.encoded_data(),
            (None, Some(("application/json".into(), "{\"a\":1}".into())))
        );
        let post_text = options(json!({"url": "u", "type": "POST", "data": "x=1"}));
        assert_eq!(
            post_text
                .encoded_data()
                .1
                .map(|(ct, body)| (ct.starts_with("application/x-www-form-urlencoded"), body)),
            Some((true, "x=1".into()))
        );
    }
}
