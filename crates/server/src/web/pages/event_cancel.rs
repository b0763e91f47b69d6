//! Cancelling an event asks first (PL-13): a page that says who will be
//! emailed and asks for the reason they will read (UG-14). Without a
//! script, the event page's "Cancel event…" is a link to this page.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use guildhall_domain::ids::EventId;
use guildhall_domain::values::Reason;
use guildhall_storage::events::Event;
use guildhall_storage::groups::Group;
use guildhall_storage::registrations::{self, Tally};
use serde::Deserialize;

use super::views::when_text;
use super::FormErrors;
use crate::app::AppState;
use crate::auth::csrf::CsrfForm;
use crate::error::AppResult;
use crate::services::events as event_service;
use crate::web::ctx::PageCtx;
use crate::web::path::Path;

pub fn router() -> Router<AppState> {
    Router::new().route("/events/{id}/cancel", get(ask).post(cancel))
}

#[derive(Template)]
#[template(path = "event_cancel.html")]
struct CancelPage {
    ctx: PageCtx,
    ev: Event,
    group: Group,
    when: String,
    tally: Tally,
    reason: String,
    errors: FormErrors,
}

impl CancelPage {
    /// Who will be emailed: everyone registered, with a seat or on the
    /// waiting list. Walk-ins hold seats but registered nothing, so they
    /// are not among them (the tally counts them as seats taken).
    fn who(&self) -> String {
        // Someone offered a seat (UG-18) holds one and is told like the rest.
        let registered = self.tally.confirmed.saturating_sub(self.tally.walk_ins) + self.tally.offered;
        let (confirmed, waiting) = (registered.to_string(), self.tally.waiting.to_string());
        let count = registered.saturating_add(self.tally.waiting).to_string();
        let args = [("count", count.as_str()), ("confirmed", confirmed.as_str()), ("waiting", waiting.as_str())];
        self.ctx.tr.with("event-cancel-who", &args)
    }

    /// Whether anyone will be emailed, so the button does not promise it.
    fn emails_anyone(&self) -> bool {
        self.tally.confirmed.saturating_sub(self.tally.walk_ins) + self.tally.offered + self.tally.waiting > 0
    }

    /// Walk-ins already let in are not emailed: said, so nobody expects it.
    fn walk_ins(&self) -> Option<String> {
        let n = self.tally.walk_ins.to_string();
        (self.tally.walk_ins > 0).then(|| self.ctx.tr.with("event-cancel-walk-ins", &[("count", n.as_str())]))
    }
}

/// The page, for the event's organisers only; an event past cancelling
/// sends them back to its page, which says its state.
async fn show(state: &AppState, ctx: PageCtx, id: EventId, reason: String, errors: FormErrors) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let (ev, group) = event_service::managed_event(&state.services, &actor, id).await?;
    if !ev.status.is_editable() {
        return Ok(Redirect::to(&format!("/events/{id}")).into_response());
    }
    let tally = registrations::tally(state.services.db.reader(), id).await?;
    let when = when_text(ev.starts_at(), ev.ends_at(), group.profile.time_zone);
    let errors = errors.shown_on(&["reason"]);
    let page = CancelPage { ctx, ev, group, when, tally, reason, errors };
    Ok(page.errors.respond(page.render()?))
}

async fn ask(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<EventId>) -> AppResult<Response> {
    let errors = FormErrors::none(ctx.tr);
    show(&state, ctx, id, String::new(), errors).await
}

#[derive(Deserialize)]
struct CancelFields {
    #[serde(default)]
    reason: String,
}

async fn cancel(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<EventId>,
    CsrfForm(f): CsrfForm<CancelFields>,
) -> AppResult<Response> {
    let actor = ctx.require()?.actor.clone();
    let done = match Reason::parse(&f.reason) {
        Ok(reason) => event_service::cancel(&state.services, &actor, id, Some(&reason)).await,
        Err(e) => Err(e.into()),
    };
    match done {
        Ok(_) => Ok(Redirect::to(&format!("/events/{id}")).into_response()),
        Err(e) => {
            let errors = FormErrors::from_error(ctx.tr, e)?;
            show(&state, ctx, id, f.reason, errors).await
        }
    }
}
