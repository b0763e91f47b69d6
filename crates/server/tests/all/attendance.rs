//! Issue 18, attendance you can see: a member's own record, how many of
//! the registered came to each event, and the group's trend of registered
//! against checked in.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use chrono::{Duration, Utc};
use common::world::world;
use reqwest::Method;
use serde_json::json;

on_both!(ug14_a_member_sees_their_record_and_leaders_see_who_came, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let held = w.published_soon(10).await;
    let later = w.published(10).await;
    let people = w.app.members_with_tokens("record", 3).await;
    let (came, stayed_away, released) = (&people[0], &people[1], &people[2]);
    let mut ids = Vec::new();
    for p in &people {
        ids.push(w.register(&held, &p.2).await.1["id"].as_str().unwrap().to_owned());
    }
    w.register(&later, &came.2).await;
    let body = json!({"registration_id": ids[0]});
    assert_eq!(
        w.app.api(Method::POST, &format!("/api/v1/events/{held}/checkins"), Some(&w.leader), Some(body)).await.0,
        200
    );
    let path = format!("/api/v1/events/{held}/registrations/{}", ids[2]);
    assert_eq!(w.app.api(Method::DELETE, &path, Some(&released.2), None).await.0, 204);
    guildhall::services::events::complete_ended(&w.app.state.services, Utc::now() + Duration::days(2)).await.unwrap();

    // Each member's record, by the API.
    let record = |token: String| {
        let app = &w.app;
        async move { app.api(Method::GET, "/api/v1/me/attendance", Some(&token), None).await.1 }
    };
    let r = record(came.2.clone()).await;
    assert_eq!(
        (r["came"].as_u64(), r["did_not_come"].as_u64(), r["upcoming"].as_u64()),
        (Some(1), Some(0), Some(1)),
        "{r}"
    );
    let r = record(stayed_away.2.clone()).await;
    assert_eq!((r["came"].as_u64(), r["did_not_come"].as_u64()), (Some(0), Some(1)), "{r}");
    let r = record(released.2.clone()).await;
    assert_eq!((r["released_in_time"].as_u64(), r["did_not_come"].as_u64()), (Some(1), Some(0)), "{r}");

    // And on their events page, in words.
    let page = |member: guildhall_domain::ids::MemberId| {
        let app = &w.app;
        async move {
            let c = app.browser_for(member).await;
            c.get(app.url("/tickets")).send().await.unwrap().text().await.unwrap()
        }
    };
    let html = page(stayed_away.0).await;
    assert!(html.contains("You came to 0 of the 1 events where you kept your seat to the end"), "{html}");
    assert!(html.contains("kept a seat and did not come"));
    let html = page(released.0).await;
    assert!(html.contains("You let 1 place go before the start"), "{html}");

    // The leaders see how many of the registered came; the group page draws the trend.
    let leader = w.leader_browser("record-leader@example.org").await;
    let html = leader.get(w.app.url(&format!("/events/{held}"))).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("1 of the 2 registered came (50 %)"), "the one who released is not counted as registered");
    // Health counts events that took place: this one is moved back three days, as time would.
    sqlx::query("UPDATE events SET starts_at = starts_at - $1, ends_at = ends_at - $1 WHERE id = $2")
        .bind(Duration::days(3).num_microseconds().unwrap())
        .bind(&held)
        .execute(w.app.db.reader())
        .await
        .unwrap();
    let html = w.app.client.get(w.app.url(&format!("/groups/{}", w.slug))).send().await.unwrap().text().await.unwrap();
    assert!(
        html.contains("Came of those registered") && html.contains("1\u{a0}of\u{a0}2"),
        "the trend's numbers beside the chart"
    );
    assert!(html.contains("stroke-dasharray=\"5 4\""), "and the registered drawn against who came");
    w.app.stop().await;
});
