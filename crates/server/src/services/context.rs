//! What services, jobs, the command line and the demo work with: the
//! database, how to write links, where uploads live, this instance's
//! registration queues and the signal that wakes its mailer. Nothing of
//! the web (page cache, metrics) is here, so services never depend on it.

use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use guildhall_storage::{Db, StorageError, Tx};
use tokio::sync::Notify;

use guildhall_domain::settings::Settings;

use super::registrar::Registrar;
use super::settings_cache::SettingsCache;
use crate::config::Config;

#[derive(Clone)]
pub struct Services {
    pub db: Db,
    pub links: Links,
    pub uploads: Uploads,
    /// This instance's per-event registration queues (UG-14 under a rush).
    pub registrar: Arc<Registrar>,
    /// Names this instance in leases (outbox, renewal runs).
    pub instance_id: Arc<str>,
    /// Settings read once and forgotten when they change (`settings_cache`).
    pub settings: Arc<SettingsCache>,
    /// The address emails come from: the ORGANIZER of calendar invitations.
    pub mail_from: Arc<str>,
    /// Whether linked feeds may be read from private addresses (PL-3).
    pub fetch_private_hosts: bool,
    mail: MailSignal,
}

impl Services {
    pub fn new(db: Db, config: &Config) -> Self {
        Self {
            links: Links {
                base: Arc::from(config.public_url.as_str().trim_end_matches('/')),
                host: Arc::from(config.public_url.host_str().unwrap_or("guildhall")),
            },
            mail_from: Arc::from(config.mail_from.as_str()),
            fetch_private_hosts: config.fetch_private_hosts,
            uploads: Uploads(Arc::new(config.upload_dir.clone())),
            registrar: Default::default(),
            instance_id: Arc::from(config.instance_id.as_str()),
            settings: Arc::new(SettingsCache::new(db.backend())),
            db,
            mail: MailSignal::default(),
        }
    }

    /// The bare address of `mail_from` ("Guildhall <a@b>" gives "a@b").
    pub fn organizer(&self) -> &str {
        let from = self.mail_from.trim();
        from.rsplit_once('<').and_then(|(_, rest)| rest.split_once('>')).map(|(addr, _)| addr).unwrap_or(from)
    }

    /// The settings data, from this instance's copy when it can be trusted.
    pub async fn settings(&self) -> Result<Arc<Settings>, StorageError> {
        self.settings.get(&self.db).await
    }

    /// Opens a unit of work: a transaction whose commit wakes this
    /// instance's mailer if an email was queued in it.
    pub async fn begin(&self) -> Result<Work, StorageError> {
        Ok(Work { tx: self.db.begin().await?, mail: self.mail.clone(), queued_mail: false })
    }

    /// The signal the outbox worker waits on.
    pub fn mail_signal(&self) -> &MailSignal {
        &self.mail
    }
}

/// Absolute links into this Guildhall, for emails and calendar files.
#[derive(Clone)]
pub struct Links {
    base: Arc<str>,
    host: Arc<str>,
}

impl Links {
    pub fn to(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The public host: calendar UIDs are `<event id>@<host>` (UG-17), the
    /// same in feeds and invitations.
    pub fn host(&self) -> &str {
        &self.host
    }
}

/// Where uploaded files (receipts, UG-13) are kept.
#[derive(Clone)]
pub struct Uploads(Arc<PathBuf>);

impl Uploads {
    pub fn dir(&self) -> &Path {
        &self.0
    }
}

/// Wakes this instance's outbox worker (PL-4) so queued mail leaves at once
/// instead of at the next poll.
#[derive(Clone, Default)]
pub struct MailSignal(Arc<Notify>);

impl MailSignal {
    pub fn wake(&self) {
        self.0.notify_one();
    }

    pub async fn woken(&self) {
        self.0.notified().await
    }
}

/// A transaction that remembers whether it queued mail. Storage functions
/// take it as the `Tx` it wraps; `notify` marks it; `commit` wakes the
/// mailer only after the email is durable, so no call site has to
/// remember to.
pub struct Work {
    tx: Tx,
    mail: MailSignal,
    queued_mail: bool,
}

impl Work {
    pub fn mail_queued(&mut self) {
        self.queued_mail = true;
    }

    /// The connection, for storage reads that take any executor.
    pub fn conn(&mut self) -> &mut sqlx::AnyConnection {
        &mut self.tx
    }

    pub async fn commit(self) -> Result<(), sqlx::Error> {
        self.tx.commit().await?;
        if self.queued_mail {
            self.mail.wake();
        }
        Ok(())
    }
}

impl Deref for Work {
    type Target = Tx;
    fn deref(&self) -> &Tx {
        &self.tx
    }
}

impl DerefMut for Work {
    fn deref_mut(&mut self) -> &mut Tx {
        &mut self.tx
    }
}
