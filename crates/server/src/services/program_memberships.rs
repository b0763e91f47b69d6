//! Program memberships: granted directly or on acceptance, with seats,
//! exclusivity and transfers checked as one (CH-1, CH-2), and the public
//! directory of those who opted in (CH-9).

use chrono::{NaiveDate, Utc};
use guildhall_domain::access::{authorize, Action, Actor};
use guildhall_domain::contribution::Contribution;
use guildhall_domain::eligibility::{screening, ProgramMinimums};
use guildhall_domain::ids::{MemberId, MembershipId};
use guildhall_domain::program::{check_start, FocusArea, Program, ProgramRules, Start};
use guildhall_domain::values::LongText;
use guildhall_domain::DomainError;
use guildhall_storage::contributions::{self};
use guildhall_storage::programs::{self, Membership, NewMembership};
use guildhall_storage::{audit, members};
use serde_json::json;

use super::entry;
use super::program_evidence::criteria;
use super::programs::rules_of;
use super::{Services, Work};
use crate::error::AppError;

/// CH-1, CH-2: starts a membership inside `tx`, ending a Champion/MVP
/// membership the day before when `transfer` is allowed. Uses `tx` alone
/// once it holds the lock.
pub(super) async fn start_membership(
    svc: &Services,
    tx: &mut Work,
    actor: &Actor,
    rules: &ProgramRules,
    g: &Grant,
) -> Result<MembershipId, AppError> {
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
pub async fn grant(svc: &Services, actor: &Actor, program: Program, g: &Grant) -> Result<MembershipId, AppError> {
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
