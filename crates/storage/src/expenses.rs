//! Money (UG-13): fee schedules per region, expense claims per event, and
//! their receipts (PL-12: the bytes live in the database).

use chrono::{DateTime, Utc};
use guildhall_domain::event::EventStatus;
use guildhall_domain::ids::{ClaimId, EventId, GroupId, MemberId, ReceiptId, RegionId};
use guildhall_domain::money::{Amounts, ClaimStatus, FeeSchedule, Money, NewClaim};
use guildhall_domain::values::Currency;
use guildhall_domain::DomainError;
use sqlx::any::AnyRow;
use sqlx::{AnyPool, Row};

use crate::time::{from_db, from_db_opt, to_db};
use crate::{StorageError, Tx};

fn amounts(r: &AnyRow, currency: Currency, cols: [&str; 3]) -> Result<Amounts, StorageError> {
    let m = |c: &str| -> Result<Money, StorageError> {
        Money::from_minor(r.try_get(c)?, currency).map_err(|_| StorageError::Corrupt(format!("amount {c}")))
    };
    Ok(Amounts { venue: m(cols[0])?, catering: m(cols[1])?, other: m(cols[2])? })
}

/// The region's schedule, in the region's currency; None until an admin sets one.
pub async fn schedule(pool: &AnyPool, region: RegionId) -> Result<Option<FeeSchedule>, StorageError> {
    let row = sqlx::query(
        "SELECT r.currency, f.venue_cap, f.catering_cap, f.other_cap FROM fee_schedules f
         JOIN regions r ON r.id = f.region_id WHERE f.region_id = $1",
    )
    .bind(region)
    .fetch_optional(pool)
    .await?;
    let Some(r) = row else { return Ok(None) };
    let currency = r.try_get::<Currency, _>("currency")?;
    Ok(Some(FeeSchedule { caps: amounts(&r, currency, ["venue_cap", "catering_cap", "other_cap"])? }))
}

