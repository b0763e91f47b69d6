//! Session review (UG-6): a community manager requires review for a group
//! or an event and approves each session or sends it back against the
//! checklist. Publishing checks the result (see `events::transition`).

use chrono::Utc;
use guildhall_domain::access::{authorize, Action, Actor, Role};
use guildhall_domain::ids::{EventId, GroupId, TalkId};
use guildhall_domain::review::{decide, Checklist, ReviewStatus, Verdict};
use guildhall_domain::DomainError;
use guildhall_storage::events::{self, Speaker, TalkDecision};
use guildhall_storage::{audit, groups, members};
use serde_json::json;

use super::Services;
use super::{entry, notify};
use crate::error::AppError;

/// Requires (or lifts) review of every new event of a group.
#[tracing::instrument(skip_all)]
pub async fn require_for_group(svc: &Services, actor: &Actor, group: GroupId, on: bool) -> Result<(), AppError> {
    let g = groups::by_id(svc.db.reader(), group).await?.ok_or(DomainError::NotFound)?;
    authorize(actor, Action::ReviewSessions(g.region_id))?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    groups::set_review_required(&mut tx, g.id, on, now).await?;
    audit::record(
        &mut tx,
        entry(Some(actor.member_id), "group.review_required", "group", g.id, None, json!({"required": on})),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Requires (or lifts) review of one event's sessions. A published event
/// stays published: review guards publishing.
#[tracing::instrument(skip_all)]
pub async fn require_for_event(svc: &Services, actor: &Actor, event: EventId, on: bool) -> Result<(), AppError> {
    let ev = events::get(svc.db.reader(), event).await?.ok_or(DomainError::NotFound)?;
    let g = groups::by_id(svc.db.reader(), ev.group_id).await?.ok_or(DomainError::NotFound)?;
    authorize(actor, Action::ReviewSessions(g.region_id))?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    events::set_review_required(&mut tx, event, on, now).await?;
    audit::record(
        &mut tx,
        entry(Some(actor.member_id), "event.review_required", "event", event, None, json!({"required": on})),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// UG-6: approves a session or sends it back with changes requested. The
/// group's leaders and the member speakers are told.
#[tracing::instrument(skip_all)]
pub async fn review_talk(
    svc: &Services,
    actor: &Actor,
    event: EventId,
    talk: TalkId,
    verdict: Verdict,
    checklist: &Checklist,
    notes: &str,
) -> Result<ReviewStatus, AppError> {
    let ev = events::get(svc.db.reader(), event).await?.ok_or(DomainError::NotFound)?;
    let g = groups::by_id(svc.db.reader(), ev.group_id).await?.ok_or(DomainError::NotFound)?;
    authorize(actor, Action::ReviewSessions(g.region_id))?;
    let t =
        events::talks(svc.db.reader(), event).await?.into_iter().find(|t| t.id == talk).ok_or(DomainError::NotFound)?;
    let (status, notes) = decide(verdict, checklist, notes)?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let decision = TalkDecision { status, checklist, notes: notes.as_str(), by: actor.member_id };
    events::review_talk(&mut tx, event, talk, decision, now).await?;
    let details = json!({"talk": talk.to_string(), "status": status.as_str(), "checklist": checklist.to_text()});
    audit::record(&mut tx, entry(Some(actor.member_id), "talk.reviewed", "event", event, None, details), now).await?;
    let url = svc.links.to(&format!("/events/{event}"));
    let kind = if status == ReviewStatus::Approved { "talk-approved" } else { "talk-changes-requested" };
    let mut people = members::holders(svc.db.reader(), Role::GroupLeader(g.id)).await?;
    for s in &t.speakers {
        if let Speaker::Member { id, .. } = s {
            if let Some(m) = members::by_id(svc.db.reader(), *id).await? {
                if !people.iter().any(|p| p.id == m.id) {
                    people.push(m);
                }
            }
        }
    }
    for m in people {
        let args = [
            ("name", m.name.as_str()),
            ("talk", t.title.as_str()),
            ("event", ev.details.title.as_str()),
            ("notes", notes.as_str()),
            ("link", url.as_str()),
        ];
        notify::queue(&mut tx, Some(m.id), &m.email, m.locale, kind, &args).await?;
    }
    tx.commit().await?;
    Ok(status)
}
