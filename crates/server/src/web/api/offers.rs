//! UG-18: claiming a seat offered from the waiting list (its holder).
//! Declining is giving the place up: `DELETE …/registrations/{id}`.

use axum::extract::State;
use axum::Json;
use guildhall_domain::ids::{EventId, RegistrationId};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::Problem;
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::error::AppResult;
use crate::services::offers as service;
use crate::web::path::Path;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(claim))
}

/// The place after the claim.
#[derive(Serialize, ToSchema)]
pub struct SeatClaimed {
    id: String,
    /// `confirmed`: the seat is theirs, with a ticket code.
    status: String,
    ticket_code: String,
}

/// Claims the seat offered to the caller, while the offer is open: it
/// becomes a confirmed place, and the confirmation email carries its
/// calendar invitation. An expired or declined offer is a 409.
#[utoipa::path(post, path = "/v1/events/{id}/registrations/{registration_id}/claim", tag = "registrations",
    params(("id" = String, Path), ("registration_id" = String, Path)),
    responses((status = 200, body = SeatClaimed), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "the offer is no longer open")))]
pub async fn claim(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path((id, registration)): Path<(EventId, RegistrationId)>,
) -> AppResult<Json<SeatClaimed>> {
    let r = service::claim(&state.services, &u.actor, id, registration).await?;
    Ok(Json(SeatClaimed {
        id: r.id.to_string(),
        status: r.status.as_str().to_owned(),
        ticket_code: r.ticket_code.display(),
    }))
}
