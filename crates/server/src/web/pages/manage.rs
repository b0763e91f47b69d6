//! The community hub and the manager's region dashboard (UG-12): the
//! region's groups drawn at a glance with their health (UG-10), every open
//! task newest first, and the expense totals (UG-13).

use crate::web::path::Path;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use chrono::{Datelike, Utc};
use guildhall_domain::access::{authorize, Action, Role};
use guildhall_domain::health::Health;
use guildhall_domain::ids::RegionId;
use guildhall_domain::DomainError;
use guildhall_storage::expenses::Total;
use guildhall_storage::groups::{self, Group};
use guildhall_storage::regions::{self, Region};
use serde::Deserialize;

use super::charts::{self, RegionRow};
use crate::app::AppState;
use crate::error::AppResult;
use crate::services::dashboard::{self, Task};
use crate::services::expenses::{self as expense_service, amount};
use crate::services::health as health_service;
use crate::web::ctx::PageCtx;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/community", get(hub))
        // The hub lists a manager's regions: the bare addresses lead there.
        .route("/manage", get(|| async { Redirect::to("/community") }))
        .route("/manage/regions", get(|| async { Redirect::to("/community") }))
        .route("/manage/regions/{id}", get(region_dashboard))
        .route("/manage/regions/{id}/expenses", get(expenses))
        .route("/manage/regions/{id}/expenses.csv", get(expenses_csv))
}

#[derive(Template)]
#[template(path = "community.html")]
struct HubPage {
    ctx: PageCtx,
    managed: Vec<Region>,
    led: Vec<Group>,
    reviews_speakers: bool,
    handles_reports: bool,
    staff: bool,
    /// CH-6: the program applications staff named the actor to interview.
    interviews: Vec<guildhall_storage::programs::Application>,
    /// UG-15: the actor may write to some region's leaders or a program's members.
    announces: bool,
}

impl HubPage {
    fn program_key(&self, a: &guildhall_storage::programs::Application) -> String {
        format!("program-{}", a.program.as_str())
    }
    fn stage_key(&self, a: &guildhall_storage::programs::Application) -> String {
        format!("stage-{}", a.stage.as_str())
    }
}

async fn hub(State(state): State<AppState>, ctx: PageCtx) -> AppResult<Html<String>> {
    let actor = ctx.require()?.actor.clone();
    let managed: Vec<Region> = regions::list(state.services.db.reader())
        .await?
        .into_iter()
        .filter(|r| authorize(&actor, Action::ViewRegion(r.id)).is_ok())
        .collect();
    let led = groups::led_by(state.services.db.reader(), actor.member_id).await?;
    let reviews_speakers = crate::services::speakers::reviews_speakers(&actor);
    let handles_reports = !led.is_empty() || !managed.is_empty() || actor.roles.contains(&Role::ProgramStaff);
    let staff = authorize(&actor, Action::DecideProgramApplications).is_ok();
    let interviews = crate::services::program_interviews::assigned_to_me(&state.services, &actor).await?;
    let announces = staff || !managed.is_empty() || actor.is_admin();
    Ok(Html(HubPage { ctx, managed, led, reviews_speakers, handles_reports, staff, interviews, announces }.render()?))
}

#[derive(Template)]
#[template(path = "manage_region.html")]
struct RegionPage {
    ctx: PageCtx,
    region: Region,
    rows: Vec<(Group, Health)>,
    overview_svg: String,
    tasks: Vec<Task>,
    year: i32,
}

impl RegionPage {
    fn task_key(&self, t: &Task) -> String {
        format!("task-{}", t.kind)
    }
    /// The translated stage of a task that has one.
    fn state_text(&self, t: &Task) -> Option<String> {
        let prefix = match t.kind {
            "leader_application" => "lead-status",
            "conduct_report" => "conduct-status",
            _ => return None,
        };
        t.state.map(|s| self.ctx.t(&format!("{prefix}-{s}")))
    }
    fn status_key(&self, g: &Group) -> String {
        format!("health-status-{}", g.status.as_str())
    }
    fn trend_key(&self, h: &Health) -> String {
        format!("health-trend-{}", h.trend.as_str())
    }
}

async fn managed_region(state: &AppState, ctx: &PageCtx, id: RegionId) -> AppResult<Region> {
    let actor = &ctx.require()?.actor;
    authorize(actor, Action::ViewRegion(id))?;
    Ok(regions::get(state.services.db.reader(), id).await?.ok_or(DomainError::NotFound)?)
}

async fn region_dashboard(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<RegionId>,
) -> AppResult<Html<String>> {
    let region = managed_region(&state, &ctx, id).await?;
    let actor = ctx.require()?.actor.clone();
    let now = Utc::now();
    let rows = health_service::of_region(&state.services, &actor, region.id, now).await?;
    let chart_rows: Vec<RegionRow> = rows
        .iter()
        .map(|(g, h)| RegionRow { name: g.profile.name.as_str(), health: h, needs_support: h.needs_support })
        .collect();
    let label = ctx.tr.with("manage-overview-label", &[("region", region.name.as_str())]);
    let overview_svg = charts::region_overview(&chart_rows, ctx.tr, &label);
    let tasks = dashboard::tasks(&state.services, &actor, region.id).await?;
    Ok(Html(RegionPage { ctx, region, rows, overview_svg, tasks, year: now.year() }.render()?))
}

#[derive(Deserialize)]
struct YearQuery {
    year: Option<i32>,
}

#[derive(Template)]
#[template(path = "manage_expenses.html")]
struct ExpensesPage {
    ctx: PageCtx,
    region: Region,
    year: i32,
    totals: Vec<Total>,
}

impl ExpensesPage {
    fn money(&self, minor: i64, currency: &str) -> String {
        format!("{} {currency}", amount(minor, currency))
    }
    fn total(&self, t: &Total) -> String {
        self.money(t.venue + t.catering + t.other, &t.currency)
    }
}

async fn expenses(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<RegionId>,
    Query(q): Query<YearQuery>,
) -> AppResult<Html<String>> {
    let region = managed_region(&state, &ctx, id).await?;
    let year = q.year.unwrap_or_else(|| Utc::now().year());
    let actor = ctx.require()?.actor.clone();
    let totals = expense_service::totals(&state.services, &actor, Some(region.id), year).await?;
    Ok(Html(ExpensesPage { ctx, region, year, totals }.render()?))
}

async fn expenses_csv(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<RegionId>,
    Query(q): Query<YearQuery>,
) -> AppResult<Response> {
    let region = managed_region(&state, &ctx, id).await?;
    let year = q.year.unwrap_or_else(|| Utc::now().year());
    let actor = ctx.require()?.actor.clone();
    let totals = expense_service::totals(&state.services, &actor, Some(region.id), year).await?;
    let csv = expense_service::totals_csv(year, &totals)?;
    Ok((
        [
            (CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (CONTENT_DISPOSITION, format!("attachment; filename=\"expenses-{year}.csv\"")),
        ],
        csv,
    )
        .into_response())
}
