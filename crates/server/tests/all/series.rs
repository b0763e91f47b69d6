//! UG-16: a recurring meetup is a series. One registration holds a place
//! or a waiting position at every date; leaving one date frees that seat
//! only, for that date's first waiting person; leaving the series frees
//! every future one; editing changes future dates only; followers hear of
//! the series once, not once per date (UG-15).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{Datelike, Duration, Utc};
use reqwest::Method;
use serde_json::{json, Value};

use crate::common;
use common::world::world;

/// The next Monday at least a week away, as the series' first day.
fn next_monday() -> String {
    let mut d = Utc::now().date_naive() + Duration::days(7);
    while d.weekday() != chrono::Weekday::Mon {
        d = d.succ_opt().unwrap();
    }
    d.to_string()
}

fn statuses(series: &Value, key: &str) -> Vec<String> {
    series["dates"].as_array().unwrap().iter().map(|d| d[key].as_str().unwrap_or("-").to_owned()).collect()
}

on_both!(ug16_one_registration_holds_every_date_and_leaving_one_frees_only_that_seat, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let people = w.app.members_with_tokens("regular", 4).await;
    let (ana, bea, cai, fan) = (&people[0], &people[1], &people[2], &people[3]);
    // A follower, to count what publishing tells them.
    let (s, _) = w.app.api(Method::PUT, &format!("/api/v1/me/follows/{}", w.slug), Some(&fan.2), None).await;
    assert_eq!(s, 200);

    // Every Wednesday, four times, two seats each.
    let body = json!({"title": "Wednesday build club", "description": "We build things together.",
        "capacity": "2", "online_link": "https://meet.example.org/build", "from": next_monday(),
        "frequency": "weekly", "weekday": "WE", "starts": "18:30", "ends": "20:30", "count": "4"});
    let (s, series) = w
        .app
        .api(Method::POST, &format!("/api/v1/groups/{}/series", w.slug), Some(&w.leader), Some(body.clone()))
        .await;
    assert_eq!(s, 201, "{series}");
    let id = series["id"].as_str().unwrap().to_owned();
    assert_eq!(series["rrule"], "FREQ=WEEKLY;COUNT=4;BYDAY=WE", "{series}");
    assert_eq!(statuses(&series, "status"), ["draft"; 4]);
    let path = format!("/api/v1/series/{id}");
    assert_eq!(w.app.api(Method::GET, &path, None, None).await.0, 404, "drafts are the organisers'");
    assert_eq!(w.app.api(Method::POST, &format!("{path}/registrations"), Some(&ana.2), None).await.0, 404);

    // Publishing: four dates public, the follower told once.
    let mails = w.app.count("outbox").await;
    let (s, p) = w.app.api(Method::POST, &format!("{path}/publish"), Some(&w.leader), None).await;
    assert_eq!((s, p["published"].as_u64()), (200, Some(4)), "{p}");
    assert_eq!(w.app.count("outbox").await, mails + 1, "one announcement for the whole series");
    let (s, again) = w.app.api(Method::POST, &format!("{path}/publish"), Some(&w.leader), None).await;
    assert_eq!(s, 422, "nothing left to publish: {again}");

    // Ana and Bea take the two seats of every date; Cai waits at each.
    for (who, want) in [
        (ana, json!({"places": 4, "waiting": 0})),
        (bea, json!({"places": 4, "waiting": 0})),
        (cai, json!({"places": 0, "waiting": 4})),
    ] {
        let (s, got) = w.app.api(Method::POST, &format!("{path}/registrations"), Some(&who.2), None).await;
        assert_eq!((s, &got), (200, &want));
    }
    let (_, mine) = w.app.api(Method::GET, &path, Some(&cai.2), None).await;
    assert_eq!((mine["joined"].as_bool(), statuses(&mine, "mine")), (Some(true), vec!["waitlisted".to_owned(); 4]));

    // Ana gives up the second date only: Cai gets that seat, and waits at the others.
    let (_, ana_view) = w.app.api(Method::GET, &path, Some(&ana.2), None).await;
    let second = &ana_view["dates"][1];
    let (ev, reg) = (second["event_id"].as_str().unwrap(), second["registration_id"].as_str().unwrap());
    let (s, _) =
        w.app.api(Method::DELETE, &format!("/api/v1/events/{ev}/registrations/{reg}"), Some(&ana.2), None).await;
    assert_eq!(s, 204);
    let (_, mine) = w.app.api(Method::GET, &path, Some(&cai.2), None).await;
    assert_eq!(statuses(&mine, "mine"), ["waitlisted", "confirmed", "waitlisted", "waitlisted"]);
    let (_, ana_view) = w.app.api(Method::GET, &path, Some(&ana.2), None).await;
    assert_eq!(ana_view["joined"], true, "leaving one date keeps the series");
    assert_eq!(statuses(&ana_view, "mine"), ["confirmed", "-", "confirmed", "confirmed"]);

    // Ana leaves the series: her seats go to Cai, date by date.
    let (s, _) = w.app.api(Method::DELETE, &format!("{path}/registrations/me"), Some(&ana.2), None).await;
    assert_eq!(s, 204);
    let (_, ana_view) = w.app.api(Method::GET, &path, Some(&ana.2), None).await;
    assert_eq!((ana_view["joined"].as_bool(), statuses(&ana_view, "mine")), (Some(false), vec!["-".to_owned(); 4]));
    let (_, mine) = w.app.api(Method::GET, &path, Some(&cai.2), None).await;
    assert_eq!(statuses(&mine, "mine"), ["confirmed"; 4]);
    let (s, _) = w.app.api(Method::DELETE, &format!("{path}/registrations/me"), Some(&ana.2), None).await;
    assert_eq!(s, 422, "leaving twice is said, not silent");
    w.app.stop().await;
});

