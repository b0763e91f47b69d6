//! Groups and events through the API on SQLite and PostgreSQL: capacity,
//! waiting list, promotion, double registration, life cycle, UG-5 links,
//! time zones across daylight-saving changes, check-in, reminders,
//! authorization. Rules cited: UG-1, UG-3, UG-5, UG-9, UG-14, PL-6.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use chrono::{Duration, Utc};
use common::world::world;
use common::TestApp;
use guildhall_domain::access::Role;
use reqwest::Method;
use serde_json::{json, Value};

on_both!(ug14_capacity_waiting_list_and_promotion, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let ev = w.published(2).await;
    let people = w.app.members_with_tokens("fan", 4).await;
    let mut outcomes = Vec::new();
    for (_, _, token) in &people {
        let (s, body) = w.register(&ev, token).await;
        assert_eq!(s, 201, "{body}");
        outcomes.push(body);
    }
    let statuses: Vec<_> = outcomes.iter().map(|o| (o["status"].clone(), o["waitlist_position"].clone())).collect();
    assert_eq!(
        statuses,
        [
            (json!("confirmed"), Value::Null),
            (json!("confirmed"), Value::Null),
            (json!("waitlisted"), json!(1)),
            (json!("waitlisted"), json!(2))
        ]
    );
    // The first confirmed attendee cancels: the first waiting moves up and is emailed.
    let first = outcomes[0]["id"].as_str().unwrap();
    let (s, _) = w
        .app
        .api(Method::DELETE, &format!("/api/v1/events/{ev}/registrations/{first}"), Some(&people[0].2), None)
        .await;
    assert_eq!(s, 204);
    let (subject, body) = w.app.last_email(&people[2].1).await;
    assert!(subject.contains("Minimal APIs in depth"), "{subject}");
    assert!(body.contains("/tickets/"), "{body}");
    let (s, list) = w.app.api(Method::GET, &format!("/api/v1/events/{ev}/registrations"), Some(&w.leader), None).await;
    assert_eq!(s, 200);
    let rows: Vec<_> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["name"].as_str().unwrap().to_owned(), a["status"].clone(), a["waitlist_position"].clone()))
        .collect();
    assert_eq!(
        rows,
        [
            ("fan 1".to_owned(), json!("confirmed"), Value::Null),
            ("fan 2".to_owned(), json!("confirmed"), Value::Null),
            ("fan 3".to_owned(), json!("waitlisted"), json!(1)),
        ]
    );
    let (_, event) = w.app.api(Method::GET, &format!("/api/v1/events/{ev}"), None, None).await;
    assert_eq!(
        (event["confirmed"].clone(), event["waiting"].clone(), event["seats_left"].clone()),
        (json!(2), json!(1), json!(0))
    );
    // A waiting person who cancels frees no seat; nobody else moves.
    let fourth = outcomes[3]["id"].as_str().unwrap();
    let (s, _) = w
        .app
        .api(Method::DELETE, &format!("/api/v1/events/{ev}/registrations/{fourth}"), Some(&people[3].2), None)
        .await;
    assert_eq!(s, 204);
    let (_, event) = w.app.api(Method::GET, &format!("/api/v1/events/{ev}"), None, None).await;
    assert_eq!((event["confirmed"].clone(), event["waiting"].clone()), (json!(2), json!(0)));
    // A larger capacity moves waiting people up at once.
    let (_, again) = w.register(&ev, &people[3].2).await;
    assert_eq!(again["status"], "waitlisted");
    let (s, event) =
        w.app.api(Method::PATCH, &format!("/api/v1/events/{ev}"), Some(&w.leader), Some(json!({"capacity": 3}))).await;
    assert_eq!(s, 200, "{event}");
    assert_eq!((event["confirmed"].clone(), event["waiting"].clone()), (json!(3), json!(0)));
    // ...and it cannot shrink below those confirmed.
    let (s, problem) =
        w.app.api(Method::PATCH, &format!("/api/v1/events/{ev}"), Some(&w.leader), Some(json!({"capacity": 1}))).await;
    assert_eq!(s, 422);
    assert_eq!(problem["errors"][0]["code"], "capacity_below_confirmed");
    w.app.stop().await;
});

on_both!(ug14_nobody_registers_twice, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let ev = w.published(10).await;
    let (_, _, token) = w.app.member_with_role("dup", None).await;
    let (s, first) = w.register(&ev, &token).await;
    assert_eq!(s, 201);
    let (s, problem) = w.register(&ev, &token).await;
    assert_eq!(s, 409);
    assert_eq!(problem["type"], "/problems/already_registered");
    assert_eq!(w.app.count("registrations").await, 1);
    // After cancelling, registering again reuses the same registration.
    let id = first["id"].as_str().unwrap();
    w.app.api(Method::DELETE, &format!("/api/v1/events/{ev}/registrations/{id}"), Some(&token), None).await;
    let (s, again) = w.register(&ev, &token).await;
    assert_eq!((s, again["id"].as_str()), (201, Some(id)));
    assert_eq!(w.app.count("registrations").await, 1);
    w.app.stop().await;
});

