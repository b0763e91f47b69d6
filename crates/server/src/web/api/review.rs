//! Session review over the API (UG-6).

use crate::web::path::Path;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use guildhall_domain::ids::{EventId, TalkId};
use guildhall_domain::review::{Checklist, Verdict};
use guildhall_domain::values::Slug;
use guildhall_domain::DomainError;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ApiJson, Problem};
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::error::AppResult;
use crate::services::groups as group_service;
use crate::services::review as service;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(event_required)).routes(routes!(group_required)).routes(routes!(review_talk))
}

#[derive(Deserialize, ToSchema)]
pub struct RequiredBody {
    required: bool,
}

/// UG-6: the region's community manager requires review of an event's sessions.
#[utoipa::path(post, path = "/v1/events/{id}/review-required", tag = "review", params(("id" = String, Path)), request_body = RequiredBody,
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn event_required(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<EventId>,
    ApiJson(b): ApiJson<RequiredBody>,
) -> AppResult<StatusCode> {
    service::require_for_event(&state.services, &u.actor, id, b.required).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// UG-6: review of every new event of a group.
#[utoipa::path(post, path = "/v1/groups/{slug}/review-required", tag = "review", params(("slug" = String, Path)), request_body = RequiredBody,
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn group_required(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(slug): Path<Slug>,
    ApiJson(b): ApiJson<RequiredBody>,
) -> AppResult<StatusCode> {
    let g = group_service::by_slug(&state.services, &slug).await?;
    service::require_for_group(&state.services, &u.actor, g.id, b.required).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A reviewer's decision: `approve` or `request_changes`, the checklist
/// items the session meets (all four for approval), and notes (required
/// when asking for changes).
#[derive(Deserialize, ToSchema)]
pub struct ReviewBody {
    #[serde(default)]
    verdict: String,
    #[serde(default)]
    neutral_template: bool,
    #[serde(default)]
    no_sales_pitch: bool,
    #[serde(default)]
    no_recruitment: bool,
    #[serde(default)]
    no_brand_promotion: bool,
    #[serde(default)]
    notes: String,
}

#[derive(Serialize, ToSchema)]
pub struct ReviewResult {
    /// approved or changes_requested.
    review_status: String,
}

pub fn parse_verdict(raw: &str) -> Result<Verdict, DomainError> {
    match raw.trim() {
        "approve" => Ok(Verdict::Approve),
        "request_changes" => Ok(Verdict::RequestChanges),
        _ => Err(DomainError::field("verdict", "verdict_invalid")),
    }
}

/// UG-6: approves a session or sends it back against the checklist.
#[utoipa::path(post, path = "/v1/events/{id}/talks/{talk_id}/review", tag = "review", params(("id" = String, Path), ("talk_id" = String, Path)), request_body = ReviewBody,
    responses((status = 200, body = ReviewResult), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn review_talk(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path((id, talk)): Path<(EventId, TalkId)>,
    ApiJson(b): ApiJson<ReviewBody>,
) -> AppResult<Json<ReviewResult>> {
    let checklist = Checklist {
        neutral_template: b.neutral_template,
        no_sales_pitch: b.no_sales_pitch,
        no_recruitment: b.no_recruitment,
        no_brand_promotion: b.no_brand_promotion,
    };
    let status =
        service::review_talk(&state.services, &u.actor, id, talk, parse_verdict(&b.verdict)?, &checklist, &b.notes)
            .await?;
    Ok(Json(ReviewResult { review_status: status.as_str().to_owned() }))
}
