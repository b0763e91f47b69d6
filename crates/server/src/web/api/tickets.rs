//! The caller's tickets (UG-14): what "My tickets" and the ticket page
//! show, for calendars, phones and scripts. Cancelling is
//! `DELETE /v1/events/{id}/registrations/{registration_id}`.

use crate::web::path::Path;
use axum::extract::State;
use axum::Json;
use guildhall_domain::ids::RegistrationId;
use guildhall_domain::registration::RegistrationStatus;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::Problem;
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::error::AppResult;
use crate::services::ticket_view::{self, TicketView};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(mine)).routes(routes!(one)).routes(routes!(attendance))
}

/// A ticket: the place, the event it is for and where that event stands.
#[derive(Serialize, ToSchema)]
pub struct TicketBody {
    /// The registration's id, as `POST /v1/events/{id}/registrations` answered it.
    id: String,
    /// confirmed, offered (UG-18) or waitlisted.
    status: String,
    /// 1 for the first person waiting; null when confirmed.
    waitlist_position: Option<i64>,
    /// UG-18: while offered a seat, the deadline to claim it
    /// (`POST /v1/events/{id}/registrations/{registration_id}/claim`).
    offer_expires_at: Option<String>,
    /// The code shown at the door (and in the ticket's QR image): for a
    /// confirmed place only, as on the ticket page; null while waiting.
    ticket_code: Option<String>,
    checked_in_at: Option<String>,
    /// What the ticket page says (PL-13): expected, waiting, offered,
    /// checked_in, event_cancelled, given_up or ended.
    state: String,
    /// Whether the holder may still give the place up.
    can_cancel: bool,
    event_id: String,
    event_title: String,
    /// published, cancelled or completed.
    event_status: String,
    starts_at: String,
    ends_at: String,
    time_zone: String,
    group_slug: String,
    group_name: String,
    /// The ticket page, with its QR image.
    ticket_url: String,
    /// The event's own calendar entry.
    ics_url: String,
}

fn body(state: &AppState, t: &TicketView) -> TicketBody {
    let (r, ev, g) = (&t.registration, &t.event, &t.group);
    TicketBody {
        id: r.id.to_string(),
        status: r.status.as_str().to_owned(),
        waitlist_position: t.waitlist_position,
        offer_expires_at: r.offer_expires_at.map(|at| at.to_rfc3339()),
        ticket_code: (r.status == RegistrationStatus::Confirmed).then(|| r.ticket_code.display()),
        checked_in_at: r.checked_in_at.map(|c| c.to_rfc3339()),
        state: t.state(chrono::Utc::now()).as_str().to_owned(),
        can_cancel: t.can_cancel(chrono::Utc::now()),
        event_id: ev.id.to_string(),
        event_title: ev.details.title.to_string(),
        event_status: ev.status.as_str().to_owned(),
        starts_at: ev.starts_at().to_rfc3339(),
        ends_at: ev.ends_at().to_rfc3339(),
        time_zone: g.profile.time_zone.name().to_owned(),
        group_slug: g.profile.slug.to_string(),
        group_name: g.profile.name.to_string(),
        ticket_url: state.config.link(&format!("/tickets/{}", r.id)),
        ics_url: state.config.link(&format!("/events/{}.ics", ev.id)),
    }
}

/// The caller's tickets, confirmed and waiting, newest event first.
#[utoipa::path(get, path = "/v1/me/tickets", tag = "registrations", operation_id = "my_tickets",
    responses((status = 200, body = [TicketBody]), (status = 401, body = Problem)))]
pub async fn mine(State(state): State<AppState>, ApiUser(u): ApiUser) -> AppResult<Json<Vec<TicketBody>>> {
    let list = ticket_view::mine(&state.services, &u.actor).await?;
    Ok(Json(list.iter().map(|t| body(&state, t)).collect()))
}

/// One ticket, for its holder or those who run its group; anyone else
/// gets 404.
#[utoipa::path(get, path = "/v1/tickets/{id}", tag = "registrations", operation_id = "ticket", params(("id" = String, Path)),
    responses((status = 200, body = TicketBody), (status = 401, body = Problem), (status = 404, body = Problem)))]
pub async fn one(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<RegistrationId>,
) -> AppResult<Json<TicketBody>> {
    Ok(Json(body(&state, &ticket_view::one(&state.services, &u.actor, id).await?)))
}

/// Issue 18: what became of the caller's places, counted over every event
/// they registered for.
#[derive(Serialize, ToSchema)]
pub struct AttendanceBody {
    /// Checked in at the door.
    came: u32,
    /// Kept a seat to the end and was not checked in.
    did_not_come: u32,
    /// Let the place go before the start.
    released_in_time: u32,
    /// Let the place go after the start.
    released_late: u32,
    /// Waited, or was offered a seat, and never held one.
    no_seat: u32,
    /// The organisers cancelled the event.
    event_cancelled: u32,
    /// Still to come.
    upcoming: u32,
}

/// The caller's attendance record.
#[utoipa::path(get, path = "/v1/me/attendance", tag = "registrations",
    responses((status = 200, body = AttendanceBody), (status = 401, body = Problem)))]
pub async fn attendance(State(state): State<AppState>, ApiUser(u): ApiUser) -> AppResult<Json<AttendanceBody>> {
    let r = ticket_view::record(&state.services, &u.actor).await?;
    Ok(Json(AttendanceBody {
        came: r.came,
        did_not_come: r.did_not_come,
        released_in_time: r.released_in_time,
        released_late: r.released_late,
        no_seat: r.no_seat,
        event_cancelled: r.event_cancelled,
        upcoming: r.upcoming,
    }))
}
