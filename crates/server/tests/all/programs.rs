//! The Champions program and its siblings through the API on SQLite and
//! PostgreSQL: contributions (PL-2) and their idempotent keys, derived
//! contributions, eligibility (CH-4), the application stages with their
//! emails (CH-6), exclusivity, transfers, the MVP seat cap and NDA (CH-1,
//! CH-2), and benefit codes under a rush (CH-8).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use std::collections::BTreeSet;

use chrono::{Datelike, Duration, Utc};
use common::gov::{gov, Gov, Person};
use guildhall::{AppState, Config, Server};
use guildhall_storage::{Backend, Db};
use reqwest::Method;
use serde_json::{json, Value};
use tokio::task::JoinSet;

fn this_year(month: u32) -> String {
    format!("{}-{month:02}-10", Utc::now().year())
}

/// `n` accepted forum answers this year, recorded by the member.
async fn solutions(g: &Gov, who: &Person, n: usize) {
    for i in 0..n {
        // Recorded by staff as the forum import would: what a member types
        // about themselves counts only once verified (CH-4).
        let body = json!({"kind": "forum_solution", "title": format!("Answer {i}"), "date": this_year(1),
            "link": format!("https://forum.example.com/t/{i}"), "source_key": format!("post-{i}"), "source": "imported"});
        let (s, b) =
            g.call(Method::POST, &format!("/api/v1/members/{}/contributions", who.id), &g.staff, Some(body)).await;
        assert_eq!(s, 201, "{b}");
    }
}

async fn application(g: &Gov, who: &Person) -> String {
    let (s, a) = g
        .call(
            Method::POST,
            "/api/v1/programs/champions/applications",
            who,
            Some(json!({"focus_area": "forums", "interests": ["forge"]})),
        )
        .await;
    assert_eq!(s, 201, "{a}");
    assert_eq!(a["stage"], "draft");
    let id = a["id"].as_str().unwrap().to_owned();
    let (s, a) = g.call(Method::POST, &format!("/api/v1/applications/{id}/submit"), who, None).await;
    assert_eq!((s, a["stage"].as_str()), (200, Some("submitted")), "{a}");
    id
}

on_both!(pl2_contributions_are_idempotent_and_members_record_only_their_own, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let first = json!({"kind": "forum_solution", "title": "Answer 0", "date": this_year(1),
        "link": "https://forum.example.com/t/0", "source_key": "post-0"});
    let (s, b) =
        g.call(Method::POST, &format!("/api/v1/members/{}/contributions", g.member.id), &g.member, Some(first)).await;
    assert_eq!(s, 201, "{b}");
    let again = json!({"kind": "forum_solution", "title": "Answer 0", "date": this_year(1), "source_key": "post-0"});
    let (s, b) =
        g.call(Method::POST, &format!("/api/v1/members/{}/contributions", g.member.id), &g.member, Some(again)).await;
    assert_eq!((s, b["created"].as_bool()), (200, Some(false)), "the same key twice adds nothing: {b}");
    let (_, list) =
        g.call(Method::GET, &format!("/api/v1/members/{}/contributions", g.member.id), &g.member, None).await;
    assert_eq!(list.as_array().unwrap().len(), 1);
    let verified = json!({"kind": "forum_solution", "title": "x", "date": this_year(1), "verification": "verified"});
    let (s, p) = g
        .call(
            Method::POST,
            &format!("/api/v1/members/{}/contributions", g.member.id),
            &g.member,
            Some(verified.clone()),
        )
        .await;
    assert_eq!(s, 422, "members cannot verify their own: {p}");
    let (s, _) =
        g.call(Method::POST, &format!("/api/v1/members/{}/contributions", g.member.id), &g.staff, Some(verified)).await;
    assert_eq!(s, 201, "staff can");
    let (s, _) = g
        .call(
            Method::POST,
            &format!("/api/v1/members/{}/contributions", g.member.id),
            &g.leader,
            Some(json!({"kind": "forum_solution"})),
        )
        .await;
    assert_eq!(s, 403, "nobody else records for a member");
    let (s, _) = g.call(Method::GET, &format!("/api/v1/members/{}/contributions", g.member.id), &g.leader, None).await;
    assert_eq!(s, 403);
});

on_both!(ch4_events_held_here_count_by_themselves_only_while_leading_and_vanish_if_not_held, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let e1 = g.held_event(g.group, Utc::now() - Duration::days(30), 3).await;
    g.held_event(g.group, Utc::now() - Duration::days(60), 3).await;
    let url = format!("/api/v1/members/{}/eligibility?program=champions&focus_area=organizing_events", g.leader.id);
    let (s, e) = g.call(Method::GET, &url, &g.leader, None).await;
    assert_eq!(s, 200, "{e}");
    assert_eq!((e["eligible"].as_bool(), e["criteria"][0]["found"].as_u64()), (Some(true), Some(2)), "{e}");
    assert!(e["criteria"][0]["message"].as_str().unwrap().starts_with("Organizing events: 2 of 2 events organized"));
    let (_, list) =
        g.call(Method::GET, &format!("/api/v1/members/{}/contributions", g.leader.id), &g.leader, None).await;
    assert!(list.as_array().unwrap().iter().all(|c| c["source"] == "derived" && c["id"].is_null()));
    // Un-completed, the event no longer counts.
    let mut tx = g.app.db.begin().await.unwrap();
    sqlx::query("UPDATE events SET status = 'published' WHERE id = $1").bind(&e1).execute(&mut *tx).await.unwrap();
    tx.commit().await.unwrap();
    let (_, e) = g.call(Method::GET, &url, &g.leader, None).await;
    assert_eq!((e["eligible"].as_bool(), e["criteria"][0]["found"].as_u64()), (Some(false), Some(1)));
    // Only while leading: a co-leader appointed today did not organize last month's meetup...
    let leaders = format!("/api/v1/groups/{}/leaders", g.slug);
    let (s, _) = g.call(Method::POST, &leaders, &g.manager, Some(json!({"email": g.member.email}))).await;
    assert_eq!(s, 200);
    let theirs = format!("/api/v1/members/{}/eligibility?program=champions&focus_area=organizing_events", g.member.id);
    let (_, e) = g.call(Method::GET, &theirs, &g.member, None).await;
    assert_eq!(e["criteria"][0]["found"].as_u64(), Some(0), "{e}");
    // ...and a leader who steps down keeps what was held while they led.
    let (s, _) = g.call(Method::DELETE, &format!("{leaders}/{}", g.leader.id), &g.manager, None).await;
    assert_eq!(s, 200);
    let (_, e) = g.call(Method::GET, &url, &g.leader, None).await;
    assert_eq!(e["criteria"][0]["found"].as_u64(), Some(1), "{e}");
});

on_both!(ch6_apply_screen_interview_accept_with_an_email_at_each_step, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    solutions(&g, &g.member, 5).await;
    let url = format!("/api/v1/members/{}/eligibility?program=champions&focus_area=forums", g.member.id);
    let (_, e) = g.call(Method::GET, &url, &g.member, None).await;
    assert_eq!(e["eligible"], true);
    assert_eq!(
        e["criteria"][0]["message"],
        format!("Forums: 5 of 5 answers marked as solution in {}", Utc::now().year())
    );
    let id = application(&g, &g.member).await;
    assert!(g.app.last_email(&g.member.email).await.0.contains("Thank you for applying to Champions"));
    let (s, _) = g
        .call(Method::POST, "/api/v1/programs/champions/applications", &g.member, Some(json!({"focus_area": "forums"})))
        .await;
    assert_eq!(s, 409, "one open application per program");
    let (s, _) = g
        .call(
            Method::POST,
            &format!("/api/v1/applications/{id}/screen"),
            &g.manager,
            Some(json!({"quality_accepted": true})),
        )
        .await;
    assert_eq!(s, 403, "program staff screen");
    let (s, a) = g
        .call(
            Method::POST,
            &format!("/api/v1/applications/{id}/screen"),
            &g.staff,
            Some(json!({"quality_accepted": true, "notes": "Well researched answers"})),
        )
        .await;
    assert_eq!((s, a["stage"].as_str()), (200, Some("interview")), "{a}");
    assert_eq!(a["screening"]["eligible"], true);
    let (s, _) = g.call(Method::POST, &format!("/api/v1/applications/{id}/accept"), &g.staff, Some(json!({}))).await;
    assert_eq!(s, 409, "no stage is skipped");
    // Staff propose interview times; the applicant picks one and gets the invite.
    let times = format!("/api/v1/applications/{id}/interview-times");
    let soon = (Utc::now() + Duration::days(3)).format("%Y-%m-%dT18:00").to_string();
    let later = (Utc::now() + Duration::days(4)).format("%Y-%m-%dT09:30").to_string();
    let (s, _) = g.call(Method::POST, &times, &g.member, Some(json!({"times": [soon]}))).await;
    assert_eq!(s, 403, "the applicant does not propose times");
    let (s, _) = g.call(Method::POST, &times, &g.staff, Some(json!({"times": ["yesterday"]}))).await;
    assert_eq!(s, 422);
    let (s, slots) = g.call(Method::POST, &times, &g.staff, Some(json!({"times": [soon, later]}))).await;
    assert_eq!((s, slots.as_array().map(Vec::len)), (200, Some(2)), "{slots}");
    let (subject, body) = g.app.last_email(&g.member.email).await;
    assert!(subject.contains("pick a time for your interview"), "{subject}");
    assert!(body.contains(&format!("/programs/applications/{id}")), "{body}");
    let slot = slots[1]["id"].as_str().unwrap();
    let (s, _) = g.call(Method::PUT, &times, &g.staff, Some(json!({"slot_id": slot}))).await;
    assert_eq!(s, 403, "only the applicant picks");
    let (s, picked) = g.call(Method::PUT, &times, &g.member, Some(json!({"slot_id": slot}))).await;
    assert_eq!((s, picked[1]["chosen"].as_bool(), picked[0]["chosen"].as_bool()), (200, Some(true), Some(false)));
    let (subject, body) = g.app.last_email(&g.member.email).await;
    assert!(subject.contains("Your Champions interview"), "{subject}");
    assert!(body.contains("interview.ics"), "{body}");
    let (_, a) = g.call(Method::GET, &format!("/api/v1/applications/{id}"), &g.member, None).await;
    let at = chrono::DateTime::parse_from_rfc3339(a["interview_at"].as_str().unwrap()).unwrap().with_timezone(&Utc);
    // The calendar invite, read back by an independent parser.
    let ics = g
        .app
        .client
        .get(g.app.url(&format!("/api/v1/applications/{id}/interview.ics")))
        .bearer_auth(&g.member.token)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let parsed: Vec<_> = ical::IcalParser::new(ics.as_bytes()).collect();
    let cal = parsed[0].as_ref().unwrap();
    let dtstart = cal.events[0].properties.iter().find(|p| p.name == "DTSTART").and_then(|p| p.value.clone()).unwrap();
    assert_eq!(dtstart, at.format("%Y%m%dT%H%M%SZ").to_string());
    let (s, a) = g
        .call(
            Method::POST,
            &format!("/api/v1/applications/{id}/interview"),
            &g.staff,
            Some(json!({"notes": "Wants to mentor newcomers"})),
        )
        .await;
    assert_eq!((s, a["stage"].as_str()), (200, Some("interviewed")));
    let (s, _) = g.call(Method::POST, &times, &g.staff, Some(json!({"times": [soon]}))).await;
    assert_eq!(s, 409, "times only while waiting for the interview");
    let (s, a) = g
        .call(Method::POST, &format!("/api/v1/applications/{id}/accept"), &g.staff, Some(json!({"reason": "Welcome"})))
        .await;
    assert_eq!((s, a["stage"].as_str()), (200, Some("accepted")), "{a}");
    assert!(g.app.last_email(&g.member.email).await.0.contains("Welcome to Champions"));
    let (_, list) = g.call(Method::GET, "/api/v1/programs/champions/memberships", &g.staff, None).await;
    let mine = list.as_array().unwrap().iter().find(|m| m["member_id"] == g.member.id.to_string()).cloned().unwrap();
    assert_eq!((mine["focus_area"].as_str(), mine["interests"].clone()), (Some("forums"), json!(["forge"])));
    let (s, _) = g.call(Method::GET, &format!("/api/v1/applications/{id}"), &g.leader, None).await;
    assert_eq!(s, 404, "others do not see applications");
});

