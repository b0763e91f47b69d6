//! UG-15: the community team's announcements to a region's leaders or a
//! program's members. Ask for the reach first; send with the count you
//! were shown as `expected_recipients`, and a changed audience is refused
//! with the new count instead of reaching people you did not count.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use guildhall_domain::follow::{Announcement, Audience};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ApiJson, Problem};
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::error::AppResult;
use crate::services::announcements as service;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list, send)).routes(routes!(audiences)).routes(routes!(reach))
}

/// Whom an announcement is for.
#[derive(Deserialize, Serialize, ToSchema)]
pub struct AudienceBody {
    /// `region_leaders` or `program_members`.
    #[serde(default)]
    audience: String,
    /// The region's id, or the program (`champions`, `mvp`, `ambassadors`).
    #[serde(default)]
    target: String,
}

/// An audience the caller may write to.
#[derive(Serialize, ToSchema)]
pub struct AudienceChoice {
    audience: String,
    target: String,
    /// The region's or program's name.
    name: String,
}

#[derive(Serialize, ToSchema)]
pub struct ReachBody {
    /// How many it would be emailed to now.
    recipients: usize,
    /// How many of the audience turned announcements off (PL-4).
    opted_out: usize,
}

#[derive(Deserialize, ToSchema)]
pub struct NewAnnouncement {
    #[serde(default)]
    audience: String,
    #[serde(default)]
    target: String,
    #[serde(default)]
    subject: String,
    #[serde(default)]
    body: String,
    /// The count `POST /v1/announcements/reach` gave: when the audience has
    /// changed since, nothing is sent and the answer is 409 with the new count.
    expected_recipients: Option<usize>,
}

#[derive(Serialize, ToSchema)]
pub struct SentAnnouncement {
    id: String,
    audience: String,
    target: String,
    subject: String,
    body: String,
    /// How many it was queued for.
    recipients: u64,
    /// Who sent it (null once erased).
    author: Option<String>,
    sent_at: String,
}

/// The audiences the caller may write to: regions whose leaders they may
/// address, and programs when they are program staff.
#[utoipa::path(get, path = "/v1/announcements/audiences", tag = "announcements", operation_id = "announcement_audiences",
    responses((status = 200, body = [AudienceChoice]), (status = 401, body = Problem)))]
pub async fn audiences(State(state): State<AppState>, ApiUser(u): ApiUser) -> AppResult<Json<Vec<AudienceChoice>>> {
    let choices = service::choices(&state.services, &u.actor).await?;
    Ok(Json(
        choices
            .into_iter()
            .map(|c| AudienceChoice {
                audience: c.audience.kind().to_owned(),
                target: c.audience.target(),
                name: c.name,
            })
            .collect(),
    ))
}

/// How many an announcement to this audience would reach now.
#[utoipa::path(post, path = "/v1/announcements/reach", tag = "announcements", operation_id = "announcement_reach",
    request_body = AudienceBody,
    responses((status = 200, body = ReachBody), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 422, body = Problem)))]
pub async fn reach(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    ApiJson(b): ApiJson<AudienceBody>,
) -> AppResult<Json<ReachBody>> {
    let audience = Audience::parse(&b.audience, &b.target)?;
    let r = service::reach(&state.services, &u.actor, audience).await?;
    Ok(Json(ReachBody { recipients: r.recipients, opted_out: r.opted_out }))
}

/// Sends an announcement through the outbox, each in their language, with
/// a one-click unsubscribe from announcements.
#[utoipa::path(post, path = "/v1/announcements", tag = "announcements", operation_id = "send_announcement",
    request_body = NewAnnouncement,
    responses((status = 202, body = ReachBody), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 409, body = Problem, description = "the audience changed since its reach was read"),
        (status = 422, body = Problem)))]
pub async fn send(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    ApiJson(b): ApiJson<NewAnnouncement>,
) -> AppResult<(StatusCode, Json<ReachBody>)> {
    // The caller's right comes before the body's problems.
    if let Ok(audience) = Audience::parse(&b.audience, &b.target) {
        guildhall_domain::access::authorize(&u.actor, audience.action())?;
    }
    let a = Announcement::parse(&b.audience, &b.target, &b.subject, &b.body)?;
    let recipients = service::send(&state.services, &u.actor, &a, b.expected_recipients).await?;
    Ok((StatusCode::ACCEPTED, Json(ReachBody { recipients, opted_out: 0 })))
}

/// The latest announcements to audiences the caller may write to.
#[utoipa::path(get, path = "/v1/announcements", tag = "announcements", operation_id = "list_announcements",
    responses((status = 200, body = [SentAnnouncement]), (status = 401, body = Problem)))]
pub async fn list(State(state): State<AppState>, ApiUser(u): ApiUser) -> AppResult<Json<Vec<SentAnnouncement>>> {
    let sent = service::recent(&state.services, &u.actor).await?;
    Ok(Json(
        sent.into_iter()
            .map(|s| SentAnnouncement {
                id: s.id.to_string(),
                audience: s.audience.kind().to_owned(),
                target: s.audience.target(),
                subject: s.subject,
                body: s.body,
                recipients: s.recipients,
                author: s.author,
                sent_at: s.created_at.to_rfc3339(),
            })
            .collect(),
    ))
}
