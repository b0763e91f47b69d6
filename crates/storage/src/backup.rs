//! Online backup and restore. SQLite: `VACUUM INTO` writes a consistent
//! copy from one read transaction while writers go on (WAL). PostgreSQL:
//! `pg_dump` in its custom format (one snapshot), `pg_restore` back.
//! A restore goes only into an empty database, and checks that the file
//! is a backup of the same kind of database first.

use std::path::Path;

use crate::db::{backend_of, sqlite_path};
use crate::{Backend, Db, StorageError};

fn failed(what: impl std::fmt::Display) -> StorageError {
    StorageError::Backup(what.to_string())
}

/// Writes a consistent copy of `db` (reached at `url`) to `to`, which must
/// not exist yet.
pub async fn backup(db: &Db, url: &str, to: &Path) -> Result<(), StorageError> {
    if to.exists() {
        return Err(failed(format!("{} already exists; choose a new file", to.display())));
    }
    match db.backend() {
        Backend::Sqlite => {
            let target = to.to_str().ok_or_else(|| failed("the backup path is not valid UTF-8"))?;
            sqlx::query("VACUUM INTO $1").bind(target).execute(db.reader()).await?;
            Ok(())
        }
        Backend::Postgres => {
            let out = tokio::process::Command::new("pg_dump")
                .args(["--format=custom", "--no-owner", "--no-privileges", "--file"])
                .arg(to)
                .arg(url)
                .output()
                .await
                .map_err(|e| failed(format!("cannot run pg_dump ({e}); install postgresql-client")))?;
            if !out.status.success() {
                let _ = std::fs::remove_file(to);
                return Err(failed(format!("pg_dump failed: {}", String::from_utf8_lossy(&out.stderr).trim())));
            }
            Ok(())
        }
    }
}

/// What kind of backup a file holds, from its first bytes.
fn kind_of(from: &Path) -> Result<Backend, StorageError> {
    use std::io::Read;
    let mut head = [0u8; 16];
    let mut f = std::fs::File::open(from).map_err(|e| failed(format!("cannot read {}: {e}", from.display())))?;
    let n = f.read(&mut head).map_err(|e| failed(format!("cannot read {}: {e}", from.display())))?;
    match &head[..n] {
        h if h.starts_with(b"SQLite format 3\0") => Ok(Backend::Sqlite),
        h if h.starts_with(b"PGDMP") => Ok(Backend::Postgres),
        _ => Err(failed(format!("{} is not a Guildhall backup (neither SQLite nor pg_dump's format)", from.display()))),
    }
}

/// Restores the backup `from` into the empty database at `url`.
pub async fn restore(url: &str, from: &Path) -> Result<(), StorageError> {
    let backend = backend_of(url)?;
    let kind = kind_of(from)?;
    if kind != backend {
        return Err(failed(format!(
            "{} is a {kind:?} backup and cannot go into a {backend:?} database",
            from.display()
        )));
    }
    match backend {
        Backend::Sqlite => {
            let path = sqlite_path(url);
            if std::fs::metadata(&path).is_ok_and(|m| m.len() > 0) {
                return Err(failed(format!("{} is not empty; restore into a new file", path.display())));
            }
            // Copy under a temporary name, then rename, so a half-written
            // file never looks like a database.
            let partial = path.with_extension("restoring");
            std::fs::copy(from, &partial).map_err(|e| failed(format!("cannot write {}: {e}", partial.display())))?;
            std::fs::rename(&partial, &path).map_err(|e| failed(format!("cannot write {}: {e}", path.display())))?;
            Ok(())
        }
        Backend::Postgres => {
            use sqlx::Connection;
            let mut conn = sqlx::PgConnection::connect(url).await?;
            let tables: i64 =
                sqlx::query_scalar("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'")
                    .fetch_one(&mut conn)
                    .await?;
            conn.close().await?;
            if tables > 0 {
                return Err(failed("the target database is not empty; restore into a new database"));
            }
            let out = tokio::process::Command::new("pg_restore")
                .args(["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--dbname"])
                .arg(url)
                .arg(from)
                .output()
                .await
                .map_err(|e| failed(format!("cannot run pg_restore ({e}); install postgresql-client")))?;
            if !out.status.success() {
                return Err(failed(format!("pg_restore failed: {}", String::from_utf8_lossy(&out.stderr).trim())));
            }
            Ok(())
        }
    }
}
