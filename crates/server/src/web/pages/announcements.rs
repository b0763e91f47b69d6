//! The community team's announcements by page (UG-15): write, see how many
//! it will reach and read it as it will go, then send; the page keeps what
//! went out. A change in the audience between the count and the sending is
//! shown, with the new count, instead of sent.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use guildhall_domain::follow::{Announcement, Audience};
use guildhall_domain::DomainError;
use guildhall_storage::announcements::Sent;
use serde::Deserialize;

use super::FormErrors;
use crate::app::AppState;
use crate::auth::csrf::CsrfForm;
use crate::error::{AppError, AppResult};
use crate::services::announcements::{self as service, Choice, Reach};
use crate::web::ctx::PageCtx;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/announcements", get(page))
        .route("/announcements/preview", post(preview))
        .route("/announcements/edit", post(edit))
        .route("/announcements/send", post(send))
}

/// The form as typed: the audience is `<kind>:<target>`.
#[derive(Deserialize, Default, Clone)]
struct Draft {
    #[serde(default)]
    audience: String,
    #[serde(default)]
    subject: String,
    #[serde(default)]
    body: String,
    /// The count the preview showed.
    #[serde(default)]
    expected: String,
}

impl Draft {
    fn parse(&self) -> Result<Announcement, DomainError> {
        let (kind, target) = self.audience.split_once(':').unwrap_or((self.audience.as_str(), ""));
        Announcement::parse(kind, target, &self.subject, &self.body)
    }
}

fn value_of(a: &Audience) -> String {
    format!("{}:{}", a.kind(), a.target())
}

#[derive(Template)]
#[template(path = "announcements.html")]
struct AnnouncementsPage {
    ctx: PageCtx,
    choices: Vec<Choice>,
    draft: Draft,
    errors: FormErrors,
    sent: Vec<Sent>,
    notice: Option<String>,
}

impl AnnouncementsPage {
    fn value(&self, c: &Choice) -> String {
        value_of(&c.audience)
    }
    fn label(&self, c: &Choice) -> String {
        audience_label(&self.ctx, &c.audience, &c.name)
    }
    fn sent_label(&self, s: &Sent) -> String {
        let name = self.choices.iter().find(|c| c.audience == s.audience).map(|c| c.name.as_str()).unwrap_or("");
        audience_label(&self.ctx, &s.audience, name)
    }
    fn reached(&self, s: &Sent) -> String {
        self.ctx.tr.with("announce-reached", &[("count", &s.recipients.to_string())])
    }
}

fn audience_label(ctx: &PageCtx, a: &Audience, name: &str) -> String {
    match a {
        Audience::RegionLeaders(_) => ctx.tr.with("announce-to-region-leaders", &[("region", name)]),
        Audience::ProgramMembers(p) => {
            let program = ctx.t(&format!("program-{}", p.as_str()));
            ctx.tr.with("announce-to-program-members", &[("program", program.as_str())])
        }
    }
}

#[derive(Template)]
#[template(path = "announcement_preview.html")]
struct PreviewPage {
    ctx: PageCtx,
    draft: Draft,
    audience_name: String,
    reach: Reach,
    errors: FormErrors,
}

impl PreviewPage {
    fn reach_text(&self) -> String {
        self.ctx.tr.with("announce-reach", &[("count", &self.reach.recipients.to_string())])
    }
    fn opted_out_text(&self) -> String {
        self.ctx.tr.with("announce-opted-out", &[("count", &self.reach.opted_out.to_string())])
    }
    fn send_text(&self) -> String {
        self.ctx.tr.with("announce-send", &[("count", &self.reach.recipients.to_string())])
    }
    fn paragraphs(&self) -> Vec<String> {
        let text = self.draft.body.replace("\r\n", "\n");
        text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(str::to_owned).collect()
    }
}

