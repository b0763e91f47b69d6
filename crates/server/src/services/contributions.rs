//! PL-2: evidence that can be trusted. Program staff verify or reject each
//! stored contribution (a rejected one never counts; the member reads why
//! and is emailed); members edit or delete what they reported themselves,
//! and an edit waits for verification again.

use chrono::Utc;
use guildhall_domain::access::{authorize, Action, Actor};
use guildhall_domain::contribution::{check_own_edit, check_verdict, Contribution, Source, Verification};
use guildhall_domain::ids::{ContributionId, MemberId};
use guildhall_domain::values::Title;
use guildhall_domain::DomainError;
use guildhall_storage::contributions::{self, Stored};
use guildhall_storage::{audit, members};
use serde_json::json;

use super::{entry, notify, Services};
use crate::error::AppError;

/// A stored contribution and whose it is; derived ones have no id.
async fn find(svc: &Services, id: ContributionId) -> Result<(MemberId, Stored), AppError> {
    Ok(contributions::get(svc.db.reader(), id).await?.ok_or(DomainError::NotFound)?)
}

/// Staff's verdict on one contribution, with a reason for a rejection.
#[tracing::instrument(skip_all)]
pub async fn judge(
    svc: &Services,
    actor: &Actor,
    id: ContributionId,
    verdict: Verification,
    reason: &str,
) -> Result<(), AppError> {
    authorize(actor, Action::DecideProgramApplications)?;
    let (member, c) = find(svc, id).await?;
    check_verdict(c.contribution.verification, verdict, reason)?;
    let reason = reason.trim();
    let m = members::by_id(svc.db.reader(), member).await?.ok_or(DomainError::NotFound)?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    contributions::set_verification(&mut tx, id, verdict, reason, actor.member_id, now).await?;
    let details = json!({"contribution": id, "from": c.contribution.verification.as_str(), "to": verdict.as_str()});
    let action = format!("contribution.{}", verdict.as_str());
    let why = Some(reason).filter(|r| !r.is_empty());
    audit::record(&mut tx, entry(Some(actor.member_id), &action, "member", member, why, details), now).await?;
    if verdict == Verification::Rejected {
        let link = svc.links.to("/programs#contributions");
        let args =
            [("name", m.name.as_str()), ("title", c.title.as_str()), ("reason", reason), ("link", link.as_str())];
        notify::queue(&mut tx, Some(m.id), &m.email, m.locale, "contribution-rejected", &args).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The member's own contribution, checked editable by them.
async fn own(svc: &Services, actor: &Actor, id: ContributionId) -> Result<Stored, AppError> {
    let (member, c) = find(svc, id).await?;
    if member != actor.member_id {
        // Someone else's evidence is not theirs to see either.
        return Err(DomainError::NotFound.into());
    }
    check_own_edit(c.contribution.source)?;
    Ok(c)
}

/// A member changes what they reported; it waits for verification again.
#[tracing::instrument(skip_all)]
pub async fn edit_own(
    svc: &Services,
    actor: &Actor,
    id: ContributionId,
    title: &str,
    c: Contribution,
) -> Result<(), AppError> {
    own(svc, actor, id).await?;
    if c.source != Source::SelfReported || c.verification != Verification::Unverified {
        return Err(DomainError::field("source", "self_reported_only").into());
    }
    let title = Title::parse(title)?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    contributions::update_reported(&mut tx, id, title.as_str(), &c).await?;
    let details = json!({"contribution": id, "kind": c.details.kind().as_str()});
    audit::record(
        &mut tx,
        entry(Some(actor.member_id), "contribution.edited", "member", actor.member_id, None, details),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A member deletes what they reported.
#[tracing::instrument(skip_all)]
pub async fn delete_own(svc: &Services, actor: &Actor, id: ContributionId) -> Result<(), AppError> {
    let c = own(svc, actor, id).await?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    contributions::delete_reported(&mut tx, id).await?;
    let details = json!({"contribution": id, "title": c.title});
    audit::record(
        &mut tx,
        entry(Some(actor.member_id), "contribution.deleted", "member", actor.member_id, None, details),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
