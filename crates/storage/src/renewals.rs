//! The yearly renewal run (CH-7): the run row with its lease and
//! progress, and one decision per membership.

use chrono::{DateTime, Duration, Utc};
use guildhall_domain::ids::{MemberId, MembershipId, RenewalRunId};
use guildhall_domain::program::Program;
use guildhall_domain::DomainError;
use sqlx::any::AnyRow;
use sqlx::{AnyPool, Row};

use crate::time::{from_db_opt, to_db};
use crate::{StorageError, Tx};

#[derive(Clone, Debug)]
pub struct Run {
    pub id: RenewalRunId,
    pub program: Program,
    pub year: i64,
    pub done: bool,
    pub total: i64,
    pub decided: i64,
    pub finished_at: Option<DateTime<Utc>>,
}

fn run(r: &AnyRow) -> Result<Run, StorageError> {
    Ok(Run {
        id: r.try_get("id")?,
        program: r.try_get::<Program, _>("program")?,
        year: r.try_get("year")?,
        done: r.try_get::<String, _>("status")? == "done",
        total: r.try_get("total")?,
        decided: r.try_get("decided")?,
        finished_at: from_db_opt(r.try_get("finished_at")?),
    })
}

const RUN: &str = "SELECT id, program, year, status, total, decided, finished_at FROM renewal_runs";

/// The run of `program` for `year`, made if it does not exist yet.
pub async fn open(
    tx: &mut Tx,
    program: Program,
    year: i64,
    by: Option<MemberId>,
    now: DateTime<Utc>,
) -> Result<Run, StorageError> {
    sqlx::query(
        "INSERT INTO renewal_runs (id, program, year, started_by, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (program, year) DO NOTHING",
    )
    .bind(RenewalRunId::new())
    .bind(program)
    .bind(year)
    .bind(by)
    .bind(to_db(now))
    .execute(&mut **tx)
    .await?;
    let row = sqlx::query(&format!("{RUN} WHERE program = $1 AND year = $2"))
        .bind(program)
        .bind(year)
        .fetch_one(&mut **tx)
        .await?;
    run(&row)
}

/// The latest runs, newest first, for staff's page.
pub async fn recent(pool: &AnyPool, limit: i64) -> Result<Vec<Run>, StorageError> {
    let rows = sqlx::query(&format!("{RUN} ORDER BY year DESC, program LIMIT $1")).bind(limit).fetch_all(pool).await?;
    rows.iter().map(run).collect()
}

pub async fn get(pool: &AnyPool, id: RenewalRunId) -> Result<Option<Run>, StorageError> {
    let row = sqlx::query(&format!("{RUN} WHERE id = $1")).bind(id).fetch_optional(pool).await?;
    row.as_ref().map(run).transpose()
}

