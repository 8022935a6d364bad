//! The agent page: static HTML, CSS and JS embedded in the binary. The HTML gets the iframe's URL
//! filled in per request, so the app starts loading before any script runs.

use super::origins::{new_app_guid, origins_for_host, AppUrl};

pub const INDEX_HTML: &str = include_str!("page/index.html");
pub const HOST_CSS: &str = include_str!("page/host.css");
pub const HOST_JS: &str = include_str!("page/host.js");

/// The rendered page and the Content-Security-Policy that keeps it off every external URL.
pub struct RenderedPage {
    pub html: String,
    pub content_security_policy: String,
}

/// The page for this `Host` header, framing `app_url` when given, else the host's own `/app/`.
pub fn render_page(host_header: &str, app_url: Option<&AppUrl>) -> RenderedPage {
    let origins = origins_for_host(host_header);
    let own = AppUrl::own(&origins);
    let app = app_url.unwrap_or(&own);
    let app_guid = new_app_guid();
    let html = INDEX_HTML
        .replace(
            "__APP_SRC__",
            &escape_attribute(&app.src(&origins.page, &app_guid)),
        )
        .replace("__APP_URL__", &escape_attribute(app.document()))
        .replace("__APP_GUID__", &escape_attribute(&app_guid))
        .replace("__APP_ORIGIN__", &escape_attribute(app.origin()));
    let content_security_policy = format!(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src {}; object-src 'none'; base-uri 'none'",
        app.origin()
    );
    RenderedPage {
        html,
        content_security_policy,
    }
}

fn escape_attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_frames_the_app_from_the_other_origin() {
        let page = render_page("127.0.0.1:8484", None);
        assert!(page.html.contains(r#"src="http://localhost:8484/app/index.html?origin=http%3A%2F%2F127.0.0.1%3A8484&amp;app_guid="#));
        assert!(page
            .html
            .contains(r#"data-app-url="http://localhost:8484/app/index.html""#));
        assert!(page
            .content_security_policy
            .contains("frame-src http://localhost:8484;"));
        assert!(!page.html.contains("__APP_"), "every placeholder is filled");
    }

    #[test]
    fn with_an_app_url_the_page_frames_it_and_lets_only_its_origin_in() {
        let zcli = AppUrl::parse("http://localhost:4567/0/assets/index.html").unwrap();
        let page = render_page("127.0.0.1:8484", Some(&zcli));
        assert!(page.html.contains(r#"src="http://localhost:4567/0/assets/index.html?origin=http%3A%2F%2F127.0.0.1%3A8484&amp;app_guid="#));
        assert!(page
            .html
            .contains(r#"data-app-url="http://localhost:4567/0/assets/index.html""#));
        assert!(page
            .html
            .contains(r#"data-app-origin="http://localhost:4567""#));
        assert!(page
            .content_security_policy
            .contains("frame-src http://localhost:4567;"));
        assert!(
            !page.content_security_policy.contains("localhost:8484"),
            "the host's own /app/ is no longer framed: {}",
            page.content_security_policy
        );
        assert!(!page.html.contains("__APP_"), "every placeholder is filled");
    }

    #[test]
    fn every_toolbar_control_has_a_label() {
        let ids: Vec<&str> = INDEX_HTML
            .split("<input")
            .chain(INDEX_HTML.split("<select").skip(1))
            .chain(INDEX_HTML.split("<textarea").skip(1))
            .skip(1)
            .filter_map(|tag| {
                tag.split_once("id=\"")
                    .and_then(|(_, rest)| rest.split_once('"'))
                    .map(|(id, _)| id)
            })
            .collect();
        assert!(ids.len() >= 15, "found controls: {ids:?}");
        for id in ids {
            assert!(
                INDEX_HTML.contains(&format!("for=\"{id}\"")),
                "no <label for=\"{id}\">"
            );
        }
    }

    #[test]
    fn the_page_loads_nothing_from_outside() {
        for text in [INDEX_HTML, HOST_CSS, HOST_JS] {
            assert!(!text.contains("https://"), "an external URL is in the page");
            assert!(!text.contains("//cdn"), "a CDN is referenced");
        }
    }
}