on_both!(ch6_not_selected_email_names_the_unmet_criterion, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    solutions(&g, &g.member, 4).await;
    let id = application(&g, &g.member).await;
    let (s, a) = g
        .call(
            Method::POST,
            &format!("/api/v1/applications/{id}/screen"),
            &g.staff,
            Some(json!({"quality_accepted": true})),
        )
        .await;
    assert_eq!((s, a["stage"].as_str()), (200, Some("not_selected")), "{a}");
    let (subject, body) = g.app.last_email(&g.member.email).await;
    assert!(subject.contains("Your application to Champions"), "{subject}");
    let year = Utc::now().year();
    assert!(body.contains(&format!("Forums: 4 of 5 answers marked as solution in {year}")), "{body}");
    // Closed, so a new application may start.
    let (s, _) = g
        .call(Method::POST, "/api/v1/programs/champions/applications", &g.member, Some(json!({"focus_area": "forums"})))
        .await;
    assert_eq!(s, 201);
});

on_both!(ch1_ch2_exclusivity_transfer_seat_cap_and_nda, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let today = Utc::now().date_naive();
    let grant = |who: &Person, focus: Option<&str>, extra: Value| {
        let mut body = json!({"member_id": who.id.to_string(), "focus_area": focus, "starts_on": today.to_string()});
        for (k, v) in extra.as_object().unwrap() {
            body[k] = v.clone();
        }
        body
    };
    let (s, _) = g
        .call(
            Method::POST,
            "/api/v1/programs/champions/memberships",
            &g.manager,
            Some(grant(&g.member, Some("forums"), json!({}))),
        )
        .await;
    assert_eq!(s, 403, "program staff grant");
    let (s, b) = g
        .call(
            Method::POST,
            "/api/v1/programs/champions/memberships",
            &g.staff,
            Some(grant(&g.member, Some("forums"), json!({}))),
        )
        .await;
    assert_eq!(s, 201, "{b}");
    let (s, p) = g
        .call(
            Method::POST,
            "/api/v1/programs/ambassadors/memberships",
            &g.staff,
            Some(grant(&g.member, None, json!({}))),
        )
        .await;
    assert_eq!(s, 201, "Ambassadors combine: {p}");
    let nda = json!({"nda_signed_on": today.to_string()});
    let (s, p) = g
        .call(Method::POST, "/api/v1/programs/mvp/memberships", &g.staff, Some(grant(&g.member, None, nda.clone())))
        .await;
    assert_eq!((s, p["code"].as_str()), (409, Some("champion_and_mvp_exclusive")), "{p}");
    let tomorrow = (today + Duration::days(1)).to_string();
    let transfer = json!({"nda_signed_on": today.to_string(), "transfer": true, "starts_on": tomorrow});
    // CH-2: the transfer checks the target program's criteria.
    g.set_setting("mvp.min_contributions_per_year", "2").await;
    let (s, p) = g
        .call(
            Method::POST,
            "/api/v1/programs/mvp/memberships",
            &g.staff,
            Some(grant(&g.member, None, transfer.clone())),
        )
        .await;
    assert_eq!((s, p["errors"][0]["code"].as_str()), (422, Some("transfer_criteria_unmet")), "{p}");
    for i in 0..2 {
        let body = json!({"kind": "forum_solution", "title": format!("Answer {i}"), "date": today.to_string(),
            "source": "imported", "source_key": format!("transfer-{i}")});
        let (s, _) =
            g.call(Method::POST, &format!("/api/v1/members/{}/contributions", g.member.id), &g.staff, Some(body)).await;
        assert_eq!(s, 201);
    }
    let (s, p) = g
        .call(Method::POST, "/api/v1/programs/mvp/memberships", &g.staff, Some(grant(&g.member, None, transfer)))
        .await;
    assert_eq!(s, 201, "{p}");
    g.set_setting("mvp.min_contributions_per_year", "0").await;
    let (_, mvps) = g.call(Method::GET, "/api/v1/programs/mvp/memberships", &g.staff, None).await;
    assert_eq!(mvps, json!([]), "the MVP award starts tomorrow");
    let (_, champs) = g.call(Method::GET, "/api/v1/programs/champions/memberships", &g.staff, None).await;
    assert_eq!(champs[0]["ends_on"], today.to_string(), "the Champion title ends the day before: {champs}");
    // NDA before the start; the seat cap.
    let (s, p) = g
        .call(Method::POST, "/api/v1/programs/mvp/memberships", &g.staff, Some(grant(&g.leader, None, json!({}))))
        .await;
    assert_eq!((s, p["code"].as_str()), (409, Some("nda_required")), "{p}");
    g.set_setting("mvp.seat_cap", "1").await;
    let (s, p) = g
        .call(Method::POST, "/api/v1/programs/mvp/memberships", &g.staff, Some(grant(&g.leader, None, nda.clone())))
        .await;
    assert_eq!((s, p["errors"][0]["code"].as_str()), (201, None), "{p}");
    let (s, p) = g
        .call(Method::POST, "/api/v1/programs/mvp/memberships", &g.staff, Some(grant(&g.other_leader, None, nda)))
        .await;
    assert_eq!((s, p["code"].as_str()), (409, Some("program_full")), "{p}");
    assert!(p["detail"].as_str().unwrap().contains("all 1 seats are taken"), "the answer names the cap: {p}");
    // Integrations read moderator rights with a staff token (CH-9: others see only directory opt-ins).
    let (_, mvps) = g.call(Method::GET, "/api/v1/programs/mvp/memberships", &g.staff, None).await;
    assert_eq!(mvps[0]["moderator"], true, "MVP moderator rights are readable by integrations");
});

/// The base URLs of `n` instances sharing the test's database (the test's
/// own first), and the extra servers to stop.
async fn instances_of(g: &Gov, n: usize) -> (Vec<String>, Vec<Server>) {
    let mut bases = vec![g.app.base.clone()];
    let mut extra = Vec::new();
    for _ in 1..n {
        let server = g.app.another_instance().await;
        bases.push(format!("http://{}", server.addr));
        extra.push(server);
    }
    (bases, extra)
}

