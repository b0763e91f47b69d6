//! Running groups by the guidelines, through the API on SQLite and
//! PostgreSQL. Each test names the rule it proves: UG-2, UG-4, UG-6,
//! UG-7, UG-8, UG-10, UG-11, UG-12, UG-13.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use chrono::{Datelike, Duration, Utc};
use common::gov::gov;
use reqwest::Method;
use serde_json::{json, Value};

on_both!(ug6_a_session_added_after_publishing_is_reviewed_and_a_sent_back_one_resubmitted, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let (s, _) = g
        .call(
            Method::POST,
            &format!("/api/v1/groups/{}/review-required", g.slug),
            &g.manager,
            Some(json!({"required": true})),
        )
        .await;
    assert_eq!(s, 204);
    let ev = g.draft(None, 12).await;
    let review = |verdict: &str, notes: &str| {
        json!({"verdict": verdict, "neutral_template": true, "no_sales_pitch": true, "no_recruitment": true,
               "no_brand_promotion": true, "notes": notes})
    };
    let add = |title: &str| json!({"title": title, "abstract": "How we do it.", "speakers": ["Ana Guest"]});
    let (_, t) = g.call(Method::POST, &format!("/api/v1/events/{ev}/talks"), &g.leader, Some(add("Tracing"))).await;
    let first = t["id"].as_str().unwrap().to_owned();
    let (s, _) = g
        .call(
            Method::POST,
            &format!("/api/v1/events/{ev}/talks/{first}/review"),
            &g.manager,
            Some(review("approve", "")),
        )
        .await;
    assert_eq!(s, 200);
    let (s, _) = g.call(Method::POST, &format!("/api/v1/events/{ev}/publish"), &g.leader, None).await;
    assert_eq!(s, 200);
    // Added after publishing: pending, out of attendees' sight, on the manager's list.
    let (s, t) =
        g.call(Method::POST, &format!("/api/v1/events/{ev}/talks"), &g.leader, Some(add("Buy our tool"))).await;
    assert_eq!(s, 201, "{t}");
    let late = t["id"].as_str().unwrap().to_owned();
    let (_, public) = g.app.api(Method::GET, &format!("/api/v1/events/{ev}"), None, None).await;
    let titles = |e: &Value| -> Vec<String> {
        e["talks"].as_array().unwrap().iter().map(|t| t["title"].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(titles(&public), ["Tracing"], "a visitor sees approved sessions only");
    let page = g.app.client.get(g.app.url(&format!("/events/{ev}"))).send().await.unwrap().text().await.unwrap();
    assert!(!page.contains("Buy our tool"), "nor on the page");
    let (_, leaders) = g.app.api(Method::GET, &format!("/api/v1/events/{ev}"), Some(&g.leader.token), None).await;
    assert_eq!(titles(&leaders), ["Tracing", "Buy our tool"], "the leaders see both");
    let (_, tasks) = g.call(Method::GET, &format!("/api/v1/regions/{}/tasks", g.region), &g.manager, None).await;
    assert!(tasks.to_string().contains("Observability without vendors"), "on the manager's review list: {tasks}");
    let url = format!("/api/v1/events/{ev}/talks/{late}/review");
    let (s, _) =
        g.call(Method::POST, &url, &g.manager, Some(review("request_changes", "No sales pitch, please."))).await;
    assert_eq!(s, 200);
    // Sent back, edited and resubmitted: pending again, the reviewer's notes kept.
    let edit = format!("/api/v1/events/{ev}/talks/{late}");
    let (s, p) = g.call(Method::PATCH, &edit, &g.leader, Some(json!({"title": ""}))).await;
    assert_eq!(s, 422, "{p}");
    let (s, _) = g.call(Method::PATCH, &edit, &g.other_leader, Some(json!({"title": "Mine now"}))).await;
    assert_eq!(s, 403);
    let (s, _) = g
        .call(
            Method::PATCH,
            &edit,
            &g.leader,
            Some(json!({"title": "Profiling in production", "abstract": "Flame graphs."})),
        )
        .await;
    assert_eq!(s, 204);
    let (_, leaders) = g.app.api(Method::GET, &format!("/api/v1/events/{ev}"), Some(&g.leader.token), None).await;
    let t = leaders["talks"].as_array().unwrap().iter().find(|t| t["id"] == late.as_str()).unwrap().clone();
    assert_eq!(
        (t["title"].as_str(), t["review_status"].as_str()),
        (Some("Profiling in production"), Some("pending")),
        "{t}"
    );
    let (s, _) = g.call(Method::POST, &url, &g.manager, Some(review("approve", "Better."))).await;
    assert_eq!(s, 200);
    let (_, public) = g.app.api(Method::GET, &format!("/api/v1/events/{ev}"), None, None).await;
    assert_eq!(titles(&public), ["Tracing", "Profiling in production"], "approved, attendees see it");
    // By the page: the leader edits a talk with the form.
    let leader = common::gov::page_client(&g, Some(&g.leader)).await;
    let page = format!("/events/{ev}");
    let html = leader.get(g.app.url(&page)).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("Edit this talk") && html.contains("saving sends the talk back to the reviewers"));
    let res = common::post_form(
        &leader,
        &g.app,
        &page,
        &format!("{page}/talks/{first}/edit"),
        &[("title", "Tracing at the edge"), ("abstract", "Spans.")],
    )
    .await;
    assert_eq!(res.status(), 303);
    let (_, public) = g.app.api(Method::GET, &format!("/api/v1/events/{ev}"), None, None).await;
    assert_eq!(titles(&public), ["Profiling in production"], "the edited talk waits for review again");
});

on_both!(ug7_partner_and_client_offices_cannot_host_published_events, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let partner = g.venue("partner_office").await;
    let coworking = g.venue("coworking").await;
    let client = g.venue("client_office").await;
    let ev = g.draft(Some(&partner), 10).await;
    let (s, p) = g.call(Method::POST, &format!("/api/v1/events/{ev}/publish"), &g.leader, None).await;
    assert_eq!(s, 409, "{p}");
    assert_eq!(p["type"], "/problems/venue_not_neutral");
    assert!(p["detail"].as_str().unwrap().contains("partner's or a client's office"), "{p}");
    // Moved to a coworking space it publishes; moving it back is refused.
    let (s, _) =
        g.call(Method::PATCH, &format!("/api/v1/events/{ev}"), &g.leader, Some(json!({"venue_id": coworking}))).await;
    assert_eq!(s, 200);
    let (s, _) = g.call(Method::POST, &format!("/api/v1/events/{ev}/publish"), &g.leader, None).await;
    assert_eq!(s, 200);
    let (s, p) =
        g.call(Method::PATCH, &format!("/api/v1/events/{ev}"), &g.leader, Some(json!({"venue_id": client}))).await;
    assert_eq!(s, 409, "{p}");
    let (_, e) = g.app.api(Method::GET, &format!("/api/v1/events/{ev}"), None, None).await;
    assert_eq!(e["venue"]["id"], coworking, "nothing changed");
    // The registry marks the offices events may not use.
    let (s, list) = g.call(Method::GET, "/api/v1/venues?country=PT&kind=client_office", &g.member, None).await;
    assert_eq!(s, 200);
    assert_eq!((list[0]["id"].as_str(), list[0]["neutral"].as_bool()), (Some(client.as_str()), Some(false)));
    assert_eq!(list.as_array().unwrap().len(), 1);
});

on_both!(ug6_review_holds_publishing_until_every_session_is_approved, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let (s, _) = g
        .call(
            Method::POST,
            &format!("/api/v1/groups/{}/review-required", g.slug),
            &g.leader,
            Some(json!({"required": true})),
        )
        .await;
    assert_eq!(s, 403, "leaders cannot lift or set review");
    let (s, _) = g
        .call(
            Method::POST,
            &format!("/api/v1/groups/{}/review-required", g.slug),
            &g.manager,
            Some(json!({"required": true})),
        )
        .await;
    assert_eq!(s, 204);
    let ev = g.draft(None, 12).await;
    let mut talks = Vec::new();
    for title in ["Tracing at the edge", "Logs you can read"] {
        // The leader speaks herself (a member is named only by accepting an invitation, UG-11).
        let body = json!({"title": title, "abstract": "How we do it.", "speakers": [g.leader.id.to_string()]});
        let (s, t) = g.call(Method::POST, &format!("/api/v1/events/{ev}/talks"), &g.leader, Some(body)).await;
        assert_eq!(s, 201, "{t}");
        talks.push(t["id"].as_str().unwrap().to_owned());
    }
    let (_, e) = g.app.api(Method::GET, &format!("/api/v1/events/{ev}"), Some(&g.leader.token), None).await;
    assert_eq!(e["review_required"], true, "the group's review applies to its new events");
    assert_eq!(e["talks"][0]["review_status"], "pending");
    let (s, p) = g.call(Method::POST, &format!("/api/v1/events/{ev}/publish"), &g.leader, None).await;
    assert_eq!((s, p["type"].as_str()), (409, Some("/problems/sessions_not_approved")), "{p}");
    let review = |verdict: &str, all: bool, notes: &str| {
        json!({"verdict": verdict, "neutral_template": true, "no_sales_pitch": all, "no_recruitment": true,
               "no_brand_promotion": true, "notes": notes})
    };
    let url = format!("/api/v1/events/{ev}/talks/{}/review", talks[0]);
    let (s, _) = g.call(Method::POST, &url, &g.leader, Some(review("approve", true, ""))).await;
    assert_eq!(s, 403, "leaders do not review their own sessions");
    let (s, _) = g.call(Method::POST, &url, &g.other_manager, Some(review("approve", true, ""))).await;
    assert_eq!(s, 403, "another region's manager does not either");
    let (s, p) = g.call(Method::POST, &url, &g.manager, Some(review("approve", false, ""))).await;
    assert_eq!(s, 422, "approval needs the whole checklist: {p}");
    let (s, p) =
        g.call(Method::POST, &url, &g.manager, Some(review("request_changes", false, "Drop the pricing slide."))).await;
    assert_eq!((s, p["review_status"].as_str()), (200, Some("changes_requested")));
    let (subject, body) = g.app.last_email(&g.leader.email).await;
    assert!(subject.contains("Changes requested"), "{subject}");
    assert!(body.contains("Drop the pricing slide."), "{body}");
    let (s, _) = g.call(Method::POST, &format!("/api/v1/events/{ev}/publish"), &g.leader, None).await;
    assert_eq!(s, 409);
    let (s, p) = g.call(Method::POST, &url, &g.manager, Some(review("approve", true, "Thanks!"))).await;
    assert_eq!((s, p["review_status"].as_str()), (200, Some("approved")));
    for t in &talks[1..] {
        let url = format!("/api/v1/events/{ev}/talks/{t}/review");
        let (s, _) = g.call(Method::POST, &url, &g.manager, Some(review("approve", true, ""))).await;
        assert_eq!(s, 200);
    }
    let (s, e) = g.call(Method::POST, &format!("/api/v1/events/{ev}/publish"), &g.leader, None).await;
    assert_eq!((s, e["status"].as_str()), (200, Some("published")), "{e}");
});