on_both!(ug14_life_cycle_transitions, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let api = |m: Method, p: String, t: &str| {
        let app = &w.app;
        let t = t.to_owned();
        async move { app.api(m, &p, Some(&t), None).await }
    };
    // Registration opens on publishing only.
    let draft = w.draft(5, 3).await;
    let (_, _, member) = w.app.member_with_role("m", None).await;
    let (s, _) = w.register(&draft, &member).await;
    assert_eq!(s, 404, "drafts are invisible to members");
    // A draft without a place cannot be published.
    let (s, ev) = w
        .app
        .api(Method::PATCH, &format!("/api/v1/events/{draft}"), Some(&w.leader), Some(json!({"online_link": ""})))
        .await;
    assert_eq!(s, 200, "{ev}");
    let (s, problem) = api(Method::POST, format!("/api/v1/events/{draft}/publish"), &w.leader).await;
    assert_eq!((s, problem["errors"][0]["code"].as_str()), (422, Some("location_required")));
    // Cancelling a published event emails everyone holding a place.
    let ev = w.published(1).await;
    let people = w.app.members_with_tokens("att", 2).await;
    for p in &people {
        w.register(&ev, &p.2).await;
    }
    let (s, body) = api(Method::POST, format!("/api/v1/events/{ev}/cancel"), &w.leader).await;
    assert_eq!((s, body["status"].as_str()), (200, Some("cancelled")));
    for p in &people {
        let (subject, _) = w.app.last_email(&p.1).await;
        assert_eq!(subject, "Cancelled: Minimal APIs in depth");
    }
    // Cancelled is final.
    for cmd in ["publish", "cancel", "complete"] {
        let (s, problem) = api(Method::POST, format!("/api/v1/events/{ev}/{cmd}"), &w.leader).await;
        assert_eq!((s, problem["type"].as_str()), (409, Some("/problems/event_state_conflict")), "{cmd}");
    }
    let (s, _) = w.register(&ev, &member).await;
    assert_eq!(s, 409, "no registration for a cancelled event");
    // Completing needs the event to have started.
    let future = w.published(5).await;
    let (s, _) = api(Method::POST, format!("/api/v1/events/{future}/complete"), &w.leader).await;
    assert_eq!(s, 422);
    w.app.stop().await;
});

