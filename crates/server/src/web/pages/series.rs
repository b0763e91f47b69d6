//! UG-16: series pages. Leaders write the rule in words a person uses
//! ("the second Wednesday of each month at 18:30"), see the dates it gives
//! before creating anything, publish every date at once and edit the rest
//! of the run; members register for every date with one button and leave
//! it again.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use guildhall_domain::access::{authorize, Action};
use guildhall_domain::event::EventStatus;
use guildhall_domain::ids::SeriesId;
use guildhall_domain::series::{weekday_codes, Cadence, Recurrence, RecurrenceFields, SeriesEnd};
use guildhall_domain::values::Slug;
use guildhall_storage::events::Event;
use guildhall_storage::groups::Group;
use guildhall_storage::venues::{self, Venue};
use serde::Deserialize;

use super::views::when_text;
use super::FormErrors;
use crate::app::AppState;
use crate::auth::csrf::CsrfForm;
use crate::error::{AppError, AppResult};
use crate::i18n::Tr;
use crate::services::groups as group_service;
use crate::services::series::{self as service, Planning, SeriesInput, SeriesView};
use crate::web::ctx::PageCtx;
use crate::web::path::Path;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/groups/{slug}/series/new", get(new_form))
        .route("/groups/{slug}/series", post(create))
        .route("/series/{id}", get(page))
        .route("/series/{id}/edit", get(edit_form).post(edit))
        .route("/series/{id}/publish", post(publish))
        .route("/series/{id}/join", post(join))
        .route("/series/{id}/leave", post(leave))
        .route("/series/{id}/cancel", post(cancel))
}

/// The rule in words: "Every Wednesday, 18:30–20:30" (PL-9).
pub fn rule_text(tr: Tr, r: &Recurrence) -> String {
    let day = guildhall_domain::series::weekday_code(r.weekday);
    let weekday = tr.t(&format!("weekday-{day}"));
    let (starts, ends) = (r.starts.format("%H:%M").to_string(), r.ends.format("%H:%M").to_string());
    let when = match r.cadence {
        Cadence::Weekly { interval } => {
            tr.with("series-rule-weekly", &[("interval", &interval.to_string()), ("weekday", &weekday), ("day", day)])
        }
        Cadence::Monthly { nth } => {
            tr.with("series-rule-monthly", &[("nth", &nth.to_string()), ("weekday", &weekday), ("day", day)])
        }
    };
    let until = match r.end {
        SeriesEnd::After(n) => tr.with("series-rule-count", &[("count", &n.to_string())]),
        SeriesEnd::Until(d) => tr.with("series-rule-until", &[("until", &d.to_string())]),
    };
    tr.with("series-rule", &[("when", &when), ("starts", &starts), ("ends", &ends), ("until", &until)])
}

#[derive(Template)]
#[template(path = "series.html")]
struct SeriesPage {
    ctx: PageCtx,
    v: SeriesView,
    rule: String,
    notice: Option<String>,
    errors: FormErrors,
    /// UG-17: the series' feed, as `webcal:` and as its address.
    calendar: (String, String),
}

impl SeriesPage {
    fn when(&self, e: &Event) -> String {
        when_text(e.starts_at(), e.ends_at(), self.v.group.profile.time_zone)
    }
    fn status_key(&self, e: &Event) -> String {
        format!("event-status-{}", e.status.as_str())
    }
    fn mine_key(&self, e: &Event) -> Option<String> {
        self.v.mine.get(&e.id).map(|(_, s)| format!("series-mine-{}", s.as_str()))
    }
    fn is_cancelled(&self, e: &Event) -> bool {
        e.status == EventStatus::Cancelled
    }
    fn has_drafts(&self) -> bool {
        self.v.upcoming().any(|e| e.status == EventStatus::Draft)
    }
    fn can_join(&self) -> bool {
        !self.v.joined && self.v.upcoming().any(|e| e.status == EventStatus::Published)
    }
    fn cancel_who(&self) -> String {
        self.ctx.tr.with("series-cancel-who", &[("count", &self.v.upcoming().count().to_string())])
    }
    fn has_upcoming(&self) -> bool {
        self.v.upcoming().next().is_some()
    }
    fn join_hint(&self) -> String {
        self.ctx.tr.with("series-join-hint", &[("count", &self.v.upcoming().count().to_string())])
    }
}

