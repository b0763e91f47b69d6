//! Rate limits (PL-1), counted in the database so every instance shares them.

use chrono::Utc;
use guildhall_domain::rate_limit::RateLimit;
use guildhall_storage::{hash_keys, rate_limits, Db};
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::error::AppError;

/// Counts one attempt under `key` and refuses it when over `limit`. The
/// count commits on its own, so a failed attempt still counts.
#[tracing::instrument(skip_all)]
pub async fn enforce(db: &Db, key: &str, limit: RateLimit) -> Result<(), AppError> {
    let now = Utc::now();
    let mut tx = db.begin().await?;
    let count = rate_limits::hit(&mut tx, key, limit.window_start(now)).await?;
    tx.commit().await?;
    limit.check(count, now)?;
    Ok(())
}

/// Refuses when `key` has already used up `limit` in this window, without
/// counting this attempt: for limits that count failures only ([`count`]).
#[tracing::instrument(skip_all)]
pub async fn check(db: &Db, key: &str, limit: RateLimit) -> Result<(), AppError> {
    let now = Utc::now();
    let count = rate_limits::current(db.reader(), key, limit.window_start(now)).await?;
    limit.check(count + 1, now)?;
    Ok(())
}

/// Counts one attempt under `key` (a failure, for [`check`]).
#[tracing::instrument(skip_all)]
pub async fn count(db: &Db, key: &str, limit: RateLimit) -> Result<(), AppError> {
    let now = Utc::now();
    let mut tx = db.begin().await?;
    rate_limits::hit(&mut tx, key, limit.window_start(now)).await?;
    tx.commit().await?;
    Ok(())
}

/// Whether `key` may do one more thing this window, counting it when so:
/// for what is skipped rather than refused (one acknowledgement per address).
#[tracing::instrument(skip_all)]
pub async fn allow(db: &Db, key: &str, limit: RateLimit) -> Result<bool, AppError> {
    let now = Utc::now();
    let mut tx = db.begin().await?;
    let count = rate_limits::hit(&mut tx, key, limit.window_start(now)).await?;
    tx.commit().await?;
    Ok(limit.check(count, now).is_ok())
}

/// Makes keys for counting values (an address, a network) without storing
/// them: HMAC-SHA-256 under today's secret, which is forgotten two days
/// later (`hash_keys`), so no count can be traced back to its value (UG-8).
pub struct Keyer(Hmac<Sha256>);

impl Keyer {
    /// Today's keyer; the first instance to ask makes the day's secret.
    pub async fn today(db: &Db) -> Result<Self, AppError> {
        let mut tx = db.begin().await?;
        let candidate = crate::auth::secrets::new_token();
        let secret = hash_keys::secret_for(&mut tx, Utc::now().date_naive(), &candidate).await?;
        tx.commit().await?;
        let mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).map_err(|e| anyhow::anyhow!("hmac: {e}"))?;
        Ok(Self(mac))
    }

    pub fn key(&self, value: &str) -> String {
        let mut mac = self.0.clone();
        mac.update(value.as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }
}
