//! Session review on the event page (UG-6): the manager requires review,
//! approves or sends back each session against the checklist; speakers
//! download the neutral presentation template.

use crate::web::path::Path;
use axum::extract::State;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use guildhall_domain::ids::{EventId, TalkId};
use guildhall_domain::review::Checklist;
use serde::Deserialize;

use super::events::show_event;
use super::form::redirect_or_reshow;
use crate::app::AppState;
use crate::auth::csrf::CsrfForm;
use crate::error::{AppError, AppResult};
use crate::services::review as service;
use crate::web::api::review::parse_verdict;
use crate::web::ctx::PageCtx;

/// The template every event offers its speakers (a Marp Markdown deck).
const NEUTRAL_TEMPLATE: &str = include_str!("../../../static/neutral-template.md");

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/events/{id}/template", get(template))
        .route("/events/{id}/review-required", post(required))
        .route("/events/{id}/talks/{talk}/review", post(review_talk))
}

/// The id is only checked: a malformed one is a 404 (`web::path::Path`).
async fn template(Path(_event): Path<EventId>) -> AppResult<Response> {
    Ok((
        [
            (CONTENT_TYPE, "text/markdown; charset=utf-8"),
            (CONTENT_DISPOSITION, "attachment; filename=\"neutral-presentation-template.md\""),
        ],
        NEUTRAL_TEMPLATE,
    )
        .into_response())
}

async fn back(state: &AppState, ctx: PageCtx, id: EventId, r: Result<(), AppError>, done: &str) -> AppResult<Response> {
    redirect_or_reshow(ctx, r, &format!("/events/{id}?done={done}#talks"), async |ctx, errors| {
        show_event(state, ctx, id, errors).await
    })
    .await
}

#[derive(Deserialize)]
struct RequiredInput {
    #[serde(default)]
    required: String,
}

async fn required(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<EventId>,
    CsrfForm(f): CsrfForm<RequiredInput>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let required = f.required == "true";
    let r = service::require_for_event(&state.services, &actor, id, required).await;
    back(&state, ctx, id, r, if required { "review_on" } else { "review_off" }).await
}

#[derive(Deserialize)]
struct ReviewInput {
    #[serde(default)]
    verdict: String,
    #[serde(default)]
    neutral_template: Option<String>,
    #[serde(default)]
    no_sales_pitch: Option<String>,
    #[serde(default)]
    no_recruitment: Option<String>,
    #[serde(default)]
    no_brand_promotion: Option<String>,
    #[serde(default)]
    notes: String,
}

async fn review_talk(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path((id, talk)): Path<(EventId, TalkId)>,
    CsrfForm(f): CsrfForm<ReviewInput>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let checklist = Checklist {
        neutral_template: f.neutral_template.is_some(),
        no_sales_pitch: f.no_sales_pitch.is_some(),
        no_recruitment: f.no_recruitment.is_some(),
        no_brand_promotion: f.no_brand_promotion.is_some(),
    };
    let r = match parse_verdict(&f.verdict) {
        Ok(v) => service::review_talk(&state.services, &actor, id, talk, v, &checklist, &f.notes).await.map(|_| ()),
        Err(e) => Err(e.into()),
    };
    back(&state, ctx, id, r, "talk_reviewed").await
}
