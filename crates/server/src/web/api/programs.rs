//! The Champions program and its siblings over the API (PL-2, CH-1 to
//! CH-8), with the paths of issue 5.

use crate::web::path::Path;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::NaiveDate;
use guildhall_domain::contribution::ContributionFields;
use guildhall_domain::eligibility::Eligibility;
use guildhall_domain::ids::{MemberId, ProgramApplicationId};
use guildhall_domain::program::{parse_interests, FocusArea, Program};
use guildhall_domain::DomainError;
use guildhall_storage::contributions::Stored;
use guildhall_storage::programs::{Application, Membership};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{ApiJson, Created, Problem};
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::error::{AppError, AppResult};
use crate::services::programs::{self as service, Grant};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/v1/members/{id}/contributions", get(list_contributions).post(add_contribution))
        .route("/v1/members/{id}/eligibility", get(eligibility))
        .route("/v1/programs/{program}/applications", get(pipeline).post(apply))
        .route("/v1/applications/{id}", get(show_application).patch(edit_draft))
        .route("/v1/applications/{id}/submit", post(submit))
        .route("/v1/applications/{id}/screen", post(screen))
        .route("/v1/applications/{id}/interview", post(interview))
        .route("/v1/applications/{id}/nda", post(record_nda))
        .route("/v1/applications/{id}/withdraw", post(withdraw))
        .route("/v1/applications/{id}/accept", post(accept))
        .route("/v1/applications/{id}/decline", post(decline))
        .route("/v1/programs/{program}/memberships", get(memberships).post(grant))
        .route("/v1/directory", get(directory))
        .route("/v1/imports/contributions", post(import_csv))
        .route("/v1/members/{id}/imports/feed", post(import_feed))
        .route("/v1/programs/{program}/renewals", post(renew))
        .route("/v1/renewals/{id}", get(renewal))
        .route("/v1/renewals/{id}/decisions/{membership_id}", post(settle))
        .route("/v1/me/directory", axum::routing::put(set_directory))
}

fn program(raw: &str) -> Result<Program, AppError> {
    Program::parse(raw).map_err(|_| DomainError::NotFound.into())
}

/// A contribution (PL-2). Derived ones (events held here, sessions given
/// here) have no id and cannot be edited.
#[derive(Serialize, ToSchema)]
pub struct ContributionBody {
    id: Option<String>,
    /// forum_solution, forge_component, event_organized, session_delivered,
    /// content_piece or mentoring_testimonial.
    kind: String,
    title: String,
    date: String,
    link: Option<String>,
    /// derived, imported or self_reported.
    source: String,
    /// unverified, verified or rejected.
    verification: String,
    /// Why staff rejected it (empty otherwise).
    verification_reason: String,
    /// The kind's details (accepted, rating, platform version, format...).
    #[schema(value_type = Object)]
    details: serde_json::Value,
}

pub(super) fn contribution_body(s: Stored) -> ContributionBody {
    let c = s.contribution;
    ContributionBody {
        id: s.id,
        kind: c.details.kind().as_str().to_owned(),
        title: s.title,
        date: c.date.to_string(),
        link: c.link.map(|l| l.to_string()),
        source: c.source.as_str().to_owned(),
        verification: c.verification.as_str().to_owned(),
        verification_reason: s.verification_reason,
        details: serde_json::to_value(&c.details).unwrap_or_default(),
    }
}

#[utoipa::path(get, path = "/v1/members/{id}/contributions", tag = "programs", params(("id" = String, Path)),
    responses((status = 200, body = [ContributionBody]), (status = 403, body = Problem)))]
pub async fn list_contributions(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<MemberId>,
) -> AppResult<Json<Vec<ContributionBody>>> {
    let list = service::contributions_of(&state.services, &u.actor, id).await?;
    Ok(Json(list.into_iter().map(contribution_body).collect()))
}

/// A contribution to record: `kind`, `title`, `date` (YYYY-MM-DD), `link`
/// and the kind's details. Staff may set `source` and `verification`; a
/// member records their own as self-reported. `source_key` makes the call
/// idempotent (the same key twice is stored once).
#[derive(Deserialize, ToSchema)]
pub struct NewContributionBody {
    #[serde(default)]
    pub(super) title: String,
    #[serde(default)]
    source_key: String,
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub(super) fields: ContributionFields,
}

