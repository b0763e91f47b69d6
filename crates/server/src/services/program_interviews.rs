//! CH-6 interviews: program staff name a community manager to interview an
//! applicant (or interview themselves); the interviewer proposes times,
//! the applicant picks one and gets a calendar invite, and the interviewer
//! records the interview. The decision stays with program staff.

use chrono::{DateTime, Duration, Utc};
use guildhall_domain::access::{authorize, Action, Actor, Role};
use guildhall_domain::ids::{MemberId, ProgramApplicationId, SlotId};
use guildhall_domain::leadership::{parse_slots, INTERVIEW_MINUTES};
use guildhall_domain::program_application::Step;
use guildhall_domain::values::LongText;
use guildhall_domain::DomainError;
use guildhall_storage::interview_slots::{self, Slot};
use guildhall_storage::programs::{self as store, Application, StageChange};
use guildhall_storage::{audit, members};
use serde_json::json;

use super::programs::{app_link, application, program_name, step, tell};
use super::{entry, notify, Services, Work};
use crate::error::AppError;

fn interviewer_of(a: &Application) -> Option<MemberId> {
    a.interviewer.as_ref().map(|(id, _)| *id)
}

fn may_interview(actor: &Actor, a: &Application) -> Result<(), AppError> {
    Ok(authorize(actor, Action::InterviewProgramApplicant { interviewer: interviewer_of(a) })?)
}

/// Audits a change to the application's interview.
async fn audited(
    tx: &mut Work,
    actor: &Actor,
    a: &Application,
    action: &str,
    details: serde_json::Value,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let e = entry(Some(actor.member_id), action, "program_application", a.id, None, details);
    audit::record(tx, e, now).await?;
    Ok(())
}

