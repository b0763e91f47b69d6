//! People and their roles over the API (PL-1, admins): who holds which
//! staff role, granting and revoking.

use crate::web::path::Path;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::Json;
use guildhall_domain::access::Role;
use guildhall_domain::ids::{MemberId, RegionId};
use guildhall_domain::roles::parse_grantable;
use guildhall_domain::DomainError;
use guildhall_storage::members::{Grant, Member};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::ApiJson;
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::error::AppResult;
use crate::services::roles as service;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list)).routes(routes!(grant)).routes(routes!(revoke))
}

/// One staff role held by one member.
#[derive(Serialize, ToSchema)]
pub struct RoleBody {
    #[schema(value_type = String)]
    member_id: MemberId,
    name: String,
    email: String,
    /// `program_staff`, `admin` or `community_manager`.
    role: String,
    /// The region a community manager manages.
    #[schema(value_type = Option<String>)]
    region_id: Option<RegionId>,
    granted_at: Option<String>,
}

fn body(member: &Member, role: &Role, granted_at: Option<String>) -> RoleBody {
    RoleBody {
        member_id: member.id,
        name: member.name.to_string(),
        email: member.email.to_string(),
        role: role.name().to_owned(),
        region_id: match role {
            Role::CommunityManager(r) => Some(*r),
            _ => None,
        },
        granted_at,
    }
}

/// Every staff role held: program staff, admins and community managers
/// (admins). Group leaders are listed on their groups.
#[utoipa::path(get, path = "/v1/roles", tag = "admin",
    responses((status = 200, body = [RoleBody]), (status = 403, body = super::Problem)))]
pub async fn list(State(state): State<AppState>, ApiUser(u): ApiUser) -> AppResult<Json<Vec<RoleBody>>> {
    let grants = service::list(&state.services, &u.actor).await?;
    Ok(Json(
        grants
            .iter()
            .map(|Grant { member, role, granted_at }| body(member, role, Some(granted_at.to_rfc3339())))
            .collect(),
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct NewRole {
    /// `program_staff`, `admin` or `community_manager`.
    #[serde(default)]
    role: String,
    /// Required for `community_manager`.
    #[serde(default)]
    region_id: Option<String>,
}

fn region(raw: Option<&str>) -> Result<Option<RegionId>, DomainError> {
    match raw.map(str::trim).filter(|r| !r.is_empty()) {
        None => Ok(None),
        Some(r) => r.parse().map(Some).map_err(|_| DomainError::field("region_id", "region_unknown")),
    }
}

/// Grants a role and emails the member (admins). 201 when new, 200 when
/// the member already held it.
#[utoipa::path(post, path = "/v1/members/{id}/roles", tag = "admin", params(("id" = String, Path)), request_body = NewRole,
    responses((status = 201, body = RoleBody), (status = 200, body = RoleBody), (status = 403, body = super::Problem),
        (status = 404, body = super::Problem), (status = 422, body = super::Problem)))]
pub async fn grant(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<MemberId>,
    ApiJson(b): ApiJson<NewRole>,
) -> AppResult<(StatusCode, Json<RoleBody>)> {
    let role = parse_grantable(&b.role, region(b.region_id.as_deref())?)?;
    let new = service::grant(&state.services, &u.actor, id, role).await?;
    let person = service::person(&state.services, &u.actor, id).await?;
    let status = if new { StatusCode::CREATED } else { StatusCode::OK };
    Ok((status, Json(body(&person.member, &role, None))))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RevokeQuery {
    /// The region, for `community_manager`.
    region_id: Option<String>,
}

/// Revokes a role and emails the member (admins). 404 when the member does
/// not hold it; 409 `last_admin` for the last admin.
#[utoipa::path(delete, path = "/v1/members/{id}/roles/{role}", tag = "admin",
    params(("id" = String, Path), ("role" = String, Path), RevokeQuery),
    responses((status = 204), (status = 403, body = super::Problem), (status = 404, body = super::Problem),
        (status = 409, body = super::Problem), (status = 422, body = super::Problem)))]
pub async fn revoke(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path((id, role)): Path<(MemberId, String)>,
    Query(q): Query<RevokeQuery>,
) -> AppResult<StatusCode> {
    let role = parse_grantable(&role, region(q.region_id.as_deref())?)?;
    if service::revoke(&state.services, &u.actor, id, role).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(DomainError::NotFound.into())
    }
}
