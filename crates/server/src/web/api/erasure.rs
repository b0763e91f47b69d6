//! PL-8 over the API: a member deletes their account; an admin erases a
//! member on request.

use crate::web::path::Path;
use axum::extract::State;
use axum::http::StatusCode;
use guildhall_domain::ids::MemberId;
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ApiJson, Problem};
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::error::AppResult;
use crate::services::erasure as service;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(erase_member))
}

#[derive(Deserialize, ToSchema)]
pub struct DeleteMeBody {
    /// The caller's own email address, as confirmation.
    #[serde(default)]
    confirm_email: String,
}

/// Deletes the caller's account: name, address, sessions, tokens and
/// messages go; registrations, contributions and the audit log stay under
/// an anonymous id. Irreversible.
#[utoipa::path(delete, path = "/v1/me", tag = "members", request_body = DeleteMeBody,
    responses((status = 204), (status = 401, body = Problem), (status = 422, body = Problem)))]
pub async fn delete_me(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    ApiJson(b): ApiJson<DeleteMeBody>,
) -> AppResult<StatusCode> {
    service::delete_own_account(&state.services, &u.actor, &b.confirm_email).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct EraseBody {
    #[serde(default)]
    reason: String,
}

/// An admin erases a member on their request, with the reason (audited).
#[utoipa::path(post, path = "/v1/members/{id}/erase", tag = "members", params(("id" = String, Path)), request_body = EraseBody,
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn erase_member(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(member): Path<MemberId>,
    ApiJson(b): ApiJson<EraseBody>,
) -> AppResult<StatusCode> {
    service::erase_member(&state.services, &u.actor, member, &b.reason).await?;
    Ok(StatusCode::NO_CONTENT)
}
