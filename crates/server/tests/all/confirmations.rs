//! PL-13: what cannot be undone asks first. Cancelling an event goes
//! through a page that says who will be emailed and asks for the reason,
//! which reaches every registered person's email (UG-14); the API takes
//! the same reason.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use reqwest::Method;
use serde_json::json;

use crate::common;
use common::world::world;
use common::{csrf, post_form, signed_up};

on_both!(pl13_cancelling_an_event_asks_who_is_told_and_why_and_the_reason_reaches_them, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let ev = w.published(5).await;
    let people = w.app.members_with_tokens("fan", 2).await;
    for p in &people {
        assert_eq!(w.register(&ev, &p.2).await.0, 201);
    }
    let leader = w.leader_browser("door@example.org").await;

    // The event page offers a way to the question, not a button that acts.
    let page = leader.get(w.app.url(&format!("/events/{ev}"))).send().await.unwrap().text().await.unwrap();
    assert!(page.contains(&format!("href=\"/events/{ev}/cancel\"")), "{page}");
    assert!(!page.contains(&format!("action=\"/events/{ev}/cancel\"")), "no one-click cancel on the event page");

    // The question says who will hear of it, and that it is final.
    let ask = leader.get(w.app.url(&format!("/events/{ev}/cancel"))).send().await.unwrap();
    assert_eq!(ask.status(), 200);
    let ask = ask.text().await.unwrap();
    assert!(ask.contains("2 people will be emailed: 2 with a seat and 0 on the waiting list."), "{ask}");
    assert!(ask.contains("This cannot be undone"), "{ask}");

    // No reason: asked again, with the words of the problem, and nothing changed.
    let queued = w.app.count("outbox").await;
    let res = post_form(
        &leader,
        &w.app,
        &format!("/events/{ev}/cancel"),
        &format!("/events/{ev}/cancel"),
        &[("reason", "  ")],
    )
    .await;
    assert_eq!(res.status(), 422);
    let again = res.text().await.unwrap();
    assert!(again.contains("This field is required."), "{again}");
    let (_, body) = w.app.api(Method::GET, &format!("/api/v1/events/{ev}"), None, None).await;
    assert_eq!(body["status"], "published");
    assert_eq!(w.app.count("outbox").await, queued, "no email went out");

    // With a reason: cancelled, and each person reads why.
    let res = post_form(
        &leader,
        &w.app,
        &format!("/events/{ev}/cancel"),
        &format!("/events/{ev}/cancel"),
        &[("reason", "The venue is flooded; we will announce a new date.")],
    )
    .await;
    let shown = common::follow(&leader, &w.app, res).await;
    assert!(shown.contains("Cancelled"), "{shown}");
    let (_, body) = w.app.api(Method::GET, &format!("/api/v1/events/{ev}"), None, None).await;
    assert_eq!(body["status"], "cancelled");
    for p in &people {
        let (subject, text) = w.app.last_email(&p.1).await;
        assert_eq!(subject, "Cancelled: Minimal APIs in depth");
        assert!(text.contains("They wrote: “The venue is flooded; we will announce a new date.”"), "{text}");
    }
    // A cancelled event is not asked about again: its page says its state.
    let res = leader.get(w.app.url(&format!("/events/{ev}/cancel"))).send().await.unwrap();
    let to = res.headers().get("location").and_then(|l| l.to_str().ok()).unwrap_or_default().to_string();
    assert_eq!((res.status().is_redirection(), to), (true, format!("/events/{ev}")));

    // Someone who does not run the group is not asked at all.
    let nosy = signed_up(&w.app, "nosy@example.org", "Nosy Parker", "correct horse battery").await;
    let other = w.published(5).await;
    assert_eq!(nosy.get(w.app.url(&format!("/events/{other}/cancel"))).send().await.unwrap().status(), 403);
    let token = csrf(&nosy, &w.app.url(&format!("/events/{other}"))).await;
    let res = nosy
        .post(w.app.url(&format!("/events/{other}/cancel")))
        .form(&[("csrf", token.as_str()), ("reason", "mine")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);

    // The API takes the same reason; a blank one is refused in words.
    let fan = w.app.members_with_tokens("api-fan", 1).await.remove(0);
    assert_eq!(w.register(&other, &fan.2).await.0, 201);
    let path = format!("/api/v1/events/{other}/cancel");
    let (s, problem) = w.app.api(Method::POST, &path, Some(&w.leader), Some(json!({"reason": " "}))).await;
    assert_eq!((s, problem["errors"][0]["field"].as_str()), (422, Some("reason")), "{problem}");
    let (_, body) = w.app.api(Method::GET, &format!("/api/v1/events/{other}"), None, None).await;
    assert_eq!(body["status"], "published", "a refused cancel changes nothing");
    let (s, body) =
        w.app.api(Method::POST, &path, Some(&w.leader), Some(json!({"reason": "Our speaker is ill."}))).await;
    assert_eq!((s, body["status"].as_str()), (200, Some("cancelled")));
    let (_, text) = w.app.last_email(&fan.1).await;
    assert!(text.contains("They wrote: “Our speaker is ill.”"), "{text}");
    w.app.stop().await;
});
