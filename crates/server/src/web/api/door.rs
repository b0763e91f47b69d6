//! The door desk over the API (UG-14): walk-ins by name, without an
//! account, for the group's leaders. Check-in by code is `…/checkins`.

use crate::web::path::Path;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use guildhall_domain::ids::EventId;
use guildhall_storage::walk_ins;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ApiJson, Problem};
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::error::AppResult;
use crate::services::door::{self, DoorResult, WalkInInput};
use crate::services::events as event_service;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_walk_ins, add_walk_in))
}

/// Someone at the door: a name, and an email if they give one.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WalkInBody {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct WalkInAnswer {
    /// checked_in or already_checked_in (the email is a member's: their
    /// registration), waiting (a member, and the event is full), or
    /// walk_in (let in by name).
    result: String,
    /// The registration's id, or the walk-in's.
    id: String,
    name: String,
    /// Whether the person goes in.
    lets_in: bool,
}

/// Lets someone in at the door (the group's leaders, in the door window).
/// With the email of an account they are registered and checked in; with
/// none, they take a free seat by name (409 `event_full` when none is).
#[utoipa::path(post, path = "/v1/events/{id}/walk-ins", tag = "registrations", params(("id" = String, Path)),
    request_body = WalkInBody,
    responses((status = 201, body = WalkInAnswer), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "the event is full, or not open at the door"),
        (status = 422, body = Problem)))]
pub async fn add_walk_in(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<EventId>,
    ApiJson(b): ApiJson<WalkInBody>,
) -> AppResult<(StatusCode, Json<WalkInAnswer>)> {
    let who = WalkInInput::parse(&b.name, b.email.as_deref().unwrap_or_default())?;
    let (result, at) = door::walk_in(&state.services, &u, id, &who).await?;
    let name = match &result {
        DoorResult::CheckedIn { name }
        | DoorResult::AlreadyIn { name, .. }
        | DoorResult::Waiting { name, .. }
        | DoorResult::SeatOffered { name }
        | DoorResult::GaveUp { name }
        | DoorResult::WalkIn { name } => name.clone(),
        DoorResult::Unknown => String::new(),
    };
    let body = WalkInAnswer { result: result.as_str().to_owned(), id: at, name, lets_in: result.lets_in() };
    Ok((StatusCode::CREATED, Json(body)))
}

#[derive(Serialize, ToSchema)]
pub struct WalkInEntry {
    id: String,
    /// Null once an account with this email was erased.
    name: Option<String>,
    email: Option<String>,
    created_at: String,
}

/// Everyone let in by name without an account, in the order they came
/// (the group's leaders).
#[utoipa::path(get, path = "/v1/events/{id}/walk-ins", tag = "registrations", params(("id" = String, Path)),
    responses((status = 200, body = [WalkInEntry]), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn list_walk_ins(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<EventId>,
) -> AppResult<Json<Vec<WalkInEntry>>> {
    let (ev, _) = event_service::managed_event(&state.services, &u.actor, id).await?;
    let list = walk_ins::for_event(state.services.db.reader(), ev.id).await?;
    Ok(Json(
        list.into_iter()
            .map(|w| WalkInEntry {
                id: w.id.to_string(),
                name: w.name.map(|n| n.to_string()),
                email: w.email.map(|e| e.to_string()),
                created_at: w.created_at.to_rfc3339(),
            })
            .collect(),
    ))
}
