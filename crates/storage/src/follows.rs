//! UG-15: who follows which group, and what they see of it.

use chrono::{DateTime, Utc};
use guildhall_domain::ids::{EventId, GroupId, MemberId};
use sqlx::{Any, AnyPool, Executor, Row};
use std::sync::LazyLock;

use crate::cols::{aliased, Cols};
use crate::events::Event;
use crate::groups::Group;
use crate::members::Member;
use crate::time::to_db;
use crate::{StorageError, Tx};

/// Starts following; false when the member already did.
pub async fn follow(tx: &mut Tx, member: MemberId, group: GroupId, now: DateTime<Utc>) -> Result<bool, StorageError> {
    let done = sqlx::query(
        "INSERT INTO group_follows (member_id, group_id, created_at) VALUES ($1, $2, $3)
         ON CONFLICT (member_id, group_id) DO NOTHING",
    )
    .bind(member)
    .bind(group)
    .bind(to_db(now))
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Stops following; false when the member did not follow.
pub async fn unfollow(tx: &mut Tx, member: MemberId, group: GroupId) -> Result<bool, StorageError> {
    let done = sqlx::query("DELETE FROM group_follows WHERE member_id = $1 AND group_id = $2")
        .bind(member)
        .bind(group)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// Of `groups`, the ones the member follows (the directory marks them).
pub async fn followed_among(
    pool: &AnyPool,
    member: MemberId,
    groups: &[GroupId],
) -> Result<Vec<GroupId>, StorageError> {
    let mut out = Vec::new();
    for chunk in groups.chunks(crate::batch::ROWS) {
        let sql = format!(
            "SELECT group_id FROM group_follows WHERE member_id = $1 AND group_id IN ({})",
            crate::batch::in_list_from(chunk.len(), 2)
        );
        let q = chunk.iter().fold(sqlx::query(&sql).bind(member), |q, g| q.bind(g));
        for r in q.fetch_all(pool).await? {
            out.push(r.try_get("group_id")?);
        }
    }
    Ok(out)
}

/// The groups a member follows, by name.
pub async fn groups_of(pool: &AnyPool, member: MemberId) -> Result<Vec<Group>, StorageError> {
    static SQL: LazyLock<String> = LazyLock::new(|| {
        format!(
            "SELECT {}, r.name AS region_name FROM group_follows f JOIN groups g ON g.id = f.group_id
             JOIN regions r ON r.id = g.region_id WHERE f.member_id = $1 ORDER BY g.name",
            aliased("g", crate::groups::COLUMNS, ""),
        )
    });
    let rows = sqlx::query(&SQL).bind(member).fetch_all(pool).await?;
    rows.iter().map(|r| crate::groups::from_cols(Cols::plain(r))).collect()
}

/// The followers of a group with their addresses and languages.
pub async fn followers<'e>(ex: impl Executor<'e, Database = Any>, group: GroupId) -> Result<Vec<Member>, StorageError> {
    let sql = format!(
        "SELECT {} FROM group_follows f JOIN members m ON m.id = f.member_id WHERE f.group_id = $1 ORDER BY m.id",
        crate::members::prefixed("m")
    );
    let rows = sqlx::query(&sql).bind(group).fetch_all(ex).await?;
    rows.iter().map(crate::members::from_row).collect()
}

/// The next published events of the groups a member follows, soonest
/// first, with their groups: one query for the member's home.
pub async fn upcoming_for(
    pool: &AnyPool,
    member: MemberId,
    now: DateTime<Utc>,
    limit: i64,
) -> Result<Vec<(Event, Group)>, StorageError> {
    static SQL: LazyLock<String> = LazyLock::new(|| {
        format!(
            "SELECT {}, {}, r.name AS g_region_name FROM group_follows f
             JOIN events e ON e.group_id = f.group_id JOIN groups g ON g.id = e.group_id
             JOIN regions r ON r.id = g.region_id
             WHERE f.member_id = $1 AND e.status = 'published' AND e.ends_at > $2
             ORDER BY e.starts_at LIMIT $3",
            aliased("e", crate::events::COLUMNS, "e_"),
            aliased("g", crate::groups::COLUMNS, "g_"),
        )
    });
    let rows = sqlx::query(&SQL).bind(member).bind(to_db(now)).bind(limit).fetch_all(pool).await?;
    rows.iter()
        .map(|row| {
            Ok((
                crate::events::from_cols(Cols::prefixed(row, "e_"))?,
                crate::groups::from_cols(Cols::prefixed(row, "g_"))?,
            ))
        })
        .collect()
}

/// Marks the event's publication as told to the followers; true only for
/// the one caller that marked it (UG-15: once).
pub async fn mark_announced(tx: &mut Tx, event: EventId, now: DateTime<Utc>) -> Result<bool, StorageError> {
    let done = sqlx::query("UPDATE events SET announced_at = $1 WHERE id = $2 AND announced_at IS NULL")
        .bind(to_db(now))
        .bind(event)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// How many follow the group and whether `member` is one of them, in one
/// statement (the group page shows both).
pub async fn standing(pool: &AnyPool, group: GroupId, member: Option<MemberId>) -> Result<(u64, bool), StorageError> {
    let row = sqlx::query(
        "SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN member_id = $2 THEN 1 ELSE 0 END), 0) AS mine
         FROM group_follows WHERE group_id = $1",
    )
    .bind(group)
    .bind(member.map(|m| m.to_string()).unwrap_or_default())
    .fetch_one(pool)
    .await?;
    let (n, mine): (i64, i64) = (row.try_get("n")?, row.try_get("mine")?);
    Ok((n.max(0) as u64, mine > 0))
}