/// Emails the named interviewer `p` about the application.
async fn tell_interviewer(
    svc: &Services,
    tx: &mut Work,
    a: &Application,
    p: &members::Member,
    kind: &'static str,
    extra: &[(&'static str, &str)],
) -> Result<(), AppError> {
    let link = app_link(svc, a.id);
    let mut args = vec![
        ("name", p.name.as_str()),
        ("applicant", a.member_name.as_str()),
        ("program", program_name(a.program)),
        ("link", link.as_str()),
    ];
    args.extend_from_slice(extra);
    notify::queue(tx, Some(p.id), &p.email, p.locale, kind, &args).await
}

/// The people staff may name as interviewers: every community manager,
/// once each, by name.
pub async fn candidates(svc: &Services, actor: &Actor) -> Result<Vec<members::Member>, AppError> {
    authorize(actor, Action::DecideProgramApplications)?;
    let mut people: Vec<members::Member> = members::staff_grants(svc.db.reader())
        .await?
        .into_iter()
        .filter(|g| matches!(g.role, Role::CommunityManager(_)))
        .map(|g| g.member)
        .collect();
    people.sort_by(|a, b| a.name.as_str().cmp(b.name.as_str()).then(a.id.to_string().cmp(&b.id.to_string())));
    people.dedup_by_key(|m| m.id);
    Ok(people)
}

/// CH-6: staff name a community manager to interview the applicant, or
/// with `None` take the interview back. The named manager is emailed.
#[tracing::instrument(skip_all)]
pub async fn assign(
    svc: &Services,
    actor: &Actor,
    id: ProgramApplicationId,
    named: Option<MemberId>,
) -> Result<(), AppError> {
    authorize(actor, Action::DecideProgramApplications)?;
    let a = application(svc, actor, id).await?;
    let person = match named {
        Some(m) => Some(
            members::by_id(svc.db.reader(), m)
                .await?
                .ok_or(DomainError::field("interviewer", "interviewer_unknown"))?,
        ),
        None => None,
    };
    let roles = match &person {
        Some(p) => Some(members::roles(svc.db.reader(), p.id).await?),
        None => None,
    };
    a.stage.check_interviewer(roles.as_deref())?;
    if interviewer_of(&a) == named {
        return Ok(());
    }
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    store::set_interviewer(&mut tx, a.id, named, now).await?;
    let details = json!({"interviewer": named.map(|m| m.to_string())});
    audited(&mut tx, actor, &a, "program_application.interviewer_named", details, now).await?;
    if let Some(p) = &person {
        tell_interviewer(svc, &mut tx, &a, p, "program-interviewer-named", &[]).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// CH-6: the open applications the actor was named to interview.
pub async fn assigned_to_me(svc: &Services, actor: &Actor) -> Result<Vec<Application>, AppError> {
    let all = store::interviews_of(svc.db.reader(), actor.member_id).await?;
    // A manager who stepped down keeps none (the right went with the role).
    Ok(all.into_iter().filter(|a| may_interview(actor, a).is_ok()).collect())
}

/// CH-6: the interviewer (staff, or the named community manager)
/// proposes interview times in their own time zone; the applicant is
/// emailed to pick one.
#[tracing::instrument(skip_all)]
pub async fn propose_times(
    svc: &Services,
    actor: &Actor,
    id: ProgramApplicationId,
    raw: &[String],
) -> Result<Vec<DateTime<Utc>>, AppError> {
    let a = application(svc, actor, id).await?;
    may_interview(actor, &a)?;
    a.stage.check_scheduling()?;
    let me = members::by_id(svc.db.reader(), actor.member_id).await?.ok_or(DomainError::NotFound)?;
    let now = Utc::now();
    let times = parse_slots(raw, me.time_zone, now)?;
    let mut tx = svc.begin().await?;
    interview_slots::replace(&mut tx, a.id, &times, INTERVIEW_MINUTES, actor.member_id).await?;
    let details = json!({"times": times.iter().map(|t| t.to_rfc3339()).collect::<Vec<_>>()});
    audited(&mut tx, actor, &a, "program_application.interview_proposed", details, now).await?;
    tell(svc, &mut tx, &a, "program-interview-proposed", &[]).await?;
    tx.commit().await?;
    Ok(times)
}

/// CH-6: the applicant picks a proposed time and is emailed the calendar
/// invite; the named interviewer is told when it is.
#[tracing::instrument(skip_all)]
pub async fn pick_time(
    svc: &Services,
    actor: &Actor,
    id: ProgramApplicationId,
    slot: SlotId,
) -> Result<Slot, AppError> {
    let a = application(svc, actor, id).await?;
    if a.member_id != actor.member_id {
        return Err(DomainError::Forbidden.into());
    }
    a.stage.check_scheduling()?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let chosen = interview_slots::choose(&mut tx, a.id, slot, now).await?;
    let details = json!({"at": chosen.starts_at.to_rfc3339()});
    audited(&mut tx, actor, &a, "program_application.interview_scheduled", details, now).await?;
    let me = members::by_id(svc.db.reader(), actor.member_id).await?.ok_or(DomainError::NotFound)?;
    let when = me.time_zone.format(chosen.starts_at);
    let invite = svc.links.to(&format!("/programs/applications/{}/interview.ics", a.id));
    tell(svc, &mut tx, &a, "program-interview-scheduled", &[("when", when.as_str()), ("invite", invite.as_str())])
        .await?;
    if let Some(p) = interviewer_of(&a) {
        if let Some(p) = members::by_id(svc.db.reader(), p).await? {
            let when = p.time_zone.format(chosen.starts_at);
            let extra = [("when", when.as_str()), ("invite", invite.as_str())];
            tell_interviewer(svc, &mut tx, &a, &p, "program-interview-booked", &extra).await?;
        }
    }
    tx.commit().await?;
    Ok(chosen)
}

/// The proposed interview times of an application the actor may read.
#[tracing::instrument(skip_all)]
pub async fn times(svc: &Services, actor: &Actor, id: ProgramApplicationId) -> Result<Vec<Slot>, AppError> {
    slots_of(svc, &application(svc, actor, id).await?).await
}

/// The proposed interview times of an application already read with
/// [`application`] (so the caller's right was checked).
#[tracing::instrument(skip_all)]
pub async fn slots_of(svc: &Services, a: &Application) -> Result<Vec<Slot>, AppError> {
    Ok(interview_slots::list(svc.db.reader(), a.id).await?)
}

/// The picked interview as (application, start, end), for the calendar invite.
#[tracing::instrument(skip_all)]
pub async fn picked(
    svc: &Services,
    actor: &Actor,
    id: ProgramApplicationId,
) -> Result<(Application, DateTime<Utc>, DateTime<Utc>), AppError> {
    let a = application(svc, actor, id).await?;
    let slot = slots_of(svc, &a).await?.into_iter().find(|s| s.chosen).ok_or(DomainError::NotFound)?;
    Ok((a, slot.starts_at, slot.starts_at + Duration::minutes(slot.minutes)))
}

/// CH-6: the interview happened; notes on interests, motivations and
/// expectations, by staff or the named interviewer.
#[tracing::instrument(skip_all)]
pub async fn record(
    svc: &Services,
    actor: &Actor,
    id: ProgramApplicationId,
    notes: &str,
) -> Result<guildhall_domain::program_application::Stage, AppError> {
    let a = application(svc, actor, id).await?;
    may_interview(actor, &a)?;
    let notes = LongText::parse(notes, "interview_notes", true)?;
    let change = StageChange { interview_notes: Some(notes.as_str()), ..Default::default() };
    let (to, tx) = step(svc, actor, &a, Step::RecordInterview, change, None).await?;
    tx.commit().await?;
    Ok(to)
}
