//! A region with a community manager, two groups (each with a leader),
//! program staff, an admin and a plain member: the world of the governance
//! tests (UG-2 to UG-13).

use chrono::{DateTime, Duration, Utc};
use guildhall_domain::access::Role;
use guildhall_domain::ids::{GroupId, MemberId, RegionId};
use guildhall_storage::Backend;
use reqwest::Method;
use serde_json::{json, Value};

use super::TestApp;

pub struct Person {
    pub id: MemberId,
    pub email: String,
    pub token: String,
}

pub struct Gov {
    pub app: TestApp,
    pub region: RegionId,
    pub other_region: RegionId,
    pub admin: Person,
    pub manager: Person,
    pub other_manager: Person,
    pub staff: Person,
    pub leader: Person,
    pub other_leader: Person,
    pub member: Person,
    /// Slug and id of the leader's group, and of the other leader's group
    /// (same region).
    pub slug: String,
    pub group: GroupId,
    pub other_slug: String,
}

async fn person(app: &TestApp, prefix: &str, role: Option<Role>) -> Person {
    let (id, email, token) = app.member_with_role(prefix, role).await;
    Person { id, email, token }
}

pub async fn gov(backend: Backend) -> Option<Gov> {
    gov_with(backend, |_| {}).await
}

/// [`gov`] on a server whose configuration `tweak` changes (a worker and
/// real SMTP, say).
pub async fn gov_with(backend: Backend, tweak: impl FnOnce(&mut guildhall::Config)) -> Option<Gov> {
    let app = TestApp::spawn_with(backend, tweak).await?;
    let admin = person(&app, "admin", Some(Role::Admin)).await;
    let mut regions = Vec::new();
    for (name, cur) in [("Iberia", "EUR"), ("Nordics", "SEK")] {
        let (s, r) = app
            .api(Method::POST, "/api/v1/regions", Some(&admin.token), Some(json!({"name": name, "currency": cur})))
            .await;
        assert_eq!(s, 201, "{r}");
        regions.push(r["id"].as_str().unwrap().parse::<RegionId>().unwrap());
    }
    let manager = person(&app, "manager", Some(Role::CommunityManager(regions[0]))).await;
    let other_manager = person(&app, "nordmanager", Some(Role::CommunityManager(regions[1]))).await;
    let staff = person(&app, "staff", Some(Role::ProgramStaff)).await;
    let leader = person(&app, "leader", None).await;
    let other_leader = person(&app, "otherleader", None).await;
    let member = person(&app, "member", None).await;
    let mut slugs = Vec::new();
    for (name, city, who) in [("Lisboa Devs", "Lisboa", &leader), ("Porto Devs", "Porto", &other_leader)] {
        let (s, g) = app
            .api(
                Method::POST,
                "/api/v1/groups",
                Some(&admin.token),
                Some(json!({
                    "region_id": regions[0].to_string(), "name": name, "city": city, "country": "PT",
                    "time_zone": "Europe/Lisbon", "description": "Monthly meetups.", "leaders": [who.email]
                })),
            )
            .await;
        assert_eq!(s, 201, "{g}");
        slugs.push((g["slug"].as_str().unwrap().to_owned(), g["id"].as_str().unwrap().parse::<GroupId>().unwrap()));
    }
    // The world's leaders have led their groups for two years (CH-4 counts
    // the events held while one led).
    let mut tx = app.db.begin().await.unwrap();
    guildhall_storage::members::backdate_leader_terms(&mut tx, Utc::now() - Duration::days(730)).await.unwrap();
    tx.commit().await.unwrap();
    Some(Gov {
        app,
        region: regions[0],
        other_region: regions[1],
        admin,
        manager,
        other_manager,
        staff,
        leader,
        other_leader,
        member,
        slug: slugs[0].0.clone(),
        group: slugs[0].1,
        other_slug: slugs[1].0.clone(),
    })
}

impl Gov {
    pub async fn call(&self, method: Method, path: &str, who: &Person, body: Option<Value>) -> (u16, Value) {
        self.app.api(method, path, Some(&who.token), body).await
    }

    /// A draft event of the leader's group, `days` from now.
    pub async fn draft(&self, venue: Option<&str>, days: i64) -> String {
        let start = Utc::now() + Duration::days(days);
        let mut body = json!({
            "title": "Observability without vendors", "starts_at": start.to_rfc3339(),
            "ends_at": (start + Duration::hours(2)).to_rfc3339(), "capacity": 40,
        });
        match venue {
            Some(v) => body["venue_id"] = json!(v),
            None => body["online_link"] = json!("https://meet.example.org/obs"),
        }
        let (s, ev) =
            self.call(Method::POST, &format!("/api/v1/groups/{}/events", self.slug), &self.leader, Some(body)).await;
        assert_eq!(s, 201, "{ev}");
        ev["id"].as_str().unwrap().to_owned()
    }

    /// A published event of the leader's group, `days` from now.
    pub async fn published(&self, venue: Option<&str>, days: i64) -> String {
        let ev = self.draft(venue, days).await;
        let (s, body) = self.call(Method::POST, &format!("/api/v1/events/{ev}/publish"), &self.leader, None).await;
        assert_eq!(s, 200, "{body}");
        ev
    }

