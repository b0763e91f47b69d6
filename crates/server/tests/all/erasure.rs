//! PL-8 erasure on SQLite and PostgreSQL: a member deletes their account
//! and an admin erases another on request. Counts and waiting lists stay
//! as they were; the erased address and name are found in no page, no API
//! answer and no byte of the database (the SQLite file and its log, or
//! PostgreSQL's dump).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::world::world;
use guildhall_storage::Backend;
use reqwest::Method;
use serde_json::{json, Value};
use sqlx::Row;

const EMAIL: &str = "zelda.erasable@example.org";
const NAME: &str = "Zelda Unerasedname";

async fn count(app: &common::TestApp, sql: &str, bind: &str) -> i64 {
    sqlx::query(sql).bind(bind).fetch_one(app.db.reader()).await.unwrap().get::<i64, _>(0)
}

/// Every byte the database keeps, as text to search.
async fn database_bytes(app: &common::TestApp, backend: Backend) -> String {
    match backend {
        Backend::Sqlite => {
            let path = app.tdb.url.trim_start_matches("sqlite:").split('?').next().unwrap().to_owned();
            let mut all = std::fs::read(&path).unwrap();
            all.extend(std::fs::read(format!("{path}-wal")).unwrap_or_default());
            String::from_utf8_lossy(&all).into_owned()
        }
        Backend::Postgres => {
            let out = std::process::Command::new("pg_dump").args(["--data-only", &app.tdb.url]).output().unwrap();
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            String::from_utf8_lossy(&out.stdout).into_owned()
        }
    }
}

