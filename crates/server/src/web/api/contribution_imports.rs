//! Contributions imported in bulk (PL-3): a CSV from staff, or a member's
//! blog feed.

use crate::web::path::Path;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use guildhall_domain::ids::MemberId;
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::Problem;
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::error::AppResult;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(import_csv)).routes(routes!(import_feed))
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
