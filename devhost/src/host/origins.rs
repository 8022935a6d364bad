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

/// The iframe URL as Zendesk builds it: the SDK reads `origin` and `app_guid` from the query.
pub fn app_src(origins: &Origins, app_guid: &str) -> String {
    format!(
        "{}/app/index.html?origin={}&app_guid={}",
        origins.app,
        uri_component(&origins.page),
        uri_component(app_guid)
    )
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
            app_src(&origins, "abc-1"),
            "http://localhost:8484/app/index.html?origin=http%3A%2F%2F127.0.0.1%3A8484&app_guid=abc-1"
        );
    }

    #[test]
    fn app_guids_are_uuid_shaped_and_differ() {
        let (a, b) = (new_app_guid(), new_app_guid());
        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
        assert_eq!(a.matches('-').count(), 4);
    }
}
