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
