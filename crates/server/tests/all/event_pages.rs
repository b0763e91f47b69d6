//! Event pages: what a member can and cannot do through the browser
//! (PL-1 authorization on every page), one-click registration, the
//! ticket page, and the UG-5 message on the event form.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::world::world;
use common::{csrf, signed_up};

on_both!(pl1_members_cannot_run_events_of_groups_they_do_not_lead, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let ev = w.published(10).await;
    let draft = w.draft(10, 4).await;
    let member = signed_up(&w.app, "nosy@example.org", "Nosy Parker", "correct horse battery").await;
    let token = csrf(&member, &w.app.url(&format!("/events/{ev}"))).await;
    for path in [
        format!("/events/{ev}/edit"),
        format!("/events/{ev}/attendees"),
        format!("/groups/{}/events/new", w.slug),
        format!("/groups/{}/edit", w.slug),
    ] {
        let res = member.get(w.app.url(&path)).send().await.unwrap();
        assert_eq!(res.status(), 403, "GET {path}");
    }
    for (path, extra) in [
        (format!("/events/{ev}/edit"), vec![("title", "Hijacked")]),
        (format!("/events/{ev}/cancel"), vec![]),
        (format!("/events/{draft}/publish"), vec![]),
        (format!("/events/{ev}/checkin"), vec![("ticket_code", "ABCD-EFGH")]),
        (format!("/events/{ev}/walk-in"), vec![("name", "Nosy"), ("email", "nosy@example.org")]),
        (format!("/groups/{}/events", w.slug), vec![("title", "Mine now")]),
    ] {
        let mut form = vec![("csrf", token.as_str())];
        form.extend(extra);
        let res = member.post(w.app.url(&path)).form(&form).send().await.unwrap();
        assert_eq!(res.status(), 403, "POST {path}");
    }
    // Drafts are not even visible.
    assert_eq!(member.get(w.app.url(&format!("/events/{draft}"))).send().await.unwrap().status(), 404);
    let (_, event) = w.app.api(reqwest::Method::GET, &format!("/api/v1/events/{ev}"), None, None).await;
    assert_eq!((event["title"].as_str(), event["status"].as_str()), (Some("Minimal APIs in depth"), Some("published")));
    w.app.stop().await;
});

on_both!(ug14_register_in_one_click_and_see_the_ticket, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let ev = w.published_soon(1).await;
    let first = signed_up(&w.app, "first@example.org", "First Fan", "correct horse battery").await;
    let page = w.app.url(&format!("/events/{ev}"));
    let token = csrf(&first, &page).await;
    let res = first.post(w.app.url(&format!("/events/{ev}/register"))).form(&[("csrf", &token)]).send().await.unwrap();
    assert_eq!(res.status(), 303);
    let ticket = res.headers()["location"].to_str().unwrap().to_owned();
    assert!(ticket.starts_with("/tickets/"));
    let html = first.get(w.app.url(&ticket)).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("<svg"), "QR image on the ticket");
    assert!(regex::Regex::new(r"<code>[A-Z2-9]{4}-[A-Z2-9]{4}</code>").unwrap().is_match(&html), "code shown");
    // The online link appears on the event page once the seat is confirmed.
    let html = first.get(&page).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("https://meet.example.org/abc"));
    // Someone else's ticket is not found.
    let second = signed_up(&w.app, "second@example.org", "Second Fan", "correct horse battery").await;
    assert_eq!(second.get(w.app.url(&ticket)).send().await.unwrap().status(), 404);
    // The event is full: the second person joins the waiting list.
    let token2 = csrf(&second, &page).await;
    let res =
        second.post(w.app.url(&format!("/events/{ev}/register"))).form(&[("csrf", &token2)]).send().await.unwrap();
    let second_ticket = res.headers()["location"].to_str().unwrap().to_owned();
    let html = second.get(w.app.url(&second_ticket)).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("number 1 on the waiting list"), "{html}");
    assert!(!html.contains("<svg"), "no QR for a waiting ticket");
    // The first fan cancels: the second gets the seat and is emailed.
    let token = csrf(&first, &w.app.url(&ticket)).await;
    let res = first.post(w.app.url(&format!("{ticket}/cancel"))).form(&[("csrf", &token)]).send().await.unwrap();
    assert_eq!(res.status(), 303);
    let (subject, _) = w.app.last_email("second@example.org").await;
    assert_eq!(subject, "A seat freed up: Minimal APIs in depth");
    let html = second.get(w.app.url(&second_ticket)).send().await.unwrap().text().await.unwrap();
    let code =
        regex::Regex::new(r"<code>([A-Z2-9]{4}-[A-Z2-9]{4})</code>").unwrap().captures(&html).expect("code shown")[1]
            .to_owned();
    // The leader checks the second fan in by the code on the ticket.
    let leader = w.leader_browser("doorleader@example.org").await;
    let door = w.app.url(&format!("/events/{ev}/attendees?code={}", code.replace('-', "")));
    let html = leader.get(&door).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("Second Fan"));
    let token = csrf(&leader, &door).await;
    let res = leader
        .post(w.app.url(&format!("/events/{ev}/checkin")))
        .form(&[("csrf", token.as_str()), ("ticket_code", code.to_lowercase().as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let html =
        leader.get(w.app.url(res.headers()["location"].to_str().unwrap())).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("Second Fan is in."), "{html}");
    // Someone let in attended: their ticket no longer offers to cancel, and
    // a cancellation is refused in words.
    let html = second.get(w.app.url(&second_ticket)).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("You were checked in at the door."), "{html}");
    assert!(!html.contains(&format!("{second_ticket}/cancel")), "{html}");
    let token = csrf(&second, &page).await;
    let res =
        second.post(w.app.url(&format!("{second_ticket}/cancel"))).form(&[("csrf", &token)]).send().await.unwrap();
    assert_eq!(res.status(), 409);
    assert!(res.text().await.unwrap().contains("already checked in"));
    w.app.stop().await;
});

on_both!(ug5_event_form_explains_registration_happens_here, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let leader = w.leader_browser("formleader@example.org").await;
    let form_page = w.app.url(&format!("/groups/{}/events/new", w.slug));
    let token = csrf(&leader, &form_page).await;
    let res = leader
        .post(w.app.url(&format!("/groups/{}/events", w.slug)))
        .form(&[
            ("csrf", token.as_str()),
            ("title", "Spring meetup"),
            ("starts_at", "2030-04-02T18:30"),
            ("ends_at", "2030-04-02T20:30"),
            ("capacity", "40"),
            ("promotion_links", "https://www.meetup.com/lisboa-net/events/1"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("Registration happens here on Guildhall"), "{html}");
    assert!(html.contains("value=\"Spring meetup\""), "the form keeps what was typed");
    assert_eq!(w.app.count("events").await, 0);
    w.app.stop().await;
});
