//! The places where SQLite and PostgreSQL need different SQL, each behind
//! one named function. Everything else in this crate is portable SQL.

use crate::Backend;

/// Suffix for a sub-select that claims rows for one worker: PostgreSQL
/// skips rows another instance has locked; SQLite has a single writer, so
/// the claim is already exclusive.
pub fn skip_locked(backend: Backend) -> &'static str {
    match backend {
        Backend::Postgres => " FOR UPDATE SKIP LOCKED",
        Backend::Sqlite => "",
    }
}

/// An aggregate that packs each row's `columns` into one JSON array text:
/// `[[a, b], [a, b]]`, for reading many small rows as one.
pub fn json_rows_agg(backend: Backend, columns: &str) -> String {
    match backend {
        Backend::Postgres => format!("json_agg(json_build_array({columns}))::text"),
        Backend::Sqlite => format!("json_group_array(json_array({columns}))"),
    }
}

/// A LIKE pattern matching text that contains `s` literally: its `%`, `_`
/// and `\\` escaped, for `LIKE $n ESCAPE '\\'` (same on both databases).
pub fn like_containing(s: &str) -> String {
    format!("%{}%", s.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"))
}

/// Holds `key` until the transaction ends, so that writers who read, check
/// and then write (a seat cap, "one of these at a time") run one after the
/// other across instances: PostgreSQL takes a transaction-scoped advisory
/// lock; SQLite's single writer already runs write transactions one by one.
pub async fn lock_until_commit(tx: &mut crate::Tx, backend: Backend, key: &str) -> Result<(), crate::StorageError> {
    if backend == Backend::Postgres {
        sqlx::query("SELECT pg_advisory_xact_lock(hashtext($1))").bind(key).execute(&mut **tx).await?;
    }
    Ok(())
}
