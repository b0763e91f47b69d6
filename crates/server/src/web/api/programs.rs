//! Applications to the Champions program and its siblings over the API
//! (CH-6): draft, submit, screen, interview, NDA, decide, withdraw. The
//! rest of the programs' API lives beside it: `member_evidence`,
//! `evidence`, `contributions`, `contribution_imports`, `memberships`,
//! `renewals`, `benefits`, `program_interviews`.

use crate::web::path::Path;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::NaiveDate;
use guildhall_domain::ids::ProgramApplicationId;
use guildhall_domain::program::{parse_interests, FocusArea, Program};
use guildhall_domain::DomainError;
use guildhall_storage::programs::Application;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ApiJson, Problem};
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::error::AppResult;
use crate::services::programs as service;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(pipeline, apply))
        .routes(routes!(show_application, edit_draft))
        .routes(routes!(submit))
        .routes(routes!(screen))
        .routes(routes!(interview))
        .routes(routes!(record_nda))
        .routes(routes!(withdraw))
        .routes(routes!(accept))
        .routes(routes!(decline))
}

#[derive(Deserialize, ToSchema)]
#[schema(as = ProgramApplyBody)]
pub struct ApplyBody {
    /// Required for Champions.
    focus_area: Option<String>,
    #[serde(default)]
    interests: Vec<String>,
}

#[derive(Serialize, ToSchema)]
#[schema(as = ProgramApplicationBody)]
pub struct ApplicationBody {
    id: String,
    applicant_id: String,
    program: String,
    focus_area: Option<String>,
    interests: Vec<String>,
    /// draft, submitted, screening, not_selected, interview, interviewed,
    /// accepted or declined.
    stage: String,
    /// The engine's result and the reviewer's judgment, once screened
    /// (null before).
    #[schema(value_type = Option<Object>)]
    screening: serde_json::Value,
    reason: String,
    /// The interview time the applicant picked (its invite is at
    /// `/v1/applications/{id}/interview.ics`).
    interview_at: Option<String>,
    /// MVP: the day the applicant signed the NDA, as staff recorded it.
    nda_signed_on: Option<String>,
    /// The community manager staff named to interview the applicant
    /// (null: program staff interview).
    interviewer_id: Option<String>,
    interviewer_name: Option<String>,
    updated_at: String,
}

pub(super) fn application_body(a: Application) -> ApplicationBody {
    ApplicationBody {
        id: a.id.to_string(),
        applicant_id: a.member_id.to_string(),
        program: a.program.as_str().to_owned(),
        focus_area: a.focus_area.map(|f| f.as_str().to_owned()),
        interests: a.interests.iter().map(|f| f.as_str().to_owned()).collect(),
        stage: a.stage.as_str().to_owned(),
        screening: serde_json::from_str(&a.screening).unwrap_or(serde_json::Value::Null),
        reason: a.reason,
        interview_at: a.interview_at.map(|t| t.to_rfc3339()),
        nda_signed_on: a.nda_signed_on.map(|d| d.to_string()),
        interviewer_id: a.interviewer.as_ref().map(|(id, _)| id.to_string()),
        interviewer_name: a.interviewer.map(|(_, name)| name),
        updated_at: a.updated_at.to_rfc3339(),
    }
}

/// CH-6: the caller starts an application (a draft).
#[utoipa::path(post, path = "/v1/programs/{program}/applications", tag = "programs", params(("program" = String, Path)), request_body = ApplyBody,
    responses((status = 201, body = ApplicationBody), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn apply(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(p): Path<Program>,
    ApiJson(b): ApiJson<ApplyBody>,
) -> AppResult<(StatusCode, Json<ApplicationBody>)> {
    let focus = b.focus_area.as_deref().filter(|f| !f.is_empty()).map(FocusArea::parse).transpose()?;
    let interests = parse_interests(focus.unwrap_or(FocusArea::Forums), &b.interests)?;
    let id = service::apply(&state.services, &u.actor, p, focus, &interests).await?;
    Ok((StatusCode::CREATED, Json(application_body(service::application(&state.services, &u.actor, id).await?))))
}

/// Which applications of the pipeline, a page at a time.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PipelineQuery {
    /// One stage, e.g. `submitted`; every stage when absent.
    stage: Option<String>,
    /// Applications per page, 1 to 200 (100 by default).
    limit: Option<usize>,
    /// From the `Link: rel="next"` header of the previous page.
    cursor: Option<String>,
}

