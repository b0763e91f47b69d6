//! PL-3: importing accepted answers from a Discourse forum (a stand-in
//! serving recorded responses of the Solved plugin's real format), on
//! SQLite and PostgreSQL: counted by CH-4, idempotent, paged with its
//! progress readable, and every failure reported in words with nothing
//! half-imported.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Duration;

use common::forum::FakeForum;
use common::gov::{gov, Gov, Person};
use reqwest::Method;
use serde_json::{json, Value};

/// Starts an import and waits for it to end; returns the finished run.
async fn import(g: &Gov, caller: &Person, member: &Person, username: &str) -> Value {
    let url = format!("/api/v1/members/{}/imports/discourse", member.id);
    let (s, run) = g.call(Method::POST, &url, caller, Some(json!({"username": username}))).await;
    assert_eq!(s, 202, "{run}");
    let id = run["id"].as_str().unwrap().to_owned();
    for _ in 0..200 {
        let (s, run) = g.call(Method::GET, &format!("/api/v1/imports/{id}"), caller, None).await;
        assert_eq!(s, 200, "{run}");
        if run["status"] != "running" {
            return run;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the import did not end");
}

async fn contributions(g: &Gov, who: &Person) -> Vec<Value> {
    let (s, list) = g.call(Method::GET, &format!("/api/v1/members/{}/contributions", who.id), who, None).await;
    assert_eq!(s, 200);
    list.as_array().unwrap().iter().filter(|c| c["kind"] == "forum_solution").cloned().collect()
}

on_both!(pl3_discourse_answers_import_once_and_count_for_forums, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let forum = FakeForum::spawn().await;
    let url = format!("/api/v1/members/{}/imports/discourse", g.member.id);
    let (s, p) = g.call(Method::POST, &url, &g.member, Some(json!({"username": "ana_silva"}))).await;
    assert_eq!((s, p["errors"][0]["field"].as_str()), (422, Some("username")), "no forum set up yet: {p}");
    g.set_setting("imports.forum_url", &forum.base).await;
    let (s, _) = g.call(Method::POST, &url, &g.member, Some(json!({"username": "../admin"}))).await;
    assert_eq!(s, 422, "a user name is checked before any request");
    let (s, _) = g.call(Method::POST, &url, &g.leader, Some(json!({"username": "ana_silva"}))).await;
    assert_eq!(s, 403, "only the member or program staff import for a member");

    let run = import(&g, &g.member, &g.member, "ana_silva").await;
    assert_eq!(
        (run["status"].as_str(), run["fetched"].as_i64(), run["added"].as_i64()),
        (Some("done"), Some(7), Some(7))
    );
    let list = contributions(&g, &g.member).await;
    assert_eq!(list.len(), 7);
    let one = list.iter().find(|c| c["title"] == "Report times shift by one hour after DST").expect("titled by topic");
    assert_eq!(one["link"], format!("{}/t/report-times-shift-by-one-hour/18231/4", forum.base));
    assert_eq!((one["details"]["accepted"].as_bool(), one["source"].as_str()), (Some(true), Some("imported")), "{one}");
    // CH-4: six of the seven answers are this calendar year.
    let (_, e) = g
        .call(
            Method::GET,
            &format!("/api/v1/members/{}/eligibility?program=champions&focus_area=forums", g.member.id),
            &g.member,
            None,
        )
        .await;
    assert_eq!(e["eligible"], true);
    assert_eq!(e["criteria"][0]["found"], 6, "{e}");

    // The same answers again add nothing.
    let run = import(&g, &g.staff, &g.member, "@ana_silva").await;
    assert_eq!((run["added"].as_i64(), run["already_there"].as_i64()), (Some(0), Some(7)), "{run}");
    assert_eq!(contributions(&g, &g.member).await.len(), 7);
    let (_, audit) = g.call(Method::GET, "/api/v1/audit?action=import.discourse", &g.admin, None).await;
    assert!(audit.to_string().contains("ana_silva"), "each run is audited: {audit}");
});

on_both!(pl3_discourse_import_pages_through_and_shows_progress, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let forum = FakeForum::spawn().await;
    g.set_setting("imports.forum_url", &forum.base).await;
    let run = import(&g, &g.staff, &g.leader, "busy").await;
    assert_eq!(
        (run["status"].as_str(), run["fetched"].as_i64(), run["added"].as_i64()),
        (Some("done"), Some(120), Some(120))
    );
    assert_eq!(forum.requests(), 3, "50 + 50 + 20");
    assert_eq!(contributions(&g, &g.leader).await.len(), 120);
    // The member follows it on a page of its own, linked from their programs page.
    let page = common::gov::page_client(&g, Some(&g.leader)).await;
    let programs = page.get(g.app.url("/programs")).send().await.unwrap().text().await.unwrap();
    let id = run["id"].as_str().unwrap();
    assert!(programs.contains(&format!("/programs/imports/{id}")), "{programs}");
    let html = page.get(g.app.url(&format!("/programs/imports/{id}"))).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("<dd id=\"fetched\">120</dd>") && html.contains("Done."), "{html}");
    let (s, _) = g.call(Method::GET, &format!("/api/v1/imports/{id}"), &g.member, None).await;
    assert_eq!(s, 404, "another member does not see the run");
});

on_both!(pl3_discourse_failures_are_reported_and_import_nothing, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let forum = FakeForum::spawn().await;
    g.set_setting("imports.forum_url", &forum.base).await;
    let run = import(&g, &g.member, &g.member, "nobody_here").await;
    assert_eq!(run["status"], "failed");
    assert_eq!(run["problem"], "the forum has no user called nobody_here");
    let run = import(&g, &g.member, &g.member, "broken").await;
    assert_eq!(run["status"], "failed");
    assert!(
        run["problem"].as_str().unwrap().starts_with("the forum's answer was not the Solved plugin's format"),
        "{run}"
    );
    // A forum that is down.
    g.set_setting("imports.forum_url", "http://127.0.0.1:9").await;
    let run = import(&g, &g.member, &g.member, "ana_silva").await;
    assert!(run["problem"].as_str().unwrap().starts_with("the forum could not be reached"), "{run}");
    assert!(contributions(&g, &g.member).await.is_empty());
    // The page form shows a bad user name next to its field.
    g.set_setting("imports.forum_url", &forum.base).await;
    let page = common::gov::page_client(&g, Some(&g.member)).await;
    let res =
        common::post_form(&page, &g.app, "/programs", "/programs/imports/discourse", &[("username", "no spaces")])
            .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("Enter your forum user name"));
});
