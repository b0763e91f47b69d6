//! Events, registrations and check-in over the API (UG-14, PL-6).

use crate::web::path::Path;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use guildhall_domain::access::Actor;
use guildhall_domain::event::{to_local_input, EventCommand, EventFields};
use guildhall_domain::ids::{EventId, MemberId, RegistrationId, TalkId};
use guildhall_domain::values::{Reason, Slug};
use guildhall_domain::DomainError;
use guildhall_storage::events::{self, Event, Speaker, When};
use guildhall_storage::groups::Group;
use guildhall_storage::registrations;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ApiJson, MaybeApiUser, Problem};
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::error::AppResult;
use crate::services::event_view::{self, EventView};
use crate::services::events::{self as event_service};
use crate::services::groups as group_service;
use crate::services::registrations::{self as reg_service, CheckInBy};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_events, create_event))
        .routes(routes!(get_event, update_event))
        .routes(routes!(publish))
        .routes(routes!(cancel))
        .routes(routes!(complete))
        .routes(routes!(list_registrations, register))
        .routes(routes!(unregister))
        .routes(routes!(check_in))
        .routes(routes!(add_talk))
        .routes(routes!(remove_talk, edit_talk))
}

#[derive(Serialize, ToSchema)]
pub struct VenueBody {
    id: String,
    name: String,
    address: String,
    city: String,
    country: String,
    kind: String,
}