on_both!(pl8_erasure_keeps_counts_and_leaves_no_trace, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let zelda = common::signed_up(&w.app, EMAIL, NAME, "correct horse battery").await;
    let token = guildhall::services::tokens::token_for_email(&w.app.state.services, EMAIL, "laptop").await.unwrap();
    let (_, me) = w.app.api(Method::GET, "/api/v1/me", Some(&token), None).await;
    let id = me["id"].as_str().unwrap().to_owned();
    // A two-seat event: Zelda and one more confirmed, two waiting.
    let ev = w.published(2).await;
    let others = w.app.members_with_tokens("crowd", 3).await;
    assert_eq!(w.register(&ev, &token).await.1["status"], "confirmed");
    for (_, _, t) in &others {
        w.register(&ev, t).await;
    }
    // A contribution, and a report she filed while signed in.
    let c = json!({"kind": "content_piece", "format": "how_to", "title": "Erasure-proof how-to", "date": "2026-01-10", "link": "https://docs.example.org/how-to"});
    let (s, _) = w.app.api(Method::POST, &format!("/api/v1/members/{id}/contributions"), Some(&token), Some(c)).await;
    assert_eq!(s, 201);
    let report = json!({"group_slug": w.slug, "description": "Photos were taken without asking.", "email": EMAIL});
    let (s, r) = w.app.api(Method::POST, "/api/v1/reports", Some(&token), Some(report)).await;
    assert_eq!(s, 201, "{r}");
    let registrations = |ev: String| {
        let app = &w.app;
        let leader = w.leader.clone();
        async move {
            let (_, list) =
                app.api(Method::GET, &format!("/api/v1/events/{ev}/registrations"), Some(&leader), None).await;
            list
        }
    };
    let before = registrations(ev.clone()).await;
    let positions = |list: &Value| -> Vec<(String, String, Value)> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["member_id"].as_str().unwrap().to_owned(),
                    r["status"].as_str().unwrap().to_owned(),
                    r["waitlist_position"].clone(),
                )
            })
            .collect()
    };

    // A stray request deletes nothing; the confirmed one erases.
    let (s, _) =
        w.app.api(Method::DELETE, "/api/v1/me", Some(&token), Some(json!({"confirm_email": "someone@else.org"}))).await;
    assert_eq!(s, 422);
    let res =
        common::post_form(&zelda, &w.app, "/account", "/account/delete", &[("confirm_email", "wrong@example.org")])
            .await;
    assert_eq!(res.status(), 422);
    let res = common::post_form(&zelda, &w.app, "/account", "/account/delete", &[("confirm_email", EMAIL)]).await;
    assert_eq!(res.status(), 303);

    // Sessions and tokens ended; she cannot sign in.
    assert_eq!(zelda.get(w.app.url("/account")).send().await.unwrap().status(), 303);
    assert_eq!(w.app.api(Method::GET, "/api/v1/me", Some(&token), None).await.0, 401);
    // Counts, places and history stay true.
    let after = registrations(ev.clone()).await;
    assert_eq!(positions(&before), positions(&after), "same rows, statuses and waiting positions");
    assert_eq!(count(&w.app, "SELECT COUNT(*) FROM contributions WHERE member_id = $1", &id).await, 1);
    assert!(count(&w.app, "SELECT COUNT(*) FROM audit_log WHERE entity_id = $1 OR actor_id = $1", &id).await >= 3);
    let kept = count(&w.app, "SELECT COUNT(*) FROM conduct_reports WHERE description = $1 AND reporter_member_id IS NULL AND reporter_email IS NULL", "Photos were taken without asking.").await;
    assert_eq!(kept, 1, "the report keeps its words and loses its author");
    assert_eq!(
        count(&w.app, "SELECT COUNT(*) FROM outbox WHERE recipient_id = $1", &id).await,
        0,
        "her emails are gone"
    );

    // No page or API answer names her.
    let (_, audit) = w.app.api(Method::GET, &format!("/api/v1/audit?entity_id={id}"), Some(&w.admin), None).await;
    let (_, member) = w.app.api(Method::GET, &format!("/api/v1/members/{id}"), Some(&w.admin), None).await;
    let leader_page = w.leader_browser("door.leader@example.org").await;
    let mut seen = vec![audit.to_string(), member.to_string(), after.to_string()];
    for path in [
        format!("/events/{ev}"),
        format!("/groups/{}", w.slug),
        format!("/events/{ev}/attendees"),
        "/admin/audit".to_owned(),
    ] {
        seen.push(leader_page.get(w.app.url(&path)).send().await.unwrap().text().await.unwrap());
    }
    for text in &seen {
        assert!(!text.contains(EMAIL) && !text.contains(NAME), "found in an answer: {text}");
    }
    // Nor any byte of the database.
    let bytes = database_bytes(&w.app, backend).await;
    assert!(!bytes.contains(EMAIL), "the address is still stored");
    assert!(!bytes.contains(NAME), "the name is still stored");

    // An admin erases another member on request, with a reason.
    let other = others[2].0.to_string();
    let (s, _) = w
        .app
        .api(Method::POST, &format!("/api/v1/members/{other}/erase"), Some(&w.leader), Some(json!({"reason": "asked"})))
        .await;
    assert_eq!(s, 403);
    let (s, _) = w
        .app
        .api(Method::POST, &format!("/api/v1/members/{other}/erase"), Some(&w.admin), Some(json!({"reason": ""})))
        .await;
    assert_eq!(s, 422, "a reason is required");
    let (s, _) = w
        .app
        .api(
            Method::POST,
            &format!("/api/v1/members/{other}/erase"),
            Some(&w.admin),
            Some(json!({"reason": "Asked by email on 2026-11-20"})),
        )
        .await;
    assert_eq!(s, 204);
    let (s, _) = w
        .app
        .api(Method::POST, &format!("/api/v1/members/{other}/erase"), Some(&w.admin), Some(json!({"reason": "again"})))
        .await;
    assert_eq!(s, 404, "an erased member is gone");
    assert_eq!(positions(&registrations(ev.clone()).await), positions(&before), "the waiting list still has no gaps");
    let (_, audit) = w.app.api(Method::GET, &format!("/api/v1/audit?entity_id={other}"), Some(&w.admin), None).await;
    assert!(audit.to_string().contains("Asked by email on 2026-11-20"), "{audit}");
});
