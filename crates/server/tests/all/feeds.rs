//! UG-14, PL-5: the iCalendar and Atom outputs read back by independent
//! parsers (the `ical` and `feed-rs` crates, not the writers), the
//! schema.org data of event pages, and the OpenAPI document (PL-6).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use std::io::BufReader;

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use common::world::world;
use reqwest::Method;
use serde_json::{json, Value};

/// A property's value and parameters from a parsed VEVENT.
fn prop<'a>(props: &'a [ical::property::Property], name: &str) -> Option<&'a ical::property::Property> {
    props.iter().find(|p| p.name == name)
}

fn tzid(p: &ical::property::Property) -> Option<String> {
    p.params.as_ref()?.iter().find(|(k, _)| k == "TZID").and_then(|(_, v)| v.first().cloned())
}

/// A DTSTART/DTEND with its TZID, as an instant.
fn instant(p: &ical::property::Property) -> DateTime<Utc> {
    let zone: chrono_tz::Tz = tzid(p).expect("TZID parameter").parse().expect("IANA zone");
    let naive = NaiveDateTime::parse_from_str(p.value.as_deref().unwrap(), "%Y%m%dT%H%M%S").unwrap();
    zone.from_local_datetime(&naive).single().unwrap().with_timezone(&Utc)
}

on_both!(ug14_ics_read_back_by_another_parser, |backend| async move {
    let Some(w) = world(backend).await else { return };
    // One event in summer time, one in winter time, one across the spring change.
    let path = format!("/api/v1/groups/{}/events", w.slug);
    let mut expected = Vec::new();
    for (title, s, e) in [
        ("Summer", "2030-07-15T18:30", "2030-07-15T20:30"),
        ("Winter", "2030-01-15T18:30", "2030-01-15T20:30"),
        ("Night", "2030-03-31T00:30", "2030-03-31T03:30"),
    ] {
        let (st, ev) = w
            .app
            .api(
                Method::POST,
                &path,
                Some(&w.leader),
                Some(json!({"title": title, "starts_at": s, "ends_at": e, "capacity": 10, "online_link": "https://meet.example.org/x"})),
            )
            .await;
        assert_eq!(st, 201, "{ev}");
        let id = ev["id"].as_str().unwrap().to_owned();
        w.app.api(Method::POST, &format!("/api/v1/events/{id}/publish"), Some(&w.leader), None).await;
        expected.push((
            id,
            title,
            ev["starts_at"].as_str().unwrap().to_owned(),
            ev["ends_at"].as_str().unwrap().to_owned(),
        ));
    }
    let res = reqwest::get(w.app.url(&format!("/groups/{}/events.ics", w.slug))).await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/calendar"));
    let text = res.text().await.unwrap();
    let mut parser = ical::IcalParser::new(BufReader::new(text.as_bytes()));
    let cal = parser.next().expect("one calendar").expect("parses");
    assert_eq!(cal.timezones.len(), 1, "the group's zone is defined");
    assert_eq!(
        prop(&cal.timezones[0].properties, "TZID").and_then(|p| p.value.clone()).as_deref(),
        Some("Europe/Lisbon")
    );
    assert_eq!(cal.events.len(), 3);
    for (id, title, starts, ends) in &expected {
        let ev = cal
            .events
            .iter()
            .find(|e| prop(&e.properties, "SUMMARY").and_then(|p| p.value.as_deref()) == Some(title))
            .unwrap_or_else(|| panic!("{title} in the calendar"));
        let dtstart = prop(&ev.properties, "DTSTART").unwrap();
        assert_eq!(tzid(dtstart).as_deref(), Some("Europe/Lisbon"));
        assert_eq!(instant(dtstart), DateTime::parse_from_rfc3339(starts).unwrap().with_timezone(&Utc), "{title}");
        let dtend = prop(&ev.properties, "DTEND").unwrap();
        assert_eq!(instant(dtend), DateTime::parse_from_rfc3339(ends).unwrap().with_timezone(&Utc), "{title}");
        let uid = prop(&ev.properties, "UID").and_then(|p| p.value.clone()).unwrap();
        assert!(uid.starts_with(id.as_str()), "{uid}");
    }
    // The single-event calendar agrees.
    let (id, _, starts, _) = &expected[2];
    let one = reqwest::get(w.app.url(&format!("/events/{id}.ics"))).await.unwrap().text().await.unwrap();
    let cal = ical::IcalParser::new(BufReader::new(one.as_bytes())).next().unwrap().unwrap();
    assert_eq!(cal.events.len(), 1);
    let dtstart = prop(&cal.events[0].properties, "DTSTART").unwrap();
    assert_eq!(instant(dtstart), DateTime::parse_from_rfc3339(starts).unwrap().with_timezone(&Utc));
    // Drafts are in no calendar.
    let draft = w.draft(5, 3).await;
    assert_eq!(reqwest::get(w.app.url(&format!("/events/{draft}.ics"))).await.unwrap().status(), 404);
    w.app.stop().await;
});

