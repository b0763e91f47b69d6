//! Applications to the Champions program and its siblings (CH-6): draft,
//! submit, screen, decide, withdraw. Evidence lives in `program_evidence`,
//! memberships in `program_memberships`, interviews in
//! `program_interviews`, benefits in `benefits`. Every change is audited;
//! applicants are emailed at each step.

use chrono::{NaiveDate, Utc};
use guildhall_domain::access::{authorize, Action, Actor};
use guildhall_domain::contribution::Contribution;
use guildhall_domain::eligibility::{passes_screening, screening, Eligibility, ProgramMinimums};
use guildhall_domain::ids::ProgramApplicationId;
use guildhall_domain::program::{check_nda_signed_on, FocusArea, Program, ProgramRules};
use guildhall_domain::program_application::{Stage, Step};
use guildhall_domain::values::{LongText, Reason};
use guildhall_domain::DomainError;
use guildhall_storage::contributions::{self};
use guildhall_storage::programs::{self, Application, Membership, StageChange};
use guildhall_storage::{audit, members};
use serde_json::json;

use super::program_evidence::{criteria, evidence, judgments, piece_key};
use super::program_memberships::{start_membership, Grant};
use super::{entry, notify};
use super::{Services, Work};
use crate::error::AppError;

pub(super) fn app_link(svc: &Services, id: ProgramApplicationId) -> String {
    svc.links.to(&format!("/programs/applications/{id}"))
}

