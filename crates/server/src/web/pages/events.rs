//! Event pages (UG-14, PL-5): the public page with schema.org data, one
//! click registration, and the leaders' forms: create, edit, publish,
//! cancel, complete, talks.

use crate::web::path::Path;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use guildhall_domain::access::{authorize, Action};
use guildhall_domain::event::{to_local_input, EventCommand, EventFields, EventStatus};
use guildhall_domain::ids::{EventId, TalkId};
use guildhall_domain::values::Slug;
use guildhall_domain::DomainError;
use guildhall_storage::events::{Event, NewTalk, Talk};
use guildhall_storage::groups::Group;
use guildhall_storage::registrations::{Registration, Tally};
use guildhall_storage::venues::{self, Venue};
use serde::Deserialize;

use super::schema_org;
use super::views::{venue_text, when_text};
use super::FormErrors;
use crate::app::AppState;
use crate::auth::csrf::CsrfForm;
use crate::error::{AppError, AppResult};
use crate::services::event_view::{self, EventView};
use crate::services::{events as event_service, groups as group_service, registrations as reg_service};
use crate::web::ctx::PageCtx;
use crate::web::feeds;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/events/{id}", get(event_page))
        .route("/events/{id}/register", post(register))
        .route("/events/{id}/edit", get(edit_event).post(update_event))
        .route("/events/{id}/publish", post(publish))
        .route("/events/{id}/complete", post(complete))
        .route("/events/{id}/talks", post(add_talk))
        .route("/events/{id}/talks/{talk}/remove", post(remove_talk))
        .route("/events/{id}/talks/{talk}/edit", post(edit_talk))
        .route("/groups/{slug}/events/new", get(new_event))
        .route("/groups/{slug}/events", post(create_event))
}

pub fn event_id(raw: &str) -> Result<EventId, AppError> {
    raw.parse().map_err(|_| DomainError::NotFound.into())
}

#[derive(Template)]
#[template(path = "event.html")]
struct EventPage {
    ctx: PageCtx,
    ev: Event,
    group: Group,
    venue: Option<Venue>,
    talks: Vec<Talk>,
    tally: Tally,
    when: String,
    /// The viewer's own registration, if they hold a place.
    mine: Option<Registration>,
    waitlist_position: Option<i64>,
    /// Why it was cancelled, as everyone registered read it.
    cancellation_reason: Option<String>,
    can_manage: bool,
    /// UG-6: the region's manager reviews sessions.
    can_review: bool,
    /// UG-13: leaders file the event's expense claim.
    can_claim: bool,
    /// UG-13: the event's claim, waiting or approved.
    claim: Option<guildhall_domain::ids::ClaimId>,
    /// UG-14: a confirmed seat or running the group (`EventView`).
    sees_online_link: bool,
    open: bool,
    json_ld: String,
    errors: FormErrors,
    /// UG-14: when the slides and recordings were last emailed (leaders
    /// of a completed event only).
    materials_sent_at: Option<chrono::DateTime<chrono::Utc>>,
}

impl EventPage {
    /// UG-18: a full event that offers freed seats says how, to whoever
    /// may join its waiting list.
    fn offers_seats(&self) -> bool {
        self.ev.details.waitlist_mode == guildhall_domain::offer::WaitlistMode::Offers
            && self.seats_left() == 0
            && self.mine.is_none()
    }

    /// UG-14: leaders add slides and recordings once the event is published.
    fn takes_materials(&self) -> bool {
        self.can_manage && guildhall_domain::materials::accepts_materials(self.ev.status)
    }

    /// The follow-up email is offered on a completed event with links.
    fn can_send_materials(&self) -> bool {
        self.can_manage
            && self.ev.status == EventStatus::Completed
            && crate::services::materials::any_links(&self.talks)
    }

    fn materials_who(&self) -> String {
        let members = self.tally.checked_in.saturating_sub(self.tally.walk_ins).to_string();
        self.ctx.tr.with("materials-send-who", &[("count", &members)])
    }

