//! People let in at the door without an account (UG-14). A walk-in takes a
//! seat (counted with the confirmed registrations under `events::lock`)
//! and counts as attended (the `attendance` view).

use chrono::{DateTime, Utc};
use guildhall_domain::ids::{EventId, MemberId, WalkInId};
use guildhall_domain::values::{DisplayName, EmailAddress};
use sqlx::{Any, Executor, FromRow};

use crate::time::{from_db, to_db};
use crate::{StorageError, Tx};

#[derive(Clone, Debug)]
pub struct WalkIn {
    pub id: WalkInId,
    pub event_id: EventId,
    /// None once an account with the walk-in's email was erased.
    pub name: Option<DisplayName>,
    pub email: Option<EmailAddress>,
    pub created_at: DateTime<Utc>,
}

#[derive(FromRow)]
struct Row {
    id: WalkInId,
    event_id: EventId,
    name: Option<String>,
    email: Option<String>,
    created_at: i64,
}

impl Row {
    fn into_walk_in(self) -> Result<WalkIn, StorageError> {
        let corrupt = |what: &str| StorageError::Corrupt(format!("walk-in {what}"));
        Ok(WalkIn {
            id: self.id,
            event_id: self.event_id,
            name: self.name.map(|n| DisplayName::parse(&n).map_err(|_| corrupt("name"))).transpose()?,
            email: self.email.map(|e| EmailAddress::parse(&e).map_err(|_| corrupt("email"))).transpose()?,
            created_at: from_db(self.created_at),
        })
    }
}

/// Records a walk-in. The caller holds the event's lock and has checked
/// that a seat is free.
pub async fn add(
    tx: &mut Tx,
    event: EventId,
    name: &DisplayName,
    email: Option<&EmailAddress>,
    by: MemberId,
    now: DateTime<Utc>,
) -> Result<WalkInId, StorageError> {
    let id = WalkInId::new();
    sqlx::query(
        "INSERT INTO walk_ins (id, event_id, name, email, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(event)
    .bind(name.as_str())
    .bind(email.map(EmailAddress::as_str))
    .bind(by)
    .bind(to_db(now))
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

/// An event's walk-ins, in the order they came.
pub async fn for_event<'e>(ex: impl Executor<'e, Database = Any>, event: EventId) -> Result<Vec<WalkIn>, StorageError> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, event_id, name, email, created_at FROM walk_ins WHERE event_id = $1 ORDER BY created_at, id",
    )
    .bind(event)
    .fetch_all(ex)
    .await?;
    rows.into_iter().map(Row::into_walk_in).collect()
}
