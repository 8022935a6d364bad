//! Sell's error envelope. Handlers return an [`ApiError`]; the request gate renders it with the
//! request id as `logref`, because only the gate knows that id.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

const MORE_INFO: &str = "https://developer.zendesk.com/api-reference/sales-crm/errors/";

/// One entry of `errors[]`. Request errors carry no resource or field; resource (422) errors do.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorItem {
    pub resource: Option<String>,
    /// A JSON pointer into the request body, e.g. `/last_name`.
    pub field: Option<String>,
    pub code: String,
    pub message: String,
    pub details: String,
}

impl ErrorItem {
    pub fn field(
        resource: &str,
        field: &str,
        code: &str,
        message: &str,
        details: impl Into<String>,
    ) -> Self {
        Self {
            resource: Some(resource.into()),
            field: Some(format!("/{field}")),
            code: code.into(),
            message: message.into(),
            details: details.into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    pub status: StatusCode,
    pub errors: Vec<ErrorItem>,
}

impl ApiError {
    pub fn request(
        status: StatusCode,
        code: &str,
        message: &str,
        details: impl Into<String>,
    ) -> Self {
        Self {
            status,
            errors: vec![ErrorItem {
                resource: None,
                field: None,
                code: code.into(),
                message: message.into(),
                details: details.into(),
            }],
        }
    }

    pub fn invalid_param(param: &str, details: impl Into<String>) -> Self {
        Self::request(
            StatusCode::BAD_REQUEST,
            "invalid_param",
            &format!("invalid parameter {param}"),
            details,
        )
    }

    pub fn bad_body(code: &str, details: impl Into<String>) -> Self {
        Self::request(
            StatusCode::BAD_REQUEST,
            code,
            "request body is invalid",
            details,
        )
    }

    pub fn unauthorized(details: &str) -> Self {
        Self::request(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "Unauthorized",
            details,
        )
    }

    pub fn not_found(resource: &str) -> Self {
        let mut error = Self::request(
            StatusCode::NOT_FOUND,
            "not_found",
            "Not Found",
            format!("The requested {resource} could not be found."),
        );
        if let Some(item) = error.errors.first_mut() {
            item.resource = Some(resource.into());
        }
        error
    }

    pub fn unknown_endpoint(path: &str) -> Self {
        Self::request(
            StatusCode::NOT_FOUND,
            "not_found",
            "Not Found",
            format!("No endpoint matches {path}."),
        )
    }

    pub fn rate_limited() -> Self {
        Self::request(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limit_exceeded",
            "Rate limit exceeded",
            "More than 10 requests per second were made with this token. Slow down and retry.",
        )
    }

    pub fn validation(errors: Vec<ErrorItem>) -> Self {
        Self {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            errors,
        }
    }

    /// A plausible error body for any status, used by injected `status` faults.
    pub fn for_status(status: StatusCode) -> Self {
        let code = match status.as_u16() {
            400 => "bad_request",
            401 => "unauthorized",
            403 => "forbidden",
            404 => "not_found",
            422 => "invalid",
            429 => "rate_limit_exceeded",
            500 => "server_error",
            502..=504 => "service_unavailable",
            _ => "error",
        };
        let message = status.canonical_reason().unwrap_or("Error");
        Self::request(
            status,
            code,
            message,
            format!("Injected fault: {} {message}.", status.as_u16()),
        )
    }

    /// The envelope of docs: `errors[]` plus `meta` whose `http_status` is a string.
    pub fn body(&self, request_id: &str) -> Value {
        let errors: Vec<Value> = self
            .errors
            .iter()
            .map(|e| {
                let mut error = json!({"code": e.code, "message": e.message, "details": e.details});
                if let (Some(resource), Some(obj)) = (&e.resource, error.as_object_mut()) {
                    obj.insert("resource".into(), json!(resource));
                }
                if let (Some(field), Some(obj)) = (&e.field, error.as_object_mut()) {
                    obj.insert("field".into(), json!(field));
                }
                json!({"error": error, "meta": {"type": "error", "links": {"more_info": MORE_INFO}}})
            })
            .collect();
        json!({
            "errors": errors,
            "meta": {
                "type": "errors",
                "http_status": format!("{} {}", self.status.as_u16(), self.status.canonical_reason().unwrap_or("")),
                "logref": request_id,
                "links": {"more_info": MORE_INFO},
            }
        })
    }
}

/// Marks a response whose Sell error body the gate still has to write.
#[derive(Clone, Debug)]
pub struct PendingError(pub ApiError);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = self.status.into_response();
        response.extensions_mut().insert(PendingError(self));
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_status_is_a_string_with_the_reason() {
        let body = ApiError::validation(vec![]).body("req-1");
        assert_eq!(body["meta"]["http_status"], "422 Unprocessable Entity");
        assert_eq!(body["meta"]["logref"], "req-1");
    }

    #[test]
    fn request_errors_have_no_resource_or_field_and_resource_errors_have_both() {
        let request = ApiError::unauthorized("no token").body("r");
        assert!(request["errors"][0]["error"].get("field").is_none());
        let resource = ApiError::validation(vec![ErrorItem::field(
            "lead",
            "last_name",
            "blank",
            "can't be blank",
            "",
        )])
        .body("r");
        assert_eq!(resource["errors"][0]["error"]["field"], "/last_name");
        assert_eq!(resource["errors"][0]["error"]["resource"], "lead");
        assert_eq!(resource["errors"][0]["meta"]["type"], "error");
    }
}
