//! `/healthz` (checks the database) and `/metrics` (Prometheus text).

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use guildhall_storage::outbox;

use crate::app::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/healthz", get(healthz)).route("/metrics", get(metrics_text))
}

async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    match state.services.db.ping().await {
        Ok(()) => (StatusCode::OK, "ok\n"),
        Err(e) => {
            tracing::error!(error = %e, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable\n")
        }
    }
}

async fn metrics_text(State(state): State<AppState>) -> impl IntoResponse {
    if let Ok(counts) = outbox::counts(state.services.db.reader()).await {
        for state_name in ["queued", "sending", "sent", "failed"] {
            let n = counts.iter().find(|(s, _)| s == state_name).map(|(_, n)| *n).unwrap_or(0);
            metrics::gauge!("guildhall_outbox_emails", "state" => state_name).set(n as f64);
        }
    }
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], state.metrics.render())
}