async fn show(state: &AppState, ctx: PageCtx, id: SeriesId, errors: FormErrors) -> AppResult<Response> {
    let actor = ctx.user.as_ref().map(|u| u.actor.clone());
    let v = service::view(&state.services, actor.as_ref(), id).await?;
    let rule = rule_text(ctx.tr, &v.series.rule);
    let notice = ctx.query_value("done").and_then(|d| match d.as_str() {
        "created" => Some(ctx.t("series-created-done")),
        "published" => Some(ctx.t("series-published-done")),
        "joined" => Some(ctx.t("series-joined-done")),
        "left" => Some(ctx.t("series-left-done")),
        "edited" => Some(ctx.t("series-edited-done")),
        "cancelled" => Some(ctx.t("series-cancelled-done")),
        _ => None,
    });
    let https = state.config.link(&format!("/series/{id}/events.ics"));
    let calendar = (crate::web::feeds::webcal(&https), https);
    let page = SeriesPage { ctx, v, rule, notice, errors: errors.clone(), calendar };
    Ok(errors.respond(page.render()?))
}

async fn page(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<SeriesId>) -> AppResult<Response> {
    let errors = FormErrors::none(ctx.tr);
    show(&state, ctx, id, errors).await
}

/// Back to the series' page saying `done`, or the page again with the problem.
async fn back(
    state: &AppState,
    ctx: PageCtx,
    id: SeriesId,
    r: Result<(), AppError>,
    done: &str,
) -> AppResult<Response> {
    super::form::redirect_or_reshow(ctx, r, &format!("/series/{id}?done={done}"), async |ctx, errors| {
        show(state, ctx, id, errors).await
    })
    .await
}

async fn publish(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<SeriesId>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let r = service::publish(&state.services, &actor, id).await.map(|_| ());
    back(&state, ctx, id, r, "published").await
}

#[derive(Deserialize)]
struct CancelFields {
    #[serde(default)]
    reason: String,
}

async fn cancel(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<SeriesId>,
    CsrfForm(f): CsrfForm<CancelFields>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let r = match guildhall_domain::values::Reason::parse(&f.reason) {
        Ok(reason) => service::cancel(&state.services, &actor, id, &reason).await.map(|_| ()),
        Err(e) => Err(e.into()),
    };
    back(&state, ctx, id, r, "cancelled").await
}

async fn join(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<SeriesId>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> AppResult<Response> {
    let me = ctx.require()?.clone();
    let r = service::join(&state.services, &me, id).await.map(|_| ());
    back(&state, ctx, id, r, "joined").await
}

async fn leave(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<SeriesId>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let r = service::leave(&state.services, &actor, id).await.map(|_| ());
    back(&state, ctx, id, r, "left").await
}

#[derive(Template)]
#[template(path = "series_form.html")]
struct SeriesForm {
    ctx: PageCtx,
    group: Group,
    /// None when creating.
    series_id: Option<String>,
    f: SeriesInput,
    venues: Vec<Venue>,
    /// The dates the rule gives, when the leader asked to see them first.
    preview: Vec<String>,
    errors: FormErrors,
}

impl SeriesForm {
    fn weekdays(&self) -> Vec<(&'static str, String)> {
        weekday_codes().map(|c| (c, self.ctx.t(&format!("weekday-{c}")))).collect()
    }
    fn nths(&self) -> Vec<(&'static str, String)> {
        ["1", "2", "3", "4", "-1"].into_iter().map(|n| (n, self.ctx.tr.with("series-nth", &[("nth", n)]))).collect()
    }
    fn venue_label(&self, v: &Venue) -> String {
        format!("{}, {}", v.profile.name, v.profile.city)
    }
    fn zone_hint(&self) -> String {
        let zone = crate::web::choices::zone_label(self.ctx.tr, self.group.profile.time_zone);
        self.ctx.tr.with("series-zone-hint", &[("zone", &zone)])
    }
    fn preview_title(&self) -> String {
        self.ctx.tr.with("series-preview-count", &[("count", &self.preview.len().to_string())])
    }
    fn action(&self) -> String {
        match &self.series_id {
            Some(id) => format!("/series/{id}/edit"),
            None => format!("/groups/{}/series", self.group.profile.slug),
        }
    }
}

async fn form_page(
    state: &AppState,
    ctx: PageCtx,
    group: Group,
    series_id: Option<SeriesId>,
    f: SeriesInput,
    preview: Vec<String>,
    errors: FormErrors,
) -> AppResult<Response> {
    let venues = venues::in_country(state.services.db.reader(), group.profile.country).await?;
    let errors = errors.shown_on(&[
        "title",
        "description",
        "capacity",
        "online_link",
        "venue_id",
        "from",
        "frequency",
        "weekday",
        "interval",
        "nth",
        "starts",
        "ends",
        "count",
        "until",
        "skipped",
    ]);
    let page = SeriesForm {
        ctx,
        group,
        series_id: series_id.map(|s| s.to_string()),
        f,
        venues,
        preview,
        errors: errors.clone(),
    };
    Ok(errors.respond(page.render()?))
}

async fn new_form(State(state): State<AppState>, ctx: PageCtx, Path(slug): Path<Slug>) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let g = group_service::by_slug(&state.services, &slug).await?;
    authorize(&actor, Action::ManageGroup { group: g.id, region: g.region_id })?;
    let f = SeriesInput {
        capacity: "50".into(),
        rule: RecurrenceFields {
            frequency: "monthly".into(),
            nth: "2".into(),
            weekday: "WE".into(),
            interval: "1".into(),
            starts: "18:30".into(),
            ends: "20:30".into(),
            count: "6".into(),
            ..Default::default()
        },
        ..Default::default()
    };
    let errors = FormErrors::none(ctx.tr);
    form_page(&state, ctx, g, None, f, Vec::new(), errors).await
}

