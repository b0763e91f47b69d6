//! Calendars and feeds (UG-14, UG-17, PL-5): `/events/{id}.ics`, the
//! `events.ics` of a group, a series and a region, a member's private
//! `/calendar/{token}`, and `/groups/{slug}/feed.atom`. What they list is
//! read by `services::calendar_feeds`.

mod atom;

use crate::web::path::Path;
use axum::extract::State;
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::HeaderValue;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use chrono::Utc;
use guildhall_domain::ids::{EventId, RegionId, SeriesId};
use guildhall_domain::values::Slug;
use guildhall_domain::DomainError;
use guildhall_storage::events::{self, Event, When};
use guildhall_storage::groups::{self, Group};

use crate::app::AppState;
use crate::calendar::ics;
use crate::error::{AppError, AppResult};
use crate::services::calendar_feeds;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/groups/{slug}/events.ics", get(group_calendar))
        .route("/groups/{slug}/feed.atom", get(group_feed))
        .route("/series/{id}/events.ics", get(series_calendar))
        .route("/regions/{id}/events.ics", get(region_calendar))
        .route("/calendar/{token}", get(member_calendar))
}

/// A feed's address as `webcal:`, which opens a calendar app's
/// subscribe dialog.
pub fn webcal(https: &str) -> String {
    https.replacen("https://", "webcal://", 1).replacen("http://", "webcal://", 1)
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

/// `GET /events/{id}.ics` (routed by the event page, which owns `/events/{id}`).
pub async fn event_calendar(state: &AppState, id: &str) -> AppResult<Response> {
    let id: EventId = id.parse().map_err(|_| DomainError::NotFound)?;
    let body = calendar_feeds::event_file(&state.services, id).await?;
    Ok(calendar_response(body, &format!("{id}.ics")))
}

async fn public_group(state: &AppState, slug: &Slug) -> Result<Group, AppError> {
    Ok(groups::by_slug(state.services.db.reader(), slug.as_str()).await?.ok_or(DomainError::NotFound)?)
}

/// A group's events of the last year and to come, for calendar apps.
async fn group_calendar(State(state): State<AppState>, Path(slug): Path<Slug>) -> AppResult<Response> {
    let body = calendar_feeds::group_feed(&state.services, slug.as_str()).await?;
    Ok(calendar_response(body, &format!("{slug}.ics")))
}

/// UG-16: a series' dates.
async fn series_calendar(State(state): State<AppState>, Path(id): Path<SeriesId>) -> AppResult<Response> {
    let body = calendar_feeds::series_feed(&state.services, id).await?;
    Ok(calendar_response(body, &format!("series-{id}.ics")))
}

/// The events of every group of a region.
async fn region_calendar(State(state): State<AppState>, Path(id): Path<RegionId>) -> AppResult<Response> {
    let body = calendar_feeds::region_feed(&state.services, id).await?;
    Ok(calendar_response(body, &format!("region-{id}.ics")))
}

/// UG-17: a member's private feed. The address is the only key, so it
/// is never stored by shared caches.
async fn member_calendar(State(state): State<AppState>, Path(token): Path<String>) -> AppResult<Response> {
    let body = calendar_feeds::member_feed(&state.services, &token).await?;
    let mut res = calendar_response(body, "guildhall.ics");
    res.headers_mut().insert(CACHE_CONTROL, HeaderValue::from_static("private, max-age=300"));
    res.headers_mut().insert("referrer-policy", HeaderValue::from_static("no-referrer"));
    Ok(res)
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