on_both!(ug14_check_in_and_held, |backend| async move {
    let Some(w) = world(backend).await else { return };
    // An event happening now: started an hour ago, ends in an hour.
    let start = Utc::now() - Duration::hours(1);
    let (_, ev) = w
        .app
        .api(
            Method::POST,
            &format!("/api/v1/groups/{}/events", w.slug),
            Some(&w.leader),
            Some(json!({"title": "Now", "starts_at": start.to_rfc3339(),
                "ends_at": (start + Duration::hours(2)).to_rfc3339(), "capacity": 1,
                "online_link": "https://meet.example.org/now"})),
        )
        .await;
    let ev = ev["id"].as_str().unwrap().to_owned();
    w.app.api(Method::POST, &format!("/api/v1/events/{ev}/publish"), Some(&w.leader), None).await;
    let people = w.app.members_with_tokens("door", 2).await;
    let (_, confirmed) = w.register(&ev, &people[0].2).await;
    let (_, waiting) = w.register(&ev, &people[1].2).await;
    // The ticket page shows the code the leader types at the door.
    let ticket = reqwest::Client::new()
        .get(w.app.url(&format!("/api/v1/events/{ev}/registrations")))
        .bearer_auth(&w.leader)
        .send()
        .await
        .unwrap();
    assert_eq!(ticket.status(), 200);
    let code: String = sqlx::query_scalar("SELECT ticket_code FROM registrations WHERE id = $1")
        .bind(confirmed["id"].as_str().unwrap())
        .fetch_one(w.app.db.reader())
        .await
        .unwrap();
    let typed = format!("{}-{}", &code[..4], &code[4..]).to_lowercase();
    let checkin = format!("/api/v1/events/{ev}/checkins");
    let (s, body) = w.app.api(Method::POST, &checkin, Some(&w.leader), Some(json!({"ticket_code": typed}))).await;
    assert_eq!((s, body["already_checked_in"].clone()), (200, json!(false)), "{body}");
    // 16.7: one name per thing: a registration is `id` when created, listed and checked in.
    assert_eq!(body["id"], confirmed["id"], "{body}");
    let (_, listed) =
        w.app.api(Method::GET, &format!("/api/v1/events/{ev}/registrations"), Some(&w.leader), None).await;
    let ids: Vec<&Value> = listed.as_array().unwrap().iter().map(|a| &a["id"]).collect();
    assert_eq!(ids, [&confirmed["id"], &waiting["id"]], "{listed}");
    let (s, body) =
        w.app.api(Method::POST, &checkin, Some(&w.leader), Some(json!({"registration_id": confirmed["id"]}))).await;
    assert_eq!((s, body["already_checked_in"].clone()), (200, json!(true)));
    // A waiting ticket and a made-up code are refused.
    let (s, body) =
        w.app.api(Method::POST, &checkin, Some(&w.leader), Some(json!({"registration_id": waiting["id"]}))).await;
    assert_eq!((s, body["type"].as_str()), (422, Some("/problems/ticket_invalid")));
    let (s, _) = w.app.api(Method::POST, &checkin, Some(&w.leader), Some(json!({"ticket_code": "ZZZZ-ZZZZ"}))).await;
    assert_eq!(s, 422);
    // Someone let in attended: their place cannot be cancelled afterwards
    // (found by the soak, where a late cancellation and a new registration
    // wiped a check-in), so nobody waiting takes it.
    let mine = format!("/api/v1/events/{ev}/registrations/{}", confirmed["id"].as_str().unwrap());
    let (s, body) = w.app.api(Method::DELETE, &mine, Some(&people[0].2), None).await;
    assert_eq!((s, body["code"].as_str()), (409, Some("checked_in_already")), "{body}");
    assert!(body["title"].as_str().unwrap().contains("already checked in"), "{body}");
    let (_, list) = w.app.api(Method::GET, &format!("/api/v1/events/{ev}/registrations"), Some(&w.leader), None).await;
    assert_eq!(list[0]["status"], "confirmed");
    assert!(list[0]["checked_in_at"].is_string(), "{list}");
    assert_eq!(list[1]["waitlist_position"], 1, "still waiting: {list}");
    // Not completed while under way (UG-10: held means it happened).
    let (s, body) = w.app.api(Method::POST, &format!("/api/v1/events/{ev}/complete"), Some(&w.leader), None).await;
    assert_eq!((s, body["errors"][0]["code"].as_str()), (422, Some("event_not_ended")), "{body}");
    // Time passes: the event ends (written straight to the database, as the clock would).
    let mut tx = w.app.db.begin().await.unwrap();
    sqlx::query("UPDATE events SET ends_at = $1 WHERE id = $2")
        .bind((Utc::now() - Duration::minutes(5)).timestamp_micros())
        .bind(&ev)
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    // Completed with a check-in: held.
    let (s, body) = w.app.api(Method::POST, &format!("/api/v1/events/{ev}/complete"), Some(&w.leader), None).await;
    assert_eq!((s, body["held"].clone(), body["checked_in"].clone()), (200, json!(true), json!(1)));
    w.app.stop().await;
});

on_both!(ug5_ticketing_links_are_refused, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let path = format!("/api/v1/groups/{}/events", w.slug);
    let base =
        json!({"title": "Talks", "starts_at": "2030-05-01T18:00", "ends_at": "2030-05-01T20:00", "capacity": 50});
    let with_links = |links: Vec<&str>| {
        let mut b = base.clone();
        b["promotion_links"] = json!(links);
        b
    };
    let (s, problem) = w
        .app
        .api(Method::POST, &path, Some(&w.leader), Some(with_links(vec!["https://www.eventbrite.com/e/12345"])))
        .await;
    assert_eq!(s, 422);
    assert_eq!(problem["errors"][0]["field"], "promotion_links");
    assert_eq!(problem["errors"][0]["code"], "registration_link_refused");
    assert!(problem["errors"][0]["message"].as_str().unwrap().contains("here"), "{problem}");
    assert_eq!(w.app.count("events").await, 0, "nothing stored");
    let (s, ev) =
        w.app.api(Method::POST, &path, Some(&w.leader), Some(with_links(vec!["https://blog.example.org/talks"]))).await;
    assert_eq!(s, 201);
    assert_eq!(ev["promotion_links"], json!(["https://blog.example.org/talks"]));
    // The host list is settings data: an admin adds a host, and it is refused from then on.
    let admin = guildhall_storage::members::actor(
        w.app.db.reader(),
        guildhall_storage::tokens::member_for(w.app.db.reader(), &guildhall::auth::secrets::hash_token(&w.admin))
            .await
            .unwrap()
            .unwrap(),
    )
    .await
    .unwrap();
    guildhall::services::settings::change(
        &w.app.state.services,
        &admin,
        "events.ticketing_hosts",
        "eventbrite.com\nrsvp.example.net",
        "our own RSVP tool must not be used",
    )
    .await
    .unwrap();
    let (s, _) =
        w.app.api(Method::POST, &path, Some(&w.leader), Some(with_links(vec!["https://go.rsvp.example.net/x"]))).await;
    assert_eq!(s, 422);
    w.app.stop().await;
});

