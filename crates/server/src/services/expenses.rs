//! Money (UG-13): fee schedules per region, expense claims per event with
//! receipt files, the manager's decision within the caps, and totals per
//! group, region and year. No sponsor or payer can be named anywhere.

use std::path::PathBuf;

use chrono::{DateTime, TimeZone as _, Utc};
use guildhall_domain::access::{authorize, Action, Actor, Role};
use guildhall_domain::event::counts_as_held;
use guildhall_domain::ids::{ClaimId, EventId, GroupId, ReceiptId, RegionId};
use guildhall_domain::money::{
    check_claimable, check_receipt_room, AmountFields, ClaimEvidence, ClaimFields, ClaimStatus, ClaimantStep,
    FeeSchedule, NewClaim,
};
use guildhall_domain::receipt;
use guildhall_domain::values::{Currency, Reason};
use guildhall_domain::DomainError;
use guildhall_storage::expenses::{self, Claim, ReceiptRow, Total};
use guildhall_storage::{audit, events, groups, members, regions};
use serde_json::json;

use super::{entry, notify};
use super::{Services, Work};
use crate::csv_out::CsvOut;
use crate::error::AppError;

/// UG-13: an admin sets a region's caps per event, in its currency.
#[tracing::instrument(skip_all)]
pub async fn set_schedule(
    svc: &Services,
    actor: &Actor,
    region: RegionId,
    fields: &AmountFields,
) -> Result<FeeSchedule, AppError> {
    authorize(actor, Action::ManageFeeSchedule)?;
    let r = regions::get(svc.db.reader(), region).await?.ok_or(DomainError::NotFound)?;
    let schedule = FeeSchedule::parse(fields, r.currency)?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    expenses::set_schedule(&mut tx, region, &schedule, actor.member_id, now).await?;
    let details = json!({
        "venue": schedule.caps.venue.to_string(),
        "catering": schedule.caps.catering.to_string(),
        "other": schedule.caps.other.to_string(),
    });
    audit::record(&mut tx, entry(Some(actor.member_id), "fee_schedule.set", "region", region, None, details), now)
        .await?;
    tx.commit().await?;
    Ok(schedule)
}

/// A region's schedule; anyone signed in may read the caps.
#[tracing::instrument(skip_all)]
pub async fn schedule(svc: &Services, region: RegionId) -> Result<Option<FeeSchedule>, AppError> {
    Ok(expenses::schedule(svc.db.reader(), region).await?)
}

/// UG-13: a leader files a claim for one of the group's events.
#[tracing::instrument(skip_all)]
pub async fn file(svc: &Services, actor: &Actor, event: EventId, fields: &ClaimFields) -> Result<ClaimId, AppError> {
    let ev = events::get(svc.db.reader(), event).await?.ok_or(DomainError::NotFound)?;
    let g = groups::by_id(svc.db.reader(), ev.group_id).await?.ok_or(DomainError::NotFound)?;
    authorize(actor, Action::FileExpenseClaim(g.id))?;
    check_claimable(ev.status, ev.ends_at() <= Utc::now())?;
    let schedule = expenses::schedule(svc.db.reader(), g.region_id)
        .await?
        .ok_or(DomainError::field("venue", "no_fee_schedule"))?;
    let claim = NewClaim::parse(fields, &schedule)?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    if expenses::blocking_claim_exists(&mut tx, event, None).await? {
        return Err(DomainError::ClaimExists.into());
    }
    let id = expenses::insert(&mut tx, event, g.id, g.region_id, actor.member_id, &claim, now).await?;
    let details = json!({"event": event.to_string(), "total": claim.amounts.total().to_string()});
    audit::record(&mut tx, entry(Some(actor.member_id), "claim.filed", "claim", id, None, details), now).await?;
    let total = claim.amounts.total().to_string();
    tell_managers(svc, &mut tx, id, g.region_id, g.profile.name.as_str(), ev.details.title.as_str(), &total).await?;
    tx.commit().await?;
    Ok(id)
}

/// The region's managers hear of a claim waiting for their decision.
async fn tell_managers(
    svc: &Services,
    tx: &mut Work,
    id: ClaimId,
    region: RegionId,
    group: &str,
    event: &str,
    total: &str,
) -> Result<(), AppError> {
    let url = svc.links.to(&format!("/claims/{id}"));
    for m in members::holders(svc.db.reader(), Role::CommunityManager(region)).await? {
        let args =
            [("name", m.name.as_str()), ("group", group), ("event", event), ("total", total), ("link", url.as_str())];
        notify::queue(tx, Some(m.id), &m.email, m.locale, "claim-task", &args).await?;
    }
    Ok(())
}

