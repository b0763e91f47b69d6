//! A group over the years, by form (UG-1): its region's managers archive
//! it with a reason or reactivate it; an admin, or someone who manages
//! both regions, moves it to another region. Each answer is the group's
//! page, saying what happened or what stood in the way.

use crate::web::path::Path;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::Router;
use guildhall_domain::ids::RegionId;
use guildhall_domain::values::Slug;
use guildhall_domain::DomainError;
use serde::Deserialize;

use super::form::NoFields;
use super::groups::show_group;
use super::FormErrors;
use crate::app::AppState;
use crate::auth::csrf::CsrfForm;
use crate::error::{AppError, AppResult};
use crate::services::{group_lifecycle as service, groups as group_service};
use crate::web::ctx::PageCtx;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/groups/{slug}/archive", post(archive))
        .route("/groups/{slug}/reactivate", post(reactivate))
        .route("/groups/{slug}/region", post(move_to))
}

/// The group's page after a change: told what happened, or why not.
async fn answer(
    state: &AppState,
    ctx: PageCtx,
    slug: &Slug,
    result: Result<String, AppError>,
    done: &str,
) -> AppResult<Response> {
    match result {
        Ok(slug) => Ok(Redirect::to(&format!("/groups/{slug}?done={done}")).into_response()),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?.shown_on(&["reason", "region_id"]);
            show_group(state, ctx, slug, errors, None).await
        }
    }
}

#[derive(Deserialize)]
struct ArchiveInput {
    #[serde(default)]
    reason: String,
}

async fn archive(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<Slug>,
    CsrfForm(i): CsrfForm<ArchiveInput>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let g = group_service::by_slug(&state.services, &slug).await?;
    let result = service::archive(&state.services, &actor, g.id, &i.reason).await.map(|g| g.profile.slug.to_string());
    answer(&state, ctx, &slug, result, "archived").await
}

async fn reactivate(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<Slug>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let g = group_service::by_slug(&state.services, &slug).await?;
    let result = service::reactivate(&state.services, &actor, g.id).await.map(|g| g.profile.slug.to_string());
    answer(&state, ctx, &slug, result, "reactivated").await
}

#[derive(Deserialize)]
struct MoveInput {
    #[serde(default)]
    region_id: String,
}

async fn move_to(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<Slug>,
    CsrfForm(i): CsrfForm<MoveInput>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let g = group_service::by_slug(&state.services, &slug).await?;
    let result = match i.region_id.parse::<RegionId>() {
        Ok(region) => service::move_to(&state.services, &actor, g.id, region).await.map(|g| g.profile.slug.to_string()),
        Err(_) => Err(DomainError::field("region_id", "region_unknown").into()),
    };
    answer(&state, ctx, &slug, result, "moved").await
}
