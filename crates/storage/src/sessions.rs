//! Browser sessions and emailed one-time links. Both are stored by the
//! SHA-256 of their secret, so a copy of the database opens no account.

use chrono::{DateTime, Utc};
use guildhall_domain::account::{LinkPurpose, OneTimeLink};
use guildhall_domain::ids::MemberId;
use sqlx::{AnyPool, Row};

use crate::time::{from_db, from_db_opt, to_db};
use crate::{StorageError, Tx};

pub async fn create_session(
    tx: &mut Tx,
    token_hash: &str,
    member: MemberId,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<(), StorageError> {
    sqlx::query(
        "INSERT INTO sessions (token_hash, member_id, created_at, expires_at, last_seen_at) VALUES ($1, $2, $3, $4, $3)",
    )
    .bind(token_hash)
    .bind(member)
    .bind(to_db(now))
    .bind(to_db(expires_at))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The member behind a live session.
pub async fn session_member(
    pool: &AnyPool,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<MemberId>, StorageError> {
    let row = sqlx::query("SELECT member_id FROM sessions WHERE token_hash = $1 AND expires_at > $2")
        .bind(token_hash)
        .bind(to_db(now))
        .fetch_optional(pool)
        .await?;
    match row {
        Some(r) => Ok(Some(r.try_get("member_id")?)),
        None => Ok(None),
    }
}

pub async fn delete_session(tx: &mut Tx, token_hash: &str) -> Result<(), StorageError> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash).execute(&mut **tx).await?;
    Ok(())
}

/// Ends every session of a member (password reset), except `keep`.
pub async fn delete_member_sessions(tx: &mut Tx, member: MemberId, keep: Option<&str>) -> Result<u64, StorageError> {
    let done = sqlx::query("DELETE FROM sessions WHERE member_id = $1 AND token_hash <> $2")
        .bind(member)
        .bind(keep.unwrap_or(""))
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected())
}

pub async fn create_link(
    tx: &mut Tx,
    token_hash: &str,
    member: MemberId,
    purpose: LinkPurpose,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<(), StorageError> {
    sqlx::query(
        "INSERT INTO one_time_links (token_hash, member_id, purpose, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token_hash)
    .bind(member)
    .bind(purpose.code())
    .bind(to_db(now))
    .bind(to_db(expires_at))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Looks a link up by its hash, with the member it belongs to.
pub async fn find_link(tx: &mut Tx, token_hash: &str) -> Result<Option<(MemberId, OneTimeLink)>, StorageError> {
    let row = sqlx::query("SELECT member_id, purpose, expires_at, used_at FROM one_time_links WHERE token_hash = $1")
        .bind(token_hash)
        .fetch_optional(&mut **tx)
        .await?;
    let Some(row) = row else { return Ok(None) };
    let purpose = match row.try_get::<String, _>("purpose")?.as_str() {
        "verify_email" => LinkPurpose::VerifyEmail,
        "sign_in" => LinkPurpose::SignIn,
        "reset_password" => LinkPurpose::ResetPassword,
        other => return Err(StorageError::Corrupt(format!("link purpose {other}"))),
    };
    let member = row.try_get("member_id")?;
    Ok(Some((
        member,
        OneTimeLink {
            purpose,
            expires_at: from_db(row.try_get("expires_at")?),
            used_at: from_db_opt(row.try_get("used_at")?),
        },
    )))
}

/// Uses up every outstanding link of a member (a password reset or
/// change, PL-1): a link emailed before it opens nothing after it.
pub async fn void_links(tx: &mut Tx, member: MemberId, now: DateTime<Utc>) -> Result<u64, StorageError> {
    let done = sqlx::query("UPDATE one_time_links SET used_at = $2 WHERE member_id = $1 AND used_at IS NULL")
        .bind(member)
        .bind(to_db(now))
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected())
}

/// Marks a link used. Only the first of two racing redemptions succeeds.
pub async fn use_link(tx: &mut Tx, token_hash: &str, now: DateTime<Utc>) -> Result<bool, StorageError> {
    let done = sqlx::query("UPDATE one_time_links SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL")
        .bind(token_hash)
        .bind(to_db(now))
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}