#[derive(Serialize, ToSchema)]
pub struct AddedBody {
    /// The new contribution's id; null when the source key was already stored.
    id: Option<String>,
    created: bool,
}

#[utoipa::path(post, path = "/v1/members/{id}/contributions", tag = "programs", params(("id" = String, Path)), request_body = NewContributionBody,
    responses((status = 201, body = AddedBody), (status = 200, body = AddedBody), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn add_contribution(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(member): Path<MemberId>,
    ApiJson(b): ApiJson<NewContributionBody>,
) -> AppResult<(StatusCode, Json<AddedBody>)> {
    // The caller's right comes before the body's problems.
    guildhall_domain::access::authorize(&u.actor, guildhall_domain::access::Action::AddContribution(member))?;
    let c = b.fields.parse()?;
    let created = service::add_contribution(&state.services, &u.actor, member, &b.title, c, &b.source_key).await?;
    let status = if created.is_some() { StatusCode::CREATED } else { StatusCode::OK };
    Ok((status, Json(AddedBody { created: created.is_some(), id: created })))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EligibilityQuery {
    /// champions, mvp or ambassadors.
    program: String,
    /// forums, forge, organizing_events, speaking, technical_content or mentoring.
    focus_area: String,
}

#[derive(Serialize, ToSchema)]
pub struct EligibilityBody {
    eligible: bool,
    program: String,
    focus_area: String,
    criteria: Vec<CriterionBody>,
}

#[derive(Serialize, ToSchema)]
pub struct CriterionBody {
    criterion: String,
    met: bool,
    found: u32,
    needed: u32,
    /// e.g. "Forums: 4 of 5 answers marked as solution in 2026".
    message: String,
    #[schema(value_type = Object)]
    window: serde_json::Value,
}

fn eligibility_body(program: Program, e: Eligibility) -> EligibilityBody {
    EligibilityBody {
        eligible: e.eligible,
        program: program.as_str().to_owned(),
        focus_area: e.area.as_str().to_owned(),
        criteria: e
            .criteria
            .into_iter()
            .map(|c| CriterionBody {
                criterion: c.criterion.to_owned(),
                met: c.met,
                found: c.found,
                needed: c.needed,
                message: c.sentence(),
                window: serde_json::to_value(c.window).unwrap_or_default(),
            })
            .collect(),
    }
}

/// CH-4: each criterion with met or not, the count found and needed, the
/// window, and a sentence a person understands.
#[utoipa::path(get, path = "/v1/members/{id}/eligibility", tag = "programs", params(("id" = String, Path), EligibilityQuery),
    responses((status = 200, body = EligibilityBody), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn eligibility(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(member): Path<MemberId>,
    Query(q): Query<EligibilityQuery>,
) -> AppResult<Json<EligibilityBody>> {
    let p = Program::parse(&q.program)?;
    let area = FocusArea::parse(&q.focus_area)?;
    let e = service::eligibility(&state.services, &u.actor, member, area).await?;
    Ok(Json(eligibility_body(p, e)))
}

#[derive(Deserialize, ToSchema)]
#[schema(as = ProgramApplyBody)]
pub struct ApplyBody {
    /// Required for Champions.
    focus_area: Option<String>,
    #[serde(default)]
    interests: Vec<String>,
}

#[derive(Serialize, ToSchema)]
#[schema(as = ProgramApplicationBody)]
pub struct ApplicationBody {
    id: String,
    applicant_id: String,
    program: String,
    focus_area: Option<String>,
    interests: Vec<String>,
    /// draft, submitted, screening, not_selected, interview, interviewed,
    /// accepted or declined.
    stage: String,
    /// The engine's result and the reviewer's judgment, once screened
    /// (null before).
    #[schema(value_type = Option<Object>)]
    screening: serde_json::Value,
    reason: String,
    /// The interview time the applicant picked (its invite is at
    /// `/v1/applications/{id}/interview.ics`).
    interview_at: Option<String>,
    /// MVP: the day the applicant signed the NDA, as staff recorded it.
    nda_signed_on: Option<String>,
    /// The community manager staff named to interview the applicant
    /// (null: program staff interview).
    interviewer_id: Option<String>,
    interviewer_name: Option<String>,
    updated_at: String,
}

pub(super) fn application_body(a: Application) -> ApplicationBody {
    ApplicationBody {
        id: a.id.to_string(),
        applicant_id: a.member_id.to_string(),
        program: a.program.as_str().to_owned(),
        focus_area: a.focus_area.map(|f| f.as_str().to_owned()),
        interests: a.interests.iter().map(|f| f.as_str().to_owned()).collect(),
        stage: a.stage.as_str().to_owned(),
        screening: serde_json::from_str(&a.screening).unwrap_or(serde_json::Value::Null),
        reason: a.reason,
        interview_at: a.interview_at.map(|t| t.to_rfc3339()),
        nda_signed_on: a.nda_signed_on.map(|d| d.to_string()),
        interviewer_id: a.interviewer.as_ref().map(|(id, _)| id.to_string()),
        interviewer_name: a.interviewer.map(|(_, name)| name),
        updated_at: a.updated_at.to_rfc3339(),
    }
}

/// CH-6: the caller starts an application (a draft).
#[utoipa::path(post, path = "/v1/programs/{program}/applications", tag = "programs", params(("program" = String, Path)), request_body = ApplyBody,
    responses((status = 201, body = ApplicationBody), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn apply(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(p): Path<String>,
    ApiJson(b): ApiJson<ApplyBody>,
) -> AppResult<(StatusCode, Json<ApplicationBody>)> {
    let p = program(&p)?;
    let focus = b.focus_area.as_deref().filter(|f| !f.is_empty()).map(FocusArea::parse).transpose()?;
    let interests = parse_interests(focus.unwrap_or(FocusArea::Forums), &b.interests)?;
    let id = service::apply(&state.services, &u.actor, p, focus, &interests).await?;
    Ok((StatusCode::CREATED, Json(application_body(service::application(&state.services, &u.actor, id).await?))))
}

/// Which applications of the pipeline, a page at a time.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PipelineQuery {
    /// One stage, e.g. `submitted`; every stage when absent.
    stage: Option<String>,
    /// Applications per page, 1 to 200 (100 by default).
    limit: Option<usize>,
    /// From the `Link: rel="next"` header of the previous page.
    cursor: Option<String>,
}

/// CH-6: the program's applications for program staff, last changed
/// first, a page at a time: the `Link` header's `rel="next"` address reads
/// the next page.
#[utoipa::path(get, path = "/v1/programs/{program}/applications", tag = "programs", params(("program" = String, Path), PipelineQuery),
    responses((status = 200, body = [ApplicationBody], headers(("link" = String, description = "`<…>; rel=\"next\"` while more applications follow"))),
        (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn pipeline(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(p): Path<String>,
    Query(q): Query<PipelineQuery>,
    axum::extract::OriginalUri(uri): axum::extract::OriginalUri,
) -> AppResult<axum::response::Response> {
    let stage = q
        .stage
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(guildhall_domain::program_application::Stage::parse)
        .transpose()?;
    let filter = guildhall_storage::programs::PipelineFilter { program: Some(program(&p)?), stage };
    let after = crate::web::paging::PageQuery { limit: q.limit, cursor: q.cursor.clone() }.after()?;
    let limit = guildhall_storage::page::clamp(q.limit, 100);
    let page = service::pipeline(&state.services, &u.actor, &filter, limit, after.as_ref()).await?;
    Ok(crate::web::paging::respond(
        &uri,
        page.items.into_iter().map(application_body).collect::<Vec<_>>(),
        page.next.as_ref(),
    ))
}

/// An application with its stage and screening result (the applicant and staff).
#[utoipa::path(get, path = "/v1/applications/{id}", tag = "programs", params(("id" = String, Path)),
    responses((status = 200, body = ApplicationBody), (status = 404, body = Problem)))]
pub async fn show_application(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ProgramApplicationId>,
) -> AppResult<Json<ApplicationBody>> {
    Ok(Json(application_body(service::application(&state.services, &u.actor, id).await?)))
}

async fn current(
    state: &AppState,
    u: &crate::auth::SignedIn,
    id: ProgramApplicationId,
) -> AppResult<Json<ApplicationBody>> {
    Ok(Json(application_body(service::application(&state.services, &u.actor, id).await?)))
}

/// CH-6: the applicant edits their draft (focus area and interests) before
/// submitting it; 409 once submitted.
#[utoipa::path(patch, path = "/v1/applications/{id}", tag = "programs", params(("id" = String, Path)), request_body = ApplyBody,
    responses((status = 200, body = ApplicationBody), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn edit_draft(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ProgramApplicationId>,
    ApiJson(b): ApiJson<ApplyBody>,
) -> AppResult<Json<ApplicationBody>> {
    let focus = b.focus_area.as_deref().filter(|f| !f.is_empty()).map(FocusArea::parse).transpose()?;
    let interests = parse_interests(focus.unwrap_or(FocusArea::Forums), &b.interests)?;
    service::edit_draft(&state.services, &u.actor, id, focus, &interests).await?;
    current(&state, &u, id).await
}

/// CH-6: the applicant submits (thank-you email).
#[utoipa::path(post, path = "/v1/applications/{id}/submit", tag = "programs", params(("id" = String, Path)),
    responses((status = 200, body = ApplicationBody), (status = 404, body = Problem), (status = 409, body = Problem)))]
pub async fn submit(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ProgramApplicationId>,
) -> AppResult<Json<ApplicationBody>> {
    service::submit(&state.services, &u.actor, id).await?;
    current(&state, &u, id).await
}

#[derive(Deserialize, ToSchema)]
pub struct ScreenBody {
    /// CH-5: the quality comes from the pieces judged one by one
    /// (`POST …/judgments`): as many must meet every point of the rubric
    /// as the criteria need. This single answer counts only when no piece
    /// was judged, for clients that judge outside Guildhall.
    #[serde(default)]
    #[schema(deprecated)]
    quality_accepted: bool,
    #[serde(default)]
    notes: String,
}

/// CH-5: staff screen: passes to the interview, or not selected with an
/// email naming each unmet criterion.
#[utoipa::path(post, path = "/v1/applications/{id}/screen", tag = "programs", params(("id" = String, Path)), request_body = ScreenBody,
    responses((status = 200, body = ApplicationBody), (status = 403, body = Problem), (status = 409, body = Problem)))]