on_both!(ug14_times_across_daylight_saving, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let path = format!("/api/v1/groups/{}/events", w.slug);
    // Lisbon springs forward at 01:00 UTC on 29 March 2026: 01:00-02:00 local never happens.
    let (s, ev) = w
        .app
        .api(
            Method::POST,
            &path,
            Some(&w.leader),
            Some(json!({"title": "Night hack", "starts_at": "2026-03-29T00:30", "ends_at": "2026-03-29T03:30",
                "capacity": 20})),
        )
        .await;
    assert_eq!(s, 201, "{ev}");
    assert_eq!(ev["starts_at"], "2026-03-29T00:30:00+00:00");
    assert_eq!(ev["ends_at"], "2026-03-29T02:30:00+00:00", "one hour is skipped");
    assert_eq!(
        (ev["local_starts_at"].as_str(), ev["local_ends_at"].as_str()),
        (Some("2026-03-29T00:30"), Some("2026-03-29T03:30"))
    );
    // Summer time: 18:30 in Lisbon is 17:30 UTC.
    let (_, summer) = w
        .app
        .api(
            Method::POST,
            &path,
            Some(&w.leader),
            Some(json!({"title": "Summer", "starts_at": "2026-07-15T18:30", "ends_at": "2026-07-15T20:30", "capacity": 20})),
        )
        .await;
    assert_eq!(summer["starts_at"], "2026-07-15T17:30:00+00:00");
    // A wall-clock time the change skips is refused with a clear message.
    let (s, problem) = w
        .app
        .api(
            Method::POST,
            &path,
            Some(&w.leader),
            Some(json!({"title": "Ghost", "starts_at": "2026-03-29T01:30", "ends_at": "2026-03-29T03:00", "capacity": 20})),
        )
        .await;
    assert_eq!((s, problem["errors"][0]["code"].as_str()), (422, Some("time_skipped_by_dst")));
    w.app.stop().await;
});

on_both!(pl6_members_cannot_run_groups_they_do_not_lead, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let ev = w.published(10).await;
    let (_, _, outsider) = w.app.member_with_role("outsider", None).await;
    // A leader of another group is no better.
    let (_, _, other_leader) =
        w.app.member_with_role("other", Some(Role::GroupLeader(guildhall_domain::ids::GroupId::new()))).await;
    for token in [&outsider, &other_leader] {
        let checks = [
            (Method::PATCH, format!("/api/v1/events/{ev}"), Some(json!({"title": "Hijacked"}))),
            (Method::POST, format!("/api/v1/events/{ev}/cancel"), None),
            (Method::POST, format!("/api/v1/events/{ev}/complete"), None),
            (Method::GET, format!("/api/v1/events/{ev}/registrations"), None),
            (Method::POST, format!("/api/v1/events/{ev}/checkins"), Some(json!({"ticket_code": "ABCD-EFGH"}))),
            (Method::GET, format!("/api/v1/events/{ev}/walk-ins"), None),
            (Method::POST, format!("/api/v1/events/{ev}/walk-ins"), Some(json!({"name": "Gate Crasher"}))),
            (Method::POST, format!("/api/v1/groups/{}/events", w.slug), Some(json!({"title": "x"}))),
            (
                Method::POST,
                format!("/api/v1/groups/{}/leaders", w.slug),
                Some(json!({"email": "outsider0@example.org"})),
            ),
        ];
        for (m, p, b) in checks {
            let (s, body) = w.app.api(m.clone(), &p, Some(token), b).await;
            assert_eq!(s, 403, "{m} {p}: {body}");
        }
    }
    let (_, event) = w.app.api(Method::GET, &format!("/api/v1/events/{ev}"), None, None).await;
    assert_eq!(event["title"], "Minimal APIs in depth");
    assert_eq!(event["status"], "published");
    // Without a token, writes are refused as unauthenticated.
    let (s, _) = w.app.api(Method::POST, &format!("/api/v1/events/{ev}/registrations"), None, None).await;
    assert_eq!(s, 401);
    w.app.stop().await;
});

on_both!(ug14_online_link_only_for_attendees, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let ev = w.published(10).await;
    let (_, _, member) = w.app.member_with_role("viewer", None).await;
    let (_, public) = w.app.api(Method::GET, &format!("/api/v1/events/{ev}"), None, None).await;
    assert_eq!((public["online_link"].clone(), public["is_online"].clone()), (Value::Null, json!(true)));
    let (_, before) = w.app.api(Method::GET, &format!("/api/v1/events/{ev}"), Some(&member), None).await;
    assert_eq!(before["online_link"], Value::Null);
    w.register(&ev, &member).await;
    let (_, after) = w.app.api(Method::GET, &format!("/api/v1/events/{ev}"), Some(&member), None).await;
    assert_eq!(after["online_link"], "https://meet.example.org/abc");
    // UG-9: no price anywhere in an event.
    assert!(after.get("price").is_none() && after.get("fee").is_none());
    w.app.stop().await;
});

