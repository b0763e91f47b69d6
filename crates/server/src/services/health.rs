//! Group health (UG-10): measuring groups, and the daily job that marks
//! groups needs-support (a task for the community manager, an email to
//! the leaders, once) and returns them to active when they meet again.

use chrono::{DateTime, Utc};
use guildhall_domain::access::{authorize, Action, Actor, Role};
use guildhall_domain::group::GroupStatus;
use guildhall_domain::health::{assess, next_status, Health, HealthRules};
use guildhall_domain::ids::{GroupId, RegionId};
use guildhall_domain::values::Slug;
use guildhall_domain::DomainError;
use guildhall_storage::groups::{self, Group};
use guildhall_storage::{audit, health, members};
use serde_json::json;

use super::Services;
use super::{entry, notify};
use crate::error::AppError;

async fn rules(svc: &Services) -> Result<HealthRules, AppError> {
    let s = svc.settings().await?;
    let n = |k: &str| u32::try_from(s.int(k)).unwrap_or(0);
    Ok(HealthRules {
        min_events_per_year: n("groups.min_events_per_year"),
        inactive_after_months: n("groups.inactive_after_months"),
    })
}

/// One group's health; public, as the group page shows it (UG-10).
#[tracing::instrument(skip_all)]
pub async fn of_group(svc: &Services, g: &Group, now: DateTime<Utc>) -> Result<Health, AppError> {
    let held = health::held_events(svc.db.reader(), None, Some(g.id)).await?;
    let events = held.get(&g.id).map(Vec::as_slice).unwrap_or_default();
    Ok(assess(events, g.created_at, now, g.profile.time_zone, rules(svc).await?))
}

/// Every group of a region with its health, neediest first (UG-10, UG-12).
#[tracing::instrument(skip_all)]
pub async fn of_region(
    svc: &Services,
    actor: &Actor,
    region: RegionId,
    now: DateTime<Utc>,
) -> Result<Vec<(Group, Health)>, AppError> {
    authorize(actor, Action::ViewRegion(region))?;
    let rules = rules(svc).await?;
    let held = health::held_events(svc.db.reader(), Some(region), None).await?;
    let mut out: Vec<(Group, Health)> = groups::in_region(svc.db.reader(), region)
        .await?
        .into_iter()
        .filter(|g| g.status.is_listed())
        .map(|g| {
            let events = held.get(&g.id).map(Vec::as_slice).unwrap_or_default();
            let h = assess(events, g.created_at, now, g.profile.time_zone, rules);
            (g, h)
        })
        .collect();
    out.sort_by_key(|(g, h)| (!h.needs_support, h.held_this_year, g.profile.name.to_string()));
    Ok(out)
}

/// What one run of the daily check changed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    pub marked: Vec<GroupId>,
    pub restored: Vec<GroupId>,
}

/// UG-10: the daily check. Safe to run twice or on several instances at
/// once: each status change is a conditional UPDATE, and the emails go out
/// in the transaction of the one run that made the change.
#[tracing::instrument(skip_all)]
pub async fn daily_check(svc: &Services, now: DateTime<Utc>) -> Result<Outcome, AppError> {
    let rules = rules(svc).await?;
    let held = health::held_events(svc.db.reader(), None, None).await?;
    let mut out = Outcome::default();
    for g in groups::all_listed(svc.db.reader()).await? {
        let events = held.get(&g.id).map(Vec::as_slice).unwrap_or_default();
        let h = assess(events, g.created_at, now, g.profile.time_zone, rules);
        match next_status(g.status, h.needs_support) {
            Some(GroupStatus::NeedsSupport) if mark(svc, &g, &h, now).await? => out.marked.push(g.id),
            Some(GroupStatus::Active) if restore(svc, g.id, "daily_check", now).await? => out.restored.push(g.id),
            _ => {}
        }
    }
    Ok(out)
}

async fn mark(svc: &Services, g: &Group, h: &Health, now: DateTime<Utc>) -> Result<bool, AppError> {
    let mut tx = svc.begin().await?;
    if !health::mark_needs_support(&mut tx, g.id, now).await? {
        return Ok(false);
    }
    let days = h.days_since_last.map(|d| d.to_string()).unwrap_or_else(|| "-".into());
    let details = json!({"days_since_last": h.days_since_last, "held_this_year": h.held_this_year});
    audit::record(&mut tx, entry(None, "group.needs_support", "group", g.id, None, details), now).await?;
    let group_link = svc.links.to(&format!("/groups/{}", g.profile.slug));
    let reader = svc.db.reader();
    for leader in members::holders(reader, Role::GroupLeader(g.id)).await? {
        let args = [
            ("name", leader.name.as_str()),
            ("group", g.profile.name.as_str()),
            ("days", days.as_str()),
            ("link", group_link.as_str()),
        ];
        notify::queue(&mut tx, Some(leader.id), &leader.email, leader.locale, "group-needs-support", &args).await?;
    }
    let dashboard = svc.links.to(&format!("/manage/regions/{}", g.region_id));
    for manager in members::holders(reader, Role::CommunityManager(g.region_id)).await? {
        let args = [
            ("name", manager.name.as_str()),
            ("group", g.profile.name.as_str()),
            ("days", days.as_str()),
            ("link", dashboard.as_str()),
        ];
        notify::queue(&mut tx, Some(manager.id), &manager.email, manager.locale, "group-support-task", &args).await?;
    }
    tx.commit().await?;
    Ok(true)
}

/// Returns a needs-support group to active (a held event, UG-10).
#[tracing::instrument(skip_all)]
pub async fn restore(svc: &Services, group: GroupId, why: &str, now: DateTime<Utc>) -> Result<bool, AppError> {
    let mut tx = svc.begin().await?;
    if !health::mark_active(&mut tx, group, now).await? {
        return Ok(false);
    }
    audit::record(&mut tx, entry(None, "group.active_again", "group", group, Some(why), json!({})), now).await?;
    tx.commit().await?;
    Ok(true)
}

/// A group's health for a caller who named it by slug.
#[tracing::instrument(skip_all)]
pub async fn by_slug(svc: &Services, slug: &Slug, now: DateTime<Utc>) -> Result<(Group, Health), AppError> {
    let g = groups::by_slug(svc.db.reader(), slug.as_str()).await?.ok_or(DomainError::NotFound)?;
    let h = of_group(svc, &g, now).await?;
    Ok((g, h))
}
