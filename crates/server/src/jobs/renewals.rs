//! CH-7: the yearly renewal, started by itself once its day has come. The
//! job looks every hour; a run for a year happens once (its row is
//! unique and leased), so asking again after it is done costs one query.

use std::time::Duration;

use chrono::Utc;
use tokio::sync::watch;

use crate::services::renewals::yearly;
use crate::services::Services;

pub async fn run(svc: Services, mut shutdown: watch::Receiver<bool>) {
    loop {
        if let Err(e) = yearly(&svc, Utc::now().date_naive()).await {
            tracing::warn!(error = ?e, "yearly renewal failed; it is tried again within the hour");
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(3600)) => {}
            _ = shutdown.changed() => break,
        }
    }
}
