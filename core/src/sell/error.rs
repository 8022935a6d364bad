//! What can go wrong talking to Sell, as one enum whose every case says what the person can do.
//! HTTP statuses are mapped to cases here and nowhere else.

use crate::i18n::ui::{self, Msg};
use crate::i18n::Locale;
use crate::json::{self, Json};
pub use crate::sell::unreadable::Unreadable;

/// One entry of Sell's error envelope (`errors[].error`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SellFieldError {
    /// The resource Sell complained about, e.g. `lead`.
    pub resource: Option<String>,
    /// A JSON pointer to the offending attribute, e.g. `/last_name`.
    pub field: Option<String>,
    /// Sell's machine code, e.g. `blank`, `unknown`, `invalid`.
    pub code: Option<String>,
    /// Sell's short message (English, from Sell).
    pub message: Option<String>,
    /// Sell's longer explanation.
    pub details: Option<String>,
}

impl SellFieldError {
    /// The attribute name without the JSON pointer slash: `/last_name` -> `last_name`.
    pub fn field_name(&self) -> Option<&str> {
        self.field
            .as_deref()
            .map(|f| f.trim_start_matches('/'))
            .filter(|f| !f.is_empty())
    }

    /// "last_name: can't be blank", or whatever parts Sell gave.
    fn summary(&self) -> Option<String> {
        let text = self
            .message
            .as_deref()
            .or(self.details.as_deref())
            .or(self.code.as_deref())?;
        Some(match self.field_name() {
            Some(field) => format!("{field}: {text}"),
            None => text.to_string(),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SellError {
    /// 401: the token is missing, invalid or expired.
    Unauthorized,
    /// 403: the token's user may not do this (role, or a token without the needed scope).
    Forbidden,
    /// 404: no such record, or not visible to this user.
    NotFound,
    /// 422 (and 400 with an error envelope): Sell rejected the data.
    Validation(Vec<SellFieldError>),
    /// 429: over Sell's 10 requests per second per token.
    RateLimited { retry_after_secs: Option<u64> },
    /// 5xx, or a status the app has no better word for.
    Server { status: u16 },
    /// No answer in time (also 408 and a proxy's 504).
    Timeout,
    /// The request never reached anyone (offline, DNS, blocked).
    Network,
    /// The ZAF proxy declined to send the request (host not allowed, setting placeholder unknown...).
    ProxyRefused { status: u16, detail: String },
    /// An answer the app can't read: empty body, HTML page, bad JSON, wrong shape or types.
    Malformed { status: u16, what: Unreadable },
}

impl SellError {
    /// Maps a non-success answer from Sell to the case a person can act on. `body` may be anything: an
    /// error envelope, an HTML error page, empty. `retry_after` is the Retry-After header if any; an
    /// HTTP-date there is not worth a clock here, so only seconds are read.
    pub fn from_response(status: u16, body: &str, retry_after: Option<&str>) -> SellError {
        match status {
            0 => SellError::Network,
            401 => SellError::Unauthorized,
            403 => SellError::Forbidden,
            404 => SellError::NotFound,
            408 | 504 => SellError::Timeout,
            429 => SellError::RateLimited {
                retry_after_secs: retry_after.and_then(parse_retry_after),
            },
            422 => SellError::Validation(parse_error_envelope(body).unwrap_or_default()),
            400 => match parse_error_envelope(body) {
                Some(errors) if !errors.is_empty() => SellError::Validation(errors),
                _ => SellError::Malformed {
                    status,
                    what: Unreadable::InvalidRequest,
                },
            },
            200..=299 => SellError::Malformed {
                status,
                what: Unreadable::SuccessAsError,
            },
            _ => SellError::Server { status },
        }
    }

    /// Whether trying the same request again later may work (the "Try again" button).
    pub fn is_retryable(&self) -> bool {
        match self {
            SellError::RateLimited { .. }
            | SellError::Server { .. }
            | SellError::Timeout
            | SellError::Network
            // An HTML page or a cut-off body is usually a passing proxy or gateway hiccup.
            | SellError::Malformed { .. } => true,
            SellError::Unauthorized
            | SellError::Forbidden
            | SellError::NotFound
            | SellError::Validation(_)
            | SellError::ProxyRefused { .. } => false,
        }
    }

    /// The sentence shown to the agent.
    pub fn message(&self, locale: Locale) -> String {
        match self {
            SellError::Unauthorized => Msg::ErrUnauthorized.text(locale).to_string(),
            SellError::Forbidden => Msg::ErrForbidden.text(locale).to_string(),
            SellError::NotFound => Msg::ErrNotFound.text(locale).to_string(),
            SellError::Validation(errors) => {
                let lead = Msg::ErrValidation.text(locale);
                let details: Vec<String> =
                    errors.iter().filter_map(SellFieldError::summary).collect();
                if details.is_empty() {
                    lead.to_string()
                } else {
                    format!("{lead} {}", details.join("; "))
                }
            }
            SellError::RateLimited { retry_after_secs } => {
                ui::retry_in_seconds(*retry_after_secs, locale)
            }
            SellError::Server { status } => ui::err_server(*status, locale),
            SellError::Timeout => Msg::ErrTimeout.text(locale).to_string(),
            SellError::Network => Msg::ErrNetwork.text(locale).to_string(),
            SellError::ProxyRefused { status, detail } => {
                ui::err_proxy_refused(*status, detail, locale)
            }
            SellError::Malformed { status, what } => ui::err_malformed(*status, &ui::unreadable(what, locale), locale),
        }
    }

    /// The Sell validation error for one attribute, so a form can show it beside that input.
    pub fn field_error(&self, field: &str) -> Option<&SellFieldError> {
        match self {
            SellError::Validation(errors) => errors.iter().find(|e| e.field_name() == Some(field)),
            _ => None,
        }
    }
}

impl std::fmt::Display for SellError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

impl std::error::Error for SellError {}

/// Seconds only; an HTTP-date or garbage gives None (the UI then says "in a minute").
fn parse_retry_after(value: &str) -> Option<u64> {
    value.trim().parse::<u64>().ok()
}

/// Reads `{"errors":[{"error":{...}}]}`, tolerating missing or oddly typed parts. None when the body is
/// not JSON or has no `errors` list.
fn parse_error_envelope(body: &str) -> Option<Vec<SellFieldError>> {
    let root = json::parse(body).ok()?;
    let entries = root.get("errors")?.as_array()?;
    Some(
        entries
            .iter()
            .filter_map(|entry| entry.get("error").filter(|e| e.is_object()))
            .map(|error| SellFieldError {
                resource: text_of(error.get("resource")),
                field: text_of(error.get("field")),
                code: text_of(error.get("code")),
                message: text_of(error.get("message")),
                details: text_of(error.get("details")),
            })
            .collect(),
    )
}

/// A string as is; a number or bool as its JSON text; null, absent, empty, arrays and objects as None.
fn text_of(value: Option<&Json>) -> Option<String> {
    match value? {
        Json::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Json::Number(n) => Some(n.clone()),
        Json::Bool(true) => Some("true".into()),
        Json::Bool(false) => Some("false".into()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const UNPROCESSABLE_LEAD: &str = r#"{"errors":[{"error":{"resource":"lead","field":"/invalid_field","code":"unknown",
      "message":"unknown attribute","details":"The attribute invalid_field is not a known attribute of lead."},
      "meta":{"type":"error","links":{"more_info":"https://developers.getbase.com/docs/rest/articles/errors"}}}],
      "meta":{"type":"errors","http_status":"422 Unprocessable Entity","logref":"abc-123","links":{}}}"#;

    const HTML_PAGE: &str = "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>";

    #[test]
    fn statuses_map_to_what_a_person_can_do() {
        let cases: &[(u16, SellError)] = &[
            (0, SellError::Network),
            (401, SellError::Unauthorized),
            (403, SellError::Forbidden),
            (404, SellError::NotFound),
            (408, SellError::Timeout),
            (504, SellError::Timeout),
            (
                429,
                SellError::RateLimited {
                    retry_after_secs: None,
                },
            ),
            (500, SellError::Server { status: 500 }),
            (502, SellError::Server { status: 502 }),
            (503, SellError::Server { status: 503 }),
            (409, SellError::Server { status: 409 }),
        ];
        for (status, expected) in cases {
            assert_eq!(
                &SellError::from_response(*status, HTML_PAGE, None),
                expected,
                "{status}"
            );
        }
    }

    #[test]
    fn validation_errors_are_read_from_the_envelope() {
        let error = SellError::from_response(422, UNPROCESSABLE_LEAD, None);
        let expected = SellFieldError {
            resource: Some("lead".into()),
            field: Some("/invalid_field".into()),
            code: Some("unknown".into()),
            message: Some("unknown attribute".into()),
            details: Some("The attribute invalid_field is not a known attribute of lead.".into()),
        };
        assert_eq!(error, SellError::Validation(vec![expected.clone()]));
        assert_eq!(error.field_error("invalid_field"), Some(&expected));
        assert_eq!(
            error.message(Locale::En),
            "Sell didn't accept the data. invalid_field: unknown attribute"
        );
    }

    #[test]
    fn a_422_with_an_html_body_is_still_a_validation_error_without_details() {
        let error = SellError::from_response(422, HTML_PAGE, None);
        assert_eq!(error, SellError::Validation(vec![]));
        assert_eq!(
            error.message(Locale::De),
            "Sell hat die Daten nicht akzeptiert."
        );
    }

    #[test]
    fn a_400_with_errors_is_validation_and_without_is_malformed() {
        let body = r#"{"errors":[{"error":{"code":"invalid_user_agent","message":"User-Agent is missing"}}]}"#;
        assert!(
            matches!(SellError::from_response(400, body, None), SellError::Validation(e) if e.len() == 1)
        );
        assert!(matches!(
            SellError::from_response(400, "", None),
            SellError::Malformed { status: 400, .. }
        ));
    }

    #[test]
    fn odd_envelopes_keep_what_can_be_read() {
        let body = r#"{"errors":[{"error":{"field":null,"code":42,"message":""}},{"oops":1},{"error":"text"},
            {"error":{"field":"/last_name","message":"can't be blank"}}]}"#;
        let SellError::Validation(errors) = SellError::from_response(422, body, None) else {
            panic!("expected validation");
        };
        assert_eq!(errors.len(), 2);
        assert_eq!(errors.first().and_then(|e| e.code.as_deref()), Some("42"));
        assert_eq!(errors.first().and_then(|e| e.message.as_deref()), None);
        assert_eq!(
            errors.get(1).and_then(|e| e.field_name()),
            Some("last_name")
        );
    }

