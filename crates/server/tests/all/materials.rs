//! UG-14: after the event, everyone who came gets the talks' slides and
//! recordings, by themselves at completion or sent by a leader later.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use chrono::{Duration, Utc};
use common::world::world;
use reqwest::Method;
use serde_json::json;

async fn materials_to(app: &common::TestApp, to: &str) -> Vec<String> {
    sqlx::query_scalar("SELECT body_text FROM outbox WHERE kind = 'event-materials' AND to_address = $1 ORDER BY id")
        .bind(to)
        .fetch_all(app.db.reader())
        .await
        .unwrap()
}

on_both!(ug14_those_who_came_get_the_slides_and_recordings, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let ev = w.published_soon(5).await;
    let people = w.app.members_with_tokens("came", 3).await;
    let mut registrations = Vec::new();
    for p in &people {
        registrations.push(w.register(&ev, &p.2).await.1["id"].as_str().unwrap().to_owned());
    }
    // The first and the third came; the third turned organisers' messages off.
    for r in [&registrations[0], &registrations[2]] {
        let body = json!({"registration_id": r});
        let (s, b) =
            w.app.api(Method::POST, &format!("/api/v1/events/{ev}/checkins"), Some(&w.leader), Some(body)).await;
        assert_eq!(s, 200, "{b}");
    }
    let prefs = json!({"reminders": true, "announcements": false});
    assert_eq!(w.app.api(Method::PUT, "/api/v1/me/email-preferences", Some(&people[2].2), Some(prefs)).await.0, 200);
    let talk = json!({"title": "Minimal APIs", "abstract": "A tour.", "speakers": ["Ana Guest"]});
    let (s, t) =
        w.app.api(Method::POST, &format!("/api/v1/events/{ev}/talks"), Some(&w.leader), Some(talk.clone())).await;
    assert_eq!(s, 201, "{t}");
    let materials = format!("/api/v1/events/{ev}/talks/{}/materials", t["id"].as_str().unwrap());

    // A link that is not a web address is refused by name; nothing is stored.
    let (s, b) = w.app.api(Method::PUT, &materials, Some(&w.leader), Some(json!({"slides_url": "slides.pdf"}))).await;
    assert_eq!(s, 422, "{b}");
    assert!(b.to_string().contains("slides_url"), "{b}");
    // A member who does not run the group may not add any.
    let (s, _) = w
        .app
        .api(Method::PUT, &materials, Some(&people[0].2), Some(json!({"slides_url": "https://evil.example.org/x"})))
        .await;
    assert_eq!(s, 403);
    let slides = "https://slides.example.org/minimal-apis";
    let (s, b) = w.app.api(Method::PUT, &materials, Some(&w.leader), Some(json!({"slides_url": slides}))).await;
    assert_eq!((s, b["slides_url"].as_str(), b["recording_url"].as_str()), (200, Some(slides), None), "{b}");
    let (_, e) = w.app.api(Method::GET, &format!("/api/v1/events/{ev}"), None, None).await;
    assert_eq!(e["talks"][0]["slides_url"], slides, "shown to everyone");
    let page = w.app.client.get(w.app.url(&format!("/events/{ev}"))).send().await.unwrap().text().await.unwrap();
    assert!(page.contains(&format!("href=\"{slides}\"")), "on the public page");

    // Not before the event took place.
    let send = format!("/api/v1/events/{ev}/materials-email");
    let (s, b) = w.app.api(Method::POST, &send, Some(&w.leader), None).await;
    assert_eq!(s, 409, "{b}");
    assert!(b.to_string().contains("once the event is marked completed"), "{b}");

    // Completed by itself: the links already there go to who came, once.
    let done = guildhall::services::events::complete_ended(&w.app.state.services, Utc::now() + Duration::days(2))
        .await
        .unwrap();
    assert_eq!(done, 1);
    let first = materials_to(&w.app, &people[0].1).await;
    assert_eq!(first.len(), 1);
    assert!(first[0].contains("Minimal APIs") && first[0].contains(slides), "{}", first[0]);
    assert!(materials_to(&w.app, &people[1].1).await.is_empty(), "did not come");
    assert!(materials_to(&w.app, &people[2].1).await.is_empty(), "turned them off");

    // The recording, added days later, is sent by a leader from the page.
    let recording = "https://video.example.org/minimal-apis";
    let body = json!({"slides_url": slides, "recording_url": recording});
    assert_eq!(w.app.api(Method::PUT, &materials, Some(&w.leader), Some(body)).await.0, 200);
    let leader = w.leader_browser("leader@example.org").await;
    let page = leader.get(w.app.url(&format!("/events/{ev}"))).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Emailed on") && common::asks_first(&page, "Send them again"), "says when, asks first");
    assert!(page.contains("The 2 people checked in with an account"), "says who");
    let res =
        common::post_form(&leader, &w.app, &format!("/events/{ev}"), &format!("/events/{ev}/materials/send"), &[])
            .await;
    let told = common::follow(&leader, &w.app, res).await;
    assert!(told.contains("on their way to everyone who came"), "told what happened");
    let again = materials_to(&w.app, &people[0].1).await;
    assert_eq!(again.len(), 2);
    assert!(again[1].contains(recording));
    // By the API, too.
    let (s, b) = w.app.api(Method::POST, &send, Some(&w.leader), None).await;
    assert_eq!((s, b["recipients"].as_u64()), (202, Some(1)), "{b}");

    // A draft takes none; a completed event without links has none to send.
    let draft = w.draft(5, 4).await;
    let (_, t) = w.app.api(Method::POST, &format!("/api/v1/events/{draft}/talks"), Some(&w.leader), Some(talk)).await;
    let path = format!("/api/v1/events/{draft}/talks/{}/materials", t["id"].as_str().unwrap());
    let (s, b) = w.app.api(Method::PUT, &path, Some(&w.leader), Some(json!({"slides_url": slides}))).await;
    assert_eq!(s, 409, "{b}");
    assert!(b.to_string().contains("once the event is published"), "{b}");
    w.app.stop().await;
});

on_both!(ug14_a_completed_event_without_links_has_nothing_to_send, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let ev = w.published_soon(5).await;
    guildhall::services::events::complete_ended(&w.app.state.services, Utc::now() + Duration::days(2)).await.unwrap();
    let (s, b) = w.app.api(Method::POST, &format!("/api/v1/events/{ev}/materials-email"), Some(&w.leader), None).await;
    assert_eq!(s, 422, "{b}");
    assert!(b.to_string().contains("No talk has slides"), "{b}");
    assert_eq!(w.app.count("outbox WHERE kind = 'event-materials'").await, 0);
    w.app.stop().await;
});
