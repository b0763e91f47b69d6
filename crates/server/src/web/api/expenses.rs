//! Fee schedules, expense claims, receipts and totals over the API (UG-13).
//! Bodies refuse unknown fields, so no sponsor or payer can be sent.

use crate::web::path::Path;
use axum::extract::{DefaultBodyLimit, Multipart, Query, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use guildhall_domain::ids::{ClaimId, EventId, ReceiptId, RegionId};
use guildhall_domain::money::{AmountFields, ClaimFields, FeeSchedule};
use guildhall_domain::values::Slug;
use guildhall_domain::DomainError;
use guildhall_storage::expenses::{Claim, ReceiptRow, Total};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::router::UtoipaMethodRouterExt;
use utoipa_axum::routes;

use super::{ApiJson, Created, Problem};
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::error::AppResult;
use crate::services::expenses::{self as service, amount};

/// Largest receipt upload request; the size rule itself is a setting.
pub const UPLOAD_LIMIT: usize = 64 * 1024 * 1024;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(set_schedule, get_schedule))
        .routes(routes!(file))
        .routes(routes!(show, correct))
        .routes(routes!(withdraw))
        .routes(routes!(group_claims))
        .routes(routes!(upload).layer(DefaultBodyLimit::max(UPLOAD_LIMIT)))
        .routes(routes!(download))
        .routes(routes!(approve))
        .routes(routes!(reject))
        .routes(routes!(totals))
}

/// Caps per event in the region's currency, as decimal text ("250.00").
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ScheduleBody {
    #[serde(default)]
    currency: String,
    #[serde(default)]
    venue: String,
    #[serde(default)]
    catering: String,
    #[serde(default)]
    other: String,
}

fn schedule_body(s: &FeeSchedule) -> ScheduleBody {
    ScheduleBody {
        currency: s.currency().to_string(),
        venue: s.caps.venue.amount_text(),
        catering: s.caps.catering.amount_text(),
        other: s.caps.other.amount_text(),
    }
}

/// UG-13: an admin sets a region's caps per event (currency is the region's).
#[utoipa::path(put, path = "/v1/regions/{id}/fee-schedule", tag = "expenses", params(("id" = String, Path)), request_body = ScheduleBody,
    responses((status = 200, body = ScheduleBody), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn set_schedule(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<RegionId>,
    ApiJson(b): ApiJson<ScheduleBody>,
) -> AppResult<Json<ScheduleBody>> {
    let fields = AmountFields { venue: b.venue, catering: b.catering, other: b.other };
    let s = service::set_schedule(&state.services, &u.actor, id, &fields).await?;
    Ok(Json(schedule_body(&s)))
}

#[utoipa::path(get, path = "/v1/regions/{id}/fee-schedule", tag = "expenses", params(("id" = String, Path)),
    responses((status = 200, body = ScheduleBody), (status = 404, body = Problem)))]
pub async fn get_schedule(
    State(state): State<AppState>,
    ApiUser(_u): ApiUser,
    Path(id): Path<RegionId>,
) -> AppResult<Json<ScheduleBody>> {
    let s = service::schedule(&state.services, id).await?.ok_or(DomainError::NotFound)?;
    Ok(Json(schedule_body(&s)))
}

/// A claim: amounts per category in the region's currency and a note.
/// There is no payer or sponsor field; unknown fields are refused.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ClaimInput {
    #[serde(default)]
    venue: String,
    #[serde(default)]
    catering: String,
    #[serde(default)]
    other: String,
    #[serde(default)]
    note: String,
}

