//! PL-13: what cannot be undone asks first. Cancelling an event goes
//! through a page that says who will be emailed and asks for the reason,
//! which reaches every registered person's email (UG-14); the API takes
//! the same reason. Giving up a place asks first too, and a ticket says
//! what is true now: given up, or the event cancelled (no "see you there").

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

on_both!(pl13_giving_up_a_place_asks_first_and_the_ticket_says_what_is_true, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let ev = w.published(5).await;
    let fan = signed_up(&w.app, "fan@example.org", "Faithful Fan", "correct horse battery").await;
    let page = format!("/events/{ev}");
    let res = post_form(&fan, &w.app, &page, &format!("/events/{ev}/register"), &[]).await;
    let ticket = res.headers()["location"].to_str().unwrap().to_owned();
    let html = fan.get(w.app.url(&ticket)).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("See you there!") && html.contains("<svg"), "{html}");
    assert!(common::asks_first(&html, "Yes, give up this place"), "{html}");
    assert!(html.contains("Your seat goes to the first person on the waiting list"), "{html}");

    // Given up: the browser lands on the ticket, which says so and how to come back.
    let res = post_form(&fan, &w.app, &ticket, &format!("{ticket}/cancel"), &[]).await;
    assert_eq!(res.headers()["location"].to_str().unwrap(), ticket);
    let html = common::follow(&fan, &w.app, res).await;
    assert!(html.contains("You gave up this place. You can register again"), "{html}");
    assert!(!html.contains("See you there") && !html.contains("<svg"), "{html}");
    assert!(!html.contains("give up this place"), "nothing left to give up");

    // The group cancels another event: the ticket stops promising a seat.
    let other = w.published(5).await;
    let res = post_form(&fan, &w.app, &format!("/events/{other}"), &format!("/events/{other}/register"), &[]).await;
    let ticket = res.headers()["location"].to_str().unwrap().to_owned();
    let (s, _) = w.app.api(Method::POST, &format!("/api/v1/events/{other}/cancel"), Some(&w.leader), None).await;
    assert_eq!(s, 200);
    let html = fan.get(w.app.url(&ticket)).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("The group cancelled this event."), "{html}");
    assert!(!html.contains("See you there") && !html.contains("<svg") && !html.contains("give up"), "{html}");
    let list = fan.get(w.app.url("/tickets")).send().await.unwrap().text().await.unwrap();
    assert!(list.contains("badge warn\">Cancelled"), "{list}");

    // The API says the same, for a holder with a token.
    let api_fan = w.app.members_with_tokens("api-holder", 1).await.remove(0);
    let third = w.published(5).await;
    let (_, reg) = w.register(&third, &api_fan.2).await;
    let one = format!("/api/v1/tickets/{}", reg["id"].as_str().unwrap());
    let (_, t) = w.app.api(Method::GET, &one, Some(&api_fan.2), None).await;
    assert_eq!(t["state"], "expected", "{t}");
    w.app.api(Method::POST, &format!("/api/v1/events/{third}/cancel"), Some(&w.leader), None).await;
    let (_, t) = w.app.api(Method::GET, &one, Some(&api_fan.2), None).await;
    assert_eq!((t["state"].as_str(), t["can_cancel"].as_bool()), (Some("event_cancelled"), Some(false)), "{t}");
    w.app.stop().await;
});

on_both!(pl13_a_cancelled_event_says_why_and_the_question_counts_only_whom_it_emails, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let ev = w.published_soon(5).await;
    let fan = w.app.members_with_tokens("fan", 1).await.remove(0);
    assert_eq!(w.register(&ev, &fan.2).await.0, 201);
    let path = format!("/api/v1/events/{ev}/walk-ins");
    let (s, _) = w.app.api(Method::POST, &path, Some(&w.leader), Some(json!({"name": "Zé Porta"}))).await;
    assert_eq!(s, 201);
    let leader = w.leader_browser("door@example.org").await;
    let ask = leader.get(w.app.url(&format!("/events/{ev}/cancel"))).send().await.unwrap().text().await.unwrap();
    assert!(ask.contains("One person will be emailed: 1 with a seat, 0 on the waiting list."), "{ask}");
    assert!(ask.contains("One person let in at the door without registering is not emailed."), "{ask}");

    let why = "The speaker is ill; we will announce a new date.";
    let res = post_form(
        &leader,
        &w.app,
        &format!("/events/{ev}/cancel"),
        &format!("/events/{ev}/cancel"),
        &[("reason", why)],
    )
    .await;
    assert_eq!(res.status(), 303);
    // Anyone opening the event later reads what the email said.
    let page = common::browser().get(w.app.url(&format!("/events/{ev}"))).send().await.unwrap().text().await.unwrap();
    assert!(page.contains(&format!("The organisers cancelled it and wrote: “{why}”")), "{page}");
    let (_, body) = w.app.api(Method::GET, &format!("/api/v1/events/{ev}"), None, None).await;
    assert_eq!((body["status"].as_str(), body["cancellation_reason"].as_str()), (Some("cancelled"), Some(why)));
    // An event cancelled without a reason (through the API) has none to show.
    let other = w.published(5).await;
    let (s, _) = w.app.api(Method::POST, &format!("/api/v1/events/{other}/cancel"), Some(&w.leader), None).await;
    assert!(s == 200 || s == 204, "{s}");
    let (_, body) = w.app.api(Method::GET, &format!("/api/v1/events/{other}"), None, None).await;
    assert_eq!((body["status"].as_str(), body["cancellation_reason"].is_null()), (Some("cancelled"), true), "{body}");
    w.app.stop().await;
});
