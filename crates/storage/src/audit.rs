//! The audit log (PL-7). [`record`] takes the transaction of the change it
//! describes, so an entry exists exactly when the change does.

use chrono::{DateTime, Utc};
use guildhall_domain::ids::{AuditId, MemberId};
use sqlx::{AnyPool, Row};

use crate::page::{After, Page};
use crate::time::{from_db, to_db};
use crate::{StorageError, Tx};

/// One change of state: who (None = the system), what, on which object, why.
#[derive(Clone, Debug)]
pub struct AuditEntry<'a> {
    pub actor: Option<MemberId>,
    pub action: &'a str,
    pub entity_type: &'a str,
    pub entity_id: String,
    pub reason: Option<&'a str>,
    pub details: serde_json::Value,
}

/// A stored entry, with the actor's name for display.
#[derive(Clone, Debug)]
pub struct AuditRecord {
    pub id: AuditId,
    pub at: DateTime<Utc>,
    pub actor_id: Option<String>,
    pub actor_name: Option<String>,
    pub action: String,
    pub entity_type: String,
    pub entity_id: String,
    pub reason: Option<String>,
    pub details: String,
}

pub async fn record(tx: &mut Tx, entry: AuditEntry<'_>, now: DateTime<Utc>) -> Result<AuditId, StorageError> {
    let id = AuditId::new();
    sqlx::query(
        "INSERT INTO audit_log (id, at, actor_id, action, entity_type, entity_id, reason, details)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(id)
    .bind(to_db(now))
    .bind(entry.actor)
    .bind(entry.action)
    .bind(entry.entity_type)
    .bind(entry.entity_id)
    .bind(entry.reason)
    .bind(entry.details.to_string())
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

/// Several entries at once, in multi-row inserts (CH-7's renewal records
/// a batch of decisions in one transaction).
pub async fn record_many(tx: &mut Tx, entries: &[AuditEntry<'_>], now: DateTime<Utc>) -> Result<(), StorageError> {
    for chunk in entries.chunks(crate::batch::ROWS) {
        let sql = format!(
            "INSERT INTO audit_log (id, at, actor_id, action, entity_type, entity_id, reason, details) VALUES {}",
            crate::batch::value_rows(chunk.len(), 8)
        );
        let mut q = sqlx::query(&sql);
        for e in chunk {
            q = q.bind(AuditId::new()).bind(to_db(now)).bind(e.actor);
            q = q.bind(e.action).bind(e.entity_type).bind(e.entity_id.as_str()).bind(e.reason);
            q = q.bind(e.details.to_string());
        }
        q.execute(&mut **tx).await?;
    }
    Ok(())
}

/// Filters for the audit page; all optional.
#[derive(Clone, Debug, Default)]
pub struct AuditFilter {
    pub entity_type: Option<String>,
    pub entity_id: Option<String>,
    pub actor_id: Option<String>,
    pub action: Option<String>,
}

/// Newest first, `limit` entries after `offset` ones (the older API's way).
pub async fn list(
    pool: &AnyPool,
    filter: &AuditFilter,
    limit: i64,
    offset: i64,
) -> Result<Vec<AuditRecord>, StorageError> {
    read(pool, filter, limit, offset, None).await
}

/// Newest first, one page after `after` (ids are time-ordered, so the id
/// is the sort key).
pub async fn page(
    pool: &AnyPool,
    filter: &AuditFilter,
    limit: usize,
    after: Option<&After>,
) -> Result<Page<AuditRecord>, StorageError> {
    let rows = read(pool, filter, limit as i64 + 1, 0, after).await?;
    Ok(Page::from_rows(rows, limit, |a| After { key: a.id.to_string(), id: a.id.to_string() }))
}

async fn read(
    pool: &AnyPool,
    filter: &AuditFilter,
    limit: i64,
    offset: i64,
    after: Option<&After>,
) -> Result<Vec<AuditRecord>, StorageError> {
    let rows = sqlx::query(
        "SELECT a.id, a.at, a.actor_id, m.name AS actor_name, a.action, a.entity_type, a.entity_id, a.reason, a.details
         FROM audit_log a LEFT JOIN members m ON m.id = a.actor_id
         WHERE ($1 = '' OR a.entity_type = $1) AND ($2 = '' OR a.entity_id = $2) AND ($3 = '' OR a.actor_id = $3)
           AND ($4 = '' OR a.action = $4) AND ($5 = '' OR a.id < $5)
         ORDER BY a.id DESC LIMIT $6 OFFSET $7",
    )
    .bind(filter.entity_type.clone().unwrap_or_default())
    .bind(filter.entity_id.clone().unwrap_or_default())
    .bind(filter.actor_id.clone().unwrap_or_default())
    .bind(filter.action.clone().unwrap_or_default())
    .bind(after.map(|a| a.id.clone()).unwrap_or_default())
    .bind(limit)
    .bind(offset)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(AuditRecord {
                id: r.try_get("id")?,
                at: from_db(r.try_get("at")?),
                actor_id: r.try_get("actor_id")?,
                actor_name: r.try_get("actor_name")?,
                action: r.try_get("action")?,
                entity_type: r.try_get("entity_type")?,
                entity_id: r.try_get("entity_id")?,
                reason: r.try_get("reason")?,
                details: r.try_get("details")?,
            })
        })
        .collect()
}