/// CH-8: `claimants` Champions claim at once from a pool of `codes`.
async fn benefit_rush(backend: Backend, instances: usize) {
    const CLAIMANTS: usize = 50;
    const CODES: usize = 10;
    let Some(g) = gov(backend).await else { return };
    let codes: Vec<String> = (0..CODES).map(|i| format!("CERT-{i:04}")).collect();
    let (s, b) = g
        .call(
            Method::POST,
            "/api/v1/benefits",
            &g.staff,
            Some(json!({"name": "Certification voucher", "codes": codes})),
        )
        .await;
    assert_eq!(s, 201, "{b}");
    let benefit = b["id"].as_str().unwrap().to_owned();
    let people = g.app.members_with_tokens("champ", CLAIMANTS).await;
    for (id, _, _) in &people {
        let body = json!({"member_id": id.to_string(), "focus_area": "forums"});
        let (s, _) = g.call(Method::POST, "/api/v1/programs/champions/memberships", &g.staff, Some(body)).await;
        assert_eq!(s, 201);
    }
    let (bases, extra) = instances_of(&g, instances).await;
    let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(CLAIMANTS));
    let mut tasks = JoinSet::new();
    for (i, (_, _, token)) in people.iter().enumerate() {
        let url = format!("{}/api/v1/benefits/{benefit}/claims", bases[i % bases.len()]);
        let (client, token, barrier) = (g.app.client.clone(), token.clone(), barrier.clone());
        tasks.spawn(async move {
            barrier.wait().await;
            let res = client.post(url).bearer_auth(&token).send().await.unwrap();
            (res.status().as_u16(), res.json::<Value>().await.unwrap(), token)
        });
    }
    let mut got = BTreeSet::new();
    let mut none_left = 0;
    let mut winner = String::new();
    while let Some(done) = tasks.join_next().await {
        let (status, body, token) = done.unwrap();
        match status {
            201 => {
                assert!(got.insert(body["code"].as_str().unwrap().to_owned()), "a code handed out twice: {body}");
                winner = token;
            }
            422 => {
                assert_eq!(body["errors"][0]["code"], "no_codes_left", "{body}");
                none_left += 1;
            }
            other => panic!("unexpected {other}: {body}"),
        }
    }
    assert_eq!((got.len(), none_left), (CODES, CLAIMANTS - CODES));
    assert_eq!(got, codes.into_iter().collect::<BTreeSet<_>>());
    // A winner cannot take a second code this year, even when codes are added.
    let (s, _) =
        g.call(Method::POST, "/api/v1/benefits", &g.staff, Some(json!({"name": "Other", "codes": ["X"]}))).await;
    assert_eq!(s, 201);
    let mut tx = g.app.db.begin().await.unwrap();
    sqlx::query("INSERT INTO benefit_codes (id, benefit_id, code) VALUES ('extra', $1, 'CERT-EXTRA')")
        .bind(&benefit)
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let (s, p) = g.app.api(Method::POST, &format!("/api/v1/benefits/{benefit}/claims"), Some(&winner), None).await;
    assert_eq!((s, p["errors"][0]["code"].as_str()), (422, Some("benefit_already_claimed")), "{p}");
    // Non-members get none.
    let (s, p) = g.call(Method::POST, &format!("/api/v1/benefits/{benefit}/claims"), &g.leader, None).await;
    assert_eq!((s, p["errors"][0]["code"].as_str()), (422, Some("not_an_active_member")));
    for s in extra {
        s.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ch8_benefit_rush_on_sqlite() {
    benefit_rush(Backend::Sqlite, 1).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ch8_benefit_rush_on_postgres() {
    benefit_rush(Backend::Postgres, 1).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ch8_benefit_rush_on_two_instances_sharing_postgres() {
    benefit_rush(Backend::Postgres, 2).await;
}

on_both!(ch9_directory_lists_active_champions_and_mvps_who_opt_in, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    for (who, program, focus) in [(&g.member, "champions", Some("forums")), (&g.leader, "ambassadors", None)] {
        let body = json!({"member_id": who.id.to_string(), "focus_area": focus});
        let (s, _) =
            g.call(Method::POST, &format!("/api/v1/programs/{program}/memberships"), &g.staff, Some(body)).await;
        assert_eq!(s, 201);
    }
    let (_, list) = g.app.api(Method::GET, "/api/v1/directory", None, None).await;
    assert_eq!(list, json!([]), "nobody opted in yet");
    let entry = json!({"listed": true, "region_id": g.region.to_string(), "country": "pt", "quote": "The program made me a better mentor."});
    for who in [&g.member, &g.leader] {
        let (s, _) = g.call(Method::PUT, "/api/v1/me/directory", who, Some(entry.clone())).await;
        assert_eq!(s, 204);
    }
    let (_, list) = g.app.api(Method::GET, "/api/v1/directory", None, None).await;
    assert_eq!(list.as_array().unwrap().len(), 1, "Ambassadors are not in the directory: {list}");
    assert_eq!(
        (list[0]["focus_area"].as_str(), list[0]["country"].as_str(), list[0]["region"].as_str()),
        (Some("forums"), Some("PT"), Some("Iberia"))
    );
    let page = g.app.client.get(g.app.url("/champions")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("The program made me a better mentor."), "the public page shows it");
    let (s, p) = g
        .call(Method::PUT, "/api/v1/me/directory", &g.member, Some(json!({"listed": true, "country": "Atlantis"})))
        .await;
    assert_eq!((s, p["errors"][0]["field"].as_str()), (422, Some("country")));
    let (s, _) = g.call(Method::PUT, "/api/v1/me/directory", &g.member, Some(json!({"listed": false}))).await;
    assert_eq!(s, 204);
    let (_, list) = g.app.api(Method::GET, "/api/v1/directory", None, None).await;
    assert_eq!(list, json!([]));
});

on_both!(ch6_pages_member_applies_staff_screens_on_the_pipeline_board, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let member = common::gov::page_client(&g, Some(&g.member)).await;
    let staff = common::gov::page_client(&g, Some(&g.staff)).await;
    let date = this_year(2);
    for i in 0..2 {
        let title = format!("How we cut build times {i}");
        let link = format!("https://blog.example.org/post-{i}");
        let form = [
            ("kind", "content_piece"),
            ("title", title.as_str()),
            ("date", date.as_str()),
            ("link", link.as_str()),
            ("format", "blog_post"),
        ];
        let res = common::post_form(&member, &g.app, "/programs", "/programs/contributions", &form).await;
        assert_eq!(res.status(), 303);
    }
    // What the member reported waits for staff to verify it (CH-4, PL-2).
    let page = member.get(g.app.url("/programs")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Technical content: 0 of 2 pieces published"), "unverified pieces do not count yet");
    // Staff verify them (straight in the database: the verification pages are issue 16's).
    let mut tx = g.app.db.begin().await.unwrap();
    sqlx::query("UPDATE contributions SET verification = 'verified' WHERE source = 'self_reported'")
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let page = member.get(g.app.url("/programs")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Technical content: 2 of 2 pieces published"), "the eligibility reads in plain words");
    let form = [("program", "champions"), ("focus_area", "technical_content"), ("interests", "mentoring")];
    let res = common::post_form(&member, &g.app, "/programs", "/programs/apply", &form).await;
    assert_eq!(res.status(), 303);
    let page = member.get(g.app.url("/programs")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("<strong>submitted</strong>"), "{page}");
    // Staff see the board, drawn, and go from it to judge and screen.
    let res = member.get(g.app.url("/programs/pipeline")).send().await.unwrap();
    assert_eq!(res.status(), 403);
    let board = staff.get(g.app.url("/programs/pipeline")).send().await.unwrap().text().await.unwrap();
    assert!(board.contains("<svg class=\"chart\"") && board.contains("member 0"), "{board}");
    let id = regex::Regex::new(r"/programs/applications/([0-9a-f-]{36})#evidence").unwrap().captures(&board).unwrap()
        [1]
    .to_owned();
    // CH-5: each piece judged against the rubric; the floor (2) must meet every point.
    let at = format!("/programs/applications/{id}");
    let html = staff.get(g.app.url(&at)).send().await.unwrap().text().await.unwrap();
    let pieces: Vec<String> = regex::Regex::new(r#"name="piece" value="([^"]+)""#)
        .unwrap()
        .captures_iter(&html)
        .map(|c| c[1].replace("&#38;", "&"))
        .collect();
    assert_eq!(pieces.len(), 2, "{html}");
    let all = [("point:details", "on"), ("point:examples", "on"), ("point:expertise", "on")];
    let judge = format!("{at}/judgments");
    let one = [&[("piece", pieces[0].as_str())][..], &all[..2]].concat();
    let res = common::post_form(&staff, &g.app, &at, &judge, &one).await;
    let html = common::follow(&staff, &g.app, res).await;
    assert!(html.contains("Meets 2 of 3 points") && html.contains("0 pieces meet every point"), "{html}");
    for p in &pieces {
        let form = [&[("piece", p.as_str())][..], &all[..]].concat();
        let res = common::post_form(&staff, &g.app, &at, &judge, &form).await;
        assert_eq!(res.status(), 303);
    }
    let res = common::post_form(&staff, &g.app, &at, &judge, &[("piece", "not-a-piece")]).await;
    assert_eq!(res.status(), 422, "only the application's evidence is judged");
    let res = common::post_form(&staff, &g.app, &at, &format!("{at}/screen"), &[("back", "application")]).await;
    assert_eq!(res.status(), 303);
    let page = member.get(g.app.url("/programs")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("<strong>interview</strong>"), "{page}");
    // The application's page: the screening in plain words, then the
    // interview times staff propose and the applicant books.
    let mine = member.get(g.app.url(&at)).send().await.unwrap().text().await.unwrap();
    assert!(mine.contains("Technical content: 2 of 2 pieces published"), "{mine}");
    assert!(!mine.contains("name=\"time1\""), "the applicant does not propose times");
    let res = common::post_form(&member, &g.app, &at, &format!("{at}/times"), &[("time1", "2099-01-01T10:00")]).await;
    assert_eq!(res.status(), 403);
    let day = (Utc::now() + Duration::days(5)).format("%Y-%m-%dT17:00").to_string();
    let res = common::post_form(&staff, &g.app, &at, &format!("{at}/times"), &[("time1", "not a time")]).await;
    assert_eq!(res.status(), 422, "the form comes back with the problem");
    let res = common::post_form(&staff, &g.app, &at, &format!("{at}/times"), &[("time1", day.as_str())]).await;
    assert_eq!(res.status(), 303);
    let mine = member.get(g.app.url(&at)).send().await.unwrap().text().await.unwrap();
    let slot = regex::Regex::new(r#"name="slot" value="([0-9a-f-]{36})""#).unwrap().captures(&mine).expect(&mine)[1]
        .to_owned();
    let res = common::post_form(&member, &g.app, &at, &format!("{at}/pick"), &[("slot", slot.as_str())]).await;
    assert_eq!(res.status(), 303);
    let mine = member.get(g.app.url(&at)).send().await.unwrap().text().await.unwrap();
    assert!(mine.contains(&format!("{at}/interview.ics")) && mine.contains("booked"), "{mine}");
    let ics = member.get(g.app.url(&format!("{at}/interview.ics"))).send().await.unwrap();
    assert_eq!(ics.headers()["content-type"], "text/calendar; charset=utf-8");
});

on_both!(pl3_csv_import_is_idempotent_and_never_half_imported, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let year = Utc::now().year();
    let good = format!(
        "email,title,source_key,kind,date,link,accepted\n\
         {m},Fixing the timezone bug,forum-101,forum_solution,{year}-02-01,https://forum.example.com/t/101,true\n\
         {m},Caching answers,forum-102,forum_solution,{year}-02-03,https://forum.example.com/t/102,true\n\
         {l},A plugin,forge-7,content_piece,{year}-03-01,https://blog.example.org/p,\n",
        m = g.member.email,
        l = g.leader.email
    );
    let post = |body: String, who: &Person| {
        g.app
            .client
            .post(g.app.url("/api/v1/imports/contributions"))
            .bearer_auth(&who.token)
            .header("content-type", "text/csv")
            .body(body)
            .send()
    };
    let res = post(good.clone(), &g.member).await.unwrap();
    assert_eq!(res.status(), 403, "program staff import");
    let res = post(good.clone(), &g.staff).await.unwrap();
    assert_eq!(res.status(), 422, "the content piece has no format");
    let p: Value = res.json().await.unwrap();
    assert_eq!(p["instance"], "/api/v1/imports/contributions", "a problem like every other: {p}");
    assert_eq!(
        p["errors"],
        json!([{"line": 4, "field": "format", "code": "format_invalid", "message": "Choose a content format."}]),
        "{p}"
    );
    assert_eq!(g.app.count("contributions").await, 0, "nothing half-imported");
    let good = good.replace("content_piece,", "forum_solution,");
    let res = post(good.clone(), &g.staff).await.unwrap();
    assert_eq!(res.status(), 200);
    let r: Value = res.json().await.unwrap();
    assert_eq!((r["added"].as_u64(), r["already_there"].as_u64()), (Some(3), Some(0)), "{r}");
    let r: Value = post(good, &g.staff).await.unwrap().json().await.unwrap();
    assert_eq!(
        (r["added"].as_u64(), r["already_there"].as_u64()),
        (Some(0), Some(3)),
        "the same file twice adds nothing"
    );
    assert_eq!(g.app.count("contributions").await, 3);
    let bad = format!("email,title,source_key,kind,date\nnobody@example.org,x,k1,forum_solution,{year}-01-01\n{},,k2,tweet,yesterday\n", g.member.email);
    let p: Value = post(bad, &g.staff).await.unwrap().json().await.unwrap();
    let found: Vec<(u64, String)> = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["line"].as_u64().unwrap(), e["field"].as_str().unwrap().to_owned()))
        .collect();
    assert_eq!(found, [(2, "email".to_owned()), (3, "title".into()), (3, "kind".into()), (3, "date".into())], "{p}");
});

on_both!(ch7_renewal_decides_and_emails_each_member_once_across_crashes_and_instances, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let people = g.app.members_with_tokens("champion", 3).await;
    for (id, _, _) in &people {
        let (s, _) = g
            .call(
                Method::POST,
                "/api/v1/programs/champions/memberships",
                &g.staff,
                Some(json!({"member_id": id.to_string(), "focus_area": "forums"})),
            )
            .await;
        assert_eq!(s, 201);
    }
    // The first was active all year (answers within the last twelve months).
    for i in 0..5 {
        let date = (Utc::now() - Duration::days(30 * i + 3)).date_naive().to_string();
        let body = json!({"kind": "forum_solution", "title": format!("A{i}"), "date": date, "source": "imported", "source_key": format!("r-{i}")});
        let (s, _) =
            g.call(Method::POST, &format!("/api/v1/members/{}/contributions", people[0].0), &g.staff, Some(body)).await;
        assert_eq!(s, 201);
    }
    let (s, _) = g.call(Method::POST, "/api/v1/programs/champions/renewals", &g.manager, Some(json!({}))).await;
    assert_eq!(s, 403, "program staff run renewals");
    // Stopped after one decision, as if the instance died...
    let (s, p) = g.call(Method::POST, "/api/v1/programs/champions/renewals", &g.staff, Some(json!({"limit": 1}))).await;
    assert_eq!(
        (s, p["decided"].as_u64(), p["total"].as_u64(), p["done"].as_bool()),
        (200, Some(1), Some(3), Some(false)),
        "{p}"
    );
    // ...and resumed.
    let (_, p) = g.call(Method::POST, "/api/v1/programs/champions/renewals", &g.staff, Some(json!({}))).await;
    assert_eq!((p["decided"].as_u64(), p["done"].as_bool()), (Some(3), Some(true)), "{p}");
    let (_, p2) = g.call(Method::POST, "/api/v1/programs/champions/renewals", &g.staff, Some(json!({}))).await;
    assert_eq!(
        (p2["run_id"].clone(), p2["decided"].as_u64()),
        (p["run_id"].clone(), Some(3)),
        "the year's run happens once"
    );
    assert_eq!(renewed_emails(&g, &people[0].1).await, 1, "the active Champion is renewed and told once");
    assert_eq!(renewed_emails(&g, &people[1].1).await, 0);
    let run = p["run_id"].as_str().unwrap().to_owned();
    let (_, r) = g.call(Method::GET, &format!("/api/v1/renewals/{run}"), &g.staff, None).await;
    let outcomes: Vec<&str> =
        r["decisions"].as_array().unwrap().iter().map(|d| d["outcome"].as_str().unwrap()).collect();
    assert_eq!(outcomes, ["to_evaluate", "to_evaluate", "renewed"], "tasks for staff first: {r}");
    assert!(r["decisions"][2]["summary"].as_str().unwrap().starts_with("Forums: 5 of 5"));
    // Staff end one title with a reason and keep the other.
    let ms = |i: usize| r["decisions"][i]["membership_id"].as_str().unwrap().to_owned();
    let (s, _) = g
        .call(
            Method::POST,
            &format!("/api/v1/renewals/{run}/decisions/{}", ms(0)),
            &g.staff,
            Some(json!({"keep": false, "reason": ""})),
        )
        .await;
    assert_eq!(s, 422, "ending needs a reason");
    let (s, _) = g
        .call(
            Method::POST,
            &format!("/api/v1/renewals/{run}/decisions/{}", ms(0)),
            &g.staff,
            Some(json!({"keep": false, "reason": "No activity this year"})),
        )
        .await;
    assert_eq!(s, 204);
    let (s, _) = g
        .call(
            Method::POST,
            &format!("/api/v1/renewals/{run}/decisions/{}", ms(1)),
            &g.staff,
            Some(json!({"keep": true, "reason": "Organised the spring hackathon"})),
        )
        .await;
    assert_eq!(s, 204);
    let (s, _) = g
        .call(
            Method::POST,
            &format!("/api/v1/renewals/{run}/decisions/{}", ms(1)),
            &g.staff,
            Some(json!({"keep": false, "reason": "again"})),
        )
        .await;
    assert_eq!(s, 409, "settled once");
    let (_, active) = g.call(Method::GET, "/api/v1/programs/champions/memberships", &g.staff, None).await;
    let ended: Vec<&Value> = active.as_array().unwrap().iter().filter(|m| !m["ends_on"].is_null()).collect();
    assert_eq!(ended.len(), 1, "one title ends, today being its last day: {active}");
    assert_eq!(ended[0]["ends_on"], Utc::now().date_naive().to_string());
    // Next year's run, started by two instances at once, decides each member once.
    let mut other = Config::local(&g.app.tdb.url);
    other.instance_id = "second-instance".into();
    let second = AppState::new(Db::connect(&g.app.tdb.url, 5).await.unwrap(), other);
    let year = i64::from(Utc::now().year()) + 1;
    let (a, b) = tokio::join!(
        guildhall::services::renewals::run(
            &g.app.state.services,
            None,
            guildhall_domain::program::Program::Champions,
            year,
            None
        ),
        guildhall::services::renewals::run(
            &second.services,
            None,
            guildhall_domain::program::Program::Champions,
            year,
            None
        )
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a.run_id, b.run_id);
    use sqlx::Row;
    let decided: i64 = sqlx::query("SELECT COUNT(*) AS n FROM renewal_decisions WHERE run_id = $1")
        .bind(a.run_id)
        .fetch_one(g.app.db.reader())
        .await
        .unwrap()
        .get("n");
    assert_eq!(decided, 3, "each of the three (one ends today) decided once");
    assert_eq!(renewed_emails(&g, &people[0].1).await, 2, "one email per year's run");
    // Worked in steps behind a load balancer, each step may land on either
    // instance: one that finished its step does not hold the run (the soak
    // saw steps wait for a lease to run out).
    let year = year + 1;
    let champions = guildhall_domain::program::Program::Champions;
    let first =
        guildhall::services::renewals::run(&g.app.state.services, None, champions, year, Some(1)).await.unwrap();
    let next = guildhall::services::renewals::run(&second.services, None, champions, year, Some(1)).await.unwrap();
    assert_eq!((first.decided, next.decided), (1, 2), "the second instance works the next step at once");
    assert!(next.worked_here);
});

async fn renewed_emails(g: &Gov, to: &str) -> usize {
    g.emails_to(to).await.iter().filter(|(s, _)| s.contains("renewed")).count()
}

const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Ana's notes</title><id>urn:ana</id><updated>2026-10-02T10:00:00Z</updated>
  <entry><title>Profiling a slow query</title><id>urn:ana:1</id><link href="https://ana.example.org/slow-query"/>
    <updated>2026-09-01T10:00:00Z</updated><published>2026-09-01T10:00:00Z</published></entry>
  <entry><title>Testing with real databases</title><id>urn:ana:2</id><link href="https://ana.example.org/real-dbs"/>
    <updated>2026-10-02T10:00:00Z</updated></entry>
</feed>"#;

const RSS: &str = r#"<?xml version="1.0"?>
<rss version="2.0"><channel><title>Ana</title><link>https://ana.example.org</link><description>Notes</description>
  <item><title>Profiling a slow query</title><guid>urn:ana:1</guid><link>https://ana.example.org/slow-query</link>
    <pubDate>Tue, 01 Sep 2026 10:00:00 GMT</pubDate></item>
  <item><title>A third post</title><guid>urn:ana:3</guid><link>https://ana.example.org/third</link>
    <pubDate>Mon, 12 Oct 2026 10:00:00 GMT</pubDate></item>
</channel></rss>"#;

on_both!(pl3_feed_import_reads_atom_and_rss_once_and_refuses_broken_feeds, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let post = |body: &'static str, who: &Person| {
        g.app
            .client
            .post(g.app.url(&format!("/api/v1/members/{}/imports/feed", g.member.id)))
            .bearer_auth(&who.token)
            .body(body)
            .send()
    };
    let res = post(ATOM, &g.leader).await.unwrap();
    assert_eq!(res.status(), 403, "a member imports their own feed (or staff do)");
    // PL-3: a feed's text proves nothing; the member imports from a feed
    // they linked (forum_import.rs), staff vouch for the text they send.
    let res = post(ATOM, &g.member).await.unwrap();
    assert_eq!(res.status(), 409, "the member's own text is refused");
    let r: Value = post(ATOM, &g.staff).await.unwrap().json().await.unwrap();
    assert_eq!((r["rows"].as_u64(), r["added"].as_u64()), (Some(2), Some(2)), "{r}");
    // The same posts through RSS: entries keyed by id, so only the new one is added.
    let r: Value = post(RSS, &g.staff).await.unwrap().json().await.unwrap();
    assert_eq!((r["added"].as_u64(), r["already_there"].as_u64()), (Some(1), Some(1)), "{r}");
    let (_, list) =
        g.call(Method::GET, &format!("/api/v1/members/{}/contributions", g.member.id), &g.member, None).await;
    let titles: Vec<&str> = list.as_array().unwrap().iter().map(|c| c["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["A third post", "Testing with real databases", "Profiling a slow query"]);
    assert!(list.as_array().unwrap().iter().all(|c| c["kind"] == "content_piece" && c["source"] == "imported"));
    let res = post("<html>not a feed</html>", &g.staff).await.unwrap();
    assert_eq!(res.status(), 422);
    let p: Value = res.json().await.unwrap();
    assert_eq!(p["errors"][0]["code"], "feed_malformed", "{p}");
    let undated = r#"<rss version="2.0"><channel><title>x</title><item><title>No date</title><guid>n1</guid><link>https://x.example.org/1</link></item></channel></rss>"#;
    let res = post(undated, &g.staff).await.unwrap();
    assert_eq!(res.status(), 422);
    let p: Value = res.json().await.unwrap();
    assert_eq!((p["errors"][0]["line"].as_u64(), p["errors"][0]["field"].as_str()), (Some(1), Some("date")), "{p}");
    assert_eq!(g.app.count("contributions").await, 3, "nothing half-imported");
});

on_both!(ch7_the_renewal_looks_back_as_many_months_as_the_setting_says, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let people = g.app.members_with_tokens("champion", 1).await;
    let body = json!({"member_id": people[0].0.to_string(), "focus_area": "forums"});
    let (s, _) = g.call(Method::POST, "/api/v1/programs/champions/memberships", &g.staff, Some(body)).await;
    assert_eq!(s, 201);
    // Five answers, one a month: all five in the past year, two in the past two months.
    for i in 0..5 {
        let date = (Utc::now() - Duration::days(30 * i + 3)).date_naive().to_string();
        let body = json!({"kind": "forum_solution", "title": format!("A{i}"), "date": date, "source": "imported", "source_key": format!("lb-{i}")});
        let (s, _) =
            g.call(Method::POST, &format!("/api/v1/members/{}/contributions", people[0].0), &g.staff, Some(body)).await;
        assert_eq!(s, 201);
    }
    g.set_setting("champions.renewal_look_back_months", "2").await;
    let (_, p) = g.call(Method::POST, "/api/v1/programs/champions/renewals", &g.staff, Some(json!({}))).await;
    assert_eq!((p["decided"].as_u64(), p["done"].as_bool()), (Some(1), Some(true)), "{p}");
    let (_, r) =
        g.call(Method::GET, &format!("/api/v1/renewals/{}", p["run_id"].as_str().unwrap()), &g.staff, None).await;
    assert_eq!(r["decisions"][0]["outcome"], "to_evaluate", "{r}");
    assert!(r["decisions"][0]["summary"].as_str().unwrap().starts_with("Forums: 2 of 5"), "{r}");
    assert_eq!(renewed_emails(&g, &people[0].1).await, 0);
});

