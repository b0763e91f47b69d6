//! UG-16: series through the API: a group's leaders create, edit and
//! publish one; a member registers for every date at once and leaves it.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use guildhall_domain::ids::SeriesId;
use guildhall_domain::series::RecurrenceFields;
use guildhall_domain::values::Slug;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ApiJson, MaybeApiUser, Problem};
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::error::AppResult;
use crate::services::groups as group_service;
use crate::services::series::{self as service, SeriesInput, SeriesView};
use crate::web::path::Path;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(create))
        .routes(routes!(get_series, update))
        .routes(routes!(publish))
        .routes(routes!(cancel))
        .routes(routes!(join))
        .routes(routes!(leave))
}

/// A series: what its dates share and the rule that gives them, in the
/// group's time zone. Either `count` or `until` ends it.
#[derive(Deserialize, ToSchema, Default)]
pub struct SeriesBody {
    #[serde(default)]
    title: String,
    #[serde(default)]
    description: String,
    /// Seats at each date.
    #[serde(default)]
    capacity: String,
    #[serde(default)]
    online_link: String,
    #[serde(default)]
    venue_id: String,
    /// UG-18: `automatic` (a freed seat goes to the first person waiting)
    /// or `offers` (offered to them until a deadline), for every date.
    #[serde(default)]
    waitlist_mode: String,
    /// The first day it may meet, `2027-01-01`.
    #[serde(default)]
    from: String,
    /// `weekly` or `monthly`.
    #[serde(default)]
    frequency: String,
    /// `MO` to `SU`.
    #[serde(default)]
    weekday: String,
    /// Weekly: every how many weeks, 1 to 4 (1 when absent).
    #[serde(default)]
    interval: String,
    /// Monthly: which of the month's weekdays, `1` to `4`, or `-1` for the last.
    #[serde(default)]
    nth: String,
    /// Local times, `18:30`.
    #[serde(default)]
    starts: String,
    #[serde(default)]
    ends: String,
    /// How many dates (at most 52)…
    #[serde(default)]
    count: String,
    /// …or the last day, `2027-06-30`.
    #[serde(default)]
    until: String,
    /// Days it does not meet, comma-separated.
    #[serde(default)]
    skipped: String,
}

impl From<SeriesBody> for SeriesInput {
    fn from(b: SeriesBody) -> Self {
        SeriesInput {
            title: b.title,
            description: b.description,
            capacity: b.capacity,
            online_link: b.online_link,
            venue_id: b.venue_id,
            waitlist_mode: b.waitlist_mode,
            rule: RecurrenceFields {
                from: b.from,
                frequency: b.frequency,
                weekday: b.weekday,
                interval: b.interval,
                nth: b.nth,
                starts: b.starts,
                ends: b.ends,
                count: b.count,
                until: b.until,
                skipped: b.skipped,
            },
        }
    }
}

/// One date of a series.
#[derive(Serialize, ToSchema)]
pub struct SeriesDate {
    event_id: String,
    /// RFC 3339, UTC.
    starts_at: String,
    /// draft, published, cancelled or completed.
    status: String,
    /// The caller's place at this date: confirmed, offered (UG-18) or waitlisted; null without one.
    mine: Option<String>,
    /// The caller's registration at this date, to give up this date only
    /// (`DELETE /v1/events/{event_id}/registrations/{registration_id}`).
    registration_id: Option<String>,
    url: String,
}

/// A series as the caller may see it.
#[derive(Serialize, ToSchema)]
pub struct SeriesOut {
    id: String,
    group_slug: String,
    title: String,
    description: String,
    capacity: u32,
    /// The rule as calendars read it (RFC 5545 RRULE); its COUNT includes
    /// the `skipped` days, which calendars remove as EXDATEs.
    rrule: String,
    /// Local days the series does not meet, `2027-04-30`.
    skipped: Vec<String>,
    time_zone: String,
    /// The caller registered for the whole series.
    joined: bool,
    dates: Vec<SeriesDate>,
    url: String,
}

fn out(state: &AppState, v: &SeriesView) -> SeriesOut {
    SeriesOut {
        id: v.series.id.to_string(),
        group_slug: v.group.profile.slug.to_string(),
        title: v.series.title.to_string(),
        description: v.series.description.to_string(),
        capacity: v.series.capacity.get(),
        rrule: v.series.rrule.clone(),
        skipped: v.series.rule.skipped.iter().map(|d| d.to_string()).collect(),
        time_zone: v.group.profile.time_zone.name().to_owned(),
        joined: v.joined,
        dates: v
            .dates
            .iter()
            .map(|e| SeriesDate {
                event_id: e.id.to_string(),
                starts_at: e.starts_at().to_rfc3339(),
                status: e.status.as_str().to_owned(),
                mine: v.mine.get(&e.id).map(|(_, s)| s.as_str().to_owned()),
                registration_id: v.mine.get(&e.id).map(|(r, _)| r.to_string()),
                url: state.config.link(&format!("/events/{}", e.id)),
            })
            .collect(),
        url: state.config.link(&format!("/series/{}", v.series.id)),
    }
}

