//! Program memberships over the API: staff grant them (CH-1, CH-2), and
//! the public directory members opt into (CH-9).

use crate::web::path::Path;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::NaiveDate;
use guildhall_domain::ids::MemberId;
use guildhall_domain::program::{parse_interests, FocusArea, Program};
use guildhall_domain::DomainError;
use guildhall_storage::programs::Membership;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ApiJson, Created, Problem};
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::error::AppResult;
use crate::services::program_memberships::{self as membership_service, Grant};
use crate::services::programs as service;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(memberships, grant)).routes(routes!(directory)).routes(routes!(set_directory))
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
        id: m.id.to_string(),
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
    Path(p): Path<Program>,
) -> AppResult<Json<Vec<MembershipBody>>> {
    let list = membership_service::active_members(&state.services, &u.actor, p).await?;
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
    Path(p): Path<Program>,
    ApiJson(b): ApiJson<GrantBody>,
) -> AppResult<(StatusCode, Json<Created>)> {
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
    let id = membership_service::grant(&state.services, &u.actor, p, &g).await?;
    Ok((StatusCode::CREATED, Json(Created { id: id.to_string() })))
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
    let page = membership_service::directory(&state.services, &q.filter()?, limit, after.as_ref()).await?;
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
    membership_service::set_directory_entry(&state.services, &u.actor, b.listed, region, &b.country, &b.quote).await?;
    Ok(StatusCode::NO_CONTENT)
}
