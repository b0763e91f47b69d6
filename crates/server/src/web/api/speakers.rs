//! Speakers, invitations and expert requests over the API (UG-11).

use crate::web::path::Path;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::Json;
use guildhall_domain::ids::{EventId, ExpertRequestId, InvitationId, MemberId, RegionId};
use guildhall_domain::speaker::SpeakerFields;
use guildhall_domain::values::Slug;
use guildhall_domain::DomainError;
use guildhall_storage::speakers::{ExpertRequest, Invitation, Speaker};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ApiJson, Created, Problem};
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::error::AppResult;
use crate::services::groups as group_service;
use crate::services::speakers as service;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(pool, apply))
        .routes(routes!(to_review))
        .routes(routes!(decide))
        .routes(routes!(invite))
        .routes(routes!(my_invitations))
        .routes(routes!(answer))
        .routes(routes!(ask_expert))
        .routes(routes!(expert_request))
        .routes(routes!(answer_expert))
}

#[derive(Serialize, ToSchema)]
#[schema(as = SpeakerProfileBody)]
pub struct SpeakerBody {
    member_id: String,
    name: String,
    region_id: String,
    region: String,
    bio: String,
    topics: Vec<String>,
    past_talks: Vec<PastTalkBody>,
    /// submitted, approved or declined.
    status: String,
}

#[derive(Serialize, ToSchema)]
pub struct PastTalkBody {
    title: String,
    link: String,
}

fn speaker_body(s: Speaker) -> SpeakerBody {
    SpeakerBody {
        member_id: s.member_id.to_string(),
        name: s.name,
        region_id: s.region_id.to_string(),
        region: s.region_name,
        bio: s.bio,
        topics: s.topics,
        past_talks: s
            .past_talks
            .into_iter()
            .map(|p| PastTalkBody { title: p.title.to_string(), link: p.link.to_string() })
            .collect(),
        status: s.status.as_str().to_owned(),
    }
}

/// A speaker application: topics comma-separated; past talks one per line
/// as `title | link`.
#[derive(Deserialize, ToSchema)]
#[schema(as = SpeakerApplyBody)]
pub struct ApplyBody {
    #[serde(default)]
    region_id: String,
    #[serde(default)]
    bio: String,
    #[serde(default)]
    topics: String,
    #[serde(default)]
    past_talks: String,
}

/// UG-11: the caller applies (or reapplies) to speak.
#[utoipa::path(post, path = "/v1/speakers", tag = "speakers", request_body = ApplyBody,
    responses((status = 204), (status = 422, body = Problem)))]
pub async fn apply(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    ApiJson(b): ApiJson<ApplyBody>,
) -> AppResult<StatusCode> {
    let region: RegionId = b.region_id.parse().map_err(|_| DomainError::field("region_id", "region_unknown"))?;
    let fields = SpeakerFields { bio: b.bio, topics: b.topics, past_talks: b.past_talks };
    service::apply(&state.services, &u.actor, region, &fields).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PoolQuery {
    topic: Option<String>,
    region_id: Option<String>,
    /// Speakers per page, 1 to 200 (100 by default).
    limit: Option<usize>,
    /// From the `Link: rel="next"` header of the previous page.
    cursor: Option<String>,
}

/// UG-11: the approved speakers, by topic and region (leaders and
/// managers), by name, a page at a time: the `Link` header's `rel="next"`
/// address reads the next page.
#[utoipa::path(get, path = "/v1/speakers", tag = "speakers", params(PoolQuery),
    responses((status = 200, body = [SpeakerBody], headers(("link" = String, description = "`<…>; rel=\"next\"` while more speakers follow"))),
        (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn pool(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Query(q): Query<PoolQuery>,
    axum::extract::OriginalUri(uri): axum::extract::OriginalUri,
) -> AppResult<axum::response::Response> {
    let region = q.region_id.as_deref().filter(|r| !r.is_empty()).and_then(|r| r.parse::<RegionId>().ok());
    let after = crate::web::paging::PageQuery { limit: q.limit, cursor: q.cursor.clone() }.after()?;
    let limit = guildhall_storage::page::clamp(q.limit, 100);
    let topic = q.topic.as_deref().filter(|t| !t.trim().is_empty());
    let page = service::pool(&state.services, &u.actor, topic, region, limit, after.as_ref()).await?;
    Ok(crate::web::paging::respond(
        &uri,
        page.items.into_iter().map(speaker_body).collect::<Vec<_>>(),
        page.next.as_ref(),
    ))
}

/// Applications waiting for review (community managers).
#[utoipa::path(get, path = "/v1/speakers/applications", tag = "speakers",
    responses((status = 200, body = [SpeakerBody]), (status = 403, body = Problem)))]
pub async fn to_review(State(state): State<AppState>, ApiUser(u): ApiUser) -> AppResult<Json<Vec<SpeakerBody>>> {
    Ok(Json(service::to_review(&state.services, &u.actor).await?.into_iter().map(speaker_body).collect()))
}

#[derive(Deserialize, ToSchema)]
#[schema(as = SpeakerDecisionBody)]
pub struct DecisionBody {
    approve: bool,
    #[serde(default)]
    reason: String,
}

/// UG-11: a community manager approves or declines (a reason is required to decline).
#[utoipa::path(post, path = "/v1/speakers/{member_id}/decision", tag = "speakers", params(("member_id" = String, Path)), request_body = DecisionBody,
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)))]
pub async fn decide(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(member): Path<MemberId>,
    ApiJson(b): ApiJson<DecisionBody>,
) -> AppResult<StatusCode> {
    service::decide(&state.services, &u.actor, member, b.approve, &b.reason).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct InviteBody {
    #[serde(default)]
    speaker_id: String,
    #[serde(default)]
    talk_title: String,
    #[serde(default)]
    message: String,
}

/// UG-11: a leader invites an approved speaker to give a session.
#[utoipa::path(post, path = "/v1/events/{id}/invitations", tag = "speakers", params(("id" = String, Path)), request_body = InviteBody,
    responses((status = 201, body = Created), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn invite(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(event): Path<EventId>,
    ApiJson(b): ApiJson<InviteBody>,
) -> AppResult<(StatusCode, Json<Created>)> {
    // An unparsable id is an unknown speaker; the service checks the
    // caller's right to the event before it looks at the speaker.
    let speaker: MemberId = b.speaker_id.parse().unwrap_or_default();
    let id = service::invite(&state.services, &u.actor, event, speaker, &b.talk_title, &b.message).await?;
    Ok((StatusCode::CREATED, Json(Created { id: id.to_string() })))
}

#[derive(Serialize, ToSchema)]
pub struct InvitationBody {
    id: String,
    event_id: String,
    event: String,
    group: String,
    talk_title: String,
    message: String,
    /// invited, accepted or declined.
    status: String,
    /// The session created on acceptance.
    talk_id: Option<String>,
}

fn invitation_body(i: Invitation) -> InvitationBody {
    InvitationBody {
        id: i.id.to_string(),
        event_id: i.event_id.to_string(),
        event: i.event_title,
        group: i.group_name,
        talk_title: i.talk_title,
        message: i.message,
        status: i.status.as_str().to_owned(),
        talk_id: i.talk_id.map(|t| t.to_string()),
    }
}

/// The caller's invitations to speak.
#[utoipa::path(get, path = "/v1/invitations", tag = "speakers", responses((status = 200, body = [InvitationBody])))]
pub async fn my_invitations(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
) -> AppResult<Json<Vec<InvitationBody>>> {
    Ok(Json(service::my_invitations(&state.services, &u.actor).await?.into_iter().map(invitation_body).collect()))
}

#[derive(Deserialize, ToSchema)]
pub struct AnswerBody {
    accept: bool,
}

/// UG-11: the speaker accepts (the session is added to the event) or declines.
#[utoipa::path(post, path = "/v1/invitations/{id}/answer", tag = "speakers", params(("id" = String, Path)), request_body = AnswerBody,
    responses((status = 204), (status = 404, body = Problem), (status = 409, body = Problem)))]