on_both!(ug14_reminder_sent_once, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let ev = w.published(10).await; // starts in 10 days
    let people = w.app.members_with_tokens("remind", 3).await;
    for p in &people {
        w.register(&ev, &p.2).await;
    }
    let count = |app: &TestApp| {
        let db = app.db.clone();
        async move {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM outbox WHERE kind = 'reminder'")
                .fetch_one(db.reader())
                .await
                .unwrap()
        }
    };
    // Too early: nothing. Within 24 h of the start: one each, however often the job runs.
    let now = Utc::now();
    assert_eq!(guildhall::services::registrations::send_reminders(&w.app.state.services, now).await.unwrap(), 0);
    let later = now + Duration::days(9) + Duration::hours(12);
    let (a, b) = tokio::join!(
        guildhall::services::registrations::send_reminders(&w.app.state.services, later),
        guildhall::services::registrations::send_reminders(&w.app.state.services, later)
    );
    assert_eq!(a.unwrap() + b.unwrap(), 3);
    assert_eq!(guildhall::services::registrations::send_reminders(&w.app.state.services, later).await.unwrap(), 0);
    assert_eq!(count(&w.app).await, 3);
    w.app.stop().await;
});

on_both!(ug14_one_member_clicking_twenty_times_at_once_registers_once, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let ev = w.published(5).await;
    let (_, _, token) = w.app.member_with_role("eager", None).await;
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..20 {
        let (client, url, token) =
            (w.app.client.clone(), w.app.url(&format!("/api/v1/events/{ev}/registrations")), token.clone());
        tasks.spawn(async move { client.post(url).bearer_auth(token).send().await.unwrap().status().as_u16() });
    }
    let mut statuses = Vec::new();
    while let Some(s) = tasks.join_next().await {
        statuses.push(s.unwrap());
    }
    statuses.sort_unstable();
    assert_eq!(statuses.iter().filter(|s| **s == 201).count(), 1, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 409).count(), 19, "{statuses:?}");
    assert_eq!(w.app.count("registrations").await, 1);
    w.app.stop().await;
});