#[derive(Serialize, ToSchema)]
#[schema(as = TalkSpeakerBody)]
pub struct SpeakerBody {
    name: String,
    /// Set when the speaker is a member; guests have none.
    member_id: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct TalkBody {
    id: String,
    title: String,
    #[serde(rename = "abstract")]
    abstract_text: String,
    speakers: Vec<SpeakerBody>,
    /// UG-6: pending, approved or changes_requested.
    review_status: String,
    /// The reviewer's notes for the speaker.
    review_notes: String,
    /// UG-14: the talk's slides, once the event took place.
    slides_url: Option<String>,
    /// UG-14: the talk's recording.
    recording_url: Option<String>,
}

/// An event (UG-14). There is no price: events are free (UG-9).
#[derive(Serialize, ToSchema)]
pub struct EventBody {
    id: String,
    group_slug: String,
    title: String,
    description: String,
    /// RFC 3339, UTC.
    starts_at: String,
    ends_at: String,
    /// The group's IANA time zone and the local wall-clock times in it.
    time_zone: String,
    local_starts_at: String,
    local_ends_at: String,
    capacity: u32,
    /// draft, published, cancelled or completed.
    status: String,
    /// Why a cancelled event was cancelled, as its organisers wrote it
    /// (null when none was given, or the event is not cancelled).
    cancellation_reason: Option<String>,
    /// UG-16: the series this event is one date of (`GET /v1/series/{id}`).
    series_id: Option<String>,
    venue: Option<VenueBody>,
    /// Shown only to registered attendees and the group's leaders.
    online_link: Option<String>,
    is_online: bool,
    promotion_links: Vec<String>,
    talks: Vec<TalkBody>,
    confirmed: u64,
    waiting: u64,
    seats_left: u64,
    /// UG-18: seats held for people offered them, not yet claimed.
    offered: u64,
    /// UG-18: `automatic` (a freed seat goes to the first person waiting)
    /// or `offers` (it is offered to them until a deadline).
    waitlist_mode: String,
    /// When registration opens and closes; null: on publishing, at the end.
    registration_opens_at: Option<String>,
    registration_closes_at: Option<String>,
    checked_in: u64,
    /// True once completed with at least one check-in.
    held: bool,
    /// UG-6: publishing waits until every session is approved.
    review_required: bool,
    url: String,
    ics_url: String,
}

/// The event as `actor` may see it, as JSON (the same read model as the page).
async fn body_for(state: &AppState, actor: Option<&Actor>, id: EventId) -> AppResult<EventBody> {
    Ok(body(state, &event_view::view(&state.services, actor, id).await?))
}

/// An event's body from its read model: the online link only for those
/// the view lets see it.
fn body(state: &AppState, v: &EventView) -> EventBody {
    let (ev, g, c) = (&v.event, &v.group, &v.tally);
    let can_see_link = v.sees_online_link();
    let tz = g.profile.time_zone;
    let venue = v.venue.as_ref().map(|v| VenueBody {
        id: v.id.to_string(),
        name: v.profile.name.to_string(),
        address: v.profile.address.to_string(),
        city: v.profile.city.to_string(),
        country: v.profile.country.code().to_owned(),
        kind: v.profile.kind.as_str().to_owned(),
    });
    let d = &ev.details;
    EventBody {
        id: ev.id.to_string(),
        group_slug: g.profile.slug.to_string(),
        title: d.title.to_string(),
        description: d.description.to_string(),
        starts_at: ev.starts_at().to_rfc3339(),
        ends_at: ev.ends_at().to_rfc3339(),
        time_zone: tz.name().to_owned(),
        local_starts_at: to_local_input(ev.starts_at(), tz),
        local_ends_at: to_local_input(ev.ends_at(), tz),
        capacity: d.capacity.get(),
        status: ev.status.as_str().to_owned(),
        cancellation_reason: v.cancellation_reason.clone(),
        series_id: ev.series_id.map(|s| s.to_string()),
        venue,
        online_link: d.online_link.as_ref().filter(|_| can_see_link).map(|l| l.to_string()),
        is_online: d.online_link.is_some(),
        promotion_links: d.promotion_links.iter().map(|l| l.to_string()).collect(),
        talks: v
            .talks
            .iter()
            .map(|t| TalkBody {
                id: t.id.to_string(),
                title: t.title.to_string(),
                abstract_text: t.abstract_text.to_string(),
                review_status: t.review.status.as_str().to_owned(),
                review_notes: t.review.notes.clone(),
                slides_url: t.materials.slides.as_ref().map(|l| l.to_string()),
                recording_url: t.materials.recording.as_ref().map(|l| l.to_string()),
                speakers: t
                    .speakers
                    .iter()
                    .map(|s| SpeakerBody {
                        name: s.name().to_owned(),
                        member_id: match s {
                            Speaker::Member { id, .. } => Some(id.to_string()),
                            Speaker::Guest(_) => None,
                        },
                    })
                    .collect(),
            })
            .collect(),
        confirmed: c.confirmed,
        waiting: c.waiting,
        seats_left: c.seats_left(d.capacity.get()),
        offered: c.offered,
        waitlist_mode: d.waitlist_mode.as_str().to_owned(),
        registration_opens_at: d.window.opens_at.map(|t| t.to_rfc3339()),
        registration_closes_at: d.window.closes_at.map(|t| t.to_rfc3339()),
        checked_in: c.checked_in,
        held: guildhall_domain::event::counts_as_held(ev.status, c.checked_in),
        review_required: ev.review_required,
        url: state.config.link(&format!("/events/{}", ev.id)),
        ics_url: state.config.link(&format!("/events/{}.ics", ev.id)),
    }
}

/// A group's events, newest first; drafts for its leaders only.
#[utoipa::path(get, path = "/v1/groups/{slug}/events", tag = "events", params(("slug" = String, Path)),
    responses((status = 200, body = [EventBody]), (status = 404, body = Problem)), security((), ("bearer" = [])))]
pub async fn list_events(
    State(state): State<AppState>,
    MaybeApiUser(u): MaybeApiUser,
    Path(slug): Path<Slug>,
) -> AppResult<Json<Vec<EventBody>>> {
    let g = group_service::by_slug(&state.services, &slug).await?;
    let actor = u.as_ref().map(|u| &u.actor);
    let leader = event_view::runs_group(actor, &g);
    let list = events::for_group(state.services.db.reader(), g.id, When::All, leader, chrono::Utc::now(), 500).await?;
    let views = event_view::list(&state.services, actor, &g, list).await?;
    Ok(Json(views.iter().map(|v| body(&state, v)).collect()))
}

