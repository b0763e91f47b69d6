//! One contribution over the API (PL-2): staff's verdict; the member's
//! edit and deletion of what they reported.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use guildhall_domain::contribution::Verification;
use guildhall_domain::ids::ContributionId;
use guildhall_domain::DomainError;
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::member_evidence::{contribution_body, ContributionBody, NewContributionBody};
use super::{ApiJson, Problem};
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::error::AppResult;
use crate::services::contributions as service;
use crate::web::path::Path;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(edit, remove)).routes(routes!(judge))
}

#[derive(Deserialize, ToSchema)]
pub struct VerdictBody {
    /// `verified` or `rejected`.
    #[serde(default)]
    verification: String,
    /// Required for a rejection: the member reads it.
    #[serde(default)]
    reason: String,
}

async fn current(state: &AppState, id: ContributionId) -> AppResult<Json<ContributionBody>> {
    let (_, c) =
        guildhall_storage::contributions::get(state.services.db.reader(), id).await?.ok_or(DomainError::NotFound)?;
    Ok(Json(contribution_body(c)))
}

/// Staff verify or reject a contribution (PL-2); a rejected one never
/// counts, and the member is emailed the reason.
#[utoipa::path(post, path = "/v1/contributions/{id}/verification", tag = "programs", params(("id" = String, Path)),
    request_body = VerdictBody,
    responses((status = 200, body = ContributionBody), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn judge(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ContributionId>,
    ApiJson(b): ApiJson<VerdictBody>,
) -> AppResult<Json<ContributionBody>> {
    let verdict = Verification::parse(&b.verification)?;
    service::judge(&state.services, &u.actor, id, verdict, &b.reason).await?;
    current(&state, id).await
}

/// The member corrects a contribution they reported; it waits for
/// verification again. Send the whole contribution, as when adding it.
#[utoipa::path(patch, path = "/v1/contributions/{id}", tag = "programs", params(("id" = String, Path)),
    request_body = NewContributionBody,
    responses((status = 200, body = ContributionBody), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn edit(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ContributionId>,
    ApiJson(b): ApiJson<NewContributionBody>,
) -> AppResult<Json<ContributionBody>> {
    let c = b.fields.parse()?;
    service::edit_own(&state.services, &u.actor, id, &b.title, c).await?;
    current(&state, id).await
}

/// The member deletes a contribution they reported.
#[utoipa::path(delete, path = "/v1/contributions/{id}", tag = "programs", params(("id" = String, Path)),
    responses((status = 204), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn remove(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ContributionId>,
) -> AppResult<StatusCode> {
    service::delete_own(&state.services, &u.actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
