//! The door (UG-14): the attendee list with check-in buttons, check-in by
//! ticket code (typed, or opened from the ticket's QR image), walk-ins.

use crate::web::path::Path;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use guildhall_domain::ids::EventId;
use guildhall_domain::registration::RegistrationStatus;
use guildhall_domain::values::EmailAddress;
use guildhall_domain::DomainError;
use guildhall_storage::events::Event;
use guildhall_storage::groups::Group;
use guildhall_storage::members;
use guildhall_storage::registrations::{self, Attendee, Tally};
use serde::Deserialize;

use super::views::when_text;
use super::FormErrors;
use crate::app::AppState;
use crate::auth::csrf::CsrfForm;
use crate::error::{AppError, AppResult};
use crate::services::events as event_service;
use crate::services::registrations::{self as reg_service, CheckInBy};
use crate::web::ctx::PageCtx;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/events/{id}/attendees", get(attendees_page))
        .route("/events/{id}/checkin", post(check_in))
        .route("/events/{id}/walk-in", post(walk_in))
        .route("/events/{id}/message", post(message))
}

#[derive(Template)]
#[template(path = "attendees.html")]
struct AttendeesPage {
    ctx: PageCtx,
    ev: Event,
    group: Group,
    when: String,
    attendees: Vec<Attendee>,
    tally: Tally,
    code: String,
    notice: Option<String>,
    /// What the message form was given, shown again after a refusal.
    message: MessageFields,
    errors: FormErrors,
}

impl AttendeesPage {
    fn tally_text(&self) -> String {
        let t = &self.tally;
        let (c, w, k) = (t.confirmed.to_string(), t.waiting.to_string(), t.checked_in.to_string());
        self.ctx.tr.with("event-tally", &[("confirmed", &c), ("waiting", &w), ("checked", &k)])
    }

    fn is_confirmed(&self, a: &Attendee) -> bool {
        a.registration.status == RegistrationStatus::Confirmed
    }
}

#[derive(Deserialize, Default)]
struct DoorQuery {
    #[serde(default)]
    code: String,
    #[serde(default)]
    done: String,
    #[serde(default)]
    walk_in: Option<String>,
    /// How many registrants a message just went to.
    #[serde(default)]
    sent: String,
}

async fn show(
    state: &AppState,
    ctx: PageCtx,
    id: EventId,
    code: String,
    notice: Option<String>,
    errors: FormErrors,
) -> AppResult<Response> {
    show_with(state, ctx, id, (code, MessageFields::default()), notice, errors).await
}

async fn show_with(
    state: &AppState,
    ctx: PageCtx,
    id: EventId,
    (code, message): (String, MessageFields),
    notice: Option<String>,
    errors: FormErrors,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let errors = errors.shown_on(&["ticket_code", "email", "subject", "body"]);
    let (ev, group) = event_service::managed_event(&state.services, &actor, id).await?;
    let attendees = registrations::attendees(state.services.db.reader(), ev.id, false).await?;
    let tally = registrations::tally(state.services.db.reader(), ev.id).await?;
    let when = when_text(ev.starts_at(), ev.ends_at(), group.profile.time_zone);
    let page = AttendeesPage { ctx, ev, group, when, attendees, tally, code, notice, message, errors: errors.clone() };
    Ok(errors.respond(page.render()?))
}

async fn attendees_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<EventId>,
    Query(q): Query<DoorQuery>,
) -> AppResult<Response> {
    let notice = match q.done.as_str() {
        "" if q.walk_in.is_some() => Some(ctx.t("checkin-walk-in-done")),
        "" if !q.sent.is_empty() => Some(ctx.tr.with("message-sent", &[("count", q.sent.as_str())])),
        "" => None,
        name => Some(ctx.tr.with("checkin-done", &[("name", name)])),
    };
    let errors = FormErrors::none(ctx.tr);
    show(&state, ctx, id, q.code, notice, errors).await
}

#[derive(Deserialize)]
struct CheckInFields {
    #[serde(default)]
    ticket_code: String,
    #[serde(default)]
    registration_id: String,
}

async fn check_in(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(eid): Path<EventId>,
    CsrfForm(f): CsrfForm<CheckInFields>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let by = if f.registration_id.trim().is_empty() {
        CheckInBy::Code(f.ticket_code.clone())
    } else {
        CheckInBy::Registration(
            f.registration_id.trim().parse().map_err(|_| AppError::from(DomainError::TicketInvalid))?,
        )
    };
    match reg_service::check_in(&state.services, &actor, eid, by).await {
        Ok((r, _)) => {
            let who = members::by_id(state.services.db.reader(), r.member_id).await?.ok_or(DomainError::NotFound)?;
            let done: String = url::form_urlencoded::byte_serialize(who.name.as_str().as_bytes()).collect();
            Ok(Redirect::to(&format!("/events/{eid}/attendees?done={done}")).into_response())
        }
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            show(&state, ctx, eid, f.ticket_code, None, errors).await
        }
    }
}

#[derive(Deserialize)]
struct WalkInFields {
    #[serde(default)]
    email: String,
}

/// A leader registers someone at the door by their account's email.
async fn walk_in(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(eid): Path<EventId>,
    CsrfForm(f): CsrfForm<WalkInFields>,
) -> AppResult<Response> {
    let me = ctx.require()?.clone();
    // The door's tools are for the group's leaders, even for their own email.
    let (ev, _) = event_service::managed_event(&state.services, &me.actor, eid).await?;
    // The same answer whether the address has an account or not, so the
    // door is no way to learn who is a member: the list below shows whom
    // it let in. Only in the door window (UG-14).
    let result = async {
        let email = EmailAddress::parse(&f.email)?;
        reg_service::require_door_for_others(&state.services, &ev).await?;
        if let Some(m) = members::by_email(state.services.db.reader(), &email).await? {
            reg_service::register(&state.services, &me, eid, Some(m.id)).await?;
        }
        Ok::<(), AppError>(())
    }
    .await;
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/events/{eid}/attendees?walk_in=1")).into_response()),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            show(&state, ctx, eid, String::new(), None, errors).await
        }
    }
}

#[derive(Deserialize, Default)]
struct MessageFields {
    #[serde(default)]
    audience: String,
    #[serde(default)]
    subject: String,
    #[serde(default)]
    body: String,
}

async fn message(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(eid): Path<EventId>,
    CsrfForm(f): CsrfForm<MessageFields>,
) -> AppResult<Response> {
    use crate::services::event_messages::{self as msg, Message};
    let actor = ctx.require()?.actor.clone();
    let r = match Message::parse(&f.audience, &f.subject, &f.body) {
        Ok(m) => msg::send(&state.services, &actor, eid, &m).await,
        Err(e) => Err(e.into()),
    };
    match r {
        Ok(n) => Ok(Redirect::to(&format!("/events/{eid}/attendees?sent={n}")).into_response()),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            show_with(&state, ctx, eid, (String::new(), f), None, errors).await
        }
    }
}
