//! A group over the years over the API (UG-1): archive, reactivate, move
//! to another region. Each answers with the group as it now stands.

use crate::web::path::Path;
use axum::extract::State;
use axum::Json;
use guildhall_domain::ids::RegionId;
use guildhall_domain::values::Slug;
use guildhall_domain::DomainError;
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::groups::{body, GroupBody};
use super::{ApiJson, Problem};
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::error::AppResult;
use crate::services::{group_lifecycle as service, groups as group_service};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(archive)).routes(routes!(reactivate)).routes(routes!(move_to))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ArchiveBody {
    /// Why the group is archived; its leaders are emailed it.
    #[serde(default)]
    reason: String,
}

/// UG-1: the region's community manager archives a group that stopped
/// meeting. 409 `group_has_upcoming_events` while it has published events
/// still to come.
#[utoipa::path(post, path = "/v1/groups/{slug}/archive", tag = "groups", params(("slug" = String, Path)),
    request_body = ArchiveBody,
    responses((status = 200, body = GroupBody), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn archive(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(slug): Path<Slug>,
    ApiJson(b): ApiJson<ArchiveBody>,
) -> AppResult<Json<GroupBody>> {
    let g = group_service::by_slug(&state.services, &slug).await?;
    let g = service::archive(&state.services, &u.actor, g.id, &b.reason).await?;
    Ok(Json(body(&state, g).await?))
}

/// UG-1: an archived group is listed again and can hold events.
#[utoipa::path(post, path = "/v1/groups/{slug}/reactivate", tag = "groups", params(("slug" = String, Path)),
    responses((status = 200, body = GroupBody), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)))]
pub async fn reactivate(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(slug): Path<Slug>,
) -> AppResult<Json<GroupBody>> {
    let g = group_service::by_slug(&state.services, &slug).await?;
    let g = service::reactivate(&state.services, &u.actor, g.id).await?;
    Ok(Json(body(&state, g).await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = GroupRegionBody)]
pub struct RegionBody {
    #[serde(default)]
    region_id: String,
}

/// UG-1: moves the group to another region (admins, or someone who
/// manages both regions); the leaders and the new region's managers are
/// emailed.
#[utoipa::path(put, path = "/v1/groups/{slug}/region", tag = "groups", params(("slug" = String, Path)),
    request_body = RegionBody,
    responses((status = 200, body = GroupBody), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn move_to(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(slug): Path<Slug>,
    ApiJson(b): ApiJson<RegionBody>,
) -> AppResult<Json<GroupBody>> {
    let g = group_service::by_slug(&state.services, &slug).await?;
    let region: RegionId = b.region_id.trim().parse().map_err(|_| DomainError::field("region_id", "region_unknown"))?;
    let g = service::move_to(&state.services, &u.actor, g.id, region).await?;
    Ok(Json(body(&state, g).await?))
}