/// CH-6: the program's applications for program staff, last changed
/// first, a page at a time: the `Link` header's `rel="next"` address reads
/// the next page.
#[utoipa::path(get, path = "/v1/programs/{program}/applications", tag = "programs", params(("program" = String, Path), PipelineQuery),
    responses((status = 200, body = [ApplicationBody], headers(("link" = String, description = "`<…>; rel=\"next\"` while more applications follow"))),
        (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn pipeline(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(p): Path<Program>,
    Query(q): Query<PipelineQuery>,
    axum::extract::OriginalUri(uri): axum::extract::OriginalUri,
) -> AppResult<axum::response::Response> {
    let stage = q
        .stage
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(guildhall_domain::program_application::Stage::parse)
        .transpose()?;
    let filter = guildhall_storage::programs::PipelineFilter { program: Some(p), stage };
    let after = crate::web::paging::PageQuery { limit: q.limit, cursor: q.cursor.clone() }.after()?;
    let limit = guildhall_storage::page::clamp(q.limit, 100);
    let page = service::pipeline(&state.services, &u.actor, &filter, limit, after.as_ref()).await?;
    Ok(crate::web::paging::respond(
        &uri,
        page.items.into_iter().map(application_body).collect::<Vec<_>>(),
        page.next.as_ref(),
    ))
}

/// An application with its stage and screening result (the applicant and staff).
#[utoipa::path(get, path = "/v1/applications/{id}", tag = "programs", params(("id" = String, Path)),
    responses((status = 200, body = ApplicationBody), (status = 404, body = Problem)))]
pub async fn show_application(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ProgramApplicationId>,
) -> AppResult<Json<ApplicationBody>> {
    Ok(Json(application_body(service::application(&state.services, &u.actor, id).await?)))
}

async fn current(
    state: &AppState,
    u: &crate::auth::SignedIn,
    id: ProgramApplicationId,
) -> AppResult<Json<ApplicationBody>> {
    Ok(Json(application_body(service::application(&state.services, &u.actor, id).await?)))
}

/// CH-6: the applicant edits their draft (focus area and interests) before
/// submitting it; 409 once submitted.
#[utoipa::path(patch, path = "/v1/applications/{id}", tag = "programs", params(("id" = String, Path)), request_body = ApplyBody,
    responses((status = 200, body = ApplicationBody), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn edit_draft(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ProgramApplicationId>,
    ApiJson(b): ApiJson<ApplyBody>,
) -> AppResult<Json<ApplicationBody>> {
    let focus = b.focus_area.as_deref().filter(|f| !f.is_empty()).map(FocusArea::parse).transpose()?;
    let interests = parse_interests(focus.unwrap_or(FocusArea::Forums), &b.interests)?;
    service::edit_draft(&state.services, &u.actor, id, focus, &interests).await?;
    current(&state, &u, id).await
}

/// CH-6: the applicant submits (thank-you email).
#[utoipa::path(post, path = "/v1/applications/{id}/submit", tag = "programs", params(("id" = String, Path)),
    responses((status = 200, body = ApplicationBody), (status = 404, body = Problem), (status = 409, body = Problem)))]
pub async fn submit(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ProgramApplicationId>,
) -> AppResult<Json<ApplicationBody>> {
    service::submit(&state.services, &u.actor, id).await?;
    current(&state, &u, id).await
}

#[derive(Deserialize, ToSchema)]
pub struct ScreenBody {
    /// CH-5: the quality comes from the pieces judged one by one
    /// (`POST …/judgments`): as many must meet every point of the rubric
    /// as the criteria need. This single answer counts only when no piece
    /// was judged, for clients that judge outside Guildhall.
    #[serde(default)]
    #[schema(deprecated)]
    quality_accepted: bool,
    #[serde(default)]
    notes: String,
}