on_both!(ch7_the_yearly_renewal_starts_by_itself_on_its_day_and_once, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let people = g.app.members_with_tokens("yearly", 2).await;
    for (id, _, _) in &people {
        let body = json!({"member_id": id.to_string(), "focus_area": "forums"});
        let (s, _) = g.call(Method::POST, "/api/v1/programs/champions/memberships", &g.staff, Some(body)).await;
        assert_eq!(s, 201);
    }
    for i in 0..5 {
        let date = (Utc::now() - Duration::days(20 * i + 1)).date_naive().to_string();
        let body = json!({"kind": "forum_solution", "title": format!("Y{i}"), "date": date, "source": "imported", "source_key": format!("y-{i}")});
        let (s, _) =
            g.call(Method::POST, &format!("/api/v1/members/{}/contributions", people[0].0), &g.staff, Some(body)).await;
        assert_eq!(s, 201);
    }
    let today = Utc::now().date_naive();
    let tomorrow = today + Duration::days(1);
    g.set_setting("champions.renewal_month", &tomorrow.month().to_string()).await;
    g.set_setting("champions.renewal_day", &tomorrow.day().to_string()).await;
    let worked = guildhall::services::renewals::yearly(&g.app.state.services, today).await.unwrap();
    assert!(worked.is_empty() || tomorrow.year() > today.year(), "not before its day");
    assert_eq!(g.app.count("renewal_runs").await, if tomorrow.year() > today.year() { 2 } else { 0 });
    // On its day it renews Champions and MVPs (none here) by itself...
    let worked = guildhall::services::renewals::yearly(&g.app.state.services, tomorrow).await.unwrap();
    let champions = worked.iter().find(|p| p.program == "champions").expect("the Champions run");
    assert_eq!((champions.decided, champions.total, champions.done), (2, 2, true));
    assert_eq!(renewed_emails(&g, &people[0].1).await, 1);
    // ...and asking again the next hour does nothing more.
    let again = guildhall::services::renewals::yearly(&g.app.state.services, tomorrow).await.unwrap();
    assert!(again.is_empty());
    assert_eq!(renewed_emails(&g, &people[0].1).await, 1);
    assert_eq!(g.app.count("renewal_runs").await, 2);
});

