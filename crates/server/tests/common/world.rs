//! A region, a group in Lisbon with one leader, and an admin: the world
//! most event tests start from.

use chrono::{Duration, Utc};
use guildhall_domain::access::Role;
use guildhall_storage::Backend;
use reqwest::Method;
use serde_json::{json, Value};

use super::TestApp;

pub struct World {
    pub app: TestApp,
    pub admin: String,
    pub leader: String,
    pub slug: String,
}

pub async fn world(backend: Backend) -> Option<World> {
    world_with(backend, |_| {}).await
}

/// The same world on a server configured by `tweak` (a mailer, SMTP...).
pub async fn world_with(backend: Backend, tweak: impl FnOnce(&mut guildhall::Config)) -> Option<World> {
    let app = TestApp::spawn_with(backend, tweak).await?;
    let (_, _, admin) = app.member_with_role("admin", Some(Role::Admin)).await;
    let (s, region) = app
        .api(Method::POST, "/api/v1/regions", Some(&admin), Some(json!({"name": "Iberia", "currency": "EUR"})))
        .await;
    assert_eq!(s, 201, "{region}");
    let (_, leader_email, leader) = app.member_with_role("leader", None).await;
    let (s, group) = app
        .api(
            Method::POST,
            "/api/v1/groups",
            Some(&admin),
            Some(json!({
                "region_id": region["id"], "name": "Lisboa .NET", "city": "Lisboa", "country": "PT",
                "time_zone": "Europe/Lisbon", "description": "Monthly meetups.", "leaders": [leader_email]
            })),
        )
        .await;
    assert_eq!(s, 201, "{group}");
    assert_eq!(group["slug"], "lisboa-net");
    Some(World { app, admin, leader, slug: "lisboa-net".into() })
}

impl World {
    /// A draft event `days` from now, two hours long, online.
    pub async fn draft(&self, capacity: i64, days: i64) -> String {
        self.draft_at(capacity, Utc::now() + Duration::days(days)).await
    }

    /// A draft event starting at `start`, two hours long, online.
    pub async fn draft_at(&self, capacity: i64, start: chrono::DateTime<Utc>) -> String {
        let (s, ev) = self
            .app
            .api(
                Method::POST,
                &format!("/api/v1/groups/{}/events", self.slug),
                Some(&self.leader),
                Some(json!({
                    "title": "Minimal APIs in depth", "starts_at": start.to_rfc3339(),
                    "ends_at": (start + Duration::hours(2)).to_rfc3339(), "capacity": capacity,
                    "online_link": "https://meet.example.org/abc"
                })),
            )
            .await;
        assert_eq!(s, 201, "{ev}");
        assert_eq!(ev["status"], "draft");
        ev["id"].as_str().unwrap().to_owned()
    }

    pub async fn published(&self, capacity: i64) -> String {
        self.publish(self.draft(capacity, 10).await).await
    }

    /// A published event starting within the hour: the door is open (UG-14).
    pub async fn published_soon(&self, capacity: i64) -> String {
        self.publish(self.draft_at(capacity, Utc::now() + Duration::hours(1)).await).await
    }

    async fn publish(&self, id: String) -> String {
        let (s, ev) =
            self.app.api(Method::POST, &format!("/api/v1/events/{id}/publish"), Some(&self.leader), None).await;
        assert_eq!(s, 200, "{ev}");
        id
    }

    /// A member signed in through the pages who leads the world's group.
    pub async fn leader_browser(&self, email: &str) -> reqwest::Client {
        let c = super::signed_up(&self.app, email, "Door Leader", "correct horse battery").await;
        let reader = self.app.db.reader();
        let m = guildhall_storage::members::by_email(
            reader,
            &guildhall_domain::values::EmailAddress::parse(email).unwrap(),
        )
        .await
        .unwrap()
        .unwrap();
        let g = guildhall_storage::groups::by_slug(reader, &self.slug).await.unwrap().unwrap();
        let mut tx = self.app.db.begin().await.unwrap();
        guildhall_storage::members::grant(&mut tx, m.id, Role::GroupLeader(g.id), None, Utc::now()).await.unwrap();
        tx.commit().await.unwrap();
        c
    }

    pub async fn register(&self, event: &str, token: &str) -> (u16, Value) {
        self.app.api(Method::POST, &format!("/api/v1/events/{event}/registrations"), Some(token), None).await
    }
}
