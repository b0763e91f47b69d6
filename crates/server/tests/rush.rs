//! UG-14, never overbooked: 1,000 distinct members register at once over
//! HTTP for a 100-seat event. Exactly 100 are confirmed and 900 wait with
//! positions 1 to 900, no gaps, no repeats, nobody lost. On SQLite, on
//! PostgreSQL, and with two server instances sharing one PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeSet;

use common::world::world;
use guildhall::{AppState, Config, Server};
use guildhall_storage::{Backend, Db};
use reqwest::Method;
use serde_json::Value;
use tokio::task::JoinSet;

const PEOPLE: usize = 1000;
const SEATS: i64 = 100;

/// Fires every registration at once, spread over `bases`, and checks the
/// answers and the stored rows.
async fn rush(backend: Backend, instances: usize) {
    let Some(w) = world(backend).await else { return };
    let ev = w.published(SEATS).await;
    let people = w.app.members_with_tokens("rush", PEOPLE).await;

    let mut bases = vec![w.app.base.clone()];
    let mut extra = Vec::new();
    for _ in 1..instances {
        let db = Db::connect(&w.app.tdb.url, 10).await.expect("second instance connects");
        let mut config = Config::local(&w.app.tdb.url);
        config.bind = ([127, 0, 0, 1], 0).into();
        config.run_worker = false;
        let server = Server::start(AppState::new(db, config)).await.expect("second instance starts");
        bases.push(format!("http://{}", server.addr));
        extra.push(server);
    }

    let client = reqwest::Client::builder().pool_max_idle_per_host(PEOPLE).build().unwrap();
    let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(PEOPLE));
    let mut tasks = JoinSet::new();
    for (i, (member, _, token)) in people.iter().enumerate() {
        let url = format!("{}/api/v1/events/{ev}/registrations", bases[i % bases.len()]);
        let (client, token, barrier, member) = (client.clone(), token.clone(), barrier.clone(), *member);
        tasks.spawn(async move {
            barrier.wait().await;
            let res = client.post(url).bearer_auth(token).send().await.expect("request sent");
            let status = res.status().as_u16();
            let body: Value = res.json().await.expect("json answer");
            (member, status, body)
        });
    }
    let mut confirmed = BTreeSet::new();
    let mut positions = Vec::new();
    while let Some(done) = tasks.join_next().await {
        let (member, status, body) = done.expect("task finished");
        assert_eq!(status, 201, "{body}");
        match body["status"].as_str() {
            Some("confirmed") => assert!(confirmed.insert(member)),
            Some("waitlisted") => positions.push(body["waitlist_position"].as_i64().expect("position")),
            other => panic!("unexpected status {other:?}"),
        }
    }
    assert_eq!(confirmed.len(), SEATS as usize, "exactly the seats are confirmed");
    positions.sort_unstable();
    let expected: Vec<i64> = (1..=(PEOPLE as i64 - SEATS)).collect();
    assert_eq!(positions, expected, "positions 1 to 900 without gaps or repeats");

    // What is stored agrees with what was answered, and nobody is lost.
    let (s, list) = w.app.api(Method::GET, &format!("/api/v1/events/{ev}/registrations"), Some(&w.leader), None).await;
    assert_eq!(s, 200);
    let list = list.as_array().expect("list");
    assert_eq!(list.len(), PEOPLE);
    let stored_confirmed: BTreeSet<String> = list
        .iter()
        .filter(|a| a["status"] == "confirmed")
        .map(|a| a["member_id"].as_str().unwrap_or_default().to_owned())
        .collect();
    let answered: BTreeSet<String> = confirmed.iter().map(|m| m.to_string()).collect();
    assert_eq!(stored_confirmed, answered);
    let stored_positions: Vec<i64> = list.iter().filter_map(|a| a["waitlist_position"].as_i64()).collect();
    assert_eq!(stored_positions, expected);
    // Once the rush is over, the instance keeps no queue for the event
    // (and it did hold some: its share of the rush went through it).
    let registrar = &w.app.state.services.registrar;
    assert!(registrar.batches() > 0, "this instance wrote batches");
    assert!(common::eventually(|| async { registrar.queues() == 0 }).await, "the registrar freed the event's queue");
    for s in extra {
        s.stop().await;
    }
    w.app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ug14_rush_on_sqlite() {
    rush(Backend::Sqlite, 1).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ug14_rush_on_postgres() {
    rush(Backend::Postgres, 1).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ug14_rush_on_two_instances_sharing_postgres() {
    rush(Backend::Postgres, 2).await;
}
