//! Calendars and feeds (UG-14, PL-5): `/events/{id}.ics`,
//! `/groups/{slug}/events.ics` and `/groups/{slug}/feed.atom`.

mod atom;

use crate::web::path::Path;
use axum::extract::State;
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use chrono::{Duration, Utc};
use guildhall_domain::ids::EventId;
use guildhall_domain::values::Slug;
use guildhall_domain::DomainError;
use guildhall_storage::events::{self, Event, When};
use guildhall_storage::groups::{self, Group};
use guildhall_storage::venues::{self, Venue};

use crate::app::AppState;
use crate::calendar::ics;
use crate::error::{AppError, AppResult};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/groups/{slug}/events.ics", get(group_calendar))
        .route("/groups/{slug}/feed.atom", get(group_feed))
}

pub fn calendar_response(body: String, filename: &str) -> Response {
    (
        [
            (CONTENT_TYPE, "text/calendar; charset=utf-8".to_owned()),
            (CONTENT_DISPOSITION, format!("inline; filename=\"{filename}\"")),
            (CACHE_CONTROL, "public, max-age=300".to_owned()),
        ],
        body,
    )
        .into_response()
}

/// An interview's calendar invite (UG-2, CH-6) as a download: `uid` is
/// made unique to this site, `path` is the application's page.
pub fn interview_invite(
    state: &AppState,
    uid: &str,
    summary: &str,
    description: &str,
    (starts, ends): (chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>),
    path: &str,
) -> Response {
    let url = state.config.link(path);
    let description = format!("{description}\n\n{url}");
    let body = ics::interview(&format!("{uid}@{}", host(state)), summary, &description, starts, ends, &url);
    calendar_response(body, "interview.ics")
}

pub fn host(state: &AppState) -> String {
    state.services.links.host().to_owned()
}

async fn venue_of(state: &AppState, ev: &Event) -> AppResult<Option<Venue>> {
    Ok(match ev.venue_id {
        Some(v) => venues::get(state.services.db.reader(), v).await?,
        None => None,
    })
}

/// `GET /events/{id}.ics` (routed by the event page, which owns `/events/{id}`).
pub async fn event_calendar(state: &AppState, id: &str) -> AppResult<Response> {
    let id: EventId = id.parse().map_err(|_| DomainError::NotFound)?;
    let ev = events::get(state.services.db.reader(), id)
        .await?
        .filter(|e| e.status.is_public())
        .ok_or(DomainError::NotFound)?;
    let g = groups::by_id(state.services.db.reader(), ev.group_id).await?.ok_or(DomainError::NotFound)?;
    let venue = venue_of(state, &ev).await?;
    let entry = ics::Entry {
        event: &ev,
        venue: venue.as_ref(),
        url: state.config.link(&format!("/events/{id}")),
        group_name: g.profile.name.as_str(),
    };
    let body = ics::calendar(ev.details.title.as_str(), &g, &host(state), &[entry]);
    Ok(calendar_response(body, &format!("{id}.ics")))
}

async fn public_group(state: &AppState, slug: &Slug) -> Result<Group, AppError> {
    Ok(groups::by_slug(state.services.db.reader(), slug.as_str()).await?.ok_or(DomainError::NotFound)?)
}

/// Upcoming events and those of the last year, for calendar apps.
async fn group_calendar(State(state): State<AppState>, Path(slug): Path<Slug>) -> AppResult<Response> {
    let g = public_group(&state, &slug).await?;
    let since = Utc::now() - Duration::days(365);
    let list = events::for_group(state.services.db.reader(), g.id, When::Upcoming, false, since, 500).await?;
    let mut vs = Vec::with_capacity(list.len());
    for ev in &list {
        vs.push(venue_of(&state, ev).await?);
    }
    let entries: Vec<ics::Entry> = list
        .iter()
        .zip(vs.iter())
        .map(|(ev, v)| ics::Entry {
            event: ev,
            venue: v.as_ref(),
            url: state.config.link(&format!("/events/{}", ev.id)),
            group_name: g.profile.name.as_str(),
        })
        .collect();
    let body = ics::calendar(g.profile.name.as_str(), &g, &host(&state), &entries);
    Ok(calendar_response(body, &format!("{slug}.ics")))
}

async fn group_feed(State(state): State<AppState>, Path(slug): Path<Slug>) -> AppResult<Response> {
    let g = public_group(&state, &slug).await?;
    let list = events::for_group(state.services.db.reader(), g.id, When::Upcoming, false, Utc::now(), 100).await?;
    let items: Vec<(Event, String)> = list
        .into_iter()
        .map(|e| {
            let u = state.config.link(&format!("/events/{}", e.id));
            (e, u)
        })
        .collect();
    let body = atom::feed(
        &g,
        state.config.link(&format!("/groups/{slug}")),
        state.config.link(&format!("/groups/{slug}/feed.atom")),
        &items,
    );
    Ok(([(CONTENT_TYPE, "application/atom+xml; charset=utf-8"), (CACHE_CONTROL, "public, max-age=300")], body)
        .into_response())
}
