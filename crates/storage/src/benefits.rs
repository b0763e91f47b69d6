//! Benefits (CH-8): pools of codes loaded by program staff; each active
//! member claims at most one code per benefit per year, and no code is
//! ever handed out twice, under any concurrency.

use chrono::{DateTime, Utc};
use guildhall_domain::ids::MemberId;
use guildhall_domain::DomainError;
use sqlx::{AnyPool, Row};

use crate::dialect::skip_locked;
use crate::error::on_unique;
use crate::time::to_db;
use crate::{Backend, StorageError, Tx};

#[derive(Clone, Debug)]
pub struct Benefit {
    pub id: String,
    pub name: String,
    pub codes_left: i64,
}

pub async fn create(tx: &mut Tx, name: &str, now: DateTime<Utc>) -> Result<String, StorageError> {
    let id = uuid::Uuid::now_v7().to_string();
    sqlx::query("INSERT INTO benefits (id, name, created_at) VALUES ($1, $2, $3)")
        .bind(&id)
        .bind(name)
        .bind(to_db(now))
        .execute(&mut **tx)
        .await?;
    Ok(id)
}

/// Adds codes to a pool; a code already in it is skipped. Returns how many
/// were added.
pub async fn load_codes(tx: &mut Tx, benefit: &str, codes: &[String]) -> Result<u64, StorageError> {
    let mut added = 0;
    for code in codes {
        let done = sqlx::query(
            "INSERT INTO benefit_codes (id, benefit_id, code) VALUES ($1, $2, $3)
             ON CONFLICT (benefit_id, code) DO NOTHING",
        )
        .bind(uuid::Uuid::now_v7().to_string())
        .bind(benefit)
        .bind(code)
        .execute(&mut **tx)
        .await?;
        added += done.rows_affected();
    }
    Ok(added)
}

pub async fn get(pool: &AnyPool, id: &str) -> Result<Option<Benefit>, StorageError> {
    let row = sqlx::query(
        "SELECT b.id, b.name, (SELECT COUNT(*) FROM benefit_codes c WHERE c.benefit_id = b.id AND c.claimed_by IS NULL)
             AS codes_left FROM benefits b WHERE b.id = $1",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?;
    row.map(|r| Ok(Benefit { id: r.try_get("id")?, name: r.try_get("name")?, codes_left: r.try_get("codes_left")? }))
        .transpose()
}

/// CH-8: hands one free code to `member` for `year`. The code is taken by
/// a conditional UPDATE (PostgreSQL skips rows other claims hold), and the
/// unique key (benefit, member, year) refuses a second code the same year.
pub async fn claim(
    tx: &mut Tx,
    backend: Backend,
    benefit: &str,
    member: MemberId,
    year: i32,
    now: DateTime<Utc>,
) -> Result<String, StorageError> {
    let already: i64 = sqlx::query(
        "SELECT COUNT(*) AS n FROM benefit_codes WHERE benefit_id = $1 AND claimed_by = $2 AND claim_year = $3",
    )
    .bind(benefit)
    .bind(member.to_string())
    .bind(i64::from(year))
    .fetch_one(&mut **tx)
    .await?
    .try_get("n")?;
    if already > 0 {
        return Err(DomainError::field("benefit", "benefit_already_claimed").into());
    }
    let sql = format!(
        "UPDATE benefit_codes SET claimed_by = $1, claim_year = $2, claimed_at = $3
         WHERE id = (SELECT id FROM benefit_codes WHERE benefit_id = $4 AND claimed_by IS NULL
                     ORDER BY id LIMIT 1{}) AND claimed_by IS NULL
         RETURNING code",
        skip_locked(backend)
    );
    let row = sqlx::query(&sql)
        .bind(member.to_string())
        .bind(i64::from(year))
        .bind(to_db(now))
        .bind(benefit)
        .fetch_optional(&mut **tx)
        .await
        .map_err(|e| {
            let rule = DomainError::field("benefit", "benefit_already_claimed");
            on_unique(e, "benefit_codes_once_a_year", "benefit_codes.benefit_id", rule)
        })?;
    match row {
        Some(r) => Ok(r.try_get("code")?),
        None => Err(DomainError::field("benefit", "no_codes_left").into()),
    }
}
