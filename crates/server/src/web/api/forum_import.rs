//! PL-3: importing a member's accepted answers from the Discourse forum,
//! in the background, with its progress readable while it runs.

use crate::web::path::Path;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use guildhall_domain::ids::ImportRunId;
use guildhall_domain::ids::MemberId;
use guildhall_storage::import_runs::ImportRun;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ApiJson, Problem};
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::error::AppResult;
use crate::services::forum_import as service;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(start)).routes(routes!(show))
}

#[derive(Deserialize, ToSchema)]
pub struct DiscourseBody {
    /// The member's user name on the forum set in `imports.forum_url`.
    #[serde(default)]
    username: String,
}

#[derive(Serialize, ToSchema)]
pub struct ImportRunBody {
    id: String,
    kind: String,
    member_id: String,
    source: String,
    /// running, done or failed.
    status: String,
    /// Accepted answers read so far.
    fetched: i64,
    added: i64,
    /// Read again: already imported before.
    already_there: i64,
    /// Why a failed run stopped.
    problem: String,
    updated_at: String,
}

pub fn run_body(r: ImportRun) -> ImportRunBody {
    ImportRunBody {
        id: r.id.to_string(),
        kind: r.kind,
        member_id: r.member_id.to_string(),
        source: r.source,
        status: r.status,
        fetched: r.fetched,
        added: r.added,
        already_there: r.already_there,
        problem: r.problem,
        updated_at: r.updated_at.to_rfc3339(),
    }
}

/// PL-3: starts importing the member's accepted answers (the member or
/// program staff). Answers 202 at once; follow `/v1/imports/{id}`.
#[utoipa::path(post, path = "/v1/members/{id}/imports/discourse", tag = "programs", params(("id" = String, Path)), request_body = DiscourseBody,
    responses((status = 202, body = ImportRunBody), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn start(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(member): Path<MemberId>,
    ApiJson(b): ApiJson<DiscourseBody>,
) -> AppResult<(StatusCode, Json<ImportRunBody>)> {
    let run = service::start(&state.services, &u.actor, member, &b.username).await?;
    Ok((StatusCode::ACCEPTED, Json(run_body(service::run(&state.services, &u.actor, run).await?))))
}

/// PL-3: an import's progress and outcome.
#[utoipa::path(get, path = "/v1/imports/{id}", tag = "programs", params(("id" = String, Path)),
    responses((status = 200, body = ImportRunBody), (status = 404, body = Problem)))]
pub async fn show(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ImportRunId>,
) -> AppResult<Json<ImportRunBody>> {
    Ok(Json(run_body(service::run(&state.services, &u.actor, id).await?)))
}