on_both!(ug2_apply_interview_and_appoint_with_an_email_at_each_step, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let apply = json!({"group_slug": g.slug, "years": 4, "certifications": "Associate Developer",
        "projects": "Warehouse app for a retailer", "profile_link": "https://community.example.com/u/m", "accept_guidelines": true});
    let (s, p) = g
        .call(
            Method::POST,
            "/api/v1/leader-applications",
            &g.member,
            Some(json!({"group_slug": g.slug, "years": 4, "projects": "x"})),
        )
        .await;
    assert_eq!(s, 422, "the pledge is required: {p}");
    assert!(p["errors"].as_array().unwrap().iter().any(|e| e["field"] == "accept_guidelines"));
    let (s, a) = g.call(Method::POST, "/api/v1/leader-applications", &g.member, Some(apply.clone())).await;
    assert_eq!(s, 201, "{a}");
    assert_eq!((a["status"].as_str(), a["guidelines_version"].as_str()), (Some("submitted"), Some("1")));
    let id = a["id"].as_str().unwrap().to_owned();
    assert!(g.app.last_email(&g.member.email).await.0.contains("We received your application"));
    assert!(g.app.last_email(&g.manager.email).await.0.contains("applies to lead"));
    let (s, _) = g.call(Method::POST, "/api/v1/leader-applications", &g.member, Some(apply)).await;
    assert_eq!(s, 409, "one open application per group");
    // Only the applicant and the region's managers see it.
    for (who, expected) in
        [(&g.leader, 404), (&g.other_manager, 404), (&g.manager, 200), (&g.member, 200), (&g.admin, 200)]
    {
        let (s, _) = g.call(Method::GET, &format!("/api/v1/leader-applications/{id}"), who, None).await;
        assert_eq!(s, expected, "{}", who.email);
    }
    let soon = |d: i64| (Utc::now() + Duration::days(d)).format("%Y-%m-%dT18:00").to_string();
    let times = json!({"times": [soon(3), soon(4)]});
    let (s, _) = g
        .call(
            Method::POST,
            &format!("/api/v1/leader-applications/{id}/interview-times"),
            &g.other_manager,
            Some(times.clone()),
        )
        .await;
    assert_eq!(s, 404);
    let (s, a) = g
        .call(Method::POST, &format!("/api/v1/leader-applications/{id}/interview-times"), &g.manager, Some(times))
        .await;
    assert_eq!((s, a["status"].as_str()), (200, Some("interview_proposed")), "{a}");
    assert!(g.app.last_email(&g.member.email).await.0.contains("Pick a time"));
    let slot = a["interview_times"][1]["id"].as_str().unwrap().to_owned();
    let (s, _) = g
        .call(
            Method::POST,
            &format!("/api/v1/leader-applications/{id}/appoint"),
            &g.manager,
            Some(json!({"reason": "Great fit"})),
        )
        .await;
    assert_eq!(s, 409, "no appointment before the interview");
    let (s, a) = g
        .call(
            Method::POST,
            &format!("/api/v1/leader-applications/{id}/interview"),
            &g.member,
            Some(json!({"slot_id": slot})),
        )
        .await;
    assert_eq!((s, a["status"].as_str()), (200, Some("interview_scheduled")), "{a}");
    let (subject, body) = g.app.last_email(&g.member.email).await;
    assert!(subject.contains("Your interview"), "{subject}");
    assert!(body.contains("interview.ics"), "{body}");
    // The calendar invite, read back by an independent parser.
    let res = g
        .app
        .client
        .get(g.app.url(&format!("/api/v1/leader-applications/{id}/interview.ics")))
        .bearer_auth(&g.member.token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let ics = res.text().await.unwrap();
    let parsed: Vec<_> = ical::IcalParser::new(ics.as_bytes()).collect();
    let cal = parsed[0].as_ref().unwrap();
    let dtstart = cal.events[0].properties.iter().find(|p| p.name == "DTSTART").and_then(|p| p.value.clone()).unwrap();
    let picked = chrono::DateTime::parse_from_rfc3339(a["interview_at"].as_str().unwrap()).unwrap().with_timezone(&Utc);
    assert_eq!(dtstart, picked.format("%Y%m%dT%H%M%SZ").to_string());
    let (s, _) = g
        .call(
            Method::POST,
            &format!("/api/v1/leader-applications/{id}/notes"),
            &g.manager,
            Some(json!({"notes": "Knows the platform well."})),
        )
        .await;
    assert_eq!(s, 204);
    let (_, seen) = g.call(Method::GET, &format!("/api/v1/leader-applications/{id}"), &g.member, None).await;
    assert_eq!(seen["notes"], serde_json::Value::Null, "notes are for managers");
    let (s, p) = g
        .call(
            Method::POST,
            &format!("/api/v1/leader-applications/{id}/appoint"),
            &g.manager,
            Some(json!({"reason": "Great fit for Lisboa"})),
        )
        .await;
    assert_eq!((s, p["type"].as_str()), (409, Some("/problems/interview_not_held")), "not before the interview: {p}");
    g.interview_held(&id).await;
    let (s, a) = g
        .call(
            Method::POST,
            &format!("/api/v1/leader-applications/{id}/appoint"),
            &g.manager,
            Some(json!({"reason": "Great fit for Lisboa"})),
        )
        .await;
    assert_eq!((s, a["status"].as_str()), (200, Some("appointed")), "{a}");
    assert!(g.app.last_email(&g.member.email).await.0.contains("Welcome, leader"));
    // Now a leader: they can create an event for the group.
    let (s, _) = g.call(Method::GET, &format!("/api/v1/groups/{}", g.slug), &g.member, None).await;
    assert_eq!(s, 200);
    let (_, group) = g.call(Method::GET, &format!("/api/v1/groups/{}", g.slug), &g.member, None).await;
    assert!(group["leaders"].as_array().unwrap().iter().any(|l| l["id"] == g.member.id.to_string()));
    let (_, audit) = g.call(Method::GET, &format!("/api/v1/audit?entity_id={id}"), &g.admin, None).await;
    let text = audit.to_string();
    for step in ["submitted", "interview_proposed", "interview_scheduled", "notes", "appointed"] {
        assert!(text.contains(&format!("leader_application.{step}")), "audit has {step}: {text}");
    }
});

on_both!(ug2_a_new_group_application_is_declined_with_a_reason, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let body = json!({"region_id": g.region.to_string(), "proposed_name": "Faro Devs", "proposed_city": "Faro",
        "years": 1, "projects": "A first app", "accept_guidelines": true});
    let (s, a) = g.call(Method::POST, "/api/v1/leader-applications", &g.member, Some(body)).await;
    assert_eq!(s, 201, "{a}");
    assert_eq!(a["group"], "Faro Devs");
    let id = a["id"].as_str().unwrap();
    let (s, p) = g
        .call(
            Method::POST,
            &format!("/api/v1/leader-applications/{id}/decline"),
            &g.manager,
            Some(json!({"reason": ""})),
        )
        .await;
    assert_eq!(s, 422, "a reason is required: {p}");
    let (s, a) = g
        .call(
            Method::POST,
            &format!("/api/v1/leader-applications/{id}/decline"),
            &g.manager,
            Some(json!({"reason": "Faro has an active group already; join it first."})),
        )
        .await;
    assert_eq!((s, a["status"].as_str()), (200, Some("declined")));
    let (subject, body) = g.app.last_email(&g.member.email).await;
    assert!(subject.contains("Your application to lead Faro Devs"), "{subject}");
    assert!(body.contains("join it first"), "{body}");
});

