//! Connecting, pools and migrations.

use std::str::FromStr;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{Any, AnyPool, Connection, Executor};

use crate::StorageError;

/// Which database is behind the pools.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A transaction on the write pool.
pub type Tx = sqlx::Transaction<'static, Any>;

/// The database: a read pool and a write pool. On SQLite the write pool
/// holds one connection, so writers queue in the process instead of
/// spinning on SQLite's busy lock; on PostgreSQL both are one pool.
#[derive(Clone, Debug)]
pub struct Db {
    read: AnyPool,
    pub(crate) write: AnyPool,
    backend: Backend,
}

pub(crate) static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

impl Db {
    /// Connects to `url` (`sqlite:path` or `postgres://...`) and runs the
    /// migrations. A SQLite file is created when missing.
    pub async fn connect(url: &str, max_connections: u32) -> Result<Self, StorageError> {
        sqlx::any::install_default_drivers();
        let backend = backend_of(url)?;
        let options =
            AnyConnectOptions::from_str(&normalise(url, backend)).map_err(|e| StorageError::BadUrl(e.to_string()))?;
        // One direct connection first, so a wrong URL fails at once instead of
        // after the pool's retries.
        sqlx::AnyConnection::connect_with(&options).await?.close().await?;
        let db = match backend {
            Backend::Sqlite => {
                let pool = |n: u32| {
                    AnyPoolOptions::new().max_connections(n).acquire_timeout(Duration::from_secs(30)).after_connect(
                        |conn, _| {
                            Box::pin(async move {
                                // WAL keeps readers and the writer apart; NORMAL
                                // sync loses nothing when the process is killed.
                                for pragma in [
                                    "PRAGMA journal_mode = WAL",
                                    "PRAGMA synchronous = NORMAL",
                                    "PRAGMA busy_timeout = 10000",
                                    "PRAGMA foreign_keys = ON",
                                    // PL-8: deleted content is overwritten, so an
                                    // erased member leaves nothing in free pages.
                                    "PRAGMA secure_delete = ON",
                                ] {
                                    conn.execute(pragma).await?;
                                }
                                Ok(())
                            })
                        },
                    )
                };
                let write = pool(1).connect_with(options.clone()).await?;
                MIGRATOR.run(&write).await?;
                let read = pool(max_connections.max(2)).connect_with(options).await?;
                Db { read, write, backend }
            }
            Backend::Postgres => {
                let pool = AnyPoolOptions::new()
                    .max_connections(max_connections.max(2))
                    .acquire_timeout(Duration::from_secs(30))
                    .connect_with(options)
                    .await?;
                MIGRATOR.run(&pool).await?;
                Db { read: pool.clone(), write: pool, backend }
            }
        };
        crate::members::fill_search_names(&db).await?;
        Ok(db)
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The pool for reads outside a transaction.
    /// The pool writes go through (SQLite's single writer).
    pub(crate) fn writer(&self) -> &AnyPool {
        &self.write
    }

    pub fn reader(&self) -> &AnyPool {
        &self.read
    }

    /// Starts a write transaction.
    pub async fn begin(&self) -> Result<Tx, StorageError> {
        Ok(self.write.begin().await?)
    }

    /// Checks the database answers (for `/healthz`).
    pub async fn ping(&self) -> Result<(), StorageError> {
        sqlx::query("SELECT 1").execute(&self.read).await?;
        Ok(())
    }

    /// Waits for in-flight queries and closes every connection.
    pub async fn close(&self) {
        self.read.close().await;
        self.write.close().await;
    }
}

pub(crate) fn backend_of(url: &str) -> Result<Backend, StorageError> {
    if url.starts_with("sqlite:") {
        Ok(Backend::Sqlite)
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok(Backend::Postgres)
    } else {
        Err(StorageError::BadUrl(format!(
            "{url:?} is neither a SQLite URL (sqlite:guildhall.db) nor a PostgreSQL URL (postgres://user@host/db)"
        )))
    }
}

/// The file behind a `sqlite:` URL (without its query).
pub(crate) fn sqlite_path(url: &str) -> std::path::PathBuf {
    let rest = url.trim_start_matches("sqlite:").trim_start_matches("//");
    std::path::PathBuf::from(rest.split('?').next().unwrap_or(rest))
}

/// SQLite files are created on first start (`mode=rwc`).
fn normalise(url: &str, backend: Backend) -> String {
    if backend == Backend::Sqlite && !url.contains("mode=") {
        let sep = if url.contains('?') { '&' } else { '?' };
        format!("{url}{sep}mode=rwc")
    } else {
        url.to_owned()
    }
}