/// Event fields as JSON. Times are RFC 3339 with an offset, or local
/// times (`2026-12-01T18:30`) in the group's time zone.
#[derive(Deserialize, ToSchema, Default)]
pub struct EventInput {
    title: Option<String>,
    description: Option<String>,
    starts_at: Option<String>,
    ends_at: Option<String>,
    capacity: Option<i64>,
    /// A venue of the registry (see `POST /v1/venues`); an empty string
    /// removes it, leaving it out keeps it.
    venue_id: Option<String>,
    /// Shown only to confirmed attendees; an empty string removes it.
    online_link: Option<String>,
    /// Links to other sites about the event; ticketing and RSVP sites are
    /// refused (UG-5).
    promotion_links: Option<Vec<String>>,
    /// UG-18: `automatic` or `offers`; leaving it out keeps it.
    waitlist_mode: Option<String>,
    /// When registration opens, if not on publishing; an empty string
    /// removes it, leaving it out keeps it.
    registration_opens_at: Option<String>,
    /// When registration closes, if before the end; empty removes it.
    registration_closes_at: Option<String>,
}

impl EventInput {
    /// Fields over `base`: what the body leaves out stays as it was.
    fn merge(self, base: Option<(&Event, &Group)>) -> (EventFields, Option<String>) {
        let d = base.map(|(e, _)| &e.details);
        let fields = EventFields {
            title: self.title.or_else(|| d.map(|d| d.title.to_string())).unwrap_or_default(),
            description: self.description.or_else(|| d.map(|d| d.description.to_string())).unwrap_or_default(),
            // The stored instants as they are (a local input would drop
            // their seconds, and a title edit would move the event).
            starts_at: self.starts_at.or_else(|| d.map(|d| d.schedule.starts_at.to_rfc3339())).unwrap_or_default(),
            ends_at: self.ends_at.or_else(|| d.map(|d| d.schedule.ends_at.to_rfc3339())).unwrap_or_default(),
            capacity: self
                .capacity
                .map(|c| c.to_string())
                .or_else(|| d.map(|d| d.capacity.get().to_string()))
                .unwrap_or_default(),
            online_link: self
                .online_link
                .or_else(|| d.and_then(|d| d.online_link.as_ref().map(|l| l.to_string())))
                .unwrap_or_default(),
            promotion_links: self
                .promotion_links
                .map(|l| l.join("\n"))
                .or_else(|| d.map(|d| d.promotion_links.iter().map(|l| l.as_str()).collect::<Vec<_>>().join("\n")))
                .unwrap_or_default(),
            waitlist_mode: self
                .waitlist_mode
                .or_else(|| d.map(|d| d.waitlist_mode.as_str().to_owned()))
                .unwrap_or_default(),
            registration_opens_at: self
                .registration_opens_at
                .or_else(|| d.and_then(|d| d.window.opens_at.map(|t| t.to_rfc3339())))
                .unwrap_or_default(),
            registration_closes_at: self
                .registration_closes_at
                .or_else(|| d.and_then(|d| d.window.closes_at.map(|t| t.to_rfc3339())))
                .unwrap_or_default(),
        };
        let venue = self.venue_id.or_else(|| base.and_then(|(e, _)| e.venue_id.map(|v| v.to_string())));
        (fields, venue)
    }
}

/// Creates a draft event (the group's leaders).
#[utoipa::path(post, path = "/v1/groups/{slug}/events", tag = "events", params(("slug" = String, Path)),
    request_body = EventInput,
    responses((status = 201, body = EventBody), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn create_event(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(slug): Path<Slug>,
    ApiJson(b): ApiJson<EventInput>,
) -> AppResult<(StatusCode, Json<EventBody>)> {
    let g = group_service::by_slug(&state.services, &slug).await?;
    let (fields, venue) = b.merge(None);
    let id = event_service::create(&state.services, &u.actor, g.id, &fields, venue.as_deref()).await?;
    Ok((StatusCode::CREATED, Json(body_for(&state, Some(&u.actor), id).await?)))
}

#[utoipa::path(get, path = "/v1/events/{id}", tag = "events", params(("id" = String, Path)),
    responses((status = 200, body = EventBody), (status = 404, body = Problem)), security((), ("bearer" = [])))]