on_both!(ug1_ug2_appointing_a_founder_creates_the_proposed_group_with_them_as_its_leader, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let body = json!({"region_id": g.region.to_string(), "proposed_name": "Faro Devs", "proposed_city": "Faro",
        "years": 3, "projects": "A tourism app", "accept_guidelines": true});
    let (s, a) = g.call(Method::POST, "/api/v1/leader-applications", &g.member, Some(body)).await;
    assert_eq!(s, 201, "{a}");
    let id = a["id"].as_str().unwrap().to_owned();
    let when = (Utc::now() + Duration::days(2)).to_rfc3339();
    let (_, a) = g
        .call(
            Method::POST,
            &format!("/api/v1/leader-applications/{id}/interview-times"),
            &g.manager,
            Some(json!({"times": [when]})),
        )
        .await;
    let slot = a["interview_times"][0]["id"].clone();
    let (s, _) = g
        .call(
            Method::POST,
            &format!("/api/v1/leader-applications/{id}/interview"),
            &g.member,
            Some(json!({"slot_id": slot})),
        )
        .await;
    assert_eq!(s, 200);
    g.interview_held(&id).await;
    let appoint = format!("/api/v1/leader-applications/{id}/appoint");
    let groups_before = g.app.count("groups").await;
    let (s, p) = g.call(Method::POST, &appoint, &g.manager, Some(json!({"reason": "Welcome"}))).await;
    assert_eq!((s, p["errors"][0]["code"].as_str()), (422, Some("group_required")), "{p}");
    let (s, p) = g
        .call(
            Method::POST,
            &appoint,
            &g.manager,
            Some(json!({"reason": "Welcome", "new_group": {"country": "XX", "time_zone": "Europe/Lisbon"}})),
        )
        .await;
    assert_eq!(s, 422, "{p}");
    assert!(p["errors"].as_array().unwrap().iter().any(|e| e["field"] == "country"), "{p}");
    assert_eq!(g.app.count("groups").await, groups_before, "nothing created by a refused appointment");
    let (s, a) = g
        .call(
            Method::POST,
            &appoint,
            &g.manager,
            Some(json!({"reason": "Welcome", "new_group": {"country": "PT", "time_zone": "Europe/Lisbon"}})),
        )
        .await;
    assert_eq!((s, a["status"].as_str()), (200, Some("appointed")), "{a}");
    let (s, group) = g.app.api(Method::GET, "/api/v1/groups/faro-devs", None, None).await;
    assert_eq!((s, group["name"].as_str(), group["city"].as_str()), (200, Some("Faro Devs"), Some("Faro")), "{group}");
    let leaders: Vec<&str> = group["leaders"].as_array().unwrap().iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(leaders, [g.member.id.to_string()], "the founder leads it");
    assert_eq!(group["region_id"], g.region.to_string());
});

on_both!(ug4_nominated_coleader_and_coleader_wanted, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let (s, _) = g
        .call(
            Method::POST,
            &format!("/api/v1/groups/{}/nominations", g.slug),
            &g.other_leader,
            Some(json!({"email": g.member.email})),
        )
        .await;
    assert_eq!(s, 403, "only this group's leaders nominate");
    let (s, n) = g
        .call(
            Method::POST,
            &format!("/api/v1/groups/{}/nominations", g.slug),
            &g.leader,
            Some(json!({"email": g.member.email})),
        )
        .await;
    // 202 alike for any address (no way to learn who is a member); the
    // nomination is the nominee's draft application.
    assert_eq!(s, 202, "{n}");
    let id: String = sqlx::query_scalar("SELECT id FROM leader_applications WHERE member_id = $1")
        .bind(g.member.id.to_string())
        .fetch_one(g.app.db.reader())
        .await
        .unwrap();
    let id = id.as_str();
    assert!(
        g.app.last_email(&g.member.email).await.0.contains("nominated you")
            || g.app.last_email(&g.member.email).await.0.contains("nominated")
    );
    let (_, a) = g.call(Method::GET, &format!("/api/v1/leader-applications/{id}"), &g.member, None).await;
    assert_eq!((a["status"].as_str(), a["nominated"].as_bool()), (Some("draft"), Some(true)));
    let (s, a) = g
        .call(
            Method::POST,
            &format!("/api/v1/leader-applications/{id}/submit"),
            &g.member,
            Some(json!({"years": 3, "projects": "Internal tools", "accept_guidelines": true})),
        )
        .await;
    assert_eq!((s, a["status"].as_str()), (200, Some("submitted")), "{a}");
    // "Co-leader wanted" shows on the group page and tells the manager.
    let (s, _) = g
        .call(
            Method::POST,
            &format!("/api/v1/groups/{}/coleader-wanted", g.slug),
            &g.leader,
            Some(json!({"wanted": true})),
        )
        .await;
    assert_eq!(s, 204);
    assert!(g.app.last_email(&g.manager.email).await.0.contains("looking for a co-leader"));
    let page = g.app.client.get(g.app.url(&format!("/groups/{}", g.slug))).send().await.unwrap().text().await.unwrap();
    assert!(
        page.contains("Co-leader wanted") && page.contains(&format!("/lead/apply?group={}", g.slug)),
        "group page shows it"
    );
    let (_, group) = g.app.api(Method::GET, &format!("/api/v1/groups/{}", g.slug), None, None).await;
    assert_eq!(group["coleader_wanted"], true);
});

on_both!(ug8_a_report_about_a_leader_never_reaches_that_leader, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let witness = "witness.private@example.net";
    let (s, r) = g
        .app
        .api(Method::POST, "/api/v1/reports", None, Some(json!({"group_slug": g.slug, "description": "The organizer pitched job offers at the door.", "concerns_leader": true, "email": witness})))
        .await;
    assert_eq!(s, 201, "anonymous reports need no token: {r}");
    let about_leader = r["id"].as_str().unwrap().to_owned();
    let (s, r) = g
        .app
        .api(
            Method::POST,
            "/api/v1/reports",
            None,
            Some(json!({"group_slug": g.slug, "description": "Someone kept filming attendees."})),
        )
        .await;
    assert_eq!(s, 201);
    let plain = r["id"].as_str().unwrap().to_owned();
    assert!(g.app.last_email(witness).await.0.contains("We received your report"));
    // Who sees what.
    for (who, sees_leader_report, sees_plain) in [
        (&g.leader, false, true),
        (&g.other_leader, false, false),
        (&g.manager, true, true),
        (&g.other_manager, false, false),
        (&g.staff, true, false),
        (&g.admin, true, true),
        (&g.member, false, false),
    ] {
        let (_, list) = g.call(Method::GET, "/api/v1/reports", who, None).await;
        let ids: Vec<_> = list.as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap().to_owned()).collect();
        assert_eq!(ids.contains(&about_leader), sees_leader_report, "{} list", who.email);
        assert_eq!(ids.contains(&plain), sees_plain, "{} list", who.email);
        let (s, _) = g.call(Method::GET, &format!("/api/v1/reports/{about_leader}"), who, None).await;
        assert_eq!(s == 200, sees_leader_report, "{} get", who.email);
    }
    // The leader got no email about it; the manager and staff did.
    assert!(
        g.emails_to(&g.leader.email).await.iter().filter(|(s, _)| s.contains("Code-of-conduct")).count() == 1,
        "only the plain report"
    );
    assert!(g.emails_to(&g.staff.email).await.iter().any(|(s, _)| s.contains("Code-of-conduct")));
    // The manager investigates and resolves; the reporter is told; notes stay private.
    let (s, r) = g
        .call(
            Method::POST,
            &format!("/api/v1/reports/{about_leader}/notes"),
            &g.manager,
            Some(json!({"status": "investigating", "note": "Spoke to two attendees."})),
        )
        .await;
    assert_eq!((s, r["status"].as_str()), (200, Some("investigating")), "{r}");
    let (s, r) = g
        .call(
            Method::POST,
            &format!("/api/v1/reports/{about_leader}/notes"),
            &g.manager,
            Some(json!({"status": "resolved", "note": "Leader warned."})),
        )
        .await;
    assert_eq!((s, r["status"].as_str()), (200, Some("resolved")));
    let (s, _) = g
        .call(
            Method::POST,
            &format!("/api/v1/reports/{about_leader}/notes"),
            &g.manager,
            Some(json!({"status": "investigating", "note": "again"})),
        )
        .await;
    assert_eq!(s, 409, "closed is final");
    assert!(g.app.last_email(witness).await.0.contains("is closed"));
    // The reporter's address appears in no answer, no audit entry and no email to anyone else.
    let (_, shown) = g.call(Method::GET, &format!("/api/v1/reports/{about_leader}"), &g.admin, None).await;
    assert!(!shown.to_string().contains(witness) && shown["reporter_reachable"] == true, "{shown}");
    let (_, audit) = g.call(Method::GET, "/api/v1/audit", &g.admin, None).await;
    assert!(!audit.to_string().contains(witness));
    use sqlx::Row;
    let others: i64 = sqlx::query("SELECT COUNT(*) AS n FROM outbox WHERE to_address <> $1 AND body_text LIKE $2")
        .bind(witness)
        .bind(format!("%{witness}%"))
        .fetch_one(g.app.db.reader())
        .await
        .unwrap()
        .get("n");
    assert_eq!(others, 0);
    for page in [format!("/groups/{}", g.slug), "/code-of-conduct".to_owned()] {
        let html = g.app.client.get(g.app.url(&page)).send().await.unwrap().text().await.unwrap();
        assert!(!html.contains(witness));
    }
    // The leader it is about finds it on no page they can open.
    let leader = common::gov::page_client(&g, Some(&g.leader)).await;
    for page in [
        "/reports".to_owned(),
        format!("/reports/{about_leader}"),
        "/community".into(),
        "/messages".into(),
        format!("/groups/{}", g.slug),
    ] {
        let html = leader.get(g.app.url(&page)).send().await.unwrap().text().await.unwrap();
        assert!(
            !html.contains("pitched job offers") && !html.contains(&about_leader),
            "{page} shows the report to its leader"
        );
    }
    // The manager's pages show it, without the reporter's address.
    let manager = common::gov::page_client(&g, Some(&g.manager)).await;
    let html = manager.get(g.app.url(&format!("/reports/{about_leader}"))).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("pitched job offers") && !html.contains(witness));
});

