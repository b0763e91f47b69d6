//! The caller's own API tokens and browser sessions (PL-1).

use crate::web::path::Path;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use guildhall_domain::ids::ApiTokenId;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::Problem;
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::error::AppResult;
use crate::services::sessions as service;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(tokens)).routes(routes!(revoke)).routes(routes!(end_sessions))
}

/// A token as its owner sees it: never the secret.
#[derive(Serialize, ToSchema)]
pub struct TokenBody {
    id: String,
    name: String,
    created_at: String,
    last_used_at: Option<String>,
}

/// The caller's live API tokens.
#[utoipa::path(get, path = "/v1/me/tokens", tag = "members", responses((status = 200, body = [TokenBody]), (status = 401, body = Problem)))]
pub async fn tokens(State(state): State<AppState>, ApiUser(u): ApiUser) -> AppResult<Json<Vec<TokenBody>>> {
    let list = service::tokens_of(&state.services, &u.actor).await?;
    Ok(Json(
        list.into_iter()
            .map(|t| TokenBody {
                id: t.id.to_string(),
                name: t.name,
                created_at: t.created_at.to_rfc3339(),
                last_used_at: t.last_used_at.map(|a| a.to_rfc3339()),
            })
            .collect(),
    ))
}

/// Revokes one of the caller's tokens (the one in use too); it opens
/// nothing from then on.
#[utoipa::path(delete, path = "/v1/me/tokens/{id}", tag = "members", params(("id" = String, Path)),
    responses((status = 204), (status = 404, body = Problem)))]
pub async fn revoke(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ApiTokenId>,
) -> AppResult<StatusCode> {
    service::revoke_token(&state.services, &u.actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Signs the caller out of every browser session.
#[utoipa::path(delete, path = "/v1/me/sessions", tag = "members", responses((status = 204), (status = 401, body = Problem)))]
pub async fn end_sessions(State(state): State<AppState>, ApiUser(u): ApiUser) -> AppResult<StatusCode> {
    service::sign_out_everywhere(&state.services, &u.actor).await?;
    Ok(StatusCode::NO_CONTENT)
}