/// The form's fields, and whether the leader asked to see the dates first.
#[derive(Deserialize)]
struct SeriesFormFields {
    #[serde(flatten)]
    f: SeriesInput,
    #[serde(default)]
    preview: Option<String>,
}

/// The dates of a checked plan, as the form lists them.
async fn previewed(state: &AppState, g: &Group, f: &SeriesInput, planning: Planning) -> Result<Vec<String>, AppError> {
    let p = service::plan(&state.services, g, f, planning).await?;
    Ok(p.schedules.iter().map(|s| when_text(s.starts_at, s.ends_at, g.profile.time_zone)).collect())
}

async fn create(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<Slug>,
    CsrfForm(form): CsrfForm<SeriesFormFields>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let g = group_service::by_slug(&state.services, &slug).await?;
    authorize(&actor, Action::ManageGroup { group: g.id, region: g.region_id })?;
    if form.preview.is_some() {
        return match previewed(&state, &g, &form.f, Planning::New).await {
            Ok(dates) => form_page(&state, ctx.clone(), g, None, form.f, dates, FormErrors::none(ctx.tr)).await,
            Err(e) => {
                let errors = FormErrors::from_error(ctx.tr, e)?;
                form_page(&state, ctx, g, None, form.f, Vec::new(), errors).await
            }
        };
    }
    match service::create(&state.services, &actor, g.id, &form.f).await {
        Ok(id) => Ok(Redirect::to(&format!("/series/{id}?done=created")).into_response()),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            form_page(&state, ctx, g, None, form.f, Vec::new(), errors).await
        }
    }
}

async fn edit_form(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<SeriesId>) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let v = service::view(&state.services, Some(&actor), id).await?;
    authorize(&actor, Action::ManageGroup { group: v.group.id, region: v.group.region_id })?;
    let s = &v.series;
    let f = SeriesInput {
        title: s.title.to_string(),
        description: s.description.to_string(),
        capacity: s.capacity.get().to_string(),
        online_link: s.online_link.as_ref().map(|l| l.to_string()).unwrap_or_default(),
        venue_id: s.venue_id.map(|v| v.to_string()).unwrap_or_default(),
        waitlist_mode: s.waitlist_mode.as_str().to_owned(),
        rule: s.rule.fields(),
    };
    let errors = FormErrors::none(ctx.tr);
    form_page(&state, ctx, v.group, Some(id), f, Vec::new(), errors).await
}

async fn edit(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<SeriesId>,
    CsrfForm(form): CsrfForm<SeriesFormFields>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let v = service::view(&state.services, Some(&actor), id).await?;
    authorize(&actor, Action::ManageGroup { group: v.group.id, region: v.group.region_id })?;
    if form.preview.is_some() {
        return match previewed(&state, &v.group, &form.f, Planning::Edit).await {
            Ok(dates) => {
                form_page(&state, ctx.clone(), v.group, Some(id), form.f, dates, FormErrors::none(ctx.tr)).await
            }
            Err(e) => {
                let errors = FormErrors::from_error(ctx.tr, e)?;
                form_page(&state, ctx, v.group, Some(id), form.f, Vec::new(), errors).await
            }
        };
    }
    match service::update(&state.services, &actor, id, &form.f).await {
        Ok(_) => Ok(Redirect::to(&format!("/series/{id}?done=edited")).into_response()),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            form_page(&state, ctx, v.group, Some(id), form.f, Vec::new(), errors).await
        }
    }
}