on_both!(ug10_health_three_of_four_and_the_daily_check_runs_once, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    // Three held events this year (hours ago, so the same year but in the
    // first hours of January).
    let now = Utc::now();
    let dates = [now - Duration::hours(5), now - Duration::hours(4), now - Duration::hours(3)];
    for (i, at) in dates.iter().enumerate() {
        g.held_event(g.group, *at, 10 + i).await;
    }
    let (s, h) = g.app.api(Method::GET, &format!("/api/v1/groups/{}/health", g.slug), None, None).await;
    assert_eq!(s, 200, "{h}");
    assert_eq!((h["held_this_year"].as_u64(), h["required_per_year"].as_u64()), (Some(3), Some(4)), "{h}");
    assert_eq!(h["attendance"], json!([10, 11, 12]));
    assert_eq!(h["year"], now.year());
    let page = g.app.client.get(g.app.url(&format!("/groups/{}", g.slug))).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("3 of 4 required"), "the group page shows it");
    assert!(page.contains("<svg class=\"chart\""), "and draws it");
    // The other group has never met and started five months ago.
    let five_months_ago = (now - Duration::days(150)).timestamp_micros();
    let mut tx = g.app.db.begin().await.unwrap();
    sqlx::query("UPDATE groups SET created_at = $1").bind(five_months_ago).execute(&mut *tx).await.unwrap();
    tx.commit().await.unwrap();
    let first = guildhall::services::health::daily_check(&g.app.state.services, now).await.unwrap();
    assert_eq!(first.marked.len(), 1, "only the group that never met");
    let before = (g.emails_to(&g.other_leader.email).await.len(), g.emails_to(&g.manager.email).await.len());
    assert!(g.emails_to(&g.other_leader.email).await.iter().any(|(s, _)| s.contains("needs to meet again")));
    assert!(g.emails_to(&g.manager.email).await.iter().any(|(s, _)| s.contains("needs support")));
    let second = guildhall::services::health::daily_check(&g.app.state.services, now).await.unwrap();
    assert_eq!(second, Default::default(), "the second run the same day changes nothing");
    let after = (g.emails_to(&g.other_leader.email).await.len(), g.emails_to(&g.manager.email).await.len());
    assert_eq!(before, after, "and sends nothing twice");
    let (_, other) = g.app.api(Method::GET, &format!("/api/v1/groups/{}", g.other_slug), None, None).await;
    assert_eq!(other["status"], "needs_support");
    let (_, tasks) = g.call(Method::GET, &format!("/api/v1/regions/{}/tasks", g.region), &g.manager, None).await;
    assert!(tasks.as_array().unwrap().iter().any(|t| t["kind"] == "needs_support"), "{tasks}");
    // An event held returns it to active.
    let other_id: guildhall_domain::ids::GroupId = other["id"].as_str().unwrap().parse().unwrap();
    g.held_event(other_id, now - Duration::hours(3), 5).await;
    let third = guildhall::services::health::daily_check(&g.app.state.services, now).await.unwrap();
    assert_eq!(third.restored, vec![other_id]);
    let (_, other) = g.app.api(Method::GET, &format!("/api/v1/groups/{}", g.other_slug), None, None).await;
    assert_eq!(other["status"], "active");
});

on_both!(ug13_claims_within_caps_receipts_and_totals, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let caps = json!({"venue": "300", "catering": "200", "other": "50"});
    let path = format!("/api/v1/regions/{}/fee-schedule", g.region);
    let (s, _) = g.call(Method::PUT, &path, &g.manager, Some(caps.clone())).await;
    assert_eq!(s, 403, "admins set fee schedules");
    let (s, sched) = g.call(Method::PUT, &path, &g.admin, Some(caps)).await;
    assert_eq!((s, sched["currency"].as_str(), sched["catering"].as_str()), (200, Some("EUR"), Some("200.00")));
    // A held event (completed, people checked in): the vendor pays for meetings that happened.
    let ev = g.held_event(g.group, Utc::now() - Duration::days(1), 3).await;
    let claims = format!("/api/v1/events/{ev}/claims");
    let (s, p) = g.call(Method::POST, &claims, &g.leader, Some(json!({"venue": "120", "payer": "ACME Corp"}))).await;
    assert_eq!(s, 422, "no third-party payer field exists: {p}");
    let (s, p) = g.call(Method::POST, &claims, &g.leader, Some(json!({"venue": "120", "catering": "250.00"}))).await;
    assert_eq!((s, p["type"].as_str()), (422, Some("/problems/over_cap")), "{p}");
    assert!(p["detail"].as_str().unwrap().contains("200.00 EUR"), "the cap is named: {p}");
    let (s, _) = g.call(Method::POST, &claims, &g.other_leader, Some(json!({"venue": "120"}))).await;
    assert_eq!(s, 403, "another group's leader cannot claim");
    let (s, _) = g.call(Method::POST, &claims, &g.manager, Some(json!({"venue": "120"}))).await;
    assert_eq!(s, 403, "managers approve, they do not file");
    let (s, c) = g
        .call(
            Method::POST,
            &claims,
            &g.leader,
            Some(json!({"venue": "120", "catering": "180.50", "note": "Pizza for 40"})),
        )
        .await;
    assert_eq!(s, 201, "{c}");
    let claim = c["id"].as_str().unwrap().to_owned();
    let (s, _) = g.call(Method::POST, &claims, &g.leader, Some(json!({"venue": "10"}))).await;
    assert_eq!(s, 409, "one claim per event");
    assert!(g.app.last_email(&g.manager.email).await.0.contains("300.50 EUR"));
    // Receipts: wrong type, oversize, traversal names refused, nothing written.
    let upload = |name: &'static str, bytes: Vec<u8>, who: &str| {
        let form = reqwest::multipart::Form::new().part("file", reqwest::multipart::Part::bytes(bytes).file_name(name));
        g.app
            .client
            .post(g.app.url(&format!("/api/v1/claims/{claim}/receipts")))
            .bearer_auth(who.to_owned())
            .multipart(form)
            .send()
    };
    let pdf = b"%PDF-1.7\n%receipt\n".to_vec();
    for (name, bytes, code) in [
        ("receipt.html", b"<html>".to_vec(), "file_type_refused"),
        ("receipt.pdf", b"MZ\x90\x00".to_vec(), "file_type_refused"),
        ("../../etc/passwd.pdf", pdf.clone(), "file_name_invalid"),
        ("..\\boot.pdf", pdf.clone(), "file_name_invalid"),
        ("big.pdf", [pdf.clone(), vec![b'x'; 6 * 1024 * 1024]].concat(), "file_too_large"),
    ] {
        let res = upload(name, bytes, &g.leader.token).await.unwrap();
        assert_eq!(res.status(), 422, "{name}");
        let p: serde_json::Value = res.json().await.unwrap();
        assert_eq!(p["errors"][0]["code"], code, "{name}: {p}");
    }
    assert_eq!(g.app.count("claim_receipts").await, 0);
    let dir = g.app.state.config.upload_dir.join("receipts");
    let files = std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0);
    assert_eq!(files, 0, "nothing written");
    let res = upload("taxi receipt.pdf", pdf.clone(), &g.other_leader.token).await.unwrap();
    assert_eq!(res.status(), 403);
    let res = upload("taxi receipt.pdf", pdf.clone(), &g.leader.token).await.unwrap();
    assert_eq!(res.status(), 201);
    let rid = res.json::<serde_json::Value>().await.unwrap()["id"].as_str().unwrap().to_owned();
    let file = format!("/api/v1/claims/{claim}/receipts/{rid}");
    for (who, expected) in
        [(&g.manager, 200), (&g.leader, 200), (&g.other_leader, 404), (&g.other_manager, 404), (&g.member, 404)]
    {
        let res = g.app.client.get(g.app.url(&file)).bearer_auth(&who.token).send().await.unwrap();
        assert_eq!(res.status(), expected, "{}", who.email);
        if expected == 200 {
            assert_eq!(res.headers()["content-type"], "application/pdf");
            assert_eq!(res.bytes().await.unwrap().to_vec(), pdf);
        }
    }
    // The manager decides; a rejection needs a reason.
    let (s, _) =
        g.call(Method::POST, &format!("/api/v1/claims/{claim}/approve"), &g.other_manager, Some(json!({}))).await;
    assert_eq!(s, 403);
    let (s, c) = g
        .call(
            Method::POST,
            &format!("/api/v1/claims/{claim}/approve"),
            &g.manager,
            Some(json!({"reason": "Receipts match"})),
        )
        .await;
    assert_eq!((s, c["status"].as_str()), (200, Some("approved")), "{c}");
    let (s, _) = g
        .call(
            Method::POST,
            &format!("/api/v1/claims/{claim}/reject"),
            &g.manager,
            Some(json!({"reason": "changed my mind"})),
        )
        .await;
    assert_eq!(s, 409, "decided once");
    assert!(g.app.last_email(&g.leader.email).await.0.contains("approved"));
    let year = (Utc::now() - Duration::days(1)).year();
    let (s, totals) =
        g.call(Method::GET, &format!("/api/v1/expenses?year={year}&region_id={}", g.region), &g.manager, None).await;
    assert_eq!(s, 200, "{totals}");
    assert_eq!(
        (totals[0]["group"].as_str(), totals[0]["total"].as_str()),
        (Some("Lisboa Devs"), Some("300.50")),
        "{totals}"
    );
    let (s, _) = g
        .call(Method::GET, &format!("/api/v1/expenses?year={year}&region_id={}", g.region), &g.other_manager, None)
        .await;
    assert_eq!(s, 403);
    let csv = g
        .app
        .client
        .get(g.app.url(&format!("/api/v1/expenses?year={year}")))
        .bearer_auth(&g.admin.token)
        .header("accept", "text/csv")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let mut rows = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = rows.records().map(|r| r.unwrap()).collect();
    assert_eq!(&rows[0][2], "Lisboa Devs");
    assert_eq!((&rows[0][4], &rows[0][5], &rows[0][7]), ("120.00", "180.50", "300.50"));
    assert_eq!(&rows[1][2], "(all groups)");
});

