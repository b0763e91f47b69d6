//! Settings read once per instance instead of once per request, and
//! forgotten as soon as they change anywhere. On SQLite this process is the
//! only writer, so forgetting on its own change is enough. On PostgreSQL,
//! several instances share the data: a change sends a notification
//! (`storage::settings::announce_change`) and each instance's listener
//! (`jobs::settings_listener`) forgets its copy. While the listener is not
//! connected, nothing is cached, so a missed notification cannot leave an
//! instance on old values.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use guildhall_domain::settings::Settings;
use guildhall_storage::{settings, Backend, Db, StorageError};

pub struct SettingsCache {
    current: Mutex<Option<Arc<Settings>>>,
    /// Counts changes, so a read that began before a change does not store
    /// what it read after the change forgot the copy.
    generation: AtomicU64,
    /// Whether a copy may be kept: always on SQLite; on PostgreSQL only
    /// while the listener hears every change.
    trusted: AtomicBool,
}

impl SettingsCache {
    pub fn new(backend: Backend) -> Self {
        Self {
            current: Mutex::new(None),
            generation: AtomicU64::new(0),
            trusted: AtomicBool::new(backend == Backend::Sqlite),
        }
    }

    pub async fn get(&self, db: &Db) -> Result<Arc<Settings>, StorageError> {
        if self.trusted.load(Ordering::SeqCst) {
            if let Some(s) = self.lock().clone() {
                return Ok(s);
            }
        }
        let seen = self.generation.load(Ordering::SeqCst);
        let fresh = Arc::new(settings::load(db.reader()).await?);
        if self.trusted.load(Ordering::SeqCst) {
            let mut current = self.lock();
            if self.generation.load(Ordering::SeqCst) == seen {
                *current = Some(fresh.clone());
            }
        }
        Ok(fresh)
    }

    /// Forgets the copy (a setting changed, or a change may have been missed).
    pub fn forget(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        *self.lock() = None;
    }

    /// The listener says whether it hears every change from now on.
    pub fn set_trusted(&self, trusted: bool) {
        self.trusted.store(trusted, Ordering::SeqCst);
        self.forget();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Arc<Settings>>> {
        self.current.lock().unwrap_or_else(|e| e.into_inner())
    }
}
