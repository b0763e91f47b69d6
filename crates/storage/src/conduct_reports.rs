//! Code-of-conduct reports and their private notes (UG-8). The reporter's
//! contact is read by one function only, to tell them about their report.

use chrono::{DateTime, Utc};
use guildhall_domain::conduct::{NewReport, ReportStatus};
use guildhall_domain::ids::{EventId, GroupId, MemberId, RegionId, ReportId};
use guildhall_domain::values::{EmailAddress, Locale};
use guildhall_domain::DomainError;
use sqlx::any::AnyRow;
use sqlx::{AnyPool, Row};

use crate::page::{After, Page};
use crate::time::{from_db, from_db_opt, to_db};
use crate::{StorageError, Tx};

#[derive(Clone, Debug)]
pub struct Report {
    pub id: ReportId,
    pub group_id: GroupId,
    pub group_name: String,
    pub group_slug: String,
    pub region_id: RegionId,
    pub event_id: Option<EventId>,
    pub event_title: Option<String>,
    pub concerns_leader: bool,
    pub description: String,
    pub status: ReportStatus,
    /// Whether the reporter left an address to be told (not the address).
    pub reporter_reachable: bool,
    /// UG-8: filed during a flood (past the per-group limit): kept for the
    /// circle's review, announced once per hour rather than each.
    pub held: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
}

const SELECT: &str = "SELECT c.id, c.group_id, g.name AS group_name, g.slug AS group_slug, g.region_id, c.event_id,
    e.title AS event_title, c.concerns_leader, c.description, c.status,
    CASE WHEN c.reporter_email IS NULL THEN 0 ELSE 1 END AS reachable, c.held, c.created_at, c.updated_at, c.closed_at
    FROM conduct_reports c JOIN groups g ON g.id = c.group_id LEFT JOIN events e ON e.id = c.event_id";

fn from_row(r: &AnyRow) -> Result<Report, StorageError> {
    let corrupt = |w: &str| StorageError::Corrupt(format!("report {w}"));
    let text = |c: &str| r.try_get::<String, _>(c);
    Ok(Report {
        id: r.try_get("id")?,
        group_id: r.try_get("group_id")?,
        group_name: text("group_name")?,
        group_slug: text("group_slug")?,
        region_id: r.try_get("region_id")?,
        event_id: r
            .try_get::<Option<String>, _>("event_id")?
            .map(|e| e.parse())
            .transpose()
            .map_err(|_| corrupt("event"))?,
        event_title: r.try_get("event_title")?,
        concerns_leader: r.try_get::<i64, _>("concerns_leader")? != 0,
        description: text("description")?,
        status: r.try_get::<ReportStatus, _>("status")?,
        reporter_reachable: r.try_get::<i64, _>("reachable")? != 0,
        held: r.try_get::<i64, _>("held")? != 0,
        created_at: from_db(r.try_get("created_at")?),
        updated_at: from_db(r.try_get("updated_at")?),
        closed_at: from_db_opt(r.try_get("closed_at")?),
    })
}

/// How a report arrives: held during a flood or not, and the language to
/// answer its reporter in.
pub struct Arrival {
    pub held: bool,
    pub locale: Locale,
}

pub async fn insert(
    tx: &mut Tx,
    group: GroupId,
    event: Option<EventId>,
    r: &NewReport,
    arrival: Arrival,
    now: DateTime<Utc>,
) -> Result<ReportId, StorageError> {
    let id = ReportId::new();
    sqlx::query(
        "INSERT INTO conduct_reports (id, group_id, event_id, concerns_leader, description, reporter_email, status,
             created_at, updated_at, held, reporter_locale)
         VALUES ($1, $2, $3, $4, $5, $6, 'received', $7, $7, $8, $9)",
    )
    .bind(id)
    .bind(group)
    .bind(event)
    .bind(i64::from(r.concerns_leader))
    .bind(r.description.as_str())
    .bind(r.reporter_email.as_ref().map(|e| e.to_string()))
    .bind(to_db(now))
    .bind(i64::from(arrival.held))
    .bind(arrival.locale.code())
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

pub async fn get(pool: &AnyPool, id: ReportId) -> Result<Option<Report>, StorageError> {
    let row = sqlx::query(&format!("{SELECT} WHERE c.id = $1")).bind(id).fetch_optional(pool).await?;
    row.as_ref().map(from_row).transpose()
}

