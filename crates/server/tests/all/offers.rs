//! UG-18: waiting-list offers. A freed seat is offered to the first person
//! waiting until a deadline, held meanwhile, claimed with one click, and
//! passed on when declined or left to expire: exactly once, never
//! overbooked, under a thousand concurrent operations on two instances.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use chrono::{Duration, Utc};
use common::world::{world, World};
use guildhall::services::offers::pass_on_expired;
use reqwest::Method;
use serde_json::{json, Value};
use sqlx::Row;

/// A published event ten days out that fills freed seats by offers.
async fn offering(w: &World, capacity: i64) -> String {
    let start = Utc::now() + Duration::days(10);
    let body = json!({"title": "Offers night", "starts_at": start.to_rfc3339(),
        "ends_at": (start + Duration::hours(2)).to_rfc3339(), "capacity": capacity,
        "online_link": "https://meet.example.org/offers", "waitlist_mode": "offers"});
    let (s, ev) =
        w.app.api(Method::POST, &format!("/api/v1/groups/{}/events", w.slug), Some(&w.leader), Some(body)).await;
    assert_eq!((s, ev["waitlist_mode"].as_str()), (201, Some("offers")), "{ev}");
    let id = ev["id"].as_str().unwrap().to_owned();
    assert_eq!(w.app.api(Method::POST, &format!("/api/v1/events/{id}/publish"), Some(&w.leader), None).await.0, 200);
    id
}

async fn places(w: &World, ev: &str) -> Vec<Value> {
    let (_, list) = w.app.api(Method::GET, &format!("/api/v1/events/{ev}/registrations"), Some(&w.leader), None).await;
    list.as_array().unwrap().clone()
}

fn status_of(list: &[Value], member: &guildhall_domain::ids::MemberId) -> String {
    list.iter()
        .find(|r| r["member_id"] == member.to_string().as_str())
        .map(|r| r["status"].as_str().unwrap().to_owned())
        .unwrap_or_else(|| "none".into())
}

async fn emails(app: &common::TestApp, to: &str, kind: &str) -> Vec<(String, Option<String>)> {
    sqlx::query("SELECT body_text, calendar FROM outbox WHERE to_address = $1 AND kind = $2 ORDER BY id")
        .bind(to)
        .bind(kind)
        .fetch_all(app.db.reader())
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get("body_text"), r.get("calendar")))
        .collect()
}

fn offer_link(body: &str) -> String {
    regex::Regex::new(r"/offers/[0-9a-f-]+\.[0-9a-f]+").unwrap().find(body).expect("an offer link").as_str().to_owned()
}

async fn give_up(w: &World, ev: &str, token: &str) {
    let (_, mine) = w.app.api(Method::GET, "/api/v1/me/tickets", Some(token), None).await;
    let id = mine.as_array().unwrap().iter().find(|t| t["event_id"] == ev).unwrap()["id"].as_str().unwrap().to_owned();
    let (s, b) = w.app.api(Method::DELETE, &format!("/api/v1/events/{ev}/registrations/{id}"), Some(token), None).await;
    assert_eq!(s, 204, "{b}");
}

