//! The code of conduct, reporting an incident, and the reports' pages for
//! those who handle them (UG-8). The reporter's identity appears nowhere.

use super::ClientIp;
use crate::web::path::Path;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use guildhall_domain::conduct::{ReportFields, ReportStatus, UNACCEPTED_BEHAVIOUR};
use guildhall_domain::ids::{EventId, ReportId};
use guildhall_domain::values::Slug;
use guildhall_domain::DomainError;
use guildhall_storage::conduct_reports::{Note, Report};
use guildhall_storage::groups::Group;
use serde::Deserialize;

use super::FormErrors;
use crate::app::AppState;
use crate::auth::csrf::CsrfForm;
use crate::error::AppResult;
use crate::services::conduct as service;
use crate::services::groups as group_service;
use crate::web::ctx::PageCtx;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/code-of-conduct", get(code_of_conduct))
        .route("/groups/{slug}/report", get(report_form).post(file_report))
        .route("/reports", get(reports))
        .route("/reports/{id}", get(report_page))
        .route("/reports/{id}/notes", post(add_note))
}

#[derive(Template)]
#[template(path = "conduct.html")]
struct ConductPage {
    ctx: PageCtx,
    behaviour: Vec<&'static str>,
}

impl ConductPage {
    fn title_key(&self, b: &str) -> String {
        format!("conduct-{b}")
    }
    fn text_key(&self, b: &str) -> String {
        format!("conduct-{b}-text")
    }
}

async fn code_of_conduct(ctx: PageCtx) -> AppResult<Html<String>> {
    Ok(Html(ConductPage { ctx, behaviour: UNACCEPTED_BEHAVIOUR.to_vec() }.render()?))
}

#[derive(Template)]
#[template(path = "report_form.html")]
struct ReportForm {
    ctx: PageCtx,
    group: Group,
    event: String,
    f: ReportInput,
    errors: FormErrors,
    done: bool,
}

#[derive(Deserialize, Default, Clone)]
struct ReportInput {
    #[serde(default)]
    description: String,
    #[serde(default)]
    concerns_leader: Option<String>,
    #[serde(default)]
    email: String,
    #[serde(default)]
    event: String,
}

#[derive(Deserialize, Default)]
struct EventQuery {
    #[serde(default)]
    event: String,
}

async fn report_form(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<Slug>,
    Query(q): Query<EventQuery>,
) -> AppResult<Html<String>> {
    let group = group_service::by_slug(&state.services, &slug).await?;
    // Signed-in members may leave their address to be told; they can clear it.
    let email = ctx.user.as_ref().map(|u| u.member.email.to_string()).unwrap_or_default();
    let errors = FormErrors::none(ctx.tr);
    let f = ReportInput { email, event: q.event.clone(), ..Default::default() };
    Ok(Html(ReportForm { ctx, group, event: q.event, f, errors, done: false }.render()?))
}

async fn file_report(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<Slug>,
    ClientIp(client): ClientIp,
    CsrfForm(f): CsrfForm<ReportInput>,
) -> AppResult<Response> {
    let group = group_service::by_slug(&state.services, &slug).await?;
    let event = match f.event.trim() {
        "" => None,
        raw => Some(raw.parse::<EventId>().map_err(|_| DomainError::field("event_id", "event_unknown"))?),
    };
    let fields = ReportFields {
        description: f.description.clone(),
        concerns_leader: f.concerns_leader.is_some(),
        email: f.email.clone(),
    };
    match service::report(&state.services, &group, event, &fields, ctx.tr.locale(), &client).await {
        Ok(_) => {
            let errors = FormErrors::none(ctx.tr);
            let event = f.event.clone();
            Ok(Html(ReportForm { ctx, group, event, f: ReportInput::default(), errors, done: true }.render()?)
                .into_response())
        }
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            let event = f.event.clone();
            Ok(errors.respond(ReportForm { ctx, group, event, f, errors: errors.clone(), done: false }.render()?))
        }
    }
}

#[derive(Template)]
#[template(path = "reports.html")]
struct ReportsPage {
    ctx: PageCtx,
    reports: Vec<Report>,
    /// UG-8: open reports that arrived during a flood, to review.
    held: usize,
    /// `open` or `closed` when the list is narrowed.
    filter: String,
    /// The next page's address, while older reports follow.
    pager: crate::web::paging::Pager,
}

impl ReportsPage {
    fn held_text(&self) -> String {
        self.ctx.tr.with("conduct-held-text", &[("count", self.held.to_string().as_str())])
    }
    fn status_key(&self, r: &Report) -> String {
        format!("conduct-status-{}", r.status.as_str())
    }
}

#[derive(Deserialize)]
struct ReportsQuery {
    /// `open`, `closed` or empty for all.
    #[serde(default)]
    state: String,
    cursor: Option<String>,
}

/// Reports per page of the circle's list.
const REPORTS_PAGE: usize = 50;

async fn reports(
    State(state): State<AppState>,
    ctx: PageCtx,
    axum::extract::Query(q): axum::extract::Query<ReportsQuery>,
) -> AppResult<Html<String>> {
    let actor = ctx.require()?.actor.clone();
    let after = crate::web::paging::PageQuery { limit: None, cursor: q.cursor.clone() }.after()?;
    let open = match q.state.as_str() {
        "open" => Some(true),
        "closed" => Some(false),
        _ => None,
    };
    let page = service::visible_page(&state.services, &actor, open, REPORTS_PAGE, after.as_ref()).await?;
    // Held reports wait for the circle wherever they are in the list.
    let held =
        service::visible(&state.services, &actor).await?.iter().filter(|r| r.held && !r.status.is_closed()).count();
    let pager = crate::web::paging::Pager::new(&ctx.path, after.as_ref(), page.next.as_ref(), "conduct-older");
    let filter = if open.is_some() { q.state } else { String::new() };
    Ok(Html(ReportsPage { ctx, reports: page.items, held, filter, pager }.render()?))
}

#[derive(Template)]
#[template(path = "report.html")]
struct ReportPage {
    ctx: PageCtx,
    report: Report,
    notes: Vec<Note>,
    statuses: Vec<&'static str>,
    errors: FormErrors,
}

impl ReportPage {
    fn status_key(&self, s: &str) -> String {
        format!("conduct-status-{s}")
    }
    fn paragraphs(&self) -> Vec<&str> {
        self.report.description.split("\n\n").collect()
    }
}

async fn show(state: &AppState, ctx: PageCtx, id: ReportId, errors: FormErrors) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let (report, notes) = service::get(&state.services, &actor, id).await?;
    let statuses = ReportStatus::ALL.iter().map(|s| s.as_str()).collect();
    Ok(errors.respond(ReportPage { ctx, report, notes, statuses, errors: errors.clone() }.render()?))
}

async fn report_page(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<ReportId>) -> AppResult<Response> {
    let errors = FormErrors::none(ctx.tr);
    show(&state, ctx, id, errors).await
}

#[derive(Deserialize)]
struct NoteInput {
    #[serde(default)]
    status: String,
    #[serde(default)]
    note: String,
}

async fn add_note(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<ReportId>,
    CsrfForm(f): CsrfForm<NoteInput>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let result = match ReportStatus::parse(&f.status) {
        Ok(to) => service::add_note(&state.services, &actor, id, to, &f.note).await.map(|_| ()),
        Err(e) => Err(e.into()),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/reports/{id}")).into_response()),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?.shown_on(&["note"]);
            show(&state, ctx, id, errors).await
        }
    }
}
