//! A member's contributions (PL-2) and what the eligibility engine makes
//! of them (CH-4), over the API.

use crate::web::path::Path;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::Json;
use guildhall_domain::contribution::ContributionFields;
use guildhall_domain::eligibility::Eligibility;
use guildhall_domain::ids::MemberId;
use guildhall_domain::program::{FocusArea, Program};
use guildhall_storage::contributions::Stored;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ApiJson, Problem};
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::error::AppResult;
use crate::services::program_evidence as evidence_service;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_contributions, add_contribution)).routes(routes!(eligibility))
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
        id: s.id.map(|i| i.to_string()),
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
    let list = evidence_service::contributions_of(&state.services, &u.actor, id).await?;
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
    let created =
        evidence_service::add_contribution(&state.services, &u.actor, member, &b.title, c, &b.source_key).await?;
    let status = if created.is_some() { StatusCode::CREATED } else { StatusCode::OK };
    Ok((status, Json(AddedBody { created: created.is_some(), id: created.map(|c| c.to_string()) })))
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
    let e = evidence_service::eligibility(&state.services, &u.actor, member, area).await?;
    Ok(Json(eligibility_body(p, e)))
}
