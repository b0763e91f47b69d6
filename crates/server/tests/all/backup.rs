//! PL-10's online backup, with the real command (issue 7): `guildhall backup`
//! taken while 400 members rush a 40-seat event, then `guildhall restore`
//! into an empty database: the copy never holds more confirmed seats than
//! the event has, every confirmed registration has its ticket, and the
//! restored database serves. A restore refuses a database that is not
//! empty and a file that is not a backup. On SQLite and PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use std::process::Command;

use common::world::world;
use guildhall_storage::testing::TestDb;
use guildhall_storage::{Backend, Db};
use sqlx::Row;
use tokio::task::JoinSet;

const PEOPLE: usize = 400;
const SEATS: i64 = 40;

fn guildhall(url: &str, args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_guildhall"))
        .args(["--database-url", url])
        .args(args)
        .env("RUST_LOG", "warn")
        .output()
        .expect("the binary runs");
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.success(), text)
}

async fn backup_during_a_rush_restores_within_capacity(backend: Backend) {
    let Some(w) = world(backend).await else { return };
    let ev = w.published(SEATS).await;
    let people = w.app.members_with_tokens("bk", PEOPLE).await;
    let dir = std::env::temp_dir().join(format!("guildhall-backup-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("guildhall.backup");

    let client = reqwest::Client::builder().pool_max_idle_per_host(PEOPLE).build().unwrap();
    let mut tasks = JoinSet::new();
    for (_, _, token) in &people {
        let (client, token) = (client.clone(), token.clone());
        let url = w.app.url(&format!("/api/v1/events/{ev}/registrations"));
        tasks.spawn(async move { client.post(url).bearer_auth(token).send().await.map(|r| r.status().as_u16()) });
    }
    // The backup runs while registrations are being written.
    let (url, path) = (w.app.tdb.url.clone(), file.clone());
    let backup = tokio::task::spawn_blocking(move || guildhall(&url, &["backup", "--to", path.to_str().unwrap()]));
    let (ok, text) = backup.await.unwrap();
    assert!(ok, "{text}");
    while let Some(done) = tasks.join_next().await {
        assert_eq!(done.unwrap().unwrap(), 201);
    }
    let (ok, text) = guildhall(&w.app.tdb.url, &["backup", "--to", file.to_str().unwrap()]);
    assert!(!ok && text.contains("already exists"), "an existing file is never overwritten: {text}");

    // Restore into an empty database of the same kind.
    let (target, sqlite_dir, pg) = TestDb::fresh_url(backend).await.unwrap();
    let (ok, text) = guildhall(&target, &["restore", "--from", file.to_str().unwrap()]);
    assert!(ok, "{text}");
    let db = Db::connect(&target, 2).await.unwrap();
    let rows = sqlx::query("SELECT status, ticket_code FROM registrations WHERE event_id = $1")
        .bind(&ev)
        .fetch_all(db.reader())
        .await
        .unwrap();
    let confirmed: Vec<String> =
        rows.iter().filter(|r| r.get::<String, _>("status") == "confirmed").map(|r| r.get("ticket_code")).collect();
    assert!(confirmed.len() as i64 <= SEATS, "{} confirmed for {SEATS} seats", confirmed.len());
    assert!(confirmed.iter().all(|t| !t.is_empty()), "every confirmed registration has its ticket");
    let members: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM members").fetch_one(db.reader()).await.unwrap();
    assert!(members >= PEOPLE as i64, "the members are there: {members}");
    db.close().await;

    // A second restore into the now full database is refused; so is a file
    // that is not a backup.
    let (ok, text) = guildhall(&target, &["restore", "--from", file.to_str().unwrap()]);
    assert!(!ok && text.contains("not empty"), "{text}");
    let junk = dir.join("notes.txt");
    std::fs::write(&junk, "hello").unwrap();
    let (empty, other_dir, other_pg) = TestDb::fresh_url(backend).await.unwrap();
    let (ok, text) = guildhall(&empty, &["restore", "--from", junk.to_str().unwrap()]);
    assert!(!ok && text.contains("is not a Guildhall backup"), "{text}");

    for d in [sqlite_dir, other_dir, Some(dir)].into_iter().flatten() {
        let _ = std::fs::remove_dir_all(d);
    }
    for (admin, name) in [pg, other_pg].into_iter().flatten() {
        use sqlx::Connection;
        if let Ok(mut c) = sqlx::PgConnection::connect(&admin).await {
            let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&mut c).await;
        }
    }
}

on_both!(backup_taken_during_a_rush_restores_within_capacity, |backend| async move {
    backup_during_a_rush_restores_within_capacity(backend).await;
});

/// PL-12: a receipt lives in the database, so the backup holds it and a
/// restored database serves the very bytes, with no upload folder at all.
async fn a_receipt_survives_backup_and_restore(backend: Backend) {
    use reqwest::Method;
    let Some(g) = common::gov::gov(backend).await else { return };
    g.fee_schedule().await;
    let ev = g.held_event(g.group, chrono::Utc::now() - chrono::Duration::days(1), 2).await;
    let (s, c) = g
        .call(Method::POST, &format!("/api/v1/events/{ev}/claims"), &g.leader, Some(serde_json::json!({"venue": "80"})))
        .await;
    assert_eq!(s, 201, "{c}");
    let claim = c["id"].as_str().unwrap().to_owned();
    assert_eq!(g.upload_receipt(&claim, "venue.pdf").await, 201);
    let sent: Vec<u8> =
        sqlx::query_scalar("SELECT content FROM claim_receipts").fetch_one(g.app.db.reader()).await.unwrap();
    assert!(sent.starts_with(b"%PDF-"), "the bytes are in the database");
    let dir = std::env::temp_dir().join(format!("guildhall-receipt-backup-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("guildhall.backup");
    let (ok, text) = guildhall(&g.app.tdb.url, &["backup", "--to", file.to_str().unwrap()]);
    assert!(ok, "{text}");
    let (target, sqlite_dir, pg) = TestDb::fresh_url(backend).await.unwrap();
    let (ok, text) = guildhall(&target, &["restore", "--from", file.to_str().unwrap()]);
    assert!(ok, "{text}");
    // The restored database, served by a new instance with an empty upload folder.
    let db = Db::connect(&target, 4).await.unwrap();
    let mut config = guildhall::Config::local(&target);
    config.bind = ([127, 0, 0, 1], 0).into();
    config.run_worker = false;
    config.upload_dir = dir.join("empty-uploads");
    let server = guildhall::Server::start(guildhall::AppState::new(db, config)).await.unwrap();
    let (_, claim_body) = g.call(Method::GET, &format!("/api/v1/claims/{claim}"), &g.leader, None).await;
    let receipt = claim_body["receipts"][0]["id"].as_str().unwrap().to_owned();
    let got = g
        .app
        .client
        .get(format!("http://{}/api/v1/claims/{claim}/receipts/{receipt}", server.addr))
        .bearer_auth(&g.leader.token)
        .send()
        .await
        .unwrap();
    assert_eq!(got.status(), 200);
    assert_eq!(got.bytes().await.unwrap().to_vec(), sent, "the same bytes, from the restored copy");
    server.stop().await;
    for d in [sqlite_dir, Some(dir)].into_iter().flatten() {
        let _ = std::fs::remove_dir_all(d);
    }
    if let Some((admin, name)) = pg {
        use sqlx::Connection;
        if let Ok(mut c) = sqlx::PgConnection::connect(&admin).await {
            let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&mut c).await;
        }
    }
}

on_both!(pl12_a_receipt_survives_backup_and_restore_without_an_upload_folder, |backend| async move {
    a_receipt_survives_backup_and_restore(backend).await;
});
