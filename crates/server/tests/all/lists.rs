//! Lists that grow (issue 16.7), on SQLite and PostgreSQL: the public
//! directory filtered by focus area and country, and the audit log, read a
//! page at a time by the cursor of the `Link: rel="next"` header (API) or
//! the "Next page" link (pages), each row exactly once, in order.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::gov::{gov, Gov};
use reqwest::Method;
use serde_json::{json, Value};

/// Reads every page of `first` (an API path), following `Link: rel="next"`;
/// the rows of each page, in order.
async fn all_pages(g: &Gov, first: &str, token: Option<&str>) -> Vec<Vec<Value>> {
    let mut pages = Vec::new();
    let mut next = Some(g.app.url(first));
    while let Some(url) = next.take() {
        let mut req = g.app.client.get(&url);
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        let res = req.send().await.unwrap();
        assert_eq!(res.status(), 200, "{url}");
        next = res.headers().get("link").map(|l| {
            let l = l.to_str().unwrap();
            assert!(l.ends_with("; rel=\"next\""), "{l}");
            g.app.url(l.trim_start_matches('<').split('>').next().unwrap())
        });
        pages.push(res.json::<Vec<Value>>().await.unwrap());
        assert!(pages.len() < 50, "the pages end");
    }
    pages
}

on_both!(lists_the_directory_pages_by_cursor_and_filters_by_area_and_country, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    // Seven listed Champions: five in Portugal, two in Spain; areas alternate.
    for i in 0..7 {
        let (id, _, token) = g.app.member_with_role(&format!("champ{i}"), None).await;
        let area = if i % 2 == 0 { "forums" } else { "forge" };
        let body = json!({"member_id": id.to_string(), "focus_area": area});
        let (s, b) = g.call(Method::POST, "/api/v1/programs/champions/memberships", &g.staff, Some(body)).await;
        assert_eq!(s, 201, "{b}");
        let country = if i < 5 { "pt" } else { "ES" };
        let (s, _) = g
            .app
            .api(Method::PUT, "/api/v1/me/directory", Some(&token), Some(json!({"listed": true, "country": country})))
            .await;
        assert_eq!(s, 204);
    }
    let (_, whole) = g.app.api(Method::GET, "/api/v1/directory", None, None).await;
    let names = |rows: &[Value]| rows.iter().map(|r| r["name"].as_str().unwrap().to_owned()).collect::<Vec<_>>();
    let everyone = names(whole.as_array().unwrap());
    assert_eq!(everyone.len(), 7);

    let pages = all_pages(&g, "/api/v1/directory?limit=2", None).await;
    assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), [2, 2, 2, 1]);
    assert_eq!(names(&pages.concat()), everyone, "every member once, in the same order");

    let pt = all_pages(&g, "/api/v1/directory?limit=2&country=PT", None).await.concat();
    assert_eq!(pt.len(), 5);
    assert!(pt.iter().all(|r| r["country"] == "PT"), "{pt:?}");
    let forge_es = all_pages(&g, "/api/v1/directory?focus_area=forge&country=es", None).await.concat();
    assert_eq!(forge_es.len(), 1, "{forge_es:?}");
    assert_eq!((forge_es[0]["focus_area"].as_str(), forge_es[0]["country"].as_str()), (Some("forge"), Some("ES")));

    let (s, p) = g.app.api(Method::GET, "/api/v1/directory?cursor=forged", None, None).await;
    assert_eq!((s, p["errors"][0]["field"].as_str()), (422, Some("cursor")), "{p}");
    let (s, p) = g.app.api(Method::GET, "/api/v1/directory?focus_area=knitting", None, None).await;
    assert_eq!(s, 422, "{p}");

    // The page: the same filter by form, the countries offered from who is listed.
    let html = g.app.client.get(g.app.url("/champions?country=ES")).send().await.unwrap().text().await.unwrap();
    assert!(
        html.contains("<option value=\"ES\" selected>Spain</option>")
            && html.contains("<option value=\"PT\">Portugal</option>"),
        "{html}"
    );
    let shown = everyone.iter().filter(|n| html.contains(&format!("<h2>{n}</h2>"))).count();
    assert_eq!(shown, 2, "only the two in Spain");
    assert!(html.contains("Show everyone") && !html.contains("rel=\"next\""));
    assert!(!html.contains("class=\"pager\""), "one page: no empty pager");
    let html =
        g.app.client.get(g.app.url("/champions?focus_area=mentoring")).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("Nobody listed matches this choice."), "{html}");
});

