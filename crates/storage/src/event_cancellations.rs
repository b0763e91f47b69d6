//! Why an event was cancelled (UG-14, PL-13): the organisers' reason, kept
//! beside the event so its page says what the email said.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use guildhall_domain::ids::{EventId, MemberId};
use guildhall_domain::values::Reason;
use sqlx::{AnyPool, Row};

use crate::time::to_db;
use crate::{StorageError, Tx};

/// Keeps the reason given when `event` was cancelled.
pub async fn record(
    tx: &mut Tx,
    event: EventId,
    reason: &Reason,
    by: MemberId,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    sqlx::query(
        "INSERT INTO event_cancellations (event_id, reason, cancelled_by, cancelled_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (event_id) DO UPDATE SET reason = excluded.reason",
    )
    .bind(event)
    .bind(reason.as_str())
    .bind(by)
    .bind(to_db(now))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The reasons of the events among `events` that were cancelled with one.
pub async fn reasons(pool: &AnyPool, events: &[EventId]) -> Result<HashMap<EventId, String>, StorageError> {
    if events.is_empty() {
        return Ok(HashMap::new());
    }
    let sql = format!(
        "SELECT event_id, reason FROM event_cancellations WHERE event_id IN ({})",
        crate::batch::in_list(events.len())
    );
    let rows = events.iter().fold(sqlx::query(&sql), |q, e| q.bind(*e)).fetch_all(pool).await?;
    rows.iter().map(|r| Ok((r.try_get("event_id")?, r.try_get("reason")?))).collect()
}
