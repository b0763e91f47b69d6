//! Periodic clean-up: forgets rate-limit windows older than a day and the
//! keyed-hash secrets of days before yesterday (UG-8).

use std::time::Duration;

use chrono::Utc;
use guildhall_storage::{hash_keys, rate_limits};
use tokio::sync::watch;

use crate::services::Services;

pub async fn run(svc: Services, mut shutdown: watch::Receiver<bool>) {
    loop {
        let cutoff = Utc::now().timestamp() - 86_400;
        let pruned = async {
            let mut tx = svc.begin().await?;
            let n = rate_limits::prune(&mut tx, cutoff).await?;
            // UG-8: yesterday's keys go, and with them any way back to who reported.
            hash_keys::prune(&mut tx, Utc::now().date_naive()).await?;
            tx.commit().await?;
            Ok::<_, guildhall_storage::StorageError>(n)
        };
        if let Err(e) = pruned.await {
            tracing::warn!(error = %e, "housekeeping failed");
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(3600)) => {}
            _ = shutdown.changed() => break,
        }
    }
}
