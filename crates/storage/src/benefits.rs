//! Benefits (CH-8): pools of codes loaded by program staff; each active
//! member claims at most one code per benefit per year, and no code is
//! ever handed out twice, under any concurrency.

use chrono::{DateTime, NaiveDate, Utc};
use guildhall_domain::benefit::Pool;
use guildhall_domain::ids::{BenefitId, MemberId};
use guildhall_domain::program::Program;
use guildhall_domain::DomainError;
use sqlx::{AnyPool, Row};

use crate::dialect::skip_locked;
use crate::error::on_unique;
use crate::time::to_db;
use crate::{Backend, StorageError, Tx};

#[derive(Clone, Debug)]
pub struct Benefit {
    pub id: BenefitId,
    pub name: String,
    pub pool: Pool,
    pub codes_left: i64,
    pub codes_total: i64,
}

/// A code a member claimed.
#[derive(Clone, Debug)]
pub struct Claimed {
    pub benefit_id: BenefitId,
    pub code: String,
    pub year: i64,
}

pub async fn create(tx: &mut Tx, name: &str, pool: Pool, now: DateTime<Utc>) -> Result<BenefitId, StorageError> {
    let id = BenefitId::new();
    sqlx::query("INSERT INTO benefits (id, name, program, valid_until, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(id)
        .bind(name)
        .bind(pool.program)
        .bind(pool.valid_until.map(|d| d.format("%Y-%m-%d").to_string()))
        .bind(to_db(now))
        .execute(&mut **tx)
        .await?;
    Ok(id)
}

const BENEFIT: &str = "SELECT b.id, b.name, b.program, b.valid_until,
    (SELECT COUNT(*) FROM benefit_codes c WHERE c.benefit_id = b.id AND c.claimed_by IS NULL) AS codes_left,
    (SELECT COUNT(*) FROM benefit_codes c WHERE c.benefit_id = b.id) AS codes_total
    FROM benefits b";

fn from_row(r: &sqlx::any::AnyRow) -> Result<Benefit, StorageError> {
    let corrupt = || StorageError::Corrupt("benefit".into());
    let program =
        r.try_get::<Option<String>, _>("program")?.map(|p| Program::parse(&p).map_err(|_| corrupt())).transpose()?;
    let valid_until = r
        .try_get::<Option<String>, _>("valid_until")?
        .map(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").map_err(|_| corrupt()))
        .transpose()?;
    Ok(Benefit {
        id: r.try_get("id")?,
        name: r.try_get("name")?,
        pool: Pool { program, valid_until },
        codes_left: r.try_get("codes_left")?,
        codes_total: r.try_get("codes_total")?,
    })
}

/// Every pool, newest first.
pub async fn list(pool: &AnyPool) -> Result<Vec<Benefit>, StorageError> {
    let rows = sqlx::query(&format!("{BENEFIT} ORDER BY b.created_at DESC, b.id DESC")).fetch_all(pool).await?;
    rows.iter().map(from_row).collect()
}

/// The codes `member` claimed, newest first.
pub async fn claimed_by(pool: &AnyPool, member: MemberId) -> Result<Vec<Claimed>, StorageError> {
    let rows = sqlx::query(
        "SELECT benefit_id, code, claim_year FROM benefit_codes WHERE claimed_by = $1 ORDER BY claimed_at DESC",
    )
    .bind(member)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Claimed {
                benefit_id: r.try_get("benefit_id")?,
                code: r.try_get("code")?,
                year: r.try_get("claim_year")?,
            })
        })
        .collect()
}

/// Adds codes to a pool; a code already in it is skipped. Returns how many
/// were added.
pub async fn load_codes(tx: &mut Tx, benefit: BenefitId, codes: &[String]) -> Result<u64, StorageError> {
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

pub async fn get(pool: &AnyPool, id: BenefitId) -> Result<Option<Benefit>, StorageError> {
    let row = sqlx::query(&format!("{BENEFIT} WHERE b.id = $1")).bind(id).fetch_optional(pool).await?;
    row.as_ref().map(from_row).transpose()
}

/// CH-8: hands one free code to `member` for `year`. The code is taken by
/// a conditional UPDATE (PostgreSQL skips rows other claims hold), and the
/// unique key (benefit, member, year) refuses a second code the same year.
pub async fn claim(
    tx: &mut Tx,
    backend: Backend,
    benefit: BenefitId,
    member: MemberId,
    year: i32,
    now: DateTime<Utc>,
) -> Result<String, StorageError> {
    let already: i64 = sqlx::query(
        "SELECT COUNT(*) AS n FROM benefit_codes WHERE benefit_id = $1 AND claimed_by = $2 AND claim_year = $3",
    )
    .bind(benefit)
    .bind(member)
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
        .bind(member)
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
