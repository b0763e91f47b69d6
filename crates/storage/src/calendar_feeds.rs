//! Calendar feeds (UG-14, UG-17): the events a feed lists, with their
//! groups and venues in one query, and the member feeds' versions.

use chrono::{DateTime, Utc};
use guildhall_domain::ids::{GroupId, MemberId, RegionId, SeriesId};
use guildhall_domain::registration::RegistrationStatus;
use sqlx::{AnyPool, Row};

use crate::cols::{aliased, Cols};
use crate::events::Event;
use crate::groups::Group;
use crate::time::{from_db, to_db};
use crate::venues::Venue;
use crate::{StorageError, Tx};

/// One event of a feed. `status` is the reader's registration, in a
/// member's own feed.
#[derive(Clone, Debug)]
pub struct FeedItem {
    pub event: Event,
    pub group: Group,
    pub venue: Option<Venue>,
    pub status: Option<RegistrationStatus>,
    /// When that registration last changed (a place released, say).
    pub status_changed_at: Option<DateTime<Utc>>,
}

/// Most entries a feed holds: calendars re-read the whole file each time.
const LIMIT: i64 = 500;

fn select(from: &str, extra: &str, cond: &str) -> String {
    format!(
        "SELECT {}, {}, rg.name AS g_region_name, {}{extra} FROM {from}
         JOIN groups g ON g.id = e.group_id JOIN regions rg ON rg.id = g.region_id
         LEFT JOIN venues v ON v.id = e.venue_id
         WHERE {cond} AND e.status <> 'draft' AND e.ends_at > $2 ORDER BY e.starts_at, e.id LIMIT {LIMIT}",
        aliased("e", crate::events::COLUMNS, "e_"),
        aliased("g", crate::groups::COLUMNS, "g_"),
        aliased("v", crate::venues::COLUMNS, "v_"),
    )
}

fn item(row: &sqlx::any::AnyRow, with_status: bool) -> Result<FeedItem, StorageError> {
    let venue = match row.try_get::<Option<String>, _>("v_id")? {
        Some(_) => Some(crate::venues::from_cols(Cols::prefixed(row, "v_"))?),
        None => None,
    };
    let (status, status_changed_at) = if with_status {
        (Some(row.try_get::<RegistrationStatus, _>("r_status")?), Some(from_db(row.try_get("r_updated_at")?)))
    } else {
        (None, None)
    };
    Ok(FeedItem {
        event: crate::events::from_cols(Cols::prefixed(row, "e_"))?,
        group: crate::groups::from_cols(Cols::prefixed(row, "g_"))?,
        venue,
        status,
        status_changed_at,
    })
}

async fn public(pool: &AnyPool, cond: &str, key: String, since: DateTime<Utc>) -> Result<Vec<FeedItem>, StorageError> {
    let rows = sqlx::query(&select("events e", "", cond)).bind(key).bind(to_db(since)).fetch_all(pool).await?;
    rows.iter().map(|r| item(r, false)).collect()
}

/// A group's published, completed and cancelled events ending after `since`.
pub async fn of_group(pool: &AnyPool, group: GroupId, since: DateTime<Utc>) -> Result<Vec<FeedItem>, StorageError> {
    public(pool, "e.group_id = $1", group.to_string(), since).await
}

/// A series' dates ending after `since` (UG-16).
pub async fn of_series(pool: &AnyPool, series: SeriesId, since: DateTime<Utc>) -> Result<Vec<FeedItem>, StorageError> {
    public(pool, "e.series_id = $1", series.to_string(), since).await
}

/// The events of every group in a region ending after `since`.
pub async fn of_region(pool: &AnyPool, region: RegionId, since: DateTime<Utc>) -> Result<Vec<FeedItem>, StorageError> {
    public(pool, "g.region_id = $1", region.to_string(), since).await
}

/// What `member` registered for, ending after `since`, places they
/// released included (their calendars must drop them).
pub async fn of_member(pool: &AnyPool, member: MemberId, since: DateTime<Utc>) -> Result<Vec<FeedItem>, StorageError> {
    let sql = select(
        "registrations r JOIN events e ON e.id = r.event_id",
        ", r.status AS r_status, r.updated_at AS r_updated_at",
        "r.member_id = $1",
    );
    let rows = sqlx::query(&sql).bind(member).bind(to_db(since)).fetch_all(pool).await?;
    rows.iter().map(|r| item(r, true)).collect()
}

/// The version of `member`'s feed address, if they have one.
pub async fn version(pool: &AnyPool, member: MemberId) -> Result<Option<i64>, StorageError> {
    Ok(sqlx::query_scalar("SELECT version FROM calendar_feeds WHERE member_id = $1")
        .bind(member)
        .fetch_optional(pool)
        .await?)
}

/// The version of `member`'s feed address, made on first ask.
pub async fn ensure(tx: &mut Tx, member: MemberId, now: DateTime<Utc>) -> Result<i64, StorageError> {
    sqlx::query(
        "INSERT INTO calendar_feeds (member_id, version, created_at) VALUES ($1, 1, $2)
         ON CONFLICT (member_id) DO NOTHING",
    )
    .bind(member)
    .bind(to_db(now))
    .execute(&mut **tx)
    .await?;
    Ok(sqlx::query_scalar("SELECT version FROM calendar_feeds WHERE member_id = $1")
        .bind(member)
        .fetch_one(&mut **tx)
        .await?)
}

/// A new address for `member`'s feed: the old one stops working.
pub async fn rotate(tx: &mut Tx, member: MemberId, now: DateTime<Utc>) -> Result<i64, StorageError> {
    let before = ensure(tx, member, now).await?;
    sqlx::query("UPDATE calendar_feeds SET version = $2, created_at = $3 WHERE member_id = $1")
        .bind(member)
        .bind(before + 1)
        .bind(to_db(now))
        .execute(&mut **tx)
        .await?;
    Ok(before + 1)
}

/// Turns `member`'s feed off; true when there was one.
pub async fn remove(tx: &mut Tx, member: MemberId) -> Result<bool, StorageError> {
    let done = sqlx::query("DELETE FROM calendar_feeds WHERE member_id = $1").bind(member).execute(&mut **tx).await?;
    Ok(done.rows_affected() > 0)
}
