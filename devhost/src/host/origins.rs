//! The page and the app live on two loopback origins, so the app is cross-origin as it is in Zendesk
//! (page on `*.zendesk.com`, app on `*.apps.zdusercontent.com`).

use super::destination::form_encode;

/// The page's origin and the app's origin for a page requested with this `Host` header.
#[derive(Debug, PartialEq)]
pub struct Origins {
    pub page: String,
    pub app: String,
}

/// `127.0.0.1` and `localhost` swap; any other name (a LAN address) pairs with `localhost`.
pub fn origins_for_host(host_header: &str) -> Origins {
    let (name, port) = match host_header.rsplit_once(':') {
        // `[::1]:8484` has colons in the name; only a trailing all-digit part is a port.
        Some((name, port))
            if !port.is_empty()
                && port.chars().all(|c| c.is_ascii_digit())
                && (name.ends_with(']') || !name.contains(':')) =>
        {
            (name, Some(port))
        }
        _ => (host_header, None),
    };
    let other = if name.eq_ignore_ascii_case("localhost") {
        "127.0.0.1"
    } else {
        "localhost"
    };
    let with_port = |host: &str| match port {
        Some(port) => format!("http://{host}:{port}"),
        None => format!("http://{host}"),
    };
    Origins {
        page: with_port(name),
        app: with_port(other),
    }
}

/// The app's document without the query the SDK needs, and its origin: what the page frames, what
/// its CSP `frame-src` allows and whose messages it accepts. Usually the host's own `/app/`; with
/// `--app-url`, a server of its own (`zcli apps:server`, which serves the package as Zendesk would).
#[derive(Debug, Clone, PartialEq)]
pub struct AppUrl {
    document: String,
    origin: String,
}

/// Why an `--app-url` can't be framed.
#[derive(Debug, Clone, PartialEq)]
pub enum AppUrlError {
    /// Only `http://` and `https://` documents can be framed.
    NotHttp(String),
    /// No host, or one with characters a host name or port can't hold.
    BadHost(String),
    /// A `#fragment` would swallow the `origin` and `app_guid` the page appends.
    HasFragment(String),
}

impl std::fmt::Display for AppUrlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AppUrlError::NotHttp(url) => write!(
                f,
                "{url:?} is not an http:// or https:// URL (e.g. http://localhost:4567/0/assets/index.html)"
            ),
            AppUrlError::BadHost(url) => {
                write!(f, "{url:?} has no valid host[:port] after the scheme")
            }
            AppUrlError::HasFragment(url) => write!(
                f,
                "{url:?} has a #fragment; drop it, the page appends origin and app_guid to the query"
            ),
        }
    }
}

impl std::error::Error for AppUrlError {}

impl AppUrl {
    /// The host's own build, on the other loopback name (the default).
    pub fn own(origins: &Origins) -> AppUrl {
        AppUrl {
            document: format!("{}/app/index.html", origins.app),
            origin: origins.app.clone(),
        }
    }

    /// Any http(s) document, e.g. `http://localhost:4567/0/assets/index.html` from zcli.
    pub fn parse(text: &str) -> Result<AppUrl, AppUrlError> {
        let text = text.trim();
        let Some((scheme, rest)) = text.split_once("://") else {
            return Err(AppUrlError::NotHttp(text.to_owned()));
        };
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return Err(AppUrlError::NotHttp(text.to_owned()));
        }
        if text.contains('#') {
            return Err(AppUrlError::HasFragment(text.to_owned()));
        }
        let split_at = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, tail) = rest.split_at(split_at);
        // Letters, digits, `.-_`, a port and IPv6 brackets only: anything else (userinfo, spaces,
        // `;`) would be a confusing URL or break out of the CSP header.
        let host_like = |c: char| c.is_ascii_alphanumeric() || ".-_:[]".contains(c);
        if authority.is_empty() || authority.starts_with(':') || !authority.chars().all(host_like) {
            return Err(AppUrlError::BadHost(text.to_owned()));
        }
        if tail
            .chars()
            .any(|c| c.is_whitespace() || c == '"' || c == '<' || c == '>')
        {
            return Err(AppUrlError::BadHost(text.to_owned()));
        }
        let origin = format!("{scheme}://{}", authority.to_ascii_lowercase());
        let tail = if tail.starts_with('?') || tail.is_empty() {
            format!("/{tail}")
        } else {
            tail.to_owned()
        };
        Ok(AppUrl {
            document: format!("{origin}{tail}"),
            origin,
        })
    }

    /// The document's URL as given, without the SDK's query parameters.
    pub fn document(&self) -> &str {
        &self.document
    }

    /// `scheme://host[:port]`, for `frame-src` and `postMessage`.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The iframe URL as Zendesk builds it: the SDK reads `origin` and `app_guid` from the query.
    pub fn src(&self, page_origin: &str, app_guid: &str) -> String {
        let separator = if self.document.contains('?') {
            '&'
        } else {
            '?'
        };
        format!(
            "{}{separator}origin={}&app_guid={}",
            self.document,
            uri_component(page_origin),
            uri_component(app_guid)
        )
    }
}