on_both!(ug16_editing_a_series_changes_only_its_future_dates, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let body = json!({"title": "Monthly talks", "description": "A talk a month.", "capacity": "30",
        "online_link": "https://meet.example.org/talks", "from": next_monday(), "frequency": "monthly",
        "nth": "2", "weekday": "TH", "starts": "19:00", "ends": "21:00", "count": "4"});
    let (s, series) = w
        .app
        .api(Method::POST, &format!("/api/v1/groups/{}/series", w.slug), Some(&w.leader), Some(body.clone()))
        .await;
    assert_eq!(s, 201, "{series}");
    let id = series["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/series/{id}");
    assert_eq!(w.app.api(Method::POST, &format!("{path}/publish"), Some(&w.leader), None).await.0, 200);
    let member = w.app.members_with_tokens("listener", 1).await.remove(0);
    assert_eq!(w.app.api(Method::POST, &format!("{path}/registrations"), Some(&member.2), None).await.0, 200);
    // The first date has already happened (moved into the past here).
    let first = series["dates"][0]["event_id"].as_str().unwrap().to_owned();
    let past = (Utc::now() - Duration::days(3)).timestamp_micros();
    sqlx::query("UPDATE events SET starts_at = $1, ends_at = $2 WHERE id = $3")
        .bind(past)
        .bind(past + 7_200_000_000)
        .bind(&first)
        .execute(w.app.db.reader())
        .await
        .unwrap();

    // From the day after the first date on: an hour later, and two more dates only.
    let day_after = chrono::DateTime::parse_from_rfc3339(series["dates"][0]["starts_at"].as_str().unwrap()).unwrap()
        + Duration::days(1);
    let mut edit = body.clone();
    edit["from"] = json!(day_after.date_naive().to_string());
    edit["starts"] = json!("20:00");
    edit["ends"] = json!("22:00");
    edit["count"] = json!("2");
    let (s, r) = w.app.api(Method::PUT, &path, Some(&w.leader), Some(edit)).await;
    assert_eq!((s, &r), (200, &json!({"changed": 2, "added": 0, "cancelled": 1})), "{r}");
    let (_, after) = w.app.api(Method::GET, &path, Some(&member.2), None).await;
    assert_eq!(statuses(&after, "status"), ["published", "published", "published", "cancelled"]);
    for d in &after["dates"].as_array().unwrap()[1..3] {
        let (_, ev) =
            w.app.api(Method::GET, &format!("/api/v1/events/{}", d["event_id"].as_str().unwrap()), None, None).await;
        assert!(ev["local_starts_at"].as_str().unwrap().ends_with("T20:00"), "{ev}");
    }
    let (_, past_ev) = w.app.api(Method::GET, &format!("/api/v1/events/{first}"), None, None).await;
    assert_eq!(
        past_ev["starts_at"]
            .as_str()
            .map(|t| t.starts_with(&(Utc::now() - Duration::days(3)).date_naive().to_string())),
        Some(true),
        "the past date kept its time"
    );
    // The member still holds the dates that remain, and was told of the dropped one.
    assert_eq!(statuses(&after, "mine"), ["confirmed", "confirmed", "confirmed", "-"]);
    let (subject, _) = w.app.last_email(&member.1).await;
    assert!(subject.starts_with("Cancelled: Monthly talks"), "{subject}");

    // PL-8: an erased member is no longer registered for the series, so a
    // date added later does not enrol them.
    let confirm = json!({"confirm_email": member.1});
    assert_eq!(w.app.api(Method::DELETE, "/api/v1/me", Some(&member.2), Some(confirm)).await.0, 204);
    let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM series_members WHERE member_id = $1")
        .bind(member.0.to_string())
        .fetch_one(w.app.db.reader())
        .await
        .unwrap();
    assert_eq!(left, 0);
    w.app.stop().await;
});

