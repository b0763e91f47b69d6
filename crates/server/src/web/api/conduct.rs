//! Code-of-conduct reports over the API (UG-8). Filing needs no token;
//! reading needs to be in the report's circle. No answer ever carries the
//! reporter's identity.

use crate::web::pages::ClientIp;
use crate::web::path::Path;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use guildhall_domain::conduct::{ReportFields, ReportStatus};
use guildhall_domain::ids::{EventId, ReportId};
use guildhall_domain::DomainError;
use guildhall_storage::conduct_reports::{Note, Report};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ApiJson, Created, MaybeApiUser, Problem};
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::error::AppResult;
use crate::services::conduct as service;
use crate::services::groups as group_service;
use crate::web::locale::RequestLocale;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list, file)).routes(routes!(show)).routes(routes!(add_note))
}

/// A report as its circle sees it: what happened, where, its status and
/// notes. Never who reported.
#[derive(Serialize, ToSchema)]
pub struct ReportBody {
    id: String,
    group_slug: String,
    group: String,
    event_id: Option<String>,
    event: Option<String>,
    /// When true only the community manager and program staff see it.
    concerns_leader: bool,
    description: String,
    /// received, investigating, resolved or dismissed.
    status: String,
    /// Whether the reporter left an address to be told of the outcome.
    reporter_reachable: bool,
    /// Filed while the group received more reports than its hourly limit:
    /// kept for review rather than refused (UG-8).
    held: bool,
    created_at: String,
    notes: Vec<NoteBody>,
}

#[derive(Serialize, ToSchema)]
pub struct NoteBody {
    author: Option<String>,
    status: String,
    body: String,
    created_at: String,
}

fn body(r: Report, notes: Vec<Note>) -> ReportBody {
    ReportBody {
        id: r.id.to_string(),
        group_slug: r.group_slug,
        group: r.group_name,
        event_id: r.event_id.map(|e| e.to_string()),
        event: r.event_title,
        concerns_leader: r.concerns_leader,
        description: r.description,
        status: r.status.as_str().to_owned(),
        reporter_reachable: r.reporter_reachable,
        held: r.held,
        created_at: r.created_at.to_rfc3339(),
        notes: notes
            .into_iter()
            .map(|n| NoteBody {
                author: n.author,
                status: n.status.as_str().to_owned(),
                body: n.body,
                created_at: n.created_at.to_rfc3339(),
            })
            .collect(),
    }
}

/// A report: the group (and optionally one of its events), what happened,
/// whether it concerns one of the group's leaders, and an optional email
/// to be told when it arrives and when it closes.
#[derive(Deserialize, ToSchema)]
pub struct FileBody {
    #[serde(default)]
    group_slug: String,
    event_id: Option<String>,
    #[serde(default)]
    description: String,
    #[serde(default)]
    concerns_leader: bool,
    #[serde(default)]
    email: String,
}

/// UG-8: anyone files a report, with or without a token.
#[utoipa::path(post, path = "/v1/reports", tag = "conduct", request_body = FileBody,
    responses((status = 201, body = Created), (status = 404, body = Problem), (status = 422, body = Problem)), security((), ("bearer" = [])))]
pub async fn file(
    State(state): State<AppState>,
    MaybeApiUser(_u): MaybeApiUser,
    ClientIp(client): ClientIp,
    axum::Extension(locale): axum::Extension<RequestLocale>,
    ApiJson(b): ApiJson<FileBody>,
) -> AppResult<(StatusCode, Json<Created>)> {
    let g = group_service::by_typed_slug(&state.services, &b.group_slug).await?;
    let event = match b.event_id.as_deref().filter(|e| !e.is_empty()) {
        Some(e) => Some(e.parse::<EventId>().map_err(|_| DomainError::field("event_id", "event_unknown"))?),
        None => None,
    };
    let fields = ReportFields { description: b.description, concerns_leader: b.concerns_leader, email: b.email };
    let id = service::report(&state.services, &g, event, &fields, locale.locale, &client).await?;
    Ok((StatusCode::CREATED, Json(Created { id: id.to_string() })))
}

/// Which reports, a page at a time.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportsQuery {
    /// `open` (received or investigating) or `closed`; all when absent.
    state: Option<String>,
    /// Reports per page, 1 to 200 (100 by default).
    limit: Option<usize>,
    /// From the `Link: rel="next"` header of the previous page.
    cursor: Option<String>,
}

/// The reports the caller may handle, newest first, a page at a time: the
/// `Link` header's `rel="next"` address reads the next page.
#[utoipa::path(get, path = "/v1/reports", tag = "conduct", params(ReportsQuery),
    responses((status = 200, body = [ReportBody], headers(("link" = String, description = "`<…>; rel=\"next\"` while more reports follow"))),
        (status = 422, body = Problem)))]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    axum::extract::Query(q): axum::extract::Query<ReportsQuery>,
    axum::extract::OriginalUri(uri): axum::extract::OriginalUri,
) -> AppResult<axum::response::Response> {
    let open = match q.state.as_deref().map(str::trim) {
        None | Some("") => None,
        Some("open") => Some(true),
        Some("closed") => Some(false),
        Some(_) => return Err(DomainError::field("state", "report_state_invalid").into()),
    };
    let after = crate::web::paging::PageQuery { limit: q.limit, cursor: q.cursor.clone() }.after()?;
    let limit = guildhall_storage::page::clamp(q.limit, 100);
    let page = service::visible_page(&state.services, &u.actor, open, limit, after.as_ref()).await?;
    Ok(crate::web::paging::respond(
        &uri,
        page.items.into_iter().map(|r| body(r, vec![])).collect::<Vec<_>>(),
        page.next.as_ref(),
    ))
}

#[utoipa::path(get, path = "/v1/reports/{id}", tag = "conduct", params(("id" = String, Path)),
    responses((status = 200, body = ReportBody), (status = 404, body = Problem)))]
pub async fn show(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ReportId>,
) -> AppResult<Json<ReportBody>> {
    let (r, notes) = service::get(&state.services, &u.actor, id).await?;
    Ok(Json(body(r, notes)))
}

/// A private note, moving the report to `status` (received,
/// investigating, resolved, dismissed).
#[derive(Deserialize, ToSchema)]
pub struct NoteInput {
    #[serde(default)]
    status: String,
    #[serde(default)]
    note: String,
}

#[utoipa::path(post, path = "/v1/reports/{id}/notes", tag = "conduct", params(("id" = String, Path)), request_body = NoteInput,
    responses((status = 200, body = ReportBody), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn add_note(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ReportId>,
    ApiJson(b): ApiJson<NoteInput>,
) -> AppResult<Json<ReportBody>> {
    let status = ReportStatus::parse(&b.status)?;
    service::add_note(&state.services, &u.actor, id, status, &b.note).await?;
    let (r, notes) = service::get(&state.services, &u.actor, id).await?;
    Ok(Json(body(r, notes)))
}
