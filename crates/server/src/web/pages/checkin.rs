//! The door desk (UG-14): the attendee list with check-in buttons and a
//! search by name, check-in by ticket code (typed, or opened from the
//! ticket's QR image), walk-ins by name, and one big answer after each.

use crate::web::path::Path;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use guildhall_domain::ids::{EventId, RegistrationId, WalkInId};
use guildhall_domain::registration::RegistrationStatus;
use guildhall_domain::values::{fold, SearchQuery};
use guildhall_domain::DomainError;
use guildhall_storage::events::Event;
use guildhall_storage::groups::Group;
use guildhall_storage::registrations::{self, Attendee, Tally};
use guildhall_storage::walk_ins::{self, WalkIn};
use serde::Deserialize;

use super::views::when_text;
use super::FormErrors;
use crate::app::AppState;
use crate::auth::csrf::CsrfForm;
use crate::error::{AppError, AppResult};
use crate::services::door::{self, DoorResult, WalkInInput};
use crate::services::events as event_service;
use crate::services::registrations::CheckInBy;
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
    walk_ins: Vec<WalkIn>,
    tally: Tally,
    code: String,
    /// The name search, as typed; the lists show only who matches.
    q: String,
    /// The big answer after a check-in or walk-in.
    result: Option<DoorResult>,
    notice: Option<String>,
    /// The walk-in form's fields, shown again after a refusal.
    walk_in: (String, String),
    /// What the message form was given, shown again after a refusal.
    message: MessageFields,
    errors: FormErrors,
    /// UG-14: when the door is shut, when it opens or closed, said on top.
    door_shut: Option<String>,
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

    fn walk_ins_text(&self) -> String {
        self.ctx.tr.with("door-walk-ins-count", &[("count", &self.tally.walk_ins.to_string())])
    }

    /// The key the page's script matches the search against.
    fn search_key(&self, name: &str) -> String {
        fold(name)
    }

    fn walk_in_name(&self, w: &WalkIn) -> String {
        w.name.as_ref().map(|n| n.to_string()).unwrap_or_else(|| self.ctx.t("door-walk-in-erased"))
    }

    /// The big answer's heading and sentence.
    fn result_text(&self, r: &DoorResult) -> (String, String) {
        let t = |k: &str, args: &[(&'static str, &str)]| self.ctx.tr.with(k, args);
        match r {
            DoorResult::CheckedIn { name } => (self.ctx.t("door-in"), t("door-in-text", &[("name", name)])),
            DoorResult::WalkIn { name } => (self.ctx.t("door-in"), t("door-walk-in-text", &[("name", name)])),
            DoorResult::AlreadyIn { name, at } => {
                let time = at.with_timezone(&self.group.profile.time_zone.tz()).format("%H:%M").to_string();
                (self.ctx.t("door-already"), t("door-already-text", &[("name", name), ("time", &time)]))
            }
            DoorResult::Waiting { name, position } => {
                let p = position.to_string();
                (self.ctx.t("door-waiting"), t("door-waiting-text", &[("name", name), ("position", &p)]))
            }
            DoorResult::SeatOffered { name } => {
                (self.ctx.t("door-waiting"), t("door-seat-offered-text", &[("name", name)]))
            }
            DoorResult::GaveUp { name } => (self.ctx.t("door-gave-up"), t("door-gave-up-text", &[("name", name)])),
            DoorResult::Unknown => (self.ctx.t("door-unknown"), self.ctx.t("door-unknown-text")),
        }
    }
}

#[derive(Deserialize, Default)]
struct DoorQuery {
    #[serde(default)]
    code: String,
    #[serde(default)]
    q: String,
    /// The answer of the check-in or walk-in just made (`DoorResult::as_str`)
    /// and whom it was about: a registration's or walk-in's id.
    #[serde(default)]
    result: String,
    #[serde(default)]
    who: String,
    /// How many registrants a message just went to.
    #[serde(default)]
    sent: String,
}

/// What the page shows besides the lists: the code in its field, the
/// search, the answer just given, a notice.
#[derive(Default)]
struct Shown {
    code: String,
    q: String,
    result: Option<DoorResult>,
    notice: Option<String>,
    message: MessageFields,
    walk_in: (String, String),
}

async fn show(state: &AppState, ctx: PageCtx, id: EventId, shown: Shown, errors: FormErrors) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let errors = errors.shown_on(&["ticket_code", "name", "email", "subject", "body"]);
    let (ev, group) = event_service::managed_event(&state.services, &actor, id).await?;
    let reader = state.services.db.reader();
    let (mut attendees, mut walk_ins) =
        (registrations::attendees(reader, ev.id, false).await?, walk_ins::for_event(reader, ev.id).await?);
    let tally = registrations::tally(reader, ev.id).await?;
    let query = SearchQuery::parse(&shown.q);
    attendees.retain(|a| query.matches(a.name.as_str()));
    walk_ins.retain(|w| w.name.as_ref().is_some_and(|n| query.matches(n.as_str())) || query.is_empty());
    let when = when_text(ev.starts_at(), ev.ends_at(), group.profile.time_zone);
    let (opens, closes) = crate::services::registrations::door_times(&state.services, &ev).await?;
    let local = |t: chrono::DateTime<chrono::Utc>| {
        t.with_timezone(&group.profile.time_zone.tz()).format("%Y-%m-%d %H:%M %Z").to_string()
    };
    let now = chrono::Utc::now();
    let door_shut = if now < opens {
        Some(ctx.tr.with("door-opens-at", &[("time", &local(opens))]))
    } else if now > closes {
        Some(ctx.tr.with("door-closed-at", &[("time", &local(closes))]))
    } else {
        None
    };
    let page = AttendeesPage {
        door_shut,
        ctx,
        ev,
        group,
        when,
        attendees,
        walk_ins,
        tally,
        code: shown.code,
        q: shown.q,
        result: shown.result,
        notice: shown.notice,
        walk_in: shown.walk_in,
        message: shown.message,
        errors: errors.clone(),
    };
    Ok(errors.respond(page.render()?))
}

