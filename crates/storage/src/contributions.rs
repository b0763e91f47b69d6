//! Contributions (PL-2): stored ones (imported, self-reported, entered by
//! staff) and the ones derived from this platform's own events (events
//! held by a group the member leads, sessions delivered at held events),
//! which are computed on every read so they vanish if an event stops
//! counting as held.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use guildhall_domain::contribution::{Contribution, Details, Source, Verification};
use guildhall_domain::ids::{ContributionId, MemberId};
use guildhall_domain::values::WebLink;
use sqlx::any::AnyRow;
use sqlx::{AnyPool, Row};

use crate::time::{from_db, to_db};
use crate::{StorageError, Tx};

/// A contribution with what pages and the API show of it.
#[derive(Clone, Debug)]
pub struct Stored {
    /// None for derived contributions (they have no row).
    pub id: Option<ContributionId>,
    pub title: String,
    pub contribution: Contribution,
    pub created_at: Option<DateTime<Utc>>,
    /// Why staff rejected it (PL-2), empty otherwise.
    pub verification_reason: String,
}

/// The contribution itself from its stored fields.
fn contribution_from(
    details: &str,
    day: &str,
    link: Option<&str>,
    source: &str,
    verification: &str,
) -> Result<Contribution, StorageError> {
    let corrupt = |w: &str| StorageError::Corrupt(format!("contribution {w}"));
    Ok(Contribution {
        details: serde_json::from_str(details).map_err(|_| corrupt("details"))?,
        date: NaiveDate::parse_from_str(day, "%Y-%m-%d").map_err(|_| corrupt("date"))?,
        link: link.map(|l| WebLink::parse(l, "link")).transpose().map_err(|_| corrupt("link"))?,
        source: Source::parse(source).map_err(|_| corrupt("source"))?,
        verification: Verification::parse(verification).map_err(|_| corrupt("verification"))?,
    })
}

fn contribution_of(r: &AnyRow) -> Result<Contribution, StorageError> {
    contribution_from(
        &r.try_get::<String, _>("details")?,
        &r.try_get::<String, _>("happened_on")?,
        r.try_get::<Option<String>, _>("link")?.as_deref(),
        &r.try_get::<String, _>("source")?,
        &r.try_get::<String, _>("verification")?,
    )
}

