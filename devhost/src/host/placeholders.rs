//! `{{setting.NAME}}` substitution, done by the proxy for `secure: true` requests only, as ZAF's
//! proxy does. Plain string substitution: no encoding of the value.

const OPEN: &str = "{{setting.";
const CLOSE: &str = "}}";

/// `text` with each `{{setting.NAME}}` replaced by `value_of(NAME)`. A name `value_of` does not know
/// stays as written, so a typo shows up in the request the emulator logs.
pub fn fill(text: &str, value_of: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(OPEN) {
        out.push_str(&rest[..start]);
        let after_open = &rest[start + OPEN.len()..];
        let Some(end) = after_open.find(CLOSE) else {
            out.push_str(&rest[start..]);
            return out;
        };
        let name = &after_open[..end];
        match value_of(name).filter(|_| is_setting_name(name)) {
            Some(value) => out.push_str(&value),
            None => out.push_str(&rest[start..start + OPEN.len() + end + CLOSE.len()]),
        }
        rest = &after_open[end + CLOSE.len()..];
    }
    out.push_str(rest);
    out
}

/// The setting names written as placeholders in `text`, in order.
pub fn names_in(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(OPEN) {
        let after_open = &rest[start + OPEN.len()..];
        let Some(end) = after_open.find(CLOSE) else {
            break;
        };
        let name = &after_open[..end];
        if is_setting_name(name) {
            names.push(name);
        }
        rest = &after_open[end + CLOSE.len()..];
    }
    names
}

fn is_setting_name(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secrets(name: &str) -> Option<String> {
        (name == "sell_api_token").then(|| "ADMIN".into())
    }

    #[test]
    fn known_placeholders_are_replaced_anywhere_in_the_text() {
        assert_eq!(
            fill("Bearer {{setting.sell_api_token}}", &secrets),
            "Bearer ADMIN"
        );
        assert_eq!(
            fill(
                "a={{setting.sell_api_token}}&b={{setting.sell_api_token}}",
                &secrets
            ),
            "a=ADMIN&b=ADMIN"
        );
    }

    #[test]
    fn unknown_or_malformed_placeholders_stay_as_written() {
        assert_eq!(fill("{{setting.nope}}", &secrets), "{{setting.nope}}");
        assert_eq!(
            fill("Bearer {{setting.sell_user_token}}", &secrets),
            "Bearer {{setting.sell_user_token}}",
            "no per-agent token: the old oauth setting is just an unknown name"
        );
        assert_eq!(
            fill("{{setting.sell api}}", &secrets),
            "{{setting.sell api}}"
        );
        assert_eq!(
            fill("x {{setting.sell_api_token", &secrets),
            "x {{setting.sell_api_token"
        );
        assert_eq!(
            fill("no placeholder {{ here }}", &secrets),
            "no placeholder {{ here }}"
        );
    }

    #[test]
    fn names_in_lists_each_placeholder() {
        assert_eq!(
            names_in("{{setting.sell_user_token}} and {{setting.sell_api_token}} {{setting.}}"),
            ["sell_user_token", "sell_api_token"]
        );
        assert!(names_in("Bearer abc").is_empty());
    }
}
