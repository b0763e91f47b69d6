//! API tokens and the command line's bootstrap of the first admin.

use chrono::Utc;
use guildhall_domain::access::{authorize, Action, Actor, Role};
use guildhall_domain::account::LinkPurpose;
use guildhall_domain::ids::MemberId;
use guildhall_domain::values::{DisplayName, EmailAddress, Locale};
use guildhall_domain::DomainError;
use guildhall_storage::members::{self, NewMember};
use guildhall_storage::{audit, sessions, tokens};
use serde_json::json;

use super::entry;
use super::Services;
use crate::auth::secrets::{hash_token, new_token};
use crate::error::AppError;

/// Creates an API token for `member`; returns the secret, shown once.
#[tracing::instrument(skip_all)]
pub async fn create_api_token(svc: &Services, actor: &Actor, member: MemberId, name: &str) -> Result<String, AppError> {
    authorize(actor, Action::CreateApiToken(member))?;
    let name = DisplayName::parse(name).map_err(|_| DomainError::field("name", "required"))?;
    let secret = format!("gh_{}", new_token());
    let now = Utc::now();
    let mut tx = svc.begin().await?;
    let id = tokens::create(&mut tx, member, name.as_str(), &hash_token(&secret), now).await?;
    audit::record(
        &mut tx,
        entry(
            Some(actor.member_id),
            "api_token.created",
            "member",
            member,
            None,
            json!({"token": id.to_string(), "name": name.as_str()}),
        ),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(secret)
}

/// Makes `email` an admin (creating a verified account if needed) and
/// returns a one-time sign-in link for it. The command line's way in.
#[tracing::instrument(skip_all)]
pub async fn bootstrap_admin(svc: &Services, email: &str, name: &str) -> Result<String, AppError> {
    let email = EmailAddress::parse(email)?;
    let name = DisplayName::parse(name)?;
    let now = Utc::now();
    let s = svc.settings().await?;
    let mut tx = svc.begin().await?;
    let id = match members::by_email(svc.db.reader(), &email).await? {
        Some(m) => m.id,
        None => {
            let new = NewMember { email: &email, name: &name, password_hash: None, verified: true, locale: Locale::En };
            let id = members::insert(&mut tx, new, now).await?;
            audit::record(
                &mut tx,
                entry(None, "member.created", "member", id, Some("guildhall admin create"), json!({})),
                now,
            )
            .await?;
            id
        }
    };
    members::mark_verified(&mut tx, id, now).await?;
    if members::grant(&mut tx, id, Role::Admin, None, now).await? {
        audit::record(
            &mut tx,
            entry(None, "role.granted", "member", id, Some("guildhall admin create"), json!({"role": "admin"})),
            now,
        )
        .await?;
    }
    let token = new_token();
    let purpose = LinkPurpose::SignIn;
    sessions::create_link(&mut tx, &hash_token(&token), id, purpose, now, now + purpose.lifetime(&s)).await?;
    tx.commit().await?;
    Ok(svc.links.to(&format!("/signin/link?token={token}")))
}

/// An API token for an existing account, from the command line.
#[tracing::instrument(skip_all)]
pub async fn token_for_email(svc: &Services, email: &str, name: &str) -> Result<String, AppError> {
    let email = EmailAddress::parse(email)?;
    let m = members::by_email(svc.db.reader(), &email).await?.ok_or(DomainError::field("email", "member_not_found"))?;
    let actor = members::actor(svc.db.reader(), m.id).await?;
    create_api_token(svc, &actor, m.id, name).await
}
