use guildhall_domain::DomainError;
use thiserror::Error;

/// Storage failures. A rule broken at the database (a unique constraint)
/// comes back as the domain error the caller maps it to.
#[derive(Debug, Error)]
pub enum StorageError {
    #[error(transparent)]
    Rule(#[from] DomainError),
    #[error("database URL is not usable: {0}")]
    BadUrl(String),
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("backup or restore failed: {0}")]
    Backup(String),
}

/// If `err` is a unique-constraint violation, the name of what was
/// violated: PostgreSQL reports the constraint name, SQLite the columns
/// ("members.email"). Callers match on either.
pub fn unique_violation(err: &sqlx::Error) -> Option<String> {
    let db = err.as_database_error()?;
    if !db.is_unique_violation() {
        return None;
    }
    Some(db.constraint().map(str::to_owned).unwrap_or_else(|| db.message().to_owned()))
}

/// Maps a unique violation on `constraint` (PostgreSQL name) or `columns`
/// (SQLite's "table.column") to `rule`; anything else stays a database error.
pub fn on_unique(err: sqlx::Error, constraint: &str, columns: &str, rule: DomainError) -> StorageError {
    match unique_violation(&err) {
        Some(what) if what == constraint || what.contains(columns) => StorageError::Rule(rule),
        _ => StorageError::Database(err),
    }
}

/// True when `err` says the database could not be reached or is going
/// away (PostgreSQL restarting, a dropped connection, no free connection in
/// time, SQLite busy past its timeout), not that the request was wrong: the
/// same request can succeed a moment later, so callers answer 503.
pub fn is_unavailable(err: &sqlx::Error) -> bool {
    match err {
        sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::WorkerCrashed => true,
        sqlx::Error::Database(db) => {
            let code = db.code().unwrap_or_default();
            // 57P01-03: admin shutdown, crash shutdown, cannot connect now;
            // class 08: connection exceptions; SQLite 5/6: busy, locked.
            code.starts_with("57P")
                || code.starts_with("08")
                || matches!(code.as_ref(), "5" | "6" | "261" | "262" | "517" | "773")
        }
        sqlx::Error::Protocol(m) => m.contains("closed") || m.contains("terminat"),
        _ => false,
    }
}
