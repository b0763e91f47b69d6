//! Regions and the audit log over the API (admins).

use crate::web::path::Path;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::Json;
use guildhall_domain::access::{authorize, Action};
use guildhall_domain::ids::RegionId;
use guildhall_storage::audit::{self, AuditFilter};
use guildhall_storage::regions;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::ApiJson;
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::error::AppResult;
use crate::services::regions::{self as region_service, RegionForm};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_regions, create_region))
        .routes(routes!(add_manager))
        .routes(routes!(audit_log))
}

#[derive(Serialize, ToSchema)]
pub struct RegionBody {
    #[schema(value_type = String)]
    id: RegionId,
    name: String,
    currency: String,
}

#[utoipa::path(get, path = "/v1/regions", tag = "admin", responses((status = 200, body = [RegionBody])))]
pub async fn list_regions(State(state): State<AppState>, ApiUser(_): ApiUser) -> AppResult<Json<Vec<RegionBody>>> {
    let list = regions::list(state.services.db.reader()).await?;
    Ok(Json(
        list.into_iter()
            .map(|r| RegionBody { id: r.id, name: r.name.to_string(), currency: r.currency.to_string() })
            .collect(),
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct NewRegion {
    #[serde(default)]
    name: String,
    #[serde(default)]
    currency: String,
}

/// Creates a region (admins).
#[utoipa::path(post, path = "/v1/regions", tag = "admin", request_body = NewRegion,
    responses((status = 201, body = RegionBody), (status = 403, body = super::Problem), (status = 409, body = super::Problem)))]
pub async fn create_region(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    ApiJson(body): ApiJson<NewRegion>,
) -> AppResult<(StatusCode, Json<RegionBody>)> {
    authorize(&u.actor, Action::ManageRegions)?;
    let form = RegionForm::parse(&body.name, &body.currency)?;
    let (name, currency) = (form.name.to_string(), form.currency.to_string());
    let id = region_service::create(&state.services, &u.actor, form).await?;
    Ok((StatusCode::CREATED, Json(RegionBody { id, name, currency })))
}

#[derive(Deserialize, ToSchema)]
pub struct NewManager {
    #[serde(default)]
    email: String,
}

/// Makes a member a community manager of the region (admins).
#[utoipa::path(post, path = "/v1/regions/{id}/managers", tag = "admin", params(("id" = String, Path)),
    request_body = NewManager, responses((status = 204), (status = 403, body = super::Problem), (status = 422, body = super::Problem)))]
pub async fn add_manager(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<RegionId>,
    ApiJson(body): ApiJson<NewManager>,
) -> AppResult<StatusCode> {
    region_service::add_manager(&state.services, &u.actor, id, &body.email).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    entity_type: Option<String>,
    entity_id: Option<String>,
    actor_id: Option<String>,
    /// Only entries of this action, e.g. `account.prove`.
    action: Option<String>,
    /// Skip this many entries (older clients); prefer `cursor`.
    #[serde(default)]
    offset: i64,
    /// Entries per page, 1 to 200 (100 by default).
    limit: Option<usize>,
    /// From the `Link: rel="next"` header of the previous page.
    cursor: Option<String>,
}

/// One entry of the audit log (PL-7).
#[derive(Serialize, ToSchema)]
pub struct AuditBody {
    id: String,
    at: String,
    actor_id: Option<String>,
    action: String,
    entity_type: String,
    entity_id: String,
    reason: Option<String>,
    details: serde_json::Value,
}

/// The audit log, newest first (admins), a page at a time: the `Link`
/// header's `rel="next"` address reads the next page.
#[utoipa::path(get, path = "/v1/audit", tag = "admin", params(AuditQuery),
    responses((status = 200, body = [AuditBody], headers(("link" = String, description = "`<…>; rel=\"next\"` while more entries follow"))),
        (status = 422, body = super::Problem)))]
pub async fn audit_log(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Query(q): Query<AuditQuery>,
    axum::extract::OriginalUri(uri): axum::extract::OriginalUri,
) -> AppResult<axum::response::Response> {
    use crate::web::paging::PageQuery;
    authorize(&u.actor, Action::ViewAuditLog)?;
    let paging = PageQuery { limit: q.limit, cursor: q.cursor.clone() };
    let after = paging.after()?;
    let filter =
        AuditFilter { entity_type: q.entity_type, entity_id: q.entity_id, actor_id: q.actor_id, action: q.action };
    let limit = guildhall_storage::page::clamp(q.limit, 100);
    let (list, next) = if q.offset > 0 {
        (audit::list(state.services.db.reader(), &filter, limit as i64, q.offset).await?, None)
    } else {
        let page = audit::page(state.services.db.reader(), &filter, limit, after.as_ref()).await?;
        (page.items, page.next)
    };
    let rows = list
        .into_iter()
        .map(|a| AuditBody {
            id: a.id.to_string(),
            at: a.at.to_rfc3339(),
            actor_id: a.actor_id,
            action: a.action,
            entity_type: a.entity_type,
            entity_id: a.entity_id,
            reason: a.reason,
            details: serde_json::from_str(&a.details).unwrap_or(serde_json::Value::Null),
        })
        .collect::<Vec<_>>();
    Ok(crate::web::paging::respond(&uri, rows, next.as_ref()))
}