fn from_row(r: &AnyRow) -> Result<Stored, StorageError> {
    Ok(Stored {
        id: Some(r.try_get("id")?),
        title: r.try_get("title")?,
        contribution: contribution_of(r)?,
        created_at: Some(from_db(r.try_get("created_at")?)),
        verification_reason: r.try_get("verification_reason")?,
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
pub async fn insert(
    tx: &mut Tx,
    c: NewContribution<'_>,
    now: DateTime<Utc>,
) -> Result<Option<ContributionId>, StorageError> {
    let id = ContributionId::new();
    let details = serde_json::to_string(&c.contribution.details).map_err(|e| StorageError::Corrupt(e.to_string()))?;
    let done = sqlx::query(
        "INSERT INTO contributions (id, member_id, kind, details, happened_on, link, title, source, source_key,
             verification, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (member_id, source, source_key) DO NOTHING",
    )
    .bind(id)
    .bind(c.member)
    .bind(c.contribution.details.kind().as_str())
    .bind(details)
    .bind(c.contribution.date.format("%Y-%m-%d").to_string())
    .bind(c.contribution.link.as_ref().map(|l| l.to_string()))
    .bind(c.title)
    .bind(c.contribution.source)
    .bind(c.source_key)
    .bind(c.contribution.verification)
    .bind(c.by)
    .bind(to_db(now))
    .execute(&mut **tx)
    .await?;
    Ok((done.rows_affected() == 1).then_some(id))
}

fn member_of(r: &AnyRow) -> Result<MemberId, StorageError> {
    Ok(r.try_get("member_id")?)
}

const STORED: &str = "id, title, details, happened_on, link, source, verification, verification_reason, created_at";

/// One stored contribution with its member.
pub async fn get(pool: &AnyPool, id: ContributionId) -> Result<Option<(MemberId, Stored)>, StorageError> {
    let row = sqlx::query(&format!("SELECT {STORED}, member_id FROM contributions WHERE id = $1"))
        .bind(id)
        .fetch_optional(pool)
        .await?;
    row.as_ref().map(|r| Ok((member_of(r)?, from_row(r)?))).transpose()
}

/// PL-2: staff's verdict, with its reason, who and when.
pub async fn set_verification(
    tx: &mut Tx,
    id: ContributionId,
    verdict: Verification,
    reason: &str,
    by: MemberId,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    sqlx::query(
        "UPDATE contributions SET verification = $1, verification_reason = $2, verified_by = $3, verified_at = $4
         WHERE id = $5",
    )
    .bind(verdict)
    .bind(reason)
    .bind(by)
    .bind(to_db(now))
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// PL-2: a member's edit of what they reported: it waits for
/// verification again.
pub async fn update_reported(
    tx: &mut Tx,
    id: ContributionId,
    title: &str,
    c: &Contribution,
) -> Result<(), StorageError> {
    let details = serde_json::to_string(&c.details).map_err(|e| StorageError::Corrupt(e.to_string()))?;
    sqlx::query(
        "UPDATE contributions SET title = $1, kind = $2, details = $3, happened_on = $4, link = $5,
             verification = 'unverified', verification_reason = '', verified_by = NULL, verified_at = NULL
         WHERE id = $6 AND source = 'self_reported'",
    )
    .bind(title)
    .bind(c.details.kind().as_str())
    .bind(details)
    .bind(c.date.format("%Y-%m-%d").to_string())
    .bind(c.link.as_ref().map(|l| l.to_string()))
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// PL-2: a member deletes what they reported.
pub async fn delete_reported(tx: &mut Tx, id: ContributionId) -> Result<bool, StorageError> {
    let done = sqlx::query("DELETE FROM contributions WHERE id = $1 AND source = 'self_reported'")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// A member's stored contributions, newest first.
pub async fn stored(pool: &AnyPool, member: MemberId) -> Result<Vec<Stored>, StorageError> {
    Ok(stored_for(pool, &[member], None).await?.into_iter().map(|(_, s)| s).collect())
}

/// The stored contributions of several members (on or after `since`, when
/// given), newest first: one query for a batch (CH-7's renewal run).
pub async fn stored_for(
    pool: &AnyPool,
    members: &[MemberId],
    since: Option<NaiveDate>,
) -> Result<Vec<(MemberId, Stored)>, StorageError> {
    if members.is_empty() {
        return Ok(Vec::new());
    }
    let window = if since.is_some() { format!(" AND happened_on >= ${}", members.len() + 1) } else { String::new() };
    let sql = format!(
        "SELECT {STORED}, member_id FROM contributions
         WHERE member_id IN ({}){window} ORDER BY happened_on DESC, id DESC",
        crate::batch::in_list(members.len())
    );
    let mut q = sqlx::query(&sql);
    for m in members {
        q = q.bind(m);
    }
    if let Some(day) = since {
        q = q.bind(day.format("%Y-%m-%d").to_string());
    }
    let rows = q.fetch_all(pool).await?;
    rows.iter().map(|r| Ok((member_of(r)?, from_row(r)?))).collect()
}

/// Derived contributions (CH-4): events held (completed with a check-in)
/// by groups the member leads, and sessions they delivered at held events.
pub async fn derived(pool: &AnyPool, member: MemberId) -> Result<Vec<Stored>, StorageError> {
    Ok(derived_for(pool, &[member]).await?.into_iter().map(|(_, s)| s).collect())
}

/// [`derived`] for several members in two queries.
pub async fn derived_for(pool: &AnyPool, members: &[MemberId]) -> Result<Vec<(MemberId, Stored)>, StorageError> {
    if members.is_empty() {
        return Ok(Vec::new());
    }
    let held = "e.status = 'completed' AND EXISTS (SELECT 1 FROM attendance a WHERE a.event_id = e.id)";
    let list = crate::batch::in_list(members.len());
    fn bind_all<'q>(
        sql: &'q str,
        members: &[MemberId],
    ) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
        members.iter().fold(sqlx::query(sql), |q, m| q.bind(*m))
    }
    // CH-4: an event counts for the leaders who led the group when it took place.
    let events_sql = format!(
        "SELECT DISTINCT g.member_id, e.id, e.title, e.starts_at FROM events e
         JOIN leader_terms g ON g.group_id = e.group_id AND g.member_id IN ({list})
             AND e.starts_at >= g.started_at AND (g.ended_at IS NULL OR e.starts_at <= g.ended_at)
         WHERE {held} ORDER BY e.starts_at DESC"
    );
    let events = bind_all(&events_sql, members).fetch_all(pool).await?;
    let talks_sql = format!(
        "SELECT s.member_id, t.title, e.starts_at FROM talk_speakers s JOIN talks t ON t.id = s.talk_id
         JOIN events e ON e.id = t.event_id
         WHERE s.member_id IN ({list}) AND {held} ORDER BY e.starts_at DESC"
    );
    let talks = bind_all(&talks_sql, members).fetch_all(pool).await?;
    let make = |r: &AnyRow, details: Details| -> Result<(MemberId, Stored), StorageError> {
        let s = Stored {
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
            verification_reason: String::new(),
        };
        Ok((member_of(r)?, s))
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

/// What counts for each of `members` on or after `since`, stored and
/// derived (CH-7 measures members in batches). A member's stored
/// contributions come back as one row of JSON: rows, not bytes, are what
/// cost most between SQLite and this process.
pub async fn counted_for(
    db: &crate::Db,
    members: &[MemberId],
    since: NaiveDate,
) -> Result<HashMap<MemberId, Vec<Contribution>>, StorageError> {
    let mut out: HashMap<MemberId, Vec<Contribution>> = HashMap::new();
    if members.is_empty() {
        return Ok(out);
    }
    let rows = crate::dialect::json_rows_agg(db.backend(), "details, happened_on, link, source, verification");
    let sql = format!(
        "SELECT member_id, {rows} AS list FROM contributions
         WHERE member_id IN ({}) AND happened_on >= ${} GROUP BY member_id",
        crate::batch::in_list(members.len()),
        members.len() + 1
    );
    let q = members.iter().fold(sqlx::query(&sql), |q, m| q.bind(*m));
    type Fields = (String, String, Option<String>, String, String);
    for r in q.bind(since.format("%Y-%m-%d").to_string()).fetch_all(db.reader()).await? {
        let list: Vec<Fields> = serde_json::from_str(&r.try_get::<String, _>("list")?)
            .map_err(|_| StorageError::Corrupt("contribution list".into()))?;
        let mine = out.entry(member_of(&r)?).or_default();
        for (details, day, link, source, verification) in &list {
            mine.push(contribution_from(details, day, link.as_deref(), source, verification)?);
        }
    }
    for (m, s) in derived_for(db.reader(), members).await? {
        if s.contribution.date >= since {
            out.entry(m).or_default().push(s.contribution);
        }
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
