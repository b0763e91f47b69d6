//! PL-8: a member's data as one JSON download.

use crate::web::path::Path;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use guildhall_domain::ids::MemberId;
use serde_json::Value;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::Problem;
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::error::AppResult;
use crate::services::export as service;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(mine)).routes(routes!(of_member))
}

/// The document as a download named after its owner's id.
pub fn download(doc: &Value) -> Response {
    let name = format!("guildhall-export-{}.json", doc["member_id"].as_str().unwrap_or("member"));
    let body = serde_json::to_string_pretty(doc).unwrap_or_default();
    (
        [
            (header::CONTENT_TYPE, "application/json".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
        ],
        body,
    )
        .into_response()
}

/// Everything held about the caller: profile, roles, registrations and
/// check-ins, contributions, applications with screening and decisions,
/// memberships, benefit codes, messages, expense claims, audit entries.
#[utoipa::path(get, path = "/v1/me/export", tag = "members",
    responses((status = 200, description = "the export document (JSON)"), (status = 401, body = Problem)))]
pub async fn mine(State(state): State<AppState>, ApiUser(u): ApiUser) -> AppResult<Response> {
    Ok(download(&service::member(&state.services, &u.actor, u.actor.member_id).await?))
}

/// An admin exports a member's data on their request (audited).
#[utoipa::path(get, path = "/v1/members/{id}/export", tag = "members", params(("id" = String, Path)),
    responses((status = 200, description = "the export document (JSON)"), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn of_member(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(member): Path<MemberId>,
) -> AppResult<Response> {
    Ok(download(&service::member(&state.services, &u.actor, member).await?))
}