/// UG-13: the group's leaders correct a claim before it is decided, or
/// correct a rejected one and file it again; the managers are told again.
#[tracing::instrument(skip_all)]
pub async fn correct(
    svc: &Services,
    actor: &Actor,
    id: ClaimId,
    fields: &ClaimFields,
) -> Result<ClaimStatus, AppError> {
    let c = expenses::get(svc.db.reader(), id).await?.ok_or(DomainError::NotFound)?;
    authorize(actor, Action::ManageGroup { group: c.group_id, region: c.region_id })
        .map_err(|_| DomainError::NotFound)?;
    authorize(actor, Action::FileExpenseClaim(c.group_id))?;
    let to = c.status.by_claimant(ClaimantStep::Correct)?;
    let schedule = expenses::schedule(svc.db.reader(), c.region_id)
        .await?
        .ok_or(DomainError::field("venue", "no_fee_schedule"))?;
    let claim = NewClaim::parse(fields, &schedule)?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    if expenses::blocking_claim_exists(&mut tx, c.event_id, Some(id)).await? {
        return Err(DomainError::ClaimExists.into());
    }
    expenses::correct(&mut tx, id, c.status, &claim).await?;
    let filed_again = c.status == ClaimStatus::Rejected;
    let action = if filed_again { "claim.filed_again" } else { "claim.corrected" };
    let total = claim.amounts.total().to_string();
    let details = json!({"total": total, "was": c.status.as_str()});
    audit::record(&mut tx, entry(Some(actor.member_id), action, "claim", id, None, details), now).await?;
    if filed_again {
        tell_managers(svc, &mut tx, id, c.region_id, &c.group_name, &c.event_title, &total).await?;
    }
    tx.commit().await?;
    Ok(to)
}

/// UG-13: the group's leaders take a claim back before the decision; the
/// event can then be claimed afresh.
#[tracing::instrument(skip_all)]
pub async fn withdraw(svc: &Services, actor: &Actor, id: ClaimId) -> Result<ClaimStatus, AppError> {
    let c = expenses::get(svc.db.reader(), id).await?.ok_or(DomainError::NotFound)?;
    authorize(actor, Action::ManageGroup { group: c.group_id, region: c.region_id })
        .map_err(|_| DomainError::NotFound)?;
    authorize(actor, Action::FileExpenseClaim(c.group_id))?;
    let to = c.status.by_claimant(ClaimantStep::Withdraw)?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    expenses::withdraw(&mut tx, id).await?;
    let details = json!({"total": c.amounts.total().to_string()});
    audit::record(&mut tx, entry(Some(actor.member_id), "claim.withdrawn", "claim", id, None, details), now).await?;
    tx.commit().await?;
    Ok(to)
}

/// UG-13: a group's claims and where each stands, newest first, for its
/// leaders and the region's managers.
#[tracing::instrument(skip_all)]
pub async fn for_group(
    svc: &Services,
    actor: &Actor,
    group: GroupId,
) -> Result<Vec<(Claim, Vec<ReceiptRow>)>, AppError> {
    let g = groups::by_id(svc.db.reader(), group).await?.ok_or(DomainError::NotFound)?;
    authorize(actor, Action::ManageGroup { group: g.id, region: g.region_id }).map_err(|_| DomainError::NotFound)?;
    let claims = expenses::list(svc.db.reader(), None, Some(g.id)).await?;
    let mut receipts: std::collections::HashMap<ClaimId, Vec<ReceiptRow>> = Default::default();
    for r in expenses::receipts_of_group(svc.db.reader(), g.id).await? {
        receipts.entry(r.claim_id).or_default().push(r);
    }
    Ok(claims
        .into_iter()
        .map(|c| {
            let mine = receipts.remove(&c.id).unwrap_or_default();
            (c, mine)
        })
        .collect())
}

/// A claim, for the group's leaders and the region's managers.
#[tracing::instrument(skip_all)]
pub async fn get(svc: &Services, actor: &Actor, id: ClaimId) -> Result<(Claim, Vec<ReceiptRow>), AppError> {
    let c = expenses::get(svc.db.reader(), id).await?.ok_or(DomainError::NotFound)?;
    authorize(actor, Action::ManageGroup { group: c.group_id, region: c.region_id })
        .map_err(|_| DomainError::NotFound)?;
    let receipts = expenses::receipts(svc.db.reader(), id).await?;
    Ok((c, receipts))
}

fn receipts_dir(svc: &Services) -> PathBuf {
    svc.uploads.dir().join("receipts")
}

