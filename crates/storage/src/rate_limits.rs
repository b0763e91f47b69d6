//! Fixed-window counters shared by every instance (PL-1 rate limits).

use sqlx::Row;

use crate::{StorageError, Tx};

/// Counts one attempt for `key` in the window starting at `window_start`
/// (Unix seconds) and returns the window's count including it.
pub async fn hit(tx: &mut Tx, key: &str, window_start: i64) -> Result<i64, StorageError> {
    let row = sqlx::query(
        "INSERT INTO rate_limits (key, window_start, hits) VALUES ($1, $2, 1)
         ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limits.hits + 1
         RETURNING hits",
    )
    .bind(key)
    .bind(window_start)
    .fetch_one(&mut **tx)
    .await?;
    Ok(row.try_get("hits")?)
}

/// The count under `key` in the window starting at `window_start`, without
/// adding to it.
pub async fn current(pool: &sqlx::AnyPool, key: &str, window_start: i64) -> Result<i64, StorageError> {
    let n: Option<i64> = sqlx::query_scalar("SELECT hits FROM rate_limits WHERE key = $1 AND window_start = $2")
        .bind(key)
        .bind(window_start)
        .fetch_optional(pool)
        .await?;
    Ok(n.unwrap_or(0))
}

/// Forgets windows that ended before `before` (Unix seconds).
pub async fn prune(tx: &mut Tx, before: i64) -> Result<u64, StorageError> {
    let done = sqlx::query("DELETE FROM rate_limits WHERE window_start < $1").bind(before).execute(&mut **tx).await?;
    Ok(done.rows_affected())
}
