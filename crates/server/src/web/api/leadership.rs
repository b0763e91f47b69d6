//! Leader applications, co-leader nominations and "co-leader wanted" over
//! the API (UG-2, UG-4).

use crate::web::path::Path;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use guildhall_domain::group::GroupFields;
use guildhall_domain::ids::{LeaderApplicationId, RegionId, SlotId};
use guildhall_domain::leadership::ApplicationFields;
use guildhall_domain::values::Slug;
use guildhall_domain::DomainError;
use guildhall_storage::leader_applications::LeaderApplication;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ApiJson, Problem};
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::error::AppResult;
use crate::services::groups as group_service;
use crate::services::leadership::{self as service, ApplyTo, Founding};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, apply))
        .routes(routes!(show))
        .routes(routes!(submit))
        .routes(routes!(propose))
        .routes(routes!(pick))
        .routes(routes!(invite))
        .routes(routes!(notes))
        .routes(routes!(appoint))
        .routes(routes!(decline))
        .routes(routes!(withdraw))
        .routes(routes!(nominate))
        .routes(routes!(coleader_wanted))
}

/// An application to lead a group (UG-2). Interview notes are shown to
/// the region's managers only.
#[derive(Serialize, ToSchema)]
#[schema(as = LeaderApplicationBody)]
pub struct ApplicationBody {
    id: String,
    applicant_id: String,
    applicant: String,
    region_id: String,
    /// Set for an existing group; empty for a new one.
    group_slug: Option<String>,
    group: String,
    proposed_city: String,
    years: i64,
    certifications: String,
    projects: String,
    profile_link: String,
    /// UG-2: the version of the organizer guidelines accepted.
    guidelines_version: Option<String>,
    /// UG-4: set when a leader nominated this member.
    nominated: bool,
    /// draft, submitted, interview_proposed, interview_scheduled,
    /// appointed, declined or withdrawn.
    status: String,
    interview_times: Vec<SlotBody>,
    interview_at: Option<String>,
    notes: Option<String>,
    decision_reason: String,
    url: String,
}

#[derive(Serialize, ToSchema)]
#[schema(as = LeaderSlotBody)]
pub struct SlotBody {
    id: String,
    starts_at: String,
    minutes: i64,
    chosen: bool,
}

async fn body(state: &AppState, u: &crate::auth::SignedIn, a: LeaderApplication) -> AppResult<ApplicationBody> {
    let slots = service::slots(&state.services, &a).await?;
    let manager = guildhall_domain::access::authorize(
        &u.actor,
        guildhall_domain::access::Action::ReviewLeaderApplications(a.region_id),
    )
    .is_ok();
    Ok(ApplicationBody {
        id: a.id.to_string(),
        applicant_id: a.member_id.to_string(),
        applicant: a.member_name.clone(),
        region_id: a.region_id.to_string(),
        group_slug: a.group_slug.clone(),
        group: a.target_name().to_owned(),
        proposed_city: a.proposed_city.clone(),
        years: a.years,
        certifications: a.certifications.clone(),
        projects: a.projects.clone(),
        profile_link: a.profile_link.clone(),
        guidelines_version: a.guidelines_version.clone(),
        nominated: a.nominated_by.is_some(),
        status: a.status.as_str().to_owned(),
        interview_times: slots
            .into_iter()
            .map(|s| SlotBody {
                id: s.id.to_string(),
                starts_at: s.starts_at.to_rfc3339(),
                minutes: s.minutes,
                chosen: s.chosen,
            })
            .collect(),
        interview_at: a.interview_at.map(|t| t.to_rfc3339()),
        notes: manager.then(|| a.notes.clone()),
        decision_reason: a.decision_reason.clone(),
        url: state.config.link(&format!("/applications/lead/{}", a.id)),
    })
}