/// UG-13: a leader files the claim of one of the group's events.
#[utoipa::path(post, path = "/v1/events/{id}/claims", tag = "expenses", params(("id" = String, Path)), request_body = ClaimInput,
    responses((status = 201, body = Created), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn file(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(event): Path<EventId>,
    ApiJson(b): ApiJson<ClaimInput>,
) -> AppResult<(StatusCode, Json<Created>)> {
    let fields = ClaimFields { venue: b.venue, catering: b.catering, other: b.other, note: b.note };
    let id = service::file(&state.services, &u.actor, event, &fields).await?;
    Ok((StatusCode::CREATED, Json(Created { id: id.to_string() })))
}

#[derive(Serialize, ToSchema)]
pub struct ClaimBody {
    id: String,
    event_id: String,
    event: String,
    /// The event's status now (draft, published, cancelled, completed).
    event_status: String,
    /// People checked in at the event: with `completed`, it was held (UG-14).
    event_checkins: i64,
    group_slug: String,
    currency: String,
    venue: String,
    catering: String,
    other: String,
    total: String,
    note: String,
    /// submitted, approved, rejected or withdrawn. A claim filed again
    /// after a rejection is submitted and keeps the rejection's reason.
    status: String,
    reason: String,
    receipts: Vec<ReceiptBody>,
}

#[derive(Serialize, ToSchema)]
pub struct ReceiptBody {
    id: String,
    file_name: String,
    content_type: String,
    size_bytes: i64,
    url: String,
}

fn claim_body(state: &AppState, c: Claim, receipts: Vec<ReceiptRow>) -> ClaimBody {
    ClaimBody {
        id: c.id.to_string(),
        event_id: c.event_id.to_string(),
        event: c.event_title,
        event_status: c.event_status.as_str().to_owned(),
        event_checkins: c.event_checkins,
        group_slug: c.group_slug,
        currency: c.amounts.venue.currency().to_string(),
        venue: c.amounts.venue.amount_text(),
        catering: c.amounts.catering.amount_text(),
        other: c.amounts.other.amount_text(),
        total: c.amounts.total().amount_text(),
        note: c.note,
        status: c.status.as_str().to_owned(),
        reason: c.reason,
        receipts: receipts
            .into_iter()
            .map(|r| ReceiptBody {
                url: state.config.link(&format!("/api/v1/claims/{}/receipts/{}", c.id, r.id)),
                id: r.id.to_string(),
                file_name: r.file_name,
                content_type: r.content_type,
                size_bytes: r.size_bytes,
            })
            .collect(),
    }
}

/// A claim, for the group's leaders and the region's managers.
#[utoipa::path(get, path = "/v1/claims/{id}", tag = "expenses", params(("id" = String, Path)),
    responses((status = 200, body = ClaimBody), (status = 404, body = Problem)))]
pub async fn show(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ClaimId>,
) -> AppResult<Json<ClaimBody>> {
    let (c, receipts) = service::get(&state.services, &u.actor, id).await?;
    Ok(Json(claim_body(&state, c, receipts)))
}

/// UG-13: attaches a receipt (multipart field `file`: PDF, PNG or JPEG).
#[utoipa::path(post, path = "/v1/claims/{id}/receipts", tag = "expenses", params(("id" = String, Path)),
    request_body(content_type = "multipart/form-data", description = "field `file`"),
    responses((status = 201, body = Created), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn upload(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ClaimId>,
    mut form: Multipart,
) -> AppResult<(StatusCode, Json<Created>)> {
    while let Some(field) = form.next_field().await.map_err(|_| DomainError::field("receipt", "upload_malformed"))? {
        if field.name() != Some("file") {
            continue;
        }
        let name = field.file_name().unwrap_or_default().to_owned();
        let bytes = field.bytes().await.map_err(|_| DomainError::field("receipt", "upload_malformed"))?;
        let rid = service::add_receipt(&state.services, &u.actor, id, &name, &bytes).await?;
        return Ok((StatusCode::CREATED, Json(Created { id: rid.to_string() })));
    }
    Err(DomainError::field("receipt", "required").into())
}

/// A receipt file, for those who may see the claim.
#[utoipa::path(get, path = "/v1/claims/{id}/receipts/{receipt_id}", tag = "expenses", params(("id" = String, Path), ("receipt_id" = String, Path)),
    responses((status = 200, description = "the file"), (status = 404, body = Problem)))]
pub async fn download(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path((id, receipt)): Path<(ClaimId, ReceiptId)>,
) -> AppResult<Response> {
    receipt_response(&state, &u.actor, id, receipt).await
}

/// Serves a receipt with its checked type, as a download.
pub async fn receipt_response(
    state: &AppState,
    actor: &guildhall_domain::access::Actor,
    claim: ClaimId,
    receipt: ReceiptId,
) -> AppResult<Response> {
    let (row, bytes) = service::receipt_file(&state.services, actor, claim, receipt).await?;
    let safe_name: String = row.file_name.chars().filter(|c| c.is_alphanumeric() || " .-_".contains(*c)).collect();
    Ok((
        [
            (CONTENT_TYPE, row.content_type.clone()),
            (CONTENT_DISPOSITION, format!("attachment; filename=\"{safe_name}\"")),
        ],
        bytes,
    )
        .into_response())
}

/// UG-13: the group's leaders correct a claim before it is decided, or
/// correct a rejected one and so file it again. The body is the whole
/// claim, as when filing.
#[utoipa::path(patch, path = "/v1/claims/{id}", tag = "expenses", params(("id" = String, Path)), request_body = ClaimInput,
    responses((status = 200, body = ClaimBody), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn correct(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ClaimId>,
    ApiJson(b): ApiJson<ClaimInput>,
) -> AppResult<Json<ClaimBody>> {
    let fields = ClaimFields { venue: b.venue, catering: b.catering, other: b.other, note: b.note };
    service::correct(&state.services, &u.actor, id, &fields).await?;
    let (c, r) = service::get(&state.services, &u.actor, id).await?;
    Ok(Json(claim_body(&state, c, r)))
}

/// UG-13: the group's leaders withdraw a claim before it is decided.
#[utoipa::path(post, path = "/v1/claims/{id}/withdraw", tag = "expenses", params(("id" = String, Path)),
    responses((status = 200, body = ClaimBody), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)))]