    fn materials_sent_text(&self) -> String {
        let at = self.materials_sent_at.map(|at| self.ctx.time(&at)).unwrap_or_default();
        self.ctx.tr.with("materials-sent-at", &[("at", &at)])
    }

    fn seats_left(&self) -> u64 {
        self.tally.seats_left(self.ev.details.capacity.get())
    }

    fn review_key(&self, t: &Talk) -> String {
        format!("review-status-{}", t.review.status.as_str())
    }

    /// Review details are for the group's leaders and the reviewers.
    fn sees_review(&self) -> bool {
        self.ev.review_required && (self.can_manage || self.can_review)
    }

    fn online_link(&self) -> String {
        self.ev.details.online_link.as_ref().map(|l| l.to_string()).unwrap_or_default()
    }

    fn paragraphs(&self) -> Vec<&str> {
        self.ev.details.description.paragraphs()
    }

    fn venue_line(&self) -> String {
        self.venue.as_ref().map(venue_text).unwrap_or_default()
    }

    fn status(&self) -> &'static str {
        self.ev.status.as_str()
    }

    fn is_draft(&self) -> bool {
        self.ev.status == EventStatus::Draft
    }

    /// "Mark completed" is offered once the event is over (UG-14).
    fn has_ended(&self) -> bool {
        self.ev.ends_at() <= chrono::Utc::now()
    }

    fn is_published(&self) -> bool {
        self.ev.status == EventStatus::Published
    }

    fn is_editable(&self) -> bool {
        self.ev.status.is_editable()
    }

    fn seats_text(&self) -> String {
        let (left, cap) = (self.seats_left().to_string(), self.ev.details.capacity.get().to_string());
        self.ctx.tr.with("event-seats", &[("left", &left), ("capacity", &cap)])
    }

    fn waiting_text(&self) -> String {
        self.ctx.tr.with("event-waiting", &[("count", &self.tally.waiting.to_string())])
    }

    fn wait_text(&self, position: &i64) -> String {
        self.ctx.tr.with("event-you-wait", &[("position", &position.to_string())])
    }

    fn tally_text(&self) -> String {
        let t = &self.tally;
        let (c, w, k) = (t.confirmed.to_string(), t.waiting.to_string(), t.checked_in.to_string());
        let tally = self.ctx.tr.with("event-tally", &[("confirmed", &c), ("waiting", &w), ("checked", &k)]);
        if t.offered == 0 {
            return tally;
        }
        // UG-18: a seat on offer is held, so the numbers add up to the capacity.
        tally + &self.ctx.tr.with("event-tally-offered", &[("count", &t.offered.to_string())])
    }

    /// Issue 18: a registration window that has not opened yet, or closed
    /// before the end, said with its time in the group's zone.
    fn window_text(&self) -> Option<String> {
        use guildhall_domain::event::WindowState;
        if self.ev.status != EventStatus::Published || self.has_ended() {
            return None;
        }
        let tz = self.group.profile.time_zone;
        match self.ev.details.window.state(chrono::Utc::now()) {
            WindowState::NotYet(at) => Some(self.ctx.tr.with("window-not-yet", &[("at", &tz.format(at))])),
            WindowState::Closed(at) => Some(self.ctx.tr.with("window-closed", &[("at", &tz.format(at))])),
            WindowState::Open => self
                .ev
                .details
                .window
                .closes_at
                .map(|at| self.ctx.tr.with("window-closes-at", &[("at", &tz.format(at))])),
        }
    }

    /// Issue 18: once the event is over, how many of the registered came.
    fn came_text(&self) -> Option<String> {
        let over = self.has_ended() || self.ev.status == EventStatus::Completed;
        if !over || self.ev.status == EventStatus::Cancelled {
            return None;
        }
        let t = &self.tally;
        let registered = t.confirmed.saturating_sub(t.walk_ins);
        let came = t.checked_in.saturating_sub(t.walk_ins);
        let percent = (came * 100).checked_div(registered).unwrap_or(0);
        let text = self.ctx.tr.with(
            "event-came-of",
            &[("came", &came.to_string()), ("registered", &registered.to_string()), ("percent", &percent.to_string())],
        );
        Some(text + &self.ctx.tr.with("event-came-walk-ins", &[("count", &t.walk_ins.to_string())]))
    }

    fn status_text(&self) -> String {
        self.ctx.t(&format!("event-status-{}", self.status()))
    }

    /// What the organiser's last button did, said once after it.
    fn done_text(&self) -> Option<String> {
        let key = match self.ctx.query_value("done")?.as_str() {
            "talk_removed" => "talk-removed-done",
            "review_on" => "review-event-on-done",
            "review_off" => "review-event-off-done",
            "talk_reviewed" => "talk-reviewed-done",
            "published" => "event-published-done",
            "completed" => "event-completed-done",
            "materials_saved" => "materials-saved-done",
            "materials_sent" => "materials-sent-done",
            _ => return None,
        };
        Some(self.ctx.t(key))
    }

    fn cancellation_text(&self) -> Option<String> {
        let reason = self.cancellation_reason.as_deref()?;
        Some(self.ctx.tr.with("event-cancelled-reason", &[("reason", reason)]))
    }

    fn held(&self) -> bool {
        guildhall_domain::event::counts_as_held(self.ev.status, self.tally.checked_in)
    }
}

