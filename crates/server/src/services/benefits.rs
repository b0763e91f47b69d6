//! CH-8: benefits. Program staff create pools of codes for a program's
//! active members, with a last valid day, and add codes as they come;
//! each active member claims at most one code per benefit per year, and
//! no code is ever handed out twice.

use chrono::{Datelike, NaiveDate, Utc};
use guildhall_domain::access::{authorize, Action, Actor};
use guildhall_domain::benefit::{check_codes, Pool};
use guildhall_domain::ids::BenefitId;
use guildhall_domain::program::Program;
use guildhall_domain::values::Title;
use guildhall_domain::DomainError;
use guildhall_storage::audit;
use guildhall_storage::benefits::{self, Benefit, Claimed};
use guildhall_storage::programs::{self, Membership};
use serde_json::json;

use super::{entry, Services};
use crate::error::AppError;

/// A new pool, parsed: every bad field named at once.
pub struct NewPool {
    pub name: Title,
    pub pool: Pool,
    pub codes: Vec<String>,
}

impl NewPool {
    pub fn parse(name: &str, program: &str, valid_until: &str, codes: Vec<String>) -> Result<Self, DomainError> {
        let title = Title::parse(name).map_err(|e| e.renamed("title", "name"));
        let program = match program.trim() {
            "" | "any" => Ok(None),
            raw => Program::parse(raw).map(Some),
        };
        let valid_until = match valid_until.trim() {
            "" => Ok(None),
            raw => NaiveDate::parse_from_str(raw, "%Y-%m-%d")
                .map(Some)
                .map_err(|_| DomainError::field("valid_until", "date_invalid")),
        };
        let checked = check_codes(&codes);
        DomainError::collect([title.clone().err(), program.clone().err(), valid_until.clone().err(), checked.err()])?;
        let pool = Pool { program: program?, valid_until: valid_until? };
        pool.check_new(Utc::now().date_naive())?;
        Ok(Self { name: title?, pool, codes })
    }
}

/// CH-8: staff create a pool with its first codes; returns its id and how
/// many codes went in.
#[tracing::instrument(skip_all)]
pub async fn create(svc: &Services, actor: &Actor, new: NewPool) -> Result<(BenefitId, u64), AppError> {
    authorize(actor, Action::ManagePrograms)?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let id = benefits::create(&mut tx, new.name.as_str(), new.pool, now).await?;
    let added = benefits::load_codes(&mut tx, id, &new.codes).await?;
    let details = json!({"codes": added, "program": new.pool.program.map(|p| p.as_str()),
        "valid_until": new.pool.valid_until.map(|d| d.to_string())});
    audit::record(&mut tx, entry(Some(actor.member_id), "benefit.created", "benefit", id, None, details), now).await?;
    tx.commit().await?;
    Ok((id, added))
}

/// CH-8: staff add codes to a pool (a code already in it is skipped);
/// returns how many were new.
#[tracing::instrument(skip_all)]
pub async fn add_codes(svc: &Services, actor: &Actor, id: BenefitId, codes: &[String]) -> Result<u64, AppError> {
    authorize(actor, Action::ManagePrograms)?;
    benefits::get(svc.db.reader(), id).await?.ok_or(DomainError::NotFound)?;
    if codes.is_empty() {
        return Err(DomainError::field("codes", "required").into());
    }
    check_codes(codes)?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let added = benefits::load_codes(&mut tx, id, codes).await?;
    audit::record(
        &mut tx,
        entry(Some(actor.member_id), "benefit.codes_added", "benefit", id, None, json!({"codes": added})),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(added)
}

/// Every pool with its counts (staff).
#[tracing::instrument(skip_all)]
pub async fn all(svc: &Services, actor: &Actor) -> Result<Vec<Benefit>, AppError> {
    authorize(actor, Action::ManagePrograms)?;
    Ok(benefits::list(svc.db.reader()).await?)
}

/// What a member sees: the pools open to them today, and the codes they
/// claimed.
pub struct Mine {
    pub open: Vec<Benefit>,
    pub claimed: Vec<(Benefit, Claimed)>,
}

#[tracing::instrument(skip_all)]
pub async fn mine(svc: &Services, actor: &Actor) -> Result<Mine, AppError> {
    let today = Utc::now().date_naive();
    let held: Vec<_> =
        programs::of_member(svc.db.reader(), actor.member_id).await?.iter().map(Membership::held).collect();
    let pools = benefits::list(svc.db.reader()).await?;
    let codes = benefits::claimed_by(svc.db.reader(), actor.member_id).await?;
    let year = i64::from(today.year());
    let claimed: Vec<(Benefit, Claimed)> = codes
        .into_iter()
        .filter_map(|c| pools.iter().find(|b| b.id == c.benefit_id).cloned().map(|b| (b, c)))
        .collect();
    let open = pools
        .into_iter()
        .filter(|b| b.pool.check_claim(&held, today).is_ok())
        .filter(|b| !claimed.iter().any(|(cb, c)| cb.id == b.id && c.year == year))
        .collect();
    Ok(Mine { open, claimed })
}

/// CH-8: an active member of the pool's program claims a code: at most one
/// per benefit per year, never a code twice.
#[tracing::instrument(skip_all)]
pub async fn claim(svc: &Services, actor: &Actor, benefit: BenefitId) -> Result<String, AppError> {
    let b = benefits::get(svc.db.reader(), benefit).await?.ok_or(DomainError::NotFound)?;
    let today = Utc::now().date_naive();
    let held: Vec<_> =
        programs::of_member(svc.db.reader(), actor.member_id).await?.iter().map(Membership::held).collect();
    b.pool.check_claim(&held, today)?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let code = benefits::claim(&mut tx, svc.db.backend(), benefit, actor.member_id, today.year(), now).await?;
    audit::record(&mut tx, entry(Some(actor.member_id), "benefit.claimed", "benefit", benefit, None, json!({})), now)
        .await?;
    tx.commit().await?;
    Ok(code)
}
