//! Group health (UG-10): the held events of groups, and the needs-support
//! marks the daily job sets and clears.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use guildhall_domain::health::HeldEvent;
use guildhall_domain::ids::{GroupId, RegionId};
use sqlx::{AnyPool, Row};

use crate::time::{from_db, to_db};
use crate::{StorageError, Tx};

/// Held events (completed with at least one check-in, UG-14) with their
/// check-ins, per group; `region` narrows to one region's groups.
pub async fn held_events(
    pool: &AnyPool,
    region: Option<RegionId>,
    group: Option<GroupId>,
) -> Result<HashMap<GroupId, Vec<HeldEvent>>, StorageError> {
    let rows = sqlx::query(
        "SELECT e.group_id, e.starts_at, COUNT(a.id) AS attendance,
                (SELECT COUNT(*) FROM registrations r WHERE r.event_id = e.id AND r.status = 'confirmed') AS registered
         FROM events e
         JOIN groups g ON g.id = e.group_id
         JOIN attendance a ON a.event_id = e.id
         WHERE e.status = 'completed' AND ($1 = '' OR g.region_id = $1) AND ($2 = '' OR g.id = $2)
         GROUP BY e.id, e.group_id, e.starts_at
         ORDER BY e.starts_at",
    )
    .bind(region.map(|r| r.to_string()).unwrap_or_default())
    .bind(group.map(|g| g.to_string()).unwrap_or_default())
    .fetch_all(pool)
    .await?;
    let mut out: HashMap<GroupId, Vec<HeldEvent>> = HashMap::new();
    for r in &rows {
        let g: GroupId = r.try_get("group_id")?;
        let attendance = u32::try_from(r.try_get::<i64, _>("attendance")?).unwrap_or(u32::MAX);
        let registered = u32::try_from(r.try_get::<i64, _>("registered")?).unwrap_or(u32::MAX);
        out.entry(g).or_default().push(HeldEvent {
            starts_at: from_db(r.try_get("starts_at")?),
            attendance,
            registered,
        });
    }
    Ok(out)
}

/// UG-10: marks an active group needs-support. False when another run (or
/// instance) already did, so its task and emails go out once.
pub async fn mark_needs_support(tx: &mut Tx, group: GroupId, now: DateTime<Utc>) -> Result<bool, StorageError> {
    let done = sqlx::query(
        "UPDATE groups SET status = 'needs_support', needs_support_since = $1, updated_at = $1
         WHERE id = $2 AND status = 'active'",
    )
    .bind(to_db(now))
    .bind(group)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// UG-10: a held event returns a needs-support group to active.
pub async fn mark_active(tx: &mut Tx, group: GroupId, now: DateTime<Utc>) -> Result<bool, StorageError> {
    let done =
        sqlx::query("UPDATE groups SET status = 'active', updated_at = $1 WHERE id = $2 AND status = 'needs_support'")
            .bind(to_db(now))
            .bind(group)
            .execute(&mut **tx)
            .await?;
    Ok(done.rows_affected() == 1)
}