    pub async fn venue(&self, kind: &str) -> String {
        let (s, v) = self
            .call(
                Method::POST,
                "/api/v1/venues",
                &self.leader,
                Some(json!({"name": format!("A {kind}"), "address": "Rua 1", "city": "Lisboa", "country": "PT", "kind": kind})),
            )
            .await;
        assert_eq!(s, 201, "{v}");
        v["id"].as_str().unwrap().to_owned()
    }

    /// A completed event of `group` that started at `at`, with `attendees`
    /// checked in: written straight to the database, as the past is.
    pub async fn held_event(&self, group: GroupId, at: DateTime<Utc>, attendees: usize) -> String {
        let id = guildhall_domain::ids::EventId::new().to_string();
        let t = at.timestamp_micros();
        let people = self.app.members_with_tokens(&format!("att{}x", &id[24..]), attendees).await;
        let mut tx = self.app.db.begin().await.unwrap();
        sqlx::query(
            "INSERT INTO events (id, group_id, title, starts_at, ends_at, capacity, online_link, status, created_at, updated_at)
             VALUES ($1, $2, 'Past meetup', $3, $4, 100, 'https://meet.example.org/x', 'completed', $3, $3)",
        )
        .bind(&id)
        .bind(group.to_string())
        .bind(t)
        .bind(t + 7_200_000_000)
        .execute(&mut *tx)
        .await
        .unwrap();
        for (i, (m, _, _)) in people.iter().enumerate() {
            sqlx::query(
                "INSERT INTO registrations (id, event_id, member_id, status, queue_seq, ticket_code, created_at, updated_at, checked_in_at)
                 VALUES ($1, $2, $3, 'confirmed', $4, $5, $6, $6, $6)",
            )
            .bind(uuid::Uuid::now_v7().to_string())
            .bind(&id)
            .bind(m.to_string())
            .bind(i as i64)
            .bind(format!("T{i:07}"))
            .bind(t)
            .execute(&mut *tx)
            .await
            .unwrap();
        }
        tx.commit().await.unwrap();
        id
    }

    /// The region's fee schedule (UG-13): venue 300, catering 200, other 50 EUR.
    pub async fn fee_schedule(&self) {
        let caps = json!({"venue": "300", "catering": "200", "other": "50"});
        let (s, b) = self
            .call(Method::PUT, &format!("/api/v1/regions/{}/fee-schedule", self.region), &self.admin, Some(caps))
            .await;
        assert_eq!(s, 200, "{b}");
    }

    /// The leader uploads a small PDF receipt to `claim`; returns the status.
    pub async fn upload_receipt(&self, claim: &str, name: &str) -> u16 {
        let pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".to_vec();
        let part = reqwest::multipart::Part::bytes(pdf).file_name(name.to_owned()).mime_str("application/pdf").unwrap();
        self.app
            .client
            .post(self.app.url(&format!("/api/v1/claims/{claim}/receipts")))
            .bearer_auth(&self.leader.token)
            .multipart(reqwest::multipart::Form::new().part("file", part))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16()
    }

    /// Changes a setting straight in the database (and tells this test's
    /// server to forget its copy, as the settings service would).
    pub async fn set_setting(&self, key: &str, value: &str) {
        let mut tx = self.app.db.begin().await.unwrap();
        sqlx::query("UPDATE settings SET value = $1 WHERE key = $2")
            .bind(value)
            .bind(key)
            .execute(&mut *tx)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        self.app.state.services.settings.forget();
    }

    /// UG-2: the booked interview of a leader application took place (its
    /// time moves an hour into the past, as the clock would).
    pub async fn interview_held(&self, application: &str) {
        let past = (Utc::now() - Duration::hours(1)).timestamp_micros();
        let mut tx = self.app.db.begin().await.unwrap();
        let done =
            sqlx::query("UPDATE leader_applications SET interview_at = $1 WHERE id = $2 AND interview_at IS NOT NULL")
                .bind(past)
                .bind(application)
                .execute(&mut *tx)
                .await
                .unwrap();
        assert_eq!(done.rows_affected(), 1, "an interview was booked");
        tx.commit().await.unwrap();
    }

    /// Every email queued to `to`, oldest first, as (subject, body).
    pub async fn emails_to(&self, to: &str) -> Vec<(String, String)> {
        use sqlx::Row;
        sqlx::query("SELECT subject, body_text FROM outbox WHERE to_address = $1 ORDER BY id")
            .bind(to)
            .fetch_all(self.app.db.reader())
            .await
            .unwrap()
            .iter()
            .map(|r| (r.get("subject"), r.get("body_text")))
            .collect()
    }
}

/// A browser signed in as `who` (a session made in the database), or a
/// visitor's browser.
pub async fn page_client(g: &Gov, who: Option<&Person>) -> reqwest::Client {
    match who {
        Some(p) => g.app.browser_for(p.id).await,
        // A visitor's browser keeps cookies too (the form token's).
        None => {
            reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap()
        }
    }
}
