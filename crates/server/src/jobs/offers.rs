//! UG-18: every 15 seconds, seat offers whose deadline passed are passed
//! on to the next person waiting. Each is re-read under its event's lock,
//! so several instances running this pass each offer on exactly once.

use std::time::Duration;

use chrono::Utc;
use tokio::sync::watch;

use crate::services::offers::pass_on_expired;
use crate::services::Services;

pub async fn run(svc: Services, mut shutdown: watch::Receiver<bool>) {
    loop {
        match pass_on_expired(&svc, Utc::now()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(offers = n, "expired seat offers passed on"),
            Err(e) => tracing::warn!(error = ?e, "passing on expired offers failed"),
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(15)) => {}
            _ = shutdown.changed() => break,
        }
    }
}