on_both!(pl5_the_group_directory_lists_each_groups_own_leaders, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let region = w.app.api(Method::GET, "/api/v1/groups/lisboa-net", None, None).await.1["region_id"].clone();
    let (_, second_email, _) = w.app.member_with_role("second", None).await;
    let (_, third_email, _) = w.app.member_with_role("third", None).await;
    let body = serde_json::json!({"region_id": region, "name": "Porto Devs", "city": "Porto", "country": "PT",
        "time_zone": "Europe/Lisbon", "description": "Talks.", "leaders": [second_email, third_email]});
    let (s, g) = w.app.api(Method::POST, "/api/v1/groups", Some(&w.admin), Some(body)).await;
    assert_eq!(s, 201, "{g}");
    let (s, list) = w.app.api(Method::GET, "/api/v1/groups", None, None).await;
    assert_eq!(s, 200);
    let leaders = |slug: &str| -> Vec<String> {
        let g = list.as_array().unwrap().iter().find(|g| g["slug"] == slug).unwrap();
        g["leaders"].as_array().unwrap().iter().map(|l| l["name"].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(leaders("lisboa-net"), ["leader 0"]);
    assert_eq!(leaders("porto-devs"), ["second 0", "third 0"]);
});

on_both!(
    ug14_an_ended_event_completes_by_itself_once_and_asks_its_leaders_to_confirm_the_check_ins,
    |backend| async move {
        let Some(w) = world(backend).await else { return };
        let start = Utc::now() - Duration::hours(1);
        let body = json!({"title": "Now", "starts_at": start.to_rfc3339(), "ends_at": (start + Duration::hours(2)).to_rfc3339(),
        "capacity": 10, "online_link": "https://meet.example.org/now"});
        let (_, ev) =
            w.app.api(Method::POST, &format!("/api/v1/groups/{}/events", w.slug), Some(&w.leader), Some(body)).await;
        let ev = ev["id"].as_str().unwrap().to_owned();
        w.app.api(Method::POST, &format!("/api/v1/events/{ev}/publish"), Some(&w.leader), None).await;
        let later = w.published(10).await;
        let people = w.app.members_with_tokens("came", 1).await;
        let (_, reg) = w.register(&ev, &people[0].2).await;
        let checkin = format!("/api/v1/events/{ev}/checkins");
        let (s, _) =
            w.app.api(Method::POST, &checkin, Some(&w.leader), Some(json!({"registration_id": reg["id"]}))).await;
        assert_eq!(s, 200);
        let svc = &w.app.state.services;
        let ends = start + Duration::hours(2);
        // Not before the set time after its end (12 hours by default).
        let n = guildhall::services::events::complete_ended(svc, ends + Duration::hours(11)).await.unwrap();
        assert_eq!(n, 0);
        let n = guildhall::services::events::complete_ended(svc, ends + Duration::hours(12)).await.unwrap();
        assert_eq!(n, 1, "the ended event, not the one still to come");
        let n = guildhall::services::events::complete_ended(svc, ends + Duration::hours(13)).await.unwrap();
        assert_eq!(n, 0, "once");
        let (_, e) = w.app.api(Method::GET, &format!("/api/v1/events/{ev}"), None, None).await;
        assert_eq!(e["status"], "completed");
        let (_, e) = w.app.api(Method::GET, &format!("/api/v1/events/{later}"), None, None).await;
        assert_eq!(e["status"], "published");
        let (subject, text) = w.app.last_email("leader0@example.org").await;
        assert_eq!(subject, "Now is complete: 1 checked in");
        assert!(text.contains(&format!("/events/{ev}/attendees")), "{text}");
        assert!(text.contains("you can still check them in until"), "{text}");
        // Recorded as done by the system, with the count.
        let who: Option<String> =
            sqlx::query_scalar("SELECT actor_id FROM audit_log WHERE entity_id = $1 AND action = 'event.completed'")
                .bind(&ev)
                .fetch_one(w.app.db.reader())
                .await
                .unwrap();
        assert_eq!(who, None);
        // A check-in the leader confirms afterwards, while the door is still open, is kept.
        let (s, body) =
            w.app.api(Method::POST, &checkin, Some(&w.leader), Some(json!({"registration_id": reg["id"]}))).await;
        assert_eq!((s, body["already_checked_in"].clone()), (200, json!(true)), "{body}");
    }
);

on_both!(ug14_leaders_write_to_the_registrants_they_choose_by_api_and_page, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let ev = w.published(1).await;
    let people = w.app.members_with_tokens("told", 2).await;
    w.register(&ev, &people[0].2).await;
    w.register(&ev, &people[1].2).await;
    let path = format!("/api/v1/events/{ev}/messages");
    let msg =
        |audience: &str| json!({"audience": audience, "subject": "Room change", "body": "We moved to room 2.04."});
    let (s, _) = w.app.api(Method::POST, &path, Some(&people[0].2), Some(msg("all"))).await;
    assert_eq!(s, 403, "registrants do not write to each other");
    let (s, b) = w.app.api(Method::POST, &path, Some(&w.leader), Some(msg("waiting"))).await;
    assert_eq!((s, b["recipients"].as_u64()), (202, Some(1)), "{b}");
    let (subject, body) = w.app.last_email("told1@example.org").await;
    assert_eq!(subject, "Minimal APIs in depth: Room change");
    assert!(body.contains("We moved to room 2.04.") && body.contains(&format!("/events/{ev}")), "{body}");
    let to_first: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM outbox WHERE to_address = 'told0@example.org' AND kind = 'event-message'",
    )
    .fetch_one(w.app.db.reader())
    .await
    .unwrap();
    assert_eq!(to_first, 0, "the confirmed one was not in the waiting list");
    let (s, p) = w.app.api(Method::POST, &path, Some(&w.leader), Some(msg("checked_in"))).await;
    assert_eq!((s, p["errors"][0]["code"].as_str()), (422, Some("nobody_to_message")), "nobody checked in yet");
    let (s, p) = w
        .app
        .api(Method::POST, &path, Some(&w.leader), Some(json!({"audience": "all", "subject": "", "body": ""})))
        .await;
    assert_eq!(s, 422);
    assert_eq!(p["errors"].as_array().unwrap().len(), 2, "subject and body both named: {p}");
    // From the attendees page.
    let leader = w.leader_browser("door.leader@example.org").await;
    let page = format!("/events/{ev}/attendees");
    let r = common::post_form(
        &leader,
        &w.app,
        &page,
        &format!("/events/{ev}/message"),
        &[("audience", "confirmed"), ("subject", "See you"), ("body", "")],
    )
    .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("This field is required."));
    assert!(
        html.contains(r#"value="See you""#) && html.contains(r#"value="confirmed" selected"#),
        "what was typed stays"
    );
    let r = common::post_form(
        &leader,
        &w.app,
        &page,
        &format!("/events/{ev}/message"),
        &[("audience", "checked_in"), ("subject", "Thanks"), ("body", "Slides attached.")],
    )
    .await;
    assert_eq!(r.status(), 422);
    assert!(
        r.text().await.unwrap().contains("Nobody is in this group of registrants yet"),
        "said on the page, not lost"
    );
    let r = common::post_form(
        &leader,
        &w.app,
        &page,
        &format!("/events/{ev}/message"),
        &[("audience", "all"), ("subject", "See you"), ("body", "Doors open at 18:30.")],
    )
    .await;
    assert_eq!(r.status(), 303);
    let to = r.headers()["location"].to_str().unwrap().to_owned();
    let html = leader.get(w.app.url(&to)).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("Your message is on its way to 2 people."), "{html}");
});

