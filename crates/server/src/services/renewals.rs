//! The yearly renewal (CH-7): every Champion's activity in their focus
//! area over the past year is measured against CH-4. The consistently
//! active are renewed and told; for the others staff get an evaluation
//! task and keep or end the title with a reason. A run is one row per
//! program and year; its lease lets one instance work at a time; each
//! decision and its email share a transaction, so a run resumed after a
//! crash decides and emails every member once.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, Utc};
use guildhall_domain::access::{authorize, Action, Actor};
use guildhall_domain::contribution::Contribution;
use guildhall_domain::eligibility::{evaluate_in, look_back, mvp_yearly, Criteria, Window};
use guildhall_domain::ids::{MemberId, MembershipId, RenewalRunId};
use guildhall_domain::program::Program;
use guildhall_domain::renewal::due;
use guildhall_domain::values::Reason;
use guildhall_domain::DomainError;
use guildhall_storage::members::Member;
use guildhall_storage::programs::Membership;
use guildhall_storage::renewals::{self, Decision, NewDecision, Run};
use guildhall_storage::{audit, contributions, members, outbox, programs};
use serde_json::json;

use super::{entry, notify};
use super::{Services, Work};
use crate::error::AppError;

/// How long one instance may hold a run before another takes over. Every
/// batch renews it (a batch takes well under a second at 100,000
/// members), so it only runs out when its instance died mid-run.
const LEASE_SECS: i64 = 30;

/// Where a run stands.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Progress {
    pub run_id: RenewalRunId,
    pub program: &'static str,
    pub year: i64,
    pub total: i64,
    pub decided: i64,
    pub done: bool,
    /// False when another instance holds the run right now.
    pub worked_here: bool,
}

fn progress(r: &Run, worked_here: bool) -> Progress {
    Progress {
        run_id: r.id,
        program: r.program.as_str(),
        year: r.year,
        total: r.total,
        decided: r.decided,
        done: r.done,
        worked_here,
    }
}

async fn email(svc: &Services, tx: &mut Work, m: &Member, kind: &'static str, reason: &str) -> Result<(), AppError> {
    let link = svc.links.to("/programs");
    let args = [("name", m.name.as_str()), ("reason", reason), ("link", link.as_str())];
    notify::queue(tx, Some(m.id), &m.email, m.locale, kind, &args).await
}

/// Members measured per transaction.
const BATCH: usize = 500;

/// What one batch's members are measured on, and their addresses.
struct Evidence {
    counted: HashMap<MemberId, Vec<Contribution>>,
    people: HashMap<MemberId, Member>,
}

async fn read(svc: &Services, batch: &[&Membership], window: Window) -> Result<Evidence, AppError> {
    let ids: Vec<MemberId> = batch.iter().map(|m| m.member_id).collect();
    let since = match window {
        Window::Between { from, .. } => from,
        Window::CalendarYear { year } => NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN),
    };
    let counted = contributions::counted_for(&svc.db, &ids, since).await?;
    let people = members::by_ids(svc.db.reader(), &ids).await?.into_iter().map(|m| (m.id, m)).collect();
    Ok(Evidence { counted, people })
}

/// One membership's outcome and the sentence that explains it.
type Measured<'a> = (&'a Membership, &'static str, String);

/// CH-7 in the domain's engine: Champions against CH-4 in their focus
/// area, MVPs against the MVP yearly metric; without one, staff evaluate.
fn measure<'a>(
    batch: &[&'a Membership],
    mut counted: HashMap<MemberId, Vec<Contribution>>,
    rules: &Rules,
    window: Window,
) -> Vec<Measured<'a>> {
    batch
        .iter()
        .map(|m| {
            let list = counted.remove(&m.member_id).unwrap_or_default();
            let result = match (m.program, m.focus_area) {
                (Program::Mvp, _) => mvp_yearly(&list, rules.mvp_min, window),
                (_, Some(area)) => Some(evaluate_in(area, &list, &rules.criteria, window)),
                (_, None) => None,
            };
            match result {
                Some(e) => {
                    let summary = e.criteria.iter().map(|c| c.sentence()).collect::<Vec<_>>().join("; ");
                    (*m, if e.eligible { "renewed" } else { "to_evaluate" }, summary)
                }
                None => (*m, "to_evaluate", "No yearly metrics are configured for this program.".to_owned()),
            }
        })
        .collect()
}

/// What members are measured against, from settings.
struct Rules {
    criteria: Criteria,
    mvp_min: u32,
}

