//! How ZAF hands a proxied response back to the app: the `responseArgs` of `request:<n>.done` or
//! `.fail`, shaped like jQuery's callback arguments (docs/CONTRACTS.md, reference notes §5).

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{json, Value};

/// A response as the proxy received it.
#[derive(Debug, Clone)]
pub struct ProxiedResponse {
    pub status: u16,
    pub status_text: String,
    /// Lowercase header names.
    pub headers: BTreeMap<String, String>,
    pub body: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Done,
    Fail,
}

/// What the page posts back as `zaf.request:<n>.<outcome>` with `{responseArgs}`.
#[derive(Debug, Clone, Serialize)]
pub struct Settled {
    pub outcome: Outcome,
    #[serde(rename = "responseArgs")]
    pub response_args: Vec<Value>,
}

/// A 2xx status resolves (`done`), any other rejects (`fail`). The body is handed over parsed when it
/// is JSON and as text otherwise, so a malformed body reaches the app as a string to reject.
pub fn settle(response: &ProxiedResponse, http_complete_response: bool) -> Settled {
    let parsed = serde_json::from_str::<Value>(&response.body).ok();
    if !(200..300).contains(&response.status) {
        let mut xhr = json!({
            "status": response.status,
            "statusText": response.status_text,
            "responseText": response.body,
            "headers": response.headers,
        });
        if let (Some(json), Some(fields)) = (parsed, xhr.as_object_mut()) {
            fields.insert("responseJSON".into(), json);
        }
        return Settled {
            outcome: Outcome::Fail,
            response_args: vec![xhr, json!("error"), json!(response.status_text)],
        };
    }
    let response_args = if http_complete_response {
        vec![json!({
            "responseJSON": parsed,
            "responseText": response.body,
            "status": response.status,
            "headers": response.headers,
        })]
    } else {
        vec![
            parsed.unwrap_or_else(|| json!(response.body)),
            json!("success"),
            json!({"status": response.status, "statusText": response.status_text, "responseText": response.body}),
        ]
    };
    Settled {
        outcome: Outcome::Done,
        response_args,
    }
}

/// The request took longer than its `timeout`: jQuery reports status 0 and "timeout".
pub fn timed_out() -> Settled {
    Settled {
        outcome: Outcome::Fail,
        response_args: vec![
            json!({"status": 0, "statusText": "timeout", "responseText": "", "headers": {}}),
            json!("timeout"),
            json!("timeout"),
        ],
    }
}

/// A failure the proxy itself produces (refused domain, bad options), with a plain text body.
pub fn proxy_failure(status: u16, status_text: &str, text: &str) -> Settled {
    let headers = BTreeMap::from([(
        "content-type".to_owned(),
        "text/plain; charset=utf-8".to_owned(),
    )]);
    settle(
        &ProxiedResponse {
            status,
            status_text: status_text.to_owned(),
            headers,
            body: text.to_owned(),
        },
        false,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(status: u16, body: &str) -> ProxiedResponse {
        let headers = BTreeMap::from([("content-type".to_owned(), "application/json".to_owned())]);
        ProxiedResponse {
            status,
            status_text: "Reason".into(),
            headers,
            body: body.into(),
        }
    }

    #[test]
    fn done_without_complete_response_is_data_success_xhr() {
        let settled = settle(&response(200, r#"{"data":{"id":1}}"#), false);
        assert_eq!(settled.outcome, Outcome::Done);
        assert_eq!(settled.response_args[0], json!({"data": {"id": 1}}));
        assert_eq!(settled.response_args[1], json!("success"));
        assert_eq!(settled.response_args[2]["status"], json!(200));
    }

    #[test]
    fn done_with_complete_response_is_one_object_with_headers() {
        let settled = settle(&response(201, r#"{"data":{}}"#), true);
        assert_eq!(settled.response_args.len(), 1);
        let full = &settled.response_args[0];
        assert_eq!(full["status"], json!(201));
        assert_eq!(full["responseJSON"], json!({"data": {}}));
        assert_eq!(full["responseText"], json!(r#"{"data":{}}"#));
        assert_eq!(full["headers"]["content-type"], json!("application/json"));
    }

    #[test]
    fn a_body_that_is_not_json_arrives_as_text() {
        let settled = settle(&response(200, "{\"data\": [tru"), false);
        assert_eq!(settled.response_args[0], json!("{\"data\": [tru"));
        let complete = settle(&response(200, "<html></html>"), true);
        assert_eq!(complete.response_args[0]["responseJSON"], Value::Null);
    }

    #[test]
    fn every_non_2xx_status_fails_with_xhr_error_and_status_text_whatever_the_flag() {
        for complete in [false, true] {
            for status in [301, 401, 404, 422, 429, 500] {
                let settled = settle(&response(status, r#"{"errors":[]}"#), complete);
                assert_eq!(settled.outcome, Outcome::Fail, "status {status}");
                assert_eq!(settled.response_args[0]["status"], json!(status));
                assert_eq!(
                    settled.response_args[0]["responseJSON"],
                    json!({"errors": []})
                );
                assert_eq!(settled.response_args[1], json!("error"));
                assert_eq!(settled.response_args[2], json!("Reason"));
            }
        }
    }

    #[test]
    fn a_failure_with_a_text_body_has_no_response_json() {
        let settled = proxy_failure(403, "Forbidden", "Domain not allowed");
        assert!(settled.response_args[0].get("responseJSON").is_none());
        assert_eq!(
            settled.response_args[0]["responseText"],
            json!("Domain not allowed")
        );
    }

    #[test]
    fn a_timeout_is_status_zero() {
        let settled = timed_out();
        assert_eq!(settled.outcome, Outcome::Fail);
        assert_eq!(settled.response_args[0]["status"], json!(0));
        assert_eq!(settled.response_args[0]["statusText"], json!("timeout"));
    }
}