/// UG-13: attaches a receipt. The file is checked (type by name and bytes,
/// size from settings, a safe name), written under a generated name, and
/// recorded; if recording fails the file is removed.
#[tracing::instrument(skip_all)]
pub async fn add_receipt(
    svc: &Services,
    actor: &Actor,
    id: ClaimId,
    file_name: &str,
    bytes: &[u8],
) -> Result<ReceiptId, AppError> {
    let c = expenses::get(svc.db.reader(), id).await?.ok_or(DomainError::NotFound)?;
    authorize(actor, Action::FileExpenseClaim(c.group_id))?;
    if !c.status.takes_receipts() {
        return Err(DomainError::StateConflict { what: "claim", from: c.status.as_str(), to: "receipt_added" }.into());
    }
    let s = svc.settings().await?;
    let max_kib = s.int("expenses.receipt_max_kib");
    let checked = receipt::check(file_name, bytes, usize::try_from(max_kib).unwrap_or(0) * 1024)?;
    let kept = expenses::receipts(svc.db.reader(), id).await?;
    check_receipt_room(
        kept.len(),
        kept.iter().map(|r| u64::try_from(r.size_bytes).unwrap_or(0)).sum(),
        bytes.len() as u64,
        usize::try_from(s.int("expenses.receipts_per_claim")).unwrap_or(0),
        u64::try_from(s.int("expenses.receipts_total_kib_per_claim")).unwrap_or(0) * 1024,
    )?;
    let rid = ReceiptId::new();
    let now = Utc::now();
    let row = ReceiptRow {
        id: rid,
        claim_id: id,
        file_name: checked.file_name.clone(),
        content_type: checked.kind.content_type().to_owned(),
        size_bytes: i64::try_from(checked.size).unwrap_or(i64::MAX),
        stored_as: format!("{rid}.{}", checked.kind.extension()),
    };
    // PL-12: the bytes go in with the record, in one transaction: every
    // instance and every backup has them, and nothing is half stored.
    let mut tx = svc.begin().await?;
    expenses::add_receipt(&mut tx, &row, bytes, now).await?;
    let details = json!({"receipt": rid.to_string(), "file_name": checked.file_name, "bytes": checked.size});
    audit::record(&mut tx, entry(Some(actor.member_id), "claim.receipt_added", "claim", id, None, details), now)
        .await?;
    tx.commit().await?;
    Ok(rid)
}

/// A receipt's record and bytes, for those who may see the claim.
#[tracing::instrument(skip_all)]
pub async fn receipt_file(
    svc: &Services,
    actor: &Actor,
    claim: ClaimId,
    receipt: ReceiptId,
) -> Result<(ReceiptRow, Vec<u8>), AppError> {
    let (_, receipts) = get(svc, actor, claim).await?;
    let row = receipts.into_iter().find(|r| r.id == receipt).ok_or(DomainError::NotFound)?;
    let bytes = match expenses::receipt_content(svc.db.reader(), row.id).await? {
        Some(bytes) => bytes,
        // A receipt from before PL-12 whose file was not moved in yet.
        // stored_as is generated by us (id + extension), never a user's name.
        None => tokio::fs::read(receipts_dir(svc).join(&row.stored_as)).await.map_err(anyhow::Error::from)?,
    };
    Ok((row, bytes))
}

/// PL-12: moves receipts uploaded before they lived in the database from
/// this instance's upload folder into it; a file this instance does not
/// have is left for the instance that does. Returns how many moved.
#[tracing::instrument(skip_all)]
pub async fn absorb_receipt_files(svc: &Services) -> Result<usize, AppError> {
    let mut moved = 0;
    for (id, stored_as) in expenses::receipts_on_disk(svc.db.reader(), 10_000).await? {
        let path = receipts_dir(svc).join(&stored_as);
        let Ok(bytes) = tokio::fs::read(&path).await else { continue };
        let mut tx = svc.begin().await?;
        let stored = expenses::store_receipt_content(&mut tx, id, &bytes).await?;
        tx.commit().await?;
        if stored {
            moved += 1;
            tracing::info!(receipt = %id, "receipt moved into the database (PL-12)");
        }
    }
    Ok(moved)
}

