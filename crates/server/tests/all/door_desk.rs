//! UG-14, PL-13: the door desk as a leader uses it with a queue in front
//! of them. The list is searched by name (case and accents ignored); a
//! walk-in comes in by name without an account and takes a seat (so the
//! event still never overbooks); with a member's email they are registered
//! and checked in; each check-in ends in one plain answer.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use reqwest::Method;
use serde_json::json;

use crate::common;
use common::post_form;
use common::world::world;

/// The big answer's heading and sentence, as the page shows them.
fn answer(html: &str) -> String {
    let start = html.find("class=\"door-result").unwrap_or_else(|| panic!("no answer on the page: {html}"));
    let end = html[start..].find("</div>").unwrap() + start;
    let inner = &html[start..end];
    let text = regex::Regex::new(r"<[^>]+>").unwrap().replace_all(inner, " ");
    let text = text.split_once('>').map(|(_, t)| t).unwrap_or(&text).replace("&#39;", "'");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

on_both!(ug14_the_door_desk_finds_by_name_lets_walk_ins_in_and_answers_plainly, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let ev = w.published_soon(3).await;
    let mut people = Vec::new();
    for prefix in ["ana", "bruno", "dora", "eva"] {
        people.push(w.app.members_with_tokens(prefix, 1).await.remove(0));
    }
    let (ana, bruno, dora, eva) = (&people[0], &people[1], &people[2], &people[3]);
    let (_, a) = w.register(&ev, &ana.2).await;
    assert_eq!(w.register(&ev, &bruno.2).await.0, 201);
    let leader = w.leader_browser("desk@example.org").await;
    let door = format!("/events/{ev}/attendees");
    let walk_in = format!("/events/{ev}/walk-in");

    // A walk-in with no account: a name is enough, and they take a seat.
    let res = post_form(&leader, &w.app, &door, &walk_in, &[("name", ""), ("email", "")]).await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("This field is required."));
    let res = post_form(&leader, &w.app, &door, &walk_in, &[("name", "Conceição Lopes"), ("email", "")]).await;
    let html = common::follow(&leader, &w.app, res).await;
    assert_eq!(answer(&html), "✓ Checked in Conceição Lopes is in, as a walk-in.");
    assert!(html.contains("3 confirmed, 0 waiting, 1 checked in · 1 let in without an account"), "{html}");
    // The event is now full: the next member to register waits.
    let (s, d) = w.register(&ev, &dora.2).await;
    assert_eq!((s, d["status"].as_str()), (201, Some("waitlisted")), "the walk-in's seat counts: {d}");
    // A second walk-in without an account finds no seat, in words, and nothing is stored.
    let res = post_form(&leader, &w.app, &door, &walk_in, &[("name", "Zé Late"), ("email", "")]).await;
    assert_eq!(res.status(), 409);
    let html = res.text().await.unwrap();
    assert!(html.contains("The event is full: all 3 seats are taken. Raise the capacity"), "{html}");
    assert!(html.contains("value=\"Zé Late\""), "what was typed stays");
    assert_eq!(w.app.count("walk_ins").await, 1);

    // Search by name, without regard to case or accents.
    let find = |q: &str| {
        let url = w.app.url(&format!("{door}?q={q}"));
        let leader = leader.clone();
        async move { leader.get(url).send().await.unwrap().text().await.unwrap() }
    };
    let html = find("conceicao").await;
    assert!(html.contains("Conceição Lopes") && !html.contains("ana 0") && !html.contains("bruno 0"), "{html}");
    let html = find("ANA").await;
    assert!(html.contains("ana 0") && !html.contains("bruno 0") && !html.contains("Conceição"), "{html}");
    let html = find("zed").await;
    assert!(html.contains("Nobody on the list has that name."), "{html}");

    // Each check-in ends in one plain answer.
    let code: String = sqlx::query_scalar("SELECT ticket_code FROM registrations WHERE id = $1")
        .bind(a["id"].as_str().unwrap())
        .fetch_one(w.app.db.reader())
        .await
        .unwrap();
    let checkin = format!("/events/{ev}/checkin");
    let res = post_form(&leader, &w.app, &door, &checkin, &[("ticket_code", &code)]).await;
    let to = res.headers()["location"].to_str().unwrap().to_owned();
    assert!(!to.contains("ana"), "no name in the address: {to}");
    let html = common::follow(&leader, &w.app, res).await;
    assert_eq!(answer(&html), "✓ Checked in ana 0 is in.");
    let res = post_form(&leader, &w.app, &door, &checkin, &[("ticket_code", &code)]).await;
    let html = common::follow(&leader, &w.app, res).await;
    assert!(answer(&html).starts_with("✓ Already checked in ana 0 was checked in at "), "{}", answer(&html));
    let res = post_form(&leader, &w.app, &door, &checkin, &[("registration_id", d["id"].as_str().unwrap())]).await;
    let html = common::follow(&leader, &w.app, res).await;
    assert_eq!(answer(&html), "✗ On the waiting list dora 0 is number 1 on the waiting list and has no seat yet.");
    let res = post_form(&leader, &w.app, &door, &checkin, &[("ticket_code", "ABCD-EFGH")]).await;
    let html = common::follow(&leader, &w.app, res).await;
    assert!(answer(&html).starts_with("✗ Not registered No place at this event has this code."), "{html}");
    assert!(html.contains("value=\"ABCD-EFGH\""), "the code stays in its field to be corrected");

    // With a member's email: registered (or found) and checked in at once.
    let res = post_form(&leader, &w.app, &door, &walk_in, &[("name", "Bruno"), ("email", &bruno.1)]).await;
    let html = common::follow(&leader, &w.app, res).await;
    assert_eq!(answer(&html), "✓ Checked in bruno 0 is in.");
    let res = post_form(&leader, &w.app, &door, &walk_in, &[("name", "Eva"), ("email", &eva.1)]).await;
    let html = common::follow(&leader, &w.app, res).await;
    assert_eq!(answer(&html), "✗ On the waiting list eva 0 is number 2 on the waiting list and has no seat yet.");
    assert!(html.contains("3 confirmed, 2 waiting, 3 checked in · 1 let in without an account"), "{html}");

    // The API does the same for a leader's tool.
    let path = format!("/api/v1/events/{ev}/walk-ins");
    let (s, list) = w.app.api(Method::GET, &path, Some(&w.leader), None).await;
    assert_eq!((s, list[0]["name"].as_str(), list.as_array().map(Vec::len)), (200, Some("Conceição Lopes"), Some(1)));
    let (s, p) = w.app.api(Method::POST, &path, Some(&w.leader), Some(json!({"name": "Zé Late"}))).await;
    assert_eq!((s, p["type"].as_str().map(|t| t.ends_with("event_full"))), (409, Some(true)), "{p}");
    let (s, p) = w.app.api(Method::POST, &path, Some(&w.leader), Some(json!({"name": " "}))).await;
    assert_eq!((s, p["errors"][0]["field"].as_str()), (422, Some("name")), "{p}");
    let (s, p) = w.app.api(Method::POST, &path, Some(&w.leader), Some(json!({"name": "Dora", "email": dora.1}))).await;
    assert_eq!((s, p["result"].as_str(), p["lets_in"].as_bool()), (201, Some("waiting"), Some(false)), "{p}");
    let (s, _) = w.app.api(Method::GET, &path, Some(&ana.2), None).await;
    assert_eq!(s, 403, "the door is the leaders'");
    // An event days away: the desk says when its door opens, in the group's time.
    let later = w.published(3).await;
    let html = leader.get(w.app.url(&format!("/events/{later}/attendees"))).send().await.unwrap().text().await.unwrap();
    assert!(html.contains(r#"id="door-shut">Check-in opens at "#), "the closed door is explained");
    let notice = html.split(r#"id="door-shut">"#).nth(1).unwrap().split("</p>").next().unwrap();
    assert!(notice.contains(" WET.") || notice.contains(" WEST."), "in Lisbon's time: {notice}");
    // A draft's door: refused, in words that say what to do.
    let draft = w.draft(3, 1).await;
    let path = format!("/api/v1/events/{draft}/walk-ins");
    let (s, p) = w.app.api(Method::POST, &path, Some(&w.leader), Some(json!({"name": "Early Bird"}))).await;
    assert_eq!(s, 409, "{p}");
    assert_eq!(p["detail"], "Nobody can be let in yet: the event is still a draft. Publish it first.", "{p}");
    w.app.stop().await;
});