// UG-14: a group's event list through the API shows each event exactly as
// the event's own answer does (numbers, talks, venue, the online link only
// to a confirmed attendee and those who run the group), and a
// draft only to those who run the group. The list is read in a few batched
// queries (query_counts.rs counts them); this checks it says the same.
on_both!(ug14_a_groups_event_list_says_what_each_events_own_answer_says, |backend| async move {
    let Some(g) = common::gov::gov(backend).await else { return };
    let venue = g.venue("coworking").await;
    let at_venue = g.published(Some(&venue), 9).await;
    let online = g.published(None, 10).await;
    let draft = g.draft(None, 11).await;
    let (s, talk) = g
        .call(
            Method::POST,
            &format!("/api/v1/events/{online}/talks"),
            &g.leader,
            Some(json!({"title": "Tracing by hand"})),
        )
        .await;
    assert_eq!(s, 201, "{talk}");
    // The online event has one seat: the member holds it, the staff member waits.
    let (s, body) =
        g.call(Method::PATCH, &format!("/api/v1/events/{online}"), &g.leader, Some(json!({"capacity": 1}))).await;
    assert_eq!(s, 200, "{body}");
    for who in [&g.member, &g.staff] {
        let (s, body) = g.call(Method::POST, &format!("/api/v1/events/{online}/registrations"), who, None).await;
        assert_eq!(s, 201, "{body}");
    }

    let path = format!("/api/v1/groups/{}/events", g.slug);
    for (who, sees_draft) in [(&g.member, false), (&g.staff, false), (&g.leader, true), (&g.other_leader, false)] {
        let (s, list) = g.call(Method::GET, &path, who, None).await;
        assert_eq!(s, 200, "{list}");
        let list = list.as_array().unwrap();
        let ids: Vec<&str> = list.iter().map(|e| e["id"].as_str().unwrap()).collect();
        assert!(ids.contains(&at_venue.as_str()) && ids.contains(&online.as_str()), "{ids:?}");
        assert_eq!(ids.contains(&draft.as_str()), sees_draft, "{} and the draft: {ids:?}", who.email);
        for item in list {
            let (s, own) =
                g.call(Method::GET, &format!("/api/v1/events/{}", item["id"].as_str().unwrap()), who, None).await;
            assert_eq!(s, 200, "{own}");
            assert_eq!(item, &own, "{} reads the list as the event's own answer", who.email);
        }
    }
    // What the comparison covered, so that it did not compare empty answers.
    let (_, own) = g.call(Method::GET, &format!("/api/v1/events/{online}"), &g.staff, None).await;
    assert_eq!(own["talks"][0]["title"], "Tracing by hand", "{own}");
    assert_eq!((own["confirmed"].as_u64(), own["waiting"].as_u64()), (Some(1), Some(1)), "{own}");
    assert!(own["online_link"].is_null(), "one waiting does not see the link: {own}");
    let (_, own) = g.call(Method::GET, &format!("/api/v1/events/{online}"), &g.member, None).await;
    assert_eq!(own["online_link"], "https://meet.example.org/obs", "{own}");
    let (_, own) = g.call(Method::GET, &format!("/api/v1/events/{at_venue}"), &g.member, None).await;
    assert_eq!(own["venue"]["id"], venue.as_str(), "{own}");
});

