//! PL-5: public pages for visitors are cached for a moment; members always
//! see them fresh, and a change made through this instance shows at once.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::world::World;
use common::{signed_up, TestApp};
use guildhall_domain::access::Role;
use guildhall_storage::Backend;
use reqwest::Method;
use serde_json::json;

async fn seats_line(c: &reqwest::Client, url: &str) -> String {
    let html = c.get(url).send().await.unwrap().text().await.unwrap();
    regex::Regex::new(r"\d+ of \d+ seats left").unwrap().find(&html).expect("seats line").as_str().to_owned()
}

on_both!(pl5_visitors_get_cached_pages_members_fresh_ones, |backend: Backend| async move {
    let Some(app) = TestApp::spawn_with(backend, |c| c.page_cache_ms = 60_000).await else { return };
    let (_, _, admin) = app.member_with_role("admin", Some(Role::Admin)).await;
    let (_, region) =
        app.api(Method::POST, "/api/v1/regions", Some(&admin), Some(json!({"name": "R", "currency": "EUR"}))).await;
    let (_, leader_email, leader) = app.member_with_role("leader", None).await;
    app.api(
        Method::POST,
        "/api/v1/groups",
        Some(&admin),
        Some(json!({"region_id": region["id"], "name": "Lisboa .NET", "city": "Lisboa", "country": "PT",
            "time_zone": "Europe/Lisbon", "description": "d", "leaders": [leader_email]})),
    )
    .await;
    let w = World { app, admin, leader, slug: "lisboa-net".into() };
    let ev = w.published(10).await;
    let url = w.app.url(&format!("/events/{ev}"));
    let visitor = reqwest::Client::new();
    assert_eq!(seats_line(&visitor, &url).await, "10 of 10 seats left");
    // A registration through this instance refreshes the page at once.
    let people = w.app.members_with_tokens("p", 2).await;
    w.register(&ev, &people[0].2).await;
    assert_eq!(seats_line(&visitor, &url).await, "9 of 10 seats left");
    // A change this instance did not make (another instance, say) shows to
    // visitors when the cached page expires; members see it at once.
    let id: guildhall_domain::ids::EventId = ev.parse().unwrap();
    let mut tx = w.app.db.begin().await.unwrap();
    guildhall_storage::registrations::insert(
        &mut tx,
        id,
        people[1].0,
        guildhall_domain::registration::RegistrationStatus::Confirmed,
        99,
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(seats_line(&visitor, &url).await, "9 of 10 seats left");
    let member = signed_up(&w.app, "fresh@example.org", "Fresh Eyes", "correct horse battery").await;
    assert_eq!(seats_line(&member, &url).await, "8 of 10 seats left");
    w.app.stop().await;
});

/// Settings are read once per instance; a change made on one instance is
/// heard by the others (PostgreSQL's NOTIFY), so none keeps old values.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn settings_changed_on_one_instance_are_seen_by_another() {
    use guildhall::{AppState, Config, Server};
    let Some(app) = TestApp::spawn(Backend::Postgres).await else { return };
    let (admin_id, _, _) = app.member_with_role("admin", Some(Role::Admin)).await;
    let admin = guildhall_storage::members::actor(app.db.reader(), admin_id).await.unwrap();
    let mut config = Config::local(&app.tdb.url);
    config.bind = ([127, 0, 0, 1], 0).into();
    config.run_worker = false;
    let other = AppState::new(guildhall_storage::Db::connect(&app.tdb.url, 4).await.unwrap(), config);
    let server = Server::start(other.clone()).await.unwrap();
    let key = "events.date_window_days";
    let read = || async { other.services.settings().await.unwrap().int(key) };

    // The other instance caches once its listener hears changes.
    let cached = common::eventually(|| async {
        let (a, b) = (other.services.settings().await.unwrap(), other.services.settings().await.unwrap());
        std::sync::Arc::ptr_eq(&a, &b)
    })
    .await;
    assert!(cached, "the second instance keeps a copy of the settings");
    assert_eq!(read().await, 1825);

    guildhall::services::settings::change(&app.state.services, &admin, key, "400", "a shorter window").await.unwrap();
    common::eventually(|| async { read().await == 400 }).await;
    let seen = read().await;
    assert_eq!(seen, 400, "the change reached the other instance");
    assert_eq!(app.state.services.settings().await.unwrap().int(key), 400, "and the instance that made it");
    server.stop().await;
    app.stop().await;
}

on_both!(settings_changed_through_the_service_are_seen_at_once, |backend: Backend| async move {
    let Some(app) = TestApp::spawn(backend).await else { return };
    let (admin_id, _, _) = app.member_with_role("admin", Some(Role::Admin)).await;
    let admin = guildhall_storage::members::actor(app.db.reader(), admin_id).await.unwrap();
    let key = "events.date_window_days";
    assert_eq!(app.state.services.settings().await.unwrap().int(key), 1825);
    guildhall::services::settings::change(&app.state.services, &admin, key, "30", "tight").await.unwrap();
    assert_eq!(app.state.services.settings().await.unwrap().int(key), 30);
    app.stop().await;
});
