//! PL-8 on SQLite and PostgreSQL: a member's export holds every kind of
//! record kept about them, and nobody else's.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use chrono::{Duration, Utc};
use common::gov::gov;
use reqwest::Method;
use serde_json::{json, Value};

on_both!(pl8_export_holds_one_of_each_record_and_nobody_elses, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let who = &g.leader;
    // A registration with its check-in, at a held event of their group.
    let ev = g.held_event(g.group, Utc::now() - Duration::days(3), 2).await;
    let mut tx = g.app.db.begin().await.unwrap();
    sqlx::query(
        "INSERT INTO registrations (id, event_id, member_id, status, queue_seq, ticket_code, created_at, updated_at, checked_in_at)
         VALUES ($1, $2, $3, 'confirmed', 99, 'TLEADER1', 1, 1, 2)",
    )
    .bind(uuid::Uuid::now_v7().to_string())
    .bind(&ev)
    .bind(who.id.to_string())
    .execute(&mut *tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();
    // A contribution, an application screened, a membership, a benefit code.
    let c = json!({"kind": "content_piece", "format": "blog_post", "title": "Exported post", "date": Utc::now().date_naive().to_string(), "link": "https://blog.example.org/exported"});
    let (s, b) = g.call(Method::POST, &format!("/api/v1/members/{}/contributions", who.id), who, Some(c)).await;
    assert_eq!(s, 201, "{b}");
    let (s, a) = g
        .call(
            Method::POST,
            "/api/v1/programs/champions/applications",
            who,
            Some(json!({"focus_area": "technical_content"})),
        )
        .await;
    assert_eq!(s, 201, "{a}");
    let app_id = a["id"].as_str().unwrap().to_owned();
    g.call(Method::POST, &format!("/api/v1/applications/{app_id}/submit"), who, None).await;
    let (s, _) = g
        .call(
            Method::POST,
            &format!("/api/v1/applications/{app_id}/screen"),
            &g.staff,
            Some(json!({"quality_accepted": true})),
        )
        .await;
    assert_eq!(s, 200);
    let (s, _) = g
        .call(
            Method::POST,
            "/api/v1/programs/ambassadors/memberships",
            &g.staff,
            Some(json!({"member_id": who.id.to_string()})),
        )
        .await;
    assert_eq!(s, 201);
    let (_, b) = g
        .call(Method::POST, "/api/v1/benefits", &g.staff, Some(json!({"name": "Voucher", "codes": ["EXPORT-CODE-1"]})))
        .await;
    let (s, code) =
        g.call(Method::POST, &format!("/api/v1/benefits/{}/claims", b["id"].as_str().unwrap()), who, None).await;
    assert_eq!(s, 201, "{code}");
    // An expense claim for the held event.
    let caps = json!({"venue": "300", "catering": "200", "other": "50"});
    let (s, _) = g.call(Method::PUT, &format!("/api/v1/regions/{}/fee-schedule", g.region), &g.admin, Some(caps)).await;
    assert_eq!(s, 200);
    let (s, c) = g
        .call(
            Method::POST,
            &format!("/api/v1/events/{ev}/claims"),
            who,
            Some(json!({"venue": "80", "note": "Room hire"})),
        )
        .await;
    assert_eq!(s, 201, "{c}");
    // Another member's things, which must not appear.
    let other = json!({"kind": "content_piece", "format": "video", "title": "Not the leader's", "date": Utc::now().date_naive().to_string(), "link": "https://video.example.org/other"});
    g.call(Method::POST, &format!("/api/v1/members/{}/contributions", g.member.id), &g.member, Some(other)).await;

    let res = g.app.client.get(g.app.url("/api/v1/me/export")).bearer_auth(&who.token).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment; filename=\"guildhall-export-"));
    let doc: Value = res.json().await.unwrap();
    let s = &doc["sections"];
    let first = |name: &str| s[name][0].clone();
    assert_eq!(first("profile")["email"], who.email.as_str());
    assert!(s["roles"].as_array().unwrap().iter().any(|r| r["role"] == "group_leader"), "{}", s["roles"]);
    let reg = s["registrations"].as_array().unwrap().iter().find(|r| r["ticket_code"] == "TLEADER1").cloned().unwrap();
    assert!(reg["checked_in_at"].is_string(), "the check-in is there: {reg}");
    assert_eq!(first("contributions")["title"], "Exported post");
    let app = first("program_applications");
    assert_eq!(app["stage"], "not_selected");
    // The post the member reported themselves waits for verification (CH-4): 0 counted.
    assert!(app["screening"].as_str().unwrap().contains("Technical content: 0 of 2"), "the screening: {app}");
    assert_eq!(first("memberships")["program"], "ambassadors");
    assert_eq!(first("benefit_codes")["code"], "EXPORT-CODE-1");
    assert!(s["messages"].as_array().unwrap().iter().any(|m| m["subject"].as_str().unwrap().contains("Champions")));
    assert_eq!(first("expense_claims")["note"], "Room hire");
    assert!(s["audit"].as_array().unwrap().len() >= 5, "{}", s["audit"]);
    let text = doc.to_string();
    assert!(!text.contains(g.member.email.as_str()) && !text.contains("Not the leader's"), "nobody else's data");
    assert!(!text.contains(&who.token) && !text.contains("token_hash") && !text.contains("password_hash"), "no secret");
    // Only the member, or an admin on request (audited).
    let (s, _) = g.call(Method::GET, &format!("/api/v1/members/{}/export", who.id), &g.member, None).await;
    assert_eq!(s, 403);
    let (s, _) = g.call(Method::GET, &format!("/api/v1/members/{}/export", who.id), &g.staff, None).await;
    assert_eq!(s, 403, "program staff are not admins");
    let res = g
        .app
        .client
        .get(g.app.url(&format!("/api/v1/members/{}/export", who.id)))
        .bearer_auth(&g.admin.token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let (_, audit) = g.call(Method::GET, &format!("/api/v1/audit?entity_id={}", who.id), &g.admin, None).await;
    assert!(audit.to_string().contains("\"by_admin\":true"), "{audit}");
    // The page: a download from the account page.
    let page = common::gov::page_client(&g, Some(who)).await;
    let account = page.get(g.app.url("/account")).send().await.unwrap().text().await.unwrap();
    assert!(account.contains("/account/export.json"));
    let res = page.get(g.app.url("/account/export.json")).send().await.unwrap();
    assert_eq!(res.headers()["content-type"], "application/json");
    let doc: Value = res.json().await.unwrap();
    assert_eq!(doc["member_id"], who.id.to_string());
});
