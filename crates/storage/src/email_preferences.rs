//! The emails members turned off (PL-4, UG-15), and the long-lived secret
//! their one-click unsubscribe links are signed with.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use guildhall_domain::email_topic::Topic;
use guildhall_domain::ids::MemberId;
use sqlx::{AnyPool, Row};

use crate::time::to_db;
use crate::{StorageError, Tx};

/// The topics `member` turned off.
pub async fn opted_out(pool: &AnyPool, member: MemberId) -> Result<HashSet<Topic>, StorageError> {
    let rows =
        sqlx::query("SELECT topic FROM email_opt_outs WHERE member_id = $1").bind(member).fetch_all(pool).await?;
    Ok(rows.iter().filter_map(|r| r.try_get::<String, _>("topic").ok()).filter_map(|t| Topic::parse(&t).ok()).collect())
}

/// Of `members`, those who turned `topic` off: one query for a whole list.
pub async fn opted_out_of(
    pool: &AnyPool,
    members: &[MemberId],
    topic: Topic,
) -> Result<HashSet<MemberId>, StorageError> {
    let mut out = HashSet::new();
    for chunk in members.chunks(crate::batch::ROWS) {
        let marks = (0..chunk.len()).map(|i| format!("${}", i + 2)).collect::<Vec<_>>().join(", ");
        let sql = format!("SELECT member_id FROM email_opt_outs WHERE topic = $1 AND member_id IN ({marks})");
        let mut q = sqlx::query(&sql).bind(topic);
        for m in chunk {
            q = q.bind(m);
        }
        for r in q.fetch_all(pool).await? {
            if let Ok(id) = r.try_get::<String, _>("member_id")?.parse() {
                out.insert(id);
            }
        }
    }
    Ok(out)
}

/// Turns `topic` on or off for `member`; whether anything changed.
pub async fn set(
    tx: &mut Tx,
    member: MemberId,
    topic: Topic,
    send: bool,
    now: DateTime<Utc>,
) -> Result<bool, StorageError> {
    let done = if send {
        sqlx::query("DELETE FROM email_opt_outs WHERE member_id = $1 AND topic = $2")
            .bind(member)
            .bind(topic)
            .execute(&mut **tx)
            .await?
    } else {
        sqlx::query(
            "INSERT INTO email_opt_outs (member_id, topic, created_at) VALUES ($1, $2, $3)
             ON CONFLICT (member_id, topic) DO NOTHING",
        )
        .bind(member)
        .bind(topic)
        .bind(to_db(now))
        .execute(&mut **tx)
        .await?
    };
    Ok(done.rows_affected() > 0)
}

/// The secret called `name`, if one was made: read without a transaction,
/// so pages that only check a signed link take no writer.
pub async fn existing_secret(pool: &sqlx::AnyPool, name: &str) -> Result<Option<String>, StorageError> {
    Ok(sqlx::query_scalar("SELECT secret FROM server_secrets WHERE name = $1").bind(name).fetch_optional(pool).await?)
}

/// The secret called `name`, made from `candidate` by whichever instance
/// asks first; every instance reads the same one afterwards.
pub async fn server_secret(tx: &mut Tx, name: &str, candidate: &str) -> Result<String, StorageError> {
    sqlx::query("INSERT INTO server_secrets (name, secret) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING")
        .bind(name)
        .bind(candidate)
        .execute(&mut **tx)
        .await?;
    Ok(sqlx::query_scalar("SELECT secret FROM server_secrets WHERE name = $1").bind(name).fetch_one(&mut **tx).await?)
}
