//! UG-17: calendars that follow every change. Every confirmation carries
//! an invitation, a change an update with the same UID and a higher
//! SEQUENCE, a cancellation a CANCEL; each member has a private feed of
//! what they registered for, and groups, series and regions have public
//! ones. Everything is read back by ical.js and Python's icalendar.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use common::calendar_readers::{event, read_both};
use common::world::world;
use reqwest::Method;
use serde_json::{json, Value};
use sqlx::Row;

/// The invitation in the newest email of `kind` to `to`, as it goes out.
async fn invitation(app: &common::TestApp, to: &str, kind: &str) -> String {
    let row = sqlx::query(
        "SELECT calendar FROM outbox WHERE to_address = $1 AND kind = $2 ORDER BY created_at DESC, id DESC LIMIT 1",
    )
    .bind(to)
    .bind(kind)
    .fetch_one(app.db.reader())
    .await
    .unwrap_or_else(|e| panic!("no {kind} email to {to}: {e}"));
    row.get::<Option<String>, _>("calendar").unwrap_or_else(|| panic!("the {kind} email to {to} carries no invitation"))
}

/// The single event of an invitation, read by both parsers, with its method.
fn the_event(ics: &str) -> Option<(String, Value)> {
    let cal = read_both(ics)?;
    assert_eq!(cal["events"].as_array().unwrap().len(), 1, "{ics}");
    Some((cal["method"].as_str().unwrap_or_default().to_owned(), cal["events"][0].clone()))
}