pub async fn screen(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ProgramApplicationId>,
    ApiJson(b): ApiJson<ScreenBody>,
) -> AppResult<Json<ApplicationBody>> {
    service::screen(&state.services, &u.actor, id, b.quality_accepted, &b.notes).await?;
    current(&state, &u, id).await
}

#[derive(Deserialize, ToSchema)]
pub struct InterviewBody {
    /// Interests, motivations, expectations.
    #[serde(default)]
    notes: String,
}

/// CH-6: the interview happened.
#[utoipa::path(post, path = "/v1/applications/{id}/interview", tag = "programs", params(("id" = String, Path)), request_body = InterviewBody,
    responses((status = 200, body = ApplicationBody), (status = 403, body = Problem), (status = 409, body = Problem)))]
pub async fn interview(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ProgramApplicationId>,
    ApiJson(b): ApiJson<InterviewBody>,
) -> AppResult<Json<ApplicationBody>> {
    crate::services::program_interviews::record(&state.services, &u.actor, id, &b.notes).await?;
    current(&state, &u, id).await
}

#[derive(Deserialize, ToSchema)]
#[schema(as = ProgramDecisionBody)]
pub struct DecisionBody {
    #[serde(default)]
    reason: String,
}

/// CH-6: the applicant withdraws, at any stage before the decision.
#[utoipa::path(post, path = "/v1/applications/{id}/withdraw", tag = "programs", params(("id" = String, Path)),
    responses((status = 200, body = ApplicationBody), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem)))]
