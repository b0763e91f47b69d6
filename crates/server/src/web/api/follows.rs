//! UG-15: the caller follows and stops following groups. Following is
//! idempotent (`PUT`), and so is stopping (`DELETE`).

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use guildhall_domain::values::Slug;
use guildhall_storage::groups::Group;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::Problem;
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::error::AppResult;
use crate::services::follows as service;
use crate::web::path::Path;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(mine)).routes(routes!(follow, unfollow))
}

/// A group the caller follows.
#[derive(Serialize, ToSchema)]
pub struct FollowedGroup {
    slug: String,
    name: String,
    city: String,
    /// active or needs_support; an archived group stays listed until unfollowed.
    status: String,
    url: String,
    /// The group's calendar feed.
    calendar_url: String,
}

fn body(state: &AppState, g: &Group) -> FollowedGroup {
    let slug = g.profile.slug.as_str();
    FollowedGroup {
        slug: slug.to_owned(),
        name: g.profile.name.to_string(),
        city: g.profile.city.to_string(),
        status: g.status.as_str().to_owned(),
        url: state.config.link(&format!("/groups/{slug}")),
        calendar_url: state.config.link(&format!("/groups/{slug}/events.ics")),
    }
}

/// The groups the caller follows, by name.
#[utoipa::path(get, path = "/v1/me/follows", tag = "groups", operation_id = "my_follows",
    responses((status = 200, body = [FollowedGroup]), (status = 401, body = Problem)))]
pub async fn mine(State(state): State<AppState>, ApiUser(u): ApiUser) -> AppResult<Json<Vec<FollowedGroup>>> {
    let groups = service::mine(&state.services, &u.actor).await?;
    Ok(Json(groups.iter().map(|g| body(&state, g)).collect()))
}

/// Follows a group: its new events are emailed to the caller when they
/// are published. Following again changes nothing.
#[utoipa::path(put, path = "/v1/me/follows/{slug}", tag = "groups", operation_id = "follow_group",
    params(("slug" = String, Path)),
    responses((status = 200, body = FollowedGroup), (status = 401, body = Problem), (status = 404, body = Problem),
        (status = 422, body = Problem, description = "the group is archived")))]
pub async fn follow(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(slug): Path<Slug>,
) -> AppResult<Json<FollowedGroup>> {
    let g = service::follow(&state.services, &u.actor, &slug).await?;
    Ok(Json(body(&state, &g)))
}

/// Stops following a group. Stopping when not following changes nothing.
#[utoipa::path(delete, path = "/v1/me/follows/{slug}", tag = "groups", operation_id = "unfollow_group",
    params(("slug" = String, Path)),
    responses((status = 204), (status = 401, body = Problem), (status = 404, body = Problem)))]
pub async fn unfollow(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(slug): Path<Slug>,
) -> AppResult<StatusCode> {
    service::unfollow(&state.services, &u.actor, &slug).await?;
    Ok(StatusCode::NO_CONTENT)
}
