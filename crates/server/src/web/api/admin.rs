//! Regions and the audit log over the API (admins).

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use guildhall_domain::access::{authorize, Action};
use guildhall_domain::ids::RegionId;
use guildhall_domain::DomainError;
use guildhall_storage::audit::{self, AuditFilter};
use guildhall_storage::regions;
use serde::{Deserialize, Serialize};

use super::ApiJson;
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::error::AppResult;
use crate::services::regions::{self as region_service, RegionForm};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/v1/regions", get(list_regions).post(create_region))
        .route("/v1/regions/{id}/managers", post(add_manager))
        .route("/v1/audit", get(audit_log))
}

#[derive(Serialize)]
struct RegionBody {
    id: RegionId,
    name: String,
    currency: String,
}

async fn list_regions(State(state): State<AppState>, ApiUser(_): ApiUser) -> AppResult<Json<Vec<RegionBody>>> {
    let list = regions::list(state.db.reader()).await?;
    Ok(Json(
        list.into_iter()
            .map(|r| RegionBody { id: r.id, name: r.name.to_string(), currency: r.currency.to_string() })
            .collect(),
    ))
}

#[derive(Deserialize)]
struct NewRegion {
    #[serde(default)]
    name: String,
    #[serde(default)]
    currency: String,
}

async fn create_region(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    ApiJson(body): ApiJson<NewRegion>,
) -> AppResult<(StatusCode, Json<RegionBody>)> {
    authorize(&u.actor, Action::ManageRegions)?;
    let form = RegionForm::parse(&body.name, &body.currency)?;
    let (name, currency) = (form.name.to_string(), form.currency.to_string());
    let id = region_service::create(&state, &u.actor, form).await?;
    Ok((StatusCode::CREATED, Json(RegionBody { id, name, currency })))
}

#[derive(Deserialize)]
struct NewManager {
    #[serde(default)]
    email: String,
}

async fn add_manager(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<NewManager>,
) -> AppResult<StatusCode> {
    let id: RegionId = id.parse().map_err(|_| DomainError::NotFound)?;
    region_service::add_manager(&state, &u.actor, id, &body.email).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
struct AuditQuery {
    entity_type: Option<String>,
    entity_id: Option<String>,
    actor_id: Option<String>,
    #[serde(default)]
    offset: i64,
}

#[derive(Serialize)]
struct AuditBody {
    id: String,
    at: String,
    actor_id: Option<String>,
    action: String,
    entity_type: String,
    entity_id: String,
    reason: Option<String>,
    details: serde_json::Value,
}

async fn audit_log(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Query(q): Query<AuditQuery>,
) -> AppResult<Json<Vec<AuditBody>>> {
    authorize(&u.actor, Action::ViewAuditLog)?;
    let filter = AuditFilter { entity_type: q.entity_type, entity_id: q.entity_id, actor_id: q.actor_id };
    let list = audit::list(state.db.reader(), &filter, 100, q.offset.max(0)).await?;
    Ok(Json(
        list.into_iter()
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
            .collect(),
    ))
}