pub async fn answer(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<InvitationId>,
    ApiJson(b): ApiJson<AnswerBody>,
) -> AppResult<StatusCode> {
    service::answer(&state.services, &u.actor, id, b.accept).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct ExpertInput {
    #[serde(default)]
    occasion: String,
    #[serde(default)]
    topic: String,
}

#[derive(Serialize, ToSchema)]
pub struct ExpertBody {
    id: String,
    group_slug: String,
    occasion: String,
    topic: String,
    /// open or answered.
    status: String,
    answer: String,
}

fn expert_body(x: ExpertRequest) -> ExpertBody {
    ExpertBody {
        id: x.id.to_string(),
        group_slug: x.group_slug,
        occasion: x.occasion,
        topic: x.topic,
        status: if x.answered { "answered".into() } else { "open".into() },
        answer: x.answer,
    }
}

/// UG-11: a leader asks the community team for an internal expert.
#[utoipa::path(post, path = "/v1/groups/{slug}/expert-requests", tag = "speakers", params(("slug" = String, Path)), request_body = ExpertInput,
    responses((status = 201, body = Created), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn ask_expert(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(slug): Path<Slug>,
    ApiJson(b): ApiJson<ExpertInput>,
) -> AppResult<(StatusCode, Json<Created>)> {
    let g = group_service::by_slug(&state.services, &slug).await?;
    let id = service::ask_expert(&state.services, &u.actor, g.id, &b.occasion, &b.topic).await?;
    Ok((StatusCode::CREATED, Json(Created { id: id.to_string() })))
}

#[utoipa::path(get, path = "/v1/expert-requests/{id}", tag = "speakers", params(("id" = String, Path)),
    responses((status = 200, body = ExpertBody), (status = 404, body = Problem)))]
pub async fn expert_request(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ExpertRequestId>,
) -> AppResult<Json<ExpertBody>> {
    Ok(Json(expert_body(service::expert_request(&state.services, &u.actor, id).await?)))
}

#[derive(Deserialize, ToSchema)]
pub struct ExpertAnswer {
    #[serde(default)]
    answer: String,
}

/// UG-11: the community team answers; the request closes.
#[utoipa::path(post, path = "/v1/expert-requests/{id}/answer", tag = "speakers", params(("id" = String, Path)), request_body = ExpertAnswer,
    responses((status = 200, body = ExpertBody), (status = 403, body = Problem), (status = 409, body = Problem)))]
pub async fn answer_expert(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ExpertRequestId>,
    ApiJson(b): ApiJson<ExpertAnswer>,
) -> AppResult<Json<ExpertBody>> {
    service::answer_expert(&state.services, &u.actor, id, &b.answer).await?;
    Ok(Json(expert_body(service::expert_request(&state.services, &u.actor, id).await?)))
}