on_both!(ug14_atom_feed_read_back_by_another_parser, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let a = w.published(10).await;
    let b = w.published(20).await;
    let _draft = w.draft(5, 2).await;
    let res = reqwest::get(w.app.url(&format!("/groups/{}/feed.atom", w.slug))).await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("application/atom+xml"));
    let body = res.bytes().await.unwrap();
    let feed = feed_rs::parser::parse(&body[..]).expect("valid feed");
    assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom);
    assert_eq!(feed.title.map(|t| t.content).as_deref(), Some("Lisboa .NET"));
    let links: Vec<String> = feed.entries.iter().flat_map(|e| e.links.iter().map(|l| l.href.clone())).collect();
    assert_eq!(feed.entries.len(), 2, "upcoming published events only");
    for id in [&a, &b] {
        assert!(links.iter().any(|l| l.ends_with(&format!("/events/{id}"))), "{id} in {links:?}");
    }
    assert!(feed.entries.iter().all(|e| e.title.as_ref().map(|t| t.content.as_str()) == Some("Minimal APIs in depth")));
    w.app.stop().await;
});

on_both!(ug14_event_pages_carry_schema_org_event, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let id = w.published(25).await;
    let html = reqwest::get(w.app.url(&format!("/events/{id}"))).await.unwrap().text().await.unwrap();
    let re = regex::Regex::new(r#"(?s)<script type="application/ld\+json">(.*?)</script>"#).unwrap();
    let data: Value = serde_json::from_str(&re.captures(&html).expect("JSON-LD on the page")[1]).unwrap();
    assert_eq!(data["@context"], "https://schema.org");
    assert_eq!(data["@type"], "Event");
    assert_eq!(data["name"], "Minimal APIs in depth");
    assert_eq!(data["eventAttendanceMode"], "https://schema.org/OnlineEventAttendanceMode");
    assert_eq!(data["organizer"]["name"], "Lisboa .NET");
    assert_eq!(data["isAccessibleForFree"], true);
    assert_eq!(data["maximumAttendeeCapacity"], 25);
    // Its times carry the group's offset and name the same instant as the API.
    let (_, api) = w.app.api(Method::GET, &format!("/api/v1/events/{id}"), None, None).await;
    let ld_start = DateTime::parse_from_rfc3339(data["startDate"].as_str().unwrap()).unwrap();
    assert_eq!(ld_start, DateTime::parse_from_rfc3339(api["starts_at"].as_str().unwrap()).unwrap());
    // The online link stays private: only the page's own address is given.
    assert!(!html.contains("meet.example.org"), "online link hidden from visitors");
    w.app.stop().await;
});