/// Records a batch's decisions in one transaction, with an audit entry
/// and, for the renewed, an email for each decision made now.
async fn record(
    svc: &Services,
    run: RenewalRunId,
    by: Option<&Actor>,
    measured: &[Measured<'_>],
    people: &HashMap<MemberId, Member>,
) -> Result<(), AppError> {
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let decisions: Vec<NewDecision> = measured
        .iter()
        .map(|(m, outcome, summary)| NewDecision { run, membership: m.id, member: m.member_id, outcome, summary })
        .collect();
    let decided = renewals::decide_many(&mut tx, run, &decisions, now).await?;
    let news: Vec<_> = measured.iter().filter(|(m, _, _)| decided.contains(&m.id)).collect();
    let actions: Vec<String> = news.iter().map(|(_, outcome, _)| format!("renewal.{outcome}")).collect();
    let entries: Vec<_> = news
        .iter()
        .zip(&actions)
        .map(|((m, _, summary), action)| {
            let details = json!({"run": run, "membership": m.id, "summary": summary});
            entry(by.map(|a| a.member_id), action, "member", m.member_id, None, details)
        })
        .collect();
    audit::record_many(&mut tx, &entries, now).await?;
    let link = svc.links.to("/programs");
    let emails: Vec<_> = news
        .iter()
        .filter(|(_, outcome, _)| *outcome == "renewed")
        .filter_map(|(m, _, _)| people.get(&m.member_id))
        .map(|p| {
            let args = [("name", p.name.as_str()), ("reason", ""), ("link", link.as_str())];
            notify::compose(Some(p.id), &p.email, p.locale, "program-renewed", &args)
        })
        .collect();
    outbox::enqueue_many(&mut tx, &emails, now).await?;
    if !emails.is_empty() {
        tx.mail_queued();
    }
    renewals::lease(&mut tx, run, &svc.instance_id, now, LEASE_SECS).await?;
    tx.commit().await?;
    Ok(())
}

/// CH-7: runs (or resumes) the renewal of `program` for `year`. `limit`
/// stops after that many decisions (progress in steps; tests use it to
/// stand in for a crash). Staff start it with `by`; the command line and
/// jobs without.
#[tracing::instrument(skip_all)]
pub async fn run(
    svc: &Services,
    by: Option<&Actor>,
    program: Program,
    year: i64,
    limit: Option<usize>,
) -> Result<Progress, AppError> {
    if let Some(actor) = by {
        authorize(actor, Action::ManagePrograms)?;
    }
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let r = renewals::open(&mut tx, program, year, by.map(|a| a.member_id), now).await?;
    tx.commit().await?;
    if r.done {
        return Ok(progress(&r, false));
    }
    let mut tx = svc.begin().await?;
    let leased = renewals::lease(&mut tx, r.id, &svc.instance_id, now, LEASE_SECS).await?;
    tx.commit().await?;
    if !leased {
        return Ok(progress(&r, false));
    }
    let today = now.date_naive();
    let active = programs::active(svc.db.reader(), program, today).await?;
    let mut tx = svc.begin().await?;
    renewals::set_total(&mut tx, r.id, i64::try_from(active.len()).unwrap_or(i64::MAX)).await?;
    tx.commit().await?;
    let done: HashSet<MembershipId> = renewals::decided_ids(svc.db.reader(), r.id).await?.into_iter().collect();
    let s = svc.settings().await?;
    let rules = Rules {
        criteria: Criteria::from_settings(&s),
        mvp_min: u32::try_from(s.int("mvp.min_contributions_per_year")).unwrap_or(0),
    };
    let months = u32::try_from(s.int("champions.renewal_look_back_months")).unwrap_or(12);
    let window = look_back(today, months);
    let pending: Vec<&Membership> =
        active.iter().filter(|m| !done.contains(&m.id)).take(limit.unwrap_or(usize::MAX)).collect();
    // Members are measured in batches: a few queries read a batch, one
    // transaction records its decisions, audit entries and emails, so a
    // crash loses at most the batch in flight, which the next run decides
    // again. The next batch is read while this one is written.
    let batches: Vec<&[&Membership]> = pending.chunks(BATCH).collect();
    let mut next = match batches.first() {
        Some(b) => Some(read(svc, b, window).await?),
        None => None,
    };
    for (i, batch) in batches.iter().enumerate() {
        let Some(evidence) = next.take() else { break };
        let measured = measure(batch, evidence.counted, &rules, window);
        let write = record(svc, r.id, by, &measured, &evidence.people);
        let read_next = async {
            match batches.get(i + 1) {
                Some(b) => read(svc, b, window).await.map(Some),
                None => Ok(None),
            }
        };
        let (written, read) = tokio::join!(write, read_next);
        written?;
        next = read?;
    }
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let decided = renewals::decided_ids(svc.db.reader(), r.id).await?.len();
    if decided >= active.len() {
        renewals::finish(&mut tx, r.id, now).await?;
    } else {
        // A step (`limit`) is done: the next may come to any instance.
        renewals::release(&mut tx, r.id, &svc.instance_id).await?;
    }
    tx.commit().await?;
    let r = renewals::get(svc.db.reader(), r.id).await?.ok_or(DomainError::NotFound)?;
    Ok(progress(&r, true))
}

/// CH-7: once the configured day has come, runs (or finishes) this year's
/// renewal of Champions and of MVPs. Answers the runs worked here.
#[tracing::instrument(skip_all)]
pub async fn yearly(svc: &Services, today: NaiveDate) -> Result<Vec<Progress>, AppError> {
    let s = svc.settings().await?;
    let (month, day) = (s.int("champions.renewal_month"), s.int("champions.renewal_day"));
    let Some(year) = due(today, u32::try_from(month).unwrap_or(12), u32::try_from(day).unwrap_or(1)) else {
        return Ok(Vec::new());
    };
    let mut worked = Vec::new();
    for program in [Program::Champions, Program::Mvp] {
        let p = run(svc, None, program, i64::from(year), None).await?;
        if p.worked_here {
            tracing::info!(program = p.program, year, decided = p.decided, total = p.total, "yearly renewal");
            worked.push(p);
        }
    }
    Ok(worked)
}

/// CH-7: staff start (or resume) a run from the pages; it works in the
/// background and its page shows the progress. Answers the run's id.
#[tracing::instrument(skip_all)]
pub async fn start(svc: &Services, actor: &Actor, program: Program, year: i64) -> Result<RenewalRunId, AppError> {
    authorize(actor, Action::ManagePrograms)?;
    let mut tx = svc.begin().await?;
    let r = renewals::open(&mut tx, program, year, Some(actor.member_id), Utc::now()).await?;
    tx.commit().await?;
    let (svc, actor) = (svc.clone(), actor.clone());
    tokio::spawn(async move {
        if let Err(e) = run(&svc, Some(&actor), program, year, None).await {
            tracing::warn!(error = ?e, "renewal run stopped; starting it again resumes it");
        }
    });
    Ok(r.id)
}

/// The latest runs (program staff).
#[tracing::instrument(skip_all)]
pub async fn recent(svc: &Services, actor: &Actor) -> Result<Vec<Progress>, AppError> {
    authorize(actor, Action::ManagePrograms)?;
    Ok(renewals::recent(svc.db.reader(), 20).await?.iter().map(|r| progress(r, false)).collect())
}

/// A run and its decisions (program staff).
#[tracing::instrument(skip_all)]
pub async fn show(svc: &Services, actor: &Actor, id: RenewalRunId) -> Result<(Progress, Vec<Decision>), AppError> {
    authorize(actor, Action::ManagePrograms)?;
    let r = renewals::get(svc.db.reader(), id).await?.ok_or(DomainError::NotFound)?;
    Ok((progress(&r, false), renewals::decisions(svc.db.reader(), id).await?))
}

/// CH-7: staff keep or end a title that was not renewed by itself, with a
/// reason; the member is told.
#[tracing::instrument(skip_all)]
pub async fn settle(
    svc: &Services,
    actor: &Actor,
    run: RenewalRunId,
    membership: MembershipId,
    keep: bool,
    reason: &str,
) -> Result<(), AppError> {
    authorize(actor, Action::ManagePrograms)?;
    let reason = Reason::parse(reason)?;
    let m = programs::membership_by_id(svc.db.reader(), membership).await?.ok_or(DomainError::NotFound)?;
    let person = members::by_id(svc.db.reader(), m.member_id).await?.ok_or(DomainError::NotFound)?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    renewals::settle(&mut tx, run, membership, if keep { "kept" } else { "ended" }, reason.as_str(), actor.member_id)
        .await?;
    if keep {
        email(svc, &mut tx, &person, "program-renewed", reason.as_str()).await?;
    } else {
        programs::end(&mut tx, m.member_id, m.program, now.date_naive(), reason.as_str()).await?;
        email(svc, &mut tx, &person, "program-ended", reason.as_str()).await?;
    }
    let action = if keep { "renewal.kept" } else { "renewal.ended" };
    audit::record(
        &mut tx,
        entry(Some(actor.member_id), action, "member", m.member_id, Some(reason.as_str()), json!({"run": run})),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
