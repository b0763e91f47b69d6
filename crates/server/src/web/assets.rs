//! The stylesheet and the one small script, compiled into the binary.

use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;

use crate::app::AppState;

const SITE_CSS: &str = include_str!("../../static/site.css");
const SITE_JS: &str = include_str!("../../static/site.js");

pub fn router() -> Router<AppState> {
    Router::new().route("/static/site.css", get(css)).route("/static/site.js", get(js))
}

async fn css() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")], SITE_CSS)
}

async fn js() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")],
        SITE_JS,
    )
}