pub async fn withdraw(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ProgramApplicationId>,
) -> AppResult<Json<ApplicationBody>> {
    service::withdraw(&state.services, &u.actor, id).await?;
    current(&state, &u, id).await
}

#[derive(Deserialize, ToSchema)]
pub struct NdaBody {
    /// The day the applicant signed the NDA, `YYYY-MM-DD`, not in the future.
    #[serde(default)]
    signed_on: String,
}

/// CH-1: staff record the day an MVP applicant signed the NDA; acceptance
/// is refused until then (409 `nda_required`).
#[utoipa::path(post, path = "/v1/applications/{id}/nda", tag = "programs", params(("id" = String, Path)), request_body = NdaBody,
    responses((status = 200, body = ApplicationBody), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn record_nda(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ProgramApplicationId>,
    ApiJson(b): ApiJson<NdaBody>,
) -> AppResult<Json<ApplicationBody>> {
    let signed_on = NaiveDate::parse_from_str(b.signed_on.trim(), "%Y-%m-%d")
        .map_err(|_| DomainError::field("signed_on", "date_invalid"))?;
    service::record_nda(&state.services, &u.actor, id, signed_on).await?;
    current(&state, &u, id).await
}

/// CH-6: accepted: the membership starts today (welcome email). An MVP
/// needs the NDA recorded first, and a free seat (409 `program_full`).
#[utoipa::path(post, path = "/v1/applications/{id}/accept", tag = "programs", params(("id" = String, Path)), request_body = DecisionBody,
    responses((status = 200, body = ApplicationBody), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn accept(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ProgramApplicationId>,
    ApiJson(b): ApiJson<DecisionBody>,
) -> AppResult<Json<ApplicationBody>> {
    service::decide(&state.services, &u.actor, id, true, &b.reason).await?;
    current(&state, &u, id).await
}

/// CH-6: declined with the reason the applicant is emailed.
#[utoipa::path(post, path = "/v1/applications/{id}/decline", tag = "programs", params(("id" = String, Path)), request_body = DecisionBody,
    responses((status = 200, body = ApplicationBody), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn decline(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ProgramApplicationId>,
    ApiJson(b): ApiJson<DecisionBody>,
) -> AppResult<Json<ApplicationBody>> {
    service::decide(&state.services, &u.actor, id, false, &b.reason).await?;
    current(&state, &u, id).await
}

#[derive(Serialize, ToSchema)]
pub struct MembershipBody {
    id: String,
    member_id: String,
    name: String,
    program: String,
    focus_area: Option<String>,
    interests: Vec<String>,
    starts_on: String,
    ends_on: Option<String>,
    /// CH-1: the day the NDA was signed (MVP).
    nda_signed_on: Option<String>,
    /// CH-1: MVPs hold moderator rights in the online community.
    moderator: bool,
}

fn membership_body(m: Membership, moderator: bool) -> MembershipBody {
    MembershipBody {
        moderator,
        id: m.id,
        member_id: m.member_id.to_string(),
        name: m.member_name,
        program: m.program.as_str().to_owned(),
        focus_area: m.focus_area.map(|f| f.as_str().to_owned()),
        interests: m.interests.iter().map(|f| f.as_str().to_owned()).collect(),
        starts_on: m.starts_on.to_string(),
        ends_on: m.ends_on.map(|d| d.to_string()),
        nda_signed_on: m.nda_signed_on.map(|d| d.to_string()),
    }
}

/// A program's active members today, with moderator rights for
/// integrations (CH-1). Program staff's tokens see every member; anyone
/// else only those listed in the public directory (CH-9).
#[utoipa::path(get, path = "/v1/programs/{program}/memberships", tag = "programs", params(("program" = String, Path)),
    responses((status = 200, body = [MembershipBody]), (status = 404, body = Problem)))]
pub async fn memberships(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(p): Path<String>,
) -> AppResult<Json<Vec<MembershipBody>>> {
    let p = program(&p)?;
    let list = service::active_members(&state.services, &u.actor, p).await?;
    // CH-1: the program's moderator rights, as an admin set them.
    let moderator = service::rules_of(&state.services, p).await?.moderator_rights;
    Ok(Json(list.into_iter().map(|m| membership_body(m, moderator)).collect()))
}

/// A membership granted by staff (e.g. an MVP award). `starts_on`
/// defaults to today; MVP needs `nda_signed_on` on or before it; `transfer`
/// moves a Champion to MVP or back, ending the old title the day before.
#[derive(Deserialize, ToSchema)]
pub struct GrantBody {
    #[serde(default)]
    member_id: String,
    focus_area: Option<String>,
    #[serde(default)]
    interests: Vec<String>,
    starts_on: Option<String>,
    nda_signed_on: Option<String>,
    #[serde(default)]
    transfer: bool,
}

fn date(raw: &str, field: &'static str) -> Result<NaiveDate, DomainError> {
    NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").map_err(|_| DomainError::field(field, "date_invalid"))
}

#[utoipa::path(post, path = "/v1/programs/{program}/memberships", tag = "programs", params(("program" = String, Path)), request_body = GrantBody,
    responses((status = 201, body = Created), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn grant(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(p): Path<String>,
    ApiJson(b): ApiJson<GrantBody>,
) -> AppResult<(StatusCode, Json<Created>)> {
    let p = program(&p)?;
    guildhall_domain::access::authorize(&u.actor, guildhall_domain::access::Action::ManagePrograms)?;
    let member: MemberId = b.member_id.parse().map_err(|_| DomainError::field("member_id", "member_not_found"))?;
    let focus = b.focus_area.as_deref().filter(|f| !f.is_empty()).map(FocusArea::parse).transpose()?;
    let g = Grant {
        member,
        interests: parse_interests(focus.unwrap_or(FocusArea::Forums), &b.interests)?,
        focus_area: focus,
        starts_on: match b.starts_on.as_deref() {
            Some(d) => date(d, "starts_on")?,
            None => chrono::Utc::now().date_naive(),
        },
        nda_signed_on: b.nda_signed_on.as_deref().map(|d| date(d, "nda_signed_on")).transpose()?,
        transfer: b.transfer,
    };
    let id = service::grant(&state.services, &u.actor, p, &g).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

#[derive(Serialize, ToSchema)]
pub struct DirectoryBody {
    name: String,
    /// champions or mvp.
    program: String,
    focus_area: Option<String>,
    region: Option<String>,
    country: String,
    /// The member's words about the program, if they gave some.
    quote: String,
}

/// How the directory is narrowed and paged.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DirectoryQuery {
    /// `champions` or `mvp`.
    program: Option<String>,
    /// A focus area, e.g. `forums`.
    focus_area: Option<String>,
    /// A country as members give it (e.g. `PT`), any case.
    country: Option<String>,
    /// Members per page, 1 to 200 (100 by default).
    limit: Option<usize>,
    /// From the `Link: rel="next"` header of the previous page.
    cursor: Option<String>,
}

impl DirectoryQuery {
    /// The filter as the storage reads it; a filter value that names
    /// nothing is the field's problem.
    pub fn filter(&self) -> Result<guildhall_storage::programs::DirectoryFilter, guildhall_domain::DomainError> {
        let given = |v: &Option<String>| v.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned);
        Ok(guildhall_storage::programs::DirectoryFilter {
            program: given(&self.program).map(|p| Program::parse(&p)).transpose()?,
            focus_area: given(&self.focus_area).map(|a| FocusArea::parse(&a)).transpose()?,
            country: given(&self.country),
        })
    }
}

/// CH-9: active Champions and MVPs who opted in (public), by name, a page
/// at a time: the `Link` header's `rel="next"` address reads the next one.
#[utoipa::path(get, path = "/v1/directory", tag = "programs", params(DirectoryQuery),
    responses((status = 200, body = [DirectoryBody], headers(("link" = String, description = "`<…>; rel=\"next\"` while more members follow"))),
        (status = 422, body = Problem)), security((), ("bearer" = [])))]