on_both!(ug13_the_leaders_correct_withdraw_and_file_a_rejected_claim_again, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    g.fee_schedule().await;
    let ev = g.held_event(g.group, Utc::now() - Duration::days(1), 3).await;
    let claims = format!("/api/v1/events/{ev}/claims");
    let (s, c) = g.call(Method::POST, &claims, &g.leader, Some(json!({"venue": "120"}))).await;
    assert_eq!(s, 201, "{c}");
    let claim = c["id"].as_str().unwrap().to_owned();
    let one = format!("/api/v1/claims/{claim}");
    // Corrected before the decision: still waiting, new amounts, over-cap refused with nothing changed.
    let (s, p) = g.call(Method::PATCH, &one, &g.leader, Some(json!({"venue": "999"}))).await;
    assert_eq!((s, p["type"].as_str()), (422, Some("/problems/over_cap")), "{p}");
    let (s, c) = g.call(Method::PATCH, &one, &g.leader, Some(json!({"venue": "110", "catering": "40"}))).await;
    assert_eq!((s, c["status"].as_str(), c["total"].as_str()), (200, Some("submitted"), Some("150.00")), "{c}");
    for who in [&g.other_leader, &g.member] {
        let (s, _) = g.call(Method::PATCH, &one, who, Some(json!({"venue": "1"}))).await;
        assert_eq!(s, 404, "{} cannot see it", who.email);
    }
    let (s, _) = g.call(Method::PATCH, &one, &g.manager, Some(json!({"venue": "1"}))).await;
    assert_eq!(s, 403, "the manager decides, the leaders correct");
    // Rejected, then corrected and filed again: the manager is told again and sees the earlier reason.
    let (s, _) =
        g.call(Method::POST, &format!("{one}/reject"), &g.manager, Some(json!({"reason": "Receipt missing"}))).await;
    assert_eq!(s, 200);
    let (s, _) = g.call(Method::POST, &format!("{one}/withdraw"), &g.leader, None).await;
    assert_eq!(s, 409, "a rejected claim is settled: it is filed again, not withdrawn");
    assert_eq!(g.upload_receipt(&claim, "hall.pdf").await, 201, "receipts can be added to correct a rejected claim");
    let tasks_before = g.emails_to(&g.manager.email).await.len();
    let (s, c) = g.call(Method::PATCH, &one, &g.leader, Some(json!({"venue": "110", "catering": "40"}))).await;
    assert_eq!((s, c["status"].as_str(), c["reason"].as_str()), (200, Some("submitted"), Some("Receipt missing")));
    assert_eq!(g.emails_to(&g.manager.email).await.len(), tasks_before + 1, "the manager hears of it again");
    let (_, list) = g.call(Method::GET, &format!("/api/v1/groups/{}/claims", g.slug), &g.leader, None).await;
    assert_eq!(list.as_array().map(Vec::len), Some(1), "{list}");
    assert_eq!(
        (list[0]["status"].as_str(), list[0]["receipts"].as_array().map(Vec::len)),
        (Some("submitted"), Some(1))
    );
    let (s, _) = g.call(Method::GET, &format!("/api/v1/groups/{}/claims", g.slug), &g.other_leader, None).await;
    assert_eq!(s, 404, "another group's leader does not see the list");
    let (s, c) = g.call(Method::POST, &format!("{one}/approve"), &g.manager, Some(json!({}))).await;
    assert_eq!((s, c["status"].as_str()), (200, Some("approved")), "{c}");
    let (s, _) = g.call(Method::PATCH, &one, &g.leader, Some(json!({"venue": "1"}))).await;
    assert_eq!(s, 409, "an approved claim is final");
    // By the pages: a second event's claim is filed, withdrawn after a confirmation, and the event claimed afresh.
    let ev2 = g.held_event(g.group, Utc::now() - Duration::days(2), 2).await;
    let (_, c2) =
        g.call(Method::POST, &format!("/api/v1/events/{ev2}/claims"), &g.leader, Some(json!({"other": "20"}))).await;
    let claim2 = c2["id"].as_str().unwrap().to_owned();
    let browser = common::gov::page_client(&g, Some(&g.leader)).await;
    let page = format!("/claims/{claim2}");
    let html = browser.get(g.app.url(&page)).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("Withdraw the claim") && html.contains("Correct the claim"), "the leader is offered both");
    assert!(html.contains("value=\"20.00\""), "the correction form holds the claim");
    let res = common::post_form(&browser, &g.app, &page, &format!("{page}/correct"), &[("other", "70")]).await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("value=\"70\"") && html.contains("50.00 EUR"), "what was typed stays, the cap is named");
    let res = common::post_form(&browser, &g.app, &page, &format!("{page}/withdraw"), &[]).await;
    let html = common::follow(&browser, &g.app, res).await;
    assert!(html.contains("The claim was withdrawn") && html.contains("withdrawn by the group"), "told what happened");
    assert!(!html.contains("Withdraw the claim"), "nothing left to do on it");
    let (s, c3) =
        g.call(Method::POST, &format!("/api/v1/events/{ev2}/claims"), &g.leader, Some(json!({"other": "30"}))).await;
    assert_eq!(s, 201, "a withdrawn claim does not block a new one");
    // PL-13: the manager's reject asks first, and a blank reason is refused
    // with the step left open on the words of the problem.
    let manager = common::gov::page_client(&g, Some(&g.manager)).await;
    let page3 = format!("/claims/{}", c3["id"].as_str().unwrap());
    let html = manager.get(g.app.url(&page3)).send().await.unwrap().text().await.unwrap();
    assert!(common::asks_first(&html, "Reject the claim and email the leaders"), "{html}");
    assert!(html.contains("They can correct the claim and file it again"), "{html}");
    let decide = format!("{page3}/decide");
    let res = common::post_form(&manager, &g.app, &page3, &decide, &[("decision", "reject"), ("reason", " ")]).await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("<details class=\"confirm\" open>") && html.contains("This field is required."), "{html}");
    let (_, c) = g.call(Method::GET, &format!("/api/v1/claims/{}", c3["id"].as_str().unwrap()), &g.leader, None).await;
    assert_eq!(c["status"], "submitted", "a refused rejection changes nothing");
    let html =
        browser.get(g.app.url(&format!("/groups/{}/claims", g.slug))).send().await.unwrap().text().await.unwrap();
    for status in ["approved", "withdrawn by the group", "waiting for the community manager"] {
        assert!(html.contains(status), "the leaders' list shows {status}");
    }
    let outsider = common::gov::page_client(&g, Some(&g.other_leader)).await;
    let res = outsider.get(g.app.url(&format!("/groups/{}/claims", g.slug))).send().await.unwrap();
    assert_eq!(res.status(), 404);
    // A claim for an event still to come is refused on the form, in words.
    let soon = g.draft(None, 5).await;
    let (s, _) = g.call(Method::POST, &format!("/api/v1/events/{soon}/publish"), &g.leader, None).await;
    assert_eq!(s, 200);
    let page = browser.get(g.app.url(&format!("/events/{soon}"))).send().await.unwrap().text().await.unwrap();
    assert!(!page.contains("File an expense claim"), "no claim button before the event is held");
    let held = g.held_event(g.group, Utc::now() - Duration::days(3), 1).await;
    let page = browser.get(g.app.url(&format!("/events/{held}"))).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("File an expense claim"), "a held event without a claim offers one");
    let page = browser.get(g.app.url(&format!("/events/{ev2}"))).send().await.unwrap().text().await.unwrap();
    assert!(
        page.contains("See the expense claim") && !page.contains("File an expense claim"),
        "a held event with a waiting claim links to it instead"
    );
    let form = format!("/events/{soon}/claim");
    let token_page = browser.get(g.app.url(&form)).send().await.unwrap().text().await.unwrap();
    let token = token_page.split("name=\"csrf\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let multipart = reqwest::multipart::Form::new().text("csrf", token).text("venue", "10");
    let res = browser.post(g.app.url(&form)).multipart(multipart).send().await.unwrap();
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("File the claim once the event has ended"), "the refusal is said on top: {html}");
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action IN ('claim.corrected', 'claim.filed_again', 'claim.withdrawn')",
    )
    .fetch_one(g.app.db.reader())
    .await
    .unwrap();
    assert_eq!(audited, 3);
});

