//! Groups (UG-1). Leaders are role grants; see `members::holders`.

use chrono::{DateTime, Utc};
use guildhall_domain::group::{GroupProfile, GroupStatus};
use guildhall_domain::ids::{GroupId, RegionId};
use guildhall_domain::values::{City, Country, GroupName, LongText, Slug, TimeZone};
use guildhall_domain::DomainError;
use sqlx::any::AnyRow;
use sqlx::{Any, AnyPool, Executor, Row};

use crate::cols::Cols;
use crate::error::on_unique;
use crate::time::{from_db, to_db};
use crate::{StorageError, Tx};

#[derive(Clone, Debug)]
pub struct Group {
    pub id: GroupId,
    pub region_id: RegionId,
    pub region_name: String,
    pub profile: GroupProfile,
    pub status: GroupStatus,
    /// UG-4: the leaders are looking for a co-leader.
    pub coleader_wanted: bool,
    /// UG-6: every new event of the group has its sessions reviewed.
    pub review_required: bool,
    /// UG-10: when the group last became needs-support.
    pub needs_support_since: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// The groups table's own columns (a join reads them with `cols::aliased`).
pub(crate) const COLUMNS: &str = "id, region_id, slug, name, city, country, time_zone, description, status,
    coleader_wanted, review_required, needs_support_since, created_at";

const SELECT: &str = "SELECT g.id, g.region_id, r.name AS region_name, g.slug, g.name, g.city, g.country,
    g.time_zone, g.description, g.status, g.coleader_wanted, g.review_required, g.needs_support_since, g.created_at
    FROM groups g JOIN regions r ON r.id = g.region_id";

fn from_row(r: &AnyRow) -> Result<Group, StorageError> {
    from_cols(Cols::plain(r))
}

pub(crate) fn from_cols(r: Cols<'_>) -> Result<Group, StorageError> {
    let corrupt = |w: &str| StorageError::Corrupt(format!("group {w}"));
    let text = |c: &str| r.get::<String>(c);
    Ok(Group {
        id: text("id")?.parse().map_err(|_| corrupt("id"))?,
        region_id: text("region_id")?.parse().map_err(|_| corrupt("region"))?,
        region_name: text("region_name")?,
        profile: GroupProfile {
            name: GroupName::parse(&text("name")?).map_err(|_| corrupt("name"))?,
            slug: Slug::parse(&text("slug")?).map_err(|_| corrupt("slug"))?,
            city: City::parse(&text("city")?).map_err(|_| corrupt("city"))?,
            country: Country::parse(&text("country")?).map_err(|_| corrupt("country"))?,
            time_zone: TimeZone::parse(&text("time_zone")?).map_err(|_| corrupt("time zone"))?,
            description: LongText::parse(&text("description")?, "description", false)
                .map_err(|_| corrupt("description"))?,
        },
        status: r.get::<GroupStatus>("status")?,
        coleader_wanted: r.get::<i64>("coleader_wanted")? != 0,
        review_required: r.get::<i64>("review_required")? != 0,
        needs_support_since: r.get::<Option<i64>>("needs_support_since")?.map(from_db),
        created_at: from_db(r.get("created_at")?),
    })
}

fn slug_taken(e: sqlx::Error) -> StorageError {
    on_unique(e, "groups_slug_key", "groups.slug", DomainError::SlugTaken)
}

pub async fn insert(
    tx: &mut Tx,
    region: RegionId,
    p: &GroupProfile,
    now: DateTime<Utc>,
) -> Result<GroupId, StorageError> {
    let id = GroupId::new();
    sqlx::query(
        "INSERT INTO groups (id, region_id, slug, name, city, country, time_zone, description, status,
             created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'active', $9, $9)",
    )
    .bind(id)
    .bind(region)
    .bind(p.slug.as_str())
    .bind(p.name.as_str())
    .bind(p.city.as_str())
    .bind(p.country.code())
    .bind(p.time_zone.name())
    .bind(p.description.as_str())
    .bind(to_db(now))
    .execute(&mut **tx)
    .await
    .map_err(slug_taken)?;
    Ok(id)
}

