//! Reading a write request's body: JSON, wrapped as `{"data": {...}}`.

use super::error::ApiError;
use axum::http::{header, HeaderMap};
use serde_json::{Map, Value};

/// The `data` object of a request body, or the 400 Sell would answer.
pub fn data_object(headers: &HeaderMap, body: &[u8]) -> Result<Map<String, Value>, ApiError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if !content_type
        .to_ascii_lowercase()
        .starts_with("application/json")
    {
        return Err(ApiError::bad_body(
            "invalid_content_type",
            "Send the body as JSON with Content-Type: application/json.",
        ));
    }
    let value: Value = serde_json::from_slice(body).map_err(|e| {
        ApiError::bad_body("invalid_json", format!("The body is not valid JSON: {e}."))
    })?;
    match value {
        Value::Object(mut envelope) => match envelope.remove("data") {
            Some(Value::Object(data)) => Ok(data),
            _ => Err(ApiError::bad_body(
                "invalid_envelope",
                "Wrap the attributes in an envelope: {\"data\": {...}}.",
            )),
        },
        _ => Err(ApiError::bad_body(
            "invalid_envelope",
            "The body must be a JSON object: {\"data\": {...}}.",
        )),
    }
}

/// Blank as Sell means it: absent, null, or only whitespace.
pub fn is_blank(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        Some(_) => false,
    }
}
