//! Speakers from the community (UG-11): anyone applies; community managers
//! approve or decline; leaders browse the approved pool by topic and region
//! and invite a speaker, who accepts (the session is added to the event)
//! or declines. Leaders ask the community team for an internal expert; the
//! request stays open until answered.

use chrono::Utc;
use guildhall_domain::access::{authorize, Action, Actor, Role};
use guildhall_domain::ids::{EventId, ExpertRequestId, GroupId, InvitationId, MemberId, RegionId};
use guildhall_domain::speaker::{
    answer_expert_request, InvitationStatus, SpeakerFields, SpeakerProfile, SpeakerStatus,
};
use guildhall_domain::values::{LongText, Reason, Title};
use guildhall_domain::DomainError;
use guildhall_storage::events::{self, NewSpeaker, NewTalk};
use guildhall_storage::speakers::{self, ExpertRequest, Invitation, NewInvitation, Speaker};
use guildhall_storage::{audit, members, regions};
use serde_json::json;

use super::Services;
use super::{entry, notify};
use crate::error::AppError;

/// UG-11: a member applies (or reapplies) to speak.
#[tracing::instrument(skip_all)]
pub async fn apply(svc: &Services, actor: &Actor, region: RegionId, fields: &SpeakerFields) -> Result<(), AppError> {
    regions::get(svc.db.reader(), region).await?.ok_or(DomainError::field("region_id", "region_unknown"))?;
    let profile = SpeakerProfile::parse(fields)?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    speakers::upsert(&mut tx, actor.member_id, region, &profile, now).await?;
    let details = json!({"topics": profile.topics_text(), "region": region.to_string()});
    audit::record(
        &mut tx,
        entry(Some(actor.member_id), "speaker.applied", "member", actor.member_id, None, details),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// True when the actor reviews some region's speakers (UG-11).
pub fn reviews_speakers(actor: &Actor) -> bool {
    actor.is_admin() || actor.roles.iter().any(|r| matches!(r, Role::CommunityManager(_)))
}

/// Applications waiting for a community manager: those of the regions the
/// actor manages (every region for admins).
#[tracing::instrument(skip_all)]
pub async fn to_review(svc: &Services, actor: &Actor) -> Result<Vec<Speaker>, AppError> {
    if !reviews_speakers(actor) {
        return Err(DomainError::Forbidden.into());
    }
    let all = speakers::search(svc.db.reader(), SpeakerStatus::Submitted, None, None).await?;
    Ok(all.into_iter().filter(|s| authorize(actor, Action::ReviewSpeakers(s.region_id)).is_ok()).collect())
}

/// UG-11: a community manager approves or declines (with a reason).
#[tracing::instrument(skip_all)]
pub async fn decide(
    svc: &Services,
    actor: &Actor,
    member: MemberId,
    approve: bool,
    reason: &str,
) -> Result<SpeakerStatus, AppError> {
    if !reviews_speakers(actor) {
        return Err(DomainError::Forbidden.into());
    }
    let s = speakers::get(svc.db.reader(), member).await?.ok_or(DomainError::NotFound)?;
    // UG-11: another region's applicant is not this manager's to decide.
    authorize(actor, Action::ReviewSpeakers(s.region_id)).map_err(|_| DomainError::NotFound)?;
    let to = s.status.decide(approve)?;
    let reason = if approve { reason.trim().to_owned() } else { Reason::parse(reason)?.to_string() };
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    speakers::decide(&mut tx, member, to, &reason, actor.member_id, now).await?;
    let action = format!("speaker.{}", to.as_str());
    audit::record(&mut tx, entry(Some(actor.member_id), &action, "member", member, Some(&reason), json!({})), now)
        .await?;
    if let Some(m) = members::by_id(svc.db.reader(), member).await? {
        let url = svc.links.to("/speakers/apply");
        let args = [("name", m.name.as_str()), ("reason", reason.as_str()), ("link", url.as_str())];
        let kind = if approve { "speaker-approved" } else { "speaker-declined" };
        notify::queue(&mut tx, Some(m.id), &m.email, m.locale, kind, &args).await?;
    }
    tx.commit().await?;
    Ok(to)
}

/// True when the actor leads a group or manages a region: who browses the pool.
pub fn may_browse(actor: &Actor) -> bool {
    actor.is_admin() || actor.roles.iter().any(|r| matches!(r, Role::GroupLeader(_) | Role::CommunityManager(_)))
}

/// UG-11: the approved pool, by topic and region.
#[tracing::instrument(skip_all)]
pub async fn pool(
    svc: &Services,
    actor: &Actor,
    topic: Option<&str>,
    region: Option<RegionId>,
    limit: usize,
    after: Option<&guildhall_storage::page::After>,
) -> Result<guildhall_storage::page::Page<Speaker>, AppError> {
    if !may_browse(actor) {
        return Err(DomainError::Forbidden.into());
    }
    Ok(speakers::search_page(svc.db.reader(), SpeakerStatus::Approved, topic, region, limit, after).await?)
}

/// UG-11: a leader invites an approved speaker to an event.
#[tracing::instrument(skip_all)]
pub async fn invite(
    svc: &Services,
    actor: &Actor,
    event: EventId,
    speaker: MemberId,
    talk_title: &str,
    message: &str,
) -> Result<InvitationId, AppError> {
    let (ev, g) = super::events::managed_event(svc, actor, event).await?;
    if !ev.status.is_editable() {
        return Err(DomainError::EventStateConflict { from: ev.status.as_str(), to: "edited" }.into());
    }
    let s = speakers::get(svc.db.reader(), speaker).await?.filter(|s| s.status == SpeakerStatus::Approved);
    let s = s.ok_or(DomainError::field("speaker_id", "speaker_not_approved"))?;
    let title = Title::parse(talk_title)?;
    let message = LongText::parse(message, "message", false)?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let new =
        NewInvitation { event, speaker, talk_title: title.as_str(), message: message.as_str(), by: actor.member_id };
    let id = speakers::invite(&mut tx, new, now).await?;
    let details = json!({"event": event.to_string(), "speaker": speaker.to_string(), "title": title.as_str()});
    audit::record(&mut tx, entry(Some(actor.member_id), "speaker.invited", "invitation", id, None, details), now)
        .await?;
    if let Some(m) = members::by_id(svc.db.reader(), s.member_id).await? {
        let url = svc.links.to("/invitations");
        let args = [
            ("name", m.name.as_str()),
            ("group", g.profile.name.as_str()),
            ("event", ev.details.title.as_str()),
            ("talk", title.as_str()),
            ("link", url.as_str()),
        ];
        notify::queue(&mut tx, Some(m.id), &m.email, m.locale, "speaker-invited", &args).await?;
    }
    tx.commit().await?;
    Ok(id)
}

/// UG-11: the speaker accepts (the session joins the event, with them as
/// speaker) or declines; the leaders are told.
#[tracing::instrument(skip_all)]
pub async fn answer(
    svc: &Services,
    actor: &Actor,
    id: InvitationId,
    accept: bool,
) -> Result<InvitationStatus, AppError> {
    let inv = speakers::invitation_by_id(svc.db.reader(), id).await?.ok_or(DomainError::NotFound)?;
    if inv.speaker_id != actor.member_id {
        return Err(DomainError::NotFound.into());
    }
    let to = inv.status.answer(accept)?;
    let ev = events::get(svc.db.reader(), inv.event_id).await?.ok_or(DomainError::NotFound)?;
    if accept && !ev.status.is_editable() {
        return Err(DomainError::EventStateConflict { from: ev.status.as_str(), to: "edited" }.into());
    }
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let talk = if accept {
        let t = NewTalk {
            title: Title::parse(&inv.talk_title)?,
            abstract_text: LongText::default(),
            speakers: vec![NewSpeaker::Member(actor.member_id)],
        };
        Some(events::add_talk(&mut tx, inv.event_id, &t, now).await?)
    } else {
        None
    };
    speakers::answer(&mut tx, id, to, talk, now).await?;
    let action = format!("speaker.invitation_{}", to.as_str());
    audit::record(&mut tx, entry(Some(actor.member_id), &action, "invitation", id, None, json!({})), now).await?;
    let url = svc.links.to(&format!("/events/{}", inv.event_id));
    for m in members::holders(svc.db.reader(), Role::GroupLeader(inv.group_id)).await? {
        let args = [
            ("name", m.name.as_str()),
            ("speaker", inv.speaker_name.as_str()),
            ("talk", inv.talk_title.as_str()),
            ("status", to.as_str()),
            ("link", url.as_str()),
        ];
        notify::queue(&mut tx, Some(m.id), &m.email, m.locale, "speaker-answered", &args).await?;
    }
    tx.commit().await?;
    Ok(to)
}

#[tracing::instrument(skip_all)]
pub async fn my_invitations(svc: &Services, actor: &Actor) -> Result<Vec<Invitation>, AppError> {
    Ok(speakers::invitations_of(svc.db.reader(), actor.member_id).await?)
}

/// UG-11: a leader asks the community team for an internal expert.
#[tracing::instrument(skip_all)]
pub async fn ask_expert(
    svc: &Services,
    actor: &Actor,
    group: GroupId,
    occasion: &str,
    topic: &str,
) -> Result<ExpertRequestId, AppError> {
    let g = super::groups::managed(svc, actor, group).await?;
    if !actor.leads_group(g.id) && !actor.is_admin() {
        return Err(DomainError::Forbidden.into());
    }
    let occasion = LongText::parse(occasion, "occasion", true);
    let topic = Title::parse(topic).map_err(|_| DomainError::field("topic", "required"));
    DomainError::collect([occasion.clone().err(), topic.clone().err()])?;
    let (occasion, topic) = (occasion?, topic?);
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let id = speakers::ask_expert(&mut tx, g.id, occasion.as_str(), topic.as_str(), actor.member_id, now).await?;
    audit::record(
        &mut tx,
        entry(
            Some(actor.member_id),
            "expert_request.opened",
            "expert_request",
            id,
            None,
            json!({"topic": topic.as_str()}),
        ),
        now,
    )
    .await?;
    let url = svc.links.to(&format!("/expert-requests/{id}"));
    let mut team = members::holders(svc.db.reader(), Role::CommunityManager(g.region_id)).await?;
    team.extend(members::holders(svc.db.reader(), Role::ProgramStaff).await?);
    for m in team {
        let args = [
            ("name", m.name.as_str()),
            ("group", g.profile.name.as_str()),
            ("topic", topic.as_str()),
            ("link", url.as_str()),
        ];
        notify::queue(&mut tx, Some(m.id), &m.email, m.locale, "expert-request-task", &args).await?;
    }
    tx.commit().await?;
    Ok(id)
}

/// An expert request, for the group's leaders and the community team.
#[tracing::instrument(skip_all)]
pub async fn expert_request(svc: &Services, actor: &Actor, id: ExpertRequestId) -> Result<ExpertRequest, AppError> {
    let x = speakers::expert_request(svc.db.reader(), id).await?.ok_or(DomainError::NotFound)?;
    let team = authorize(actor, Action::AnswerExpertRequest(x.region_id)).is_ok();
    if !team && !actor.leads_group(x.group_id) {
        return Err(DomainError::NotFound.into());
    }
    Ok(x)
}

/// UG-11: the community team answers; the leaders are told.
#[tracing::instrument(skip_all)]
pub async fn answer_expert(svc: &Services, actor: &Actor, id: ExpertRequestId, answer: &str) -> Result<(), AppError> {
    let x = speakers::expert_request(svc.db.reader(), id).await?.ok_or(DomainError::NotFound)?;
    authorize(actor, Action::AnswerExpertRequest(x.region_id))?;
    let answer = answer_expert_request(x.answered, answer)?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    speakers::answer_expert(&mut tx, id, answer.as_str(), actor.member_id, now).await?;
    audit::record(
        &mut tx,
        entry(Some(actor.member_id), "expert_request.answered", "expert_request", id, None, json!({})),
        now,
    )
    .await?;
    let url = svc.links.to(&format!("/expert-requests/{id}"));
    for m in members::holders(svc.db.reader(), Role::GroupLeader(x.group_id)).await? {
        let args = [
            ("name", m.name.as_str()),
            ("topic", x.topic.as_str()),
            ("answer", answer.as_str()),
            ("link", url.as_str()),
        ];
        notify::queue(&mut tx, Some(m.id), &m.email, m.locale, "expert-request-answered", &args).await?;
    }
    tx.commit().await?;
    Ok(())
}
