//! Tickets (UG-14): a member's registrations, each ticket with its code
//! and QR image, and cancelling.

use crate::web::path::Path;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use guildhall_domain::ids::RegistrationId;
use guildhall_domain::registration::TicketState;
use guildhall_storage::events::Event;
use guildhall_storage::groups::Group;
use guildhall_storage::registrations::Registration;
use qrcode::render::svg;
use qrcode::QrCode;

use super::views::{when_text, EventCard};
use crate::app::AppState;
use crate::auth::csrf::CsrfForm;
use crate::error::AppResult;
use crate::services::registrations as reg_service;
use crate::services::ticket_view::{self, TicketView};
use crate::web::ctx::PageCtx;
use guildhall_domain::attendance::Record;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/tickets", get(my_tickets))
        .route("/tickets/{id}", get(ticket))
        .route("/tickets/{id}/cancel", post(cancel))
        .route("/tickets/{id}/claim", post(claim))
}

#[derive(Template)]
#[template(path = "ticket.html")]
struct TicketPage {
    ctx: PageCtx,
    r: Registration,
    ev: Event,
    group: Group,
    when: String,
    code: String,
    qr_svg: String,
    position: Option<i64>,
    can_cancel: bool,
    state: TicketState,
    /// The holder's name when the reader runs the group instead.
    held_by_other: Option<String>,
}

impl TicketPage {
    /// UG-18: the seat is theirs if they claim it by the deadline.
    fn offer_text(&self) -> String {
        let until = self.r.offer_expires_at.map(|at| self.group.profile.time_zone.format(at)).unwrap_or_default();
        self.ctx.tr.with("ticket-offered", &[("until", &until)])
    }

    fn is_offered(&self) -> bool {
        self.state == TicketState::Offered && self.held_by_other.is_none()
    }

    fn just_claimed(&self) -> bool {
        self.ctx.query_flag("done", "claimed") && self.state == TicketState::Expected
    }

    fn wait_text(&self, position: &i64) -> String {
        self.ctx.tr.with("event-you-wait", &[("position", &position.to_string())])
    }

    fn holder_text(&self, name: &str) -> String {
        self.ctx.tr.with("ticket-held-by", &[("name", name)])
    }

    fn shows_code(&self) -> bool {
        self.state.shows_code()
    }

    /// The sentence that says where the place stands (PL-13).
    fn state_text(&self) -> String {
        match self.state {
            TicketState::Expected => self.ctx.t("event-you-are-in"),
            TicketState::CheckedIn => self.ctx.t("ticket-checked-in"),
            TicketState::Waiting => self.wait_text(&self.position.unwrap_or(1)),
            TicketState::Offered => self.offer_text(),
            TicketState::EventCancelled => self.ctx.t("ticket-event-cancelled"),
            TicketState::GivenUp => self.ctx.t("ticket-given-up"),
            TicketState::Ended => self.ctx.t("ticket-ended"),
        }
    }

    fn state_class(&self) -> &'static str {
        match self.state {
            TicketState::Expected | TicketState::CheckedIn => "success",
            TicketState::EventCancelled => "warn",
            _ => "info",
        }
    }
}

/// The QR image a leader's phone reads at the door: it opens the
/// check-in page with this code filled in.
fn qr(url: &str) -> String {
    match QrCode::new(url.as_bytes()) {
        Ok(code) => code
            .render::<svg::Color>()
            .min_dimensions(220, 220)
            .dark_color(svg::Color("#111111"))
            .light_color(svg::Color("#ffffff"))
            .build()
            // Inline in HTML, so without the XML declaration it starts with.
            .split_once("<svg")
            .map(|(_, rest)| format!("<svg{rest}"))
            .unwrap_or_default(),
        Err(_) => String::new(),
    }
}

async fn ticket(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<RegistrationId>,
) -> AppResult<Html<String>> {
    let actor = ctx.require()?.actor.clone();
    let t = ticket_view::one(&state.services, &actor, id).await?;
    let now = chrono::Utc::now();
    let (can_cancel, ticket_state) = (t.can_cancel(now), t.state(now));
    let TicketView { registration: r, event: ev, group, waitlist_position: position, held_by_other } = t;
    let checkin_url = state.config.link(&format!("/events/{}/attendees?code={}", ev.id, r.ticket_code.as_str()));
    let page = TicketPage {
        when: when_text(ev.starts_at(), ev.ends_at(), group.profile.time_zone),
        code: r.ticket_code.display(),
        qr_svg: if ticket_state.shows_code() { qr(&checkin_url) } else { String::new() },
        position,
        can_cancel,
        state: ticket_state,
        held_by_other,
        ctx,
        r,
        ev,
        group,
    };
    Ok(Html(page.render()?))
}

async fn cancel(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<RegistrationId>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let (r, ev, _) = reg_service::visible(&state.services, &actor, id).await?;
    reg_service::cancel(&state.services, &actor, ev.id, r.id).await?;
    // The ticket now says the place was given up and how to come back.
    Ok(Redirect::to(&format!("/tickets/{}", r.id)).into_response())
}

/// UG-18: the holder claims the seat offered to them.
async fn claim(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<RegistrationId>,
    CsrfForm(_): CsrfForm<serde::de::IgnoredAny>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let (r, ev, _) = reg_service::visible(&state.services, &actor, id).await?;
    crate::services::offers::claim(&state.services, &actor, ev.id, r.id).await?;
    Ok(Redirect::to(&format!("/tickets/{}?done=claimed", r.id)).into_response())
}

#[derive(Template)]
#[template(path = "tickets.html")]
struct TicketsPage {
    ctx: PageCtx,
    tickets: Vec<(String, EventCard, TicketState)>,
    record: Record,
}

impl TicketsPage {
    fn count(&self, key: &str, n: &u32) -> String {
        self.ctx.tr.with(key, &[("count", &n.to_string())])
    }

    fn summary(&self) -> String {
        let r = &self.record;
        self.ctx.tr.with("record-summary", &[("came", &r.came.to_string()), ("held", &r.held_to_the_end().to_string())])
    }

    fn has_past(&self) -> bool {
        let r = &self.record;
        r.held_to_the_end() + r.released_in_time + r.released_late > 0
    }
}

async fn my_tickets(State(state): State<AppState>, ctx: PageCtx) -> AppResult<Html<String>> {
    let actor = ctx.require()?.actor.clone();
    let now = chrono::Utc::now();
    let tickets = ticket_view::mine(&state.services, &actor)
        .await?
        .iter()
        .map(|t| (t.registration.id.to_string(), EventCard::new(&t.event, &t.group), t.state(now)))
        .collect();
    let record = ticket_view::record(&state.services, &actor).await?;
    Ok(Html(TicketsPage { ctx, tickets, record }.render()?))
}
