//! HTTP: server-rendered pages, the JSON API, health and metrics, and the
//! layers every request passes through.

pub mod api;
pub mod assets;
pub mod choices;
pub mod ctx;
pub mod errors;
pub mod feeds;
pub mod health;
pub mod locale;
pub mod page_cache;
pub mod pages;
pub mod paging;
pub mod path;

use std::time::{Duration, Instant};

use axum::extract::{DefaultBodyLimit, MatchedPath, Request};
use axum::http::{HeaderName, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::Router;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

use crate::app::AppState;
use crate::auth::csrf;
use crate::error::AppError;

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Every answer's Content-Security-Policy.
pub const CONTENT_SECURITY_POLICY: &str =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
     object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// HSTS for a site served over https (a year, subdomains too); nothing
/// otherwise, since a browser would then refuse the plain-http site.
fn hsts(config: &crate::config::Config) -> Option<HeaderValue> {
    (config.public_url.scheme() == "https").then(|| HeaderValue::from_static("max-age=31536000; includeSubDomains"))
}

/// The whole application's routes and layers.
pub fn router(state: AppState) -> Router {
    let max_body = state.config.max_body_bytes;
    Router::new()
        .merge(pages::router())
        .nest("/api", api::router())
        .merge(feeds::router())
        .merge(health::router())
        .merge(assets::router())
        .fallback(|| async { AppError::from(guildhall_domain::DomainError::NotFound) })
        .layer(middleware::from_fn_with_state(state.clone(), errors::render))
        .layer(middleware::from_fn_with_state(state.clone(), forget_pages_after_writes))
        .layer(middleware::from_fn(locale::detect))
        .layer(middleware::from_fn(csrf::ensure_token))
        .layer(DefaultBodyLimit::max(max_body))
        .layer(middleware::from_fn(record_metrics))
        .layer(middleware::from_fn(no_store_when_signed_in))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("x-content-type-options"),
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("x-frame-options"),
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("referrer-policy"),
            HeaderValue::from_static("same-origin"),
        ))
        // No inline script or style anywhere (JSON-LD is a data block, not a
        // script); pages may not be framed; forms post only here.
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("content-security-policy"),
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("strict-transport-security"),
            hsts(&state.config),
        ))
        .layer(TraceLayer::new_for_http().make_span_with(|req: &Request| {
            let id = req.headers().get(&REQUEST_ID).and_then(|v| v.to_str().ok()).unwrap_or("-");
            tracing::info_span!("request", request_id = %id, method = %req.method(), path = %req.uri().path())
        }))
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(60),
        ))
        .with_state(state)
}

/// Answers to a signed-in browser or an API token hold personal data: no
/// shared or back-button cache keeps them (ASVS 8.1.1).
async fn no_store_when_signed_in(req: Request, next: Next) -> Response {
    let personal = req.headers().contains_key(axum::http::header::AUTHORIZATION)
        || req
            .headers()
            .get_all(axum::http::header::COOKIE)
            .iter()
            .any(|c| c.to_str().is_ok_and(|c| c.contains(crate::auth::identity::SESSION_COOKIE)));
    let mut res = next.run(req).await;
    if personal && !res.headers().contains_key(axum::http::header::CACHE_CONTROL) {
        res.headers_mut().insert(axum::http::header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

/// A successful change on this instance makes its cached public pages
/// stale at once (other instances catch up within the cache's lifetime).
async fn forget_pages_after_writes(
    axum::extract::State(state): axum::extract::State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    let write = !matches!(*req.method(), axum::http::Method::GET | axum::http::Method::HEAD);
    let res = next.run(req).await;
    if write && (res.status().is_success() || res.status().is_redirection()) {
        state.page_cache.clear();
    }
    res
}

/// Counts requests and their durations per route for `/metrics`.
async fn record_metrics(req: Request, next: Next) -> Response {
    let route =
        req.extensions().get::<MatchedPath>().map(|p| p.as_str().to_owned()).unwrap_or_else(|| "unmatched".into());
    let method = req.method().to_string();
    let start = Instant::now();
    let res = next.run(req).await;
    let labels = [("method", method), ("route", route), ("status", res.status().as_u16().to_string())];
    metrics::counter!("guildhall_http_requests_total", &labels).increment(1);
    metrics::histogram!("guildhall_http_request_duration_seconds", &labels).record(start.elapsed().as_secs_f64());
    res
}