async fn feed(app: &common::TestApp, url: &str) -> (u16, String) {
    let path = url.split_once("/calendar/").map(|(_, t)| format!("/calendar/{t}")).unwrap();
    let res = app.client.get(app.url(&path)).send().await.unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

on_both!(ug17_confirmation_update_and_cancellation_read_back_by_both_parsers, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let ev = w.published(1).await;
    let people = w.app.members_with_tokens("cal", 2).await;
    let (seat, wait) = (&people[0], &people[1]);
    assert_eq!(w.register(&ev, &seat.2).await.1["status"], "confirmed");
    assert_eq!(w.register(&ev, &wait.2).await.1["status"], "waitlisted");

    // Confirmations: a REQUEST at SEQUENCE 0, accepted or tentative.
    let Some((method, first)) = the_event(&invitation(&w.app, &seat.1, "registered").await) else { return };
    assert_eq!((method.as_str(), first["sequence"].as_i64()), ("REQUEST", Some(0)));
    assert_eq!(first["attendees"][0], json!({"email": seat.1, "partstat": "ACCEPTED"}));
    let (_, waiting) = the_event(&invitation(&w.app, &wait.1, "waitlisted").await).unwrap();
    assert_eq!(waiting["attendees"][0]["partstat"], "TENTATIVE");
    assert_eq!(waiting["uid"], first["uid"], "one identity for every invitation");

    // A new time: a REQUEST with the same UID at SEQUENCE 1, at the new time.
    let path = format!("/api/v1/events/{ev}");
    let (_, e) = w.app.api(Method::GET, &path, None, None).await;
    let start =
        chrono::DateTime::parse_from_rfc3339(e["starts_at"].as_str().unwrap()).unwrap() + chrono::Duration::hours(1);
    let end = start + chrono::Duration::hours(2);
    let body = json!({"starts_at": start.to_rfc3339(), "ends_at": end.to_rfc3339()});
    assert_eq!(w.app.api(Method::PATCH, &path, Some(&w.leader), Some(body)).await.0, 200);
    let (method, moved) = the_event(&invitation(&w.app, &seat.1, "event-changed").await).unwrap();
    assert_eq!((method.as_str(), moved["sequence"].as_i64()), ("REQUEST", Some(1)));
    assert_eq!(moved["uid"], first["uid"]);
    let utc = start.with_timezone(&chrono::Utc).format("%Y-%m-%dT%H:%M:%SZ").to_string();
    assert_eq!(moved["start"].as_str(), Some(utc.as_str()));

    // The holder lets the place go: a CANCEL for them; the waiting person
    // moves up with a REQUEST, accepted.
    let reg = w.app.api(Method::GET, "/api/v1/me/tickets", Some(&seat.2), None).await.1[0]["id"].clone();
    let (s, b) = w
        .app
        .api(
            Method::DELETE,
            &format!("/api/v1/events/{ev}/registrations/{}", reg.as_str().unwrap()),
            Some(&seat.2),
            None,
        )
        .await;
    assert_eq!(s, 204, "{b}");
    let (method, gone) = the_event(&invitation(&w.app, &seat.1, "registration-cancelled").await).unwrap();
    assert_eq!(
        (method.as_str(), gone["uid"].clone(), gone["status"].as_str()),
        ("CANCEL", first["uid"].clone(), Some("CANCELLED"))
    );
    let (method, up) = the_event(&invitation(&w.app, &wait.1, "promoted").await).unwrap();
    assert_eq!((method.as_str(), up["attendees"][0]["partstat"].as_str()), ("REQUEST", Some("ACCEPTED")));

    // The event is cancelled: a CANCEL at a higher SEQUENCE to whoever holds a place.
    let (s, b) = w
        .app
        .api(
            Method::POST,
            &format!("/api/v1/events/{ev}/cancel"),
            Some(&w.leader),
            Some(json!({"reason": "The venue flooded."})),
        )
        .await;
    assert_eq!(s, 200, "{b}");
    let (method, cancelled) = the_event(&invitation(&w.app, &wait.1, "event-cancelled").await).unwrap();
    assert_eq!(method, "CANCEL");
    assert_eq!(cancelled["uid"], first["uid"]);
    assert!(cancelled["sequence"].as_i64().unwrap() > 1, "{cancelled}");
    assert_eq!(cancelled["status"], "CANCELLED");

    // Both members' feeds show the date as cancelled, at the feeds' SEQUENCE.
    for (who, token) in [("the one who left", &seat.2), ("the one who held it", &wait.2)] {
        let (s, address) = w.app.api(Method::GET, "/api/v1/me/calendar", Some(token), None).await;
        assert_eq!(s, 200, "{address}");
        let (s, text) = feed(&w.app, address["url"].as_str().unwrap()).await;
        assert_eq!(s, 200, "{who}: {text}");
        let cal = read_both(&text).unwrap();
        let mine = event(&cal, &ev);
        assert_eq!(mine["status"], "CANCELLED", "{who}: {mine}");
        assert_eq!(mine["sequence"], cancelled["sequence"], "{who}");
        assert!(mine["last_modified"].is_string(), "{who}: LAST-MODIFIED is given");
    }
    w.app.stop().await;
});

