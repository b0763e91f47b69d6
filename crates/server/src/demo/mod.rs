//! `serve --demo`: believable data for a newcomer, added once to an empty
//! database through the same services a person would use.

use chrono::Utc;
use guildhall_domain::access::Role;
use guildhall_domain::values::{DisplayName, EmailAddress, Locale, Password};
use guildhall_storage::members::{self, NewMember};
use guildhall_storage::{audit, regions};
use serde_json::json;

use crate::app::AppState;
use crate::auth::secrets::hash_password;
use crate::services::entry;

mod governance;
mod groups;
mod programs;
mod series;

/// The password every demo account shares (printed at start).
pub const DEMO_PASSWORD: &str = "guildhall-demo";

const REGIONS: &[(&str, &str)] = &[
    ("Iberia", "EUR"),
    ("DACH", "EUR"),
    ("UK & Ireland", "GBP"),
    ("Brazil", "BRL"),
    ("North America East", "USD"),
    ("India South", "INR"),
];

const PEOPLE: &[(&str, &str, Option<usize>)] = &[
    ("Marta Nogueira", "marta.nogueira@example.org", Some(0)),
    ("Jonas Keller", "jonas.keller@example.org", Some(1)),
    ("Aoife Byrne", "aoife.byrne@example.org", Some(2)),
    ("Rafael Costa", "rafael.costa@example.org", Some(3)),
    ("Dana Whitfield", "dana.whitfield@example.org", Some(4)),
    ("Priya Raman", "priya.raman@example.org", Some(5)),
    ("Tomás Ferreira", "tomas.ferreira@example.org", None),
    ("Lena Vogt", "lena.vogt@example.org", None),
    ("Kwame Mensah", "kwame.mensah@example.org", None),
    ("Sofia Lindqvist", "sofia.lindqvist@example.org", None),
    ("Arjun Mehta", "arjun.mehta@example.org", None),
    ("Beatriz Almeida", "beatriz.almeida@example.org", None),
];

/// Adds the demo data unless the database already has regions.
pub async fn fill(state: &AppState) -> anyhow::Result<()> {
    if !regions::list(state.services.db.reader()).await?.is_empty() {
        tracing::info!("demo: database already has data, leaving it as it is");
        return Ok(());
    }
    let now = Utc::now();
    let hash = hash_password(&Password::parse(DEMO_PASSWORD)?).await?;
    let mut tx = state.services.db.begin().await?;
    let mut region_ids = Vec::new();
    for (name, currency) in REGIONS {
        let id = regions::insert(
            &mut tx,
            &guildhall_domain::values::RegionName::parse(name)?,
            guildhall_domain::values::Currency::parse(currency)?,
            now,
        )
        .await?;
        audit::record(
            &mut tx,
            entry(None, "region.created", "region", id, Some("demo data"), json!({"name": name})),
            now,
        )
        .await?;
        region_ids.push(id);
    }
    let admin_email = EmailAddress::parse("admin@example.org")?;
    let admin_name = DisplayName::parse("Alex Admin")?;
    let new = NewMember {
        email: &admin_email,
        name: &admin_name,
        password_hash: Some(&hash),
        verified: true,
        locale: Locale::En,
    };
    let admin = members::insert(&mut tx, new, now).await?;
    members::grant(&mut tx, admin, Role::Admin, None, now).await?;
    let staff_email = EmailAddress::parse("staff@example.org")?;
    let staff_name = DisplayName::parse("Sam Staff")?;
    let new = NewMember {
        email: &staff_email,
        name: &staff_name,
        password_hash: Some(&hash),
        verified: true,
        locale: Locale::En,
    };
    let staff = members::insert(&mut tx, new, now).await?;
    members::grant(&mut tx, staff, Role::ProgramStaff, Some(admin), now).await?;
    for (i, (name, email, manages)) in PEOPLE.iter().enumerate() {
        let email = EmailAddress::parse(email)?;
        let name = DisplayName::parse(name)?;
        let locale = if i % 3 == 0 { Locale::Pt } else { Locale::En };
        let new = NewMember { email: &email, name: &name, password_hash: Some(&hash), verified: true, locale };
        let id = members::insert(&mut tx, new, now).await?;
        if let Some(r) = manages {
            members::grant(&mut tx, id, Role::CommunityManager(region_ids[*r]), Some(admin), now).await?;
            audit::record(
                &mut tx,
                entry(
                    Some(admin),
                    "role.granted",
                    "member",
                    id,
                    Some("demo data"),
                    json!({"role": "community_manager"}),
                ),
                now,
            )
            .await?;
        }
    }
    tx.commit().await?;
    let admin_actor = members::actor(state.services.db.reader(), admin).await?;
    let (events, crowd) = groups::fill(state, &admin_actor, &region_ids, &hash).await?;
    governance::fill(state, &admin_actor, &region_ids, &hash, &crowd).await?;
    // The demo's leaders have led their groups for years, so the past
    // events seeded above are theirs (CH-4 counts events held while leading).
    let mut tx = state.services.begin().await?;
    members::backdate_leader_terms(&mut tx, now - chrono::Duration::days(3 * 365)).await?;
    // …and the groups are as old: a quarter this year without an event
    // shows as missed on the region's board, not as "before it began".
    guildhall_storage::groups::backdate_created(&mut tx, now - chrono::Duration::days(3 * 365)).await?;
    tx.commit().await?;
    let staff_actor = members::actor(state.services.db.reader(), staff).await?;
    programs::fill(state, &staff_actor, &region_ids, &crowd).await?;
    series::fill(state, &crowd).await?;
    let groups = guildhall_storage::groups::all_listed(state.services.db.reader()).await?.len();
    println!("Demo data added: {} regions, {groups} groups, {events} events.", REGIONS.len());
    println!("Demo data added. Sign in as admin@example.org (or any demo member, e.g. marta.nogueira@example.org) with the password {DEMO_PASSWORD:?}.");
    Ok(())
}