on_both!(ug18_a_freed_seat_is_offered_held_claimed_declined_or_passed_on, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let ev = offering(&w, 1).await;
    let people = w.app.members_with_tokens("wait", 5).await;
    let (ana, bea, cai, dan, eva) = (&people[0], &people[1], &people[2], &people[3], &people[4]);
    for p in [ana, bea, cai, dan] {
        w.register(&ev, &p.2).await;
    }
    // Ana lets her seat go: Bea, first in line, is offered it for a day.
    give_up(&w, &ev, &ana.2).await;
    let list = places(&w, &ev).await;
    assert_eq!(status_of(&list, &bea.0), "offered");
    let bea_row = list.iter().find(|r| r["member_id"] == bea.0.to_string().as_str()).unwrap();
    let until: chrono::DateTime<Utc> = bea_row["offer_expires_at"].as_str().unwrap().parse().unwrap();
    assert!((until - Utc::now() - Duration::hours(24)).num_minutes().abs() <= 1, "a day, ten days out: {until}");
    let offered = emails(&w.app, &bea.1, "seat-offered").await;
    assert_eq!(offered.len(), 1);
    assert!(offered[0].0.contains("Claim it with one click before"), "{}", offered[0].0);
    // The seat is held: a newcomer waits, and no seat shows as free.
    assert_eq!(w.register(&ev, &eva.2).await.1["status"], "waitlisted");
    let (_, e) = w.app.api(Method::GET, &format!("/api/v1/events/{ev}"), None, None).await;
    assert_eq!((e["seats_left"].as_u64(), e["offered"].as_u64()), (Some(0), Some(1)), "{e}");
    let leader = w.leader_browser("offers-leader@example.org").await;
    let html = leader.get(w.app.url(&format!("/events/{ev}"))).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("1 seat on offer"), "the leader's numbers add up to the capacity");

    // Opening the link says what and until when; claiming it gives the ticket.
    let link = offer_link(&offered[0].0);
    let visitor = common::browser();
    let page = visitor.get(w.app.url(&link)).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Claim my seat") && page.contains("Offers night"), "{page}");
    assert_eq!(status_of(&places(&w, &ev).await, &bea.0), "offered", "opening changes nothing");
    let done = visitor.post(w.app.url(&link)).send().await.unwrap().text().await.unwrap();
    assert!(done.contains("is yours") && done.contains("<h1>Your seat</h1>"), "{done}");
    assert_eq!(status_of(&places(&w, &ev).await, &bea.0), "confirmed");
    let confirmation = emails(&w.app, &bea.1, "registered").await;
    let invite =
        confirmation.last().and_then(|(_, c)| c.clone()).expect("the claim's confirmation carries an invitation");
    assert!(invite.contains("METHOD:REQUEST") && invite.contains("PARTSTAT=ACCEPTED"), "{invite}");
    let again = visitor.post(w.app.url(&link)).send().await.unwrap().text().await.unwrap();
    assert!(again.contains("is yours"), "a second press says where it stands: {again}");

    // Bea gives it up: Cai is offered it, lets the deadline pass, and the
    // job passes it to Dan once, however often it runs.
    give_up(&w, &ev, &bea.2).await;
    assert_eq!(status_of(&places(&w, &ev).await, &cai.0), "offered");
    let svc = &w.app.state.services;
    assert_eq!(pass_on_expired(svc, Utc::now() + Duration::hours(1)).await.unwrap(), 0, "still open");
    let later = Utc::now() + Duration::hours(25);
    let (a, b) = tokio::join!(pass_on_expired(svc, later), pass_on_expired(svc, later));
    assert_eq!(a.unwrap() + b.unwrap(), 1);
    let list = places(&w, &ev).await;
    assert_eq!((status_of(&list, &cai.0), status_of(&list, &dan.0)), ("none".into(), "offered".into()), "{list:?}");
    let expired = emails(&w.app, &cai.1, "offer-expired").await;
    assert_eq!(expired.len(), 1);
    assert!(expired[0].1.as_deref().unwrap_or_default().contains("METHOD:CANCEL"), "the calendar drops it");
    assert_eq!(emails(&w.app, &dan.1, "seat-offered").await.len(), 1, "offered once");
    // Too late for Cai; Dan claims by the API.
    let (_, cai_tickets) = w.app.api(Method::GET, "/api/v1/me/tickets", Some(&cai.2), None).await;
    assert!(cai_tickets.as_array().unwrap().iter().all(|t| t["event_id"] != ev.as_str()), "Cai's place is gone");
    let (_, dan_tickets) = w.app.api(Method::GET, "/api/v1/me/tickets", Some(&dan.2), None).await;
    let dan_place = dan_tickets[0]["id"].as_str().unwrap().to_owned();
    assert_eq!(dan_tickets[0]["state"], "offered");
    let claim = format!("/api/v1/events/{ev}/registrations/{dan_place}/claim");
    let (s, b) = w.app.api(Method::POST, &claim, Some(&eva.2), None).await;
    assert_eq!(s, 404, "nobody claims someone else's offer: {b}");
    let (s, b) = w.app.api(Method::POST, &claim, Some(&dan.2), None).await;
    assert_eq!((s, b["status"].as_str()), (200, Some("confirmed")), "{b}");
    let (s, b) = w.app.api(Method::POST, &claim, Some(&dan.2), None).await;
    assert_eq!(s, 409, "claimed already: {b}");
    assert!(b.to_string().contains("no longer open"), "{b}");

    // Dan gives it up; Eva says no thanks from her email: nobody waits, the seat is free.
    give_up(&w, &ev, &dan.2).await;
    let eva_link = offer_link(&emails(&w.app, &eva.1, "seat-offered").await[0].0);
    let declined = visitor.post(w.app.url(&format!("{eva_link}/decline"))).send().await.unwrap().text().await.unwrap();
    assert!(declined.contains("goes to the next person waiting"), "{declined}");
    let (_, e) = w.app.api(Method::GET, &format!("/api/v1/events/{ev}"), None, None).await;
    assert_eq!((e["seats_left"].as_u64(), e["offered"].as_u64(), e["waiting"].as_u64()), (Some(1), Some(0), Some(0)));
    w.app.stop().await;
});