on_both!(ch7_mvps_are_measured_against_their_own_yearly_metric, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let people = g.app.members_with_tokens("mvp", 2).await;
    let today = Utc::now().date_naive().to_string();
    for (id, _, _) in &people {
        // An MVP's focus area (if any) is not what renewal measures.
        let body = json!({"member_id": id.to_string(), "focus_area": "forums", "nda_signed_on": today});
        let (s, b) = g.call(Method::POST, "/api/v1/programs/mvp/memberships", &g.staff, Some(body)).await;
        assert_eq!(s, 201, "{b}");
    }
    for i in 0..3 {
        let date = (Utc::now() - Duration::days(40 * i + 2)).date_naive().to_string();
        let body = json!({"kind": "content_piece", "format": "video", "title": format!("V{i}"), "date": date, "link": format!("https://video.example.org/{i}"), "source": "imported", "source_key": format!("v-{i}")});
        let (s, b) =
            g.call(Method::POST, &format!("/api/v1/members/{}/contributions", people[0].0), &g.staff, Some(body)).await;
        assert_eq!(s, 201, "{b}");
    }
    g.set_setting("mvp.min_contributions_per_year", "3").await;
    let (_, p) = g.call(Method::POST, "/api/v1/programs/mvp/renewals", &g.staff, Some(json!({}))).await;
    assert_eq!((p["decided"].as_u64(), p["done"].as_bool()), (Some(2), Some(true)), "{p}");
    let (_, r) =
        g.call(Method::GET, &format!("/api/v1/renewals/{}", p["run_id"].as_str().unwrap()), &g.staff, None).await;
    let by_member =
        |id: &str| r["decisions"].as_array().unwrap().iter().find(|d| d["member_id"] == id).cloned().unwrap();
    let active = by_member(&people[0].0.to_string());
    assert_eq!(active["outcome"], "renewed", "{r}");
    assert!(active["summary"].as_str().unwrap().starts_with("MVP: 3 of 3 contributions of any kind"), "{active}");
    let quiet = by_member(&people[1].0.to_string());
    assert_eq!(quiet["outcome"], "to_evaluate");
    assert_eq!(renewed_emails(&g, &people[0].1).await, 1);
});

on_both!(ch7_pages_staff_start_watch_and_settle_a_renewal, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let people = g.app.members_with_tokens("paged", 2).await;
    for (id, _, _) in &people {
        let body = json!({"member_id": id.to_string(), "focus_area": "speaking"});
        let (s, _) = g.call(Method::POST, "/api/v1/programs/champions/memberships", &g.staff, Some(body)).await;
        assert_eq!(s, 201);
    }
    let member = common::gov::page_client(&g, Some(&g.member)).await;
    assert_eq!(member.get(g.app.url("/programs/renewals")).send().await.unwrap().status(), 403);
    let staff = common::gov::page_client(&g, Some(&g.staff)).await;
    let year = Utc::now().year().to_string();
    let res = common::post_form(
        &staff,
        &g.app,
        "/programs/renewals",
        "/programs/renewals",
        &[("program", "champions"), ("year", "soon")],
    )
    .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("Choose a year between 2000 and 2200."));
    let res = common::post_form(
        &staff,
        &g.app,
        "/programs/renewals",
        "/programs/renewals",
        &[("program", "champions"), ("year", &year)],
    )
    .await;
    assert_eq!(res.status(), 303);
    let at = res.headers()["location"].to_str().unwrap().to_owned();
    let mut page = String::new();
    for _ in 0..100 {
        page = staff.get(g.app.url(&at)).send().await.unwrap().text().await.unwrap();
        if page.contains("Done.") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(page.contains("<strong>2 / 2</strong>") && page.contains("to evaluate"), "{page}");
    let membership = regex::Regex::new(r"/decisions/([0-9a-f-]{36})").unwrap().captures(&page).unwrap()[1].to_owned();
    // PL-13: ending a title asks first and says what follows.
    assert!(common::asks_first(&page, "End the title and email them"), "{page}");
    assert!(page.contains("title ends at once, and they are emailed your reason"), "{page}");
    let action = format!("{at}/decisions/{membership}");
    let res = common::post_form(&staff, &g.app, &at, &action, &[("decision", "end"), ("reason", "")]).await;
    assert_eq!(res.status(), 422, "ending a title needs a reason");
    let res =
        common::post_form(&staff, &g.app, &at, &action, &[("decision", "end"), ("reason", "No sessions this year.")])
            .await;
    assert_eq!(res.status(), 303);
    let page = staff.get(g.app.url(&at)).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("ended") && page.contains("No sessions this year."), "{page}");
});

/// Takes an application of `program` by `who` from draft to interviewed
/// (screened with the quality accepted); returns its id.
async fn interviewed(g: &Gov, who: &Person, program: &str) -> String {
    let (s, a) = g.call(Method::POST, &format!("/api/v1/programs/{program}/applications"), who, Some(json!({}))).await;
    assert_eq!(s, 201, "{a}");
    let id = a["id"].as_str().unwrap().to_owned();
    let (s, _) = g.call(Method::POST, &format!("/api/v1/applications/{id}/submit"), who, None).await;
    assert_eq!(s, 200);
    let screen = json!({"quality_accepted": true});
    let (s, a) = g.call(Method::POST, &format!("/api/v1/applications/{id}/screen"), &g.staff, Some(screen)).await;
    assert_eq!((s, a["stage"].as_str()), (200, Some("interview")), "{a}");
    let notes = json!({"notes": "Helps newcomers every week"});
    let (s, _) = g.call(Method::POST, &format!("/api/v1/applications/{id}/interview"), &g.staff, Some(notes)).await;
    assert_eq!(s, 200);
    id
}

on_both!(
    ch1_ch5_each_program_is_screened_on_its_own_criteria_and_an_mvp_is_accepted_once_the_nda_is_recorded,
    |backend| async move {
        let Some(g) = gov(backend).await else { return };
        g.set_setting("mvp.min_contributions_per_year", "3").await;
        // MVP: the yearly metric, not the Forums focus area (2 solutions would fail Forums' 5).
        solutions(&g, &g.member, 3).await;
        let (s, a) = g.call(Method::POST, "/api/v1/programs/mvp/applications", &g.member, Some(json!({}))).await;
        assert_eq!(s, 201, "{a}");
        let id = a["id"].as_str().unwrap().to_owned();
        g.call(Method::POST, &format!("/api/v1/applications/{id}/submit"), &g.member, None).await;
        let (s, a) = g
            .call(
                Method::POST,
                &format!("/api/v1/applications/{id}/screen"),
                &g.staff,
                Some(json!({"quality_accepted": true})),
            )
            .await;
        assert_eq!((s, a["stage"].as_str()), (200, Some("interview")), "{a}");
        assert_eq!(a["screening"]["criteria"][0]["criterion"], "mvp_contributions", "{a}");
        assert!(a["screening"]["criteria"][0]["message"].as_str().unwrap().starts_with("MVP: 3 of 3"), "{a}");
        // Ambassadors: their own minimum (2 by default), named in the not-selected email.
        let (s, b) =
            g.call(Method::POST, "/api/v1/programs/ambassadors/applications", &g.leader, Some(json!({}))).await;
        assert_eq!(s, 201, "{b}");
        let amb = b["id"].as_str().unwrap().to_owned();
        g.call(Method::POST, &format!("/api/v1/applications/{amb}/submit"), &g.leader, None).await;
        let (s, b) = g
            .call(
                Method::POST,
                &format!("/api/v1/applications/{amb}/screen"),
                &g.staff,
                Some(json!({"quality_accepted": true})),
            )
            .await;
        assert_eq!((s, b["stage"].as_str()), (200, Some("not_selected")), "{b}");
        assert!(g.app.last_email(&g.leader.email).await.1.contains("Ambassadors: 0 of 2 contributions"));
        // The MVP interview, then acceptance waits for the NDA, in words.
        let notes = json!({"notes": "Moderates the forum already"});
        g.call(Method::POST, &format!("/api/v1/applications/{id}/interview"), &g.staff, Some(notes)).await;
        let accept = format!("/api/v1/applications/{id}/accept");
        let (s, p) = g.call(Method::POST, &accept, &g.staff, Some(json!({"reason": "Welcome"}))).await;
        assert_eq!((s, p["code"].as_str()), (409, Some("nda_required")), "{p}");
        assert!(p["detail"].as_str().unwrap().contains("Record the date it was signed"), "{p}");
        let (_, a) = g.call(Method::GET, &format!("/api/v1/applications/{id}"), &g.member, None).await;
        assert_eq!(a["stage"], "interviewed", "a refused acceptance changes nothing");
        let nda = format!("/api/v1/applications/{id}/nda");
        let tomorrow = (Utc::now() + Duration::days(1)).date_naive().to_string();
        let today = Utc::now().date_naive().to_string();
        for (who, body, want) in [
            (&g.member, json!({"signed_on": today}), (403, None)),
            (&g.staff, json!({"signed_on": tomorrow}), (422, Some("date_in_future"))),
            (&g.staff, json!({"signed_on": "last week"}), (422, Some("date_invalid"))),
        ] {
            let (s, p) = g.call(Method::POST, &nda, who, Some(body)).await;
            assert_eq!((s, p["errors"][0]["code"].as_str()), want, "{p}");
        }
        let (s, p) = g
            .call(Method::POST, &format!("/api/v1/applications/{amb}/nda"), &g.staff, Some(json!({"signed_on": today})))
            .await;
        assert_eq!(s, 409, "a decided application takes no NDA date: {p}");
        let (s, a) = g.call(Method::POST, &nda, &g.staff, Some(json!({"signed_on": today}))).await;
        assert_eq!((s, a["nda_signed_on"].as_str()), (200, Some(today.as_str())), "{a}");
        let (s, a) = g.call(Method::POST, &accept, &g.staff, Some(json!({"reason": "Welcome"}))).await;
        assert_eq!((s, a["stage"].as_str()), (200, Some("accepted")), "{a}");
        assert!(g.app.last_email(&g.member.email).await.0.contains("Welcome to MVP"));
        let (_, mvps) = g.call(Method::GET, "/api/v1/programs/mvp/memberships", &g.staff, None).await;
        assert_eq!(
            (mvps[0]["member_id"].as_str(), mvps[0]["nda_signed_on"].as_str()),
            (Some(g.member.id.to_string().as_str()), Some(today.as_str())),
            "{mvps}"
        );
        let (_, log) = g.call(Method::GET, &format!("/api/v1/audit?entity_id={id}"), &g.admin, None).await;
        assert!(log.as_array().unwrap().iter().any(|e| e["action"] == "program_application.nda_recorded"), "{log}");
        // An MVP does not apply to MVP again while the title lasts.
        let (s, p) = g.call(Method::POST, "/api/v1/programs/mvp/applications", &g.member, Some(json!({}))).await;
        assert_eq!((s, p["code"].as_str()), (409, Some("already_member")), "{p}");
    }
);

