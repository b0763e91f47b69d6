//! The Champions program and its siblings: contributions (PL-2),
//! eligibility (CH-4, CH-5), applications (CH-6), memberships (CH-1, CH-2)
//! and benefits (CH-8). Every change is audited; applicants are emailed at
//! each step.

use chrono::{NaiveDate, Utc};
use guildhall_domain::access::{authorize, Action, Actor};
use guildhall_domain::contribution::{Contribution, Source, Verification};
use guildhall_domain::eligibility::{
    evaluate, evidence_for, passes_screening, screening, Criteria, Eligibility, ProgramMinimums,
};
use guildhall_domain::ids::{MemberId, ProgramApplicationId};
use guildhall_domain::program::{check_nda_signed_on, check_start, FocusArea, Program, ProgramRules, Start};
use guildhall_domain::program_application::{Stage, Step};
use guildhall_domain::values::{LongText, Reason};
use guildhall_domain::DomainError;
use guildhall_storage::contributions::{self, NewContribution, Stored};
use guildhall_storage::programs::{self, Application, Membership, NewMembership, StageChange};
use guildhall_storage::{audit, members};
use serde_json::json;

use super::{entry, notify};
use super::{Services, Work};
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
) -> Result<Option<String>, AppError> {
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

async fn criteria(svc: &Services) -> Result<Criteria, AppError> {
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
        Some(id) => id.clone(),
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

/// CH-1, CH-2: starts a membership inside `tx`, ending a Champion/MVP
/// membership the day before when `transfer` is allowed. Uses `tx` alone
/// once it holds the lock.
async fn start_membership(
    svc: &Services,
    tx: &mut Work,
    actor: &Actor,
    rules: &ProgramRules,
    g: &Grant,
) -> Result<String, AppError> {
    let Grant { member, focus_area: focus, ref interests, starts_on, nda_signed_on, transfer } = *g;
    let program = rules.program;
    // Seats and exclusivity are read, checked and written as one: accepts
    // on other instances wait here (20 accepts for 5 seats start 5).
    guildhall_storage::dialect::lock_until_commit(tx, svc.db.backend(), "memberships").await?;
    if rules.has_focus_area && focus.is_none() {
        return Err(DomainError::field("focus_area", "required").into());
    }
    let held: Vec<_> = programs::of_member(tx.conn(), member).await?.iter().map(Membership::held).collect();
    let seats = programs::seats_taken(tx, program, starts_on).await?;
    let now = Utc::now();
    if let Start::Transfer { ends, last_day } = check_start(rules, &held, starts_on, transfer, seats, nda_signed_on)? {
        programs::end(tx, member, ends, last_day, "transfer").await?;
        let details = json!({"program": ends.as_str(), "last_day": last_day.to_string()});
        audit::record(
            tx,
            entry(Some(actor.member_id), "membership.ended", "member", member, Some("transfer"), details),
            now,
        )
        .await?;
    }
    let new = NewMembership {
        member,
        program,
        focus_area: focus,
        interests,
        starts_on,
        nda_signed_on,
        by: Some(actor.member_id),
    };
    let id = programs::insert(tx, new, now).await?;
    let details = json!({"program": program.as_str(), "focus_area": focus.map(|f| f.as_str()), "starts_on": starts_on.to_string()});
    audit::record(tx, entry(Some(actor.member_id), "membership.started", "member", member, None, details), now).await?;
    Ok(id)
}

/// What staff give when granting a membership directly (e.g. an MVP award).
pub struct Grant {
    pub member: MemberId,
    pub focus_area: Option<FocusArea>,
    pub interests: Vec<FocusArea>,
    pub starts_on: NaiveDate,
    pub nda_signed_on: Option<NaiveDate>,
    /// Move a Champion to MVP (or back), ending the old title.
    pub transfer: bool,
}

/// CH-1, CH-2: staff grant a membership.
#[tracing::instrument(skip_all)]
pub async fn grant(svc: &Services, actor: &Actor, program: Program, g: &Grant) -> Result<String, AppError> {
    authorize(actor, Action::ManagePrograms)?;
    members::by_id(svc.db.reader(), g.member).await?.ok_or(DomainError::field("member_id", "member_not_found"))?;
    let rules = rules_of(svc, program).await?;
    if g.transfer {
        // CH-2: a transfer moves a title only to someone who meets the
        // target program's own criteria (an accepted application was
        // screened for them; a direct grant is checked here).
        let list: Vec<Contribution> =
            contributions::all(svc.db.reader(), g.member).await?.into_iter().map(|s| s.contribution).collect();
        let minimums = ProgramMinimums::from_settings(&*svc.settings().await?);
        let today = Utc::now().date_naive();
        let result = screening(program, g.focus_area, &list, &criteria(svc).await?, minimums, today);
        if !result.eligible {
            return Err(DomainError::field("transfer", "transfer_criteria_unmet").into());
        }
    }
    let mut tx = svc.begin().await?;
    let id = start_membership(svc, &mut tx, actor, &rules, g).await?;
    tx.commit().await?;
    Ok(id)
}

/// A program's active members today (public: the directory needs it).
/// Program staff (and integrations with their tokens) see every active
/// member; anyone else only those who opted into the directory (CH-9).
#[tracing::instrument(skip_all)]
pub async fn active_members(svc: &Services, actor: &Actor, program: Program) -> Result<Vec<Membership>, AppError> {
    let today = Utc::now().date_naive();
    if authorize(actor, Action::ManagePrograms).is_ok() {
        Ok(programs::active(svc.db.reader(), program, today).await?)
    } else {
        Ok(programs::active_listed(svc.db.reader(), program, today).await?)
    }
}

/// CH-9: a member opts in or out of the public directory, with where they
/// are and an optional quote about the program.
#[tracing::instrument(skip_all)]
pub async fn set_directory_entry(
    svc: &Services,
    actor: &Actor,
    listed: bool,
    region: Option<guildhall_domain::ids::RegionId>,
    country: &str,
    quote: &str,
) -> Result<(), AppError> {
    let country = match country.trim() {
        "" => Ok(String::new()),
        raw => guildhall_domain::values::Country::parse(raw).map(|c| c.code().to_owned()),
    };
    let quote = LongText::parse(quote, "quote", false).and_then(|q| {
        if q.as_str().chars().count() > 500 {
            Err(DomainError::field("quote", "too_long"))
        } else {
            Ok(q)
        }
    });
    DomainError::collect([country.clone().err(), quote.clone().err()])?;
    if let Some(r) = region {
        guildhall_storage::regions::get(svc.db.reader(), r)
            .await?
            .ok_or(DomainError::field("region_id", "region_unknown"))?;
    }
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    programs::set_directory_entry(&mut tx, actor.member_id, listed, region, &country?, quote?.as_str(), now).await?;
    audit::record(
        &mut tx,
        entry(Some(actor.member_id), "directory.updated", "member", actor.member_id, None, json!({"listed": listed})),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// CH-9: the public directory of active Champions and MVPs who opted in.
#[tracing::instrument(skip_all)]
pub async fn directory(
    svc: &Services,
    filter: &programs::DirectoryFilter,
    limit: usize,
    after: Option<&guildhall_storage::page::After>,
) -> Result<guildhall_storage::page::Page<programs::DirectoryEntry>, AppError> {
    Ok(programs::directory(svc.db.reader(), Utc::now().date_naive(), filter, limit, after).await?)
}

/// The countries the directory can be narrowed to.
pub async fn directory_countries(svc: &Services) -> Result<Vec<String>, AppError> {
    Ok(programs::directory_countries(svc.db.reader(), Utc::now().date_naive()).await?)
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