pub(super) async fn show_event(state: &AppState, ctx: PageCtx, id: EventId, errors: FormErrors) -> AppResult<Response> {
    // Publish, cancel and complete are buttons: their refusals read on top.
    let errors = errors.shown_on(&["title", "speakers"]);
    let key = if errors.any() { None } else { state.page_cache.key(&ctx) };
    if let Some(hit) = key.as_deref().and_then(|k| state.page_cache.get(k)) {
        return Ok(hit);
    }
    let actor = ctx.user.as_ref().map(|u| &u.actor);
    let view = event_view::view(&state.services, actor, id).await?;
    let may = |a: Action| actor.is_some_and(|u| authorize(u, a).is_ok());
    let can_review = may(Action::ReviewSessions(view.group.region_id));
    // UG-13: the claim button only where a claim can be filed: a held
    // event without a claim waiting or approved; that claim's link instead.
    let claims = may(Action::FileExpenseClaim(view.group.id));
    let held = guildhall_domain::money::check_claimable(view.event.status, view.event.ends_at() < chrono::Utc::now());
    let claim = if claims && held.is_ok() {
        guildhall_storage::expenses::blocking_claim(state.services.db.reader(), id).await?
    } else {
        None
    };
    let can_claim = claims && held.is_ok() && claim.is_none();
    let sees_online_link = view.sees_online_link();
    let EventView {
        event: ev,
        group: g,
        venue,
        talks,
        tally,
        mine,
        waitlist_position,
        runs_group: can_manage,
        cancellation_reason,
    } = view;
    let url = state.config.link(&format!("/events/{id}"));
    let group_url = state.config.link(&format!("/groups/{}", g.profile.slug));
    let json_ld = schema_org::event(&ev, &g, venue.as_ref(), &tally, &url, &group_url);
    let now = chrono::Utc::now();
    let materials_sent_at = if can_manage && ev.status == EventStatus::Completed {
        guildhall_storage::events::materials_sent_at(state.services.db.reader(), id).await?
    } else {
        None
    };
    let page = EventPage {
        materials_sent_at,
        when: when_text(ev.starts_at(), ev.ends_at(), g.profile.time_zone),
        open: guildhall_domain::event::registration_open(ev.status, &ev.details.window, ev.ends_at(), now),
        ctx,
        ev,
        group: g,
        venue,
        talks,
        tally,
        mine,
        waitlist_position,
        cancellation_reason,
        can_manage,
        can_review,
        can_claim,
        claim,
        sees_online_link,
        json_ld,
        errors: errors.clone(),
    };
    let html = page.render()?;
    if let Some(k) = key {
        state.page_cache.put(k, &html);
    }
    Ok(errors.respond(html))
}

