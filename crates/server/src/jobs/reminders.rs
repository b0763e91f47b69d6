//! UG-14: reminders before events, every minute. Each attendee's reminder
//! is claimed in the database, so several instances running this job
//! still send it once.

use std::time::Duration;

use chrono::Utc;
use tokio::sync::watch;

use crate::services::registrations::send_reminders;
use crate::services::Services;

pub async fn run(svc: Services, mut shutdown: watch::Receiver<bool>) {
    loop {
        match send_reminders(&svc, Utc::now()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(reminders = n, "event reminders queued"),
            Err(e) => tracing::warn!(error = ?e, "reminders failed"),
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(60)) => {}
            _ = shutdown.changed() => break,
        }
    }
}