// UG-14: a member's tickets through the API say what "My tickets" and the
// ticket page say: each place with its status, place in line, door code
// and event; one ticket is the holder's (or the group's runners') alone,
// and a place given up leaves the list.
on_both!(ug14_a_member_reads_their_tickets_through_the_api_as_the_pages_show_them, |backend| async move {
    let Some(g) = common::gov::gov(backend).await else { return };
    let sooner = g.published(None, 5).await;
    let later = g.published(None, 12).await;
    let (s, body) =
        g.call(Method::PATCH, &format!("/api/v1/events/{sooner}"), &g.leader, Some(json!({"capacity": 1}))).await;
    assert_eq!(s, 200, "{body}");
    let mut held = Vec::new();
    for (who, ev) in [(&g.member, &sooner), (&g.member, &later), (&g.staff, &sooner)] {
        let (s, r) = g.call(Method::POST, &format!("/api/v1/events/{ev}/registrations"), who, None).await;
        assert_eq!(s, 201, "{r}");
        held.push(r["id"].as_str().unwrap().to_owned());
    }

    let (s, mine) = g.call(Method::GET, "/api/v1/me/tickets", &g.member, None).await;
    assert_eq!(s, 200, "{mine}");
    let rows: Vec<(&str, &str, &str)> = mine
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["event_id"].as_str().unwrap(), t["status"].as_str().unwrap(), t["id"].as_str().unwrap()))
        .collect();
    assert_eq!(
        rows,
        [(later.as_str(), "confirmed", held[1].as_str()), (sooner.as_str(), "confirmed", held[0].as_str())],
        "newest event first"
    );
    let (s, waiting) = g.call(Method::GET, "/api/v1/me/tickets", &g.staff, None).await;
    assert_eq!(s, 200, "{waiting}");
    assert_eq!(waiting[0]["status"], "waitlisted", "{waiting}");
    assert_eq!(waiting[0]["waitlist_position"], 1, "{waiting}");
    assert_eq!(waiting[0]["can_cancel"], true, "{waiting}");
    assert!(waiting[0]["ticket_code"].is_null(), "a place in line is not let in at the door: {waiting}");

    // One ticket reads as its entry in the list, and as its page shows it.
    let (s, one) = g.call(Method::GET, &format!("/api/v1/tickets/{}", held[0]), &g.member, None).await;
    assert_eq!(s, 200, "{one}");
    assert_eq!(one, mine[1]);
    let page = common::gov::page_client(&g, Some(&g.member)).await;
    let html = page.get(g.app.url(&format!("/tickets/{}", held[0]))).send().await.unwrap().text().await.unwrap();
    assert!(html.contains(one["ticket_code"].as_str().unwrap()), "the page shows the same door code");
    let list = page.get(g.app.url("/tickets")).send().await.unwrap().text().await.unwrap();
    for id in &held[..2] {
        assert!(list.contains(&format!("/tickets/{id}")), "My tickets links {id}");
    }
    let (s, _) = g.call(Method::GET, &format!("/api/v1/tickets/{}", held[0]), &g.other_leader, None).await;
    assert_eq!(s, 404, "someone else's ticket does not exist for them");
    // The group's leader may open it, and is told whose it is before any
    // button offers to cancel it.
    let leader = common::gov::page_client(&g, Some(&g.leader)).await;
    let theirs = leader.get(g.app.url(&format!("/tickets/{}", held[0]))).send().await.unwrap().text().await.unwrap();
    let (_, holder) = g.call(Method::GET, "/api/v1/me", &g.member, None).await;
    let name = holder["name"].as_str().unwrap();
    assert!(
        theirs.contains(&format!("This is {name}&#39;s ticket"))
            || theirs.contains(&format!("This is {name}'s ticket")),
        "{theirs}"
    );
    assert!(theirs.contains("Cancel this registration") && !theirs.contains("Cancel my registration"), "{theirs}");
    assert!(!html.contains("This is "), "the holder reads their own ticket");

    // Giving up the later place takes it off the list.
    let (s, _) =
        g.call(Method::DELETE, &format!("/api/v1/events/{later}/registrations/{}", held[1]), &g.member, None).await;
    assert_eq!(s, 204);
    let (_, mine) = g.call(Method::GET, "/api/v1/me/tickets", &g.member, None).await;
    let left: Vec<&str> = mine.as_array().unwrap().iter().map(|t| t["id"].as_str().unwrap()).collect();
    assert_eq!(left, [held[0].as_str()]);
});

on_both!(pl5_the_directory_finds_a_city_by_the_names_people_type_for_it, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let region = w.app.api(Method::GET, "/api/v1/groups/lisboa-net", None, None).await.1["region_id"].clone();
    let (_, lead, _) = w.app.member_with_role("koeln", None).await;
    let body = serde_json::json!({"region_id": region, "name": "Rhein Devs", "city": "Köln", "country": "DE",
        "time_zone": "Europe/Berlin", "description": "Talks.", "leaders": [lead]});
    assert_eq!(w.app.api(Method::POST, "/api/v1/groups", Some(&w.admin), Some(body)).await.0, 201);
    let found = |q: &'static str| {
        let app = &w.app;
        async move {
            let (_, list) = app.api(Method::GET, &format!("/api/v1/groups?q={q}"), None, None).await;
            let mut slugs: Vec<String> =
                list.as_array().unwrap().iter().map(|g| g["slug"].as_str().unwrap().to_owned()).collect();
            slugs.sort();
            slugs
        }
    };
    assert_eq!(found("Lisbon").await, ["lisboa-net"], "the English name of Lisboa");
    assert_eq!(found("LISSABON").await, ["lisboa-net"], "the German one, in capitals");
    assert_eq!(found("cologne").await, ["rhein-devs"]);
    assert_eq!(found("Col%C3%B3nia").await, ["rhein-devs"], "the Portuguese one");
    assert_eq!(found("Colonia").await, ["rhein-devs"], "and without its accent");
    assert_eq!(found("koln").await, ["rhein-devs"], "its own name typed without the umlaut");
    assert_eq!(found("Kolin").await, Vec::<String>::new(), "no name of Köln in the data: no guess");
    assert_eq!(found("Lis").await, ["lisboa-net"], "part of the group's own city still finds it");
    assert_eq!(found("Paris").await, Vec::<String>::new(), "another city's names find nothing here");
    // The page finds the same.
    let html = reqwest::get(w.app.url("/groups?q=Lisbon")).await.unwrap().text().await.unwrap();
    assert!(html.contains("Lisboa .NET") && !html.contains("Rhein Devs"), "the directory page finds it too");
});
