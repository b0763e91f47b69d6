//! Regions: each owned by community managers, with the currency of its fee
//! schedule (UG-12, UG-13).

use chrono::{DateTime, Utc};
use guildhall_domain::ids::RegionId;
use guildhall_domain::values::{Currency, RegionName};
use guildhall_domain::DomainError;
use sqlx::any::AnyRow;
use sqlx::{AnyPool, Row};

use crate::error::on_unique;
use crate::time::to_db;
use crate::{StorageError, Tx};

#[derive(Clone, Debug)]
pub struct Region {
    pub id: RegionId,
    pub name: RegionName,
    pub currency: Currency,
}

fn from_row(r: &AnyRow) -> Result<Region, StorageError> {
    let corrupt = |w: &str| StorageError::Corrupt(format!("region {w}"));
    Ok(Region {
        id: r.try_get("id")?,
        name: RegionName::parse(&r.try_get::<String, _>("name")?).map_err(|_| corrupt("name"))?,
        currency: r.try_get::<Currency, _>("currency")?,
    })
}

pub async fn insert(
    tx: &mut Tx,
    name: &RegionName,
    currency: Currency,
    now: DateTime<Utc>,
) -> Result<RegionId, StorageError> {
    let id = RegionId::new();
    sqlx::query("INSERT INTO regions (id, name, currency, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)")
        .bind(id)
        .bind(name.as_str())
        .bind(currency)
        .bind(to_db(now))
        .execute(&mut **tx)
        .await
        .map_err(|e| on_unique(e, "regions_name_key", "regions.name", DomainError::RegionNameTaken))?;
    Ok(id)
}

pub async fn update(
    tx: &mut Tx,
    id: RegionId,
    name: &RegionName,
    currency: Currency,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    let done = sqlx::query("UPDATE regions SET name = $2, currency = $3, updated_at = $4 WHERE id = $1")
        .bind(id)
        .bind(name.as_str())
        .bind(currency)
        .bind(to_db(now))
        .execute(&mut **tx)
        .await
        .map_err(|e| on_unique(e, "regions_name_key", "regions.name", DomainError::RegionNameTaken))?;
    if done.rows_affected() == 0 {
        return Err(DomainError::NotFound.into());
    }
    Ok(())
}

pub async fn list(pool: &AnyPool) -> Result<Vec<Region>, StorageError> {
    let rows = sqlx::query("SELECT id, name, currency FROM regions ORDER BY name").fetch_all(pool).await?;
    rows.iter().map(from_row).collect()
}

pub async fn get(pool: &AnyPool, id: RegionId) -> Result<Option<Region>, StorageError> {
    let row = sqlx::query("SELECT id, name, currency FROM regions WHERE id = $1").bind(id).fetch_optional(pool).await?;
    row.as_ref().map(from_row).transpose()
}