pub async fn update(tx: &mut Tx, id: GroupId, p: &GroupProfile, now: DateTime<Utc>) -> Result<(), StorageError> {
    let done = sqlx::query(
        "UPDATE groups SET slug = $2, name = $3, city = $4, country = $5, time_zone = $6, description = $7,
             updated_at = $8 WHERE id = $1",
    )
    .bind(id)
    .bind(p.slug.as_str())
    .bind(p.name.as_str())
    .bind(p.city.as_str())
    .bind(p.country.code())
    .bind(p.time_zone.name())
    .bind(p.description.as_str())
    .bind(to_db(now))
    .execute(&mut **tx)
    .await
    .map_err(slug_taken)?;
    if done.rows_affected() == 0 {
        return Err(DomainError::NotFound.into());
    }
    Ok(())
}

/// UG-1: archives or reactivates, only from the status it was read in.
pub async fn set_status(
    tx: &mut Tx,
    id: GroupId,
    from: GroupStatus,
    to: GroupStatus,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    let done = sqlx::query("UPDATE groups SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4")
        .bind(to)
        .bind(to_db(now))
        .bind(id)
        .bind(from)
        .execute(&mut **tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(DomainError::StateConflict { what: "group", from: "changed", to: to.as_str() }.into());
    }
    Ok(())
}

/// UG-1: the group now belongs to `region` (and so to its managers).
pub async fn set_region(tx: &mut Tx, id: GroupId, region: RegionId, now: DateTime<Utc>) -> Result<(), StorageError> {
    sqlx::query("UPDATE groups SET region_id = $1, updated_at = $2 WHERE id = $3")
        .bind(region)
        .bind(to_db(now))
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// UG-1: the group's published events not over yet (what archiving waits for).
pub async fn upcoming_events(pool: &AnyPool, id: GroupId, now: DateTime<Utc>) -> Result<i64, StorageError> {
    let n =
        sqlx::query_scalar("SELECT COUNT(*) FROM events WHERE group_id = $1 AND status = 'published' AND ends_at > $2")
            .bind(id)
            .bind(to_db(now))
            .fetch_one(pool)
            .await?;
    Ok(n)
}

pub async fn by_slug(pool: &AnyPool, slug: &str) -> Result<Option<Group>, StorageError> {
    let row = sqlx::query(&format!("{SELECT} WHERE g.slug = $1")).bind(slug).fetch_optional(pool).await?;
    row.as_ref().map(from_row).transpose()
}

pub async fn by_id<'e>(ex: impl Executor<'e, Database = Any>, id: GroupId) -> Result<Option<Group>, StorageError> {
    let row = sqlx::query(&format!("{SELECT} WHERE g.id = $1")).bind(id).fetch_optional(ex).await?;
    row.as_ref().map(from_row).transpose()
}

/// The directory's filters (PL-5): text matches name or city, and a city
/// by any of its other names (`place_names`: "Lisbon" finds "Lisboa").
#[derive(Clone, Debug, Default)]
pub struct GroupQuery {
    pub text: Option<String>,
    pub region: Option<RegionId>,
    pub country: Option<Country>,
}