/// `/events/{id}` and `/events/{id}.ics`: one route, because the router
/// cannot put a parameter and a suffix in one path segment.
async fn event_page(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<String>) -> AppResult<Response> {
    if let Some(raw) = id.strip_suffix(".ics") {
        return feeds::event_calendar(&state, raw).await;
    }
    let errors = FormErrors::none(ctx.tr);
    show_event(&state, ctx, event_id(&id)?, errors).await
}

async fn register(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<EventId>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> AppResult<Response> {
    let me = ctx.require()?.clone();
    match reg_service::register(&state.services, &me, id, None).await {
        Ok(out) => Ok(Redirect::to(&format!("/tickets/{}", out.id)).into_response()),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            show_event(&state, ctx, id, errors).await
        }
    }
}

async fn command(state: AppState, ctx: PageCtx, id: EventId, cmd: EventCommand) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let done = match cmd {
        EventCommand::Publish => "published",
        EventCommand::Complete => "completed",
        EventCommand::Cancel => "cancelled",
    };
    match event_service::transition(&state.services, &actor, id, cmd).await {
        Ok(_) => Ok(Redirect::to(&format!("/events/{id}?done={done}")).into_response()),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            show_event(&state, ctx, id, errors).await
        }
    }
}

async fn publish(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<EventId>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> AppResult<Response> {
    command(state, ctx, id, EventCommand::Publish).await
}

async fn complete(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<EventId>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> AppResult<Response> {
    command(state, ctx, id, EventCommand::Complete).await
}

#[derive(Template)]
#[template(path = "event_form.html")]
struct EventForm {
    ctx: PageCtx,
    group: Group,
    /// None when creating.
    event_id: Option<String>,
    f: EventFields,
    venue_id: String,
    venues: Vec<Venue>,
    errors: FormErrors,
}

impl EventForm {
    fn zone_hint(&self) -> String {
        let zone = crate::web::choices::zone_label(self.ctx.tr, self.group.profile.time_zone);
        self.ctx.tr.with("event-times-in-zone", &[("zone", &zone)])
    }

    fn venue_label(&self, v: &Venue) -> String {
        format!("{} ({})", venue_text(v), self.ctx.t(&format!("venue-kind-{}", v.profile.kind.as_str())))
    }
}

#[derive(Deserialize)]
struct EventFormFields {
    #[serde(flatten)]
    f: EventFields,
    #[serde(default)]
    venue_id: String,
}

async fn form_page(
    state: &AppState,
    ctx: PageCtx,
    g: Group,
    event: Option<EventId>,
    f: EventFields,
    venue: String,
    errors: FormErrors,
) -> AppResult<Response> {
    let venues = venues::in_country(state.services.db.reader(), g.profile.country).await?;
    let page = EventForm {
        ctx,
        group: g,
        event_id: event.map(|e| e.to_string()),
        f,
        venue_id: venue,
        venues,
        errors: errors.clone(),
    };
    Ok(errors.respond(page.render()?))
}

#[derive(Deserialize, Default)]
struct NewEventQuery {
    #[serde(default)]
    venue_id: String,
}

async fn new_event(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<Slug>,
    Query(q): Query<NewEventQuery>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let g = group_service::by_slug(&state.services, &slug).await?;
    authorize(&actor, Action::ManageGroup { group: g.id, region: g.region_id })?;
    let f = EventFields { capacity: "50".into(), ..Default::default() };
    let errors = FormErrors::none(ctx.tr);
    form_page(&state, ctx, g, None, f, q.venue_id, errors).await
}

async fn create_event(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<Slug>,
    CsrfForm(form): CsrfForm<EventFormFields>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let g = group_service::by_slug(&state.services, &slug).await?;
    match event_service::create(&state.services, &actor, g.id, &form.f, Some(&form.venue_id)).await {
        Ok(id) => Ok(Redirect::to(&format!("/events/{id}")).into_response()),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            form_page(&state, ctx, g, None, form.f, form.venue_id, errors).await
        }
    }
}

async fn edit_event(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<EventId>) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let (ev, g) = event_service::managed_event(&state.services, &actor, id).await?;
    let tz = g.profile.time_zone;
    let d = &ev.details;
    let f = EventFields {
        title: d.title.to_string(),
        description: d.description.to_string(),
        starts_at: to_local_input(d.schedule.starts_at, tz),
        ends_at: to_local_input(d.schedule.ends_at, tz),
        capacity: d.capacity.get().to_string(),
        online_link: d.online_link.as_ref().map(|l| l.to_string()).unwrap_or_default(),
        promotion_links: d.promotion_links.iter().map(|l| l.as_str()).collect::<Vec<_>>().join("\n"),
        waitlist_mode: d.waitlist_mode.as_str().to_owned(),
        registration_opens_at: d.window.opens_at.map(|at| to_local_input(at, tz)).unwrap_or_default(),
        registration_closes_at: d.window.closes_at.map(|at| to_local_input(at, tz)).unwrap_or_default(),
    };
    let venue = ev.venue_id.map(|v| v.to_string()).unwrap_or_default();
    let errors = FormErrors::none(ctx.tr);
    form_page(&state, ctx, g, Some(ev.id), f, venue, errors).await
}

