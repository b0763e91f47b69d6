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
