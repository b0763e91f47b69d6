//! The email outbox (PL-4). [`enqueue`] writes in the caller's transaction;
//! workers [`claim`] due rows under a lease, so two instances never hold
//! the same email, and a crashed worker's rows come back after the lease.

use chrono::{DateTime, Duration, Utc};
use guildhall_domain::ids::{MemberId, OutboxId};
use guildhall_domain::outbox::OutboxState;
use guildhall_domain::values::EmailAddress;
use sqlx::any::AnyRow;
use sqlx::{AnyPool, Row};

use crate::dialect::skip_locked;
use crate::time::{from_db, from_db_opt, to_db};
use crate::{Db, StorageError, Tx};

/// An email to write to the outbox.
#[derive(Clone, Debug)]
pub struct NewEmail {
    pub recipient: Option<MemberId>,
    pub to: EmailAddress,
    /// What caused it (`verify_email`, `sign_in_link`...), for filtering.
    pub kind: &'static str,
    pub subject: String,
    /// The stored copy: what Messages, the API and exports show.
    pub body_text: String,
    /// The text that goes out when it differs from the stored copy (it
    /// holds a one-time link, PL-4/PL-8); forgotten once sent.
    pub body_secret: Option<String>,
    /// UG-17: a calendar invitation it carries (iTIP, with its METHOD).
    pub calendar: Option<String>,
    /// The path of its own one-click unsubscribe (UG-15: stop following
    /// the group), for an email that is not a topic's.
    pub unsubscribe_path: Option<String>,
}

/// An email as stored.
#[derive(Clone, Debug)]
pub struct OutboxEmail {
    pub id: OutboxId,
    pub recipient: Option<MemberId>,
    pub to_address: String,
    pub kind: String,
    pub subject: String,
    pub body_text: String,
    /// Only in claimed emails: the text to send, when not `body_text`.
    pub body_secret: Option<String>,
    /// The calendar invitation it carries, if any (UG-17).
    pub calendar: Option<String>,
    /// Its own one-click unsubscribe path, if it carries one (UG-15).
    pub unsubscribe_path: Option<String>,
    pub state: String,
    pub attempts: i64,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
}

const COLUMNS: &str =
    "id, recipient_id, to_address, kind, subject, body_text, calendar, unsubscribe_path, state, attempts, created_at,
    sent_at, last_error";

fn from_row(r: &AnyRow) -> Result<OutboxEmail, StorageError> {
    let corrupt = |w: &str| StorageError::Corrupt(format!("outbox {w}"));
    Ok(OutboxEmail {
        id: r.try_get("id")?,
        recipient: r
            .try_get::<Option<String>, _>("recipient_id")?
            .map(|s| s.parse().map_err(|_| corrupt("recipient")))
            .transpose()?,
        to_address: r.try_get("to_address")?,
        kind: r.try_get("kind")?,
        subject: r.try_get("subject")?,
        body_text: r.try_get("body_text")?,
        body_secret: r.try_get::<Option<String>, _>("body_secret").ok().flatten(),
        calendar: r.try_get("calendar")?,
        unsubscribe_path: r.try_get("unsubscribe_path")?,
        state: r.try_get("state")?,
        attempts: r.try_get("attempts")?,
        created_at: from_db(r.try_get("created_at")?),
        sent_at: from_db_opt(r.try_get("sent_at")?),
        last_error: r.try_get("last_error")?,
    })
}

pub async fn enqueue(tx: &mut Tx, email: NewEmail, now: DateTime<Utc>) -> Result<OutboxId, StorageError> {
    let id = OutboxId::new();
    sqlx::query(
        "INSERT INTO outbox (id, recipient_id, to_address, kind, subject, body_text, body_secret, calendar,
             unsubscribe_path, state, next_attempt_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'queued', $10, $10)",
    )
    .bind(id)
    .bind(email.recipient)
    .bind(email.to.as_str())
    .bind(email.kind)
    .bind(email.subject)
    .bind(email.body_text)
    .bind(email.body_secret)
    .bind(email.calendar)
    .bind(email.unsubscribe_path)
    .bind(to_db(now))
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

/// Several emails at once, in multi-row inserts.
pub async fn enqueue_many(tx: &mut Tx, emails: &[NewEmail], now: DateTime<Utc>) -> Result<(), StorageError> {
    for chunk in emails.chunks(crate::batch::ROWS) {
        let sql = format!(
            "INSERT INTO outbox (id, recipient_id, to_address, kind, subject, body_text, body_secret, calendar,
                 unsubscribe_path, state, next_attempt_at, created_at)
             VALUES {}",
            crate::batch::value_rows(chunk.len(), 12)
        );
        let mut q = sqlx::query(&sql);
        for e in chunk {
            q = q.bind(OutboxId::new()).bind(e.recipient).bind(e.to.as_str());
            q = q
                .bind(e.kind)
                .bind(e.subject.as_str())
                .bind(e.body_text.as_str())
                .bind(e.body_secret.as_deref())
                .bind(e.calendar.as_deref())
                .bind(e.unsubscribe_path.as_deref())
                .bind("queued");
            q = q.bind(to_db(now)).bind(to_db(now));
        }
        q.execute(&mut **tx).await?;
    }
    Ok(())
}