pub async fn set_schedule(
    tx: &mut Tx,
    region: RegionId,
    s: &FeeSchedule,
    by: MemberId,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    sqlx::query("DELETE FROM fee_schedules WHERE region_id = $1").bind(region).execute(&mut **tx).await?;
    sqlx::query(
        "INSERT INTO fee_schedules (region_id, venue_cap, catering_cap, other_cap, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(region)
    .bind(s.caps.venue.minor())
    .bind(s.caps.catering.minor())
    .bind(s.caps.other.minor())
    .bind(to_db(now))
    .bind(by)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

#[derive(Clone, Debug)]
pub struct Claim {
    pub id: ClaimId,
    pub event_id: EventId,
    pub event_title: String,
    pub event_starts_at: DateTime<Utc>,
    /// Where the event stands now, and how many were let in: what the
    /// manager looks at before approving (UG-13).
    pub event_status: EventStatus,
    pub event_checkins: i64,
    pub group_id: GroupId,
    pub group_name: String,
    pub group_slug: String,
    pub region_id: RegionId,
    pub filed_by_name: String,
    pub amounts: Amounts,
    pub note: String,
    pub status: ClaimStatus,
    pub reason: String,
    pub created_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
}

const SELECT: &str = "SELECT c.id, c.event_id, e.title AS event_title, e.starts_at AS event_starts_at,
    e.status AS event_status,
    (SELECT COUNT(*) FROM attendance a WHERE a.event_id = c.event_id) AS event_checkins,
    c.group_id,
    g.name AS group_name, g.slug AS group_slug, c.region_id, m.name AS filed_by_name, c.currency, c.venue,
    c.catering, c.other, c.note, c.status, c.reason, c.created_at, c.decided_at
    FROM expense_claims c JOIN events e ON e.id = c.event_id JOIN groups g ON g.id = c.group_id
    LEFT JOIN members m ON m.id = c.filed_by";

fn from_row(r: &AnyRow) -> Result<Claim, StorageError> {
    let text = |c: &str| r.try_get::<String, _>(c);
    let currency = r.try_get::<Currency, _>("currency")?;
    Ok(Claim {
        id: r.try_get("id")?,
        event_id: r.try_get("event_id")?,
        event_title: text("event_title")?,
        event_starts_at: from_db(r.try_get("event_starts_at")?),
        event_status: r.try_get::<EventStatus, _>("event_status")?,
        event_checkins: r.try_get("event_checkins")?,
        group_id: r.try_get("group_id")?,
        group_name: text("group_name")?,
        group_slug: text("group_slug")?,
        region_id: r.try_get("region_id")?,
        filed_by_name: r.try_get::<Option<String>, _>("filed_by_name")?.unwrap_or_default(),
        amounts: amounts(r, currency, ["venue", "catering", "other"])?,
        note: text("note")?,
        status: r.try_get::<ClaimStatus, _>("status")?,
        reason: text("reason")?,
        created_at: from_db(r.try_get("created_at")?),
        decided_at: from_db_opt(r.try_get("decided_at")?),
    })
}

/// UG-13: one claim per event unless the earlier ones were rejected or
/// withdrawn; `other_than` leaves out the claim being filed again.
pub async fn blocking_claim_exists(
    tx: &mut Tx,
    event: EventId,
    other_than: Option<ClaimId>,
) -> Result<bool, StorageError> {
    let row = sqlx::query(
        "SELECT COUNT(*) AS n FROM expense_claims
         WHERE event_id = $1 AND status NOT IN ('rejected', 'withdrawn') AND id <> $2",
    )
    .bind(event)
    .bind(other_than.map(|c| c.to_string()).unwrap_or_default())
    .fetch_one(&mut **tx)
    .await?;
    Ok(row.try_get::<i64, _>("n")? > 0)
}

/// UG-13: the event's claim that blocks another (waiting or approved).
pub async fn blocking_claim(pool: &AnyPool, event: EventId) -> Result<Option<ClaimId>, StorageError> {
    let id: Option<String> = sqlx::query_scalar(
        "SELECT id FROM expense_claims WHERE event_id = $1 AND status NOT IN ('rejected', 'withdrawn')
         ORDER BY created_at DESC LIMIT 1",
    )
    .bind(event)
    .fetch_optional(pool)
    .await?;
    id.map(|i| i.parse().map_err(|_| StorageError::Corrupt("claim id".into()))).transpose()
}

/// UG-13: the claimant's correction. Only from the status it was read in,
/// so a decision taken meanwhile is never overwritten. Filing a rejected
/// claim again clears the decision; its reason stays for the manager to
/// see what was asked.
pub async fn correct(tx: &mut Tx, id: ClaimId, from: ClaimStatus, c: &NewClaim) -> Result<(), StorageError> {
    let done = sqlx::query(
        "UPDATE expense_claims SET venue = $1, catering = $2, other = $3, note = $4, status = 'submitted',
             decided_by = NULL, decided_at = NULL
         WHERE id = $5 AND status = $6",
    )
    .bind(c.amounts.venue.minor())
    .bind(c.amounts.catering.minor())
    .bind(c.amounts.other.minor())
    .bind(c.note.as_str())
    .bind(id)
    .bind(from)
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(DomainError::StateConflict { what: "claim", from: "decided", to: "submitted" }.into());
    }
    Ok(())
}

/// UG-13: the claimant takes a claim back before the decision.
pub async fn withdraw(tx: &mut Tx, id: ClaimId) -> Result<(), StorageError> {
    let done = sqlx::query("UPDATE expense_claims SET status = 'withdrawn' WHERE id = $1 AND status = 'submitted'")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(DomainError::StateConflict { what: "claim", from: "decided", to: "withdrawn" }.into());
    }
    Ok(())
}