/// CH-1: `ACCEPTS` staff accept interviewed MVP applicants at once, spread
/// over `instances`, for `SEATS` seats: exactly that many start.
async fn mvp_seat_rush(backend: Backend, instances: usize) {
    const ACCEPTS: usize = 20;
    const SEATS: usize = 5;
    let Some(g) = gov(backend).await else { return };
    g.set_setting("mvp.seat_cap", &SEATS.to_string()).await;
    let today = Utc::now().date_naive().to_string();
    let mut apps = Vec::new();
    for (id, email, token) in g.app.members_with_tokens("mvp", ACCEPTS).await {
        let who = Person { id, email, token };
        let app = interviewed(&g, &who, "mvp").await;
        let (s, _) = g
            .call(Method::POST, &format!("/api/v1/applications/{app}/nda"), &g.staff, Some(json!({"signed_on": today})))
            .await;
        assert_eq!(s, 200);
        apps.push(app);
    }
    let (bases, extra) = instances_of(&g, instances).await;
    let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(ACCEPTS));
    let mut tasks = JoinSet::new();
    for (i, app) in apps.iter().enumerate() {
        let url = format!("{}/api/v1/applications/{app}/accept", bases[i % bases.len()]);
        let (client, token, barrier) = (g.app.client.clone(), g.staff.token.clone(), barrier.clone());
        tasks.spawn(async move {
            barrier.wait().await;
            let res = client.post(url).bearer_auth(&token).json(&json!({})).send().await.unwrap();
            (res.status().as_u16(), res.json::<Value>().await.unwrap())
        });
    }
    let (mut accepted, mut full) = (0, 0);
    while let Some(done) = tasks.join_next().await {
        let (status, body) = done.unwrap();
        match status {
            200 => accepted += 1,
            409 => {
                assert_eq!(body["code"], "program_full", "{body}");
                full += 1;
            }
            other => panic!("unexpected {other}: {body}"),
        }
    }
    assert_eq!((accepted, full), (SEATS, ACCEPTS - SEATS));
    let (_, mvps) = g.call(Method::GET, "/api/v1/programs/mvp/memberships", &g.staff, None).await;
    assert_eq!(mvps.as_array().unwrap().len(), SEATS, "exactly the cap started");
    // The refused ones still wait, interviewed, for a seat.
    let mut waiting = 0;
    for app in &apps {
        let (_, a) = g.call(Method::GET, &format!("/api/v1/applications/{app}"), &g.staff, None).await;
        waiting += usize::from(a["stage"] == "interviewed");
    }
    assert_eq!(waiting, ACCEPTS - SEATS);
    for s in extra {
        s.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ch1_mvp_seat_cap_holds_under_concurrent_accepts_on_sqlite() {
    mvp_seat_rush(Backend::Sqlite, 1).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ch1_mvp_seat_cap_holds_under_concurrent_accepts_on_two_instances_sharing_postgres() {
    mvp_seat_rush(Backend::Postgres, 2).await;
}

on_both!(pl2_staff_verify_or_reject_each_contribution_and_members_correct_what_they_reported, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let mine = format!("/api/v1/members/{}/contributions", g.member.id);
    for i in 0..5 {
        let body = json!({"kind": "forum_solution", "title": format!("My answer {i}"), "date": this_year(2),
            "link": format!("https://forum.example.com/t/m{i}")});
        let (s, b) = g.call(Method::POST, &mine, &g.member, Some(body)).await;
        assert_eq!(s, 201, "{b}");
    }
    let eligibility = format!("/api/v1/members/{}/eligibility?program=champions&focus_area=forums", g.member.id);
    let found = |e: &Value| e["criteria"][0]["found"].as_u64().unwrap();
    let (_, e) = g.call(Method::GET, &eligibility, &g.member, None).await;
    assert_eq!(found(&e), 0, "what a member reports waits for verification");
    let (_, list) = g.call(Method::GET, &mine, &g.staff, None).await;
    let ids: Vec<String> = list.as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap().to_owned()).collect();
    let verdict = |id: &str| format!("/api/v1/contributions/{id}/verification");
    // Only staff judge; a rejection needs a reason.
    let (s, _) = g.call(Method::POST, &verdict(&ids[0]), &g.member, Some(json!({"verification": "verified"}))).await;
    assert_eq!(s, 403);
    let (s, p) = g.call(Method::POST, &verdict(&ids[0]), &g.staff, Some(json!({"verification": "rejected"}))).await;
    assert_eq!((s, p["errors"][0]["field"].as_str()), (422, Some("reason")), "{p}");
    for id in &ids[1..] {
        let (s, b) = g.call(Method::POST, &verdict(id), &g.staff, Some(json!({"verification": "verified"}))).await;
        assert_eq!((s, b["verification"].as_str()), (200, Some("verified")), "{b}");
    }
    let (s, p) = g.call(Method::POST, &verdict(&ids[1]), &g.staff, Some(json!({"verification": "verified"}))).await;
    assert_eq!(s, 409, "the same verdict twice: {p}");
    let reject = json!({"verification": "rejected", "reason": "This answer was posted by someone else."});
    let (s, b) = g.call(Method::POST, &verdict(&ids[0]), &g.staff, Some(reject)).await;
    assert_eq!((s, b["verification_reason"].as_str()), (200, Some("This answer was posted by someone else.")));
    let (_, e) = g.call(Method::GET, &eligibility, &g.member, None).await;
    assert_eq!(found(&e), 4, "verified ones count, the rejected one never");
    let (subject, body) = g.app.last_email(&g.member.email).await;
    assert!(subject.contains("Not counted") && body.contains("posted by someone else"), "{subject}\n{body}");
    // The member corrects it: it waits again; verified, it counts.
    let fixed = json!({"kind": "forum_solution", "title": "My own answer", "date": this_year(2),
        "link": "https://forum.example.com/t/mine"});
    let (s, _) =
        g.call(Method::PATCH, &format!("/api/v1/contributions/{}", ids[0]), &g.leader, Some(fixed.clone())).await;
    assert_eq!(s, 404, "nobody else's to correct");
    let (s, b) = g.call(Method::PATCH, &format!("/api/v1/contributions/{}", ids[0]), &g.member, Some(fixed)).await;
    assert_eq!((s, b["verification"].as_str(), b["title"].as_str()), (200, Some("unverified"), Some("My own answer")));
    g.call(Method::POST, &verdict(&ids[0]), &g.staff, Some(json!({"verification": "verified"}))).await;
    let (_, e) = g.call(Method::GET, &eligibility, &g.member, None).await;
    assert_eq!((found(&e), e["eligible"].as_bool()), (5, Some(true)));
    // What staff imported is the source's, not the member's to change; their own goes.
    solutions(&g, &g.member, 1).await;
    let (_, list) = g.call(Method::GET, &mine, &g.member, None).await;
    let imported =
        list.as_array().unwrap().iter().find(|c| c["source"] == "imported").unwrap()["id"].as_str().unwrap().to_owned();
    let (s, p) = g.call(Method::DELETE, &format!("/api/v1/contributions/{imported}"), &g.member, None).await;
    assert_eq!((s, p["errors"][0]["code"].as_str()), (422, Some("self_reported_only")));
    let (s, _) = g.call(Method::DELETE, &format!("/api/v1/contributions/{}", ids[4]), &g.member, None).await;
    assert_eq!(s, 204);
    let (_, e) = g.call(Method::GET, &eligibility, &g.member, None).await;
    assert_eq!(found(&e), 5, "4 of theirs and the imported one");
    let (_, log) = g.call(Method::GET, &format!("/api/v1/audit?entity_id={}", g.member.id), &g.admin, None).await;
    let actions: Vec<&str> = log.as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    for a in ["contribution.verified", "contribution.rejected", "contribution.edited", "contribution.deleted"] {
        assert!(actions.contains(&a), "{a} in {actions:?}");
    }
});

on_both!(pl2_pages_staff_judge_evidence_on_the_application_and_members_correct_it, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let body = json!({"kind": "forum_solution", "title": "Caching answer", "date": this_year(2),
        "link": "https://forum.example.com/t/cache"});
    g.call(Method::POST, &format!("/api/v1/members/{}/contributions", g.member.id), &g.member, Some(body)).await;
    let app = application(&g, &g.member).await;
    let staff = common::gov::page_client(&g, Some(&g.staff)).await;
    let page = format!("/programs/applications/{app}");
    let html = staff.get(g.app.url(&page)).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("Caching answer") && html.contains("Waiting for verification"), "staff see pending evidence");
    let (_, list) =
        g.call(Method::GET, &format!("/api/v1/members/{}/contributions", g.member.id), &g.staff, None).await;
    let cid = list[0]["id"].as_str().unwrap().to_owned();
    let action = format!("/programs/contributions/{cid}/verification");
    let r = common::post_form(
        &staff,
        &g.app,
        &page,
        &action,
        &[("application", &app), ("verification", "rejected"), ("reason", "")],
    )
    .await;
    assert_eq!(r.status(), 422);
    assert!(
        r.text().await.unwrap().contains("Say why it does not count"),
        "a rejection without a reason says so on the page"
    );
    let r = common::post_form(
        &staff,
        &g.app,
        &page,
        &action,
        &[("application", &app), ("verification", "rejected"), ("reason", "Not accepted as the solution")],
    )
    .await;
    assert_eq!(r.status(), 303);
    let member = common::gov::page_client(&g, Some(&g.member)).await;
    let html = member.get(g.app.url("/programs")).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("Not counted") && html.contains("Not accepted as the solution"), "the member sees why");
    let edit = format!("/programs/contributions/{cid}/edit");
    let html = member.get(g.app.url(&edit)).send().await.unwrap().text().await.unwrap();
    assert!(html.contains(r#"value="Caching answer""#), "the form shows what was saved");
    let r = common::post_form(
        &member,
        &g.app,
        &edit,
        &edit,
        &[("kind", "forum_solution"), ("title", "Caching answer"), ("date", "not a date")],
    )
    .await;
    assert_eq!(r.status(), 422);
    let r = common::post_form(
        &member,
        &g.app,
        &edit,
        &edit,
        &[
            ("kind", "forum_solution"),
            ("title", "Caching answer, accepted"),
            ("date", &this_year(3)),
            ("link", "https://forum.example.com/t/cache"),
        ],
    )
    .await;
    assert_eq!(r.status(), 303);
    let html = member.get(g.app.url("/programs?contribution=saved")).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("Saved. Program staff will verify it again.") && html.contains("Caching answer, accepted"));
    let r =
        common::post_form(&member, &g.app, "/programs", &format!("/programs/contributions/{cid}/delete"), &[]).await;
    assert_eq!(r.status(), 303);
    let html = member.get(g.app.url("/programs")).send().await.unwrap().text().await.unwrap();
    assert!(!html.contains("Caching answer"));
});

