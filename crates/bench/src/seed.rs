//! The data a benchmark needs: an admin token, a group with a realistic
//! event page, a 1,000-seat event, and 10,000 members with API tokens.

use chrono::{Duration, Utc};
use guildhall::auth::secrets;
use guildhall_domain::access::Role;
use guildhall_domain::ids::MemberId;
use guildhall_domain::values::{DisplayName, EmailAddress, Locale};
use guildhall_storage::members::{self, NewMember};
use guildhall_storage::{tokens, Db};
use serde_json::{json, Value};

use crate::server::Server;

pub const RUSH_MEMBERS: usize = 10_000;
pub const RUSH_SEATS: i64 = 1_000;

pub struct World {
    pub slug: String,
    pub page_event: String,
    pub rush_event: String,
    /// Bearer tokens of the rush's members.
    pub tokens: Vec<String>,
    /// A signed-in member's session cookie, for pages rendered every time.
    pub session_cookie: String,
}

pub async fn members_with_tokens(db: &Db, prefix: &str, n: usize) -> anyhow::Result<Vec<(MemberId, String)>> {
    let now = Utc::now();
    let mut out = Vec::with_capacity(n);
    for chunk in 0..n.div_ceil(1000) {
        let mut tx = db.begin().await?;
        for i in chunk * 1000..((chunk + 1) * 1000).min(n) {
            let email = EmailAddress::parse(&format!("{prefix}{i}@example.org"))?;
            let name = DisplayName::parse(&format!("{prefix} {i}"))?;
            let new = NewMember { email: &email, name: &name, password_hash: None, verified: true, locale: Locale::En };
            let id = members::insert(&mut tx, new, now).await?;
            let token = secrets::new_token();
            tokens::create(&mut tx, id, "bench", &secrets::hash_token(&token), now).await?;
            out.push((id, token));
        }
        tx.commit().await?;
    }
    Ok(out)
}

/// One API call that must succeed; its JSON answer.
pub async fn call(
    base: &str,
    method: reqwest::Method,
    path: &str,
    token: &str,
    body: Option<Value>,
) -> anyhow::Result<Value> {
    let mut req = reqwest::Client::new().request(method, format!("{base}{path}")).bearer_auth(token);
    if let Some(b) = body {
        req = req.json(&b);
    }
    let res = req.send().await?;
    let status = res.status();
    let v: Value = res.json().await.unwrap_or(Value::Null);
    anyhow::ensure!(status.is_success(), "{path}: {status} {v}");
    Ok(v)
}

pub async fn world(srv: &Server) -> anyhow::Result<World> {
    let (admin, admin_token) = members_with_tokens(&srv.db, "admin", 1).await?.remove(0);
    let mut tx = srv.db.begin().await?;
    members::grant(&mut tx, admin, Role::Admin, None, Utc::now()).await?;
    tx.commit().await?;
    let post = reqwest::Method::POST;
    let region = call(
        &srv.base,
        post.clone(),
        "/api/v1/regions",
        &admin_token,
        Some(json!({"name": "Iberia", "currency": "EUR"})),
    )
    .await?;
    call(
        &srv.base,
        post.clone(),
        "/api/v1/groups",
        &admin_token,
        Some(json!({"region_id": region["id"], "name": "Lisboa .NET", "city": "Lisboa", "country": "PT",
            "time_zone": "Europe/Lisbon", "description": "Monthly meetups about the platform.\n\nEveryone welcome.",
            "leaders": ["admin0@example.org"]})),
    )
    .await?;
    let venue = call(
        &srv.base,
        post.clone(),
        "/api/v1/venues",
        &admin_token,
        Some(json!({"name": "LX Factory", "address": "Rua Rodrigues de Faria 103", "city": "Lisboa", "country": "PT", "kind": "event_space"})),
    )
    .await?;
    let venue_id = venue["id"].clone();
    let mut ids = Vec::new();
    for (i, (title, capacity)) in
        [("Observability without the bill shock", 120), ("Rush night", RUSH_SEATS)].iter().enumerate()
    {
        let start = Utc::now() + Duration::days(7 + i as i64);
        let ev = call(
            &srv.base,
            post.clone(),
            "/api/v1/groups/lisboa-net/events",
            &admin_token,
            Some(json!({"title": title, "description": "Talks and conversation.\n\nDoors open at 18:15.",
                "starts_at": start.to_rfc3339(), "ends_at": (start + Duration::hours(2)).to_rfc3339(),
                "capacity": capacity, "venue_id": venue_id, "online_link": "https://meet.example.org/x",
                "promotion_links": ["https://blog.example.org/post"]})),
        )
        .await?;
        let id = ev["id"].as_str().unwrap_or_default().to_owned();
        call(&srv.base, post.clone(), &format!("/api/v1/events/{id}/publish"), &admin_token, None).await?;
        ids.push(id);
    }
    // Some people on the page event, so its numbers are real.
    let crowd = members_with_tokens(&srv.db, "crowd", 80).await?;
    for (_, t) in &crowd {
        call(&srv.base, post.clone(), &format!("/api/v1/events/{}/registrations", ids[0]), t, None).await?;
    }
    let (member, _) = crowd[0].clone();
    let session = secrets::new_token();
    let mut tx = srv.db.begin().await?;
    guildhall_storage::sessions::create_session(
        &mut tx,
        &secrets::hash_token(&session),
        member,
        Utc::now(),
        Utc::now() + Duration::days(1),
    )
    .await?;
    tx.commit().await?;
    let rush = members_with_tokens(&srv.db, "rush", RUSH_MEMBERS).await?;
    Ok(World {
        slug: "lisboa-net".into(),
        page_event: ids[0].clone(),
        rush_event: ids[1].clone(),
        tokens: rush.into_iter().map(|(_, t)| t).collect(),
        session_cookie: format!("{}={session}", guildhall::auth::identity::SESSION_COOKIE),
    })
}