on_both!(ug17_a_members_feed_lists_what_they_registered_for_behind_an_address_they_control, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let (held, full, released, not_mine) =
        (w.published(5).await, w.published(1).await, w.published(5).await, w.published(5).await);
    let draft = w.draft(5, 9).await;
    let people = w.app.members_with_tokens("feed", 2).await;
    let (me, other) = (&people[0], &people[1]);
    assert_eq!(w.register(&full, &other.2).await.1["status"], "confirmed");
    for ev in [&held, &full, &released] {
        assert_eq!(w.register(ev, &me.2).await.0, 201);
    }
    w.register(&not_mine, &other.2).await;
    let tickets = w.app.api(Method::GET, "/api/v1/me/tickets", Some(&me.2), None).await.1;
    let gone = tickets.as_array().unwrap().iter().find(|t| t["event_id"] == released.as_str()).unwrap()["id"].clone();
    let path = format!("/api/v1/events/{released}/registrations/{}", gone.as_str().unwrap());
    assert_eq!(w.app.api(Method::DELETE, &path, Some(&me.2), None).await.0, 204);

    let (s, address) = w.app.api(Method::GET, "/api/v1/me/calendar", Some(&me.2), None).await;
    assert_eq!(s, 200, "{address}");
    let url = address["url"].as_str().unwrap().to_owned();
    assert!(address["webcal"].as_str().unwrap().starts_with("webcal://"), "{address}");
    assert_eq!(
        w.app.api(Method::GET, "/api/v1/me/calendar", Some(&me.2), None).await.1["url"],
        url.as_str(),
        "the same address on every ask"
    );
    let (s, text) = feed(&w.app, &url).await;
    assert_eq!(s, 200);
    let Some(cal) = read_both(&text) else { return };
    assert_eq!(cal["events"].as_array().unwrap().len(), 3, "only what I registered for: {cal}");
    assert_eq!(event(&cal, &held)["status"], "CONFIRMED");
    assert_eq!(event(&cal, &full)["status"], "TENTATIVE", "a waiting position is tentative");
    assert_eq!(event(&cal, &released)["status"], "CANCELLED", "a released place leaves the calendar");
    assert!(!text.contains(&not_mine) && !text.contains(&draft));

    // Nobody reads it by guessing: a changed signature, another member's id.
    let forged = format!("{}0", url.trim_end_matches(".ics"));
    assert_eq!(feed(&w.app, &forged).await.0, 404);
    let theirs = url.replacen(&me.0.to_string(), &other.0.to_string(), 1);
    assert_eq!(feed(&w.app, &theirs).await.0, 404);

    // A new address retires the old one; turning it off retires both.
    let (s, fresh) = w.app.api(Method::POST, "/api/v1/me/calendar/address", Some(&me.2), None).await;
    assert_eq!(s, 201, "{fresh}");
    assert_ne!(fresh["url"], url.as_str());
    assert_eq!(feed(&w.app, &url).await.0, 404, "the old address stops working");
    assert_eq!(feed(&w.app, fresh["url"].as_str().unwrap()).await.0, 200);
    assert_eq!(w.app.api(Method::DELETE, "/api/v1/me/calendar", Some(&me.2), None).await.0, 204);
    assert_eq!(feed(&w.app, fresh["url"].as_str().unwrap()).await.0, 404);
    let (_, again) = w.app.api(Method::GET, "/api/v1/me/calendar", Some(&me.2), None).await;
    assert_eq!(feed(&w.app, again["url"].as_str().unwrap()).await.0, 200, "asking again makes a working one");
    assert_ne!(again["url"], fresh["url"]);

    // PL-8: an erased member's feed is gone.
    let (s, b) = w.app.api(Method::DELETE, "/api/v1/me", Some(&me.2), Some(json!({"confirm_email": me.1}))).await;
    assert_eq!(s, 204, "{b}");
    assert_eq!(feed(&w.app, again["url"].as_str().unwrap()).await.0, 404);
    assert_eq!(w.app.count("calendar_feeds").await, 0);
    w.app.stop().await;
});

