//! Keeps this instance's settings cache true on PostgreSQL: forgets the
//! copy whenever any instance announces a change, and stops caching while
//! it cannot hear (see `services::settings_cache`).

use std::time::Duration;

use guildhall_storage::settings::{ChangeListener, Heard};
use guildhall_storage::Backend;
use tokio::sync::watch;

use crate::services::Services;

pub async fn run(svc: Services, database_url: String, mut shutdown: watch::Receiver<bool>) {
    if svc.db.backend() != Backend::Postgres {
        return;
    }
    while !*shutdown.borrow() {
        let mut listener = match ChangeListener::connect(&database_url).await {
            Ok(l) => l,
            Err(e) => {
                tracing::warn!(error = %e, "cannot listen for settings changes; reading settings uncached");
                tokio::select! {
                    _ = tokio::time::sleep(Duration::from_secs(1)) => {}
                    _ = shutdown.changed() => {}
                }
                continue;
            }
        };
        svc.settings.set_trusted(true);
        loop {
            tokio::select! {
                heard = listener.next() => match heard {
                    Heard::Changed => svc.settings.forget(),
                    Heard::Lost => break,
                },
                _ = shutdown.changed() => break,
            }
        }
        svc.settings.set_trusted(false);
    }
}
