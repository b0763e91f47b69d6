//! A leader's message to an event's registrants over the API (UG-14).

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use guildhall_domain::ids::EventId;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ApiJson, Problem};
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::error::AppResult;
use crate::services::event_messages::{self as service, Message};
use crate::web::path::Path;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(send))
}

#[derive(Deserialize, ToSchema)]
#[schema(as = EventMessageBody)]
pub struct MessageBody {
    /// `all` (default), `confirmed`, `waiting` or `checked_in`.
    #[serde(default)]
    audience: String,
    #[serde(default)]
    subject: String,
    #[serde(default)]
    body: String,
}

#[derive(Serialize, ToSchema)]
pub struct SentBody {
    /// How many registrants it was queued for.
    recipients: usize,
}

/// The group's leaders email an event's registrants through the outbox.
#[utoipa::path(post, path = "/v1/events/{id}/messages", tag = "registrations", params(("id" = String, Path)),
    request_body = MessageBody,
    responses((status = 202, body = SentBody), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 422, body = Problem)))]
pub async fn send(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<EventId>,
    ApiJson(b): ApiJson<MessageBody>,
) -> AppResult<(StatusCode, Json<SentBody>)> {
    // The caller's right comes before the body's problems.
    crate::services::events::managed_event(&state.services, &u.actor, id).await?;
    let m = Message::parse(&b.audience, &b.subject, &b.body)?;
    let recipients = service::send(&state.services, &u.actor, id, &m).await?;
    Ok((StatusCode::ACCEPTED, Json(SentBody { recipients })))
}