pub async fn directory(
    State(state): State<AppState>,
    Query(q): Query<DirectoryQuery>,
    axum::extract::OriginalUri(uri): axum::extract::OriginalUri,
) -> AppResult<axum::response::Response> {
    let after = crate::web::paging::PageQuery { limit: q.limit, cursor: q.cursor.clone() }.after()?;
    let limit = guildhall_storage::page::clamp(q.limit, 100);
    let page = service::directory(&state.services, &q.filter()?, limit, after.as_ref()).await?;
    let next = page.next.clone();
    let rows = page
        .items
        .into_iter()
        .map(|d| DirectoryBody {
            name: d.name,
            program: d.program.as_str().to_owned(),
            focus_area: d.focus_area.map(|f| f.as_str().to_owned()),
            region: d.region,
            country: d.country,
            quote: d.quote,
        })
        .collect::<Vec<_>>();
    Ok(crate::web::paging::respond(&uri, rows, next.as_ref()))
}

#[derive(Deserialize, ToSchema)]
pub struct DirectoryEntryBody {
    listed: bool,
    region_id: Option<String>,
    #[serde(default)]
    country: String,
    #[serde(default)]
    quote: String,
}

/// CH-9: the caller opts in or out of the directory.
#[utoipa::path(put, path = "/v1/me/directory", tag = "programs", request_body = DirectoryEntryBody,
    responses((status = 204), (status = 422, body = Problem)))]
