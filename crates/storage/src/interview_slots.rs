//! Proposed interview times, shared by applications to lead a group (UG-2)
//! and applications to a program (CH-6): a manager proposes, the
//! applicant picks one, and the application remembers when.

use chrono::{DateTime, Utc};
use guildhall_domain::ids::{LeaderApplicationId, MemberId, ProgramApplicationId, SlotId};
use guildhall_domain::DomainError;
use sqlx::{Any, Executor, Row};

use crate::time::{from_db, to_db};
use crate::{StorageError, Tx};

/// An application that has interview times: its id names its tables, so
/// one kind's times cannot be written into the other's.
pub trait SlotOwner: for<'q> sqlx::Encode<'q, Any> + sqlx::Type<Any> + Copy + Send + Sync + 'static {
    /// Where its times are kept.
    const SLOTS: &'static str;
    /// Where the application itself is kept.
    const APPLICATIONS: &'static str;
}

impl SlotOwner for LeaderApplicationId {
    const SLOTS: &'static str = "interview_slots";
    const APPLICATIONS: &'static str = "leader_applications";
}

impl SlotOwner for ProgramApplicationId {
    const SLOTS: &'static str = "program_interview_slots";
    const APPLICATIONS: &'static str = "program_applications";
}

#[derive(Clone, Debug)]
pub struct Slot {
    pub id: SlotId,
    pub starts_at: DateTime<Utc>,
    pub minutes: i64,
    pub chosen: bool,
}

/// Replaces the proposed times; a time already picked is forgotten.
pub async fn replace<A: SlotOwner>(
    tx: &mut Tx,
    app: A,
    times: &[DateTime<Utc>],
    minutes: i64,
    by: MemberId,
) -> Result<(), StorageError> {
    sqlx::query(&format!("DELETE FROM {} WHERE application_id = $1", A::SLOTS)).bind(app).execute(&mut **tx).await?;
    sqlx::query(&format!("UPDATE {} SET interview_at = NULL WHERE id = $1", A::APPLICATIONS))
        .bind(app)
        .execute(&mut **tx)
        .await?;
    for at in times {
        sqlx::query(&format!(
            "INSERT INTO {} (id, application_id, starts_at, minutes, proposed_by) VALUES ($1, $2, $3, $4, $5)",
            A::SLOTS
        ))
        .bind(SlotId::new())
        .bind(app)
        .bind(to_db(*at))
        .bind(minutes)
        .bind(by)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

pub async fn list<'e, A: SlotOwner>(ex: impl Executor<'e, Database = Any>, app: A) -> Result<Vec<Slot>, StorageError> {
    let rows = sqlx::query(&format!(
        "SELECT id, starts_at, minutes, chosen FROM {} WHERE application_id = $1 ORDER BY starts_at",
        A::SLOTS
    ))
    .bind(app)
    .fetch_all(ex)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Slot {
                id: r.try_get("id")?,
                starts_at: from_db(r.try_get("starts_at")?),
                minutes: r.try_get("minutes")?,
                chosen: r.try_get::<i64, _>("chosen")? != 0,
            })
        })
        .collect()
}

/// The applicant picks one of the proposed times.
pub async fn choose<A: SlotOwner>(tx: &mut Tx, app: A, slot: SlotId, now: DateTime<Utc>) -> Result<Slot, StorageError> {
    let chosen = list(&mut **tx, app)
        .await?
        .into_iter()
        .find(|s| s.id == slot)
        .ok_or(DomainError::field("slot", "slot_unknown"))?;
    sqlx::query(&format!(
        "UPDATE {} SET chosen = CASE WHEN id = $1 THEN 1 ELSE 0 END WHERE application_id = $2",
        A::SLOTS
    ))
    .bind(slot)
    .bind(app)
    .execute(&mut **tx)
    .await?;
    sqlx::query(&format!("UPDATE {} SET interview_at = $1, updated_at = $2 WHERE id = $3", A::APPLICATIONS))
        .bind(to_db(chosen.starts_at))
        .bind(to_db(now))
        .bind(app)
        .execute(&mut **tx)
        .await?;
    Ok(Slot { chosen: true, ..chosen })
}
