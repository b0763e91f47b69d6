//! PL-4: the outbox worker delivers over real SMTP on loopback, and a
//! killed server neither loses an email nor sends one twice (beyond the one
//! in flight at the kill, which keeps its Message-ID).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chrono::Utc;
use common::*;
use guildhall_domain::values::EmailAddress;
use guildhall_storage::outbox::{self, NewEmail};
use guildhall_storage::testing::TestDb;
use guildhall_storage::Backend;

on_both!(pl4_worker_sends_over_smtp, |backend: Backend| async move {
    let (sink, port) = SmtpSink::start();
    let Some(app) = TestApp::spawn_with(backend, |c| {
        c.run_worker = true;
        c.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
        c.worker_poll_ms = 100;
    })
    .await
    else {
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