pub async fn set_directory(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    ApiJson(b): ApiJson<DirectoryEntryBody>,
) -> AppResult<StatusCode> {
    let region = b
        .region_id
        .as_deref()
        .filter(|r| !r.is_empty())
        .map(|r| r.parse().map_err(|_| DomainError::field("region_id", "region_unknown")))
        .transpose()?;
    service::set_directory_entry(&state.services, &u.actor, b.listed, region, &b.country, &b.quote).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// PL-3: program staff import contributions from a CSV file (the request
/// body, `text/csv`). Columns: `email, title, source_key, kind, date, link`
/// and the kind's details (`accepted, rating, platform_version,
/// has_description, has_screenshots, has_docs, format, onboarding_plan`).
/// A file with any bad row imports nothing and answers 422 with every
/// problem by line and field; the same file twice adds nothing.
#[utoipa::path(post, path = "/v1/imports/contributions", tag = "programs", request_body(content = String, content_type = "text/csv"),
    responses((status = 200, description = "rows, added, already_there"), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn import_csv(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    axum::Extension(locale): axum::Extension<crate::web::locale::RequestLocale>,
    axum::extract::OriginalUri(uri): axum::extract::OriginalUri,
    body: String,
) -> AppResult<axum::response::Response> {
    let tr = crate::i18n::Tr(locale.locale);
    let report = crate::services::imports::contributions_csv(&state.services, &u.actor, &body, tr).await?;
    Ok(report_response(report, tr, &uri))
}

/// An import's answer: the report, or 422 problem+json listing every
/// problem when nothing was imported.
fn report_response(
    report: crate::services::imports::ImportReport,
    tr: crate::i18n::Tr,
    uri: &axum::http::Uri,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    if report.problems.is_empty() {
        return Json(report).into_response();
    }
    let title = tr.t("error-import_rejected");
    let problem = serde_json::json!({
        "type": "/problems/import_rejected", "title": title, "status": 422, "detail": title,
        "instance": uri.path(), "code": "import_rejected", "rows": report.rows, "errors": report.problems,
    });
    let mut res = (StatusCode::UNPROCESSABLE_ENTITY, problem.to_string()).into_response();
    res.headers_mut()
        .insert(axum::http::header::CONTENT_TYPE, axum::http::HeaderValue::from_static("application/problem+json"));
    res
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FeedUrlBody {
    /// The address of a feed the member linked and proved.
    url: String,
}

/// PL-3: imports a member's posts from their RSS or Atom feed as content
/// pieces; entries are keyed by their id, so reading the feed again adds
/// only new posts. A JSON body `{"url"}` names a feed the member linked
/// (`/v1/members/{id}/linked-accounts`), read now; 409
/// `account_not_linked` for any other. The feed's text as the body is for
/// program staff, who vouch for it.
#[utoipa::path(post, path = "/v1/members/{id}/imports/feed", tag = "programs", params(("id" = String, Path)),
    request_body(content((FeedUrlBody = "application/json"), (String = "application/atom+xml"))),
    responses((status = 200, description = "rows, added, already_there"), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn import_feed(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<MemberId>,
    axum::Extension(locale): axum::Extension<crate::web::locale::RequestLocale>,
    axum::extract::OriginalUri(uri): axum::extract::OriginalUri,
    headers: axum::http::HeaderMap,
    body: axum::body::Bytes,
) -> AppResult<axum::response::Response> {
    use crate::services::imports::{feed, FeedSource};
    let tr = crate::i18n::Tr(locale.locale);
    let json = headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.trim_start().starts_with("application/json"));
    let report = if json {
        let b: FeedUrlBody = serde_json::from_slice(&body)
            .map_err(|_| guildhall_domain::DomainError::field("url", "feed_url_invalid"))?;
        feed(&state.services, &u.actor, id, FeedSource::Linked(&b.url), tr).await?
    } else {
        feed(&state.services, &u.actor, id, FeedSource::Text(&body), tr).await?
    };
    Ok(report_response(report, tr, &uri))
}

#[derive(Deserialize, ToSchema)]
pub struct RenewalBody {
    /// Defaults to the current year.
    year: Option<i64>,
    /// Decide at most this many members in this call (progress in steps).
    limit: Option<usize>,
}

/// CH-7: staff start (or resume) the year's renewal run; one run per
/// program and year, worked by one instance at a time.
#[utoipa::path(post, path = "/v1/programs/{program}/renewals", tag = "programs", params(("program" = String, Path)), request_body = RenewalBody,
    responses((status = 200, description = "progress: run_id, total, decided, done"), (status = 403, body = Problem)))]
pub async fn renew(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(p): Path<String>,
    ApiJson(b): ApiJson<RenewalBody>,
) -> AppResult<Json<crate::services::renewals::Progress>> {
    use chrono::Datelike;
    let year = b.year.unwrap_or_else(|| i64::from(chrono::Utc::now().year()));
    Ok(Json(crate::services::renewals::run(&state.services, Some(&u.actor), program(&p)?, year, b.limit).await?))
}

#[derive(Serialize, ToSchema)]
pub struct RenewalDecisionBody {
    membership_id: String,
    member_id: String,
    name: String,
    /// renewed, to_evaluate, kept or ended.
    outcome: String,
    summary: String,
    reason: String,
}

#[derive(Serialize, ToSchema)]
pub struct RenewalRunBody {
    #[schema(value_type = Object)]
    progress: serde_json::Value,
    decisions: Vec<RenewalDecisionBody>,
}

/// A renewal run's progress and decisions, those waiting for staff first.
#[utoipa::path(get, path = "/v1/renewals/{id}", tag = "programs", params(("id" = String, Path)),
    responses((status = 200, body = RenewalRunBody), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn renewal(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<String>,
) -> AppResult<Json<RenewalRunBody>> {
    let (p, decisions) = crate::services::renewals::show(&state.services, &u.actor, &id).await?;
    Ok(Json(RenewalRunBody {
        progress: serde_json::to_value(p).unwrap_or_default(),
        decisions: decisions
            .into_iter()
            .map(|d| RenewalDecisionBody {
                membership_id: d.membership_id,
                member_id: d.member_id.to_string(),
                name: d.member_name,
                outcome: d.outcome,
                summary: d.summary,
                reason: d.reason,
            })
            .collect(),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct SettleBody {
    keep: bool,
    #[serde(default)]
    reason: String,
}

/// CH-7: staff keep or end a title that was not renewed by itself.
#[utoipa::path(post, path = "/v1/renewals/{id}/decisions/{membership_id}", tag = "programs", params(("id" = String, Path), ("membership_id" = String, Path)), request_body = SettleBody,
    responses((status = 204), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn settle(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path((id, membership)): Path<(String, String)>,
    ApiJson(b): ApiJson<SettleBody>,
) -> AppResult<StatusCode> {
    crate::services::renewals::settle(&state.services, &u.actor, &id, &membership, b.keep, &b.reason).await?;
    Ok(StatusCode::NO_CONTENT)
}