    #[test]
    fn retry_after_is_read_as_seconds_only() {
        let cases: &[(Option<&str>, Option<u64>)] = &[
            (Some("30"), Some(30)),
            (Some(" 5 "), Some(5)),
            (Some("Wed, 21 Oct 2026 07:28:00 GMT"), None),
            (Some("-3"), None),
            (Some(""), None),
            (None, None),
        ];
        for (header, expected) in cases {
            assert_eq!(
                SellError::from_response(429, "{}", *header),
                SellError::RateLimited {
                    retry_after_secs: *expected
                },
                "{header:?}"
            );
        }
        assert_eq!(
            SellError::RateLimited {
                retry_after_secs: Some(30)
            }
            .message(Locale::En),
            "Sell is receiving too many requests. Try again in 30 seconds."
        );
    }

    #[test]
    fn only_passing_troubles_are_worth_a_retry() {
        let retryable = [
            SellError::RateLimited {
                retry_after_secs: None,
            },
            SellError::Server { status: 500 },
            SellError::Timeout,
            SellError::Network,
            SellError::Malformed {
                status: 200,
                what: Unreadable::BrokenJson,
            },
        ];
        let final_ = [
            SellError::Unauthorized,
            SellError::Forbidden,
            SellError::NotFound,
            SellError::Validation(vec![]),
            SellError::ProxyRefused {
                status: 403,
                detail: "host not allowed".into(),
            },
        ];
        assert!(retryable.iter().all(SellError::is_retryable));
        assert!(!final_.iter().any(SellError::is_retryable));
    }

    #[test]
    fn messages_name_the_setting_or_the_status() {
        assert!(SellError::Unauthorized
            .message(Locale::En)
            .contains("Sell API token"));
        assert!(SellError::Unauthorized
            .message(Locale::De)
            .contains("Sell API token"));
        assert!(SellError::Server { status: 503 }
            .message(Locale::En)
            .contains("503"));
        let proxy = SellError::ProxyRefused {
            status: 403,
            detail: "host not allowed".into(),
        };
        assert!(proxy.message(Locale::En).contains("host not allowed"));
        assert!(proxy.message(Locale::En).contains("api.getbase.com"));
    }

    proptest! {
        #[test]
        fn any_body_and_header_give_an_error_without_panicking(status in any::<u16>(), body in "\\PC{0,200}", header in proptest::option::of("\\PC{0,20}")) {
            let error = SellError::from_response(status, &body, header.as_deref());
            prop_assert!(!error.message(Locale::En).is_empty());
            prop_assert!(!error.message(Locale::De).is_empty());
        }

        #[test]
        fn any_bytes_as_a_body_give_an_error_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let body = String::from_utf8_lossy(&bytes);
            let _ = SellError::from_response(422, &body, None);
        }
    }
}
