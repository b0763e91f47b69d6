//! `serve --demo` gives a newcomer a living site: groups across regions and
//! time zones, past events with attendance, upcoming ones with a waiting
//! list, drafts; and every public page of it renders.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::TestApp;
use guildhall_storage::Backend;

on_both!(demo_data_is_a_living_site, |backend: Backend| async move {
    let Some(app) = TestApp::spawn(backend).await else { return };
    guildhall::demo::fill(&app.state).await.unwrap();
    let n = |sql: &'static str| {
        let db = app.db.clone();
        async move { sqlx::query_scalar::<_, i64>(sql).fetch_one(db.reader()).await.unwrap() }
    };
    assert_eq!(n("SELECT COUNT(*) FROM groups").await, 9);
    assert_eq!(n("SELECT COUNT(DISTINCT time_zone) FROM groups").await, 7);
    // The governance rules have something to show (UG-2, UG-4, UG-8, UG-10, UG-11, UG-13).
    assert_eq!(n("SELECT COUNT(*) FROM groups WHERE status = 'needs_support'").await, 1);
    assert_eq!(n("SELECT COUNT(*) FROM groups WHERE coleader_wanted = 1").await, 1);
    assert_eq!(
        n("SELECT COUNT(DISTINCT status) FROM leader_applications").await,
        5,
        "draft, submitted, proposed, scheduled, declined"
    );
    assert_eq!(n("SELECT COUNT(DISTINCT status) FROM conduct_reports").await, 3);
    assert_eq!(n("SELECT COUNT(DISTINCT status) FROM expense_claims").await, 3);
    assert_eq!(n("SELECT COUNT(*) FROM fee_schedules").await, 6);
    assert!(n("SELECT COUNT(*) FROM claim_receipts").await > 0);
    assert!(n("SELECT COUNT(*) FROM speakers WHERE status = 'approved'").await >= 3);
    assert!(n("SELECT COUNT(*) FROM speaker_invitations").await >= 2);
    assert_eq!(n("SELECT COUNT(DISTINCT status) FROM expert_requests").await, 2);
    // Programs (CH-1 … CH-9): members of every program, a listed directory, applications, a benefit pool.
    assert_eq!(n("SELECT COUNT(DISTINCT program) FROM memberships").await, 3);
    assert_eq!(n("SELECT COUNT(*) FROM directory_entries WHERE listed = 1").await, 5);
    assert!(n("SELECT COUNT(DISTINCT kind) FROM contributions").await >= 4);
    assert_eq!(
        n("SELECT COUNT(DISTINCT stage) FROM program_applications").await,
        3,
        "interview, not selected, submitted"
    );
    assert_eq!(n("SELECT COUNT(*) FROM benefit_codes").await, 25);
    let directory = reqwest::get(app.url("/champions")).await.unwrap().text().await.unwrap();
    assert!(directory.contains("Mentoring newcomers is the best part of my week."));
    assert!(n("SELECT COUNT(*) FROM events WHERE status = 'completed'").await >= 8);
    assert!(n("SELECT COUNT(*) FROM events WHERE status = 'published'").await >= 8);
    assert!(n("SELECT COUNT(*) FROM events WHERE status = 'draft'").await >= 8);
    assert!(n("SELECT COUNT(*) FROM registrations WHERE status = 'waitlisted'").await > 0);
    assert!(n("SELECT COUNT(*) FROM registrations WHERE checked_in_at IS NOT NULL").await > 0);
    assert!(n("SELECT COUNT(*) FROM talks").await > 0);
    // Running it again on a filled database adds nothing.
    guildhall::demo::fill(&app.state).await.unwrap();
    assert_eq!(n("SELECT COUNT(*) FROM groups").await, 9);
    // Every group page and public event page renders.
    let slugs: Vec<String> = sqlx::query_scalar("SELECT slug FROM groups").fetch_all(app.db.reader()).await.unwrap();
    for s in slugs {
        let res = reqwest::get(app.url(&format!("/groups/{s}"))).await.unwrap();
        assert_eq!(res.status(), 200, "/groups/{s}");
    }
    let ids: Vec<String> =
        sqlx::query_scalar("SELECT id FROM events WHERE status <> 'draft'").fetch_all(app.db.reader()).await.unwrap();
    for id in ids {
        assert_eq!(reqwest::get(app.url(&format!("/events/{id}"))).await.unwrap().status(), 200, "/events/{id}");
    }
    let home = reqwest::get(app.url("/")).await.unwrap().text().await.unwrap();
    assert!(home.contains("Lisboa .NET"), "upcoming events on the home page");
    app.stop().await;
});