on_both!(ug1_a_group_is_archived_reactivated_and_moved_with_its_people_told, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let ev = g.draft(None, 10).await;
    let (s, _) = g.call(Method::POST, &format!("/api/v1/events/{ev}/publish"), &g.leader, None).await;
    assert_eq!(s, 200);
    let archive = format!("/api/v1/groups/{}/archive", g.slug);
    let (s, _) = g.call(Method::POST, &archive, &g.leader, Some(json!({"reason": "We stopped"}))).await;
    assert_eq!(s, 403, "leaders ask their manager");
    let (s, _) = g.call(Method::POST, &archive, &g.other_manager, Some(json!({"reason": "x"}))).await;
    assert_eq!(s, 403, "another region's manager cannot");
    let (s, p) = g.call(Method::POST, &archive, &g.manager, Some(json!({"reason": ""}))).await;
    assert_eq!(s, 422, "a reason is needed: {p}");
    let (s, p) = g.call(Method::POST, &archive, &g.manager, Some(json!({"reason": "No meetups since spring"}))).await;
    assert_eq!((s, p["type"].as_str()), (409, Some("/problems/group_has_upcoming_events")), "{p}");
    assert!(p["detail"].as_str().unwrap().contains("upcoming event"), "{p}");
    let (s, _) = g.call(Method::POST, &format!("/api/v1/events/{ev}/cancel"), &g.leader, None).await;
    assert_eq!(s, 200);
    let (s, b) = g.call(Method::POST, &archive, &g.manager, Some(json!({"reason": "No meetups since spring"}))).await;
    assert_eq!((s, b["status"].as_str()), (200, Some("archived")), "{b}");
    let (subject, body) = g.app.last_email(&g.leader.email).await;
    assert!(subject.contains("archived") && body.contains("No meetups since spring"), "{subject}: {body}");
    let (s, _) = g.call(Method::POST, &archive, &g.manager, Some(json!({"reason": "again"}))).await;
    assert_eq!(s, 409, "archived once");
    let (_, list) = g.app.api(Method::GET, "/api/v1/groups", None, None).await;
    assert!(!list.to_string().contains(&g.slug), "an archived group leaves the directory");
    let (s, p) = g
        .call(
            Method::POST,
            &format!("/api/v1/groups/{}/events", g.slug),
            &g.leader,
            Some(json!({"title": "Back", "starts_at": (Utc::now() + Duration::days(5)).to_rfc3339(),
                "ends_at": (Utc::now() + Duration::days(5) + Duration::hours(2)).to_rfc3339(), "capacity": 10,
                "online_link": "https://meet.example.org/x"})),
        )
        .await;
    assert_eq!(s, 422, "an archived group holds no events: {p}");
    let (s, b) = g.call(Method::POST, &format!("/api/v1/groups/{}/reactivate", g.slug), &g.manager, None).await;
    assert_eq!((s, b["status"].as_str()), (200, Some("active")), "{b}");
    assert!(g.app.last_email(&g.leader.email).await.0.contains("active again"));
    // Moving: the admin, or someone managing both regions; the new region's managers are told.
    let region = format!("/api/v1/groups/{}/region", g.slug);
    let to_other = json!({"region_id": g.other_region.to_string()});
    let (s, _) = g.call(Method::PUT, &region, &g.manager, Some(to_other.clone())).await;
    assert_eq!(s, 403, "a manager of one of the two regions cannot move it");
    let (s, p) = g.call(Method::PUT, &region, &g.admin, Some(json!({"region_id": g.region.to_string()}))).await;
    assert_eq!((s, p["errors"][0]["code"].as_str()), (422, Some("region_unchanged")), "{p}");
    let (s, p) = g.call(Method::PUT, &region, &g.admin, Some(json!({"region_id": "nowhere"}))).await;
    assert_eq!((s, p["errors"][0]["code"].as_str()), (422, Some("region_unknown")), "{p}");
    let (s, b) = g.call(Method::PUT, &region, &g.admin, Some(to_other)).await;
    assert_eq!((s, b["region_id"].as_str()), (200, Some(g.other_region.to_string().as_str())), "{b}");
    assert!(g.app.last_email(&g.other_manager.email).await.0.contains("Lisboa Devs"), "the new manager is told");
    assert!(g.app.last_email(&g.leader.email).await.0.contains("moved"));
    let (s, _) = g.call(Method::POST, &archive, &g.manager, Some(json!({"reason": "x"}))).await;
    assert_eq!(s, 403, "the old region's manager no longer looks after it");
    // By the page: the new region's manager archives it, and is told so.
    let manager = common::gov::page_client(&g, Some(&g.other_manager)).await;
    let page = format!("/groups/{}", g.slug);
    let html = manager.get(g.app.url(&page)).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("Archive this group"), "the manager is offered it");
    let res = common::post_form(&manager, &g.app, &page, &format!("{page}/archive"), &[("reason", "")]).await;
    assert_eq!(res.status(), 422);
    let res =
        common::post_form(&manager, &g.app, &page, &format!("{page}/archive"), &[("reason", "Merged with Porto")])
            .await;
    let html = common::follow(&manager, &g.app, res).await;
    assert!(
        html.contains("The group was archived") && html.contains("Reactivate this group"),
        "told, and offered the way back"
    );
    let leader = common::gov::page_client(&g, Some(&g.leader)).await;
    let html = leader.get(g.app.url(&page)).send().await.unwrap().text().await.unwrap();
    assert!(
        html.contains("This group is archived")
            && !html.contains("Archive this group")
            && !html.contains("/events/new")
    );
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action IN ('group.archived', 'group.reactivated', 'group.moved')",
    )
    .fetch_one(g.app.db.reader())
    .await
    .unwrap();
    assert_eq!(audited, 4);
});

on_both!(ug1_a_group_is_created_with_its_leaders_at_once_and_always_keeps_one, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let groups_before = g.app.count("groups").await;
    let new = |leaders: Value| {
        json!({"region_id": g.region.to_string(), "name": "Braga Devs", "city": "Braga", "country": "PT",
            "time_zone": "Europe/Lisbon", "description": "Talks.", "leaders": leaders})
    };
    let (s, p) = g.call(Method::POST, "/api/v1/groups", &g.manager, Some(new(json!([])))).await;
    assert_eq!((s, p["errors"][0]["code"].as_str()), (422, Some("leaders_required")), "{p}");
    let (s, p) = g
        .call(Method::POST, "/api/v1/groups", &g.manager, Some(new(json!([g.member.email, "nobody@example.org"]))))
        .await;
    assert_eq!((s, p["errors"][0]["code"].as_str()), (422, Some("member_not_found")), "{p}");
    assert_eq!(g.app.count("groups").await, groups_before, "a mistyped leader leaves no group behind");
    assert!(!g.emails_to(&g.member.email).await.iter().any(|(s, _)| s.contains("Braga")), "and tells nobody");
    let (s, b) = g.call(Method::POST, "/api/v1/groups", &g.manager, Some(new(json!([g.member.email])))).await;
    assert_eq!(s, 201, "{b}");
    assert_eq!(b["leaders"].as_array().map(Vec::len), Some(1), "{b}");
    assert!(g.app.last_email(&g.member.email).await.0.contains("Braga Devs"));
    // The only leader is replaced, not removed.
    let slug = b["slug"].as_str().unwrap().to_owned();
    let only = format!("/api/v1/groups/{slug}/leaders/{}", g.member.id);
    let (s, p) = g.call(Method::DELETE, &only, &g.manager, None).await;
    assert_eq!((s, p["type"].as_str()), (409, Some("/problems/last_leader")), "{p}");
    assert!(p["detail"].as_str().unwrap().contains("Appoint another leader first"), "{p}");
    let (s, _) = g
        .call(
            Method::POST,
            &format!("/api/v1/groups/{slug}/leaders"),
            &g.manager,
            Some(json!({"email": g.leader.email})),
        )
        .await;
    assert_eq!(s, 200);
    let (s, b) = g.call(Method::DELETE, &only, &g.manager, None).await;
    assert_eq!((s, b["leaders"].as_array().map(Vec::len)), (200, Some(1)), "{b}");
    // By the pages: the form names the leaders; the last one's removal is refused on the group's page.
    let manager = common::gov::page_client(&g, Some(&g.manager)).await;
    let fields = [
        ("region_id", g.region.to_string()),
        ("name", "Faro Devs".to_owned()),
        ("city", "Faro".to_owned()),
        ("country", "PT".to_owned()),
        ("time_zone", "Europe/Lisbon".to_owned()),
        ("description", "Talks.".to_owned()),
        ("leaders", "nobody@example.org".to_owned()),
    ];
    let form: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = common::post_form(&manager, &g.app, "/groups/new", "/groups", &form).await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("No member has this email address") && html.contains("Faro Devs"), "told, and kept");
    let mut form = form.clone();
    form[6] = ("leaders", g.other_leader.email.as_str());
    let res = common::post_form(&manager, &g.app, "/groups/new", "/groups", &form).await;
    let html = common::follow(&manager, &g.app, res).await;
    assert!(html.contains("Faro Devs") && html.contains("otherleader"), "the group and its leader");
    let page = "/groups/faro-devs";
    let remove = format!("{page}/leaders/{}/remove", g.other_leader.id);
    let res = common::post_form(&manager, &g.app, page, &remove, &[]).await;
    assert_eq!(res.status(), 409);
    assert!(res.text().await.unwrap().contains("only leader"), "the refusal is said on the page");
});

