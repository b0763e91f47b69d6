//! The security parts of a member's account page: change the password
//! (other sessions end), sign out everywhere, revoke an API token.

use crate::web::path::Path;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::Router;
use axum_extra::extract::cookie::{Cookie, CookieJar};
use guildhall_domain::ids::ApiTokenId;
use serde::Deserialize;

use super::account::render;
use super::FormErrors;
use crate::app::AppState;
use crate::auth::csrf::CsrfForm;
use crate::auth::identity::SESSION_COOKIE;
use crate::error::AppResult;
use crate::services::sessions as service;
use crate::web::ctx::PageCtx;
use crate::web::pages::form::NoFields;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/account/password", post(change_password))
        .route("/account/sessions/end-all", post(sign_out_everywhere))
        .route("/account/tokens/{id}/revoke", post(revoke_token))
        .route("/account/export.json", axum::routing::get(export))
        .route("/account/delete", post(delete_account))
}

#[derive(Deserialize)]
struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
    #[serde(default)]
    revoke_tokens: Option<String>,
}

async fn change_password(
    State(state): State<AppState>,
    jar: CookieJar,
    ctx: PageCtx,
    CsrfForm(f): CsrfForm<PasswordForm>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let current = jar.get(SESSION_COOKIE).map(|c| c.value().to_owned());
    match service::change_password(
        &state.services,
        &actor,
        &f.current_password,
        &f.new_password,
        current.as_deref(),
        f.revoke_tokens.is_some(),
    )
    .await
    {
        Ok(()) => Ok(Redirect::to("/account?password=changed").into_response()),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            render(&state, ctx, errors, None).await
        }
    }
}

async fn sign_out_everywhere(
    State(state): State<AppState>,
    jar: CookieJar,
    ctx: PageCtx,
    CsrfForm(_): CsrfForm<NoFields>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    service::sign_out_everywhere(&state.services, &actor).await?;
    Ok((jar.remove(Cookie::build(SESSION_COOKIE).path("/")), Redirect::to("/signin")).into_response())
}

async fn revoke_token(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<ApiTokenId>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    service::revoke_token(&state.services, &actor, id).await?;
    Ok(Redirect::to("/account#tokens-heading").into_response())
}

/// PL-8: the member downloads everything held about them.
async fn export(State(state): State<AppState>, ctx: PageCtx) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let doc = crate::services::export::member(&state.services, &actor, actor.member_id).await?;
    Ok(crate::web::api::export::download(&doc))
}

#[derive(Deserialize)]
struct DeleteForm {
    #[serde(default)]
    confirm_email: String,
}

/// PL-8: the member deletes their account after typing their address.
async fn delete_account(
    State(state): State<AppState>,
    jar: CookieJar,
    ctx: PageCtx,
    CsrfForm(f): CsrfForm<DeleteForm>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    match crate::services::erasure::delete_own_account(&state.services, &actor, &f.confirm_email).await {
        Ok(()) => {
            Ok((jar.remove(Cookie::build(SESSION_COOKIE).path("/")), Redirect::to("/?account=deleted")).into_response())
        }
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            render(&state, ctx, errors, None).await
        }
    }
}