pub async fn get_event(
    State(state): State<AppState>,
    MaybeApiUser(u): MaybeApiUser,
    Path(id): Path<EventId>,
) -> AppResult<Json<EventBody>> {
    Ok(Json(body_for(&state, u.as_ref().map(|u| &u.actor), id).await?))
}

/// Changes some of an event's fields (the group's leaders).
#[utoipa::path(patch, path = "/v1/events/{id}", tag = "events", params(("id" = String, Path)),
    request_body = EventInput,
    responses((status = 200, body = EventBody), (status = 403, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
pub async fn update_event(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<EventId>,
    ApiJson(b): ApiJson<EventInput>,
) -> AppResult<Json<EventBody>> {
    let (ev, g) = event_service::managed_event(&state.services, &u.actor, id).await?;
    let (fields, venue) = b.merge(Some((&ev, &g)));
    event_service::update(&state.services, &u.actor, ev.id, &fields, venue.as_deref()).await?;
    Ok(Json(body_for(&state, Some(&u.actor), ev.id).await?))
}

async fn command(state: AppState, u: ApiUser, id: EventId, cmd: EventCommand) -> AppResult<Json<EventBody>> {
    event_service::transition(&state.services, &u.0.actor, id, cmd).await?;
    Ok(Json(body_for(&state, Some(&u.0.actor), id).await?))
}

/// Opens registration (UG-14). Needs a venue or an online link.
#[utoipa::path(post, path = "/v1/events/{id}/publish", tag = "events", params(("id" = String, Path)),
    responses((status = 200, body = EventBody), (status = 403, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
pub async fn publish(State(state): State<AppState>, u: ApiUser, Path(id): Path<EventId>) -> AppResult<Json<EventBody>> {
    command(state, u, id, EventCommand::Publish).await
}

/// Optional body of a cancellation: the reason everyone emailed reads.
#[derive(Deserialize, ToSchema)]
pub struct CancelInput {
    /// Up to 500 characters; it goes into each email and the audit log.
    reason: Option<String>,
}

/// Cancels the event; everyone registered or waiting is emailed, with the
/// `reason` when one is given (UG-14, PL-13).
#[utoipa::path(post, path = "/v1/events/{id}/cancel", tag = "events", params(("id" = String, Path)),
    request_body(content = Option<CancelInput>, description = "Empty, or the reason for the emails"),
    responses((status = 200, body = EventBody), (status = 403, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem, description = "the reason is blank, too long or holds control characters")))]
pub async fn cancel(
    State(state): State<AppState>,
    u: ApiUser,
    Path(id): Path<EventId>,
    raw: Bytes,
) -> AppResult<Json<EventBody>> {
    let input: Option<CancelInput> = optional_json(&raw)?;
    let reason = input.and_then(|i| i.reason).map(|r| Reason::parse(&r)).transpose()?;
    event_service::cancel(&state.services, &u.0.actor, id, reason.as_ref()).await?;
    Ok(Json(body_for(&state, Some(&u.0.actor), id).await?))
}

/// Marks a started event completed; with a check-in it counts as held.
#[utoipa::path(post, path = "/v1/events/{id}/complete", tag = "events", params(("id" = String, Path)),
    responses((status = 200, body = EventBody), (status = 403, body = Problem), (status = 409, body = Problem),
        (status = 422, body = Problem)))]
pub async fn complete(
    State(state): State<AppState>,
    u: ApiUser,
    Path(id): Path<EventId>,
) -> AppResult<Json<EventBody>> {
    command(state, u, id, EventCommand::Complete).await
}