on_both!(lists_the_audit_log_pages_by_cursor_without_repeating_an_entry, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    for i in 0..5 {
        let body = json!({"name": format!("Region {i}"), "currency": "EUR"});
        let (s, b) = g.call(Method::POST, "/api/v1/regions", &g.admin, Some(body)).await;
        assert_eq!(s, 201, "{b}");
    }
    let (_, first) = g.call(Method::GET, "/api/v1/audit", &g.admin, None).await;
    let total = first.as_array().unwrap().len();
    assert!(total > 6, "the world's setup and the five changes are audited: {total}");
    let pages = all_pages(&g, "/api/v1/audit?limit=3", Some(&g.admin.token)).await;
    let ids: Vec<String> = pages.concat().iter().map(|e| e["id"].as_str().unwrap().to_owned()).collect();
    assert_eq!(ids.len(), total);
    assert!(ids.windows(2).all(|w| w[0] > w[1]), "newest first, none twice: {ids:?}");
    assert!(pages[..pages.len() - 1].iter().all(|p| p.len() == 3));

    let settings = all_pages(&g, "/api/v1/audit?action=region.created&limit=2", Some(&g.admin.token)).await.concat();
    assert_eq!(settings.len(), 7, "the world's two regions and five more: {settings:?}");
    // The page follows the same cursor, and keeps the filter on it.
    let page = common::gov::page_client(&g, Some(&g.admin)).await;
    let html =
        page.get(g.app.url("/admin/audit?action=region.created&limit=2")).send().await.unwrap().text().await.unwrap();
    let href = html.split("rel=\"next\"").next().unwrap().rsplit("href=\"").next().unwrap().split('"').next().unwrap();
    let href = href.replace("&#38;", "&").replace("&amp;", "&");
    assert!(href.contains("action=region.created") && href.contains("cursor="), "{href}");
    let html = page.get(g.app.url(&href)).send().await.unwrap().text().await.unwrap();
    assert_eq!(html.matches("<code>region.created</code>").count(), 2, "the second page: {html}");
    assert!(
        html.contains("<a href=\"/admin/audit?action=region.created&#38;limit=2\">First page</a>"),
        "back to the first page, filter kept: {html}"
    );
});

on_both!(lists_reports_page_by_cursor_for_each_circle_and_by_state, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    g.set_setting("conduct.reports_per_network_per_hour", "100").await;
    g.set_setting("conduct.reports_per_group_per_hour", "100").await;
    for i in 0..5 {
        let body = json!({"group_slug": g.slug, "description": format!("Report number {i} about the meetup"),
            "concerns_leader": i == 2});
        let (s, r) = g.app.api(Method::POST, "/api/v1/reports", None, Some(body)).await;
        assert_eq!(s, 201, "{r}");
    }
    // UG-8: the leader does not see the report about a leader; the manager sees all.
    for (who, sizes) in [(&g.leader, vec![3, 1]), (&g.manager, vec![3, 2])] {
        let pages = all_pages(&g, "/api/v1/reports?limit=3", Some(&who.token)).await;
        assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), sizes, "{}", who.email);
        let rows = pages.concat();
        let mut ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
        ids.dedup();
        assert_eq!(ids.len(), rows.len(), "none twice");
    }
    let open = all_pages(&g, "/api/v1/reports?state=open&limit=2", Some(&g.manager.token)).await.concat();
    assert_eq!(open.len(), 5);
    let closed = all_pages(&g, "/api/v1/reports?state=closed", Some(&g.manager.token)).await.concat();
    assert!(closed.is_empty());
    let (s, p) = g.call(Method::GET, "/api/v1/reports?state=maybe", &g.manager, None).await;
    assert_eq!((s, p["errors"][0]["field"].as_str()), (422, Some("state")), "{p}");
    let page = common::gov::page_client(&g, Some(&g.manager)).await;
    let html = page.get(g.app.url("/reports?state=closed")).send().await.unwrap().text().await.unwrap();
    assert!(
        html.contains("No reports for you to handle.") && html.contains("aria-current=\"page\">Closed reports"),
        "{html}"
    );
});