/// Takes (or renews) the run's lease for `instance`; false when another
/// instance holds a live lease or the run is done.
pub async fn lease(
    tx: &mut Tx,
    id: RenewalRunId,
    instance: &str,
    now: DateTime<Utc>,
    secs: i64,
) -> Result<bool, StorageError> {
    let done = sqlx::query(
        "UPDATE renewal_runs SET claimed_by = $1, lease_until = $2
         WHERE id = $3 AND status = 'running' AND (lease_until IS NULL OR lease_until < $4 OR claimed_by = $1)",
    )
    .bind(instance)
    .bind(to_db(now + Duration::seconds(secs)))
    .bind(id)
    .bind(to_db(now))
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Gives up this instance's lease, so that the next step of the run may
/// be worked by any instance at once.
pub async fn release(tx: &mut Tx, id: RenewalRunId, instance: &str) -> Result<(), StorageError> {
    sqlx::query("UPDATE renewal_runs SET claimed_by = NULL, lease_until = NULL WHERE id = $1 AND claimed_by = $2")
        .bind(id)
        .bind(instance)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn set_total(tx: &mut Tx, id: RenewalRunId, total: i64) -> Result<(), StorageError> {
    sqlx::query("UPDATE renewal_runs SET total = $1 WHERE id = $2").bind(total).bind(id).execute(&mut **tx).await?;
    Ok(())
}

/// Memberships already decided in this run.
pub async fn decided_ids(pool: &AnyPool, run: RenewalRunId) -> Result<Vec<MembershipId>, StorageError> {
    let rows =
        sqlx::query("SELECT membership_id FROM renewal_decisions WHERE run_id = $1").bind(run).fetch_all(pool).await?;
    rows.iter().map(|r| Ok(r.try_get("membership_id")?)).collect()
}

pub struct NewDecision<'a> {
    pub run: RenewalRunId,
    pub membership: MembershipId,
    pub member: MemberId,
    pub outcome: &'a str,
    pub summary: &'a str,
}

/// Records a decision once; false when this run already decided it (the
/// caller then sends nothing).
pub async fn decide(tx: &mut Tx, d: NewDecision<'_>, now: DateTime<Utc>) -> Result<bool, StorageError> {
    let done = sqlx::query(
        "INSERT INTO renewal_decisions (run_id, membership_id, member_id, outcome, summary, decided_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (run_id, membership_id) DO NOTHING",
    )
    .bind(d.run)
    .bind(d.membership)
    .bind(d.member)
    .bind(d.outcome)
    .bind(d.summary)
    .bind(to_db(now))
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() == 1 {
        sqlx::query("UPDATE renewal_runs SET decided = decided + 1 WHERE id = $1")
            .bind(d.run)
            .execute(&mut **tx)
            .await?;
    }
    Ok(done.rows_affected() == 1)
}

/// Records a batch of decisions of one run; answers the memberships
/// decided now (one already decided by this run is left as it was, and
/// the caller sends nothing for it).
pub async fn decide_many(
    tx: &mut Tx,
    run: RenewalRunId,
    decisions: &[NewDecision<'_>],
    now: DateTime<Utc>,
) -> Result<std::collections::HashSet<MembershipId>, StorageError> {
    let mut decided = std::collections::HashSet::new();
    for chunk in decisions.chunks(crate::batch::ROWS) {
        let sql = format!(
            "INSERT INTO renewal_decisions (run_id, membership_id, member_id, outcome, summary, decided_at)
             VALUES {} ON CONFLICT (run_id, membership_id) DO NOTHING RETURNING membership_id",
            crate::batch::value_rows(chunk.len(), 6)
        );
        let mut q = sqlx::query(&sql);
        for d in chunk {
            q = q.bind(run).bind(d.membership).bind(d.member).bind(d.outcome).bind(d.summary);
            q = q.bind(to_db(now));
        }
        for r in q.fetch_all(&mut **tx).await? {
            decided.insert(r.try_get::<MembershipId, _>("membership_id")?);
        }
    }
    sqlx::query("UPDATE renewal_runs SET decided = decided + $1 WHERE id = $2")
        .bind(i64::try_from(decided.len()).unwrap_or(i64::MAX))
        .bind(run)
        .execute(&mut **tx)
        .await?;
    Ok(decided)
}

pub async fn finish(tx: &mut Tx, id: RenewalRunId, now: DateTime<Utc>) -> Result<(), StorageError> {
    sqlx::query("UPDATE renewal_runs SET status = 'done', finished_at = $1, lease_until = NULL WHERE id = $2")
        .bind(to_db(now))
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

#[derive(Clone, Debug)]
pub struct Decision {
    pub membership_id: MembershipId,
    pub member_id: MemberId,
    pub member_name: String,
    pub outcome: String,
    pub summary: String,
    pub reason: String,
}

/// A run's decisions, those waiting for staff first.
pub async fn decisions(pool: &AnyPool, run: RenewalRunId) -> Result<Vec<Decision>, StorageError> {
    let rows = sqlx::query(
        "SELECT d.membership_id, d.member_id, m.name, d.outcome, d.summary, d.reason FROM renewal_decisions d
         JOIN members m ON m.id = d.member_id WHERE d.run_id = $1
         ORDER BY CASE WHEN d.outcome = 'to_evaluate' THEN 0 ELSE 1 END, m.name",
    )
    .bind(run)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Decision {
                membership_id: r.try_get("membership_id")?,
                member_id: r.try_get("member_id")?,
                member_name: r.try_get("name")?,
                outcome: r.try_get("outcome")?,
                summary: r.try_get("summary")?,
                reason: r.try_get("reason")?,
            })
        })
        .collect()
}

/// Staff settle a decision waiting for evaluation: kept or ended.
pub async fn settle(
    tx: &mut Tx,
    run: RenewalRunId,
    membership: MembershipId,
    outcome: &str,
    reason: &str,
    by: MemberId,
) -> Result<(), StorageError> {
    let done = sqlx::query(
        "UPDATE renewal_decisions SET outcome = $1, reason = $2, decided_by = $3
         WHERE run_id = $4 AND membership_id = $5 AND outcome = 'to_evaluate'",
    )
    .bind(outcome)
    .bind(reason)
    .bind(by)
    .bind(run)
    .bind(membership)
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(DomainError::StateConflict { what: "renewal", from: "decided", to: "decided" }.into());
    }
    Ok(())
}
