//! The shared venue registry (UG-7).

use chrono::{DateTime, Utc};
use guildhall_domain::ids::{MemberId, VenueId};
use guildhall_domain::values::{City, Country, LongText, VenueLine};
use guildhall_domain::venue::{VenueKind, VenueProfile};
use sqlx::any::AnyRow;
use sqlx::{Any, AnyPool, Executor};

use crate::cols::Cols;
use crate::time::to_db;
use crate::{StorageError, Tx};

#[derive(Clone, Debug)]
pub struct Venue {
    pub id: VenueId,
    pub profile: VenueProfile,
}

fn from_row(r: &AnyRow) -> Result<Venue, StorageError> {
    from_cols(Cols::plain(r))
}

pub(crate) fn from_cols(r: Cols<'_>) -> Result<Venue, StorageError> {
    let corrupt = |w: &str| StorageError::Corrupt(format!("venue {w}"));
    let text = |c: &str| r.get::<String>(c);
    Ok(Venue {
        id: text("id")?.parse().map_err(|_| corrupt("id"))?,
        profile: VenueProfile {
            name: VenueLine::parse(&text("name")?).map_err(|_| corrupt("name"))?,
            address: VenueLine::parse(&text("address")?).map_err(|_| corrupt("address"))?,
            city: City::parse(&text("city")?).map_err(|_| corrupt("city"))?,
            country: Country::parse(&text("country")?).map_err(|_| corrupt("country"))?,
            kind: r.get::<VenueKind>("kind")?,
            capacity: r.get::<Option<i64>>("capacity")?.and_then(|c| u32::try_from(c).ok()),
            accessibility: LongText::parse(&text("accessibility")?, "accessibility", false)
                .map_err(|_| corrupt("accessibility"))?,
        },
    })
}

pub(crate) const COLUMNS: &str = "id, name, address, city, country, kind, capacity, accessibility";

pub async fn insert(
    tx: &mut Tx,
    v: &VenueProfile,
    by: Option<MemberId>,
    now: DateTime<Utc>,
) -> Result<VenueId, StorageError> {
    let id = VenueId::new();
    sqlx::query(
        "INSERT INTO venues (id, name, address, city, country, kind, created_by, created_at, capacity, accessibility)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(id)
    .bind(v.name.as_str())
    .bind(v.address.as_str())
    .bind(v.city.as_str())
    .bind(v.country.code())
    .bind(v.kind)
    .bind(by)
    .bind(to_db(now))
    .bind(v.capacity.map(i64::from))
    .bind(v.accessibility.as_str())
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

pub async fn get<'e>(ex: impl Executor<'e, Database = Any>, id: VenueId) -> Result<Option<Venue>, StorageError> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM venues WHERE id = $1")).bind(id).fetch_optional(ex).await?;
    row.as_ref().map(from_row).transpose()
}

/// Several venues by id in one query.
pub async fn by_ids(pool: &AnyPool, ids: &[VenueId]) -> Result<Vec<Venue>, StorageError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!("SELECT {COLUMNS} FROM venues WHERE id IN ({})", crate::batch::in_list(ids.len()));
    let rows = ids.iter().fold(sqlx::query(&sql), |q, id| q.bind(*id)).fetch_all(pool).await?;
    rows.iter().map(from_row).collect()
}

/// Venues in a country, by city and name: the list a leader picks from.
pub async fn in_country(pool: &AnyPool, country: Country) -> Result<Vec<Venue>, StorageError> {
    let rows = sqlx::query(&format!("SELECT {COLUMNS} FROM venues WHERE country = $1 ORDER BY city, name"))
        .bind(country.code())
        .fetch_all(pool)
        .await?;
    rows.iter().map(from_row).collect()
}

/// The whole registry, optionally narrowed to a country and a kind, by
/// country, city and name (UG-7).
pub async fn search(
    pool: &AnyPool,
    country: Option<Country>,
    kind: Option<VenueKind>,
) -> Result<Vec<Venue>, StorageError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM venues WHERE ($1 = '' OR country = $1) AND ($2 = '' OR kind = $2)
         ORDER BY country, city, name"
    ))
    .bind(country.map(|c| c.code().to_owned()).unwrap_or_default())
    .bind(kind.map(|k| k.as_str()).unwrap_or_default())
    .fetch_all(pool)
    .await?;
    rows.iter().map(from_row).collect()
}
