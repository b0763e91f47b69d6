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
    .bind(by)
    .execute(&mut **tx)
    .await?;
    Ok(old)
}

/// The channel on which PostgreSQL instances hear that settings changed.
pub const CHANGES_CHANNEL: &str = "guildhall_settings";

/// Tells the other instances, once `tx` commits, that settings changed
/// (PostgreSQL's NOTIFY is delivered at commit; SQLite has one process).
pub async fn announce_change(tx: &mut Tx, backend: crate::Backend) -> Result<(), StorageError> {
    if backend == crate::Backend::Postgres {
        sqlx::query("SELECT pg_notify($1, '')").bind(CHANGES_CHANNEL).execute(&mut **tx).await?;
    }
    Ok(())
}

/// Hears settings changes announced by any instance (PostgreSQL).
pub struct ChangeListener(sqlx::postgres::PgListener);

/// What the listener heard.
pub enum Heard {
    Changed,
    /// The connection was lost: changes made meanwhile were not heard.
    Lost,
}

impl ChangeListener {
    pub async fn connect(url: &str) -> Result<Self, StorageError> {
        let mut l = sqlx::postgres::PgListener::connect(url).await?;
        l.listen(CHANGES_CHANNEL).await?;
        Ok(Self(l))
    }

    pub async fn next(&mut self) -> Heard {
        match self.0.try_recv().await {
            Ok(Some(_)) => Heard::Changed,
            Ok(None) | Err(_) => Heard::Lost,
        }
    }
}