/// Creates a series of draft dates in the group (its leaders).
#[utoipa::path(post, path = "/v1/groups/{slug}/series", tag = "series", params(("slug" = String, Path)),
    request_body = SeriesBody,
    responses((status = 201, body = SeriesOut), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(slug): Path<Slug>,
    ApiJson(b): ApiJson<SeriesBody>,
) -> AppResult<(StatusCode, Json<SeriesOut>)> {
    let g = group_service::by_slug(&state.services, &slug).await?;
    let id = service::create(&state.services, &u.actor, g.id, &b.into()).await?;
    let v = service::view(&state.services, Some(&u.actor), id).await?;
    Ok((StatusCode::CREATED, Json(out(&state, &v))))
}

#[utoipa::path(get, path = "/v1/series/{id}", tag = "series", params(("id" = String, Path)),
    responses((status = 200, body = SeriesOut), (status = 404, body = Problem)), security((), ("bearer" = [])))]
pub async fn get_series(
    State(state): State<AppState>,
    MaybeApiUser(u): MaybeApiUser,
    Path(id): Path<SeriesId>,
) -> AppResult<Json<SeriesOut>> {
    let v = service::view(&state.services, u.as_ref().map(|u| &u.actor), id).await?;
    Ok(Json(out(&state, &v)))
}

/// What editing changed: only dates still to come change.
#[derive(Serialize, ToSchema)]
pub struct ReplannedOut {
    changed: usize,
    added: usize,
    cancelled: usize,
}

/// Replaces the series' details and rule; its future dates follow (a day
/// the rule no longer gives is cancelled, its registrants emailed).
#[utoipa::path(put, path = "/v1/series/{id}", tag = "series", params(("id" = String, Path)), request_body = SeriesBody,
    responses((status = 200, body = ReplannedOut), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn update(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<SeriesId>,
    ApiJson(b): ApiJson<SeriesBody>,
) -> AppResult<Json<ReplannedOut>> {
    let r = service::update(&state.services, &u.actor, id, &b.into()).await?;
    Ok(Json(ReplannedOut { changed: r.changed, added: r.added, cancelled: r.cancelled }))
}

/// How many dates were published.
#[derive(Serialize, ToSchema)]
pub struct PublishedOut {
    published: usize,
}

/// Publishes every future draft date; followers are told once (UG-15).
#[utoipa::path(post, path = "/v1/series/{id}/publish", tag = "series", params(("id" = String, Path)),
    responses((status = 200, body = PublishedOut), (status = 403, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
pub async fn publish(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<SeriesId>,
) -> AppResult<Json<PublishedOut>> {
    let published = service::publish(&state.services, &u.actor, id).await?;
    Ok(Json(PublishedOut { published }))
}

/// Why the series is cancelled: every registered person reads it.
#[derive(Deserialize, ToSchema)]
pub struct CancelBody {
    /// Up to 500 characters.
    #[serde(default)]
    reason: String,
}

/// How many dates were cancelled.
#[derive(Serialize, ToSchema)]
pub struct CancelledOut {
    cancelled: usize,
}

/// Cancels every date still to come, emailing everyone registered or
/// waiting with the reason; dates already held stay (PL-13).
#[utoipa::path(post, path = "/v1/series/{id}/cancel", tag = "series", params(("id" = String, Path)), request_body = CancelBody,
    responses((status = 200, body = CancelledOut), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn cancel(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<SeriesId>,
    ApiJson(b): ApiJson<CancelBody>,
) -> AppResult<Json<CancelledOut>> {
    let reason = guildhall_domain::values::Reason::parse(&b.reason)?;
    let cancelled = service::cancel(&state.services, &u.actor, id, &reason).await?;
    Ok(Json(CancelledOut { cancelled }))
}

/// Where registering for the whole series left the caller.
#[derive(Serialize, ToSchema)]
pub struct JoinedOut {
    /// Dates where the caller holds a seat.
    places: usize,
    /// Dates where the caller is on the waiting list.
    waiting: usize,
}

/// The caller registers for every future date at once (UG-16), and for
/// each date published later.
#[utoipa::path(post, path = "/v1/series/{id}/registrations", tag = "series", params(("id" = String, Path)),
    responses((status = 200, body = JoinedOut), (status = 404, body = Problem), (status = 409, body = Problem)))]
pub async fn join(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<SeriesId>,
) -> AppResult<Json<JoinedOut>> {
    let j = service::join(&state.services, &u, id).await?;
    Ok(Json(JoinedOut { places: j.places, waiting: j.waiting }))
}

/// The caller leaves the series: every future place is given up.
#[utoipa::path(delete, path = "/v1/series/{id}/registrations/me", tag = "series", params(("id" = String, Path)),
    responses((status = 204), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn leave(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<SeriesId>,
) -> AppResult<StatusCode> {
    service::leave(&state.services, &u.actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
