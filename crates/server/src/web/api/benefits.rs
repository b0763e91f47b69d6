//! Benefits over the API (CH-8): staff create pools and add codes; members
//! list what is open to them and claim a code.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use guildhall_domain::access::{authorize, Action};
use guildhall_domain::ids::BenefitId;
use guildhall_storage::benefits::Benefit;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ApiJson, Created, Problem};
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::error::AppResult;
use crate::services::benefits::{self as service, NewPool};
use crate::web::path::Path;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list, create)).routes(routes!(add_codes)).routes(routes!(claim))
}

/// A pool of codes.
#[derive(Serialize, ToSchema)]
pub struct PoolBody {
    id: String,
    name: String,
    /// champions, mvp or ambassadors; null: any program's active members.
    program: Option<String>,
    /// The last day a code may be claimed (YYYY-MM-DD); null: no end.
    valid_until: Option<String>,
    codes_left: i64,
    /// Staff only: every code loaded (null for members).
    codes_total: Option<i64>,
    /// Members only: the code the caller claimed, if any (null for staff lists).
    my_code: Option<String>,
}

fn body(b: &Benefit, staff: bool, my_code: Option<String>) -> PoolBody {
    PoolBody {
        id: b.id.to_string(),
        name: b.name.clone(),
        program: b.pool.program.map(|p| p.as_str().to_owned()),
        valid_until: b.pool.valid_until.map(|d| d.to_string()),
        codes_left: b.codes_left,
        codes_total: staff.then_some(b.codes_total),
        my_code,
    }
}

/// Staff: every pool with its counts. Members: the pools open to them
/// today, and those they claimed from with their code.
#[utoipa::path(get, path = "/v1/benefits", tag = "programs", responses((status = 200, body = [PoolBody])))]
pub async fn list(State(state): State<AppState>, ApiUser(u): ApiUser) -> AppResult<Json<Vec<PoolBody>>> {
    if authorize(&u.actor, Action::ManagePrograms).is_ok() {
        let all = service::all(&state.services, &u.actor).await?;
        return Ok(Json(all.iter().map(|b| body(b, true, None)).collect()));
    }
    let mine = service::mine(&state.services, &u.actor).await?;
    let mut out: Vec<PoolBody> = mine.claimed.iter().map(|(b, c)| body(b, false, Some(c.code.clone()))).collect();
    out.extend(mine.open.iter().map(|b| body(b, false, None)));
    Ok(Json(out))
}

#[derive(Deserialize, ToSchema)]
pub struct NewPoolBody {
    #[serde(default)]
    name: String,
    /// champions, mvp or ambassadors; empty or absent: any program.
    #[serde(default)]
    program: String,
    /// YYYY-MM-DD, not in the past; empty or absent: no end.
    #[serde(default)]
    valid_until: String,
    #[serde(default)]
    codes: Vec<String>,
}

/// CH-8: staff create a pool with its first codes.
#[utoipa::path(post, path = "/v1/benefits", tag = "programs", request_body = NewPoolBody,
    responses((status = 201, body = Created), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    ApiJson(b): ApiJson<NewPoolBody>,
) -> AppResult<(StatusCode, Json<Created>)> {
    authorize(&u.actor, Action::ManagePrograms)?;
    let codes = b.codes.iter().map(|c| c.trim().to_owned()).filter(|c| !c.is_empty()).collect();
    let new = NewPool::parse(&b.name, &b.program, &b.valid_until, codes)?;
    let (id, _) = service::create(&state.services, &u.actor, new).await?;
    Ok((StatusCode::CREATED, Json(Created { id: id.to_string() })))
}

#[derive(Deserialize, ToSchema)]
pub struct CodesBody {
    #[serde(default)]
    codes: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct AddedCodes {
    /// Codes that were new to the pool (repeats are skipped).
    added: u64,
}

/// CH-8: staff add codes to a pool.
#[utoipa::path(post, path = "/v1/benefits/{id}/codes", tag = "programs", params(("id" = String, Path)), request_body = CodesBody,
    responses((status = 200, body = AddedCodes), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn add_codes(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<BenefitId>,
    ApiJson(b): ApiJson<CodesBody>,
) -> AppResult<Json<AddedCodes>> {
    let codes: Vec<String> = b.codes.iter().map(|c| c.trim().to_owned()).filter(|c| !c.is_empty()).collect();
    let added = service::add_codes(&state.services, &u.actor, id, &codes).await?;
    Ok(Json(AddedCodes { added }))
}

#[derive(Serialize, ToSchema)]
pub struct ClaimedBody {
    code: String,
}

/// CH-8: the caller claims a code (one per benefit per year; never a code twice).
#[utoipa::path(post, path = "/v1/benefits/{id}/claims", tag = "programs", params(("id" = String, Path)),
    responses((status = 201, body = ClaimedBody), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn claim(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<BenefitId>,
) -> AppResult<(StatusCode, Json<ClaimedBody>)> {
    let code = service::claim(&state.services, &u.actor, id).await?;
    Ok((StatusCode::CREATED, Json(ClaimedBody { code })))
}