async fn update_event(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<EventId>,
    CsrfForm(form): CsrfForm<EventFormFields>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let (ev, g) = event_service::managed_event(&state.services, &actor, id).await?;
    match event_service::update(&state.services, &actor, ev.id, &form.f, Some(&form.venue_id)).await {
        Ok(()) => Ok(Redirect::to(&format!("/events/{}", ev.id)).into_response()),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            form_page(&state, ctx, g, Some(ev.id), form.f, form.venue_id, errors).await
        }
    }
}

#[derive(Deserialize)]
struct TalkFields {
    #[serde(default)]
    title: String,
    #[serde(default, rename = "abstract")]
    abstract_text: String,
    /// One speaker per line: a member's id, or a guest's name.
    #[serde(default)]
    speakers: String,
}

fn parse_talk(f: &TalkFields) -> Result<NewTalk, DomainError> {
    let speakers: Vec<&str> = f.speakers.lines().collect();
    event_service::parse_talk(&f.title, &f.abstract_text, &speakers)
}

async fn add_talk(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<EventId>,
    CsrfForm(f): CsrfForm<TalkFields>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let result = match parse_talk(&f) {
        Ok(t) => event_service::add_talk(&state.services, &actor, id, &t).await.map(|_| ()),
        Err(e) => Err(e.into()),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/events/{id}#talks")).into_response()),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            show_event(&state, ctx, id, errors).await
        }
    }
}

#[derive(Deserialize)]
struct TalkEdit {
    #[serde(default)]
    title: String,
    #[serde(default, rename = "abstract")]
    abstract_text: String,
}

/// UG-6: the leaders edit a talk; under review it goes back to pending.
async fn edit_talk(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path((id, talk)): Path<(EventId, TalkId)>,
    CsrfForm(f): CsrfForm<TalkEdit>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    match event_service::edit_talk(&state.services, &actor, id, talk, &f.title, &f.abstract_text).await {
        Ok(()) => Ok(Redirect::to(&format!("/events/{id}#talks")).into_response()),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            show_event(&state, ctx, id, errors).await
        }
    }
}

async fn remove_talk(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path((id, talk)): Path<(EventId, TalkId)>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    event_service::remove_talk(&state.services, &actor, id, talk).await?;
    Ok(Redirect::to(&format!("/events/{id}?done=talk_removed#talks")).into_response())
}
