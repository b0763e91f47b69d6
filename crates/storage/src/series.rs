//! Series (UG-16): a recurring meetup's rule and shared details, the events
//! it made (`events.series_id`), and who registered for all of it.

use chrono::{DateTime, Utc};
use guildhall_domain::event::Capacity;
use guildhall_domain::ids::{EventId, GroupId, MemberId, SeriesId, VenueId};
use guildhall_domain::offer::WaitlistMode;
use guildhall_domain::series::{Recurrence, RecurrenceFields};
use guildhall_domain::values::{LongText, Title, WebLink};
use sqlx::any::AnyRow;
use sqlx::{Any, AnyPool, Executor, Row};

use crate::events::Event;
use crate::time::{from_db, to_db};
use crate::{StorageError, Tx};

/// A series as kept: what every date shares, and its rule.
#[derive(Clone, Debug)]
pub struct Series {
    pub id: SeriesId,
    pub group_id: GroupId,
    pub title: Title,
    pub description: LongText,
    pub rule: Recurrence,
    /// The rule as calendars read it (RRULE).
    pub rrule: String,
    pub capacity: Capacity,
    pub venue_id: Option<VenueId>,
    pub online_link: Option<WebLink>,
    pub waitlist_mode: WaitlistMode,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What a series is made of, to create or change one.
#[derive(Clone, Debug)]
pub struct SeriesDetails<'a> {
    pub title: &'a Title,
    pub description: &'a LongText,
    pub rule: &'a Recurrence,
    pub rrule: &'a str,
    pub capacity: Capacity,
    pub venue_id: Option<VenueId>,
    pub online_link: Option<&'a WebLink>,
    /// UG-18: how each date fills a freed seat.
    pub waitlist_mode: WaitlistMode,
}

const COLUMNS: &str =
    "id, group_id, title, description, rule, rrule, capacity, venue_id, online_link, waitlist_mode, created_at,
    updated_at";

fn from_row(r: &AnyRow) -> Result<Series, StorageError> {
    let corrupt = |w: &str| StorageError::Corrupt(format!("series {w}"));
    let text = |c: &str| r.try_get::<String, _>(c);
    let fields: RecurrenceFields = serde_json::from_str(&text("rule")?).map_err(|_| corrupt("rule"))?;
    let online_link = match r.try_get::<Option<String>, _>("online_link")? {
        Some(l) => Some(WebLink::parse(&l, "online_link").map_err(|_| corrupt("online link"))?),
        None => None,
    };
    Ok(Series {
        id: r.try_get("id")?,
        group_id: r.try_get("group_id")?,
        title: Title::parse(&text("title")?).map_err(|_| corrupt("title"))?,
        description: LongText::parse(&text("description")?, "description", false)
            .map_err(|_| corrupt("description"))?,
        rule: Recurrence::parse(&fields).map_err(|_| corrupt("rule"))?,
        rrule: text("rrule")?,
        capacity: Capacity::new(r.try_get("capacity")?).map_err(|_| corrupt("capacity"))?,
        venue_id: r.try_get("venue_id")?,
        online_link,
        waitlist_mode: r.try_get("waitlist_mode")?,
        created_at: from_db(r.try_get("created_at")?),
        updated_at: from_db(r.try_get("updated_at")?),
    })
}

fn rule_json(rule: &Recurrence) -> String {
    serde_json::to_string(&rule.fields()).unwrap_or_default()
}

pub async fn insert(
    tx: &mut Tx,
    group: GroupId,
    d: &SeriesDetails<'_>,
    by: MemberId,
    now: DateTime<Utc>,
) -> Result<SeriesId, StorageError> {
    let id = SeriesId::new();
    sqlx::query(
        "INSERT INTO series (id, group_id, title, description, rule, rrule, capacity, venue_id, online_link,
             created_by, created_at, updated_at, waitlist_mode)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12)",
    )
    .bind(id)
    .bind(group)
    .bind(d.title.as_str())
    .bind(d.description.as_str())
    .bind(rule_json(d.rule))
    .bind(d.rrule)
    .bind(i64::from(d.capacity.get()))
    .bind(d.venue_id)
    .bind(d.online_link.map(|l| l.as_str().to_owned()))
    .bind(by)
    .bind(to_db(now))
    .bind(d.waitlist_mode)
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

