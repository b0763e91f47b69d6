//! PL-8: a member deletes their account (after typing their address), or
//! an admin erases a member on request with a reason. See
//! `storage::erasure` for what stays as pseudonymous history and what goes.

use chrono::Utc;
use guildhall_domain::access::{authorize, Action, Actor};
use guildhall_domain::ids::MemberId;
use guildhall_domain::values::Reason;
use guildhall_domain::DomainError;
use guildhall_storage::members::{self, Member};
use guildhall_storage::{audit, erasure};
use serde_json::json;

use super::entry;
use super::Services;
use crate::error::AppError;

/// The member deletes their own account; `confirm_email` must be their
/// address, so a stray click or request deletes nothing.
#[tracing::instrument(skip_all)]
pub async fn delete_own_account(svc: &Services, actor: &Actor, confirm_email: &str) -> Result<(), AppError> {
    authorize(actor, Action::EraseMember(actor.member_id))?;
    let m = members::by_id(svc.db.reader(), actor.member_id).await?.ok_or(DomainError::NotFound)?;
    if !confirm_email.trim().eq_ignore_ascii_case(m.email.as_str()) {
        return Err(DomainError::field("confirm_email", "confirm_email_mismatch").into());
    }
    erase(svc, actor, &m, None).await
}

/// An admin erases a member on request, with the reason.
#[tracing::instrument(skip_all)]
pub async fn erase_member(svc: &Services, actor: &Actor, member: MemberId, reason: &str) -> Result<(), AppError> {
    authorize(actor, Action::EraseMember(member))?;
    let reason = Reason::parse(reason)?;
    let m = members::by_id(svc.db.reader(), member).await?.ok_or(DomainError::NotFound)?;
    erase(svc, actor, &m, Some(reason.as_str())).await
}

async fn erase(svc: &Services, actor: &Actor, m: &Member, reason: Option<&str>) -> Result<(), AppError> {
    if m.email.as_str().ends_with("@erased.invalid") {
        return Err(DomainError::NotFound.into());
    }
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    erasure::erase(&mut tx, m.id, m.email.as_str(), m.name.as_str(), now).await?;
    let by_admin = actor.member_id != m.id;
    audit::record(
        &mut tx,
        entry(Some(actor.member_id), "member.erased", "member", m.id, reason, json!({"by_admin": by_admin})),
        now,
    )
    .await?;
    tx.commit().await?;
    if let Err(e) = erasure::compact(&svc.db).await {
        tracing::warn!(error = %e, "erasure committed; compacting the database afterwards did not finish");
    }
    Ok(())
}
