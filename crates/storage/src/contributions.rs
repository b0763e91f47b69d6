//! Contributions (PL-2): stored ones (imported, self-reported, entered by
//! staff) and the ones derived from this platform's own events (events
//! held by a group the member leads, sessions delivered at held events),
//! which are computed on every read so they vanish if an event stops
//! counting as held.

use chrono::{DateTime, NaiveDate, Utc};
use guildhall_domain::contribution::{Contribution, Details, Source, Verification};
use guildhall_domain::ids::MemberId;
use guildhall_domain::values::WebLink;
use sqlx::any::AnyRow;
use sqlx::{AnyPool, Row};

use crate::time::{from_db, to_db};
use crate::{StorageError, Tx};

/// A contribution with what pages and the API show of it.
#[derive(Clone, Debug)]
pub struct Stored {
    /// None for derived contributions (they have no row).
    pub id: Option<String>,
    pub title: String,
    pub contribution: Contribution,
    pub created_at: Option<DateTime<Utc>>,
}

fn from_row(r: &AnyRow) -> Result<Stored, StorageError> {
    let corrupt = |w: &str| StorageError::Corrupt(format!("contribution {w}"));
    let details: Details = serde_json::from_str(&r.try_get::<String, _>("details")?).map_err(|_| corrupt("details"))?;
    let link = r
        .try_get::<Option<String>, _>("link")?
        .map(|l| WebLink::parse(&l, "link"))
        .transpose()
        .map_err(|_| corrupt("link"))?;
    Ok(Stored {
        id: Some(r.try_get("id")?),
        title: r.try_get("title")?,
        contribution: Contribution {
            details,
            date: NaiveDate::parse_from_str(&r.try_get::<String, _>("happened_on")?, "%Y-%m-%d")
                .map_err(|_| corrupt("date"))?,
            link,
            source: Source::parse(&r.try_get::<String, _>("source")?).map_err(|_| corrupt("source"))?,
            verification: Verification::parse(&r.try_get::<String, _>("verification")?)
                .map_err(|_| corrupt("verification"))?,
        },
        created_at: Some(from_db(r.try_get("created_at")?)),
    })
}

/// A contribution to store. `source_key` identifies it in its source (a
/// forum post id, a feed entry id, a CSV row's key); the same key twice is
/// stored once (PL-3).
pub struct NewContribution<'a> {
    pub member: MemberId,
    pub title: &'a str,
    pub contribution: &'a Contribution,
    pub source_key: &'a str,
    pub by: Option<MemberId>,
}

/// Stores a contribution; `None` when the same source key was already
/// stored for this member (an idempotent import).
pub async fn insert(tx: &mut Tx, c: NewContribution<'_>, now: DateTime<Utc>) -> Result<Option<String>, StorageError> {
    let id = uuid::Uuid::now_v7().to_string();
    let details = serde_json::to_string(&c.contribution.details).map_err(|e| StorageError::Corrupt(e.to_string()))?;
    let done = sqlx::query(
        "INSERT INTO contributions (id, member_id, kind, details, happened_on, link, title, source, source_key,
             verification, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (member_id, source, source_key) DO NOTHING",
    )
    .bind(&id)
    .bind(c.member.to_string())
    .bind(c.contribution.details.kind().as_str())
    .bind(details)
    .bind(c.contribution.date.format("%Y-%m-%d").to_string())
    .bind(c.contribution.link.as_ref().map(|l| l.to_string()))
    .bind(c.title)
    .bind(c.contribution.source.as_str())
    .bind(c.source_key)
    .bind(c.contribution.verification.as_str())
    .bind(c.by.map(|m| m.to_string()))
    .bind(to_db(now))
    .execute(&mut **tx)
    .await?;
    Ok((done.rows_affected() == 1).then_some(id))
}

/// A member's stored contributions, newest first.
pub async fn stored(pool: &AnyPool, member: MemberId) -> Result<Vec<Stored>, StorageError> {
    let rows = sqlx::query(
        "SELECT id, title, details, happened_on, link, source, verification, created_at FROM contributions
         WHERE member_id = $1 ORDER BY happened_on DESC, id DESC",
    )
    .bind(member.to_string())
    .fetch_all(pool)
    .await?;
    rows.iter().map(from_row).collect()
}

/// Derived contributions (CH-4): events held (completed with a check-in)
/// by groups the member leads, and sessions they delivered at held events.
pub async fn derived(pool: &AnyPool, member: MemberId) -> Result<Vec<Stored>, StorageError> {
    let held = "e.status = 'completed' AND EXISTS (SELECT 1 FROM registrations r
                 WHERE r.event_id = e.id AND r.checked_in_at IS NOT NULL)";
    let events = sqlx::query(&format!(
        "SELECT e.title, e.starts_at FROM events e
         JOIN role_grants g ON g.scope = e.group_id AND g.role = 'group_leader' AND g.member_id = $1
         WHERE {held} ORDER BY e.starts_at DESC"
    ))
    .bind(member.to_string())
    .fetch_all(pool)
    .await?;
    let talks = sqlx::query(&format!(
        "SELECT t.title, e.starts_at FROM talk_speakers s JOIN talks t ON t.id = s.talk_id
         JOIN events e ON e.id = t.event_id
         WHERE s.member_id = $1 AND {held} ORDER BY e.starts_at DESC"
    ))
    .bind(member.to_string())
    .fetch_all(pool)
    .await?;
    let make = |r: &AnyRow, details: Details| -> Result<Stored, StorageError> {
        Ok(Stored {
            id: None,
            title: r.try_get("title")?,
            contribution: Contribution {
                details,
                date: from_db(r.try_get("starts_at")?).date_naive(),
                link: None,
                source: Source::Derived,
                verification: Verification::Verified,
            },
            created_at: None,
        })
    };
    let mut out = Vec::new();
    for r in &events {
        out.push(make(r, Details::EventOrganized { held_here: true })?);
    }
    for r in &talks {
        out.push(make(r, Details::SessionDelivered { held_here: true })?);
    }
    Ok(out)
}

/// Everything that counts for a member: stored and derived.
pub async fn all(pool: &AnyPool, member: MemberId) -> Result<Vec<Stored>, StorageError> {
    let mut list = stored(pool, member).await?;
    list.extend(derived(pool, member).await?);
    list.sort_by_key(|s| std::cmp::Reverse(s.contribution.date));
    Ok(list)
}
