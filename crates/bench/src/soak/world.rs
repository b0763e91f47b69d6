//! What the soak's traffic works on: a group with small events (so seats
//! run out and waiting lists move), members with API tokens, Champions
//! with a benefit whose codes run out, and a contributions file to import.

use chrono::{Datelike, Duration, Utc};
use guildhall_domain::access::Role;
use guildhall_storage::{members, Db};
use serde_json::json;

use crate::seed::{call, members_with_tokens};

pub const EVENTS: usize = 6;
pub const CAPACITY: i64 = 12;
pub const MEMBERS: usize = 400;
pub const CHAMPIONS: usize = 40;
/// Fewer codes than Champions: late claimers find none left.
pub const CODES: usize = 30;
pub const SLUG: &str = "lisboa-net";

pub struct SoakWorld {
    pub admin_token: String,
    pub events: Vec<String>,
    /// Every member's API token; the first `CHAMPIONS` are Champions.
    pub tokens: Vec<String>,
    /// Their ids, in the same order.
    pub ids: Vec<String>,
    pub benefit: String,
    /// The year the soak's renewal run is for: the next one, which no
    /// instance opens by itself (on the renewal day each opens this year's
    /// at start, before any Champion is seeded, and closes it at once).
    pub renewal_year: i32,
    /// A CSV of forum answers for the Champions (PL-3), and its row count.
    pub csv: String,
    pub csv_rows: usize,
}

pub async fn seed(db: &Db, base: &str) -> anyhow::Result<SoakWorld> {
    let (admin, admin_token) = members_with_tokens(db, "soakadmin", 1).await?.remove(0);
    let mut tx = db.begin().await?;
    members::grant(&mut tx, admin, Role::Admin, None, Utc::now()).await?;
    tx.commit().await?;
    let post = reqwest::Method::POST;
    let t = admin_token.as_str();
    let region =
        call(base, post.clone(), "/api/v1/regions", t, Some(json!({"name": "Iberia", "currency": "EUR"}))).await?;
    call(
        base,
        post.clone(),
        "/api/v1/groups",
        t,
        Some(json!({"region_id": region["id"], "name": "Lisboa .NET", "city": "Lisboa", "country": "PT",
            "time_zone": "Europe/Lisbon", "description": "Monthly meetups about the platform.",
            "leaders": ["soakadmin0@example.org"]})),
    )
    .await?;
    let venue = call(
        base,
        post.clone(),
        "/api/v1/venues",
        t,
        Some(json!({"name": "LX Factory", "address": "Rua Rodrigues de Faria 103", "city": "Lisboa", "country": "PT", "kind": "event_space"})),
    )
    .await?;
    let mut events = Vec::new();
    for i in 0..EVENTS {
        // Within the door window (UG-14: check-in opens two hours before).
        let start = Utc::now() + Duration::minutes(60 + i as i64);
        let ev = call(
            base,
            post.clone(),
            &format!("/api/v1/groups/{SLUG}/events"),
            t,
            Some(json!({"title": format!("Meetup {}", i + 1), "description": "Talks and conversation.",
                "starts_at": start.to_rfc3339(), "ends_at": (start + Duration::hours(2)).to_rfc3339(),
                "capacity": CAPACITY, "venue_id": venue["id"]})),
        )
        .await?;
        let id = ev["id"].as_str().unwrap_or_default().to_owned();
        call(base, post.clone(), &format!("/api/v1/events/{id}/publish"), t, None).await?;
        events.push(id);
    }
    let members = members_with_tokens(db, "soak", MEMBERS).await?;
    let since = (Utc::now() - Duration::days(400)).date_naive().to_string();
    for (id, _) in members.iter().take(CHAMPIONS) {
        call(
            base,
            post.clone(),
            "/api/v1/programs/champions/memberships",
            t,
            Some(json!({"member_id": id.to_string(), "focus_area": "forums", "starts_on": since})),
        )
        .await?;
    }
    let codes: Vec<String> = (1..=CODES).map(|i| format!("SOAK-{i:04}")).collect();
    let benefit =
        call(base, post.clone(), "/api/v1/benefits", t, Some(json!({"name": "IDE licence", "codes": codes}))).await?;
    let day = (Utc::now() - Duration::days(30)).date_naive();
    let mut csv = String::from("email,title,source_key,kind,date,link,accepted\n");
    let mut csv_rows = 0;
    for i in 0..CHAMPIONS {
        for k in 0..3 {
            csv.push_str(&format!(
                "soak{i}@example.org,Answer {k},forum-{i}-{k},forum_solution,{day},https://forum.example.org/t/{i}{k},true\n"
            ));
            csv_rows += 1;
        }
    }
    Ok(SoakWorld {
        admin_token,
        events,
        ids: members.iter().map(|(id, _)| id.to_string()).collect(),
        tokens: members.into_iter().map(|(_, t)| t).collect(),
        benefit: benefit["id"].as_str().unwrap_or_default().to_owned(),
        renewal_year: Utc::now().year() + 1,
        csv,
        csv_rows,
    })
}