/// Listed (not archived) groups matching `q`, by name.
pub async fn search(pool: &AnyPool, q: &GroupQuery, limit: i64, offset: i64) -> Result<Vec<Group>, StorageError> {
    // Bind every filter; an empty one matches all rows. LOWER() on both
    // sides makes the match case-insensitive on both databases.
    let pattern = q.text.as_deref().map(|t| crate::dialect::like_containing(&t.to_lowercase())).unwrap_or_default();
    let rows = sqlx::query(&format!(
        "{SELECT} WHERE g.status <> 'archived'
           AND ($1 = '' OR LOWER(g.name) LIKE $1 ESCAPE '\\' OR LOWER(g.city) LIKE $1 ESCAPE '\\'
                OR LOWER(g.city) IN (SELECT LOWER(other.name) FROM place_names typed
                                     JOIN place_names other ON other.place = typed.place
                                     WHERE typed.folded = $6))
           AND ($2 = '' OR g.region_id = $2)
           AND ($3 = '' OR g.country = $3)
         ORDER BY g.name LIMIT $4 OFFSET $5"
    ))
    .bind(pattern)
    .bind(q.region.map(|r| r.to_string()).unwrap_or_default())
    .bind(q.country.map(|c| c.code().to_owned()).unwrap_or_default())
    .bind(limit)
    .bind(offset)
    .bind(q.text.as_deref().map(guildhall_domain::values::fold).unwrap_or_default())
    .fetch_all(pool)
    .await?;
    rows.iter().map(from_row).collect()
}

/// The countries that have listed groups, for the directory's filter.
pub async fn countries(pool: &AnyPool) -> Result<Vec<Country>, StorageError> {
    let rows = sqlx::query("SELECT DISTINCT country FROM groups WHERE status <> 'archived' ORDER BY country")
        .fetch_all(pool)
        .await?;
    Ok(rows
        .iter()
        .filter_map(|r| r.try_get::<String, _>("country").ok())
        .filter_map(|c| Country::parse(&c).ok())
        .collect())
}

/// The groups a member leads.
pub async fn led_by(pool: &AnyPool, member: guildhall_domain::ids::MemberId) -> Result<Vec<Group>, StorageError> {
    let rows = sqlx::query(&format!(
        "{SELECT} JOIN role_grants rg ON rg.scope = g.id AND rg.role = 'group_leader'
         WHERE rg.member_id = $1 ORDER BY g.name"
    ))
    .bind(member)
    .fetch_all(pool)
    .await?;
    rows.iter().map(from_row).collect()
}

/// Every group of a region (archived too), by name: the manager's view.
pub async fn in_region(pool: &AnyPool, region: RegionId) -> Result<Vec<Group>, StorageError> {
    let rows =
        sqlx::query(&format!("{SELECT} WHERE g.region_id = $1 ORDER BY g.name")).bind(region).fetch_all(pool).await?;
    rows.iter().map(from_row).collect()
}

/// Makes every group created after `at` look created then (the demo's
/// groups have met for years).
pub async fn backdate_created(tx: &mut Tx, at: DateTime<Utc>) -> Result<u64, StorageError> {
    let done = sqlx::query("UPDATE groups SET created_at = $1 WHERE created_at > $1")
        .bind(to_db(at))
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected())
}

/// Every group that is not archived: what the health job looks at.
pub async fn all_listed(pool: &AnyPool) -> Result<Vec<Group>, StorageError> {
    let rows = sqlx::query(&format!("{SELECT} WHERE g.status <> 'archived' ORDER BY g.name")).fetch_all(pool).await?;
    rows.iter().map(from_row).collect()
}

/// UG-4: shows or hides "co-leader wanted" on the group page.
pub async fn set_coleader_wanted(tx: &mut Tx, id: GroupId, on: bool, now: DateTime<Utc>) -> Result<(), StorageError> {
    sqlx::query("UPDATE groups SET coleader_wanted = $1, updated_at = $2 WHERE id = $3")
        .bind(i64::from(on))
        .bind(to_db(now))
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// UG-6: every new event of the group starts under review.
pub async fn set_review_required(tx: &mut Tx, id: GroupId, on: bool, now: DateTime<Utc>) -> Result<(), StorageError> {
    sqlx::query("UPDATE groups SET review_required = $1, updated_at = $2 WHERE id = $3")
        .bind(i64::from(on))
        .bind(to_db(now))
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
