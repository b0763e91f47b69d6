//! UG-10: the group health check, once an hour so a restart never skips a
//! day; a run that finds nothing to change sends nothing.

use std::time::Duration;

use chrono::Utc;
use tokio::sync::watch;

use crate::services::health::daily_check;
use crate::services::Services;

pub async fn run(svc: Services, mut shutdown: watch::Receiver<bool>) {
    loop {
        match daily_check(&svc, Utc::now()).await {
            Ok(o) if o.marked.is_empty() && o.restored.is_empty() => {}
            Ok(o) => tracing::info!(marked = o.marked.len(), restored = o.restored.len(), "group health changed"),
            Err(e) => tracing::warn!(error = ?e, "group health check failed"),
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(3600)) => {}
            _ = shutdown.changed() => break,
        }
    }
}
