//! UG-17: the member's private calendar feed on the account page: make
//! its address, replace it (the old one stops working) or turn it off.

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::Router;

use crate::app::AppState;
use crate::auth::csrf::CsrfForm;
use crate::error::AppResult;
use crate::services::calendar_feeds as service;
use crate::web::ctx::PageCtx;
use crate::web::pages::form::NoFields;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/account/calendar", post(make))
        .route("/account/calendar/replace", post(replace))
        .route("/account/calendar/off", post(turn_off))
}

/// Where the account page says what happened, at its calendar section.
fn told(outcome: &str) -> Response {
    Redirect::to(&format!("/account?calendar={outcome}#calendar-heading")).into_response()
}

async fn make(State(state): State<AppState>, ctx: PageCtx, CsrfForm(_): CsrfForm<NoFields>) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    service::address(&state.services, &actor).await?;
    Ok(told("made"))
}

async fn replace(State(state): State<AppState>, ctx: PageCtx, CsrfForm(_): CsrfForm<NoFields>) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    service::replace(&state.services, &actor).await?;
    Ok(told("replaced"))
}

async fn turn_off(State(state): State<AppState>, ctx: PageCtx, CsrfForm(_): CsrfForm<NoFields>) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let was = service::turn_off(&state.services, &actor).await?;
    Ok(told(if was { "off" } else { "was_off" }))
}