/// Optional body of a registration: a leader names the member (walk-in).
#[derive(Deserialize, ToSchema)]
pub struct RegisterInput {
    member_id: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct RegistrationOutcome {
    id: String,
    /// confirmed, offered (UG-18) or waitlisted.
    status: String,
    /// 1 for the first person waiting; null when confirmed.
    waitlist_position: Option<i64>,
    ticket_url: String,
}

/// Registers the caller, or with `member_id` (leaders) that member. Full
/// events put newcomers on the waiting list; nobody registers twice.
#[utoipa::path(post, path = "/v1/events/{id}/registrations", tag = "registrations", params(("id" = String, Path)),
    request_body(content = Option<RegisterInput>, description = "Empty to register yourself"),
    responses((status = 201, body = RegistrationOutcome), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "already registered, or registration closed")))]
pub async fn register(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<EventId>,
    raw: Bytes,
) -> AppResult<(StatusCode, Json<RegistrationOutcome>)> {
    let input: Option<RegisterInput> = optional_json(&raw)?;
    let member = match input.and_then(|i| i.member_id) {
        Some(m) => Some(m.parse::<MemberId>().map_err(|_| DomainError::field("member_id", "member_not_found"))?),
        None => None,
    };
    let out = reg_service::register(&state.services, &u, id, member).await?;
    Ok((
        StatusCode::CREATED,
        Json(RegistrationOutcome {
            id: out.id.to_string(),
            status: out.status.as_str().to_owned(),
            waitlist_position: out.waitlist_position,
            ticket_url: state.config.link(&format!("/tickets/{}", out.id)),
        }),
    ))
}

/// Cancels a registration (its holder or the group's leaders); the first
/// person waiting gets the seat and is emailed.
#[utoipa::path(delete, path = "/v1/events/{id}/registrations/{registration_id}", tag = "registrations",
    params(("id" = String, Path), ("registration_id" = String, Path)),
    responses((status = 204), (status = 404, body = Problem), (status = 409, body = Problem)))]