on_both!(lists_the_speaker_pool_pages_by_cursor_within_its_filters, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    for i in 0..5 {
        let (id, _, token) = g.app.member_with_role(&format!("speaker{i}"), None).await;
        let topics = if i % 2 == 0 { "rust, databases" } else { "design" };
        let body = json!({"region_id": g.region.to_string(), "bio": "Talks a lot.", "topics": topics});
        let (s, b) = g.app.api(Method::POST, "/api/v1/speakers", Some(&token), Some(body)).await;
        assert_eq!(s, 204, "{b}");
        let (s, b) = g
            .call(Method::POST, &format!("/api/v1/speakers/{id}/decision"), &g.manager, Some(json!({"approve": true})))
            .await;
        assert!(s == 200 || s == 204, "{s} {b}");
    }
    let pages = all_pages(&g, "/api/v1/speakers?limit=2", Some(&g.leader.token)).await;
    assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), [2, 2, 1]);
    let names: Vec<String> = pages.concat().iter().map(|s| s["name"].as_str().unwrap().to_owned()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(names.len(), sorted.len(), "none twice: {names:?}");
    let rust = all_pages(&g, "/api/v1/speakers?topic=rust&limit=2", Some(&g.leader.token)).await.concat();
    assert_eq!(rust.len(), 3, "{rust:?}");
    let page = common::gov::page_client(&g, Some(&g.leader)).await;
    let html = page.get(g.app.url("/speakers?topic=design")).send().await.unwrap().text().await.unwrap();
    assert!(!html.contains("rel=\"next\""), "two speakers fit one page");
});

on_both!(lists_the_pipeline_pages_by_cursor_by_program_and_stage, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    for i in 0..5 {
        let (_, _, token) = g.app.member_with_role(&format!("applicant{i}"), None).await;
        let (s, a) = g
            .app
            .api(
                Method::POST,
                "/api/v1/programs/champions/applications",
                Some(&token),
                Some(json!({"focus_area": "forums"})),
            )
            .await;
        assert_eq!(s, 201, "{a}");
        if i < 4 {
            let submit = format!("/api/v1/applications/{}/submit", a["id"].as_str().unwrap());
            let (s, _) = g.app.api(Method::POST, &submit, Some(&token), None).await;
            assert_eq!(s, 200);
        }
    }
    let pages = all_pages(&g, "/api/v1/programs/champions/applications?limit=2", Some(&g.staff.token)).await;
    assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), [2, 2, 1]);
    let ids: Vec<String> = pages.concat().iter().map(|a| a["id"].as_str().unwrap().to_owned()).collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 5, "none twice");
    let submitted =
        all_pages(&g, "/api/v1/programs/champions/applications?stage=submitted&limit=3", Some(&g.staff.token)).await;
    assert_eq!(submitted.concat().len(), 4);
    assert!(submitted.concat().iter().all(|a| a["stage"] == "submitted"));
    let (s, _) = g.call(Method::GET, "/api/v1/programs/champions/applications", &g.member, None).await;
    assert_eq!(s, 403, "staff only");
    let (s, p) = g.call(Method::GET, "/api/v1/programs/champions/applications?stage=maybe", &g.staff, None).await;
    assert_eq!((s, p["errors"][0]["field"].as_str()), (422, Some("stage")), "{p}");
    let (_, mvp) = g.call(Method::GET, "/api/v1/programs/mvp/applications", &g.staff, None).await;
    assert_eq!(mvp, json!([]));

    let page = common::gov::page_client(&g, Some(&g.staff)).await;
    let html = page.get(g.app.url("/programs/pipeline?stage=draft")).send().await.unwrap().text().await.unwrap();
    assert_eq!(html.matches("href=\"/programs/applications/").count(), 1, "the one draft");
    assert!(html.contains("<option value=\"draft\" selected>"), "the choice stays selected");
    let html = page.get(g.app.url("/programs/pipeline?program=mvp")).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("No applications match this choice."), "{html}");
});