on_both!(ug11_speaker_pool_invitations_and_expert_requests, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let app = json!({"region_id": g.region.to_string(), "bio": "SRE at a bank.", "topics": "Observability, Kubernetes",
        "past_talks": "Tracing 101 | https://slides.example.org/t101"});
    let (s, _) = g.call(Method::POST, "/api/v1/speakers", &g.member, Some(app)).await;
    assert_eq!(s, 204);
    let (s, _) = g.call(Method::GET, "/api/v1/speakers/applications", &g.leader, None).await;
    assert_eq!(s, 403, "managers review speakers");
    let (_, list) = g.call(Method::GET, "/api/v1/speakers/applications", &g.manager, None).await;
    assert_eq!(list[0]["topics"], json!(["observability", "kubernetes"]));
    let (_, pool) = g.call(Method::GET, "/api/v1/speakers?topic=kube", &g.leader, None).await;
    assert_eq!(pool, json!([]), "not in the pool before approval");
    let (s, _) = g
        .call(
            Method::POST,
            &format!("/api/v1/speakers/{}/decision", g.member.id),
            &g.manager,
            Some(json!({"approve": true})),
        )
        .await;
    assert_eq!(s, 204);
    assert!(g.app.last_email(&g.member.email).await.0.contains("speaker pool"));
    let (s, _) = g.call(Method::GET, "/api/v1/speakers?topic=kube", &g.member, None).await;
    assert_eq!(s, 403, "members do not browse the pool");
    let (_, pool) =
        g.call(Method::GET, &format!("/api/v1/speakers?topic=kube&region_id={}", g.region), &g.leader, None).await;
    assert_eq!(pool[0]["member_id"], g.member.id.to_string());
    // Issue 17: a leader finds a speaker to invite by name, too.
    let (_, by_name) = g.call(Method::GET, "/api/v1/speakers?topic=MEMBER+0", &g.leader, None).await;
    assert_eq!(by_name[0]["member_id"], g.member.id.to_string(), "found by name: {by_name}");
    let (_, none) = g
        .call(Method::GET, &format!("/api/v1/speakers?topic=kube&region_id={}", g.other_region), &g.leader, None)
        .await;
    assert_eq!(none, json!([]));
    let ev = g.draft(None, 20).await;
    let invite = json!({"speaker_id": g.member.id.to_string(), "talk_title": "Kubernetes without tears"});
    let (s, _) =
        g.call(Method::POST, &format!("/api/v1/events/{ev}/invitations"), &g.other_leader, Some(invite.clone())).await;
    assert_eq!(s, 403);
    let (s, i) = g.call(Method::POST, &format!("/api/v1/events/{ev}/invitations"), &g.leader, Some(invite)).await;
    assert_eq!(s, 201, "{i}");
    let inv = i["id"].as_str().unwrap();
    let (s, _) = g
        .call(Method::POST, &format!("/api/v1/invitations/{inv}/answer"), &g.leader, Some(json!({"accept": true})))
        .await;
    assert_eq!(s, 404, "only the speaker answers");
    let (s, _) = g
        .call(Method::POST, &format!("/api/v1/invitations/{inv}/answer"), &g.member, Some(json!({"accept": true})))
        .await;
    assert_eq!(s, 204);
    let (s, _) = g
        .call(Method::POST, &format!("/api/v1/invitations/{inv}/answer"), &g.member, Some(json!({"accept": false})))
        .await;
    assert_eq!(s, 409, "answered once");
    let (_, e) = g.call(Method::GET, &format!("/api/v1/events/{ev}"), &g.leader, None).await;
    assert_eq!(e["talks"][0]["title"], "Kubernetes without tears");
    assert_eq!(e["talks"][0]["speakers"][0]["member_id"], g.member.id.to_string());
    // Expert requests stay open until the community team answers.
    let (s, x) = g
        .call(
            Method::POST,
            &format!("/api/v1/groups/{}/expert-requests", g.slug),
            &g.leader,
            Some(json!({"occasion": "Our 10th anniversary", "topic": "Runtime internals"})),
        )
        .await;
    assert_eq!(s, 201, "{x}");
    let xid = x["id"].as_str().unwrap();
    let (_, x) = g.call(Method::GET, &format!("/api/v1/expert-requests/{xid}"), &g.leader, None).await;
    assert_eq!(x["status"], "open");
    let (_, tasks) = g.call(Method::GET, &format!("/api/v1/regions/{}/tasks", g.region), &g.manager, None).await;
    assert!(tasks.as_array().unwrap().iter().any(|t| t["kind"] == "expert_request"));
    let (s, _) = g
        .call(
            Method::POST,
            &format!("/api/v1/expert-requests/{xid}/answer"),
            &g.other_manager,
            Some(json!({"answer": "no"})),
        )
        .await;
    assert_eq!(s, 403);
    let (s, x) = g
        .call(
            Method::POST,
            &format!("/api/v1/expert-requests/{xid}/answer"),
            &g.staff,
            Some(json!({"answer": "Ana from the runtime team will come."})),
        )
        .await;
    assert_eq!((s, x["status"].as_str()), (200, Some("answered")), "{x}");
    assert!(g.app.last_email(&g.leader.email).await.1.contains("Ana from the runtime team"));
});

on_both!(ug12_manager_sees_every_open_task_newest_first, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let (s, _) = g.call(Method::GET, &format!("/api/v1/regions/{}/tasks", g.region), &g.other_manager, None).await;
    assert_eq!(s, 403);
    let (s, _) = g.call(Method::GET, &format!("/api/v1/regions/{}/tasks", g.region), &g.leader, None).await;
    assert_eq!(s, 403);
    let apply = json!({"group_slug": g.slug, "years": 2, "projects": "x", "accept_guidelines": true});
    g.call(Method::POST, "/api/v1/leader-applications", &g.member, Some(apply)).await;
    g.app
        .api(Method::POST, "/api/v1/reports", None, Some(json!({"group_slug": g.slug, "description": "Rude remarks."})))
        .await;
    g.call(
        Method::POST,
        &format!("/api/v1/groups/{}/review-required", g.slug),
        &g.manager,
        Some(json!({"required": true})),
    )
    .await;
    let ev = g.draft(None, 9).await;
    g.call(Method::POST, &format!("/api/v1/events/{ev}/talks"), &g.leader, Some(json!({"title": "Fast builds"}))).await;
    let (s, tasks) = g.call(Method::GET, &format!("/api/v1/regions/{}/tasks", g.region), &g.manager, None).await;
    assert_eq!(s, 200);
    let kinds: Vec<&str> = tasks.as_array().unwrap().iter().map(|t| t["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["session_review", "conduct_report", "leader_application"], "newest first: {tasks}");
    assert!(tasks[0]["url"].as_str().unwrap().ends_with(&format!("/events/{ev}#talks")));
});

/// The emails about reports the group's leader received.
async fn report_tasks(g: &common::gov::Gov) -> usize {
    g.emails_to(&g.leader.email).await.iter().filter(|(s, _)| s.contains("report")).count()
}

on_both!(ug8_a_flood_of_reports_about_one_group_is_held_for_review_without_tracking_reporters, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let mut tx = g.app.db.begin().await.unwrap();
    sqlx::query("UPDATE settings SET value = '2' WHERE key = 'conduct.reports_per_group_per_hour'")
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    g.app.state.services.settings.forget();
    let report = |slug: &str| json!({"group_slug": slug, "description": "Spam?"});
    for _ in 0..2 {
        let (s, _) = g.app.api(Method::POST, "/api/v1/reports", None, Some(report(&g.slug))).await;
        assert_eq!(s, 201);
    }
    assert_eq!(report_tasks(&g).await, 2, "one task per report within the limit");
    // Past the limit a report is held for review, not refused: a flood cannot silence the group.
    for _ in 0..3 {
        let (s, p) = g.app.api(Method::POST, "/api/v1/reports", None, Some(report(&g.slug))).await;
        assert_eq!(s, 201, "{p}");
    }
    assert_eq!(report_tasks(&g).await, 3, "the circle hears of the flood once, not three times");
    assert!(g.app.last_email(&g.leader.email).await.0.contains("Many code-of-conduct reports"));
    let (_, list) = g.call(Method::GET, "/api/v1/reports", &g.leader, None).await;
    let held = list.as_array().unwrap().iter().filter(|r| r["held"] == true).count();
    assert_eq!(held, 3, "{list}");
    let leader = common::gov::page_client(&g, Some(&g.leader)).await;
    let html = leader.get(g.app.url("/reports")).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("3 open reports arrived while the group received many at once"), "the page says so");
    let (s, _) = g.app.api(Method::POST, "/api/v1/reports", None, Some(report(&g.other_slug))).await;
    assert_eq!(s, 201, "other groups are not slowed");
    use sqlx::Row;
    let keys: Vec<String> = sqlx::query("SELECT key FROM rate_limits")
        .fetch_all(g.app.db.reader())
        .await
        .unwrap()
        .iter()
        .map(|r| r.get("key"))
        .collect();
    assert!(keys.iter().all(|k| !k.contains("127.0.0.1")), "no reporter address kept: {keys:?}");
});

