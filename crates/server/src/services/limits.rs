//! Rate limits (PL-1), counted in the database so every instance shares them.

use chrono::Utc;
use guildhall_domain::rate_limit::RateLimit;
use guildhall_storage::{rate_limits, Db};

use crate::error::AppError;

/// Counts one attempt under `key` and refuses it when over `limit`. The
/// count commits on its own, so a failed attempt still counts.
pub async fn enforce(db: &Db, key: &str, limit: RateLimit) -> Result<(), AppError> {
    let now = Utc::now();
    let mut tx = db.begin().await?;
    let count = rate_limits::hit(&mut tx, key, limit.window_start(now)).await?;
    tx.commit().await?;
    limit.check(count, now)?;
    Ok(())
}