pub async fn insert(
    tx: &mut Tx,
    event: EventId,
    group: GroupId,
    region: RegionId,
    by: MemberId,
    c: &NewClaim,
    now: DateTime<Utc>,
) -> Result<ClaimId, StorageError> {
    let id = ClaimId::new();
    sqlx::query(
        "INSERT INTO expense_claims (id, event_id, group_id, region_id, filed_by, currency, venue, catering, other,
             note, status, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'submitted', $11)",
    )
    .bind(id)
    .bind(event)
    .bind(group)
    .bind(region)
    .bind(by)
    .bind(c.amounts.venue.currency().as_str())
    .bind(c.amounts.venue.minor())
    .bind(c.amounts.catering.minor())
    .bind(c.amounts.other.minor())
    .bind(c.note.as_str())
    .bind(to_db(now))
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

pub async fn get(pool: &AnyPool, id: ClaimId) -> Result<Option<Claim>, StorageError> {
    let row = sqlx::query(&format!("{SELECT} WHERE c.id = $1")).bind(id).fetch_optional(pool).await?;
    row.as_ref().map(from_row).transpose()
}

pub async fn decide(
    tx: &mut Tx,
    id: ClaimId,
    to: ClaimStatus,
    reason: &str,
    by: MemberId,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    let done = sqlx::query(
        "UPDATE expense_claims SET status = $1, reason = $2, decided_by = $3, decided_at = $4
         WHERE id = $5 AND status = 'submitted'",
    )
    .bind(to)
    .bind(reason)
    .bind(by)
    .bind(to_db(now))
    .bind(id)
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(DomainError::StateConflict { what: "claim", from: "decided", to: to.as_str() }.into());
    }
    Ok(())
}

/// Claims of a group, or of a region, newest first.
pub async fn list(
    pool: &AnyPool,
    region: Option<RegionId>,
    group: Option<GroupId>,
) -> Result<Vec<Claim>, StorageError> {
    let rows = sqlx::query(&format!(
        "{SELECT} WHERE ($1 = '' OR c.region_id = $1) AND ($2 = '' OR c.group_id = $2) ORDER BY c.created_at DESC"
    ))
    .bind(region.map(|r| r.to_string()).unwrap_or_default())
    .bind(group.map(|g| g.to_string()).unwrap_or_default())
    .fetch_all(pool)
    .await?;
    rows.iter().map(from_row).collect()
}

#[derive(Clone, Debug)]
pub struct ReceiptRow {
    pub id: ReceiptId,
    pub claim_id: ClaimId,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub stored_as: String,
}

