//! Renders every error in one place: `application/problem+json` (RFC 9457)
//! under `/api/`, an HTML page elsewhere, in the viewer's language. A page
//! that needs a signed-in member redirects to the sign-in page instead.

use askama::Template;
use axum::extract::{Request, State};
use axum::http::header::{CONTENT_TYPE, LOCATION};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use guildhall_domain::DomainError;

use super::api::{FieldProblem, Problem};
use super::locale::RequestLocale;
use crate::app::AppState;
use crate::error::ErrorReport;
use crate::i18n::Tr;

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    lang: &'static str,
    title: String,
    message: String,
    /// What the person can do next, for the failures that have one.
    hint: String,
    home: String,
    groups: String,
}

/// The code for a failure that did not come from our own handlers
/// (extractor rejections, body limit, unknown method).
fn code_for_status(status: StatusCode) -> &'static str {
    match status {
        StatusCode::NOT_FOUND => "not_found",
        StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
        StatusCode::PAYLOAD_TOO_LARGE => "payload_too_large",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported_media_type",
        StatusCode::UNPROCESSABLE_ENTITY | StatusCode::BAD_REQUEST => "bad_request",
        StatusCode::REQUEST_TIMEOUT => "timeout",
        StatusCode::SERVICE_UNAVAILABLE => "unavailable",
        s if s.is_server_error() => "internal",
        _ => "bad_request",
    }
}

pub async fn render(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let is_api = req.uri().path().starts_with("/api/");
    let chosen = req.extensions().get::<RequestLocale>().copied();
    let locale = chosen.map(|l| l.locale).unwrap_or_default();
    // PL-9: a page's own error speaks the signed-in member's saved language,
    // as the page would have (read only when an error page is shown).
    let jar = (!is_api && !chosen.is_some_and(|c| c.explicit))
        .then(|| axum_extra::extract::cookie::CookieJar::from_headers(req.headers()));
    let path = req.uri().path().to_owned();
    let is_get = req.method() == Method::GET;
    let res = next.run(req).await;
    let status = res.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return res;
    }
    let report = res.extensions().get::<ErrorReport>().cloned();
    let already_rendered = report.is_none()
        && res
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|ct| ct.starts_with("text/html") || ct.starts_with("application/problem+json"));
    if already_rendered {
        return res;
    }
    let retry_after = res.headers().get(axum::http::header::RETRY_AFTER).cloned();
    let domain = report.and_then(|r| r.0);
    if !is_api && is_get && domain == Some(DomainError::Unauthenticated) {
        let next = urlencode(&path);
        let mut redirect = StatusCode::SEE_OTHER.into_response();
        if let Ok(v) = HeaderValue::from_str(&format!("/signin?next={next}")) {
            redirect.headers_mut().insert(LOCATION, v);
        }
        return redirect;
    }
    let locale = match jar {
        Some(jar) => match crate::auth::identity::SignedIn::from_cookies(&state, &jar).await {
            Ok(Some(u)) => u.member.locale,
            _ => locale,
        },
        None => locale,
    };
    let tr = Tr(locale);
    let code = domain.as_ref().map(|d| d.code()).unwrap_or_else(|| code_for_status(status));
    let title = match &domain {
        Some(d) => tr.domain_error(d),
        None => tr.error(code),
    };
    let mut out = if is_api {
        let errors = match &domain {
            Some(DomainError::Invalid(fields)) => Some(
                fields
                    .iter()
                    .map(|f| FieldProblem { field: f.field.into(), code: f.code.into(), message: tr.field(f.code) })
                    .collect::<Vec<_>>(),
            )
            .filter(|f| !f.is_empty()),
            _ => None,
        };
        let body = Problem {
            kind: format!("/problems/{code}"),
            detail: Some(title.clone()),
            title,
            status: status.as_u16(),
            instance: path,
            code: code.into(),
            errors,
        };
        let body = serde_json::to_string(&body).unwrap_or_default();
        let mut r = (status, body).into_response();
        r.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
        r
    } else {
        let message = match &domain {
            Some(DomainError::Invalid(fields)) => {
                // The field's own name is a code ("starts_at"): the message
                // says what is wrong in words.
                fields.iter().map(|f| tr.field(f.code)).collect::<Vec<_>>().join(" ")
            }
            _ => String::new(),
        };
        let hint = tr.try_t(&format!("error-hint-{code}")).unwrap_or_default();
        let (home, groups) = (tr.t("error-back-home"), tr.t("error-see-groups"));
        let page = ErrorPage { lang: locale.code(), title, message, hint, home, groups };
        match page.render() {
            Ok(html) => (status, Html(html)).into_response(),
            Err(_) => (status, "error").into_response(),
        }
    };
    if let Some(v) = retry_after {
        out.headers_mut().insert(axum::http::header::RETRY_AFTER, v);
    }
    out
}

/// Percent-encodes a path for a query parameter.
pub fn urlencode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}