#[derive(Deserialize)]
struct PageQuery {
    /// A link from a region's dashboard preselects its leaders.
    #[serde(default)]
    audience: String,
    #[serde(default)]
    sent: String,
}

/// The audiences the actor may write to; nobody else reaches the page.
async fn choices_for(state: &AppState, ctx: &PageCtx) -> AppResult<Vec<Choice>> {
    let actor = &ctx.require()?.actor;
    let choices = service::choices(&state.services, actor).await?;
    if choices.is_empty() {
        return Err(DomainError::Forbidden.into());
    }
    Ok(choices)
}

async fn form_page(state: &AppState, ctx: PageCtx, draft: Draft, errors: FormErrors) -> AppResult<Response> {
    let choices = choices_for(state, &ctx).await?;
    let sent = service::recent(&state.services, &ctx.require()?.actor).await?;
    let html = AnnouncementsPage { ctx, choices, draft, errors: errors.clone(), sent, notice: None }.render()?;
    Ok(errors.respond(html))
}

async fn page(State(state): State<AppState>, ctx: PageCtx, Query(q): Query<PageQuery>) -> AppResult<Response> {
    let choices = choices_for(&state, &ctx).await?;
    let sent = service::recent(&state.services, &ctx.require()?.actor).await?;
    let notice = q.sent.parse::<usize>().ok().map(|n| ctx.tr.with("announce-sent", &[("count", &n.to_string())]));
    let draft = Draft { audience: q.audience, ..Draft::default() };
    let errors = FormErrors::none(ctx.tr);
    Ok(Html(AnnouncementsPage { ctx, choices, draft, errors, sent, notice }.render()?).into_response())
}

async fn show_preview(state: &AppState, ctx: PageCtx, draft: Draft, errors: FormErrors) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let a = match draft.parse() {
        Ok(a) => a,
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e.into())?;
            return form_page(state, ctx, draft, errors).await;
        }
    };
    let choices = choices_for(state, &ctx).await?;
    let name = choices.iter().find(|c| c.audience == a.audience).map(|c| c.name.clone()).unwrap_or_default();
    let reach = service::reach(&state.services, &actor, a.audience).await?;
    let audience_name = audience_label(&ctx, &a.audience, &name);
    let draft = Draft { expected: reach.recipients.to_string(), ..draft };
    let html = PreviewPage { ctx, draft, audience_name, reach, errors: errors.clone() }.render()?;
    Ok(errors.respond(html))
}

/// Step one: the count and the message as it will read.
async fn preview(State(state): State<AppState>, ctx: PageCtx, CsrfForm(draft): CsrfForm<Draft>) -> AppResult<Response> {
    let errors = FormErrors::none(ctx.tr);
    show_preview(&state, ctx, draft, errors).await
}

/// "Change": back to the form with what was written.
async fn edit(State(state): State<AppState>, ctx: PageCtx, CsrfForm(draft): CsrfForm<Draft>) -> AppResult<Response> {
    let errors = FormErrors::none(ctx.tr);
    form_page(&state, ctx, draft, errors).await
}

/// Step two: send to the people counted, or show the new count.
async fn send(State(state): State<AppState>, ctx: PageCtx, CsrfForm(draft): CsrfForm<Draft>) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let a = match draft.parse() {
        Ok(a) => a,
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e.into())?;
            return form_page(&state, ctx, draft, errors).await;
        }
    };
    let expected = draft.expected.trim().parse::<usize>().ok();
    match service::send(&state.services, &actor, &a, expected).await {
        Ok(n) => Ok(Redirect::to(&format!("/announcements?sent={n}")).into_response()),
        Err(AppError::Domain(e @ DomainError::AudienceChanged { .. })) => {
            let errors = FormErrors::from_error(ctx.tr, e.into())?;
            show_preview(&state, ctx, draft, errors).await
        }
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?.shown_on(&["audience", "subject", "body"]);
            form_page(&state, ctx, draft, errors).await
        }
    }
}