pub async fn update(tx: &mut Tx, id: SeriesId, d: &SeriesDetails<'_>, now: DateTime<Utc>) -> Result<(), StorageError> {
    sqlx::query(
        "UPDATE series SET title = $2, description = $3, rule = $4, rrule = $5, capacity = $6, venue_id = $7,
             online_link = $8, updated_at = $9, waitlist_mode = $10 WHERE id = $1",
    )
    .bind(id)
    .bind(d.title.as_str())
    .bind(d.description.as_str())
    .bind(rule_json(d.rule))
    .bind(d.rrule)
    .bind(i64::from(d.capacity.get()))
    .bind(d.venue_id)
    .bind(d.online_link.map(|l| l.as_str().to_owned()))
    .bind(to_db(now))
    .bind(d.waitlist_mode)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn get<'e>(ex: impl Executor<'e, Database = Any>, id: SeriesId) -> Result<Option<Series>, StorageError> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM series WHERE id = $1")).bind(id).fetch_optional(ex).await?;
    row.as_ref().map(from_row).transpose()
}

/// A group's series, newest first; with `public_only`, those with a date
/// anyone may see (a series of drafts is its organisers' only).
pub async fn of_group(pool: &AnyPool, group: GroupId, public_only: bool) -> Result<Vec<Series>, StorageError> {
    let public = if public_only {
        "AND EXISTS (SELECT 1 FROM events e WHERE e.series_id = series.id AND e.status IN ('published', 'completed'))"
    } else {
        ""
    };
    let rows =
        sqlx::query(&format!("SELECT {COLUMNS} FROM series WHERE group_id = $1 {public} ORDER BY created_at DESC"))
            .bind(group)
            .fetch_all(pool)
            .await?;
    rows.iter().map(from_row).collect()
}

/// Makes `event` a date of `series`.
pub async fn attach(tx: &mut Tx, series: SeriesId, event: EventId) -> Result<(), StorageError> {
    sqlx::query("UPDATE events SET series_id = $2 WHERE id = $1").bind(event).bind(series).execute(&mut **tx).await?;
    Ok(())
}

/// Every date of the series, first first.
pub async fn dates<'e>(ex: impl Executor<'e, Database = Any>, series: SeriesId) -> Result<Vec<Event>, StorageError> {
    let rows =
        sqlx::query(&format!("SELECT {} FROM events WHERE series_id = $1 ORDER BY starts_at", crate::events::COLUMNS))
            .bind(series)
            .fetch_all(ex)
            .await?;
    rows.iter().map(|r| crate::events::from_cols(crate::cols::Cols::prefixed(r, ""))).collect()
}

/// Registers `member` for the whole series; false when they already were.
pub async fn join(tx: &mut Tx, series: SeriesId, member: MemberId, now: DateTime<Utc>) -> Result<bool, StorageError> {
    let done = sqlx::query(
        "INSERT INTO series_members (series_id, member_id, joined_at) VALUES ($1, $2, $3)
         ON CONFLICT (series_id, member_id) DO UPDATE SET joined_at = excluded.joined_at, left_at = NULL
         WHERE series_members.left_at IS NOT NULL",
    )
    .bind(series)
    .bind(member)
    .bind(to_db(now))
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Ends `member`'s registration for the series; false when there was none.
pub async fn leave(tx: &mut Tx, series: SeriesId, member: MemberId, now: DateTime<Utc>) -> Result<bool, StorageError> {
    let done = sqlx::query(
        "UPDATE series_members SET left_at = $3 WHERE series_id = $1 AND member_id = $2 AND left_at IS NULL",
    )
    .bind(series)
    .bind(member)
    .bind(to_db(now))
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Whether `member` is registered for the whole series.
pub async fn is_member<'e>(
    ex: impl Executor<'e, Database = Any>,
    series: SeriesId,
    member: MemberId,
) -> Result<bool, StorageError> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM series_members WHERE series_id = $1 AND member_id = $2 AND left_at IS NULL",
    )
    .bind(series)
    .bind(member)
    .fetch_one(ex)
    .await?;
    Ok(n > 0)
}

/// Who is registered for the whole series, in the order they joined.
pub async fn members<'e>(
    ex: impl Executor<'e, Database = Any>,
    series: SeriesId,
) -> Result<Vec<MemberId>, StorageError> {
    let rows = sqlx::query(
        "SELECT member_id FROM series_members WHERE series_id = $1 AND left_at IS NULL ORDER BY joined_at, member_id",
    )
    .bind(series)
    .fetch_all(ex)
    .await?;
    rows.iter().map(|r| Ok(r.try_get("member_id")?)).collect()
}