pub async fn withdraw(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ClaimId>,
) -> AppResult<Json<ClaimBody>> {
    service::withdraw(&state.services, &u.actor, id).await?;
    let (c, r) = service::get(&state.services, &u.actor, id).await?;
    Ok(Json(claim_body(&state, c, r)))
}

/// UG-13: a group's claims and where each stands, newest first, for its
/// leaders and the region's managers (receipts are on each claim).
#[utoipa::path(get, path = "/v1/groups/{slug}/claims", tag = "expenses", params(("slug" = String, Path)),
    responses((status = 200, body = [ClaimBody]), (status = 404, body = Problem)))]
pub async fn group_claims(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(slug): Path<Slug>,
) -> AppResult<Json<Vec<ClaimBody>>> {
    let g = crate::services::groups::by_slug(&state.services, &slug).await?;
    let claims = service::for_group(&state.services, &u.actor, g.id).await?;
    Ok(Json(claims.into_iter().map(|(c, r)| claim_body(&state, c, r)).collect()))
}

#[derive(Deserialize, ToSchema)]
#[schema(as = ClaimDecisionBody)]
pub struct DecisionBody {
    #[serde(default)]
    reason: String,
}

/// Decides a claim and answers with it as it now stands.
async fn decide(
    state: &AppState,
    actor: &guildhall_domain::access::Actor,
    id: ClaimId,
    approve: bool,
    reason: &str,
) -> AppResult<Json<ClaimBody>> {
    service::decide(&state.services, actor, id, approve, reason).await?;
    let (c, r) = service::get(&state.services, actor, id).await?;
    Ok(Json(claim_body(state, c, r)))
}

/// UG-13: the region's manager approves (within the current caps).
#[utoipa::path(post, path = "/v1/claims/{id}/approve", tag = "expenses", params(("id" = String, Path)), request_body = DecisionBody,
    responses((status = 200, body = ClaimBody), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn approve(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ClaimId>,
    ApiJson(b): ApiJson<DecisionBody>,
) -> AppResult<Json<ClaimBody>> {
    decide(&state, &u.actor, id, true, &b.reason).await
}

/// UG-13: rejects with a reason the leaders are emailed.
#[utoipa::path(post, path = "/v1/claims/{id}/reject", tag = "expenses", params(("id" = String, Path)), request_body = DecisionBody,
    responses((status = 200, body = ClaimBody), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn reject(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Path(id): Path<ClaimId>,
    ApiJson(b): ApiJson<DecisionBody>,
) -> AppResult<Json<ClaimBody>> {
    decide(&state, &u.actor, id, false, &b.reason).await
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TotalsQuery {
    /// Calendar year of the events.
    year: i32,
    /// One region (its managers); without it, all regions (admins).
    region_id: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct TotalBody {
    region_id: String,
    region: String,
    group: String,
    group_slug: String,
    currency: String,
    venue: String,
    catering: String,
    other: String,
    total: String,
    claims: i64,
}

fn total_body(t: Total) -> TotalBody {
    TotalBody {
        total: amount(t.venue + t.catering + t.other, &t.currency),
        venue: amount(t.venue, &t.currency),
        catering: amount(t.catering, &t.currency),
        other: amount(t.other, &t.currency),
        region_id: t.region_id.to_string(),
        region: t.region_name,
        group: t.group_name,
        group_slug: t.group_slug,
        currency: t.currency,
        claims: t.claims,
    }
}

/// UG-13: approved totals per group for a year (`Accept: text/csv` for CSV).
#[utoipa::path(get, path = "/v1/expenses", tag = "expenses", params(TotalsQuery),
    responses((status = 200, body = [TotalBody]), (status = 403, body = Problem)))]
pub async fn totals(
    State(state): State<AppState>,
    ApiUser(u): ApiUser,
    Query(q): Query<TotalsQuery>,
    headers: axum::http::HeaderMap,
) -> AppResult<Response> {
    let region = q
        .region_id
        .as_deref()
        .filter(|r| !r.is_empty())
        .map(|r| r.parse::<RegionId>().map_err(|_| DomainError::NotFound))
        .transpose()?;
    let rows = service::totals(&state.services, &u.actor, region, q.year).await?;
    let wants_csv =
        headers.get(axum::http::header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|a| a.contains("text/csv"));
    if wants_csv {
        let csv = service::totals_csv(q.year, &rows)?;
        return Ok(([(CONTENT_TYPE, "text/csv; charset=utf-8")], csv).into_response());
    }
    Ok(Json(rows.into_iter().map(total_body).collect::<Vec<_>>()).into_response())
}
