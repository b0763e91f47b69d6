//! The yearly renewal over the API (CH-7): staff start a run, follow it,
//! and settle the titles that did not renew by themselves.

use crate::web::path::Path;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use guildhall_domain::ids::{MembershipId, RenewalRunId};
use guildhall_domain::program::Program;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ApiJson, Problem};
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::error::AppResult;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(renew)).routes(routes!(renewal)).routes(routes!(settle))
}

#[derive(Deserialize, ToSchema)]
pub struct RenewalBody {
    /// Defaults to the current year.
    year: Option<i64>,
    /// Decide at most this many members in this call (progress in steps).
    limit: Option<usize>,
}

/// CH-7: staff start (or resume) the year's renewal run; one run per
/// program and year, worked by one instance at a time.
#[utoipa::path(post, path = "/v1/programs/{program}/renewals", tag = "programs", params(("program" = String, Path)), request_body = RenewalBody,
    responses((status = 200, description = "progress: run_id, total, decided, done"), (status = 403, body = Problem)))]
pub async fn renew(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(p): Path<Program>,
    ApiJson(b): ApiJson<RenewalBody>,
) -> AppResult<Json<crate::services::renewals::Progress>> {
    use chrono::Datelike;
    let year = b.year.unwrap_or_else(|| i64::from(chrono::Utc::now().year()));
    Ok(Json(crate::services::renewals::run(&state.services, Some(&u.actor), p, year, b.limit).await?))
}

#[derive(Serialize, ToSchema)]
pub struct RenewalDecisionBody {
    membership_id: String,
    member_id: String,
    name: String,
    /// renewed, to_evaluate, kept or ended.
    outcome: String,
    summary: String,
    reason: String,
}

#[derive(Serialize, ToSchema)]
pub struct RenewalRunBody {
    #[schema(value_type = Object)]
    progress: serde_json::Value,
    decisions: Vec<RenewalDecisionBody>,
}

/// A renewal run's progress and decisions, those waiting for staff first.
#[utoipa::path(get, path = "/v1/renewals/{id}", tag = "programs", params(("id" = String, Path)),
    responses((status = 200, body = RenewalRunBody), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn renewal(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<RenewalRunId>,
) -> AppResult<Json<RenewalRunBody>> {
    let (p, decisions) = crate::services::renewals::show(&state.services, &u.actor, id).await?;
    Ok(Json(RenewalRunBody {
        progress: serde_json::to_value(p).unwrap_or_default(),
        decisions: decisions
            .into_iter()
            .map(|d| RenewalDecisionBody {
                membership_id: d.membership_id.to_string(),
                member_id: d.member_id.to_string(),
                name: d.member_name,
                outcome: d.outcome,
                summary: d.summary,
                reason: d.reason,
            })
            .collect(),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct SettleBody {
    keep: bool,
    #[serde(default)]
    reason: String,
}

/// CH-7: staff keep or end a title that was not renewed by itself.
#[utoipa::path(post, path = "/v1/renewals/{id}/decisions/{membership_id}", tag = "programs", params(("id" = String, Path), ("membership_id" = String, Path)), request_body = SettleBody,
    responses((status = 204), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn settle(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path((id, membership)): Path<(RenewalRunId, MembershipId)>,
    ApiJson(b): ApiJson<SettleBody>,
) -> AppResult<StatusCode> {
    crate::services::renewals::settle(&state.services, &u.actor, id, membership, b.keep, &b.reason).await?;
    Ok(StatusCode::NO_CONTENT)
}