on_both!(ch8_pages_staff_load_a_programs_pool_and_members_claim_with_a_button, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    for who in [&g.member, &g.leader] {
        let body = json!({"member_id": who.id.to_string(), "focus_area": "forums"});
        let (s, _) = g.call(Method::POST, "/api/v1/programs/champions/memberships", &g.staff, Some(body)).await;
        assert_eq!(s, 201);
    }
    let staff = common::gov::page_client(&g, Some(&g.staff)).await;
    let page = "/programs/benefits";
    let yesterday = (Utc::now() - Duration::days(1)).date_naive().to_string();
    let r = common::post_form(
        &staff,
        &g.app,
        page,
        page,
        &[("name", "Old vouchers"), ("valid_until", &yesterday), ("codes", "X")],
    )
    .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("The day cannot be in the past."));
    let next_year = (Utc::now() + Duration::days(200)).date_naive().to_string();
    let fields = [
        ("name", "Exam voucher"),
        ("program", "champions"),
        ("valid_until", next_year.as_str()),
        ("codes", "EX-1\nEX-2, EX-3\nEX-1"),
    ];
    let r = common::post_form(&staff, &g.app, page, page, &fields).await;
    assert_eq!(r.status(), 303);
    let r = common::post_form(
        &staff,
        &g.app,
        page,
        page,
        &[("name", "MVP summit pass"), ("program", "mvp"), ("codes", "MVP-1")],
    )
    .await;
    assert_eq!(r.status(), 303);
    let html = staff.get(g.app.url(page)).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("3 of 3 left"), "repeats are kept once: {html}");
    // A Champion sees the Champions pool only, and claims with a button.
    let member = common::gov::page_client(&g, Some(&g.member)).await;
    let html = member.get(g.app.url(page)).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("Exam voucher") && !html.contains("MVP summit pass"), "{html}");
    let (_, pools) = g.call(Method::GET, "/api/v1/benefits", &g.member, None).await;
    let exam = pools.as_array().unwrap().iter().find(|p| p["name"] == "Exam voucher").unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let mvp_pool = {
        let (_, all) = g.call(Method::GET, "/api/v1/benefits", &g.staff, None).await;
        all.as_array().unwrap().iter().find(|p| p["name"] == "MVP summit pass").unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let (s, p) = g.call(Method::POST, &format!("/api/v1/benefits/{mvp_pool}/claims"), &g.member, None).await;
    assert_eq!(
        (s, p["errors"][0]["code"].as_str()),
        (422, Some("not_an_active_member")),
        "a Champion takes no MVP code"
    );
    let r = common::post_form(&member, &g.app, page, &format!("/programs/benefits/{exam}/claim"), &[]).await;
    assert_eq!(r.status(), 303);
    let html = member.get(g.app.url(&format!("{page}?done=claimed"))).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("Your code is below") && html.contains("<code>EX-1</code>"), "{html}");
    assert!(!html.contains("Claim a code"), "one per benefit per year: the button is gone");
    let (_, mine) = g.call(Method::GET, "/api/v1/benefits", &g.member, None).await;
    assert_eq!(mine[0]["my_code"], "EX-1");
    // Staff see what is left and add codes from the row.
    let html = staff.get(g.app.url(page)).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("2 of 3 left"));
    assert!(html.contains("Or a file of codes"), "the row offers a file too");
    let r = common::post_form(
        &staff,
        &g.app,
        page,
        &format!("/programs/benefits/{exam}/codes"),
        &[("codes", "EX-3\nEX-4")],
    )
    .await;
    assert_eq!(r.status(), 303);
    let html = staff.get(g.app.url(page)).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("3 of 4 left"), "EX-3 was there already");
    // Or from the vendor's file: a CSV, repeats and codes already loaded kept once.
    let upload = |bytes: Vec<u8>| {
        let staff = staff.clone();
        let app_url = g.app.url(page);
        let action = g.app.url(&format!("/programs/benefits/{exam}/codes-file"));
        async move {
            let html = staff.get(&app_url).send().await.unwrap().text().await.unwrap();
            let token = html.split("name=\"csrf\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
            let part = reqwest::multipart::Part::bytes(bytes).file_name("codes.csv").mime_str("text/csv").unwrap();
            let form = reqwest::multipart::Form::new().text("csrf", token).part("file", part);
            staff.post(action).multipart(form).send().await.unwrap()
        }
    };
    let r = upload(b"EX-4,EX-5\nEX-6\r\nEX-5\n".to_vec()).await;
    assert_eq!(r.status(), 303);
    let html = staff.get(g.app.url(page)).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("5 of 6 left"), "EX-5 and EX-6 are new: {html}");
    let r = upload(vec![0xff, 0xfe, 0x00, 0x41]).await;
    assert_eq!(r.status(), 422, "not text");
    assert!(r.text().await.unwrap().contains("plain text or CSV"), "said on the page");
    let r =
        common::post_form(&staff, &g.app, page, &format!("/programs/benefits/{exam}/codes"), &[("codes", "  ")]).await;
    assert_eq!(r.status(), 422, "an empty box says so");
    // Members cannot load codes.
    let (s, _) =
        g.call(Method::POST, &format!("/api/v1/benefits/{exam}/codes"), &g.member, Some(json!({"codes": ["Z"]}))).await;
    assert_eq!(s, 403);
});

on_both!(ch1_ch2_an_admin_changes_a_programs_traits_on_the_settings_page, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let admin = common::gov::page_client(&g, Some(&g.admin)).await;
    let set = |key: &'static str, value: &'static str| {
        let admin = admin.clone();
        let app = &g.app;
        async move {
            let form = [("key", key), ("value", value), ("reason", "Program review 2027")];
            let res = common::post_form(&admin, app, "/admin/settings", "/admin/settings", &form).await;
            assert!(res.status().is_redirection() || res.status().is_success(), "{key}: {}", res.status());
        }
    };
    // Ambassadors get a seat cap of one and an NDA.
    set("ambassadors.seat_cap", "1").await;
    set("ambassadors.nda_required", "1").await;
    let today = Utc::now().date_naive().to_string();
    let grant = |who: &Person, nda: bool| {
        let mut b = json!({"member_id": who.id.to_string(), "starts_on": today});
        if nda {
            b["nda_signed_on"] = json!(today);
        }
        b
    };
    let path = "/api/v1/programs/ambassadors/memberships";
    let (s, p) = g.call(Method::POST, path, &g.staff, Some(grant(&g.member, false))).await;
    assert_eq!((s, p["code"].as_str()), (409, Some("nda_required")), "{p}");
    let (s, p) = g.call(Method::POST, path, &g.staff, Some(grant(&g.member, true))).await;
    assert_eq!(s, 201, "{p}");
    let (s, p) = g.call(Method::POST, path, &g.staff, Some(grant(&g.leader, true))).await;
    assert_eq!((s, p["code"].as_str()), (409, Some("program_full")), "{p}");
    assert!(p["detail"].as_str().unwrap().contains("all 1 seats"), "{p}");
    // Champions and MVP no longer exclude each other once neither names the other.
    let champion = json!({"member_id": g.leader.id.to_string(), "focus_area": "forums", "starts_on": today});
    let (s, _) = g.call(Method::POST, "/api/v1/programs/champions/memberships", &g.staff, Some(champion)).await;
    assert_eq!(s, 201);
    let mvp = json!({"member_id": g.leader.id.to_string(), "starts_on": today, "nda_signed_on": today});
    let (s, p) = g.call(Method::POST, "/api/v1/programs/mvp/memberships", &g.staff, Some(mvp.clone())).await;
    assert_eq!((s, p["code"].as_str()), (409, Some("champion_and_mvp_exclusive")), "as the SPEC seeds it: {p}");
    set("champions.exclusive_with", "").await;
    set("mvp.exclusive_with", "").await;
    let (s, p) = g.call(Method::POST, "/api/v1/programs/mvp/memberships", &g.staff, Some(mvp)).await;
    assert_eq!(s, 201, "{p}");
    // Moderator rights follow the setting for integrations.
    let (_, list) = g.call(Method::GET, "/api/v1/programs/mvp/memberships", &g.staff, None).await;
    assert_eq!(list[0]["moderator"], true);
    set("mvp.moderator_rights", "0").await;
    let (_, list) = g.call(Method::GET, "/api/v1/programs/mvp/memberships", &g.staff, None).await;
    assert_eq!(list[0]["moderator"], false);
    // A trait out of range is refused on the page and changes nothing.
    let form = [("key", "mvp.nda_required"), ("value", "2"), ("reason", "typo")];
    let res = common::post_form(&admin, &g.app, "/admin/settings", "/admin/settings", &form).await;
    assert_eq!(res.status(), 422);
    let form = [("key", "ambassadors.exclusive_with"), ("value", "nosuchprogram"), ("reason", "typo")];
    let res = common::post_form(&admin, &g.app, "/admin/settings", "/admin/settings", &form).await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("champions, mvp or ambassadors"), "only programs can be named");
});

on_both!(ch6_the_applicant_edits_the_draft_until_submitting_it, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let (s, a) = g
        .call(Method::POST, "/api/v1/programs/champions/applications", &g.member, Some(json!({"focus_area": "forums"})))
        .await;
    assert_eq!(s, 201, "{a}");
    let id = a["id"].as_str().unwrap().to_owned();
    let one = format!("/api/v1/applications/{id}");
    let (s, p) = g.call(Method::PATCH, &one, &g.member, Some(json!({"focus_area": null}))).await;
    assert_eq!((s, p["errors"][0]["field"].as_str()), (422, Some("focus_area")), "Champions keep a focus area: {p}");
    let (s, b) =
        g.call(Method::PATCH, &one, &g.member, Some(json!({"focus_area": "speaking", "interests": ["forums"]}))).await;
    assert_eq!(
        (s, b["focus_area"].as_str(), b["interests"].clone()),
        (200, Some("speaking"), json!(["forums"])),
        "{b}"
    );
    let (s, _) = g.call(Method::PATCH, &one, &g.other_leader, Some(json!({"focus_area": "forums"}))).await;
    assert_eq!(s, 404, "someone else's application is not there");
    let (s, _) = g.call(Method::PATCH, &one, &g.staff, Some(json!({"focus_area": "forums"}))).await;
    assert_eq!(s, 403, "staff read it, the applicant writes it");
    // By the page: the form holds the draft, saving says so.
    let browser = common::gov::page_client(&g, Some(&g.member)).await;
    let page = format!("/programs/applications/{id}");
    let html = browser.get(g.app.url(&page)).send().await.unwrap().text().await.unwrap();
    assert!(
        html.contains("Change the draft") && html.contains("value=\"speaking\" selected"),
        "the form holds the draft"
    );
    let res = common::post_form(
        &browser,
        &g.app,
        &page,
        &format!("{page}/edit"),
        &[("focus_area", "forums"), ("interests", "")],
    )
    .await;
    let html = common::follow(&browser, &g.app, res).await;
    assert!(html.contains("Your draft was saved"), "told");
    let (_, b) = g.call(Method::GET, &one, &g.member, None).await;
    assert_eq!((b["focus_area"].as_str(), b["interests"].clone()), (Some("forums"), json!([])));
    let (s, _) = g.call(Method::POST, &format!("{one}/submit"), &g.member, None).await;
    assert_eq!(s, 200);
    let (s, p) = g.call(Method::PATCH, &one, &g.member, Some(json!({"focus_area": "speaking"}))).await;
    assert_eq!(
        (s, p["type"].as_str()),
        (409, Some("/problems/state_conflict")),
        "submitted is what reviewers judge: {p}"
    );
    let html = browser.get(g.app.url(&page)).send().await.unwrap().text().await.unwrap();
    assert!(!html.contains("Change the draft"));
});

on_both!(ch6_the_applicant_withdraws_before_the_decision_by_page_or_api_and_may_apply_again, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    solutions(&g, &g.member, 5).await;
    let id = application(&g, &g.member).await;
    let (s, a) = g
        .call(
            Method::POST,
            &format!("/api/v1/applications/{id}/screen"),
            &g.staff,
            Some(json!({"quality_accepted": true})),
        )
        .await;
    assert_eq!((s, a["stage"].as_str()), (200, Some("interview")));
    let withdraw = format!("/api/v1/applications/{id}/withdraw");
    let (s, _) = g.call(Method::POST, &withdraw, &g.staff, None).await;
    assert_eq!(s, 403, "only the applicant withdraws");
    let (s, a) = g.call(Method::POST, &withdraw, &g.member, None).await;
    assert_eq!((s, a["stage"].as_str()), (200, Some("withdrawn")), "{a}");
    let (s, p) = g.call(Method::POST, &withdraw, &g.member, None).await;
    assert_eq!((s, p["code"].as_str()), (409, Some("state_conflict")), "{p}");
    let (s, _) = g
        .call(
            Method::POST,
            &format!("/api/v1/applications/{id}/screen"),
            &g.staff,
            Some(json!({"quality_accepted": true})),
        )
        .await;
    assert_eq!(s, 409, "staff cannot move a withdrawn application on");
    // A new application may follow, and is withdrawn from its page.
    let again = application(&g, &g.member).await;
    let member = common::gov::page_client(&g, Some(&g.member)).await;
    let page = format!("/programs/applications/{again}");
    let html = member.get(g.app.url(&page)).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("Withdraw my application…"));
    let r = common::post_form(&member, &g.app, &page, &format!("{page}/withdraw"), &[]).await;
    assert_eq!(r.status(), 303);
    let html = member.get(g.app.url(&page)).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("You withdrew this application."), "{html}");
    assert!(!html.contains("Withdraw my application…"));
    let (_, log) = g.call(Method::GET, &format!("/api/v1/audit?entity_id={again}"), &g.admin, None).await;
    assert!(log.as_array().unwrap().iter().any(|e| e["action"] == "program_application.withdrawn"));
});

