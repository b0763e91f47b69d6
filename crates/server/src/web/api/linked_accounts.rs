//! PL-3 over the API: a member links the forum account and feeds they
//! import from, places the code they are given, and has it checked;
//! program staff may confirm a link instead. Imports read proven links only.

use crate::web::path::Path;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use guildhall_domain::ids::{LinkedAccountId, MemberId};
use guildhall_domain::linked_account::LinkedAccount;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ApiJson, Problem};
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::error::AppResult;
use crate::services::linked_accounts as service;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, add))
        .routes(routes!(check))
        .routes(routes!(confirm))
        .routes(routes!(remove))
}

/// A forum account or feed a member linked, and whether it is proven.
#[derive(Serialize, ToSchema)]
pub struct LinkedAccountBody {
    id: String,
    member_id: String,
    /// `discourse` (a forum user name) or `feed` (a feed's address).
    kind: &'static str,
    handle: String,
    /// `waiting` for its proof, or `proven`.
    status: &'static str,
    /// The code to place in the forum profile's "About me" or in the feed.
    code: String,
    /// How it was proven: `code` or `staff`.
    proof: Option<&'static str>,
    proven_at: Option<String>,
}

impl From<&LinkedAccount> for LinkedAccountBody {
    fn from(l: &LinkedAccount) -> Self {
        Self {
            id: l.id.to_string(),
            member_id: l.member.to_string(),
            kind: l.kind.as_str(),
            handle: l.handle.as_str().to_owned(),
            status: if l.is_proven() { "proven" } else { "waiting" },
            code: l.code.as_str().to_owned(),
            proof: l.proven.map(|(how, _)| how.as_str()),
            proven_at: l.proven.map(|(_, at)| at.to_rfc3339()),
        }
    }
}

/// PL-3: a member's linked accounts (the member themself or program staff).
#[utoipa::path(get, path = "/v1/members/{id}/linked-accounts", tag = "programs", params(("id" = String, Path)),
    responses((status = 200, body = [LinkedAccountBody]), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<MemberId>,
) -> AppResult<Json<Vec<LinkedAccountBody>>> {
    let links = service::list(&state.services, &u.actor, id).await?;
    Ok(Json(links.iter().map(LinkedAccountBody::from).collect()))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewLinkBody {
    /// `discourse` or `feed`.
    #[serde(default)]
    kind: String,
    /// The forum user name, or the feed's address.
    #[serde(default)]
    handle: String,
}

/// PL-3: starts a link and answers with the code to place (201; 200 with
/// the same code when the member already asked for this account). 409
/// `account_linked_elsewhere` when another member proved it.
#[utoipa::path(post, path = "/v1/members/{id}/linked-accounts", tag = "programs", params(("id" = String, Path)),
    request_body = NewLinkBody,
    responses((status = 201, body = LinkedAccountBody), (status = 200, body = LinkedAccountBody), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn add(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<MemberId>,
    ApiJson(b): ApiJson<NewLinkBody>,
) -> AppResult<(StatusCode, Json<LinkedAccountBody>)> {
    let (link, created) = service::add(&state.services, &u.actor, id, &b.kind, &b.handle).await?;
    let status = if created { StatusCode::CREATED } else { StatusCode::OK };
    Ok((status, Json(LinkedAccountBody::from(&link))))
}

/// PL-3: looks for the code in the forum profile or the feed now; 409
/// `proof_not_found` while it is not there, 422 when the account cannot be
/// read (the problem says why).
#[utoipa::path(post, path = "/v1/linked-accounts/{id}/check", tag = "programs", params(("id" = String, Path)),
    responses((status = 200, body = LinkedAccountBody), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn check(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<LinkedAccountId>,
) -> AppResult<Json<LinkedAccountBody>> {
    Ok(Json(LinkedAccountBody::from(&service::check(&state.services, &u.actor, id).await?)))
}

/// PL-3: program staff confirm a link they verified another way.
#[utoipa::path(post, path = "/v1/linked-accounts/{id}/confirm", tag = "programs", params(("id" = String, Path)),
    responses((status = 200, body = LinkedAccountBody), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)))]
pub async fn confirm(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<LinkedAccountId>,
) -> AppResult<Json<LinkedAccountBody>> {
    Ok(Json(LinkedAccountBody::from(&service::confirm(&state.services, &u.actor, id).await?)))
}

/// PL-3: unlinks the account; contributions imported through it stay.
#[utoipa::path(delete, path = "/v1/linked-accounts/{id}", tag = "programs", params(("id" = String, Path)),
    responses((status = 204), (status = 404, body = Problem)))]
pub async fn remove(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<LinkedAccountId>,
) -> AppResult<StatusCode> {
    service::remove(&state.services, &u.actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
