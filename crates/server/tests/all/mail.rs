//! PL-4: the outbox worker delivers over real SMTP on loopback, and a
//! killed server neither loses an email nor sends one twice (beyond the one
//! in flight at the kill, which keeps its Message-ID).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chrono::Utc;
use common::*;
use guildhall_domain::values::EmailAddress;
use guildhall_storage::outbox::{self, NewEmail};
use guildhall_storage::testing::TestDb;
use guildhall_storage::Backend;
use reqwest::Method;
use serde_json::json;

on_both!(pl4_worker_sends_over_smtp, |backend: Backend| async move {
    let (sink, port) = SmtpSink::start();
    let Some(app) = TestApp::spawn_with(backend, common::sending_to(port)).await else {
        return;
    };
    let c = browser();
    post_form(
        &c,
        &app,
        "/signup",
        "/signup",
        &[("email", "smtp@example.org"), ("name", "Sam"), ("password", "correct horse battery")],
    )
    .await;
    let start = Instant::now();
    while sink.received().is_empty() && start.elapsed() < Duration::from_secs(20) {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let got = sink.received();
    assert_eq!(got.len(), 1, "one email delivered");
    assert!(got[0].contains("Subject: Confirm your email address"));
    assert!(got[0].contains("/verify?token="));
    let id: String = sqlx::query_scalar("SELECT id FROM outbox").fetch_one(app.db.reader()).await.unwrap();
    assert_eq!(sink.message_ids(), vec![format!("{id}@127.0.0.1")]);
    let state: String = sqlx::query_scalar("SELECT state FROM outbox").fetch_one(app.db.reader()).await.unwrap();
    assert_eq!(state, "sent");
    app.stop().await;
});

fn spawn_server(url: &str, port: u16, dir: &std::path::Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_guildhall"))
        .args(["--database-url", url, "serve", "--bind", "127.0.0.1:0", "--smtp-url"])
        .arg(format!("smtp://127.0.0.1:{port}"))
        .env("GUILDHALL_MAIL_LEASE_SECS", "2")
        .env("RUST_LOG", "warn")
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("binary starts")
}

async fn crash_test(backend: Backend, instances: usize) {
    let Some(tdb) = TestDb::fresh(backend).await else { return };
    let mut tx = tdb.db.begin().await.unwrap();
    for i in 0..1000 {
        let email = NewEmail {
            recipient: None,
            to: EmailAddress::parse(&format!("member{i}@example.org")).unwrap(),
            kind: "test",
            subject: format!("Message {i}"),
            body_text: "Hello".into(),
            body_secret: None,
            calendar: None,
            unsubscribe_path: None,
        };
        outbox::enqueue(&mut tx, email, Utc::now()).await.unwrap();
    }
    tx.commit().await.unwrap();
    let (sink, port) = SmtpSink::start();
    let dir = std::env::temp_dir();
    let mut kills = 0;
    // Kill every instance (SIGKILL) twice while it sends, then let one finish.
    for round in 0..3 {
        let mut children: Vec<Child> = (0..instances).map(|_| spawn_server(&tdb.url, port, &dir)).collect();
        let target = (round + 1) * 300;
        let start = Instant::now();
        if round < 2 {
            while sink.received().len() < target && start.elapsed() < Duration::from_secs(60) {
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            for c in children.iter_mut() {
                c.kill().unwrap();
                c.wait().unwrap();
                kills += 1;
            }
        } else {
            let done = || async {
                let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE state = 'sent'")
                    .fetch_one(tdb.db.reader())
                    .await
                    .unwrap();
                n
            };
            while done().await < 1000 && start.elapsed() < Duration::from_secs(120) {
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            for c in children.iter_mut() {
                let _ = c.kill();
                let _ = c.wait();
            }
        }
    }
    let ids = sink.message_ids();
    let mut distinct = ids.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 1000, "every email was delivered");
    let stored: Vec<String> = sqlx::query_scalar("SELECT id FROM outbox WHERE state = 'sent' ORDER BY id")
        .fetch_all(tdb.db.reader())
        .await
        .unwrap();
    assert_eq!(stored.len(), 1000, "every email is marked sent");
    let repeats = ids.len() - distinct.len();
    let in_flight = kills * guildhall::jobs::outbox_worker::BATCH as usize;
    assert!(
        repeats <= in_flight,
        "at most the emails in flight at each kill (one batch) may go out again (same Message-ID): {repeats} repeats after {kills} kills"
    );
    eprintln!(
        "crash test ({backend:?}, {instances} instance(s)): {} deliveries of 1000 emails after {kills} kills",
        ids.len()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pl4_crash_loses_no_email_sqlite() {
    crash_test(Backend::Sqlite, 1).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pl4_crash_loses_no_email_postgres() {
    crash_test(Backend::Postgres, 1).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pl4_crash_loses_no_email_postgres_two_instances() {
    crash_test(Backend::Postgres, 2).await;
}

on_both!(
    ug17_a_moved_meetup_reaches_everyone_registered_or_waiting_with_an_updated_invitation,
    |backend: Backend| async move {
        let (sink, port) = SmtpSink::start();
        let Some(w) = common::world::world_with(backend, common::sending_to(port)).await else {
            return;
        };
        let ev = w.published(1).await;
        let people = w.app.members_with_tokens("moved", 2).await;
        let (_, seat) = w.register(&ev, &people[0].2).await;
        let (_, wait) = w.register(&ev, &people[1].2).await;
        assert_eq!((seat["status"].as_str(), wait["status"].as_str()), (Some("confirmed"), Some("waitlisted")));
        let to_both = |subject: &'static str| {
            let sink = &sink;
            move || {
                let got = sink.received();
                async move {
                    ["moved0@example.org", "moved1@example.org"]
                        .iter()
                        .all(|to| got.iter().any(|m| m.contains(&format!("To: {to}")) && m.contains(subject)))
                }
            }
        };
        // A new title alone tells nobody.
        let patch = format!("/api/v1/events/{ev}");
        let (s, _) =
            w.app.api(Method::PATCH, &patch, Some(&w.leader), Some(json!({"title": "Minimal APIs, revisited"}))).await;
        assert_eq!(s, 200);
        // Moved an hour later: both hear of it, with the same UID as the feed and SEQUENCE 1.
        let (_, e) = w.app.api(Method::GET, &patch, None, None).await;
        let start = chrono::DateTime::parse_from_rfc3339(e["starts_at"].as_str().unwrap()).unwrap()
            + chrono::Duration::hours(1);
        let end = start + chrono::Duration::hours(2);
        let body = json!({"starts_at": start.to_rfc3339(), "ends_at": end.to_rfc3339()});
        let (s, b) = w.app.api(Method::PATCH, &patch, Some(&w.leader), Some(body)).await;
        assert_eq!(s, 200, "{b}");
        assert!(common::eventually(to_both("Subject: Changed: Minimal APIs, revisited")).await, "both emailed");
        let feed =
            w.app.client.get(w.app.url(&format!("/events/{ev}.ics"))).send().await.unwrap().text().await.unwrap();
        let feed_props = vevent_props(&feed);
        let got = sink.received();
        assert_eq!(got.iter().filter(|m| m.contains("Changed:")).count(), 2, "once each, and nobody for the title");
        for (to, partstat) in [("moved0@example.org", "ACCEPTED"), ("moved1@example.org", "TENTATIVE")] {
            let raw = got.iter().find(|m| m.contains(&format!("To: {to}")) && m.contains("Changed:")).unwrap();
            let text = mailparse::parse_mail(raw.as_bytes()).unwrap();
            let plain = text
                .subparts
                .iter()
                .flat_map(|p| std::iter::once(p).chain(p.subparts.iter()))
                .find(|p| p.ctype.mimetype == "text/plain")
                .unwrap()
                .get_body()
                .unwrap();
            assert!(plain.contains("When: ") && plain.contains("→ now"), "{plain}");
            let (method, ics) = calendar_part(raw).expect("a calendar part");
            assert_eq!(method, "REQUEST");
            let props = vevent_props(&ics);
            assert_eq!(prop(&props, "UID"), prop(&feed_props, "UID"), "the same identity as the feed");
            assert_eq!((prop(&props, "SEQUENCE").as_str(), prop(&feed_props, "SEQUENCE").as_str()), ("1", "1"));
            assert_eq!(prop(&props, "DTSTART"), start.with_timezone(&Utc).format("%Y%m%dT%H%M%SZ").to_string());
            let attendee = props.iter().find(|p| p.name == "ATTENDEE").unwrap();
            let params = format!("{:?}", attendee.params);
            assert!(params.contains(partstat), "{to}: {params}");
            assert_eq!(attendee.value.as_deref(), Some(format!("mailto:{to}").as_str()));
            assert!(prop(&props, "ORGANIZER").starts_with("mailto:"), "{ics}");
        }
        // A new online link: told again, SEQUENCE 2; the link itself is not in the email.
        let (s, _) = w
            .app
            .api(
                Method::PATCH,
                &patch,
                Some(&w.leader),
                Some(json!({"online_link": "https://meet.example.org/new-room"})),
            )
            .await;
        assert_eq!(s, 200);
        let twice = || {
            let got = sink.received();
            async move { got.iter().filter(|m| m.contains("Changed:")).count() == 4 }
        };
        assert!(common::eventually(twice).await);
        let latest = sink.received().into_iter().rev().find(|m| m.contains("To: moved1@example.org")).unwrap();
        assert!(!latest.contains("new-room"), "the waiting list never gets the link");
        assert_eq!(prop(&vevent_props(&calendar_part(&latest).unwrap().1), "SEQUENCE"), "2");
        w.app.stop().await;
    }
);

on_both!(pl4_optional_emails_carry_a_one_click_unsubscribe_and_obey_it, |backend: Backend| async move {
    let (sink, port) = SmtpSink::start();
    let Some(w) = common::world::world_with(backend, common::sending_to(port)).await else {
        return;
    };
    // Starting within the hour: inside the reminders' window.
    let ev = w.published_soon(3).await;
    let people = w.app.members_with_tokens("listener", 2).await;
    for p in &people {
        w.register(&ev, &p.2).await;
    }
    // They registered days ago, as most have by the time reminders go (a
    // place taken after a reminder's moment needs no reminder, UG-14).
    sqlx::query("UPDATE registrations SET updated_at = $1")
        .bind(guildhall_storage::time::to_db(Utc::now() - chrono::Duration::days(3)))
        .execute(w.app.db.reader())
        .await
        .unwrap();
    let message = |subject: &str| json!({"audience": "all", "subject": subject, "body": "Doors open at 18:30."});
    let messages = format!("/api/v1/events/{ev}/messages");
    let (s, b) = w.app.api(Method::POST, &messages, Some(&w.leader), Some(message("Doors"))).await;
    assert_eq!((s, b["recipients"].as_u64()), (202, Some(2)), "{b}");
    let arrived = |to: &'static str, subject: &'static str| {
        let sink = &sink;
        move || {
            let got = sink.received();
            async move { got.iter().any(|m| m.contains(&format!("To: {to}")) && m.contains(subject)) }
        }
    };
    assert!(common::eventually(arrived("listener0@example.org", "Doors")).await);
    let raw =
        sink.received().into_iter().find(|m| m.contains("To: listener0@example.org") && m.contains("Doors")).unwrap();
    let mail = mailparse::parse_mail(raw.as_bytes()).unwrap();
    use mailparse::MailHeaderMap;
    let link = mail.headers.get_first_value("List-Unsubscribe").expect("the organizers' message can be turned off");
    assert_eq!(mail.headers.get_first_value("List-Unsubscribe-Post").as_deref(), Some("List-Unsubscribe=One-Click"));
    let link = link.trim_start_matches('<').trim_end_matches('>');
    assert!(link.starts_with("http") && link.contains("/unsubscribe/"), "{link}");
    // The public address is configured; this test's server listens elsewhere.
    let url = w.app.url(&link[link.find("/unsubscribe/").unwrap()..]);
    // An essential email (the registration) has none. The outbox does not promise
    // to send in the order it queued, so wait for it as for the message.
    let registration =
        || sink.received().into_iter().find(|m| m.contains("To: listener0@example.org") && !m.contains("Doors"));
    assert!(
        common::eventually(|| {
            let got = registration();
            async move { got.is_some() }
        })
        .await
    );
    let registered = registration().unwrap();
    let registered = mailparse::parse_mail(registered.as_bytes()).unwrap();
    assert_eq!(registered.headers.get_first_value("List-Unsubscribe"), None);
    // A forged link is refused and changes nothing; opening the real one only asks.
    let forged = format!("{}x", url.trim_end_matches(|c: char| c.is_ascii_hexdigit()));
    let stranger = reqwest::Client::new();
    let res = stranger.post(&forged).form(&[("List-Unsubscribe", "One-Click")]).send().await.unwrap();
    assert_eq!(res.status(), 410);
    let page = stranger.get(&url).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Stop receiving these emails"), "{page}");
    let (_, prefs) = w.app.api(Method::GET, "/api/v1/me/email-preferences", Some(&people[0].2), None).await;
    assert_eq!(prefs, json!({"reminders": true, "announcements": true}));
    // The mail client's one-click POST, with no session and no form token.
    let res = stranger.post(&url).form(&[("List-Unsubscribe", "One-Click")]).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("you will no longer receive these emails"));
    let (_, prefs) = w.app.api(Method::GET, "/api/v1/me/email-preferences", Some(&people[0].2), None).await;
    assert_eq!(prefs, json!({"reminders": true, "announcements": false}));
    // The next message reaches only the one who still wants it.
    let (s, b) = w.app.api(Method::POST, &messages, Some(&w.leader), Some(message("Parking"))).await;
    assert_eq!((s, b["recipients"].as_u64()), (202, Some(1)), "{b}");
    assert!(common::eventually(arrived("listener1@example.org", "Parking")).await);
    let got = sink.received();
    assert!(!got.iter().any(|m| m.contains("To: listener0@example.org") && m.contains("Parking")), "opted out");
    // By the API, the other turns reminders off; by the page, the first turns announcements back on.
    let (s, b) = w
        .app
        .api(
            Method::PUT,
            "/api/v1/me/email-preferences",
            Some(&people[1].2),
            Some(json!({"reminders": false, "announcements": true})),
        )
        .await;
    assert_eq!((s, b), (200, json!({"reminders": false, "announcements": true})));
    let queued = guildhall::services::registrations::send_reminders(&w.app.state.services, Utc::now()).await.unwrap();
    assert_eq!(queued, 1, "the reminder goes to the one who keeps them only");
    let browser = w.app.browser_for(people[0].0).await;
    let res = common::post_form(
        &browser,
        &w.app,
        "/account/emails",
        "/account/emails",
        &[("announcements", "1"), ("reminders", "1")],
    )
    .await;
    assert_eq!(res.status(), 303);
    let html = browser.get(w.app.url("/account/emails?saved=1")).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("Your email preferences were saved"));
    let (_, prefs) = w.app.api(Method::GET, "/api/v1/me/email-preferences", Some(&people[0].2), None).await;
    assert_eq!(prefs, json!({"reminders": true, "announcements": true}));
});