/// The newest reports; callers keep those the viewer may handle.
pub async fn recent(pool: &AnyPool, limit: i64) -> Result<Vec<Report>, StorageError> {
    let rows = sqlx::query(&format!("{SELECT} ORDER BY c.created_at DESC, c.id DESC LIMIT $1"))
        .bind(limit)
        .fetch_all(pool)
        .await?;
    rows.iter().map(from_row).collect()
}

/// Newest first, `limit` reports after `after` (received time, then id);
/// `open`: only reports still open (true) or only closed ones (false).
pub async fn page(
    pool: &AnyPool,
    open: Option<bool>,
    limit: usize,
    after: Option<&After>,
) -> Result<Page<Report>, StorageError> {
    let closed = "c.status IN ('resolved', 'dismissed')";
    let status = match open {
        None => "1 = 1".to_owned(),
        Some(true) => format!("NOT ({closed})"),
        Some(false) => closed.to_owned(),
    };
    let at: i64 = match after {
        Some(a) => a.time_key()?,
        None => 0,
    };
    let sql = format!(
        "{SELECT} WHERE {status} AND ($1 = 0 OR c.created_at < $2 OR (c.created_at = $2 AND c.id < $3))
         ORDER BY c.created_at DESC, c.id DESC LIMIT $4"
    );
    let rows = sqlx::query(&sql)
        .bind(i64::from(after.is_some()))
        .bind(at)
        .bind(after.map(|a| a.id.clone()).unwrap_or_default())
        .bind(limit as i64 + 1)
        .fetch_all(pool)
        .await?;
    let reports = rows.iter().map(from_row).collect::<Result<Vec<_>, _>>()?;
    Ok(Page::from_rows(reports, limit, cursor_of))
}

/// Where a page ending at `r` ends.
pub fn cursor_of(r: &Report) -> After {
    After { key: to_db(r.created_at).to_string(), id: r.id.to_string() }
}

/// UG-8: the address to tell the reporter, if they left one, and their
/// language. Used only to queue their emails; never shown.
pub async fn reporter_email(tx: &mut Tx, id: ReportId) -> Result<Option<(EmailAddress, Locale)>, StorageError> {
    let row = sqlx::query("SELECT reporter_email, reporter_locale FROM conduct_reports WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?;
    let Some(r) = row else { return Ok(None) };
    let raw: Option<String> = r.try_get("reporter_email")?;
    let locale = Locale::parse(&r.try_get::<String, _>("reporter_locale")?).unwrap_or_default();
    Ok(raw.and_then(|e| EmailAddress::parse(&e).ok()).map(|e| (e, locale)))
}

pub async fn set_status(
    tx: &mut Tx,
    id: ReportId,
    from: ReportStatus,
    to: ReportStatus,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    let closed = to.is_closed().then(|| to_db(now));
    let done = sqlx::query(
        "UPDATE conduct_reports SET status = $1, updated_at = $2, closed_at = COALESCE($3, closed_at)
         WHERE id = $4 AND status = $5",
    )
    .bind(to)
    .bind(to_db(now))
    .bind(closed)
    .bind(id)
    .bind(from)
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(DomainError::StateConflict { what: "report", from: from.as_str(), to: to.as_str() }.into());
    }
    Ok(())
}

#[derive(Clone, Debug)]
pub struct Note {
    pub author: Option<String>,
    pub status: ReportStatus,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

pub async fn add_note(
    tx: &mut Tx,
    id: ReportId,
    author: MemberId,
    status: ReportStatus,
    body: &str,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    sqlx::query(
        "INSERT INTO conduct_notes (id, report_id, author_id, status, body, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(uuid::Uuid::now_v7().to_string())
    .bind(id)
    .bind(author)
    .bind(status)
    .bind(body)
    .bind(to_db(now))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn notes(pool: &AnyPool, id: ReportId) -> Result<Vec<Note>, StorageError> {
    let rows = sqlx::query(
        "SELECT m.name AS author, n.status, n.body, n.created_at FROM conduct_notes n
         LEFT JOIN members m ON m.id = n.author_id WHERE n.report_id = $1 ORDER BY n.created_at",
    )
    .bind(id)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Note {
                author: r.try_get("author")?,
                status: r.try_get::<ReportStatus, _>("status")?,
                body: r.try_get("body")?,
                created_at: from_db(r.try_get("created_at")?),
            })
        })
        .collect()
}
