//! CH-6 interviews over the API: staff propose times, the applicant picks
//! one and fetches the calendar invite.

use crate::web::path::Path;
use axum::extract::State;
use axum::Json;
use guildhall_domain::access::Actor;
use guildhall_domain::ids::{ProgramApplicationId, SlotId};
use guildhall_domain::DomainError;
use guildhall_storage::interview_slots::Slot;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::leadership::{PickBody, TimesBody};
use super::programs::{application_body, ApplicationBody};
use super::{ApiJson, Problem};
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::error::AppResult;
use crate::services::program_interviews as service;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(times, propose, pick))
        .routes(routes!(invite))
        .routes(routes!(name_interviewer))
        .routes(routes!(mine))
}

#[derive(Serialize, ToSchema)]
#[schema(as = InterviewSlotBody)]
pub struct SlotBody {
    id: String,
    starts_at: String,
    minutes: i64,
    /// The applicant picked this one.
    chosen: bool,
}

fn slot_body(s: Slot) -> SlotBody {
    SlotBody { id: s.id.to_string(), starts_at: s.starts_at.to_rfc3339(), minutes: s.minutes, chosen: s.chosen }
}

async fn listed(state: &AppState, actor: &Actor, id: ProgramApplicationId) -> AppResult<Json<Vec<SlotBody>>> {
    Ok(Json(service::times(&state.services, actor, id).await?.into_iter().map(slot_body).collect()))
}

/// CH-6: the proposed interview times (the applicant and staff).
#[utoipa::path(get, path = "/v1/applications/{id}/interview-times", tag = "programs", params(("id" = String, Path)),
    responses((status = 200, body = [SlotBody]), (status = 404, body = Problem)))]
pub async fn times(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ProgramApplicationId>,
) -> AppResult<Json<Vec<SlotBody>>> {
    listed(&state, &u.actor, id).await
}

/// CH-6: staff propose one to three interview times (local times in their
/// profile time zone, or RFC 3339 instants); the applicant is emailed.
#[utoipa::path(post, path = "/v1/applications/{id}/interview-times", tag = "programs", params(("id" = String, Path)), request_body = TimesBody,
    responses((status = 200, body = [SlotBody]), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn propose(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ProgramApplicationId>,
    ApiJson(b): ApiJson<TimesBody>,
) -> AppResult<Json<Vec<SlotBody>>> {
    service::propose_times(&state.services, &u.actor, id, &b.times).await?;
    listed(&state, &u.actor, id).await
}

/// CH-6: the applicant picks a proposed time and is emailed the invite.
#[utoipa::path(put, path = "/v1/applications/{id}/interview-times", tag = "programs", params(("id" = String, Path)), request_body = PickBody,
    responses((status = 200, body = [SlotBody]), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn pick(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ProgramApplicationId>,
    ApiJson(b): ApiJson<PickBody>,
) -> AppResult<Json<Vec<SlotBody>>> {
    let slot: SlotId = b.slot_id.parse().map_err(|_| DomainError::field("slot", "slot_unknown"))?;
    service::pick_time(&state.services, &u.actor, id, slot).await?;
    listed(&state, &u.actor, id).await
}

/// CH-6: the calendar invite for the picked interview time.
#[utoipa::path(get, path = "/v1/applications/{id}/interview.ics", tag = "programs", params(("id" = String, Path)),
    responses((status = 200, description = "text/calendar"), (status = 404, body = Problem)))]
pub async fn invite(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ProgramApplicationId>,
) -> AppResult<axum::response::Response> {
    interview_ics(&state, &u.actor, id).await
}

/// The interview invite, shared by the page and the API.
pub async fn interview_ics(
    state: &AppState,
    actor: &Actor,
    id: ProgramApplicationId,
) -> AppResult<axum::response::Response> {
    let (a, starts, ends) = service::picked(&state.services, actor, id).await?;
    let program = crate::services::programs::program_name(a.program);
    Ok(crate::web::feeds::interview_invite(
        state,
        &format!("program-interview-{id}"),
        &format!("{program} interview: {}", a.member_name),
        &format!("{} and a community manager talk about the {program} program.", a.member_name),
        (starts, ends),
        &format!("/programs/applications/{id}"),
    ))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InterviewerBody {
    /// A community manager's member id; null takes the interview back to
    /// program staff.
    member_id: Option<String>,
}

/// CH-6: program staff name the community manager who interviews the
/// applicant (they may then read the application, propose times and
/// record the interview); the manager is emailed.
#[utoipa::path(put, path = "/v1/applications/{id}/interviewer", tag = "programs", params(("id" = String, Path)), request_body = InterviewerBody,
    responses((status = 200, body = ApplicationBody), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn name_interviewer(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ProgramApplicationId>,
    ApiJson(b): ApiJson<InterviewerBody>,
) -> AppResult<Json<ApplicationBody>> {
    let named = match b.member_id.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(raw) => Some(raw.parse().map_err(|_| DomainError::field("interviewer", "interviewer_unknown"))?),
        None => None,
    };
    service::assign(&state.services, &u.actor, id, named).await?;
    let a = crate::services::programs::application(&state.services, &u.actor, id).await?;
    Ok(Json(application_body(a)))
}

/// CH-6: the open applications the caller was named to interview.
#[utoipa::path(get, path = "/v1/me/interviews", tag = "programs",
    responses((status = 200, body = [ApplicationBody]), (status = 401, body = Problem)))]
pub async fn mine(State(state): State<AppState>, ApiUser(u): ApiUser) -> AppResult<Json<Vec<ApplicationBody>>> {
    let list = service::assigned_to_me(&state.services, &u.actor).await?;
    Ok(Json(list.into_iter().map(application_body).collect()))
}
