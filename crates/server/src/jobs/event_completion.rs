//! UG-14: every minute, published events that ended long enough ago
//! complete by themselves and their leaders are asked to confirm the
//! check-ins. The status moves only from published, so several instances
//! running this complete each event once.

use std::time::Duration;

use chrono::Utc;
use tokio::sync::watch;

use crate::services::events::complete_ended;
use crate::services::Services;

pub async fn run(svc: Services, mut shutdown: watch::Receiver<bool>) {
    loop {
        match complete_ended(&svc, Utc::now()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(events = n, "events completed by themselves"),
            Err(e) => tracing::warn!(error = ?e, "completing ended events failed"),
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(60)) => {}
            _ = shutdown.changed() => break,
        }
    }
}