/// Like JavaScript's `encodeURIComponent` for the characters an origin or guid can hold.
fn uri_component(text: &str) -> String {
    form_encode(text).replace('+', "%20")
}

/// A fresh app guid per page load, shaped like Zendesk's (a UUID). Unique, not secret.
pub fn new_app_guid() -> String {
    use std::collections::hash_map::RandomState;
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::time::{SystemTime, UNIX_EPOCH};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    hasher.write_u128(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0),
    );
    let high = hasher.finish();
    hasher.write_u64(high);
    let low = hasher.finish();
    let hex = format!("{high:016x}{low:016x}");
    format!(
        "{}-{}-4{}-a{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[13..16],
        &hex[17..20],
        &hex[20..32]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_app_is_always_on_the_other_loopback_name() {
        assert_eq!(
            origins_for_host("127.0.0.1:8484"),
            Origins {
                page: "http://127.0.0.1:8484".into(),
                app: "http://localhost:8484".into()
            }
        );
        assert_eq!(
            origins_for_host("LOCALHOST:9000"),
            Origins {
                page: "http://LOCALHOST:9000".into(),
                app: "http://127.0.0.1:9000".into()
            }
        );
        assert_eq!(
            origins_for_host("192.168.1.5:8484").app,
            "http://localhost:8484"
        );
        assert_eq!(origins_for_host("127.0.0.1").app, "http://localhost");
    }

    #[test]
    fn the_iframe_url_carries_the_encoded_page_origin_and_guid() {
        let origins = origins_for_host("127.0.0.1:8484");
        assert_eq!(
            AppUrl::own(&origins).src(&origins.page, "abc-1"),
            "http://localhost:8484/app/index.html?origin=http%3A%2F%2F127.0.0.1%3A8484&app_guid=abc-1"
        );
    }

    #[test]
    fn an_app_url_elsewhere_keeps_its_path_and_gets_the_sdk_query() {
        let zcli = AppUrl::parse("http://localhost:4567/0/assets/index.html").unwrap();
        assert_eq!(zcli.origin(), "http://localhost:4567");
        assert_eq!(
            zcli.src("http://127.0.0.1:8484", "g-1"),
            "http://localhost:4567/0/assets/index.html?origin=http%3A%2F%2F127.0.0.1%3A8484&app_guid=g-1"
        );
        // A query of its own is kept; the SDK's parameters follow it.
        let with_query = AppUrl::parse("HTTPS://Apps.Example.test/a?x=1").unwrap();
        assert_eq!(with_query.origin(), "https://apps.example.test");
        assert_eq!(
            with_query.src("http://127.0.0.1:1", "g"),
            "https://apps.example.test/a?x=1&origin=http%3A%2F%2F127.0.0.1%3A1&app_guid=g"
        );
        // A bare origin frames its root document.
        assert_eq!(
            AppUrl::parse("http://[::1]:9000").unwrap().document(),
            "http://[::1]:9000/"
        );
        assert_eq!(
            AppUrl::parse("http://[::1]:9000").unwrap().origin(),
            "http://[::1]:9000"
        );
    }

    #[test]
    fn app_urls_that_cannot_be_framed_are_refused_with_the_reason() {
        let cases = [
            ("localhost:4567/0/assets/index.html", "NotHttp"),
            ("file:///tmp/dist/index.html", "NotHttp"),
            ("javascript://x", "NotHttp"),
            ("http:///index.html", "BadHost"),
            ("http://user@evil.test/", "BadHost"),
            ("http://a.test;script-src *", "BadHost"),
            ("http://a.test/x y", "BadHost"),
            ("http://a.test/index.html#top", "HasFragment"),
        ];
        for (text, kind) in cases {
            let refused = AppUrl::parse(text).expect_err(text);
            let got = match refused {
                AppUrlError::NotHttp(_) => "NotHttp",
                AppUrlError::BadHost(_) => "BadHost",
                AppUrlError::HasFragment(_) => "HasFragment",
            };
            assert_eq!(got, kind, "{text}");
            assert!(refused.to_string().contains(text.trim()), "{refused}");
        }
    }

    #[test]
    fn app_guids_are_uuid_shaped_and_differ() {
        let (a, b) = (new_app_guid(), new_app_guid());
        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
        assert_eq!(a.matches('-').count(), 4);
    }
}
