//! Who is asking: a browser session (cookie) or an API bearer token.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum_extra::extract::CookieJar;
use chrono::Utc;
use guildhall_domain::access::Actor;
use guildhall_domain::DomainError;
use guildhall_storage::members::{self, Credential, Member};

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
    /// The member and roles behind a session or token, in one round trip.
    async fn find(state: &AppState, by: Credential<'_>) -> Result<Option<Self>, AppError> {
        let found = members::signed_in(&state.services.db, by, Utc::now()).await?;
        Ok(found.map(|(member, roles)| Self { actor: Actor { member_id: member.id, roles }, member }))
    }

    /// The member behind the request's session cookie, if any.
    pub async fn from_cookies(state: &AppState, jar: &CookieJar) -> Result<Option<Self>, AppError> {
        let Some(cookie) = jar.get(SESSION_COOKIE) else { return Ok(None) };
        Self::find(state, Credential::Session(&hash_token(cookie.value()))).await
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
        let found = SignedIn::find(state, Credential::ApiToken(&hash_token(token))).await?;
        found.map(ApiUser).ok_or(DomainError::Unauthenticated.into())
    }
}