pub(super) async fn tell(
    svc: &Services,
    tx: &mut Work,
    a: &Application,
    kind: &'static str,
    extra: &[(&'static str, &str)],
) -> Result<(), AppError> {
    let m = members::by_id(svc.db.reader(), a.member_id).await?.ok_or(DomainError::NotFound)?;
    tell_to(svc, tx, a, &m, kind, extra).await
}

/// [`tell`] with the applicant already read: for a transaction that holds
/// a lock, so that it needs no second connection from the pool.
async fn tell_to(
    svc: &Services,
    tx: &mut Work,
    a: &Application,
    m: &members::Member,
    kind: &'static str,
    extra: &[(&'static str, &str)],
) -> Result<(), AppError> {
    let link = app_link(svc, a.id);
    let mut args = vec![("name", m.name.as_str()), ("program", program_name(a.program)), ("link", link.as_str())];
    args.extend_from_slice(extra);
    notify::queue(tx, Some(m.id), &m.email, m.locale, kind, &args).await
}

/// The program's name in emails and calendar invites.
pub fn program_name(p: Program) -> &'static str {
    match p {
        Program::Champions => "Champions",
        Program::Mvp => "MVP",
        Program::Ambassadors => "Ambassadors",
    }
}

/// CH-6: the caller starts an application (a draft). Champions need a
/// focus area; one open application per program.
#[tracing::instrument(skip_all)]
pub async fn apply(
    svc: &Services,
    actor: &Actor,
    program: Program,
    focus: Option<FocusArea>,
    interests: &[FocusArea],
) -> Result<ProgramApplicationId, AppError> {
    if program == Program::Champions && focus.is_none() {
        return Err(DomainError::field("focus_area", "required").into());
    }
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    // CH-2: one membership of a program at a time: a member applies again
    // only once their title has ended.
    let today = now.date_naive();
    let held = programs::of_member(tx.conn(), actor.member_id).await?;
    if held.iter().any(|m| m.program == program && m.held().ends_on.is_none_or(|end| end >= today)) {
        return Err(DomainError::AlreadyMember.into());
    }
    if programs::has_open(&mut tx, actor.member_id, program).await? {
        return Err(DomainError::OpenApplicationExists.into());
    }
    let interests: Vec<FocusArea> = interests.iter().copied().filter(|a| Some(*a) != focus).collect();
    let id = programs::insert_application(&mut tx, actor.member_id, program, focus, &interests, now).await?;
    let details = json!({"program": program.as_str(), "focus_area": focus.map(|f| f.as_str())});
    audit::record(
        &mut tx,
        entry(Some(actor.member_id), "program_application.created", "program_application", id, None, details),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// An application the actor may read.
#[tracing::instrument(skip_all)]
pub async fn application(svc: &Services, actor: &Actor, id: ProgramApplicationId) -> Result<Application, AppError> {
    let a = programs::application_by_id(svc.db.reader(), id).await?.ok_or(DomainError::NotFound)?;
    let interviewer = a.interviewer.as_ref().map(|(id, _)| *id);
    authorize(actor, Action::ReadProgramApplication { applicant: a.member_id, interviewer })
        .map_err(|_| DomainError::NotFound)?;
    Ok(a)
}

pub(super) async fn step(
    svc: &Services,
    actor: &Actor,
    a: &Application,
    step: Step,
    change: StageChange<'_>,
    reason: Option<&str>,
) -> Result<(Stage, Work), AppError> {
    let to = a.stage.apply(step)?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    programs::move_stage(&mut tx, a.id, a.stage, to, change, now).await?;
    let action = format!("program_application.{}", to.as_str());
    let details = json!({"from": a.stage.as_str(), "to": to.as_str()});
    audit::record(&mut tx, entry(Some(actor.member_id), &action, "program_application", a.id, reason, details), now)
        .await?;
    Ok((to, tx))
}

/// The program's traits today: CH-1's defaults with the seat cap from
/// settings.
/// CH-1: the program's traits as an admin set them.
pub async fn rules_of(svc: &Services, program: Program) -> Result<ProgramRules, AppError> {
    Ok(ProgramRules::from_settings(program, &*svc.settings().await?))
}

/// CH-1: staff record the day the applicant signed the NDA (MVP), before
/// the decision; acceptance starts the award with it.
#[tracing::instrument(skip_all)]
pub async fn record_nda(
    svc: &Services,
    actor: &Actor,
    id: ProgramApplicationId,
    signed_on: NaiveDate,
) -> Result<(), AppError> {
    authorize(actor, Action::DecideProgramApplications)?;
    let a = application(svc, actor, id).await?;
    if !a.stage.is_open() {
        return Err(
            DomainError::StateConflict { what: "application", from: a.stage.as_str(), to: "nda_recorded" }.into()
        );
    }
    check_nda_signed_on(&rules_of(svc, a.program).await?, signed_on, Utc::now().date_naive())?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    programs::set_nda_signed_on(&mut tx, a.id, Some(signed_on), now).await?;
    let details = json!({"signed_on": signed_on.to_string()});
    audit::record(
        &mut tx,
        entry(Some(actor.member_id), "program_application.nda_recorded", "program_application", a.id, None, details),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// CH-6: the applicant submits; they see and are emailed a thank-you.
#[tracing::instrument(skip_all)]
pub async fn submit(svc: &Services, actor: &Actor, id: ProgramApplicationId) -> Result<Stage, AppError> {
    let a = application(svc, actor, id).await?;
    if a.member_id != actor.member_id {
        return Err(DomainError::Forbidden.into());
    }
    let (to, mut tx) = step(svc, actor, &a, Step::Submit, StageChange::default(), None).await?;
    tell(svc, &mut tx, &a, "program-submitted", &[]).await?;
    tx.commit().await?;
    Ok(to)
}

/// CH-6: the applicant changes their draft's focus area and interests
/// before submitting it.
#[tracing::instrument(skip_all)]
pub async fn edit_draft(
    svc: &Services,
    actor: &Actor,
    id: ProgramApplicationId,
    focus: Option<FocusArea>,
    interests: &[FocusArea],
) -> Result<(), AppError> {
    let a = application(svc, actor, id).await?;
    if a.member_id != actor.member_id {
        return Err(DomainError::Forbidden.into());
    }
    a.stage.check_editable()?;
    if a.program == Program::Champions && focus.is_none() {
        return Err(DomainError::field("focus_area", "required").into());
    }
    let interests: Vec<FocusArea> = interests.iter().copied().filter(|i| Some(*i) != focus).collect();
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    programs::edit_draft(&mut tx, a.id, focus, &interests, now).await?;
    let details = json!({"focus_area": focus.map(|f| f.as_str())});
    audit::record(
        &mut tx,
        entry(Some(actor.member_id), "program_application.edited", "program_application", a.id, None, details),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// CH-6: the applicant withdraws at any stage before the decision; a new
/// application to the same program may follow.
#[tracing::instrument(skip_all)]
pub async fn withdraw(svc: &Services, actor: &Actor, id: ProgramApplicationId) -> Result<Stage, AppError> {
    let a = application(svc, actor, id).await?;
    if a.member_id != actor.member_id {
        return Err(DomainError::Forbidden.into());
    }
    let (to, tx) = step(svc, actor, &a, Step::Withdraw, StageChange::default(), None).await?;
    tx.commit().await?;
    Ok(to)
}

/// CH-5, CH-6: staff screen: the engine's result and the reviewer's
/// judgment of the evidence's quality. Passing moves to the interview;
/// otherwise the email names each unmet criterion in plain words.
#[tracing::instrument(skip_all)]
pub async fn screen(
    svc: &Services,
    actor: &Actor,
    id: ProgramApplicationId,
    quality_accepted: bool,
    quality_notes: &str,
) -> Result<(Stage, Eligibility), AppError> {
    use guildhall_domain::eligibility::{meets_rubric, rubric_of, Quality};
    authorize(actor, Action::DecideProgramApplications)?;
    let a = application(svc, actor, id).await?;
    let list: Vec<Contribution> =
        contributions::all(svc.db.reader(), a.member_id).await?.into_iter().map(|s| s.contribution).collect();
    let minimums = ProgramMinimums::from_settings(&*svc.settings().await?);
    let today = Utc::now().date_naive();
    let result = screening(a.program, a.focus_area, &list, &criteria(svc).await?, minimums, today);
    // CH-5: the quality comes from the pieces judged one by one; only when
    // none was judged does the older single answer count (API clients
    // that judge outside Guildhall).
    let judged = judgments(svc, actor, &a).await?;
    let quality = if judged.is_empty() {
        if quality_accepted {
            Quality::Accepted
        } else {
            Quality::judged(0, &result)
        }
    } else {
        let rubric = rubric_of(a.focus_area);
        let pieces = evidence(svc, actor, &a).await?;
        let good = pieces.iter().filter(|s| judged.get(&piece_key(s)).is_some_and(|m| meets_rubric(rubric, m))).count();
        Quality::judged(good as u32, &result)
    };
    let quality_accepted = quality.accepted();
    let notes = LongText::parse(quality_notes, "quality_notes", false)?;
    // Screening is a stage of its own (CH-6): record it, then its outcome.
    let (_, tx) = step(svc, actor, &a, Step::Screen, StageChange::default(), None).await?;
    tx.commit().await?;
    let a = application(svc, actor, id).await?;
    let screening = json!({
        "eligible": result.eligible,
        "quality_accepted": quality_accepted,
        "criteria": result.criteria.iter().map(|c| json!({
            "criterion": c.criterion, "met": c.met, "found": c.found, "needed": c.needed, "message": c.sentence()
        })).collect::<Vec<_>>(),
    })
    .to_string();
    let pass = passes_screening(&result, quality_accepted);
    let change = StageChange { screening: Some(&screening), quality_notes: Some(notes.as_str()), ..Default::default() };
    let (to, mut tx) = step(svc, actor, &a, if pass { Step::Invite } else { Step::NotSelect }, change, None).await?;
    if pass {
        tell(svc, &mut tx, &a, "program-interview", &[]).await?;
    } else {
        let mut unmet: Vec<String> =
            result.criteria.iter().filter(|c| !c.met).map(|c| format!("- {}", c.sentence())).collect();
        match quality {
            Quality::Accepted => {}
            Quality::TooFew { good, needed } => unmet.push(format!(
                "- Quality: {good} of the pieces of evidence met every point of the rubric; {needed} are needed."
            )),
        }
        let unmet = unmet.join("\n");
        tell(svc, &mut tx, &a, "program-not-selected", &[("criteria", unmet.as_str())]).await?;
    }
    tx.commit().await?;
    Ok((to, result))
}

/// CH-6: accepted: the membership starts today with the focus area (a
/// Champion accepted as MVP, or the reverse, transfers: CH-2); welcome
/// email. Declined: email with the reason.
#[tracing::instrument(skip_all)]
pub async fn decide(
    svc: &Services,
    actor: &Actor,
    id: ProgramApplicationId,
    accept: bool,
    reason: &str,
) -> Result<Stage, AppError> {
    authorize(actor, Action::DecideProgramApplications)?;
    let a = application(svc, actor, id).await?;
    let reason = if accept { reason.trim().to_owned() } else { Reason::parse(reason)?.to_string() };
    // Read before the transaction: once it holds the memberships lock it
    // uses its own connection only (waiting accepts hold the others).
    let m = members::by_id(svc.db.reader(), a.member_id).await?.ok_or(DomainError::NotFound)?;
    let rules = rules_of(svc, a.program).await?;
    let change = StageChange { reason: Some(&reason), ..Default::default() };
    let (to, mut tx) =
        step(svc, actor, &a, if accept { Step::Accept } else { Step::Decline }, change, Some(&reason)).await?;
    if accept {
        {
            let g = Grant {
                member: a.member_id,
                focus_area: a.focus_area,
                interests: a.interests.clone(),
                starts_on: Utc::now().date_naive(),
                nda_signed_on: a.nda_signed_on,
                // Accepted after screening, the target's criteria are met (CH-2).
                transfer: true,
            };
            start_membership(svc, &mut tx, actor, &rules, &g).await?;
        }
        tell_to(svc, &mut tx, &a, &m, "program-accepted", &[]).await?;
    } else {
        tell_to(svc, &mut tx, &a, &m, "program-declined", &[("reason", reason.as_str())]).await?;
    }
    tx.commit().await?;
    Ok(to)
}

/// A member's memberships and applications, for their programs page.
#[tracing::instrument(skip_all)]
pub async fn mine(svc: &Services, actor: &Actor) -> Result<(Vec<Membership>, Vec<Application>), AppError> {
    let memberships = programs::of_member(svc.db.reader(), actor.member_id).await?;
    let apps = programs::applications_of(svc.db.reader(), actor.member_id).await?;
    Ok((memberships, apps))
}

/// Staff's pipeline: every application, newest first.
#[tracing::instrument(skip_all)]
pub async fn pipeline(
    svc: &Services,
    actor: &Actor,
    filter: &programs::PipelineFilter,
    limit: usize,
    after: Option<&guildhall_storage::page::After>,
) -> Result<guildhall_storage::page::Page<Application>, AppError> {
    authorize(actor, Action::DecideProgramApplications)?;
    Ok(programs::applications(svc.db.reader(), filter, limit, after).await?)
}

/// How many applications each stage holds (of one program, or all).
pub async fn stage_counts(
    svc: &Services,
    actor: &Actor,
    program: Option<Program>,
) -> Result<Vec<(guildhall_domain::program_application::Stage, u64)>, AppError> {
    authorize(actor, Action::DecideProgramApplications)?;
    Ok(programs::stage_counts(svc.db.reader(), program).await?)
}