on_both!(ug18_an_expired_offer_passes_on_exactly_once_with_two_instances_running_the_job, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let ev = offering(&w, 1).await;
    let people = w.app.members_with_tokens("twice", 3).await;
    for p in &people {
        w.register(&ev, &p.2).await;
    }
    give_up(&w, &ev, &people[0].2).await;
    // A second instance on the same database, with its own pools.
    let db = guildhall_storage::Db::connect(&w.app.tdb.url, 4).await.unwrap();
    let other = guildhall::AppState::new(db, guildhall::Config::local(&w.app.tdb.url));
    let later = Utc::now() + Duration::hours(25);
    let (a, b) = tokio::join!(pass_on_expired(&w.app.state.services, later), pass_on_expired(&other.services, later));
    assert_eq!(a.unwrap() + b.unwrap(), 1, "passed on once");
    assert_eq!(emails(&w.app, &people[1].1, "offer-expired").await.len(), 1);
    assert_eq!(emails(&w.app, &people[2].1, "seat-offered").await.len(), 1, "the next person is offered it once");
    let list = places(&w, &ev).await;
    assert_eq!(status_of(&list, &people[2].0), "offered");
    w.app.stop().await;
});

/// The seats held now (confirmed, on offer, walk-ins) and who waits.
async fn counts(app: &common::TestApp, ev: &str) -> (i64, i64, i64) {
    let row = sqlx::query(
        "SELECT COALESCE(SUM(CASE WHEN status = 'confirmed' THEN 1 ELSE 0 END), 0) AS confirmed,
                COALESCE(SUM(CASE WHEN status = 'offered' THEN 1 ELSE 0 END), 0) AS offered,
                COALESCE(SUM(CASE WHEN status = 'waitlisted' THEN 1 ELSE 0 END), 0) AS waiting
         FROM registrations WHERE event_id = $1",
    )
    .bind(ev)
    .fetch_one(app.db.reader())
    .await
    .unwrap();
    (row.get("confirmed"), row.get("offered"), row.get("waiting"))
}