pub async fn unregister(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path((id, reg)): Path<(EventId, RegistrationId)>,
) -> AppResult<StatusCode> {
    reg_service::cancel(&state.services, &u.actor, id, reg).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct AttendeeBody {
    /// The registration's id, as `POST …/registrations` answered it.
    id: String,
    /// The same id under its older name; use `id`.
    #[schema(deprecated)]
    registration_id: String,
    member_id: String,
    name: String,
    /// confirmed, offered (UG-18: a seat held until `offer_expires_at`)
    /// or waitlisted.
    status: String,
    waitlist_position: Option<i64>,
    offer_expires_at: Option<String>,
    checked_in_at: Option<String>,
}

/// Everyone holding a place, confirmed first, then the waiting list in
/// order (the group's leaders).
#[utoipa::path(get, path = "/v1/events/{id}/registrations", tag = "registrations", params(("id" = String, Path)),
    responses((status = 200, body = [AttendeeBody]), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn list_registrations(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<EventId>,
) -> AppResult<Json<Vec<AttendeeBody>>> {
    let (ev, _) = event_service::managed_event(&state.services, &u.actor, id).await?;
    let list = registrations::attendees(state.services.db.reader(), ev.id, false).await?;
    Ok(Json(
        list.into_iter()
            .map(|a| AttendeeBody {
                id: a.registration.id.to_string(),
                registration_id: a.registration.id.to_string(),
                member_id: a.registration.member_id.to_string(),
                name: a.name.to_string(),
                status: a.registration.status.as_str().to_owned(),
                waitlist_position: a.position,
                offer_expires_at: a.registration.offer_expires_at.map(|t| t.to_rfc3339()),
                checked_in_at: a.registration.checked_in_at.map(|t| t.to_rfc3339()),
            })
            .collect(),
    ))
}

/// The ticket code (as printed or read from its QR image) or the
/// registration id.
#[derive(Deserialize, ToSchema)]
pub struct CheckInInput {
    ticket_code: Option<String>,
    registration_id: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct CheckInBody {
    /// The registration's id.
    id: String,
    /// The same id under its older name; use `id`.
    #[schema(deprecated)]
    registration_id: String,
    name: String,
    checked_in: bool,
    /// True when this ticket had already been checked in.
    already_checked_in: bool,
}

/// Checks an attendee in at the door (the group's leaders).
#[utoipa::path(post, path = "/v1/events/{id}/checkins", tag = "registrations", params(("id" = String, Path)),
    request_body = CheckInInput,
    responses((status = 200, body = CheckInBody), (status = 403, body = Problem),
        (status = 422, body = Problem, description = "unknown, waiting or cancelled ticket")))]
pub async fn check_in(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<EventId>,
    ApiJson(b): ApiJson<CheckInInput>,
) -> AppResult<Json<CheckInBody>> {
    let by = match (b.ticket_code, b.registration_id) {
        (Some(code), _) => CheckInBy::Code(code),
        (None, Some(r)) => CheckInBy::Registration(r.parse().map_err(|_| DomainError::TicketInvalid)?),
        (None, None) => return Err(DomainError::field("ticket_code", "required").into()),
    };
    let (r, first) = reg_service::check_in(&state.services, &u.actor, id, by).await?;
    let who = guildhall_storage::members::by_id(state.services.db.reader(), r.member_id)
        .await?
        .ok_or(DomainError::NotFound)?;
    Ok(Json(CheckInBody {
        id: r.id.to_string(),
        registration_id: r.id.to_string(),
        name: who.name.to_string(),
        checked_in: true,
        already_checked_in: !first,
    }))
}

/// A session: title, abstract, and speakers as member ids or guest names.
#[derive(Deserialize, ToSchema)]
pub struct NewTalkBody {
    #[serde(default)]
    title: String,
    #[serde(default, rename = "abstract")]
    abstract_text: String,
    #[serde(default)]
    speakers: Vec<String>,
}

/// Adds a session to a draft or published event (the group's leaders). A
/// new session starts pending review when the event is under review (UG-6).
#[utoipa::path(post, path = "/v1/events/{id}/talks", tag = "events", params(("id" = String, Path)), request_body = NewTalkBody,
    responses((status = 201, body = super::Created), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn add_talk(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<EventId>,
    ApiJson(b): ApiJson<NewTalkBody>,
) -> AppResult<(StatusCode, Json<super::Created>)> {
    let speakers: Vec<&str> = b.speakers.iter().map(String::as_str).collect();
    let talk = event_service::parse_talk(&b.title, &b.abstract_text, &speakers)?;
    let id = event_service::add_talk(&state.services, &u.actor, id, &talk).await?;
    Ok((StatusCode::CREATED, Json(super::Created { id: id.to_string() })))
}

/// A session's new title and abstract.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TalkEditBody {
    #[serde(default)]
    title: String,
    #[serde(default, rename = "abstract")]
    abstract_text: String,
}

/// UG-6: edits a session (the group's leaders). On an event under review
/// it goes back to pending, for the reviewers to approve again: how a
/// session sent back with changes requested is resubmitted.
#[utoipa::path(patch, path = "/v1/events/{id}/talks/{talk_id}", tag = "events", params(("id" = String, Path), ("talk_id" = String, Path)),
    request_body = TalkEditBody,
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn edit_talk(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path((id, talk)): Path<(EventId, TalkId)>,
    ApiJson(b): ApiJson<TalkEditBody>,
) -> AppResult<StatusCode> {
    event_service::edit_talk(&state.services, &u.actor, id, talk, &b.title, &b.abstract_text).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Removes a session.
#[utoipa::path(delete, path = "/v1/events/{id}/talks/{talk_id}", tag = "events", params(("id" = String, Path), ("talk_id" = String, Path)),
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn remove_talk(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path((id, talk)): Path<(EventId, TalkId)>,
) -> AppResult<StatusCode> {
    event_service::remove_talk(&state.services, &u.actor, id, talk).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// An optional JSON body: none when empty, a 422 on `body` when malformed.
fn optional_json<T: serde::de::DeserializeOwned>(raw: &[u8]) -> Result<Option<T>, DomainError> {
    if raw.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    serde_json::from_slice(raw).map(Some).map_err(|_| DomainError::field("body", "json_malformed"))
}