on_both!(ug8_the_reporter_hears_in_their_own_language_when_the_report_closes, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let res = g
        .app
        .client
        .post(g.app.url("/api/v1/reports"))
        .header("accept-language", "pt-PT,pt;q=0.9")
        .json(&json!({"group_slug": g.slug, "description": "Alguém filmou os participantes.", "email": "testemunha@example.org"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let id = res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned();
    assert!(g.app.last_email("testemunha@example.org").await.0.starts_with("Recebemos o seu relato"));
    let (s, _) = g
        .call(
            Method::POST,
            &format!("/api/v1/reports/{id}/notes"),
            &g.manager,
            Some(json!({"status": "dismissed", "note": "No one could confirm it."})),
        )
        .await;
    assert_eq!(s, 200);
    let (subject, body) = g.app.last_email("testemunha@example.org").await;
    assert!(subject.contains("foi encerrado"), "{subject}");
    assert!(body.contains("(arquivado)"), "the status in their words too: {body}");
});

on_both!(pl1_admins_grant_and_revoke_staff_roles_and_the_last_admin_stays, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let member = g.member.id.to_string();
    // Only admins manage roles.
    let grant = |role: &str| json!({"role": role});
    for who in [&g.manager, &g.staff, &g.member] {
        let (s, _) =
            g.call(Method::POST, &format!("/api/v1/members/{member}/roles"), who, Some(grant("program_staff"))).await;
        assert_eq!(s, 403);
        let (s, _) = g.call(Method::GET, "/api/v1/roles", who, None).await;
        assert_eq!(s, 403);
    }
    // The admin makes the member program staff: they can now read the pipeline, and are told.
    let staff_only = format!("/api/v1/members/{}/contributions", g.leader.id);
    let (s, _) = g.call(Method::GET, &staff_only, &g.member, None).await;
    assert_eq!(s, 403, "not staff yet");
    let (s, b) =
        g.call(Method::POST, &format!("/api/v1/members/{member}/roles"), &g.admin, Some(grant("program_staff"))).await;
    assert_eq!((s, b["role"].as_str(), b["member_id"].as_str()), (201, Some("program_staff"), Some(member.as_str())));
    let (s, _) = g.call(Method::GET, &staff_only, &g.member, None).await;
    assert_eq!(s, 200, "the new staff member's next call sees the role");
    assert!(g.app.last_email(&g.member.email).await.0.contains("program staff"));
    let (s, _) =
        g.call(Method::POST, &format!("/api/v1/members/{member}/roles"), &g.admin, Some(grant("program_staff"))).await;
    assert_eq!(s, 200, "granting it again changes nothing");
    assert_eq!(g.emails_to(&g.member.email).await.iter().filter(|(s, _)| s.contains("program staff")).count(), 1);
    // Bad input says what is wrong, and stores nothing.
    let bad = [
        (json!({"role": "community_manager"}), "region_id", "manager_needs_region"),
        (json!({"role": "community_manager", "region_id": "nowhere"}), "region_id", "region_unknown"),
        (json!({"role": "group_leader"}), "role", "role_not_grantable"),
        (json!({"role": "overlord"}), "role", "role_unknown"),
    ];
    for (body, field, code) in bad {
        let (s, p) = g.call(Method::POST, &format!("/api/v1/members/{member}/roles"), &g.admin, Some(body)).await;
        assert_eq!(
            (s, p["errors"][0]["field"].as_str(), p["errors"][0]["code"].as_str()),
            (422, Some(field), Some(code))
        );
    }
    let (s, _) = g.call(Method::POST, "/api/v1/members/not-an-id/roles", &g.admin, Some(grant("admin"))).await;
    assert_eq!(s, 404);
    // A community manager of a region, listed with it.
    let region = g.other_region.to_string();
    let (s, _) = g
        .call(
            Method::POST,
            &format!("/api/v1/members/{member}/roles"),
            &g.admin,
            Some(json!({"role": "community_manager", "region_id": region})),
        )
        .await;
    assert_eq!(s, 201);
    let (_, list) = g.call(Method::GET, "/api/v1/roles", &g.admin, None).await;
    let mine: Vec<(String, Option<String>)> = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["member_id"] == member.as_str())
        .map(|r| (r["role"].as_str().unwrap().to_owned(), r["region_id"].as_str().map(str::to_owned)))
        .collect();
    assert_eq!(mine, vec![("community_manager".to_owned(), Some(region.clone())), ("program_staff".into(), None)]);
    let (s, _) = g.call(Method::GET, &format!("/api/v1/regions/{region}/tasks"), &g.member, None).await;
    assert_eq!(s, 200, "they see the region they now manage");
    // Revoking: the region's manager role goes, program staff stays; revoking again is 404.
    let path = format!("/api/v1/members/{member}/roles/community_manager?region_id={region}");
    let (s, _) = g.call(Method::DELETE, &path, &g.admin, None).await;
    assert_eq!(s, 204);
    assert!(g.app.last_email(&g.member.email).await.0.contains("no longer a community manager of Nordics"));
    let (s, _) = g.call(Method::DELETE, &path, &g.admin, None).await;
    assert_eq!(s, 404);
    let (s, _) = g.call(Method::GET, &format!("/api/v1/regions/{region}/tasks"), &g.member, None).await;
    assert_eq!(s, 403);
    // The last admin cannot be removed; with a second admin, the first can go.
    let admin = g.admin.id.to_string();
    let (s, p) = g.call(Method::DELETE, &format!("/api/v1/members/{admin}/roles/admin"), &g.admin, None).await;
    assert_eq!((s, p["code"].as_str()), (409, Some("last_admin")), "{p}");
    assert!(p["detail"].as_str().unwrap().contains("Make someone else an admin first"), "{p}");
    let (s, _) = g.call(Method::POST, &format!("/api/v1/members/{member}/roles"), &g.admin, Some(grant("admin"))).await;
    assert_eq!(s, 201);
    let (s, _) = g.call(Method::DELETE, &format!("/api/v1/members/{admin}/roles/admin"), &g.member, None).await;
    assert_eq!(s, 204, "the new admin removes the old one");
    let (s, p) = g.call(Method::DELETE, &format!("/api/v1/members/{member}/roles/admin"), &g.member, None).await;
    assert_eq!((s, p["code"].as_str()), (409, Some("last_admin")), "and cannot remove themselves as the last");
    // Every change is in the audit log, with who did it.
    let (_, log) = g.call(Method::GET, &format!("/api/v1/audit?entity_id={member}"), &g.member, None).await;
    let actions: Vec<&str> = log.as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions.iter().filter(|a| **a == "role.granted").count(), 3, "{actions:?}");
    assert_eq!(actions.iter().filter(|a| **a == "role.revoked").count(), 1, "{actions:?}");
});

on_both!(pl1_the_people_pages_find_a_member_and_grant_a_role_by_form, |backend| async move {
    let Some(g) = gov(backend).await else { return };
    let admin = common::gov::page_client(&g, Some(&g.admin)).await;
    let html = admin.get(g.app.url("/admin/people?q=MEMBER")).send().await.unwrap().text().await.unwrap();
    assert!(html.contains(&g.member.email), "found by part of the email, any case");
    assert!(!html.contains(&g.staff.email), "others are not listed");
    let html = admin.get(g.app.url("/admin/people?q=staff")).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("Program staff"), "the roles held show in the list");
    let page = format!("/admin/people/{}", g.member.id);
    let grant = format!("/admin/people/{}/roles", g.member.id);
    let remove = format!("/admin/people/{}/roles/remove", g.member.id);
    let region = g.region.to_string();
    // A manager without a region is refused on the page, with the choice kept.
    let r = common::post_form(&admin, &g.app, &page, &grant, &[("role", "community_manager"), ("region_id", "")]).await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("A community manager looks after one region: choose it."), "{html}");
    assert!(html.contains(r#"value="community_manager" selected"#));
    let r = common::post_form(&admin, &g.app, &page, &grant, &[("role", "community_manager"), ("region_id", &region)])
        .await;
    assert_eq!(r.status(), 303);
    let html = admin.get(g.app.url(&format!("{page}?done=granted"))).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("Role given. The member has been emailed."));
    assert!(html.contains("Community manager: Iberia"), "{html}");
    // Removing it from the page; the last admin's own removal says why on the page.
    let r = common::post_form(&admin, &g.app, &page, &remove, &[("role", "community_manager"), ("region_id", &region)])
        .await;
    assert_eq!(r.status(), 303);
    let html = admin.get(g.app.url(&page)).send().await.unwrap().text().await.unwrap();
    assert!(!html.contains("Community manager: Iberia"));
    let admin_page = format!("/admin/people/{}", g.admin.id);
    let remove = format!("/admin/people/{}/roles/remove", g.admin.id);
    let r = common::post_form(&admin, &g.app, &admin_page, &remove, &[("role", "admin"), ("region_id", "")]).await;
    assert_eq!(r.status(), 409);
    assert!(r.text().await.unwrap().contains("This is the last admin."));
    // Not for anyone else.
    let manager = common::gov::page_client(&g, Some(&g.manager)).await;
    assert_eq!(manager.get(g.app.url("/admin/people")).send().await.unwrap().status(), 403);
});
