//! The measured figures as tables: read from the JSON that `filter_timing` and `bench_paint` print.

use super::budget;
use super::table::Table;
use crate::build::{kb, FileSize};
use serde_json::Value as Json;

fn field(json: &Json, key: &str) -> Option<f64> {
    json.get(key).and_then(Json::as_f64)
}

fn ms(value: Option<f64>) -> String {
    value.map_or("-".into(), |v| format!("{v:.0} ms"))
}

pub fn bundle(files: &[FileSize]) -> Table {
    let mut table = Table::new("Release bundle", &["kind", "file", "raw", "gzip -9"]);
    for f in files {
        table.row(vec![f.kind.into(), f.name.clone(), kb(f.raw), kb(f.gzip)]);
    }
    let raw: u64 = files.iter().map(|f| f.raw).sum();
    let gzip: u64 = files.iter().map(|f| f.gzip).sum();
    table.row(vec!["total".into(), String::new(), kb(raw), kb(gzip)]);
    table.note = format!("total gzip {}: {}", kb(gzip), budget::gzip_verdict(gzip));
    table
}

/// Agent and mode columns, in the order `bench_paint` measures them.
const REQUEST_COLUMNS: [(&str, &str, &str); 3] = [
    ("ada@acme.test", "all_agents", "Ada, All agents"),
    ("ada@acme.test", "sell_users_only", "Ada, Sell users only"),
    ("nora@acme.test", "sell_users_only", "Nora, Sell users only"),
];

/// Requests per ticket, "cold / in a session / warm", and the dearest cold lookup.
pub fn requests(rows: &Json) -> (Table, usize) {
    let mut head = vec!["ticket"];
    head.extend(REQUEST_COLUMNS.iter().map(|(_, _, title)| *title));
    let mut table = Table::new("Sell requests per ticket (cold / in a session / warm)", &head);
    let rows = rows.as_array().map(Vec::as_slice).unwrap_or_default();
    let mut tickets: Vec<u64> = rows
        .iter()
        .filter_map(|r| field(r, "ticket").map(|t| t as u64))
        .collect();
    tickets.sort();
    tickets.dedup();
    let (mut dearest, mut dearest_session) = (0, 0);
    for ticket in tickets {
        let mut cells = vec![format!("#{ticket}")];
        for (agent, mode, _) in REQUEST_COLUMNS {
            let row = rows.iter().find(|r| {
                field(r, "ticket") == Some(ticket as f64)
                    && r.get("agent").and_then(Json::as_str) == Some(agent)
                    && r.get("mode").and_then(Json::as_str) == Some(mode)
            });
            let cold = row.and_then(|r| field(r, "cold"));
            let session = row.and_then(|r| field(r, "session"));
            let warm = row.and_then(|r| field(r, "warm"));
            dearest = dearest.max(cold.unwrap_or(0.0) as usize);
            dearest_session = dearest_session.max(session.unwrap_or(0.0) as usize);
            cells.push(match (cold, session, warm) {
                (Some(c), Some(s), Some(w)) => format!("{c} / {s} / {w}"),
                _ => "-".into(),
            });
        }
        table.row(cells);
    }
    table.note = format!(
        "counted at the emulator's /_emu/log; cold: empty localStorage; in a session: first open of the ticket \
         after others (reference lists and the agent's own Sell user cached for 30 min, this requester never \
         looked up); warm: re-opened at once (cache 5 min). Dearest: {dearest} cold, {dearest_session} in a \
         session; asserted budgets {} cold ({} in Sell users only: the agent's own Sell user first), {} in a \
         session, {} warm",
        budget::COLD_REQUESTS_BUDGET,
        budget::cold_requests_budget(true),
        budget::SESSION_REQUESTS_BUDGET,
        budget::WARM_REQUESTS_BUDGET,
    );
    (table, dearest)
}