on_both!(ug17_group_series_and_region_feeds_keep_cancelled_dates_and_their_sequence, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let (kept, dropped) = (w.published(5).await, w.published(5).await);
    let (s, b) = w
        .app
        .api(
            Method::POST,
            &format!("/api/v1/events/{dropped}/cancel"),
            Some(&w.leader),
            Some(json!({"reason": "Speaker ill."})),
        )
        .await;
    assert_eq!(s, 200, "{b}");
    let group = w
        .app
        .client
        .get(w.app.url(&format!("/groups/{}/events.ics", w.slug)))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let Some(cal) = read_both(&group) else { return };
    assert_eq!(event(&cal, &kept)["status"], "CONFIRMED");
    assert_eq!(event(&cal, &dropped)["status"], "CANCELLED", "still in, so calendars drop it");
    assert_eq!(event(&cal, &dropped)["sequence"], 1, "cancelling is a new revision");

    // A monthly series: its feed lists its dates only, once published.
    let (s, series) = w
        .app
        .api(
            Method::POST,
            &format!("/api/v1/groups/{}/series", w.slug),
            Some(&w.leader),
            Some(json!({"title": "Second Wednesday talks", "description": "Talks.", "capacity": "20",
                "online_link": "https://meet.example.org/talks",
                "from": (chrono::Utc::now() + chrono::Duration::days(3)).format("%Y-%m-%d").to_string(),
                "frequency": "monthly", "nth": "2", "weekday": "WE", "starts": "18:30", "ends": "20:30", "count": "3"})),
        )
        .await;
    assert_eq!(s, 201, "{series}");
    let id = series["id"].as_str().unwrap();
    let series_feed = format!("/series/{id}/events.ics");
    assert_eq!(
        w.app.client.get(w.app.url(&series_feed)).send().await.unwrap().status(),
        404,
        "a draft series has no feed"
    );
    assert_eq!(w.app.api(Method::POST, &format!("/api/v1/series/{id}/publish"), Some(&w.leader), None).await.0, 200);
    let text = w.app.client.get(w.app.url(&series_feed)).send().await.unwrap().text().await.unwrap();
    let cal = read_both(&text).unwrap();
    let dates = cal["events"].as_array().unwrap();
    assert_eq!(dates.len(), 3, "{cal}");
    assert!(dates.iter().all(|d| d["summary"] == "Second Wednesday talks"));
    assert!(!text.contains(&kept), "another event is not a date of the series");

    // The region's feed holds every group's events.
    let (_, g) = w.app.api(Method::GET, &format!("/api/v1/groups/{}", w.slug), None, None).await;
    let region = g["region_id"].as_str().unwrap();
    let text = w
        .app
        .client
        .get(w.app.url(&format!("/regions/{region}/events.ics")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let cal = read_both(&text).unwrap();
    assert_eq!(cal["events"].as_array().unwrap().len(), 5, "two events and three dates: {cal}");
    assert_eq!(event(&cal, &dropped)["status"], "CANCELLED");
    let unknown = format!("/regions/{}/events.ics", uuid::Uuid::now_v7());
    assert_eq!(w.app.client.get(w.app.url(&unknown)).send().await.unwrap().status(), 404);
    w.app.stop().await;
});

on_both!(ug17_the_account_page_makes_replaces_and_turns_off_the_calendar_address, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let (id, _, _) = w.app.members_with_tokens("page", 1).await.remove(0);
    let c = w.app.browser_for(id).await;
    let page = c.get(w.app.url("/account")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Your calendar") && page.contains("Make my calendar address"), "offered before it exists");
    assert!(!page.contains("/calendar/"), "no address until asked for");
    let address = |html: &str| {
        regex::Regex::new(r#"id="calendar-address" value="([^"]+)""#).unwrap().captures(html).map(|c| c[1].to_owned())
    };

    let made =
        common::follow(&c, &w.app, common::post_form(&c, &w.app, "/account", "/account/calendar", &[]).await).await;
    assert!(made.contains("Your calendar address is ready"), "told what happened");
    let first = address(&made).expect("the address is shown");
    assert!(made.contains(&format!("href=\"{}\"", first.replacen("http://", "webcal://", 1))), "a subscribe link");
    assert_eq!(feed(&w.app, &first).await.0, 200);

    let replaced =
        common::follow(&c, &w.app, common::post_form(&c, &w.app, "/account", "/account/calendar/replace", &[]).await)
            .await;
    assert!(replaced.contains("the old one no longer works"));
    let second = address(&replaced).unwrap();
    assert_ne!(first, second);
    assert_eq!(feed(&w.app, &first).await.0, 404);

    let off =
        common::follow(&c, &w.app, common::post_form(&c, &w.app, "/account", "/account/calendar/off", &[]).await).await;
    assert!(off.contains("Your calendar is off"));
    assert!(address(&off).is_none() && off.contains("Make my calendar address"));
    assert_eq!(feed(&w.app, &second).await.0, 404);
    let again =
        common::follow(&c, &w.app, common::post_form(&c, &w.app, "/account", "/account/calendar/off", &[]).await).await;
    assert!(again.contains("already off. Nothing changed"), "a second press says so");
    // Tickets lead here.
    let tickets = c.get(w.app.url("/tickets")).send().await.unwrap().text().await.unwrap();
    assert!(tickets.contains("/account#calendar-heading"));
    w.app.stop().await;
});