/// PL-12: records a receipt with its bytes, in the caller's transaction.
pub async fn add_receipt(tx: &mut Tx, r: &ReceiptRow, bytes: &[u8], now: DateTime<Utc>) -> Result<(), StorageError> {
    sqlx::query(
        "INSERT INTO claim_receipts (id, claim_id, file_name, content_type, size_bytes, stored_as, content, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(r.id)
    .bind(r.claim_id)
    .bind(&r.file_name)
    .bind(&r.content_type)
    .bind(r.size_bytes)
    .bind(&r.stored_as)
    .bind(bytes.to_vec())
    .bind(to_db(now))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A receipt's bytes; `None` for a row from before PL-12 whose file is
/// still in the upload folder.
pub async fn receipt_content(pool: &AnyPool, id: ReceiptId) -> Result<Option<Vec<u8>>, StorageError> {
    let row = sqlx::query("SELECT content FROM claim_receipts WHERE id = $1")
        .bind(id)
        .fetch_optional(pool)
        .await?
        .ok_or(StorageError::Corrupt("receipt".into()))?;
    Ok(row.try_get("content")?)
}

/// Rows from before PL-12, whose bytes are still a file: (id, file name).
pub async fn receipts_on_disk(pool: &AnyPool, limit: i64) -> Result<Vec<(ReceiptId, String)>, StorageError> {
    let rows = sqlx::query("SELECT id, stored_as FROM claim_receipts WHERE content IS NULL ORDER BY id LIMIT $1")
        .bind(limit)
        .fetch_all(pool)
        .await?;
    rows.iter()
        .map(|r| {
            let id = r.try_get("id")?;
            Ok((id, r.try_get("stored_as")?))
        })
        .collect()
}

/// PL-12: moves a receipt's bytes into the database (once).
pub async fn store_receipt_content(tx: &mut Tx, id: ReceiptId, bytes: &[u8]) -> Result<bool, StorageError> {
    let done = sqlx::query("UPDATE claim_receipts SET content = $1 WHERE id = $2 AND content IS NULL")
        .bind(bytes.to_vec())
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn receipts(pool: &AnyPool, claim: ClaimId) -> Result<Vec<ReceiptRow>, StorageError> {
    let rows = sqlx::query(
        "SELECT id, claim_id, file_name, content_type, size_bytes, stored_as FROM claim_receipts
         WHERE claim_id = $1 ORDER BY created_at",
    )
    .bind(claim)
    .fetch_all(pool)
    .await?;
    rows.iter().map(receipt_row).collect()
}

/// The receipts of all of a group's claims, in one query, for its list.
pub async fn receipts_of_group(pool: &AnyPool, group: GroupId) -> Result<Vec<ReceiptRow>, StorageError> {
    let rows = sqlx::query(
        "SELECT r.id, r.claim_id, r.file_name, r.content_type, r.size_bytes, r.stored_as FROM claim_receipts r
         JOIN expense_claims c ON c.id = r.claim_id WHERE c.group_id = $1 ORDER BY r.created_at",
    )
    .bind(group)
    .fetch_all(pool)
    .await?;
    rows.iter().map(receipt_row).collect()
}

fn receipt_row(r: &AnyRow) -> Result<ReceiptRow, StorageError> {
    Ok(ReceiptRow {
        id: r.try_get("id")?,
        claim_id: r.try_get("claim_id")?,
        file_name: r.try_get("file_name")?,
        content_type: r.try_get("content_type")?,
        size_bytes: r.try_get("size_bytes")?,
        stored_as: r.try_get("stored_as")?,
    })
}

/// Approved totals per group and currency for a calendar year (UTC), by
/// region and group name (UG-13).
#[derive(Clone, Debug)]
pub struct Total {
    pub region_id: RegionId,
    pub region_name: String,
    pub group_name: String,
    pub group_slug: String,
    pub currency: String,
    pub venue: i64,
    pub catering: i64,
    pub other: i64,
    pub claims: i64,
}

pub async fn totals(
    pool: &AnyPool,
    region: Option<RegionId>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Total>, StorageError> {
    let rows = sqlx::query(
        "SELECT c.region_id, r.name AS region_name, g.name AS group_name, g.slug AS group_slug, c.currency,
                CAST(SUM(c.venue) AS BIGINT) AS venue, CAST(SUM(c.catering) AS BIGINT) AS catering,
                CAST(SUM(c.other) AS BIGINT) AS other, COUNT(*) AS claims
         FROM expense_claims c JOIN events e ON e.id = c.event_id JOIN groups g ON g.id = c.group_id
         JOIN regions r ON r.id = c.region_id
         WHERE c.status = 'approved' AND e.starts_at >= $1 AND e.starts_at < $2 AND ($3 = '' OR c.region_id = $3)
         GROUP BY c.region_id, r.name, g.name, g.slug, c.currency
         ORDER BY r.name, g.name",
    )
    .bind(to_db(from))
    .bind(to_db(to))
    .bind(region.map(|r| r.to_string()).unwrap_or_default())
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Total {
                region_id: r
                    .try_get::<String, _>("region_id")?
                    .parse()
                    .map_err(|_| StorageError::Corrupt("total region".into()))?,
                region_name: r.try_get("region_name")?,
                group_name: r.try_get("group_name")?,
                group_slug: r.try_get("group_slug")?,
                currency: r.try_get("currency")?,
                venue: r.try_get("venue")?,
                catering: r.try_get("catering")?,
                other: r.try_get("other")?,
                claims: r.try_get("claims")?,
            })
        })
        .collect()
}
