//! UG-14: a talk's slides and recording, and the email that sends them to
//! everyone who came (the group's leaders).

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use guildhall_domain::ids::{EventId, TalkId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ApiJson, Problem};
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::error::AppResult;
use crate::services::materials as service;
use crate::web::path::Path;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(set_materials)).routes(routes!(send_materials))
}

/// A talk's links; an empty or missing one is removed.
#[derive(Deserialize, Serialize, ToSchema)]
pub struct MaterialsBody {
    #[serde(default)]
    slides_url: Option<String>,
    #[serde(default)]
    recording_url: Option<String>,
}

/// Sets a talk's slides and recording, on a published or completed event.
#[utoipa::path(put, path = "/v1/events/{id}/talks/{talk_id}/materials", tag = "events",
    params(("id" = String, Path), ("talk_id" = String, Path)), request_body = MaterialsBody,
    responses((status = 200, body = MaterialsBody), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "a draft or a cancelled event"),
        (status = 422, body = Problem, description = "a link that is not an http(s) address")))]
pub async fn set_materials(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path((id, talk)): Path<(EventId, TalkId)>,
    ApiJson(b): ApiJson<MaterialsBody>,
) -> AppResult<Json<MaterialsBody>> {
    let (slides, recording) = (b.slides_url.unwrap_or_default(), b.recording_url.unwrap_or_default());
    let m = service::set(&state.services, &u.actor, id, talk, &slides, &recording).await?;
    Ok(Json(MaterialsBody {
        slides_url: m.slides.map(|l| l.to_string()),
        recording_url: m.recording.map(|l| l.to_string()),
    }))
}

/// How many were emailed.
#[derive(Serialize, ToSchema)]
pub struct MaterialsSent {
    recipients: usize,
}

/// Emails every talk's links to everyone checked in with an account who
/// keeps organisers' messages on. Only for a completed event with links;
/// sending again sends again.
#[utoipa::path(post, path = "/v1/events/{id}/materials-email", tag = "events", params(("id" = String, Path)),
    responses((status = 202, body = MaterialsSent), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "the event is not completed"),
        (status = 422, body = Problem, description = "no talk has a link yet")))]
pub async fn send_materials(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<EventId>,
) -> AppResult<(StatusCode, Json<MaterialsSent>)> {
    let recipients = service::send(&state.services, &u.actor, id).await?;
    Ok((StatusCode::ACCEPTED, Json(MaterialsSent { recipients })))
}
