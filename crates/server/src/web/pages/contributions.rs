//! One contribution in the pages (PL-2): the member corrects or deletes
//! what they reported; program staff verify or reject a piece of evidence
//! from the application it supports.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use guildhall_domain::contribution::{ContributionFields, ContributionKind, Verification};
use guildhall_domain::ids::ContributionId;
use guildhall_domain::ids::ProgramApplicationId;
use guildhall_domain::DomainError;
use serde::Deserialize;

use super::FormErrors;
use crate::app::AppState;
use crate::auth::csrf::CsrfForm;
use crate::error::{AppError, AppResult};
use crate::services::contributions as service;
use crate::web::ctx::PageCtx;
use crate::web::pages::form::NoFields;
use crate::web::path::Path;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/programs/contributions/{id}/edit", get(edit_page).post(edit))
        .route("/programs/contributions/{id}/delete", post(delete))
        .route("/programs/contributions/{id}/verification", post(judge))
}

#[derive(Template)]
#[template(path = "contribution_edit.html")]
struct EditPage {
    ctx: PageCtx,
    id: String,
    title: String,
    f: ContributionFields,
    kinds: Vec<&'static str>,
    errors: FormErrors,
}

impl EditPage {
    fn kind_key(&self, k: &str) -> String {
        format!("contribution-{k}")
    }
}

async fn show(
    state: &AppState,
    ctx: PageCtx,
    id: ContributionId,
    form: Option<EditInput>,
    errors: FormErrors,
) -> AppResult<Response> {
    let me = ctx.require()?.actor.member_id;
    let (member, c) =
        guildhall_storage::contributions::get(state.services.db.reader(), id).await?.ok_or(DomainError::NotFound)?;
    if member != me {
        return Err(DomainError::NotFound.into());
    }
    guildhall_domain::contribution::check_own_edit(c.contribution.source)?;
    let (title, f) = match form {
        Some(input) => (input.title, input.fields),
        None => (c.title, ContributionFields::of(&c.contribution)),
    };
    let kinds = ContributionKind::ALL.iter().map(|k| k.as_str()).collect();
    let page = EditPage { ctx, id: id.to_string(), title, f, kinds, errors: errors.clone() };
    Ok(errors.respond(page.render()?))
}

async fn edit_page(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<ContributionId>) -> AppResult<Response> {
    let errors = FormErrors::none(ctx.tr);
    show(&state, ctx, id, None, errors).await
}

#[derive(Deserialize)]
struct EditInput {
    #[serde(default)]
    title: String,
    #[serde(flatten)]
    fields: ContributionFields,
}

async fn edit(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<ContributionId>,
    CsrfForm(f): CsrfForm<EditInput>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let r = match f.fields.parse() {
        Ok(c) => service::edit_own(&state.services, &actor, id, &f.title, c).await,
        Err(e) => Err(e.into()),
    };
    match r {
        Ok(()) => Ok(Redirect::to("/programs?contribution=saved#contributions").into_response()),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            show(&state, ctx, id, Some(f), errors).await
        }
    }
}

async fn delete(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<ContributionId>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    service::delete_own(&state.services, &actor, id).await?;
    Ok(Redirect::to("/programs?contribution=deleted#contributions").into_response())
}

#[derive(Deserialize)]
struct VerdictInput {
    #[serde(default)]
    verification: String,
    #[serde(default)]
    reason: String,
    /// The application the evidence was judged on, to go back to.
    #[serde(default)]
    application: String,
}

async fn judge(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<ContributionId>,
    CsrfForm(f): CsrfForm<VerdictInput>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let r: Result<(), AppError> = match Verification::parse(&f.verification) {
        Ok(v) => service::judge(&state.services, &actor, id, v, &f.reason).await,
        Err(e) => Err(e.into()),
    };
    // Sent from the application page, back there; from the board, back to it.
    let Ok(application) = f.application.parse::<ProgramApplicationId>() else {
        r?;
        return Ok(Redirect::to("/programs/pipeline").into_response());
    };
    let done = if f.verification.trim() == "rejected" { "rejected" } else { "verified" };
    super::program_application::back_saying(&state, ctx, application, r, done).await
}
