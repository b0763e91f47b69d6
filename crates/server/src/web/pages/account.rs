//! A member's own account: profile, language, time zone and API tokens.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use guildhall_domain::values::Locale;
use guildhall_storage::tokens::{self, ApiToken};
use serde::Deserialize;

use super::FormErrors;
use crate::app::AppState;
use crate::auth::csrf::CsrfForm;
use crate::error::AppResult;
use crate::services::accounts::{self, ProfileChange};
use crate::services::calendar_feeds::{self, FeedAddress};
use crate::services::tokens as token_service;
use crate::web::ctx::PageCtx;

pub fn router() -> Router<AppState> {
    Router::new().route("/account", get(page).post(save)).route("/account/tokens", post(create_token))
}

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    ctx: PageCtx,
    errors: FormErrors,
    name: String,
    email: String,
    locale: String,
    time_zone: String,
    locales: Vec<(&'static str, &'static str)>,
    tokens: Vec<ApiToken>,
    new_token: Option<String>,
    /// Shown after the password was changed.
    password_changed: bool,
    /// Just confirmed the address, or just saved the profile: said on top.
    verified: bool,
    saved: bool,
    /// UG-17: the private calendar address, once made, and what was
    /// just done to it (`made`, `replaced`, `off`, `was_off`).
    calendar: Option<FeedAddress>,
    calendar_done: Option<&'static str>,
}

pub(super) async fn render(
    state: &AppState,
    ctx: PageCtx,
    errors: FormErrors,
    new_token: Option<String>,
) -> AppResult<Response> {
    let me = ctx.require()?.member.clone();
    let list = tokens::list(state.services.db.reader(), me.id).await?;
    let calendar = calendar_feeds::existing(&state.services, &ctx.require()?.actor).await?;
    let calendar_done = match ctx.query_value("calendar").as_deref() {
        Some("made") => Some("account-calendar-made"),
        Some("replaced") => Some("account-calendar-replaced"),
        Some("off") => Some("account-calendar-turned-off"),
        Some("was_off") => Some("account-calendar-was-off"),
        _ => None,
    };
    let status = if errors.any() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    let page = AccountPage {
        errors,
        name: me.name.to_string(),
        email: me.email.to_string(),
        locale: me.locale.code().into(),
        time_zone: me.time_zone.name().into(),
        locales: Locale::ALL.iter().map(|l| (l.code(), l.native_name())).collect(),
        tokens: list,
        new_token,
        password_changed: ctx.query_flag("password", "changed"),
        verified: ctx.query_flag("verified", "1"),
        saved: ctx.query_flag("saved", "1"),
        calendar,
        calendar_done,
        ctx,
    };
    Ok((status, Html(page.render()?)).into_response())
}

async fn page(State(state): State<AppState>, ctx: PageCtx) -> AppResult<Response> {
    let errors = FormErrors::none(ctx.tr);
    render(&state, ctx, errors, None).await
}

#[derive(Deserialize)]
struct ProfileForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    locale: String,
    #[serde(default)]
    time_zone: String,
}

async fn save(
    State(state): State<AppState>,
    ctx: PageCtx,
    CsrfForm(form): CsrfForm<ProfileForm>,
) -> AppResult<Response> {
    let me = ctx.require()?.clone();
    let result = match ProfileChange::parse(&form.name, &form.locale, &form.time_zone) {
        Ok(change) => accounts::update_profile(&state.services, &me.actor, me.member.id, change).await,
        Err(e) => Err(e.into()),
    };
    match result {
        Ok(()) => Ok(Redirect::to("/account?saved=1").into_response()),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            render(&state, ctx, errors, None).await
        }
    }
}

#[derive(Deserialize)]
struct TokenForm {
    #[serde(default)]
    name: String,
}

async fn create_token(
    State(state): State<AppState>,
    ctx: PageCtx,
    CsrfForm(form): CsrfForm<TokenForm>,
) -> AppResult<Response> {
    let me = ctx.require()?.clone();
    match token_service::create_api_token(&state.services, &me.actor, me.member.id, &form.name).await {
        Ok(secret) => {
            let errors = FormErrors::none(ctx.tr);
            render(&state, ctx, errors, Some(secret)).await
        }
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            render(&state, ctx, errors, None).await
        }
    }
}