on_both!(
    ug18_a_thousand_registrations_cancellations_claims_and_expiries_never_overbook_or_lose_an_offer,
    |backend| async move {
        const CAPACITY: i64 = 20;
        const PEOPLE: usize = 250;
        let Some(w) = world(backend).await else { return };
        let ev = offering(&w, CAPACITY).await;
        let people = w.app.members_with_tokens("crowd", PEOPLE).await;
        let second = w.app.another_instance().await;
        let bases = [w.app.url(""), format!("http://{}", second.addr)];
        let db = guildhall_storage::Db::connect(&w.app.tdb.url, 4).await.unwrap();
        let other = guildhall::AppState::new(db, guildhall::Config::local(&w.app.tdb.url));
        let ops = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let client = reqwest::Client::builder().pool_max_idle_per_host(256).build().unwrap();
        let mut tasks = tokio::task::JoinSet::new();
        for (i, p) in people.iter().enumerate() {
            let (base, token, ev, client, ops) =
                (bases[i % 2].clone(), p.2.clone(), ev.clone(), client.clone(), ops.clone());
            tasks.spawn(async move {
                let send = |method: Method, path: String, counted: bool| {
                    let (client, base, token, ops) = (client.clone(), base.clone(), token.clone(), ops.clone());
                    async move {
                        if counted {
                            ops.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        }
                        let res =
                            client.request(method, format!("{base}{path}")).bearer_auth(&token).send().await.unwrap();
                        let status = res.status().as_u16();
                        let body = res.text().await.unwrap_or_default();
                        assert!(status < 500, "{path}: {status} {body}");
                        serde_json::from_str::<Value>(&body).unwrap_or(Value::Null)
                    }
                };
                let state_of = |id: String| async move {
                    let mine = send(Method::GET, "/api/v1/me/tickets".into(), false).await;
                    mine.as_array()
                        .and_then(|t| t.iter().find(|t| t["id"] == id.as_str()))
                        .and_then(|t| t["state"].as_str().map(str::to_owned))
                };
                // Three rounds of: register, then claim an offer or give the place up.
                let mut last = None;
                for round in 0..3 {
                    let placed = send(Method::POST, format!("/api/v1/events/{ev}/registrations"), true).await;
                    if let Some(id) = placed["id"].as_str() {
                        last = Some(id.to_owned());
                    }
                    let Some(id) = last.clone() else { continue };
                    tokio::task::yield_now().await;
                    let state = state_of(id.clone()).await;
                    if state.as_deref() == Some("offered") && (i + round) % 4 != 3 {
                        send(Method::POST, format!("/api/v1/events/{ev}/registrations/{id}/claim"), true).await;
                    } else if round < 2 && (i + round) % 2 == 0 {
                        send(Method::DELETE, format!("/api/v1/events/{ev}/registrations/{id}"), true).await;
                    }
                }
                // Then watch for an offer a while, and claim most of them.
                for _ in 0..10 {
                    let Some(id) = last.clone() else { break };
                    if state_of(id.clone()).await.as_deref() == Some("offered") && i % 5 != 0 {
                        send(Method::POST, format!("/api/v1/events/{ev}/registrations/{id}/claim"), true).await;
                    }
                    tokio::time::sleep(std::time::Duration::from_millis(30)).await;
                }
            });
        }
        // Meanwhile, both instances pass on expired offers, as their jobs would.
        let expiries = ops.clone();
        let (svc_a, svc_b) = (w.app.state.services.clone(), other.services.clone());
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stopped = stop.clone();
        let sweeper = tokio::spawn(async move {
            let mut passed = 0;
            // At least 60 sweeps, and on until every member is done.
            for k in 0.. {
                if k >= 60 && stopped.load(std::sync::atomic::Ordering::Relaxed) {
                    break;
                }
                let svc = if k % 2 == 0 { &svc_a } else { &svc_b };
                expiries.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                // Every third sweep the deadlines have passed; in between the
                // offers stay open long enough for their people to claim some.
                let at = if k % 3 == 2 { Utc::now() + Duration::hours(25) } else { Utc::now() };
                passed += pass_on_expired(svc, at).await.unwrap();
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            }
            passed
        });
        let mut peak = 0;
        while !tasks.is_empty() {
            let (confirmed, offered, _) = counts(&w.app, &ev).await;
            peak = peak.max(confirmed + offered);
            assert!(confirmed + offered <= CAPACITY, "overbooked: {confirmed} confirmed and {offered} on offer");
            if let Some(done) = tasks.try_join_next() {
                done.unwrap();
            } else {
                tokio::time::sleep(std::time::Duration::from_millis(5)).await;
            }
        }
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        let passed = sweeper.await.unwrap();
        // One last sweep: whatever is still on offer expires now.
        let passed = passed + pass_on_expired(&w.app.state.services, Utc::now() + Duration::days(30)).await.unwrap();
        let total = ops.load(std::sync::atomic::Ordering::Relaxed);
        assert!(total >= 1000, "{total} operations");
        let (confirmed, offered, waiting) = counts(&w.app, &ev).await;
        assert!(confirmed + offered <= CAPACITY);
        assert_eq!(peak.max(confirmed + offered), CAPACITY, "the event filled");
        if waiting > 0 {
            assert_eq!(confirmed + offered, CAPACITY, "no seat is free while people wait: no offer was lost");
        }
        // Every offer made was emailed once, and every expiry once.
        let audit = |action: &'static str| {
            let db = w.app.db.clone();
            async move {
                sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM audit_log WHERE action = $1")
                    .bind(action)
                    .fetch_one(db.reader())
                    .await
                    .unwrap()
            }
        };
        let made = audit("registration.offered").await;
        let claimed = audit("registration.claimed").await;
        eprintln!("UG-18 rush: {total} operations; {made} offers, {claimed} claimed, {passed} expired; now {confirmed} confirmed, {offered} on offer, {waiting} waiting");
        assert!(made > 0 && claimed > 0 && passed > 0, "offers were made, claimed and passed on");
        assert_eq!(w.app.count("outbox WHERE kind = 'seat-offered'").await, made);
        assert_eq!(audit("registration.offer_expired").await, i64::try_from(passed).unwrap());
        assert_eq!(w.app.count("outbox WHERE kind = 'offer-expired'").await, i64::try_from(passed).unwrap());
        second.stop().await;
        w.app.stop().await;
    }
);
