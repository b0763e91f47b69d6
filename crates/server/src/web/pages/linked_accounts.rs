//! PL-3 on the pages: on their programs page a member links the forum
//! account or feed they import from, is shown the code to place there, has
//! it checked, imports, and unlinks; on an application's page program
//! staff confirm a link the member cannot prove with a code.

use crate::web::path::Path;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::Router;
use guildhall_domain::ids::{LinkedAccountId, ProgramApplicationId};
use serde::Deserialize;

use super::form::{redirect_or_reshow, NoFields};
use super::programs::Linking;
use super::FormErrors;
use crate::app::AppState;
use crate::auth::csrf::CsrfForm;
use crate::error::{AppError, AppResult};
use crate::services::imports::{self, FeedSource};
use crate::services::linked_accounts as service;
use crate::web::ctx::PageCtx;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/programs/linked-accounts", post(add))
        .route("/programs/linked-accounts/{id}/check", post(check))
        .route("/programs/linked-accounts/{id}/delete", post(remove))
        .route("/programs/linked-accounts/{id}/confirm", post(confirm))
        .route("/programs/imports/feed", post(import_feed))
}

/// Back to the accounts on the programs page saying `done`, or the page
/// with the problem in the accounts section (beside the new-link form's
/// field when `handle` is what was typed there).
async fn back(
    state: &AppState,
    ctx: PageCtx,
    r: Result<(), AppError>,
    done: &str,
    handle: Option<&str>,
) -> AppResult<Response> {
    back_about(state, ctx, r, done, handle, None).await
}

/// [`back`] for an action on one listed account: its problem is said in
/// that account's entry.
async fn back_about(
    state: &AppState,
    ctx: PageCtx,
    r: Result<(), AppError>,
    done: &str,
    handle: Option<&str>,
    account: Option<LinkedAccountId>,
) -> AppResult<Response> {
    let to = format!("/programs?account={done}#linked-accounts");
    redirect_or_reshow(ctx, r, &to, async |ctx, errors: FormErrors| {
        let errors = if handle.is_some() { errors.shown_on(&["kind", "handle"]) } else { errors.shown_on(&[]) };
        let linking = Linking { here: true, handle: handle.unwrap_or_default().to_owned(), account };
        super::programs::show_linking(state, ctx, errors, linking).await
    })
    .await
}

#[derive(Deserialize)]
struct AddInput {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    handle: String,
}

async fn add(State(state): State<AppState>, ctx: PageCtx, CsrfForm(f): CsrfForm<AddInput>) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    match service::add(&state.services, &actor, actor.member_id, &f.kind, &f.handle).await {
        Ok((_, created)) => back(&state, ctx, Ok(()), if created { "added" } else { "already" }, None).await,
        Err(e) => back(&state, ctx, Err(e), "", Some(&f.handle)).await,
    }
}

async fn check(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<LinkedAccountId>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let r = service::check(&state.services, &actor, id).await.map(|_| ());
    back_about(&state, ctx, r, "proven", None, Some(id)).await
}

async fn remove(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<LinkedAccountId>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let r = service::remove(&state.services, &actor, id).await;
    back(&state, ctx, r, "removed", None).await
}

#[derive(Deserialize)]
struct ConfirmInput {
    /// The application page the staff member confirmed from.
    #[serde(default)]
    application: String,
}

async fn confirm(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<LinkedAccountId>,
    CsrfForm(f): CsrfForm<ConfirmInput>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let r = service::confirm(&state.services, &actor, id).await.map(|_| ());
    // Sent from the application page, back there; from the board, back to it.
    let Ok(application) = f.application.parse::<ProgramApplicationId>() else {
        r?;
        return Ok(Redirect::to("/programs/pipeline").into_response());
    };
    super::program_application::back_saying(&state, ctx, application, r, "account").await
}

#[derive(Deserialize)]
struct FeedInput {
    #[serde(default)]
    url: String,
}

/// Reads a linked feed now; a feed with problems imports nothing and the
/// page says which entries and why.
async fn import_feed(
    State(state): State<AppState>,
    ctx: PageCtx,
    CsrfForm(f): CsrfForm<FeedInput>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    match imports::feed(&state.services, &actor, actor.member_id, FeedSource::Linked(&f.url), ctx.tr).await {
        Ok(report) if report.problems.is_empty() => {
            let to = format!("/programs?feed=imported&added={}#contributions", report.added);
            Ok(Redirect::to(&to).into_response())
        }
        Ok(report) => {
            let lines: Vec<String> = report
                .problems
                .iter()
                .map(|p| ctx.tr.with("feed-entry-problem", &[("entry", &p.line.to_string()), ("problem", &p.message)]))
                .collect();
            let message = format!("{} {}", ctx.t("feed-not-imported"), lines.join(" "));
            let errors = FormErrors::general(ctx.tr, message, axum::http::StatusCode::UNPROCESSABLE_ENTITY);
            super::programs::show_linking(&state, ctx, errors, Linking { here: true, ..Default::default() }).await
        }
        Err(e) => back(&state, ctx, Err(e), "", None).await,
    }
}
