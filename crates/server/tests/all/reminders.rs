//! UG-14: reminders at the settings' moments (24 and 2 hours before), each
//! once per place, each with a one-click "I can't come" that frees the
//! seat for the next person waiting.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use chrono::{DateTime, Duration, Utc};
use common::world::world;
use guildhall::services::registrations::send_reminders;
use reqwest::Method;

async fn reminders_to(app: &common::TestApp, to: &str) -> Vec<String> {
    sqlx::query_scalar("SELECT body_text FROM outbox WHERE kind = 'reminder' AND to_address = $1 ORDER BY id")
        .bind(to)
        .fetch_all(app.db.reader())
        .await
        .unwrap()
}

fn release_path(body: &str) -> String {
    let re = regex::Regex::new(r"/release/[0-9a-f-]+\.[0-9a-f]+").unwrap();
    re.find(body).unwrap_or_else(|| panic!("no release link in: {body}")).as_str().to_owned()
}

on_both!(ug14_two_reminders_each_once_and_i_cant_come_frees_the_seat_for_the_next_person, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let ev = w.published(1).await;
    let (_, e) = w.app.api(Method::GET, &format!("/api/v1/events/{ev}"), None, None).await;
    let start: DateTime<Utc> = e["starts_at"].as_str().unwrap().parse().unwrap();
    let people = w.app.members_with_tokens("door", 2).await;
    let (holder, next) = (&people[0], &people[1]);
    assert_eq!(w.register(&ev, &holder.2).await.1["status"], "confirmed");
    assert_eq!(w.register(&ev, &next.2).await.1["status"], "waitlisted");
    let svc = &w.app.state.services;

    // Nothing three days before; the day before, one reminder however
    // often (and on however many instances) the job runs.
    assert_eq!(send_reminders(svc, start - Duration::days(3)).await.unwrap(), 0);
    let day_before = start - Duration::hours(23);
    let (a, b) = tokio::join!(send_reminders(svc, day_before), send_reminders(svc, day_before));
    assert_eq!(a.unwrap() + b.unwrap(), 1, "the confirmed place only; nobody waiting is reminded");
    assert_eq!(send_reminders(svc, day_before + Duration::hours(1)).await.unwrap(), 0);
    // Two hours before, the second.
    let (a, b) =
        tokio::join!(send_reminders(svc, start - Duration::hours(1)), send_reminders(svc, start - Duration::hours(1)));
    assert_eq!(a.unwrap() + b.unwrap(), 1);
    let sent = reminders_to(&w.app, &holder.1).await;
    assert_eq!(sent.len(), 2, "24 h and 2 h before, once each");
    assert!(sent[1].contains("Can't come after all?"), "{}", sent[1]);
    let release = release_path(&sent[1]);
    assert_eq!(release, release_path(&sent[0]), "one link per place");

    // Opening the link asks and changes nothing (mail scanners follow links).
    let visitor = common::browser();
    let page = visitor.get(w.app.url(&release)).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Let my place go") && page.contains(e["title"].as_str().unwrap()), "{page}");
    let (_, list) = w.app.api(Method::GET, &format!("/api/v1/events/{ev}/registrations"), Some(&w.leader), None).await;
    assert!(list.as_array().unwrap().iter().all(|r| r["status"] != "cancelled"), "{list}");

    // Pressing it, signed out, frees the seat: the next person moves up and is told.
    let done = visitor.post(w.app.url(&release)).send().await.unwrap().text().await.unwrap();
    assert!(done.contains("is free now"), "{done}");
    let (_, list) = w.app.api(Method::GET, &format!("/api/v1/events/{ev}/registrations"), Some(&w.leader), None).await;
    let status_of = |who: &guildhall_domain::ids::MemberId| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|r| r["member_id"] == who.to_string().as_str())
            .map(|r| r["status"].as_str().unwrap().to_owned())
    };
    assert_eq!(status_of(&next.0).as_deref(), Some("confirmed"), "{list}");
    assert_ne!(status_of(&holder.0).as_deref(), Some("confirmed"));
    assert!(w.app.last_email(&next.1).await.0.contains("A seat freed up"));
    assert!(w.app.last_email(&holder.1).await.0.contains("Your place is released"));
    // A second press says so and changes nothing.
    let again = visitor.post(w.app.url(&release)).send().await.unwrap().text().await.unwrap();
    assert!(again.contains("was already released. Nothing changed"), "{again}");

    // The person who moved up gets the 2 h reminder only: the day-before one is not sent late.
    assert_eq!(send_reminders(svc, start - Duration::minutes(50)).await.unwrap(), 1);
    assert_eq!(reminders_to(&w.app, &next.1).await.len(), 1);
    assert_eq!(send_reminders(svc, start - Duration::minutes(40)).await.unwrap(), 0);

    // A link whose signature fails opens nothing.
    let flipped = if release.ends_with('0') { '1' } else { '0' };
    let forged = format!("{}{flipped}", &release[..release.len() - 1]);
    let res = visitor.post(w.app.url(&forged)).send().await.unwrap();
    assert!(res.status().is_client_error(), "{}", res.status());
    w.app.stop().await;
});

on_both!(ug14_the_reminder_moments_are_a_setting_with_clear_refusals, |backend| async move {
    let Some(w) = world(backend).await else { return };
    let (admin_id, _, _) = w.app.member_with_role("moments", Some(guildhall_domain::access::Role::Admin)).await;
    let admin = w.app.browser_for(admin_id).await;
    let stored = || async {
        sqlx::query_scalar::<_, String>("SELECT value FROM settings WHERE key = 'events.reminder_offsets_hours'")
            .fetch_one(w.app.db.reader())
            .await
            .unwrap()
    };
    assert_eq!(stored().await, "24\n2", "the default: the day before and two hours before");
    let page = admin.get(w.app.url("/admin/settings")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Reminders before an event") && page.contains(">24\n2</textarea>"), "one moment per line");
    let save = |value: &'static str| {
        let admin = admin.clone();
        let page = page.clone();
        let url = w.app.url("/admin/settings");
        async move {
            let mut form = common::forms::as_shown(&page, "form#s-events-reminder-offsets-hours").remove(0);
            form.iter_mut().filter(|(k, _)| k == "value").for_each(|(_, v)| *v = value.into());
            form.retain(|(k, _)| k != "reason");
            form.push(("reason".into(), "Trying moments".into()));
            let res = admin.post(&url).form(&form).send().await.unwrap();
            let status = res.status().as_u16();
            let html = match res.headers().get("location") {
                Some(to) => admin
                    .get(format!("{url}{}", to.to_str().unwrap().trim_start_matches("/admin/settings")))
                    .send()
                    .await
                    .unwrap()
                    .text()
                    .await
                    .unwrap(),
                None => res.text().await.unwrap(),
            };
            (status, html)
        }
    };
    for (value, problem) in [("0", "outside the allowed range"), ("1,2,3,4,5,6", "at most five"), ("soon", "number")] {
        let (s, html) = save(value).await;
        assert_eq!(s, 422, "{value}");
        assert!(html.contains(problem), "{value}: the refusal says why");
        assert_eq!(stored().await, "24\n2", "nothing changed");
    }
    let (s, saved) = save("2, 48, 24").await;
    assert_eq!(s, 303);
    assert!(saved.contains("is now 48, 24, 2 hours"), "the notice says it in words");
    assert_eq!(stored().await, "48\n24\n2", "kept furthest first");
    w.app.stop().await;
});
