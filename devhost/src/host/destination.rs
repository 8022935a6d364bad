//! Where a ZAF request URL goes: to the Sell emulator, or refused as ZAF's proxy refuses hosts outside
//! the app's `domainWhitelist` (which holds only `api.getbase.com`).

pub const SELL_HOST: &str = "api.getbase.com";

#[derive(Debug, PartialEq)]
pub enum Destination {
    /// `https://api.getbase.com/v2/...`: path and query to send to the emulator.
    Sell { path_and_query: String },
    /// A host the app may not call.
    Refused { host: String },
    /// Allowed host or a Support-relative URL, but nothing here emulates it.
    NotEmulated { url: String },
}

pub fn destination_of(url: &str) -> Destination {
    let url = url.trim();
    let Some((scheme, rest)) = url.split_once("://") else {
        // Relative URLs go to the Support API in ZAF; the dev host has none.
        return Destination::NotEmulated {
            url: url.to_owned(),
        };
    };
    let split_at = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(split_at);
    let host_port = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    let host = match host_port.rsplit_once(':') {
        Some((host, "443")) => host,
        _ => host_port,
    };
    let host = host.to_ascii_lowercase();
    if !scheme.eq_ignore_ascii_case("https") || host != SELL_HOST {
        return Destination::Refused {
            host: if host.is_empty() {
                url.to_owned()
            } else {
                host
            },
        };
    }
    let without_fragment = tail.split('#').next().unwrap_or_default();
    if without_fragment.starts_with("/v2/") {
        Destination::Sell {
            path_and_query: without_fragment.to_owned(),
        }
    } else {
        Destination::NotEmulated {
            url: url.to_owned(),
        }
    }
}

/// `application/x-www-form-urlencoded` encoding of one key or value, as jQuery's `$.param` does.
pub fn form_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sell(path: &str) -> Destination {
        Destination::Sell {
            path_and_query: path.to_owned(),
        }
    }

    #[test]
    fn sell_v2_urls_go_to_the_emulator_with_their_query() {
        assert_eq!(
            destination_of("https://api.getbase.com/v2/leads?email=a%40b.test"),
            sell("/v2/leads?email=a%40b.test")
        );
        assert_eq!(
            destination_of("https://API.getbase.com:443/v2/users/self"),
            sell("/v2/users/self")
        );
        assert_eq!(
            destination_of("https://api.getbase.com/v2/leads#top"),
            sell("/v2/leads")
        );
    }

    #[test]
    fn other_hosts_and_plain_http_are_refused() {
        assert_eq!(
            destination_of("https://evil.test/v2/leads"),
            Destination::Refused {
                host: "evil.test".into()
            }
        );
        assert_eq!(
            destination_of("https://api.getbase.com.evil.test/v2/leads"),
            Destination::Refused {
                host: "api.getbase.com.evil.test".into()
            }
        );
        assert_eq!(
            destination_of("http://api.getbase.com/v2/leads"),
            Destination::Refused {
                host: "api.getbase.com".into()
            }
        );
        assert_eq!(
            destination_of("https://user@evil.test/v2"),
            Destination::Refused {
                host: "evil.test".into()
            }
        );
    }

    #[test]
    fn relative_urls_and_non_v2_paths_are_not_emulated() {
        assert!(matches!(
            destination_of("/api/v2/users/me.json"),
            Destination::NotEmulated { .. }
        ));
        assert!(matches!(
            destination_of("https://api.getbase.com/oauth2/token"),
            Destination::NotEmulated { .. }
        ));
    }

    #[test]
    fn form_encoding_escapes_like_jquery_param() {
        assert_eq!(form_encode("a b&c=ü@"), "a+b%26c%3D%C3%BC%40");
        assert_eq!(form_encode("safe-_.~09"), "safe-_.~09");
    }
}
