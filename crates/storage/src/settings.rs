//! Settings rows (values parsed by the domain's settings module).

use chrono::{DateTime, Utc};
use guildhall_domain::ids::MemberId;
use guildhall_domain::settings::{SettingValue, Settings};
use sqlx::{AnyPool, Row};

use crate::time::to_db;
use crate::{StorageError, Tx};

/// Loads and parses every setting.
pub async fn load(pool: &AnyPool) -> Result<Settings, StorageError> {
    let rows = sqlx::query("SELECT key, value FROM settings").fetch_all(pool).await?;
    let pairs: Vec<(String, String)> =
        rows.iter().map(|r| Ok((r.try_get("key")?, r.try_get("value")?))).collect::<Result<_, sqlx::Error>>()?;
    Settings::from_rows(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))).map_err(StorageError::Corrupt)
}

/// Stores a new value; returns the previous text for the audit entry.
pub async fn set(
    tx: &mut Tx,
    key: &str,
    value: &SettingValue,
    by: MemberId,
    now: DateTime<Utc>,
) -> Result<Option<String>, StorageError> {
    let old: Option<String> = sqlx::query("SELECT value FROM settings WHERE key = $1")
        .bind(key)
        .fetch_optional(&mut **tx)
        .await?
        .map(|r| r.try_get("value"))
        .transpose()?;
    sqlx::query(
        "INSERT INTO settings (key, value, updated_at, updated_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by",
    )
    .bind(key)
    .bind(value.to_text())
    .bind(to_db(now))
    .bind(by.to_string())
    .execute(&mut **tx)
    .await?;
    Ok(old)
}