/// The application as it stands now, for the caller.
async fn current(
    state: &AppState,
    u: &crate::auth::SignedIn,
    id: LeaderApplicationId,
) -> AppResult<Json<ApplicationBody>> {
    let a = service::readable(&state.services, &u.actor, id).await?;
    Ok(Json(body(state, u, a).await?))
}

/// What to apply for and the applicant's experience. Give `group_slug` for
/// an existing group, or `region_id`, `proposed_name` and `proposed_city`
/// for a new one. `accept_guidelines` must be true.
#[derive(Deserialize, ToSchema)]
#[schema(as = LeaderApplyBody)]
pub struct ApplyBody {
    group_slug: Option<String>,
    region_id: Option<String>,
    #[serde(default)]
    proposed_name: String,
    #[serde(default)]
    proposed_city: String,
    years: Option<i64>,
    #[serde(default)]
    certifications: String,
    #[serde(default)]
    projects: String,
    #[serde(default)]
    profile_link: String,
    #[serde(default)]
    accept_guidelines: bool,
}

impl ApplyBody {
    fn fields(&self) -> ApplicationFields {
        ApplicationFields {
            years: self.years.map(|y| y.to_string()).unwrap_or_default(),
            certifications: self.certifications.clone(),
            projects: self.projects.clone(),
            profile_link: self.profile_link.clone(),
            proposed_name: self.proposed_name.clone(),
            proposed_city: self.proposed_city.clone(),
            accept_guidelines: self.accept_guidelines,
        }
    }
}

/// UG-2: the caller applies to lead a group or to found one.
#[utoipa::path(post, path = "/v1/leader-applications", tag = "leadership", request_body = ApplyBody,
    responses((status = 201, body = ApplicationBody), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn apply(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    ApiJson(b): ApiJson<ApplyBody>,
) -> AppResult<(StatusCode, Json<ApplicationBody>)> {
    let to = match (&b.group_slug, &b.region_id) {
        (Some(slug), _) => ApplyTo::Group(group_service::by_typed_slug(&state.services, slug).await?.id),
        (None, Some(r)) => {
            ApplyTo::NewGroup(r.parse::<RegionId>().map_err(|_| DomainError::field("region_id", "region_unknown"))?)
        }
        (None, None) => return Err(DomainError::field("group_slug", "required").into()),
    };
    let id = service::apply(&state.services, &u.actor, to, &b.fields()).await?;
    let a = service::readable(&state.services, &u.actor, id).await?;
    Ok((StatusCode::CREATED, Json(body(&state, &u, a).await?)))
}

/// The caller's own applications and, for community managers, those of
/// their regions.
#[utoipa::path(get, path = "/v1/leader-applications", tag = "leadership", responses((status = 200, body = [ApplicationBody])))]
pub async fn list(State(state): State<AppState>, ApiUser(u): ApiUser) -> AppResult<Json<Vec<ApplicationBody>>> {
    let (mine, review) = service::visible(&state.services, &u.actor).await?;
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for a in mine.into_iter().chain(review) {
        if seen.insert(a.id) {
            out.push(body(&state, &u, a).await?);
        }
    }
    Ok(Json(out))
}

#[utoipa::path(get, path = "/v1/leader-applications/{id}", tag = "leadership", params(("id" = String, Path)),
    responses((status = 200, body = ApplicationBody), (status = 404, body = Problem)))]
pub async fn show(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<LeaderApplicationId>,
) -> AppResult<Json<ApplicationBody>> {
    let a = service::readable(&state.services, &u.actor, id).await?;
    Ok(Json(body(&state, &u, a).await?))
}