/// CH-5: staff screen: passes to the interview, or not selected with an
/// email naming each unmet criterion.
#[utoipa::path(post, path = "/v1/applications/{id}/screen", tag = "programs", params(("id" = String, Path)), request_body = ScreenBody,
    responses((status = 200, body = ApplicationBody), (status = 403, body = Problem), (status = 409, body = Problem)))]
pub async fn screen(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ProgramApplicationId>,
    ApiJson(b): ApiJson<ScreenBody>,
) -> AppResult<Json<ApplicationBody>> {
    service::screen(&state.services, &u.actor, id, b.quality_accepted, &b.notes).await?;
    current(&state, &u, id).await
}

#[derive(Deserialize, ToSchema)]
pub struct InterviewBody {
    /// Interests, motivations, expectations.
    #[serde(default)]
    notes: String,
}

/// CH-6: the interview happened.
#[utoipa::path(post, path = "/v1/applications/{id}/interview", tag = "programs", params(("id" = String, Path)), request_body = InterviewBody,
    responses((status = 200, body = ApplicationBody), (status = 403, body = Problem), (status = 409, body = Problem)))]
pub async fn interview(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ProgramApplicationId>,
    ApiJson(b): ApiJson<InterviewBody>,
) -> AppResult<Json<ApplicationBody>> {
    crate::services::program_interviews::record(&state.services, &u.actor, id, &b.notes).await?;
    current(&state, &u, id).await
}

#[derive(Deserialize, ToSchema)]
#[schema(as = ProgramDecisionBody)]
pub struct DecisionBody {
    #[serde(default)]
    reason: String,
}

/// CH-6: the applicant withdraws, at any stage before the decision.
#[utoipa::path(post, path = "/v1/applications/{id}/withdraw", tag = "programs", params(("id" = String, Path)),
    responses((status = 200, body = ApplicationBody), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem)))]
pub async fn withdraw(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ProgramApplicationId>,
) -> AppResult<Json<ApplicationBody>> {
    service::withdraw(&state.services, &u.actor, id).await?;
    current(&state, &u, id).await
}

#[derive(Deserialize, ToSchema)]
pub struct NdaBody {
    /// The day the applicant signed the NDA, `YYYY-MM-DD`, not in the future.
    #[serde(default)]
    signed_on: String,
}

/// CH-1: staff record the day an MVP applicant signed the NDA; acceptance
/// is refused until then (409 `nda_required`).
#[utoipa::path(post, path = "/v1/applications/{id}/nda", tag = "programs", params(("id" = String, Path)), request_body = NdaBody,
    responses((status = 200, body = ApplicationBody), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn record_nda(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ProgramApplicationId>,
    ApiJson(b): ApiJson<NdaBody>,
) -> AppResult<Json<ApplicationBody>> {
    let signed_on = NaiveDate::parse_from_str(b.signed_on.trim(), "%Y-%m-%d")
        .map_err(|_| DomainError::field("signed_on", "date_invalid"))?;
    service::record_nda(&state.services, &u.actor, id, signed_on).await?;
    current(&state, &u, id).await
}

/// CH-6: accepted: the membership starts today (welcome email). An MVP
/// needs the NDA recorded first, and a free seat (409 `program_full`).
#[utoipa::path(post, path = "/v1/applications/{id}/accept", tag = "programs", params(("id" = String, Path)), request_body = DecisionBody,
    responses((status = 200, body = ApplicationBody), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn accept(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ProgramApplicationId>,
    ApiJson(b): ApiJson<DecisionBody>,
) -> AppResult<Json<ApplicationBody>> {
    service::decide(&state.services, &u.actor, id, true, &b.reason).await?;
    current(&state, &u, id).await
}

/// CH-6: declined with the reason the applicant is emailed.
#[utoipa::path(post, path = "/v1/applications/{id}/decline", tag = "programs", params(("id" = String, Path)), request_body = DecisionBody,
    responses((status = 200, body = ApplicationBody), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn decline(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ProgramApplicationId>,
    ApiJson(b): ApiJson<DecisionBody>,
) -> AppResult<Json<ApplicationBody>> {
    service::decide(&state.services, &u.actor, id, false, &b.reason).await?;
    current(&state, &u, id).await
}
