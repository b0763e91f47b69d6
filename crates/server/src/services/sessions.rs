//! A member's own sessions and API tokens: sign out everywhere, change the
//! password (which ends the other sessions), revoke a token. PL-1's
//! promises for a stolen cookie or token.

use chrono::Utc;
use guildhall_domain::access::{authorize, Action, Actor};
use guildhall_domain::ids::ApiTokenId;
use guildhall_domain::values::Password;
use guildhall_domain::DomainError;
use guildhall_storage::tokens::{self, ApiToken};
use guildhall_storage::{audit, members, sessions};
use serde_json::json;

use super::Services;
use super::{entry, notify};
use crate::auth::secrets::{hash_password, hash_token, verify_password};
use crate::error::AppError;

/// Ends every session of the member, this one included.
#[tracing::instrument(skip_all)]
pub async fn sign_out_everywhere(svc: &Services, actor: &Actor) -> Result<u64, AppError> {
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let ended = sessions::delete_member_sessions(&mut tx, actor.member_id, None).await?;
    let e = entry(
        Some(actor.member_id),
        "member.signed_out_everywhere",
        "member",
        actor.member_id,
        None,
        json!({"sessions": ended}),
    );
    audit::record(&mut tx, e, now).await?;
    tx.commit().await?;
    Ok(ended)
}

/// Changes the password after checking the current one; every other
/// session ends (this one, `current_session`, stays) and the owner is told.
#[tracing::instrument(skip_all)]
pub async fn change_password(
    svc: &Services,
    actor: &Actor,
    current: &str,
    new: &str,
    current_session: Option<&str>,
    revoke_tokens: bool,
) -> Result<(), AppError> {
    let m = members::by_id(svc.db.reader(), actor.member_id).await?.ok_or(DomainError::NotFound)?;
    if !verify_password(current, m.password_hash.clone()).await? {
        return Err(DomainError::field("current_password", "password_wrong").into());
    }
    let new = Password::parse(new).map_err(|e| match e {
        DomainError::Invalid(mut fields) => {
            fields.iter_mut().for_each(|f| f.field = "new_password");
            DomainError::Invalid(fields)
        }
        other => other,
    })?;
    let hash = hash_password(&new).await?;
    let now = Utc::now();
    let keep = current_session.map(hash_token);
    let mut tx = svc.begin().await?;
    members::set_password_hash(&mut tx, m.id, &hash, now).await?;
    let ended = sessions::delete_member_sessions(&mut tx, m.id, keep.as_deref()).await?;
    // PL-1: a reset link emailed before the change opens nothing after it.
    sessions::void_links(&mut tx, m.id, now).await?;
    let revoked = if revoke_tokens { tokens::revoke_all(&mut tx, m.id, now).await? } else { 0 };
    let details = json!({"other_sessions_ended": ended, "tokens_revoked": revoked});
    let e = entry(Some(m.id), "member.password_changed", "member", m.id, None, details);
    audit::record(&mut tx, e, now).await?;
    notify::queue(&mut tx, Some(m.id), &m.email, m.locale, "password-changed", &[("name", m.name.as_str())]).await?;
    tx.commit().await?;
    Ok(())
}

/// The member's live API tokens (never their secrets).
#[tracing::instrument(skip_all)]
pub async fn tokens_of(svc: &Services, actor: &Actor) -> Result<Vec<ApiToken>, AppError> {
    Ok(tokens::list(svc.db.reader(), actor.member_id).await?)
}

/// Revokes one of the member's own tokens; at once, it opens nothing more.
#[tracing::instrument(skip_all)]
pub async fn revoke_token(svc: &Services, actor: &Actor, id: ApiTokenId) -> Result<(), AppError> {
    authorize(actor, Action::CreateApiToken(actor.member_id))?;
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    if !tokens::revoke(&mut tx, actor.member_id, id, now).await? {
        return Err(DomainError::NotFound.into());
    }
    let e = entry(
        Some(actor.member_id),
        "api_token.revoked",
        "member",
        actor.member_id,
        None,
        json!({"token": id.to_string()}),
    );
    audit::record(&mut tx, e, now).await?;
    tx.commit().await?;
    Ok(())
}