pub fn paint(paint: &Json) -> Table {
    let mut table = Table::new(
        "Time to data in the iframe (local host, headless Chromium)",
        &["page", "median", "p10", "p90", "runs"],
    );
    for (key, title) in [
        ("app_cold", "app, cold cache"),
        ("app_warm", "app, warm cache"),
        ("plain", "plain JS page"),
    ] {
        let Some(stats) = paint.get(key) else {
            continue;
        };
        table.row(vec![
            title.into(),
            ms(field(stats, "median_ms")),
            ms(field(stats, "p10_ms")),
            ms(field(stats, "p90_ms")),
            field(stats, "runs").map_or("-".into(), |r| format!("{r:.0}")),
        ]);
    }
    let ratio = |key: &str| field(paint, key).map_or("-".into(), |r| format!("{r:.2}"));
    table.note = format!(
        "ratio of medians app/plain: cold {}, warm {}. {}",
        ratio("ratio_app_cold_to_plain"),
        ratio("ratio_app_warm_to_plain"),
        paint.get("measured").and_then(Json::as_str).unwrap_or("")
    );
    table
}

pub fn combobox(native: &Json, browser: Option<&Json>) -> Table {
    let mut table = Table::new(
        "Owner combobox, per keystroke",
        &["where", "owners", "median", "p10", "p90", "shown"],
    );
    let us = |key: &str| field(native, key).map_or("-".into(), |v| format!("{v:.1} µs"));
    table.row(vec![
        "native filter (release)".into(),
        field(native, "owners").map_or("-".into(), |n| format!("{n:.0}")),
        us("filter_us_median"),
        us("filter_us_p10"),
        us("filter_us_p90"),
        "-".into(),
    ]);
    for (key, title) in [
        ("seed_users", "browser, seed users"),
        ("generated_users", "browser, generated users"),
    ] {
        let Some(stats) = browser.and_then(|b| b.get(key)) else {
            continue;
        };
        let shown = field(stats, "options_shown_for_empty_query")
            .map_or("-".into(), |n| format!("{n:.0}"));
        let decimals = |key: &str| field(stats, key).map_or("-".into(), |v| format!("{v:.1} ms"));
        table.row(vec![
            title.into(),
            field(stats, "sell_users").map_or("-".into(), |n| format!("{n:.0}")),
            decimals("median_ms"),
            decimals("p10_ms"),
            decimals("p90_ms"),
            shown,
        ]);
    }
    table.note = format!(
        "native: FilterIndex::filter_into over 2,000 owners, one query per keystroke of \"zoe strasse 1\" \
         (index built once in {:.1} ms). Browser: {}; `shown` is the options rendered for an empty query \
         (the list is bounded); the users are Sell users incl. pools and inactive ones",
        field(native, "index_build_us").unwrap_or(f64::NAN) / 1000.0,
        browser
            .and_then(|b| b.get("measured"))
            .and_then(Json::as_str)
            .unwrap_or("not measured")
    );
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> serde_json::Result<Json> {
        serde_json::from_str(text)
    }

    #[test]
    fn request_cells_pair_cold_and_warm_per_agent_and_mode() {
        let rows = parse(
            r#"[{"agent":"ada@acme.test","mode":"all_agents","ticket":102,"cold":6,"session":4,"warm":0},
                {"agent":"nora@acme.test","mode":"sell_users_only","ticket":102,"cold":7,"session":5,"warm":1},
                {"agent":"ada@acme.test","mode":"all_agents","ticket":101,"cold":4,"session":2,"warm":0}]"#,
        )
        .unwrap();
        let (table, dearest) = requests(&rows);
        assert_eq!(dearest, 7);
        assert_eq!(table.rows[0], ["#101", "4 / 2 / 0", "-", "-"]);
        assert_eq!(table.rows[1], ["#102", "6 / 4 / 0", "-", "7 / 5 / 1"]);
        assert!(
            table.note.contains("Dearest: 7 cold, 5 in a session; asserted budgets 5 cold (6 in Sell users only"),
            "{}",
            table.note
        );
    }

    #[test]
    fn paint_rows_show_medians_and_the_ratio() {
        let figures = parse(
            r#"{"app_cold":{"median_ms":482.0,"p10_ms":400.3,"p90_ms":866.2,"runs":20},
                "plain":{"median_ms":316.6,"p10_ms":290.4,"p90_ms":550.6,"runs":20},
                "ratio_app_cold_to_plain":1.5224,"measured":"ms from navigation start"}"#,
        )
        .unwrap();
        let table = paint(&figures);
        assert_eq!(
            table.rows[0],
            ["app, cold cache", "482 ms", "400 ms", "866 ms", "20"]
        );
        assert_eq!(table.rows[1][0], "plain JS page");
        assert!(table
            .note
            .starts_with("ratio of medians app/plain: cold 1.52, warm -."));
    }
}
