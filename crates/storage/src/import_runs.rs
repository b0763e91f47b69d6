//! Background imports (PL-3) and how far each got, for its progress page.

use chrono::{DateTime, Utc};
use guildhall_domain::ids::{ImportRunId, MemberId};
use sqlx::any::AnyRow;
use sqlx::{AnyPool, Row};

use crate::time::{from_db, to_db};
use crate::{StorageError, Tx};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportRun {
    pub id: ImportRunId,
    /// "discourse" today.
    pub kind: String,
    pub member_id: MemberId,
    pub started_by: MemberId,
    /// What was read: the forum user name.
    pub source: String,
    /// running, done or failed.
    pub status: String,
    pub fetched: i64,
    pub added: i64,
    pub already_there: i64,
    /// Why a failed run stopped, in words.
    pub problem: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

fn run(r: &AnyRow) -> Result<ImportRun, StorageError> {
    let id = |c: &str| -> Result<MemberId, StorageError> {
        r.try_get::<String, _>(c)?.parse().map_err(|_| StorageError::Corrupt(format!("import run {c}")))
    };
    Ok(ImportRun {
        id: r.try_get("id")?,
        kind: r.try_get("kind")?,
        member_id: id("member_id")?,
        started_by: id("started_by")?,
        source: r.try_get("source")?,
        status: r.try_get("status")?,
        fetched: r.try_get("fetched")?,
        added: r.try_get("added")?,
        already_there: r.try_get("already_there")?,
        problem: r.try_get("problem")?,
        created_at: from_db(r.try_get("created_at")?),
        updated_at: from_db(r.try_get("updated_at")?),
    })
}

pub async fn start(
    tx: &mut Tx,
    kind: &str,
    member: MemberId,
    by: MemberId,
    source: &str,
    now: DateTime<Utc>,
) -> Result<ImportRunId, StorageError> {
    let id = ImportRunId::new();
    sqlx::query(
        "INSERT INTO import_runs (id, kind, member_id, started_by, source, status, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, 'running', $6, $6)",
    )
    .bind(id)
    .bind(kind)
    .bind(member)
    .bind(by)
    .bind(source)
    .bind(to_db(now))
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

/// Adds one page's counts to the run.
pub async fn advance(
    tx: &mut Tx,
    id: ImportRunId,
    fetched: i64,
    added: i64,
    already_there: i64,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    sqlx::query(
        "UPDATE import_runs SET fetched = fetched + $1, added = added + $2, already_there = already_there + $3,
             updated_at = $4 WHERE id = $5",
    )
    .bind(fetched)
    .bind(added)
    .bind(already_there)
    .bind(to_db(now))
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Ends the run as done (no problem) or failed (with the problem).
pub async fn finish(
    tx: &mut Tx,
    id: ImportRunId,
    problem: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    sqlx::query("UPDATE import_runs SET status = $1, problem = $2, updated_at = $3 WHERE id = $4")
        .bind(if problem.is_some() { "failed" } else { "done" })
        .bind(problem.unwrap_or(""))
        .bind(to_db(now))
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn by_id(pool: &AnyPool, id: ImportRunId) -> Result<Option<ImportRun>, StorageError> {
    let row = sqlx::query("SELECT * FROM import_runs WHERE id = $1").bind(id).fetch_optional(pool).await?;
    row.as_ref().map(run).transpose()
}

/// A member's latest runs, newest first.
pub async fn of_member(pool: &AnyPool, member: MemberId, limit: i64) -> Result<Vec<ImportRun>, StorageError> {
    let rows = sqlx::query("SELECT * FROM import_runs WHERE member_id = $1 ORDER BY created_at DESC LIMIT $2")
        .bind(member)
        .bind(limit)
        .fetch_all(pool)
        .await?;
    rows.iter().map(run).collect()
}
