//! PL-3 on the pages: a member starts importing their accepted answers
//! from the forum and watches it run (the page refreshes itself while the
//! import runs; no script needed).

use crate::web::path::Path;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use guildhall_domain::ids::ImportRunId;
use guildhall_storage::import_runs::ImportRun;
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::csrf::CsrfForm;
use crate::error::AppResult;
use crate::services::forum_import as service;
use crate::web::ctx::PageCtx;

pub fn router() -> Router<AppState> {
    Router::new().route("/programs/imports/discourse", post(start)).route("/programs/imports/{id}", get(progress))
}

#[derive(Deserialize)]
struct StartInput {
    #[serde(default)]
    username: String,
}

async fn start(State(state): State<AppState>, ctx: PageCtx, CsrfForm(f): CsrfForm<StartInput>) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    match service::start(&state.services, &actor, actor.member_id, &f.username).await {
        Ok(id) => Ok(Redirect::to(&format!("/programs/imports/{id}")).into_response()),
        // The programs page says the problem on top: the button that
        // started the import has no field of its own.
        Err(e) => {
            let errors = super::FormErrors::from_error(ctx.tr, e)?.shown_on(&[]);
            super::programs::show(&state, ctx, errors).await
        }
    }
}

#[derive(Template)]
#[template(path = "import_run.html")]
struct ProgressPage {
    ctx: PageCtx,
    run: ImportRun,
}

impl ProgressPage {
    fn running(&self) -> bool {
        self.run.status == "running"
    }
    fn status_key(&self) -> String {
        format!("import-status-{}", self.run.status)
    }
}

async fn progress(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<ImportRunId>) -> AppResult<Html<String>> {
    let actor = ctx.require()?.actor.clone();
    let run = service::run(&state.services, &actor, id).await?;
    Ok(Html(ProgressPage { ctx, run }.render()?))
}