/// The answer named in the address after a redirect, read again from what
/// is stored, so a reload shows the truth (and no name sits in the URL).
async fn result_from(
    state: &AppState,
    me: &crate::auth::SignedIn,
    event: EventId,
    q: &DoorQuery,
) -> AppResult<Option<DoorResult>> {
    let svc = &state.services;
    Ok(match q.result.as_str() {
        "" => None,
        "unknown" => Some(DoorResult::Unknown),
        "walk_in" => {
            let id: WalkInId = q.who.parse().map_err(|_| DomainError::NotFound)?;
            let all = walk_ins::for_event(svc.db.reader(), event).await?;
            let w = all.into_iter().find(|w| w.id == id).ok_or(DomainError::NotFound)?;
            Some(DoorResult::WalkIn { name: w.name.map(|n| n.to_string()).unwrap_or_default() })
        }
        _ => {
            let id: RegistrationId = q.who.parse().map_err(|_| DomainError::NotFound)?;
            let r = door::look_up(svc, &me.actor, event, id).await?;
            match (q.result.as_str(), r) {
                // Just let in: the stored check-in says "in", not "already in".
                ("checked_in", DoorResult::AlreadyIn { name, .. }) => Some(DoorResult::CheckedIn { name }),
                (_, r) => Some(r),
            }
        }
    })
}

async fn attendees_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<EventId>,
    Query(q): Query<DoorQuery>,
) -> AppResult<Response> {
    let me = ctx.require()?.clone();
    let notice = (!q.sent.is_empty()).then(|| ctx.tr.with("message-sent", &[("count", q.sent.as_str())]));
    let result = result_from(&state, &me, id, &q).await?;
    let errors = FormErrors::none(ctx.tr);
    let shown = Shown { code: q.code, q: q.q, result, notice, ..Shown::default() };
    show(&state, ctx, id, shown, errors).await
}

/// Where the browser goes after an answer: the page with it on top.
fn answer_at(eid: EventId, r: &DoorResult, who: &str, code: &str) -> Response {
    let code: String = url::form_urlencoded::byte_serialize(code.as_bytes()).collect();
    let code =
        if matches!(r, DoorResult::Unknown) && !code.is_empty() { format!("&code={code}") } else { String::new() };
    Redirect::to(&format!("/events/{eid}/attendees?result={}&who={who}{code}", r.as_str())).into_response()
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
    let me = ctx.require()?.clone();
    let by = if f.registration_id.trim().is_empty() {
        CheckInBy::Code(f.ticket_code.clone())
    } else {
        CheckInBy::Registration(
            f.registration_id.trim().parse().map_err(|_| AppError::from(DomainError::TicketInvalid))?,
        )
    };
    match door::check_in(&state.services, &me, eid, by).await {
        Ok((r, who)) => Ok(answer_at(eid, &r, &who.map(|w| w.to_string()).unwrap_or_default(), &f.ticket_code)),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            show(&state, ctx, eid, Shown { code: f.ticket_code, ..Shown::default() }, errors).await
        }
    }
}

#[derive(Deserialize)]
struct WalkInFields {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
}

/// A leader lets someone in at the door: by name, with an email if given.
async fn walk_in(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(eid): Path<EventId>,
    CsrfForm(f): CsrfForm<WalkInFields>,
) -> AppResult<Response> {
    let me = ctx.require()?.clone();
    let result = match WalkInInput::parse(&f.name, &f.email) {
        Ok(who) => door::walk_in(&state.services, &me, eid, &who).await,
        Err(e) => Err(e.into()),
    };
    match result {
        Ok((r, who)) => Ok(answer_at(eid, &r, &who, "")),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            show(&state, ctx, eid, Shown { walk_in: (f.name, f.email), ..Shown::default() }, errors).await
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
            show(&state, ctx, eid, Shown { message: f, ..Shown::default() }, errors).await
        }
    }
}
