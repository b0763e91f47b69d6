//! Evidence for the programs: contributions recorded (PL-2), the
//! eligibility engine's answer (CH-4), and the reviewer's judgment of each
//! piece against the rubric (CH-5).

use chrono::Utc;
use guildhall_domain::access::{authorize, Action, Actor};
use guildhall_domain::contribution::{Contribution, Source, Verification};
use guildhall_domain::eligibility::{evaluate, evidence_for, Criteria, Eligibility};
use guildhall_domain::ids::{ContributionId, MemberId, ProgramApplicationId};
use guildhall_domain::program::FocusArea;
use guildhall_domain::program_application::Stage;
use guildhall_domain::DomainError;
use guildhall_storage::contributions::{self, NewContribution, Stored};
use guildhall_storage::programs::Application;
use guildhall_storage::{audit, members};
use serde_json::json;

use super::entry;
use super::programs::application;
use super::Services;
use crate::error::AppError;

/// PL-2: records a contribution. Staff may record any; a member only their
/// own, and only as self-reported and unverified. The same source key
/// twice is stored once (PL-3); `None` says it was already there.
#[tracing::instrument(skip_all)]
pub async fn add_contribution(
    svc: &Services,
    actor: &Actor,
    member: MemberId,
    title: &str,
    c: Contribution,
    source_key: &str,
) -> Result<Option<ContributionId>, AppError> {
    authorize(actor, Action::AddContribution(member))?;
    members::by_id(svc.db.reader(), member).await?.ok_or(DomainError::NotFound)?;
    let staff = actor.is_program_staff() || actor.is_admin();
    if !staff && (c.source != Source::SelfReported || c.verification != Verification::Unverified) {
        return Err(DomainError::field("source", "self_reported_only").into());
    }
    if c.source == Source::Derived {
        return Err(DomainError::field("source", "derived_is_computed").into());
    }
    let title = guildhall_domain::values::Title::parse(title)?;
    let key =
        if source_key.trim().is_empty() { uuid::Uuid::now_v7().to_string() } else { source_key.trim().to_owned() };
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let new = NewContribution {
        member,
        title: title.as_str(),
        contribution: &c,
        source_key: &key,
        by: Some(actor.member_id),
    };
    let id = contributions::insert(&mut tx, new, now).await?;
    if id.is_some() {
        let details = json!({"kind": c.details.kind().as_str(), "source": c.source.as_str()});
        audit::record(
            &mut tx,
            entry(Some(actor.member_id), "contribution.added", "member", member, None, details),
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(id)
}

/// A member's contributions, stored and derived, newest first.
#[tracing::instrument(skip_all)]
pub async fn contributions_of(svc: &Services, actor: &Actor, member: MemberId) -> Result<Vec<Stored>, AppError> {
    authorize(actor, Action::ReadContributions(member))?;
    Ok(contributions::all(svc.db.reader(), member).await?)
}

pub(super) async fn criteria(svc: &Services) -> Result<Criteria, AppError> {
    let s = svc.settings().await?;
    Ok(Criteria::from_settings(&s))
}

/// CH-4: the engine's answer for a member and focus area, today.
#[tracing::instrument(skip_all)]
pub async fn eligibility(
    svc: &Services,
    actor: &Actor,
    member: MemberId,
    area: FocusArea,
) -> Result<Eligibility, AppError> {
    authorize(actor, Action::ReadContributions(member))?;
    let list: Vec<Contribution> =
        contributions::all(svc.db.reader(), member).await?.into_iter().map(|s| s.contribution).collect();
    Ok(evaluate(area, &list, &criteria(svc).await?, Utc::now().date_naive()))
}

/// CH-5: the pieces of evidence that count for the application's program
/// (and focus area) in its window, for the reviewer to judge.
#[tracing::instrument(skip_all)]
pub async fn evidence(svc: &Services, actor: &Actor, a: &Application) -> Result<Vec<Stored>, AppError> {
    authorize(actor, Action::DecideProgramApplications)?;
    let criteria = criteria(svc).await?;
    let today = Utc::now().date_naive();
    let all = contributions::all(svc.db.reader(), a.member_id).await?;
    Ok(all.into_iter().filter(|s| evidence_for(a.program, a.focus_area, &s.contribution, &criteria, today)).collect())
}

/// CH-5: how a piece of evidence is named in judgments: a stored
/// contribution by its id, one derived from this platform (an event held,
/// a session given) by its day and title.
pub fn piece_key(s: &Stored) -> String {
    match &s.id {
        Some(id) => id.to_string(),
        None => format!("derived:{}:{}", s.contribution.date, s.title),
    }
}

/// CH-5: the reviewer records which rubric points one piece of the
/// application's evidence meets, while the application waits for
/// screening. Judging again replaces the judgment.
#[tracing::instrument(skip_all)]
pub async fn judge_piece(
    svc: &Services,
    actor: &Actor,
    id: ProgramApplicationId,
    piece: &str,
    points: &[String],
) -> Result<Vec<&'static str>, AppError> {
    use guildhall_domain::eligibility::{parse_points, rubric_of};
    authorize(actor, Action::DecideProgramApplications)?;
    let a = application(svc, actor, id).await?;
    if a.stage != Stage::Submitted {
        return Err(DomainError::StateConflict { what: "application", from: a.stage.as_str(), to: "judged" }.into());
    }
    let evidence = evidence(svc, actor, &a).await?;
    if !evidence.iter().any(|s| piece_key(s) == piece) {
        return Err(DomainError::field("piece", "evidence_unknown").into());
    }
    let met = parse_points(rubric_of(a.focus_area), points)?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    guildhall_storage::evidence_judgments::set(&mut tx, a.id, piece, &met, actor.member_id, now).await?;
    let details = json!({"piece": piece, "points": met});
    audit::record(&mut tx, entry(Some(actor.member_id), "evidence.judged", "application", a.id, None, details), now)
        .await?;
    tx.commit().await?;
    Ok(met)
}

/// CH-5: the judged pieces of an application: piece key to points met.
pub async fn judgments(
    svc: &Services,
    actor: &Actor,
    a: &Application,
) -> Result<std::collections::HashMap<String, Vec<String>>, AppError> {
    authorize(actor, Action::DecideProgramApplications)?;
    Ok(guildhall_storage::evidence_judgments::of_application(svc.db.reader(), a.id).await?)
}

/// CH-4 for every focus area at once (one read of the contributions).
#[tracing::instrument(skip_all)]
pub async fn eligibility_all(svc: &Services, actor: &Actor, member: MemberId) -> Result<Vec<Eligibility>, AppError> {
    authorize(actor, Action::ReadContributions(member))?;
    let list: Vec<Contribution> =
        contributions::all(svc.db.reader(), member).await?.into_iter().map(|s| s.contribution).collect();
    let c = criteria(svc).await?;
    let today = Utc::now().date_naive();
    Ok(FocusArea::ALL.iter().map(|a| evaluate(*a, &list, &c, today)).collect())
}
