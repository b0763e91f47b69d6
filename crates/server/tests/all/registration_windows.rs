//! Issue 18: registration opens and closes at set times, when the
//! organisers say so, by the API and on the pages.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use chrono::{Duration, Utc};
use common::world::world;
use reqwest::Method;
use serde_json::json;

on_both!(ug14_registration_opens_and_closes_when_the_organisers_say, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let start = Utc::now() + Duration::days(10);
    let opens = Utc::now() + Duration::days(2);
    let body = json!({"title": "Launch night", "starts_at": start.to_rfc3339(), "ends_at": (start + Duration::hours(2)).to_rfc3339(),
        "capacity": 30, "online_link": "https://meet.example.org/launch", "registration_opens_at": opens.to_rfc3339()});
    let (s, ev) =
        w.app.api(Method::POST, &format!("/api/v1/groups/{}/events", w.slug), Some(&w.leader), Some(body)).await;
    assert_eq!(s, 201, "{ev}");
    let id = ev["id"].as_str().unwrap().to_owned();
    let opens_back: chrono::DateTime<Utc> = ev["registration_opens_at"].as_str().unwrap().parse().unwrap();
    assert_eq!(opens_back.timestamp(), opens.timestamp());
    assert!(ev["registration_closes_at"].is_null());
    assert_eq!(w.app.api(Method::POST, &format!("/api/v1/events/{id}/publish"), Some(&w.leader), None).await.0, 200);

    // Not yet: refused, and the page says when.
    let member = w.app.members_with_tokens("early", 1).await.remove(0);
    let (s, b) = w.register(&id, &member.2).await;
    assert_eq!(s, 409, "{b}");
    let page = w.app.client.get(w.app.url(&format!("/events/{id}"))).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Registration opens on"), "told when");
    assert!(!page.contains("Sign in to register"), "no button that cannot work");

    // Refusals name the field and change nothing.
    let path = format!("/api/v1/events/{id}");
    for (body, field, words) in [
        (
            json!({"registration_closes_at": (opens - Duration::hours(1)).to_rfc3339()}),
            "registration_closes_at",
            "close after it opens",
        ),
        (
            json!({"registration_closes_at": (start + Duration::days(1)).to_rfc3339()}),
            "registration_closes_at",
            "cannot close after the event ends",
        ),
        (json!({"registration_opens_at": "next week"}), "registration_opens_at", ""),
    ] {
        let (s, b) = w.app.api(Method::PATCH, &path, Some(&w.leader), Some(body)).await;
        assert_eq!(s, 422, "{b}");
        assert!(b.to_string().contains(field) && b.to_string().contains(words), "{b}");
    }
    let (_, now) = w.app.api(Method::GET, &path, None, None).await;
    assert_eq!(now["registration_opens_at"], ev["registration_opens_at"], "nothing changed");

    // Opened now: registering works, and the close is said ahead.
    let closes = Utc::now() + Duration::days(5);
    let body = json!({"registration_opens_at": "", "registration_closes_at": closes.to_rfc3339()});
    let (s, b) = w.app.api(Method::PATCH, &path, Some(&w.leader), Some(body)).await;
    assert_eq!(s, 200, "{b}");
    assert_eq!(w.register(&id, &member.2).await.0, 201);
    let page =
        w.app.client.get(w.app.url(&format!("/events/{id}?fresh=1"))).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Registration closes on"), "the close is said before it comes");

    // Closed early (for the catering): refused, and said.
    let body = json!({"registration_closes_at": (Utc::now() + Duration::seconds(1)).to_rfc3339()});
    assert_eq!(w.app.api(Method::PATCH, &path, Some(&w.leader), Some(body)).await.0, 200);
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let late = w.app.members_with_tokens("late", 1).await.remove(0);
    assert_eq!(w.register(&id, &late.2).await.0, 409);
    let page =
        w.app.client.get(w.app.url(&format!("/events/{id}?closed=1"))).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Registration closed on"));

    // The edit form shows the window as set, in the group's time zone.
    let leader = w.leader_browser("window-leader@example.org").await;
    let form = leader.get(w.app.url(&format!("/events/{id}/edit"))).send().await.unwrap().text().await.unwrap();
    assert!(form.contains("id=\"registration_closes_at\"") && form.contains("Registration opens and closes"));
    w.app.stop().await;
});