on_both!(ug16_a_leader_sees_the_dates_before_creating_and_a_member_joins_from_the_page, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let leader = w.leader_browser("series-leader@example.org").await;
    let new = format!("/groups/{}/series/new", w.slug);
    let form = leader.get(w.app.url(&new)).send().await.unwrap().text().await.unwrap();
    assert!(form.contains("Monthly, on a weekday"), "the rule in words: {form}");
    let action = format!("/groups/{}/series", w.slug);
    let from = next_monday();
    let fields = [
        ("title", "Second Wednesday talks"),
        ("description", "One talk, then pizza."),
        ("capacity", "1"),
        ("online_link", "https://meet.example.org/talks"),
        ("frequency", "monthly"),
        ("nth", "2"),
        ("weekday", "WE"),
        ("interval", "1"),
        ("starts", "18:30"),
        ("ends", "20:30"),
        ("from", from.as_str()),
        ("count", "3"),
        ("until", ""),
        ("skipped", ""),
    ];
    // First the dates, nothing made yet.
    let before = w.app.count("series").await;
    let mut preview = fields.to_vec();
    preview.push(("preview", "1"));
    let res = common::post_form(&leader, &w.app, &new, &action, &preview).await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(html.contains("The rule gives 3 dates"), "{html}");
    assert_eq!(w.app.count("series").await, before, "a preview makes nothing");
    // A rule with a problem says which field.
    let mut bad = fields.to_vec();
    bad.retain(|(k, _)| *k != "count");
    bad.push(("count", ""));
    let res = common::post_form(&leader, &w.app, &new, &action, &bad).await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("Say how many dates, or the last day."));

    let res = common::post_form(&leader, &w.app, &new, &action, &fields).await;
    let page = common::follow(&leader, &w.app, res).await;
    assert!(page.contains("The series is made"), "{page}");
    assert!(page.contains("The second Wednesday of each month, 18:30–20:30, 3 times"), "{page}");
    let id = regex::Regex::new(r#"action="/series/([^/]+)/publish""#).unwrap().captures(&page).unwrap()[1].to_owned();
    let series_page = format!("/series/{id}");
    let res = common::post_form(&leader, &w.app, &series_page, &format!("{series_page}/publish"), &[]).await;
    assert!(common::follow(&leader, &w.app, res).await.contains("every date is open for registration"));

    // A member registers for all three from the page; a second waits at each.
    let member = common::signed_up(&w.app, "mia@example.org", "Mia", "correct horse battery").await;
    let html = member.get(w.app.url(&series_page)).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("Register for every date"), "{html}");
    let res = common::post_form(&member, &w.app, &series_page, &format!("{series_page}/join"), &[]).await;
    let html = common::follow(&member, &w.app, res).await;
    assert!(html.contains("You are registered for every date"), "{html}");
    assert_eq!(html.matches(r#"<span class="tag">your seat</span>"#).count(), 3, "{html}");
    let second = common::signed_up(&w.app, "noa@example.org", "Noa", "correct horse battery").await;
    let res = common::post_form(&second, &w.app, &series_page, &format!("{series_page}/join"), &[]).await;
    assert_eq!(
        common::follow(&second, &w.app, res).await.matches(r#"<span class="tag">waiting list</span>"#).count(),
        3
    );
    // Leaving asks first, then frees every seat for the next person.
    let res = common::post_form(&member, &w.app, &series_page, &format!("{series_page}/leave"), &[]).await;
    assert!(common::follow(&member, &w.app, res).await.contains("You left the series"));
    let html = second.get(w.app.url(&series_page)).send().await.unwrap().text().await.unwrap();
    assert_eq!(html.matches(r#"<span class="tag">your seat</span>"#).count(), 3, "Noa has every seat now: {html}");
    // In Portuguese, the rule reads as a person says it.
    let html = second.get(w.app.url(&format!("{series_page}?lang=pt"))).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("A segunda quarta-feira de cada mês, 18:30–20:30, 3 vezes"), "{html}");
    w.app.stop().await;
});

on_both!(pl13_cancelling_a_series_asks_why_and_tells_everyone_registered, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let body = json!({"title": "Friday hack nights", "description": "Bring a laptop.", "capacity": "10",
        "online_link": "https://meet.example.org/hack", "from": next_monday(), "frequency": "weekly",
        "weekday": "FR", "starts": "19:00", "ends": "22:00", "count": "3"});
    let (_, series) =
        w.app.api(Method::POST, &format!("/api/v1/groups/{}/series", w.slug), Some(&w.leader), Some(body)).await;
    let path = format!("/api/v1/series/{}", series["id"].as_str().unwrap());
    assert_eq!(w.app.api(Method::POST, &format!("{path}/publish"), Some(&w.leader), None).await.0, 200);
    let member = w.app.members_with_tokens("hacker", 1).await.remove(0);
    assert_eq!(w.app.api(Method::POST, &format!("{path}/registrations"), Some(&member.2), None).await.0, 200);

    let (s, p) =
        w.app.api(Method::POST, &format!("{path}/cancel"), Some(&w.leader), Some(json!({"reason": " "}))).await;
    assert_eq!(s, 422, "a reason is asked for: {p}");
    let (s, p) =
        w.app.api(Method::POST, &format!("{path}/cancel"), Some(&member.2), Some(json!({"reason": "x"}))).await;
    assert_eq!(s, 403, "only the organisers cancel: {p}");
    let why = "The space closed for renovation.";
    let (s, p) =
        w.app.api(Method::POST, &format!("{path}/cancel"), Some(&w.leader), Some(json!({"reason": why}))).await;
    assert_eq!((s, p["cancelled"].as_u64()), (200, Some(3)), "{p}");
    let (_, after) = w.app.api(Method::GET, &path, Some(&member.2), None).await;
    assert_eq!(statuses(&after, "status"), ["cancelled"; 3]);
    let (subject, text) = w.app.last_email(&member.1).await;
    assert!(subject.starts_with("Cancelled: Friday hack nights"), "{subject}");
    assert!(text.contains(why), "{text}");
    let (s, _) =
        w.app.api(Method::POST, &format!("{path}/cancel"), Some(&w.leader), Some(json!({"reason": why}))).await;
    assert_eq!(s, 422, "nothing left to cancel is said");
    assert_eq!(w.app.api(Method::POST, &format!("{path}/registrations"), Some(&member.2), None).await.0, 409);
    w.app.stop().await;
});
