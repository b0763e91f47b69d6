//! Secrets for keyed hashes that must stop being traceable (UG-8): one per
//! UTC day, shared by every instance through the database, forgotten two
//! days later. A count kept under a hash made with a forgotten key can no
//! longer be matched to the address it came from.

use crate::{StorageError, Tx};
use chrono::{Duration, NaiveDate};

/// The secret of `day`, creating it from `candidate` if no instance has yet.
pub async fn secret_for(tx: &mut Tx, day: NaiveDate, candidate: &str) -> Result<String, StorageError> {
    let day = day.format("%Y-%m-%d").to_string();
    sqlx::query("INSERT INTO hash_keys (day, secret) VALUES ($1, $2) ON CONFLICT (day) DO NOTHING")
        .bind(&day)
        .bind(candidate)
        .execute(&mut **tx)
        .await?;
    Ok(sqlx::query_scalar("SELECT secret FROM hash_keys WHERE day = $1").bind(&day).fetch_one(&mut **tx).await?)
}

/// Forgets the secrets of days before `today` minus one.
pub async fn prune(tx: &mut Tx, today: NaiveDate) -> Result<u64, StorageError> {
    let keep_from = (today - Duration::days(1)).format("%Y-%m-%d").to_string();
    let done = sqlx::query("DELETE FROM hash_keys WHERE day < $1").bind(keep_from).execute(&mut **tx).await?;
    Ok(done.rows_affected())
}