/// Claims up to `limit` due emails for `worker` until `now + lease`: queued
/// ones whose time has come, and ones whose previous worker's lease ran
/// out (it crashed). Each claim counts as an attempt.
pub async fn claim(
    db: &Db,
    worker: &str,
    now: DateTime<Utc>,
    lease: Duration,
    limit: i64,
) -> Result<Vec<OutboxEmail>, StorageError> {
    let sql = format!(
        "UPDATE outbox SET state = 'sending', lease_until = $1, claimed_by = $2, attempts = attempts + 1
         WHERE id IN (
             SELECT id FROM outbox
             WHERE (state = 'queued' AND next_attempt_at <= $3) OR (state = 'sending' AND lease_until < $3)
             ORDER BY next_attempt_at, id LIMIT $4{}
         )
         RETURNING {COLUMNS}, body_secret",
        skip_locked(db.backend())
    );
    let mut tx = db.begin().await?;
    let rows = sqlx::query(&sql)
        .bind(to_db(now + lease))
        .bind(worker)
        .bind(to_db(now))
        .bind(limit)
        .fetch_all(&mut *tx)
        .await?;
    tx.commit().await?;
    let mut emails = rows.iter().map(from_row).collect::<Result<Vec<_>, _>>()?;
    emails.sort_by_key(|e| e.id);
    Ok(emails)
}

/// Records a delivery. Only the worker holding the claim can do so.
pub async fn mark_sent(db: &Db, id: OutboxId, worker: &str, now: DateTime<Utc>) -> Result<bool, StorageError> {
    let mut tx = db.begin().await?;
    let done = sqlx::query(
        "UPDATE outbox SET state = 'sent', sent_at = $3, lease_until = NULL, last_error = NULL, body_secret = NULL
         WHERE id = $1 AND claimed_by = $2 AND state = 'sending'",
    )
    .bind(id)
    .bind(worker)
    .bind(to_db(now))
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(done.rows_affected() == 1)
}

/// Records a failed attempt: queued again at `retry_at`, or failed for good
/// (then a one-time link it carried is forgotten: it will never go out).
pub async fn mark_failed(
    db: &Db,
    id: OutboxId,
    worker: &str,
    error: &str,
    retry_at: Option<DateTime<Utc>>,
) -> Result<(), StorageError> {
    let state = if retry_at.is_some() { OutboxState::Queued } else { OutboxState::Failed };
    let mut tx = db.begin().await?;
    sqlx::query(
        "UPDATE outbox SET state = $3, last_error = $4, lease_until = NULL, next_attempt_at = COALESCE($5, next_attempt_at),
             body_secret = CASE WHEN $5 IS NULL THEN NULL ELSE body_secret END
         WHERE id = $1 AND claimed_by = $2 AND state = 'sending'",
    )
    .bind(id)
    .bind(worker)
    .bind(state.code())
    .bind(error.chars().take(1000).collect::<String>())
    .bind(retry_at.map(to_db))
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A member's emails, newest first ("Messages").
pub async fn for_recipient(pool: &AnyPool, member: MemberId, limit: i64) -> Result<Vec<OutboxEmail>, StorageError> {
    let sql = format!("SELECT {COLUMNS} FROM outbox WHERE recipient_id = $1 ORDER BY id DESC LIMIT $2");
    let rows = sqlx::query(&sql).bind(member).bind(limit).fetch_all(pool).await?;
    rows.iter().map(from_row).collect()
}

pub async fn get(pool: &AnyPool, id: OutboxId) -> Result<Option<OutboxEmail>, StorageError> {
    let sql = format!("SELECT {COLUMNS} FROM outbox WHERE id = $1");
    let row = sqlx::query(&sql).bind(id).fetch_optional(pool).await?;
    row.as_ref().map(from_row).transpose()
}

/// How many emails are in each state (for `/metrics` and tests).
pub async fn counts(pool: &AnyPool) -> Result<Vec<(String, i64)>, StorageError> {
    let rows =
        sqlx::query("SELECT state, COUNT(*) AS n FROM outbox GROUP BY state ORDER BY state").fetch_all(pool).await?;
    rows.iter().map(|r| Ok((r.try_get("state")?, r.try_get("n")?))).collect()
}