on_both!(
    ch5_the_reviewer_judges_each_piece_against_the_rubric_and_screening_counts_those_that_meet_it,
    |backend| async move {
        let Some(g) = gov(backend).await else { return };
        solutions(&g, &g.member, 6).await;
        let id = application(&g, &g.member).await;
        let evidence = format!("/api/v1/applications/{id}/evidence");
        let (s, _) = g.call(Method::GET, &evidence, &g.member, None).await;
        assert_eq!(s, 403, "staff read the evidence");
        let (s, e) = g.call(Method::GET, &evidence, &g.staff, None).await;
        assert_eq!(s, 200, "{e}");
        assert_eq!(e["rubric"], json!(["researched", "tested", "added_resources"]));
        let pieces: Vec<String> =
            e["pieces"].as_array().unwrap().iter().map(|p| p["piece"].as_str().unwrap().to_owned()).collect();
        assert_eq!(pieces.len(), 6);
        assert!(e["pieces"].as_array().unwrap().iter().all(|p| p["points"].is_null() && p["meets_rubric"] == false));

        let judge = format!("/api/v1/applications/{id}/judgments");
        let all = json!(["researched", "tested", "added_resources"]);
        let (s, p) =
            g.call(Method::POST, &judge, &g.staff, Some(json!({"piece": pieces[0], "points": ["screenshots"]}))).await;
        assert_eq!((s, p["errors"][0]["code"].as_str()), (422, Some("rubric_point_unknown")), "{p}");
        let (s, _) = g.call(Method::POST, &judge, &g.member, Some(json!({"piece": pieces[0], "points": all}))).await;
        assert_eq!(s, 403, "an applicant does not judge their own evidence");
        let (s, p) =
            g.call(Method::POST, &judge, &g.staff, Some(json!({"piece": "someone-else", "points": all}))).await;
        assert_eq!((s, p["errors"][0]["code"].as_str()), (422, Some("evidence_unknown")));
        // Four pieces meet every point, one meets two: four of the five needed.
        for p in &pieces[..4] {
            let (s, b) = g.call(Method::POST, &judge, &g.staff, Some(json!({"piece": p, "points": all}))).await;
            assert_eq!(s, 200, "{b}");
        }
        let (s, b) = g
            .call(Method::POST, &judge, &g.staff, Some(json!({"piece": pieces[4], "points": ["tested", "researched"]})))
            .await;
        assert_eq!((s, b["points"].clone()), (200, json!(["tested", "researched"])));
        let (_, e) = g.call(Method::GET, &evidence, &g.staff, None).await;
        let meeting = e["pieces"].as_array().unwrap().iter().filter(|p| p["meets_rubric"] == true).count();
        assert_eq!(meeting, 4, "{e}");

        // A second applicant judged the same way is not selected, told why;
        // the old single answer does not override the judgments.
        let (other, email, token) = g.app.member_with_role("judged", None).await;
        let other = Person { id: other, email: email.clone(), token };
        solutions(&g, &other, 6).await;
        let other_app = application(&g, &other).await;
        let (_, oe) = g.call(Method::GET, &format!("/api/v1/applications/{other_app}/evidence"), &g.staff, None).await;
        for p in oe["pieces"].as_array().unwrap().iter().take(4) {
            let body = json!({"piece": p["piece"], "points": all});
            let (s, _) = g
                .call(Method::POST, &format!("/api/v1/applications/{other_app}/judgments"), &g.staff, Some(body))
                .await;
            assert_eq!(s, 200);
        }
        let screen = json!({"quality_accepted": true});
        let (s, a) =
            g.call(Method::POST, &format!("/api/v1/applications/{other_app}/screen"), &g.staff, Some(screen)).await;
        assert_eq!((s, a["stage"].as_str()), (200, Some("not_selected")), "{a}");
        let (_, body) = g.app.last_email(&email).await;
        assert!(body.contains("4 of the pieces of evidence met every point of the rubric; 5 are needed"), "{body}");

        // The fifth piece judged again, fully: screening passes to the interview.
        let (s, _) = g.call(Method::POST, &judge, &g.staff, Some(json!({"piece": pieces[4], "points": all}))).await;
        assert_eq!(s, 200);
        let (s, a) =
            g.call(Method::POST, &format!("/api/v1/applications/{id}/screen"), &g.staff, Some(json!({}))).await;
        assert_eq!((s, a["stage"].as_str()), (200, Some("interview")), "{a}");
        let (s, p) = g.call(Method::POST, &judge, &g.staff, Some(json!({"piece": pieces[5], "points": all}))).await;
        assert_eq!(
            (s, p["type"].as_str()),
            (409, Some("/problems/state_conflict")),
            "judged before screening only: {p}"
        );
        let (_, log) = g.call(Method::GET, "/api/v1/audit?action=evidence.judged", &g.admin, None).await;
        assert_eq!(log.as_array().unwrap().len(), 10, "every judgment is audited");
    }
);

on_both!(ch6_a_community_manager_named_by_staff_proposes_times_and_records_the_interview, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    g.set_setting("mvp.min_contributions_per_year", "3").await;
    solutions(&g, &g.member, 3).await;
    let (_, a) = g.call(Method::POST, "/api/v1/programs/mvp/applications", &g.member, Some(json!({}))).await;
    let id = a["id"].as_str().unwrap().to_owned();
    g.call(Method::POST, &format!("/api/v1/applications/{id}/submit"), &g.member, None).await;
    let app = format!("/api/v1/applications/{id}");
    let named = format!("{app}/interviewer");
    // Before being named, a manager sees nothing of it.
    let (s, _) = g.call(Method::GET, &app, &g.manager, None).await;
    assert_eq!(s, 404);
    // An address that names no application (not even a well-formed id) is not found.
    for bad in ["/api/v1/applications/not-an-id/interviewer", "/api/v1/applications/12/interviewer"] {
        let (s, _) = g.call(Method::PUT, bad, &g.staff, Some(json!({"member_id": null}))).await;
        assert_eq!(s, 404, "{bad}");
    }
    // Only staff name, and only a community manager.
    let name = |m: &Person| Some(json!({"member_id": m.id.to_string()}));
    let (s, _) = g.call(Method::PUT, &named, &g.manager, name(&g.manager)).await;
    assert_eq!(s, 403);
    let (s, b) = g.call(Method::PUT, &named, &g.staff, name(&g.leader)).await;
    assert_eq!((s, b["errors"][0]["code"].as_str()), (422, Some("interviewer_not_manager")), "{b}");
    let (s, b) = g.call(Method::PUT, &named, &g.staff, Some(json!({"member_id": "someone"}))).await;
    assert_eq!((s, b["errors"][0]["code"].as_str()), (422, Some("interviewer_unknown")), "{b}");
    let (s, b) = g.call(Method::PUT, &named, &g.staff, name(&g.manager)).await;
    assert_eq!((s, b["interviewer_id"].as_str()), (200, Some(g.manager.id.to_string().as_str())), "{b}");
    let (subject, body) = g.app.last_email(&g.manager.email).await;
    assert!(subject.starts_with("Please interview") && subject.ends_with("for MVP"), "{subject}");
    assert!(body.contains(&format!("/programs/applications/{id}")), "{body}");
    let (s, b) =
        g.call(Method::POST, &format!("{app}/screen"), &g.staff, Some(json!({"quality_accepted": true}))).await;
    assert_eq!((s, b["stage"].as_str()), (200, Some("interview")), "{b}");
    // The named manager finds it on their list and on their hub; another does not.
    let (_, mine) = g.call(Method::GET, "/api/v1/me/interviews", &g.manager, None).await;
    assert_eq!(mine.as_array().map(|l| l.iter().map(|a| a["id"].clone()).collect()), Some(vec![json!(id)]));
    let (_, theirs) = g.call(Method::GET, "/api/v1/me/interviews", &g.other_manager, None).await;
    assert_eq!(theirs, json!([]));
    let (s, _) = g.call(Method::GET, &app, &g.other_manager, None).await;
    assert_eq!(s, 404);
    let manager = common::gov::page_client(&g, Some(&g.manager)).await;
    let hub = manager.get(g.app.url("/community")).send().await.unwrap().text().await.unwrap();
    assert!(hub.contains("Interviews you hold") && hub.contains(&format!("href=\"/programs/applications/{id}\"")));
    // The manager proposes times on the application page; the applicant is asked to pick.
    let page = format!("/programs/applications/{id}");
    let html = manager.get(g.app.url(&page)).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("Propose interview times"), "{html}");
    assert!(!html.contains("/nda\"") && !html.contains("Save the interviewer"), "staff's parts stay theirs");
    let soon = (Utc::now() + Duration::days(3)).format("%Y-%m-%dT18:00").to_string();
    let res = common::post_form(&manager, &g.app, &page, &format!("{page}/times"), &[("time1", &soon)]).await;
    let html = common::follow(&manager, &g.app, res).await;
    assert!(html.contains("The times were sent to the applicant"), "she is told: {html}");
    assert!(html.contains("Program staff asked you to interview this applicant"), "{html}");
    assert!(g.app.last_email(&g.member.email).await.0.contains("pick a time for your interview"));
    // The applicant sees who interviews them, picks, and the manager hears when.
    let member = common::gov::page_client(&g, Some(&g.member)).await;
    let html = member.get(g.app.url(&page)).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("Your interviewer:"), "{html}");
    let times = format!("{app}/interview-times");
    let (_, slots) = g.call(Method::GET, &times, &g.member, None).await;
    let (s, _) = g.call(Method::PUT, &times, &g.member, Some(json!({"slot_id": slots[0]["id"]}))).await;
    assert_eq!(s, 200);
    let (subject, body) = g.app.last_email(&g.manager.email).await;
    assert!(subject.starts_with("Interview with"), "{subject}");
    assert!(body.contains("interview.ics"), "{body}");
    let (s, ics) = g.app.api(Method::GET, &format!("{app}/interview.ics"), Some(&g.manager.token), None).await;
    assert!(s == 200 && ics.as_str().is_some_and(|t| t.contains("BEGIN:VEVENT")), "the interviewer adds it: {ics}");
    // The manager records the interview; staff decide.
    let res = common::post_form(
        &manager,
        &g.app,
        &page,
        &format!("{page}/interview"),
        &[("notes", "Runs a study group"), ("back", "application")],
    )
    .await;
    assert!(common::follow(&manager, &g.app, res).await.contains("The interview is recorded."));
    let (_, a) = g.call(Method::GET, &app, &g.staff, None).await;
    assert_eq!(a["stage"], "interviewed", "{a}");
    let (s, _) = g.call(Method::POST, &format!("{app}/accept"), &g.manager, Some(json!({}))).await;
    assert_eq!(s, 403);
    let (s, _) = g.call(Method::PUT, &named, &g.staff, Some(json!({"member_id": null}))).await;
    assert_eq!(s, 409, "the interview is done: nobody is named any more");
    let (_, mine) = g.call(Method::GET, "/api/v1/me/interviews", &g.manager, None).await;
    assert_eq!(mine.as_array().map(Vec::len), Some(1), "still theirs until decided");
    let (s, _) = g.call(Method::POST, &format!("{app}/nda"), &g.staff, Some(json!({"signed_on": this_year(1)}))).await;
    assert_eq!(s, 200);
    let (s, a) = g.call(Method::POST, &format!("{app}/accept"), &g.staff, Some(json!({"reason": "Welcome"}))).await;
    assert_eq!((s, a["stage"].as_str()), (200, Some("accepted")), "{a}");
    let (_, mine) = g.call(Method::GET, "/api/v1/me/interviews", &g.manager, None).await;
    assert_eq!(mine, json!([]), "a decided application leaves the list");
});