/// UG-13: the manager approves within the current caps, or rejects with a
/// reason; the leader who filed is told.
#[tracing::instrument(skip_all)]
pub async fn decide(
    svc: &Services,
    actor: &Actor,
    id: ClaimId,
    approve: bool,
    reason: &str,
) -> Result<ClaimStatus, AppError> {
    let c = expenses::get(svc.db.reader(), id).await?.ok_or(DomainError::NotFound)?;
    authorize(actor, Action::DecideExpenseClaim(c.region_id))?;
    let reason = if approve { reason.trim().to_owned() } else { Reason::parse(reason)?.to_string() };
    let schedule = expenses::schedule(svc.db.reader(), c.region_id)
        .await?
        .ok_or(DomainError::field("venue", "no_fee_schedule"))?;
    let evidence = ClaimEvidence {
        event_held: counts_as_held(c.event_status, u64::try_from(c.event_checkins).unwrap_or(0)),
        receipts: expenses::receipts(svc.db.reader(), id).await?.len(),
    };
    let to = c.status.decide(approve, &c.amounts, &schedule, evidence)?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    expenses::decide(&mut tx, id, to, &reason, actor.member_id, now).await?;
    let action = format!("claim.{}", to.as_str());
    let details = json!({"total": c.amounts.total().to_string()});
    audit::record(&mut tx, entry(Some(actor.member_id), &action, "claim", id, Some(&reason), details), now).await?;
    let url = svc.links.to(&format!("/claims/{id}"));
    let total = c.amounts.total().to_string();
    let kind = if approve { "claim-approved" } else { "claim-rejected" };
    for m in members::holders(svc.db.reader(), Role::GroupLeader(c.group_id)).await? {
        let args = [
            ("name", m.name.as_str()),
            ("event", c.event_title.as_str()),
            ("total", total.as_str()),
            ("reason", reason.as_str()),
            ("link", url.as_str()),
        ];
        notify::queue(&mut tx, Some(m.id), &m.email, m.locale, kind, &args).await?;
    }
    tx.commit().await?;
    Ok(to)
}

/// A calendar year's bounds in UTC.
/// The range is checked first: `year + 1` of an absurd year would overflow
/// (schemathesis sent 2147483647 once the year was a documented query).
pub fn year_bounds(year: i32) -> Result<(DateTime<Utc>, DateTime<Utc>), AppError> {
    let invalid = || AppError::from(DomainError::field("year", "year_invalid"));
    if !(2000..=2200).contains(&year) {
        return Err(invalid());
    }
    let start = Utc.with_ymd_and_hms(year, 1, 1, 0, 0, 0).single().ok_or_else(invalid)?;
    let end = Utc.with_ymd_and_hms(year + 1, 1, 1, 0, 0, 0).single().ok_or_else(invalid)?;
    Ok((start, end))
}

/// UG-13: approved totals per group for a year: one region (its managers)
/// or all regions (admins).
#[tracing::instrument(skip_all)]
pub async fn totals(
    svc: &Services,
    actor: &Actor,
    region: Option<RegionId>,
    year: i32,
) -> Result<Vec<Total>, AppError> {
    match region {
        Some(r) => authorize(actor, Action::ViewRegion(r))?,
        None => authorize(actor, Action::ManageFeeSchedule)?,
    }
    let (from, to) = year_bounds(year)?;
    Ok(expenses::totals(svc.db.reader(), region, from, to).await?)
}

/// Formats minor units in a currency as "123.45".
pub fn amount(minor: i64, currency: &str) -> String {
    match Currency::parse(currency).and_then(|c| guildhall_domain::money::Money::from_minor(minor, c)) {
        Ok(m) => m.amount_text(),
        Err(_) => minor.to_string(),
    }
}

/// The totals as CSV: one row per group, then one per region and currency.
/// Names are the groups' and regions' own: every cell is neutralised.
pub fn totals_csv(year: i32, rows: &[Total]) -> Result<String, AppError> {
    let mut w = CsvOut::new();
    w.row(["year", "region", "group", "currency", "venue", "catering", "other", "total", "claims"])?;
    let mut per_region: std::collections::BTreeMap<(String, String), [i64; 4]> = Default::default();
    for t in rows {
        let total = t.venue + t.catering + t.other;
        w.row([
            year.to_string(),
            t.region_name.clone(),
            t.group_name.clone(),
            t.currency.clone(),
            amount(t.venue, &t.currency),
            amount(t.catering, &t.currency),
            amount(t.other, &t.currency),
            amount(total, &t.currency),
            t.claims.to_string(),
        ])?;
        let e = per_region.entry((t.region_name.clone(), t.currency.clone())).or_default();
        e[0] += t.venue;
        e[1] += t.catering;
        e[2] += t.other;
        e[3] += t.claims;
    }
    for ((region, currency), [v, c, o, n]) in per_region {
        w.row([
            year.to_string(),
            region,
            "(all groups)".to_owned(),
            currency.clone(),
            amount(v, &currency),
            amount(c, &currency),
            amount(o, &currency),
            amount(v + c + o, &currency),
            n.to_string(),
        ])?;
    }
    Ok(w.finish()?)
}
