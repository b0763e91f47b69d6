//! Who is asking: a browser session (cookie) or an API bearer token.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum_extra::extract::CookieJar;
use chrono::Utc;
use guildhall_domain::access::Actor;
use guildhall_domain::DomainError;
use guildhall_storage::members::{self, Member};

use super::secrets::hash_token;
use crate::app::AppState;
use crate::error::AppError;

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "gh_session";

/// A signed-in member with their roles.
#[derive(Clone, Debug)]
pub struct SignedIn {
    pub member: Member,
    pub actor: Actor,
}

impl SignedIn {
    async fn with_roles(state: &AppState, member: Option<Member>) -> Result<Option<Self>, AppError> {
        let Some(member) = member else { return Ok(None) };
        let actor = members::actor(state.services.db.reader(), member.id).await?;
        Ok(Some(Self { member, actor }))
    }

    /// The member behind the request's session cookie, if any.
    pub async fn from_cookies(state: &AppState, jar: &CookieJar) -> Result<Option<Self>, AppError> {
        let Some(cookie) = jar.get(SESSION_COOKIE) else { return Ok(None) };
        let hash = hash_token(cookie.value());
        Self::with_roles(state, members::by_session(state.services.db.reader(), &hash, Utc::now()).await?).await
    }
}

/// An API caller identified by `Authorization: Bearer <token>`.
#[derive(Clone, Debug)]
pub struct ApiUser(pub SignedIn);

impl FromRequestParts<AppState> for ApiUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let header = parts.headers.get(axum::http::header::AUTHORIZATION).and_then(|v| v.to_str().ok());
        let token = header
            .and_then(|h| h.strip_prefix("Bearer ").or_else(|| h.strip_prefix("bearer ")))
            .map(str::trim)
            .ok_or(DomainError::Unauthenticated)?;
        let member = members::by_api_token(state.services.db.reader(), &hash_token(token)).await?;
        SignedIn::with_roles(state, member).await?.map(ApiUser).ok_or(DomainError::Unauthenticated.into())
    }
}
