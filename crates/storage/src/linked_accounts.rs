//! The forum accounts and feeds members link to their profile (PL-3).

use chrono::{DateTime, Utc};
use guildhall_domain::ids::{LinkedAccountId, MemberId};
use guildhall_domain::linked_account::{AccountKind, Handle, LinkedAccount, Proof, ProofCode};
use guildhall_domain::DomainError;
use sqlx::{AnyPool, FromRow};

use crate::error::on_unique;
use crate::time::{from_db, to_db};
use crate::{StorageError, Tx};

#[derive(FromRow)]
struct Row {
    id: String,
    member_id: String,
    kind: String,
    handle: String,
    code: String,
    proof: Option<String>,
    proven_at: Option<i64>,
    created_at: i64,
}

impl Row {
    fn into_link(self) -> Result<LinkedAccount, StorageError> {
        let corrupt = |what: &str| StorageError::Corrupt(format!("linked account {what}"));
        let proven = match (self.proof.as_deref().map(Proof::parse), self.proven_at) {
            (Some(Ok(how)), Some(at)) => Some((how, from_db(at))),
            (None, None) => None,
            _ => return Err(corrupt("proof")),
        };
        Ok(LinkedAccount {
            id: self.id.parse().map_err(|_| corrupt("id"))?,
            member: self.member_id.parse().map_err(|_| corrupt("member"))?,
            kind: AccountKind::parse(&self.kind).map_err(|_| corrupt("kind"))?,
            handle: Handle::stored(self.handle),
            code: ProofCode::stored(self.code),
            proven,
            created_at: from_db(self.created_at),
        })
    }
}

const COLUMNS: &str = "id, member_id, kind, handle, code, proof, proven_at, created_at";

/// Adds `member`'s claim on an account with its proof `code`, or returns
/// the claim they already made on it (its code unchanged).
pub async fn add(
    tx: &mut Tx,
    member: MemberId,
    kind: AccountKind,
    handle: &Handle,
    code: &ProofCode,
    now: DateTime<Utc>,
) -> Result<(LinkedAccount, bool), StorageError> {
    let done = sqlx::query(
        "INSERT INTO linked_accounts (id, member_id, kind, handle, code, created_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (member_id, kind, handle) DO NOTHING",
    )
    .bind(LinkedAccountId::new())
    .bind(member)
    .bind(kind)
    .bind(handle.as_str())
    .bind(code.as_str())
    .bind(to_db(now))
    .execute(&mut **tx)
    .await?;
    let sql = format!("SELECT {COLUMNS} FROM linked_accounts WHERE member_id = $1 AND kind = $2 AND handle = $3");
    let row: Row =
        sqlx::query_as(&sql).bind(member).bind(kind.as_str()).bind(handle.as_str()).fetch_one(&mut **tx).await?;
    Ok((row.into_link()?, done.rows_affected() > 0))
}

/// Who proved the account, if anyone did.
pub async fn owner(pool: &AnyPool, kind: AccountKind, handle: &Handle) -> Result<Option<MemberId>, StorageError> {
    let found: Option<String> = sqlx::query_scalar(
        "SELECT member_id FROM linked_accounts WHERE kind = $1 AND handle = $2 AND proven_at IS NOT NULL",
    )
    .bind(kind)
    .bind(handle.as_str())
    .fetch_optional(pool)
    .await?;
    found.map(|m| m.parse().map_err(|_| StorageError::Corrupt("linked account member".into()))).transpose()
}

pub async fn by_id(pool: &AnyPool, id: LinkedAccountId) -> Result<Option<LinkedAccount>, StorageError> {
    let sql = format!("SELECT {COLUMNS} FROM linked_accounts WHERE id = $1");
    let row: Option<Row> = sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?;
    row.map(Row::into_link).transpose()
}

/// `member`'s claim on the account, proven or not.
pub async fn of_member_for(
    pool: &AnyPool,
    member: MemberId,
    kind: AccountKind,
    handle: &Handle,
) -> Result<Option<LinkedAccount>, StorageError> {
    let sql = format!("SELECT {COLUMNS} FROM linked_accounts WHERE member_id = $1 AND kind = $2 AND handle = $3");
    let row: Option<Row> =
        sqlx::query_as(&sql).bind(member).bind(kind.as_str()).bind(handle.as_str()).fetch_optional(pool).await?;
    row.map(Row::into_link).transpose()
}

/// A member's links, oldest first.
pub async fn of_member(pool: &AnyPool, member: MemberId) -> Result<Vec<LinkedAccount>, StorageError> {
    let sql = format!("SELECT {COLUMNS} FROM linked_accounts WHERE member_id = $1 ORDER BY created_at, id");
    let rows: Vec<Row> = sqlx::query_as(&sql).bind(member).fetch_all(pool).await?;
    rows.into_iter().map(Row::into_link).collect()
}

/// Records the proof; a second member proving the same account at the same
/// moment is refused by the database (one owner per account).
pub async fn prove(
    tx: &mut Tx,
    id: LinkedAccountId,
    how: Proof,
    by: MemberId,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    sqlx::query(
        "UPDATE linked_accounts SET proof = $1, proven_at = $2, proven_by = $3 WHERE id = $4 AND proven_at IS NULL",
    )
    .bind(how.as_str())
    .bind(to_db(now))
    .bind(by)
    .bind(id)
    .execute(&mut **tx)
    .await
    .map_err(|e| {
        on_unique(
            e,
            "linked_accounts_one_owner",
            "linked_accounts.kind, linked_accounts.handle",
            DomainError::AccountLinkedElsewhere,
        )
    })?;
    Ok(())
}

/// Removes the link; what was imported through it stays the member's.
pub async fn remove(tx: &mut Tx, id: LinkedAccountId) -> Result<bool, StorageError> {
    let done = sqlx::query("DELETE FROM linked_accounts WHERE id = $1").bind(id).execute(&mut **tx).await?;
    Ok(done.rows_affected() > 0)
}