#[tokio::test]
async fn pl6_openapi_document_lists_every_endpoint() {
    let Some(app) = common::TestApp::spawn(guildhall_storage::Backend::Sqlite).await else { return };
    let (s, doc) = app.api(Method::GET, "/api/openapi.json", None, None).await;
    assert_eq!(s, 200);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths = doc["paths"].as_object().unwrap();
    for (path, methods) in [
        ("/v1/groups", &["get", "post"][..]),
        ("/v1/groups/{slug}", &["get"]),
        ("/v1/groups/{slug}/leaders", &["post"]),
        ("/v1/members", &["post"]),
        ("/v1/groups/{slug}/events", &["get", "post"]),
        ("/v1/events/{id}", &["get", "patch"]),
        ("/v1/events/{id}/publish", &["post"]),
        ("/v1/events/{id}/cancel", &["post"]),
        ("/v1/events/{id}/complete", &["post"]),
        ("/v1/events/{id}/registrations", &["get", "post"]),
        ("/v1/events/{id}/registrations/{registration_id}", &["delete"]),
        ("/v1/me/tickets", &["get"]),
        ("/v1/tickets/{id}", &["get"]),
        // Followers and announcements (UG-15).
        ("/v1/me/follows", &["get"]),
        ("/v1/me/follows/{slug}", &["put", "delete"]),
        ("/v1/announcements", &["get", "post"]),
        ("/v1/announcements/audiences", &["get"]),
        ("/v1/announcements/reach", &["post"]),
        ("/v1/events/{id}/checkins", &["post"]),
        // Governance (UG-2 … UG-13).
        ("/v1/venues", &["get", "post"]),
        ("/v1/leader-applications", &["get", "post"]),
        ("/v1/leader-applications/{id}", &["get"]),
        ("/v1/leader-applications/{id}/submit", &["post"]),
        ("/v1/leader-applications/{id}/interview-times", &["post"]),
        ("/v1/leader-applications/{id}/interview", &["post"]),
        ("/v1/leader-applications/{id}/interview.ics", &["get"]),
        ("/v1/leader-applications/{id}/notes", &["post"]),
        ("/v1/leader-applications/{id}/appoint", &["post"]),
        ("/v1/leader-applications/{id}/decline", &["post"]),
        ("/v1/leader-applications/{id}/withdraw", &["post"]),
        ("/v1/groups/{slug}/nominations", &["post"]),
        ("/v1/groups/{slug}/coleader-wanted", &["post"]),
        ("/v1/groups/{slug}/review-required", &["post"]),
        ("/v1/events/{id}/review-required", &["post"]),
        ("/v1/events/{id}/talks", &["post"]),
        ("/v1/events/{id}/talks/{talk_id}", &["delete"]),
        ("/v1/events/{id}/talks/{talk_id}/review", &["post"]),
        ("/v1/reports", &["get", "post"]),
        ("/v1/reports/{id}", &["get"]),
        ("/v1/reports/{id}/notes", &["post"]),
        ("/v1/groups/{slug}/health", &["get"]),
        ("/v1/regions/{id}/health", &["get"]),
        ("/v1/regions/{id}/tasks", &["get"]),
        ("/v1/regions/{id}/fee-schedule", &["get", "put"]),
        ("/v1/events/{id}/claims", &["post"]),
        ("/v1/claims/{id}", &["get"]),
        ("/v1/claims/{id}/receipts", &["post"]),
        ("/v1/claims/{id}/receipts/{receipt_id}", &["get"]),
        ("/v1/claims/{id}/approve", &["post"]),
        ("/v1/claims/{id}/reject", &["post"]),
        ("/v1/expenses", &["get"]),
        ("/v1/speakers", &["get", "post"]),
        ("/v1/speakers/applications", &["get"]),
        ("/v1/speakers/{member_id}/decision", &["post"]),
        ("/v1/events/{id}/invitations", &["post"]),
        ("/v1/invitations", &["get"]),
        ("/v1/invitations/{id}/answer", &["post"]),
        ("/v1/groups/{slug}/expert-requests", &["post"]),
        ("/v1/expert-requests/{id}", &["get"]),
        ("/v1/expert-requests/{id}/answer", &["post"]),
        // Programs (issue 5's paths).
        ("/v1/members/{id}/contributions", &["get", "post"]),
        ("/v1/members/{id}/eligibility", &["get"]),
        ("/v1/programs/{program}/applications", &["post"]),
        ("/v1/applications/{id}", &["get"]),
        ("/v1/applications/{id}/submit", &["post"]),
        ("/v1/programs/{program}/memberships", &["get", "post"]),
        ("/v1/benefits/{id}/claims", &["post"]),
        ("/v1/imports/contributions", &["post"]),
        ("/v1/members/{id}/imports/feed", &["post"]),
        ("/v1/directory", &["get"]),
    ] {
        let item = paths.get(path).unwrap_or_else(|| panic!("{path} documented"));
        for m in methods {
            assert!(item.get(*m).is_some(), "{m} {path} documented");
        }
    }
    assert_eq!(doc["servers"][0]["url"], "/api");
    assert_eq!(doc["components"]["securitySchemes"]["bearer"]["scheme"], "bearer");
    app.stop().await;
}

/// PL-6: utoipa keeps one schema per name, so two body types with the same
/// name in different modules document one of them wrongly (schemathesis
/// found `GET /v1/regions` answering against a request body's schema).
/// Every schema name, after `#[schema(as = ...)]`, belongs to one type.
#[test]
fn pl6_every_api_schema_name_belongs_to_one_type() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/web/api");
    let mut seen: std::collections::HashMap<String, String> = Default::default();
    let mut clashes = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            if !line.starts_with("#[derive(") || !line.contains("ToSchema") {
                continue;
            }
            let rest = &lines[i + 1..];
            let Some(item) = rest.iter().find(|l| l.starts_with("pub struct ") || l.starts_with("pub enum ")) else {
                continue;
            };
            let rust_name = item.split_whitespace().nth(2).unwrap().trim_end_matches(['{', '(', ';']).to_owned();
            let renamed = rest
                .iter()
                .take_while(|l| l.starts_with("#["))
                .find_map(|l| l.strip_prefix("#[schema(as = ").map(|r| r.trim_end_matches(")]").to_owned()));
            let name = renamed.unwrap_or(rust_name);
            let here = format!("{}", path.file_name().unwrap().to_string_lossy());
            if let Some(there) = seen.insert(name.clone(), here.clone()) {
                clashes.push(format!("{name}: {there} and {here}"));
            }
        }
    }
    assert!(seen.len() > 50, "the scan found the API's types ({})", seen.len());
    assert!(clashes.is_empty(), "schema names used twice: {clashes:?}");
}
