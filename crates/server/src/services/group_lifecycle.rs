//! A group over the years (UG-1): archived when it stops meeting,
//! reactivated when it starts again, moved to another region when the
//! community team reorganises. Its leaders are told each time; a move also
//! tells the managers who now look after it.

use chrono::Utc;
use guildhall_domain::access::{authorize, Action, Actor, Role};
use guildhall_domain::ids::{GroupId, RegionId};
use guildhall_domain::values::Reason;
use guildhall_domain::DomainError;
use guildhall_storage::groups::{self, Group};
use guildhall_storage::{audit, members, regions};
use serde_json::json;

use super::{entry, notify, Services, Work};
use crate::error::AppError;

/// UG-1: the region's manager archives a group that stopped meeting, with
/// a reason its leaders read. Its announced events must be over first.
#[tracing::instrument(skip_all)]
pub async fn archive(svc: &Services, actor: &Actor, id: GroupId, reason: &str) -> Result<Group, AppError> {
    let g = groups::by_id(svc.db.reader(), id).await?.ok_or(DomainError::NotFound)?;
    authorize(actor, Action::ArchiveGroup(g.region_id))?;
    let reason = Reason::parse(reason)?;
    let now = Utc::now();
    let upcoming = groups::upcoming_events(svc.db.reader(), g.id, now).await?;
    let to = g.status.archive(u32::try_from(upcoming).unwrap_or(u32::MAX))?;
    let mut tx = svc.begin().await?;
    groups::set_status(&mut tx, g.id, g.status, to, now).await?;
    let details = json!({"from": g.status.as_str()});
    audit::record(
        &mut tx,
        entry(Some(actor.member_id), "group.archived", "group", g.id, Some(reason.as_str()), details),
        now,
    )
    .await?;
    tell_leaders(svc, &mut tx, &g, "group-archived", reason.as_str()).await?;
    tx.commit().await?;
    Ok(Group { status: to, ..g })
}

/// UG-1: an archived group starts meeting again.
#[tracing::instrument(skip_all)]
pub async fn reactivate(svc: &Services, actor: &Actor, id: GroupId) -> Result<Group, AppError> {
    let g = groups::by_id(svc.db.reader(), id).await?.ok_or(DomainError::NotFound)?;
    authorize(actor, Action::ArchiveGroup(g.region_id))?;
    let to = g.status.reactivate()?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    groups::set_status(&mut tx, g.id, g.status, to, now).await?;
    audit::record(&mut tx, entry(Some(actor.member_id), "group.reactivated", "group", g.id, None, json!({})), now)
        .await?;
    tell_leaders(svc, &mut tx, &g, "group-reactivated", "").await?;
    tx.commit().await?;
    Ok(Group { status: to, ..g })
}

/// UG-1: the group moves to another region, and so to its managers and
/// its fee schedule for claims filed from now on (UG-13).
#[tracing::instrument(skip_all)]
pub async fn move_to(svc: &Services, actor: &Actor, id: GroupId, region: RegionId) -> Result<Group, AppError> {
    let g = groups::by_id(svc.db.reader(), id).await?.ok_or(DomainError::NotFound)?;
    let target =
        regions::get(svc.db.reader(), region).await?.ok_or(DomainError::field("region_id", "region_unknown"))?;
    authorize(actor, Action::MoveGroup { from: g.region_id, to: target.id })?;
    if target.id == g.region_id {
        return Err(DomainError::field("region_id", "region_unchanged").into());
    }
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    groups::set_region(&mut tx, g.id, target.id, now).await?;
    let details = json!({"from": g.region_id.to_string(), "to": target.id.to_string()});
    audit::record(&mut tx, entry(Some(actor.member_id), "group.moved", "group", g.id, None, details), now).await?;
    tell_leaders(svc, &mut tx, &g, "group-moved", target.name.as_str()).await?;
    let link = svc.links.to(&format!("/groups/{}", g.profile.slug));
    for m in members::holders(svc.db.reader(), Role::CommunityManager(target.id)).await? {
        let args = [
            ("name", m.name.as_str()),
            ("group", g.profile.name.as_str()),
            ("region", target.name.as_str()),
            ("link", link.as_str()),
        ];
        notify::queue(&mut tx, Some(m.id), &m.email, m.locale, "group-joined-region", &args).await?;
    }
    tx.commit().await?;
    Ok(Group { region_id: target.id, region_name: target.name.to_string(), ..g })
}

/// The group's leaders hear what happened to it; `detail` is the reason
/// or the new region.
async fn tell_leaders(
    svc: &Services,
    tx: &mut Work,
    g: &Group,
    kind: &'static str,
    detail: &str,
) -> Result<(), AppError> {
    let link = svc.links.to(&format!("/groups/{}", g.profile.slug));
    for m in members::holders(svc.db.reader(), Role::GroupLeader(g.id)).await? {
        let args = [
            ("name", m.name.as_str()),
            ("group", g.profile.name.as_str()),
            ("detail", detail),
            ("link", link.as_str()),
        ];
        notify::queue(tx, Some(m.id), &m.email, m.locale, kind, &args).await?;
    }
    Ok(())
}