/// UG-4: the nominee completes a nomination (experience, pledge) and submits it.
#[utoipa::path(post, path = "/v1/leader-applications/{id}/submit", tag = "leadership", params(("id" = String, Path)), request_body = ApplyBody,
    responses((status = 200, body = ApplicationBody), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn submit(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<LeaderApplicationId>,
    ApiJson(b): ApiJson<ApplyBody>,
) -> AppResult<Json<ApplicationBody>> {
    service::submit_nomination(&state.services, &u.actor, id, &b.fields()).await?;
    current(&state, &u, id).await
}

/// Interview times: local times in the manager's profile time zone
/// (`2026-12-01T18:00`) or RFC 3339 instants.
#[derive(Deserialize, ToSchema)]
pub struct TimesBody {
    pub(super) times: Vec<String>,
}

/// UG-2: the region's manager proposes interview times.
#[utoipa::path(post, path = "/v1/leader-applications/{id}/interview-times", tag = "leadership", params(("id" = String, Path)), request_body = TimesBody,
    responses((status = 200, body = ApplicationBody), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn propose(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<LeaderApplicationId>,
    ApiJson(b): ApiJson<TimesBody>,
) -> AppResult<Json<ApplicationBody>> {
    service::propose_times(&state.services, &u.actor, id, &b.times).await?;
    current(&state, &u, id).await
}

#[derive(Deserialize, ToSchema)]
pub struct PickBody {
    pub(super) slot_id: String,
}

/// UG-2: the applicant picks a proposed time; the calendar invite is at
/// `/applications/lead/{id}/interview.ics`.
#[utoipa::path(post, path = "/v1/leader-applications/{id}/interview", tag = "leadership", params(("id" = String, Path)), request_body = PickBody,
    responses((status = 200, body = ApplicationBody), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn pick(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<LeaderApplicationId>,
    ApiJson(b): ApiJson<PickBody>,
) -> AppResult<Json<ApplicationBody>> {
    let slot: SlotId = b.slot_id.parse().map_err(|_| DomainError::field("slot", "slot_unknown"))?;
    service::pick_time(&state.services, &u.actor, id, slot).await?;
    current(&state, &u, id).await
}

#[derive(Deserialize, ToSchema)]
pub struct NotesBody {
    notes: String,
}

/// UG-2: the manager's interview notes.
#[utoipa::path(post, path = "/v1/leader-applications/{id}/notes", tag = "leadership", params(("id" = String, Path)), request_body = NotesBody,
    responses((status = 204), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn notes(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<LeaderApplicationId>,
    ApiJson(b): ApiJson<NotesBody>,
) -> AppResult<StatusCode> {
    service::record_notes(&state.services, &u.actor, id, &b.notes).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A decision's reason. For an application to found a group, either
/// `group_slug` names an existing group of the region, or `new_group`
/// says where the proposed group is, and the appointment creates it with
/// the applicant as its leader (UG-1).
#[derive(Deserialize, ToSchema)]
#[schema(as = LeaderDecisionBody)]
pub struct DecisionBody {
    #[serde(default)]
    reason: String,
    group_slug: Option<String>,
    new_group: Option<NewGroupBody>,
}

/// The proposed group's facts; name and city default to the application's.
#[derive(Deserialize, ToSchema, Default)]
pub struct NewGroupBody {
    #[serde(default)]
    name: String,
    #[serde(default)]
    slug: String,
    #[serde(default)]
    city: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    time_zone: String,
    #[serde(default)]
    description: String,
}

/// UG-2: appoints the applicant after the interview.
#[utoipa::path(post, path = "/v1/leader-applications/{id}/appoint", tag = "leadership", params(("id" = String, Path)), request_body = DecisionBody,
    responses((status = 200, body = ApplicationBody), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn appoint(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<LeaderApplicationId>,
    ApiJson(b): ApiJson<DecisionBody>,
) -> AppResult<Json<ApplicationBody>> {
    let founding = match (&b.group_slug, b.new_group) {
        (Some(slug), _) => Some(Founding::Existing(
            group_service::by_typed_slug(&state.services, slug)
                .await
                .map_err(|_| DomainError::field("group", "group_unknown"))?
                .id,
        )),
        (None, Some(n)) => Some(Founding::Create(GroupFields {
            name: n.name,
            slug: n.slug,
            city: n.city,
            country: n.country,
            time_zone: n.time_zone,
            description: n.description,
        })),
        (None, None) => None,
    };
    service::appoint(&state.services, &u.actor, id, &b.reason, founding).await?;
    current(&state, &u, id).await
}

/// UG-2: declines with a reason the applicant is emailed.
#[utoipa::path(post, path = "/v1/leader-applications/{id}/decline", tag = "leadership", params(("id" = String, Path)), request_body = DecisionBody,
    responses((status = 200, body = ApplicationBody), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn decline(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<LeaderApplicationId>,
    ApiJson(b): ApiJson<DecisionBody>,
) -> AppResult<Json<ApplicationBody>> {
    service::decline(&state.services, &u.actor, id, &b.reason).await?;
    current(&state, &u, id).await
}

/// The applicant withdraws.
#[utoipa::path(post, path = "/v1/leader-applications/{id}/withdraw", tag = "leadership", params(("id" = String, Path)),
    responses((status = 204), (status = 409, body = Problem)))]
pub async fn withdraw(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<LeaderApplicationId>,
) -> AppResult<StatusCode> {
    service::withdraw(&state.services, &u.actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct NominationBody {
    #[serde(default)]
    email: String,
}

/// UG-4: a leader nominates a member as co-leader; the nominee completes
/// the application and is interviewed like any applicant. 202 whether the
/// address has an account or not (no way to learn who is a member): if it
/// does, the nominee is emailed and appears once they apply.
#[utoipa::path(post, path = "/v1/groups/{slug}/nominations", tag = "leadership", params(("slug" = String, Path)), request_body = NominationBody,
    responses((status = 202, description = "Nominated if the address belongs to a member"), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn nominate(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(slug): Path<Slug>,
    ApiJson(b): ApiJson<NominationBody>,
) -> AppResult<StatusCode> {
    let g = group_service::by_slug(&state.services, &slug).await?;
    service::nominate(&state.services, &u.actor, g.id, &b.email).await?;
    Ok(StatusCode::ACCEPTED)
}

#[derive(Deserialize, ToSchema)]
pub struct WantedBody {
    wanted: bool,
}

/// UG-4: shows or hides "co-leader wanted" on the group page.
#[utoipa::path(post, path = "/v1/groups/{slug}/coleader-wanted", tag = "leadership", params(("slug" = String, Path)), request_body = WantedBody,
    responses((status = 204), (status = 403, body = Problem)))]
pub async fn coleader_wanted(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(slug): Path<Slug>,
    ApiJson(b): ApiJson<WantedBody>,
) -> AppResult<StatusCode> {
    let g = group_service::by_slug(&state.services, &slug).await?;
    service::set_coleader_wanted(&state.services, &u.actor, g.id, b.wanted).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// UG-2: the calendar invite for the chosen interview time.
#[utoipa::path(get, path = "/v1/leader-applications/{id}/interview.ics", tag = "leadership", params(("id" = String, Path)),
    responses((status = 200, description = "text/calendar"), (status = 404, body = Problem)))]
pub async fn invite(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<LeaderApplicationId>,
) -> AppResult<axum::response::Response> {
    interview_ics(&state, &u.actor, id).await
}

/// The interview invite, shared by the page and the API.
pub async fn interview_ics(
    state: &AppState,
    actor: &guildhall_domain::access::Actor,
    id: LeaderApplicationId,
) -> AppResult<axum::response::Response> {
    let (a, starts, ends) = service::interview(&state.services, actor, id).await?;
    Ok(crate::web::feeds::interview_invite(
        state,
        &format!("interview-{id}"),
        &format!("Interview: leading {}", a.target_name()),
        &format!(
            "{} and the community manager of {} talk about leading {}.",
            a.member_name,
            a.region_name,
            a.target_name()
        ),
        (starts, ends),
        &format!("/applications/lead/{id}"),
    ))
}
