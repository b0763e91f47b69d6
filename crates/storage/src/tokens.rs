//! API bearer tokens (PL-1), stored hashed.

use chrono::{DateTime, Utc};
use guildhall_domain::ids::{ApiTokenId, MemberId};
use sqlx::{AnyPool, Row};

use crate::time::{from_db, from_db_opt, to_db};
use crate::{StorageError, Tx};

/// A token as its owner sees it in a list (never the secret).
#[derive(Clone, Debug)]
pub struct ApiToken {
    pub id: ApiTokenId,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
}

pub async fn create(
    tx: &mut Tx,
    member: MemberId,
    name: &str,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<ApiTokenId, StorageError> {
    let id = ApiTokenId::new();
    sqlx::query("INSERT INTO api_tokens (id, member_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(id)
        .bind(member)
        .bind(name)
        .bind(token_hash)
        .bind(to_db(now))
        .execute(&mut **tx)
        .await?;
    Ok(id)
}

/// The member a live token belongs to.
pub async fn member_for(pool: &AnyPool, token_hash: &str) -> Result<Option<MemberId>, StorageError> {
    let row = sqlx::query("SELECT member_id FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL")
        .bind(token_hash)
        .fetch_optional(pool)
        .await?;
    match row {
        Some(r) => Ok(Some(r.try_get("member_id")?)),
        None => Ok(None),
    }
}

/// A member's live tokens, newest first.
pub async fn list(pool: &AnyPool, member: MemberId) -> Result<Vec<ApiToken>, StorageError> {
    let rows = sqlx::query(
        "SELECT id, name, created_at, last_used_at FROM api_tokens WHERE member_id = $1 AND revoked_at IS NULL ORDER BY id DESC",
    )
    .bind(member)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(ApiToken {
                id: r.try_get("id")?,
                name: r.try_get("name")?,
                created_at: from_db(r.try_get("created_at")?),
                last_used_at: from_db_opt(r.try_get("last_used_at")?),
            })
        })
        .collect()
}

/// Revokes `member`'s token `id`; false when there is no such live token
/// of theirs (another member's token is not theirs to revoke).
pub async fn revoke(tx: &mut Tx, member: MemberId, id: ApiTokenId, now: DateTime<Utc>) -> Result<bool, StorageError> {
    let done =
        sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND member_id = $3 AND revoked_at IS NULL")
            .bind(to_db(now))
            .bind(id)
            .bind(member)
            .execute(&mut **tx)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// Revokes every live token of `member` (the owner asked, with a password
/// change or reset); returns how many.
pub async fn revoke_all(tx: &mut Tx, member: MemberId, now: DateTime<Utc>) -> Result<u64, StorageError> {
    let done = sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE member_id = $2 AND revoked_at IS NULL")
        .bind(to_db(now))
        .bind(member)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected())
}
