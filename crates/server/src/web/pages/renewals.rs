//! CH-7 for program staff: start (or resume) the year's renewal, watch it
//! run, and keep or end, with a reason, each title not renewed by itself.

use crate::web::path::Path;
use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use chrono::Datelike;
use guildhall_domain::ids::{MembershipId, RenewalRunId};
use guildhall_domain::program::Program;
use guildhall_storage::renewals::Decision;
use serde::Deserialize;

use super::form::redirect_or_reshow;
use super::FormErrors;
use crate::app::AppState;
use crate::auth::csrf::CsrfForm;
use crate::error::{AppError, AppResult};
use crate::services::renewals::{self as service, Progress};
use crate::web::ctx::PageCtx;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/programs/renewals", get(list).post(start))
        .route("/programs/renewals/{id}", get(page))
        .route("/programs/renewals/{id}/decisions/{membership}", post(settle))
}

#[derive(Template)]
#[template(path = "renewals.html")]
struct ListPage {
    ctx: PageCtx,
    runs: Vec<Progress>,
    year: i32,
    errors: FormErrors,
}

async fn show_list(state: &AppState, ctx: PageCtx, errors: FormErrors) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let runs = service::recent(&state.services, &actor).await?;
    let year = chrono::Utc::now().year();
    Ok(errors.respond(ListPage { ctx, runs, year, errors: errors.clone() }.render()?))
}

async fn list(State(state): State<AppState>, ctx: PageCtx) -> AppResult<Response> {
    let errors = FormErrors::none(ctx.tr);
    show_list(&state, ctx, errors).await
}

#[derive(Deserialize)]
struct StartInput {
    #[serde(default)]
    program: String,
    #[serde(default)]
    year: String,
}

async fn start(State(state): State<AppState>, ctx: PageCtx, CsrfForm(f): CsrfForm<StartInput>) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let r = async {
        let program = Program::parse(&f.program)?;
        let year: i64 = f
            .year
            .trim()
            .parse()
            .ok()
            .filter(|y| (2000..=2100).contains(y))
            .ok_or(guildhall_domain::DomainError::field("year", "year_invalid"))?;
        service::start(&state.services, &actor, program, year).await
    }
    .await;
    match r {
        Ok(id) => Ok(Redirect::to(&format!("/programs/renewals/{id}")).into_response()),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?.shown_on(&["year"]);
            show_list(&state, ctx, errors).await
        }
    }
}

#[derive(Template)]
#[template(path = "renewal.html")]
struct RunPage {
    ctx: PageCtx,
    run: Progress,
    decisions: Vec<Decision>,
    errors: FormErrors,
}

impl RunPage {
    fn percent(&self) -> i64 {
        if self.run.total == 0 {
            100
        } else {
            self.run.decided * 100 / self.run.total
        }
    }
    fn outcome_key(&self, d: &Decision) -> String {
        format!("renewal-outcome-{}", d.outcome)
    }
    fn waiting(&self, d: &Decision) -> bool {
        d.outcome == "to_evaluate"
    }
    fn program_key(&self) -> String {
        format!("program-{}", self.run.program)
    }
    /// PL-13: ending a title asks first and says what follows.
    fn end_confirm(&self, d: &Decision) -> String {
        let program = self.ctx.t(&self.program_key());
        self.ctx.tr.with("renewals-end-confirm", &[("name", &d.member_name), ("program", &program)])
    }
}

async fn show(state: &AppState, ctx: PageCtx, id: RenewalRunId, errors: FormErrors) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let (run, decisions) = service::show(&state.services, &actor, id).await?;
    Ok(errors.respond(RunPage { ctx, run, decisions, errors: errors.clone() }.render()?))
}

async fn page(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<RenewalRunId>) -> AppResult<Response> {
    let errors = FormErrors::none(ctx.tr);
    show(&state, ctx, id, errors).await
}

#[derive(Deserialize)]
struct SettleInput {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    reason: String,
}

async fn settle(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path((id, membership)): Path<(RenewalRunId, MembershipId)>,
    CsrfForm(f): CsrfForm<SettleInput>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let r: Result<(), AppError> =
        service::settle(&state.services, &actor, id, membership, f.decision == "keep", &f.reason).await;
    redirect_or_reshow(ctx, r, &format!("/programs/renewals/{id}"), async |ctx, errors| {
        show(&state, ctx, id, errors).await
    })
    .await
}
