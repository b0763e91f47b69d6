//! UG-17: the caller's private calendar feed: its secret address, a new
//! one in its place, or none.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::Problem;
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::error::AppResult;
use crate::services::calendar_feeds::{self as service, FeedAddress};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(address, turn_off)).routes(routes!(replace))
}

/// The feed's address: anyone holding it reads the caller's events, so it
/// is shown to its owner only.
#[derive(Serialize, ToSchema)]
pub struct CalendarFeedBody {
    /// The address to paste into a calendar app.
    url: String,
    /// The same as `webcal:`, which opens most apps' subscribe dialog.
    webcal: String,
}

impl From<FeedAddress> for CalendarFeedBody {
    fn from(a: FeedAddress) -> Self {
        Self { url: a.https, webcal: a.webcal }
    }
}

/// The caller's private calendar feed of every event they registered for
/// (places released and cancelled events stay in, `STATUS:CANCELLED`).
/// Made on first ask; the same address after that.
#[utoipa::path(get, path = "/v1/me/calendar", tag = "members",
    responses((status = 200, body = CalendarFeedBody), (status = 401, body = Problem)))]
pub async fn address(State(state): State<AppState>, ApiUser(u): ApiUser) -> AppResult<Json<CalendarFeedBody>> {
    Ok(Json(service::address(&state.services, &u.actor).await?.into()))
}

/// A new address for the feed; the old one stops working at once.
#[utoipa::path(post, path = "/v1/me/calendar/address", tag = "members",
    responses((status = 201, body = CalendarFeedBody), (status = 401, body = Problem)))]
pub async fn replace(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
) -> AppResult<(StatusCode, Json<CalendarFeedBody>)> {
    Ok((StatusCode::CREATED, Json(service::replace(&state.services, &u.actor).await?.into())))
}

/// Turns the feed off: its address stops working. A later `GET` makes a
/// new one.
#[utoipa::path(delete, path = "/v1/me/calendar", tag = "members",
    responses((status = 204), (status = 401, body = Problem)))]
pub async fn turn_off(State(state): State<AppState>, ApiUser(u): ApiUser) -> AppResult<StatusCode> {
    service::turn_off(&state.services, &u.actor).await?;
    Ok(StatusCode::NO_CONTENT)
}
